"""The analyses of an exam's images, in the window's ``TaskQueue`` (one task at a time, never
on the GUI thread). Each image is counted as ``capseg exam`` counts it
(``core.exam.analyze_exam_image``): with its saved hand corrections where they exist
(``core.batch.analyze_with_corrections``), measured at the exam's scale.
Only the small result and a thumbnail with the numbered boxes come back: no probability map
is kept for an exam of 8 fingers.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, Signal

from ..background.tasks import Task

if TYPE_CHECKING:
    import numpy as np

    from ...core import Analysis, Analyzer, CountingParams

log = logging.getLogger("capseg_desktop.gui.exam")

def thumbnail(analysis: Analysis) -> np.ndarray:
    """The report's picture of an image (``report.thumbnails``): numbered boxes, hand-edited
    ones green, flagged loops marked, small enough for a page."""
    from ...report.thumbnails import thumbnail_for

    return thumbnail_for(analysis)


class ExamAnalysisTask(Task):
    """Count ``paths`` one after another; each image's outcome as soon as it is known."""

    kind = "exam"
    item_started = Signal(object)  # Path
    item_finished = Signal(object, object, object, str)  # Path, AnalysisResult or None, RGB thumbnail or None, sentence
    finished = Signal()

    def __init__(
        self,
        paths: list[Path],
        configure: Callable[[], tuple[Analyzer | None, CountingParams | None, Any]],
        calibration: Any,
        fallback_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.configure = configure
        self.calibration = calibration  # core.exam.exam_calibration(exam): the exam's scale and its source
        self.fallback_dir = fallback_dir
        self.analyzer: Analyzer | None = None
        self.params: CountingParams | None = None

    def prepare(self) -> None:
        # Taken when the task starts: a model still loading when the exam was opened is ready by then.
        self.analyzer, self.params, _scale = self.configure()

    def execute(self) -> None:
        from ...core import AnalysisCancelled, ModelLoadError
        from ...core.batch import failed_item
        from ...core.exam import analyze_exam_image

        if self.analyzer is None:
            raise ModelLoadError(QCoreApplication.translate(
                "ExamAnalysisTask", "No model is loaded: load one (Model > Load model…); the exam's images are counted then."))
        total = len(self.paths)
        for done, path in enumerate(self.paths):
            if self.is_cancelled():
                raise AnalysisCancelled()
            self.item_started.emit(path)
            text = QCoreApplication.translate("ExamAnalysisTask", "Analysing %1 (%2 of %3)")
            self.progress.emit(done / max(1, total), text.replace("%1", path.name).replace("%2", str(done + 1)).replace("%3", str(total)))
            try:
                analysis = analyze_exam_image(
                    self.analyzer, path, self.calibration, params=self.params,
                    should_cancel=self.is_cancelled, corrections_dir=self.fallback_dir,
                )
                picture = thumbnail(analysis)
            except AnalysisCancelled:
                raise
            except Exception as exc:  # one bad image never stops the exam
                self.item_finished.emit(path, None, None, failed_item(path, exc).message)
                continue
            self.item_finished.emit(path, analysis.result, picture, " ".join(analysis.result.warnings))
        self.progress.emit(1.0, self.tr("%n images analysed", "", total))
        self.finished.emit()
