"""Per-capillary measurements, flags, the distal row and the density per mm (issue 12), checked on
loops drawn with known vessel widths: what a clinician reads off the exports must be what was
drawn, within 1 pixel."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

from capseg_desktop.core.calibration import SOURCE_ESTIMATE, SOURCE_PROFILE, Calibration
from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.measure import (
    LoopMeasures, Thresholds, density_flag, density_per_mm, distal_row, measure_loops, window_of_mm,
)

#: The tolerances the README states, in pixels: widths (vessel diameters, the loop's outer
#: width) and the loop's length (both of its ends fall on the pixel grid: up to a pixel each).
TOLERANCE_PX = 1.0
LENGTH_TOLERANCE_PX = 1.5


def hairpin(shape, apex, angle_deg, gap, limb_len, apex_w, arterial_w=None, venous_w=None):
    """A hairpin loop drawn with exactly known vessel widths: every pixel whose centre lies
    within half the width of the centre line (two straight limbs ``gap`` apart, joined by a
    half circle). ``apex`` (x, y) is the outer tip of the centre line, ``angle_deg`` the
    direction the apex points to (90 = down the image). The limb at the negative side of the
    axis is ``arterial_w`` wide, the other ``venous_w``."""
    arterial_w = arterial_w or apex_w
    venous_w = venous_w or apex_w
    height, width = shape
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    angle = np.deg2rad(angle_deg)
    axis = np.array([np.cos(angle), np.sin(angle)])
    normal = np.array([-axis[1], axis[0]])
    radius = gap / 2.0
    cx, cy = apex[0] - axis[0] * radius, apex[1] - axis[1] * radius
    u = (xx - cx) * axis[0] + (yy - cy) * axis[1]
    v = (xx - cx) * normal[0] + (yy - cy) * normal[1]
    arc = (u >= 0) & (np.abs(np.hypot(u, v) - radius) <= apex_w / 2.0)
    limbs = (u < 0) & (u >= -limb_len)
    return arc | (limbs & (np.abs(v + radius) <= arterial_w / 2.0)) | (limbs & (np.abs(v - radius) <= venous_w / 2.0))


def labels_of(*masks):
    labels = np.zeros(masks[0].shape, np.int32)
    for number, mask in enumerate(masks, start=1):
        labels[mask] = number
    return labels


def measured(labels, direction=None):
    return measure_loops(labels, capillaries_from_labels(labels), direction=direction)


def strip(rows, shape=(400, 1280), apex_angle=-90, width=8, gap=24, limb_len=90):
    """Loops in rows: ``rows`` is a list of (apex_y, [x, ...]); all apices point along ``apex_angle``."""
    masks = [hairpin(shape, (x, y), apex_angle, gap, limb_len, width) for y, xs in rows for x in xs]
    return labels_of(*masks)


# Widths ------------------------------------------------------------------------------------
# Sub-pixel offsets, so that the drawn limbs are not all centred on pixel centres.
@pytest.mark.parametrize("angle", [90, -90, 0, 180, 30, -60, 135])
@pytest.mark.parametrize("vessel", [3, 5, 8, 12, 17, 24])
def test_widths_of_drawn_loops_come_back_within_one_pixel(angle, vessel):
    gap = max(2.5 * vessel, 18.0)
    mask = hairpin((360, 360), (180.3, 180.6), angle, gap, 110, vessel)
    (loop,) = measured(labels_of(mask), direction=None)
    assert loop.apex_width_px == pytest.approx(vessel, abs=TOLERANCE_PX)
    assert loop.arterial_width_px == pytest.approx(vessel, abs=TOLERANCE_PX)
    assert loop.venous_width_px == pytest.approx(vessel, abs=TOLERANCE_PX)
    assert loop.max_vessel_width_px == pytest.approx(vessel, abs=TOLERANCE_PX)
    assert loop.loop_width_px == pytest.approx(gap + vessel, abs=TOLERANCE_PX)  # outer edge to outer edge
    assert loop.length_px == pytest.approx(110 + gap / 2 + vessel / 2, abs=LENGTH_TOLERANCE_PX)
    # The apex is the tip of the closed end, where the loop points.
    tip = np.array([180.3, 180.6]) + (vessel / 2) * np.array([np.cos(np.deg2rad(angle)), np.sin(np.deg2rad(angle))])
    assert np.hypot(*(np.array(loop.apex) - tip)) <= 2.0
    assert np.dot(loop.axis, [np.cos(np.deg2rad(angle)), np.sin(np.deg2rad(angle))]) > 0.95


def test_widths_of_300_loops_at_random_widths_positions_and_angles():
    """Vessels 3 to 30 px wide, gaps from nearly touching limbs to wide open loops, any angle and
    sub-pixel position: every width within 1 px; on slanted vessels the diameter reads about
    half a pixel narrow (the pixel grid), on level or upright ones it is exact on average."""
    rng = np.random.default_rng(12)
    errors = []
    for _ in range(300):
        vessel = rng.uniform(3, 30)
        angle = rng.uniform(-180, 180)
        gap = max(vessel * rng.uniform(1.6, 3.0), vessel + 6)
        limb = rng.uniform(60, 150)
        apex = (210 + rng.uniform(0, 1), 210 + rng.uniform(0, 1))
        (loop,) = measured(labels_of(hairpin((420, 420), apex, angle, gap, limb, vessel)))
        errors.append([loop.apex_width_px - vessel, loop.arterial_width_px - vessel, loop.venous_width_px - vessel,
                       loop.max_vessel_width_px - vessel, loop.loop_width_px - gap - vessel,
                       (loop.length_px - limb - gap / 2 - vessel / 2) / LENGTH_TOLERANCE_PX])
    errors = np.abs(np.array(errors))
    assert errors.max() <= TOLERANCE_PX, errors.max(axis=0)


@pytest.mark.parametrize("angle", [90, -90, 20])
def test_arterial_is_the_thinner_limb_venous_the_wider(angle):
    mask = hairpin((360, 360), (180.5, 180.5), angle, 40, 120, 9, arterial_w=6, venous_w=12)
    (loop,) = measured(labels_of(mask))
    assert loop.arterial_width_px == pytest.approx(6, abs=TOLERANCE_PX)
    assert loop.venous_width_px == pytest.approx(12, abs=TOLERANCE_PX)
    assert loop.apex_width_px == pytest.approx(9, abs=TOLERANCE_PX)
    assert loop.max_vessel_width_px == pytest.approx(12, abs=TOLERANCE_PX)  # the dimension: the widest vessel


def test_a_giant_loop_is_measured_as_wide_as_it_is_drawn():
    mask = hairpin((400, 400), (200.5, 300.5), 90, 70, 150, 40)
    (loop,) = measured(labels_of(mask))
    assert loop.max_vessel_width_px == pytest.approx(40, abs=TOLERANCE_PX)
    assert loop.flag(1.3) == "giant"  # 40 px x 1.3 µm = 52 µm


# Flags at the thresholds ----------------------------------------------------------------------
def loop_of_width(width_px):
    return LoopMeasures(1, 3 * width_px, width_px, width_px, width_px, width_px, 100.0, (0.0, 0.0))


@pytest.mark.parametrize("width_um, flag", [(19.9, "normal"), (20.0, "dilated"), (49.9, "dilated"), (50.0, "giant"), (8.0, "normal")])
@pytest.mark.parametrize("um_per_px", [1.0, 0.1, 2.5])
def test_flags_exactly_at_the_eular_thresholds(width_um, flag, um_per_px):
    loop = loop_of_width(width_um / um_per_px)
    assert loop.flag(um_per_px, Thresholds()) == flag
    assert loop.to_dict(um_per_px)["flag"] == flag


def test_thresholds_are_configurable_and_without_scale_nothing_is_assessed():
    loop = loop_of_width(30.0)
    assert loop.flag(1.0, Thresholds(dilated_um=15, giant_um=30)) == "giant"
    assert loop.flag(1.0, Thresholds(dilated_um=35, giant_um=60)) == "normal"
    assert loop.flag(None) == "" and loop.flag_text(None) == "not assessed (no scale)"
    data = loop.to_dict(None)
    assert data["flag"] == "not assessed (no scale)" and not any(key.endswith("_um") for key in data)


# The distal row and the density ----------------------------------------------------------------
def test_distal_row_is_the_outermost_row_towards_the_apices():
    xs_front = [80 + 100 * i for i in range(12)]
    xs_back = [130 + 100 * i for i in range(8)]
    # Apices up (the nail at the top): the front row's apices at y = 40, the second row's at 230.
    labels = strip([(40, xs_front), (230, xs_back)], apex_angle=-90)
    measures = measured(labels)
    row = distal_row(measures, labels.shape)
    assert row.direction == "top" and row.along_x
    assert {m.id for m in measures if m.distal} == set(row.ids)
    front = {m.id for m in measures if m.apex[1] < 100}
    assert row.ids == front and len(front) == 12
    assert all(y < 60 for _, y in row.line)  # the apex line runs through the front row's apices
    # The same strip upside down: the apices point down, the distal row is now the lowest one.
    flipped = measured(labels[::-1].copy())
    row = distal_row(flipped, labels.shape)
    assert row.direction == "bottom" and {m.id for m in flipped if m.distal} == {m.id for m in flipped if m.apex[1] > 300}


def test_the_apex_direction_comes_from_the_loops_shapes_sideways_too():
    masks = [hairpin((600, 300), (40, 60 + 90 * i), 180, 24, 100, 8) for i in range(6)]
    measures = measured(labels_of(*masks))
    row = distal_row(measures, (600, 300))
    assert row.direction == "left" and not row.along_x and len(row.ids) == 6


def test_density_per_mm_on_a_strip_with_a_known_count_and_scale():
    xs = [60 + 105 * i for i in range(12)]  # 12 loops in one row over 1280 px
    labels = strip([(60, xs)])
    measures = measured(labels)
    assert sum(m.distal for m in measures) == 12
    # 1280 px at 1.5625 µm/px = 2 mm: 6 loops per mm, reduced (below 7).
    assert density_per_mm(measures, 1280, 1.5625) == pytest.approx(6.0)
    assert density_flag(density_per_mm(measures, 1280, 1.5625)) == "reduced"
    # At 0.78125 µm/px the strip is 1 mm: 12 per mm, normal.
    assert density_per_mm(measures, 1280, 0.78125) == pytest.approx(12.0)
    assert density_flag(12.0) == "normal" and density_flag(7.0) == "normal" and density_flag(6.99) == "reduced"
    assert density_per_mm(measures, 1280, None) is None and density_flag(None) == ""


def test_second_row_loops_do_not_count_in_the_density():
    labels = strip([(40, [80 + 100 * i for i in range(12)]), (230, [130 + 100 * i for i in range(8)])])
    measures = measured(labels)
    assert density_per_mm(measures, 1280, 1.5625) == pytest.approx(6.0)  # 12 distal loops over 2 mm, not 20


def test_density_in_a_one_millimetre_window():
    xs = [60 + 105 * i for i in range(12)]
    measures = measured(strip([(60, xs)]))
    window = window_of_mm(400.0, 1.5625)  # 1 mm = 640 px, from x = 80 to 720
    assert window == pytest.approx((80.0, 720.0))
    inside = sum(1 for x in xs if 80 <= x < 720)
    assert density_per_mm(measures, 1280, 1.5625, window=window) == pytest.approx(inside / 1.0)


def test_measuring_a_strip_measures_every_loop():
    """A 1280 x 400 strip with 12 loops: every loop measured, all twelve in the distal row (its
    speed is the benchmark's to measure: a timed test fails on a busy machine)."""
    labels = strip([(60, [60 + 105 * i for i in range(12)])])
    capillaries = capillaries_from_labels(labels)
    measures = measure_loops(labels, capillaries)
    assert [m.id for m in measures] == [c.id for c in capillaries] and len(measures) == 12
    assert all(m.distal for m in measures)


def test_synthetic_strips_hang_from_the_top_apices_down():
    from capseg_desktop.training.synth import make_strip

    made = make_strip(np.random.default_rng(3), height=400, width=1280)
    labels = made.instances.astype(np.int32)
    measures = measure_loops(labels, capillaries_from_labels(labels))
    assert len(measures) == made.count
    assert distal_row(measures, labels.shape).direction == "bottom"
    # Limbs drawn 5-22 px wide: every loop's dimension in that range.
    assert all(4.0 <= m.max_vessel_width_px <= 26.0 for m in measures)


# In the analysis and its exports ------------------------------------------------------------------
def draw_strip_image(labels):
    """Dark loops on light skin, for the darkness model (probability > 0.5 where grey < 0.6)."""
    rgb = np.empty(labels.shape + (3,), np.uint8)
    rgb[:] = (235, 215, 190)
    rgb[labels > 0] = (120, 40, 30)
    return rgb


@pytest.fixture(scope="module")
def strip_analysis(tmp_path_factory, darkness_session):
    import cv2

    from capseg_desktop.core.counting import CountingParams
    from capseg_desktop.core.pipeline import Analyzer

    # 12 loops, apices up; loop 3 (from the left) is drawn 16 px wide, loop 9 is 34 px wide.
    masks = []
    for index in range(12):
        vessel = {2: 16, 8: 34}.get(index, 8)
        masks.append(hairpin((400, 1280), (60.5 + 105 * index, 60.5), -90, max(24, 1.6 * vessel), 150, vessel))
    labels = labels_of(*masks)
    path = tmp_path_factory.mktemp("strip") / "strip.png"
    cv2.imwrite(str(path), cv2.cvtColor(draw_strip_image(labels), cv2.COLOR_RGB2BGR))
    params = CountingParams(threshold=0.5, min_area_px=100, merge_distance_px=5, split_area_px=1500)
    return Analyzer(darkness_session).analyze_path(path, params=params)


def test_the_analysis_measures_every_capillary_after_recount_and_edits(strip_analysis):
    from capseg_desktop.core.corrections import Edit

    result = strip_analysis.result
    assert result.count == 12 and [m.id for m in result.measures] == [c.id for c in result.capillaries]
    assert "measure" in result.timings_ms
    recounted = strip_analysis.recount(result.params, um_per_px=1.5625)
    assert len(recounted.result.measures) == 12 and recounted.result.distal_density_per_mm == pytest.approx(6.0)
    ys, xs = np.nonzero(recounted.counted.labels == result.capillaries[0].id)  # a pixel of the first loop
    edited = recounted.with_edits([Edit("remove", points=((float(xs[0]), float(ys[0])),))])
    assert edited.result.count == 11 and len(edited.result.measures) == 11
    assert edited.result.distal_density_per_mm == pytest.approx(5.5)


def test_exports_without_a_scale_stay_in_pixels(strip_analysis):
    result = strip_analysis.result
    assert result.um_per_px is None and result.measuring_um_per_px is None
    data = json.loads(result.to_json())
    assert data["measurement_unit"] == "px" and data["calibration"]["source"] == "none"
    for capillary in data["capillaries"]:
        assert capillary["flag"] == "not assessed (no scale)"
        assert not any(key.endswith("_um") for key in capillary)
        assert capillary["max_vessel_width_px"] > 0
    assert data["distal_row"]["density_per_mm"] is None and data["dilated_count"] is None
    rows = list(csv.DictReader(io.StringIO(result.capillaries_csv())))
    assert {row["unit"] for row in rows} == {"px"} and {row["flag"] for row in rows} == {"not assessed (no scale)"}
    summary = result.summary_row()
    assert summary["distal_density_per_mm"] == "" and summary["dilated"] == "" and summary["giant"] == ""
    legend = " ".join(result.measurements_lines())
    assert "µm" not in legend and "not assessed (no scale)" in legend
    assert result.flags() == {c.id: "" for c in result.capillaries}


def test_exports_with_a_profile_scale_carry_micrometres_flags_and_density(strip_analysis):
    calibration = Calibration(1.5625, SOURCE_PROFILE, "Dino x200")
    analysis = strip_analysis.with_calibration(calibration)
    result = analysis.result
    assert result.um_per_px == 1.5625 and result.calibration_used == calibration
    # Loop 3: 16 px x 1.5625 = 25 µm (dilated); loop 9: 34 px = 53 µm (giant); 8 px = 12.5 µm.
    assert result.flags()[3] == "dilated" and result.flags()[9] == "giant"
    assert result.dilated_count == 1 and result.giant_count == 1
    data = json.loads(result.to_json())
    assert data["measurement_unit"] == "µm" and data["calibration"]["profile"] == "Dino x200"
    assert data["calibration"]["text"] == "scale 1.5625 µm/px (profile Dino x200)"
    assert data["thresholds"] == {"dilated_um": 20.0, "giant_um": 50.0}
    loop3 = data["capillaries"][2]
    assert loop3["max_vessel_width_um"] == pytest.approx(25.0, abs=1.5625) and loop3["flag"] == "dilated"
    assert data["distal_row"]["density_per_mm"] == pytest.approx(6.0) and data["distal_row"]["density_flag"] == "reduced"
    rows = list(csv.DictReader(io.StringIO(result.capillaries_csv())))
    assert rows[8]["flag"] == "giant" and rows[8]["unit"] == "µm" and float(rows[8]["max_vessel_width"]) > 50
    summary = result.summary_row()
    assert (summary["distal_density_per_mm"], summary["density_flag"], summary["dilated"], summary["giant"]) == ("6.000", "reduced", 1, 1)
    assert summary["calibration_source"] == "profile" and summary["calibration_profile"] == "Dino x200"
    legend = result.legend_lines()
    assert "Scale 1.5625 µm/px (profile Dino x200)" in legend
    assert any(line == "Distal row (dashed cyan line): 12 loops, 6.0 per mm, reduced (below 7 per mm)" for line in legend)
    assert any(line.startswith("Dilated loops: 1, giant loops: 1") for line in legend)
    # Thresholds change the flags and are written.
    stricter = analysis.with_thresholds(Thresholds(dilated_um=12.0, giant_um=24.0)).result
    assert stricter.giant_count == 2 and stricter.dilated_count == 10
    assert json.loads(stricter.to_json())["thresholds"] == {"dilated_um": 12.0, "giant_um": 24.0}


def test_the_density_window_is_used_and_written(strip_analysis):
    analysis = strip_analysis.with_calibration(Calibration.entered(1.5625)).with_density_window((720.0, 80.0))
    result = analysis.result
    assert result.density_window == (80.0, 720.0)
    inside = sum(1 for m in result.measures if 80 <= m.apex[0] < 720)
    assert result.distal_density_per_mm == pytest.approx(inside)
    assert json.loads(result.to_json())["distal_row"]["window_px"] == [80.0, 720.0]
    assert any("in a window of 640 px" in line for line in result.legend_lines())
    assert analysis.with_density_window(None).result.distal_density_per_mm == pytest.approx(6.0)


def test_the_models_scale_estimate_is_never_presented_as_micrometres(strip_analysis):
    analysis = strip_analysis.with_calibration(Calibration(1.5625, SOURCE_ESTIMATE))
    result = analysis.result
    assert result.um_per_px is None and result.measuring_um_per_px is None and result.distal_density_per_mm is None
    data = json.loads(result.to_json())
    assert data["calibration"]["source"] == SOURCE_ESTIMATE and data["measurement_unit"] == "px"
    assert all(not any(key.endswith("_um") for key in c) for c in data["capillaries"])
    # Even an estimate put into the scale by mistake measures nothing in µm.
    from dataclasses import replace

    mistaken = replace(result, um_per_px=1.5625)
    assert mistaken.measuring_um_per_px is None and mistaken.dilated_count == 0


def test_the_annotated_picture_marks_dilated_and_giant_loops(strip_analysis):
    from capseg_desktop.core.render import DILATED_BOX_RGB, DISTAL_RGB, GIANT_BOX_RGB

    analysis = strip_analysis.with_calibration(Calibration.entered(1.5625))
    picture = analysis.annotated_rgb()
    flags = analysis.result.flags()
    colours = {tuple(int(v) for v in pixel) for pixel in picture[:400].reshape(-1, 3)}
    assert DILATED_BOX_RGB in colours and GIANT_BOX_RGB in colours
    # The distal row's apex line, dashed in cyan, runs along the apices (y about 57 here): look
    # between loops 1 and 2 and between 6 and 7, where nothing else is drawn.
    for x0, x1 in ((100, 140), (625, 665)):
        cyan = np.all(np.abs(picture[:400, x0:x1].astype(int) - DISTAL_RGB) <= 30, axis=2)  # anti-aliased
        assert cyan.any() and 50 <= float(np.nonzero(cyan)[0].mean()) <= 64
    giant = next(c for c in analysis.result.capillaries if flags[c.id] == "giant")
    x0, y0, x1, y1 = giant.bbox
    ring = picture[y0 - 12: y1 + 12, x0 - 12: x1 + 12].reshape(-1, 3)
    assert any(tuple(int(v) for v in p) == GIANT_BOX_RGB for p in ring)
    unscaled = strip_analysis.annotated_rgb()[:400].reshape(-1, 3)
    assert not any(tuple(int(v) for v in p) in (DILATED_BOX_RGB, GIANT_BOX_RGB) for p in unscaled[::7])
