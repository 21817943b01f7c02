"""The desktop window (PySide6). It asks ``capseg_desktop.core`` for sessions and analyses
and gets NumPy arrays back; it never imports TensorFlow or Keras itself."""
