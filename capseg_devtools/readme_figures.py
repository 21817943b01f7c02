"""README figures made by code: ``python -m capseg_devtools.readme_figures``.

``resources/screenshots/other_microscopes.png``: what ``capseg analyze`` counts on pictures that
look like other microscopes' (the bundled model, and the model for any light on the picture lit
green, as ``capseg analyze`` chooses), drawn by ``capseg synth --field`` from fixed seeds (the reference
strips are never copied into the repository): a wide field whose distal row runs at 45 degrees,
with deeper rows, end-on capillaries and a measuring line, and a green-light field whose row is
upright with its apices pointing right, each as the app exports it (numbered boxes, the distal
row's dashed line, the legend): above, at the scale guessed from the picture alone; below, at
the scale its microscope's profile learns (limbs 6 px, as drawn).
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

from capseg_desktop.core import Analyzer, load_model
from capseg_desktop.core.imageio import LoadedImage
from capseg_desktop.core.paths import any_light_model_path, default_model_path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "screenshots" / "other_microscopes.png"


def _annotated(analyzer: Analyzer, rgb: np.ndarray, name: str, limb_width_px: float | None = None) -> np.ndarray:
    from capseg_desktop.core.scale import SCALE_PROFILE, ScaleInfo

    loaded = LoadedImage(path=Path(name), rgb=np.ascontiguousarray(rgb), format="PNG", bit_depth=8, channels=3)
    shared = ScaleInfo(1.0, limb_width_px, None, SCALE_PROFILE) if limb_width_px else None
    return analyzer.analyze_image(loaded, shared=shared).annotated_rgb()


def _caption(text: str, width: int) -> np.ndarray:
    bar = np.full((34, width, 3), 255, np.uint8)
    cv2.putText(bar, text, (8, 23), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (20, 20, 20), 1, cv2.LINE_AA)
    return bar


def _panel(picture: np.ndarray, text: str, width: int) -> np.ndarray:
    height = int(round(picture.shape[0] * width / picture.shape[1]))
    return np.vstack([_caption(text, width), cv2.resize(picture, (width, height), interpolation=cv2.INTER_AREA)])


def make(out: Path = OUT) -> Path:
    from dataclasses import replace

    from capseg_desktop.training.synth import FieldParams, make_field

    analyzer = Analyzer(load_model(default_model_path()))
    if any_light_model_path() is not None:  # as capseg analyze: pictures lit green go to the model for any light
        analyzer.for_green_light = Analyzer(load_model(any_light_model_path()))
    base = replace(FieldParams(), width_range=(1000, 1000), height_range=(900, 900), limb_width_range=(6.0, 6.0),
                   ruler_probability=1.0)
    diagonal = make_field(np.random.default_rng([2026, 1]), replace(base, angle_deg=315.0))
    green = make_field(np.random.default_rng([2026, 2]), replace(base, angle_deg=0.0, look="green"))
    width = 600
    rows = []
    for limbs, how in ((None, "scale guessed"), (6.0, "microscope's scale, 6 px")):
        panels = [
            _panel(_annotated(analyzer, diagonal.rgb, "field_diagonal.png", limbs),
                   f"Row at 45 deg, a ruler ({diagonal.distal_count} distal drawn): {how}", width),
            _panel(_annotated(analyzer, green.rgb, "field_green.png", limbs),
                   f"Green light, row upright ({green.distal_count} distal drawn): {how}", width),
        ]
        height = max(p.shape[0] for p in panels)
        panels = [np.vstack([p, np.full((height - p.shape[0], width, 3), 255, np.uint8)]) for p in panels]
        rows.append(np.hstack([panels[0], np.full((height, 12, 3), 255, np.uint8), panels[1]]))
    figure = np.vstack([rows[0], np.full((16, rows[0].shape[1], 3), 255, np.uint8), rows[1]])
    out.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(out), cv2.cvtColor(figure, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 9])
    return out


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
