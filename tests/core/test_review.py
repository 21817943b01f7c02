"""The order a reviewer walks the boxes in (the distal row first, along the row, at any angle),
a rectangle's boxes, and the deeper capillaries "keep only the distal row" takes out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.measure import distal_row, measure_loops
from capseg_desktop.core.review import deeper_than_distal, inside_rectangle, next_in_order, review_order

from .test_distal_row_angle import draw_hairpin


@dataclass
class Counted:
    """What review needs of an AnalysisResult: its capillaries, measures and distal row."""

    labels: np.ndarray

    def __post_init__(self) -> None:
        self.capillaries = capillaries_from_labels(self.labels)
        self.measures = measure_loops(self.labels, self.capillaries)

    def distal_row(self):
        return distal_row(self.measures, self.labels.shape)


def two_rows(apex_angle: float) -> tuple[Counted, list[int], list[int]]:
    """Five loops in the distal row and four behind it, apices ``apex_angle`` degrees (0 right,
    90 down); the ids of each row in the order along the row."""
    labels = np.zeros((900, 900), np.int32)
    axis = np.array([np.cos(np.radians(apex_angle)), np.sin(np.radians(apex_angle))])
    along = np.array([-axis[1], axis[0]])
    centre = np.array([450.0, 450.0]) + axis * 120
    rows: list[list[tuple[float, int]]] = [[], []]
    number = 0
    for row, steps in ((1, (-1.5, -0.5, 0.5, 1.5)), (0, (-2, 1, 0, -1, 2))):  # drawn out of order
        for step in steps:
            apex = centre + along * step * 110 - axis * row * 170
            if draw_hairpin(labels, number + 1, apex, axis):
                number += 1
                rows[row].append((step, number))
    # The labels keep the numbers they were drawn with.
    return Counted(labels), [n for _, n in sorted(rows[0])], [n for _, n in sorted(rows[1])]


def test_the_distal_row_comes_first_each_row_along_its_length_at_any_angle():
    for angle in (90, 0, 270, 135):
        counted, distal, deeper = two_rows(angle)
        assert {m.id for m in counted.measures if m.distal} == set(distal)
        order = review_order(counted)
        assert order[:5] in (distal, distal[::-1]) and order[5:] in (deeper, deeper[::-1])
        # Both rows are walked the same way round.
        assert (order[:5] == distal) == (order[5:] == deeper)


def test_next_in_order_starts_at_the_first_and_ends_after_the_last():
    assert next_in_order([4, 2, 7], None) == 4
    assert next_in_order([4, 2, 7], 2) == 7
    assert next_in_order([4, 2, 7], 7) is None
    assert next_in_order([], None) is None


def test_a_rectangle_takes_the_boxes_whose_centre_is_inside_and_keep_distal_takes_the_rest():
    counted, distal, deeper = two_rows(90)
    assert sorted(deeper_than_distal(counted)) == sorted(deeper)
    centres = {c.id: c.centroid for c in counted.capillaries}
    x, y = centres[distal[0]]
    assert inside_rectangle(counted, (x + 5, y + 5), (x - 5, y - 5)) == [distal[0]]  # corners in any order
    everything = inside_rectangle(counted, (0, 0), (900, 900))
    assert sorted(everything) == sorted(distal + deeper)
