"""The patient exam in the window: New exam…, images assigned from their names or dropped on a
finger, an image excluded with a reason, per-finger figures and the patient summary as the
analyses come, save, reopen (Open recent), the PDF report and the exam CSV."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel, QMessageBox

from capseg_desktop.core.exam import load_exam
from capseg_desktop.gui.exam.dialog import ExamDetailsDialog

from .conftest import write_capillary_image

FINGER_FILES = ("L2A.png", "L2B.png", "L3A.png", "L4A.png", "L5A.png", "R2A.png", "R3A.png", "R4A.png", "R5A.png")
SCALE_UM_PER_PX = 5.0


def make_images(folder: Path, names=FINGER_FILES, loops: int = 4) -> list[Path]:
    return [write_capillary_image(folder / name, loops=loops) for name in names]


def type_details(qtbot, monkeypatch, patient="P-0042", operator="Dr Test", scale=SCALE_UM_PER_PX, date="2026-11-20"):
    """File > New exam…'s dialog, filled in by typing (the dialog is modal: its exec is replaced)."""
    seen: dict = {}

    def fill(dialog: ExamDetailsDialog) -> int:
        seen["dialog"] = dialog
        seen["ok_before"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        qtbot.keyClicks(dialog.patient, patient)
        qtbot.keyClicks(dialog.operator, operator)
        dialog.date.setDate(dialog.date.date().fromString(date, "yyyy-MM-dd"))
        dialog.scale.setValue(scale)
        seen["ok_after"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExamDetailsDialog, "exec", fill)
    return seen


def open_dialog_returning(monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def save_dialog_returning(monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def wait_counted(qtbot, exam):
    qtbot.waitUntil(lambda: not exam.busy(), timeout=30_000)


def start_exam(qtbot, window, monkeypatch, tmp_path, names=FINGER_FILES):
    paths = make_images(tmp_path / "images", names)
    type_details(qtbot, monkeypatch)
    window.actions_by_id["new_exam"].trigger()
    open_dialog_returning(monkeypatch, paths)
    window.exam.view.add_action.trigger()
    wait_counted(qtbot, window.exam)
    return paths


def test_new_exam_figures_save_reopen_and_export(qtbot, window, dialogs, tmp_path, monkeypatch):
    exam = window.exam
    seen = type_details(qtbot, monkeypatch)
    window.actions_by_id["new_exam"].trigger()
    assert seen["ok_before"] is False and seen["ok_after"] is True  # no exam without an identifier
    assert "name" in seen["dialog"].findChild(QLabel, "exam_patient_hint").text()  # the pseudonym field says: no name
    assert exam.view is not None and exam.view.isVisible()
    assert exam.exam.patient_id == "P-0042" and exam.exam.operator == "Dr Test" and exam.exam.um_per_px == SCALE_UM_PER_PX
    assert "P-0042" in exam.view.header.text() and "2026-11-20" in exam.view.header.text()

    # Add images: fingers from their names; the one whose name says none is asked for.
    paths = make_images(tmp_path / "images") + [write_capillary_image(tmp_path / "images" / "extra view.png", loops=3)]
    asked: list[str] = []

    def which_finger(parent, title, label, items, *args, **kwargs):
        asked.append(label)
        return items[7], True  # R5

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(which_finger))
    open_dialog_returning(monkeypatch, paths)
    exam.view.add_action.trigger()
    assert len(asked) == 1 and "extra view.png" in asked[0]
    assert exam.busy()  # counted in the background: the window goes on
    wait_counted(qtbot, exam)
    assert [exam.finger_of(p.absolute()) for p in paths] == ["L2", "L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5", "R5"]
    assert len(exam.results) == 10 and not exam.failures
    l2 = exam.view.fingers["L2"]
    assert l2.list.count() == 2 and "L2A.png\n4 capillaries" in l2.list.item(0).text()

    # Exclude one image with a reason.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("blurred", True)))
    exam.exclude_dialog(paths[1].absolute())
    assert l2.list.item(1).text().startswith("L2B.png — excluded: blurred\n4 capillaries") and l2.list.item(1).font().strikeOut()
    summary = exam.summary()
    table = exam.view.table_text().splitlines()
    assert len(table) == 8
    l2_row = table[0].split("\t")
    assert l2_row[0].startswith("L2") and l2_row[4] == "1" and l2_row[5] == "1: L2B.png – blurred"
    r5_row = table[7].split("\t")
    assert r5_row[0].startswith("R5") and r5_row[4] == "2" and r5_row[5] == "0"
    for row, finger in zip(table, summary.fingers):
        cells = row.split("\t")
        if finger.density_per_mm is not None:
            assert cells[1].startswith(f"{finger.density_per_mm:.1f}")
        assert cells[2] == (str(finger.dilated) if finger.assessed else "—")
        assert cells[3] == (str(finger.giant) if finger.assessed else "—")
    patient = summary.patient
    text = exam.view.summary.text()
    assert f"{patient.dilated} dilated" in text and f"{patient.giant} giant" in text
    assert ("giant loops: yes" if patient.any_giant else "giant loops: none") in text
    assert f"EULAR fast track: {patient.fast_track.pattern}" in text  # issue 22: the pattern, its steps in the report
    if patient.density_per_mm is not None:
        assert f"Mean density {patient.density_per_mm:.1f} per mm, " in text
        assert f"({patient.fingers_with_density} finger{'s' if patient.fingers_with_density > 1 else ''} with a density)" in text
    assert exam.dirty and "*" in exam.view.windowTitle()

    # Save: one exam file, images relative to it; it enters Open recent.
    target = tmp_path / "P-0042.capseg-exam.json"
    save_dialog_returning(monkeypatch, target)
    window.actions_by_id["save_exam"].trigger()
    assert target.exists() and not exam.dirty
    saved = load_exam(target)
    assert saved.patient_id == "P-0042" and len(saved.images) == 10
    assert saved.images[0].path_rel == "images/L2A.png"
    assert [i.excluded_reason for i in saved.images if i.excluded_reason] == ["blurred"]
    assert str(target) in window.settings.recent_files()
    before = exam.view.table_text()

    # Reopen from Open recent: the same figures once counted again.
    exam.view.close()
    assert exam.exam is None and not dialogs.texts("question")  # saved: nothing asked
    window.recent.fill()
    recent = [a for a in window.recent_menu.actions() if a.toolTip() == str(target)]
    assert recent
    recent[0].trigger()
    assert exam.exam is not None and exam.path == target and exam.view.isVisible()
    wait_counted(qtbot, exam)
    assert exam.view.table_text() == before
    assert not exam.dirty

    # Export the exam CSV and the PDF report.
    csv_target = tmp_path / "exports" / "exam.csv"
    csv_target.parent.mkdir()
    save_dialog_returning(monkeypatch, csv_target)
    window.actions_by_id["export_exam_csv"].trigger()
    rows = csv_target.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("level,finger,file") and sum(1 for r in rows if r.startswith("finger,")) == 8
    assert any(r.startswith("image,L2,L2B.png,excluded,blurred") for r in rows)

    pytest.importorskip("capseg_desktop.report.pdf")
    pdf = tmp_path / "exports" / "report.pdf"
    save_dialog_returning(monkeypatch, pdf)
    window.actions_by_id["export_report"].trigger()
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        words = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert "P-0042" in words and "blurred" in words
        if patient.density_per_mm is not None:
            assert f"{patient.density_per_mm:.1f}" in words
    # Overwriting asks first; No keeps the file and goes back to the dialog (cancelled there).
    stamp = pdf.stat().st_mtime_ns
    dialogs.answer = QMessageBox.StandardButton.No
    answers = [str(pdf), ""]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (answers.pop(0), "")))
    window.actions_by_id["export_report"].trigger()
    assert answers == []
    assert any("already exists" in t for t in dialogs.texts("question")) and pdf.stat().st_mtime_ns == stamp


def test_unsaved_changes_are_asked_about_on_close_and_new(qtbot, window, dialogs, tmp_path, monkeypatch):
    start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png",))
    exam = window.exam
    assert exam.dirty
    dialogs.answer = QMessageBox.StandardButton.Cancel
    exam.view.close()
    assert exam.exam is not None and exam.view.isVisible()  # Cancel keeps the exam
    window.close()
    assert window.isVisible()  # quitting too
    type_details(qtbot, monkeypatch, patient="P-0043")
    window.actions_by_id["new_exam"].trigger()
    assert exam.exam.patient_id == "P-0042"  # New exam… was cancelled as well
    assert len(dialogs.texts("question")) == 3 and "P-0042" in dialogs.texts("question")[0]
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.actions_by_id["new_exam"].trigger()
    assert exam.exam.patient_id == "P-0043" and not exam.exam.images


def test_quitting_with_an_unsaved_exam_asks_once(qtbot, window, dialogs, tmp_path, monkeypatch):
    """Discard in the main window's question closes the exam window too without asking again
    (it asked twice, the second time over the exam window left alone)."""
    start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png",))
    assert window.exam.dirty and window.exam.view.isVisible()
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.close()
    window.exam.view.close()
    assert not window.isVisible() and not window.exam.view.isVisible()
    assert len(dialogs.texts("question")) == 1


def test_drop_on_a_finger_move_include_and_open_in_the_main_views(qtbot, window, dialogs, tmp_path, monkeypatch):
    paths = start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png", "R3A.png"))
    exam, view = window.exam, window.exam.view
    # A picture whose name says nothing, dropped on L4: it goes there without a question.
    loose = write_capillary_image(tmp_path / "images" / "scan 17.png", loops=2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(loose))])
    target = view.fingers["L4"].list
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    assert exam.finger_of(loose.absolute()) == "L4"
    wait_counted(qtbot, exam)
    assert "scan 17.png\n2 capillaries" in target.item(0).text()
    # Moved to another finger (what a drag from one finger's list to another does).
    exam.move(loose.absolute(), "R2")
    assert target.count() == 0 and view.fingers["R2"].list.count() == 1
    assert view.fingers["L4"].figures.text().startswith("No image")
    # Excluded, then included again.
    exam.exclude(paths[0].absolute(), "not the distal row")
    assert exam.summary().finger("L2").not_used[0].reason == "not the distal row"
    exam.include(paths[0].absolute())
    assert exam.summary().finger("L2").used and "excluded" not in view.fingers["L2"].list.item(0).text()
    # Double-clicking an image shows it in the main window's views.
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        item = view.fingers["R3"].list.item(0)
        view.fingers["R3"].list.itemActivated.emit(item)
    assert window.image_path == paths[1].absolute()


def test_exam_actions_without_an_exam_say_so(window, dialogs):
    window.actions_by_id["export_report"].trigger()
    window.actions_by_id["export_exam_csv"].trigger()
    window.actions_by_id["save_exam"].trigger()
    assert dialogs.texts("warning") == ["Start an exam first (File > New exam…) or open one."] * 3
    assert window.actions_by_id["save_exam"].isEnabled()  # they say why rather than hide


def test_new_counting_parameters_count_the_exam_again(qtbot, window, dialogs, tmp_path, monkeypatch):
    start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png", "R2A.png"))
    exam = window.exam
    assert all(r.params.threshold != 0.62 for r in exam.results.values())
    exam._params_timer.setInterval(10)
    window.count_panel.threshold.setValue(0.62)
    window.count_panel.flush()
    qtbot.waitUntil(lambda: len(exam.results) == 2 and all(r.params.threshold == 0.62 for r in exam.results.values()), timeout=30_000)
    wait_counted(qtbot, exam)


def test_a_new_exam_starts_on_the_microscope_chosen_in_the_window(qtbot, window, monkeypatch, tmp_path):
    """It started on "No profile: type the scale" with Videocap 200x chosen in the toolbar,
    which made an exam without densities easy to start."""
    from capseg_desktop.core.calibration import Profile, load_profiles, save_profiles

    monkeypatch.setenv("CAPSEG_PROFILES", str(tmp_path / "microscopes.json"))
    save_profiles([Profile("Videocap 200x", 1.2)])
    window.calibration.profiles = load_profiles()
    window.calibration.fill()
    window.calibration.combo.setCurrentIndex(1)
    seen: dict = {}

    def look(dialog: ExamDetailsDialog) -> int:
        seen["profile"], seen["scale"] = dialog.profile.currentData(), dialog.scale.value()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExamDetailsDialog, "exec", look)
    window.actions_by_id["new_exam"].trigger()
    assert seen == {"profile": "Videocap 200x", "scale": 1.2}


def test_an_exam_without_images_or_without_a_scale_claims_no_giant_loops(qtbot, window, monkeypatch, tmp_path):
    """An empty exam said "0 giant · giant loops: none", and so did one counted without a
    scale, where no loop can be called giant."""
    exam = window.exam
    type_details(qtbot, monkeypatch, scale=0.0)
    window.actions_by_id["new_exam"].trigger()
    assert exam.view.summary.text().startswith("No image counted yet")
    open_dialog_returning(monkeypatch, make_images(tmp_path / "images", ("L2A.png", "R3A.png")))
    exam.view.add_action.trigger()
    wait_counted(qtbot, exam)
    text = exam.view.summary.text()
    assert "dilated and giant loops: not assessed (no scale)" in text and "giant loops: none" not in text


def test_the_exams_save_dialogs_belong_to_the_exam_window(qtbot, window, dialogs, monkeypatch, tmp_path):
    """Parented to the main window, the dialog brought it up over the exam window after the
    report was saved, and the next click meant for the exam landed in the main window."""
    start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png",))
    parents = []

    def save(parent, *args, **kwargs):
        parents.append(parent)
        return str(tmp_path / "exam.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    window.actions_by_id["export_exam_csv"].trigger()
    assert parents == [window.exam.view] and (tmp_path / "exam.csv").is_file()
    free = window.exam.view.screen().availableGeometry()
    assert window.exam.view.height() <= free.height() and window.exam.view.width() <= free.width()
