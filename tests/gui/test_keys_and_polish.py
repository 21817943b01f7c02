"""Issue 10, observations 7 to 9: keys that work wherever the focus is, the batch panel, and
the window's polish (density, recent files, empty window, help, sorting, the scale)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QPushButton

from .conftest import open_and_wait, write_capillary_image, write_corrupt_image


def focus_window(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)


# 7 ----------------------------------------------------------------------------------------
def test_plus_and_minus_zoom_wherever_the_focus_is(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=3))
    focus_window(qtbot, window)
    window.count_panel.table.setFocus()
    qtbot.waitUntil(window.count_panel.table.hasFocus, timeout=2000)
    before = window.original_view.scale_factor()
    qtbot.keyClick(window.count_panel.table, Qt.Key.Key_Plus)
    assert window.original_view.scale_factor() > before * 1.2
    qtbot.keyClick(window.count_panel.table, Qt.Key.Key_Minus)
    assert abs(window.original_view.scale_factor() - before) < before * 0.01
    assert window.count_panel.threshold.value() == 0.5


def test_esc_after_leaving_a_menu_cancels_the_analysis(qtbot, window, stub_session, tmp_path):
    backend = stub_session._backend
    backend.gate = threading.Event()
    focus_window(qtbot, window)
    window.open_image(write_capillary_image(tmp_path / "strip.png", loops=3))
    assert backend.entered.wait(5)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # File menu by keyboard
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)  # closes the menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    with qtbot.waitSignal(window.analysis_cancelled, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the next Esc cancels
        backend.gate.set()
    assert window.count_panel.count_label.text() == "–"


# 8 ----------------------------------------------------------------------------------------
def test_a_batch_has_one_progress_bar_and_one_cancel(qtbot, window, stub_session, tmp_path):
    folder = tmp_path / "visit"
    for name in ("a", "b"):
        write_capillary_image(folder / f"{name}.png", loops=2)
    backend = stub_session._backend
    backend.gate = threading.Event()
    window.open_folder(folder)
    assert backend.entered.wait(5)
    qtbot.waitUntil(window.progress_bar.isVisible, timeout=2000)
    bars = [w for w in window.findChildren(QProgressBar) if w.isVisible()]
    cancels = [w for w in window.findChildren(QPushButton) if w.isVisible() and w.text().startswith("Cancel")]
    assert bars == [window.progress_bar] and cancels == [window.cancel_button]
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        backend.gate.set()


def test_density_has_the_same_decimals_in_the_panel_and_the_list(qtbot, window, tmp_path):
    folder = tmp_path / "visit"
    write_capillary_image(folder / "a.png", loops=5)
    window.count_panel.um_per_px.setValue(2.0)  # 1280 px * 2 µm = 2.56 mm: 1.953 per mm
    window.count_panel.flush()
    with qtbot.waitSignal(window.batch_finished, timeout=10_000):
        window.open_folder(folder)
    window.batch_panel.table.selectRow(0)
    assert window.batch_panel.table.item(0, 2).text() == "2.0"
    assert window.count_panel.density_label.text() == "2.0 per mm"


def test_quitting_during_a_batch_asks(qtbot, make_window, stub_session, dialogs, tmp_path):
    window = make_window(stub_session)
    folder = tmp_path / "visit"
    for name in ("a", "b", "c"):
        write_capillary_image(folder / f"{name}.png", loops=2)
    backend = stub_session._backend
    backend.gate = threading.Event()
    window.open_folder(folder)
    assert backend.entered.wait(5)
    dialogs.answer = QMessageBox.StandardButton.No
    assert not window.close()
    assert window.isVisible() and window.batch.running()
    assert "A batch is running (0 of 3 images done)" in dialogs.texts("question")[0]
    dialogs.answer = QMessageBox.StandardButton.Yes
    threading.Timer(0.2, backend.gate.set).start()
    assert window.close()


def test_the_capillary_table_keeps_five_rows_and_sorts(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=3, faint=2))
    table = window.count_panel.table
    assert table.minimumHeight() >= 5 * table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader()
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["1", "2", "3", "4", "5"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["5", "4", "3", "2", "1"]
    assert isinstance(table.item(0, 1).data(Qt.ItemDataRole.DisplayRole), int)  # areas sort as numbers, not text
    # Selecting a row of the sorted table still highlights that capillary's box.
    table.selectRow(0)
    number = int(table.item(0, 0).text())
    assert window.count_panel.selected_capillary() == number
    assert window.original_view.selected_box() == number


# 9 ----------------------------------------------------------------------------------------
def test_density_is_large_and_on_one_line(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    panel = window.count_panel
    panel.um_per_px.setValue(2.0)
    panel.flush()
    assert panel.density_label.text() == "2.0 per mm"
    assert panel.density_detail.text() == "2.56 mm wide at 2 µm/px"
    assert not panel.density_label.wordWrap()
    assert panel.density_label.font().pointSizeF() >= 1.5 * panel.count_caption.font().pointSizeF()
    assert panel.density_detail.sizeHint().width() <= panel.width()


def test_a_file_that_fails_never_enters_open_recent(qtbot, window, dialogs, tmp_path):
    good = write_capillary_image(tmp_path / "good.png", loops=2)
    bad = write_corrupt_image(tmp_path / "bad.png")
    open_and_wait(qtbot, window, good)
    with qtbot.waitSignal(window.analysis_failed, timeout=10_000):
        window.open_image(bad)
    assert window.settings.recent_files() == [str(good)]
    window.recent.fill()
    assert [a.text() for a in window.recent_menu.actions() if a.text()[1:2].isdigit()] == ["&1 good.png"]


def test_clear_recent_asks_first(qtbot, window, dialogs, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "one.png", loops=2))
    dialogs.answer = QMessageBox.StandardButton.No
    window.actions_by_id["clear_recent"].trigger()
    assert "Forget the 1 recently opened image" in dialogs.texts("question")[0]
    assert window.settings.recent_files() == [str(tmp_path / "one.png")]
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.actions_by_id["clear_recent"].trigger()
    assert window.settings.recent_files() == []


def test_the_empty_window_says_open_or_drop_an_image(qtbot, window):
    view = window.original_view
    assert not view.has_picture() and view.hint.startswith("Open or drop an image")
    picture = view.viewport().grab().toImage()
    bright = sum(
        1 for x in range(0, picture.width(), 2) for y in range(picture.height() // 3, 2 * picture.height() // 3, 2)
        if picture.pixelColor(x, y).lightness() > 180
    )
    assert bright > 20  # the hint's letters, on the dark grey background


def test_f1_opens_a_help_page_on_views_parameters_and_counting(qtbot, window, monkeypatch):
    from capseg_desktop.gui.window import help as help_module

    shown = []
    monkeypatch.setattr(help_module.HelpDialog, "exec", lambda self: shown.append(self.browser.toPlainText()))
    focus_window(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert len(shown) == 1
    for words in ("The three views", "Minimum area", "Merge distance", "How capillaries are counted", "Reset to model defaults"):
        assert words in shown[0]
    # The list of keys comes from the action table, as the menus do.
    assert "Keyboard shortcuts" in shown[0] and "Delete capillary" in shown[0] and "Ctrl+Shift+O" in shown[0]


def test_the_status_bar_shows_the_scale_the_image_was_analysed_at(qtbot, window, tmp_path):
    """In a few words, in full in its tooltip: the whole phrase left the messages no room."""
    from capseg_desktop.core.scale import ScaleInfo

    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=2))
    status = window.status
    resized = ScaleInfo(0.77, 12.7, 9.8, "estimated")
    status.set_scale(resized)
    assert status.scale_label.text() == "×0.77 for the model"
    assert status.scale_label.toolTip() == resized.describe() and "estimated" in resized.describe()
    assert status.scale_label.isVisible()
    status.set_scale(ScaleInfo(1.0, 9.8, 9.8, "estimated"))
    assert status.scale_label.text() == "own size for the model"
    status.set_scale(None)
    assert status.scale_label.text() == "" and not status.scale_label.isVisible()
