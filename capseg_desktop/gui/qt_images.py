"""The one place where NumPy pictures become Qt images.

The QImages are made in the screen's own formats (RGB32, ARGB32 premultiplied), so that the
GUI thread's ``QPixmap.fromImage`` shares their pixels instead of converting them: the
conversion runs in the worker thread, and an 8000-pixel scan does not freeze the window.
QImage (unlike QPixmap) may be made in any thread.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap, qRgb, qRgba


def array_to_qimage(pixels: np.ndarray) -> QImage:
    """H x W x 3 (RGB) or H x W x 4 (RGBA, straight alpha) uint8 to a QImage that owns its
    pixels (the array may be freed or changed afterwards)."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected H x W x 3 or 4 uint8 pixels, got {pixels.shape} {pixels.dtype}")
    pixels = np.ascontiguousarray(pixels)
    height, width, channels = pixels.shape
    if channels == 3:
        wrapped = QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)
        return wrapped.convertToFormat(QImage.Format.Format_RGB32)  # a copy in the screen's format
    wrapped = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGBA8888)
    return wrapped.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def mask_to_qimage(
    mask: np.ndarray, on_rgb: tuple[int, int, int], off_rgba: tuple[int, int, int, int] | None
) -> QImage:
    """A boolean mask as a two-colour picture: ``on_rgb`` where set, ``off_rgba`` elsewhere
    (``None``: transparent). The transparent form, drawn over the original at opacity a,
    gives the core's overlay blend (original * (1 - a) + tint * a on the mask), so the
    opacity can change without redrawing."""
    height, width = mask.shape
    indices = np.ascontiguousarray(mask, dtype=np.uint8)
    wrapped = QImage(indices.data, width, height, width, QImage.Format.Format_Indexed8)
    off = qRgba(*off_rgba) if off_rgba is not None else qRgba(0, 0, 0, 0)
    wrapped.setColorTable([off, qRgb(*on_rgb)])
    opaque = off_rgba is not None and off_rgba[3] == 255
    return wrapped.convertToFormat(
        QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied
    )


def mask_pictures(mask: np.ndarray, tint_rgb: tuple[int, int, int]) -> tuple[QImage, QImage]:
    """The mask view's picture (white on black) and the overlay's tint layer."""
    return mask_to_qimage(mask, (255, 255, 255), (0, 0, 0, 255)), mask_to_qimage(mask, tint_rgb, None)


def to_pixmap(image: QImage) -> QPixmap:
    return QPixmap.fromImage(image)
