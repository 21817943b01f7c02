"""``capseg``: the headless command line, a thin layer over ``capseg_desktop.core``.

    capseg analyze PATH... [--model FILE] [--out DIR] [--threshold T] [--min-area PX]
                           [--merge-distance PX] [--split-area PX] [--um-per-px S]
                           [--scale auto|native] [--overwrite] [--use-corrections]
    capseg export-training-data FOLDER --out DIR
    capseg exam FOLDER|EXAM.capseg-exam.json --report OUT.pdf [--profile NAME | --um-per-px S]
                [--csv OUT.csv] [--save-exam FILE] [--patient ID] [--operator NAME] [--date YYYY-MM-DD]
    capseg convert MODEL.h5 MODEL.tflite
    capseg train | synth | evaluate ...   (model training tools)
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import math
import sys
from pathlib import Path
from typing import Any, Sequence, TextIO

from .. import __version__
from ..core.atomic import remove_stale_partials, write_text_atomic
from ..core.counting import CountingParams
from ..core.errors import CapSegError, ExportError
from ..core import i18n
from ..core.i18n import format_number, translate
from ..core.imageio import SUPPORTED_SUFFIXES, list_images
from ..core.paths import default_model_path, log_dir
from ..core.texts import Plurals

#: This module's sentences with a count (see ``core.texts.Plurals``).
CLI = Plurals("CLI")

log = logging.getLogger("capseg_desktop.cli")

LOG_FILE_NAME = "capseg.log"
#: Micrometres per pixel a microscope image can plausibly have: 0.01 um/px (a 100x objective
#: on a fine sensor) to 1000 um/px (a whole finger in a few pixels). Outside is a typo, and a
#: value like 1e-308 would make the density infinite.
MIN_UM_PER_PX = 1e-3
MAX_UM_PER_PX = 1e4


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError("must be a number (not nan or inf)")
    return value


def _positive_float(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a number greater than 0")
    return value


def _scale(text: str) -> float:
    value = _positive_float(text)
    if not MIN_UM_PER_PX <= value <= MAX_UM_PER_PX:
        raise argparse.ArgumentTypeError(
            f"must be a number of micrometres per pixel between {MIN_UM_PER_PX:g} and "
            f"{MAX_UM_PER_PX:g}, from the microscope's calibration"
        )
    return value


def _non_negative_float(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be a number, 0 or more")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _probability(text: str) -> float:
    value = _number(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def configure_logging() -> Path | None:
    """Log records (tracebacks, decoders' and TensorFlow's messages) go to a file in the
    application-data folder, never to the terminal; returns its path, or ``None`` when that
    folder cannot be written (the records are then dropped, the sentences still shown)."""
    root = logging.getLogger("capseg_desktop")
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "_capseg_cli", False)]:
        root.removeHandler(old)
        old.close()
    path: Path | None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=2, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler._capseg_cli = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


def collect_inputs(paths: Sequence[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files as given and the images directly inside given folders; problems as (path, why)."""
    images: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found = list_images(path)
            if not found:
                problems.append((path, translate("CLI", 'The folder "{path}" holds no PNG, JPEG, TIFF or BMP images.').format(path=path)))
            images.extend(found)
        elif path.exists():
            images.append(path)  # read_image says plainly if it is not an image we read
        else:
            problems.append((path, translate("CLI", '"{path}" does not exist.').format(path=path)))
    return images, problems


def _output_stems(images: list[Path]) -> dict[Path, str]:
    """Output name stems, unique (case-insensitively, as on Windows and macOS) among all the
    images of the run: a second ``a.png`` from another folder becomes ``a_2`` unless an image
    of the run is already called ``a_2``. Names too long for the file system are shortened
    with a stable hash."""
    from ..core.batch import output_stem

    base = {image: output_stem(image) for image in images}
    taken = {stem.lower() for stem in base.values()}
    used: set[str] = set()
    stems: dict[Path, str] = {}
    for image in images:
        stem = base[image]
        number = 1
        while stem.lower() in used or (number > 1 and stem.lower() in taken):
            number += 1
            stem = output_stem(f"{base[image]}_{number}.png")
        used.add(stem.lower())
        stems[image] = stem
    return stems


class _Progress:
    """A one-line progress bar on stderr (only when there is more than one image)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.enabled = total > 1
        # A terminal gets a bar redrawn in place; a log file gets one plain line per image.
        self.redraw = self.enabled and hasattr(stream, "isatty") and stream.isatty()

    def show(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        if not self.redraw:
            if done < self.total:
                self.stream.write(f"{done + 1}/{self.total} {label}\n")
                self.stream.flush()
            return
        width = 30
        filled = int(width * done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} {label[:40]:<40}")
        self.stream.flush()

    def note(self, message: str) -> None:
        """A message on its own line (the bar is redrawn after it)."""
        if self.redraw:
            self.stream.write("\r\033[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.redraw:
            self.stream.write("\n")
            self.stream.flush()


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def run_analyze(args: argparse.Namespace) -> int:
    from ..core.pipeline import Analyzer

    err = sys.stderr
    log_path = configure_logging()
    log.info("capseg analyze %s", " ".join(args.paths))
    session = _load_session(args.model, err)
    if session is None:
        return 2
    analyzer = Analyzer(session, scale_mode=args.scale)
    params = _params_from(args, analyzer.default_params())
    images, problems = collect_inputs(args.paths)
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            sentence = translate("CLI", 'The output folder "{folder}" cannot be created ({reason}).')
            err.write(sentence.format(folder=out_dir, reason=exc.strerror) + "\n")
            return 2
    for _, why in problems:
        err.write(f"{why}\n")
    if not images:
        err.write(translate("CLI", "Nothing to analyse: no image was found in what was given.") + "\n")
        return 2
    stems = _output_stems(images)
    summary_path = (out_dir or images[0].parent) / "summary.csv"
    for folder in {out_dir or image.parent for image in images}:
        remove_stale_partials(folder)
    replace_incomplete = _outputs_replaced(args, images, stems, out_dir, summary_path, err)
    if replace_incomplete is None:
        return 2
    items, interrupted = _analyse_all(args, analyzer, params, images, problems, stems, out_dir, replace_incomplete, err)
    return _summarise(args, items, interrupted, summary_path, log_path, err)


def _params_from(args: argparse.Namespace, base: CountingParams) -> CountingParams:
    """The model's recommendation with what the command line sets instead."""
    return CountingParams(
        threshold=args.threshold if args.threshold is not None else base.threshold,
        min_area_px=args.min_area if args.min_area is not None else base.min_area_px,
        merge_distance_px=args.merge_distance if args.merge_distance is not None else base.merge_distance_px,
        split_area_px=args.split_area if args.split_area is not None else base.split_area_px,
    )


def _outputs_replaced(args: argparse.Namespace, images: list[Path], stems: dict[Path, str], out_dir: Path | None,
                      summary_path: Path, err: TextIO) -> set[Path] | None:
    """The images whose outputs are leftovers of an interrupted run (replaced), or ``None``
    after saying so when results would overwrite existing files: refused before any work.
    Pictures without their JSON are such leftovers, not results."""
    from ..core.batch import incomplete_outputs, output_paths

    replace_incomplete: set[Path] = set()
    if args.overwrite:
        return replace_incomplete
    clashes = []
    for image in images:
        folder = out_dir or image.parent
        if incomplete_outputs(folder, stems[image]):
            replace_incomplete.add(image)
        else:
            clashes.extend(p for p in output_paths(folder, stems[image]) if _exists(p))
    if _exists(summary_path):
        clashes.append(summary_path)
    if not clashes:
        return replace_incomplete
    err.write(
        translate(
            "CLI",
            '%n output file(s) already exist, for example "{example}"; '
            "nothing was written. Use --overwrite to replace them, or --out DIR.",
            None,
            len(clashes),
        ).format(example=clashes[0])
        + "\n"
    )
    return None


def _analyse_all(args: argparse.Namespace, analyzer, params: CountingParams, images: list[Path], problems: list[tuple[Path, str]],
                 stems: dict[Path, str], out_dir: Path | None, replace_incomplete: set[Path], err: TextIO) -> tuple[list, bool]:
    """Every image through the batch loop, its files written as it comes: (the summary's
    items, whether Ctrl+C interrupted the run)."""
    from ..core.batch import STATUS_CANCELLED, STATUS_FAILED, BatchItem, failed_item, run_batch, write_outputs

    items: list[BatchItem] = [BatchItem(path, STATUS_FAILED, None, why) for path, why in problems]
    bar = _Progress(len(images), err)
    done: set[Path] = set()
    interrupted = False
    batch = run_batch(
        analyzer, images, params=params, um_per_px=args.um_per_px,
        progress=lambda finished, _total, path: bar.show(finished, path.name),
        use_corrections=args.use_corrections, corrections_dir=_corrections_dir(args),
    )
    try:
        for item in batch:
            done.add(item.path)
            if item.analysis is not None:
                try:
                    write_outputs(
                        item.analysis, out_dir or item.path.parent, stems[item.path],
                        overwrite=args.overwrite or item.path in replace_incomplete,
                    )
                except Exception as exc:  # a full disk or a bug must not end the batch either
                    item = failed_item(item.path, exc)
            items.append(item)
            if item.status == STATUS_FAILED:
                bar.note(f"{item.path}: {item.message}")
            elif item.analysis is not None:
                if not bar.enabled:
                    print(_result_line(item.path, item.analysis.result, item.message))
                elif item.message:
                    bar.note(translate("CLI", "{path}: warning: {message}").format(path=item.path, message=item.message))
    except KeyboardInterrupt:
        interrupted = True
        items.extend(
            BatchItem(image, STATUS_CANCELLED, None, translate("CLI", "The run was interrupted before this image was finished."))
            for image in images if image not in done
        )
    finally:
        batch.close()
    bar.close()
    return items, interrupted


def _summarise(args: argparse.Namespace, items: list, interrupted: bool, summary_path: Path, log_path: Path | None, err: TextIO) -> int:
    """The summary CSV, the closing lines and the exit status."""
    from ..core.batch import STATUS_FAILED, summary_csv

    try:
        write_text_atomic(summary_path, summary_csv(items), overwrite=args.overwrite)
    except ExportError as exc:
        err.write(f"{exc}\n")
        return 130 if interrupted else 1
    except Exception:
        log.exception("The summary %s could not be written", summary_path)
        err.write(
            translate("CLI", 'The summary "{path}" could not be written (internal error; details in the log).').format(path=summary_path) + "\n"
        )
        return 130 if interrupted else 1
    if interrupted:
        err.write(
            "\n"
            + translate("CLI", "Interrupted; files already written are complete, none is half-written. Summary: {path}").format(
                path=summary_path
            )
            + "\n"
        )
        return 130
    finished = [item for item in items if item.analysis is not None]
    failures = [item for item in items if item.status == STATUS_FAILED]
    warned = sum(1 for item in finished if item.message)
    total_count = sum(item.analysis.result.count for item in finished if item.analysis is not None)
    print(
        CLI.tr("{finished} of %n image(s) analysed, {count} capillaries; summary: {path}", "", len(items)).format(
            finished=len(finished), count=total_count, path=summary_path
        )
    )
    if warned:
        err.write(
            CLI.tr("%n result(s) carry a warning; see the message column of {path}.", "", warned).format(path=summary_path)
            + "\n"
        )
    if failures:
        if log_path:
            sentence = CLI.tr(
                "%n image(s) could not be analysed; see the status column of {path}. Details are in the log file {log}.",
                "", len(failures),
            )
        else:
            sentence = CLI.tr("%n image(s) could not be analysed; see the status column of {path}.", "", len(failures))
        err.write(sentence.format(path=summary_path, log=log_path) + "\n")
        return 1
    return 0


def _corrections_dir(args: argparse.Namespace) -> Path:
    from ..core.corrections import default_fallback_dir

    given = getattr(args, "corrections_dir", None)
    return Path(given) if given else default_fallback_dir()


def run_export_training_data(args: argparse.Namespace) -> int:
    from ..core.corrections import export_training_data

    configure_logging()
    folder, out_dir = Path(args.folder), Path(args.out)
    if not folder.is_dir():
        sys.stderr.write(translate("CLI", 'The folder "{folder}" does not exist.').format(folder=folder) + "\n")
        return 2
    problems: list[str] = []
    try:
        written = export_training_data(folder, out_dir, _corrections_dir(args), problems)
    except (CapSegError, OSError) as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    images = sum(1 for path in written if path.parent.name == "images")
    if not images:
        sys.stderr.write(translate("CLI", 'No image in "{folder}" has corrections saved; nothing was written.').format(folder=folder) + "\n")
        return 1
    print(
        CLI.tr(
            "%n corrected image(s) written to {out}: images/, masks/ and points.json "
            "(for capseg train --real-images {images} --real-masks {masks}, "
            "and capseg evaluate --images {images} --points {points}).",
            "",
            images,
        ).format(out=out_dir, images=out_dir / "images", masks=out_dir / "masks", points=out_dir / "points.json")
    )
    return 1 if problems else 0


def _date(text: str) -> str:
    from ..core.exam import ExamError, check_date

    try:
        return check_date(text)
    except ExamError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _load_session(model_arg: str | None, err: TextIO):
    """The model to analyse with, or ``None`` after saying why on ``err``."""
    from ..core.model import load_model

    model_path = Path(model_arg) if model_arg else default_model_path()
    if model_path is None:
        err.write(translate("CLI", "No model given and no bundled model found in models/; use --model FILE.") + "\n")
        return None
    try:
        return load_model(model_path)
    except CapSegError as exc:
        log.warning("Model %s refused: %s (%s)", model_path, exc, exc.detail)
        err.write(f"{exc}\n")
    except Exception:
        log.exception("Model %s could not be loaded", model_path)
        err.write(
            translate("CLI", "The model {name} could not be loaded (internal error; details in the log).").format(name=model_path.name) + "\n"
        )
    return None


def _exam_for(args: argparse.Namespace, err: TextIO):
    """The exam the command is about (a folder's images by their file names, or a saved exam)
    with the options applied; ``None`` after saying why on ``err``."""
    from ..core.calibration import CalibrationError, find_profile, load_profiles, profiles_path
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
    if args.profile is not None:
        try:
            profiles = load_profiles()
        except CalibrationError as exc:
            err.write(f"{exc} ({profiles_path()})\n")
            return None
        profile = find_profile(profiles, args.profile)
        if profile is None:
            if profiles:
                sentence = translate("CLI", 'No microscope profile is called "{name}"; the profiles are: {known}.')
            else:
                sentence = translate(
                    "CLI", 'No microscope profile is called "{name}"; there are none yet (add them in the window\'s microscope profiles).'
                )
            known = ", ".join(f'"{p.name}"' for p in profiles)
            err.write(sentence.format(name=args.profile, known=known) + "\n")
            return None
        exam.profile, exam.um_per_px = profile.name, float(profile.um_per_px)
    elif args.um_per_px is not None:
        exam.profile, exam.um_per_px = None, args.um_per_px
    return exam


def _result_line(path: Path, result, message: str) -> str:
    """One analysed image's line: its count, density, hand corrections and warning."""
    parts = [CLI.tr("{path}: %n capillaries", "", result.count).format(path=path)]
    density = result.distal_density_per_mm  # the distal row's, as the window, the exam and the report give it
    if density is not None:
        parts.append(translate("CLI", ", {density} per mm").format(density=format_number(density, 1)))
    if result.edited:
        parts.append(translate("CLI", " (corrected by hand: model {model}, {edits})").format(
            model=result.model_count_or_count, edits=result.edits_text()))
    if message:
        parts.append(translate("CLI", " (warning: {message})").format(message=message))
    return "".join(parts)


def _flag_word(flag: str) -> str:
    """A density flag ("normal", "reduced") in the user's language."""
    return {"normal": translate("CLI", "normal"), "reduced": translate("CLI", "reduced")}.get(flag, flag)


def _finger_line(finger) -> str:
    if not finger.examined:
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
    return "".join(parts)


def _analyse_exam(args: argparse.Namespace, analyzer, exam, to_analyse: list, calibration, err: TextIO) -> tuple[dict, dict, dict]:
    """Each image of the exam counted as the window counts it: (results, thumbnails, failures)
    by image path; one image's failure is reported and the exam goes on."""
    from ..core.batch import failed_item
    from ..core.exam import analyze_exam_image
    from ..report.thumbnails import thumbnail_for

    results, thumbnails, failures = {}, {}, {}
    bar = _Progress(len(to_analyse), err)
    for index, image in enumerate(to_analyse):
        path = exam.path_of(image)
        bar.show(index, path.name)
        try:
            analysis = analyze_exam_image(analyzer, path, calibration, corrections_dir=_corrections_dir(args))
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
        density = CLI.tr("{density} per mm over %n finger(s) ({flag})", "", patient.fingers_with_density).format(
            density=format_number(patient.density_per_mm, 1), flag=_flag_word(patient.density_flag))
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


def run_exam(args: argparse.Namespace) -> int:
    from ..core.exam import exam_calibration, exam_csv, save_exam, summarise_exam
    from ..core.pipeline import Analyzer

    err = sys.stderr
    log_path = configure_logging()
    log.info("capseg exam %s", args.exam)
    exam = _exam_for(args, err)
    if exam is None:
        return 2
    report_path = Path(args.report)
    csv_path = Path(args.csv) if args.csv else None
    exam_path = Path(args.save_exam) if args.save_exam else None
    if not args.overwrite:
        clashes = [p for p in (report_path, csv_path, exam_path) if p is not None and _exists(p)]
        if clashes:
            err.write(translate("CLI", '"{path}" already exists; nothing was written. Use --overwrite to replace it.').format(path=clashes[0]) + "\n")
            return 2
    for target in (report_path, csv_path, exam_path):
        if target is not None and not target.parent.is_dir():
            err.write(translate("CLI", 'The folder "{folder}" does not exist.').format(folder=target.parent) + "\n")
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
    calibration = exam_calibration(exam)
    if calibration.measuring_um_per_px is None:
        err.write(translate("CLI", "No scale given (--profile or --um-per-px): densities and dilated or giant loops are not assessed.") + "\n")
    session = _load_session(args.model, err)
    if session is None:
        return 2
    analyzer = Analyzer(session, scale_mode=args.scale)

    from ..report.pdf import write_report

    results, thumbnails, failures = _analyse_exam(args, analyzer, exam, to_analyse, calibration, err)
    summary = summarise_exam(exam, results, failures)
    try:
        write_report(report_path, exam, summary, results, thumbnails, overwrite=args.overwrite, model_card=session.card)
        if csv_path is not None:
            write_text_atomic(csv_path, exam_csv(summary), overwrite=args.overwrite)
        if exam_path is not None:
            save_exam(exam, exam_path, overwrite=args.overwrite)
    except CapSegError as exc:
        err.write(f"{exc}\n")
        return 1
    for finger in summary.fingers:
        print(_finger_line(finger))
    print(_patient_line(summary.patient))
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


def run_convert(args: argparse.Namespace) -> int:
    from ..core.model import convert_to_tflite

    source, target = Path(args.source), Path(args.target)
    if target.exists() and not args.overwrite:
        sys.stderr.write(translate("CLI", '"{path}" already exists; use --overwrite to replace it.').format(path=target) + "\n")
        return 2
    try:
        convert_to_tflite(source, target)
    except CapSegError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    print(translate("CLI", "Wrote {path} ({size} KiB)").format(path=target, size=format_number(target.stat().st_size / 1024, 0)))
    return 0


LANGUAGE_CHOICES = i18n.LANGUAGES
LANGUAGE_HELP = "language of the messages, the legend and the report (default: from LANG / LC_ALL / LC_MESSAGES)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capseg",
        description="Count capillaries in nailfold capillaroscopy images (CapSeg Desktop engine).",
    )
    parser.add_argument("--version", action="version", version=f"CapSeg Desktop {__version__}")
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help=LANGUAGE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    _add_analyze(sub)
    _add_export_training_data(sub)
    _add_exam(sub)
    convert = sub.add_parser("convert", help="convert a Keras model (.h5/.keras) to .tflite for LiteRT")
    convert.add_argument("source", help="Keras model (.h5 or .keras; Keras 2 files included)")
    convert.add_argument("target", help="output .tflite file")
    convert.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    convert.set_defaults(func=run_convert)

    try:
        from ..training import commands as training_commands
    except ImportError:  # training tools are optional in a trimmed installation
        training_commands = None
    if training_commands is not None and hasattr(training_commands, "register"):
        training_commands.register(sub)
    for command in sub.choices.values():  # --lang also after the command: capseg analyze IMG --lang fr
        command.add_argument("--lang", choices=LANGUAGE_CHOICES, default=argparse.SUPPRESS, help=LANGUAGE_HELP)
    return parser




CORRECTIONS_HELP = ("where corrections of images in read-only folders are kept (default: the "
                    "application-data folder's corrections/, as the window saves them)")


def _add_analyze(sub: Any) -> None:
    analyze = sub.add_parser(
        "analyze",
        help="segment and count images and folders of images",
        description=(
            "For each image NAME.ext writes NAME_annotated.png, NAME_mask.png and NAME.json, "
            f"and one summary.csv. Reads {', '.join(SUPPORTED_SUFFIXES)}."
        ),
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    analyze.add_argument("--model", help="model file (.tflite, .keras, .h5); default: the bundled model")
    analyze.add_argument("--out", help="output folder (default: beside each image)")
    defaults = "default: the model card's recommendation, else"
    analyze.add_argument("--threshold", type=_probability, help=f"probability threshold ({defaults} 0.5)")
    analyze.add_argument("--min-area", type=_non_negative_int,
                         help=f"count only areas above this, in pixels at the model's scale ({defaults} 340)")
    analyze.add_argument("--merge-distance", type=_non_negative_float,
                         help=f"merge parts closer than this, in pixels at the model's scale ({defaults} 23)")
    analyze.add_argument("--split-area", type=_non_negative_int,
                         help=f"split merged groups with two parts above this area, at the model's scale ({defaults} 1500)")
    analyze.add_argument("--um-per-px", type=_scale, help="scale in micrometres per pixel, for the density per mm")
    analyze.add_argument("--scale", choices=("auto", "native"), default="auto",
                         help="auto (default): bring each image to the scale its model states (estimated from "
                              "the image); native: analyse every image at its own size")
    analyze.add_argument("--overwrite", action="store_true", help="replace existing output files")
    analyze.add_argument("--use-corrections", action="store_true",
                         help="count each image that has corrections saved by hand (NAME.capseg.json) as corrected: "
                              "its saved parameters and scale, then the edits; others as usual")
    analyze.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    analyze.set_defaults(func=run_analyze)


def _add_export_training_data(sub: Any) -> None:
    export = sub.add_parser(
        "export-training-data",
        help="write the corrected images of a folder as training data",
        description=(
            "For every image of FOLDER with corrections saved (NAME.capseg.json): DIR/images/NAME.png, "
            "DIR/masks/NAME_mask.png (as capseg train --real-images/--real-masks read them) and its points "
            "in DIR/points.json (as capseg evaluate --points reads them: each corrected capillary's centroid)."
        ),
    )
    export.add_argument("folder", metavar="FOLDER", help="folder of images corrected in CapSeg Desktop")
    export.add_argument("--out", required=True, metavar="DIR", help="folder to write images/, masks/ and points.json to")
    export.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    export.set_defaults(func=run_export_training_data)


def _add_exam(sub: Any) -> None:
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
    scale.add_argument("--profile", metavar="NAME", help="microscope profile (as saved in the window) giving the scale")
    scale.add_argument("--um-per-px", type=_scale, help="scale in micrometres per pixel")
    exam.add_argument("--patient", metavar="ID", help="the patient's pseudonym (no name or other personal data)")
    exam.add_argument("--operator", metavar="NAME", help="who made the exam")
    exam.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the exam's date (default: today, or the exam file's)")
    exam.add_argument("--model", help="model file (.tflite, .keras, .h5); default: the bundled model")
    exam.add_argument("--scale", choices=("auto", "native"), default="auto", help="as for capseg analyze")
    exam.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    exam.add_argument("--overwrite", action="store_true", help="replace existing output files")
    exam.set_defaults(func=run_exam)


def install_language(choice: str | None) -> str:
    """The language of the messages, the legend and the report: ``--lang``, else CAPSEG_LANG, else
    LC_ALL / LC_MESSAGES / LANG; English without loading Qt."""
    lang = i18n.normalise_language(choice) if choice else (i18n.language_from_environment() or "en")
    if lang == "en":
        i18n.install_translator(None, "en")
        return lang
    from ..i18n_qt import install_language as install_qt_language  # QtCore only: loads the .qm catalogues

    return install_qt_language(lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    install_language(args.lang)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        sys.stderr.write("\n" + translate("CLI", "Interrupted; files already written are complete, none is half-written.") + "\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
