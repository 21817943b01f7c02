"""Correcting a result by hand: selection, the edit tools, the undo stack and the sidecar.

The shown analysis is always ``unedited.with_edits(edits)``: ``unedited`` is the window's
recount for the panel's parameters (no inference), ``edits`` the log of ``core.corrections.Edit``
that the undo stack's commands add and take away. After each change the sidecar
``NAME.capseg.json`` is saved in the background; opening an image restores its log (as undoable
commands), and a parameter change with edits asks whether to keep them.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QGraphicsView, QMenu, QMessageBox, QToolBar

from . import flags, gestures
from .tools import TOOLS, EditTool, image_point
from .palette import EditPalette
from .sidecar import SavedLogs, SidecarSaver
from .review import Review
from .undo import EditCommand, Region, describe_edit

if TYPE_CHECKING:
    import numpy as np

    from ...core import Analysis, LoadedImage
    from ...core.corrections import Edit
    from ..hosts import EditingHost

log = logging.getLogger("capseg_desktop.gui.editing")

BRUSH_DEFAULT_PX = 9
BRUSH_RANGE_PX = (1, 201)


class EditController(QObject):
    """Everything the window does about hand corrections."""

    def __init__(self, window: EditingHost, fallback_dir: Path | None = None) -> None:
        super().__init__(window)
        from ...core.corrections import default_fallback_dir

        self.window = window
        self.session = window.image_session  # the log and the recount it is replayed on live there
        self.stack = QUndoStack(self)
        self._image: LoadedImage | None = None  # the picture whose log is restored
        self._quiet = False  # restoring a log: no rebuild, no save per command
        self._replay_note = ""  # said once the kept edits have been replayed on a recount
        self.tool: EditTool | None = None
        self.tools: dict[str, type[EditTool]] = dict(TOOLS)  # a feature adds its own (add_tool): no import changes it
        self.tool_name = "select"
        self.brush_px = BRUSH_DEFAULT_PX
        self.edit_ms: list[float] = []  # edit -> count shown, per edit (tests, the log)
        self.menu: QMenu | None = None
        self.actions: dict[str, QAction] = {}
        self.saver = SidecarSaver(fallback_dir or default_fallback_dir(), self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(lambda path, message: self.say(self.tr("Corrections not saved: %1").replace("%1", message)))

        self.palette = EditPalette(window, self.stack, self)  # the tool palette, the undo history, the brush size
        self.history, self.history_dock, self.brush_label = self.palette.history, self.palette.history_dock, self.palette.brush_label
        self.toolbar: QToolBar | None = None

        for view in window.views.views:
            view.pick = self.pick
            view.box_toggled.connect(self.toggle)
            view.context_menu_requested.connect(self.context_menu)
        for view in window.views.views:  # the brush circle follows the zoom
            view.view_changed.connect(self._update_cursor)
        self.stack.indexChanged.connect(self._index_changed)
        self.saved_logs = SavedLogs(self.saver.fallback_dir)
        self.review = Review(self)  # fast review: box by box, a rectangle, the distal row only
        window.batch.corrected = self.saved_edits_applied

    # The session's log ---------------------------------------------------------------------
    @property
    def edits(self) -> list[Edit]:
        """The corrections of the image on screen (the session's log; read only here)."""
        return self.session.edits

    @property
    def unedited(self) -> Analysis | None:
        """The recount the log is replayed on."""
        return self.session.unedited

    def add_edits(self, edits: Sequence[Edit]) -> None:
        self.session.add_edits(edits)

    def remove_edits(self, edits: Sequence[Edit]) -> None:
        self.session.remove_edits(edits)

    def picture_changed(self, _image: LoadedImage | None) -> None:
        """Another picture on screen, or none: the last one's log is saved, its undo history
        goes (Undo acts on the image on screen only); the new one's log is restored with its
        first count (``corrected``)."""
        self.saver.wait()
        self._clear_log()
        self._image = None
        self.window.views.edited = frozenset()
        self.update_actions()

    # Building ----------------------------------------------------------------------------
    def install(self, actions: dict[str, QAction]) -> None:
        """Take the Edit menu's actions (declared in ``actions``) and add the edit toolbar."""
        self.actions = actions
        self.toolbar = self.palette.install(actions)
        self.update_actions()

    def _index_changed(self, _index: int) -> None:
        try:
            self.update_actions()
        except RuntimeError:  # the window is being taken down
            pass

    def update_actions(self) -> None:
        """The commands' enabling follows a change here (the window evaluates the conditions)."""
        if self.actions:
            self.window.update_actions()

    def name_undo(self) -> None:
        """Undo and Redo say what they undo and redo."""
        if not self.actions:
            return
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setText(self.tr("&Undo %1").replace("%1", self.stack.undoText()).strip())
        redo.setText(self.tr("&Redo %1").replace("%1", self.stack.redoText()).strip())
        undo.setIconText(self.tr("Undo"))
        redo.setIconText(self.tr("Redo"))

    # Tools -------------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        if self.tool is not None:
            self.tool.abandon()
        self.tool_name = name
        self.tool = None if name == "select" else self.tools[name](self)
        drag = self.tool.drag_mode if self.tool is not None else QGraphicsView.DragMode.ScrollHandDrag
        for view in self.window.views.views:
            view.tool = self.tool
            view.setDragMode(drag)
        if f"tool_{name}" in self.actions:
            self.actions[f"tool_{name}"].setChecked(True)
        self.palette.show_brush(self.brush_px, visible=name in ("brush", "eraser"))
        self._update_cursor(tool_changed=True)
        hints = {
            "select": self.tr("Select: click a capillary, Ctrl+click to add one to the selection; Del deletes, M merges."),
            "add": self.tr("Add by click: click a missed capillary to add it (Esc: back to Select)."),
            "brush": self.tr("Brush: drag to paint a capillary; [ and ] change the size (Esc: back to Select)."),
            "eraser": self.tr("Eraser: drag over the pixels to take away; [ and ] change the size (Esc: back to Select)."),
            "split": self.tr("Split: drag a cut line across one capillary (Esc: back to Select)."),
            "reject_area": self.tr("Take out a rectangle: drag over boxes to take out every one whose centre is inside (Esc: back to Select)."),
            "ruler": self.tr("Ruler: drag a line across a vessel to measure it, in µm with a scale, else in pixels (Esc: back to Select)."),
        }
        self.say(hints.get(name, ""), append=False)  # Calibrate (gui/scale/controller.py) says its own
        self.window.update_actions()

    def add_tool(self, tool: type[EditTool]) -> None:
        """A tool of another feature (the scale's calibration line), chosen by its name."""
        self.tools[tool.name] = tool

    def leave_tool(self) -> bool:
        """Esc: back to Select; False when already there."""
        if self.tool_name == "select":
            return False
        self.set_tool("select")
        return True

    def resize_brush(self, factor: float) -> None:
        low, high = BRUSH_RANGE_PX
        size = self.brush_px * factor
        size = max(size, self.brush_px + 1) if factor > 1 else min(size, self.brush_px - 1)
        self.brush_px = int(max(low, min(high, round(size))))
        self.palette.show_brush(self.brush_px)
        self._update_cursor()

    def _update_cursor(self, tool_changed: bool = False) -> None:
        """The tool's cursor; the brush's circle is redrawn when the zoom or the size changes."""
        if tool_changed or self.tool_name in ("brush", "eraser"):
            self.palette.show_cursor(self.tool)

    # Selection ---------------------------------------------------------------------------
    def pick(self, pos: QPointF) -> int:
        """The capillary whose pixels are under an image point."""
        analysis = self.window.analysis
        if analysis is None:
            return 0
        from ...core.corrections import label_at

        return label_at(analysis.counted.labels, image_point(pos))

    def select(self, numbers: Sequence[int]) -> None:
        self.session.select(numbers)

    def toggle(self, number: int) -> None:
        self.session.toggle(number)

    def context_menu(self, pos: QPointF, global_pos: object) -> None:
        number = self.window.views.leader().box_at(pos)
        if number and number not in self.window.views.selected():
            self.select([number])
        self.menu = self.palette.context_menu(self.actions)
        self.menu.popup(global_pos)  # not exec: the window goes on (and tests can drive it)

    # Edits: gestures.py turns each gesture into core edits; here they are pushed ------------
    def delete_selected(self) -> None:
        selected = self.window.views.selected()
        if self.window.analysis is None or not selected:
            return
        text = (self.tr("Delete capillary %1").replace("%1", str(selected[0])) if len(selected) == 1
                else self.tr("Delete %n capillaries", "", len(selected)))
        self.apply_gesture(gestures.delete(self.window.analysis, selected, text))

    def merge_selected(self) -> None:
        if self.window.analysis is not None:
            self.apply_gesture(gestures.merge(self.window.analysis, self.window.views.selected()))

    def flag_selected(self, value: str) -> None:
        """Edit > Loop flags: the clinician's flag ``value`` on the selected loops (``flags.py``)."""
        if self.window.analysis is not None:
            self.apply_gesture(flags.flag(self.window.analysis, self.window.views.selected(), value))

    def table_menu(self, global_pos: object) -> None:
        """The capillary table's right-click menu (its row is selected already): as the views'."""
        self.menu = self.palette.context_menu(self.actions)
        self.menu.popup(global_pos)

    def add_at(self, pos: QPointF) -> None:
        if self.window.analysis is not None:
            self.apply_gesture(gestures.add_at(self.window.analysis, pos))

    def stroke(self, points: list[QPointF], erase: bool) -> None:
        """A brush or eraser stroke through ``points`` (image coordinates)."""
        if self.window.analysis is not None:
            self.apply_gesture(gestures.stroke(self.window.analysis, points, self.brush_px, erase, self.window.views.selected()))

    def split_line(self, a: QPointF, b: QPointF) -> None:
        if self.window.analysis is not None:
            self.apply_gesture(gestures.split(self.window.analysis, a, b))

    def apply_gesture(self, outcome: gestures.Gesture | gestures.Refusal | None) -> None:
        if isinstance(outcome, gestures.Refusal):
            if outcome.select:
                self.select(list(outcome.select))
            self.say(outcome.message)
        elif outcome is not None:
            self._push(outcome.edits, outcome.text, outcome.region)

    def _push(self, edits: list[Edit], text: str, region: np.ndarray | None) -> None:
        from ...core.corrections import apply_edits

        started = time.perf_counter()
        labels = self.window.analysis.counted.labels if self.window.analysis is not None else None
        if labels is None or self.unedited is None:
            return
        _, applied = apply_edits(labels, edits)
        if not all(applied):
            self.say(self.tr("%1 changes nothing here.").replace("%1", text))
            return
        self.stack.push(EditCommand(self, edits, text, region, self.window.views.selected()))
        self.edit_ms.append((time.perf_counter() - started) * 1000.0)
        log.info("%s: count %d shown %.1f ms after the edit", text, self.window.analysis.result.count, self.edit_ms[-1])

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    # The shown result --------------------------------------------------------------------
    def rebuild(self, select_region: Region | None = None, select: Sequence[int] = (), note: str = "") -> None:
        """Show the unedited recount with the log replayed (the host window's ``display`` calls
        ``corrected``), select what the edit made, save the sidecar."""
        import numpy as np

        if self._quiet or self.unedited is None:
            return
        window = self.window
        window.display(self.unedited)
        analysis = window.analysis
        if select_region is not None:
            top, left, mask = select_region
            under = analysis.counted.labels[top:top + mask.shape[0], left:left + mask.shape[1]][mask]
            select = [int(n) for n in np.unique(under) if n]
        self.select(select)
        result = analysis.result
        if self.edits:
            what = self.tr("%n capillaries (model %1: %2)", "", result.count).replace(
                "%1", str(result.model_count)).replace("%2", result.edits.describe() if result.edits else "")
        else:
            what = self.tr("%n capillaries, as the model counted them", "", result.count)
        self.say(self.tr("%1: %2.").replace("%1", note).replace("%2", what) if note else f"{what}.", append=False)
        self._changed()

    def corrected(self, analysis: Analysis) -> Analysis:
        """What the window shows for a recount: the log replayed on it. A new picture first
        restores the log saved with it."""
        if analysis.result.edit_log:  # an edited analysis came back (the batch's memory)
            analysis = analysis.recount(analysis.result.params, analysis.result.um_per_px)
        previous = None if analysis.image is not self._image else self.unedited
        if previous is None:
            self._start_image(analysis)
        self.session.unedited = analysis
        self.window.views.edited = frozenset()
        if not self.edits:
            return analysis
        edited = analysis.with_edits(self.edits)
        self.window.views.edited = frozenset(edited.result.edited_ids)  # green boxes, as exported
        if previous is not None and (previous.result.params, previous.result.um_per_px) != (analysis.result.params, analysis.result.um_per_px):
            QTimer.singleShot(0, self._changed)  # kept through a parameter or scale change: saved with the new ones
        if self._replay_note:
            note, self._replay_note = self._replay_note, ""
            lost = len(self.edits) - (edited.result.edits.total() if edited.result.edits else 0)
            if lost:
                note += " " + (self.tr("1 of them no longer applies with these parameters.") if lost == 1 else
                               self.tr("%n of them no longer apply with these parameters.", "", lost))
            self._later(note)
        return edited

    def _start_image(self, analysis: Analysis) -> None:
        """A new picture: its own log, restored from its sidecar when there is one."""
        from ...core.corrections import CorrectionsError, load_corrections

        self.saver.wait()  # the last image's (or this one's) sidecar is written first
        self._image = analysis.image
        self._clear_log()
        path = analysis.image.path
        if path is None:
            return
        try:
            found = load_corrections(path, self.saver.fallback_dir, size=(analysis.image.width, analysis.image.height))
        except CorrectionsError as error:
            self._later(str(error))
            return
        except OSError as error:
            log.warning("Reading the corrections of %s failed: %r", path, error)
            return
        if found is None:
            return
        corrections, where = found
        self._quiet = True
        try:
            for edit in corrections.edits:
                self.stack.push(EditCommand(self, [edit], describe_edit(self, edit), None, ()))
            self.stack.setClean()
        finally:
            self._quiet = False
        self._replay_note = self.tr("Restored %n corrections from %1.", "", len(corrections.edits)).replace("%1", where.name)
        result = analysis.result
        if corrections.model_sha256 and corrections.model_sha256 != result.model.sha256:
            self._replay_note += " " + self.tr("They were made on the count of another model (%1): check them.").replace(
                "%1", corrections.model_name)
        elif corrections.params != result.params:
            self._replay_note += " " + self.tr("They were saved with other counting parameters and are replayed on the current ones.")
        if where.parent != path.parent:
            self._replay_note += " " + self.tr("(kept in %1 because the image's folder is read-only)").replace("%1", str(where.parent))

    def saved_edits_applied(self, analysis: Analysis) -> Analysis:
        """A batch image's count with its corrections replayed: the log on screen for the image
        shown, else the one in its sidecar (``SavedLogs``)."""
        path = analysis.image.path
        if path is not None and self._image is not None and path == self._image.path:
            return analysis.with_edits(list(self.edits)) if self.edits else analysis
        return self.saved_logs.applied(analysis)

    def confirm_param_change(self) -> bool:
        """A parameter change with edits: keep them on top of the new count, discard them, or
        cancel the change (the panel goes back). False: do not recount."""
        panel = self.window.count_panel
        if not self.edits or self.unedited is None or panel.params() == self.unedited.result.params:
            return True  # nothing to lose (a new scale changes densities, not capillaries)
        count = len(self.edits)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Keep your corrections?"),
                          self.tr("You corrected this count %n times by hand. Keep your %n corrections on top of the new count?", "", count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
                          self.window)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Keep them"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Discard them"))
        box.setInformativeText(self.tr("Kept corrections are replayed on the new count where they still apply."))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Yes:
            self._replay_note = self.tr("Kept your %n corrections on top of the new count.", "", count)
            return True
        if answer == QMessageBox.StandardButton.No:
            self.discard()
            self._later(self.tr("Discarded %n corrections.", "", count))
            return True
        panel.set_params(self.unedited.result.params, self.unedited.result.um_per_px)
        return False

    def _clear_log(self) -> None:
        """Empty the undo stack and the log without rebuilding the shown result."""
        self._quiet = True
        try:
            self.stack.clear()
            self.session.clear_edits()
        finally:
            self._quiet = False

    def discard(self) -> None:
        self._clear_log()
        if self._image is not None and self._image.path is not None:
            self.saver.delete(self._image.path)

    # After a change ----------------------------------------------------------------------
    def _changed(self) -> None:
        """Save (or delete) the sidecar; the batch row took the shown count in the host's ``display``."""
        window = self.window
        analysis, path = window.analysis, window.image_path
        if analysis is None or path is None or analysis.image is not self._image:
            return
        index = window.batch.index_of(path)
        if index >= 0 and self.unedited is not None:
            window.batch.cache[index] = self.unedited  # the memory holds the model's count
        if self.edits:
            self.saver.save(path, analysis)
        else:
            self.saver.delete(path)

    def _saved(self, image: Path, where: Path) -> None:
        if where.parent != image.parent:
            self.say(self.tr("Corrections kept in %1: the folder of %2 cannot be written.")
                      .replace("%1", str(where.parent)).replace("%2", image.name))

    def say(self, text: str, append: bool = True) -> None:
        label = self.window.status_label
        self.window.set_status(f"{label.text()} {text}".strip() if append and label.text() else text)

    def _later(self, text: str) -> None:
        """Said after the window's own message for what just happened."""
        QTimer.singleShot(0, lambda: self.say(text))

    def close(self) -> None:
        self.saver.close()
