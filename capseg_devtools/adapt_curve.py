"""What a new microscope's model gains from k reviewed images, on a microscope you can rebuild:
``python -m capseg_devtools.adapt_curve [--base MODEL.keras] [--out FILE.json]``.

The microscope is synthetic and unlike the reference strips (``--look``, default green LED;
``--limb-scale``, default 0.6: limbs of about 5 px, as on the wide-field microscopes of issue
18): ``capseg synth --world`` strips of seed 7001, drawn by the same generator as the training
data but never trained on. Its first ``--pool`` images are the ones a clinician would review
(their exact masks stand for the corrections); the next ``--held-out`` are never used for
anything but the score.

For each k of ``--k`` (default 3, 5, 10), ``capseg finetune`` with its defaults adapts the base
model on the first k images, once per scale mode: ``microscope`` (one factor for all the
microscope's images, the median of their limb widths, learnt by its profile; the default since
2026-12-08) and ``per_image`` (each image's own estimate, as before). The held-out images are
scored with F1 of detections against one point per drawn capillary (10 px) and the mean absolute
count error; the base model is scored as a new user gets it (each image's own scale). Seconds
are wall-clock on this machine, fine-tuning and its own scoring included.

Writes the figures to ``--out`` (JSON) and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASE = ROOT / "models" / "capseg_unet.keras"
SEED = 7001
TOLERANCE_PX = 10.0


def _points(instances: np.ndarray) -> list[list[float]]:
    """One point per drawn capillary: the centroid of its instance."""
    points = []
    for value in np.unique(instances[instances > 0]):
        ys, xs = np.nonzero(instances == value)
        points.append([float(xs.mean()), float(ys.mean())])
    return points


def make_microscope(folder: Path, count: int, look: str, limb_scale: float) -> dict[str, list[list[float]]]:
    """``count`` images of the synthetic microscope with masks; {name: points}."""
    from dataclasses import replace

    from capseg_desktop.training.synth import SynthParams, write_dataset

    write_dataset(folder, count, seed=SEED, prefix="scope", params=replace(SynthParams.world(), look=look),
                  limb_scale=limb_scale)
    points = {}
    for path in sorted(folder.glob("scope_*_instances.png")):
        name = path.name.replace("_instances.png", ".png")
        points[name] = _points(cv2.imread(str(path), cv2.IMREAD_UNCHANGED))
        path.unlink()  # fine-tuning reads images and masks only
    return points


def _score(model: Path, folder: Path, names: list[str], points: dict, limb_width_px: float | None) -> dict:
    from capseg_desktop.core import load_model
    from capseg_desktop.core.scale import SCALE_PROFILE, ScaleInfo
    from capseg_desktop.training.evaluate import evaluate_session

    shared = ScaleInfo(1.0, float(limb_width_px), None, SCALE_PROFILE) if limb_width_px else None
    report = evaluate_session(load_model(model), {n: folder / n for n in names}, {n: points[n] for n in names},
                              TOLERANCE_PX, shared=shared)
    return {"f1": round(report["f1"], 3), "count_error": round(report["mean_abs_count_error"], 2)}


def adapt(base: Path, pool: Path, names: list[str], work: Path, scale: str = "microscope", masks: Path | None = None,
          command: str = "capseg_devtools.adapt_curve", **settings) -> tuple[Path, dict]:
    """Fine-tune ``base`` on ``names`` of ``pool`` with their ``NAME_mask.png`` (in ``masks``,
    default ``pool``): capseg finetune's defaults, or ``settings``."""
    from capseg_desktop.training.finetune import FinetuneConfig, finetune

    images = work / "images"
    images.mkdir(parents=True)
    for name in names:
        mask = name.replace(".png", "_mask.png")
        shutil.copy(pool / name, images / name)
        shutil.copy((masks or pool) / mask, images / mask)
    started = time.time()
    done = finetune(FinetuneConfig(images=images, masks=images, base=base, out=work / "model", scale=scale,
                                   command=command, **settings), lambda event: None)
    card = json.loads(Path(done["card"]).read_text(encoding="utf-8"))
    tuning = card["fine_tuning"]
    return Path(done["tflite"]), {"seconds": round(time.time() - started, 1),
                                  "limb_width_px": tuning.get("microscope_limb_width_px"),
                                  "best_epoch": tuning.get("best_epoch")}


def run(base: Path, ks: list[int], look: str, limb_scale: float, pool_size: int, held_out: int,
        modes: list[str], log=print, **settings) -> dict:
    work = Path(tempfile.mkdtemp(prefix="capseg-adapt-curve-"))
    try:
        folder = work / "scope"
        points = make_microscope(folder, pool_size + held_out, look, limb_scale)
        names = sorted(points)
        pool_names, test_names = names[:pool_size], names[pool_size:]
        base_tflite = base.with_suffix(".tflite") if base.with_suffix(".tflite").is_file() else base
        figures = {"base": str(base.relative_to(ROOT)) if base.is_relative_to(ROOT) else str(base),
                   "look": look, "limb_scale": limb_scale, "seed": SEED, "held_out": len(test_names),
                   "capillaries_held_out": sum(len(points[n]) for n in test_names),
                   "before": _score(base_tflite, folder, test_names, points, None), "runs": []}
        log(f"base model on {len(test_names)} held-out images: {figures['before']}")
        for k in ks:
            for mode in modes:
                model, info = adapt(base, folder, pool_names[:k], work / f"k{k}-{mode}", mode, **settings)
                scores = _score(model, folder, test_names, points, info["limb_width_px"])
                figures["runs"].append({"images": k, "scale": mode, **info, **scores})
                log(f"k={k} {mode}: {scores}, {info}")
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def markdown(figures: dict) -> str:
    """The README's table: F1 and count error on the held-out images against images reviewed."""
    before = figures["before"]
    lines = ["| images reviewed | scale | F1 | count error | minutes |", "|---:|---|---:|---:|---:|",
             f"| 0 (the base model) | each image's own | {before['f1']:.2f} | {before['count_error']:.1f} | |"]
    for run in figures["runs"]:
        scale = "one for the microscope" if run["scale"] == "microscope" else "each image's own"
        lines.append(f"| {run['images']} | {scale} | {run['f1']:.2f} | {run['count_error']:.1f} | {run['seconds'] / 60:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.adapt_curve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, default=DEFAULT_BASE, help="the base model's .keras")
    parser.add_argument("--k", default="3,5,10", help="numbers of reviewed images (default 3,5,10)")
    parser.add_argument("--look", default="green", help="the microscope's light (synth LOOKS; default green)")
    parser.add_argument("--limb-scale", type=float, default=0.6)
    parser.add_argument("--pool", type=int, default=10)
    parser.add_argument("--held-out", type=int, default=20)
    parser.add_argument("--modes", default="microscope,per_image")
    parser.add_argument("--out", type=Path, help="write the figures here (JSON)")
    args = parser.parse_args(argv)
    ks = [int(k) for k in args.k.split(",")]
    if max(ks) > args.pool:
        parser.error("--pool must hold the largest k")
    figures = run(args.base.resolve(), ks, args.look, args.limb_scale, args.pool, args.held_out,
                  args.modes.split(","))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(markdown(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
