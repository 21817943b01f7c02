"""How sharp each loop is: a focus measure, and the loops too blurred to measure.

A capillaroscope has a shallow depth of field: part of a picture is often out of focus. A
blurred loop is still a loop (clinicians count it), but its widths are not to be trusted: blur
spreads the vessel's edges. Each loop's **edge width** is the vessel's contrast over the
steepest slope of its edges: the contrast between the vessel (inside its mask) and the skin just
outside it, in the luma, over the 90th percentile of the luma's gradient on the mask's edge.
It is judged at the model's scale, where every image's limbs are about the same width: on the
reference strips (a little soft themselves) the edge width of their loops is 4.7 / 6.0 / 7.8
model pixels (10th / 50th / 90th percentile); blurred with a Gaussian of 3 image pixels, 5.9 /
7.8 / 9.8; of 5 pixels, 6.9 / 8.9 / 11.2. A loop whose edge width is over ``BLURRED_EDGE_PX``
(9) is **blurred**: counted, but its widths and its dilated/giant flag are "not assessed".
The measure separates a clearly out-of-focus loop from a sharp one; between the two it is a
hint, not a verdict.
"""

from __future__ import annotations

from typing import Iterable

import cv2
import numpy as np

#: A loop whose edge width at the model's scale is above this (pixels) is blurred.
BLURRED_EDGE_PX = 9.0
#: The skin around a loop is sampled between these distances from its mask (model pixels):
#: beyond the spread of a blurred edge, within the gap to the next loop.
_RING_PX = (5, 11)


def luma(rgb: np.ndarray) -> np.ndarray:
    """The picture's luma in [0, 1] (ITU-R 601), float32."""
    if rgb.ndim == 2:
        return rgb.astype(np.float32) / 255.0
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0


def _disk(radius: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))


def edge_widths(grey: np.ndarray, labels: np.ndarray, capillaries: Iterable, factor: float = 1.0) -> dict[int, float | None]:
    """Each capillary's edge width in model pixels (``None`` when it has no contrast to
    measure), by id. ``grey``: the luma (``luma``); ``labels``: the counted label image;
    ``factor``: the resize that brought the image to the model's scale."""
    height, width = labels.shape
    inner, outer = _RING_PX
    margin = int(np.ceil((outer + 2) / max(factor, 1e-3)))
    out: dict[int, float | None] = {}
    for capillary in capillaries:
        x0, y0, x1, y1 = capillary.bbox
        left, top = max(0, x0 - margin), max(0, y0 - margin)
        right, bottom = min(width, x1 + margin), min(height, y1 + margin)
        size = (max(3, int(round((right - left) * factor))), max(3, int(round((bottom - top) * factor))))
        crop_labels = cv2.resize(labels[top:bottom, left:right], size, interpolation=cv2.INTER_NEAREST)
        patch = cv2.resize(grey[top:bottom, left:right], size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        mask = (crop_labels == capillary.id).astype(np.uint8)
        if mask.sum() < 9:
            out[capillary.id] = None
            continue
        # The vessel's core: its darkest half; the skin: a ring away from any vessel.
        vessel = float(np.percentile(patch[mask > 0], 25))
        ring = (cv2.dilate(mask, _disk(outer)) > 0) & ~(cv2.dilate((crop_labels > 0).astype(np.uint8), _disk(inner)) > 0)
        if ring.sum() < 9:
            out[capillary.id] = None
            continue
        contrast = float(np.median(patch[ring])) - vessel
        smooth = cv2.GaussianBlur(patch, (0, 0), 0.7)
        gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3) / 8.0
        gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3) / 8.0
        band = (cv2.dilate(mask, _disk(2)) > 0) & ~(cv2.erode(mask, _disk(1)) > 0)
        slope = float(np.percentile(np.hypot(gx, gy)[band], 90)) if band.any() else 0.0
        out[capillary.id] = contrast / slope if contrast > 0.01 and slope > 1e-4 else None
    return out


def blurred_ids(widths: dict[int, float | None], limit_px: float = BLURRED_EDGE_PX) -> frozenset[int]:
    """The loops whose edge width (model pixels) is over ``limit_px``."""
    return frozenset(k for k, w in widths.items() if w is not None and w > limit_px)
