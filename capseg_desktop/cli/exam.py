"""``capseg exam``: a patient's exam (fingers L2-L5, R2-R5) counted as the window counts it,
its PDF report, CSV and exam file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from ..core.atomic import write_text_atomic
from ..core.errors import CapSegError
from ..core.i18n import format_number, translate
from ..core.texts import Plurals
from .common import (
    CORRECTIONS_HELP, Progress, configure_logging, corrections_dir, exists, green_light_analyzer, load_session, log,
    profile_for, scale_arg,
)


CLI = Plurals("CLI")  # the variable is named as its context (core.texts.Plurals)

def _date(text: str) -> str:
    from ..core.exam import ExamError, check_date

    try:
        return check_date(text)
    except ExamError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _exam_for(args: argparse.Namespace, profile, err: TextIO):
    """The exam the command is about (a folder's images by their file names, or a saved exam)
    with the options applied (``profile``: the microscope profile of ``--profile``); ``None``
    after saying why on ``err``."""
    from ..core.exam import ExamError, exam_from_folder, load_exam

    source = Path(args.exam)
    try:
        if source.is_dir():
            exam = exam_from_folder(source)
        elif source.is_file():
            exam = load_exam(source)
        else:
            err.write(translate("CLI", '"{path}" does not exist.').format(path=source) + "\n")
            return None
    except (ExamError, OSError) as exc:
        err.write(f"{exc}\n")
        return None
    for name in ("patient", "operator", "date"):
        value = getattr(args, name)
        if value is not None:
            setattr(exam, "patient_id" if name == "patient" else name, value)
    if profile is not None:
        exam.profile, exam.um_per_px = profile.name, float(profile.um_per_px)
    elif args.um_per_px is not None:
        exam.profile, exam.um_per_px = None, args.um_per_px
    return exam


def _flag_word(flag: str) -> str:
    """A density flag ("normal", "reduced") in the user's language."""
    return {"normal": translate("CLI", "normal"), "reduced": translate("CLI", "reduced")}.get(flag, flag)


def _finger_line(finger) -> str:
    if not finger.examined:
        from ..core.exam import EXCLUDED
        from ..core.texts import counted

        if finger.status == EXCLUDED:  # not "not examined": its images were taken, then excluded
            return counted(CLI.tr("{finger}: %n image(s) excluded", "", len(finger.images)), len(finger.images)).format(finger=finger.finger)
        if finger.images:
            return translate("CLI", "{finger}: no image used").format(finger=finger.finger)
        return translate("CLI", "{finger}: not examined").format(finger=finger.finger)
    if finger.density_per_mm is None:
        density = translate("CLI", "distal density not assessed (no scale)")
    else:
        density = translate("CLI", "distal density {density} per mm ({flag})").format(
            density=format_number(finger.density_per_mm, 1), flag=_flag_word(finger.density_flag))
    parts = [CLI.tr("{finger}: %n image(s), {density}", "", len(finger.used)).format(finger=finger.finger, density=density)]
    if finger.assessed:
        parts.append(translate("CLI", ", {dilated} dilated, {giant} giant").format(dilated=finger.dilated, giant=finger.giant))
    if finger.not_used:
        parts.append(CLI.tr(", %n not used", "", len(finger.not_used)))
    parts.append(_shapes_text(finger.shapes))
    if finger.fast_track is not None:
        parts.append(translate("CLI", "; fast track: {pattern}").format(pattern=finger.fast_track.pattern_text()))
    return "".join(parts)


def _shapes_text(shapes: dict) -> str:
    """"; shapes: 1 tortuous, 0 crossing, 2 ramified" ("" when no loop's shape was judged)."""
    if not any(shapes.values()):
        return ""
    return translate("CLI", "; shapes: {tortuous} tortuous, {crossing} crossing, {ramified} ramified").format(
        tortuous=shapes.get("tortuous", 0), crossing=shapes.get("crossing", 0), ramified=shapes.get("ramified", 0))


def _fast_track_lines(patient) -> list[str]:
    """The patient's fast track pattern and the steps that led there, as support for the clinician."""
    from ..core.fasttrack import TEXT as FAST_TRACK

    found = patient.fast_track
    if found is None:
        return []
    lines = [translate("CLI", "Fast track pattern: {pattern}. {support}").format(pattern=found.pattern_text(),
                                                                                   support=FAST_TRACK["support"])]
    lines.extend(f"  - {text}" for text in found.step_texts())
    return lines


def _analyse_exam(args: argparse.Namespace, analyzer, exam, to_analyse: list, calibration, err: TextIO) -> tuple[dict, dict, dict]:
    """Each image of the exam counted as the window counts it: (results, thumbnails, failures)
    by image path; one image's failure is reported and the exam goes on."""
    from ..core.batch import failed_item
    from ..core.exam import analyze_exam_image
    from ..report.thumbnails import thumbnail_for

    results, thumbnails, failures = {}, {}, {}
    bar = Progress(len(to_analyse), err)
    for index, image in enumerate(to_analyse):
        path = exam.path_of(image)
        bar.show(index, path.name)
        try:
            analysis = analyze_exam_image(analyzer, path, calibration, corrections_dir=corrections_dir(args))
            results[path] = analysis.result
            thumbnails[path] = thumbnail_for(analysis)
            del analysis
        except Exception as exc:  # one image's failure is reported, the exam goes on
            failures[path] = failed_item(path, exc).message
            bar.note(f"{path}: {failures[path]}")
    bar.show(len(to_analyse), "")
    bar.close()
    return results, thumbnails, failures


def _patient_line(patient) -> str:
    """The patient's figures in one line."""
    if patient.density_per_mm is None:
        density = translate("CLI", "not assessed (no scale)")
    else:
        from ..core.texts import counted

        fingers = counted(CLI.tr("mean of %n finger(s) with a density", "", patient.fingers_with_density), patient.fingers_with_density)
        density = translate("CLI", "{density} per mm, {flag} ({fingers})").format(
            density=format_number(patient.density_per_mm, 1), flag=_flag_word(patient.density_flag), fingers=fingers)
    if patient.any_giant:
        giant = translate("CLI", "{giant} giant (giant loops present)").format(giant=patient.giant)
    else:
        giant = translate("CLI", "{giant} giant (none)").format(giant=patient.giant)
    if patient.assessed:
        line = translate("CLI", "Patient: mean distal density {density}; {dilated} dilated, {giant}; {used} image(s) used, {not_used} not used.")
    else:  # no scale: no loop can be called dilated or giant, so no count of them either
        line = translate("CLI", "Patient: mean distal density {density}; dilated and giant loops not assessed (no scale); "
                                "{used} image(s) used, {not_used} not used.")
    return line.format(density=density, dilated=patient.dilated, giant=giant, used=patient.images_used, not_used=patient.images_not_used)


def _earlier_exam(args: argparse.Namespace, exam, err: TextIO):
    """The exam ``--compare`` names (a saved exam file, or a folder of images named by finger,
    which has no pseudonym), checked to be of the same patient as ``exam``; ``None`` after
    saying why on ``err``."""
    from ..core.exam import ExamError, exam_from_folder, load_exam
    from ..core.followup import FollowUpError, check_same_patient

    source = Path(args.compare)
    try:
        if source.is_dir():
            earlier = exam_from_folder(source)
        elif source.is_file():
            earlier = load_exam(source)
        else:
            err.write(translate("CLI", '"{path}" does not exist.').format(path=source) + "\n")
            return None
        check_same_patient(earlier, exam, force=args.force_compare)
    except FollowUpError as exc:
        err.write(f"{exc} " + translate("CLI", "Use --force-compare to compare them anyway.") + "\n")
        return None
    except (ExamError, OSError) as exc:
        err.write(f"{exc}\n")
        return None
    return earlier


def _outputs_writable(args: argparse.Namespace, targets: tuple[Path | None, ...], err: TextIO) -> bool:
    """No output is replaced without --overwrite, and every output's folder exists: checked
    before any work."""
    if not args.overwrite:
        clashes = [p for p in targets if p is not None and exists(p)]
        if clashes:
            err.write(translate("CLI", '"{path}" already exists; nothing was written. Use --overwrite to replace it.').format(path=clashes[0]) + "\n")
            return False
    for target in targets:
        if target is not None and not target.parent.is_dir():
            err.write(translate("CLI", 'The folder "{folder}" does not exist.').format(folder=target.parent) + "\n")
            return False
    return True


def _compared(args: argparse.Namespace, analyzer: Any, earlier: Any, summary: Any, err: TextIO) -> tuple[Any, Any]:
    """The earlier exam counted at its own scale and compared with this one's figures:
    (the comparison, the earlier exam's thumbnails)."""
    from ..core.exam import exam_calibration, summarise_exam
    from ..core.followup import compare_exams
    from ..core.result import date_text

    err.write(translate("CLI", "The earlier exam, of {date}:").format(date=date_text(earlier.date)) + "\n")
    then_images = [image for image in earlier.images if image.finger is not None and not image.excluded]
    then_results, then_thumbnails, then_failures = _analyse_exam(args, analyzer, earlier, then_images, exam_calibration(earlier), err)
    comparison = compare_exams(summarise_exam(earlier, then_results, then_failures), summary, force=args.force_compare)
    return comparison, then_thumbnails


def _print_figures(summary: Any, comparison: Any) -> None:
    for finger in summary.fingers:
        print(_finger_line(finger))
    print(_patient_line(summary.patient))
    for line in _fast_track_lines(summary.patient):
        print(line)
    if comparison is not None:
        from ..core.followup import comparison_lines

        for line in comparison_lines(comparison):
            print(line)


def run_exam(args: argparse.Namespace) -> int:
    from ..core.calibration import Calibration
    from ..core.exam import exam_calibration, save_exam, summarise_exam
    from ..core.pipeline import Analyzer

    err = sys.stderr
    log_path = configure_logging()
    log.info("capseg exam %s", args.exam)
    profile = profile_for(args.profile, err) if args.profile is not None else None
    if args.profile is not None and profile is None:
        return 2
    exam = _exam_for(args, profile, err)
    if exam is None:
        return 2
    report_path = Path(args.report)
    csv_path = Path(args.csv) if args.csv else None
    exam_path = Path(args.save_exam) if args.save_exam else None
    if not _outputs_writable(args, (report_path, csv_path, exam_path), err):
        return 2
    earlier = None
    if args.compare is not None:
        earlier = _earlier_exam(args, exam, err)
        if earlier is None:
            return 2
    to_analyse = [image for image in exam.images if image.finger is not None and not image.excluded]
    for image in exam.images_of(None):
        err.write(
            translate("CLI", '"{name}" is not assigned to a finger (name images like L2A.png or R5B.jpg); it is left out.').format(
                name=image.file_name
            )
            + "\n"
        )
    if not to_analyse:
        err.write(translate("CLI", "No image of this exam is assigned to a finger; nothing to analyse.") + "\n")
        return 2
    # The profile's learnt limb width sets the model's scale for every image, as in the window.
    calibration = Calibration.from_profile(profile) if profile is not None else exam_calibration(exam)
    if calibration.measuring_um_per_px is None:
        err.write(translate("CLI", "No scale given (--profile or --um-per-px): densities and dilated or giant loops are not assessed.") + "\n")
    session = load_session(args.model, err, profile)
    if session is None:
        return 2
    analyzer = Analyzer(session, scale_mode=args.scale)
    analyzer.for_green_light = green_light_analyzer(args, profile)

    from ..report.pdf import write_report

    results, thumbnails, failures = _analyse_exam(args, analyzer, exam, to_analyse, calibration, err)
    summary = summarise_exam(exam, results, failures)
    comparison, then_thumbnails = _compared(args, analyzer, earlier, summary, err) if earlier is not None else (None, None)
    try:
        write_report(report_path, exam, summary, results, thumbnails, overwrite=args.overwrite, model_card=session.card,
                     comparison=comparison, then_thumbnails=then_thumbnails)
        if csv_path is not None:
            from ..core.followup import exam_csv_of

            write_text_atomic(csv_path, exam_csv_of(summary, comparison), overwrite=args.overwrite)
        if exam_path is not None:
            save_exam(exam, exam_path, overwrite=args.overwrite)
    except CapSegError as exc:
        err.write(f"{exc}\n")
        return 1
    _print_figures(summary, comparison)
    written = [str(report_path)] + [str(p) for p in (csv_path, exam_path) if p is not None]
    print(translate("CLI", "Report: {files}").format(files=", ".join(written)))
    if failures:
        if log_path:
            sentence = CLI.tr(
                "%n image(s) could not be analysed and are listed as not used in the report. Details are in the log file {log}.",
                "", len(failures),
            )
        else:
            sentence = CLI.tr("%n image(s) could not be analysed and are listed as not used in the report.", "", len(failures))
        err.write(sentence.format(log=log_path) + "\n")
        return 1
    return 0


def add_exam(sub: Any) -> None:
    exam = sub.add_parser(
        "exam",
        help="analyse a patient's exam (fingers L2-L5, R2-R5) and write its PDF report",
        description=(
            "EXAM is a folder whose images are named by finger (L2A.png, L2B.png, R5A.jpg...: hand L or R, finger "
            "2 to 5, an optional letter), or an exam file saved by the window (NAME.capseg-exam.json). Images with "
            "corrections saved by hand are counted as corrected. Writes the PDF report, and the exam CSV with --csv."
        ),
    )
    exam.add_argument("exam", metavar="EXAM", help="folder of images named by finger, or a .capseg-exam.json file")
    exam.add_argument("--report", required=True, metavar="OUT.pdf", help="the PDF report to write")
    exam.add_argument("--csv", metavar="OUT.csv", help="also write the exam CSV (one row per image, finger and the patient)")
    exam.add_argument("--save-exam", metavar="FILE", help="also save the exam file (NAME.capseg-exam.json), to reopen in the window")
    scale = exam.add_mutually_exclusive_group()
    scale.add_argument("--profile", metavar="NAME",
                       help="microscope profile (as saved in the window) giving the scale, and its own model when it has one")
    scale.add_argument("--um-per-px", type=scale_arg, help="scale in micrometres per pixel")
    exam.add_argument("--patient", metavar="ID", help="the patient's pseudonym (no name or other personal data)")
    exam.add_argument("--operator", metavar="NAME", help="who made the exam")
    exam.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the exam's date (default: today, or the exam file's)")
    exam.add_argument("--model", help="model file (.tflite, .keras, .h5); default: the profile's model, else the bundled model")
    exam.add_argument("--scale", choices=("auto", "native"), default="auto", help="as for capseg analyze")
    exam.add_argument("--no-light-model", action="store_true", help="as for capseg analyze")
    exam.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    exam.add_argument("--compare", metavar="OLD_EXAM",
                      help="an earlier exam of the same patient (a .capseg-exam.json file): the report, the CSV and the "
                           "output compare the two, per finger and for the patient")
    exam.add_argument("--force-compare", action="store_true", help="compare with --compare even when the pseudonyms differ")
    exam.add_argument("--overwrite", action="store_true", help="replace existing output files")
    exam.set_defaults(func=run_exam)
