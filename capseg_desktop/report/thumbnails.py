"""The pictures of the report: each image with its numbered boxes and its flagged loops, as
``core.render`` draws them in the exported annotated PNG (without its legend strip: the report
says the same in words), made small enough for a page. NumPy and OpenCV only."""

from __future__ import annotations

import cv2
import numpy as np

#: The longest side of a report picture, in pixels: about 220 dpi across an A4 page's width.
THUMBNAIL_MAX_SIDE = 1600


def shrink(rgb: np.ndarray, max_side: int = THUMBNAIL_MAX_SIDE) -> np.ndarray:
    """``rgb`` scaled down (never up) so that its longest side is at most ``max_side``."""
    height, width = rgb.shape[:2]
    factor = max_side / float(max(height, width, 1))
    if factor >= 1.0:
        return np.ascontiguousarray(rgb)
    size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def thumbnail_for(analysis, max_side: int = THUMBNAIL_MAX_SIDE) -> np.ndarray:
    """The report's picture of an ``Analysis``: its annotated image (boxes, numbers, hand-edited
    boxes in green, dilated and giant loops marked) cut above the legend strip, scaled down."""
    annotated = analysis.annotated_rgb()
    return shrink(annotated[: analysis.result.height], max_side)
