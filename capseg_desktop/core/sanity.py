"""Plausibility checks: an image or a model output that cannot be a real result is reported
as a warning beside the result, never as a silent "ok".

Each function returns plain sentences (empty when nothing is wrong); the pipeline puts them in
``AnalysisResult.warnings``, which the exports, the summary and the window show.
"""

from __future__ import annotations

import numpy as np

from .i18n import format_number, translate

#: Spread of grey levels (max - min over a sample) under which an image is "one colour".
_FLAT_IMAGE_RANGE = 8
#: Spread of probabilities under which a model output is "constant".
_FLAT_OUTPUT_RANGE = 1e-3
#: Pixels looked at in a large image: the checks must cost microseconds, not a pass over 64 MP.
_SAMPLE_PIXELS = 1_000_000


def _sample(array: np.ndarray) -> np.ndarray:
    """Every k-th row and column, so that at most about ``_SAMPLE_PIXELS`` pixels are read."""
    height, width = array.shape[:2]
    step = max(1, int(np.ceil(np.sqrt(height * width / _SAMPLE_PIXELS))))
    return array[::step, ::step]


def image_warnings(rgb: np.ndarray) -> list[str]:
    """Sentences about an image that holds nothing to count (all one colour: black, white,
    a lens cap)."""
    if rgb.size == 0:
        return [translate("Sanity", "The image holds no pixels.")]
    sample = _sample(rgb)
    spread = int(sample.max()) - int(sample.min())
    if spread <= _FLAT_IMAGE_RANGE:
        return [
            translate(
                "Sanity",
                "The image is almost all one colour, so it shows no capillaries to count; "
                "check that it is the right picture.",
            )
        ]
    return []


def probability_warnings(probabilities: np.ndarray) -> list[str]:
    """Sentences about a model output that cannot be a segmentation: not-a-number values
    (a broken model) or the same value everywhere."""
    if probabilities.size == 0:
        return [translate("Sanity", "The model gave no output for this image.")]
    sample = _sample(probabilities)
    finite = np.isfinite(sample)
    if not finite.all():
        share = 1.0 - float(finite.mean())
        return [
            translate(
                "Sanity",
                "The model gave invalid values (not a number) for {share}% of the image, "
                "so the count cannot be trusted; the model may be damaged.",
            ).format(share=format_number(share * 100, 0))
        ]
    if float(sample.max()) - float(sample.min()) <= _FLAT_OUTPUT_RANGE:
        return [
            translate(
                "Sanity",
                "The model gave the same value over the whole image, so the count cannot be "
                "trusted; the model may be damaged or unsuited to this image.",
            )
        ]
    return []
