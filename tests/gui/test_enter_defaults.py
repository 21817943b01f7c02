"""Enter presses the deliberate default button of every dialog of the app (issue 21): after a
profile name is typed, Calibrate saves the profile (it used it for this image only and dropped
the name); Microscopes after Add is OK (it opened another Add); a fine-tuned model that scored
worse is not "Use this model"; and the other dialogs. Qt's message boxes are checked for the
default button they are given, the answer Enter gives."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

GUI = Path(__file__).resolve().parents[2] / "capseg_desktop" / "gui"


def press_enter(qtbot, dialog: QDialog) -> None:
    """Enter where the user's keyboard is: the dialog's focused widget."""
    if not dialog.isVisible():
        dialog.show()
        qtbot.waitExposed(dialog)
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


@pytest.mark.parametrize("name, choice", [("Videocap 200x", "profile"), ("", "image")])
def test_calibrate_enter_saves_the_named_profile_else_uses_the_scale_for_this_image(qtbot, name, choice):
    from capseg_desktop.gui.scale.calibration_line import CalibrationDialog

    dialog = CalibrationDialog(250.0)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.length.setFocus()
    QTest.keyClicks(dialog.length, "1000")
    if name:
        dialog.name.setFocus()
        QTest.keyClicks(dialog.name, name)
    press_enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice == choice and dialog.um_per_px == pytest.approx(4.0)


def test_microscopes_enter_after_add_is_ok(qtbot, monkeypatch):
    from capseg_desktop.core.calibration import Profile
    from capseg_desktop.gui.scale import profiles

    opened = []

    def filled_in(dialog):
        opened.append(dialog)
        dialog.name.setText("Videocap 200x")
        dialog.um_per_px.setValue(1.5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(profiles.ProfileDialog, "exec", filled_in)
    dialog = profiles.ProfilesDialog([Profile("Dino 200x", 2.0, 200.0)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and dialog.focusWidget() is dialog.add_button  # where the click left the focus
    press_enter(qtbot, dialog)
    assert len(opened) == 1, "Enter opened another Add dialog"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [p.name for p in dialog.profiles] == ["Dino 200x", "Videocap 200x"]


def test_a_profile_enter_in_its_name_is_ok(qtbot):
    from capseg_desktop.gui.scale.profiles import ProfileDialog

    dialog = ProfileDialog(None, um_per_px=1.25)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setFocus()
    QTest.keyClicks(dialog.name, "Videocap 200x")
    press_enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.profile().um_per_px == 1.25


class StubFinetune:
    """What the fine-tune dialog asks of its controller once a model is made."""

    def __init__(self) -> None:
        self.used, self.discarded = [], []

    def accept_model(self, out, done):
        self.used.append(out)
        return out / "model.tflite"

    def discard_model(self, out):
        self.discarded.append(out)


@pytest.mark.parametrize("after, outcome", [(0.842, "discarded"), (0.97, "used")])
def test_fine_tune_enter_uses_the_model_only_when_it_scored_better(qtbot, tmp_path, after, outcome):
    from capseg_desktop.gui.finetune.dialog import FinetuneDialog

    controller = StubFinetune()
    dialog = FinetuneDialog(controller, tmp_path, [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.out = tmp_path / "capseg_ft_1"
    dialog.out.mkdir()
    dialog.on_event({"event": "scores", "before": {"f1": 0.952, "count_error": 0.4}, "after": {"f1": after, "count_error": 0.9}})
    dialog.on_event({"event": "done", "out": str(dialog.out)})
    dialog.on_finished(0, "")
    assert dialog.state == "finished"
    press_enter(qtbot, dialog)
    assert getattr(controller, outcome) == [dialog.out]
    assert not (controller.used if outcome == "discarded" else controller.discarded)


def test_fine_tune_enter_starts_when_ready_and_never_stops_a_run(qtbot, tmp_path):
    from capseg_desktop.gui.finetune.dialog import FinetuneDialog

    dialog = FinetuneDialog(StubFinetune(), tmp_path, [], None)  # nothing to train on: Start is off
    qtbot.addWidget(dialog)
    assert dialog.start_button.isDefault()
    dialog._set_state("running")
    assert not any(b.isDefault() for b in (dialog.cancel_button, dialog.accept_button, dialog.discard_button, dialog.close_button))
    dialog._set_state("failed")
    press_enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()  # Close


def test_exam_details_enter_is_ok_once_a_patient_is_typed(qtbot):
    from capseg_desktop.gui.exam.dialog import ExamDetailsDialog

    dialog = ExamDetailsDialog(None, profiles=[])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.patient.setFocus()
    press_enter(qtbot, dialog)
    assert dialog.isVisible()  # OK is off without a patient: Enter does nothing
    QTest.keyClicks(dialog.patient, "P-0042")
    press_enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.details().patient_id == "P-0042"


def test_help_enter_closes_it(qtbot):
    from capseg_desktop.gui.window.help import HelpDialog

    dialog = HelpDialog(None)
    qtbot.addWidget(dialog)
    press_enter(qtbot, dialog)
    assert not dialog.isVisible()


def _message_box_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "question" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "QMessageBox":
                calls.append((path.name, node.lineno, node))
    return calls


def test_every_question_names_the_answer_enter_gives():
    """QMessageBox.question with no default button leaves Enter to Qt's guess (the first
    accepting button: Yes, Save), which for "Replace file?" or "Delete profile?" is the risky one."""
    calls = _message_box_calls()
    assert len(calls) >= 5  # the questions of the app were found
    for name, line, call in calls:
        assert len(call.args) + len(call.keywords) >= 5, f"{name}:{line}: QMessageBox.question without a default button"
    risky = {"Replace file?", "Delete profile?", "Stop the batch?", "Clear recent images?"}
    for name, line, call in calls:
        title = call.args[1]
        title_text = title.args[0].value if isinstance(title, ast.Call) and title.args and isinstance(title.args[0], ast.Constant) else ""
        if title_text in risky:
            assert ast.unparse(call.args[4]).endswith("StandardButton.No"), f"{name}:{line}: {title_text} defaults to yes"

