"""Failures show one sentence and leave the app usable; cancel and close are clean."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from capseg_desktop.core import ImageReadError, read_image
from capseg_desktop.gui import logs

from .conftest import write_capillary_image, write_corrupt_image


def test_corrupt_image_shows_the_error_and_the_app_still_works(qtbot, window, dialogs, tmp_path):
    bad = write_corrupt_image(tmp_path / "broken.png")
    with pytest.raises(ImageReadError) as expected:
        read_image(bad)
    with qtbot.waitSignal(window.analysis_failed, timeout=10_000):
        window.open_image(bad)
    assert dialogs.texts("warning") == [str(expected.value)]
    assert "\n" not in dialogs.texts("warning")[0]

    good = write_capillary_image(tmp_path / "good.png", loops=3)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.open_image(good)
    assert window.count_panel.count_label.text() == "3"
    assert len(dialogs.shown) == 1


def test_a_bad_model_file_shows_the_error_and_keeps_the_previous_model(qtbot, window, dialogs, tmp_path):
    bad_model = tmp_path / "broken.tflite"
    bad_model.write_bytes(b"not a flatbuffer at all" * 40)
    previous = window.session
    with qtbot.waitSignal(window.model_failed, timeout=10_000) as blocker:
        window.models.load_model(bad_model)
    message = blocker.args[0]
    assert dialogs.texts("warning") == [message]
    assert "broken.tflite" in message and "could not be opened" in message
    assert window.session is previous
    assert "previous model is still in use" in window.status_label.text()
    good = write_capillary_image(tmp_path / "good.png", loops=2)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.open_image(good)
    assert window.count_panel.count_label.text() == "2"


def test_cancel_leaves_no_result(qtbot, window, stub_session, dialogs, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    backend = stub_session._backend
    backend.gate = threading.Event()
    window.open_image(image)
    assert backend.entered.wait(5)
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=2000)
    with qtbot.waitSignal(window.analysis_cancelled, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        backend.gate.set()
    assert window.analysis is None
    assert window.count_panel.count_label.text() == "–"
    assert window.count_panel.table.rowCount() == 0
    assert window.original_view.box_ids() == []
    assert not window.actions_by_id["export_annotated"].isEnabled()
    assert window.status_label.text() == "Analysis cancelled."
    qtbot.waitUntil(lambda: not window.cancel_button.isVisible(), timeout=2000)
    assert not dialogs.shown
    # Analyse again (F5) brings the count back.
    backend.gate = None
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.actions_by_id["reanalyse"].trigger()
    assert window.count_panel.count_label.text() == "4"


def test_closing_during_an_analysis_stops_cleanly(qtbot, make_window, stub_session, dialogs, tmp_path):
    window = make_window(stub_session)
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    backend = stub_session._backend
    backend.gate = threading.Event()
    window.open_image(image)
    assert backend.entered.wait(5)
    threads = list(window.queue._threads)
    assert threads and threads[0].isRunning()
    releaser = threading.Timer(0.2, backend.gate.set)  # the inference in flight ends by itself
    releaser.start()
    assert window.close()
    releaser.join()
    assert all(thread.isFinished() for thread in threads)
    assert not window.queue.is_busy()
    assert not dialogs.shown


def test_drop_an_image_onto_the_window(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "dropped.png", loops=5)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        QApplication.sendEvent(window, drop)
    assert window.count_panel.count_label.text() == "5"
    assert window.image_path == image


def test_a_dropped_text_file_is_refused(qtbot, window, tmp_path):
    note = tmp_path / "notes.txt"
    note.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_uncaught_exception_is_logged_and_shown(qtbot, window, dialogs, tmp_path):
    path = logs.configure_logging(tmp_path / "logfolder")
    try:
        hook = logs.make_excepthook(lambda: window)
        try:
            raise RuntimeError("the table lost its rows")
        except RuntimeError:
            hook(*sys.exc_info())
        assert dialogs.shown[-1][0] == "critical"
        assert "the table lost its rows" in dialogs.shown[-1][2]
        assert str(path) in dialogs.shown[-1][2]
        for handler in __import__("logging").getLogger("capseg_desktop").handlers:
            handler.flush()
        log_text = path.read_text(encoding="utf-8")
        assert "Traceback" in log_text and "RuntimeError: the table lost its rows" in log_text
        assert window.isVisible()
    finally:
        logs.configure_logging(tmp_path / "other")  # release the file for the next test


def test_every_menu_action_has_a_shortcut_and_controls_have_names(qtbot, window):
    from PySide6.QtWidgets import QApplication, QMenu

    def walk(menu: QMenu):
        for action in menu.actions():
            if action.menu():
                yield from walk(action.menu())
            elif not action.isSeparator() and action.text() != "No recent images":
                yield action

    actions = [a for top in window.menuBar().actions() for a in walk(top.menu())]
    assert len(actions) > 20
    assert [a.text() for a in actions if a.shortcut().isEmpty()] == []
    panel = window.count_panel
    for widget in (panel.threshold, panel.min_area, panel.merge_distance, panel.um_per_px, panel.table,
                   panel.count_label, window.opacity_slider, window.original_view, window.mask_view,
                   window.overlay_view, window.cancel_button, window.batch_panel.table):
        assert widget.accessibleName(), widget.objectName()

    # Tab walks the counting controls in reading order, then the table and the views.
    expected = [panel.min_area, panel.merge_distance, panel.um_per_px, panel.reset_button, panel.table, window.original_view]
    window.activateWindow()
    panel.threshold.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    reached = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        while widget is not None and widget not in expected:
            widget = widget.parentWidget()
        reached.append(widget)
    assert reached == expected


def test_quitting_mid_analysis_exits_cleanly_in_a_fresh_process(tmp_path):
    """The whole application, quit while the worker is inside the model: exit status 0 and
    no 'QThread: Destroyed while thread is still running' (which would abort the process)."""
    import os
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    code = f"""
import threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from capseg_desktop.gui.window.main_window import MainWindow
from capseg_desktop.gui.settings import AppSettings
from tests.gui.conftest import make_stub_session

app = QApplication([])
session = make_stub_session()
session._backend.gate = threading.Event()
window = MainWindow(AppSettings({str(tmp_path / 's.ini')!r}), autoload_model=False)
window.models.use_session(session)
window.show()
window.open_image({str(image)!r})

def quit_when_inside_the_model():
    if not session._backend.entered.is_set():
        QTimer.singleShot(10, quit_when_inside_the_model)
        return
    threading.Timer(0.3, session._backend.gate.set).start()  # the model call in flight ends
    window.close()
    app.quit()

QTimer.singleShot(0, quit_when_inside_the_model)
app.exec()
print("clean exit")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAPSEG_LOG_DIR": str(tmp_path / "log")}
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "clean exit" in result.stdout
    assert "QThread" not in result.stderr
