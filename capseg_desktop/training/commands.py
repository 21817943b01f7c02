"""The training subcommands of ``capseg``: ``train``, ``synth``, ``evaluate``, ``verify-model`` and ``finetune``.

``cli.py`` calls :func:`register`. Nothing heavy is imported here: TensorFlow, Keras and the
training modules are imported inside the command functions.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add ``train``, ``synth`` and ``evaluate`` to a ``capseg`` argument parser."""
    synth = subparsers.add_parser(
        "synth", help="make synthetic nailfold strips with exact masks and counts",
        description="Write synthetic nailfold capillaroscopy strips: NAME.png, NAME_mask.png "
        "(0/255), NAME_instances.png (16-bit capillary ids) and counts.json.",
    )
    synth.add_argument("--out", type=Path, required=True, help="output folder")
    synth.add_argument("-n", type=int, required=True, help="number of strips")
    synth.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    synth.add_argument("--prefix", default="synth", help="file name prefix (default synth)")
    synth.add_argument("--world", action="store_true",
                       help="domain randomisation: the looks of many microscopes (see SynthParams.world)")
    synth.add_argument("--limb-scale", type=float, default=1.0,
                       help="resize every strip by this factor (0.35: limbs of about 3.5 px; 1.6: about 16 px)")
    synth.add_argument("--samples", action="store_true",
                       help="sample-folder layout: images only at the top, masks in masks/, no instance images")
    synth.add_argument("--only", type=lambda text: [int(v) for v in text.split(",")],
                       help="write only these strip numbers (comma-separated) of the n")
    synth.add_argument("--field", action="store_true",
                       help="wide fields (1000-1300 x 800-1100) instead of strips: the distal row at any angle, "
                       "deeper rows and end-on capillaries, with NAME_rows.json (each capillary's row, 0 = distal)")
    synth.add_argument("--look", choices=["natural", "green", "mono", "nir", "blue", "any"],
                       help="illumination: green LED, monochrome, near-infrared-like, bluish cold light, "
                       "or any (one drawn per image); default: white light, as before")
    synth.add_argument("--proxy-set", action="store_true",
                       help="write the new-microscope benchmark instead: green-only, greyscale and rotated reference "
                       "strips (from ../shared when present) and -n wide fields with vertical or diagonal rows")
    synth.set_defaults(func=run_synth)

    train = subparsers.add_parser(
        "train", help="train a U-Net and write .keras, .tflite, model card and curves",
        description="Train the capillary U-Net on synthetic strips and (optionally) real "
        "strips with masks or teacher pseudo-labels; keep the best held-out epoch.",
    )
    train.add_argument("--recipe", type=Path,
                       help="rebuild a model from a recipe (models/recipe.json rebuilds the bundled model); "
                            "the other options but --out, --work, --quick, --stage and --baseline are ignored")
    train.add_argument("--work", type=Path, default=Path("/tmp/capseg_recipe"),
                       help="with --recipe: folder for the generated data and the bundle (default /tmp/capseg_recipe)")
    train.add_argument("--quick", action="store_true", help="with --recipe: a few minutes' version (CI)")
    train.add_argument("--stage", choices=("all", "train", "evaluate"), default="all",
                       help="with --recipe: data and training only, or the evaluation of a bundle trained before")
    train.add_argument("--kfold", type=int, metavar="K",
                       help="with --recipe: after a run in --work, a K-fold figure for the method (K retrainings)")
    train.add_argument("--baseline", action="append", default=[], metavar="NAME=FILE",
                       help="with --recipe: another model scored on the same splits (repeatable)")
    train.add_argument("--out", type=Path, help="folder for the model bundle (with --recipe: where to install it)")
    train.add_argument("--synthetic", type=Path, action="append", default=[],
                       help="folder of synthetic pairs (repeatable); made with --synth-count if empty")
    train.add_argument("--synth-count", type=int, default=0, help="strips to generate into an empty --synthetic folder")
    train.add_argument("--synth-seed", type=int, default=0)
    train.add_argument("--real-images", type=Path, help="folder of real images")
    train.add_argument("--real-masks", type=Path, help="folder of NAME_mask.png for the real images")
    train.add_argument("--teacher", type=Path, help="teacher model: makes pseudo-labels into --real-masks")
    train.add_argument("--points", type=Path,
                       help="our point annotations (JSON): pseudo-label regions without a point are dropped")
    train.add_argument("--depth", type=int, default=4)
    train.add_argument("--base-filters", type=int, default=6)
    train.add_argument("--max-filters", type=int, default=64)
    train.add_argument("--channels", type=int, choices=(1, 3), default=3)
    train.add_argument("--full-resolution", action="store_true",
                       help="compute features at full resolution too (slower)")
    train.add_argument("--epochs", type=int, default=40)
    train.add_argument("--steps", type=int, default=40, help="steps per epoch")
    train.add_argument("--batch", type=int, default=8)
    train.add_argument("--patch", default="192x384", help="HxW training patch (default 192x384)")
    train.add_argument("--lr", type=float, default=2e-3)
    train.add_argument("--patience", type=int, default=8)
    train.add_argument("--val-fraction", type=float, default=0.15)
    train.add_argument("--real-weight", type=float, default=0.5, help="share of real patches per batch")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--threads", type=int, default=0, help="TensorFlow threads (0: all)")
    train.add_argument("--version", default="1.0.0")
    train.set_defaults(func=run_train)

    evaluate = subparsers.add_parser(
        "evaluate", help="precision, recall and F1 of a model against point annotations",
        description="Compare detected capillaries with annotated points (one [x, y] per "
        "capillary, per image, in a JSON file) and, with --masks, masks with Dice and IoU.",
    )
    evaluate.add_argument("--images", type=Path, help="folder of images")
    evaluate.add_argument("--points", type=Path,
                          help='JSON: {"image.png": [[x, y], ...], ...}')
    evaluate.add_argument("--robustness", action="store_true",
                          help="apply the robustness transforms (rescaled, paler, bluish, blurred, JPEG, rotated, "
                               "darker third, glare) to Test_images and to --images/--points if given, and print "
                               "F1 and count error per transform")
    evaluate.add_argument("--masks", type=Path, help="folder of NAME_mask.png reference masks")
    evaluate.add_argument("--model", type=Path, help="model file (default: the bundled model)")
    evaluate.add_argument("--tolerance", type=float, default=10.0,
                          help="pixels a point may lie outside a detected box and still match (default 10)")
    evaluate.add_argument("--threshold", type=float, help="override the recommended threshold")
    evaluate.add_argument("--min-area", type=int, help="override the recommended minimum area (px)")
    evaluate.add_argument("--json", type=Path, help="also write the per-image report here")
    evaluate.set_defaults(func=run_evaluate)

    verify = subparsers.add_parser(
        "verify-model", help="re-run a model's recorded evaluation and compare with its card",
        description="Score the model on the test split its card names and on the robustness suite, "
        "and compare with the figures in its model_card.json (within a stated tolerance).",
    )
    verify.add_argument("--model-dir", type=Path, help="folder with the model and its card (default: models/)")
    verify.add_argument("--images", type=Path, default=Path("../shared/data/seed/Test_images"),
                        help="the reference strips (default ../shared/data/seed/Test_images)")
    verify.add_argument("--points", type=Path, default=Path("tests/training/data/seed_points.json"),
                        help="our point annotations (default tests/training/data/seed_points.json)")
    verify.set_defaults(func=run_verify)

    finetune = subparsers.add_parser(
        "finetune", help="fine-tune a Keras model on your own corrected images",
        description="Fine-tune a .keras model on images with masks (--masks) or with corrections saved by the "
        "window (--corrections); a fifth of the images (at least one) is kept aside and scored before and "
        "after. Writes NAME.keras, NAME.tflite, model_card.json and training_curves.png into --out, all at once. "
        "SIGTERM or Ctrl-C stops cleanly (exit 130, nothing written).",
    )
    finetune.add_argument("--images", type=Path, required=True, help="folder of images (at least 3 with a reference)")
    labels = finetune.add_mutually_exclusive_group(required=True)
    labels.add_argument("--masks", type=Path, help="folder of NAME_mask.png masks")
    labels.add_argument("--corrections", action="store_true",
                        help="the corrections saved beside each image (NAME.capseg.json)")
    finetune.add_argument("--base", type=Path, required=True, help="the model to start from (.keras or .h5)")
    finetune.add_argument("--out", type=Path, required=True, help="new folder for the fine-tuned model")
    finetune.add_argument("--name", help="file name of the model (default: the --out folder's name)")
    finetune.add_argument("--epochs", type=int, default=15, help="epochs (default 15)")
    finetune.add_argument("--steps", type=int, default=25, help="steps per epoch (default 25)")
    finetune.add_argument("--batch", type=int, default=8, help="patches per step (default 8)")
    finetune.add_argument("--patch", default="192x384", help="HxW training patch (default 192x384)")
    finetune.add_argument("--lr", type=float, default=5e-4, help="learning rate (default 5e-4)")
    finetune.add_argument("--seed", type=int, default=0)
    finetune.add_argument("--scale", choices=("microscope", "per_image"), default="microscope",
                          help="microscope (default): one scale for all the images, from the median of their limb "
                               "widths, recorded in the card for the microscope's profile; per_image: each image's "
                               "own estimate")
    finetune.add_argument("--threads", type=int, default=2,
                          help="TensorFlow threads (default 2: the same speed and sums on every machine)")
    finetune.add_argument("--progress", choices=("text", "json"), default="text",
                          help="json: one JSON object per line on stdout, for programs")
    finetune.set_defaults(func=run_finetune)


def run_synth(args: argparse.Namespace) -> int:
    import dataclasses

    from .synth import FieldParams, SynthParams, proxy_set, write_dataset

    if args.proxy_set:
        counts = proxy_set(args.out, seed=args.seed, fields=args.n)
        print(f"wrote the new-microscope set ({len(counts)} fields, {sum(counts.values())} capillaries) to {args.out}")
        return 0
    if args.field:
        params: SynthParams | FieldParams | None = FieldParams(look=args.look)
    else:
        params = SynthParams.world() if args.world else None
        if args.look is not None:
            params = dataclasses.replace(params or SynthParams(), look=args.look)
    counts = write_dataset(args.out, args.n, seed=args.seed, prefix=args.prefix, params=params,
                           samples_layout=args.samples, indices=args.only, limb_scale=args.limb_scale,
                           kind="field" if args.field else "strip")
    total = sum(counts.values())
    print(f"wrote {len(counts)} {'fields' if args.field else 'strips'} ({total} capillaries) to {args.out}")
    return 0


def _parse_patch(text: str) -> tuple[int, int]:
    height, width = (int(v) for v in text.lower().split("x"))
    return height, width


def run_train(args: argparse.Namespace) -> int:
    from .train import TrainConfig, train, training_command
    from .unet import UNetConfig

    command = training_command()
    if args.recipe is not None:
        from .recipe import run_recipe

        baselines = {}
        for item in args.baseline:
            name, _, file = item.partition("=")
            baselines[name] = Path(file)
        if args.kfold:
            from .recipe import run_kfold

            run_kfold(args.recipe, args.work, folds=args.kfold, quick=args.quick, out=args.out)
            return 0
        run_recipe(args.recipe, args.work, args.out, quick=args.quick, baselines=baselines,
                   command=command, stage=args.stage)
        return 0
    if args.out is None:
        print("capseg train: give --out (or --recipe)", file=sys.stderr)
        return 2
    for folder in args.synthetic:
        has_pairs = folder.is_dir() and any(folder.glob("*_mask.png"))
        if not has_pairs:
            if args.synth_count <= 0:
                print(f"{folder} holds no synthetic pairs; give --synth-count to make them", file=sys.stderr)
                return 2
            from .synth import write_dataset

            print(f"generating {args.synth_count} synthetic strips into {folder}")
            write_dataset(folder, args.synth_count, seed=args.synth_seed)
    if args.teacher is not None:
        if args.real_images is None or args.real_masks is None:
            print("--teacher needs --real-images and --real-masks", file=sys.stderr)
            return 2
        from .pseudo import make_pseudo_labels

        from .evaluate import load_points

        points = load_points(args.points) if args.points else None
        images = sorted(p for p in args.real_images.glob("*.png"))
        print(f"pseudo-labelling {len(images)} real images with {args.teacher.name}")
        make_pseudo_labels(args.teacher, images, args.real_masks, points=points)
    config = TrainConfig(
        out_dir=args.out,
        synthetic_dirs=list(args.synthetic),
        real_images=args.real_images,
        real_masks=args.real_masks,
        unet=UNetConfig(depth=args.depth, base_filters=args.base_filters, max_filters=args.max_filters,
                        input_channels=args.channels, full_resolution=args.full_resolution),
        epochs=args.epochs,
        steps_per_epoch=args.steps,
        batch_size=args.batch,
        patch=_parse_patch(args.patch),
        learning_rate=args.lr,
        patience=args.patience,
        val_fraction=args.val_fraction,
        real_weight=args.real_weight,
        seed=args.seed,
        version=args.version,
        threads=args.threads,
        command=command,
    )
    train(config)
    from .parameter_search import calibrate_bundle
    from .evaluate import load_points

    calibrate_bundle(args.out, list(args.synthetic), args.real_images,
                     load_points(args.points) if args.points else None,
                     teacher=args.teacher)
    return 0


def run_finetune(args: argparse.Namespace) -> int:
    """``capseg finetune``: the events as text or JSON lines; SIGTERM/SIGINT stop after the
    current batch with exit 130 and nothing written."""
    import signal

    from .finetune import FinetuneConfig, FinetuneError, FinetuneStopped, finetune

    stop = {"asked": False}

    def ask_stop(signum: int, frame: object) -> None:
        stop["asked"] = True

    previous = {sig: signal.signal(sig, ask_stop) for sig in (signal.SIGTERM, signal.SIGINT)}

    def emit(event: dict) -> None:
        if args.progress == "json":
            print(json.dumps(event), flush=True)
        else:
            print(_describe_event(event), file=sys.stderr if event.get("event") == "error" else sys.stdout, flush=True)

    try:
        config = FinetuneConfig(
            images=args.images, masks=args.masks, corrections=args.corrections, base=args.base, out=args.out,
            name=args.name, epochs=args.epochs, steps_per_epoch=args.steps, batch_size=args.batch,
            patch=_parse_patch(args.patch), learning_rate=args.lr, seed=args.seed, threads=args.threads,
            command=training_command_text(), scale=args.scale,
        )
        finetune(config, emit, should_stop=lambda: stop["asked"])
        return 0
    except (FinetuneStopped, KeyboardInterrupt):
        if args.progress != "json":
            print("stopped; nothing was written", file=sys.stderr)
        return 130
    except (FinetuneError, ValueError) as exc:
        emit({"event": "error", "message": str(exc)})
        return 2 if isinstance(exc, FinetuneError) else 1
    except Exception as exc:  # CapSegError and friends carry a plain sentence
        emit({"event": "error", "message": str(exc) or exc.__class__.__name__})
        return 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def training_command_text() -> str:
    from .train import training_command

    return training_command()


def _describe_event(event: dict) -> str:
    kind = event.get("event")
    if kind == "start":
        return (f"fine-tuning on {event['images'] - len(event['validation'])} images, "
                f"{len(event['validation'])} kept aside for validation ({', '.join(event['validation'])}); "
                f"{event['epochs']} epochs")
    if kind == "epoch":
        return (f"epoch {event['epoch']}/{event['epochs']}: loss {event['loss']:.4f} val_loss {event['val_loss']:.4f} "
                f"(about {event['eta_s']:.0f} s left)")
    if kind == "scores":
        b, a = event["before"], event["after"]
        return (f"validation: F1 {b['f1']:.3f} -> {a['f1']:.3f}, mean |count error| "
                f"{b['count_error']:.2f} -> {a['count_error']:.2f}")
    if kind == "done":
        return f"wrote {event['out']} ({event.get('seconds', 0):.0f} s)"
    if kind == "error":
        return f"capseg finetune: {event['message']}"
    return json.dumps(event)


def run_verify(args: argparse.Namespace) -> int:
    from capseg_desktop.core.paths import default_model_path

    from .bundle_evaluation import verify_model

    model_dir = args.model_dir
    if model_dir is None:
        default = default_model_path()
        if default is None:
            print("capseg verify-model: no bundled model found; give --model-dir", file=sys.stderr)
            return 2
        model_dir = Path(default).parent
    if not args.images.is_dir() or not args.points.is_file():
        print(f"capseg verify-model: needs the reference strips ({args.images}) and the points ({args.points})",
              file=sys.stderr)
        return 2
    return verify_model(model_dir, args.images, args.points)


def run_robustness(args: argparse.Namespace) -> int:
    from capseg_desktop.core import Analyzer, load_model
    from capseg_desktop.core.paths import default_model_path

    from .evaluate import load_points
    from .bundle_evaluation import sample_images
    from .robustness import annotated_from_masks, annotated_from_points, robustness_table

    model_path = args.model or default_model_path()
    if model_path is None:
        print("capseg evaluate: no model given and no bundled model found", file=sys.stderr)
        return 2
    session = load_model(model_path)
    samples_dir, samples_masks = sample_images()
    images = annotated_from_masks(samples_dir, samples_masks) if samples_dir.is_dir() else []
    if args.images is not None and args.points is not None:
        points = load_points(args.points)
        images += annotated_from_points(args.images, points, sorted(points))
    if not images:
        print("capseg evaluate: no annotated images to transform", file=sys.stderr)
        return 2
    print(f"{session.name}: robustness on {len(images)} images (F1 against the moved points)")
    table = robustness_table(session, images, Analyzer(session).default_params(), log=print)
    if args.json is not None:
        args.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_folder, format_report

    if args.robustness:
        return run_robustness(args)
    if args.images is None or args.points is None:
        print("capseg evaluate: give --images and --points (or --robustness)", file=sys.stderr)
        return 2

    try:
        report = evaluate_folder(
            images_dir=args.images, points_path=args.points, masks_dir=args.masks,
            model_path=args.model, tolerance_px=args.tolerance,
            threshold=args.threshold, min_area_px=args.min_area,
        )
    except (FileNotFoundError, ValueError) as exc:
        print(f"capseg evaluate: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # CapSegError and friends carry a plain sentence
        print(f"capseg evaluate: {exc}", file=sys.stderr)
        return 1
    print(format_report(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0
