"""The installed app ships without TensorFlow (its training add-on brings it): a Keras model
then fails with one sentence that says how to get the add-on, not with an import error.
TensorFlow's absence is simulated by blocking its import (``sys.modules["tensorflow"] = None``)."""

from __future__ import annotations

import sys

import pytest

from capseg_desktop.core.errors import ModelLoadError
from capseg_desktop.core.model import load_model, tensorflow_missing
from capseg_desktop.core.paths import models_dir


@pytest.fixture
def no_tensorflow(monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorflow", None)


def _keras_model():
    path = models_dir() / "capseg_unet.keras"
    if not path.is_file():
        pytest.skip("the bundled Keras model is missing")
    return path


def test_the_installed_app_without_the_add_on_names_it(no_tensorflow, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    sentence = tensorflow_missing()
    assert sentence is not None and "training add-on" in sentence and "capseg-desktop-training" in sentence
    with pytest.raises(ModelLoadError) as raised:
        load_model(_keras_model())
    assert str(raised.value) == sentence


def test_a_python_without_tensorflow_says_to_use_a_tflite_model(no_tensorflow, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    with pytest.raises(ModelLoadError, match=r"need TensorFlow, which is not installed here; use a \.tflite model"):
        load_model(_keras_model())


def test_the_tflite_model_needs_no_tensorflow(no_tensorflow, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    session = load_model(models_dir() / "capseg_unet.tflite")
    assert session.runtime == "litert"
