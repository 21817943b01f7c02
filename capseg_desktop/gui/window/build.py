"""How the main window is put together: the views, the docks, the actions and toolbar, the
tab order, and the settings it restores and saves. Behaviour is in ``main_window`` and the
controllers; this module only builds and remembers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QScrollArea, QSplitter, QToolBar, QWidget

from .actions import install_actions
from ..batch.controller import BatchController
from ..batch.panel import BatchPanel
from .count_panel import CountPanel
from .export_controller import ExportController
from ..widgets.guarded import GuardedSlider
from ..language import install_language_menu
from .model_controller import ModelController
from ..views.image_views import ImageView, ViewGroup, ViewPane
from .parts import EscapeCancels, LayoutControls, RecentMenu, StatusArea

if TYPE_CHECKING:
    from ...core import ModelSession
    from .main_window import MainWindow



def build_views(window: MainWindow) -> None:
    window.original_view, window.mask_view, window.overlay_view = (ImageView(n) for n in ("original_view", "mask_view", "overlay_view"))
    window.views = ViewGroup([window.original_view, window.mask_view, window.overlay_view])
    window.view_splitter = QSplitter(Qt.Orientation.Horizontal)
    window.view_splitter.setObjectName("view_splitter")
    window.view_splitter.setChildrenCollapsible(False)
    titles = (QCoreApplication.translate("MainWindow", "Original"), QCoreApplication.translate("MainWindow", "Mask"),
              QCoreApplication.translate("MainWindow", "Overlay"))
    for title, view in zip(titles, (window.original_view, window.mask_view, window.overlay_view)):
        window.view_splitter.addWidget(ViewPane(title, view))
        view.box_clicked.connect(lambda number: window.editing.select([number]))  # gui/editing/controller.py
    window.original_view.hint = QCoreApplication.translate("MainWindow", "Open or drop an image\n(File > Open image…, Ctrl+O)")
    window.setCentralWidget(window.view_splitter)


def _dock(window: MainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(area, dock)
    return dock


def build_panels(window: MainWindow) -> None:
    window.count_panel = CountPanel()
    window.count_panel.params_changed.connect(window.recount)
    window.count_panel.reset_requested.connect(window.reset_params)
    # In a scroll area: on a short screen the panel scrolls instead of making the window
    # taller than the screen or squeezing the capillary table to nothing.
    scroller = QScrollArea()
    scroller.setObjectName("count_scroller")
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setWidget(window.count_panel)
    window.count_dock = _dock(window, QCoreApplication.translate("MainWindow", "Count"), "count_dock",
                               scroller, Qt.DockWidgetArea.RightDockWidgetArea)
    # Wide enough for the panel and a vertical scroll bar (the undo history below it makes the panel scroll).
    window.count_dock.setMinimumWidth(max(290, window.count_panel.minimumSizeHint().width() + scroller.verticalScrollBar().sizeHint().width() + 6))
    window.batch_panel = BatchPanel()
    window.batch_panel.image_chosen.connect(window.show_batch_item)
    window.batch_dock = _dock(window, QCoreApplication.translate("MainWindow", "Batch results"), "batch_dock",
                               window.batch_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
    # The count panel keeps the window's whole height: the batch list sits under the views
    # only (spanning the width, it squeezed the capillary table to one row on a laptop screen).
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.batch_dock.hide()


def build_status(window: MainWindow) -> None:
    window.status = status = StatusArea(window.statusBar(), window.cancel)
    window.status_label, window.progress_bar, window.cancel_button = status.label, status.progress_bar, status.cancel_button
    window.zoom_label, window.model_label = status.zoom_label, status.model_label
    window.queue.busy_changed.connect(window._busy_changed)


def build_controllers(window: MainWindow, model_loader: Callable[[Path], ModelSession] | None, model_path: Path | None) -> None:
    window.models = models = ModelController(window.queue, window.settings, window, window._pixel_budget, model_loader, model_path, window.status)
    models.ready.connect(window._model_ready)
    models.failed.connect(window._model_failed)
    window.batch = batch = BatchController(window.queue, window.settings, window.batch_panel, window, window.configuration)
    batch.on_error = window.show_error
    batch.started.connect(lambda count: _show_batch_dock(window, count))
    batch.started.connect(window._batch_started)
    batch.status.connect(window.set_status)
    batch.progress.connect(lambda fraction, message: (window.status.set_progress(fraction), window.set_status(message)))
    batch.finished.connect(lambda _cancelled: (window.update_actions(), window.batch_finished.emit()))
    window.exports = exports = ExportController(window.settings, window, window.current_analysis, models.recommended, batch)
    exports.on_error, exports.on_status = window.show_error, window.set_status
    window.batch_panel.export_requested.connect(exports.export_summary)
    from ..editing.controller import EditController

    window.editing = EditController(window)  # corrections by hand: tools, undo, the sidecar
    from ..scale.controller import ScaleController

    window.calibration = ScaleController(window)  # the scale: microscope profiles, calibration line, its source
    from ..finetune.controller import FinetuneController

    window.finetune = FinetuneController(window)  # fine-tuning (a child process), user models, training data
    from ..exam.controller import ExamController

    window.exam = ExamController(window)  # the patient exam: its window, figures, file and report


def _show_batch_dock(window: MainWindow, count: int) -> None:
    if not window.batch_dock.isVisible():
        window.batch_dock.show()
        # A results list, not a second workspace: the views keep most of the height.
        window.resizeDocks([window.batch_dock], [60 + 28 * min(count, 6)], Qt.Orientation.Vertical)
    window.update_actions()


def build_actions(window: MainWindow) -> None:
    window.toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"), window)
    window.toolbar.setObjectName("main_toolbar")
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    given = {"show_undo_history": window.editing.history_dock.toggleViewAction()}
    window.actions_by_id, window.menus = install_actions(window, given=given, toolbar=window.toolbar)
    for name in ("count", "batch"):  # the menu's tick follows the dock, however it was shown or hidden
        dock, action = getattr(window, f"{name}_dock"), window.actions_by_id[f"show_{name}"]
        action.setChecked(not dock.isHidden())
        dock.visibilityChanged.connect(lambda _visible, dock=dock, action=action: action.setChecked(not dock.isHidden()))
    window.arrange_actions = {key: window.actions_by_id[f"arrange_{key}"] for key in ("auto", "side", "stacked")}
    window.recent_menu = window.menus["&File"].addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    window.menus["&File"].insertMenu(window.actions_by_id["export_annotated"], window.recent_menu)
    window.recent = RecentMenu(window.recent_menu, window.settings, window.exam.open_recent, window.actions_by_id["clear_recent"], window)
    window.toolbar.addSeparator()
    window.opacity_slider = GuardedSlider(Qt.Orientation.Horizontal)
    window.opacity_slider.setObjectName("opacity_slider")
    window.opacity_slider.setRange(0, 100)
    window.opacity_slider.setFixedWidth(110)
    window.opacity_slider.setAccessibleName(QCoreApplication.translate("MainWindow", "Overlay opacity"))
    window.opacity_slider.setToolTip(QCoreApplication.translate("MainWindow", "Opacity of the mask tint in the overlay view (Ctrl+[ and Ctrl+])"))
    label = QLabel(" " + QCoreApplication.translate("MainWindow", "Overlay") + " ")
    label.setBuddy(window.opacity_slider)
    window.toolbar.addWidget(label)
    window.toolbar.addWidget(window.opacity_slider)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, window.toolbar)
    window.editing.install(window.actions_by_id)
    window.calibration.install(window.actions_by_id, window.toolbar)
    window.finetune.install(window.menus)
    window.language_menu = install_language_menu(window)
    EscapeCancels(window.menuBar(), window.actions_by_id["cancel"])
    window.layout_controls = LayoutControls(
        window.settings, window.views, window.view_splitter, window.opacity_slider, window.arrange_actions, window.zoom_label,
    )


def observe_session(window: MainWindow) -> None:
    """The image session's observers: what the window shows follows it, whoever changed it."""
    session = window.image_session
    session.analysis_changed.connect(window.analysis_shown)  # the views' boxes, the count panel, the status bar
    # The image's batch row shows what the view shows, however it got there (a recount here or
    # in the worker, an export that finished a waiting recount, an edit).
    session.analysis_changed.connect(lambda analysis: analysis is not None and window.batch.update_row(
        window.batch.index_of(analysis.image.path), analysis))
    session.analysis_changed.connect(lambda _analysis: window.exam.take_main_window_result())  # a correction made from the exam
    session.image_changed.connect(window.editing.picture_changed)  # Undo acts on the image on screen only
    session.selection_changed.connect(lambda numbers, reveal: _selection_shown(window, numbers, reveal))
    window.count_panel.capillaries_selected.connect(lambda numbers: session.select(numbers, reveal=True))
    table = window.count_panel.table  # its right-click menu is the views' (the clinician's flags first)
    table.customContextMenuRequested.connect(lambda pos: window.editing.table_menu(table.viewport().mapToGlobal(pos)))


def _selection_shown(window: MainWindow, numbers: tuple[int, ...], reveal: bool) -> None:
    window.views.select_boxes(numbers, reveal)
    if set(window.count_panel.selected_capillaries()) != set(numbers):  # not the rows the user is selecting
        window.count_panel.select_capillaries(numbers)
    window.editing.update_actions()


def set_tab_order(window: MainWindow) -> None:
    # The count panel orders its own controls, up to its table; the window goes on from there.
    chain: list[QWidget] = [
        window.count_panel.table, window.original_view, window.mask_view, window.overlay_view, window.opacity_slider, window.batch_panel.table,
        window.batch_panel.export_button,
    ]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)

# Settings ----------------------------------------------------------------------------

def restore_settings(window: MainWindow) -> None:
    geometry = window.settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1280, 800)
    state = window.settings.window_state()
    if state is not None:
        window.restoreState(state)
    window.batch_dock.hide()  # shown again by the next batch
    saved = window.settings.param_values()
    window._params_loaded_from_settings = saved is not None
    if saved is not None:
        window.count_panel.set_params(saved, window.settings.um_per_px())
    else:
        window.count_panel.set_scale(window.settings.um_per_px())
    window.calibration.restore()  # the remembered microscope profile's scale


def save_settings(window: MainWindow) -> None:
    window.settings.set_window(window.saveGeometry(), window.saveState())
    window.settings.set_params(window.count_panel.params())
    window.settings.set_um_per_px(window.count_panel.scale_um_per_px())
    window.settings.set_opacity(window.layout_controls.opacity)
    window.settings.set_arrangement(window.layout_controls.arrangement)
    window.settings.sync()
