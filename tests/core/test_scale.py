"""Bringing images to the model's scale: the estimate, the resize and the mapping back."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.core import Analyzer
from capseg_desktop.core.imageio import LoadedImage
from capseg_desktop.core.model import ModelSession
from capseg_desktop.core.pipeline import params_at_image_scale
from capseg_desktop.core.counting import CountingParams
from capseg_desktop.core.scale import (
    LIMB_WIDTH_PER_SIGMA, SCALE_ESTIMATED, SCALE_SET, estimate_limb_width_px, estimate_ridge_sigma,
    scale_factor_for_sigma,
)

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"


def _strip(index: int = 0, limb_scale: float = 1.0):
    from capseg_desktop.training.synth import make_strip, rescale_strip

    strip = make_strip(np.random.default_rng([11, index]))
    return rescale_strip(strip, limb_scale) if limb_scale != 1.0 else strip


def _true_limb_width(mask: np.ndarray) -> float:
    """Twice the median distance to the background along the vessels' centre lines."""
    distance = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 5)
    ridge = (distance >= cv2.dilate(distance, np.ones((3, 3), np.uint8))) & (distance > 0.9)
    return float(2 * np.median(distance[ridge]))


class _DarkBackend:
    """A 'model' that calls every pixel darker in green than its surroundings a vessel: it
    finds loops at any scale, so only the pipeline's resizing is under test."""

    def run(self, batch: np.ndarray) -> np.ndarray:
        out = np.empty(batch.shape[:3] + (1,), np.float32)
        for index, image in enumerate(batch):
            green = image[..., 1]
            background = float(np.median(green)) + 0.03  # one level for the picture: no scale in it
            out[index, ..., 0] = np.clip((1.0 - green / background - 0.05) * 8.0, 0.0, 1.0)
        return out


def _session(card: dict | None) -> ModelSession:
    return ModelSession(path=Path("dark.tflite"), sha256="0" * 64, runtime="stub", input_channels=3,
                        multiple=1, card=card, _backend=_DarkBackend())


def _loaded(rgb: np.ndarray) -> LoadedImage:
    return LoadedImage(path=None, rgb=np.ascontiguousarray(rgb), format="PNG", bit_depth=8, channels=3)


def test_estimate_follows_the_magnification():
    """The same strip seen at half and at 1.5 times the magnification: the estimate moves with it."""
    base = estimate_ridge_sigma(_strip(0).rgb)
    for factor in (0.5, 1.5):
        scaled = estimate_ridge_sigma(_strip(0, factor).rgb)
        assert scaled / base == pytest.approx(factor, rel=0.25)


@pytest.mark.parametrize("limb_scale", [0.4, 0.7, 1.0, 1.5])
def test_limb_width_matches_the_drawn_width(limb_scale):
    """Synthetic strips with limbs from about 4 to 16 px: the estimated width is within 30 %
    of the drawn one (the vessels' real width, measured on their exact mask)."""
    strip = _strip(1, limb_scale)
    estimated = estimate_limb_width_px(strip.rgb)
    assert estimated == pytest.approx(_true_limb_width(strip.mask), rel=0.3)


def test_no_estimate_on_a_blank_or_tiny_picture():
    assert estimate_ridge_sigma(np.full((200, 300, 3), 180, np.uint8)) is None
    assert estimate_ridge_sigma(np.zeros((10, 10, 3), np.uint8)) is None


def test_factor_limits_and_snap():
    assert scale_factor_for_sigma(None, 4.3) == 1.0
    assert scale_factor_for_sigma(4.0, 4.3) == 1.0  # within 12 %: analysed as it is
    assert scale_factor_for_sigma(2.0, 4.3) == pytest.approx(2.15)
    assert scale_factor_for_sigma(0.1, 4.3) == 4.0
    assert scale_factor_for_sigma(100.0, 4.3) == 0.25


def test_parameters_follow_the_resize():
    params = CountingParams(threshold=0.4, min_area_px=200, merge_distance_px=12.0, split_area_px=1000)
    at_image = params_at_image_scale(params, 2.0)
    assert (at_image.threshold, at_image.min_area_px, at_image.merge_distance_px, at_image.split_area_px) == (
        0.4, 50, 6.0, 250)
    assert params_at_image_scale(params, 1.0) is params


def test_boxes_come_back_in_the_image_pixels():
    """An image enlarged twice for the model: the same capillaries, at the same places, as
    when it is analysed at its own size."""
    strip = _strip(2)
    params = CountingParams(threshold=0.5, min_area_px=150, merge_distance_px=16.0, split_area_px=1500)
    native = Analyzer(_session(None)).analyze_image(_loaded(strip.rgb), params).result
    sigma = estimate_ridge_sigma(strip.rgb)
    card = {"scale": {"ridge_sigma_px": 2.0 * sigma}}
    # min area etc. are at the model's scale: four times the area there.
    scaled_params = CountingParams(0.5, 600, 32.0, 6000)
    resized = Analyzer(_session(card)).analyze_image(_loaded(strip.rgb), scaled_params).result
    assert resized.scale is not None and resized.scale.source == SCALE_ESTIMATED
    assert resized.scale.factor == pytest.approx(2.0, rel=0.01)
    # A component right at the area limit may fall either side after two resizes: one at most.
    assert native.count > 5 and abs(resized.count - native.count) <= 1
    boxes = np.array([c.bbox for c in resized.capillaries])
    assert boxes[:, 0].min() >= 0 and boxes[:, 2].max() <= strip.rgb.shape[1]
    assert boxes[:, 1].min() >= 0 and boxes[:, 3].max() <= strip.rgb.shape[0]
    same_place = sum(np.abs(boxes - np.array(c.bbox)).max(axis=1).min() <= 4 for c in native.capillaries)
    assert same_place >= native.count - 1


def test_scale_goes_into_the_exports():
    strip = _strip(3)
    sigma = estimate_ridge_sigma(strip.rgb)
    analysis = Analyzer(_session({"scale": {"ridge_sigma_px": 0.5 * sigma}})).analyze_image(_loaded(strip.rgb))
    scale = analysis.result.scale
    assert scale.factor == pytest.approx(0.5, rel=0.01)
    assert analysis.probabilities.shape == strip.mask.shape  # the map is at the image's size
    assert analysis.result.to_dict()["scale"]["source"] == "estimated"
    assert "estimated" in " ".join(analysis.result.legend_lines())
    assert scale.limb_width_px == pytest.approx(sigma * LIMB_WIDTH_PER_SIGMA)


def test_scale_set_from_micrometres_when_the_model_is_calibrated():
    strip = _strip(4)
    card = {"scale": {"ridge_sigma_px": 4.3, "um_per_px": 1.0}}
    result = Analyzer(_session(card)).analyze_image(_loaded(strip.rgb), um_per_px=0.5).result
    assert result.scale.source == SCALE_SET
    assert result.scale.factor == pytest.approx(0.5)


def test_native_mode_and_models_without_a_scale_keep_the_image_size():
    strip = _strip(5)
    assert Analyzer(_session(None)).analyze_image(_loaded(strip.rgb)).result.scale is None
    native = Analyzer(_session({"scale": {"ridge_sigma_px": 9.0}}), scale_mode="native")
    assert native.analyze_image(_loaded(strip.rgb)).result.scale is None


@pytest.mark.seed
@pytest.mark.skipif(not SEED.is_dir(), reason="needs ../shared/data/seed (the reference strips)")
def test_estimate_on_reference_strips_rescaled():
    """The 25 reference strips at 0.35x, 0.5x and 1.5x: the median estimate moves with the
    magnification within 15 %, so each magnification lands near the model's scale."""
    ratios = {0.35: [], 0.5: [], 1.5: []}
    for path in sorted((SEED / "Test_images").glob("*.png")):
        rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
        base = estimate_ridge_sigma(rgb)
        for factor in ratios:
            scaled = cv2.resize(rgb, None, fx=factor, fy=factor,
                                interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
            ratios[factor].append(estimate_ridge_sigma(scaled) / factor / base)
    for factor, values in ratios.items():
        assert np.median(values) == pytest.approx(1.0, abs=0.15), factor


def test_command_line_records_the_scale_and_can_switch_it_off(darkness_model_dir, tmp_path):
    """`capseg analyze` with a model whose card states a scale: the JSON and the summary say
    how the image was resized; `--scale native` analyses it at its own size."""
    import csv
    import json
    import shutil

    from capseg_desktop.cli import main

    model = tmp_path / "model" / "darkness.tflite"
    model.parent.mkdir()
    shutil.copy2(darkness_model_dir / "darkness.tflite", model)
    strip = _strip(6)
    sigma = estimate_ridge_sigma(strip.rgb)
    card = {"files": {"darkness.tflite": {"sha256": None}}, "scale": {"ridge_sigma_px": round(2 * sigma, 3)}}
    (model.parent / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    image = tmp_path / "strip.png"
    cv2.imwrite(str(image), cv2.cvtColor(strip.rgb, cv2.COLOR_RGB2BGR))

    assert main(["analyze", str(image), "--model", str(model), "--out", str(tmp_path / "auto")]) == 0
    result = json.loads((tmp_path / "auto" / "strip.json").read_text(encoding="utf-8"))
    assert result["scale"]["source"] == "estimated" and result["scale"]["factor"] == pytest.approx(2.0, rel=0.01)
    with open(tmp_path / "auto" / "summary.csv", newline="", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert row["scale_source"] == "estimated" and float(row["scale_factor"]) == pytest.approx(2.0, rel=0.01)

    assert main(["analyze", str(image), "--model", str(model), "--out", str(tmp_path / "native"),
                 "--scale", "native"]) == 0
    assert json.loads((tmp_path / "native" / "strip.json").read_text(encoding="utf-8"))["scale"] is None


def test_an_implausible_micrometre_scale_is_flagged_and_a_recount_updates_it():
    """A µm per pixel from another magnification (limbs of 2 µm) gets a warning in the result;
    setting a plausible one on recount removes it."""
    strip = _strip(7)
    sigma = estimate_ridge_sigma(strip.rgb)
    analysis = Analyzer(_session({"scale": {"ridge_sigma_px": sigma * 1.5}})).analyze_image(
        _loaded(strip.rgb), um_per_px=0.2)
    limb_px = analysis.result.scale.limb_width_px
    assert limb_px * 0.2 < 4.0
    assert any("implausible" in w for w in analysis.result.warnings)
    assert analysis.result.status == "warning"
    plausible = 10.0 / limb_px
    recounted = analysis.recount(analysis.result.params, um_per_px=plausible)
    assert not any("implausible" in w for w in recounted.result.warnings)
    assert recounted.result.density_per_mm is not None


def test_estimate_does_not_drift_on_large_pictures():
    """The same vessels in a 1.3 MP and a 5 MP picture: the estimate stays within 15 % of the
    strip's own (shrinking a whole large scan would blur thin vessels into wider ones)."""
    strip = _strip(8, 0.5)  # limbs of about 5 px, as on other microscopes
    alone = estimate_ridge_sigma(strip.rgb)
    for reps in ((5, 2), (10, 2)):
        tiled = np.tile(strip.rgb, (reps[0], reps[1], 1))
        assert estimate_ridge_sigma(tiled) == pytest.approx(alone, rel=0.15), tiled.shape


def test_the_pixel_limit_only_holds_back_enlarging(monkeypatch):
    """An image already at the model's scale is analysed as it is, however large."""
    import capseg_desktop.core.pipeline as pipeline

    strip = _strip(9)
    monkeypatch.setattr(pipeline, "MAX_MODEL_PIXELS", 1000)
    sigma = estimate_ridge_sigma(strip.rgb)
    same = Analyzer(_session({"scale": {"ridge_sigma_px": sigma}})).choose_scale(strip.rgb)
    assert same.factor == 1.0
    larger = Analyzer(_session({"scale": {"ridge_sigma_px": 2 * sigma}})).choose_scale(strip.rgb)
    assert larger.factor == 1.0  # enlarging is what the limit forbids
    smaller = Analyzer(_session({"scale": {"ridge_sigma_px": 0.5 * sigma}})).choose_scale(strip.rgb)
    assert smaller.factor == pytest.approx(0.5, rel=0.01)


def test_an_unmeasurable_picture_says_so():
    blank = np.full((200, 400, 3), 170, np.uint8)
    result = Analyzer(_session({"scale": {"ridge_sigma_px": 3.1}})).analyze_image(_loaded(blank)).result
    assert any("could not be measured" in w for w in result.warnings)
    assert not any("could not be measured" in w
                   for w in Analyzer(_session(None)).analyze_image(_loaded(blank)).result.warnings)
