"""Work off the GUI thread: each task is a ``QObject`` moved to its own ``QThread``.

A model session is not safe to call from two threads at once, so ``TaskQueue`` runs one task
at a time, in order; a newer request of the same kind cancels the older one (opening another
image during an analysis cancels it and starts the new one when the old one has stopped).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from ..widgets.tables import english_one


if TYPE_CHECKING:
    from ...core import Analysis, Analyzer, CountingParams, ModelSession

# The engine is imported inside the tasks: importing this module stays light, so the window
# can appear before NumPy and OpenCV have loaded.

log = logging.getLogger("capseg_desktop.gui.tasks")


class Task(QObject):
    """One piece of background work. Subclasses implement ``execute`` and emit their own
    result signals; ``run`` turns errors into ``failed`` and a cancel into ``cancelled``."""

    kind = "task"
    progress = Signal(float, str)
    failed = Signal(str, str)  # plain sentence, technical detail
    cancelled = Signal()
    done = Signal()  # always last, whatever the outcome

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.thread_: QThread | None = None

    def cancel(self) -> None:
        """Safe from any thread: the task stops at its next check."""
        self._cancel.set()
        if self.thread_ is not None:
            self.thread_.requestInterruption()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def prepare(self) -> None:
        """Called on the GUI thread just before the task starts (read widgets here)."""

    def execute(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        from ...core import AnalysisCancelled, CapSegError

        try:
            if self.is_cancelled():
                raise AnalysisCancelled()
            self.execute()
        except AnalysisCancelled:
            self.cancelled.emit()
        except CapSegError as error:
            log.warning("%s failed: %s (%s)", type(self).__name__, error, error.detail)
            self.failed.emit(str(error), error.detail)
        except Exception as error:  # an unexpected bug: keep the app alive, log everything
            log.exception("%s failed unexpectedly", type(self).__name__)
            self.failed.emit(QCoreApplication.translate("Tasks", "An unexpected error stopped the work (%1).").replace("%1", str(error)), repr(error))
        finally:
            self.done.emit()


class ModelLoadTask(Task):
    kind = "model"
    loaded = Signal(object)  # ModelSession

    def __init__(self, path: str | Path, loader: Callable[[Path], ModelSession] | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.loader = loader

    def execute(self) -> None:
        started = time.perf_counter()
        session = (self.loader or load_model_for_gui)(self.path)
        log.info("Model %s loaded in %.0f ms", self.path, (time.perf_counter() - started) * 1000)
        self.loaded.emit(session)


def load_model_for_gui(path: Path) -> ModelSession:
    """``core.load_model`` leaving one processor core to the window: with every core in the
    inference, the GUI thread waited for the scheduler (60-230 ms stalls on two cores)."""
    import os

    from ...core import load_model

    cores = os.cpu_count() or 1
    return load_model(path, num_threads=max(1, min(4, cores - 1)))


def picture_key(analysis: Analysis) -> tuple[float, int, int]:
    """What the mask pictures depend on: the threshold and the minimum area (merging and
    splitting group pixels, they add or remove none), and for a result edited by hand that
    very result (the window holds the one shown while it compares keys)."""
    params = analysis.result.params
    return (params.threshold, params.min_area_px, id(analysis.counted) if getattr(analysis.result, "edit_log", ()) else 0)


def analysis_pictures(analysis: Analysis) -> tuple:
    """(key, mask view picture, overlay tint) of an analysis: only counted capillaries are
    white and tinted; components below the minimum area are dark grey in the mask view and
    untinted, so counted and rejected detections never look alike."""
    from ...core import render
    from ..widgets.qt_images import mask_pictures

    counted = analysis.counted_mask
    rejected = analysis.mask & ~counted
    return (picture_key(analysis), *mask_pictures(counted, render.OVERLAY_RGB, rejected))


def _emit_analysis(task: "AnalysisTask | RecountTask", analysis: Analysis) -> None:
    """Unless cancelled, make the mask pictures here in the worker and hand them over."""
    from ...core import AnalysisCancelled

    if task.is_cancelled():
        raise AnalysisCancelled()
    task.finished.emit(analysis, analysis_pictures(analysis))


class AnalysisTask(Task):
    """Read one image (shown as soon as it is read), then segment and count it."""

    kind = "analysis"
    image_read = Signal(object, object)  # LoadedImage, its QImage
    finished = Signal(object, object)  # Analysis, (picture key, mask QImage, tint QImage)

    def __init__(
        self,
        path: str | Path,
        configure: Callable[[], tuple[Analyzer | None, CountingParams | None, float | None]],
        max_pixels: int,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        # The model and the parameters are taken when the task starts, not when it is
        # queued: a model still loading at start-up is ready by then.
        self.configure = configure
        self.analyzer: Analyzer | None = None
        self.params: CountingParams | None = None
        self.um_per_px: float | None = None
        self.max_pixels = max_pixels

    def prepare(self) -> None:
        self.analyzer, self.params, self.um_per_px = self.configure()

    def execute(self) -> None:
        from ...core import read_image
        from ..widgets.qt_images import array_to_qimage

        started = time.perf_counter()
        image = read_image(self.path, max_pixels=self.max_pixels)
        read_ms = (time.perf_counter() - started) * 1000.0
        self.progress.emit(0.05, "Image read")
        self.image_read.emit(image, array_to_qimage(image.rgb))
        if self.analyzer is None:
            return  # no model yet: the picture is shown, the count waits for a model
        analysis = self.analyzer.analyze_image(
            image, self.params, self.um_per_px,
            progress=self.progress.emit, should_cancel=self.is_cancelled,
            extra_timings={"read": read_ms},
        )
        _emit_analysis(self, analysis)


class RecountTask(Task):
    """A recount of a large scan (seconds on 8000 x 8000 pixels), off the GUI thread."""

    kind = "recount"
    finished = Signal(object, object)  # Analysis, (picture key, mask QImage, tint QImage)

    def __init__(self, base: Analysis, params: CountingParams, um_per_px: float | None) -> None:
        super().__init__()
        self.base = base
        self.params = params
        self.um_per_px = um_per_px

    def execute(self) -> None:
        _emit_analysis(self, self.base.recount(self.params, self.um_per_px))


class BatchTask(Task):
    """Analyse a list of images through ``core.batch.run_batch``, the command line's own loop
    (a bad image is reported and the batch goes on); rows come back as the summary CSV's."""

    kind = "batch"
    item_started = Signal(int)
    item_finished = Signal(int, object, dict)  # index, Analysis or None, summary row
    finished = Signal()

    def __init__(
        self,
        paths: list[Path],
        configure: Callable[[], tuple[Analyzer | None, CountingParams | None, float | None]],
        indices: list[int] | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.indices = list(indices) if indices is not None else list(range(len(self.paths)))
        # Model and parameters are taken when the batch starts, not when it is queued: a
        # folder given on the command line waits for the start-up model this way.
        self.configure = configure
        self.analyzer: Analyzer | None = None  # carries the window's pixel budget
        self.params: CountingParams | None = None
        self.um_per_px: float | None = None

    def prepare(self) -> None:
        self.analyzer, self.params, self.um_per_px = self.configure()

    def execute(self) -> None:
        from ...core import AnalysisCancelled, ModelLoadError
        from ...core.batch import run_batch, summary_rows

        if self.analyzer is None:
            raise ModelLoadError(QCoreApplication.translate(
                "Tasks", "No model is loaded: load one (Model > Load model…), then open the folder again."))
        total = len(self.paths)

        def progress(done: int, _total: int, path: Path) -> None:
            if done < total:
                self.item_started.emit(self.indices[done])
                self.progress.emit(done / max(1, total), QCoreApplication.translate("Tasks", "Analysing %1 (%2 of %3)")
                                  .replace("%1", path.name).replace("%2", str(done + 1)).replace("%3", str(total)))

        items = run_batch(
            self.analyzer, self.paths, params=self.params, um_per_px=self.um_per_px,
            should_cancel=self.is_cancelled, progress=progress,
        )
        for done, item in enumerate(items):
            if item.status == "cancelled":
                raise AnalysisCancelled()  # this image and the rest: the batch's own outcome
            self.item_finished.emit(self.indices[done], item.analysis, summary_rows([item])[0])
        done_text = self.tr("%n images analysed", "", total)
        self.progress.emit(1.0, english_one(done_text, total, "%n images analysed", "1 image analysed"))
        self.finished.emit()


class TaskQueue(QObject):
    """Runs tasks one at a time, each in its own ``QThread``."""

    busy_changed = Signal()  # read is_busy() and running

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: deque[Task] = deque()
        self._running: Task | None = None
        self._threads: dict[QThread, Task] = {}
        self._closing = False

    @property
    def closing(self) -> bool:
        return self._closing

    @property
    def running(self) -> Task | None:
        return self._running

    def is_busy(self) -> bool:
        return self._running is not None or bool(self._pending)

    def has(self, kind: str) -> bool:
        tasks = list(self._pending) + ([self._running] if self._running else [])
        return any(task.kind == kind and not task.is_cancelled() for task in tasks)

    def submit(self, task: Task, replaces: tuple[str, ...] = ()) -> None:
        """Queue ``task``; running or queued tasks whose kind is in ``replaces`` are cancelled."""
        if self._closing:
            return
        self.cancel(replaces)
        self._pending.append(task)
        self._start_next()

    def cancel(self, kinds: tuple[str, ...] | None = None) -> None:
        """Cancel tasks of these kinds (all tasks when ``kinds`` is None)."""
        for task in list(self._pending):
            if kinds is None or task.kind in kinds:
                self._pending.remove(task)
                task.cancelled.emit()
                task.done.emit()
                task.deleteLater()
        if self._running is not None and (kinds is None or self._running.kind in kinds):
            self._running.cancel()

    def _start_next(self) -> None:
        if self._running is not None or not self._pending or self._closing:
            self.busy_changed.emit()
            return
        task = self._pending.popleft()
        thread = QThread()
        thread.setObjectName(f"capseg-{task.kind}")
        task.thread_ = thread
        task.moveToThread(thread)
        thread.started.connect(task.run)
        # Direct: quit is thread-safe, and must reach the thread even while the GUI thread
        # is blocked in shutdown()'s wait().
        task.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._thread_finished)
        self._threads[thread] = task
        self._running = task
        try:
            task.prepare()
        except Exception:
            log.exception("Preparing %s failed", type(task).__name__)
        self.busy_changed.emit()
        thread.start()

    @Slot()
    def _thread_finished(self) -> None:
        thread = self.sender()
        task = self._threads.pop(thread, None)  # type: ignore[arg-type]
        if task is not None:
            task.deleteLater()
        if isinstance(thread, QThread):
            thread.deleteLater()
        if task is self._running:
            self._running = None
        self._start_next()

    def shutdown(self) -> None:
        """Cancel everything and wait for the running thread to stop (window closing)."""
        self._closing = True
        self.cancel(None)
        for thread in list(self._threads):
            thread.requestInterruption()
            thread.quit()
            thread.wait()
        self._threads.clear()
        self._running = None
