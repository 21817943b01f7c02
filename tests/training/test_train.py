"""A two-epoch training run on a handful of small synthetic strips writes a usable bundle."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.core import load_model
from capseg_desktop.core.model import file_sha256
from capseg_desktop.training.synth import make_strip
from capseg_desktop.training.train import TrainConfig, WeightAverage, held_out_loss, train
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


def test_weight_average_follows_the_steps_with_its_momentum() -> None:
    average = WeightAverage(0.9, [np.zeros(3), np.ones((2, 2))])
    average.update([np.full(3, 10.0), np.zeros((2, 2))])
    np.testing.assert_allclose(average.weights[0], np.full(3, 1.0))
    np.testing.assert_allclose(average.weights[1], np.full((2, 2), 0.9))
    average.update([np.full(3, 10.0), np.zeros((2, 2))])
    np.testing.assert_allclose(average.weights[0], np.full(3, 1.9))


def test_training_with_a_weight_average_keeps_the_averaged_weights(tmp_path: Path) -> None:
    """With a momentum near 1 the averaged weights stay near the starting ones, unlike the
    trained ones: the bundle must hold the average (what was validated), not the last step."""
    import keras

    _small_pairs(tmp_path / "synth", 4)
    settings = dict(synthetic_dirs=[tmp_path / "synth"], unet=UNetConfig(depth=2, base_filters=4), epochs=1,
                    steps_per_epoch=3, batch_size=2, patch=(64, 128), val_fraction=0.25, seed=3,
                    learning_rate=0.05, command="capseg train (test)")
    train(TrainConfig(out_dir=tmp_path / "plain", **settings), log=lambda message: None)
    train(TrainConfig(out_dir=tmp_path / "averaged", ema_momentum=0.999, **settings), log=lambda message: None)
    keras.utils.set_random_seed(3)
    from capseg_desktop.training.unet import build_unet

    start = build_unet(UNetConfig(depth=2, base_filters=4)).get_weights()
    plain = keras.saving.load_model(tmp_path / "plain" / "capseg_unet.keras", compile=False).get_weights()
    averaged = keras.saving.load_model(tmp_path / "averaged" / "capseg_unet.keras", compile=False).get_weights()

    def distance(weights: list[np.ndarray]) -> float:
        return float(sum(np.abs(w - s).sum() for w, s in zip(weights, start)))

    assert distance(averaged) < 0.05 * distance(plain)
    card = json.loads((tmp_path / "averaged" / "model_card.json").read_text())
    assert "momentum 0.999" in card["training"]["optimizer"]


def test_per_source_weighting_lets_four_real_strips_weigh_as_much_as_sixty_synthetic_ones() -> None:
    losses = {"real": [0.8] * 4, "synthetic": [0.2] * 60}
    assert held_out_loss(losses, "pairs", fallback=9.0) == pytest.approx((4 * 0.8 + 60 * 0.2) / 64)
    assert held_out_loss(losses, "sources", fallback=9.0) == pytest.approx(0.5)
    assert held_out_loss({"real": [], "synthetic": [0.3, 0.5]}, "sources", fallback=9.0) == pytest.approx(0.4)
    assert held_out_loss({"real": [], "synthetic": []}, "sources", fallback=9.0) == 9.0
    with pytest.raises(ValueError, match="weighting"):
        held_out_loss(losses, "images", fallback=9.0)
