"""Open folder: the batch run, its rows, and keeping them true after a parameter change.

One truth: when the counting parameters change, every analysed image still in memory is
recounted at once (no inference, milliseconds each), so the list, the summary CSV and the
view show the same count. An image no longer in memory (a batch larger than
``BATCH_CACHE_PIXELS``) is marked "counted with other parameters"; exporting the summary
then offers to analyse those again first, and never writes their old numbers silently.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .panel import BatchPanel
from ..background.handles import FINAL, TaskLane
from ..settings import AppSettings
from ..background.tasks import BatchTask, TaskQueue

if TYPE_CHECKING:
    from ...core import Analysis, Analyzer, AnalysisResult, CountingParams

log = logging.getLogger("capseg_desktop.gui.batch")

#: Batch analyses kept in memory so that choosing a row, or a parameter change, needs no
#: new inference.
BATCH_CACHE_PIXELS = 200_000_000
#: A parameter change recounts the batch rows in slices of this many milliseconds.
RECOUNT_SLICE_MS = 40.0


@dataclass
class BatchRow:
    path: Path
    status: str = "waiting"  # waiting, running, ok, warning, failed, cancelled, stale
    summary: dict[str, Any] | None = None  # the summary CSV's row
    result: AnalysisResult | None = None  # small: no pixels
    message: str = ""


class BatchController(QObject):
    started = Signal(int)  # number of images
    finished = Signal(bool)  # cancelled
    failed = Signal(str)
    status = Signal(str)
    progress = Signal(float, str)

    def __init__(
        self,
        queue: TaskQueue,
        settings: AppSettings,
        panel: BatchPanel,
        parent_widget: QWidget,
        configure: Callable[[], tuple[Analyzer | None, CountingParams, float | None]],
    ) -> None:
        super().__init__(parent_widget)
        self.settings = settings
        self.panel = panel
        self.parent_widget = parent_widget
        self.configure = configure
        self.folder: Path | None = None
        self.rows: list[BatchRow] = []
        self.cache: OrderedDict[int, Analysis] = OrderedDict()
        self.lane = TaskLane(queue, "batch", self)
        self._target: tuple[CountingParams, float | None] | None = None
        self._pending: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._recount_slice)
        self.on_error: Callable[[str, str], None] = lambda title, message: None
        #: Replays an image's saved hand corrections on its count (set by the window's editing).
        self.corrected: Callable[[Analysis], Analysis] = lambda analysis: analysis

    def running(self) -> bool:
        return self.lane.busy()

    def confirm_quit(self) -> bool:
        """True when nothing is running, or the user agrees to stop the running batch."""
        if not self.running():
            return True
        done = sum(1 for row in self.rows if row.summary is not None)
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Stop the batch?"),
            self.tr("A batch is running (%1 of %2 images done). Quit and stop it? The images not yet analysed will not be counted.")
            .replace("%1", str(done)).replace("%2", str(len(self.rows))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Starting ----------------------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        folder = self.settings.folder("batch") or self.settings.folder("open") or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self.parent_widget, self.tr("Open folder"), folder)
        if chosen:
            self.open_folder(Path(chosen))

    def open_folder(self, folder: str | Path) -> None:
        from ...core import list_images

        folder = Path(folder)
        self.settings.set_folder("batch", folder)
        try:
            paths = list_images(folder)
        except OSError as error:
            log.warning("Listing %s failed: %r", folder, error)
            self.on_error(self.tr("Folder not opened"), self.tr('The folder "%1" could not be read.').replace("%1", str(folder)))
            return
        if not paths:
            self.on_error(self.tr("No images"), self.tr('The folder "%1" holds no PNG, JPEG, TIFF or BMP images.').replace("%1", str(folder)))
            return
        self.start(folder, paths)

    def start(self, folder: Path, paths: list[Path]) -> None:
        analyzer, _params, _scale = self.configure()
        if analyzer is None and not self.lane.queue.has("model"):  # a model loading is waited for
            self.on_error(self.tr("No model"), self.tr("Load a model first (Model > Load model…); then open the folder again."))
            return
        self.folder = folder
        self._pending, self._target = [], None
        self.rows = [BatchRow(path) for path in paths]
        self.cache.clear()
        self.panel.start(folder, paths)  # clears the previous batch's selection first
        self.started.emit(len(paths))
        self.status.emit(self.tr("Analysing %n images in %1…", "", len(paths)).replace("%1", str(folder)))
        self._run(list(range(len(paths))))

    def _run(self, indices: list[int]) -> None:
        task = BatchTask([self.rows[i].path for i in indices], self.configure, indices)
        self.lane.submit(task, [
            (task.item_started, self._item_started),
            (task.item_finished, self._item_finished),
            (task.progress, self.progress.emit),
            (task.finished, lambda: self._done(False), FINAL),
            (task.cancelled, lambda: self._done(True), FINAL),
            (task.failed, self._failed, FINAL),
        ], replaces=("analysis", "batch"))

    def rerun_stale(self) -> None:
        """Analyse again the images counted with other parameters (not in memory)."""
        stale = self.stale_indices()
        if stale:
            for index in stale:
                self.rows[index].status = "waiting"
                self.panel.show_row(index, self.rows[index])
            self.started.emit(len(stale))
            self._run(stale)

    def cancel(self) -> None:
        if self.lane.busy():
            self.status.emit(self.tr("Cancelling…"))
        self.lane.queue.cancel(("batch",))

    # Progress ----------------------------------------------------------------------------
    def _item_started(self, index: int) -> None:
        self.rows[index].status = "running"
        self.panel.show_row(index, self.rows[index])

    def _item_finished(self, index: int, analysis: Analysis | None, summary: dict) -> None:
        row = self.rows[index]
        row.summary = summary
        row.status = summary.get("status", "failed")
        row.message = summary.get("message", "") or ""
        row.result = analysis.result if analysis is not None else None
        if analysis is not None and self._target is not None and (analysis.result.params, analysis.result.um_per_px) != self._target:
            analysis = analysis.recount(*self._target)  # the parameters changed during the batch
            row.result, row.summary = analysis.result, {**summary, **analysis.result.summary_row(row.path.name)}
        if analysis is not None:
            corrected = self.corrected(analysis)  # the count as corrected by hand, if it was
            if corrected is not analysis:
                analysis, row.result = corrected, corrected.result
                row.summary = {**summary, **corrected.result.summary_row(row.path.name)}
            self._remember(index, analysis)
        self.panel.show_row(index, row)

    def _remember(self, index: int, analysis: Analysis) -> None:
        """Keep ``analysis`` in memory, the least recently used going first over the budget."""
        self.cache[index] = analysis
        self.cache.move_to_end(index)
        while sum(a.image.width * a.image.height for a in self.cache.values()) > BATCH_CACHE_PIXELS and len(self.cache) > 1:
            self.cache.popitem(last=False)

    def _done(self, cancelled: bool) -> None:
        if cancelled:
            for index, row in enumerate(self.rows):
                if row.status in ("waiting", "running"):
                    row.status = "cancelled"
                    self.panel.show_row(index, row)
        self.panel.show_summary(self.summary_text(cancelled))
        self.status.emit(self.summary_text(cancelled) + ".")
        self.finished.emit(cancelled)

    def _failed(self, message: str, _detail: str) -> None:
        self._done(True)
        self.on_error(self.tr("The batch stopped"), message)

    # One truth ---------------------------------------------------------------------------
    def recount(self, params: CountingParams, um_per_px: float | None, shown: int = -1) -> None:
        """Bring every analysed row to ``params``: recounted if in memory, else marked.
        Recounts run in slices of ``RECOUNT_SLICE_MS`` between events, so a batch of hundreds
        of strips never freezes the window; reading the rows (``flush``) finishes them. The
        row ``shown`` (the image on screen) is left to the view, which gives it its own count
        (``update_row``): a scale set for that image only is not the batch's."""
        self._target = (params, um_per_px)
        self._pending = [i for i, row in enumerate(self.rows) if row.result is not None and i != shown]
        self._recount_slice()

    def _recount_slice(self) -> None:
        import time

        if self._target is None:
            return
        params, um_per_px = self._target
        started, first = time.perf_counter(), True
        while self._pending and (first or (time.perf_counter() - started) * 1000.0 < RECOUNT_SLICE_MS):
            first = False  # one row at least per slice
            index = self._pending.pop(0)
            row = self.rows[index]
            if row.result is None or (row.result.params == params and row.result.um_per_px == um_per_px):
                continue
            analysis = self.cache.get(index)
            if analysis is not None:
                self.update_row(index, self.corrected(analysis.recount(params, um_per_px)))
            elif row.status in ("ok", "warning", "stale"):
                row.status = "stale"
                self.panel.show_row(index, row)
        if self._pending:
            self._timer.start()
        elif self.rows and not self.running():
            self.panel.show_summary(self.summary_text())

    def flush(self) -> None:
        """Finish a recount still running in slices (before the rows are read or exported)."""
        while self._pending:
            self._recount_slice()

    def update_row(self, index: int, analysis: Analysis) -> None:
        """The row's image was counted (again), here or in the view: the row shows it."""
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        row.result = analysis.result
        row.summary = analysis.result.summary_row(row.path.name)
        warnings = tuple(getattr(analysis.result, "warnings", ()) or ())
        row.status, row.message = ("warning", " ".join(warnings)) if warnings else ("ok", "")
        self._remember(index, analysis)
        self.panel.show_row(index, row)
        if not self._pending and not self.running():  # an edit or a recount of the shown image: the total follows
            self.panel.show_summary(self.summary_text())

    def index_of(self, path: Path | None) -> int:
        return next((i for i, row in enumerate(self.rows) if row.path == path), -1)

    def stale_indices(self) -> list[int]:
        self.flush()
        return [i for i, row in enumerate(self.rows) if row.status == "stale"]

    def analysis_for(self, index: int, params: CountingParams, um_per_px: float | None) -> Analysis | None:
        analysis = self.cache.get(index)
        if analysis is None:
            return None
        if analysis.result.params != params or analysis.result.um_per_px != um_per_px:
            analysis = self.corrected(analysis.recount(params, um_per_px))  # its row follows when it is shown
        return analysis

    # Summary -----------------------------------------------------------------------------
    def summary_text(self, cancelled: bool = False) -> str:
        counted = [r for r in self.rows if r.status in ("ok", "warning", "stale")]
        failed = sum(1 for r in self.rows if r.status == "failed")
        total = sum(r.result.count for r in counted if r.result is not None)
        # Clauses, each whole, listed with commas.
        parts = [self.tr("%1 of %2 images counted, %n capillaries", "", total).replace("%1", str(len(counted))).replace("%2", str(len(self.rows)))]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        stale = len(self.stale_indices())
        if stale:
            parts.append(self.tr("%n counted with other parameters", "", stale))
        text = ", ".join(parts)
        return self.tr("%1 (cancelled)").replace("%1", text) if cancelled else text

    def has_rows(self) -> bool:
        return any(row.summary is not None for row in self.rows)

    def summary_csv(self) -> str:
        """The summary as the command line writes it: ``core.batch.summary_csv``, one schema."""
        self.flush()
        from types import SimpleNamespace

        from ...core.batch import summary_csv

        items = [
            SimpleNamespace(
                path=row.path, status=row.status, message=row.message,
                # The result is all the summary reads: the pixels may be gone from memory.
                analysis=SimpleNamespace(result=row.result) if row.result is not None else None,
            )
            for row in self.rows
            if row.summary is not None
        ]
        return summary_csv(items)
