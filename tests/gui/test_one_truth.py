"""Issue 10, observations 2 to 4: the batch list, the summary CSV and the view agree; a new
batch starts with no selection; a selected capillary stays selected across recounts."""

from __future__ import annotations

import csv
import io

from PySide6.QtWidgets import QFileDialog, QMessageBox

from .conftest import write_capillary_image


def run_batch(qtbot, window, folder):
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)


def table_rows(window):
    table = window.batch_panel.table
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def export_summary(window, monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_id["export_summary"].trigger()
    return [(r["file"], r["count"], r["threshold"]) for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))]


def test_a_parameter_change_recounts_the_batch_list_and_summary(qtbot, window, dialogs, tmp_path, monkeypatch):
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3, faint=2)
    write_capillary_image(folder / "b.png", loops=4, faint=1)
    run_batch(qtbot, window, folder)
    assert [row[1] for row in table_rows(window)] == ["5", "5"]
    window.batch_panel.table.selectRow(0)
    assert window.count_panel.count_label.text() == "5"

    window.count_panel.threshold.setValue(0.6)  # the faint loops are no longer counted
    window.count_panel.flush()

    assert window.count_panel.count_label.text() == "3"
    assert [row[1] for row in table_rows(window)] == ["3", "4"]  # the list follows at once
    assert [row[3] for row in table_rows(window)] == ["ok", "ok"]
    assert window.batch_panel.summary_label.text() == "2 of 2 images counted, 7 capillaries"
    assert export_summary(window, monkeypatch, tmp_path / "s.csv") == [("a.png", "3", "0.6"), ("b.png", "4", "0.6")]
    summary = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    assert [row["changed_by_user"] for row in summary] == ["threshold", "threshold"]  # 0.6, the model advises 0.5
    assert not dialogs.shown


def test_rows_no_longer_in_memory_are_marked_and_analysed_again_before_export(qtbot, window, dialogs, tmp_path, monkeypatch):
    import capseg_desktop.gui.batch.controller as batch_controller

    monkeypatch.setattr(batch_controller, "BATCH_CACHE_PIXELS", 1)  # only the last image stays in memory
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3, faint=2)
    write_capillary_image(folder / "b.png", loops=4, faint=1)
    run_batch(qtbot, window, folder)
    calls = window.session._backend.calls

    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()
    rows = table_rows(window)
    assert rows[0][1:] == ["5", "no scale", "counted with other parameters"]  # not silently old
    assert rows[1][1] == "4" and rows[1][3] == "ok"  # in memory: recounted, no inference
    assert window.session._backend.calls == calls

    # Export offers to analyse the marked image again and writes nothing old.
    dialogs.answer = QMessageBox.StandardButton.Yes
    target = tmp_path / "s.csv"
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
        window.actions_by_id["export_summary"].trigger()
    assert "counted with other parameters" in dialogs.texts("question")[0]
    assert not target.exists()
    assert [row[1] for row in table_rows(window)] == ["3", "4"]
    assert export_summary(window, monkeypatch, target) == [("a.png", "3", "0.6"), ("b.png", "4", "0.6")]


def test_a_cancelled_row_analysed_later_shows_its_count(qtbot, window, tmp_path):
    import threading

    folder = tmp_path / "many"
    for index in range(3):
        write_capillary_image(folder / f"{index}.png", loops=2 + index)
    backend = window.session._backend
    backend.gate = threading.Event()
    window.open_folder(folder)
    assert backend.entered.wait(5)
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        window.cancel_button.click()
        backend.gate.set()
    backend.gate = None
    assert table_rows(window)[2][3] == "cancelled"
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.batch_panel.table.selectRow(2)
    assert table_rows(window)[2][1:] == ["4", "no scale", "ok"]
    assert window.count_panel.count_label.text() == "4"


def test_a_new_batch_starts_with_no_selection_and_opens_nothing_by_itself(qtbot, window, dialogs, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_capillary_image(first / "a.png", loops=2)
    write_capillary_image(first / "b.png", loops=3)
    write_capillary_image(second / "c.png", loops=4)
    write_capillary_image(second / "d.png", loops=5)
    run_batch(qtbot, window, first)
    window.batch_panel.table.selectRow(1)
    assert window.windowTitle().startswith("b.png") and window.count_panel.count_label.text() == "3"

    shown = []
    window.analysis_finished.connect(shown.append)
    run_batch(qtbot, window, second)
    qtbot.wait(50)
    assert window.batch_panel.table.selectionModel().selectedRows() == []
    assert shown == []  # nothing opened by itself
    # and b.png, from the other folder, is no longer shown beside the new list
    assert window.windowTitle() == "CapSeg Desktop" and window.analysis is None
    assert not dialogs.shown


def test_a_selected_capillary_keeps_its_identity_across_a_recount(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4, faint=1, faint_first=True)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000) as blocker:
        window.open_image(image)
    before = blocker.args[0]
    assert before.result.count == 5
    window.count_panel.table.selectRow(2)  # capillary 3: the second dark loop
    selected_box = before.result.capillaries[2].bbox

    window.count_panel.threshold.setValue(0.6)  # the faint first loop goes: the others renumber
    window.count_panel.flush()
    after = window.analysis.result
    assert after.count == 4
    number = window.count_panel.selected_capillary()
    assert number == 2  # the same loop, now numbered 2, not the loop now numbered 3
    x0, y0, x1, y1 = next(c.bbox for c in after.capillaries if c.id == number)
    assert abs(x0 - selected_box[0]) <= 2 and abs(x1 - selected_box[2]) <= 2
    # The highlighted row and the highlighted box are the same capillary in every view.
    assert [v.selected_box() for v in window.views.views] == [number] * 3

    window.count_panel.min_area.setValue(5000)  # nothing counted: nothing highlighted
    window.count_panel.flush()
    assert window.count_panel.selected_capillary() == 0
    assert [v.selected_box() for v in window.views.views] == [0, 0, 0]


def test_a_large_batch_is_recounted_in_slices_and_read_whole(qtbot, window, dialogs, tmp_path, monkeypatch):
    import capseg_desktop.gui.batch.controller as batch_controller

    monkeypatch.setattr(batch_controller, "RECOUNT_SLICE_MS", 0.0)  # one row per slice
    folder = tmp_path / "visit"
    for name in "abcd":
        write_capillary_image(folder / f"{name}.png", loops=3, faint=2)
    run_batch(qtbot, window, folder)
    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()
    assert [row[1] for row in table_rows(window)].count("3") < 4  # not all at once: the window stays responsive
    qtbot.waitUntil(lambda: [row[1] for row in table_rows(window)] == ["3"] * 4, timeout=5000)

    window.count_panel.threshold.setValue(0.5)
    window.count_panel.flush()
    assert export_summary(window, monkeypatch, tmp_path / "s.csv") == [(f"{n}.png", "5", "0.5") for n in "abcd"]  # finished before export


def test_a_parameter_change_during_a_batch_reaches_the_rows_analysed_after_it(qtbot, window, stub_session, tmp_path):
    import threading

    folder = tmp_path / "visit"
    for name in "abc":
        write_capillary_image(folder / f"{name}.png", loops=3, faint=2)
    backend = stub_session._backend
    backend.gate = threading.Event()
    window.open_folder(folder)
    assert backend.entered.wait(5)
    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        backend.gate.set()
    assert [row[1] for row in table_rows(window)] == ["3", "3", "3"]


def test_a_capillary_deleted_by_hand_changes_the_row_and_the_batch_total(qtbot, window, tmp_path, monkeypatch):
    """The row said 3 while the header still said 4 capillaries until a later recount."""
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "app-data"))
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=4)
    write_capillary_image(folder / "b.png", loops=3)
    run_batch(qtbot, window, folder)
    assert window.batch_panel.summary_label.text() == "2 of 2 images counted, 7 capillaries"
    window.batch_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: window.image_path is not None and window.image_path.name == "a.png", timeout=5000)
    window.views.select_box(2)
    window.editing.delete_selected()
    assert window.count_panel.count_label.text() == "3"
    assert [row[1] for row in table_rows(window)] == ["3", "3"]
    assert window.batch_panel.summary_label.text() == "2 of 2 images counted, 6 capillaries"


def test_the_shown_images_row_follows_a_recount_done_in_the_worker(qtbot, window, tmp_path, monkeypatch):
    """Large images are recounted in a worker; an export taken at once finishes the recount on
    screen, and the row must take that count (it kept the old one, status "ok")."""
    from capseg_desktop.gui.window import main_window

    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3, faint=2)
    write_capillary_image(folder / "b.png", loops=4)
    run_batch(qtbot, window, folder)
    window.batch_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: window.image_path is not None and window.image_path.name == "a.png", timeout=5000)
    monkeypatch.setattr(main_window, "RECOUNT_IN_WORKER_PIXELS", 0)  # every image counts as large
    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()
    analysis = window.current_analysis()  # what an export does first
    assert analysis.result.count == 3
    assert [row[1] for row in table_rows(window)] == ["3", "4"]
    assert window.batch.rows[0].summary["count"] in (3, "3")


def test_a_new_folder_takes_the_image_of_another_folder_off_the_screen(qtbot, window, tmp_path):
    """The view kept showing an image (and its count) from the previous folder beside the new
    folder's list, with nothing to say so."""
    from .conftest import open_and_wait

    elsewhere = write_capillary_image(tmp_path / "before" / "x.png", loops=2)
    open_and_wait(qtbot, window, elsewhere)
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=3)
    run_batch(qtbot, window, folder)
    assert window.image_path is None and window.analysis is None
    assert not window.original_view.has_picture()
    assert window.windowTitle() == "CapSeg Desktop"
    assert window.count_panel.density_label.text() == "Choose an image in the batch list to see it."
    assert not window.actions_by_id["export_annotated"].isEnabled()
    window.batch_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: window.image_path is not None and window.image_path.name == "a.png", timeout=5000)
    assert window.count_panel.count_label.text() == "3"

    # An image that is in the new folder stays on screen.
    run_batch(qtbot, window, folder)
    assert window.image_path is not None and window.image_path.name == "a.png"
