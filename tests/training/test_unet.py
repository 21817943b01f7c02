"""The U-Net builder: any multiple of 2**depth in, the same height and width out."""

from __future__ import annotations

import numpy as np
import pytest

from capseg_desktop.training.unet import UNetConfig, build_unet


@pytest.mark.parametrize(
    "config",
    [
        UNetConfig(depth=2, base_filters=4, input_channels=1),
        UNetConfig(depth=3, base_filters=4, input_channels=3, full_resolution=True),
        UNetConfig(depth=4, base_filters=4, input_channels=3, full_resolution=False),
    ],
)
def test_output_has_the_input_size_for_multiples_of_two_to_the_depth(config: UNetConfig) -> None:
    model = build_unet(config)
    multiple = 2**config.depth
    assert config.multiple == multiple
    for height, width in ((multiple * 3, multiple * 5), (multiple * 4, multiple * 7)):
        x = np.random.default_rng(0).random((2, height, width, config.input_channels), np.float32)
        y = np.asarray(model(x, training=False))
        assert y.shape == (2, height, width, 1)
        assert float(y.min()) >= 0.0 and float(y.max()) <= 1.0


def test_input_is_free_in_height_and_width() -> None:
    model = build_unet(UNetConfig(depth=3, base_filters=4))
    assert tuple(model.inputs[0].shape) == (None, None, None, 3)
    assert tuple(model.outputs[0].shape) == (None, None, None, 1)


def test_half_resolution_starts_as_bilinear_upsampling() -> None:
    """The final transposed conv starts as bilinear x2: a constant logit map stays constant."""
    model = build_unet(UNetConfig(depth=2, base_filters=4, full_resolution=False))
    kernel, bias = model.get_layer("upsample_logits").get_weights()
    assert kernel.shape == (4, 4, 1, 1)
    # Each output pixel receives weights summing to 1 (2x2 taps of a 4x4 bilinear kernel).
    assert np.isclose(kernel[0::2, 0::2].sum(), 1.0) and np.isclose(kernel[1::2, 1::2].sum(), 1.0)
    assert float(bias[0]) == 0.0


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        build_unet(UNetConfig(depth=0))
    with pytest.raises(ValueError):
        build_unet(UNetConfig(input_channels=2))
