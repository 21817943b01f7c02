"""The files ``capseg analyze`` writes, timed for ``python -m capseg_devtools.bench``.

* :func:`bench_cli_files`: the whole command, in this process, on copies of one strip, with its
  files written: as before (each image's files written before the next image is analysed, every
  legend line measured afresh) and as now (on a thread of their own while the next image is
  analysed, ``core/writer.py``; the legend's shared lines remembered), interleaved round by
  round so that both see the same machine.
* :func:`write_costs`: where the writing time goes for one strip (drawing the annotated
  picture, encoding it, the mask, the JSON, the atomic writes of the three).
* :func:`png_encodings`: size and time of the PNG encodings tried: the former zlib level 3, the
  encoding used (run-length strategy on the Up filter), no compression, and a 1-bit mask.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import statistics
import time
from pathlib import Path
from typing import Any, Callable

import cv2
import numpy as np

from capseg_desktop.core import render
from capseg_desktop.core.atomic import write_files_atomic
from capseg_desktop.core.batch import output_files
from capseg_desktop.core.pipeline import Analysis

#: The two ways the command line writes its files: the label and whether it is the current way.
WAYS = (("before: written after each image", False), ("now: written while the next image is analysed", True))


@contextlib.contextmanager
def _as_before(current: bool):
    """The writing as it was before, when ``current`` is false: each image's files written
    before the next is analysed, and every legend line measured afresh (``render._wrapped``)."""
    if current:
        yield
        return
    remembered = render._wrapped
    render._wrapped = lambda line, width, font: tuple(render._wrap(line, width, font.getlength))
    try:
        yield
    finally:
        render._wrapped = remembered


def _ms(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000.0


def _cpu_ms(function: Callable[[], object]) -> float:
    """Milliseconds of CPU this thread spent in ``function``: what the part costs, whatever
    else the machine is doing (drawing, encoding and writing each run on one thread)."""
    started = time.thread_time()
    function()
    return (time.thread_time() - started) * 1000.0


def _analyze_quietly(argv: list[str], current: bool) -> int:
    """``capseg analyze`` as ``main()`` runs it, its progress and result lines swallowed; its
    files written the current way or as before."""
    from capseg_desktop.cli import build_parser, install_language

    args = build_parser().parse_args(["analyze", *argv])
    install_language(args.lang)
    args.background_writes = current
    with _as_before(current), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return int(args.func(args))


def bench_cli_files(strip: Path, folder: Path, copies: int, rounds: int, model: Path | None = None) -> dict[str, Any]:
    """Median milliseconds per strip of ``capseg analyze`` on ``copies`` copies of ``strip``
    (model loaded, the folder's shared scale, the analyses, the three files per image and the
    summary), for each way of writing, over ``rounds`` rounds after one round of warm-up: wall
    clock, and the CPU time of this process (all its threads: the same work either way)."""
    images = folder / "cli_strips"
    images.mkdir()
    for number in range(copies):
        shutil.copyfile(strip, images / f"strip_{number + 1:02d}.png")
    model_args = ["--model", str(model)] if model is not None else []
    wall: dict[str, list[float]] = {label: [] for label, _ in WAYS}
    cpu: dict[str, list[float]] = {label: [] for label, _ in WAYS}
    for round_number in range(rounds + 1):
        ways = WAYS if round_number % 2 == 0 else WAYS[::-1]  # neither always goes first
        for label, background in ways:
            out = folder / f"cli_out_{round_number}_{int(background)}"
            cpu_started = time.process_time()
            elapsed = _ms(lambda: _analyze_quietly([str(images), "--out", str(out), *model_args], background))
            cpu_ms = (time.process_time() - cpu_started) * 1000.0
            if not all((out / f"strip_{n + 1:02d}.json").is_file() for n in range(copies)):
                raise RuntimeError(f"capseg analyze did not write every file in {out}")
            if round_number > 0:
                wall[label].append(elapsed / copies)
                cpu[label].append(cpu_ms / copies)
            shutil.rmtree(out)
    medians = {label: statistics.median(times) for label, times in wall.items()}
    cpu_medians = {label: statistics.median(times) for label, times in cpu.items()}
    before, now = (medians[label] for label, _ in WAYS)
    cpu_before, cpu_now = (cpu_medians[label] for label, _ in WAYS)
    return {"copies": copies, "rounds": rounds, "ms_per_strip": medians, "ratio": before / now,
            "cpu_ms_per_strip": cpu_medians, "cpu_ratio": cpu_before / cpu_now}


def write_costs(analysis: Analysis, folder: Path, repeats: int) -> dict[str, float]:
    """Median milliseconds of each part of writing one image's files: CPU on this thread, but
    wall clock for the writes themselves (waiting for the disk takes no CPU)."""
    text = analysis.result.png_text()
    annotated = analysis.annotated_rgb()
    parts: dict[str, list[float]] = {
        "drawing the annotated picture": [], "drawing it as before (every legend line measured afresh)": [],
        "encoding the annotated picture": [], "the mask (drawn and encoded)": [],
        "the JSON": [], "writing the three files (temporary files, fsync, rename; wall clock: mostly the disk)": [],
    }
    for number in range(repeats):
        parts["drawing the annotated picture"].append(_cpu_ms(analysis.annotated_rgb))
        with _as_before(False):
            parts["drawing it as before (every legend line measured afresh)"].append(_cpu_ms(analysis.annotated_rgb))
        parts["encoding the annotated picture"].append(_cpu_ms(lambda: render.encode_png(annotated, text)))
        parts["the mask (drawn and encoded)"].append(
            _cpu_ms(lambda: render.encode_png(np.where(analysis.counted_mask, 255, 0).astype(np.uint8), text)))
        parts["the JSON"].append(_cpu_ms(lambda: analysis.result.to_json().encode("utf-8")))
        files = output_files(analysis, folder, f"costs_{number}")
        parts["writing the three files (temporary files, fsync, rename; wall clock: mostly the disk)"].append(
            _ms(lambda: write_files_atomic(files)))
    return {name: statistics.median(times) for name, times in parts.items()}


def png_encodings(analysis: Analysis, repeats: int) -> list[dict[str, Any]]:
    """Each encoding tried: what it encodes, its median milliseconds and its size in KiB, and
    whether OpenCV decodes it to the same pixels; milliseconds of CPU (every lossless one does)."""
    annotated = cv2.cvtColor(analysis.annotated_rgb(), cv2.COLOR_RGB2BGR)
    mask = np.where(analysis.counted_mask, 255, 0).astype(np.uint8)
    tried = (
        ("annotated picture", "zlib level 3, OpenCV's filters (the former encoding)", annotated, [cv2.IMWRITE_PNG_COMPRESSION, 3]),
        ("annotated picture", "run-length strategy on the Up filter (used)", annotated, render.PNG_PARAMS),
        ("annotated picture", "no compression (zlib level 0)", annotated, [cv2.IMWRITE_PNG_COMPRESSION, 0]),
        ("mask", "run-length strategy on the Up filter, 8-bit grey (used)", mask, render.PNG_PARAMS),
        ("mask", "1 bit per pixel (not used: Pillow reads it as True/False, not 0/255)", mask, [cv2.IMWRITE_PNG_BILEVEL, 1]),
    )
    rows = []
    for picture, encoding, pixels, params in tried:
        times = [_cpu_ms(lambda: cv2.imencode(".png", pixels, params)) for _ in range(repeats)]
        data = cv2.imencode(".png", pixels, params)[1]
        decoded = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
        rows.append({"picture": picture, "encoding": encoding, "ms": statistics.median(times),
                     "kib": len(data) / 1024.0, "same_pixels": bool(np.array_equal(decoded, pixels))})
    return rows
