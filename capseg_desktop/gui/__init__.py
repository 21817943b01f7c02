"""The desktop window (PySide6). It asks ``capseg_desktop.core`` for sessions and analyses
and gets NumPy arrays back; it never imports TensorFlow or Keras itself."""

from .qt_compat import protect_interpreter

# Before any window exists: a Qt binding with the reference defect described in qt_compat
# would otherwise abort the interpreter after a minute of use.
protect_interpreter()
