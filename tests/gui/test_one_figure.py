"""One figure everywhere (issue 19): the six places where a user, going through a day's tasks,
saw figures that disagree between the window, the exam, the exports and the disk."""

from __future__ import annotations

import json
import re

import cv2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from capseg_desktop.core.calibration import load_profiles

from .conftest import open_and_wait, write_capillary_image, write_corrupt_image
from .test_calibration import draw_calibration_line, export_json
from .test_exam_window import start_exam, wait_counted

LEFT = Qt.MouseButton.LeftButton


def run_batch(qtbot, window, folder):
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)


def test_a_profile_saved_from_a_calibration_line_is_the_scale_and_source_everywhere(qtbot, make_window, stub_session, dialogs,
                                                                                   tmp_path, monkeypatch):
    """The panel said "as typed in the Scale box" and the JSON "source: typed" for a profile just
    saved, and the window counted at the Scale box's rounded number, not the profile's."""
    window = make_window(stub_session)
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    dialog = draw_calibration_line(qtbot, window)
    QTest.keyClicks(dialog.length, "248.7")  # about 0.4974 µm/px: more digits than the Scale box shows
    QTest.keyClicks(dialog.name, "Scope 200x")
    QTest.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.calibration.dialog is None, timeout=3000)
    (profile,) = load_profiles()
    assert round(profile.um_per_px, 3) != profile.um_per_px  # the case that went wrong
    calibration = window.analysis.result.calibration
    assert (calibration.source, calibration.profile, calibration.um_per_px) == ("profile", "Scope 200x", profile.um_per_px)
    assert window.analysis.result.um_per_px == profile.um_per_px
    assert "from profile 'Scope 200x'" in window.count_panel.scale_source.text()
    data = export_json(window, tmp_path, monkeypatch)
    assert (data["calibration"]["source"], data["calibration"]["profile"], data["um_per_px"]) == ("profile", "Scope 200x", profile.um_per_px)
    window.close()

    again = make_window(stub_session)  # after a restart too
    open_and_wait(qtbot, again, image)
    calibration = again.analysis.result.calibration
    assert (calibration.source, calibration.profile, calibration.um_per_px) == ("profile", "Scope 200x", profile.um_per_px)


def test_a_correction_made_from_the_exam_shows_in_the_exam(qtbot, window, dialogs, tmp_path, monkeypatch):
    """The window's scale (none here) differed from the exam's: the exam kept the old count."""
    paths = start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png", "R3A.png"))
    exam = window.exam
    key = paths[0].absolute()
    before = exam.results[key].count
    assert window.count_panel.scale_um_per_px() != exam.exam.um_per_px
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        exam.show_in_main(key)
    qtbot.waitUntil(lambda: not window.queue.is_busy(), timeout=10_000)
    window.views.select_boxes([1])
    window.editing.delete_selected()
    assert window.analysis.result.count == before - 1
    exam.take_main_window_result()  # what activating the exam window does
    result = exam.results[key]
    assert result.count == before - 1
    assert result.um_per_px == exam.exam.um_per_px and result.calibration.um_per_px == exam.exam.um_per_px
    assert f"\n{before - 1} capillaries" in exam.view.fingers["L2"].list.item(0).text()


def test_an_exam_never_keeps_results_from_a_threshold_no_longer_set(qtbot, window, stub_session, dialogs, tmp_path, monkeypatch):
    """0.60 set, then 0.50 again within seconds: the image being counted at 0.60 kept it."""
    import threading

    start_exam(qtbot, window, monkeypatch, tmp_path, names=("L2A.png", "R2A.png", "L3A.png"))
    exam, panel = window.exam, window.count_panel
    exam._params_timer.setInterval(10)
    backend = stub_session._backend
    backend.gate, backend.entered = threading.Event(), threading.Event()
    panel.threshold.setValue(0.6)
    panel.flush()
    qtbot.waitUntil(backend.entered.is_set, timeout=10_000)  # the exam's first image is being counted at 0.60
    panel.threshold.setValue(0.55)
    panel.flush()
    qtbot.wait(100)  # the exam's settle timer fires while that image is still counted
    backend.gate.set()
    qtbot.waitUntil(lambda: not exam.busy() and len(exam.results) == 3, timeout=30_000)
    wait_counted(qtbot, exam)
    assert {r.params.threshold for r in exam.results.values()} == {0.55}


def test_undo_acts_only_on_the_image_on_screen(qtbot, window, tmp_path, monkeypatch):
    """Delete, open a folder (the image goes), Ctrl+Z: the closed image's boxes came back over
    the empty views and an export wrote it with the undone count."""
    image = write_capillary_image(tmp_path / "before" / "x.png", loops=4)
    open_and_wait(qtbot, window, image)
    window.views.select_boxes([2])
    window.editing.delete_selected()
    assert window.analysis.result.count == 3
    window.editing.saver.wait()
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3)
    run_batch(qtbot, window, folder)
    assert window.analysis is None
    assert not window.actions_by_id["undo"].isEnabled()
    QTest.keyClick(window.overlay_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.actions_by_id["undo"].trigger()
    assert window.analysis is None and window.image_path is None
    assert all(view.box_ids() == [] for view in window.views.views)
    assert not window.actions_by_id["export_annotated"].isEnabled()
    window.editing.saver.wait()
    saved = json.loads(image.with_name("x.capseg.json").read_text(encoding="utf-8"))
    assert len(saved["capillaries"]) == 3  # the deletion stays, on disk as on reopening
    assert open_and_wait(qtbot, window, image).result.count == 3


def test_the_exported_picture_gives_one_density_the_distal_rows(qtbot, window, tmp_path, monkeypatch):
    """"density 16.3 per mm" (every capillary over the width) on the first line, "Distal row: …
    14.7 per mm" below it."""
    from capseg_desktop.core.render import read_png_text

    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    window.count_panel.set_scale(2.0)
    open_and_wait(qtbot, window, image)
    target = tmp_path / "out" / "strip_annotated.png"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.exports.export_annotated()
    assert cv2.imread(str(target)) is not None
    legend = read_png_text(target.read_bytes())["Description"]
    density = window.analysis.result.distal_density_per_mm
    figures = re.findall(r"([0-9.]+) per mm", legend)
    assert figures == [f"{density:.1f}", "7"]  # the distal row's density and the limit it is compared with


def test_selecting_a_failed_batch_row_takes_the_previous_image_off_the_screen(qtbot, window, dialogs, tmp_path):
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3)
    write_corrupt_image(folder / "b.png")
    run_batch(qtbot, window, folder)
    table = window.batch_panel.table
    table.selectRow(0)
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=5000)
    assert window.count_panel.count_label.text() == "3"
    table.selectRow(1)
    assert window.analysis is None and window.image_path is None
    assert not window.original_view.has_picture()
    assert window.count_panel.count_label.text() != "3"
    assert "b.png" in window.count_panel.density_label.text()
    assert not window.actions_by_id["export_annotated"].isEnabled()


@pytest.fixture(autouse=True)
def _no_real_dialogs(dialogs):
    return dialogs
