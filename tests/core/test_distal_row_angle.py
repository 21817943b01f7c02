"""The distal row at any angle (issue 18, point 2): rows running horizontally, vertically or
diagonally, apices pointing any way, give the same distal loops and one smooth line through the
outermost loops, never a zig-zag into the deeper rows, and short dashes (deeper capillaries seen
end-on) neither pull the line nor count.

The real strips are analysed once, unrotated, by the bundled model; their *label images* are then
rotated, so that what is tested is the row, not the model's rotation invariance."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.imageio import list_images
from capseg_desktop.core.measure import density_per_mm, distal_row, measure_loops, window_of_mm
from capseg_desktop.core.paths import default_model_path, seed_dir

SEED = seed_dir()
ROTATIONS = (90, 180, 270, 30, 45)


def rotated(labels: np.ndarray, degrees: float) -> np.ndarray:
    """``labels`` turned ``degrees`` anticlockwise on screen, the canvas grown to hold it all."""
    height, width = labels.shape
    matrix = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_width, new_height = int(np.ceil(height * sin + width * cos)), int(np.ceil(height * cos + width * sin))
    matrix[0, 2] += new_width / 2.0 - width / 2.0
    matrix[1, 2] += new_height / 2.0 - height / 2.0
    turned = cv2.warpAffine(labels.astype(np.float32), matrix, (new_width, new_height), flags=cv2.INTER_NEAREST)
    return turned.astype(np.int32)


def distal_count(labels: np.ndarray) -> int:
    return sum(m.distal for m in measure_loops(labels, capillaries_from_labels(labels)))


# The 25 reference strips, turned ------------------------------------------------------------
@pytest.fixture(scope="module")
def strips():
    if SEED is None or not (SEED / "Test_images").is_dir():
        pytest.skip("../shared/data/seed/Test_images (the 25 reference strips) is not present")
    if default_model_path() is None:
        pytest.skip("the bundled model is not in models/")
    from capseg_desktop.core.model import load_model
    from capseg_desktop.core.pipeline import Analyzer

    analyzer = Analyzer(load_model(default_model_path()))
    images = list_images(SEED / "Test_images")
    assert len(images) == 25
    found = {}
    for path in images:
        analysis = analyzer.analyze_path(path)
        found[path.name] = (analysis.counted.labels.astype(np.int32), analysis.result.distal_count)
    return found


@pytest.mark.seed
@pytest.mark.slow
@pytest.mark.parametrize("degrees", ROTATIONS)
def test_a_turned_strip_has_the_same_distal_loops_within_one(strips, degrees):
    differences = {}
    for name, (labels, unrotated) in strips.items():
        assert distal_count(labels) == unrotated  # the analysis counted from the same labels
        turned = distal_count(rotated(labels, degrees))
        if abs(turned - unrotated) > 1:
            differences[name] = (unrotated, turned)
    assert not differences, f"turned by {degrees}°: strip: (unrotated, turned) {differences}"


@pytest.mark.seed
@pytest.mark.slow
def test_the_strips_rows_run_along_their_width_with_the_apices_down(strips):
    """The reference strips' rows run across the picture (within 15°), their apices downwards."""
    for name, (labels, _) in strips.items():
        row = distal_row(measure_loops(labels, capillaries_from_labels(labels)), labels.shape)
        assert row.direction == "bottom" and abs(row.angle_deg - 90.0) <= 15.0, (name, row.angle_deg)
        turned = rotated(labels, 30)  # anticlockwise on screen: the apices now point 30° further round
        row = distal_row(measure_loops(turned, capillaries_from_labels(turned)), turned.shape)
        assert abs((row.angle_deg - 60.0 + 180.0) % 360.0 - 180.0) <= 15.0, (name, row.angle_deg)


# Synthetic wide fields ------------------------------------------------------------------------
LIMB = 60  # the limbs' length: a loop is about 75 px long
GAP = 20  # between the limbs' centre lines
VESSEL = 5  # limbs 5 px wide
SPACING = 52  # between neighbouring loops along a row
ROW_BEHIND = 120  # from one row's apices to the next row's


def draw_hairpin(labels: np.ndarray, number: int, apex: np.ndarray, axis: np.ndarray) -> bool:
    """A hairpin whose apex (the outer tip of its centre line) is at ``apex``, pointing along
    ``axis``; False (nothing drawn) when it would leave the picture."""
    normal = np.array([-axis[1], axis[0]])
    centre = apex - axis * GAP / 2.0
    feet = [centre + side * normal * GAP / 2.0 - axis * LIMB for side in (-1, 1)]
    tops = [centre + side * normal * GAP / 2.0 for side in (-1, 1)]
    corners = np.array([apex, *feet, *tops])
    height, width = labels.shape
    if corners.min() < 8 or corners[:, 0].max() > width - 8 or corners[:, 1].max() > height - 8:
        return False
    mask = np.zeros(labels.shape, np.uint8)
    for top, foot in zip(tops, feet):
        cv2.line(mask, tuple(np.round(top).astype(int)), tuple(np.round(foot).astype(int)), 1, VESSEL)
    angle = float(np.degrees(np.arctan2(axis[1], axis[0])))
    cv2.ellipse(mask, tuple(np.round(centre).astype(int)), (GAP // 2, GAP // 2), angle, -90, 90, 1, VESSEL)
    labels[mask > 0] = number
    return True


def wide_field(apex_angle: float, seed: int, gap_in_first_row: bool = True, shape=(1024, 1280)):
    """Three rows of hairpins across a wide field, apices pointing ``apex_angle`` degrees (0 right,
    90 down), the first row through the middle of the picture with a few loops missing (the
    second row shows through the gap) and hundreds of short dashes behind it, some between its
    limbs. Returns the labels, the first row's ids, the dashes' ids and the first row's apex
    depth (along the apex direction)."""
    rng = np.random.default_rng(seed)
    labels = np.zeros(shape, np.int32)
    axis = np.array([np.cos(np.radians(apex_angle)), np.sin(np.radians(apex_angle))])
    along = np.array([-axis[1], axis[0]])
    middle = np.array([shape[1] / 2.0, shape[0] / 2.0]) + axis * 150  # room for the rows behind
    number = 0
    first: set[int] = set()
    reach = int(np.hypot(*shape) / 2 / SPACING) + 1
    for row in range(3):
        for step in range(-reach, reach + 1):
            offset = step * SPACING + (SPACING / 2.0 if row % 2 else 0.0)
            if row == 0 and gap_in_first_row and 2 <= step <= 4:
                continue  # three loops the model missed
            apex = middle + along * offset - axis * (row * ROW_BEHIND + rng.uniform(-4, 4))
            slant = np.radians(rng.uniform(-8, 8))  # loops lean a little, each its own way
            turned = np.array([[np.cos(slant), -np.sin(slant)], [np.sin(slant), np.cos(slant)]]) @ axis
            if draw_hairpin(labels, number + 1, apex, turned):
                number += 1
                if row == 0:
                    first.add(number)
    dashes: set[int] = set()
    front = float(middle @ axis)
    for _ in range(900):
        point = middle + along * rng.uniform(-900, 900) - axis * rng.uniform(10, 3 * ROW_BEHIND + 100)
        if rng.random() < 0.05:  # a few a little ahead of the first row's apices
            point = middle + along * rng.uniform(-900, 900) + axis * rng.uniform(0, 25)
        direction = rng.uniform(0, np.pi)
        half = rng.uniform(3, 8) * np.array([np.cos(direction), np.sin(direction)])
        ends = [tuple(np.round(point + sign * half).astype(int)) for sign in (-1, 1)]
        x, y = np.round(point).astype(int)
        if not (10 <= x < shape[1] - 10 and 10 <= y < shape[0] - 10):
            continue
        mask = np.zeros(shape, np.uint8)
        cv2.line(mask, ends[0], ends[1], 1, 4)
        if (labels[mask > 0] > 0).any():
            continue  # dashes do not touch loops or each other
        labels[mask > 0] = number + 1
        number += 1
        dashes.add(number)
    return labels, first, dashes, front


@pytest.mark.parametrize("apex_angle", [0, 30, 90, 135, 200, 250, 315])
def test_a_wide_field_at_any_angle_gives_the_first_row_and_a_smooth_line(apex_angle):
    labels, first, dashes, front = wide_field(apex_angle, seed=apex_angle)
    assert len(first) >= 12 and len(dashes) >= 250
    measures = measure_loops(labels, capillaries_from_labels(labels))
    row = distal_row(measures, labels.shape)
    distal = {m.id for m in measures if m.distal}
    assert distal == set(row.ids)
    assert len(distal ^ first) <= 1, (sorted(distal - first), sorted(first - distal))
    assert not distal & dashes
    # Where the apices point, within 10°.
    assert abs((row.angle_deg - apex_angle + 180.0) % 360.0 - 180.0) <= 10.0, row.angle_deg
    # One smooth line along the first row's apices: never more than a third of a loop's length
    # from them, and never jumping more than a quarter of a loop's length between neighbours
    # (across the gap too).
    loop_length = LIMB + GAP / 2.0 + VESSEL / 2.0
    axis = np.array([np.cos(np.radians(apex_angle)), np.sin(np.radians(apex_angle))])
    depths = np.array(row.line) @ axis
    assert len(row.line) == len(distal)
    assert np.all(np.abs(depths - front) <= loop_length / 3.0), depths - front
    assert np.all(np.abs(np.diff(depths)) <= loop_length / 4.0), np.diff(depths)


@pytest.mark.parametrize("apex_angle", [0, 45, 120])
def test_the_density_is_per_mm_of_the_row_across_the_picture(apex_angle):
    """Distal loops over the row's length inside the picture: its width for a level row, its
    height for an upright one, the line's length across the picture for a slanted one."""
    labels, first, _, front = wide_field(apex_angle, seed=7, gap_in_first_row=False)
    measures = measure_loops(labels, capillaries_from_labels(labels))
    row = distal_row(measures, labels.shape)
    axis = np.array([np.cos(np.radians(apex_angle)), np.sin(np.radians(apex_angle))])
    # The first row's apex line, straight, across the 1280 x 1024 picture.
    along = np.array([-axis[1], axis[0]])
    point = axis * front  # a point of the line
    inside = [t for t in np.arange(-2000, 2000, 0.5) if 0 <= (point + t * along)[0] <= 1280 and 0 <= (point + t * along)[1] <= 1024]
    chord = max(inside) - min(inside)
    assert row.length_px == pytest.approx(chord, rel=0.03)
    distal = sum(m.distal for m in measures)
    assert density_per_mm(measures, row.length_px, 2.0) == pytest.approx(distal / (chord * 2.0 / 1000.0), rel=0.03)
    if row.along_x:
        # A 1 mm window across x holds 1 mm of the row: narrower than 500 px when it slants.
        window = window_of_mm(640.0, 2.0, row=row)
        assert window[1] - window[0] == pytest.approx(500.0 * row.along_cos)
        inside_window = sum(1 for m in measures if m.distal and window[0] <= m.apex[0] < window[1])
        assert density_per_mm(measures, row.length_px, 2.0, window=window, row=row) == pytest.approx(inside_window / 1.0)


# In the analysis and its exports --------------------------------------------------------------
def test_an_upright_row_in_the_analysis_and_its_json(tmp_path, darkness_session):
    """Set C's case: the row runs up the picture, apices pointing right. The JSON says so
    (``apex_direction`` right, ``apex_angle_deg`` near 0), and the density is over the picture's
    height, the row's length."""
    import json

    from capseg_desktop.core.counting import CountingParams
    from capseg_desktop.core.pipeline import Analyzer

    labels = np.zeros((1000, 700), np.int32)
    number = 0
    for row, x in enumerate((560, 380)):  # the distal row, and a deeper one to its left
        for y in range(80 + 40 * row, 940, 110):
            number += 1
            assert draw_hairpin(labels, number, np.array([x, float(y)]), np.array([1.0, 0.0]))
    distal_drawn = len(range(80, 940, 110))
    rgb = np.empty(labels.shape + (3,), np.uint8)
    rgb[:] = (235, 215, 190)
    rgb[labels > 0] = (120, 40, 30)
    path = tmp_path / "upright.png"
    cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    params = CountingParams(threshold=0.5, min_area_px=100, merge_distance_px=3, split_area_px=5000)
    result = Analyzer(darkness_session).analyze_path(path, params=params, um_per_px=2.0).result
    assert result.count == number
    row = json.loads(result.to_json())["distal_row"]
    assert row["apex_direction"] == "right" and row["count"] == distal_drawn
    assert abs((row["apex_angle_deg"] + 180.0) % 360.0 - 180.0) <= 5.0
    assert row["row_length_px"] == pytest.approx(1000.0, rel=0.01)
    assert row["density_per_mm"] == pytest.approx(distal_drawn / 2.0, rel=0.01)  # 1000 px x 2 µm = 2 mm
    assert all(x > 540 for x, _ in result.distal_row().line)  # the line runs along the distal apices
