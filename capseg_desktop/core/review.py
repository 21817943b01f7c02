"""Reviewing a count box by box: the order a reviewer walks the boxes in, and which boxes a
rectangle or "keep only the distal row" takes out.

The order follows what a clinician reads first: the loops of the distal row along the row
(left to right for a level row, top to bottom for an upright one, whatever the angle), then the
deeper capillaries in the same direction. Numbers are the result's capillary ids, which an edit
renumbers: the order is computed again from each new result, and a reviewer's place is its
position in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np

if TYPE_CHECKING:
    from .result import AnalysisResult


def review_order(result: AnalysisResult) -> list[int]:
    """The capillary ids in review order: distal row first, each group along the row."""
    capillaries = result.capillaries
    if not capillaries:
        return []
    distal = {m.id for m in result.measures if m.distal}
    if result.measures:
        along = np.asarray(result.distal_row().along_vector, dtype=float)
    else:  # no measures (an old result): left to right
        along = np.array([1.0, 0.0])

    def key(capillary) -> tuple[int, float, float]:
        x, y = capillary.centroid
        return (0 if capillary.id in distal else 1, float(x * along[0] + y * along[1]), float(y * along[0] - x * along[1]))

    return [c.id for c in sorted(capillaries, key=key)]


def next_in_order(order: Sequence[int], current: int | None) -> int | None:
    """The id after ``current`` in ``order`` (the first when ``current`` is not in it); ``None``
    after the last."""
    if not order:
        return None
    if current not in order:
        return order[0]
    index = list(order).index(current) + 1
    return order[index] if index < len(order) else None


def inside_rectangle(result: AnalysisResult, corner_a: tuple[float, float], corner_b: tuple[float, float]) -> list[int]:
    """The capillaries whose centre (x, y) lies in the rectangle with these two corners."""
    x0, x1 = sorted((float(corner_a[0]), float(corner_b[0])))
    y0, y1 = sorted((float(corner_a[1]), float(corner_b[1])))
    return [c.id for c in result.capillaries if x0 <= c.centroid[0] <= x1 and y0 <= c.centroid[1] <= y1]


def deeper_than_distal(result: AnalysisResult) -> list[int]:
    """The capillaries that are not loops of the distal row ("keep only the distal row" takes
    them out). Without measures nothing is known of rows: none."""
    if not result.measures:
        return []
    distal = {m.id for m in result.measures if m.distal}
    return [c.id for c in result.capillaries if c.id not in distal]
