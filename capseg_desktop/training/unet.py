"""A small Keras 3 U-Net for capillary segmentation, built to be cheap on LiteRT.

Capillary limbs are 6 to 30 px wide, so the network does its thinking at half resolution
and below. The full-resolution level is deliberately thin: one convolution of ``base_filters``
channels on the way down and one on the way up (most of the cost of a U-Net on a 1280 x 400
strip is in its full-resolution layers). Deeper levels have two convolutions each and grow by
``growth`` per level. The input is ``(None, None, C)``; height and width must be multiples of
``2 ** depth`` (the pipeline pads to the model's multiple).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class UNetConfig:
    """What defines the architecture; recorded in the model card."""

    depth: int = 3
    base_filters: int = 8
    growth: float = 2.0
    input_channels: int = 3
    max_filters: int = 64
    # False: the first layer is a stride-2 convolution and the logits are upsampled
    # bilinearly at the end, so no feature map is ever computed at full resolution.
    full_resolution: bool = True
    # "local_contrast": the first layer turns the image into its luma over the local contrast
    # (``core.model.local_contrast_layer``): a colour-blind model by construction. "": RGB
    # (or grey) as it comes, scaled to [0, 1].
    input_norm: str = ""

    def filters_at(self, level: int) -> int:
        return int(min(self.max_filters, round(self.base_filters * self.growth**level)))

    @property
    def multiple(self) -> int:
        return 2**self.depth

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        widths = "/".join(str(self.filters_at(level)) for level in range(self.depth + 1))
        first = (
            "one conv at full resolution each way"
            if self.full_resolution
            else "stride-2 stem, bilinear x2 upsampling of the logits (no full-resolution "
            "feature maps)"
        )
        norm = (
            "colour-blind input layer (luma over its local contrast, Gaussian window 16 px), "
            if self.input_norm == "local_contrast" else ""
        )
        return (
            f"U-Net, depth {self.depth} (sides multiple of {self.multiple}), "
            f"filters {widths} per level, {self.input_channels}-channel input, {norm}{first}, "
            "BatchNorm + ReLU, 2x2 transposed-conv upsampling, sigmoid output"
        )


def build_unet(config: UNetConfig | None = None, name: str = "capseg_unet") -> Any:
    """The Keras model: input ``(None, None, C)`` in [0, 1], output ``(None, None, 1)``
    sigmoid probabilities of the same size."""
    import keras
    from keras import layers

    config = config or UNetConfig()
    if config.depth < 1:
        raise ValueError("depth must be at least 1")
    if config.input_channels not in (1, 3):
        raise ValueError("input_channels must be 1 or 3")
    if config.input_norm not in ("", "local_contrast"):
        raise ValueError(f"unknown input_norm {config.input_norm!r}")

    def conv_bn_relu(x: Any, filters: int, label: str, strides: int = 1) -> Any:
        x = layers.Conv2D(
            filters, 3, strides=strides, padding="same", use_bias=False, name=f"{label}_conv"
        )(x)
        # momentum 0.9: the moving statistics settle within a short CPU training run.
        x = layers.BatchNormalization(momentum=0.9, name=f"{label}_bn")(x)
        return layers.ReLU(name=f"{label}_relu")(x)

    inputs = keras.Input((None, None, config.input_channels), name="image")
    first = inputs
    if config.input_norm == "local_contrast":
        from capseg_desktop.core.model import local_contrast_layer

        first = local_contrast_layer()(name="local_contrast")(inputs)
    skips: dict[int, Any] = {}
    top = 0 if config.full_resolution else 1
    if config.full_resolution:
        x = conv_bn_relu(first, config.filters_at(0), "enc0")
        skips[0] = x
    else:
        x = conv_bn_relu(first, config.filters_at(1), "stem", strides=2)
    for level in range(1, config.depth + 1):
        if level > 1 or config.full_resolution:
            x = layers.MaxPooling2D(2, name=f"pool{level}")(x)
        x = conv_bn_relu(x, config.filters_at(level), f"enc{level}a")
        x = conv_bn_relu(x, config.filters_at(level), f"enc{level}b")
        if level < config.depth:
            skips[level] = x
    for level in range(config.depth - 1, top - 1, -1):
        filters = config.filters_at(level)
        x = layers.Conv2DTranspose(filters, 2, strides=2, name=f"up{level}")(x)
        x = layers.Concatenate(name=f"cat{level}")([skips[level], x])
        x = conv_bn_relu(x, filters, f"dec{level}a")
        if level > 0:
            x = conv_bn_relu(x, filters, f"dec{level}b")
    logits = layers.Conv2D(1, 1, name="logits")(x)
    upsample = None
    if not config.full_resolution:
        # A 4x4 stride-2 transposed convolution that starts as exact bilinear x2 upsampling
        # (UpSampling2D cannot be traced with free height and width for LiteRT).
        upsample = layers.Conv2DTranspose(1, 4, strides=2, padding="same", name="upsample_logits")
        logits = upsample(logits)
    outputs = layers.Activation("sigmoid", dtype="float32", name="probability")(logits)
    model = keras.Model(inputs, outputs, name=name)
    if upsample is not None:
        upsample.set_weights([_bilinear_kernel(), np.zeros((1,), dtype=np.float32)])
    return model


def _bilinear_kernel() -> "np.ndarray":
    """4 x 4 x 1 x 1 kernel of bilinear x2 interpolation for a stride-2 transposed conv."""
    taps = np.array([0.25, 0.75, 0.75, 0.25], dtype=np.float32)
    return np.outer(taps, taps)[:, :, None, None]
