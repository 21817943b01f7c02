"""The patient report: a PDF of an exam (``report.pdf.write_report``), drawn with Qt's QtGui
(QPdfWriter, QTextDocument, QPainter) so that no new dependency is needed.

This package may import ``PySide6.QtCore`` and ``PySide6.QtGui`` but never ``QtWidgets`` (the
command line makes reports without a window) nor TensorFlow; ``core`` never imports it (both
checked by ``lint-imports``)."""
