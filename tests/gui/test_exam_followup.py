"""The follow-up visit in the exam window (issue 22, point 4): Compare with an earlier exam…
counts the earlier exam's images, shows the comparison as text and puts it in the next report;
another patient's exam is compared only when the user says so."""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtWidgets import QFileDialog, QMessageBox

from capseg_desktop.core.exam import Exam, save_exam

from .conftest import write_capillary_image
from .test_exam_window import save_dialog_returning, start_exam


def earlier_exam(tmp_path, patient: str, name: str):
    folder = tmp_path / name
    exam = Exam(patient_id=patient, date="2025-06-01", um_per_px=5.0)
    for finger in ("L2A.png", "L3A.png"):
        exam.add_image(write_capillary_image(folder / finger, loops=6))
    return save_exam(exam, folder / "earlier.capseg-exam.json")


def compare_with(monkeypatch, window, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.exam.view.compare_action.trigger()


def test_compare_with_an_earlier_exam_shows_it_and_reports_it(qtbot, window, dialogs, tmp_path, monkeypatch):
    start_exam(qtbot, window, monkeypatch, tmp_path)
    followup = window.exam.followup
    with qtbot.waitSignal(followup.ready, timeout=30_000):
        compare_with(monkeypatch, window, earlier_exam(tmp_path, "P-0042", "2025"))
    box = [text for kind, _title, text in dialogs.shown if kind == "box"][-1]
    assert box.startswith("Compared with the exam of 2025-06-01.") and "Loops are not matched across visits" in box
    l2 = followup.comparison().finger("L2")
    assert l2.then.density_per_mm > l2.now.density_per_mm  # 6 loops then, 4 now on the same strip
    assert f"L2: distal density per mm {l2.then.density_per_mm:.1f} → {l2.now.density_per_mm:.1f}" in box
    assert "R5: distal density per mm not examined →" in box  # examined now only
    assert "The next report exported includes this comparison." in box

    table = tmp_path / "exam.csv"
    save_dialog_returning(monkeypatch, table)
    window.actions_by_id["export_exam_csv"].trigger()
    rows = table.read_text(encoding="utf-8").splitlines()
    assert "compared_with_date" in rows[0] and rows[-1].startswith("patient change,")
    assert sum(1 for row in rows if row.startswith("finger change,L2,")) == 1

    pdf = tmp_path / "report.pdf"
    save_dialog_returning(monkeypatch, pdf)
    window.actions_by_id["export_report"].trigger()
    assert pdf.exists()
    if shutil.which("pdftotext"):
        words = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert "Compared with the exam of 2025-06-01" in words
        assert "L2 — left, the exam of 2025-06-01 (L2A.png); right, this exam of 2026-11-20 (L2A.png)" in words


def test_another_patients_exam_is_compared_only_when_asked(qtbot, window, dialogs, tmp_path, monkeypatch):
    start_exam(qtbot, window, monkeypatch, tmp_path)
    followup = window.exam.followup
    other = earlier_exam(tmp_path, "P-0777", "other")
    dialogs.answer = QMessageBox.StandardButton.No
    compare_with(monkeypatch, window, other)
    question = dialogs.texts("question")[-1]
    assert 'of the patient "P-0777" and this one of "P-0042": two different patients are not compared.' in question
    assert followup.comparison() is None and not followup.lane.busy()
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(followup.ready, timeout=30_000):
        compare_with(monkeypatch, window, other)
    assert followup.comparison().forced
    assert 'Compared although the pseudonyms differ ("P-0777" then, "P-0042" now)' in followup.text()
