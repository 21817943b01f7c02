"""What each controller needs of the window it works in, as small protocols.

A controller (editing, scale, exam, fine-tuning) is given a *host*: an object with the few
attributes and methods its protocol names. ``MainWindow`` is one; a test can hand a controller
a smaller one. No controller imports ``gui/window/main_window.py`` (an import-linter contract
checks it), so the window can change its insides without the controllers following, and
reading a protocol tells what a controller may touch.

The protocols name Qt widgets and core types for the reader; nothing here is imported at run
time but ``typing``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QLabel, QStatusBar, QToolBar

    from ..core import Analysis, CountingParams
    from ..core.model import ModelSession
    from .background.tasks import TaskQueue
    from .batch.controller import BatchController
    from .session import ImageSession
    from .settings import AppSettings
    from .views.image_views import ImageViews
    from .window.count_panel import CountPanel


class StatusHost(Protocol):
    """Somewhere to say what happened, and the commands' enabling to refresh."""

    def set_status(self, text: str) -> None: ...

    def show_error(self, title: str, message: str) -> None: ...

    def update_actions(self) -> None: ...


class ImageHost(StatusHost, Protocol):
    """The image on screen: its session (the one owner of its state), the three views and the
    count panel that observe it."""

    image_session: ImageSession
    views: ImageViews
    count_panel: CountPanel
    settings: AppSettings
    queue: TaskQueue

    @property
    def analysis(self) -> Analysis | None: ...

    @property
    def image_path(self) -> Path | None: ...


class DockHost(Protocol):
    """A main window's dock and toolbar areas (``QMainWindow``'s own methods)."""

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar) -> None: ...  # noqa: N802

    def addToolBarBreak(self, area: Qt.ToolBarArea) -> None: ...  # noqa: N802

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...  # noqa: N802

    def dockWidgetArea(self, dock: QDockWidget) -> Qt.DockWidgetArea: ...  # noqa: N802

    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation) -> None: ...  # noqa: N802


class EditingHost(ImageHost, DockHost, Protocol):
    """The editing controller's window: it shows a recount with the log replayed
    (``display``), tells the batch row the corrected count, and docks the undo history
    under the count panel."""

    batch: BatchController
    count_dock: QDockWidget
    status_label: QLabel

    def display(self, analysis: Analysis, pictures: tuple | None = None) -> None: ...


class ScaleHost(ImageHost, DockHost, Protocol):
    """The scale controller's window: the calibration line is one of its edit tools, and a
    new scale counts the image again."""

    editing: Any  # EditController (gui/editing): add_tool, set_tool, toolbar
    models: Any  # ModelController: a microscope's own model is loaded with its profile

    def recount(self) -> None: ...


class ExamHost(ImageHost, Protocol):
    """The exam's window: it opens a finger's image for correction and hands back the
    window's own configuration and scale."""

    editing: Any  # EditController: the corrected result of the image on screen
    calibration: Any  # ScaleController: the scale the window counts at

    def open_image(self, path: str | Path, remember: bool = True) -> None: ...

    def configuration(self) -> tuple[Any, CountingParams, float | None]: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...  # noqa: N802 (Qt's name)


class FinetuneHost(StatusHost, Protocol):
    """The fine-tuning controller's window: the model loaded and the models menu."""

    settings: AppSettings
    queue: TaskQueue
    models: Any  # ModelController: load, the model's path
    calibration: Any  # ScaleController: the microscope chosen, to keep an accepted model with it
    actions_by_id: dict[str, QAction]

    @property
    def session(self) -> ModelSession | None: ...

    @property
    def image_path(self) -> Path | None: ...

    def open_image(self, path: str | Path, remember: bool = True) -> None: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...  # noqa: N802 (Qt's name)


__all__ = ["DockHost", "EditingHost", "ExamHost", "FinetuneHost", "ImageHost", "ScaleHost", "StatusHost"]
