"""Pseudo-labels for real images from a teacher model (the original U-Net).

The teacher's probabilities are averaged over the image and its left-right mirror (a
capillary strip is not symmetric top to bottom: loops hang from the top edge, so only the
horizontal flip is a fair test-time augmentation). The mask is then grown by hysteresis
(pixels above ``high`` seed a region that extends through pixels above ``low``) and specks
smaller than ``min_area_px`` are removed. Optionally, a list of points one per capillary
(our own annotations) keeps only the regions that hold a point: this removes the teacher's
false detections (hemorrhages, bubbles, dust) from the labels instead of learning them.

Labels are written outside the repository (a cache folder); nothing from ``../shared`` is
copied into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np


@dataclass(frozen=True)
class PseudoLabelParams:
    high: float = 0.6
    low: float = 0.3
    min_area_px: int = 150
    point_radius_px: int = 12


def flip_averaged_probabilities(session: Any, rgb: np.ndarray) -> np.ndarray:
    """Teacher probabilities averaged over the image and its horizontal mirror."""
    from capseg_desktop.core.segment import predict_probabilities

    direct = predict_probabilities(session, rgb)
    mirrored = predict_probabilities(session, np.ascontiguousarray(rgb[:, ::-1]))[:, ::-1]
    return (direct + mirrored) * np.float32(0.5)


def hysteresis_mask(probabilities: np.ndarray, params: PseudoLabelParams) -> np.ndarray:
    """Regions above ``low`` that contain a pixel above ``high``, without small specks."""
    low = (probabilities > params.low).astype(np.uint8)
    n_labels, labels, stats, _ = cv2.connectedComponentsWithStats(low, connectivity=8)
    seeded = np.zeros(n_labels, dtype=bool)
    seeded[np.unique(labels[probabilities > params.high])] = True
    seeded[0] = False
    seeded &= stats[:, cv2.CC_STAT_AREA] >= params.min_area_px
    return seeded[labels]


def keep_annotated(
    mask: np.ndarray, points: Sequence[Sequence[float]], radius_px: int
) -> np.ndarray:
    """Only the regions of ``mask`` within ``radius_px`` of one of the points."""
    n_labels, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    keep = np.zeros(n_labels, dtype=bool)
    height, width = mask.shape
    for x, y in points:
        x0, x1 = max(0, int(x) - radius_px), min(width, int(x) + radius_px + 1)
        y0, y1 = max(0, int(y) - radius_px), min(height, int(y) + radius_px + 1)
        keep[np.unique(labels[y0:y1, x0:x1])] = True
    keep[0] = False
    return keep[labels]


def make_pseudo_labels(
    teacher_path: Path,
    images: Sequence[Path],
    out_dir: Path,
    params: PseudoLabelParams | None = None,
    points: dict[str, list[list[float]]] | None = None,
) -> list[Path]:
    """Write ``NAME_mask.png`` (0/255) and ``NAME_prob.npy`` for each image into ``out_dir``."""
    from capseg_desktop.core import load_model, read_image

    params = params or PseudoLabelParams()
    out_dir.mkdir(parents=True, exist_ok=True)
    session = load_model(teacher_path)
    written = []
    for path in images:
        rgb = read_image(path).rgb
        probabilities = flip_averaged_probabilities(session, rgb)
        mask = hysteresis_mask(probabilities, params)
        if points is not None and path.name in points:
            mask = keep_annotated(mask, points[path.name], params.point_radius_px)
        target = out_dir / f"{path.stem}_mask.png"
        cv2.imwrite(str(target), np.where(mask, 255, 0).astype(np.uint8))
        np.save(out_dir / f"{path.stem}_prob.npy", probabilities.astype(np.float16))
        written.append(target)
    return written
