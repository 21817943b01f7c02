"""The bundled model: its card, its two files agreeing, and its counts on Test_images/ and on
the untouched test split. Thresholds are floors a better model also clears: nothing here pins
the current weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from capseg_desktop.core import Analyzer, count_capillaries, load_model, read_image
from capseg_desktop.core.model import file_sha256
from capseg_desktop.core.segment import predict_probabilities

from .conftest import MODELS, OUR_POINTS, SAMPLES

CARD_KEYS = {"name", "version", "architecture", "parameters", "input", "training_data",
             "training_command", "metrics", "files", "recommended_parameters"}


def test_card_lists_both_files_with_their_hashes(bundled_card: dict) -> None:
    assert CARD_KEYS <= set(bundled_card)
    assert set(bundled_card["files"]) == {"capseg_unet.tflite", "capseg_unet.keras"}
    for name, entry in bundled_card["files"].items():
        assert entry["sha256"] == file_sha256(MODELS / name), f"{name} changed after the card was written"
    assert bundled_card["training_command"].startswith("capseg train ")
    assert set(bundled_card["recommended_parameters"]) == {
        "threshold", "min_area_px", "merge_distance_px", "split_area_px"}
    assert (MODELS / "training_curves.png").is_file()


def test_model_files_are_small(bundled_tflite: Path) -> None:
    """The two files together at most 4 MB (the installer carries both)."""
    total = bundled_tflite.stat().st_size + (MODELS / "capseg_unet.keras").stat().st_size
    assert total <= 4 * 1024 * 1024


def test_card_is_written_by_code_and_names_no_build_machine(bundled_card: dict) -> None:
    """Every path in the card is the repository's or the reference folder's, relative; the
    scale the model works at, its splits and its evaluation are there."""
    text = json.dumps(bundled_card)
    for build_path in ("/tmp/", "/work/", "/home/", "/root/", "C:\\\\"):
        assert build_path not in text, build_path
    if "scale" in bundled_card:
        assert bundled_card["scale"]["ridge_sigma_px"] > 0 and bundled_card["scale"]["limb_width_px"] > 0
        splits = bundled_card["training_data"]["splits"]
        assert len(splits["test"]) >= 5 and not set(splits["test"]) & set(splits["train"] + splits["validation"])
        assert "test" in bundled_card["evaluation"]["models"]["this model"]


def test_core_uses_the_cards_parameters(bundled_tflite: Path, bundled_card: dict) -> None:
    session = load_model(bundled_tflite)
    assert session.card is not None
    assert session.input_channels == bundled_card["input"]["channels"]
    params = Analyzer(session).default_params().to_dict()
    for key, value in bundled_card["recommended_parameters"].items():
        assert params[key] == pytest.approx(value)


def test_keras_and_litert_masks_agree(bundled_tflite: Path, bundled_card: dict) -> None:
    litert = load_model(bundled_tflite)
    keras_session = load_model(MODELS / "capseg_unet.keras")
    assert keras_session.card is not None  # the card lists the .keras file too
    threshold = bundled_card["recommended_parameters"]["threshold"]
    images = sorted(SAMPLES.glob("*.png"))[:3]
    if not images:
        pytest.skip("no sample images")
    for path in images:
        rgb = read_image(path).rgb
        a = predict_probabilities(litert, rgb) > threshold
        b = predict_probabilities(keras_session, rgb) > threshold
        union = np.logical_or(a, b).sum()
        iou = np.logical_and(a, b).sum() / union if union else 1.0
        assert iou >= 0.999, f"{path.name}: IoU {iou:.5f}"


def test_bundled_model_counts_the_sample_images(bundled_tflite: Path, sample_counts: dict) -> None:
    """Within one capillary on every sample strip, and within 5 % over all of them (the
    samples were not chosen for what the current model counts)."""
    analyzer = Analyzer(load_model(bundled_tflite))
    assert 8 <= len(sample_counts) <= 12
    counted = {name: analyzer.analyze_path(SAMPLES / name).result.count for name in sample_counts}
    off = {name: (counted[name], expected) for name, expected in sample_counts.items()
           if abs(counted[name] - expected) > 1}
    assert not off, f"counted vs true: {off}"
    total_true = sum(sample_counts.values())
    assert abs(sum(counted.values()) - total_true) <= 0.05 * total_true


def test_sample_masks_count_exactly_with_the_counting_step(sample_counts: dict) -> None:
    """The true masks themselves, counted with the original pipeline's parameters, give the
    true counts: the samples are unambiguous for the counting step."""
    import cv2

    from capseg_desktop.core import CountingParams

    for name, expected in sample_counts.items():
        mask = cv2.imread(str(SAMPLES / "masks" / f"{Path(name).stem}_mask.png"), cv2.IMREAD_GRAYSCALE)
        assert mask is not None, name
        assert count_capillaries(mask > 127, CountingParams()).count == expected, name


@pytest.mark.slow
@pytest.mark.seed
def test_on_the_test_split_we_beat_the_original(seed_images: Path, bundled_tflite: Path,
                                                bundled_card: dict) -> None:
    """On the strips the card's split kept out of everything (or all 25 for a card without
    splits): F1 at least 0.90, and at least the original pipeline's on the same strips."""
    from capseg_desktop.core import CountingParams
    from capseg_desktop.training.evaluate import evaluate_session, load_points

    points = load_points(OUR_POINTS)
    names = bundled_card.get("training_data", {}).get("splits", {}).get("test") or sorted(points)
    subset = {name: points[name] for name in names}
    images = {name: seed_images / name for name in subset}
    ours = evaluate_session(load_model(bundled_tflite), images, subset, 10.0)
    assert ours["f1"] >= 0.90
    teacher_path = seed_images.parent / "segm_model_final.h5"
    if teacher_path.is_file():
        teacher = evaluate_session(load_model(teacher_path), images, subset, 10.0, CountingParams())
        assert ours["f1"] >= teacher["f1"]


def test_readme_model_tables_are_the_cards(bundled_card: dict) -> None:
    """The README's model tables are generated from the card: regenerate them with
    `python -m capseg_desktop.training.card --update-readme` when the model changes."""
    from capseg_desktop.training.card import README_END, README_START, model_tables_markdown

    readme = (MODELS.parent / "README.md").read_text(encoding="utf-8")
    if README_START not in readme:
        pytest.skip("the README has no generated model tables")
    block = readme[readme.index(README_START) + len(README_START): readme.index(README_END)]
    assert block.strip() == model_tables_markdown(bundled_card).strip()


def test_the_committed_recipe_is_the_one_that_made_the_model(bundled_card: dict) -> None:
    import hashlib

    if "recipe" not in bundled_card:
        pytest.skip("the bundled model was not made by a recipe")
    recipe = MODELS / "recipe.json"
    assert hashlib.sha256(recipe.read_bytes()).hexdigest() == bundled_card["recipe"]["sha256"]
    assert bundled_card["training_command"] == "capseg train --recipe models/recipe.json"


@pytest.mark.slow
@pytest.mark.seed
def test_verify_model_reproduces_the_cards_figures(seed_images: Path, bundled_card: dict) -> None:
    """`capseg verify-model`: the test-split scores and the robustness table, measured again,
    match the card within its stated tolerance."""
    from capseg_desktop.training.bundle_evaluation import verify_model

    if "evaluation" not in bundled_card:
        pytest.skip("the card holds no evaluation")
    lines: list[str] = []
    assert verify_model(MODELS, seed_images, OUR_POINTS, log=lines.append) == 0, "\n".join(lines)
    assert lines[-1] == "the card's figures hold"


def test_the_any_light_model_beside_the_default_is_complete_and_its_recipe_committed() -> None:
    """models/any_light/ (model v3, for green-LED and monochrome microscopes) loads with its own
    card, its files are the ones the card hashed, and the recipe that made it is committed."""
    import hashlib

    folder = MODELS / "any_light"
    if not folder.is_dir():
        pytest.skip("no second model is installed")
    card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    for name, entry in card["files"].items():
        assert entry["sha256"] == file_sha256(folder / name), f"{name} changed after the card was written"
    session = load_model(folder / "capseg_unet.tflite")
    assert session.card is not None and session.card["version"] == card["version"]
    recipes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (MODELS / "candidates").glob("*.json")}
    assert card["recipe"]["sha256"] in recipes
    total = sum((folder / name).stat().st_size for name in card["files"])
    assert total <= 4 * 1024 * 1024
