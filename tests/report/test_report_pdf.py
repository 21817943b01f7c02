"""The PDF report: produced, atomic, its text (read back with pypdf) holds the header, the
per-finger numbers, the patient summary, the model's hash and the clinical note; many images
make several numbered pages; the report never loads QtWidgets."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from capseg_desktop.core import render
from capseg_desktop.core.calibration import Calibration
from capseg_desktop.core.counting import Capillary, CountingParams
from capseg_desktop.core.errors import ExportError
from capseg_desktop.core.exam import exam_from_folder, summarise_exam
from capseg_desktop.core.measure import LoopMeasures
from capseg_desktop.core.model import ModelInfo
from capseg_desktop.core.result import AnalysisResult
from capseg_desktop.report.pdf import TEXT, write_report

from .pdftext import pdf_pages

MODEL = ModelInfo("capseg_unet.tflite", "3f" * 32, "litert", 1, 16)


def strip_result(path, loops: int, width_px: float, um_per_px: float = 2.0) -> AnalysisResult:
    """A 1000 x 300 result with ``loops`` distal loops ``width_px`` wide (known measures)."""
    capillaries, measures = [], []
    for index in range(loops):
        x0 = 40 + index * 90
        capillaries.append(Capillary(index + 1, (x0, 30, x0 + 40, 240), 2500, (x0 + 20.0, 135.0)))
        measures.append(LoopMeasures(index + 1, 40.0, width_px, width_px, width_px, width_px, 200.0, (x0 + 20.0, 235.0), True, (0.0, 1.0)))
    return AnalysisResult(
        str(path), 1000, 300, MODEL, CountingParams(), tuple(capillaries), um_per_px=um_per_px,
        measures=tuple(measures), calibration=Calibration(um_per_px, "profile", "Dino 200x"),
    )


def picture(result: AnalysisResult) -> np.ndarray:
    rgb = np.full((result.height, result.width, 3), (225, 195, 175), np.uint8)
    return render.draw_boxes(rgb, result.capillaries, flags=result.flags())


@pytest.fixture()
def exam_and_results(tmp_path):
    folder = tmp_path / "visit"
    folder.mkdir()
    for name in ("L2A.png", "L2B.png", "L3A.png", "R4A.png", "R5A.png"):
        (folder / name).write_bytes(b"pictures are given to the report, not read")
    exam = exam_from_folder(folder, patient_id="P-042", date="2026-11-20", operator="Dr Rheum", profile="Dino 200x", um_per_px=2.0)
    exam.set_excluded(exam.find(folder / "R4A.png"), "blurred, retaken")
    # 1000 px at 2 µm/px = 2 mm. Widths 5 px = 10 µm (normal), 12 px = 24 µm (dilated), 30 px = 60 µm (giant).
    results = {
        folder / "L2A.png": strip_result(folder / "L2A.png", 10, 5.0),  # 5.0 per mm
        folder / "L2B.png": strip_result(folder / "L2B.png", 8, 12.0),  # 4.0 per mm, 8 dilated
        folder / "L3A.png": strip_result(folder / "L3A.png", 9, 30.0),  # 4.5 per mm, 9 giant
    }
    failures = {folder / "R5A.png": '"R5A.png" is damaged (the file ends early).'}
    summary = summarise_exam(exam, results, failures)
    thumbnails = {path: picture(result) for path, result in results.items()}
    return exam, summary, results, thumbnails


def test_the_report_holds_the_header_figures_hash_and_note(tmp_path, exam_and_results):
    exam, summary, results, thumbnails = exam_and_results
    target = tmp_path / "report.pdf"
    assert write_report(target, exam, summary, results, thumbnails, model_card={"version": "2.0.0"}) == target
    assert target.read_bytes().startswith(b"%PDF")
    pages = pdf_pages(target)
    text = " ".join(pages)
    for expected in ("P-042", "2026-11-20", "Dr Rheum", "Dino 200x", "2 µm per pixel"):
        assert expected in text
    # Per finger: L2 = mean(5.0, 4.0) = 4.5 per mm, 8 dilated; L3 = 4.5 per mm, 9 giant.
    assert "L2 2 4.5 reduced 8 0" in text
    assert "L3 1 4.5 reduced 0 9" in text
    assert "R4 0 1 image excluded R4A.png: blurred, retaken" in text  # taken, then excluded: not "not examined"
    assert '"R5A.png" is damaged (the file ends early).' in text
    # Patient: mean over 2 fingers, 8 dilated, 9 giant.
    assert "4.5 capillaries per mm, reduced (mean of 2 fingers with a density)" in text
    assert "9 (giant loops present)" in text
    assert "3 used, 2 not used" in text
    assert MODEL.sha256 in text and "version 2.0.0" in text
    assert CountingParams().describe() in text
    assert " ".join(TEXT["note"].split()) in text
    assert "support, not replace, a clinician's reading" in text
    assert "L2 — L2B.png: 8 capillaries; distal density 4.0 per mm (8 distal loops); 8 dilated, 0 giant" in text
    assert f"Page 1 of {len(pages)}" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_many_images_make_several_numbered_pages(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    names = [f"{finger}{letter}.png" for finger in ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5") for letter in "AB"]
    for name in names:
        (folder / name).write_bytes(b"-")
    exam = exam_from_folder(folder, patient_id="P-7", um_per_px=2.0, profile="Dino 200x")
    results = {folder / name: strip_result(folder / name, 7, 5.0) for name in names}
    summary = summarise_exam(exam, results)
    target = write_report(tmp_path / "many.pdf", exam, summary, results, {p: picture(r) for p, r in results.items()})
    pages = pdf_pages(target)
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    text = " ".join(pages)
    assert all(name in text for name in names)
    assert "3.5 capillaries per mm, reduced (mean of 8 fingers with a density)" in text


def test_the_report_is_atomic_and_refuses_to_overwrite(tmp_path, exam_and_results):
    exam, summary, results, _ = exam_and_results
    target = tmp_path / "r.pdf"
    target.write_bytes(b"an older report")
    with pytest.raises(ExportError, match="already exists"):
        write_report(target, exam, summary, results)
    assert target.read_bytes() == b"an older report"
    write_report(target, exam, summary, results, overwrite=True)
    assert "picture not available" in " ".join(pdf_pages(target))  # no thumbnails given: said so
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "visit"]


def test_without_a_scale_the_report_says_not_assessed(tmp_path):
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "L2A.png").write_bytes(b"-")
    exam = exam_from_folder(folder)
    results = {folder / "L2A.png": strip_result(folder / "L2A.png", 5, 5.0, um_per_px=None)}
    results[folder / "L2A.png"] = AnalysisResult(
        str(folder / "L2A.png"), 1000, 300, MODEL, CountingParams(), results[folder / "L2A.png"].capillaries,
        measures=results[folder / "L2A.png"].measures,
    )
    text = " ".join(pdf_pages(write_report(tmp_path / "r.pdf", exam, summarise_exam(exam, results), results)))
    assert "no scale set" in text and "not assessed (no scale)" in text
    assert "not given" in text  # no patient pseudonym, no operator


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the offscreen platform is chosen on Linux")
def test_the_report_needs_no_widgets_nor_a_display(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from capseg_desktop.core.exam import Exam, summarise_exam
        from capseg_desktop.report.pdf import write_report
        exam = Exam(patient_id="P")
        write_report(Path({str(tmp_path / "w.pdf")!r}), exam, summarise_exam(exam, {{}}), {{}})
        assert "PySide6.QtWidgets" not in sys.modules, "the report loaded QtWidgets"
        assert "tensorflow" not in sys.modules, "the report loaded TensorFlow"
        print("ok")
    """)
    # As from a terminal over ssh: a display that is set but cannot be reached, no platform chosen.
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = ":987"
    env_run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert env_run.returncode == 0, env_run.stderr
    pages = pdf_pages(tmp_path / "w.pdf")
    assert len(pages) == 1 and "Page 1 of 1" in pages[0]  # no image: no picture pages


def test_the_model_version_is_printed_only_for_the_model_its_card_lists(tmp_path, exam_and_results):
    exam, summary, results, _ = exam_and_results
    listed = {"version": "2.0.0", "files": {"capseg_unet.tflite": {"sha256": MODEL.sha256}}}
    other = {"version": "9.9.9", "files": {"other.tflite": {"sha256": "0" * 64}}}
    assert "version 2.0.0" in " ".join(pdf_pages(write_report(tmp_path / "a.pdf", exam, summary, results, model_card=listed)))
    text = " ".join(pdf_pages(write_report(tmp_path / "b.pdf", exam, summary, results, model_card=other)))
    assert "9.9.9" not in text and "version not stated" in text


def test_parameters_the_user_changed_are_named_with_the_recommendation(tmp_path, exam_and_results):
    """The annotated picture said the threshold was changed; the report only said 0.6."""
    from dataclasses import replace

    exam, _summary, results, thumbnails = exam_and_results
    advised = CountingParams(threshold=0.7)
    changed = {path: replace(result, params=CountingParams(threshold=0.6), recommended_params=advised)
               for path, result in results.items()}
    target = tmp_path / "changed.pdf"
    write_report(target, exam, summarise_exam(exam, changed), changed, thumbnails)
    text = " ".join(" ".join(pdf_pages(target)).split())
    assert "Changed by the user: threshold 0.6 (recommended 0.7)" in text
    assert "in the model's pixels" not in text  # analysed at their own size

    from capseg_desktop.core.scale import ScaleInfo

    resized = {path: replace(result, scale=ScaleInfo(0.62, 16.0, 9.8, "estimated")) for path, result in results.items()}
    target = tmp_path / "resized.pdf"
    write_report(target, exam, summarise_exam(exam, resized), resized, thumbnails)
    text = " ".join(" ".join(pdf_pages(target)).split())
    assert f"{CountingParams().describe()} in the model's pixels" in text  # as the legend says
