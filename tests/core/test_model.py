"""Model loading: every format users bring opens, anything unusable is a plain ModelLoadError."""

from __future__ import annotations

import numpy as np
import pytest

from capseg_desktop.core.errors import ModelLoadError
from capseg_desktop.core.model import convert_to_tflite, load_keras_model, load_model

from .tiny_models import build_unet_like, save_as_keras2_h5

keras = pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    model = build_unet_like(channels=1, pools=2)
    model.save(folder / "tiny.keras")
    save_as_keras2_h5(model, folder / "tiny_keras2.h5")
    convert_to_tflite(folder / "tiny.keras", folder / "tiny.tflite")
    return folder


def test_keras_file_loads_with_its_facts(model_files):
    session = load_model(model_files / "tiny.keras")
    assert session.runtime == "keras"
    assert session.input_channels == 1
    assert session.multiple == 4
    assert session.name == "tiny.keras"
    assert len(session.sha256) == 64


def test_keras2_h5_with_groups_argument_loads(model_files):
    import keras as keras_module

    # The file really is one Keras 3 refuses as is.
    with pytest.raises(Exception, match="groups"):
        keras_module.models.load_model(model_files / "tiny_keras2.h5", compile=False)
    session = load_model(model_files / "tiny_keras2.h5")
    assert session.multiple == 4


def test_tflite_matches_keras(model_files):
    keras_session = load_model(model_files / "tiny.keras")
    lite_session = load_model(model_files / "tiny.tflite")
    assert lite_session.runtime == "litert" and lite_session.multiple == 4
    batch = np.random.default_rng(0).random((1, 52, 76, 1), dtype=np.float32)
    np.testing.assert_allclose(lite_session.predict(batch), keras_session.predict(batch), atol=1e-5)


def test_three_channel_model(tmp_path):
    path = tmp_path / "colour.keras"
    build_unet_like(channels=3, pools=1).save(path)
    session = load_model(path)
    assert session.input_channels == 3 and session.multiple == 2


def _bad_model_message(tmp_path, model, name="bad.keras") -> str:
    path = tmp_path / name
    model.save(path)
    with pytest.raises(ModelLoadError) as caught:
        load_model(path)
    return str(caught.value)


def test_two_outputs_refused(tmp_path):
    inputs = keras.Input((None, None, 1))
    a = keras.layers.Conv2D(1, 3, padding="same")(inputs)
    b = keras.layers.Conv2D(1, 3, padding="same")(inputs)
    assert "2 outputs" in _bad_model_message(tmp_path, keras.Model(inputs, [a, b]))


def test_multichannel_output_refused(tmp_path):
    inputs = keras.Input((None, None, 1))
    outputs = keras.layers.Conv2D(3, 3, padding="same")(inputs)
    assert "output" in _bad_model_message(tmp_path, keras.Model(inputs, outputs))


def test_four_channel_input_refused(tmp_path):
    inputs = keras.Input((None, None, 4))
    outputs = keras.layers.Conv2D(1, 3, padding="same")(inputs)
    assert "1 (grey) or 3 (colour)" in _bad_model_message(tmp_path, keras.Model(inputs, outputs))


def test_shrinking_output_refused(tmp_path):
    inputs = keras.Input((None, None, 1))
    outputs = keras.layers.Conv2D(1, 3, padding="valid")(inputs)
    assert "same size" in _bad_model_message(tmp_path, keras.Model(inputs, outputs))


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("garbage.h5", b"this is not a model", "damaged"),
        ("garbage.keras", b"PK\x03\x04 not really a zip", "damaged"),
        ("garbage.tflite", b"\x00" * 64, "damaged"),
        ("empty.tflite", b"", "empty"),
        ("model.onnx", b"onnx", ".tflite, .keras or .h5"),
    ],
)
def test_unusable_files_give_one_sentence(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ModelLoadError) as caught:
        load_model(path)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_model(tmp_path / "nowhere.tflite")


def test_raw_keras_loader_shares_the_compat_layer(model_files):
    model = load_keras_model(model_files / "tiny_keras2.h5")
    assert model.output_shape[-1] == 1
