"""The exam's files, seen from the window: Save exam, Save exam as…, Open exam…, the question
before an exam with changes goes, and the exports (the PDF report, the exam CSV). Functions of
the ``ExamController`` they serve (its words keep its translation context)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from . import phrases as model

if TYPE_CHECKING:
    from .controller import ExamController

log = logging.getLogger("capseg_desktop.gui.exam")


def no_exam(c: ExamController) -> bool:
    if c.exam is None:
        c.window.show_error(QCoreApplication.translate("ExamController", "No exam"), QCoreApplication.translate(
                "ExamController", "Start an exam first (File > New exam…) or open one."))
    return c.exam is None


def save(c: ExamController) -> bool:
    if no_exam(c):
        return False
    if c.path is None:
        return save_as(c)
    return write(c, c.path)


def save_as(c: ExamController) -> bool:
    if no_exam(c):
        return False
    images = c.paths()
    folder = c.window.settings.folder("exam") or (str(images[0].parent) if images else str(Path.home()))
    suggested = Path(folder) / model.suggested_name(c.exam)
    chosen, _ = QFileDialog.getSaveFileName(c.view or c.window, QCoreApplication.translate(
            "ExamController", "Save exam"), str(suggested), model.exam_filter())
    if not chosen:
        return False
    path = Path(chosen)
    if not model.is_exam_path(path) and not path.suffix:
        path = path.with_name(path.name + model.EXAM_SUFFIX)
    return write(c, path)


def write(c: ExamController, path: Path) -> bool:
    try:
        model.save_exam(c.exam, path)
    except Exception as exc:
        log.warning("Saving the exam %s failed: %r", path, exc)
        error(c, QCoreApplication.translate("ExamController", "Exam not saved"), exc, QCoreApplication.translate(
                "ExamController", "The exam could not be saved to \"%1\".").replace("%1", str(path)))
        return False
    c.path, c.dirty = path, False
    c.window.settings.set_folder("exam", path.parent)
    c.window.recent.add(path)
    c.refresh()
    if c.view is not None:
        c.view.set_status(QCoreApplication.translate("ExamController", "Exam saved to %1.").replace("%1", str(path)))
    return True


def open_exam_dialog(c: ExamController) -> None:
    folder = c.window.settings.folder("exam") or str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(c.window, QCoreApplication.translate("ExamController", "Open exam"), folder, model.exam_filter())
    if chosen:
        c.open_exam(Path(chosen))


def open_exam(c: ExamController, path: Path) -> bool:
    if not c.confirm_close():
        return False
    try:
        exam = model.load_exam(path)
    except Exception as exc:
        log.warning("Opening the exam %s failed: %r", path, exc)
        error(c, QCoreApplication.translate("ExamController", "Exam not opened"), exc, QCoreApplication.translate(
                "ExamController", "\"%1\" could not be read as an exam.").replace("%1", path.name))
        return False
    c.window.settings.set_folder("exam", path.parent)
    c.window.recent.add(path)
    c.start(exam, path)
    missing = [p.name for p in c.paths() if not p.exists()]
    if missing:
        text = c.missing_images_text(len(missing))
        c.window.show_error(QCoreApplication.translate("ExamController", "Images missing"), text.replace("%1", ", ".join(missing[:5])))
    return True


def confirm_close(c: ExamController) -> bool:
    """True when the open exam may go: saved, or the user saves or discards its changes."""
    if c.exam is None or not c.dirty:
        return True
    patient = c.exam.patient_id or QCoreApplication.translate("ExamController", "this patient")
    answer = QMessageBox.question(
        c.view or c.window, QCoreApplication.translate("ExamController", "Save the exam?"),
        QCoreApplication.translate("ExamController", "The exam of %1 has changes that are not saved. Save them?").replace("%1", patient),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return save(c)
    if answer == QMessageBox.StandardButton.Discard:
        c.dirty = False  # discarded once: quitting closes the exam window next, and must not ask again
        return True
    return False


def ready_for_export(c: ExamController) -> bool:
    if no_exam(c):
        return False
    if c.busy():
        c.window.show_error(QCoreApplication.translate("ExamController", "Analyses still running"), QCoreApplication.translate(
                "ExamController", "Wait until every image of the exam is counted, then export."))
        return False
    return True


def export_path(c: ExamController, title: str, suffix: str, file_filter: str) -> tuple[Path, bool] | None:
    name = c.path.name if c.path is not None and model.is_exam_path(c.path) else model.suggested_name(c.exam)
    images = c.paths()
    source = c.path or (images[0] if images else None)
    stem = name[: -len(model.EXAM_SUFFIX)]
    return c.window.exports.ask_save_path(title, stem + suffix, file_filter, source, parent=c.view)


def export_report(c: ExamController) -> Path | None:
    if not ready_for_export(c):
        return None
    chosen = export_path(c, QCoreApplication.translate("ExamController", "Export report (PDF)"), "_report.pdf", "PDF (*.pdf)")
    if chosen is None:
        return None
    path, overwrite = chosen
    session = c.window.session
    card = session.card if session is not None else None
    try:
        written = model.write_pdf(path, c.exam, c.summary(), c.results, c.thumbnails, overwrite, card,
                                  comparison=c.followup.comparison(), then_thumbnails=c.followup.then_thumbnails)
    except Exception as exc:
        log.warning("The report %s could not be written: %r", path, exc)
        error(c, QCoreApplication.translate("ExamController", "Report not written"), exc, QCoreApplication.translate(
                "ExamController", "The report could not be written to \"%1\".").replace("%1", str(path)))
        return None
    c.window.settings.set_folder("export", path.parent)
    if c.view is not None:
        c.view.set_status(QCoreApplication.translate("ExamController", "Report written to %1.").replace("%1", str(written)))
    return Path(written)


def export_csv(c: ExamController) -> Path | None:
    if not ready_for_export(c):
        return None
    chosen = export_path(c, QCoreApplication.translate("ExamController", "Export exam CSV"), "_exam.csv", "CSV (*.csv)")
    if chosen is None:
        return None
    path, overwrite = chosen
    from ...core.atomic import write_text_atomic

    try:
        from ...core.followup import exam_csv_of

        # An earlier exam compared: its rows too.
        written = write_text_atomic(path, exam_csv_of(c.summary(), c.followup.comparison()), overwrite=overwrite)
    except Exception as exc:
        log.warning("The exam CSV %s could not be written: %r", path, exc)
        error(c, QCoreApplication.translate("ExamController", "CSV not written"), exc, QCoreApplication.translate(
                "ExamController", "The CSV could not be written to \"%1\".").replace("%1", str(path)))
        return None
    c.window.settings.set_folder("export", path.parent)
    if c.view is not None:
        c.view.set_status(QCoreApplication.translate("ExamController", "Exam CSV written to %1.").replace("%1", str(written)))
    return Path(written)


def error(c: ExamController, title: str, exc: BaseException, fallback: str) -> None:
    c.window.show_error(title, model.sentence(exc, fallback))
