"""The clinician's last word in the report: the loops they flagged are marked as theirs, and the
conclusion and signature typed in the exam window end the report, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from capseg_desktop.report.pdf import write_report

from ..core.test_i18n_core import french  # noqa: F401  (a fixture)
from .pdftext import pdf_pages
from .test_report_pdf import exam_and_results  # noqa: F401  (a fixture)


def signed(exam):
    exam.conclusion = "Scleroderma pattern on L3.\nFollow-up in six months."
    exam.signed_by, exam.signed_on = "Dr Rheum", "2026-12-08"
    return exam


def with_a_clinician_flag(results):
    """L2A's third loop flagged giant by the clinician."""
    path = next(p for p in results if p.name == "L2A.png")
    result = results[path]
    measures = tuple(replace(m, clinician_flag="giant") if m.id == 3 else m for m in result.measures)
    return {**results, path: replace(result, measures=measures)}


def test_the_conclusion_and_signature_end_the_report(tmp_path, exam_and_results):  # noqa: F811
    exam, summary, results, thumbnails = exam_and_results
    results = with_a_clinician_flag(results)
    target = write_report(tmp_path / "report.pdf", signed(exam), summary, results, thumbnails)
    pages = pdf_pages(target)
    last = pages[-1]
    assert "Conclusion Scleroderma pattern on L3. Follow-up in six months. Signed: Dr Rheum, 2026-12-08" in last
    text = " ".join(pages)
    assert "L2 — L2A.png: 10 capillaries" in text and "flagged by the clinician: loops 3" in text
    assert "\"*\" after the number: a loop whose flags (giant, dilated, shape) the clinician set." in text


def test_an_unsigned_report_says_so(tmp_path, exam_and_results):  # noqa: F811
    exam, summary, results, thumbnails = exam_and_results
    pages = pdf_pages(write_report(tmp_path / "report.pdf", exam, summary, results, thumbnails))
    assert "Conclusion No conclusion was written. Not signed." in pages[-1]
    assert "flagged by the clinician" not in " ".join(pages) and "the clinician set" not in " ".join(pages)


def test_the_conclusion_in_french(french, tmp_path, exam_and_results):  # noqa: F811
    exam, summary, results, thumbnails = exam_and_results
    target = write_report(tmp_path / "rapport.pdf", signed(exam), summary, with_a_clinician_flag(results), thumbnails)
    pages = pdf_pages(target)
    assert "Conclusion Scleroderma pattern on L3. Follow-up in six months. Signé : Dr Rheum, 08/12/2026" in pages[-1]
    assert "signalées par le clinicien : anses 3" in " ".join(pages)


def test_without_pictures_the_conclusion_ends_the_text_pages(tmp_path):
    from capseg_desktop.core.exam import Exam, summarise_exam

    exam = signed(Exam(patient_id="P-9", date="2026-12-08"))
    pages = pdf_pages(write_report(tmp_path / "report.pdf", exam, summarise_exam(exam, {}), {}))
    assert len(pages) == 1 and "Signed: Dr Rheum, 2026-12-08" in pages[0]
    assert pages[0].index("Conclusion Scleroderma pattern on L3.") > pages[0].index("Software")
