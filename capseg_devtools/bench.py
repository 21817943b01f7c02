"""Benchmark: ``python -m capseg_devtools.bench``.

In one process, on the reference images when ``../shared/data/seed`` exists (else on the
sample images in ``Test_images/``), it times the new pipeline per stage (read, segment,
count, render) and the original approach (pad to 960 x 1280, all-pairs distances), then
``capseg analyze`` with its files written, the former way and the current one
(``bench_files.py``), and prints medians and the ratios. ``--json FILE`` keeps the results for
the README (``python -m capseg_devtools.speed_readme FILE``). It is a script, not a test:
timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import numpy as np

from capseg_desktop.core.counting import CountingParams, count_capillaries
from capseg_desktop.core.imageio import list_images, read_image
from capseg_desktop.core.model import ModelSession, convert_to_tflite, load_model
from capseg_desktop.core.paths import default_model_path, sample_images_dir, seed_dir
from capseg_desktop.core.pipeline import Analyzer, params_at_image_scale
from .legacy import legacy_count, legacy_probabilities


def _ms(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = function()
    return (time.perf_counter() - started) * 1000.0, value


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_new(session: ModelSession, images: list[Path], repeats: int) -> dict[str, list[float]]:
    """Per-stage times of the new pipeline, ``repeats`` runs per image after one warm-up."""
    analyzer = Analyzer(session)
    params = analyzer.default_params()  # the model's own, in its pixels
    stages: dict[str, list[float]] = {"read": [], "segment": [], "count": [], "render": [], "total": []}
    for path in images:
        analyzer.analyze_path(path, params)  # warm-up: the runtime plans this image size once
        for _ in range(repeats):
            read_ms, image = _ms(lambda: read_image(path))
            segment_ms, analysis = _ms(lambda: analyzer.analyze_image(image, params))
            factor = analysis.result.scale.factor if analysis.result.scale is not None else 1.0
            count_ms, _ = _ms(lambda: count_capillaries(analysis.probabilities, params_at_image_scale(params, factor)))
            render_ms, _ = _ms(lambda: (analysis.annotated_rgb(), analysis.overlay_rgb(), analysis.mask_rgb()))
            # Scale estimate and resize included: what a user waits for.
            segment_only = analysis.result.timings_ms["segment"] + analysis.result.timings_ms.get("scale", 0.0)
            stages["read"].append(read_ms)
            stages["segment"].append(segment_only)
            stages["count"].append(count_ms)
            stages["render"].append(render_ms)
            stages["total"].append(read_ms + segment_only + count_ms + render_ms)
    return stages


def bench_legacy(keras_session: ModelSession, images: list[Path]) -> tuple[dict[str, list[float]], list[tuple[str, int, int]]]:
    """The original approach, once per image (it takes seconds); also returns both counts."""
    stages: dict[str, list[float]] = {"read": [], "segment": [], "count": [], "total": []}
    counts = []
    params = CountingParams()
    for path in images:
        read_ms, image = _ms(lambda: read_image(path))
        segment_ms, probabilities = _ms(lambda: legacy_probabilities(keras_session.predict, image.rgb))
        count_ms, boxes = _ms(lambda: legacy_count(probabilities, params))
        new_count = count_capillaries(probabilities, params).count
        counts.append((path.name, len(boxes), new_count))
        stages["read"].append(read_ms)
        stages["segment"].append(segment_ms)
        stages["count"].append(count_ms)
        stages["total"].append(read_ms + segment_ms + count_ms)
    return stages, counts


def _row(name: str, stages: dict[str, list[float]]) -> str:
    cells = [f"{_median(stages.get(key, [])):9.1f}" if stages.get(key) else "        -" for key in ("read", "segment", "count", "render", "total")]
    return f"| {name:<44} | " + " | ".join(cells) + " |"


def _record(name: str, stages: dict[str, list[float]]) -> dict[str, object]:
    """A table row of the results' JSON: the pipeline and its median per stage (``None``: not timed)."""
    return {"pipeline": name, **{key: _median(stages[key]) if stages.get(key) else None
                                 for key in ("read", "segment", "count", "render", "total")}}


HEADER = "| pipeline (median ms per image)               |      read |   segment |     count |    render |     total |"


class Section:
    """One table, printed as it is measured and kept for the results' JSON."""

    def __init__(self, results: dict, title: str, runs: int) -> None:
        self.data: dict = {"title": title, "runs": runs, "rows": []}
        results["sections"].append(self.data)
        print(f"\n{title}, {runs} runs")
        print(HEADER + "\n|" + "---|" * 6)

    def add(self, name: str, stages: dict[str, list[float]]) -> None:
        print(_row(name, stages), flush=True)
        self.data["rows"].append(_record(name, stages))


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", help="folder of images (default: the reference images, else Test_images/)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per image for the new pipeline")
    parser.add_argument("--legacy-images", type=int, default=6, help="images for the original approach (seconds each; 0 skips it)")
    parser.add_argument("--model", help="model for the new pipeline (default: the bundled model)")
    parser.add_argument("--compare", action="append", default=[], metavar="FILE",
                        help="another model timed in the same run (e.g. an earlier bundled model); repeatable")
    parser.add_argument("--cli-copies", type=int, default=10,
                        help="copies of the strip that capseg analyze writes files for (0 skips it)")
    parser.add_argument("--cli-rounds", type=int, default=3, help="rounds of each way of writing, after one of warm-up")
    parser.add_argument("--json", metavar="FILE", help="write the results here as JSON (for capseg_devtools.speed_readme)")
    parser.add_argument("--conditions", default="",
                        help="one sentence on what else the machine was doing, kept with the results")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    seed = seed_dir()
    folder = Path(args.images) if args.images else (seed / "Test_images" if seed else sample_images_dir())
    images = list_images(folder) if folder.is_dir() else []
    if not images:
        print(f"No images in {folder}; nothing to measure.", file=sys.stderr)
        return 1
    print(f"Images: {len(images)} from {folder}")
    where = "the reference images" if seed and folder == seed / "Test_images" else f"the images of {folder.name}/"
    results: dict = {
        "measured": time.strftime("%Y-%m-%d", time.gmtime()), "machine": _machine(),
        "command": _command(argv if argv is not None else sys.argv[1:]),
        "conditions": args.conditions, "images": f"{len(images)} of {where}", "sections": [],
    }
    sessions: list[tuple[str, ModelSession]] = []
    bundled = Path(args.model) if args.model else default_model_path()
    if bundled is not None:
        sessions.append((f"new pipeline, {bundled.name} ({'litert' if bundled.suffix == '.tflite' else 'keras'})", load_model(bundled)))
    for extra in args.compare:
        sessions.append((f"new pipeline, {Path(extra).parent.name}/{Path(extra).name}", load_model(extra)))
    original = seed / "segm_model_final.h5" if seed else None
    keras_original = load_model(original) if original and original.is_file() else None
    with tempfile.TemporaryDirectory() as tmp:
        if keras_original is not None:
            converted = convert_to_tflite(original, Path(tmp) / "original.tflite")
            sessions.append(("new pipeline, original model (litert)", load_model(converted)))
        if not sessions:
            print("No model: neither models/ nor the reference model is present.", file=sys.stderr)
            return 1
        strip = _strip_1280x400(images, Path(tmp))
        _bench_pictures(args, results, sessions, keras_original, strip, Path(tmp))
        _bench_all_images(args, results, sessions, keras_original, images)
        if args.cli_copies > 0:
            results["files"] = _bench_files(args, sessions[0][1], strip, Path(tmp))
        one = read_image(images[0])
        print(f"\nFirst image: {images[0].name}, {one.width} x {one.height} px; machine: {_machine()}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Results written to {args.json} (python -m capseg_devtools.speed_readme {args.json} puts them in the README)")
    return 0


def _command(argv: list[str]) -> str:
    """The command that measured, without where its results went and the note on the load."""
    kept, skip = [], False
    for word in argv:
        if skip:
            skip = False
        elif word in ("--json", "--conditions"):
            skip = True
        elif not word.startswith(("--json=", "--conditions=")):
            kept.append(word)
    return " ".join(["python -m capseg_devtools.bench", *kept])


def _bench_pictures(args: argparse.Namespace, results: dict, sessions: list[tuple[str, ModelSession]],
                    keras_original: ModelSession | None, strip: Path, tmp: Path) -> None:
    """The strip (with inference alone and the original approach), then the wide pictures."""
    section = Section(results, f"One 1280 x 400 strip (cut from a reference image, {strip.name})", 3 * args.repeats)
    for name, session in sessions:
        section.add(name, bench_new(session, [strip], 3 * args.repeats))
    if keras_original is not None and args.legacy_images > 0:
        legacy_strip, _ = bench_legacy(keras_original, [strip])
        section.add("original approach", legacy_strip)
    print("\nInference alone on the 1280 x 400 strip at each model's own scale (no resize), median ms:")
    section.data["inference_ms"] = {}
    for name, session in sessions:
        section.data["inference_ms"][name] = _inference_ms(session, 3 * args.repeats)
        print(f"  {name}: {section.data['inference_ms'][name]:.1f}", flush=True)
    for label, picture in _wide_pictures(tmp):
        section = Section(results, label, args.repeats)
        for name, session in sessions:
            section.add(name, bench_new(session, [picture], args.repeats))


def _bench_all_images(args: argparse.Namespace, results: dict, sessions: list[tuple[str, ModelSession]],
                      keras_original: ModelSession | None, images: list[Path]) -> None:
    """Every image, and the original approach on a few of them with the speed-ups."""
    section = Section(results, f"All {len(images)} images", args.repeats)
    stages_of = {}
    for name, session in sessions:
        stages_of[name] = bench_new(session, images, args.repeats)
        section.add(name, stages_of[name])
    if keras_original is None or args.legacy_images <= 0:
        return
    step = max(1, len(images) // args.legacy_images)
    subset = images[::step][: args.legacy_images]
    legacy_stages, counts = bench_legacy(keras_original, subset)
    section.add(f"original approach ({len(subset)} images)", legacy_stages)
    # Ratios on the same images, like for like.
    subset_names = {p.name for p in subset}
    runs = [p for p in images for _ in range(args.repeats)]  # the image of each timing

    def on_subset(timings: list[float]) -> list[float]:
        return [t for p, t in zip(runs, timings) if p.name in subset_names]

    counting = sessions[-1][0]
    legacy = {
        "images": len(subset), "counting_model": counting,
        "speedup_total": {name: _median(legacy_stages["total"]) / _median(on_subset(stages["total"]))
                          for name, stages in stages_of.items()},
        "speedup_count": _median(legacy_stages["count"]) / _median(on_subset(stages_of[counting]["count"])),
        "counts_agree": sum(1 for _, old, new in counts if old == new),
    }
    results["legacy"] = legacy
    print("\nSpeed-up on the same images (original total / new total, medians):")
    for name, ratio in legacy["speedup_total"].items():
        print(f"  {name}: {ratio:.0f}x faster end to end")
    print(f"  counting alone ({counting}): {legacy['speedup_count']:.0f}x faster")
    print(f"  counts of the two counting methods on the same masks agree on {legacy['counts_agree']} of {len(counts)} images")


def _bench_files(args: argparse.Namespace, session: ModelSession, strip: Path, tmp: Path) -> dict:
    """capseg analyze with its files written, before and now; where the writing time goes."""
    from .bench_files import bench_cli_files, png_encodings, write_costs

    rounds = max(1, args.cli_rounds)
    print(f"\ncapseg analyze on {args.cli_copies} copies of the strip, files written, {rounds} rounds, ms per strip:")
    cli = bench_cli_files(strip, tmp, args.cli_copies, rounds, Path(args.model) if args.model else None)
    for label, ms in cli["ms_per_strip"].items():
        print(f"  {label}: {ms:.1f}")
    print(f"  before / now: {cli['ratio']:.2f}x", flush=True)
    analysis = Analyzer(session).analyze_path(strip)
    costs = write_costs(analysis, tmp, 3 * args.repeats)
    print("Where the writing time goes, one strip (median ms of CPU; the writes in wall clock): "
          + "; ".join(f"{part} {ms:.1f}" for part, ms in costs.items()))
    encodings = png_encodings(analysis, 3 * args.repeats)
    for row in encodings:
        print(f"  {row['picture']}, {row['encoding']}: {row['ms']:.1f} ms, {row['kib']:.0f} KiB, same pixels: {row['same_pixels']}")
    return {"cli": cli, "costs_ms": costs, "encodings": encodings}


def _inference_ms(session: ModelSession, repeats: int, height: int = 400, width: int = 1280) -> float:
    multiple = max(1, session.multiple)
    padded = (-(-height // multiple) * multiple, -(-width // multiple) * multiple)
    batch = np.random.default_rng(0).random((1, *padded, session.input_channels), np.float32)
    session.predict(batch)
    times = [_ms(lambda: session.predict(batch))[0] for _ in range(repeats)]
    return _median(times)


def _strip_1280x400(images: list[Path], folder: Path) -> Path:
    """A 1280 x 400 PNG cut from the tallest image (edges mirrored if it is smaller)."""
    import cv2

    tallest = max(images, key=lambda p: read_image(p).height)
    rgb = read_image(tallest).rgb[:400, :1280]
    pad_bottom, pad_right = 400 - rgb.shape[0], 1280 - rgb.shape[1]
    if pad_bottom or pad_right:
        rgb = cv2.copyMakeBorder(rgb, 0, pad_bottom, 0, pad_right, cv2.BORDER_REFLECT)
    path = folder / f"{tallest.stem}_1280x400.png"
    cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def _wide_pictures(folder: Path) -> list[tuple[str, Path]]:
    """Pictures like other microscopes' (synthetic, seeded): a 1280 x 1024 wide field with 5 px
    limbs (the scale step enlarges it about 2x for the model) and a 1000 x 1000 green-light
    frame with its row upright."""
    from dataclasses import replace

    import cv2

    from capseg_desktop.training.synth import FieldParams, make_field

    wide = replace(FieldParams(), width_range=(1280, 1280), height_range=(1024, 1024), limb_width_range=(5.0, 5.0))
    green = replace(FieldParams(), width_range=(1000, 1000), height_range=(1000, 1000), angle_deg=0.0, look="green")
    out = []
    for label, params, name in (("A 1280 x 1024 wide field with 5 px limbs", wide, "wide_field.png"),
                                ("A 1000 x 1000 green-light frame, the row upright", green, "green_frame.png")):
        field = make_field(np.random.default_rng([2026, 12]), params)
        path = folder / name
        cv2.imwrite(str(path), cv2.cvtColor(field.rgb, cv2.COLOR_RGB2BGR))
        out.append((label, path))
    return out


def _machine() -> str:
    import os
    import platform

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}"


if __name__ == "__main__":
    sys.exit(main())
