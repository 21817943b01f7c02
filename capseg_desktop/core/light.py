"""The picture's light, told from its colours: **white** (red-brown vessels on beige-pink skin,
whatever the tint: what the bundled model was made for) or **green** (a green-LED
capillaroscope: the red channel is almost empty, the vessels dark on green).

The bundled model reads colour and misses most loops in green light (F1 0.744 on the reference
strips with only their green channel kept, against 0.944 for the model for any light; blind on a
held-aside green-LED microscope). So where the caller asks for the models' own counting
parameters, an image lit green is counted with the model for any light, installed beside the
bundled one (``models/any_light/``; see ``Analyzer.for_green_light``), and its exports name it.

Monochrome pictures stay with the bundled model: it reads them as well as colour ones (F1 0.968
on the greyscale strips, against 0.933 for the model for any light).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

WHITE = "white"
GREEN = "green"
#: Red's share of the mean of the three channels under which a picture is lit green: green-LED
#: pictures have 0.03-0.07, the reference strips 1.17-1.32, grey ones 1.0.
GREEN_RED_SHARE = 0.3


def light_of(rgb: np.ndarray) -> str:
    """``GREEN`` when the red channel holds almost nothing and green is the strongest, else ``WHITE``."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return WHITE
    step = max(1, int(np.sqrt(rgb.shape[0] * rgb.shape[1] / 65536)))  # about 65,000 pixels: a fraction of a millisecond
    means = rgb[::step, ::step, :3].reshape(-1, 3).astype(np.float64).mean(axis=0)
    mean = float(means.mean())
    if mean < 1.0:  # black: no light to tell
        return WHITE
    red, green, blue = means / mean
    return GREEN if red < GREEN_RED_SHARE and green >= blue else WHITE


def green_light_warnings(light: str, model_path: Path | None) -> list[str]:
    """A sentence when a picture lit green (``light``, from ``light_of``) is counted with the
    bundled model while the model for any light is installed beside it (the window counts with
    the model the user loaded)."""
    from .i18n import translate
    from .paths import any_light_model_path, default_model_path

    if model_path is None or light != GREEN:
        return []
    bundled, other = default_model_path(), any_light_model_path()
    if bundled is None or other is None or Path(model_path).resolve() != bundled.resolve():
        return []
    return [translate("Light", "This picture is lit in green, and the bundled model misses most loops in green light: "
                               "count it with the model for any light (Model > Model for green light; capseg analyze "
                               "does so unless given --no-light-model).")]
