"""The follow-up visit in the exam window: "Compare with an earlier exam…" picks an exam file of
the same patient, counts its images in the window's queue (as the exam's own, at that exam's
scale), shows the comparison (``core.followup``) as text, and the next report export includes
it. The comparison is made again from the open exam's figures at each export, so that
corrections made meanwhile count.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.exam import EXAM_SUFFIX, Exam, ExamError, exam_calibration, load_exam, summarise_exam
from ...core.followup import Comparison, FollowUpError, check_same_patient, compare_exams, comparison_lines
from ..background.handles import FINAL, TaskLane

if TYPE_CHECKING:
    from .controller import ExamController

log = logging.getLogger("capseg_desktop.gui.exam")


class ExamFollowUp(QObject):
    """The earlier exam compared with the controller's open one."""

    ready = Signal()  # the earlier exam is counted: ``comparison()`` holds

    def __init__(self, controller: ExamController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.lane = TaskLane(controller.window.queue, "exam-compare", self)
        self.earlier: Exam | None = None
        self.then_summary: Any = None
        self.then_thumbnails: dict[Path, Any] = {}
        self._results: dict[Path, Any] = {}
        self._failures: dict[Path, str] = {}

    def clear(self) -> None:
        if self.lane.busy():
            self.lane.cancel()
        self.earlier, self.then_summary = None, None
        self.then_thumbnails, self._results, self._failures = {}, {}, {}

    def comparison(self) -> Comparison | None:
        """The open exam compared with the earlier one (``None`` before one is counted)."""
        c = self.controller
        if self.then_summary is None or c.exam is None:
            return None
        return compare_exams(self.then_summary, c.summary(), force=True)  # the user agreed to a different pseudonym

    def choose(self) -> None:
        c = self.controller
        if c.exam is None:
            return
        folder = c.window.settings.folder("exam") or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(c.view or c.window, self.tr("Compare with an earlier exam"), folder,
                                              self.tr("CapSeg exams (*%1)").replace("%1", EXAM_SUFFIX))
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> bool:
        """Count the exam at ``path`` to compare with; ``False`` when it cannot be (said in a dialog)."""
        c = self.controller
        parent = c.view or c.window
        title = self.tr("Compare with an earlier exam")
        try:
            earlier = load_exam(path)
        except ExamError as exc:
            QMessageBox.warning(parent, title, str(exc))
            return False
        try:
            check_same_patient(earlier, c.exam)
        except FollowUpError as exc:
            answer = QMessageBox.question(parent, title, f"{exc}\n\n" + self.tr("Compare them anyway?"),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        from .tasks import ExamAnalysisTask

        self.clear()
        self.earlier = earlier
        paths = [earlier.path_of(image) for image in earlier.images if image.finger is not None and not image.excluded]
        task = ExamAnalysisTask(paths, c.window.configuration, exam_calibration(earlier), c.window.editing.saver.fallback_dir)
        self.lane.submit(task, [
            (task.item_finished, self._item_finished),
            (task.finished, self._finished, FINAL),
            (task.cancelled, self.clear, FINAL),
            (task.failed, self._failed, FINAL),
        ], replaces=())
        if c.view is not None:
            c.view.set_status(self.tr("Counting the images of the exam of %1…").replace("%1", earlier.date))
        return True

    def _item_finished(self, path: Path, result: Any, picture: Any, message: str) -> None:
        if result is None:
            self._failures[path] = message
        else:
            self._results[path] = result
            self.then_thumbnails[path] = picture

    def _failed(self, message: str, _detail: str) -> None:
        self.clear()
        c = self.controller
        QMessageBox.warning(c.view or c.window, self.tr("Compare with an earlier exam"), message)

    def _finished(self) -> None:
        if self.earlier is None:
            return
        self.then_summary = summarise_exam(self.earlier, self._results, self._failures)
        self.ready.emit()
        self.show()

    def text(self) -> str:
        found = self.comparison()
        return "\n".join(comparison_lines(found)) if found is not None else ""

    def show(self) -> None:
        c = self.controller
        box = QMessageBox(c.view or c.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Compare with an earlier exam"))
        box.setTextFormat(box.textFormat().PlainText)
        box.setText(self.text() + "\n\n" + self.tr("The next report exported includes this comparison."))
        box.exec()
