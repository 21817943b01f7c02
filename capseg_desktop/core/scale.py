"""The scale an image is analysed at.

A U-Net recognises vessels of the width it was trained on. The model card states that width
(``scale.limb_width_px``: the typical capillary limb width, in pixels, of its training images);
each image is resized so that its limbs have that width before inference, and the results are
mapped back to the image's own pixels. ``ScaleInfo`` records what was done and why, for the
exports and the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from .i18n import format_number, translate

# Where the scale came from.
SCALE_SET = "set"              # from the user's micrometres per pixel
SCALE_ESTIMATED = "estimated"  # measured on the image itself
SCALE_NATIVE = "native"        # the model has no stated scale, or the user asked for none
SCALE_SHARED = "shared"        # one scale for a folder, batch or exam: the median of its images' estimates
SCALE_PROFILE = "profile"      # the scale learnt for the microscope profile from its own images
#: An image whose own estimate differs from its folder's shared scale by more than this ratio
#: is flagged (another microscope or magnification, or an estimate gone wrong).
SHARED_DISAGREEMENT = 1.5


@dataclass(frozen=True)
class ScaleInfo:
    """How an image was brought to the model's scale.

    ``factor`` is the resize applied before inference (model pixels per image pixel: 2.0 means
    the image was enlarged twice); ``limb_width_px`` is the typical limb width in the image's
    own pixels that this factor corresponds to; ``source`` is one of ``set``, ``estimated`` or
    ``native``.
    """

    factor: float
    limb_width_px: float | None
    model_limb_width_px: float | None
    source: str

    @property
    def resized(self) -> bool:
        """Whether the image was resized for the model (a factor near 1 is set to exactly 1)."""
        return self.factor != 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "factor": round(self.factor, 4),
            "limb_width_px": None if self.limb_width_px is None else round(self.limb_width_px, 2),
            "model_limb_width_px": self.model_limb_width_px,
            "source": self.source,
        }

    def describe(self) -> str:
        """One short phrase for a legend or a status bar."""
        if self.source == SCALE_NATIVE or self.limb_width_px is None:
            return translate("Scale", "analysed at the image's own size")
        limbs = format_number(self.limb_width_px, 1)
        factor = format_number(self.factor, 2)
        # Per source: the sentence for an image analysed at its own size, and for one resized.
        sentences = {
            SCALE_SET: (translate("Scale", "analysed at its own size (limbs about {limbs} px, from the µm per pixel set)"),
                        translate("Scale", "resized ×{factor} for the model (limbs about {limbs} px, from the µm per pixel set)")),
            SCALE_ESTIMATED: (translate("Scale", "analysed at its own size (limbs about {limbs} px, estimated from the image)"),
                              translate("Scale", "resized ×{factor} for the model (limbs about {limbs} px, estimated from the image)")),
            SCALE_SHARED: (translate("Scale", "analysed at its own size (limbs about {limbs} px, the median of its folder's images)"),
                           translate("Scale", "resized ×{factor} for the model (limbs about {limbs} px, the median of its folder's images)")),
            SCALE_PROFILE: (translate("Scale", "analysed at its own size (limbs about {limbs} px, learnt for the microscope)"),
                            translate("Scale", "resized ×{factor} for the model (limbs about {limbs} px, learnt for the microscope)")),
        }
        own_size, resized = sentences.get(self.source) or (
            translate("Scale", "analysed at its own size (limbs about {limbs} px, {source})"),
            translate("Scale", "resized ×{factor} for the model (limbs about {limbs} px, {source})"),
        )
        return (resized if self.resized else own_size).format(factor=factor, limbs=limbs, source=self.source)


NATIVE_SCALE = ScaleInfo(factor=1.0, limb_width_px=None, model_limb_width_px=None, source=SCALE_NATIVE)


# Estimating the scale from the image ---------------------------------------------------------
# Capillaries are dark red-brown ridges on paler skin. At each pixel, the Hessian's ridge
# response, normalised by sigma**RIDGE_GAMMA (Lindeberg's ridge normalisation), peaks at the
# smoothing scale that matches the vessel's width; the strongest 0.5 % of pixels vote (by
# their response) for the image's typical ridge scale. On the reference strips rescaled from
# 0.35x to 1.5x the estimate follows the rescaling within about 15 %.
RIDGE_GAMMA = 1.5
RIDGE_TOP_FRACTION = 0.005
# Limb width = LIMB_WIDTH_PER_SIGMA x ridge scale: measured on synthetic strips, where the
# drawn width of every limb is known (``tests/core/test_scale.py`` checks it).
LIMB_WIDTH_PER_SIGMA = 3.15
# A typical capillary limb is about 10-12 µm wide; with no calibrated training images, a
# model's nominal micrometres per pixel are this width over its limb width in pixels.
NOMINAL_LIMB_WIDTH_UM = 11.0
_SIGMA_STEPS = 0.6 * 2.0 ** (np.arange(0, 14) / 3.0)  # 0.6 to 12.1 px
_LEVELS = ((0.0, 2.4), (2.4, 4.8), (4.8, 100.0))  # sigma ranges computed at full, 1/2, 1/4 size
# Vessels are long and continuous, grain and JPEG blocks are not: each scale's response is
# averaged over a neighbourhood proportional to the scale, where isolated specks of noise fade
# and a vessel's response stays (the same at every scale, so the estimate still follows
# rescaling).
COHERENCE_PER_SIGMA = 1.5
_KXX = np.array([[1.0, -2.0, 1.0]], np.float32)
_KXY = np.array([[0.25, 0.0, -0.25], [0.0, 0.0, 0.0], [-0.25, 0.0, 0.25]], np.float32)
# The estimate runs on at most this many pixels (larger images are reduced first): a few tens
# of milliseconds for any image.
_ESTIMATE_MAX_PIXELS = 300_000
_MAX_REDUCE = 1.0


def _vessel_signal(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positive where the image is darker than its surroundings in green, where blood absorbs
    most; dividing by the local mean removes uneven illumination and dark regions. Also the
    pixels that may vote: not in or next to a black border (a tilted or round field of view),
    whose sharp edge would pass for a thin vessel."""
    green = rgb[..., 1].astype(np.float32) if rgb.ndim == 3 else rgb.astype(np.float32)
    # Outside the field of view (a tilted or round one) is near-black; even the darkest blood
    # keeps more green than a sixth of the skin's.
    sample = green[::4, ::4]
    lit = sample[sample > 10]
    level = float(np.median(lit)) if lit.size else 0.0
    outside = green < 0.15 * level
    if outside.any():
        green = np.where(outside, level, green)  # no edge left to respond to
        near = cv2.dilate(outside.astype(np.uint8), np.ones((25, 25), np.uint8)) > 0
    else:
        near = outside
    # The background, smooth at 25 px, computed on a quarter-size copy (the same, 16x cheaper).
    height, width = green.shape
    small = cv2.resize(green, (max(1, width // 4), max(1, height // 4)), interpolation=cv2.INTER_AREA)
    background = cv2.resize(cv2.GaussianBlur(small, (0, 0), 25.0 / 4), (width, height),
                            interpolation=cv2.INTER_LINEAR) + 8.0
    return 1.0 - green / background, ~near


def _ridge_strength(signal: np.ndarray, sigma: float) -> np.ndarray:
    smooth = cv2.GaussianBlur(signal, (0, 0), sigma)
    dxx = cv2.filter2D(smooth, -1, _KXX)
    dyy = cv2.filter2D(smooth, -1, _KXX.T)
    dxy = cv2.filter2D(smooth, -1, _KXY)
    root = np.sqrt((dxx - dyy) ** 2 + 4.0 * dxy * dxy)
    return (root - dxx - dyy) * 0.5  # minus the smaller eigenvalue: > 0 on a bright ridge


def _ridge_votes(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """For each pixel that may vote: its strongest normalised ridge response and the scale it
    was found at; ``None`` when the picture holds nothing to measure."""
    signal, may_vote = _vessel_signal(rgb)
    if min(signal.shape) < 16 or float(signal.std()) < 1e-3 or may_vote.mean() < 0.2:
        return None
    best = np.full(signal.shape, -np.inf, np.float32)
    best_sigma = np.zeros(signal.shape, np.float32)
    level_signal = signal
    for level, (low, high) in enumerate(_LEVELS):
        # Large scales on a halved (or quartered) image: the same answer, a fraction of the cost.
        if level:
            level_signal = cv2.resize(level_signal, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        shrink = 2.0 ** level
        level_best = np.full(level_signal.shape, -np.inf, np.float32)
        level_sigma = np.zeros(level_signal.shape, np.float32)
        for sigma in _SIGMA_STEPS[(_SIGMA_STEPS >= low) & (_SIGMA_STEPS < high)]:
            strength = np.maximum(_ridge_strength(level_signal, sigma / shrink), 0.0)
            strength = cv2.GaussianBlur(strength, (0, 0), COHERENCE_PER_SIGMA * sigma / shrink)
            strength *= np.float32(sigma ** RIDGE_GAMMA / (shrink * shrink))
            better = strength > level_best
            np.copyto(level_sigma, np.float32(sigma), where=better)
            np.maximum(level_best, strength, out=level_best)
        if level:
            size = (signal.shape[1], signal.shape[0])
            level_best = cv2.resize(level_best, size, interpolation=cv2.INTER_LINEAR)
            level_sigma = cv2.resize(level_sigma, size, interpolation=cv2.INTER_NEAREST)
        better = level_best > best
        np.copyto(best_sigma, level_sigma, where=better)
        np.maximum(best, level_best, out=best)
    return best[may_vote], best_sigma[may_vote]


def _busiest_crops(rgb: np.ndarray, count: int = 4) -> list[np.ndarray]:
    """``count`` full-resolution crops, about ``_ESTIMATE_MAX_PIXELS`` together, where the
    picture has the most dark, vessel-like detail (a large scan's vessels may fill only part
    of it; shrinking the whole scan instead would blur thin vessels away)."""
    height, width = rgb.shape[:2]
    side = int(np.sqrt(_ESTIMATE_MAX_PIXELS / count))
    rows, cols = max(1, height // side), max(1, width // side)
    small_shape = (max(8, width // 8), max(8, height // 8))
    signal, _ = _vessel_signal(cv2.resize(rgb, small_shape, interpolation=cv2.INTER_AREA))
    scores = []
    for row in range(rows):
        for col in range(cols):
            top, left = row * height // rows, col * width // cols
            cell = signal[top // 8: (top + side) // 8 + 1, left // 8: (left + side) // 8 + 1]
            strongest = np.sort(cell, axis=None)[-max(1, cell.size // 20):]
            scores.append((float(strongest.mean()), top, left))
    scores.sort(reverse=True)
    return [rgb[top: top + side, left: left + side] for _, top, left in scores[:count]]


def estimate_ridge_sigma(rgb: np.ndarray) -> float | None:
    """The image's typical vessel ridge scale in its own pixels, or ``None`` when the image
    holds no ridge-like structure to measure (a blank or tiny picture).

    Pictures are not shrunk (``_MAX_REDUCE`` 1: shrinking blurs thin vessels into wider ones);
    a picture over twice ``_ESTIMATE_MAX_PIXELS`` is measured on its busiest full-resolution
    crops."""
    height, width = rgb.shape[:2]
    reduce = float(np.clip(np.sqrt(height * width / _ESTIMATE_MAX_PIXELS), 1.0, _MAX_REDUCE))
    if reduce > 1.0:
        rgb = cv2.resize(rgb, (max(8, int(round(width / reduce))), max(8, int(round(height / reduce)))),
                         interpolation=cv2.INTER_AREA)
    large = rgb.shape[0] * rgb.shape[1] > 2 * _ESTIMATE_MAX_PIXELS
    votes = [v for v in map(_ridge_votes, _busiest_crops(rgb) if large else [rgb]) if v is not None]
    if not votes:
        return None
    best = np.concatenate([v[0] for v in votes])
    best_sigma = np.concatenate([v[1] for v in votes])
    if best.size == 0:
        return None
    cutoff = float(np.quantile(best, 1.0 - RIDGE_TOP_FRACTION))
    chosen = best >= cutoff
    weights = best[chosen]
    if cutoff <= 0 or weights.size == 0 or float(weights.sum()) <= 0:
        return None
    log_sigma = float(np.sum(np.log(best_sigma[chosen]) * weights) / np.sum(weights))
    return float(np.exp(log_sigma)) * reduce


def estimate_limb_width_px(rgb: np.ndarray) -> float | None:
    sigma = estimate_ridge_sigma(rgb)
    return None if sigma is None else sigma * LIMB_WIDTH_PER_SIGMA


# Limits of the resize: beyond them the image is not a capillaroscopy picture at a usable scale,
# and the analysis goes on at the nearest limit.
MIN_FACTOR = 0.25
MAX_FACTOR = 4.0
# Closer to 1 than this, the image is analysed as it is (no resize, no loss, no time).
SNAP_TO_ONE = 0.12


def scale_factor_for_sigma(sigma: float | None, target_sigma: float | None) -> float:
    """The resize that brings a ridge scale ``sigma`` to ``target_sigma`` (1.0 when either is
    unknown or when they are within ``SNAP_TO_ONE`` of each other)."""
    if not sigma or not target_sigma or not np.isfinite(sigma) or sigma <= 0:
        return 1.0
    factor = float(np.clip(target_sigma / sigma, MIN_FACTOR, MAX_FACTOR))
    return 1.0 if abs(np.log(factor)) < np.log1p(SNAP_TO_ONE) else factor


def median_limb_width(widths: "list[float | None]") -> float | None:
    """The robust centre of several images' limb-width estimates (the median of their
    logarithms: a scale is a ratio); ``None`` with fewer than two estimates."""
    valid = [float(w) for w in widths if w is not None and np.isfinite(w) and w > 0]
    if len(valid) < 2:
        return None
    return float(np.exp(np.median(np.log(valid))))


def disagrees(own_limb_px: float | None, shared_limb_px: float | None, ratio: float = SHARED_DISAGREEMENT) -> bool:
    """Whether an image's own limb-width estimate is more than ``ratio`` times off the shared one."""
    if not own_limb_px or not shared_limb_px:
        return False
    return abs(np.log(own_limb_px / shared_limb_px)) > np.log(ratio)
