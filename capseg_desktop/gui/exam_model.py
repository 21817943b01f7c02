"""The words the exam window shows for ``core.exam``'s figures (translatable, in one place),
and the few calls into ``core.exam`` and ``report.pdf``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..core.exam import EXAM_SUFFIX, FINGERS, Exam, exam_calibration, exam_csv, finger_from_name, load_exam, save_exam, summarise_exam  # noqa: F401

if TYPE_CHECKING:
    from ..core.exam import ExamSummary, FingerSummary

Tr = Callable[[str], str]
EXAM_FILTER = f"CapSeg exams (*{EXAM_SUFFIX});;All files (*)"


def is_exam_path(path: str | Path) -> bool:
    return str(path).lower().endswith(EXAM_SUFFIX)


def suggested_name(exam: Exam) -> str:
    """``P-0042_2026-11-27.capseg-exam.json``: the pseudonym and the date, nothing else."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in exam.patient_id.strip()) or "exam"
    return f"{safe}_{exam.date}{EXAM_SUFFIX}"


def sentence(exc: BaseException, fallback: str) -> str:
    """Our errors carry one plain sentence; anything else gets ``fallback``."""
    from ..core.errors import CapSegError

    return str(exc) if isinstance(exc, CapSegError) and str(exc) else fallback


def density_text(value: float | None, tr: Tr) -> str:
    return tr("not assessed (no scale)") if value is None else f"{value:.1f}"


def header_text(exam: Exam, tr: Tr) -> str:
    scale = tr("%1 µm/px").replace("%1", f"{exam.um_per_px:g}") if exam.um_per_px else tr("no scale (counts only, no density)")
    parts = [
        tr("Patient %1").replace("%1", exam.patient_id), exam.date,
        tr("operator %1").replace("%1", exam.operator) if exam.operator else tr("no operator given"),
        tr("microscope %1").replace("%1", exam.profile) if exam.profile else tr("no microscope profile"), scale,
    ]
    return " · ".join(parts)


def image_text(summary: Any, tr: Tr) -> str:
    """One image's row, its name above its figures: ``L2A.png`` / ``9 capillaries · 7.9/mm · 1 dilated``."""
    if summary.count is None:
        return summary.file_name
    parts = [tr("%1 capillaries").replace("%1", str(summary.count))]
    if summary.edited:
        parts[0] += tr(" (corrected)")
    if summary.density_per_mm is not None:
        parts.append(tr("%1/mm").replace("%1", f"{summary.density_per_mm:.1f}"))
    if summary.dilated:
        parts.append(tr("%1 dilated").replace("%1", str(summary.dilated)))
    if summary.giant:
        parts.append(tr("%1 giant").replace("%1", str(summary.giant)))
    return f"{summary.file_name}\n" + " · ".join(parts)


def _flag(flag: str, tr: Tr) -> str:
    return {"reduced": tr("reduced"), "normal": tr("normal")}.get(flag, "")


def finger_row(finger: FingerSummary, tr: Tr) -> tuple[str, str, str, str, str]:
    """Density, dilated, giant, images used, excluded (with reasons) of one finger."""
    if not finger.images:
        return ("", "", "", "0", "0")
    density = "—" if not finger.used else density_text(finger.density_per_mm, tr)
    if finger.density_flag:
        density += f" ({_flag(finger.density_flag, tr)})"
    judged = finger.assessed
    not_used = finger.not_used
    excluded = str(len(not_used))
    if not_used:
        excluded += ": " + "; ".join(f"{i.file_name} – {i.reason}" for i in not_used)
    return (density, str(finger.dilated) if judged else "—", str(finger.giant) if judged else "—", str(len(finger.used)), excluded)


def finger_line(finger: FingerSummary, tr: Tr) -> str:
    """The line under a finger's images."""
    if not finger.images:
        return tr("No image: drop images here")
    _density, dilated, giant, used, _excluded = finger_row(finger, tr)
    if finger.density_per_mm is None:
        density = tr("Density not assessed (no scale)") if finger.used else tr("Density —")
    else:
        density = tr("Density %1 /mm").replace("%1", f"{finger.density_per_mm:.1f}")
        density += f" ({_flag(finger.density_flag, tr)})" if finger.density_flag else ""
    text = density + " · " + tr("dilated %1 · giant %2").replace("%1", dilated).replace("%2", giant)
    text += " · " + tr("%1 used, %2 not used").replace("%1", used).replace("%2", str(len(finger.not_used)))
    return text


def patient_text(summary: ExamSummary, tr: Tr) -> str:
    patient = summary.patient
    if patient.density_per_mm is None:
        density = tr("Mean density: not assessed (no finger with a density)")
    else:
        density = tr("Mean density %1 per mm over %2 finger(s) (%3)").replace("%1", f"{patient.density_per_mm:.1f}") \
            .replace("%2", str(patient.fingers_with_density)).replace("%3", _flag(patient.density_flag, tr))
    return " · ".join([
        density,
        tr("%1 dilated").replace("%1", str(patient.dilated)),
        tr("%1 giant").replace("%1", str(patient.giant)),
        tr("giant loops: yes") if patient.any_giant else tr("giant loops: none"),
    ])


def write_pdf(path: Path, exam: Exam, summary: ExamSummary, results: dict, thumbnails: dict, overwrite: bool, card: Any = None) -> Path:
    """``report.pdf.write_report``; ``card``: the model card (its version is printed)."""
    from ..report.pdf import write_report

    return write_report(path, exam, summary, results, thumbnails or None, overwrite=overwrite, model_card=card)
