"""The words the exam window shows for ``core.exam``'s figures (translatable, in one place),
and the few calls into ``core.exam`` and ``report.pdf``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from ..widgets.tables import locale_number, shown
from ...core.exam import EXAM_SUFFIX, FINGERS, Exam, exam_calibration, exam_csv, finger_from_name, load_exam, save_exam, summarise_exam  # noqa: F401

if TYPE_CHECKING:
    from ...core.exam import ExamSummary, FingerSummary



def exam_filter() -> str:
    """The file dialogs' filter for exam files, in the user's language."""
    return QCoreApplication.translate("ExamModel", "CapSeg exams (*%1);;All files (*)").replace("%1", EXAM_SUFFIX)


class ExamModel(QObject):
    """The sentences with a count (``pyside6-lupdate`` marks a plural only in ``self.tr(text, "", n)``);
    the others are ``QCoreApplication.translate("ExamModel", …)``, the same context."""

    def capillaries(self, count: int, corrected: bool) -> str:
        return self.tr("%n capillaries (corrected)", "", count) if corrected else self.tr("%n capillaries", "", count)

    def dilated(self, count: int) -> str:
        return self.tr("%n dilated", "", count)

    def giant(self, count: int) -> str:
        return self.tr("%n giant", "", count)

    def mean_density(self, fingers: int) -> str:
        from ...core.texts import counted

        return counted(self.tr("Mean density %1 per mm, %2 (%n finger(s) with a density)", "", fingers), fingers)


_words: list[ExamModel] = []


def _plural() -> ExamModel:
    if not _words:
        _words.append(ExamModel())
    return _words[0]


def is_exam_path(path: str | Path) -> bool:
    return str(path).lower().endswith(EXAM_SUFFIX)


def suggested_name(exam: Exam) -> str:
    """``P-0042_2026-11-27.capseg-exam.json``: the pseudonym and the date, nothing else."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in exam.patient_id.strip()) or "exam"
    return f"{safe}_{exam.date}{EXAM_SUFFIX}"


def sentence(exc: BaseException, fallback: str) -> str:
    """Our errors carry one plain sentence; anything else gets ``fallback``."""
    from ...core.errors import CapSegError

    return str(exc) if isinstance(exc, CapSegError) and str(exc) else fallback


def density_text(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("ExamModel", "not assessed (no scale)")
    return locale_number(value, 1)


def header_text(exam: Exam) -> str:
    if exam.um_per_px:
        scale = QCoreApplication.translate("ExamModel", "%1 µm/px").replace("%1", shown(exam.um_per_px))
    else:
        scale = QCoreApplication.translate("ExamModel", "no scale (counts only, no density)")
    if exam.operator:
        operator = QCoreApplication.translate("ExamModel", "operator %1").replace("%1", exam.operator)
    else:
        operator = QCoreApplication.translate("ExamModel", "no operator given")
    if exam.profile:
        microscope = QCoreApplication.translate("ExamModel", "microscope %1").replace("%1", exam.profile)
    else:
        microscope = QCoreApplication.translate("ExamModel", "no microscope profile")
    parts = [QCoreApplication.translate("ExamModel", "Patient %1").replace("%1", exam.patient_id), exam.date, operator, microscope, scale]
    return " · ".join(parts)


def image_text(summary: Any) -> str:
    """One image's row, its name above its figures: ``L2A.png`` / ``9 capillaries · 7.9/mm · 1 dilated``."""
    if summary.count is None:
        return summary.file_name
    parts = [_plural().capillaries(summary.count, bool(summary.edited))]
    if summary.density_per_mm is not None:
        parts.append(QCoreApplication.translate("ExamModel", "%1/mm").replace("%1", locale_number(summary.density_per_mm, 1)))
    if summary.dilated:
        parts.append(_plural().dilated(summary.dilated))
    if summary.giant:
        parts.append(_plural().giant(summary.giant))
    return f"{summary.file_name}\n" + " · ".join(parts)


def _flag(flag: str) -> str:
    return {"reduced": QCoreApplication.translate("ExamModel", "reduced"),
            "normal": QCoreApplication.translate("ExamModel", "normal")}.get(flag, "")


def finger_row(finger: FingerSummary) -> tuple[str, str, str, str, str]:
    """Density, dilated, giant, images used, excluded (with reasons) of one finger."""
    if not finger.images:
        return ("", "", "", "0", "0")
    density = "—" if not finger.used else density_text(finger.density_per_mm)
    if finger.density_flag:
        density += f" ({_flag(finger.density_flag)})"
    judged = finger.assessed
    not_used = finger.not_used
    excluded = str(len(not_used))
    if not_used:
        excluded += ": " + "; ".join(f"{i.file_name} – {i.reason}" for i in not_used)
    return (density, str(finger.dilated) if judged else "—", str(finger.giant) if judged else "—", str(len(finger.used)), excluded)


def finger_line(finger: FingerSummary) -> str:
    """The line under a finger's images."""
    if not finger.images:
        return QCoreApplication.translate("ExamModel", "No image: drop images here")
    _density, dilated, giant, used, _excluded = finger_row(finger)
    if finger.density_per_mm is None:
        density = (QCoreApplication.translate("ExamModel", "Density not assessed (no scale)") if finger.used
                   else QCoreApplication.translate("ExamModel", "Density —"))
    else:
        density = QCoreApplication.translate("ExamModel", "Density %1 /mm").replace("%1", locale_number(finger.density_per_mm, 1))
        density += f" ({_flag(finger.density_flag)})" if finger.density_flag else ""
    text = density + " · " + QCoreApplication.translate("ExamModel", "dilated %1 · giant %2").replace("%1", dilated).replace("%2", giant)
    text += " · " + QCoreApplication.translate("ExamModel", "%1 used, %2 not used").replace("%1", used).replace("%2", str(len(finger.not_used)))
    return text


def patient_text(summary: ExamSummary) -> str:
    patient = summary.patient
    if patient.density_per_mm is None:
        density = QCoreApplication.translate("ExamModel", "Mean density: not assessed (no finger with a density)")
    else:
        density = _plural().mean_density(patient.fingers_with_density) \
            .replace("%1", locale_number(patient.density_per_mm, 1)).replace("%2", _flag(patient.density_flag))
    if patient.images_used + patient.images_not_used == 0:
        return QCoreApplication.translate("ExamModel", "No image counted yet: add images of the fingers (Add images…).")
    if patient.images_used == 0:  # added, but none counts: no finger, excluded, failed or still counting
        return QCoreApplication.translate("ExamModel", "No image is used yet: each needs a finger, a count, and not to be excluded.")
    # The EULAR fast track pattern (core.fasttrack; its steps are in the report and the CSV).
    pattern = [QCoreApplication.translate("ExamModel", "EULAR fast track: %1").replace("%1", patient.fast_track.pattern_text())
               ] if patient.fast_track is not None else []
    if not patient.assessed:
        return " · ".join([density, QCoreApplication.translate("ExamModel", "dilated and giant loops: not assessed (no scale)"), *pattern])
    return " · ".join([
        density,
        _plural().dilated(patient.dilated),
        _plural().giant(patient.giant),
        (QCoreApplication.translate("ExamModel", "giant loops: yes") if patient.any_giant
         else QCoreApplication.translate("ExamModel", "giant loops: none")),
        *pattern,
    ])


def write_pdf(path: Path, exam: Exam, summary: ExamSummary, results: dict, thumbnails: dict, overwrite: bool, card: Any = None,
              comparison: Any = None, then_thumbnails: dict | None = None) -> Path:
    """``report.pdf.write_report``; ``card``: the model card (its version is printed);
    ``comparison``: an earlier exam compared (``core.followup``), ``then_thumbnails`` its pictures."""
    from ...report.pdf import write_report

    return write_report(path, exam, summary, results, thumbnails or None, overwrite=overwrite, model_card=card,
                        comparison=comparison, then_thumbnails=then_thumbnails or None)
