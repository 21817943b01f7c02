"""Calibration (issue 12): microscope profiles, a line drawn over a known length, and the scale's
source stated in every export; measurements in µm only from a real scale."""

from __future__ import annotations

import json

import numpy as np
import pytest

from capseg_desktop.core.calibration import (
    NO_CALIBRATION, PROFILES_ENV, SOURCE_CALIBRATED, SOURCE_ENTERED, SOURCE_ESTIMATE, SOURCE_IMAGE, SOURCE_NONE,
    SOURCE_PROFILE, Calibration, CalibrationError, Profile, find_profile, load_profiles, profiles_path, save_profiles,
    um_per_px_from_line,
)
from capseg_desktop.core.measure import measure_loops

from .test_measure import capillaries_from_labels, hairpin, labels_of


def test_profiles_round_trip_through_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(PROFILES_ENV, str(tmp_path / "sub" / "microscopes.json"))
    assert profiles_path() == tmp_path / "sub" / "microscopes.json"
    assert load_profiles() == []  # no file yet: no profiles, no error
    profiles = [Profile("Dino-Lite x200", 1.6, 200.0), Profile("Optilia ×300 µ", 0.95)]
    written = save_profiles(profiles)
    assert written == profiles_path() and load_profiles() == profiles
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["format"] == "capseg-microscopes" and data["version"] == 1
    assert data["profiles"][1] == {"name": "Optilia ×300 µ", "um_per_px": 0.95, "magnification": None}
    # Saving again replaces the file whole; no temporary file is left behind.
    save_profiles(profiles[:1])
    assert load_profiles() == profiles[:1]
    assert sorted(p.name for p in written.parent.iterdir()) == ["microscopes.json"]
    assert find_profile(load_profiles(), " dino-lite X200 ") == profiles[0] and find_profile(profiles, "none") is None


def test_a_damaged_or_newer_profiles_file_says_so_in_a_sentence(tmp_path):
    path = tmp_path / "microscopes.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CalibrationError, match="damaged"):
        load_profiles(path)
    path.write_text(json.dumps({"format": "capseg-microscopes", "version": 99, "profiles": []}), encoding="utf-8")
    with pytest.raises(CalibrationError, match="newer version"):
        load_profiles(path)
    # An unusable entry is skipped, the others are kept.
    path.write_text(json.dumps({"format": "capseg-microscopes", "version": 1, "profiles": [
        {"name": "good", "um_per_px": 1.2}, {"name": "", "um_per_px": 1.0}, {"name": "zero", "um_per_px": 0},
        {"name": "nan", "um_per_px": "nan"}, "junk"]}), encoding="utf-8")
    assert load_profiles(path) == [Profile("good", 1.2)]


@pytest.mark.parametrize("name, scale", [("", 1.0), ("x", 0.0), ("x", -1.0), ("x", float("inf"))])
def test_a_profile_needs_a_name_and_a_positive_scale(name, scale):
    with pytest.raises(CalibrationError):
        Profile(name, scale)


def test_the_scale_from_a_line_over_a_known_length():
    assert um_per_px_from_line((10, 10), (210, 10), 100.0) == pytest.approx(0.5)
    assert um_per_px_from_line((0, 0), (30, 40), 100.0) == pytest.approx(2.0)  # 50 px, any direction
    assert um_per_px_from_line((0.5, 0.5), (0.5, 400.5), 1000.0) == pytest.approx(2.5)
    with pytest.raises(CalibrationError, match="too short"):
        um_per_px_from_line((5, 5), (7, 6), 100.0)
    for bad in (0.0, -5.0, float("nan"), "ten"):
        with pytest.raises(CalibrationError, match="positive number of micrometres"):
            um_per_px_from_line((0, 0), (100, 0), bad)


def test_the_calibrated_line_scale_turns_measured_pixels_into_micrometres():
    # A calibration slide: 1 mm drawn over 400 px, so 2.5 µm per pixel.
    scale = um_per_px_from_line((20.0, 30.0), (420.0, 30.0), 1000.0)
    calibration = Calibration(scale, SOURCE_CALIBRATED)
    assert calibration.describe() == "scale 2.5 µm/px (calibrated line)"
    labels = labels_of(hairpin((300, 300), (150.5, 60.5), -90, 30, 120, 9))  # a vessel 9 px wide
    (loop,) = measure_loops(labels, capillaries_from_labels(labels))
    widths = loop.in_um(calibration.measuring_um_per_px)
    assert widths["max_vessel_width_um"] == pytest.approx(22.5, abs=2.5)  # 9 px +- 1 px, at 2.5 µm per px
    assert loop.flag(calibration.measuring_um_per_px) == "dilated"


def test_sources_and_what_each_one_allows():
    assert Calibration.from_profile(Profile("Dino", 1.6)) == Calibration(1.6, SOURCE_PROFILE, "Dino")
    assert Calibration.from_profile(Profile("Dino", 1.6)).describe() == "scale 1.6 µm/px (profile Dino)"
    assert Calibration(0.9, SOURCE_IMAGE).describe() == "scale 0.9 µm/px (set for this image)"
    assert Calibration.entered(1.25) == Calibration(1.25, SOURCE_ENTERED)
    assert Calibration.entered(None) is NO_CALIBRATION and Calibration.entered(0) is NO_CALIBRATION
    assert NO_CALIBRATION.measuring_um_per_px is None and NO_CALIBRATION.source == SOURCE_NONE
    assert "µm" not in NO_CALIBRATION.describe() and "pixels" in NO_CALIBRATION.describe()
    estimate = Calibration(1.1, SOURCE_ESTIMATE)
    assert estimate.measuring_um_per_px is None and not estimate.calibrated
    assert "µm" not in estimate.describe() and "estimate" in estimate.describe()
    for calibration in (Calibration(1.6, SOURCE_PROFILE, "Dino"), Calibration(0.7, SOURCE_CALIBRATED), estimate, NO_CALIBRATION):
        assert Calibration.from_dict(json.loads(json.dumps(calibration.to_dict()))) == calibration
    assert Calibration.from_dict({"um_per_px": 2, "source": "made up"}).source == SOURCE_NONE
    assert Calibration.from_dict(None) == NO_CALIBRATION


def test_the_result_states_its_scale_and_source(darkness_session, tmp_path):
    import cv2

    from capseg_desktop.core.counting import CountingParams
    from capseg_desktop.core.pipeline import Analyzer

    labels = labels_of(*[hairpin((300, 600), (80.5 + 110 * i, 40.5), -90, 24, 150, 8) for i in range(5)])
    rgb = np.full(labels.shape + (3,), (235, 215, 190), np.uint8)
    rgb[labels > 0] = (120, 40, 30)
    path = tmp_path / "loops.png"
    cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    params = CountingParams(min_area_px=100, merge_distance_px=5)
    analyzer = Analyzer(darkness_session)
    profile = Calibration(1.6, SOURCE_PROFILE, "Dino")
    analysis = analyzer.analyze_path(path, params=params, um_per_px=1.6, calibration=profile)
    assert analysis.result.calibration_used == profile
    assert json.loads(analysis.result.to_json())["calibration"]["profile"] == "Dino"
    # A recount at the same scale keeps the source; at another number it becomes "typed".
    assert analysis.recount(params, 1.6).result.calibration_used == profile
    assert analysis.recount(params, 2.0).result.calibration_used == Calibration(2.0, SOURCE_ENTERED)
    assert analysis.recount(params, None).result.calibration_used == NO_CALIBRATION
    # A typed number with no recorded source (the command line's --um-per-px).
    typed = analyzer.analyze_path(path, params=params, um_per_px=1.25)
    assert typed.result.calibration_used == Calibration(1.25, SOURCE_ENTERED)
    assert typed.result.summary_row()["calibration_source"] == SOURCE_ENTERED
    assert any(line == "Scale 1.25 µm/px (typed)" for line in typed.result.legend_lines())
    # Calibrated with a line on this image afterwards: the same count, in µm at that scale.
    line = analysis.with_calibration(Calibration(um_per_px_from_line((0, 0), (400, 0), 1000.0), SOURCE_CALIBRATED))
    assert line.result.um_per_px == 2.5 and line.result.count == analysis.result.count
    assert json.loads(line.result.to_json())["calibration"]["source"] == SOURCE_CALIBRATED
