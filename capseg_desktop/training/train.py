"""Training: synthetic strips + pseudo-labelled real strips, BCE + Dice, early stopping on a
held-out split, then the bundle: ``.keras``, ``.tflite``, ``model_card.json`` and
``training_curves.png``.

TensorFlow/Keras are imported inside the functions: importing this module is cheap.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from .data import AugmentParams, Sample, batches, fixed_batches, load_pairs, normalise_scale
from .unet import UNetConfig

MODEL_STEM = "capseg_unet"


@dataclass
class TrainConfig:
    out_dir: Path
    synthetic_dirs: Sequence[Path] = ()
    real_images: Path | None = None
    real_masks: Path | None = None
    unet: UNetConfig = field(default_factory=UNetConfig)
    epochs: int = 40
    steps_per_epoch: int = 40
    batch_size: int = 8
    patch: tuple[int, int] = (192, 384)
    learning_rate: float = 2e-3
    patience: int = 8
    val_fraction: float = 0.15
    real_weight: float = 0.5
    seed: int = 0
    version: str = "1.0.0"
    threads: int = 0
    command: str = ""
    extra_card: dict[str, Any] = field(default_factory=dict)
    # Honest splits: real images named in ``test_names`` are never loaded; those in
    # ``val_names`` only choose the best epoch. Empty: a random ``val_fraction`` split.
    test_names: Sequence[str] = ()
    val_names: Sequence[str] = ()
    # The model's scale: every training image is brought to this ridge scale (px) first.
    target_sigma: float | None = None
    world_augmentation: bool = False
    # Model v3 on: world_augmentation plus rows at any angle, any illumination, defocused regions.
    any_microscope_augmentation: bool = False
    # Held-out images are cropped to this height (px at the model's scale) for validation.
    val_max_height: int | None = None
    deterministic: bool = False
    # 0: the weights as trained. Otherwise every epoch is validated, and the best kept, with
    # an exponential moving average of the weights over the steps (momentum per step): a
    # smoother model than the last step's, which tends to hold better on unseen strips.
    ema_momentum: float = 0.0
    # How the held-out loss that chooses the best epoch weighs its images: "pairs" (every
    # held-out image the same; the synthetic ones, far more numerous, then decide) or "sources"
    # (the mean of the real images' loss and the synthetic images' loss: the reference
    # microscope's validation strips count as much as all the synthetic ones together).
    val_weighting: str = "pairs"


class WeightAverage:
    """Exponential moving average of a model's weights (a list of arrays), updated per step."""

    def __init__(self, momentum: float, weights: list[np.ndarray]) -> None:
        if not 0.0 < momentum < 1.0:
            raise ValueError("the weight average's momentum must be between 0 and 1")
        self.momentum = momentum
        self.weights = [np.array(w, dtype=np.float64) for w in weights]

    def update(self, weights: list[np.ndarray]) -> None:
        for average, current in zip(self.weights, weights):
            average *= self.momentum
            average += (1.0 - self.momentum) * current


def augment_params(config: TrainConfig) -> AugmentParams:
    if config.any_microscope_augmentation:
        return AugmentParams.any_microscope()
    return AugmentParams.world() if config.world_augmentation else AugmentParams()


def set_threads(threads: int) -> None:
    """Fix TensorFlow's thread count (for speed on a shared machine and for repeatable
    sums); possible only before TensorFlow first runs, so the recipe calls it at its start."""
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # already running: it was set at the start, or cannot be now
        pass


def training_command() -> str:
    """The command line as a user would type it: ``capseg train ...``."""
    return "capseg " + shlex.join(sys.argv[1:])


def _split(samples: list[Sample], fraction: float, rng: np.random.Generator) -> tuple[list[Sample], list[Sample]]:
    if len(samples) < 2 or fraction <= 0:
        return samples, []
    order = rng.permutation(len(samples))
    n_val = max(1, int(round(len(samples) * fraction)))
    val = [samples[i] for i in sorted(order[:n_val])]
    train = [samples[i] for i in sorted(order[n_val:])]
    return train, val


def bce_dice_loss(y_true: Any, y_pred: Any) -> Any:
    """Binary cross-entropy plus (1 - soft Dice) over the batch: BCE for every pixel, Dice so
    that thin vessels on a large background still weigh."""
    import keras
    from keras import ops

    bce = ops.mean(keras.losses.binary_crossentropy(y_true, y_pred))
    intersection = ops.sum(y_true * y_pred)
    dice = (2.0 * intersection + 1.0) / (ops.sum(y_true) + ops.sum(y_pred) + 1.0)
    return bce + (1.0 - dice)


def dice_score(y_true: np.ndarray, probabilities: np.ndarray, threshold: float = 0.5) -> float:
    predicted = probabilities > threshold
    truth = y_true > 0.5
    denominator = predicted.sum() + truth.sum()
    return 1.0 if denominator == 0 else float(2.0 * np.logical_and(predicted, truth).sum() / denominator)


def loss_numpy(y_true: np.ndarray, probabilities: np.ndarray) -> float:
    p = np.clip(probabilities, 1e-7, 1 - 1e-7)
    bce = float(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)).mean())
    dice = (2.0 * float((y_true * p).sum()) + 1.0) / (float(y_true.sum()) + float(p.sum()) + 1.0)
    return bce + 1.0 - dice


def held_out_loss(losses: dict[str, list[float]], weighting: str, fallback: float) -> float:
    """The loss that chooses the best epoch: the mean over held-out images ("pairs"), or the
    mean of each source's mean ("sources"); ``fallback`` (the training loss) with none held out."""
    if weighting not in ("pairs", "sources"):
        raise ValueError(f"unknown validation weighting {weighting!r} (pairs or sources)")
    groups = [values for values in losses.values() if values]
    if not groups:
        return fallback
    if weighting == "sources":
        return float(np.mean([np.mean(values) for values in groups]))
    return float(np.mean([value for values in groups for value in values]))


def train(config: TrainConfig, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train, keep the weights of the best held-out epoch, write the bundle. Returns the card."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    import tensorflow as tf

    if config.threads:
        set_threads(config.threads)
    keras.utils.set_random_seed(config.seed)
    if config.deterministic:  # the same weights from the same recipe on the same machine
        tf.config.experimental.enable_op_determinism()
    rng = np.random.default_rng(config.seed)

    synthetic: list[Sample] = []
    for folder in config.synthetic_dirs:
        synthetic += load_pairs(Path(folder), None, "synthetic")
    real: list[Sample] = []
    if config.real_images is not None and config.real_masks is not None:
        real = load_pairs(config.real_images, config.real_masks, "real")
        real = [s for s in real if s.name not in set(config.test_names)]
    if not synthetic and not real:
        raise ValueError("no training pairs found (images NAME.png with NAME_mask.png)")
    synth_train, synth_val = _split(synthetic, config.val_fraction, rng)
    if config.val_names:
        real_val = [s for s in real if s.name in set(config.val_names)]
        real_train = [s for s in real if s.name not in set(config.val_names)]
    else:
        real_train, real_val = _split(real, config.val_fraction, rng)
    if config.target_sigma:
        log(f"bringing every image to the model's scale (ridge scale {config.target_sigma:g} px)")
        synth_train, synth_val, real_train, real_val = (
            normalise_scale(group, config.target_sigma) for group in (synth_train, synth_val, real_train, real_val))
    log(f"training pairs: {len(synth_train)} synthetic, {len(real_train)} real; "
        f"held out: {len(synth_val)} synthetic, {len(real_val)} real")

    from .unet import build_unet

    model = build_unet(config.unet)
    model.compile(optimizer=keras.optimizers.Adam(config.learning_rate), loss=bce_dice_loss)
    train_stream = batches(
        {"synthetic": synth_train, "real": real_train},
        {"synthetic": 1.0 - config.real_weight, "real": config.real_weight},
        config.batch_size, config.patch, config.seed,
        augment_params(config),
    )
    val_sets = {
        "synthetic": fixed_batches(synth_val, config.unet.multiple, max_height=config.val_max_height),
        "real": fixed_batches(real_val, config.unet.multiple, max_height=config.val_max_height),
    }

    history: dict[str, list[float]] = {"loss": [], "val_loss": [], "val_dice_real": [], "val_dice_synthetic": []}
    best = {"val_loss": float("inf"), "epoch": -1, "weights": None}
    learning_rate = config.learning_rate
    since_best = 0
    started = time.time()
    average = WeightAverage(config.ema_momentum, model.get_weights()) if config.ema_momentum else None
    for epoch in range(config.epochs):
        epoch_losses = []
        for _ in range(config.steps_per_epoch):
            x, y = next(train_stream)
            epoch_losses.append(float(model.train_on_batch(x, y)))
            if average is not None:
                average.update(model.get_weights())
        trained = None
        if average is not None:  # validate (and keep) the averaged weights, train on from the trained ones
            trained = model.get_weights()
            model.set_weights(average.weights)
        losses, dices = {"real": [], "synthetic": []}, {"real": [], "synthetic": []}
        for source, pairs in val_sets.items():
            for x, y in pairs:
                probabilities = np.asarray(model(x, training=False))
                losses[source].append(loss_numpy(y, probabilities))
                dices[source].append(dice_score(y, probabilities))
        val_loss = held_out_loss(losses, config.val_weighting, fallback=float(np.mean(epoch_losses)))
        history["loss"].append(float(np.mean(epoch_losses)))
        history["val_loss"].append(val_loss)
        history["val_dice_real"].append(float(np.mean(dices["real"])) if dices["real"] else float("nan"))
        history["val_dice_synthetic"].append(float(np.mean(dices["synthetic"])) if dices["synthetic"] else float("nan"))
        improved = val_loss < best["val_loss"] - 1e-4
        if improved:
            best = {"val_loss": val_loss, "epoch": epoch, "weights": model.get_weights()}
            since_best = 0
        else:
            since_best += 1
            if since_best == max(2, config.patience // 2):  # plateau: halve the step once per stall
                learning_rate /= 2.0
                model.optimizer.learning_rate.assign(learning_rate)
        if trained is not None:
            model.set_weights(trained)
        log(f"epoch {epoch + 1}/{config.epochs}: loss {history['loss'][-1]:.4f} "
            f"val_loss {val_loss:.4f} dice real {history['val_dice_real'][-1]:.3f} "
            f"synthetic {history['val_dice_synthetic'][-1]:.3f}"
            f"{' *' if improved else ''} ({time.time() - started:.0f} s)")
        if since_best >= config.patience:
            log(f"early stop: no improvement for {config.patience} epochs")
            break

    # A fresh, uncompiled model with the best weights: no optimizer state in the file.
    final = build_unet(config.unet)
    final.set_weights(best["weights"])
    return write_bundle(final, config, history, best["epoch"], time.time() - started,
                        n_pairs={"synthetic_train": len(synth_train), "synthetic_val": len(synth_val),
                                 "real_train": len(real_train), "real_val": len(real_val)},
                        held_out_names=[s.name for s in synth_val + real_val], log=log)


def write_bundle(model: Any, config: TrainConfig, history: dict[str, list[float]], best_epoch: int,
                 seconds: float, n_pairs: dict[str, int], held_out_names: list[str],
                 log: Callable[[str], None] = print, stem: str = MODEL_STEM) -> dict[str, Any]:
    from capseg_desktop.core.model import convert_to_tflite, file_sha256

    from .card import plot_curves, write_card

    out = config.out_dir
    out.mkdir(parents=True, exist_ok=True)
    keras_path = out / f"{stem}.keras"
    tflite_path = out / f"{stem}.tflite"
    model.save(keras_path)
    convert_to_tflite(keras_path, tflite_path)
    plot_curves(history, best_epoch, out / "training_curves.png")
    card = {
        "name": MODEL_STEM,
        "version": config.version,
        "architecture": {"description": config.unet.describe(), **config.unet.to_dict(),
                         "multiple": config.unet.multiple},
        "parameters": int(model.count_params()),
        "input": {
            "channels": config.unet.input_channels,
            "channel_order": "RGB" if config.unet.input_channels == 3 else "grey (ITU-R 601 luma)",
            "scaling": "uint8 / 255 -> float32 in [0, 1]",
            "layout": "NHWC, height and width multiples of %d (pad bottom/right)" % config.unet.multiple,
        },
        "output": "one sigmoid channel: probability that the pixel is capillary",
        "training_data": {
            "synthetic": [str(p) for p in config.synthetic_dirs],
            "real_images": str(config.real_images) if config.real_images else None,
            "real_masks": str(config.real_masks) if config.real_masks else None,
            "pairs": n_pairs,
            "held_out": held_out_names,
        },
        "training_command": config.command or training_command(),
        "training": {
            "loss": "binary cross-entropy + (1 - soft Dice)",
            "optimizer": f"Adam, learning rate {config.learning_rate:g}, halved on plateau"
                         + (f"; weights averaged over steps (momentum {config.ema_momentum:g})" if config.ema_momentum else ""),
            "batch_size": config.batch_size,
            "patch": list(config.patch),
            "steps_per_epoch": config.steps_per_epoch,
            "epochs_run": len(history["loss"]),
            "best_epoch": best_epoch + 1,
            "seed": config.seed,
            "best_epoch_chosen_on": ("the mean of the real and the synthetic held-out images' losses"
                                     if config.val_weighting == "sources" else "the held-out images' mean loss"),
            "seconds": round(seconds, 1),
        },
        "metrics": {
            "held_out_val_loss": round(history["val_loss"][best_epoch], 4),
            "held_out_dice_real": _round(history["val_dice_real"][best_epoch]),
            "held_out_dice_synthetic": _round(history["val_dice_synthetic"][best_epoch]),
        },
        "recommended_parameters": {"threshold": 0.5, "min_area_px": 340, "merge_distance_px": 23.0,
                                   "split_area_px": 1500},
        "history": {k: [_round(v) for v in values] for k, values in history.items()},
        **config.extra_card,
    }
    card["files"] = {
        tflite_path.name: {"sha256": file_sha256(tflite_path), "bytes": tflite_path.stat().st_size},
        keras_path.name: {"sha256": file_sha256(keras_path), "bytes": keras_path.stat().st_size},
    }
    write_card(out / "model_card.json", card)
    log(f"wrote {keras_path}, {tflite_path}, model_card.json, training_curves.png")
    return card


def _round(value: float) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), 4)
