"""Rebuild the bundled model with one command: ``capseg train --recipe models/recipe.json``.

The recipe names everything that makes the model: the seeds and sizes of the synthetic data,
the reference strips and the teacher (read from ``../shared/data/seed``, never copied), the
fixed splits, the network and the training settings. The steps:

1. **data**: synthetic strips regenerated from their seeds (a manifest of their hashes goes
   into the card); pseudo-labels for the training and validation strips from the teacher,
   cleaned with our own points of those strips only (the test strips' points are never read
   before the evaluation);
2. **train**: fixed thread count and deterministic TensorFlow ops; early stopping on the
   validation split;
3. **evaluate** (``evaluate.py``/``robustness.py``): counting parameters chosen on the
   validation split; scores on the untouched test split for the new model and for the
   baselines; the robustness table; the card, written by code only.

Nothing in the card names a folder of the build machine.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from .recipe_file import load_recipe, resolve
from .train import MODEL_STEM

Log = Callable[[str], None]


def split_names(names: list[str]) -> dict[str, list[str]]:
    """The recipe's split rule applied to the reference strips' names (sorted): test every
    5th from the 3rd; validation every 6th from the 1st, less the test; training the rest."""
    ordered = sorted(names)
    test = ordered[2::5]
    validation = [n for n in ordered[0::6] if n not in test]
    train = [n for n in ordered if n not in test and n not in validation]
    return {"test": test, "validation": validation, "train": train}


def manifest_sha256(folder: Path) -> tuple[int, str]:
    """(number of files, one sha256 over every file's name and content, sorted by name)."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".png")
    for file in files:
        digest.update(file.name.encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return len(files), digest.hexdigest()


def environment() -> dict[str, str]:
    versions = {"python": platform.python_version(), "platform": f"{platform.system()} {platform.machine()}"}
    for module in ("numpy", "cv2", "tensorflow", "keras", "ai_edge_litert"):
        try:
            imported = __import__(module)
            versions[module] = str(getattr(imported, "__version__", "unknown"))
        except Exception:  # noqa: BLE001 - a missing package is recorded, not fatal
            versions[module] = "not installed"
    return versions


def prepare_data(recipe: dict[str, Any], work: Path, quick: bool, log: Log = print) -> dict[str, Any]:
    """Synthetic strips and pseudo-labels into ``work``; returns what the card says of them."""
    from .evaluate import load_points
    from .synth import FieldParams, SynthParams, write_dataset

    counts = recipe["quick"]["synthetic_counts"] if quick else [s["count"] for s in recipe["synthetic"]]
    synthetic = []
    for spec, count in zip(recipe["synthetic"], counts):
        folder = work / f"synth_{spec['name']}"
        if folder.is_dir():
            shutil.rmtree(folder)
        kind = spec.get("kind", "strip")  # "field": wide fields, the row at any angle (model v3 on)
        params = FieldParams() if kind == "field" else SynthParams.world() if spec.get("world") else SynthParams()
        if "fibres" in spec:  # more fibres, as dark as limbs: hard negatives for a colour-blind model (v3.1 on)
            params = replace(params, fibres_range=tuple(spec["fibres"]["count"]),
                             fibre_strength_range=tuple(spec["fibres"]["strength"]))
        started = time.time()
        write_dataset(folder, int(count), seed=int(spec["seed"]), prefix=spec["name"], params=params, kind=kind)
        files, digest = manifest_sha256(folder)
        log(f"synthetic '{spec['name']}': {count} strips (seed {spec['seed']}) in {time.time() - started:.0f} s")
        synthetic.append({"name": spec["name"], "strips": int(count), "seed": int(spec["seed"]),
                          "domain_randomised": bool(spec.get("world")), "kind": spec.get("kind", "strip"), "files": files,
                          **({"fibres": spec["fibres"]} if "fibres" in spec else {}),
                          "manifest_sha256": digest, "folder": folder})

    reference = recipe["reference"]
    images_dir = resolve(recipe, reference["images"])
    names = sorted(p.name for p in images_dir.glob("*.png"))
    splits = split_names(names)
    for key in ("test", "validation"):
        if recipe["splits"][key] != splits[key]:
            raise ValueError(f"the recipe's {key} split does not follow its rule: {splits[key]}")
    pseudo_dir = work / "pseudo"
    if pseudo_dir.is_dir():
        shutil.rmtree(pseudo_dir)
    from .pseudo import make_pseudo_labels

    labelled = splits["train"] + splits["validation"]
    all_points = load_points(resolve(recipe, reference["points"]))
    points = {n: all_points[n] for n in labelled if n in all_points}  # never the test strips'
    log(f"pseudo-labels for {len(labelled)} strips (training + validation) from the teacher")
    make_pseudo_labels(resolve(recipe, reference["teacher"]), [images_dir / n for n in labelled],
                       pseudo_dir, points=points)
    return {"synthetic": synthetic, "splits": splits, "images_dir": images_dir, "pseudo_dir": pseudo_dir}


def train_model(recipe: dict[str, Any], data: dict[str, Any], bundle: Path, quick: bool,
                command: str, log: Log = print) -> dict[str, Any]:
    from .train import train

    settings = dict(recipe["train"])
    if quick:
        settings.update({k: v for k, v in recipe["quick"].items() if k in settings})
    config = train_config(
        recipe, settings, out_dir=bundle, synthetic_dirs=[s["folder"] for s in data["synthetic"]],
        real_images=data["images_dir"], real_masks=data["pseudo_dir"], seed=int(recipe["seed"]),
        version=recipe["version"], command=command, test_names=data["splits"]["test"],
        val_names=data["splits"]["validation"])
    return train(config, log=log)


def train_config(recipe: dict[str, Any], settings: dict[str, Any], **fields: Any) -> Any:
    """The training settings of a recipe (``settings``: its ``train`` section, possibly with the
    quick or k-fold overrides) as a ``TrainConfig``; ``fields`` are the run's own (folders,
    seed, splits)."""
    from .train import TrainConfig
    from .unet import UNetConfig

    return TrainConfig(
        unet=UNetConfig(**recipe["unet"]),
        epochs=int(settings["epochs"]),
        steps_per_epoch=int(settings["steps_per_epoch"]),
        batch_size=int(settings["batch_size"]),
        patch=tuple(settings["patch"]),
        learning_rate=float(settings["learning_rate"]),
        patience=int(settings["patience"]),
        val_fraction=float(settings["val_fraction"]),
        real_weight=float(settings["real_weight"]),
        threads=int(recipe["threads"]),
        target_sigma=float(recipe["target_ridge_sigma_px"]),
        world_augmentation=bool(settings.get("world_augmentation")),
        any_microscope_augmentation=bool(settings.get("any_microscope_augmentation")),
        val_max_height=settings.get("val_max_height"),
        ema_momentum=float(settings.get("ema_momentum", 0.0)),
        val_weighting=str(settings.get("val_weighting", "pairs")),
        deterministic=True,
        **fields,
    )


def describe_training_data(recipe: dict[str, Any], data: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The card's training_data: what went in, without a path of the build machine."""
    pairs = card["training_data"]["pairs"]
    return {
        "synthetic": [{k: v for k, v in s.items() if k != "folder"} for s in data["synthetic"]],
        "reference_strips": recipe["reference"]["images"],
        "teacher": Path(recipe["reference"]["teacher"]).name,
        "pseudo_labels": "teacher probabilities averaged with the mirror image, hysteresis 0.6/0.3, "
                         "regions under 150 px removed, only regions holding one of our points kept "
                         "(points of the training and validation strips only)",
        "splits": {k: data["splits"][k] for k in ("train", "validation", "test")},
        "split_rule": recipe["splits"]["rule"],
        "pairs": pairs,
        "synthetic_validation": sorted(n for n in card["training_data"]["held_out"] if not n.startswith("18")),
    }


def run_recipe(recipe_path: Path, work: Path, out: Path | None, quick: bool = False,
               baselines: dict[str, Path] | None = None, command: str = "", stage: str = "all",
               log: Log = print) -> dict[str, Any]:
    """The steps (``stage``: ``all``, ``train`` = data and training, ``evaluate`` = the rest
    on a bundle trained before in ``work``). The finished bundle goes to ``out`` (``models/``
    to replace the bundled model) and stays in ``work/bundle``."""
    from .card import read_card, write_card

    started = time.time()
    recipe = load_recipe(recipe_path)
    work.mkdir(parents=True, exist_ok=True)
    bundle = work / "bundle"
    state_path = work / "recipe_state.json"
    if stage in ("all", "train"):
        from .train import set_threads

        set_threads(int(recipe["threads"]))
        data = prepare_data(recipe, work, quick, log)
        card = train_model(recipe, data, bundle, quick, command, log)
        card["training_data"] = describe_training_data(recipe, data, card)
        card["scale"] = scale_section(float(recipe["target_ridge_sigma_px"]))
        from .card import WHAT_IS_COUNTED

        card["what_is_counted"] = dict(WHAT_IS_COUNTED)
        card["environment"] = environment()
        card["recipe"] = {"file": recipe_name(recipe_path), "quick": quick,
                          "sha256": hashlib.sha256(Path(recipe_path).read_bytes()).hexdigest()}
        card["training"]["data_and_training_seconds"] = round(time.time() - started, 1)
        write_card(bundle / "model_card.json", card)
        state = {k: (str(v) if isinstance(v, Path) else v) for k, v in data.items()}
        state["synthetic"] = [{**s, "folder": str(s["folder"])} for s in data["synthetic"]]
        state_path.write_text(json.dumps(state, indent=1), encoding="utf-8")
        if stage == "train":
            return card
    state = json.loads(state_path.read_text(encoding="utf-8"))
    data = {**state, "images_dir": Path(state["images_dir"]), "pseudo_dir": Path(state["pseudo_dir"]),
            "synthetic": [{**s, "folder": Path(s["folder"])} for s in state["synthetic"]]}
    from .bundle_evaluation import evaluate_bundle

    evaluate_started = time.time()
    card = evaluate_bundle(bundle, recipe, data, baselines or {}, quick=quick, log=log)
    card = read_card(bundle / "model_card.json")
    card["training"]["evaluation_seconds"] = round(time.time() - evaluate_started, 1)
    card["scale"] = scale_section(float(recipe["target_ridge_sigma_px"]))
    from .card import WHAT_IS_COUNTED

    card["what_is_counted"] = dict(WHAT_IS_COUNTED)
    # The command as a user types it in a checkout (the work folder is the build machine's).
    card["training_command"] = f"capseg train --recipe {recipe_name(recipe_path)}" + (" --quick" if quick else "")
    write_card(bundle / "model_card.json", card)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name in (f"{MODEL_STEM}.keras", f"{MODEL_STEM}.tflite", "model_card.json", "training_curves.png",
                     "failure_modes.png"):
            shutil.copy2(bundle / name, out / name)
        log(f"installed the bundle in {out}")
    return card


def recipe_name(recipe_path: Path) -> str:
    """The recipe as a user of a checkout names it (``models/recipe.json``, or a candidate's
    ``models/candidates/NAME.json``), never the build machine's path."""
    root = Path(__file__).resolve().parents[2]
    try:
        return Path(recipe_path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(recipe_path).name


def scale_section(target_sigma: float) -> dict[str, Any]:
    """The card's ``scale``. ``um_per_px`` stays empty: the reference strips carry no
    calibration, so a user's µm per pixel cannot be turned into this model's scale, and every
    image's scale is estimated (the nominal figure is for information only)."""
    from capseg_desktop.core.scale import LIMB_WIDTH_PER_SIGMA, NOMINAL_LIMB_WIDTH_UM

    limb_px = target_sigma * LIMB_WIDTH_PER_SIGMA
    return {
        "ridge_sigma_px": target_sigma,
        "limb_width_px": round(limb_px, 2),
        "um_per_px": None,
        "nominal_um_per_px": round(NOMINAL_LIMB_WIDTH_UM / limb_px, 4),
        "um_per_px_note": f"the training images carry no calibration; nominal_um_per_px assumes a typical limb "
                          f"{NOMINAL_LIMB_WIDTH_UM:g} µm wide and is not used by the analysis",
        "how": "every image is resized so that its ridge scale (capseg_desktop.core.scale) becomes "
               "ridge_sigma_px before inference; the results are mapped back to the image's pixels",
    }


def run_kfold(recipe_path: Path, work: Path, folds: int = 5, quick: bool = False, out: Path | None = None,
              log: Log = print) -> dict[str, Any]:
    """A k-fold figure for the *method* (not the bundled weights): the 20 reference strips
    outside the test split in ``folds`` folds; each fold's strips are kept out of training
    entirely and scored by a model trained on the others (shorter training: ``recipe["kfold"]``).
    Uses the data of a recipe run in ``work``; writes ``evaluation.kfold`` into its card."""
    import numpy as np

    from capseg_desktop.core import CountingParams, load_model

    from .card import read_card, write_card
    from .evaluate import load_points
    from .bundle_evaluation import split_scores
    from .train import set_threads, train

    recipe = load_recipe(recipe_path)
    set_threads(int(recipe["threads"]))
    state = json.loads((work / "recipe_state.json").read_text(encoding="utf-8"))
    splits = state["splits"]
    card_path = work / "bundle" / "model_card.json"
    params = CountingParams.from_dict(read_card(card_path)["recommended_parameters"])
    points = load_points(resolve(recipe, recipe["reference"]["points"]))
    settings = {**recipe["train"], **(recipe["quick"] if quick else recipe.get("kfold", {}))}
    outside_test = sorted(splits["train"] + splits["validation"])
    rows = []
    started = time.time()
    for fold in range(folds):
        held = outside_test[fold::folds]
        config = train_config(
            recipe, settings, out_dir=work / f"fold_{fold}",
            synthetic_dirs=[Path(s["folder"]) for s in state["synthetic"]],
            real_images=Path(state["images_dir"]), real_masks=Path(state["pseudo_dir"]),
            seed=int(recipe["seed"]) + fold, version=f"{recipe['version']}-fold{fold}", command="k-fold",
            test_names=splits["test"] + held,
            val_names=[n for n in splits["validation"] if n not in held] or ["(none)"])
        train(config, log=lambda line: None)
        fold_card = config.out_dir / "model_card.json"
        data = read_card(fold_card)
        data["scale"] = read_card(card_path)["scale"]  # the fold's model is analysed at the same scale
        write_card(fold_card, data)
        session = load_model(config.out_dir / f"{MODEL_STEM}.tflite")
        score = split_scores(session, Path(state["images_dir"]), points, held, params)
        rows.append({"fold": fold, "strips": held, **score})
        log(f"fold {fold + 1}/{folds}: F1 {score['f1']:.3f} |count error| {score['mean_abs_count_error']:.2f} "
            f"({time.time() - started:.0f} s)")
    f1 = np.array([r["f1"] for r in rows])
    errors = np.array([r["mean_abs_count_error"] for r in rows])
    summary = {"folds": folds, "f1_mean": round(float(f1.mean()), 4), "f1_sd": round(float(f1.std(ddof=1)), 4),
               "mean_abs_count_error_mean": round(float(errors.mean()), 3),
               "epochs_per_fold": int(settings["epochs"]), "seconds": round(time.time() - started, 1),
               "note": "the method retrained per fold with each fold's strips kept out of training, label "
                       "cleaning and early stopping; counted with the bundled model's parameters, which were "
                       "chosen on the 4 validation strips (2 of them in folds 1 and 5)", "per_fold": rows}
    card = read_card(card_path)
    card.setdefault("evaluation", {})["kfold"] = summary
    write_card(card_path, card)
    if out is not None and (out / "model_card.json").is_file():  # the installed copy too
        installed = read_card(out / "model_card.json")
        installed.setdefault("evaluation", {})["kfold"] = summary
        write_card(out / "model_card.json", installed)
    log(f"k-fold: F1 {summary['f1_mean']:.3f} ± {summary['f1_sd']:.3f}")
    return summary
