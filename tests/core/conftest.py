from __future__ import annotations

import pytest

from .tiny_models import build_darkness_model


@pytest.fixture(autouse=True)
def _log_in_tmp(tmp_path_factory, monkeypatch):
    """The command line's log goes to a temporary folder, never the user's own."""
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path_factory.getbasetemp() / "log"))


@pytest.fixture(scope="session")
def darkness_model_dir(tmp_path_factory):
    """A folder with the fixed-weight darkness model as .keras and .tflite."""
    pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")
    from capseg_desktop.core.model import convert_to_tflite

    folder = tmp_path_factory.mktemp("darkness_model")
    build_darkness_model().save(folder / "darkness.keras")
    convert_to_tflite(folder / "darkness.keras", folder / "darkness.tflite")
    return folder


@pytest.fixture(scope="session")
def darkness_session(darkness_model_dir):
    from capseg_desktop.core.model import load_model

    return load_model(darkness_model_dir / "darkness.tflite")
