"""Open folder (batch) and what the window remembers between runs."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog

from .conftest import write_capillary_image, write_corrupt_image


def test_batch_of_three_images_with_one_corrupt(qtbot, window, dialogs, tmp_path, monkeypatch):
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3)
    write_corrupt_image(folder / "b.png")
    write_capillary_image(folder / "c.png", loops=5)
    (folder / "readme.txt").write_text("not an image")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder)))

    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.actions_by_id["open_folder"].trigger()

    table = window.batch_panel.table
    assert window.batch_dock.isVisible()
    assert table.rowCount() == 3
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0][:2] == ["a.png", "3"] and rows[0][3] == "ok"
    assert rows[1][0] == "b.png" and rows[1][1] == "" and rows[1][3].startswith("failed: ")
    assert rows[2][:2] == ["c.png", "5"] and rows[2][3] == "ok"
    assert window.batch_panel.summary_label.text() == "2 of 3 images counted, 8 capillaries, 1 failed"
    assert not dialogs.shown  # a bad image marks its row; no dialog stops the batch

    # Choosing a row shows that image and its count, without a new inference.
    calls = window.session._backend.calls
    table.selectRow(2)
    assert window.count_panel.count_label.text() == "5"
    assert window.image_path == folder / "c.png"
    table.selectRow(0)
    assert window.count_panel.count_label.text() == "3"
    assert window.session._backend.calls == calls

    target = tmp_path / "summary.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.actions_by_id["export_summary"].trigger()
    summary = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["file"], r["count"], r["status"]) for r in summary] == [("a.png", "3", "ok"), ("b.png", "", "failed"), ("c.png", "5", "ok")]
    assert summary[1]["message"]


def test_batch_can_be_cancelled(qtbot, window, tmp_path):
    import threading

    folder = tmp_path / "many"
    for index in range(4):
        write_capillary_image(folder / f"{index}.png", loops=2)
    backend = window.session._backend
    backend.gate = threading.Event()
    window.open_folder(folder)
    assert backend.entered.wait(5)
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        window.cancel_button.click()  # the one Cancel, in the status bar
        backend.gate.set()
    statuses = [window.batch_panel.table.item(r, 3).text() for r in range(4)]
    assert statuses.count("cancelled") >= 3
    assert "(cancelled)" in window.batch_panel.summary_label.text()


def test_settings_are_restored_on_a_second_start(qtbot, make_window, stub_session, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    first = make_window(stub_session)
    first.resize(700, 500)  # inside the offscreen screen (800 x 600): restoreGeometry clamps to it
    first.move(QPoint(40, 30))
    with qtbot.waitSignal(first.analysis_finished, timeout=10_000):
        first.open_image(image)
    first.count_panel.threshold.setValue(0.65)
    first.count_panel.min_area.setValue(400)
    first.count_panel.merge_distance.setValue(30.0)
    first.count_panel.um_per_px.setValue(1.5)
    first.count_panel.flush()
    first.layout_controls.set_opacity(0.7)
    first.layout_controls.set_arrangement("side")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "exports" / "x.png"), "")))
    (tmp_path / "exports").mkdir()
    first.exports.export_annotated()
    first.settings.set_model_path(tmp_path / "my.tflite")
    first.close()

    second = make_window(session=None)
    panel = second.count_panel
    assert (panel.threshold.value(), panel.min_area.value(), panel.merge_distance.value(), panel.um_per_px.value()) == (0.65, 400, 30.0, 1.5)
    assert second.opacity_slider.value() == 70
    assert second.arrange_actions["side"].isChecked()
    assert (second.width(), second.height()) == (700, 500)
    assert second.settings.recent_files() == [str(image)]
    assert second.recent_menu.actions()[0].text().endswith("strip.png")
    assert second.settings.folder("export") == str(tmp_path / "exports")
    assert second.settings.model_path() == str(tmp_path / "my.tflite")
    assert second.models.startup_path() is None or str(second.models.startup_path()) != str(tmp_path / "my.tflite")  # missing file: not used
    # The remembered parameters count the next image.
    with qtbot.waitSignal(second.analysis_finished, timeout=10_000):
        second.models.use_session(stub_session, startup=True)
        second.open_image(image)
    assert second.analysis.result.params.threshold == 0.65


def test_open_recent_reopens_the_image(qtbot, window, tmp_path):
    first = write_capillary_image(tmp_path / "first.png", loops=2)
    second = write_capillary_image(tmp_path / "second.png", loops=4)
    for path in (first, second):
        with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
            window.open_image(path)
    window.recent.fill()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries[:2]] == ["&1 second.png", "&2 first.png"]
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        entries[1].trigger()
    assert window.count_panel.count_label.text() == "2"


def test_a_folder_opened_while_the_model_loads_waits_for_it(qtbot, make_window, stub_session, dialogs, tmp_path):
    """``capseg-desktop FOLDER``: the folder is opened while the start-up model still loads."""
    from pathlib import Path

    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3)
    window = make_window(session=None)
    window.models.loader = lambda path: stub_session
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        window.models.load_model(Path("stub.tflite"))
        window.open_folder(folder)
    assert window.batch_panel.table.item(0, 1).text() == "3"
    assert not dialogs.shown


def test_the_batch_list_leaves_the_count_panel_its_height(qtbot, window, tmp_path):
    """On a 1280 x 830 screen the batch list spanned the window's width and squeezed the
    capillary table to about one row."""
    window.resize(1280, 800)
    folder = tmp_path / "visit"
    for name in ("a.png", "b.png", "c.png", "d.png", "e.png", "f.png"):
        write_capillary_image(folder / name, loops=3)
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)
    qtbot.waitUntil(window.batch_dock.isVisible, timeout=2000)
    count, batch = window.count_dock.geometry(), window.batch_dock.geometry()
    assert batch.right() < count.left()  # under the views, beside the count panel
    assert count.bottom() > batch.top()
