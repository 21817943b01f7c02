"""The main window: the three views, the count and batch docks, and the display of one
analysis. Commands are declared in ``actions``; the model, the batch and the exports have
controllers of their own; background work goes through ``TaskQueue`` and task handles.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractSpinBox, QMainWindow, QMessageBox

from . import build
from .actions import refresh_actions
from ..widgets.drops import DropFilter, open_dropped
from ..background.handles import FINAL, TaskLane
from ..icon import app_icon
from ..logs import process_age_ms
from .model_controller import apply_recommendation
from ..session import ImageSession
from ..settings import AppSettings
from ..widgets.file_filters import image_filter
from ..widgets.tables import locale_number
from ..background.tasks import AnalysisTask, RecountTask, TaskQueue, analysis_pictures, picture_key

if TYPE_CHECKING:
    from ...core import Analysis, CountingParams, LoadedImage, ModelSession

# The engine (NumPy, OpenCV, the model runtime) is imported where it is first used, not at
# the top: it takes a noticeable part of a second to load, and the window is on screen first.

log = logging.getLogger("capseg_desktop.gui.window")

APP_NAME = "CapSeg Desktop"
STARTUP_DELAY_MS = 30
#: Above this many pixels a recount runs in the worker (seconds on an 8000 x 8000 scan);
#: below it, in place (milliseconds on a strip).
RECOUNT_IN_WORKER_PIXELS = 6_000_000


class MainWindow(QMainWindow):
    # Outcomes, for the screenshot mode and the tests.
    model_ready = Signal(object)  # ModelSession
    model_failed = Signal(str)
    analysis_finished = Signal(object)  # Analysis (as shown: recounted with the panel's parameters)
    analysis_failed = Signal(str)
    analysis_cancelled = Signal()
    batch_finished = Signal()

    def __init__(
        self, settings: AppSettings | None = None, model_path: str | Path | None = None, autoload_model: bool = True,
        max_pixels: int | None = None, model_loader: Callable[[Path], ModelSession] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.autoload_model = autoload_model
        self.max_pixels = max_pixels
        self.queue = TaskQueue(self)
        self.analysis_lane = TaskLane(self.queue, "analysis", self)
        self.recount_lane = TaskLane(self.queue, "recount", self)
        #: What the window shows for the image on screen; the views, the count panel, the status
        #: bar, the batch list and the exam observe it (``build.observe_session``).
        self.image_session = ImageSession()
        self.last_error = ""
        self.last_recount_ms = 0.0
        self._original_pixmap: QPixmap | None = None
        self._shown_key: tuple | None = None  # what the mask pictures on screen were made for
        self._started = self._startup_done = self._params_loaded_from_settings = False
        self._startup_paths: list[Path] = []
        self._status_note = ""

        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.installEventFilter(DropFilter(self, self.open_paths))
        build.build_views(self)
        build.build_panels(self)
        build.build_status(self)
        build.build_controllers(self, model_loader, Path(model_path) if model_path else None)
        build.build_actions(self)
        build.observe_session(self)
        build.set_tab_order(self)
        build.restore_settings(self)
        self.update_actions()

    # The image session's state, read here by name ----------------------------------------
    @property
    def image(self) -> LoadedImage | None:
        return self.image_session.image

    @property
    def image_path(self) -> Path | None:
        return self.image_session.image_path

    @property
    def base_analysis(self) -> Analysis | None:
        """As inferred: holds the probability map."""
        return self.image_session.base_analysis

    @property
    def analysis(self) -> Analysis | None:
        """As shown: recounted with the panel's values, the corrections replayed."""
        return self.image_session.analysis

    # Start-up ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            # After the first paint: the window is on screen before the engine and the model load.
            QTimer.singleShot(STARTUP_DELAY_MS, self.start_up)

    def start_up(self) -> None:
        age_ms = process_age_ms()
        log.info("Main window shown%s", f" and painted {age_ms:.0f} ms after launch" if age_ms else "")
        from ...core import CountingParams

        if not self.count_panel.has_params():
            self.count_panel.set_params(CountingParams(), self.count_panel.scale_um_per_px())
        self.original_view.setFocus()  # never a spin box: an arrow key would change a count
        self.models.start(self.autoload_model)
        self._startup_done = True
        paths, self._startup_paths = self._startup_paths, []  # queued after the model
        if paths:
            self.open_paths(paths)

    def open_when_started(self, paths: list[Path]) -> None:
        """Open ``paths`` (command line) once the start-up has queued the model."""
        if self._startup_done:
            self.open_paths(paths)
        else:
            self._startup_paths.extend(paths)

    # Model -------------------------------------------------------------------------------
    @property
    def session(self) -> ModelSession | None:
        return self.models.session

    def _model_ready(self, session: ModelSession, previous: CountingParams | None, startup: bool) -> None:
        keep_saved = startup and self._params_loaded_from_settings
        message = apply_recommendation(self.count_panel, session, self.models.recommended(), previous, keep_saved)
        self.set_status(message + ("" if self.image_path else " " + self.tr("Open an image (Ctrl+O) or drop one here.")))
        self.update_actions()
        self.model_ready.emit(session)
        if self.image_path is not None and not self.analysis_lane.busy():
            self._status_note = message  # said again with the new count, not overwritten by it
            self.open_image(self.image_path, remember=False)  # counted (again) with this model

    def _model_failed(self, message: str, show: bool) -> None:
        self.model_failed.emit(message)
        if show:
            self.show_error(self.tr("Model not loaded"), message)

    # Opening images ----------------------------------------------------------------------
    def open_image_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.folder("open") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open image"), folder, image_filter())
        if path:
            self.open_image(Path(path))

    def configuration(self) -> tuple[Any, CountingParams, float | None]:
        return self.models.analyzer, self.count_panel.params(), self.count_panel.scale_um_per_px()

    def open_image(self, path: str | Path, remember: bool = True) -> None:
        """Read, show and analyse ``path`` in the background; an analysis already running is
        cancelled first. The image enters Open recent once it has been read."""
        path = self.calibration.opening(Path(path))  # a scale set for the previous image ends
        if remember:
            self.settings.set_folder("open", path.parent)
        task = AnalysisTask(path, self.configuration, self._pixel_budget())
        self.analysis_lane.submit(task, [
            (task.image_read, lambda image, picture: self._image_read(image, picture, remember)),
            (task.progress, lambda fraction, message: self.status.set_progress(None if message == "Image read" else fraction)),
            (task.finished, self._analysis_done, FINAL),
            (task.failed, self._analysis_failed, FINAL),
            (task.cancelled, self._analysis_cancelled, FINAL),
        ])
        self.set_status(self.tr("Opening %1…").replace("%1", path.name))
        if self.focusWidget() is None or isinstance(self.focusWidget(), QAbstractSpinBox):
            self.overlay_view.setFocus()  # an arrow key meant for the picture must not change a count

    def _image_read(self, image: LoadedImage, picture: QImage, remember: bool) -> None:
        if remember and image.path is not None:
            self.recent.add(image.path)
        self.show_image(image, picture)
        name = image.path.name if image.path else self.tr("the image")
        if self.models.analyzer is None:
            self.set_status(self.tr("%1 shown; load a model (Model > Load model…) to count capillaries.").replace("%1", name))
            self.count_panel.show_result(None, self.tr("No model loaded: the count appears when a model is loaded."))
            self.analysis_lane.forget()
        else:
            self.set_status(self.tr("Analysing %1…").replace("%1", name))
            self.count_panel.show_result(None, self.tr("Analysing…"))

    def _pixel_budget(self) -> int:
        from ...core.imageio import DEFAULT_MAX_PIXELS

        return self.max_pixels or DEFAULT_MAX_PIXELS

    def show_image(self, image: LoadedImage, picture: QImage | None = None) -> None:
        """Show a new picture in all three views, with no result yet."""
        from ..widgets.qt_images import array_to_qimage, to_pixmap

        self.image_session.open(image)
        self._shown_key = None
        self._original_pixmap = to_pixmap(picture if picture is not None else array_to_qimage(image.rgb))
        self.original_view.set_picture(self._original_pixmap)
        self.mask_view.set_placeholder(image.width, image.height)
        self.overlay_view.set_picture(self._original_pixmap)
        self.overlay_view.set_layer(None)
        self.views.set_boxes([])
        self.views.select_box(0)
        self.status.set_scale(None)
        shown = image.path.name if image.path else self.tr("image")
        self.setWindowTitle(f"{shown} – {APP_NAME}")
        self.layout_controls.refresh(image=self._original_pixmap.size().toTuple())
        self.views.fit()
        self.update_actions()

    def _analysis_done(self, analysis: Analysis, pictures: tuple) -> None:
        self.show_analysis(analysis, pictures)
        timings = analysis.result.timings_ms
        text = self.tr("%n capillaries in %1 (model %2 ms, count %3 ms).", "", self.analysis.result.count)
        text = (text.replace("%1", Path(analysis.result.source).name).replace("%2", locale_number(timings.get("segment", 0), 0))
                .replace("%3", locale_number(timings.get("count", 0), 0)))
        self.set_status(f"{text} {self._status_note}".strip())
        self._status_note = ""
        self.analysis_finished.emit(self.analysis)

    def show_analysis(self, analysis: Analysis, pictures: tuple | None = None) -> None:
        """Show an analysis, recounted at once if the panel's parameters differ from its own."""
        if self.image is not analysis.image:
            self.show_image(analysis.image)
        self.image_session.set_inferred(analysis)
        params, scale = self.count_panel.params(), self.count_panel.scale_um_per_px()
        if analysis.result.params != params or analysis.result.um_per_px != scale:
            analysis = analysis.recount(params, scale)
        self.display(analysis, pictures)

    def display(self, analysis: Analysis, pictures: tuple | None = None) -> None:
        """Show a recount of the image on screen: its corrections replayed, the scale's source
        recorded, and the session's observers told (``analysis_shown``, the batch row, the exam)."""
        from ..views.identity import follow_capillary
        from ..widgets.qt_images import to_pixmap

        analysis = self.calibration.applied(self.editing.corrected(analysis))  # hand corrections replayed, the scale's source recorded
        previous = self.analysis
        key = picture_key(analysis)
        if self._shown_key != key:
            if pictures is None or pictures[0] != key:
                pictures = analysis_pictures(analysis)
            self.mask_view.set_picture(to_pixmap(pictures[1]))
            self.overlay_view.set_layer(to_pixmap(pictures[2]), self.layout_controls.opacity)
            self._shown_key = key
        selected = self.views.leader().selected_box()
        if selected and previous is not None:
            selected = follow_capillary(previous, selected, analysis)  # the same loop, not the same number
        self.image_session.show(analysis, selection=(selected,))

    def analysis_shown(self, analysis: Analysis | None) -> None:
        """The session's analysis changed: the views' boxes, the count panel, the status bar."""
        if analysis is None:
            self.views.set_boxes([])
            self.views.select_box(0)
            self.status.set_scale(None)
            self.update_actions()
            return
        selection = self.image_session.selection
        self.views.set_boxes([(c.id, c.bbox) for c in analysis.result.capillaries])
        self.count_panel.show_result(analysis.result)
        self.count_panel.select_capillaries(selection)
        self.views.select_boxes(selection)
        self.status.set_scale(analysis.result.scale)
        self.update_actions()

    def _analysis_failed(self, message: str, _detail: str) -> None:
        self.count_panel.show_result(self.analysis.result if self.analysis else None, self.tr("The analysis failed."))
        self.set_status(message)
        self.analysis_failed.emit(message)
        self.show_error(self.tr("The image could not be analysed"), message)

    def _analysis_cancelled(self) -> None:
        self.image_session.drop_analysis()
        if self.image is not None:
            self.mask_view.set_placeholder(self.image.width, self.image.height)
            self.overlay_view.set_layer(None)
            self._shown_key = None
        self.count_panel.show_result(None, self.tr("Analysis cancelled: press F5 to analyse again."))
        self.set_status(self.tr("Analysis cancelled."))
        self.analysis_cancelled.emit()

    def reanalyse(self) -> None:
        if self.image_path is not None:
            self.open_image(self.image_path, remember=False)

    def cancel(self) -> None:
        """Stop the running analysis or batch (no result from it); else leave an edit tool (Esc)."""
        if self.queue.has("analysis") or self.queue.has("batch"):
            self.set_status(self.tr("Cancelling…"))
        elif self.editing.leave_tool():
            return
        self.queue.cancel(("analysis", "batch"))

    def current_analysis(self) -> Analysis | None:
        """The analysis on screen with any parameter change still waiting applied (exports)."""
        self.count_panel.flush()
        if self.recount_lane.busy() and self.base_analysis is not None:
            self.recount_lane.cancel()  # the file must hold the count for the parameters on screen
            self.display(self.base_analysis.recount(self.count_panel.params(), self.count_panel.scale_um_per_px()))
        return self.analysis

    # Counting ----------------------------------------------------------------------------
    def recount(self) -> None:
        """Count again from the kept probability map with the panel's values: no inference.
        The batch rows follow, so the list, the summary and the view agree."""
        if not self.editing.confirm_param_change():  # corrections made: keep, discard or cancel
            return
        params, scale = self.count_panel.params(), self.count_panel.scale_um_per_px()
        self.image_session.set_params(params, self.count_panel.changed())
        self.settings.set_params(params)
        self.settings.set_um_per_px(scale)
        shown = self.batch.index_of(self.image_path) if self.base_analysis is not None else -1
        self.batch.recount(params, self.calibration.scale_for_others(scale), shown)
        if self.base_analysis is None:
            return
        image = self.base_analysis.image
        if image.width * image.height > RECOUNT_IN_WORKER_PIXELS:
            task = RecountTask(self.base_analysis, params, scale)
            self.recount_lane.submit(task, [(task.finished, self._recount_done, FINAL)])
            self.set_status(self.tr("Recounting with %1…").replace("%1", params.describe()))
            return
        started = time.perf_counter()
        self.display(self.base_analysis.recount(params, scale))
        self.last_recount_ms = (time.perf_counter() - started) * 1000.0
        log.info("Recount to %d capillaries in %.1f ms", self.analysis.result.count, self.last_recount_ms)
        recounted = self.tr("%n capillaries (recounted in %1 ms).", "", self.analysis.result.count)
        self.set_status(recounted.replace("%1", locale_number(self.last_recount_ms, 0)))

    def _recount_done(self, analysis: Analysis, pictures: tuple) -> None:
        if self.base_analysis is None or analysis.image is not self.base_analysis.image:
            # Another image was opened meanwhile: this one's row, left out of the batch's
            # recount because it was on screen, still takes the new count.
            self.batch.update_row(self.batch.index_of(analysis.image.path), self.batch.corrected(analysis))
            return
        self.display(analysis, pictures)
        self.set_status(self.tr("%n capillaries.", "", analysis.result.count))

    def reset_params(self) -> None:
        from ...core.result import describe_changes, parameter_changes

        panel, recommended = self.count_panel, self.models.recommended()
        changes = parameter_changes(panel.params(), recommended)
        panel.set_params(recommended, panel.scale_um_per_px())
        self.recount()
        what = describe_changes(changes).split(": ", 1)[-1].rstrip(".")  # the changes, without "Changed by the user: "
        self.set_status(self.tr("Reset to the model's recommendation: %1; the scale is kept.").replace("%1", what) if changes else
                         self.tr("The parameters already are the model's recommendation."))

    # Selection, arrangement -----------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.layout_controls.refresh()

    # Batch -------------------------------------------------------------------------------
    def open_folder(self, folder: str | Path) -> None:
        self.batch.open_folder(folder)

    def _batch_started(self, _count: int) -> None:
        """A new batch: an image on screen that is not in it goes (its corrections are saved
        as they are made), so that the window never shows one folder's image beside another's
        list; no row is opened by itself."""
        if self.image_path is not None and self.batch.index_of(self.image_path) < 0:
            self.close_image(self.tr("Choose an image in the batch list to see it."))

    def close_image(self, message: str = "") -> None:
        """Empty the views and the panel (no image, no result)."""
        self.analysis_lane.cancel()
        self.recount_lane.cancel()
        self._shown_key = None
        self.image_session.close()  # its corrections and undo history go with it (the edit controller observes)
        for view in self.views.views:
            view.clear()
        self.count_panel.show_result(None, message)
        self.status.set_scale(None)
        self.setWindowTitle(APP_NAME)
        self.update_actions()

    def show_batch_item(self, index: int) -> None:
        if not 0 <= index < len(self.batch.rows):
            return
        row = self.batch.rows[index]
        cached = self.batch.analysis_for(index, self.count_panel.params(), self.count_panel.scale_um_per_px())
        if cached is not None:
            self.analysis_lane.cancel()
            self.show_analysis(cached)
            self.set_status(self.tr("%n capillaries in %1 (from the batch).", "", self.analysis.result.count).replace("%1", row.path.name))
            self.analysis_finished.emit(self.analysis)
        elif row.status == "failed":
            message = row.message or self.tr("failed")
            failed = f"{row.path.name}: {message}"
            self.close_image(failed)  # not the previous image and its count beside this row
            self.set_status(failed)
        elif row.status not in ("waiting", "running"):
            self.open_image(row.path, remember=False)

    # Drops and the command line --------------------------------------------------------
    def open_paths(self, paths: list[Path]) -> None:
        """What a drop (or the command line) gives: a model, a folder, one or more images."""
        open_dropped(self, paths)

    # Feedback ----------------------------------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        """One plain sentence in a dialog; the details are already in the log."""
        self.last_error = message
        log.info("Error shown: %s: %s", title, message)
        QMessageBox.warning(self, title, message)

    def set_status(self, text: str) -> None:
        self.status.set_text(text)

    def _busy_changed(self) -> None:
        running = self.queue.running
        self.status.set_working(running is not None and running.kind in ("analysis", "batch"))
        self.update_actions()

    def update_actions(self) -> None:
        """Every command's enabling, from the action table's conditions (``actions.refresh_actions``)."""
        refresh_actions(self, self.actions_by_id)
        self.editing.name_undo()

    # Closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.queue.closing and not (self.batch.confirm_quit() and self.exam.confirm_close()):
            event.ignore()
            return
        try:
            build.save_settings(self)
        except Exception:  # settings must never keep the window from closing
            log.exception("Saving the settings failed")
        self.queue.shutdown()
        self.editing.close()  # the last corrections are on disk before the window goes
        log.info("Main window closed")
        event.accept()
