"""The exam's figures from real analyses (the darkness model's exact counts): the exam's scale
is used, hand corrections saved beside an image are used, excluded images are left out."""

from __future__ import annotations

import pytest

from capseg_desktop.core.calibration import SOURCE_PROFILE
from capseg_desktop.core.corrections import Edit, image_sha256, save_corrections
from capseg_desktop.core.exam import analyze_exam_image, exam_calibration, exam_from_folder, summarise_exam
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.render import encode_png

from .tiny_models import bars_image

# bars_image(200, 400, n): n dark bars 12 px wide hanging from the top; the middle one of 3 is at x 194-206.
REMOVE_MIDDLE = Edit("remove", points=((200.0, 50.0),))


@pytest.fixture()
def exam_folder(tmp_path, darkness_session, monkeypatch):
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata"))
    folder = tmp_path / "visit"
    folder.mkdir()
    for name, bars in (("L2A.png", 3), ("L2B.png", 3), ("L3A.png", 3), ("R3A.png", 4)):
        (folder / name).write_bytes(encode_png(bars_image(200, 400, bars)))
    path = folder / "L2B.png"
    corrected = Analyzer(darkness_session).analyze_path(path).with_edits([REMOVE_MIDDLE])  # 3 -> 2
    save_corrections(path, corrected.corrections(image_sha256(path)))
    return folder


def test_exam_figures_from_real_analyses_with_corrections_and_an_exclusion(exam_folder, darkness_session):
    exam = exam_from_folder(exam_folder, patient_id="P-9", profile="Dino 200x", um_per_px=2.0)
    exam.set_excluded(exam.find(exam_folder / "L3A.png"), "wrong finger")
    analyzer = Analyzer(darkness_session)
    calibration = exam_calibration(exam)
    assert (calibration.um_per_px, calibration.source, calibration.profile) == (2.0, SOURCE_PROFILE, "Dino 200x")
    results = {}
    for image in exam.images:
        if not image.excluded:
            path = exam.path_of(image)
            results[path] = analyze_exam_image(analyzer, path, calibration).result

    corrected = results[exam_folder / "L2B.png"]
    assert (corrected.count, corrected.model_count, corrected.edited) == (2, 3, True)
    assert corrected.calibration_used.profile == "Dino 200x"

    summary = summarise_exam(exam, results)
    # 12 px wide bars at 2 µm per pixel: 24 µm, dilated. 400 px = 0.8 mm.
    l2 = summary.finger("L2")
    assert [i.density_per_mm for i in l2.used] == pytest.approx([3 / 0.8, 2 / 0.8])
    assert l2.density_per_mm == pytest.approx((3.75 + 2.5) / 2)
    assert (l2.dilated, l2.giant, l2.density_flag) == (5, 0, "reduced")
    assert [(i.file_name, i.edited, i.model_count) for i in l2.used] == [("L2A.png", False, 3), ("L2B.png", True, 3)]
    assert [(i.status, i.reason) for i in summary.finger("L3").images] == [("excluded", "wrong finger")]
    r3 = summary.finger("R3")
    assert r3.density_per_mm == pytest.approx(5.0) and r3.dilated == 4
    assert summary.patient.density_per_mm == pytest.approx((3.125 + 5.0) / 2)
    assert (summary.patient.dilated, summary.patient.giant, summary.patient.any_giant) == (9, 0, False)
    assert summary.finger("L2").images[0].scale_source == "profile Dino 200x"


def test_without_a_scale_nothing_is_assessed(exam_folder, darkness_session):
    exam = exam_from_folder(exam_folder)
    analyzer = Analyzer(darkness_session)
    results = {exam.path_of(i): analyze_exam_image(analyzer, exam.path_of(i), exam_calibration(exam)).result for i in exam.images}
    summary = summarise_exam(exam, results)
    assert summary.patient.density_per_mm is None and summary.patient.density_flag == ""
    assert all(i.dilated is None and i.giant is None for i in summary.images)
    assert summary.finger("L2").images[1].count == 2  # the correction is used all the same
