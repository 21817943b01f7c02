"""The colour-blind input layer: a model built with it sees the same picture under white, green
or no colour at all, survives saving as .keras and conversion to LiteRT, and opens in the app."""

from __future__ import annotations

import numpy as np
import pytest

from capseg_desktop.training.robustness import TRANSFORMS

from .conftest import SAMPLES

pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")


def _sample_rgb() -> np.ndarray:
    import cv2

    bgr = cv2.imread(str(sorted(SAMPLES.glob("sample_*.png"))[0]), cv2.IMREAD_COLOR)
    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    return rgb[: rgb.shape[0] // 16 * 16, : rgb.shape[1] // 16 * 16]


def _layer_output(rgb: np.ndarray) -> np.ndarray:
    from capseg_desktop.core.model import local_contrast_layer

    return np.asarray(local_contrast_layer()()(rgb[None].astype(np.float32) / 255.0))[0, ..., 0]


@pytest.mark.parametrize("look", ["green light only", "greyscale", "hue turned 90 deg", "hue turned 180 deg",
                                  "contrast x0.5, bluish", "darker third"])
def test_other_illuminations_give_the_same_input(look):
    rgb = _sample_rgb()
    seen = _layer_output(rgb)
    other, _, _ = TRANSFORMS[look](rgb, [])
    correlation = float(np.corrcoef(seen.ravel(), _layer_output(other).ravel())[0, 1])
    assert correlation > 0.9, f"{look}: correlation {correlation:.3f}"


def test_keras_layer_matches_its_numpy_definition():
    from capseg_desktop.core.model import local_contrast_numpy

    rgb = _sample_rgb()
    inner = (slice(24, -24), slice(24, -24))  # the border is handled the same way, resampled a little differently
    difference = np.abs(_layer_output(rgb) - local_contrast_numpy(rgb.astype(np.float32) / 255.0))[inner]
    assert float(np.median(difference)) < 0.02 and float(difference.max()) < 0.2


def test_a_colour_blind_unet_saves_converts_and_opens(tmp_path):
    from capseg_desktop.core.model import convert_to_tflite, load_model
    from capseg_desktop.training.unet import UNetConfig, build_unet

    model = build_unet(UNetConfig(depth=2, base_filters=4, input_norm="local_contrast"))
    model.save(tmp_path / "blind.keras")
    tflite = convert_to_tflite(tmp_path / "blind.keras", tmp_path / "blind.tflite")
    rgb = _sample_rgb()[:64, :128]
    x = rgb[None].astype(np.float32) / 255.0
    expected = np.asarray(model(x, training=False))[0, ..., 0]
    for path in (tmp_path / "blind.keras", tflite):
        session = load_model(path)
        assert session.input_channels == 3
        np.testing.assert_allclose(session.predict(x)[0], expected, atol=1e-4)
