"""``capseg``: the headless command line, a thin layer over ``capseg_desktop.core``.

    capseg analyze PATH... [--model FILE] [--out DIR] [--threshold T] [--min-area PX]
                           [--merge-distance PX] [--split-area PX] [--um-per-px S] [--overwrite]
    capseg convert MODEL.h5 MODEL.tflite
    capseg train | synth | evaluate ...   (model training tools)
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Sequence, TextIO

from . import __version__
from .core.atomic import write_text_atomic
from .core.counting import CountingParams
from .core.errors import CapSegError, ExportError, ModelLoadError
from .core.imageio import SUPPORTED_SUFFIXES, is_supported_image_path, list_images
from .core.paths import default_model_path
from .core.result import failed_row, summary_csv

OUTPUT_SUFFIXES = ("_annotated.png", "_mask.png", ".json")


def _positive_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError("must be a number greater than 0")
    return value


def _non_negative_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError("must be a number, 0 or more")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _probability(text: str) -> float:
    value = float(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def collect_inputs(paths: Sequence[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files as given and the images directly inside given folders; problems as (path, why)."""
    images: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found = list_images(path)
            if not found:
                problems.append((path, f'The folder "{path}" holds no PNG, JPEG, TIFF or BMP images.'))
            images.extend(found)
        elif path.exists():
            images.append(path)  # read_image says plainly if it is not an image we read
        else:
            problems.append((path, f'"{path}" does not exist.'))
    return images, problems


def _output_stems(images: list[Path]) -> dict[Path, str]:
    """Output name stems, unique (case-insensitively, as on Windows and macOS) among all the
    images of the run: a second ``a.png`` from another folder becomes ``a_2`` unless an image
    of the run is already called ``a_2``."""
    taken = {image.stem.lower() for image in images}
    used: set[str] = set()
    stems: dict[Path, str] = {}
    for image in images:
        stem = image.stem
        number = 1
        while stem.lower() in used or (number > 1 and stem.lower() in taken):
            number += 1
            stem = f"{image.stem}_{number}"
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


def run_analyze(args: argparse.Namespace) -> int:
    from .core.model import load_model
    from .core.pipeline import Analyzer

    err = sys.stderr
    model_path = Path(args.model) if args.model else default_model_path()
    if model_path is None:
        err.write("No model given and no bundled model found in models/; use --model FILE.\n")
        return 2
    try:
        session = load_model(model_path)
    except ModelLoadError as exc:
        err.write(f"{exc}\n")
        return 2
    analyzer = Analyzer(session)
    base = analyzer.default_params()
    params = CountingParams(
        threshold=args.threshold if args.threshold is not None else base.threshold,
        min_area_px=args.min_area if args.min_area is not None else base.min_area_px,
        merge_distance_px=(
            args.merge_distance if args.merge_distance is not None else base.merge_distance_px
        ),
        split_area_px=args.split_area if args.split_area is not None else base.split_area_px,
    )

    images, problems = collect_inputs(args.paths)
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err.write(f'The output folder "{out_dir}" cannot be created ({exc.strerror}).\n')
            return 2

    rows = [failed_row(str(path), why) for path, why in problems]
    for _, why in problems:
        err.write(f"{why}\n")
    if not images:
        err.write("Nothing to analyse: no image was found in what was given.\n")
        return 2
    stems = _output_stems(images)
    summary_path = (out_dir or images[0].parent) / "summary.csv"

    # Refuse before any work if results would overwrite existing files.
    if not args.overwrite:
        clashes = [
            target
            for image in images
            for target in (
                (out_dir or image.parent) / f"{stems[image]}{suffix}" for suffix in OUTPUT_SUFFIXES
            )
            if target.exists()
        ]
        if summary_path.exists():
            clashes.append(summary_path)
        if clashes:
            err.write(
                f"{len(clashes)} output file(s) already exist, for example \"{clashes[0]}\"; "
                "nothing was written. Use --overwrite to replace them, or --out DIR.\n"
            )
            return 2

    progress = _Progress(len(images), err)
    failures = len(problems)
    for index, image in enumerate(images):
        progress.show(index, image.name)
        target_dir = out_dir or image.parent
        stem = stems[image]
        try:
            analysis = analyzer.analyze_path(image, params=params, um_per_px=args.um_per_px)
            analysis.write_annotated_png(target_dir / f"{stem}_annotated.png", overwrite=args.overwrite)
            analysis.write_mask_png(target_dir / f"{stem}_mask.png", overwrite=args.overwrite)
            analysis.write_json(target_dir / f"{stem}.json", overwrite=args.overwrite)
            rows.append(analysis.result.summary_row(str(image)))
            if not progress.enabled:
                density = analysis.result.density_per_mm
                extra = "" if density is None else f", {density:.1f} per mm"
                print(f"{image}: {analysis.result.count} capillaries{extra}")
        except CapSegError as exc:
            failures += 1
            rows.append(failed_row(str(image), str(exc)))
            progress.note(f"{image}: {exc}")
    progress.show(len(images), "done")
    progress.close()

    try:
        write_text_atomic(summary_path, summary_csv(rows), overwrite=args.overwrite)
    except ExportError as exc:
        err.write(f"{exc}\n")
        return 1
    ok = sum(1 for row in rows if row.get("status") == "ok")
    total_count = sum(int(row["count"]) for row in rows if row.get("status") == "ok")
    print(f"{ok} of {len(rows)} image(s) analysed, {total_count} capillaries; summary: {summary_path}")
    if failures:
        err.write(f"{failures} image(s) could not be analysed; see the status column of {summary_path}.\n")
        return 1
    return 0


def run_convert(args: argparse.Namespace) -> int:
    from .core.model import convert_to_tflite

    source, target = Path(args.source), Path(args.target)
    if target.exists() and not args.overwrite:
        sys.stderr.write(f'"{target}" already exists; use --overwrite to replace it.\n')
        return 2
    try:
        convert_to_tflite(source, target)
    except CapSegError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    print(f"Wrote {target} ({target.stat().st_size / 1024:.0f} KiB)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capseg",
        description="Count capillaries in nailfold capillaroscopy images (CapSeg Desktop engine).",
    )
    parser.add_argument("--version", action="version", version=f"CapSeg Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

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
    analyze.add_argument("--min-area", type=_non_negative_int, help=f"count only areas above this, in pixels ({defaults} 340)")
    analyze.add_argument("--merge-distance", type=_non_negative_float, help=f"merge parts closer than this, in pixels ({defaults} 23)")
    analyze.add_argument("--split-area", type=_non_negative_int, help=f"split merged groups with two parts above this area ({defaults} 1500)")
    analyze.add_argument("--um-per-px", type=_positive_float, help="scale in micrometres per pixel, for the density per mm")
    analyze.add_argument("--overwrite", action="store_true", help="replace existing output files")
    analyze.set_defaults(func=run_analyze)

    convert = sub.add_parser("convert", help="convert a Keras model (.h5/.keras) to .tflite for LiteRT")
    convert.add_argument("source", help="Keras model (.h5 or .keras; Keras 2 files included)")
    convert.add_argument("target", help="output .tflite file")
    convert.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    convert.set_defaults(func=run_convert)

    try:
        from .training import commands as training_commands
    except ImportError:  # training tools are optional in a trimmed installation
        training_commands = None
    if training_commands is not None and hasattr(training_commands, "register"):
        training_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted; files already written are complete, none is half-written.\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
