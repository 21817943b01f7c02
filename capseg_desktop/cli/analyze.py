"""``capseg analyze`` (images and folders to annotated pictures, masks, JSON and one summary
CSV), ``capseg export-training-data`` and ``capseg convert``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from ..core.atomic import remove_stale_partials, write_text_atomic
from ..core.counting import CountingParams
from ..core.errors import CapSegError, ExportError
from ..core.i18n import format_number, translate
from ..core.imageio import SUPPORTED_SUFFIXES, list_images
from ..core.texts import Plurals
from .common import (
    CORRECTIONS_HELP, Progress, configure_logging, corrections_dir, exists, green_light_analyzer, load_session, log,
    non_negative_float, non_negative_int, probability, profile_for, scale_arg,
)

if TYPE_CHECKING:
    from ..core.batch import BatchItem


CLI = Plurals("CLI")  # the variable is named as its context (core.texts.Plurals)

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


def run_analyze(args: argparse.Namespace) -> int:
    from ..core.calibration import Calibration
    from ..core.pipeline import Analyzer

    err = sys.stderr
    log_path = configure_logging()
    log.info("capseg analyze %s", " ".join(args.paths))
    profile = profile_for(args.profile, err) if args.profile is not None else None
    if args.profile is not None and profile is None:
        return 2
    session = load_session(args.model, err, profile)
    if session is None:
        return 2
    analyzer = Analyzer(session, scale_mode=args.scale)
    analyzer.for_green_light = green_light_analyzer(args, profile)
    overridden = any(v is not None for v in (args.threshold, args.min_area, args.merge_distance, args.split_area))
    # Without an override each picture is counted with its model's own recommendation (the
    # model for green light has its own).
    params = _params_from(args, analyzer.default_params()) if overridden else None
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
    calibration = Calibration.from_profile(profile) if profile is not None else None
    items, interrupted = _analyse_all(args, analyzer, params, images, problems, stems, out_dir, replace_incomplete, calibration, err)
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
            clashes.extend(p for p in output_paths(folder, stems[image]) if exists(p))
    if exists(summary_path):
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
                 stems: dict[Path, str], out_dir: Path | None, replace_incomplete: set[Path], calibration,
                 err: TextIO) -> tuple[list, bool]:
    """Every image through the batch loop, its files written as it comes: (the summary's
    items, whether Ctrl+C interrupted the run). ``calibration``: the microscope profile's scale
    (``None``: ``--um-per-px`` or none). The files are written on a thread of their own while the
    next image is analysed (``core.writer``), unless ``args.background_writes`` is false (the
    benchmark's comparison): then each image's files are written before the next is analysed."""
    from ..core.batch import STATUS_CANCELLED, STATUS_FAILED, BatchItem, run_batch
    from ..core.writer import BackgroundWriter

    items: list[BatchItem] = [BatchItem(path, STATUS_FAILED, None, why) for path, why in problems]
    bar = Progress(len(images), err)
    done: set[Path] = set()
    interrupted = False
    batch = run_batch(
        analyzer, images, params=params,
        um_per_px=calibration.measuring_um_per_px if calibration is not None else args.um_per_px,
        progress=lambda finished, _total, path: bar.show(finished, path.name),
        use_corrections=args.use_corrections, corrections_dir=corrections_dir(args), calibration=calibration,
    )

    def write(item: BatchItem) -> BatchItem:
        overwrite = args.overwrite or item.path in replace_incomplete
        return _write_files(item, out_dir or item.path.parent, stems[item.path], overwrite)

    def report(item: BatchItem) -> None:
        done.add(item.path)
        items.append(item)
        _report(item, bar)

    writer = BackgroundWriter(write) if args.background_writes else None
    try:
        for item in batch:
            for finished in writer.submit(item) if writer is not None else [write(item)]:
                report(finished)
        for finished in writer.finish() if writer is not None else ():
            report(finished)
    except KeyboardInterrupt:
        interrupted = True
        # The images analysed before Ctrl+C keep their files, as when each was written before
        # the next was analysed: at most two images, each written whole.
        for finished in writer.finish() if writer is not None else ():
            report(finished)
        items.extend(
            BatchItem(image, STATUS_CANCELLED, None, translate("CLI", "The run was interrupted before this image was finished."))
            for image in images if image not in done
        )
    finally:
        if writer is not None:
            writer.stop()
        batch.close()
    bar.close()
    return items, interrupted


def _write_files(item: BatchItem, folder: Path, stem: str, overwrite: bool) -> BatchItem:
    """The item once its three files are written, or failed with the sentence saying why they
    could not be (a read-only folder, a full disk; a bug must not end the batch either)."""
    from ..core.batch import failed_item, write_outputs

    if item.analysis is None:
        return item
    try:
        write_outputs(item.analysis, folder, stem, overwrite=overwrite)
    except Exception as exc:
        return failed_item(item.path, exc)
    return item


def _report(item: BatchItem, bar: Progress) -> None:
    """An image's line as it ends: its failure or warning, or (without a bar) its count."""
    from ..core.batch import STATUS_FAILED

    if item.status == STATUS_FAILED:
        bar.note(f"{item.path}: {item.message}")
    elif item.analysis is not None:
        if not bar.enabled:
            print(_result_line(item.path, item.analysis.result, item.message))
        elif item.message:
            bar.note(translate("CLI", "{path}: warning: {message}").format(path=item.path, message=item.message))


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


def add_analyze(sub: Any) -> None:
    analyze = sub.add_parser(
        "analyze",
        help="segment and count images and folders of images",
        description=(
            "For each image NAME.ext writes NAME_annotated.png, NAME_mask.png and NAME.json, "
            f"and one summary.csv. Reads {', '.join(SUPPORTED_SUFFIXES)}."
        ),
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    analyze.add_argument("--model", help="model file (.tflite, .keras, .h5); default: the profile's model, else the bundled model")
    analyze.add_argument("--out", help="output folder (default: beside each image)")
    defaults = "default: the model card's recommendation, else"
    analyze.add_argument("--threshold", type=probability, help=f"probability threshold ({defaults} 0.5)")
    analyze.add_argument("--min-area", type=non_negative_int,
                         help=f"count only areas above this, in pixels at the model's scale ({defaults} 340)")
    analyze.add_argument("--merge-distance", type=non_negative_float,
                         help=f"merge parts closer than this, in pixels at the model's scale ({defaults} 23)")
    analyze.add_argument("--split-area", type=non_negative_int,
                         help=f"split merged groups with two parts above this area, at the model's scale ({defaults} 1500)")
    scale = analyze.add_mutually_exclusive_group()
    scale.add_argument("--um-per-px", type=scale_arg, help="scale in micrometres per pixel, for the density per mm")
    scale.add_argument("--profile", metavar="NAME",
                       help="microscope profile (as saved in the window): its scale, its learnt limb width and its own "
                            "model when it has one")
    analyze.add_argument("--scale", choices=("auto", "native"), default="auto",
                         help="auto (default): bring each image to the scale its model states (estimated from "
                              "the image); native: analyse every image at its own size")
    analyze.add_argument("--no-light-model", action="store_true",
                         help="count pictures lit green with the bundled model too (by default, without --model or a "
                              "profile's model, they are counted with the model for any light, models/any_light/)")
    analyze.add_argument("--overwrite", action="store_true", help="replace existing output files")
    analyze.add_argument("--use-corrections", action="store_true",
                         help="count each image that has corrections saved by hand (NAME.capseg.json) as corrected: "
                              "its saved parameters and scale, then the edits; others as usual")
    analyze.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    # background_writes=False writes each image's files before analysing the next, as before
    # core.writer: what the benchmark compares against. Not an option: the files are the same.
    analyze.set_defaults(func=run_analyze, background_writes=True)


def run_export_training_data(args: argparse.Namespace) -> int:
    from ..core.corrections import export_training_data

    configure_logging()
    folder, out_dir = Path(args.folder), Path(args.out)
    if not folder.is_dir():
        sys.stderr.write(translate("CLI", 'The folder "{folder}" does not exist.').format(folder=folder) + "\n")
        return 2
    problems: list[str] = []
    try:
        written = export_training_data(folder, out_dir, corrections_dir(args), problems)
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


def add_export_training_data(sub: Any) -> None:
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


def add_convert(sub: Any) -> None:
    convert = sub.add_parser("convert", help="convert a Keras model (.h5/.keras) to .tflite for LiteRT")
    convert.add_argument("source", help="Keras model (.h5 or .keras; Keras 2 files included)")
    convert.add_argument("target", help="output .tflite file")
    convert.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    convert.set_defaults(func=run_convert)
