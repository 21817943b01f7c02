"""The exam report as a PDF, laid out with Qt (QTextDocument for the text and tables, QPainter
on a QPdfWriter for the pages, their header line and page numbers).

What it holds, in order: the header (patient pseudonym, exam date, operator, microscope profile
and scale), the patient summary, the plain note that the figures support and do not replace a
clinician's reading, the EULAR fast track pattern with its steps (``core.fasttrack``), the
per-finger table (with the loops' shapes and each finger's pattern), for a follow-up visit the comparison
with the earlier exam (``core.followup``: then, now and the change, per finger and for the patient, and each
finger's pictures then and now side by side before the others), the images not used with their reasons, how the
figures were made (model name, version and sha256, counting parameters, thresholds, the
definition of the distal row and its density, CapSeg's version), then every image with its
numbered boxes and flagged loops and its own figures, and last the clinician's conclusion and
signature (``report.signature``). A4 portrait, as many pages as it takes,
each numbered "Page i of n".

Only QtCore and QtGui are used (no QtWidgets), so the command line makes the same report; a
QGuiApplication is created when none exists (on Linux, on the offscreen platform).
"""

from __future__ import annotations

import html
import os
import sys
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from .. import __version__
from ..core.atomic import write_bytes_atomic
from ..core.exam import EXCLUDED, REDUCED, Exam, ExamSummary, FingerSummary, ImageSummary, keyed_by_path, path_key
from ..core.calibration import SOURCE_CALIBRATED, SOURCE_ENTERED, SOURCE_IMAGE, SOURCE_PROFILE
from ..core.i18n import format_float, format_number, translate
from ..core.measure import Thresholds
from ..core.result import AnalysisResult, date_text, local_now_iso, readable_local_time
from ..core.texts import QT_TRANSLATE_NOOP, Plurals, Sentences, counted
from .signature import clinician_caption, conclusion_html, picture_key

if TYPE_CHECKING:
    from ..core.followup import Comparison

#: Every sentence and word of the report, in one place, looked up in the user's language (issue 13);
#: numbers are formatted by the caller in the language's form (``core.i18n.format_number``).
TEXT = Sentences(
    "Report",
    {
        "title": QT_TRANSLATE_NOOP("Report", "Nailfold capillaroscopy: exam report"),
        "patient": QT_TRANSLATE_NOOP("Report", "Patient (pseudonym)"),
        "date": QT_TRANSLATE_NOOP("Report", "Exam date"),
        "operator": QT_TRANSLATE_NOOP("Report", "Operator"),
        "profile": QT_TRANSLATE_NOOP("Report", "Microscope profile"),
        "scale": QT_TRANSLATE_NOOP("Report", "Scale"),
        "scale_value": QT_TRANSLATE_NOOP("Report", "{scale} µm per pixel"),
        "made": QT_TRANSLATE_NOOP("Report", "Report made"),
        "none_given": QT_TRANSLATE_NOOP("Report", "not given"),
        "no_scale": QT_TRANSLATE_NOOP("Report", "no scale set: widths in pixels, dilated and giant loops and densities not assessed"),
        "summary": QT_TRANSLATE_NOOP("Report", "Patient summary"),
        "mean_density": QT_TRANSLATE_NOOP("Report", "Mean distal-row density"),
        "flag_normal": QT_TRANSLATE_NOOP("Report", "normal"),
        "flag_reduced": QT_TRANSLATE_NOOP("Report", "reduced"),
        "dilated": QT_TRANSLATE_NOOP("Report", "Dilated loops (all fingers)"),
        "giant": QT_TRANSLATE_NOOP("Report", "Giant loops (all fingers)"),
        "any_giant": QT_TRANSLATE_NOOP("Report", "giant loops present"),
        "no_giant": QT_TRANSLATE_NOOP("Report", "no giant loop"),
        "images": QT_TRANSLATE_NOOP("Report", "Images"),
        "images_value": QT_TRANSLATE_NOOP("Report", "{used} used, {not_used} not used"),
        "reduced_fingers": QT_TRANSLATE_NOOP("Report", "Reduced density in"),
        "not_assessed": QT_TRANSLATE_NOOP("Report", "not assessed (no scale)"),
        "note": QT_TRANSLATE_NOOP(
            "Report",
            "These figures support, not replace, a clinician's reading: the images, the loops' shapes and "
            "haemorrhages are to be read by a clinician, and every count can be checked on the pictures below.",
        ),
        "per_finger": QT_TRANSLATE_NOOP("Report", "Per finger"),
        "col_finger": QT_TRANSLATE_NOOP("Report", "Finger"),
        "col_used": QT_TRANSLATE_NOOP("Report", "Images used"),
        "col_density": QT_TRANSLATE_NOOP("Report", "Distal density (per mm)"),
        "col_flag": QT_TRANSLATE_NOOP("Report", "Density"),
        "col_dilated": QT_TRANSLATE_NOOP("Report", "Dilated"),
        "col_giant": QT_TRANSLATE_NOOP("Report", "Giant"),
        "haemorrhages": QT_TRANSLATE_NOOP("Report", "Haemorrhages (all fingers)"),
        "change_haemorrhages": QT_TRANSLATE_NOOP("Report", "Haemorrhages: then → now (new, vanished)"),
        "col_shapes": QT_TRANSLATE_NOOP("Report", "Tortuous / crossing / ramified"),
        "col_fast_track": QT_TRANSLATE_NOOP("Report", "Fast track"),
        "fast_track": QT_TRANSLATE_NOOP("Report", "EULAR fast track pattern"),
        "fast_track_pattern": QT_TRANSLATE_NOOP("Report", "Pattern"),
        "fast_track_steps": QT_TRANSLATE_NOOP("Report", "Steps"),
        "shapes_def": QT_TRANSLATE_NOOP("Report", "Loop shapes"),
        "shapes_def_value": QT_TRANSLATE_NOOP(
            "Report",
            "EULAR definitions: hairpin, tortuous and crossing loops are normal or non-specific, ramified (bushy) loops "
            "abnormal. Measured on each loop's mask and centre line: crossing, the limbs enclose a hole; ramified, "
            "{branches} or more branches beyond the two limb ends; tortuous, a limb bends back {bends} or more times; not "
            "assessable, a blurred loop, one whose apex the picture's edge cuts, or a speck. These thresholds are CapSeg's.",
        ),
        "fast_track_def": QT_TRANSLATE_NOOP("Report", "Fast track algorithm"),
        "fast_track_def_value": QT_TRANSLATE_NOOP(
            "Report",
            "Smith V et al., EULAR Study Group on Microcirculation in Rheumatic Diseases, Autoimmun Rev 2019;18:102394. "
            "Step 1: density 7 per mm or more and no giant loop, non-scleroderma pattern; step 2: giant loops, or a density "
            "of 3 per mm or less with abnormal shapes, scleroderma pattern; step 3: otherwise, non-scleroderma pattern. "
            "Read per finger on its figures; the patient has a scleroderma pattern when a finger has one.",
        ),
        "caption_shapes": QT_TRANSLATE_NOOP("Report", "shapes: {tortuous} tortuous, {crossing} crossing, {ramified} ramified"),
        "col_not_used": QT_TRANSLATE_NOOP("Report", "Not used"),
        "not_examined": QT_TRANSLATE_NOOP("Report", "not examined"),
        "none_used": QT_TRANSLATE_NOOP("Report", "no image used"),
        "not_used_title": QT_TRANSLATE_NOOP("Report", "Images not assigned to a finger (not used)"),
        "col_image": QT_TRANSLATE_NOOP("Report", "Image"),
        "col_why": QT_TRANSLATE_NOOP("Report", "Why"),
        "method": QT_TRANSLATE_NOOP("Report", "How these figures were made"),
        "model": QT_TRANSLATE_NOOP("Report", "Model"),
        "model_value": QT_TRANSLATE_NOOP("Report", "{name}, version {version}, runtime {runtime}"),
        "version_unknown": QT_TRANSLATE_NOOP("Report", "version not stated"),
        "sha256": QT_TRANSLATE_NOOP("Report", "Model sha256"),
        "parameters": QT_TRANSLATE_NOOP("Report", "Counting parameters"),
        "thresholds": QT_TRANSLATE_NOOP("Report", "Loop flags"),
        "thresholds_value": QT_TRANSLATE_NOOP(
            "Report",
            "judged on the widest vessel diameter of each loop: normal below {dilated} µm, dilated from {dilated} "
            "µm, giant from {giant} µm",
        ),
        "density_def": QT_TRANSLATE_NOOP("Report", "Density"),
        "density_def_value": QT_TRANSLATE_NOOP(
            "Report",
            "loops of the distal (outermost) row per millimetre of analysed length, averaged over a finger's "
            "images, then over the fingers; reduced below {reduced} per mm",
        ),
        "corrected": QT_TRANSLATE_NOOP("Report", "Corrected by hand"),
        "app": QT_TRANSLATE_NOOP("Report", "Software"),
        "app_value": QT_TRANSLATE_NOOP("Report", "CapSeg Desktop {version}"),
        "pictures": QT_TRANSLATE_NOOP("Report", "The images"),
        "key": QT_TRANSLATE_NOOP(
            "Report",
            "Yellow boxes: counted capillaries, numbered as in the exports; green boxes: added or changed by "
            "hand; a second, orange box and \"D\" after the number: a dilated loop; red and \"G\": a giant loop; "
            "purple boxes marked \"H1\", \"H2\": haemorrhages (never counted as capillaries); dashed cyan line: the "
            "apices of the distal row.",
        ),
        "caption_density_unknown": QT_TRANSLATE_NOOP("Report", "distal density {density} per mm (distal loops not known)"),
        "caption_no_density": QT_TRANSLATE_NOOP("Report", "distal density not assessed (no scale)"),
        "caption_flags": QT_TRANSLATE_NOOP("Report", "{dilated} dilated, {giant} giant"),
        "caption_no_flags": QT_TRANSLATE_NOOP("Report", "dilated and giant not assessed"),
        "caption_scale": QT_TRANSLATE_NOOP("Report", "{scale} µm per pixel ({source})"),
        "caption_scale_only": QT_TRANSLATE_NOOP("Report", "{scale} µm per pixel"),
        "caption_no_scale": QT_TRANSLATE_NOOP("Report", "no scale"),
        "caption_not_used": QT_TRANSLATE_NOOP("Report", "{finger} — {name}: not used ({reason})"),
        "source_profile": QT_TRANSLATE_NOOP("Report", "profile {profile}"),
        "source_profile_unnamed": QT_TRANSLATE_NOOP("Report", "profile"),
        "source_calibrated": QT_TRANSLATE_NOOP("Report", "calibrated line"),
        "source_image": QT_TRANSLATE_NOOP("Report", "set for this image"),
        "source_typed": QT_TRANSLATE_NOOP("Report", "typed"),
        "no_picture": QT_TRANSLATE_NOOP("Report", "(picture not available)"),
        "page": QT_TRANSLATE_NOOP("Report", "Page {page} of {pages}"),
        "footer": QT_TRANSLATE_NOOP("Report", "CapSeg Desktop {version} · patient {patient} · exam of {date}"),
        "pdf_title": QT_TRANSLATE_NOOP("Report", "CapSeg exam report {patient} {date}"),
        "unassigned": QT_TRANSLATE_NOOP("Report", "no finger"),
        "not_used_reason": QT_TRANSLATE_NOOP("Report", "{name}: {reason}"),
        "list_separator": QT_TRANSLATE_NOOP("Report", "; "),
        "then_now_dates": QT_TRANSLATE_NOOP("Report", "Then: the exam of {then_date}; now: this exam of {now_date}."),
        "change_density": QT_TRANSLATE_NOOP("Report", "Distal density per mm: then → now (change)"),
        "change_giant": QT_TRANSLATE_NOOP("Report", "Giant loops: then → now (new, vanished)"),
        "change_ramified": QT_TRANSLATE_NOOP("Report", "Ramified loops (abnormal): then → now (change)"),
        "change_fast_track": QT_TRANSLATE_NOOP("Report", "Fast track: then → now"),
        "patient_row": QT_TRANSLATE_NOOP("Report", "Patient"),
        "not_examined_both": QT_TRANSLATE_NOOP("Report", "Not examined then nor now: {fingers}."),
        "then_now_pictures": QT_TRANSLATE_NOOP("Report", "Then and now: the images of each finger"),
        "then_now_caption": QT_TRANSLATE_NOOP(
            "Report", "{finger} — left, the exam of {then_date} ({then_name}); right, this exam of {now_date} ({now_name})"),
    },
)
#: The report's sentences with a count (see ``core.texts.Plurals``).
Report = Plurals("Report")

_STYLE = """
body { font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; margin-top: 12pt; margin-bottom: 4pt; color: #1d3b5a; }
h3 { font-size: 10pt; margin-top: 9pt; margin-bottom: 3pt; }
td, th { padding: 3px; }
th { background-color: #e4eaf1; text-align: left; }
.key { color: #333; }
.small { font-size: 8pt; color: #333; }
.mono { font-family: monospace; font-size: 8pt; }
.note { font-size: 9.5pt; }
.reduced { color: #9b1c1c; font-weight: bold; }
.grey { color: #666; }
"""

#: Page margins in millimetres (left, top, right, bottom); the footer sits in the bottom margin.
MARGINS_MM = (16.0, 14.0, 16.0, 16.0)
RESOLUTION_DPI = 300
#: A picture is drawn across the text's width, and at most this part of a page's height.
PICTURE_MAX_PAGE_FRACTION = 0.42
#: A follow-up's pair of pictures (then, now): small, at most this part of a page's height.
THEN_NOW_MAX_PAGE_FRACTION = 0.2

_app: Any = None


def ensure_gui_application() -> Any:
    """The running QGuiApplication (or QApplication), made if there is none. On Linux it is made
    on the offscreen platform: the report shows no window, and a display that is set but cannot
    be reached (a terminal over ssh) would otherwise end the process."""
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "capseg"]
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    from ..i18n_qt import attach_to_application

    attach_to_application()  # the language the command line installed before there was an application
    return _app


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _scale_text(exam: Exam) -> str:
    if exam.um_per_px:
        return TEXT["scale_value"].format(scale=format_float(exam.um_per_px, "g"))
    return TEXT["no_scale"]


def _flag_word(flag: str) -> str:
    """A density flag ("normal", "reduced": English in the files) in the reader's language."""
    return {"normal": TEXT["flag_normal"], "reduced": TEXT["flag_reduced"]}.get(flag, flag)


def _source_words(source: str) -> str:
    """Where a scale came from (``core.exam.scale_source_text``: "profile NAME", "calibrated
    line"...) in the reader's language."""
    if source.startswith(SOURCE_PROFILE + " "):
        return TEXT["source_profile"].format(profile=source[len(SOURCE_PROFILE) + 1:])
    words = {SOURCE_PROFILE: TEXT["source_profile_unnamed"], SOURCE_CALIBRATED: TEXT["source_calibrated"],
             SOURCE_IMAGE: TEXT["source_image"], SOURCE_ENTERED: TEXT["source_typed"]}
    return words.get(source, source)


def _result_for(keyed: Mapping[str, AnalysisResult], image: ImageSummary) -> AnalysisResult | None:
    """``keyed``: the results as ``core.exam.keyed_by_path`` gives them."""
    return keyed.get(path_key(image.path))


def _thresholds(results: list[AnalysisResult]) -> tuple[float, float]:
    thresholds = results[0].thresholds if results else Thresholds()
    return float(thresholds.dilated_um), float(thresholds.giant_um)


def _models(results: list[AnalysisResult]) -> list[Any]:
    seen: "OrderedDict[str, Any]" = OrderedDict()
    for result in results:
        seen.setdefault(result.model.sha256, result.model)
    return list(seen.values())


def _parameters(results: list[AnalysisResult]) -> list[str]:
    """Each set of counting parameters used, saying what the user changed from the model's
    recommendation, as the annotated picture's legend does."""
    from ..core.result import describe_changes

    seen: "OrderedDict[str, None]" = OrderedDict()
    for result in results:
        changes = result.parameter_changes()
        text = result.params.describe()
        if result.scale is not None and result.scale.resized:
            # areas and distances at the model's scale, as the legend says (the window shows them in the image's pixels)
            text = translate("Report", "{parameters} in the model's pixels").format(parameters=text)
        text += f" – {describe_changes(changes)}" if changes else ""
        seen.setdefault(text, None)
    return list(seen)


def _model_version(card: Mapping[str, Any] | None, model: Any, alone: bool) -> str | None:
    """The card's version for ``model``: when the card lists the model's file by its sha256, or
    lists no files and there is this one model only."""
    if not card or not card.get("version"):
        return None
    files = card.get("files")
    if isinstance(files, dict) and files:
        listed = {str(entry.get("sha256", "")) for entry in files.values() if isinstance(entry, dict)}
        return str(card["version"]) if model.sha256 in listed else None
    return str(card["version"]) if alone else None


def _header_html(exam: Exam) -> str:
    rows = [
        (TEXT["patient"], exam.patient_id or TEXT["none_given"]),
        (TEXT["date"], date_text(exam.date)),
        (TEXT["operator"], exam.operator or TEXT["none_given"]),
        (TEXT["profile"], exam.profile or TEXT["none_given"]),
        (TEXT["scale"], _scale_text(exam)),
        (TEXT["made"], readable_local_time(local_now_iso())),
    ]
    cells = "".join(f"<tr><td width='30%'><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in rows)
    return f"<h1>{_e(TEXT['title'])}</h1><table width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"


def _summary_html(summary: ExamSummary) -> str:
    patient = summary.patient
    if patient.density_per_mm is None:
        density = _e(TEXT["not_assessed"])
    else:
        fingers = counted(Report.tr("mean of %n finger(s) with a density", "", patient.fingers_with_density), patient.fingers_with_density)
        value = translate("Report", "{density} capillaries per mm, {flag} ({fingers})").format(
            density=format_number(patient.density_per_mm, 1), flag=_flag_word(patient.density_flag), fingers=fingers)
        density = f"<span class='reduced'>{_e(value)}</span>" if patient.density_flag == REDUCED else _e(value)
    assessed = patient.assessed
    giant_word = TEXT["any_giant"] if patient.any_giant else TEXT["no_giant"]
    giant = f"{patient.giant} ({giant_word})" if assessed else TEXT["not_assessed"]
    giant_html = f"<span class='reduced'>{_e(giant)}</span>" if patient.any_giant else _e(giant)
    rows = [
        (TEXT["mean_density"], density),
        (TEXT["dilated"], _e(patient.dilated if assessed else TEXT["not_assessed"])),
        (TEXT["giant"], giant_html),
        (TEXT["haemorrhages"], _e("—" if patient.haemorrhages is None else patient.haemorrhages)),
        (TEXT["images"], _e(TEXT["images_value"].format(used=patient.images_used, not_used=patient.images_not_used))),
    ]
    if patient.reduced_fingers:
        rows.append((TEXT["reduced_fingers"], f"<span class='reduced'>{_e(', '.join(patient.reduced_fingers))}</span>"))
    cells = "".join(f"<tr><td width='30%'><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    note = (f"<table width='100%' cellpadding='6' cellspacing='0' border='1' style='border-color:#1d3b5a; border-style:solid'>"
            f"<tr><td bgcolor='#f1f5fa' class='note'><b>{_e(TEXT['note'])}</b></td></tr></table>")
    return (f"<h2>{_e(TEXT['summary'])}</h2><table width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"
            f"<p></p>{note}" + _fast_track_html(summary))


def _fast_track_html(summary: ExamSummary) -> str:
    """The patient's EULAR fast track pattern and the steps that led there, said to support the
    clinician's reading (``core.fasttrack``)."""
    from ..core.fasttrack import SCLERODERMA, TEXT as FAST_TRACK

    found = summary.patient.fast_track
    if found is None or all(f.fast_track is None for f in summary.fingers):
        return ""  # no finger read: nothing to say beyond the summary's "0 used"
    pattern = _e(found.pattern_text())
    pattern_html = f"<span class='reduced'>{pattern}</span>" if found.pattern == SCLERODERMA else f"<b>{pattern}</b>"
    steps = "".join(f"<li>{_e(text)}</li>" for text in found.step_texts())
    rows = [
        (TEXT["fast_track_pattern"], f"{pattern_html}<br/><span class='small'>{_e(FAST_TRACK['support'])}</span>"),
        (TEXT["fast_track_steps"], f"<ul style='margin-top:0; margin-bottom:0'>{steps}</ul>"),
    ]
    # Each finger's own steps, its haemorrhages with them (the finger table has no room for a
    # tenth column: French words were cut in the middle).
    lines = [f"<b>{_e(f.finger)}</b>: " + _e(" ".join(step.text() for step in f.fast_track.steps))
             for f in summary.fingers if f.fast_track is not None]
    if lines:
        rows.append((TEXT["per_finger"], f"<span class='small'>{'<br/>'.join(lines)}</span>"))
    cells = "".join(f"<tr><td width='30%'><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    return f"<h2>{_e(TEXT['fast_track'])}</h2><table width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"


def _shapes_cell(shapes: Mapping[str, int]) -> str:
    """"1 / 0 / 2": the tortuous, crossing and ramified loops; "—" when no shape was judged."""
    if not any(shapes.values()):
        return "—"
    return f"{shapes.get('tortuous', 0)} / {shapes.get('crossing', 0)} / {shapes.get('ramified', 0)}"


def _not_used_text(finger: FingerSummary) -> str:
    """The finger's images not used, each with its reason ("L2B.png: blurred; ...")."""
    return TEXT["list_separator"].join(TEXT["not_used_reason"].format(name=i.file_name, reason=i.reason) for i in finger.not_used)


def unused_finger_text(finger: FingerSummary) -> str:
    """Why a finger has no figures: its images were excluded, none could be counted, or it has none."""
    if finger.status == EXCLUDED:
        return counted(Report.tr("%n image(s) excluded", "", len(finger.images)), len(finger.images))
    return TEXT["none_used"] if finger.images else TEXT["not_examined"]


def _finger_row(finger: FingerSummary) -> str:
    if not finger.examined:
        why = _not_used_text(finger)
        return (f"<tr><td><b>{_e(finger.finger)}</b></td><td>0</td><td colspan='6' class='grey'>{_e(unused_finger_text(finger))}</td>"
                f"<td class='small'>{_e(why)}</td></tr>")
    density = "—" if finger.density_per_mm is None else format_number(finger.density_per_mm, 1)
    flag = _flag_word(finger.density_flag) if finger.density_flag else TEXT["not_assessed"]
    flag_html = f"<span class='reduced'>{_e(flag)}</span>" if finger.density_flag == REDUCED else _e(flag)
    dilated = str(finger.dilated) if finger.assessed else "—"
    giant = str(finger.giant) if finger.assessed else "—"
    giant_html = f"<span class='reduced'>{giant}</span>" if finger.giant else giant
    not_used = _not_used_text(finger)
    from ..core.fasttrack import SCLERODERMA

    found = finger.fast_track
    pattern = _e(found.pattern_text()) if found is not None else "—"
    pattern_html = f"<span style='color:#9b1c1c'>{pattern}</span>" if found is not None and found.pattern == SCLERODERMA else pattern
    return (f"<tr><td><b>{_e(finger.finger)}</b></td><td>{len(finger.used)}</td><td>{density}</td><td>{flag_html}</td>"
            f"<td>{dilated}</td><td>{giant_html}</td><td>{_shapes_cell(finger.shapes)}</td>"
            f"<td class='small'>{pattern_html}</td>"
            f"<td class='small'>{_e(not_used)}</td></tr>")


def _fingers_html(summary: ExamSummary) -> str:
    # Nine columns: the headers in the small type and the widths set, so that no word is cut
    # ("Mégacapillaires", "sclérodermique").
    columns = (("col_finger", 7), ("col_used", 9), ("col_density", 9), ("col_flag", 12), ("col_dilated", 8), ("col_giant", 15),
               ("col_shapes", 11), ("col_fast_track", 17), ("col_not_used", 12))
    head = "".join(f"<th width='{width}%'><span class='small'>{_e(TEXT[k])}</span></th>" for k, width in columns)
    rows = "".join(_finger_row(finger) for finger in summary.fingers)
    return (f"<h2>{_e(TEXT['per_finger'])}</h2>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#9aa7b4; border-style:solid'>"
            f"<tr>{head}</tr>{rows}</table>")


def _not_used_html(summary: ExamSummary) -> str:
    images = list(summary.unassigned)  # the others are in the per-finger table's last column
    if not images:
        return ""
    head = "".join(f"<th>{_e(TEXT[k])}</th>" for k in ("col_image", "col_why"))
    rows = "".join(f"<tr><td>{_e(i.file_name)}</td><td>{_e(i.reason)}</td></tr>" for i in images)
    return (f"<h2>{_e(TEXT['not_used_title'])}</h2>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#9aa7b4; border-style:solid'>"
            f"<tr>{head}</tr>{rows}</table>")


def _method_html(summary: ExamSummary, used: list[AnalysisResult], model_card: Mapping[str, Any] | None) -> str:
    rows: list[tuple[str, str]] = []
    models = _models(used)
    for model in models:
        version = _model_version(model_card, model, alone=len(models) == 1)
        rows.append((TEXT["model"], _e(TEXT["model_value"].format(
            name=model.name, version=version or TEXT["version_unknown"], runtime=model.runtime))))
        rows.append((TEXT["sha256"], f"<span class='mono'>{_e(model.sha256)}</span>"))
    for params in _parameters(used):
        rows.append((TEXT["parameters"], _e(params)))
    dilated, giant = _thresholds(used)
    rows.append((TEXT["thresholds"], _e(TEXT["thresholds_value"].format(dilated=format_float(dilated, "g"), giant=format_float(giant, "g")))))
    from ..core.exam import REDUCED_DENSITY_PER_MM

    rows.append((TEXT["density_def"], _e(TEXT["density_def_value"].format(reduced=format_float(REDUCED_DENSITY_PER_MM, "g")))))
    from ..core.shape import RAMIFIED_MIN_BRANCHES, TORTUOUS_MIN_BENDS

    rows.append((TEXT["shapes_def"], _e(TEXT["shapes_def_value"].format(branches=RAMIFIED_MIN_BRANCHES, bends=TORTUOUS_MIN_BENDS))))
    rows.append((TEXT["fast_track_def"], _e(TEXT["fast_track_def_value"])))
    edited = sum(1 for i in summary.images if i.used and i.edited)
    if edited:
        rows.append((TEXT["corrected"], _e(Report.tr("%n image(s): their corrected counts are used (model's count in brackets below)", "", edited))))
    rows.append((TEXT["app"], _e(TEXT["app_value"].format(version=__version__))))
    cells = "".join(f"<tr><td width='30%'><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    return f"<h2>{_e(TEXT['method'])}</h2><table width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"


def _caption(image: ImageSummary, result: AnalysisResult | None) -> str:
    finger = image.finger or TEXT["unassigned"]
    if not image.used:
        return TEXT["caption_not_used"].format(finger=finger, name=image.file_name, reason=image.reason)
    if image.density_per_mm is None:
        density = TEXT["caption_no_density"]
    elif image.distal is None:
        density = TEXT["caption_density_unknown"].format(density=format_number(image.density_per_mm, 1))
    else:
        density = Report.tr("distal density {density} per mm (%n distal loops)", "", image.distal).format(
            density=format_number(image.density_per_mm, 1)
        )
    flags = TEXT["caption_no_flags"] if image.dilated is None else TEXT["caption_flags"].format(dilated=image.dilated, giant=image.giant)
    if image.shapes and any(image.shapes.values()):
        flags += TEXT["list_separator"] + TEXT["caption_shapes"].format(
            tortuous=image.shapes.get("tortuous", 0), crossing=image.shapes.get("crossing", 0), ramified=image.shapes.get("ramified", 0))
    flags += clinician_caption(result, TEXT["list_separator"])
    if image.um_per_px and image.scale_source:
        scale = TEXT["caption_scale"].format(scale=format_float(image.um_per_px, "g"), source=_source_words(image.scale_source))
    elif image.um_per_px:
        scale = TEXT["caption_scale_only"].format(scale=format_float(image.um_per_px, "g"))
    else:
        scale = TEXT["caption_no_scale"]
    if image.edited:
        sentence = Report.tr(
            "{finger} — {name}: %n capillaries (model {model_count}, corrected by hand); {density}; {flags}; {scale}", "", image.count or 0
        )
    else:
        sentence = Report.tr("{finger} — {name}: %n capillaries; {density}; {flags}; {scale}", "", image.count or 0)
    return sentence.format(finger=finger, name=image.file_name, model_count=image.model_count, density=density,
                           flags=flags, scale=scale)


def _qimage(rgb: np.ndarray) -> Any:
    from PySide6.QtGui import QImage

    rgb = np.ascontiguousarray(rgb[..., :3] if rgb.ndim == 3 else np.repeat(rgb[..., None], 3, axis=2), dtype=np.uint8)
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def report_html(exam: Exam, summary: ExamSummary, results: Mapping[Any, AnalysisResult],
                model_card: Mapping[str, Any] | None = None, comparison: "Comparison | None" = None, closing: str = "") -> str:
    """The report's text pages (everything before the pictures) as the HTML subset QTextDocument
    reads; with ``comparison`` (``core.followup``), its section after the per-finger table;
    ``closing`` (HTML) at their end."""
    keyed = keyed_by_path(results)
    used = [r for i in summary.images if i.used for r in [_result_for(keyed, i)] if r is not None]
    return (f"<html><head><style>{_STYLE}</style></head><body>"
            + _header_html(exam) + _summary_html(summary) + _fingers_html(summary)
            + (_comparison_html(comparison) if comparison is not None else "") + _not_used_html(summary)
            + _method_html(summary, used, model_card) + closing + "</body></html>")


# The follow-up visit (core.followup) -------------------------------------------------------------
def _comparison_html(comparison: "Comparison") -> str:
    """"Compared with the exam of DATE": one row per finger seen in either exam and one for the
    patient, each figure as then → now (change), and the sentences saying what is not compared.
    One full-width table: half-width tables side by side (a table in a table) broke
    "sclérodermique" in the middle, and a page end split their outer row mid-cell."""
    from ..core import followup

    then_date, now_date = date_text(comparison.then_date), date_text(comparison.now.exam.date)
    notes = [TEXT["then_now_dates"].format(then_date=then_date, now_date=now_date), followup.TEXT["not_matched"],
             followup.TEXT["haemorrhages"]]
    if comparison.forced:
        notes.insert(1, followup.TEXT["forced"].format(then=comparison.then.exam.patient_id, now=comparison.now.exam.patient_id))
    columns = (("col_finger", 10), ("change_density", 18), ("change_giant", 19), ("change_ramified", 15),
               ("change_haemorrhages", 17), ("change_fast_track", 21))
    head = "".join(f"<th width='{width}%'><span class='small'>{_e(TEXT[k])}</span></th>" for k, width in columns)

    def row(name: str, texts: dict[str, str], bold: bool = False) -> str:
        cells = "".join(f"<td class='small'>{_e(texts[key])}</td>"
                        for key in ("density", "giant", "abnormal", "haemorrhages", "pattern"))
        label = f"<b>{_e(name)}</b>"
        shade = " bgcolor='#f1f5fa'" if bold else ""
        return f"<tr{shade}><td>{label}</td>{cells}</tr>"

    rows = "".join(row(c.finger, {**followup.change_texts(c), "haemorrhages": followup.haemorrhages_text(c)})
                   for c in comparison.fingers if c.then.examined or c.now.examined)
    patient = comparison.patient
    rows += row(TEXT["patient_row"], {
        **followup.change_texts(patient, followup.patient_new_vanished(comparison)),
        "haemorrhages": followup.haemorrhages_text(patient, followup.patient_new_vanished_haemorrhages(comparison)),
    }, bold=True)
    neither = [c.finger for c in comparison.fingers if not (c.then.examined or c.now.examined)]
    tail = f"<p class='small'>{_e(TEXT['not_examined_both'].format(fingers=', '.join(neither)))}</p>" if neither else ""
    return (f"<h2>{_e(followup.TEXT['title'].format(date=then_date))}</h2>"
            f"<p class='small'>{_e(' '.join(notes))}</p>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#9aa7b4; border-style:solid'>"
            f"<tr>{head}</tr>{rows}</table>{tail}")


def then_now_picture(then_rgb: np.ndarray, now_rgb: np.ndarray, height: int = 360, gap: int = 16) -> np.ndarray:
    """Two pictures side by side at one height (the earlier on the left), a white gap between."""
    import cv2

    def at_height(rgb: np.ndarray) -> np.ndarray:
        rgb = rgb[..., :3] if rgb.ndim == 3 else np.repeat(rgb[..., None], 3, axis=2)
        factor = height / max(1, rgb.shape[0])
        size = (max(1, int(round(rgb.shape[1] * factor))), height)
        return cv2.resize(np.ascontiguousarray(rgb, dtype=np.uint8), size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)

    left, right = at_height(then_rgb), at_height(now_rgb)
    white = np.full((height, gap, 3), 255, np.uint8)
    return np.hstack([left, white, right])


def _then_now_groups(pages: "_Pages", comparison: "Comparison", then_thumbnails: Mapping[Any, np.ndarray] | None,
                     thumbnails: Mapping[Any, np.ndarray] | None) -> list[list["_Block"]]:
    """Per finger seen in both exams, its first used image then and now, side by side (small)."""
    then_lookup, now_lookup = keyed_by_path(then_thumbnails), keyed_by_path(thumbnails)
    groups: list[list[_Block]] = []
    for change in comparison.fingers:
        old, new = comparison.then.finger(change.finger), comparison.now.finger(change.finger)
        pair = []
        for finger, lookup in ((old, then_lookup), (new, now_lookup)):
            found = next(((i, lookup[path_key(i.path)]) for i in finger.used if path_key(i.path) in lookup), None)
            pair.append(found)
        if None in pair:
            continue
        (then_image, then_rgb), (now_image, now_rgb) = pair
        caption = TEXT["then_now_caption"].format(finger=change.finger, then_date=date_text(comparison.then_date),
                                                  then_name=then_image.file_name, now_date=date_text(comparison.now.exam.date),
                                                  now_name=now_image.file_name)
        groups.append([pages.text_block(f"<p class='small'><b>{_e(caption)}</b></p>"),
                       pages.picture_block(then_now_picture(then_rgb, now_rgb), THEN_NOW_MAX_PAGE_FRACTION)])
    if groups:
        groups[0].insert(0, pages.text_block(f"<h2>{_e(TEXT['then_now_pictures'])}</h2>"))
    return groups


@dataclass
class _Block:
    """Something drawn on the picture pages: a text (a QTextDocument) or a picture, and where."""

    height: float
    text: Any = None
    image: Any = None
    width: float = 0.0
    page: int = 0
    y: float = 0.0


class _Pages:
    """Draws the report: the text document cut into pages, then the picture blocks placed one
    after another, a block never cut by a page end; every page with its footer line."""

    def __init__(self, writer: Any, font: Any) -> None:
        from PySide6.QtGui import QTextDocument

        self.writer = writer
        self.font = font
        paint = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(paint.width()), float(paint.height())
        self._document_class = QTextDocument
        self.gap = RESOLUTION_DPI * 2.5 / 25.4  # 2.5 mm between blocks

    def document(self, html_text: str, width: float | None = None) -> Any:
        document = self._document_class()
        document.documentLayout().setPaintDevice(self.writer)
        document.setDefaultFont(self.font)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(_STYLE)
        document.setHtml(html_text)
        document.setTextWidth(self.width if width is None else width)
        return document

    def text_block(self, html_text: str) -> _Block:
        document = self.document(html_text)
        return _Block(height=float(document.size().height()), text=document)

    def picture_block(self, rgb: np.ndarray, max_fraction: float = PICTURE_MAX_PAGE_FRACTION) -> _Block:
        image = _qimage(rgb)
        height_px, width_px = rgb.shape[:2]
        factor = min(self.width / max(1, width_px), self.height * max_fraction / max(1, height_px))
        return _Block(height=height_px * factor, image=image, width=width_px * factor)

    def place(self, groups: list[list[_Block]], first_page: int) -> int:
        """Give every block a page and a position; a group (a caption and its picture) is kept
        on one page. Returns the number of pages used."""
        page, y = first_page, 0.0
        for group in groups:
            height = sum(block.height for block in group) + self.gap * 0.4 * (len(group) - 1)
            if y > 0 and y + height > self.height:
                page, y = page + 1, 0.0
            for block in group:
                block.page, block.y = page, y
                y += block.height + self.gap * 0.4
            y += self.gap - self.gap * 0.4
        return page - first_page + 1 if groups else 0


def report_pdf_bytes(exam: Exam, summary: ExamSummary, results: Mapping[Any, AnalysisResult],
                     thumbnails: Mapping[Any, np.ndarray] | None = None, model_card: Mapping[str, Any] | None = None,
                     comparison: "Comparison | None" = None, then_thumbnails: Mapping[Any, np.ndarray] | None = None) -> bytes:
    """The report as PDF bytes (see the module's docstring); with ``comparison``, its section and
    each finger's pictures then and now (``then_thumbnails``: the earlier exam's, by path)."""
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    left, top, right, bottom = MARGINS_MM
    writer.setPageMargins(QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter)
    writer.setTitle(" ".join(TEXT["pdf_title"].format(patient=exam.patient_id, date=date_text(exam.date) if exam.date else "").split()))
    writer.setCreator(f"CapSeg Desktop {__version__}")
    font = QFont()
    font.setPointSizeF(9.0)
    pages = _Pages(writer, font)

    # The picture pages: a heading with the key, then each image's caption and picture.
    lookup, keyed = keyed_by_path(thumbnails), keyed_by_path(results)
    groups = [[pages.text_block(f"<h2>{_e(TEXT['pictures'])}</h2><p class='key small'>{_e(TEXT['key'])} {_e(picture_key(results.values()))}</p>")]]
    if not summary.images:
        groups = []
    for image in summary.images:
        caption = pages.text_block(f"<p class='small'><b>{_e(_caption(image, _result_for(keyed, image)))}</b></p>")
        group = [caption]
        rgb = lookup.get(path_key(image.path))
        if rgb is not None and rgb.size:
            group.append(pages.picture_block(rgb))
        elif image.used:
            group.append(pages.text_block(f"<p class='small grey'>{_e(TEXT['no_picture'])}</p>"))
        groups.append(group)
    if comparison is not None:
        groups = _then_now_groups(pages, comparison, then_thumbnails, thumbnails) + groups
    # The clinician has the last word: after the pictures, or after the text when there are none.
    closing = conclusion_html(exam)
    if groups:
        groups.append([pages.text_block(closing)])

    # The text pages.
    document = pages.document(report_html(exam, summary, results, model_card, comparison, "" if groups else closing))
    document.setPageSize(QSizeF(pages.width, pages.height))
    text_pages = document.pageCount()
    total = text_pages + pages.place(groups, text_pages)

    footer_gap = RESOLUTION_DPI * 4.0 / 25.4  # 4 mm below the text area
    footer_font = QFont(font)
    footer_font.setPointSizeF(7.5)
    footer_left = TEXT["footer"].format(version=__version__, patient=exam.patient_id or TEXT["none_given"], date=date_text(exam.date))
    blocks = [block for group in groups for block in group]

    painter = QPainter(writer)
    try:
        for page in range(total):
            if page:
                writer.newPage()
            if page < text_pages:
                painter.save()
                painter.translate(0, -page * pages.height)
                document.drawContents(painter, QRectF(0, page * pages.height, pages.width, pages.height))
                painter.restore()
            for block in (b for b in blocks if b.page == page):
                if block.text is not None:
                    painter.save()
                    painter.translate(QPointF(0, block.y))
                    block.text.drawContents(painter)
                    painter.restore()
                else:
                    target = QRectF(0, block.y, block.width, block.height)
                    painter.drawImage(target, block.image)
                    painter.setPen(QPen(QColor("#9aa7b4")))
                    painter.drawRect(target)
            painter.setFont(footer_font)
            painter.setPen(QPen(QColor("#9aa7b4")))
            painter.drawLine(QPointF(0, pages.height + footer_gap * 0.4), QPointF(pages.width, pages.height + footer_gap * 0.4))
            painter.setPen(QPen(QColor("#333333")))
            line = QRectF(0, pages.height + footer_gap * 0.55, pages.width, footer_gap * 2)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), footer_left)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                             TEXT["page"].format(page=page + 1, pages=total))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_report(
    path: str | os.PathLike[str],
    exam: Exam,
    summary: ExamSummary,
    results: Mapping[Any, AnalysisResult],
    thumbnails: Mapping[Any, np.ndarray] | None = None,
    overwrite: bool = False,
    model_card: Mapping[str, Any] | None = None,
    comparison: "Comparison | None" = None,
    then_thumbnails: Mapping[Any, np.ndarray] | None = None,
) -> Path:
    """Write the report to ``path`` atomically (whole or not at all; ``ExportError`` when it
    exists and ``overwrite`` is false, or cannot be written). ``results`` and ``thumbnails``
    (RGB pictures with their boxes, see ``report.thumbnails.thumbnail_for``) are keyed by the
    image paths ``exam.path_of`` gives; an image without a picture gets a line saying so.
    ``model_card``: the model's card (its version is printed). ``comparison``: an earlier exam
    compared (``core.followup``), ``then_thumbnails`` its pictures."""
    data = report_pdf_bytes(exam, summary, results, thumbnails, model_card, comparison, then_thumbnails)
    return write_bytes_atomic(Path(path), data, overwrite=overwrite)
