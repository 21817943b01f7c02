"""Each loop's shape (issue 22, point 2), on loops drawn with known shapes: a hairpin, an S-bent
(tortuous) loop, a figure-eight (crossing) loop, a bushy (ramified) loop, a blurred one, one cut
by the image's edge and a speck. The label is what a clinician reads in the exports; it never
changes the count."""

from __future__ import annotations

import json
from dataclasses import replace

import cv2
import numpy as np
import pytest

from capseg_desktop.core import shape as shaping
from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.measure import measure_loops

VESSEL_PX = 8


def _limbs(gap: float, wiggle: float = 0.0, crossing: bool = False, cx: float = 100.0, base: float = 230.0,
           length: float = 170.0) -> np.ndarray:
    """The centre line of a loop with its apex up: two limbs from the base, joined at the top by
    a half circle. ``wiggle``: the limbs sway sideways by this much, twice over their length
    (two full S bends); ``crossing``: each limb swings to the other side, crossing once."""
    s = np.linspace(0.0, 1.0, 240)
    y = base - s * length
    if crossing:
        left, right = cx - gap * np.cos(np.pi * s), cx + gap * np.cos(np.pi * s)
    else:
        sway = wiggle * np.sin(2 * np.pi * 2.0 * s)
        left, right = cx - gap + sway, cx + gap + sway
    turn = np.linspace(0.0, np.pi, 80)
    a, b = left[-1], right[-1]
    arc = np.column_stack([a + (b - a) * (1 - np.cos(turn)) / 2, y[-1] - abs(b - a) / 2 * np.sin(turn)])
    return np.vstack([np.column_stack([left, y]), arc, np.column_stack([right, y])[::-1]])


def _drawn(*lines: np.ndarray, shape: tuple[int, int] = (300, 200)) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    for line in lines:
        cv2.polylines(mask, [np.round(np.asarray(line, np.float64) * 16).astype(np.int32)], False, 1, VESSEL_PX, cv2.LINE_8, shift=4)
    return mask


def hairpin() -> np.ndarray:
    return _drawn(_limbs(gap=14))


def tortuous() -> np.ndarray:
    return _drawn(_limbs(gap=18, wiggle=12))


def crossing() -> np.ndarray:
    return _drawn(_limbs(gap=22, crossing=True))


def bushy() -> np.ndarray:
    """A hairpin with four side branches off its limbs and apex (neoangiogenesis)."""
    branches = [[(86, 170), (58, 150)], [(114, 140), (142, 118)], [(86, 110), (60, 88)], [(110, 58), (132, 36)]]
    return _drawn(_limbs(gap=14), *[np.array(b, np.float64) for b in branches])


def shape_of(mask: np.ndarray, blurred: bool = False) -> str:
    labels = mask.astype(np.int32)
    (loop,) = measure_loops(labels, capillaries_from_labels(labels))
    return replace(loop, blurred=blurred).shape


@pytest.mark.parametrize("draw, expected", [
    (hairpin, "hairpin"), (tortuous, "tortuous"), (crossing, "crossing"), (bushy, "ramified"),
], ids=["hairpin", "tortuous", "crossing", "bushy"])
def test_drawn_loops_get_their_shape(draw, expected):
    assert shape_of(draw()) == expected


@pytest.mark.parametrize("angle", [0, 35, 90, 180, 250])
def test_the_shape_does_not_depend_on_where_the_loop_points(angle):
    """The same loops turned: the shape is the loop's, not the picture's."""
    for draw, expected in ((hairpin, "hairpin"), (tortuous, "tortuous"), (crossing, "crossing"), (bushy, "ramified")):
        mask = np.pad(draw(), 60)
        centre = (mask.shape[1] / 2.0, mask.shape[0] / 2.0)
        turned = cv2.warpAffine(mask, cv2.getRotationMatrix2D(centre, angle, 1.0), mask.shape[::-1], flags=cv2.INTER_NEAREST)
        assert shape_of(turned) == expected, (draw.__name__, angle)


def test_a_wide_dilated_hairpin_is_still_a_hairpin():
    wide = np.zeros((330, 220), np.uint8)
    cv2.polylines(wide, [np.round(_limbs(gap=34, cx=110, base=280) * 16).astype(np.int32)], False, 1, 20, cv2.LINE_8, shift=4)
    assert shape_of(wide) == "hairpin"


def test_a_blurred_loop_an_edge_cut_one_and_a_speck_are_not_assessable():
    assert shape_of(bushy(), blurred=True) == "not assessable"
    # A strip whose top edge runs across the second loop's apex (the first shows where apices point).
    strip = np.hstack([hairpin()[:256], bushy()[44:]]).astype(np.int32)
    strip[:, 200:] *= 2
    whole, cut = measure_loops(strip, capillaries_from_labels(strip))
    assert whole.shape == "hairpin" and cut.shape == "not assessable"
    assert cut.shape_measures.why == "edge"
    speck = np.zeros((60, 60), np.uint8)
    cv2.circle(speck, (30, 30), 5, 1, -1)
    assert shape_of(speck) == "not assessable"


def test_limbs_cut_by_the_edge_still_have_a_shape():
    """Loops hang from the picture's edge (their limbs go on beyond it): that is no reason not to judge them."""
    assert shape_of(tortuous()[:215]) == "tortuous"  # the base of the limbs is cut, not the apex


def test_the_shape_is_a_label_never_a_filter_and_is_in_the_exports():
    """Five loops side by side, one of each shape and a blurred one: five loops counted, each with its shape in the JSON."""
    from capseg_desktop.core.result import AnalysisResult
    from capseg_desktop.core.model import ModelInfo
    from capseg_desktop.core.counting import CountingParams

    masks = [hairpin(), tortuous(), crossing(), bushy(), hairpin()]
    labels = np.zeros((300, 200 * len(masks)), np.int32)
    for index, mask in enumerate(masks):
        labels[:, index * 200:(index + 1) * 200][mask > 0] = index + 1
    capillaries = capillaries_from_labels(labels)
    measures = list(measure_loops(labels, capillaries))
    measures[4] = replace(measures[4], blurred=True)
    assert len(measures) == 5
    result = AnalysisResult(source="strip.png", width=labels.shape[1], height=labels.shape[0],
                            model=ModelInfo("m", "0" * 64, "LiteRT", 3, 4), params=CountingParams(), capillaries=tuple(capillaries),
                            measures=tuple(measures))
    assert result.count == 5
    data = json.loads(result.to_json())
    assert [c["shape"] for c in data["capillaries"]] == ["hairpin", "tortuous", "crossing", "ramified", "not assessable"]
    assert data["capillaries"][3]["shape_measures"]["branches"] >= 2
    assert data["shape_counts"] == {"hairpin": 1, "tortuous": 1, "crossing": 1, "ramified": 1, "not assessable": 1}
    rows = result.capillaries_csv().splitlines()
    header = rows[0].split(",")
    assert [row.split(",")[header.index("shape")] for row in rows[1:]] == ["hairpin", "tortuous", "crossing", "ramified",
                                                                          "not assessable"]
    assert result.summary_row()["ramified"] == 1 and result.summary_row()["tortuous"] == 1
    assert ("Loop shapes: 1 hairpin, 1 tortuous, 1 crossing (both non-specific), 1 ramified (abnormal), 1 not assessable"
            in result.legend_lines())


def test_the_thinned_centre_line_is_one_pixel_wide_and_connected():
    line = shaping.thin(hairpin())
    assert cv2.connectedComponents(line, connectivity=8)[0] == 2  # the background and one line
    codes = shaping._codes(line)
    ends = np.count_nonzero((line > 0) & (shaping._TRANSITIONS[codes] == 1))
    assert ends == 2
