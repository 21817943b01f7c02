"""The one place where NumPy pictures become Qt images.

The QImages are made in the screen's own formats (RGB32, ARGB32 premultiplied), so that the
GUI thread's ``QPixmap.fromImage`` shares their pixels instead of converting them: the
conversion runs in the worker thread, and an 8000-pixel scan does not freeze the window.
QImage (unlike QPixmap) may be made in any thread.
"""

from __future__ import annotations

import sys

import cv2
import numpy as np
from PySide6.QtGui import QImage, QPixmap, qRgb, qRgba

#: Rows converted per step. PySide6 keeps the GIL through a QImage format conversion, so a
#: whole 8000 x 8000 scan converted in one call froze the GUI thread for 0.3 s; in blocks,
#: the GUI thread gets its turn between them (OpenCV releases the GIL inside each block).
BLOCK_ROWS = 256


def _pixels(image: QImage) -> np.ndarray:
    """A writable H x W x 4 view of a 32-bit QImage's pixels (B, G, R, A bytes)."""
    height, width = image.height(), image.width()
    rows = np.frombuffer(image.bits(), dtype=np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 4].reshape(height, width, 4)


def array_to_qimage(pixels: np.ndarray) -> QImage:
    """H x W x 3 (RGB) or H x W x 4 (RGBA, straight alpha) uint8 to a QImage that owns its
    pixels (the array may be freed or changed afterwards)."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected H x W x 3 or 4 uint8 pixels, got {pixels.shape} {pixels.dtype}")
    height, width, channels = pixels.shape
    if channels == 4:
        wrapped = QImage(np.ascontiguousarray(pixels).data, width, height, width * 4, QImage.Format.Format_RGBA8888)
        return wrapped.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if sys.byteorder != "little":  # the byte order below is a little-endian machine's
        wrapped = QImage(np.ascontiguousarray(pixels).data, width, height, width * 3, QImage.Format.Format_RGB888)
        return wrapped.convertToFormat(QImage.Format.Format_RGB32)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    target = _pixels(image)
    for top in range(0, height, BLOCK_ROWS):
        # RGB32 is 0xffRRGGBB: B, G, R, 255 in memory on little-endian machines.
        cv2.cvtColor(pixels[top : top + BLOCK_ROWS], cv2.COLOR_RGB2BGRA, dst=target[top : top + BLOCK_ROWS])
    return image


def mask_to_qimage(
    mask: np.ndarray, on_rgb: tuple[int, int, int], off_rgba: tuple[int, int, int, int] | None
) -> QImage:
    """A boolean mask as a two-colour picture: ``on_rgb`` where set, ``off_rgba`` elsewhere
    (``None``: transparent). The transparent form, drawn over the original at opacity a,
    gives the core's overlay blend (original * (1 - a) + tint * a on the mask), so the
    opacity can change without redrawing."""
    height, width = mask.shape
    opaque = off_rgba is not None and off_rgba[3] == 255
    image = QImage(width, height, QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied)
    words = _pixels(image).view(np.uint32)[..., 0]
    on = np.uint32(qRgb(*on_rgb))
    off = np.uint32(qRgba(*off_rgba) if off_rgba is not None else 0)  # premultiplied: opaque or 0
    for top in range(0, height, BLOCK_ROWS):
        np.copyto(words[top : top + BLOCK_ROWS], np.where(mask[top : top + BLOCK_ROWS], on, off))
    return image


#: Components below the minimum area in the mask view: visible if looked for, never taken
#: for a counted capillary (white).
REJECTED_GREY = (70, 70, 70)


def mask_pictures(
    mask: np.ndarray, tint_rgb: tuple[int, int, int], rejected: np.ndarray | None = None
) -> tuple[QImage, QImage]:
    """The mask view's picture (counted capillaries white, ``rejected`` components dark grey,
    on black) and the overlay's tint layer (counted capillaries only)."""
    picture = mask_to_qimage(mask, (255, 255, 255), (0, 0, 0, 255))
    if rejected is not None and rejected.any():
        words = _pixels(picture).view(np.uint32)[..., 0]
        grey = np.uint32(qRgb(*REJECTED_GREY))
        for top in range(0, mask.shape[0], BLOCK_ROWS):
            block = words[top : top + BLOCK_ROWS]
            block[rejected[top : top + BLOCK_ROWS]] = grey
    return picture, mask_to_qimage(mask, tint_rgb, None)


def to_pixmap(image: QImage) -> QPixmap:
    return QPixmap.fromImage(image)
