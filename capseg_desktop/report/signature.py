"""The clinician's part of the report: the loops whose flags they set (``core.overrides``), and
at the very end the conclusion they typed in the exam window with their name and the date they
signed it (``core.exam.Exam.conclusion``, ``signed_by``, ``signed_on``).

Kept apart from ``pdf.py``, which only places these blocks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Iterable

from ..core.result import date_text
from ..core.texts import QT_TRANSLATE_NOOP, Sentences

if TYPE_CHECKING:
    from ..core.exam import Exam
    from ..core.result import AnalysisResult

TEXT = Sentences(
    "Signature",
    {
        "conclusion": QT_TRANSLATE_NOOP("Signature", "Conclusion"),
        "no_conclusion": QT_TRANSLATE_NOOP("Signature", "No conclusion was written."),
        "signed": QT_TRANSLATE_NOOP("Signature", "Signed: {name}, {date}"),
        "signed_undated": QT_TRANSLATE_NOOP("Signature", "Signed: {name}"),
        "not_signed": QT_TRANSLATE_NOOP("Signature", "Not signed."),
        "key": QT_TRANSLATE_NOOP("Signature", "\"*\" after the number: a loop whose flags (giant, dilated, shape) the clinician set."),
        "caption": QT_TRANSLATE_NOOP("Signature", "flagged by the clinician: loops {ids}"),
    },
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def conclusion_html(exam: Exam) -> str:
    """The last block of the report: the conclusion (its lines kept) and the signature line."""
    text = exam.conclusion.strip()
    body = "<br/>".join(_e(line) for line in text.splitlines()) if text else f"<span class='grey'>{_e(TEXT['no_conclusion'])}</span>"
    name = exam.signed_by.strip()
    if name and exam.signed_on:
        signed = TEXT["signed"].format(name=name, date=date_text(exam.signed_on))
    elif name:
        signed = TEXT["signed_undated"].format(name=name)
    else:
        signed = TEXT["not_signed"]
    return f"<h2>{_e(TEXT['conclusion'])}</h2><p class='note'>{body}</p><p class='note'><b>{_e(signed)}</b></p>"


def clinician_caption(result: AnalysisResult | None, separator: str = "; ") -> str:
    """"; flagged by the clinician: loops 3, 7" for an image's caption (after ``separator``), ""
    when none was."""
    ids = [m.id for m in (result.measures if result is not None else ()) if m.by_clinician]
    return separator + TEXT["caption"].format(ids=", ".join(str(n) for n in ids)) if ids else ""


def picture_key(results: Iterable[AnalysisResult]) -> str:
    """The sentence added to the pictures' key, "" when the clinician flagged no loop."""
    return TEXT["key"] if any(m.by_clinician for result in results for m in result.measures) else ""
