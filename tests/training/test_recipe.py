"""The recipe that rebuilds the bundled model, its fixed splits, and the robustness suite."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from capseg_desktop.training.recipe import load_recipe, split_names
from capseg_desktop.training.robustness import TRANSFORMS

from .conftest import MODELS, SEED

RECIPE = MODELS / "recipe.json"


def test_splits_follow_the_rule_and_never_overlap() -> None:
    names = [f"{1000 + i}.png" for i in range(25)]
    splits = split_names(names)
    assert len(splits["test"]) >= 5 and len(splits["validation"]) >= 3
    assert not set(splits["test"]) & set(splits["validation"])
    assert not (set(splits["test"]) | set(splits["validation"])) & set(splits["train"])
    assert sorted(splits["test"] + splits["validation"] + splits["train"]) == names


@pytest.mark.seed
def test_recipe_lists_the_splits_its_rule_gives(seed_images: Path) -> None:
    recipe = load_recipe(RECIPE)
    splits = split_names([p.name for p in seed_images.glob("*.png")])
    assert recipe["splits"]["test"] == splits["test"]
    assert recipe["splits"]["validation"] == splits["validation"]


def test_rotation_moves_the_points_with_the_picture() -> None:
    rgb = np.full((120, 300, 3), 200, np.uint8)
    points = [[40.0, 30.0], [250.0, 90.0]]
    for x, y in points:
        rgb[int(y) - 2:int(y) + 3, int(x) - 2:int(x) + 3] = (255, 0, 0)
    for label in ("rotated 30 deg", "rotated 45 deg", "downscale 0.5x", "upscale 1.5x"):
        out, moved, _ = TRANSFORMS[label](rgb, points)
        for x, y in moved:
            assert out[int(round(y)), int(round(x)), 0] > 200 and out[int(round(y)), int(round(x)), 1] < 90, label
    rotated, _, _ = TRANSFORMS["rotated 45 deg"](rgb, points)
    assert rotated.shape[0] > 250 and (rotated[0, 0] == 0).all()  # the whole picture kept, black corners


def test_photometric_transforms_keep_points_and_change_pixels() -> None:
    rgb = np.random.default_rng(0).integers(60, 220, (64, 128, 3), dtype=np.uint8)
    for label in ("contrast x0.5, pink", "contrast x0.5, bluish", "blur sigma 2", "JPEG quality 40",
                  "darker third", "glare spots"):
        out, moved, zoom = TRANSFORMS[label](rgb, [[5.0, 6.0]])
        assert out.shape == rgb.shape and moved == [[5.0, 6.0]] and zoom == 1.0
        assert np.abs(out.astype(int) - rgb).mean() > 1, label


@pytest.mark.seed
def test_quick_recipe_writes_a_card_without_build_paths(seed_images: Path, tmp_path: Path) -> None:
    """The CI-sized run of the recipe: data, two short epochs, evaluation, card."""
    pytest.importorskip("keras")
    from capseg_desktop.training.recipe import run_recipe

    if not (SEED / "segm_model_final.h5").is_file():
        pytest.skip("the teacher model is not in ../shared/data/seed")
    card = run_recipe(RECIPE, tmp_path / "work", tmp_path / "out", quick=True, command="capseg train --recipe",
                      log=lambda line: None)
    written = (tmp_path / "out" / "model_card.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in written and "/work/" not in written and "/home/" not in written
    card = json.loads(written)
    assert card["scale"]["ridge_sigma_px"] == load_recipe(RECIPE)["target_ridge_sigma_px"]
    assert card["training_data"]["splits"]["test"] == load_recipe(RECIPE)["splits"]["test"]
    models = card["evaluation"]["models"]
    assert set(models["this model"]["robustness"]) == set(TRANSFORMS)
    assert models["this model"]["test"]["images"] == 5
    assert all(len(s["manifest_sha256"]) == 64 for s in card["training_data"]["synthetic"])
    assert {"python", "tensorflow", "numpy"} <= set(card["environment"])

    # The k-fold figure of the method, two folds of the quick training: each fold's strips are
    # scored by a model that never saw them.
    from capseg_desktop.training.recipe import run_kfold

    summary = run_kfold(RECIPE, tmp_path / "work", folds=2, quick=True, log=lambda line: None)
    folds = summary["per_fold"]
    assert len(folds) == 2 and not set(folds[0]["strips"]) & set(folds[1]["strips"])
    assert not set(folds[0]["strips"]) & set(card["training_data"]["splits"]["test"])
    assert json.loads((tmp_path / "work" / "bundle" / "model_card.json").read_text())["evaluation"]["kfold"]["folds"] == 2
