"""Pictures lit green are counted with the model for any light: the light is told from the
colours, the analyzer hands such pictures over only when the models' own parameters are asked
for, and ``capseg analyze`` does it by default and names the model that counted each picture."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core import Analyzer, load_model
from capseg_desktop.core.imageio import LoadedImage, read_image
from capseg_desktop.core.light import GREEN, WHITE, light_of
from capseg_desktop.core.model import file_sha256
from capseg_desktop.core.paths import any_light_model_path, default_model_path

from .tiny_models import bars_image

SAMPLE = Path(__file__).resolve().parents[2] / "Test_images" / "sample_0003.png"


def green_lit(rgb: np.ndarray) -> np.ndarray:
    """What a green-LED capillaroscope makes of the picture: no red, green as it was, a little blue."""
    out = np.zeros_like(rgb)
    out[..., 1] = rgb[..., 1]
    out[..., 2] = rgb[..., 2] // 3
    return out


def test_the_light_is_told_from_the_colours() -> None:
    strip = read_image(SAMPLE).rgb
    assert light_of(strip) == WHITE
    assert light_of(green_lit(strip)) == GREEN
    grey = np.repeat(strip.mean(axis=2, keepdims=True).astype(np.uint8), 3, axis=2)
    assert light_of(grey) == WHITE  # monochrome stays with the bundled model, which reads it well
    assert light_of(np.zeros((50, 80, 3), np.uint8)) == WHITE
    assert light_of(strip[..., 1]) == WHITE  # one channel: nothing to tell


def test_a_green_picture_goes_to_the_green_light_analyzer_only_with_the_models_own_parameters(darkness_model_dir):
    white = Analyzer(load_model(darkness_model_dir / "darkness.tflite"))
    white.for_green_light = Analyzer(load_model(darkness_model_dir / "darkness.keras"))
    green = LoadedImage(None, green_lit(bars_image(bars=3)), "png", 8, 3)
    assert white.analyze_image(green).result.model.name == "darkness.keras"
    assert white.analyze_image(LoadedImage(None, bars_image(bars=3), "png", 8, 3)).result.model.name == "darkness.tflite"
    # Parameters set by hand are this model's: no hand-over.
    assert white.analyze_image(green, white.default_params()).result.model.name == "darkness.tflite"


@pytest.mark.skipif(any_light_model_path() is None or default_model_path() is None,
                    reason="the bundled model and the model for any light are not both installed")
def test_capseg_analyze_counts_green_pictures_with_the_model_for_any_light(tmp_path: Path) -> None:
    folder = tmp_path / "scope"
    folder.mkdir()
    strip = read_image(SAMPLE).rgb
    cv2.imwrite(str(folder / "white.png"), cv2.cvtColor(strip, cv2.COLOR_RGB2BGR))
    cv2.imwrite(str(folder / "green.png"), cv2.cvtColor(green_lit(strip), cv2.COLOR_RGB2BGR))
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out")]) == 0
    models = {name: json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))["model"]["sha256"]
              for name in ("white", "green")}
    assert models == {"white": file_sha256(default_model_path()), "green": file_sha256(any_light_model_path())}
    green_result = json.loads((tmp_path / "out" / "green.json").read_text(encoding="utf-8"))
    assert green_result["count"] >= 8  # the strip has 10 loops; the bundled model misses most in green light
    assert main(["analyze", str(folder), "--out", str(tmp_path / "plain"), "--no-light-model"]) == 0
    plain = json.loads((tmp_path / "plain" / "green.json").read_text(encoding="utf-8"))["model"]["sha256"]
    assert plain == file_sha256(default_model_path())
