"""The patient exam: fingers from file names, the exam file's round trip and refusals, and the
per-finger and patient figures on known inputs."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field

import pytest

from capseg_desktop.core.calibration import SOURCE_PROFILE, Calibration
from capseg_desktop.core.errors import ExportError
from capseg_desktop.core.exam import (
    EXAM_SUFFIX, FINGERS, FORMAT_VERSION, Exam, ExamError, ExamImage, exam_csv, exam_from_folder, finger_from_name,
    density_flag, load_exam, save_exam, summarise_exam,
)


@pytest.mark.parametrize(
    ("name", "finger"),
    [
        ("L2A.png", "L2"), ("R5B.jpg", "R5"), ("l3.tif", "L3"), ("L4_2.png", "L4"), ("R 4 b.png", "R4"),
        ("L2-index.png", "L2"), ("r5c.JPEG", "R5"), ("some/folder/R3A.png", "R3"), ("C:\\scans\\L5B.bmp", "L5"),
        ("L1A.png", None), ("R6.png", None), ("L20.png", None), ("left.png", None), ("L2Apple.png", None),
        ("strip_L2A.png", None), ("", None),
    ],
)
def test_finger_from_file_names(name, finger):
    assert finger_from_name(name) == finger


def test_fingers_are_2_to_5_of_both_hands():
    assert FINGERS == ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")


def _touch(folder, *names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"not read by these tests")
    return folder


def test_exam_from_a_folder_assigns_fingers_from_names(tmp_path):
    folder = _touch(tmp_path / "visit", "L2A.png", "L2B.png", "R5A.jpg", "overview.png")
    exam = exam_from_folder(folder, patient_id="P-017", date="2026-11-27", operator="dr A")
    assert [(i.file_name, i.finger) for i in exam.images] == [
        ("L2A.png", "L2"), ("L2B.png", "L2"), ("overview.png", None), ("R5A.jpg", "R5"),
    ]
    assert [i.path_rel for i in exam.images_of("L2")] == ["L2A.png", "L2B.png"]
    assert exam.path_of(exam.images[0]) == folder / "L2A.png"
    # Adding the same image again does not duplicate it; a finger given by hand wins.
    again = exam.add_image(folder / "overview.png", finger="R3")
    assert again is exam.images[2] and again.finger == "R3" and len(exam.images) == 4
    with pytest.raises(ExamError, match='"L1" is not one of'):
        exam.add_image(folder / "x.png", finger="L1")


def test_the_exam_file_round_trips_with_relative_paths(tmp_path):
    images = _touch(tmp_path / "visit" / "images", "L2A.png", "R5B.png")
    exam = Exam(patient_id="P-017", date="2026-11-27", operator="dr Émile", profile="Dino-Lite 200x", um_per_px=1.6)
    exam.add_image(images / "L2A.png")
    exam.add_image(images / "R5B.png")
    exam.set_excluded(exam.images[1], "blurred")
    target = tmp_path / "visit" / f"p017{EXAM_SUFFIX}"
    assert save_exam(exam, target) == target

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "capseg-exam" and data["version"] == FORMAT_VERSION
    assert [i["path"] for i in data["images"]] == ["images/L2A.png", "images/R5B.png"]
    assert data["images"][1]["excluded_reason"] == "blurred"
    assert str(tmp_path) not in target.read_text(encoding="utf-8")  # no absolute path is kept

    loaded = load_exam(target)
    assert loaded == exam.rebased(target.parent)
    assert (loaded.patient_id, loaded.date, loaded.operator, loaded.profile, loaded.um_per_px) == (
        "P-017", "2026-11-27", "dr Émile", "Dino-Lite 200x", 1.6)
    assert [i.finger for i in loaded.images] == ["L2", "R5"]
    assert loaded.images[1].excluded and loaded.images[1].excluded_reason == "blurred"
    assert loaded.path_of(loaded.images[0]) == images / "L2A.png"

    # The folder moved whole: the images are still found.
    moved = tmp_path / "moved"
    os.rename(tmp_path / "visit", moved)
    reopened = load_exam(moved / target.name)
    assert reopened.path_of(reopened.images[1]) == moved / "images" / "R5B.png"
    assert reopened.path_of(reopened.images[1]).exists()


def test_saving_elsewhere_rewrites_the_relative_paths(tmp_path):
    images = _touch(tmp_path / "scans", "L3A.png")
    exam = exam_from_folder(images)
    (tmp_path / "exams").mkdir()
    save_exam(exam, tmp_path / "exams" / "x.capseg-exam.json")
    data = json.loads((tmp_path / "exams" / "x.capseg-exam.json").read_text(encoding="utf-8"))
    assert data["images"][0]["path"] == "../scans/L3A.png"
    loaded = load_exam(tmp_path / "exams" / "x.capseg-exam.json")
    assert loaded.path_of(loaded.images[0]) == images / "L3A.png"


def test_saving_is_atomic_and_refuses_to_overwrite_when_asked(tmp_path, monkeypatch):
    target = tmp_path / "e.capseg-exam.json"
    save_exam(Exam(patient_id="A"), target)
    with pytest.raises(ExportError, match="already exists"):
        save_exam(Exam(patient_id="B"), target, overwrite=False)
    save_exam(Exam(patient_id="C"), target)
    assert load_exam(target).patient_id == "C"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left

    import capseg_desktop.core.atomic as atomic

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_temp", broken)
    with pytest.raises(ExportError, match="full"):
        save_exam(Exam(patient_id="D"), target)
    assert load_exam(target).patient_id == "C"  # the old file is whole


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (None, 'The exam file "e.json" does not exist.'),
        ("{not json", 'The file "e.json" is not a CapSeg exam (it is not JSON text).'),
        (json.dumps({"format": "capseg-corrections", "version": 1}), 'The file "e.json" is not a CapSeg exam.'),
        (json.dumps([1, 2]), 'The file "e.json" is not a CapSeg exam.'),
        (json.dumps({"format": "capseg-exam", "version": 7}), "newer CapSeg (format version 7)"),
        (json.dumps({"format": "capseg-exam"}), "its format version is missing"),
        (json.dumps({"format": "capseg-exam", "version": 1, "date": "27/11/2026"}), 'its date "27/11/2026"'),
        (json.dumps({"format": "capseg-exam", "version": 1, "date": "2026-11-27", "um_per_px": -1}), '"um_per_px" is not a number'),
        (json.dumps({"format": "capseg-exam", "version": 1, "date": "2026-11-27", "images": [{"path": "a.png", "finger": "L9"}]}),
         'finger "L9"'),
        (json.dumps({"format": "capseg-exam", "version": 1, "date": "2026-11-27", "images": [{"finger": "L2"}]}), "image 1 has no path"),
    ],
)
def test_a_file_that_is_not_a_usable_exam_is_refused_with_a_sentence(tmp_path, content, sentence):
    path = tmp_path / "e.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ExamError) as caught:
        load_exam(path)
    assert sentence in str(caught.value)
    assert "\n" not in str(caught.value)


# Figures on known inputs ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """What ``summarise_exam`` reads of an ``AnalysisResult`` (real ones are used in
    test_exam_engine.py): known figures, so the sums and means can be checked exactly."""

    count: int
    distal_density_per_mm: float | None
    dilated_count: int = 0
    giant_count: int = 0
    distal_count: int = 0
    measuring_um_per_px: float | None = 1.0
    edited: bool = False
    model_count: int | None = None
    warnings: tuple = ()
    calibration_used: Calibration = field(default_factory=lambda: Calibration(1.0, SOURCE_PROFILE, "Dino"))

    @property
    def model_count_or_count(self):
        return self.count if self.model_count is None else self.model_count

    @property
    def density_flag(self):
        return density_flag(self.distal_density_per_mm)


@pytest.fixture()
def known_exam(tmp_path):
    folder = _touch(tmp_path, "L2A.png", "L2B.png", "L2C.png", "L3A.png", "R4A.png", "R5A.png", "R5B.png", "misc.png")
    exam = exam_from_folder(folder, patient_id="P-1", date="2026-11-27")
    exam.set_excluded(exam.find(folder / "L2C.png"), "out of focus")
    results = {
        folder / "L2A.png": Result(10, 8.0, dilated_count=1, distal_count=8),
        str(folder / "L2B.png"): Result(9, 6.0, dilated_count=1, giant_count=1, distal_count=6, edited=True, model_count=11),
        folder / "L2C.png": Result(3, 2.0, giant_count=3),  # excluded: must not count
        folder / "L3A.png": Result(7, 5.0, distal_count=5),
        folder / "R4A.png": Result(8, None, distal_count=8, measuring_um_per_px=None),  # no scale: not assessed
        folder / "misc.png": Result(4, 9.0, giant_count=2),  # no finger: must not count
    }
    failures = {folder / "R5B.png": '"R5B.png" is damaged (the file ends early).'}
    return exam, results, failures


def test_per_finger_and_patient_figures_on_known_inputs(known_exam):
    exam, results, failures = known_exam
    summary = summarise_exam(exam, results, failures)
    l2, l3, r4, r5 = (summary.finger(name) for name in ("L2", "L3", "R4", "R5"))

    assert l2.density_per_mm == pytest.approx(7.0)  # mean of 8 and 6; L2C excluded
    assert (l2.dilated, l2.giant, l2.density_flag) == (2, 1, "normal")
    assert summary.patient.assessed is True
    assert [(i.file_name, i.status, i.reason) for i in l2.not_used] == [("L2C.png", "excluded", "out of focus")]
    assert [i.file_name for i in l2.used] == ["L2A.png", "L2B.png"]
    assert [(i.distal, i.um_per_px, i.scale_source) for i in l2.used] == [(8, 1.0, "profile Dino"), (6, 1.0, "profile Dino")]
    edited = next(i for i in l2.images if i.file_name == "L2B.png")
    assert (edited.count, edited.model_count, edited.edited) == (9, 11, True)

    assert (l3.density_per_mm, l3.density_flag, l3.dilated, l3.giant) == (5.0, "reduced", 0, 0)
    assert r4.density_per_mm is None and r4.density_flag == "" and not r4.assessed and r4.examined
    assert [(i.status, i.reason) for i in r5.images] == [
        ("not analysed", "not analysed yet"), ("failed", '"R5B.png" is damaged (the file ends early).'),
    ]
    assert not r5.examined and r5.density_per_mm is None
    assert not summary.finger("L4").images

    patient = summary.patient
    assert patient.density_per_mm == pytest.approx((7.0 + 5.0) / 2)
    assert (patient.fingers_with_density, patient.density_flag) == (2, "reduced")
    assert (patient.dilated, patient.giant, patient.any_giant) == (2, 1, True)
    assert (patient.images_used, patient.images_not_used) == (4, 4)
    assert patient.reduced_fingers == ("L3",)
    assert [(i.file_name, i.status) for i in summary.unassigned] == [("misc.png", "no finger")]


def test_no_giant_loop_and_no_scale_anywhere(tmp_path):
    folder = _touch(tmp_path, "L2A.png")
    exam = exam_from_folder(folder)
    summary = summarise_exam(exam, {folder / "L2A.png": Result(5, None, distal_count=5, measuring_um_per_px=None)})
    assert summary.patient.density_per_mm is None and summary.patient.density_flag == ""
    assert (summary.patient.giant, summary.patient.any_giant, summary.patient.fingers_with_density) == (0, False, 0)
    assert summary.finger("L2").images[0].dilated is None  # not judged, not 0
    assert summary.patient.assessed is False  # so nobody writes "no giant loops"
    patient_row = list(csv.DictReader(io.StringIO(exam_csv(summary))))[-1]
    assert patient_row["level"] == "patient" and patient_row["dilated"] == "" and patient_row["giant"] == ""


def test_exam_csv_has_one_row_per_image_finger_and_the_patient(known_exam):
    exam, results, failures = known_exam
    rows = list(csv.DictReader(io.StringIO(exam_csv(summarise_exam(exam, results, failures)))))
    levels = [row["level"] for row in rows]
    assert levels.count("image") == 8 and levels.count("finger") == 8 and levels[-1] == "patient"
    by_file = {row["file"]: row for row in rows if row["level"] == "image"}
    assert by_file["L2C.png"]["status"] == "excluded" and by_file["L2C.png"]["reason"] == "out of focus"
    assert by_file["L2B.png"]["edited"] == "yes" and by_file["L2B.png"]["model_count"] == "11"
    assert by_file["R4A.png"]["distal_density_per_mm"] == "" and by_file["R4A.png"]["dilated"] == ""
    assert by_file["misc.png"]["status"] == "no finger"
    fingers = {row["finger"]: row for row in rows if row["level"] == "finger"}
    assert fingers["L2"]["distal_density_per_mm"] == "7.00" and fingers["L2"]["dilated"] == "2"
    assert fingers["L2"]["images_used"] == "2" and fingers["L2"]["images_not_used"] == "1"
    assert fingers["L4"]["status"] == "not examined"
    assert rows[-1]["distal_density_per_mm"] == "6.00" and rows[-1]["giant"] == "1" and rows[-1]["patient_id"] == "P-1"
    assert all(str(exam.base_dir) not in value for row in rows for value in row.values())


def test_an_image_in_the_exam_is_an_exam_image():
    image = ExamImage("a/L2A.png", "L2")
    assert image.file_name == "L2A.png" and not image.excluded


def test_an_exam_with_a_bad_date_or_finger_is_not_saved(tmp_path):
    target = tmp_path / "e.capseg-exam.json"
    with pytest.raises(ExamError, match="YYYY-MM-DD"):
        save_exam(Exam(date="27.11.2026"), target)
    bad = Exam(images=[ExamImage(str(tmp_path / "a.png"), "R1")])
    with pytest.raises(ExamError, match='"R1" is not one of'):
        save_exam(bad, target)
    assert not target.exists()
