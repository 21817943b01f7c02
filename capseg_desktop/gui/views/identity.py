"""A capillary keeps its identity across recounts: the numbers are given left to right on
every count, so after a parameter change "number 4" can be another loop. Selection follows
the pixels instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core import Analysis


def follow_capillary(old: Analysis, number: int, new: Analysis) -> int:
    """The number, in ``new``, of the capillary that shares the most pixels with capillary
    ``number`` of ``old`` (same image); 0 when none overlaps."""
    import numpy as np

    if number <= 0 or old.image is not new.image:
        return 0
    capillary = next((c for c in old.result.capillaries if c.id == number), None)
    if capillary is None:
        return 0
    x0, y0, x1, y1 = capillary.bbox
    pixels = old.counted.labels[y0:y1, x0:x1] == number
    under = new.counted.labels[y0:y1, x0:x1][pixels]
    if under.size == 0:
        return 0
    votes = np.bincount(under.astype(np.int64))
    votes[0] = 0
    return int(votes.argmax()) if votes.max() > 0 else 0
