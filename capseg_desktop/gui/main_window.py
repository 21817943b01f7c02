"""The main window: menus, toolbar, the three views, the count panel and the batch panel.

Behaviour lives in small methods (``open_image``, ``recount``, ``export_annotated`` ...) that
the menus call and the tests call directly; long work goes through ``TaskQueue``.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QStyle,
    QToolBar,
    QWidget,
)

from .. import __version__
from .batch_panel import BatchPanel
from .count_panel import CountPanel
from .icon import app_icon
from .logs import process_age_ms
from .settings import AppSettings
from .tasks import AnalysisTask, BatchTask, ModelLoadTask, RecountTask, TaskQueue
from .views import ImageView, ViewGroup, ViewPane

if TYPE_CHECKING:
    from ..core import Analysis, Analyzer, LoadedImage, ModelSession

# The engine (NumPy, OpenCV, the model runtime) is imported where it is first used, not at
# the top: it takes a noticeable part of a second to load, and the window is on screen first.

log = logging.getLogger("capseg_desktop.gui.window")

APP_NAME = "CapSeg Desktop"
STARTUP_DELAY_MS = 30
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.PNG *.JPG *.JPEG *.TIF *.TIFF *.BMP);;All files (*)"
MODEL_FILTER = "Models (*.tflite *.keras *.h5 *.hdf5);;All files (*)"
#: Above this many pixels a recount runs in the worker (seconds on an 8000 x 8000 scan);
#: below it, in place (milliseconds on a strip).
RECOUNT_IN_WORKER_PIXELS = 6_000_000
#: Batch analyses kept in memory so that choosing a row shows it without a new inference.
BATCH_CACHE_PIXELS = 200_000_000


class MainWindow(QMainWindow):
    # Outcomes, for the screenshot mode and the tests.
    model_ready = Signal(object)  # ModelSession
    model_failed = Signal(str)
    analysis_finished = Signal(object)  # Analysis (as shown: recounted with the panel's parameters)
    analysis_failed = Signal(str)
    analysis_cancelled = Signal()
    batch_finished = Signal()

    def __init__(
        self,
        settings: AppSettings | None = None,
        model_path: str | Path | None = None,
        autoload_model: bool = True,
        max_pixels: int | None = None,
        model_loader: Callable[[Path], ModelSession] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.model_path_override = Path(model_path) if model_path else None
        self.autoload_model = autoload_model
        self.max_pixels = max_pixels
        self.model_loader = model_loader
        self.queue = TaskQueue(self)
        self.session: ModelSession | None = None
        self.analyzer: Analyzer | None = None
        self.image_path: Path | None = None
        self.image: LoadedImage | None = None
        self.base_analysis: Analysis | None = None  # as inferred: holds the probability map
        self.analysis: Analysis | None = None  # as shown: recounted with the panel's values
        self.last_error = ""
        self.last_recount_ms = 0.0
        self._analysis_task: AnalysisTask | None = None
        self._recount_task: RecountTask | None = None
        self._model_task_startup = False  # the model being loaded is the start-up one
        self._batch_task: BatchTask | None = None
        self._batch_cache: OrderedDict[int, Analysis] = OrderedDict()
        self._original_pixmap: QPixmap | None = None
        self._shown_threshold: float | None = None
        self._closing = False
        self._started = False
        self._startup_done = False
        self._startup_paths: list[Path] = []
        self._params_loaded_from_settings = False

        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build_views()
        self._build_panels()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._set_tab_order()
        self._restore_settings()
        self._update_actions()

    # Construction ------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.original_view = ImageView("original_view")
        self.mask_view = ImageView("mask_view")
        self.overlay_view = ImageView("overlay_view")
        self.views = ViewGroup([self.original_view, self.mask_view, self.overlay_view])
        self.view_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.view_splitter.setObjectName("view_splitter")
        self.view_splitter.setChildrenCollapsible(False)
        for title, view in (("Original", self.original_view), ("Mask", self.mask_view), ("Overlay", self.overlay_view)):
            self.view_splitter.addWidget(ViewPane(title, view))
            view.box_clicked.connect(self._box_clicked)
        self.original_view.view_changed.connect(self._update_zoom_label)
        self.setCentralWidget(self.view_splitter)

    def _build_panels(self) -> None:
        self.count_panel = CountPanel()
        self.count_panel.params_changed.connect(self.recount)
        self.count_panel.reset_requested.connect(self.reset_params)
        self.count_panel.capillary_selected.connect(self._row_selected)
        self.count_dock = QDockWidget("Count", self)
        self.count_dock.setObjectName("count_dock")
        self.count_dock.setWidget(self.count_panel)
        self.count_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.count_dock.setMinimumWidth(270)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.count_dock)

        self.batch_panel = BatchPanel()
        self.batch_panel.image_chosen.connect(self.show_batch_item)
        self.batch_panel.cancel_requested.connect(self.cancel)
        self.batch_panel.export_requested.connect(self.export_summary)
        self.batch_dock = QDockWidget("Batch results", self)
        self.batch_dock.setObjectName("batch_dock")
        self.batch_dock.setWidget(self.batch_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.batch_dock)
        self.batch_dock.hide()

    def _action(
        self, text: str, slot: Callable[..., Any], shortcut: QKeySequence | str | None = None,
        tip: str = "", icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.open_action = self._action("&Open image…", self.open_image_dialog, QKeySequence.StandardKey.Open, "Open an image and count its capillaries", sp.SP_DialogOpenButton)
        self.open_folder_action = self._action("Open &folder…", self.open_folder_dialog, "Ctrl+Shift+O", "Analyse every image in a folder", sp.SP_DirOpenIcon)
        self.export_annotated_action = self._action("&Export annotated PNG…", self.export_annotated, "Ctrl+E", "Save the image with numbered boxes and a legend", sp.SP_DialogSaveButton)
        self.export_mask_action = self._action("Export &mask PNG…", self.export_mask, "Ctrl+Shift+E", "Save the mask as a black and white PNG")
        self.export_results_action = self._action("Export &results CSV/JSON…", self.export_results, "Ctrl+Shift+S", "Save the capillary table (CSV) or the full result (JSON)")
        self.export_summary_action = self._action("Export &batch summary CSV…", self.export_summary, "Ctrl+Shift+B", "Save one row per image of the batch")
        self.clear_recent_action = self._action("&Clear recent", self.clear_recent, "Alt+0", "Forget the recently opened images")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, "Quit CapSeg Desktop")
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])

        self.load_model_action = self._action("&Load model…", self.load_model_dialog, "Ctrl+M", "Open a .tflite, .keras or .h5 segmentation model", sp.SP_DriveHDIcon)
        self.model_info_action = self._action("Model &information", self.show_model_info, "Ctrl+I", "Show which model is loaded")
        self.reanalyse_action = self._action("&Analyse again", self.reanalyse, "F5", "Run the model on the current image again", sp.SP_BrowserReload)
        self.cancel_action = self._action("&Cancel", self.cancel, "Esc", "Stop the running analysis", sp.SP_BrowserStop)
        self.reset_params_action = self._action("&Reset parameters", self.reset_params, "Ctrl+R", "Use the model's recommended counting parameters")

        self.zoom_in_action = self._action("Zoom &in", lambda: self.views.zoom_by(1.25), QKeySequence.StandardKey.ZoomIn, "Zoom in")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("Zoom &out", lambda: self.views.zoom_by(0.8), QKeySequence.StandardKey.ZoomOut, "Zoom out")
        self.fit_action = self._action("&Fit to window", self.views.fit, "Ctrl+0", "Show the whole image")
        self.actual_size_action = self._action("&100 %", self.views.actual_size, "Ctrl+1", "One image pixel per screen pixel")
        self.more_opaque_action = self._action("Overlay more &opaque", lambda: self.set_opacity(self.opacity + 0.1), "Ctrl+]", "Stronger mask tint in the overlay")
        self.less_opaque_action = self._action("Overlay more &transparent", lambda: self.set_opacity(self.opacity - 0.1), "Ctrl+[", "Weaker mask tint in the overlay")
        self.show_batch_action = self.batch_dock.toggleViewAction()
        self.show_batch_action.setText("&Batch results panel")
        self.show_batch_action.setShortcut(QKeySequence("Ctrl+B"))
        self.show_count_action = self.count_dock.toggleViewAction()
        self.show_count_action.setText("&Count panel")
        self.show_count_action.setShortcut(QKeySequence("Ctrl+K"))
        self.arrange_group = QActionGroup(self)
        self.arrange_actions: dict[str, QAction] = {}
        for key, text, shortcut in (
            ("auto", "Arrange &automatically", "Ctrl+Alt+A"),
            ("side", "Views &side by side", "Ctrl+Alt+H"),
            ("stacked", "Views &stacked", "Ctrl+Alt+V"),
        ):
            action = self._action(text, lambda key=key: self.set_arrangement(key), shortcut, "How the three views are placed")
            action.setCheckable(True)
            self.arrange_group.addAction(action)
            self.arrange_actions[key] = action
        self.about_action = self._action("&About CapSeg Desktop", self.show_about, QKeySequence.StandardKey.HelpContents, "Version, model and model card")
        self.about_action.setShortcuts([QKeySequence("F1")])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_folder_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        for action in (self.export_annotated_action, self.export_mask_action, self.export_results_action, self.export_summary_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        analysis_menu = bar.addMenu("&Analysis")
        for action in (self.reanalyse_action, self.cancel_action, self.reset_params_action):
            analysis_menu.addAction(action)

        model_menu = bar.addMenu("&Model")
        model_menu.addAction(self.load_model_action)
        model_menu.addAction(self.model_info_action)

        view_menu = bar.addMenu("&View")
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        opacity_menu = view_menu.addMenu("Overlay o&pacity")
        opacity_menu.addAction(self.more_opaque_action)
        opacity_menu.addAction(self.less_opaque_action)
        view_menu.addSeparator()
        for action in self.arrange_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.show_count_action)
        view_menu.addAction(self.show_batch_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.open_action, self.open_folder_action, self.export_annotated_action, self.load_model_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.fit_action, self.actual_size_action, self.zoom_in_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        opacity_label = QLabel(" Overlay ")
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setObjectName("opacity_slider")
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setFixedWidth(110)
        self.opacity_slider.setAccessibleName("Overlay opacity")
        self.opacity_slider.setToolTip("Opacity of the mask tint in the overlay view (Ctrl+[ and Ctrl+])")
        self.opacity_slider.valueChanged.connect(lambda value: self.set_opacity(value / 100.0))
        opacity_label.setBuddy(self.opacity_slider)
        toolbar.addWidget(opacity_label)
        toolbar.addWidget(self.opacity_slider)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel("Starting…")
        self.status_label.setObjectName("status_label")
        self.status_label.setAccessibleName("Status")
        bar.addWidget(self.status_label, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setAccessibleName("Analysis progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the analysis")
        self.cancel_button.clicked.connect(self.cancel)
        self.zoom_label = QLabel("")
        self.zoom_label.setAccessibleName("Zoom")
        self.model_label = QLabel("No model")
        self.model_label.setObjectName("model_label")
        self.model_label.setAccessibleName("Model")
        for widget in (self.progress_bar, self.cancel_button, self.zoom_label, self.model_label):
            bar.addPermanentWidget(widget)
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.queue.busy_changed.connect(self._busy_changed)

    def _set_tab_order(self) -> None:
        panel = self.count_panel
        chain: list[QWidget] = [
            panel.threshold, panel.min_area, panel.merge_distance, panel.um_per_px,
            panel.reset_button, panel.table, self.original_view, self.mask_view, self.overlay_view,
            self.opacity_slider, self.batch_panel.table, self.batch_panel.cancel_button,
            self.batch_panel.export_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # Settings ----------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.batch_dock.hide()  # shown again by the next batch
        self.opacity = self.settings.opacity()
        self.opacity_slider.blockSignals(True)
        self.opacity_slider.setValue(int(round(self.opacity * 100)))
        self.opacity_slider.blockSignals(False)
        saved = self.settings.param_values()
        self._params_loaded_from_settings = saved is not None
        if saved is not None:
            self.count_panel.set_params(saved, self.settings.um_per_px())
        else:
            self.count_panel.set_scale(self.settings.um_per_px())
        self.arrangement = self.settings.arrangement()
        self.arrange_actions[self.arrangement].setChecked(True)

    def save_settings(self) -> None:
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.set_params(self.count_panel.params())
        self.settings.set_um_per_px(self.count_panel.scale_um_per_px())
        self.settings.set_opacity(self.opacity)
        self.settings.set_arrangement(self.arrangement)
        self.settings.sync()

    # Start-up ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            # After the first paint: the window is on screen before the engine and the
            # model load.
            QTimer.singleShot(STARTUP_DELAY_MS, self.start_up)

    def start_up(self) -> None:
        age_ms = process_age_ms()
        log.info("Main window shown%s", f" and painted {age_ms:.0f} ms after launch" if age_ms else "")
        from ..core import CountingParams

        if not self.count_panel.has_params():
            self.count_panel.set_params(CountingParams(), self.count_panel.scale_um_per_px())
        self._start_model()
        self._startup_done = True
        # Queued after the model, so the first analysis runs with it.
        paths, self._startup_paths = self._startup_paths, []
        if paths:
            self.open_paths(paths)

    def open_when_started(self, paths: list[Path]) -> None:
        """Open ``paths`` (command line) once the start-up has queued the model."""
        if self._startup_done:
            self.open_paths(paths)
        else:
            self._startup_paths.extend(paths)

    def _start_model(self) -> None:
        if not self.autoload_model:
            if self.session is None:
                self._set_status("No model loaded: choose Model > Load model… to count capillaries.")
            return
        path = self._startup_model_path()
        if path is None:
            self.model_label.setText("No model")
            self._set_status("No model found: choose Model > Load model… to count capillaries.")
            self.model_failed.emit("No model was found in the models folder; load one with Model > Load model… (or start with --model PATH).")
            return
        self.load_model(path, startup=True)

    def _startup_model_path(self) -> Path | None:
        if self.model_path_override is not None:
            return self.model_path_override
        remembered = self.settings.model_path()
        if remembered and Path(remembered).is_file():
            return Path(remembered)
        from ..core.paths import default_model_path

        return default_model_path()

    # Model -------------------------------------------------------------------------------
    def load_model_dialog(self) -> None:
        from ..core.paths import models_dir

        folder = self.settings.folder("model") or str(models_dir() if models_dir().is_dir() else Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Load model", folder, MODEL_FILTER)
        if path:
            self.settings.set_folder("model", Path(path).parent)
            self.load_model(Path(path))

    def load_model(self, path: str | Path, startup: bool = False) -> None:
        path = Path(path)
        task = ModelLoadTask(path, self.model_loader)  # None: tasks.load_model_for_gui
        task.loaded.connect(self._model_loaded)
        task.failed.connect(self._model_failed)
        self._model_task_startup = startup
        self.model_label.setText(f"Loading {path.name}…")
        self._set_status(f"Loading the model {path.name}…")
        self.queue.submit(task)

    @Slot(object)
    def _model_loaded(self, session: ModelSession) -> None:
        if self._closing:
            return
        startup = self._model_task_startup
        self.use_session(session, keep_params=startup and self._params_loaded_from_settings)
        self.settings.set_model_path(session.path)

    def use_session(self, session: ModelSession, keep_params: bool = False) -> None:
        """Make ``session`` the model; without ``keep_params`` the panel takes the model's
        recommended parameters."""
        from ..core import Analyzer

        self.session = session
        self.analyzer = Analyzer(session, max_pixels=self._pixel_budget())
        if not keep_params:
            self.count_panel.set_params(self.analyzer.default_params(), self.count_panel.scale_um_per_px())
        self.model_label.setText(f"Model: {session.name} ({session.runtime})")
        self.model_label.setToolTip(f"{session.path}\nsha256 {session.sha256}")
        self._set_status(f"Model {session.name} ready. Open an image (Ctrl+O) or drop one here.")
        self._update_actions()
        self.model_ready.emit(session)
        # The picture on screen is counted (again) with the new model.
        if self.image_path is not None and self._analysis_task is None:
            self.open_image(self.image_path, remember=False)

    @Slot(str, str)
    def _model_failed(self, message: str, detail: str) -> None:
        if self._closing:
            return
        self.model_label.setText(f"Model: {self.session.name}" if self.session else "No model")
        self._set_status("The model could not be loaded." + (" The previous model is still in use." if self.session else ""))
        self.model_failed.emit(message)
        self.show_error("Model not loaded", message)

    def show_model_info(self) -> None:
        if self.session is None:
            QMessageBox.information(self, "Model information", "No model is loaded. Choose Model > Load model… to open one.")
            return
        self._show_details("Model information", self._model_description(), self._card_text())

    def show_about(self) -> None:
        self._show_details(
            "About CapSeg Desktop",
            f"CapSeg Desktop {__version__}\n"
            "Counts blood capillaries in nailfold capillaroscopy images.\n\n"
            + self._model_description(),
            self._card_text(),
        )

    def _show_details(self, title: str, text: str, details: str) -> None:
        """A message with the full model card behind its "Show Details…" button."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.exec()

    def _card_text(self) -> str:
        card = self.session.card if self.session else None
        return json.dumps(card, indent=2, ensure_ascii=False) if card else ""

    def _model_description(self) -> str:
        session = self.session
        if session is None:
            return "No model loaded."
        from ..core import Analyzer

        params = (self.analyzer or Analyzer(session)).default_params()
        lines = [
            f"Model: {session.name} ({session.runtime})",
            f"File: {session.path}",
            f"sha256: {session.sha256}",
            f"Input: {session.input_channels} channel(s), sides padded to a multiple of {session.multiple}",
            f"Recommended counting: {params.describe()}",
        ]
        card = session.card
        if not card:
            lines.append("No model card lists this file.")
            return "\n".join(lines)
        lines.append("")
        lines.append(f"Model card: {card.get('name', '?')} version {card.get('version', '?')}")
        if isinstance(card.get("parameters"), int):
            lines.append(f"Weights: {card['parameters']:,}")
        metrics = card.get("metrics")
        if isinstance(metrics, dict):
            numbers = [f"{k.replace('_', ' ')} {v:g}" for k, v in metrics.items() if isinstance(v, (int, float))]
            if numbers:
                lines.append("Metrics: " + ", ".join(numbers))
        lines.append("The whole card is under Show Details.")
        return "\n".join(lines)

    # Opening images ----------------------------------------------------------------------
    def open_image_dialog(self) -> None:
        folder = self.settings.folder("open") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open image", folder, IMAGE_FILTER)
        if path:
            self.open_image(Path(path))

    def open_image(self, path: str | Path, remember: bool = True) -> None:
        """Read, show and analyse ``path`` in the background; an analysis already running is
        cancelled first (the new one starts when it has stopped)."""
        path = Path(path)
        if remember:
            self.settings.set_folder("open", path.parent)
            self.settings.add_recent_file(path)
            self._fill_recent_menu()
        task = AnalysisTask(
            path, lambda: (self.analyzer, self.count_panel.params(), self.count_panel.scale_um_per_px()),
            self._pixel_budget(),
        )
        task.image_read.connect(self._image_read)
        task.progress.connect(self._progress)
        task.finished.connect(self._analysis_done)
        task.failed.connect(self._analysis_failed)
        task.cancelled.connect(self._analysis_cancelled)
        self._analysis_task = task
        self._set_status(f"Opening {path.name}…")
        self.queue.submit(task, replaces=("analysis",))

    @Slot(object, object)
    def _image_read(self, image: LoadedImage, picture: QImage) -> None:
        if self._closing or self.sender() is not self._analysis_task:
            return
        self.show_image(image, picture)
        if self.analyzer is None:
            self._set_status(f"{image.path.name if image.path else 'Image'} shown; load a model (Model > Load model…) to count capillaries.")
            self.count_panel.show_result(None, "No model loaded: the count appears when a model is loaded.")
            self._analysis_task = None
        else:
            self._set_status(f"Analysing {image.path.name if image.path else 'the image'}…")
            self.count_panel.show_result(None, "Analysing…")

    def _pixel_budget(self) -> int:
        from ..core.imageio import DEFAULT_MAX_PIXELS

        return self.max_pixels or DEFAULT_MAX_PIXELS

    def show_image(self, image: LoadedImage, picture: QImage | None = None) -> None:
        """Show a new picture in all three views, with no result yet (``picture``: the
        image already converted by the worker)."""
        from .qt_images import array_to_qimage, to_pixmap

        self.image = image
        self.image_path = image.path
        self.base_analysis = None
        self.analysis = None
        self._shown_threshold = None
        self._original_pixmap = to_pixmap(picture if picture is not None else array_to_qimage(image.rgb))
        self.original_view.set_picture(self._original_pixmap)
        self.mask_view.set_placeholder(image.width, image.height)
        self.overlay_view.set_picture(self._original_pixmap)
        self.overlay_view.set_layer(None)
        self.views.set_boxes([])
        self.views.select_box(0)
        name = image.path.name if image.path else "image"
        self.setWindowTitle(f"{name} – {APP_NAME}")
        self._apply_arrangement()
        self.views.fit()
        self._update_actions()

    @Slot(object, object)
    def _analysis_done(self, analysis: Analysis, pictures: tuple) -> None:
        if self._closing or self.sender() is not self._analysis_task:
            return
        self._analysis_task = None
        self.show_analysis(analysis, pictures)
        timings = analysis.result.timings_ms
        self._set_status(
            f"{analysis.result.count} capillaries in {Path(analysis.result.source).name} "
            f"(model {timings.get('segment', 0):.0f} ms, count {timings.get('count', 0):.0f} ms)."
        )
        self.analysis_finished.emit(self.analysis)

    def show_analysis(self, analysis: Analysis, pictures: tuple | None = None) -> None:
        """Show an analysis (recounted at once if the panel's parameters have changed);
        ``pictures``: (threshold, mask QImage, tint QImage) made by the worker."""
        if self.image is not analysis.image:
            self.show_image(analysis.image)
        self.base_analysis = analysis
        params, scale = self.count_panel.params(), self.count_panel.scale_um_per_px()
        if analysis.result.params != params or analysis.result.um_per_px != scale:
            analysis = analysis.recount(params, scale)
        self._display(analysis, pictures)

    def _display(self, analysis: Analysis, pictures: tuple | None = None) -> None:
        from ..core import render
        from .qt_images import mask_pictures, to_pixmap

        self.analysis = analysis
        threshold = analysis.result.params.threshold
        if self._shown_threshold != threshold:
            if pictures is None or pictures[0] != threshold:
                pictures = (threshold, *mask_pictures(analysis.mask, render.OVERLAY_RGB))
            self.mask_view.set_picture(to_pixmap(pictures[1]))
            self.overlay_view.set_layer(to_pixmap(pictures[2]), self.opacity)
            self._shown_threshold = threshold
        selected = self.count_panel.selected_capillary()
        self.views.set_boxes([(c.id, c.bbox) for c in analysis.result.capillaries])
        self.count_panel.show_result(analysis.result)
        if selected and any(c.id == selected for c in analysis.result.capillaries):
            self.count_panel.select_capillary(selected)
            self.views.select_box(selected)
        else:
            self.views.select_box(0)
        self._update_actions()

    @Slot(str, str)
    def _analysis_failed(self, message: str, detail: str) -> None:
        if self._closing or self.sender() is not self._analysis_task:
            return
        self._analysis_task = None
        self.count_panel.show_result(self.analysis.result if self.analysis else None, "The analysis failed.")
        self._set_status(message)
        self.analysis_failed.emit(message)
        self.show_error("The image could not be analysed", message)

    @Slot()
    def _analysis_cancelled(self) -> None:
        if self._closing or self.sender() is not self._analysis_task:
            return
        self._analysis_task = None
        self.base_analysis = None
        self.analysis = None
        self.views.set_boxes([])
        if self.image is not None:
            self.mask_view.set_placeholder(self.image.width, self.image.height)
            self.overlay_view.set_layer(None)
            self._shown_threshold = None
        self.count_panel.show_result(None, "Analysis cancelled: press F5 to analyse again.")
        self._set_status("Analysis cancelled.")
        self._update_actions()
        self.analysis_cancelled.emit()

    def reanalyse(self) -> None:
        if self.image_path is not None:
            self.open_image(self.image_path, remember=False)

    def cancel(self) -> None:
        """Stop the running analysis or batch; what it had not finished leaves no result."""
        if self.queue.has("analysis") or self.queue.has("batch"):
            self._set_status("Cancelling…")
        self.queue.cancel(("analysis", "batch"))

    # Counting ----------------------------------------------------------------------------
    @Slot()
    def recount(self) -> None:
        """Count again from the kept probability map with the panel's values: no inference."""
        params, scale = self.count_panel.params(), self.count_panel.scale_um_per_px()
        self.settings.set_params(params)
        self.settings.set_um_per_px(scale)
        if self.base_analysis is None:
            return
        image = self.base_analysis.image
        if image.width * image.height > RECOUNT_IN_WORKER_PIXELS:
            task = RecountTask(self.base_analysis, params, scale)
            task.finished.connect(self._recount_done)
            self._recount_task = task
            self._set_status(f"Recounting with {params.describe()}…")
            self.queue.submit(task, replaces=("recount",))
            return
        started = time.perf_counter()
        self._display(self.base_analysis.recount(params, scale))
        self.last_recount_ms = (time.perf_counter() - started) * 1000.0
        log.info("Recount to %d capillaries in %.1f ms", self.analysis.result.count, self.last_recount_ms)
        self._set_status(f"{self.analysis.result.count} capillaries with {params.describe()} (recounted in {self.last_recount_ms:.0f} ms).")

    @Slot(object, object)
    def _recount_done(self, analysis: Analysis, pictures: tuple) -> None:
        if self._closing or self.sender() is not self._recount_task:
            return
        self._recount_task = None
        if self.base_analysis is None or analysis.image is not self.base_analysis.image:
            return  # another image was opened meanwhile
        self._display(analysis, pictures)
        self._set_status(f"{analysis.result.count} capillaries with {analysis.result.params.describe()}.")

    def reset_params(self) -> None:
        from ..core import CountingParams

        defaults = self.analyzer.default_params() if self.analyzer else CountingParams()
        self.count_panel.set_params(defaults, self.count_panel.scale_um_per_px())
        self.recount()

    # Selection ---------------------------------------------------------------------------
    @Slot(int)
    def _row_selected(self, number: int) -> None:
        self.views.select_box(number, reveal=True)

    @Slot(int)
    def _box_clicked(self, number: int) -> None:
        self.views.select_box(number)
        self.count_panel.select_capillary(number)

    # Opacity and arrangement -------------------------------------------------------------
    def set_opacity(self, value: float) -> None:
        self.opacity = min(1.0, max(0.0, round(value, 2)))
        self.overlay_view.set_layer_opacity(self.opacity)
        slider_value = int(round(self.opacity * 100))
        if self.opacity_slider.value() != slider_value:
            self.opacity_slider.blockSignals(True)
            self.opacity_slider.setValue(slider_value)
            self.opacity_slider.blockSignals(False)
        self.settings.set_opacity(self.opacity)

    def set_arrangement(self, key: str) -> None:
        self.arrangement = key
        self.arrange_actions[key].setChecked(True)
        self.settings.set_arrangement(key)
        self._apply_arrangement()

    def _apply_arrangement(self) -> None:
        """Side by side, stacked, or (automatic) whichever shows the image larger: a wide
        nailfold strip is three times larger stacked than side by side."""
        orientation = Qt.Orientation.Horizontal
        if self.arrangement == "stacked":
            orientation = Qt.Orientation.Vertical
        elif self.arrangement == "auto" and self._original_pixmap is not None:
            width = max(1, self.view_splitter.width())
            height = max(1, self.view_splitter.height() - 3 * 24)  # minus the titles
            image_w, image_h = self._original_pixmap.width(), self._original_pixmap.height()
            side = min(width / 3 / image_w, height / image_h)
            stacked = min(width / image_w, height / 3 / image_h)
            if stacked > side * 1.15:
                orientation = Qt.Orientation.Vertical
        if self.view_splitter.orientation() != orientation:
            self.view_splitter.setOrientation(orientation)
            self.view_splitter.setSizes([1, 1, 1])
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        if self.original_view.fit_mode:
            self.views.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.arrangement == "auto":
            self._apply_arrangement()

    def _update_zoom_label(self) -> None:
        if self.original_view.has_picture():
            self.zoom_label.setText(f"Zoom {self.original_view.scale_factor() * 100:.0f} %")

    # Batch -------------------------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        folder = self.settings.folder("batch") or self.settings.folder("open") or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Open folder", folder)
        if chosen:
            self.open_folder(Path(chosen))

    def open_folder(self, folder: str | Path) -> None:
        from ..core import list_images

        folder = Path(folder)
        self.settings.set_folder("batch", folder)
        try:
            paths = list_images(folder)
        except OSError as error:
            log.warning("Listing %s failed: %r", folder, error)
            self.show_error("Folder not opened", f'The folder "{folder}" could not be read.')
            return
        if not paths:
            self.show_error("No images", f'The folder "{folder}" holds no PNG, JPEG, TIFF or BMP images.')
            return
        self.start_batch(folder, paths)

    def start_batch(self, folder: Path, paths: list[Path]) -> None:
        if self.analyzer is None:
            self.show_error("No model", "Load a model first (Model > Load model…); then open the folder again.")
            return
        task = BatchTask(paths, self.analyzer, self.count_panel.params(), self.count_panel.scale_um_per_px())
        task.item_started.connect(self._batch_item_started)
        task.item_finished.connect(self._batch_item_finished)
        task.progress.connect(self._progress)
        task.finished.connect(self._batch_done)
        task.cancelled.connect(self._batch_cancelled)
        task.failed.connect(self._batch_failed)
        self._batch_task = task
        self._batch_cache.clear()
        self.batch_panel.start(folder, paths)
        if not self.batch_dock.isVisible():
            self.batch_dock.show()
            # A results list, not a second workspace: the views keep most of the height.
            rows = min(len(paths), 6)
            self.resizeDocks([self.batch_dock], [90 + 28 * rows], Qt.Orientation.Vertical)
        self._set_status(f"Analysing {len(paths)} images in {folder}…")
        self.queue.submit(task, replaces=("analysis", "batch"))

    @Slot(int)
    def _batch_item_started(self, index: int) -> None:
        if self.sender() is self._batch_task and not self._closing:
            self.batch_panel.mark_running(index)

    @Slot(int, object, dict)
    def _batch_item_finished(self, index: int, analysis: Analysis | None, summary: dict) -> None:
        if self.sender() is not self._batch_task or self._closing:
            return
        self.batch_panel.set_result(index, summary)
        if analysis is not None:
            self._batch_cache[index] = analysis
            while sum(a.image.width * a.image.height for a in self._batch_cache.values()) > BATCH_CACHE_PIXELS and len(self._batch_cache) > 1:
                self._batch_cache.popitem(last=False)

    @Slot()
    def _batch_done(self) -> None:
        if self.sender() is not self._batch_task or self._closing:
            return
        self._batch_task = None
        self.batch_panel.finish()
        self._set_status(self.batch_panel.summary_label.text() + ".")
        self._update_actions()
        self.batch_finished.emit()

    @Slot()
    def _batch_cancelled(self) -> None:
        if self.sender() is not self._batch_task or self._closing:
            return
        self._batch_task = None
        self.batch_panel.finish(cancelled=True)
        self._set_status("Batch cancelled; the images already analysed are kept.")
        self._update_actions()
        self.batch_finished.emit()

    @Slot(str, str)
    def _batch_failed(self, message: str, detail: str) -> None:
        if self.sender() is not self._batch_task or self._closing:
            return
        self._batch_task = None
        self.batch_panel.finish(cancelled=True)
        self._update_actions()
        self.show_error("The batch stopped", message)
        self.batch_finished.emit()

    def show_batch_item(self, index: int) -> None:
        if not 0 <= index < len(self.batch_panel.paths):
            return
        path = self.batch_panel.paths[index]
        summary = self.batch_panel.rows[index]
        cached = self._batch_cache.get(index)
        if cached is not None:
            self._analysis_task = None
            self.queue.cancel(("analysis",))
            self.show_analysis(cached)
            self._set_status(f"{self.analysis.result.count} capillaries in {path.name} (from the batch).")
            self.analysis_finished.emit(self.analysis)
        elif summary is not None and summary.get("status") != "ok":
            self._set_status(f"{path.name}: {summary.get('message', 'failed')}")
        else:
            self.open_image(path, remember=False)

    # Exports -----------------------------------------------------------------------------
    def _ask_save_path(self, title: str, suggested: str, file_filter: str) -> tuple[Path, bool] | None:
        """Ask where to save; returns the path and whether to overwrite, or None."""
        folder = self.settings.folder("export")
        if not folder or not Path(folder).is_dir():
            folder = str(self.image_path.parent) if self.image_path else str(Path.home())
        chosen, selected_filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / suggested), file_filter,
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, the same on every platform
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:  # take the extension of the type chosen in the dialog
            match = re.search(r"\*(\.\w+)", selected_filter or "")
            path = path.with_suffix(match.group(1) if match else Path(suggested).suffix)
        overwrite = False
        if path.exists():
            answer = QMessageBox.question(
                self, "Replace file?",
                f'"{path.name}" already exists in "{path.parent}". Do you want to replace it?',
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            overwrite = True
        return path, overwrite

    def _stem(self) -> str:
        return self.image_path.stem if self.image_path else "capseg"

    def _export(self, what: str, write: Callable[[Path, bool], Path], title: str, suggested: str, file_filter: str) -> Path | None:
        from ..core import ExportError

        if self.analysis is None:
            self.show_error("Nothing to export", "There is no result to export yet: open an image and wait for its count.")
            return None
        self.count_panel.flush()
        if self._recount_task is not None:
            # The file must hold the count on screen's parameters: finish that recount here.
            self.queue.cancel(("recount",))
            self._recount_task = None
            self._display(self.base_analysis.recount(self.count_panel.params(), self.count_panel.scale_um_per_px()))
        chosen = self._ask_save_path(title, suggested, file_filter)
        if chosen is None:
            return None
        path, overwrite = chosen
        try:
            written = write(path, overwrite)
        except ExportError as error:
            log.warning("Export of %s to %s failed: %s (%s)", what, path, error, error.detail)
            self.show_error("Not saved", str(error))
            return None
        except OSError as error:
            log.warning("Export of %s to %s failed: %r", what, path, error)
            self.show_error("Not saved", f'"{path.name}" could not be written to "{path.parent}".')
            return None
        self.settings.set_folder("export", written.parent)
        self._set_status(f"Saved {what} to {written}.")
        log.info("Saved %s to %s", what, written)
        return written

    # The writers read self.analysis when they run: _export first applies a parameter change
    # still waiting in the panel's recount timer.
    def export_annotated(self) -> Path | None:
        return self._export(
            "the annotated image", lambda p, o: self.analysis.write_annotated_png(p, overwrite=o),
            "Export annotated PNG", f"{self._stem()}_annotated.png", "PNG image (*.png)",
        )

    def export_mask(self) -> Path | None:
        return self._export(
            "the mask", lambda p, o: self.analysis.write_mask_png(p, overwrite=o),
            "Export mask PNG", f"{self._stem()}_mask.png", "PNG image (*.png)",
        )

    def export_results(self) -> Path | None:
        def write(path: Path, overwrite: bool) -> Path:
            if path.suffix.lower() == ".json":
                return self.analysis.write_json(path, overwrite=overwrite)
            return self.analysis.write_csv(path, overwrite=overwrite)

        return self._export(
            "the results", write, "Export results", f"{self._stem()}_capillaries.csv",
            "Capillary table (*.csv);;Full result (*.json)",
        )

    def export_summary(self) -> Path | None:
        from ..core import ExportError
        from ..core.atomic import write_text_atomic
        from ..core.result import summary_csv

        rows = self.batch_panel.summary_rows()
        if not rows:
            self.show_error("Nothing to export", "There is no batch result to export yet: open a folder first.")
            return None
        folder_name = Path(self.settings.folder("batch") or "batch").name or "batch"
        text = summary_csv(rows)
        chosen = self._ask_save_path("Export batch summary", f"{folder_name}_summary.csv", "CSV table (*.csv)")
        if chosen is None:
            return None
        path, overwrite = chosen
        try:
            written = write_text_atomic(path, text, overwrite=overwrite)
        except ExportError as error:
            log.warning("Summary export to %s failed: %s (%s)", path, error, error.detail)
            self.show_error("Not saved", str(error))
            return None
        self.settings.set_folder("export", written.parent)
        self._set_status(f"Saved the batch summary to {written}.")
        return written

    # Recent files ------------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for number, name in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            action.setToolTip(name)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, name=name: self.open_image(Path(name)))
        if not files:
            empty = self.recent_menu.addAction("No recent images")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)

    def clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()

    # Drag and drop -----------------------------------------------------------------------
    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    @staticmethod
    def _usable(path: Path) -> bool:
        from ..core.imageio import is_supported_image_path
        from ..core.model import MODEL_SUFFIXES

        return path.is_dir() or is_supported_image_path(path) or path.suffix.lower() in MODEL_SUFFIXES

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(self._usable(p) for p in self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [p for p in self._dropped_paths(event) if self._usable(p)]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_paths(paths)

    def open_paths(self, paths: list[Path]) -> None:
        """What a drop (or the command line) gives: a model, a folder, one or more images."""
        from ..core.imageio import is_supported_image_path
        from ..core.model import MODEL_SUFFIXES

        models = [p for p in paths if p.suffix.lower() in MODEL_SUFFIXES]
        folders = [p for p in paths if p.is_dir()]
        images = [p for p in paths if is_supported_image_path(p) and not p.is_dir()]
        if models:
            self.load_model(models[0])
        if folders:
            self.open_folder(folders[0])
        elif len(images) == 1:
            self.open_image(images[0])
        elif len(images) > 1:
            self.start_batch(images[0].parent, sorted(images, key=lambda p: p.name.lower()))

    # Feedback ----------------------------------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        """One plain sentence in a dialog; the details are already in the log."""
        self.last_error = message
        log.info("Error shown: %s: %s", title, message)
        QMessageBox.warning(self, title, message)

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)

    @Slot(float, str)
    def _progress(self, fraction: float, message: str) -> None:
        sender = self.sender()
        if self._closing or (sender is not self._analysis_task and sender is not self._batch_task):
            return
        if sender is self._analysis_task and message == "Image read":
            # One tile gives no steps to show: a busy bar until the count is there.
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(int(round(fraction * 100)))
        if sender is self._batch_task:
            self.batch_panel.set_progress(fraction)
            self._set_status(message)

    @Slot()
    def _busy_changed(self) -> None:
        running = self.queue.running
        working = running is not None and running.kind in ("analysis", "batch")
        self.progress_bar.setVisible(working)
        self.cancel_button.setVisible(working)
        if working:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(0)
        self._update_actions()

    def _update_actions(self) -> None:
        has_result = self.analysis is not None
        for action in (self.export_annotated_action, self.export_mask_action, self.export_results_action):
            action.setEnabled(has_result)
        self.export_summary_action.setEnabled(bool(self.batch_panel.summary_rows()))
        self.reanalyse_action.setEnabled(self.image_path is not None and self.analyzer is not None)
        self.cancel_action.setEnabled(self.queue.has("analysis") or self.queue.has("batch"))
        self.open_folder_action.setEnabled(True)
        self.model_info_action.setEnabled(True)

    # Closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        try:
            self.save_settings()
        except Exception:  # settings must never keep the window from closing
            log.exception("Saving the settings failed")
        self.queue.shutdown()
        log.info("Main window closed")
        event.accept()
