"""Tiny Keras models built inside the tests (seconds), saved in every format users bring."""

from __future__ import annotations

import json
from pathlib import Path


def build_unet_like(channels: int = 1, pools: int = 2):
    """A minimal encoder-decoder: sides must be a multiple of 2**pools."""
    import keras
    from keras import layers

    inputs = keras.Input((None, None, channels))
    x = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    skips = []
    for _ in range(pools):
        skips.append(x)
        x = layers.MaxPooling2D()(x)
        x = layers.Conv2D(4, 3, padding="same", activation="relu")(x)
    for skip in reversed(skips):
        x = layers.Conv2DTranspose(4, 2, strides=2, padding="same")(x)
        x = layers.Concatenate()([skip, x])
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


def save_as_keras2_h5(model, path: Path) -> Path:
    """Save as .h5 and rewrite its config the way Keras 2 (TF 2.15) wrote it: transposed
    convolutions carry ``groups``, which Keras 3 refuses out of the box."""
    import h5py

    model.save(path)
    with h5py.File(path, "r+") as handle:
        config = json.loads(handle.attrs["model_config"])
        for layer in config["config"]["layers"]:
            if layer["class_name"] == "Conv2DTranspose":
                layer["config"]["groups"] = 1
        handle.attrs["model_config"] = json.dumps(config)
        handle.attrs["keras_version"] = "2.15.0"
    return path


def build_darkness_model():
    """A 'segmenter' with fixed weights: probability = sigmoid(12 - 20 * grey), above 0.5 where
    the grey level is below 0.6. Dark bars on a light background give an exact, known count."""
    import keras
    import numpy as np

    inputs = keras.Input((None, None, 1))
    conv = keras.layers.Conv2D(1, 1, activation="sigmoid")
    outputs = conv(inputs)
    model = keras.Model(inputs, outputs)
    conv.set_weights([np.full((1, 1, 1, 1), -20.0, dtype=np.float32), np.array([12.0], dtype=np.float32)])
    return model


def bars_image(height: int = 200, width: int = 400, bars: int = 3, seed: int = 0):
    """Light beige strip with ``bars`` dark red-brown vertical bars hanging from the top."""
    import numpy as np

    rgb = np.empty((height, width, 3), dtype=np.uint8)
    rgb[:] = (235, 215, 190)
    spacing = width // (bars + 1)
    for index in range(bars):
        x = spacing * (index + 1)
        rgb[0 : height // 2, x - 6 : x + 6] = (120, 40, 30)
    return rgb
