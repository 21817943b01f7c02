"""A base model that has never seen a real picture, then taught the reference microscope with a
few of its strips: ``python -m capseg_devtools.synthetic_base --recipe R --work W``.

Issue 18 asks how far synthetic data alone goes on real strips, and issue 20 how fast a few
reviewed images teach a model a microscope it does not know. This answers both on the 25
reference strips (``../shared/data/seed/``):

1. train a base on the recipe's synthetic sets alone (its ``train`` settings, no real patch,
   early stopping on held-out synthetic images only), ``--epochs`` epochs (default 20);
2. score it on the recipe's 20 training and validation strips (our points, 10 px);
3. adapt it with ``capseg finetune``'s defaults on the first 3, 5 and 10 of them (every other
   one by name, so they spread over the sessions), with the recipe's pseudo-label masks
   (``W/pseudo``, as ``capseg train --recipe R --work W`` leaves them) standing for the
   corrections, and score each on the strips it did not learn from.

The recipe's test strips are never used. Prints a Markdown table and writes JSON (``--out``).
Needs the recipe's synthetic folders and pseudo-labels in ``W`` (run its data stage first).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE_PX = 10.0


def train_base(recipe: dict, work: Path, out: Path, epochs: int, log=print, quick: bool = False) -> Path:
    from capseg_desktop.training.recipe import train_config
    from capseg_desktop.training.train import train

    settings = dict(recipe["train"], epochs=epochs, real_weight=0.0)
    if quick:
        settings.update(steps_per_epoch=2, batch_size=2)
    folders = [work / f"synth_{spec['name']}" for spec in recipe["synthetic"]]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        raise SystemExit(f"missing synthetic data {missing}: run capseg train --recipe with --work {work} first")
    config = train_config(recipe, settings, out_dir=out, synthetic_dirs=folders, real_images=None, real_masks=None,
                          seed=int(recipe["seed"]), version=f"{recipe['version']}-synthetic-only",
                          command="python -m capseg_devtools.synthetic_base")
    train(config, log=log)
    return out / "capseg_unet.keras"


def score(model: Path, images: Path, names: list[str], points: dict) -> dict:
    from capseg_desktop.core import load_model
    from capseg_desktop.training.evaluate import evaluate_session

    report = evaluate_session(load_model(model), {n: images / n for n in names}, {n: points[n] for n in names}, TOLERANCE_PX)
    return {"f1": round(report["f1"], 3), "count_error": round(report["mean_abs_count_error"], 2), "scored_on": len(names)}


def adapt(base: Path, images: Path, masks: Path, names: list[str], work: Path, quick: bool = False,
          setting: dict | None = None) -> tuple[Path, float]:
    from .adapt_curve import adapt as adapt_on

    settings = {"epochs": 1, "steps_per_epoch": 2, "batch_size": 2} if quick else dict(setting or {})
    model, info = adapt_on(base, images, names, work, masks=masks, command="python -m capseg_devtools.synthetic_base",
                           **settings)
    return model, info["seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.synthetic_base", description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipe", type=Path, default=ROOT / "models" / "recipe.json")
    parser.add_argument("--work", type=Path, required=True, help="the recipe's work folder (synthetic data, pseudo-labels)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--k", default="3,5,10")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--quick", action="store_true", help="a smoke run: two steps per epoch")
    parser.add_argument("--base", type=Path, help="a synthetic-only base made before (its .keras): no training")
    parser.add_argument("--keep-base", type=Path, help="copy the base's bundle into this folder")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a fine-tuning setting other than capseg finetune's default (FinetuneConfig field)")
    args = parser.parse_args(argv)
    from capseg_desktop.training.evaluate import load_points
    from capseg_desktop.training.recipe_file import load_recipe, resolve

    recipe = load_recipe(args.recipe)
    images = resolve(recipe, recipe["reference"]["images"])
    if not images.is_dir():
        print(f"no reference strips at {images}: nothing to measure", file=sys.stderr)
        return 2
    points = load_points(resolve(recipe, recipe["reference"]["points"]))
    labelled = sorted(n for n in points if n not in recipe["splits"]["test"])
    order = labelled[::2] + labelled[1::2]  # the first k spread over the sessions
    temp = Path(tempfile.mkdtemp(prefix="capseg-synthetic-base-"))
    try:
        started = time.time()
        base = args.base or train_base(recipe, args.work, temp / "base", args.epochs, quick=args.quick)
        if args.keep_base and not args.base:
            shutil.copytree(base.parent, args.keep_base, dirs_exist_ok=True)
        setting = {key: json.loads(value) for key, value in (item.split("=", 1) for item in args.set)}
        figures = {"recipe": args.recipe.name, "epochs": args.epochs, "training_seconds": round(time.time() - started, 1),
                   "finetune_settings": setting,
                   "base": score(base.with_suffix(".tflite"), images, labelled, points), "adapted": []}
        print(f"synthetic-only base on the {len(labelled)} strips: {figures['base']}", flush=True)
        for k in (int(k) for k in args.k.split(",")):
            model, seconds = adapt(base, images, args.work / "pseudo", order[:k], temp / f"k{k}", args.quick, setting)
            rest = sorted(set(labelled) - set(order[:k]))
            row = {"images": k, "seconds": seconds, **score(model, images, rest, points)}
            figures["adapted"].append(row)
            print(f"adapted with {k}: {row}", flush=True)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(markdown(figures))
    return 0


def markdown(figures: dict) -> str:
    lines = ["| reference strips learnt from | scored on | F1 | count error | minutes |", "|---:|---:|---:|---:|---:|",
             f"| 0 (synthetic data only, {figures['epochs']} epochs) | {figures['base']['scored_on']} | "
             f"{figures['base']['f1']:.2f} | {figures['base']['count_error']:.1f} | {figures['training_seconds'] / 60:.0f} |"]
    for row in figures["adapted"]:
        lines.append(f"| {row['images']} | {row['scored_on']} | {row['f1']:.2f} | {row['count_error']:.1f} | "
                     f"{row['seconds'] / 60:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
