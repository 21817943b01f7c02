"""Fine-tuning a Keras model on the user's own corrected images (``capseg finetune``).

A fifth of the images (at least one) is kept aside for validation; the rest train the base
model further with the same augmented patches, loss and scale normalisation as ``capseg
train``. The validation images are scored before and after (F1 of detections against one
point per capillary, and count error) with the base model's recommended counting parameters.
The result (``NAME.keras``, ``NAME.tflite``, ``model_card.json``, ``training_curves.png``) is
built in a temporary sibling of ``--out`` and renamed into place, so ``--out`` appears whole or
not at all. A stop request (SIGTERM, SIGINT) is honoured after the current batch: the temporary
folder is removed and the command exits 130.

With ``--progress json`` every step is one JSON object per line on stdout (the window reads
it; see the events in :func:`finetune`).

TensorFlow/Keras are imported inside the functions: importing this module is cheap.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

import numpy as np

Emit = Callable[[dict[str, Any]], None]
StopCheck = Callable[[], bool]

MIN_IMAGES = 3
VALIDATION_FRACTION = 0.2
PARTIAL_MARK = ".finetune-partial-"


class FinetuneError(Exception):
    """A problem the user can fix, told in one plain sentence."""


class FinetuneStopped(Exception):
    """The run was asked to stop (SIGTERM/SIGINT); nothing was written."""


@dataclass
class FinetuneConfig:
    images: Path
    base: Path
    out: Path
    masks: Path | None = None
    corrections: bool = False
    # The defaults fine-tune 10 strips of 1280 x 400 in under 2 minutes on 2 CPU cores (README).
    epochs: int = 15
    steps_per_epoch: int = 25
    batch_size: int = 8
    patch: tuple[int, int] = (192, 384)
    learning_rate: float = 5e-4
    seed: int = 0
    threads: int = 2
    name: str | None = None
    tolerance_px: float = 10.0
    fallback_dir: Path | None = None
    command: str = ""
    # "microscope": every image is brought to the model's scale with one factor, from the median
    # of the images' limb widths (they come from one microscope; the per-image estimate wanders,
    # issue 18), and the model's card records that width for the microscope's profile;
    # "per_image": each image's own estimate (as before 2026-12-08).
    scale: str = "microscope"


@dataclass(eq=False)
class Example:
    name: str
    path: Path
    sha256: str
    rgb: np.ndarray
    mask: np.ndarray  # H x W uint8 0/1
    points: list[list[float]] = field(default_factory=list)  # one (x, y) per capillary


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _points_from_mask(mask: np.ndarray, min_area_px: int = 20) -> list[list[float]]:
    """One point per connected region of a reference mask (its centroid)."""
    import cv2

    n, _, stats, centroids = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    return [[round(float(centroids[k][0]), 2), round(float(centroids[k][1]), 2)]
            for k in range(1, n) if stats[k, cv2.CC_STAT_AREA] >= min_area_px]


def collect_examples(config: FinetuneConfig) -> list[Example]:
    """The images of ``config.images`` that have a reference: a ``NAME_mask.png`` in
    ``config.masks``, or (``config.corrections``) corrections saved by the window (beside the
    image or in the application-data folder) that belong to this very picture."""
    from capseg_desktop.core.imageio import list_images, read_image

    from .data import mask_path_for, read_mask

    folder = Path(config.images)
    if not folder.is_dir():
        raise FinetuneError(f"The images folder {folder} does not exist.")
    examples = []
    for path in list_images(folder):
        if path.stem.endswith("_instances"):
            continue
        if config.corrections:
            from capseg_desktop.core.corrections import CorrectionsError, default_fallback_dir, load_corrections

            try:
                found = load_corrections(path, config.fallback_dir or default_fallback_dir())
            except CorrectionsError:  # damaged, or another picture's: not this image's corrections
                found = None
            if found is None or found[0].flags_only:  # the clinician's flags only: the model's own count
                continue
            corrections = found[0]
            rgb = read_image(path).rgb
            labels = corrections.final_labels()
            mask = (labels > 0).astype(np.uint8)
            points = [[float(c.centroid[0]), float(c.centroid[1])] for c in corrections.capillaries]
        else:
            mask_path = mask_path_for(path, Path(config.masks or folder))
            if not mask_path.is_file():
                continue
            rgb = read_image(path).rgb
            mask = read_mask(mask_path)
            points = _points_from_mask(mask)
        if mask.shape != rgb.shape[:2]:
            raise FinetuneError(f"The reference of {path.name} is not the size of the image.")
        examples.append(Example(path.name, path, _sha256(path), rgb, mask, points))
    return examples


def choose_validation(names: list[str], fraction: float = VALIDATION_FRACTION) -> list[str]:
    """A fifth of the images (at least one), spread evenly over the names in order: the same
    images whatever the seed, so a rerun scores on the same ones."""
    ordered = sorted(names)
    count = max(1, int(round(len(ordered) * fraction)))
    picks = sorted({int((k + 0.5) * len(ordered) / count) for k in range(count)})
    return [ordered[i] for i in picks]


def safe_stem(text: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-")
    return stem or "capseg_finetuned"


def _environment() -> dict[str, str]:
    from capseg_desktop import __version__

    from .recipe import environment

    return {"capseg_desktop": __version__, **environment()}


def microscope_limb_width(examples: list[Example]) -> float | None:
    """The typical limb width (pixels) of one microscope's images: the median of their estimates."""
    from capseg_desktop.core.scale import estimate_limb_width_px, median_limb_width

    return median_limb_width([estimate_limb_width_px(e.rgb) for e in examples])


def _score(session: Any, examples: list[Example], params: Any, tolerance_px: float,
           limb_width_px: float | None = None) -> dict[str, Any]:
    from capseg_desktop.core.scale import SCALE_PROFILE, ScaleInfo

    from .evaluate import evaluate_session

    shared = ScaleInfo(1.0, float(limb_width_px), None, SCALE_PROFILE) if limb_width_px else None
    report = evaluate_session(session, {e.name: e.path for e in examples}, {e.name: e.points for e in examples},
                              tolerance_px, params, shared=shared)
    return {"f1": report["f1"], "count_error": report["mean_abs_count_error"],
            "precision": report["precision"], "recall": report["recall"],
            "per_image": {r["image"]: {"annotated": r["annotated"], "detected": r["detected"]} for r in report["per_image"]}}


def _public(scores: dict[str, Any]) -> dict[str, Any]:
    return {"f1": scores["f1"], "count_error": scores["count_error"]}


def remove_stale_partials(out: Path) -> None:
    """Temporary folders of earlier runs for this ``--out`` whose process is gone."""
    from capseg_desktop.core.atomic import _process_alive

    parent = out.parent
    if not parent.is_dir():
        return
    for candidate in parent.glob(f".{out.name}{PARTIAL_MARK}*"):
        pid_text = candidate.name.rsplit("-", 1)[-1]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _process_alive(int(pid_text)):
            shutil.rmtree(candidate, ignore_errors=True)


def finetune(config: FinetuneConfig, emit: Emit, should_stop: StopCheck = lambda: False) -> dict[str, Any]:
    """Fine-tune ``config.base`` and write the bundle into ``config.out``. Events given to
    ``emit``, in order: ``start``, one ``epoch`` per epoch, ``scores``, ``done``. Raises
    :class:`FinetuneError` (a plain sentence) or :class:`FinetuneStopped`; in both cases
    nothing is left in or beside ``config.out``. Returns the ``done`` event."""
    started = time.time()
    from capseg_desktop.core.model import tensorflow_missing

    missing = tensorflow_missing()  # the installed app without its training add-on
    if missing:
        raise FinetuneError(missing)
    out = Path(config.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FinetuneError(f"{out} already exists; choose a new folder for the fine-tuned model.")
    base = Path(config.base)
    if base.suffix.lower() not in (".keras", ".h5"):
        raise FinetuneError(f"{base.name} is not a Keras model; fine-tuning needs the .keras (or .h5) file.")
    if not base.is_file():
        raise FinetuneError(f"The base model {base} does not exist.")
    if config.epochs < 1 or config.steps_per_epoch < 1:
        raise FinetuneError("Give at least one epoch and one step per epoch.")

    examples = collect_examples(config)
    if len(examples) < MIN_IMAGES:
        what = "corrected images" if config.corrections else "images with a mask"
        raise FinetuneError(f"Fine-tuning needs at least {MIN_IMAGES} {what}; {config.images} has {len(examples)}.")
    validation_names = choose_validation([e.name for e in examples])
    validation = [e for e in examples if e.name in validation_names]
    training = [e for e in examples if e.name not in validation_names]
    emit({"event": "start", "images": len(examples), "validation": validation_names, "epochs": config.epochs})

    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(out)
    temp = out.parent / f".{out.name}{PARTIAL_MARK}{os.getpid()}"
    try:
        done = _run(config, examples, training, validation, temp, started, emit, should_stop)
        if should_stop():
            raise FinetuneStopped()
        if out.is_dir():
            out.rmdir()  # empty (checked above): the finished folder takes its place
        os.replace(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    done = {key: (value.replace(str(temp), str(out)) if isinstance(value, str) else value) for key, value in done.items()}
    emit(done)
    return done


def _run(config: FinetuneConfig, examples: list[Example], training: list[Example], validation: list[Example],
         temp: Path, started: float, emit: Emit, should_stop: StopCheck) -> dict[str, Any]:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")

    def check() -> None:
        if should_stop():
            raise FinetuneStopped()

    from .train import set_threads

    if config.threads:
        set_threads(config.threads)
    import keras

    from capseg_desktop.core import Analyzer, load_model
    from capseg_desktop.core.errors import CapSegError
    from capseg_desktop.core.model import load_keras_model

    from .card import write_card
    from .data import AugmentParams, Sample, batches, fixed_batches, normalise_scale
    from .train import TrainConfig, bce_dice_loss, dice_score, loss_numpy, write_bundle
    from .unet import UNetConfig

    check()
    try:
        session = load_model(config.base)
    except CapSegError as exc:
        raise FinetuneError(str(exc)) from exc
    base_card = session.card or {}
    params = Analyzer(session).default_params()
    limb = microscope_limb_width(examples) if config.scale == "microscope" else None
    score_start = time.time()
    before = _score(session, validation, params, config.tolerance_px, limb)
    score_seconds = time.time() - score_start
    check()

    keras.utils.set_random_seed(config.seed)
    model = session._backend.model
    model.compile(optimizer=keras.optimizers.Adam(config.learning_rate), loss=bce_dice_loss)
    target_sigma = (base_card.get("scale") or {}).get("ridge_sigma_px")
    train_samples = normalise_scale([Sample(e.name, e.rgb, e.mask, "real") for e in training], target_sigma, limb)
    val_samples = normalise_scale([Sample(e.name, e.rgb, e.mask, "real") for e in validation], target_sigma, limb)
    luma = np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601, as core.segment.preprocess

    def for_model(x: np.ndarray) -> np.ndarray:  # a grey model (the original's .h5) reads one channel
        return (x @ luma)[..., None] if session.input_channels == 1 else x

    augmented = batches({"real": train_samples}, {"real": 1.0}, config.batch_size, config.patch, config.seed, AugmentParams())
    stream = ((for_model(x), y) for x, y in augmented)
    val_batches = [(for_model(x), y) for x, y in fixed_batches(val_samples, max(1, session.multiple))]

    def validate() -> tuple[float, float]:
        losses, dices = [], []
        for x, y in val_batches:
            probabilities = np.asarray(model(x, training=False))
            losses.append(loss_numpy(y, probabilities))
            dices.append(dice_score(y, probabilities))
        return float(np.mean(losses)), float(np.mean(dices))

    history: dict[str, list[float]] = {"loss": [], "val_loss": [], "val_dice_real": [], "val_dice_synthetic": []}
    best: dict[str, Any] = {"val_loss": float("inf"), "epoch": -1, "weights": None}
    train_start = time.time()
    for epoch in range(config.epochs):
        losses = []
        for _ in range(config.steps_per_epoch):
            x, y = next(stream)
            losses.append(float(model.train_on_batch(x, y)))
            check()
        val_loss, val_dice = validate()
        check()
        history["loss"].append(float(np.mean(losses)))
        history["val_loss"].append(val_loss)
        history["val_dice_real"].append(val_dice)
        history["val_dice_synthetic"].append(float("nan"))
        if val_loss < best["val_loss"]:
            best = {"val_loss": val_loss, "epoch": epoch, "weights": model.get_weights()}
        per_epoch = (time.time() - train_start) / (epoch + 1)
        # Left: the remaining epochs, then writing the bundle and scoring it (about as long as
        # the first scoring, plus the conversion).
        eta = per_epoch * (config.epochs - epoch - 1) + score_seconds + 15.0
        emit({"event": "epoch", "epoch": epoch + 1, "epochs": config.epochs, "loss": round(history["loss"][-1], 4),
              "val_loss": round(val_loss, 4), "eta_s": round(eta, 1)})
    train_seconds = time.time() - train_start

    # A fresh model with the best weights: no optimizer state in the file.
    final = load_keras_model(config.base)
    final.set_weights(best["weights"])
    architecture = base_card.get("architecture") or {}
    names = {f.name for f in fields(UNetConfig)}
    try:
        unet = UNetConfig(**{k: v for k, v in architecture.items() if k in names})
    except (TypeError, ValueError):
        unet = UNetConfig()
    unet = UNetConfig(**{**unet.to_dict(), "input_channels": session.input_channels})
    stem = safe_stem(config.name or Path(config.out).name)
    roles = {e.name: ("validation" if e.name in {v.name for v in validation} else "training") for e in examples}
    base_name = base_card.get("name") or config.base.stem
    fine_tuning = {
        "base_model": {"file": config.base.name, "sha256": session.sha256, "name": base_name,
                       "version": base_card.get("version")},
        "labels": "corrections sidecars (final corrected capillaries)" if config.corrections else "masks (NAME_mask.png)",
        "images": [{"name": e.name, "sha256": e.sha256, "role": roles[e.name], "capillaries": len(e.points)}
                   for e in examples],
        "epochs": config.epochs,
        "steps_per_epoch": config.steps_per_epoch,
        "batch_size": config.batch_size,
        "patch": list(config.patch),
        "learning_rate": config.learning_rate,
        "seed": config.seed,
        "threads": config.threads,
        "best_epoch": best["epoch"] + 1,
        "scale": config.scale,
        "microscope_limb_width_px": round(limb, 2) if limb else None,
        "scores_protocol": (f"validation images only ({len(validation)}): point matching with tolerance "
                            f"{config.tolerance_px:g} px (one point per corrected capillary), counting parameters "
                            "the base model recommends; the same images chose the best epoch, so the 'after' "
                            "figure is slightly optimistic"),
        "scores": {"before": before, "after": None},
        "counting_parameters": params.to_dict(),
        "seconds": None,
        "training_seconds": round(train_seconds, 1),
    }
    extra = {
        "name": stem,
        "version": f"{base_card.get('version', '0')}+finetuned",
        "recommended_parameters": {k: v for k, v in params.to_dict().items()
                                   if k in ("threshold", "min_area_px", "merge_distance_px", "split_area_px")},
        "fine_tuning": fine_tuning,
        "environment": _environment(),
    }
    if base_card.get("scale"):
        extra["scale"] = base_card["scale"]
    if architecture:
        extra["architecture"] = architecture
    else:  # not one of our U-Nets (a Keras 2 .h5, say): say no more than is known
        extra["architecture"] = {"description": f"the architecture of the base model {config.base.name}",
                                 "multiple": session.multiple}
        extra["input"] = {"channels": session.input_channels, "scaling": "uint8 / 255 -> float32 in [0, 1]",
                          "layout": f"NHWC, height and width multiples of {session.multiple} (pad bottom/right)"}
    train_config = TrainConfig(
        out_dir=temp, unet=unet, epochs=config.epochs, steps_per_epoch=config.steps_per_epoch,
        batch_size=config.batch_size, patch=config.patch, learning_rate=config.learning_rate, seed=config.seed,
        threads=config.threads, command=config.command or "capseg finetune", extra_card=extra, target_sigma=target_sigma,
    )
    check()
    temp.mkdir(parents=True)
    card = write_bundle(final, train_config, history, best["epoch"], train_seconds,
                        n_pairs={"real_train": len(training), "real_val": len(validation)},
                        held_out_names=[e.name for e in validation], log=lambda message: None, stem=stem)
    card["training_data"] = {"images": str(config.images), "masks": str(config.masks) if config.masks else None,
                             "corrections": config.corrections,
                             "pairs": {"real_train": len(training), "real_val": len(validation)},
                             "held_out": [e.name for e in validation]}
    check()
    tflite = temp / f"{stem}.tflite"
    after = _score(load_model(tflite), validation, params, config.tolerance_px, limb)
    fine_tuning["scores"]["after"] = after
    fine_tuning["seconds"] = round(time.time() - started, 1)
    card["fine_tuning"] = fine_tuning
    write_card(temp / "model_card.json", card)
    emit({"event": "scores", "before": _public(before), "after": _public(after)})
    return {"event": "done", "out": str(temp), "keras": str(temp / f"{stem}.keras"), "tflite": str(tflite),
            "card": str(temp / "model_card.json"), "seconds": fine_tuning["seconds"]}
