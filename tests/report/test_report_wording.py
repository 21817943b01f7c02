"""The report's words say what happened (issue 21): a finger whose image was taken and then
excluded reads "1 image excluded", not "not examined"; the patient's density reads
"4.8 capillaries per mm, reduced (mean of 2 fingers with a density)", not "over 2 finger(s)
with a density: reduced", in English and in French. Read back from the PDF with pypdf."""

from __future__ import annotations

import csv
import io

import pytest

from capseg_desktop.core.exam import exam_csv, exam_from_folder, summarise_exam

from ..core.test_i18n_core import french, strip_result  # noqa: F401  (french: a fixture)
from .pdftext import pdf_pages


@pytest.fixture()
def exam_with_an_excluded_finger(tmp_path):
    """L2 and L3 counted; R4's one image excluded ("blurred"); R5 never taken."""
    folder = tmp_path / "visit"
    folder.mkdir()
    for name in ("L2A.png", "L3A.png", "R4A.png"):
        (folder / name).write_bytes(b"pictures are given to the report, not read")
    exam = exam_from_folder(folder, patient_id="P-042", date="2026-11-20", profile="Dino 200x", um_per_px=2.0)
    exam.set_excluded(exam.find(folder / "R4A.png"), "blurred")
    results = {folder / name: strip_result(str(folder / name), loops, 12.0)
               for name, loops in (("L2A.png", 9), ("L3A.png", 10), ("R4A.png", 8))}
    return exam, summarise_exam(exam, results), results


def report_text(tmp_path, exam, summary, results) -> str:
    from capseg_desktop.report.pdf import write_report

    return " ".join(pdf_pages(write_report(tmp_path / "report.pdf", exam, summary, results)))


def test_an_excluded_finger_is_not_called_not_examined(tmp_path, exam_with_an_excluded_finger):
    exam, summary, results = exam_with_an_excluded_finger
    text = report_text(tmp_path, exam, summary, results)
    assert "R4 0 1 image excluded R4A.png: blurred" in text
    assert "R5 0 not examined" in text  # no image taken: that one is not examined
    assert "R4 0 not examined" not in text
    assert "4.8 capillaries per mm, reduced (mean of 2 fingers with a density)" in text  # (4.5 + 5.0) / 2
    assert "finger(s)" not in text and "over 2" not in text
    fingers = {row["finger"]: row for row in csv.DictReader(io.StringIO(exam_csv(summary))) if row["level"] == "finger"}
    assert (fingers["R4"]["status"], fingers["R5"]["status"], fingers["L2"]["status"]) == ("excluded", "not examined", "used")


def test_the_same_in_french(french, tmp_path, exam_with_an_excluded_finger):  # noqa: F811
    exam, summary, results = exam_with_an_excluded_finger
    text = report_text(tmp_path, exam, summary, results)
    assert "R4 0 1 image exclue R4A.png" in text
    assert "R5 0 non examiné" in text and "R4 0 non examiné" not in text
    assert "4,8 capillaires par mm, diminuée (moyenne de 2 doigts avec une densité)" in text


def test_the_command_line_says_it_too(exam_with_an_excluded_finger):
    from capseg_desktop.cli.exam import _finger_line

    _exam, summary, _results = exam_with_an_excluded_finger
    assert _finger_line(summary.finger("R4")) == "R4: 1 image excluded"
    assert _finger_line(summary.finger("R5")) == "R5: not examined"
