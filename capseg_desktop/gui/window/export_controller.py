"""Exports: where to save, whether to replace, and what each file holds.

Every export records the counting parameters and which of them the user changed from the
model's recommendation: the result carries the recommendation (``core.result``), and core
writes the legend line, the PNG's text chunks and the JSON's keys, the same as the command
line's. The mask export holds only the counted capillaries.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..settings import AppSettings

if TYPE_CHECKING:
    from ...core import Analysis, CountingParams
    from ..batch.controller import BatchController

log = logging.getLogger("capseg_desktop.gui.export")
#: The status bar's sentence for each thing saved (``what`` stays English: the signal and the log).
SAVED = {
    "the annotated image": QT_TRANSLATE_NOOP("ExportController", "Saved the annotated image to %1."),
    "the mask of counted capillaries": QT_TRANSLATE_NOOP("ExportController", "Saved the mask of counted capillaries to %1."),
    "the results": QT_TRANSLATE_NOOP("ExportController", "Saved the results to %1."),
    "the batch summary": QT_TRANSLATE_NOOP("ExportController", "Saved the batch summary to %1."),
}

class ExportController(QObject):
    saved = Signal(str, object)  # what, Path

    def __init__(
        self,
        settings: AppSettings,
        parent_widget: QWidget,
        current: Callable[[], Analysis | None],
        recommended: Callable[[], CountingParams],
        batch: BatchController,
    ) -> None:
        super().__init__(parent_widget)
        self.settings = settings
        self.parent_widget = parent_widget
        self.current = current  # the analysis on screen, pending recounts applied
        self.recommended = recommended
        self.batch = batch
        self.on_error: Callable[[str, str], None] = lambda title, message: None
        self.on_status: Callable[[str], None] = lambda text: None

    # Where -------------------------------------------------------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str, source: Path | None,
                      parent: QWidget | None = None) -> tuple[Path, bool] | None:
        """Ask where to save; returns the path and whether to overwrite, or None. "No" to
        replacing a file goes back to the dialog at that name, to choose another. ``parent``:
        the window asking (the exam's, which otherwise fell behind the main window)."""
        parent = parent or self.parent_widget
        folder = self.settings.folder("export")
        if not folder or not Path(folder).is_dir():
            folder = str(source.parent) if source else str(Path.home())
        start = str(Path(folder) / suggested)
        refused: set[Path] = set()
        while True:
            chosen, selected_filter = QFileDialog.getSaveFileName(
                parent, title, start, file_filter,
                options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, the same on every platform
            )
            if not chosen:
                break
            path = Path(chosen)
            if not path.suffix:  # take the extension of the type chosen in the dialog
                match = re.search(r"\*(\.\w+)", selected_filter or "")
                path = path.with_suffix(match.group(1) if match else Path(suggested).suffix)
            if not path.exists():
                return path, False
            answer = QMessageBox.question(
                parent, self.tr("Replace file?"),
                self.tr('"%1" already exists in "%2". Do you want to replace it?').replace("%1", path.name).replace("%2", str(path.parent)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                return path, True
            if path in refused:  # the same file refused twice: the user means to stop
                break
            refused.add(path)
            start = str(path)
        self.on_status(self.tr("Export cancelled: nothing was written."))
        return None

    def _export(self, what: str, write: Callable[[Analysis, Path, bool], Path], title: str, suffix: str, file_filter: str) -> Path | None:
        analysis = self.current()
        if analysis is None:
            self.on_error(self.tr("Nothing to export"), self.tr("There is no result to export yet: open an image and wait for its count."))
            return None
        source = analysis.image.path
        stem = source.stem if source else "capseg"
        chosen = self.ask_save_path(title, f"{stem}{suffix}", file_filter, source)
        if chosen is None:
            return None
        return self._write(what, lambda path, overwrite: write(analysis, path, overwrite), *chosen)

    def _write(self, what: str, write: Callable[[Path, bool], Path], path: Path, overwrite: bool) -> Path | None:
        from ...core import ExportError

        try:
            written = write(path, overwrite)
        except ExportError as error:
            log.warning("Export of %s to %s failed: %s (%s)", what, path, error, error.detail)
            self.on_error(self.tr("Not saved"), str(error))
            return None
        except OSError as error:
            log.warning("Export of %s to %s failed: %r", what, path, error)
            message = self.tr('"%1" could not be written to "%2".').replace("%1", path.name).replace("%2", str(path.parent))
            self.on_error(self.tr("Not saved"), message)
            return None
        self.settings.set_folder("export", written.parent)
        self.on_status(self.tr(SAVED[what]).replace("%1", str(written)) if what in SAVED else f"Saved {what} to {written}.")
        log.info("Saved %s to %s", what, written)
        self.saved.emit(what, written)
        return written

    # What --------------------------------------------------------------------------------
    def recorded(self, analysis: Analysis) -> Analysis:
        """The analysis as exported: its result carries the model's recommendation (taken
        from the model controller when the analysis came without it)."""
        from dataclasses import replace

        if analysis.result.recommended_params is not None:
            return analysis
        # replace() keeps what the constructor would drop (the warnings' base, the model's count under edits)
        return replace(analysis, result=replace(analysis.result, recommended_params=self.recommended()))

    def annotated_rgb(self, analysis: Analysis) -> Any:
        return self.recorded(analysis).annotated_rgb()

    def export_annotated(self) -> Path | None:
        def write(analysis: Analysis, path: Path, overwrite: bool) -> Path:
            return self.recorded(analysis).write_annotated_png(path, overwrite=overwrite)

        return self._export("the annotated image", write, self.tr("Export annotated PNG"), "_annotated.png", self.tr("PNG image (*.png)"))

    def export_mask(self) -> Path | None:
        """Only the counted capillaries: what the count and the boxes are made of."""
        def write(analysis: Analysis, path: Path, overwrite: bool) -> Path:
            return self.recorded(analysis).write_mask_png(path, overwrite=overwrite)

        return self._export("the mask of counted capillaries", write, self.tr("Export mask PNG"), "_mask.png", self.tr("PNG image (*.png)"))

    def export_results(self) -> Path | None:
        def write(analysis: Analysis, path: Path, overwrite: bool) -> Path:
            analysis = self.recorded(analysis)
            if path.suffix.lower() == ".json":
                return analysis.write_json(path, overwrite=overwrite)
            return analysis.write_csv(path, overwrite=overwrite)

        return self._export(
            "the results", write, self.tr("Export results"), "_capillaries.csv",
            self.tr("Capillary table (*.csv);;Full result (*.json)"),
        )

    def export_summary(self) -> Path | None:
        from ...core.atomic import write_text_atomic

        if not self.batch.has_rows():
            self.on_error(self.tr("Nothing to export"), self.tr("There is no batch result to export yet: open a folder first."))
            return None
        stale = self.batch.stale_indices()
        if stale:
            answer = QMessageBox.question(
                self.parent_widget, self.tr("Analyse again?"),
                self.tr("%n of the images were counted with other parameters than those on screen and are no longer in memory. "
                        "Analyse them again with the current parameters? Export the summary when the batch has finished.", "", len(stale)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.batch.rerun_stale()
            return None
        folder_name = (self.batch.folder.name if self.batch.folder else "") or "batch"
        text = self.batch.summary_csv()
        chosen = self.ask_save_path(
            self.tr("Export batch summary"), f"{folder_name}_summary.csv", self.tr("CSV table (*.csv)"),
            self.batch.folder / "summary.csv" if self.batch.folder else None,
        )
        if chosen is None:
            return None
        return self._write("the batch summary", lambda path, overwrite: write_text_atomic(path, text, overwrite=overwrite), *chosen)
