"""Shared fixtures for the training tests: the repository's bundled model and sample images,
and the reference material beside the checkout (skipped when absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
SAMPLES = ROOT / "Test_images"
SEED = ROOT.parent / "shared" / "data" / "seed"
OUR_POINTS = Path(__file__).parent / "data" / "seed_points.json"


@pytest.fixture(scope="session")
def bundled_tflite() -> Path:
    path = MODELS / "capseg_unet.tflite"
    if not path.is_file():
        pytest.skip("no bundled model in models/")
    return path


@pytest.fixture(scope="session")
def bundled_card() -> dict:
    path = MODELS / "model_card.json"
    if not path.is_file():
        pytest.skip("no model card in models/")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_counts() -> dict[str, int]:
    path = SAMPLES / "counts.json"
    if not path.is_file():
        pytest.skip("no Test_images/counts.json")
    return {k: int(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


@pytest.fixture(scope="session")
def seed_images() -> Path:
    folder = SEED / "Test_images"
    if not folder.is_dir():
        pytest.skip("../shared/data/seed is not beside this checkout")
    return folder
