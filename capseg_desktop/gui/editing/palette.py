"""What the edit controller shows: the tool palette on the left, the undo history dock, the
brush size in the status bar and the tool's cursor on the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCursor, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QToolBar, QUndoView

if TYPE_CHECKING:
    from ..hosts import EditingHost
    from .tools import EditTool

#: The tools' order on the toolbar and in the Edit menu.
TOOL_NAMES = ("select", "add", "brush", "eraser", "split", "reject_area")


class EditPalette(QObject):
    def __init__(self, window: EditingHost, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.toolbar: QToolBar | None = None
        self.history = QUndoView(stack)
        self.history.setObjectName("undo_history")
        self.history.setEmptyLabel(self.tr("<no corrections>"))
        self.history.setAccessibleName(self.tr("Undo history"))
        self.history_dock = QDockWidget(self.tr("Undo history"), window)
        self.history_dock.setObjectName("undo_dock")
        self.history_dock.setWidget(self.history)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.history_dock.visibilityChanged.connect(self._history_shown)
        self._history_sized = False
        self.brush_label = QLabel("")
        self.brush_label.setObjectName("brush_label")
        self.brush_label.setAccessibleName(self.tr("Brush size"))
        window.statusBar().insertPermanentWidget(1, self.brush_label)  # after the message, before the scale
        self.brush_label.hide()

    def install(self, actions: dict[str, QAction]) -> QToolBar:
        """The edit toolbar, from the Edit menu's actions (declared in ``actions``)."""
        window = self.window
        # A tool palette on the left, as in image editors: the top toolbar is full on a laptop.
        self.toolbar = toolbar = QToolBar(self.tr("Edit tools"), window)
        toolbar.setObjectName("edit_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        short = {"tool_select": self.tr("Select"), "tool_add": self.tr("Add"), "tool_brush": self.tr("Brush"),
                 "tool_eraser": self.tr("Eraser"), "tool_split": self.tr("Split"),
                 "tool_reject_area": self.tr("Rectangle"), "merge_selected": self.tr("Merge"),
                 "delete_capillary": self.tr("Delete"), "undo": self.tr("Undo"), "redo": self.tr("Redo")}
        for key in (*[f"tool_{name}" for name in TOOL_NAMES], None, "merge_selected", "delete_capillary", None, "undo", "redo"):
            if key is None:
                toolbar.addSeparator()
                continue
            actions[key].setIconText(short[key])
            toolbar.addAction(actions[key])
        window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, toolbar)
        actions["tool_select"].setChecked(True)
        return toolbar

    def _history_shown(self, visible: bool) -> None:
        """The first time: a short list under the count, which keeps most of the height."""
        window = self.window
        if visible and not self._history_sized and window.dockWidgetArea(self.history_dock) == window.dockWidgetArea(window.count_dock):
            self._history_sized = True
            height = window.count_dock.height() + self.history_dock.height()
            window.resizeDocks([window.count_dock, self.history_dock], [height - 150, 150], Qt.Orientation.Vertical)

    def show_brush(self, size_px: int, visible: bool | None = None) -> None:
        self.brush_label.setText(self.tr("Brush %1 px").replace("%1", str(size_px)))
        self.brush_label.setToolTip(self.tr("Brush and eraser diameter in image pixels ([ smaller, ] larger)"))
        if visible is not None:
            self.brush_label.setVisible(visible)

    def show_cursor(self, tool: EditTool | None) -> None:
        """The tool's cursor on every view (the brush's circle at the current zoom and size)."""
        for view in self.window.views.views:
            view.viewport().setCursor(tool.cursor(view) if tool is not None else QCursor(Qt.CursorShape.OpenHandCursor))

    def context_menu(self, actions: dict[str, QAction]) -> QMenu:
        """The views' and the capillary table's right-click menu: the clinician's flags, delete,
        merge, undo, redo and the tools."""
        from .flags import add_flag_menu

        menu = QMenu(self.window)
        menu.setObjectName("edit_context_menu")
        add_flag_menu(menu, actions)
        menu.addSeparator()
        for key in ("delete_capillary", "merge_selected", None, "undo", "redo", None, *[f"tool_{n}" for n in TOOL_NAMES]):
            if key is None:
                menu.addSeparator()
            elif key in actions:
                menu.addAction(actions[key])
        return menu
