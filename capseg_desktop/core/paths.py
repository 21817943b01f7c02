"""Where things live, found the same way in a checkout, an installed package and a
PyInstaller bundle (relative to this file; no ``sys._MEIPASS`` needed)."""

from __future__ import annotations

import os
from pathlib import Path

from .model import MODEL_SUFFIXES

DEFAULT_MODEL_NAME = "capseg_unet.tflite"


def app_root() -> Path:
    """The folder holding ``capseg_desktop/``, ``models/`` and ``resources/``."""
    return Path(__file__).resolve().parents[2]


def models_dir() -> Path:
    override = os.environ.get("CAPSEG_MODELS_DIR")
    return Path(override) if override else app_root() / "models"


def resources_dir() -> Path:
    return app_root() / "resources"


def sample_images_dir() -> Path:
    return app_root() / "Test_images"


def default_model_path() -> Path | None:
    """The bundled model: ``models/capseg_unet.tflite``, else any model in ``models/``."""
    folder = models_dir()
    preferred = folder / DEFAULT_MODEL_NAME
    if preferred.is_file():
        return preferred
    if folder.is_dir():
        for suffix in MODEL_SUFFIXES:
            found = sorted(folder.glob(f"*{suffix}"))
            if found:
                return found[0]
    return None


def seed_dir() -> Path | None:
    """The original service's reference material, beside a checkout (``../shared/data/seed``)."""
    candidate = app_root().parent / "shared" / "data" / "seed"
    return candidate if candidate.is_dir() else None
