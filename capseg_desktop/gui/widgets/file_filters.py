"""The file dialogs' filters, written once: the images the engine reads and the models it
opens (they were written in three places, one of them untranslated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def image_filter() -> str:
    """Open image, Add images to the exam: the formats ``core.imageio`` reads, then all files."""
    return QCoreApplication.translate(
        "MainWindow", "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.PNG *.JPG *.JPEG *.TIF *.TIFF *.BMP);;All files (*)")


def model_filter() -> str:
    """Load model, Fine-tune's base model: the files ``core.model`` opens, then all files."""
    return QCoreApplication.translate("ModelController", "Models (*.tflite *.keras *.h5 *.hdf5);;All files (*)")
