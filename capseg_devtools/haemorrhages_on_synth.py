"""The haemorrhage detector (``core.haemorrhage``) on synthetic pictures, against where the
generator drew them: ``python -m capseg_devtools.haemorrhages_on_synth [PICTURES [KIND...]]``
(default 40 of each kind, seeds 1000...); ``--model MODEL.tflite`` first: the capillaries'
mask and the limb width are the analysis' own (``Analyzer``), as in the window.

Kinds: the default strips (``capseg synth``), the varied strips (``--world``), strips under a
green LED and on a grey picture (``--look``), and wide fields with two to six haemorrhages
beyond the distal apices (``FieldParams.haemorrhages_range``). The generator records each
haemorrhage (``SyntheticStrip.haemorrhages``); on strips it places them away from every
capillary, where real ones often lie just beyond the distal apices (the fields do that).

Without ``--model`` the capillaries' mask (and the distal row, from its loops) is the
generator's exact one and the limb width is estimated from the picture (``core.scale``), as an
analysis does: a model's masks add their own
errors, which ``--model`` includes. Kind "samples" is the ten sample strips of ``Test_images/``
(seed 2026, as ``capseg synth --samples`` drew them), whatever the number of pictures asked. A detection
is right when its centre lies in a drawn haemorrhage's box grown by one limb width, one to one.
Prints, per kind and pooled, the drawn haemorrhages, the detections, recall and precision.
"""

from __future__ import annotations

import sys
from typing import Callable

import numpy as np

from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.haemorrhage import Haemorrhage
from capseg_desktop.core.measure import measure_loops
from capseg_desktop.core.pipeline import find_haemorrhages
from capseg_desktop.core.scale import SCALE_ESTIMATED, ScaleInfo, estimate_limb_width_px
from capseg_desktop.training import synth

KINDS: dict[str, Callable[[np.random.Generator], object]] = {
    "strip": lambda rng: synth.make_strip(rng),
    "world": lambda rng: synth.make_strip(rng, synth.SynthParams.world()),
    "green": lambda rng: synth.make_strip(rng, synth.SynthParams(look="green")),
    "mono": lambda rng: synth.make_strip(rng, synth.SynthParams(look="mono")),
    "field": lambda rng: synth.make_field(rng, synth.FieldParams(haemorrhages_range=(2, 7))),
    "samples": lambda rng: synth.make_strip(rng),
}


def _generators(kind: str, pictures: int, first_seed: int) -> list[np.random.Generator]:
    if kind == "samples":  # as write_dataset draws strip k of Test_images/
        return [np.random.default_rng([2026, index]) for index in range(10)]
    return [np.random.default_rng(seed) for seed in range(first_seed, first_seed + pictures)]


def truth_boxes(labels: np.ndarray) -> list[tuple[int, int, int, int]]:
    boxes = []
    for k in range(1, int(labels.max()) + 1):
        ys, xs = np.nonzero(labels == k)
        if len(xs):
            boxes.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1))
    return boxes


def match(found: tuple[Haemorrhage, ...], boxes: list[tuple[int, int, int, int]], grow: float) -> int:
    """How many detections match a drawn haemorrhage, one to one, nearest first."""
    pairs = []
    for i, h in enumerate(found):
        cx, cy = h.centroid
        for j, (x0, y0, x1, y1) in enumerate(boxes):
            if x0 - grow <= cx <= x1 + grow and y0 - grow <= cy <= y1 + grow:
                pairs.append((float(np.hypot(cx - (x0 + x1) / 2, cy - (y0 + y1) / 2)), i, j))
    used_i: set[int] = set()
    used_j: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
    return len(used_i)


def score(kind: str, pictures: int, first_seed: int = 1000, analyzer: object = None) -> dict[str, int]:
    """{"drawn", "found", "right"} over ``pictures`` of one kind; ``analyzer``: found by its
    analysis (its model's masks) instead of on the exact masks."""
    totals = {"drawn": 0, "found": 0, "right": 0}
    for rng in _generators(kind, pictures, first_seed):
        picture = KINDS[kind](rng)
        if analyzer is not None:
            from capseg_desktop.core.imageio import LoadedImage

            result = analyzer.analyze_image(LoadedImage(None, picture.rgb, "png", 8, 3)).result
            found, limb = result.haemorrhages, result.scale.limb_width_px if result.scale is not None else None
        else:
            limb = estimate_limb_width_px(picture.rgb)
            labels = picture.instances.astype(np.int32)
            measures = measure_loops(labels, capillaries_from_labels(labels))
            found = find_haemorrhages(picture.rgb, labels, ScaleInfo(1.0, limb, None, SCALE_ESTIMATED), measures)
        boxes = truth_boxes(picture.haemorrhages)
        totals["drawn"] += len(boxes)
        totals["found"] += len(found)
        totals["right"] += match(found, boxes, limb or 6.0)
    return totals


def rates(totals: dict[str, int]) -> tuple[float, float]:
    """(recall, precision); 1.0 where nothing was drawn or found."""
    recall = totals["right"] / totals["drawn"] if totals["drawn"] else 1.0
    precision = totals["right"] / totals["found"] if totals["found"] else 1.0
    return recall, precision


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    analyzer = None
    if argv[:1] == ["--model"]:
        from capseg_desktop.core import Analyzer
        from capseg_desktop.core.model import load_model

        analyzer, argv = Analyzer(load_model(argv[1])), argv[2:]
    pictures = int(argv[0]) if argv else 40
    kinds = argv[1:] or list(KINDS)
    pooled = {"drawn": 0, "found": 0, "right": 0}
    for kind in kinds:
        totals = score(kind, pictures, analyzer=analyzer)
        pooled = {key: pooled[key] + totals[key] for key in pooled}
        recall, precision = rates(totals)
        print(f"{kind}\tdrawn {totals['drawn']}\tfound {totals['found']}\tright {totals['right']}"
              f"\trecall {recall:.2f}\tprecision {precision:.2f}")
    recall, precision = rates(pooled)
    print(f"all\tdrawn {pooled['drawn']}\tfound {pooled['found']}\tright {pooled['right']}"
          f"\trecall {recall:.2f}\tprecision {precision:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
