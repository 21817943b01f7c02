"""The window's parts on their own: task handles, the action table, and the model, batch and
export controllers, each without a main window."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from capseg_desktop.core import Analyzer, CountingParams, ModelLoadError
from capseg_desktop.core.batch import run_batch, summary_csv
from capseg_desktop.gui.window.actions import ACTIONS, ActionSpec, install_actions, refresh_actions
from capseg_desktop.gui.batch.controller import BatchController
from capseg_desktop.gui.batch.panel import BatchPanel
from capseg_desktop.core.result import describe_changes, parameter_changes
from capseg_desktop.gui.window.export_controller import ExportController
from capseg_desktop.gui.background.handles import FINAL, TaskLane
from capseg_desktop.gui.window.model_controller import ModelController
from capseg_desktop.gui.settings import AppSettings
from capseg_desktop.gui.background.tasks import Task, TaskQueue

from .conftest import make_stub_session, open_and_wait, write_capillary_image, write_corrupt_image


# Task handles -----------------------------------------------------------------------------
class EchoTask(Task):
    kind = "echo"
    answered = Signal(str)

    def __init__(self, text: str, gate: threading.Event | None = None) -> None:
        super().__init__()
        self.text, self.gate = text, gate

    def execute(self) -> None:
        if self.gate is not None:
            self.gate.wait(5)
        self.answered.emit(self.text)


def test_only_the_current_tasks_slots_fire(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    queue = TaskQueue(parent)
    lane = TaskLane(queue, "echo", parent)
    heard: list[str] = []
    gate = threading.Event()
    first = EchoTask("first", gate)
    lane.submit(first, [(first.answered, heard.append, FINAL)], replaces=())
    second = EchoTask("second")
    handle = lane.submit(second, [(second.answered, heard.append, FINAL)], replaces=())  # queued behind the first

    assert lane.current is handle
    gate.set()
    qtbot.waitUntil(lambda: heard == ["second"], timeout=5000)
    assert lane.current is None  # a final outcome releases the lane
    qtbot.wait(50)
    assert heard == ["second"]  # the superseded first task answered, and nobody listened


def test_a_closing_queue_silences_every_handle(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    queue = TaskQueue(parent)
    lane = TaskLane(queue, "echo", parent)
    heard: list[str] = []
    gate = threading.Event()
    task = EchoTask("late", gate)
    lane.submit(task, [(task.answered, heard.append)])
    threading.Timer(0.1, gate.set).start()
    queue.shutdown()
    qtbot.wait(50)
    assert heard == []


# Actions ----------------------------------------------------------------------------------
def test_the_action_table_is_consistent():
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids))
    keys = [str(k) for spec in ACTIONS for k in spec.shortcuts]
    assert len(keys) == len(set(keys)), "a shortcut is used twice"
    assert all(spec.shortcuts and spec.tip for spec in ACTIONS)
    assert {spec.id for spec in ACTIONS if spec.handler is None} == {"show_undo_history"}


def test_install_actions_builds_menus_toolbar_and_late_bound_handlers(qtbot):
    from PySide6.QtWidgets import QToolBar

    window = QMainWindow()
    qtbot.addWidget(window)
    calls: list[str] = []
    specs = (
        ActionSpec("a", "&Alpha", ("Ctrl+Alt+1",), "first", menu="&Demo", toolbar=0, handler=lambda w: w.helper.alpha()),
        ActionSpec("b", "&Beta", ("Ctrl+Alt+2",), "second", menu="&Demo", group=1, toolbar=0, handler=lambda w: calls.append("beta"),
                   enabled=lambda w: w.beta_ready),
        ActionSpec("c", "&Gamma", ("Ctrl+Alt+3",), "third", menu="&Demo/&More", handler=lambda w: calls.append("gamma")),
    )
    toolbar = QToolBar()
    actions, menus = install_actions(window, specs, toolbar=toolbar)
    window.helper = type("Helper", (), {"alpha": staticmethod(lambda: calls.append("alpha"))})()  # made after the actions
    for key in ("a", "b", "c"):
        actions[key].trigger()
    assert calls == ["alpha", "beta", "gamma"]
    demo = [a.text() for a in menus["&Demo"].actions()]
    assert demo == ["&Alpha", "", "&Beta", "&More"]  # groups separated, the submenu last
    assert [a.text() for a in toolbar.actions()] == ["&Alpha", "&Beta"]
    assert actions["a"].toolTip() == "first (Ctrl+Alt+1)"
    assert all(action in window.actions() for action in actions.values())
    # Enabling is the rows' conditions, evaluated in one place.
    window.beta_ready = False
    refresh_actions(window, actions, specs)
    assert not actions["b"].isEnabled() and actions["a"].isEnabled() and actions["c"].isEnabled()
    window.beta_ready = True
    refresh_actions(window, actions, specs)
    assert actions["b"].isEnabled()


def test_the_window_enables_its_commands_from_the_table(qtbot, window, tmp_path):
    """With no image, nothing to export, undo or delete; with a count and a selection, yes."""
    from capseg_desktop.gui.window.actions import shortcut_rows

    assert not window.actions_by_id["export_annotated"].isEnabled() and not window.actions_by_id["undo"].isEnabled()
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=3))
    assert window.actions_by_id["export_annotated"].isEnabled() and window.actions_by_id["tool_brush"].isEnabled()
    assert not window.actions_by_id["delete_capillary"].isEnabled()
    window.editing.select([1, 2])
    assert window.actions_by_id["delete_capillary"].isEnabled() and window.actions_by_id["merge_selected"].isEnabled()
    window.actions_by_id["delete_capillary"].trigger()
    assert window.actions_by_id["undo"].isEnabled() and window.actions_by_id["undo"].text() == "&Undo Delete 2 capillaries"
    assert ("Undo", "Ctrl+Z") in shortcut_rows()  # the Help page's keys come from the same table


# Model controller -------------------------------------------------------------------------
@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_model_controller_loads_remembers_and_reports_what_the_previous_model_advised(qtbot, host, tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    first, second = make_stub_session(), make_stub_session()
    second.card = {"recommended_parameters": {"min_area_px": 450}}
    sessions = iter([first, second])
    controller = ModelController(TaskQueue(host), settings, host, lambda: 10_000_000, loader=lambda path: next(sessions))
    with qtbot.waitSignal(controller.ready, timeout=5000) as blocker:
        controller.load_model(tmp_path / "first.tflite")
    assert blocker.args == [first, None, False]
    assert settings.model_path() == str(first.path)
    assert controller.recommended() == CountingParams()
    with qtbot.waitSignal(controller.ready, timeout=5000) as blocker:
        controller.load_model(tmp_path / "second.tflite")
    assert blocker.args[1] == CountingParams()  # what the previous model advised
    assert controller.recommended().min_area_px == 450
    assert "Recommended counting: threshold 0.5, min area 450 px" in controller.description()


def test_model_controller_keeps_the_model_when_a_load_fails(qtbot, host, tmp_path):
    good = make_stub_session()

    def loader(path: Path):
        if path.name == "bad.tflite":
            raise ModelLoadError("The model file bad.tflite could not be opened.")
        return good

    controller = ModelController(TaskQueue(host), AppSettings(tmp_path / "s.ini"), host, lambda: 10_000_000, loader=loader)
    with qtbot.waitSignal(controller.ready, timeout=5000):
        controller.load_model(tmp_path / "good.tflite")
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.load_model(tmp_path / "bad.tflite")
    assert blocker.args == ["The model file bad.tflite could not be opened.", True]
    assert controller.session is good


def test_model_controller_start_up_path(host, tmp_path, monkeypatch):
    settings = AppSettings(tmp_path / "s.ini")
    remembered = tmp_path / "mine.tflite"
    remembered.write_bytes(b"x")
    settings.set_model_path(remembered)
    assert ModelController(TaskQueue(host), settings, host, lambda: 1).startup_path() == remembered
    override = tmp_path / "other.tflite"
    assert ModelController(TaskQueue(host), settings, host, lambda: 1, override=override).startup_path() == override


# Batch controller -------------------------------------------------------------------------
def make_batch(host, tmp_path, params: CountingParams | None = None):
    analyzer = Analyzer(make_stub_session())
    state = {"params": params or CountingParams(), "scale": None}
    panel = BatchPanel()
    controller = BatchController(TaskQueue(host), AppSettings(tmp_path / "s.ini"), panel, host,
                                 lambda: (analyzer, state["params"], state["scale"]))
    errors: list[str] = []
    controller.on_error = lambda title, message: errors.append(message)
    return controller, panel, state, errors


def test_batch_controller_writes_the_command_lines_summary(qtbot, host, tmp_path):
    folder = tmp_path / "visit"
    paths = [write_capillary_image(folder / "a.png", loops=3, faint=1), write_corrupt_image(folder / "b.png"),
             write_capillary_image(folder / "c.png", loops=2)]
    controller, panel, state, errors = make_batch(host, tmp_path)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as blocker:
        controller.start(folder, paths)
    assert blocker.args == [False]
    assert panel.status_texts()[0] == "ok" and panel.status_texts()[1].startswith("failed: ")
    expected = summary_csv(list(run_batch(Analyzer(make_stub_session()), paths)))
    assert controller.summary_csv() == expected  # one loop, one schema with the CLI
    assert errors == []

    state["params"] = CountingParams(threshold=0.6)
    controller.recount(state["params"], None)
    expected = summary_csv(list(run_batch(Analyzer(make_stub_session()), paths, params=state["params"])))
    assert controller.summary_csv() == expected
    assert panel.table.item(0, 1).text() == "3"


def test_batch_controller_without_a_model_says_so(host, tmp_path):
    controller, panel, state, errors = make_batch(host, tmp_path)
    controller.configure = lambda: (None, CountingParams(), None)
    controller.start(tmp_path, [tmp_path / "a.png"])
    assert errors == ["Load a model first (Model > Load model…); then open the folder again."]
    assert panel.table.rowCount() == 0


# Export controller ------------------------------------------------------------------------
def test_changed_parameters_are_described_plainly():
    changes = parameter_changes(CountingParams(min_area_px=550, threshold=0.45), CountingParams())
    assert changes == {"threshold": {"value": 0.45, "recommended": 0.5}, "min_area_px": {"value": 550, "recommended": 340}}
    assert describe_changes(changes) == (
        "Changed by the user: threshold 0.45 (recommended 0.5), minimum area 550 px (recommended 340 px)."
    )
    assert describe_changes({}) == "Counting parameters as the model recommends."


def test_export_controller_writes_what_it_is_given(qtbot, host, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    analysis = Analyzer(make_stub_session()).analyze_path(image, CountingParams(min_area_px=500))
    controller_batch, *_ = make_batch(host, tmp_path)
    exports = ExportController(AppSettings(tmp_path / "s.ini"), host, lambda: analysis, CountingParams, controller_batch)
    errors: list[str] = []
    exports.on_error = lambda title, message: errors.append(message)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "r.json"), "")))
    assert exports.export_results() == tmp_path / "r.json"
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["count"] == 3 and data["parameters_changed_by_user"] == {"min_area_px": {"value": 500, "recommended": 340}}
    assert exports.export_summary() is None
    assert errors == ["There is no batch result to export yet: open a folder first."]


def test_a_task_that_ends_at_once_is_still_heard(qtbot):
    """The slots are connected before the task is queued: a worker may finish before
    ``submit`` returns (a stub model loads in microseconds)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    lane = TaskLane(TaskQueue(parent), "echo", parent)
    heard: list[str] = []
    for round_ in range(20):
        task = EchoTask(f"at once {round_}")
        lane.submit(task, [(task.answered, heard.append, FINAL)])
        qtbot.waitUntil(lambda: len(heard) == round_ + 1, timeout=5000)


def test_view_menu_hides_and_shows_the_panels(qtbot, window):
    """View > Count panel and Batch results panel were always greyed out (Qt's toggle action of
    a dock that cannot be closed): they work, and their tick follows the panel."""
    window.show()
    count, batch = window.actions_by_id["show_count"], window.actions_by_id["show_batch"]
    assert count.isEnabled() and batch.isEnabled()
    assert count.isChecked() and window.count_dock.isVisible()
    count.trigger()
    assert not window.count_dock.isVisible() and not count.isChecked()
    count.trigger()
    assert window.count_dock.isVisible() and count.isChecked()
    window.batch_dock.show()  # a folder opened shows it: the tick follows
    assert batch.isChecked()
    batch.trigger()
    assert not window.batch_dock.isVisible()
