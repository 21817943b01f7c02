"""Segmentation: an RGB image to a probability map at the image's own size.

The original padded every image to 960 x 1280 (up to 9x the work for a 170-px strip); here an
image is padded only to the model's multiple and cropped back. Images larger than the tile
size go through overlapping tiles so that memory stays bounded.
"""

from __future__ import annotations

from typing import Callable

import cv2
import numpy as np

from .errors import AnalysisCancelled
from .i18n import translate
from .model import Segmenter

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]

# Images up to this many pixels (a 1280 x 1950 strip) go through the model in one pass;
# larger ones in overlapping tiles, which bounds the runtime's working memory (measured: an
# 8000 x 8000 image peaks at about 1.4 GB for the whole process).
SINGLE_PASS_MAX_PIXELS = 2_500_000
DEFAULT_TILE_PX = 1024
DEFAULT_OVERLAP_PX = 64


def preprocess(rgb: np.ndarray, input_channels: int) -> np.ndarray:
    """H x W x 3 uint8 RGB to H x W x C float32 in [0, 1], as the original did: one grey
    channel (ITU-R 601 luma, OpenCV's BGR2GRAY on BGR data) divided by 255."""
    if input_channels == 1:
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        return (grey.astype(np.float32) * np.float32(1.0 / 255.0))[:, :, None]
    return rgb.astype(np.float32) * np.float32(1.0 / 255.0)


def _round_up(value: int, multiple: int) -> int:
    return -(-value // multiple) * multiple


def _predict_padded(segmenter: Segmenter, pixels: np.ndarray) -> np.ndarray:
    """Zero-pad bottom and right to the model's multiple, predict, crop back."""
    height, width = pixels.shape[:2]
    multiple = max(1, int(segmenter.multiple))
    padded_h, padded_w = _round_up(height, multiple), _round_up(width, multiple)
    batch = np.zeros((1, padded_h, padded_w, pixels.shape[2]), dtype=np.float32)
    batch[0, :height, :width] = pixels
    return segmenter.predict(batch)[0, :height, :width]


def _tile_starts(length: int, tile: int, overlap: int) -> list[int]:
    if length <= tile:
        return [0]
    step = tile - 2 * overlap
    starts = list(range(0, length - tile, step))
    starts.append(length - tile)
    return starts


def predict_probabilities(
    segmenter: Segmenter,
    rgb: np.ndarray,
    tile_px: int = DEFAULT_TILE_PX,
    overlap_px: int = DEFAULT_OVERLAP_PX,
    single_pass_max_pixels: int = SINGLE_PASS_MAX_PIXELS,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> np.ndarray:
    """Probability map (H x W float32) for an RGB image. Raises ``AnalysisCancelled`` when
    ``should_cancel()`` turns true between tiles."""
    height, width = rgb.shape[:2]
    channels = int(segmenter.input_channels)
    if height * width <= single_pass_max_pixels or (height <= tile_px and width <= tile_px):
        if should_cancel is not None and should_cancel():
            raise AnalysisCancelled()
        probabilities = _predict_padded(segmenter, preprocess(rgb, channels))
        if progress is not None:
            progress(1.0, translate("Analysis", "Segmented"))
        return np.ascontiguousarray(probabilities, dtype=np.float32)

    # Each tile contributes only its centre (its outer ``overlap_px`` is context), except at
    # the image border, so the seams see the same context as the middle of a tile would.
    probabilities = np.zeros((height, width), dtype=np.float32)
    rows = _tile_starts(height, tile_px, overlap_px)
    cols = _tile_starts(width, tile_px, overlap_px)
    total = len(rows) * len(cols)
    done = 0
    for top in rows:
        for left in cols:
            if should_cancel is not None and should_cancel():
                raise AnalysisCancelled()
            bottom, right = min(height, top + tile_px), min(width, left + tile_px)
            tile = preprocess(rgb[top:bottom, left:right], channels)
            predicted = _predict_padded(segmenter, tile)
            keep_top = 0 if top == 0 else overlap_px
            keep_left = 0 if left == 0 else overlap_px
            keep_bottom = bottom - top if bottom == height else bottom - top - overlap_px
            keep_right = right - left if right == width else right - left - overlap_px
            probabilities[top + keep_top : top + keep_bottom, left + keep_left : left + keep_right] = (
                predicted[keep_top:keep_bottom, keep_left:keep_right]
            )
            done += 1
            if progress is not None:
                progress(done / total, translate("Analysis", "Segmented tile {done} of {total}").format(done=done, total=total))
    return probabilities
