"""The patient exam, seen from the window: File > New exam…, Open exam…, Save exam, Save exam
as…, Export report (PDF)…, Export exam CSV… and Compare with an earlier exam… (``exam.followup``)

The exam (who, when, which images on which finger, which are excluded and why) is held here;
``core.exam`` saves, loads, summarises and writes the CSV, ``report.pdf`` writes the report.
Every image is counted in the window's ``TaskQueue`` (``exam.tasks``), with its saved hand
corrections, and the figures follow each result as it comes; the window never waits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog

from . import files
from . import phrases as model
from ...core.exam import Exam, ExamImage
from .dialog import ExamDetailsDialog, details_of
from ..background.handles import FINAL, TaskLane
from ..widgets.file_filters import image_filter

if TYPE_CHECKING:
    from .window import ExamWindow
    from ..hosts import ExamHost

log = logging.getLogger("capseg_desktop.gui.exam")

#: After a change of the counting parameters, the exam is counted again once they have not
#: changed for this long (a spin box held down must not start an analysis per step).
PARAMS_SETTLE_MS = 1500


class ExamController(QObject):
    changed = Signal()  # the exam or its figures changed (tests, the window)
    analyses_done = Signal()  # no analysis of the exam is waiting or running

    def __init__(self, window: ExamHost) -> None:
        super().__init__(window)
        self.window = window
        self.exam: Exam | None = None
        self.path: Path | None = None  # the exam file, once saved or opened
        self.dirty = False
        self.results: dict[Path, Any] = {}  # AnalysisResult by image path (as exam.path_of gives it)
        self.thumbnails: dict[Path, Any] = {}
        self.failures: dict[Path, str] = {}
        self.icons: dict[Path, tuple[Any, Any]] = {}  # path -> (thumbnail, its QIcon)
        self.waiting: list[Path] = []
        self.running: list[Path] = []
        self._batch = 0  # images in the current run of analyses (for the progress bar)
        self.lane = TaskLane(window.queue, "exam", self)
        self.view: ExamWindow | None = None
        self._taken: dict[Path, Any] = {}  # the results taken from the main window, by image path
        # One truth: new counting parameters in the panel count the exam again (once the user stops changing them).
        self._params_timer = QTimer(self)
        self._params_timer.setSingleShot(True)
        self._params_timer.setInterval(PARAMS_SETTLE_MS)
        self._params_timer.timeout.connect(self._params_changed)
        window.image_session.params_changed.connect(lambda _params, _changed: self._params_timer.start())
        from .followup import ExamFollowUp

        self.followup = ExamFollowUp(self)  # an earlier exam compared with this one (Compare with an earlier exam…)

    # The exam ------------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.exam is not None

    def _image(self, path: Path) -> ExamImage | None:
        return self.exam.find(path) if self.exam is not None else None

    def paths(self, finger: str | None = None) -> list[Path]:
        if self.exam is None:
            return []
        images = self.exam.images if finger is None else self.exam.images_of(finger)
        return [self.exam.path_of(i) for i in images]

    def finger_of(self, path: Path) -> str | None:
        image = self._image(path)
        return image.finger if image else None

    def is_excluded(self, path: Path) -> bool:
        image = self._image(path)
        return bool(image and image.excluded)

    def _touch(self) -> None:
        self.dirty = True
        self.refresh()

    def new_exam(self) -> None:
        if not self.confirm_close():
            return
        in_use = self.window.calibration.profile
        dialog = ExamDetailsDialog(self.window, microscope=in_use.name if in_use is not None else None)
        if dialog.exec() != ExamDetailsDialog.DialogCode.Accepted:
            return
        details = dialog.details()
        self.start(Exam(details.patient_id, details.date, details.operator, details.profile, details.um_per_px))

    def start(self, exam: Exam, path: Path | None = None) -> None:
        """Make ``exam`` the open one, shown in its window, and count its images."""
        self._forget()
        self.exam, self.path = exam, path
        self.dirty = path is None
        self.show_window()
        self.analyse(self.paths())
        self.refresh()

    def edit_details(self) -> None:
        if self.exam is None:
            return
        dialog = ExamDetailsDialog(self.view or self.window, details_of(self.exam))
        if dialog.exec() != ExamDetailsDialog.DialogCode.Accepted:
            return
        new, exam = dialog.details(), self.exam
        rescale = new.um_per_px != exam.um_per_px
        exam.patient_id, exam.date, exam.operator, exam.profile, exam.um_per_px = new.patient_id, new.date, new.operator, new.profile, new.um_per_px
        self._touch()
        if rescale:
            self.analyse_all()  # densities, dilated and giant depend on the scale

    def show_window(self) -> None:
        from .window import ExamWindow

        from ..widgets.screen import keep_on_screen

        if self.view is None:
            self.view = ExamWindow(self, self.window)
            keep_on_screen(self.view, near=self.window)
        self.view.show()
        keep_on_screen(self.view)  # now with its real frame
        self.view.raise_()
        self.view.activateWindow()

    # Images ----------------------------------------------------------------------------------
    def add_images_dialog(self) -> None:
        folder = self.window.settings.folder("exam_images") or self.window.settings.folder("open") or str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(self.view or self.window, self.tr("Add images to the exam"), folder,
                                                image_filter())
        if names:
            self.window.settings.set_folder("exam_images", Path(names[0]).parent)
            self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: list[Path], finger: str | None = None) -> None:
        """Put ``paths`` on ``finger``, or on the finger their names say (L2A.png), or ask. An
        image already in the exam moves to ``finger``."""
        if self.exam is None:
            return
        added: list[Path] = []
        for path in paths:
            path = Path(path).absolute()
            known = self._image(path)
            if known is not None:
                if finger and finger != known.finger:
                    known.finger = finger
                continue
            chosen = finger or model.finger_from_name(path.name) or self._ask_finger(path)
            if chosen is None:
                continue
            added.append(self.exam.path_of(self.exam.add_image(path, chosen)))
        self._touch()
        self.analyse(added)

    def _ask_finger(self, path: Path) -> str | None:
        from .fingers import finger_title

        titles = [finger_title(f) for f in model.FINGERS]
        chosen, ok = QInputDialog.getItem(
            self.view or self.window, self.tr("Which finger?"),
            self.tr("The name of \"%1\" does not say which finger it shows (as L2A.png or R5B.jpg would). Finger:").replace("%1", path.name),
            titles, 0, False,
        )
        return model.FINGERS[titles.index(chosen)] if ok and chosen in titles else None

    def move(self, path: Path, finger: str) -> None:
        image = self._image(path)
        if image is not None and image.finger != finger:
            image.finger = finger
            self._touch()

    def exclude_dialog(self, path: Path) -> None:
        reason, ok = QInputDialog.getText(
            self.view or self.window, self.tr("Exclude the image"),
            self.tr("Why is \"%1\" left out of the figures (e.g. blurred, not the distal row)?").replace("%1", path.name),
        )
        if ok and reason.strip():
            self.exclude(path, reason.strip())

    def exclude(self, path: Path, reason: str) -> None:
        image = self._image(path)
        if image is not None and self.exam is not None:
            self.exam.set_excluded(image, reason)
            self._touch()

    def include(self, path: Path) -> None:
        image = self._image(path)
        if image is not None and self.exam is not None and image.excluded:
            self.exam.set_excluded(image, None)
            self._touch()

    def remove(self, path: Path) -> None:
        image = self._image(path)
        if image is not None and self.exam is not None:
            key = self.exam.path_of(image)
            self.exam.remove_image(image)
            for store in (self.results, self.thumbnails, self.failures):
                store.pop(key, None)
            self._touch()

    def show_in_main(self, path: Path) -> None:
        """See the image in the main views (its corrections restored there, editable)."""
        self.window.open_image(path, remember=False)
        self.window.raise_()
        self.window.activateWindow()

    def take_main_window_result(self) -> None:
        """The main window's result for an exam image (corrected there, perhaps) replaces ours."""
        analysis, path = self.window.analysis, self.window.image_path
        image = self._image(path) if path is not None else None
        if analysis is None or image is None or self.exam is None or self.busy():
            return
        key = self.exam.path_of(image)
        if analysis.result.params != self.window.count_panel.params() or self._taken.get(key) is analysis.result:
            return  # counted with other parameters, or already taken
        # The same count (the corrections too), measured as the exam measures: at its scale,
        # over the whole image, as ``core.exam.analyze_exam_image`` does.
        exam_analysis = analysis.with_calibration(model.exam_calibration(self.exam)).with_density_window(None)
        from .tasks import thumbnail

        self._taken[key] = analysis.result
        self.results[key] = exam_analysis.result
        self.thumbnails[key] = thumbnail(exam_analysis)
        self.failures.pop(key, None)
        self.refresh()

    # Analyses --------------------------------------------------------------------------------
    def analyse_all(self) -> None:
        self.cancel_analyses()
        self.results.clear()
        self.thumbnails.clear()
        self.failures.clear()
        self.analyse(self.paths())

    def _params_changed(self) -> None:
        params = self.window.count_panel.params()
        if self.exam is not None and (self.busy() or any(r.params != params for r in self.results.values())):
            self.analyse_all()
            if self.view is not None:
                self.view.set_status(self.tr("The counting parameters changed: the exam's images are counted again."))

    def analyse(self, paths: list[Path]) -> None:
        """Count ``paths`` after whatever is running (in the window's queue, one task at a time)."""
        new = [p for p in dict.fromkeys(paths) if p not in self.waiting and p not in self.running]
        self.waiting.extend(new)
        self._batch += len(new)
        if not self.running:
            self._next()
        self.refresh()

    def _next(self) -> None:
        """Start the next waiting image: one task per image, so that an image opened in the main
        window meanwhile is analysed after the current one, not after the whole exam."""
        if not self.waiting or self.exam is None:
            self.running, self.waiting, self._batch = [], [], 0
            if self.view is not None:
                self.view.set_working(False)
            self.refresh()
            self.analyses_done.emit()
            return
        from .tasks import ExamAnalysisTask

        self.running, self.waiting = self.waiting[:1], self.waiting[1:]
        self._batch = max(self._batch, len(self.running) + len(self.waiting))
        done = self._batch - len(self.running) - len(self.waiting)
        calibration = model.exam_calibration(self.exam)
        task = ExamAnalysisTask(self.running, self.window.configuration, calibration, self.window.editing.saver.fallback_dir)
        self.lane.submit(task, [
            (task.item_finished, self._item_finished),
            (task.finished, self._next, FINAL),
            (task.cancelled, self._cancelled, FINAL),
            (task.failed, self._failed, FINAL),
        ], replaces=())
        if self.view is not None:
            self.view.set_working(True, done / max(1, self._batch))
            self.view.set_status(self.tr("Analysing %1 (%2 of %3)…").replace("%1", self.running[0].name)
                                 .replace("%2", str(done + 1)).replace("%3", str(self._batch)))

    def _item_finished(self, path: Path, result: Any, picture: Any, message: str) -> None:
        if self._image(path) is None:
            return  # removed meanwhile
        if result is not None and result.params != self.window.count_panel.params():
            # Counted with parameters changed meanwhile: counted again, so that the exam never mixes them.
            self.results.pop(path, None)
            if path not in self.waiting:
                self.waiting.append(path)
                self._batch += 1
            return
        if result is None:
            self.failures[path] = message
            self.results.pop(path, None)
        else:
            self.failures.pop(path, None)
            self.results[path] = result
            self.thumbnails[path] = picture
        self.refresh()

    def _cancelled(self) -> None:
        self.running, self.waiting, self._batch = [], [], 0
        if self.view is not None:
            self.view.set_working(False)
        self.refresh()
        if self.view is not None:
            self.view.set_status(self.tr("Analyses stopped: Analyse again (F5) counts the images left."))
        self.analyses_done.emit()

    def _failed(self, message: str, _detail: str) -> None:
        self._cancelled()
        if self.view is not None:
            self.view.set_status(message)

    def cancel_analyses(self) -> None:
        self.waiting = []
        if self.lane.busy():
            self.lane.cancel()
            self._cancelled()

    def busy(self) -> bool:
        return bool(self.running or self.waiting)

    # Figures ---------------------------------------------------------------------------------
    def summary(self) -> Any:
        return model.summarise_exam(self.exam, self.results, self.failures)

    def refresh(self) -> None:
        """Show the exam as it stands: the header, every finger's images and figures, the table, the summary."""
        self.changed.emit()
        view, exam = self.view, self.exam
        if view is None or exam is None:
            return
        self.show_title()
        view.header.setText(model.header_text(exam))
        summary = self.summary()
        for finger_summary in summary.fingers:
            rows = []
            for image in finger_summary.images:
                text, tip = self._image_line(image)
                rows.append((image.path, text, tip, image.status == "excluded", self._icon(image.path)))
            box = view.fingers[finger_summary.finger]
            box.show_images(rows)
            box.show_figures(model.finger_line(finger_summary))
        view.show_table([model.finger_row(f) for f in summary.fingers])
        view.summary.setText(model.patient_text(summary))
        if not self.busy():
            counted = sum(1 for p in self.paths() if p in self.results)
            view.set_status(self.tr("%n of %1 images counted.", "", counted).replace("%1", str(len(exam.images))))

    def show_title(self) -> None:
        """The window's title: the patient, the file, and "*" when there are unsaved changes."""
        if self.view is not None and self.exam is not None:
            title = self.exam.patient_id + (f" – {self.path.name}" if self.path else "")
            self.view.setWindowTitle(self.tr("Exam %1%2 – CapSeg Desktop").replace("%1", title).replace("%2", " *" if self.dirty else ""))

    def _icon(self, path: Path) -> Any:
        """The thumbnail as a list icon, made once per thumbnail."""
        picture = self.thumbnails.get(path)
        if picture is None:
            return None
        cached = self.icons.get(path)
        if cached is None or cached[0] is not picture:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QIcon, QPixmap

            from .fingers import ICON_SIZE
            from ..widgets.qt_images import array_to_qimage

            small = array_to_qimage(picture).scaled(ICON_SIZE * 2, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            cached = self.icons[path] = (picture, QIcon(QPixmap.fromImage(small)))
        return cached[1]

    def _image_line(self, image: Any) -> tuple[str, str]:
        """What an image's row says, and its tooltip."""
        path = image.path
        if image.status == "failed":
            text, tip = self.tr("%1: failed").replace("%1", image.file_name), image.reason
        elif image.count is None:
            waiting = path in self.running or path in self.waiting
            text, tip = (self.tr("%1: analysing…").replace("%1", image.file_name) if waiting else image.file_name), str(path)
        else:
            text, tip = model.image_text(image), "\n".join([str(path), *image.warnings])
        if image.status == "excluded":
            name, _, rest = text.partition("\n")
            text = self.tr("%1 — excluded: %2").replace("%1", name).replace("%2", image.reason) + (f"\n{rest}" if rest else "")
        return text, tip

    # Saving, opening ------------------------------------------------------------------------
    def save(self) -> bool:
        return files.save(self)

    def save_as(self) -> bool:
        return files.save_as(self)

    def open_exam_dialog(self) -> None:
        return files.open_exam_dialog(self)

    def open_exam(self, path: Path) -> bool:
        return files.open_exam(self, path)

    def missing_images_text(self, count: int) -> str:
        """Said when an exam's images are not where its file says (``%1``: their names)."""
        return self.tr("%n image(s) of the exam were not found where the exam file says: %1.", "", count)

    def open_recent(self, path: Path) -> None:
        """Open recent: an exam file opens as an exam, anything else as an image."""
        if model.is_exam_path(path):
            self.open_exam(path)
        else:
            self.window.open_image(path)

    def confirm_close(self) -> bool:
        return files.confirm_close(self)

    def close_exam(self) -> None:
        self._forget()
        if self.view is not None:
            self.view.hide()

    def _forget(self) -> None:
        self.cancel_analyses()
        self.followup.clear()
        self.exam, self.path, self.dirty = None, None, False
        self.results.clear()
        self.thumbnails.clear()
        self.failures.clear()
        self.icons.clear()
        self._taken.clear()

    # Exports ---------------------------------------------------------------------------------
    def export_report(self) -> Path | None:
        return files.export_report(self)

    def compare_dialog(self) -> None:
        self.followup.choose()

    def export_csv(self) -> Path | None:
        return files.export_csv(self)
