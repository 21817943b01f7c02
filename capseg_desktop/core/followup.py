"""The follow-up visit: this exam compared with an earlier exam of the same patient (issue 22).

Both exams are summarised as usual (``core.exam.summarise_exam``); the comparison reads their
figures, per finger and for the patient, "then" (the earlier exam) and "now":

* the distal-row density per mm (a finger's is the mean over its images, the patient's the mean
  over the fingers, as the exam figures give them) and its change, now minus then;
* the giant loops (only where both exams had a scale) and how many are new or vanished;
* the abnormal (ramified) loops and the change in their number;
* the EULAR fast track pattern then and now (``core.fasttrack``);
* the haemorrhages (``core.haemorrhage``) and how many are new or vanished, as the giant loops.

**Loops are not matched across visits**: the pictures of two visits differ (position, focus,
pressure), so no loop is followed from one to the other. "New" giant loops are the rise of a
finger's giant count (now minus then, when above 0) and "vanished" its fall; the patient's are
the sums over the fingers that both exams could judge. Haemorrhages likewise.

Both exams must be of the same patient: the same pseudonym (spaces at the ends and case aside).
``check_same_patient`` refuses with a plain sentence when the pseudonyms differ or one is missing,
unless ``force``.

No Qt here (``core`` never imports it): the window and the command line both call this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import CapSegError
from .exam import NOT_EXAMINED, Exam, ExamSummary, FingerSummary, abnormal_count, csv_cell, exam_csv
from .fasttrack import FastTrack
from .i18n import format_number
from .result import date_text
from .texts import QT_TRANSLATE_NOOP, Sentences

#: Every sentence of the comparison, looked up in the user's language.
TEXT = Sentences(
    "FollowUp",
    {
        "different": QT_TRANSLATE_NOOP(
            "FollowUp", 'The exam of {date} is of the patient "{then}" and this one of "{now}": two different patients are '
                        "not compared."),
        "no_pseudonym": QT_TRANSLATE_NOOP(
            "FollowUp", "The exam of {date} or this one has no patient pseudonym: nothing says they are of the same patient, "
                        "so they are not compared."),
        "title": QT_TRANSLATE_NOOP("FollowUp", "Compared with the exam of {date}"),
        "not_matched": QT_TRANSLATE_NOOP(
            "FollowUp", "Loops are not matched across visits (the pictures differ): the figures are compared per finger, and "
                        "new or vanished giant loops are the rise or fall of each finger's giant count."),
        "haemorrhages": QT_TRANSLATE_NOOP(
            "FollowUp", "Haemorrhages are not matched across visits either: new or vanished haemorrhages are the rise or "
                        "fall of each finger's count."),
        "line_haemorrhages": QT_TRANSLATE_NOOP("FollowUp", "{finger}: haemorrhages {haemorrhages}"),
        "line_patient_haemorrhages": QT_TRANSLATE_NOOP("FollowUp", "Patient: haemorrhages {haemorrhages}"),
        "forced": QT_TRANSLATE_NOOP(
            "FollowUp", 'Compared although the pseudonyms differ ("{then}" then, "{now}" now), as asked.'),
        "not_assessed": QT_TRANSLATE_NOOP("FollowUp", "not assessed"),
        "not_examined": QT_TRANSLATE_NOOP("FollowUp", "not examined"),
        "line_finger": QT_TRANSLATE_NOOP(
            "FollowUp", "{finger}: distal density per mm {density}; giant loops {giant}; ramified loops {abnormal}; fast track: {pattern}"),
        "line_patient": QT_TRANSLATE_NOOP(
            "FollowUp", "Patient: mean distal density per mm {density}; giant loops {giant}; ramified loops {abnormal}; fast track: {pattern}"),
        "line_not_examined": QT_TRANSLATE_NOOP("FollowUp", "{finger}: not examined then nor now"),
        "then_now": QT_TRANSLATE_NOOP("FollowUp", "{then} → {now}"),
        "then_now_change": QT_TRANSLATE_NOOP("FollowUp", "{then} → {now} ({change})"),
        "new_vanished": QT_TRANSLATE_NOOP("FollowUp", "{new} new, {vanished} vanished"),
    },
)


class FollowUpError(CapSegError):
    """Two exams that cannot be compared; ``str(error)`` is one plain sentence."""


def same_patient(then: Exam, now: Exam) -> bool:
    """Whether both exams carry the same, non-empty pseudonym (spaces at the ends and case aside)."""
    a, b = then.patient_id.strip().casefold(), now.patient_id.strip().casefold()
    return bool(a) and a == b


def check_same_patient(then: Exam, now: Exam, force: bool = False) -> None:
    """``FollowUpError`` with a plain sentence unless both exams are of the same patient (see
    ``same_patient``) or ``force``."""
    if force or same_patient(then, now):
        return
    if not then.patient_id.strip() or not now.patient_id.strip():
        raise FollowUpError(TEXT["no_pseudonym"].format(date=date_text(then.date)))
    raise FollowUpError(TEXT["different"].format(date=date_text(then.date), then=then.patient_id, now=now.patient_id))


# The figures compared ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    """What is compared of one finger or of the patient, in one exam; ``None``: not assessed."""

    examined: bool
    density_per_mm: float | None
    giant: int | None
    abnormal: int | None
    fast_track: FastTrack | None
    haemorrhages: int | None = None

    @classmethod
    def of_finger(cls, finger: FingerSummary) -> "Figures":
        if not finger.examined:
            return cls(False, None, None, None, None)
        return cls(True, finger.density_per_mm, finger.giant if finger.assessed else None, finger.abnormal_shapes, finger.fast_track,
                   finger.haemorrhages)

    @classmethod
    def of_patient(cls, summary: ExamSummary) -> "Figures":
        patient = summary.patient
        examined = patient.images_used > 0
        return cls(examined, patient.density_per_mm, patient.giant if patient.assessed else None,
                   abnormal_count(patient.shapes) if examined else None, patient.fast_track if examined else None,
                   patient.haemorrhages if examined else None)


def _difference(then: float | int | None, now: float | int | None) -> Any:
    return None if then is None or now is None else now - then


@dataclass(frozen=True)
class Change:
    """One finger's (``finger``: L2...) or the patient's (``finger`` "") figures then and now."""

    finger: str
    then: Figures
    now: Figures

    @property
    def density_change(self) -> float | None:
        """Now minus then, per mm; ``None`` when either is not assessed."""
        return _difference(self.then.density_per_mm, self.now.density_per_mm)

    @property
    def giant_change(self) -> int | None:
        return _difference(self.then.giant, self.now.giant)

    @property
    def new_giants(self) -> int | None:
        """The rise of the giant count (loops are not matched: see the module's docstring)."""
        change = self.giant_change
        return None if change is None else max(0, change)

    @property
    def vanished_giants(self) -> int | None:
        change = self.giant_change
        return None if change is None else max(0, -change)

    @property
    def abnormal_change(self) -> int | None:
        return _difference(self.then.abnormal, self.now.abnormal)

    @property
    def haemorrhage_change(self) -> int | None:
        return _difference(self.then.haemorrhages, self.now.haemorrhages)

    @property
    def new_haemorrhages(self) -> int | None:
        """The rise of the haemorrhage count (not matched across visits, as the giant loops)."""
        change = self.haemorrhage_change
        return None if change is None else max(0, change)

    @property
    def vanished_haemorrhages(self) -> int | None:
        change = self.haemorrhage_change
        return None if change is None else max(0, -change)


@dataclass(frozen=True)
class Comparison:
    """``then`` (the earlier exam) and ``now`` compared; ``forced``: compared although the
    pseudonyms differ."""

    then: ExamSummary
    now: ExamSummary
    fingers: tuple[Change, ...]
    patient: Change
    forced: bool = False

    @property
    def then_date(self) -> str:
        return self.then.exam.date

    def finger(self, name: str) -> Change:
        return next(change for change in self.fingers if change.finger == name)


def compare_exams(then: ExamSummary, now: ExamSummary, force: bool = False) -> Comparison:
    """``now`` compared with ``then``; ``FollowUpError`` when they are not of the same patient
    (``check_same_patient``) and not ``force``."""
    check_same_patient(then.exam, now.exam, force)
    fingers = tuple(Change(f.finger, Figures.of_finger(f), Figures.of_finger(now.finger(f.finger))) for f in then.fingers)
    patient = Change("", Figures.of_patient(then), Figures.of_patient(now))
    # The patient's new and vanished giants are the fingers' sums: see Change.new_giants.
    return Comparison(then, now, fingers, patient, forced=not same_patient(then.exam, now.exam))


def patient_new_vanished(comparison: Comparison) -> tuple[int | None, int | None]:
    """The giant loops new and vanished over the fingers both exams could judge (``None`` when
    no finger could be judged in both)."""
    judged = [c for c in comparison.fingers if c.giant_change is not None]
    if not judged:
        return None, None
    return sum(c.new_giants or 0 for c in judged), sum(c.vanished_giants or 0 for c in judged)


def patient_new_vanished_haemorrhages(comparison: Comparison) -> tuple[int | None, int | None]:
    """The haemorrhages new and vanished, summed over the fingers counted in both exams."""
    judged = [c for c in comparison.fingers if c.haemorrhage_change is not None]
    if not judged:
        return None, None
    return sum(c.new_haemorrhages or 0 for c in judged), sum(c.vanished_haemorrhages or 0 for c in judged)


def haemorrhages_text(change: Change, new_vanished: tuple[int | None, int | None] | None = None) -> str:
    """"1 → 3 (2 new, 0 vanished)": a finger's haemorrhages then and now; ``new_vanished``: the
    patient's (new, vanished)."""
    then, now = change.then, change.now
    new, vanished = new_vanished if new_vanished is not None else (change.new_haemorrhages, change.vanished_haemorrhages)
    return _then_now(count_text(then.haemorrhages) if then.examined else TEXT["not_examined"],
                     count_text(now.haemorrhages) if now.examined else TEXT["not_examined"],
                     None if new is None else TEXT["new_vanished"].format(new=new, vanished=vanished))


# Words -------------------------------------------------------------------------------------------------
def signed(value: float | int, decimals: int = 0) -> str:
    """"+1.2", "−2" (a true minus sign), "0": a change in the user's language."""
    if value == 0:
        return format_number(0, decimals)
    text = format_number(abs(value), decimals)
    return ("+" if value > 0 else "−") + text


def density_text(value: float | None) -> str:
    return TEXT["not_assessed"] if value is None else format_number(value, 1)


def count_text(value: int | None) -> str:
    return TEXT["not_assessed"] if value is None else str(value)


def pattern_text(figures: Figures) -> str:
    if not figures.examined:
        return TEXT["not_examined"]
    return figures.fast_track.pattern_text() if figures.fast_track is not None else TEXT["not_assessed"]


def _then_now(then: str, now: str, change: str | None) -> str:
    if change is None:
        return TEXT["then_now"].format(then=then, now=now)
    return TEXT["then_now_change"].format(then=then, now=now, change=change)


def change_texts(change: Change, patient_giants: tuple[int | None, int | None] | None = None) -> dict[str, str]:
    """The four comparisons of one ``change`` as words: density, giant, abnormal, pattern
    ("8.1 → 6.0 (−2.1)"...). ``patient_giants``: the patient's (new, vanished)."""
    then, now = change.then, change.now
    density_change = change.density_change
    density = _then_now(density_text(then.density_per_mm) if then.examined else TEXT["not_examined"],
                        density_text(now.density_per_mm) if now.examined else TEXT["not_examined"],
                        None if density_change is None else signed(density_change, 1))
    new, vanished = patient_giants if patient_giants is not None else (change.new_giants, change.vanished_giants)
    giant = _then_now(count_text(then.giant) if then.examined else TEXT["not_examined"],
                      count_text(now.giant) if now.examined else TEXT["not_examined"],
                      None if new is None else TEXT["new_vanished"].format(new=new, vanished=vanished))
    abnormal_change = change.abnormal_change
    abnormal = _then_now(count_text(then.abnormal) if then.examined else TEXT["not_examined"],
                         count_text(now.abnormal) if now.examined else TEXT["not_examined"],
                         None if abnormal_change is None else signed(abnormal_change))
    pattern = _then_now(pattern_text(then), pattern_text(now), None)
    return {"density": density, "giant": giant, "abnormal": abnormal, "pattern": pattern}


def comparison_lines(comparison: Comparison) -> list[str]:
    """The comparison as lines of text, in the user's language (the command line prints them,
    the window shows them)."""
    lines = [TEXT["title"].format(date=date_text(comparison.then_date)) + "."]
    if comparison.forced:
        lines.append(TEXT["forced"].format(then=comparison.then.exam.patient_id, now=comparison.now.exam.patient_id))
    lines.append(TEXT["not_matched"])
    for change in comparison.fingers:
        if not change.then.examined and not change.now.examined:
            lines.append(TEXT["line_not_examined"].format(finger=change.finger))
            continue
        lines.append(TEXT["line_finger"].format(finger=change.finger, **change_texts(change)))
        lines.append(TEXT["line_haemorrhages"].format(finger=change.finger, haemorrhages=haemorrhages_text(change)))
    lines.append(TEXT["line_patient"].format(**change_texts(comparison.patient, patient_new_vanished(comparison))))
    lines.append(TEXT["line_patient_haemorrhages"].format(
        haemorrhages=haemorrhages_text(comparison.patient, patient_new_vanished_haemorrhages(comparison))))
    lines.append(TEXT["haemorrhages"])
    return lines


# CSV -----------------------------------------------------------------------------------------------------
#: The exam CSV's columns added by a comparison (after the usual ones); on the comparison rows
#: (level "finger change" and "patient change") the usual columns hold the figures now.
COMPARISON_CSV_FIELDS = (
    "compared_with_date", "then_distal_density_per_mm", "distal_density_change_per_mm", "then_giant", "new_giant",
    "vanished_giant", "then_ramified", "ramified_change", "then_fast_track_pattern", "then_haemorrhages",
    "new_haemorrhages", "vanished_haemorrhages",
)


def _csv_row(level: str, finger: str, change: Change, exam: Exam, then_date: str,
             giants: tuple[int | None, int | None], haemorrhages: tuple[int | None, int | None]) -> dict[str, Any]:
    then, now = change.then, change.now
    return {
        "level": level, "finger": finger, "patient_id": exam.patient_id, "date": exam.date,
        "status": "used" if now.examined else NOT_EXAMINED,
        "distal_density_per_mm": csv_cell(now.density_per_mm, 2), "giant": csv_cell(now.giant), "ramified": csv_cell(now.abnormal),
        "fast_track_pattern": now.fast_track.pattern if now.fast_track is not None else "",
        "compared_with_date": then_date, "then_distal_density_per_mm": csv_cell(then.density_per_mm, 2),
        "distal_density_change_per_mm": csv_cell(change.density_change, 2), "then_giant": csv_cell(then.giant),
        "new_giant": csv_cell(giants[0]), "vanished_giant": csv_cell(giants[1]), "then_ramified": csv_cell(then.abnormal),
        "ramified_change": csv_cell(change.abnormal_change),
        "then_fast_track_pattern": then.fast_track.pattern if then.fast_track is not None else "",
        "haemorrhages": csv_cell(now.haemorrhages), "then_haemorrhages": csv_cell(then.haemorrhages),
        "new_haemorrhages": csv_cell(haemorrhages[0]), "vanished_haemorrhages": csv_cell(haemorrhages[1]),
    }


def exam_csv_compared(comparison: Comparison) -> str:
    """The exam CSV of ``comparison.now`` (``core.exam.exam_csv``) with the comparison's columns
    and one row per finger and one for the patient (English words, as in every CSV)."""
    exam, then_date = comparison.now.exam, comparison.then_date
    rows = [_csv_row("finger change", c.finger, c, exam, then_date, (c.new_giants, c.vanished_giants),
                     (c.new_haemorrhages, c.vanished_haemorrhages)) for c in comparison.fingers]
    rows.append(_csv_row("patient change", "", comparison.patient, exam, then_date, patient_new_vanished(comparison),
                         patient_new_vanished_haemorrhages(comparison)))
    return exam_csv(comparison.now, extra_fields=COMPARISON_CSV_FIELDS, extra_rows=rows)


def exam_csv_of(summary: ExamSummary, comparison: Comparison | None) -> str:
    """The exam CSV the window and the command line write: with the comparison's rows when an
    earlier exam was compared, else the plain one."""
    return exam_csv(summary) if comparison is None else exam_csv_compared(comparison)
