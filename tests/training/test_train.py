"""A two-epoch training run on a handful of small synthetic strips writes a usable bundle."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from capseg_desktop.core import load_model
from capseg_desktop.core.model import file_sha256
from capseg_desktop.training.synth import make_strip
from capseg_desktop.training.train import TrainConfig, train
from capseg_desktop.training.unet import UNetConfig


def _small_pairs(folder: Path, n: int) -> None:
    folder.mkdir()
    for index in range(n):
        strip = make_strip(np.random.default_rng([99, index]), height=96, width=256)
        cv2.imwrite(str(folder / f"s{index}.png"), cv2.cvtColor(strip.rgb, cv2.COLOR_RGB2BGR))
        cv2.imwrite(str(folder / f"s{index}_mask.png"), np.where(strip.mask, 255, 0).astype(np.uint8))


def test_two_epochs_write_keras_tflite_card_and_curves(tmp_path: Path) -> None:
    _small_pairs(tmp_path / "synth", 5)
    out = tmp_path / "model"
    card = train(
        TrainConfig(
            out_dir=out, synthetic_dirs=[tmp_path / "synth"],
            unet=UNetConfig(depth=2, base_filters=4), epochs=2, steps_per_epoch=2, batch_size=2,
            patch=(64, 128), val_fraction=0.2, seed=1, command="capseg train (test)",
        ),
        log=lambda message: None,
    )
    for name in ("capseg_unet.keras", "capseg_unet.tflite", "model_card.json", "training_curves.png"):
        assert (out / name).is_file(), name
    written = json.loads((out / "model_card.json").read_text())
    assert written == card
    assert written["training"]["epochs_run"] == 2
    assert len(written["history"]["val_loss"]) == 2
    for name, entry in written["files"].items():
        assert entry["sha256"] == file_sha256(out / name)
    # Core finds the card beside the model and reads its recommended parameters.
    session = load_model(out / "capseg_unet.tflite")
    assert session.card is not None and session.multiple == 4 and session.input_channels == 3
    assert set(session.recommended_parameters()) == {"threshold", "min_area_px", "merge_distance_px", "split_area_px"}
    curves = cv2.imread(str(out / "training_curves.png"))
    assert curves is not None and curves.shape[1] > 400
