"""The one place where NumPy pictures become Qt images."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap


def array_to_qimage(pixels: np.ndarray) -> QImage:
    """H x W x 3 (RGB) or H x W x 4 (RGBA, straight alpha) uint8 to a QImage that owns a copy
    of the pixels, so the array may be freed or changed afterwards."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected H x W x 3 or 4 uint8 pixels, got {pixels.shape} {pixels.dtype}")
    pixels = np.ascontiguousarray(pixels)
    height, width, channels = pixels.shape
    fmt = QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBA8888
    # QImage wraps the buffer without copying; .copy() detaches it from the NumPy memory.
    return QImage(pixels.data, width, height, width * channels, fmt).copy()


def array_to_pixmap(pixels: np.ndarray) -> QPixmap:
    return QPixmap.fromImage(array_to_qimage(pixels))


def tinted_mask_rgba(mask: np.ndarray, rgb: tuple[int, int, int]) -> np.ndarray:
    """A boolean mask as an RGBA layer: ``rgb`` where the mask is set, transparent elsewhere.
    Drawn over the original at opacity a, it gives the core's overlay blend
    (original * (1 - a) + tint * a on the mask), and the opacity can change without redrawing."""
    layer = np.zeros((*mask.shape, 4), dtype=np.uint8)
    layer[mask] = (*rgb, 255)
    return layer
