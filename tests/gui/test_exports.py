"""Exports: the core's full-resolution pictures and tables, overwrite confirmation, errors."""

from __future__ import annotations

import errno
import json

import cv2
import numpy as np
from PySide6.QtWidgets import QFileDialog, QMessageBox

from capseg_desktop.core import render

from .conftest import open_and_wait, write_capillary_image


def save_dialog_returning(monkeypatch, target, asked=None):
    def fake(parent, caption, proposed, file_filter, *args, **kwargs):
        if asked is not None:
            asked.append(proposed)
        return str(target), file_filter.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def test_export_annotated_png_is_the_core_picture_at_full_size(qtbot, window, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "patient 7.png", loops=4, size=(1280, 400))
    open_and_wait(qtbot, window, image)
    asked: list[str] = []
    target = tmp_path / "out" / "patient 7_annotated.png"
    target.parent.mkdir()
    save_dialog_returning(monkeypatch, target, asked)

    window.actions_by_id["export_annotated"].trigger()

    assert asked == [str(tmp_path / "patient 7_annotated.png")]  # beside the image at first
    written = cv2.cvtColor(cv2.imread(str(target)), cv2.COLOR_BGR2RGB)
    expected = window.exports.annotated_rgb(window.analysis)
    assert written.shape[1] == 1280 and written.shape[0] > 400  # the image plus its legend strip
    assert np.array_equal(written, expected)
    text = render.read_png_text(target.read_bytes())
    assert "4 capillaries" in text["Description"]
    assert not dialogs.shown
    assert not list(target.parent.glob("*.partial"))
    # The next export proposes the folder used last.
    asked.clear()
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.actions_by_id["export_annotated"].trigger()
    assert asked == [str(target)]


def test_export_asks_before_overwriting(qtbot, window, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    target = tmp_path / "strip_annotated.png"
    target.write_bytes(b"the clinician's earlier file")
    save_dialog_returning(monkeypatch, target)

    # "No" goes back to the dialog, at that name, to choose another; the first file stays.
    other = tmp_path / "strip_annotated second.png"
    answers, asked = [str(target), str(other)], []

    def choose(parent, caption, proposed, file_filter, *args, **kwargs):
        asked.append(proposed)
        return answers.pop(0), file_filter.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialogs.answer = QMessageBox.StandardButton.No
    window.actions_by_id["export_annotated"].trigger()
    assert target.read_bytes() == b"the clinician's earlier file"
    assert dialogs.shown[-1][0] == "question" and "already exists" in dialogs.shown[-1][2]
    assert asked[1] == str(target) and cv2.imread(str(other)).shape[1] == 1280

    # Cancelled in the dialog: nothing written, and the status bar does not still say "Saved".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    window.actions_by_id["export_annotated"].trigger()
    assert window.status.label.text().startswith("Export cancelled")

    save_dialog_returning(monkeypatch, target)
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.actions_by_id["export_annotated"].trigger()
    assert cv2.imread(str(target)).shape[1] == 1280


def test_export_mask_and_results(qtbot, window, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=3, size=(900, 300))
    analysis = open_and_wait(qtbot, window, image)

    save_dialog_returning(monkeypatch, tmp_path / "mask.png")
    window.actions_by_id["export_mask"].trigger()
    mask = cv2.imread(str(tmp_path / "mask.png"), cv2.IMREAD_UNCHANGED)
    assert mask.shape == (300, 900)
    assert np.array_equal(mask > 0, analysis.counted_mask)  # counted capillaries only

    save_dialog_returning(monkeypatch, tmp_path / "result.json")
    window.actions_by_id["export_results"].trigger()
    data = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert data["count"] == 3 and len(data["capillaries"]) == 3

    save_dialog_returning(monkeypatch, tmp_path / "table.csv")
    window.actions_by_id["export_results"].trigger()
    rows = [line for line in (tmp_path / "table.csv").read_text().splitlines() if not line.startswith("#")]
    assert rows[0].startswith("id,") and len(rows) == 1 + 3
    assert not dialogs.shown


def test_export_uses_the_parameters_on_screen(qtbot, window, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=3, faint=2)
    open_and_wait(qtbot, window, image)
    window.count_panel.threshold.setValue(0.6)  # still waiting in the recount timer
    save_dialog_returning(monkeypatch, tmp_path / "r.json")
    window.actions_by_id["export_results"].trigger()
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["count"] == 3 and data["parameters"]["threshold"] == 0.6


def test_export_to_a_full_disk_shows_one_sentence_and_the_app_goes_on(qtbot, window, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=2)
    open_and_wait(qtbot, window, image)
    target = tmp_path / "strip_annotated.png"
    save_dialog_returning(monkeypatch, target)
    import capseg_desktop.core.atomic as atomic

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)  # where a full disk shows at the latest
    window.actions_by_id["export_annotated"].trigger()
    assert dialogs.texts("warning") == [f'The disk holding "{tmp_path}" is full; free some space or choose another folder.']
    assert not target.exists() and not list(tmp_path.glob("*.partial"))
    monkeypatch.undo()
    save_dialog_returning(monkeypatch, target)
    window.actions_by_id["export_annotated"].trigger()
    assert target.is_file()


def test_export_into_a_missing_folder_is_refused_plainly(qtbot, window, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=2)
    open_and_wait(qtbot, window, image)
    save_dialog_returning(monkeypatch, tmp_path / "gone" / "x.png")
    window.actions_by_id["export_mask"].trigger()
    assert dialogs.texts("warning") == [f'The folder "{tmp_path / "gone"}" does not exist.']
    assert window.count_panel.count_label.text() == "2"


def test_nothing_to_export_before_a_result(qtbot, window, dialogs):
    assert not window.actions_by_id["export_annotated"].isEnabled()
    window.exports.export_annotated()
    assert "no result to export" in dialogs.texts("warning")[0]


def test_export_during_a_background_recount_writes_the_new_count(qtbot, window, tmp_path, monkeypatch):
    import capseg_desktop.gui.window.main_window as main_window

    monkeypatch.setattr(main_window, "RECOUNT_IN_WORKER_PIXELS", 1000)
    image = write_capillary_image(tmp_path / "strip.png", loops=3, faint=2)
    open_and_wait(qtbot, window, image)
    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()  # the recount is now in the worker
    save_dialog_returning(monkeypatch, tmp_path / "r.json")
    window.actions_by_id["export_results"].trigger()
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["count"] == 3 and data["parameters"]["threshold"] == 0.6
    assert window.count_panel.count_label.text() == "3"
