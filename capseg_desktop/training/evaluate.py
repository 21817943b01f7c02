"""Evaluation against point annotations (one ``[x, y]`` per capillary) and reference masks.

Matching is one-to-one: a point may match a detected capillary when it lies inside the
capillary's box grown by ``tolerance_px`` on every side; among the candidate pairs, the
closest (point to centroid) are matched first. Unmatched detections are false positives,
unmatched points false negatives. Precision, recall and F1 are pooled over all images.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np


@dataclass(frozen=True)
class MatchResult:
    true_positives: int
    false_positives: int
    false_negatives: int
    pairs: tuple[tuple[int, int], ...]  # (point index, detection index)
    unmatched_detections: tuple[int, ...]
    unmatched_points: tuple[int, ...]


def _box_distance(x: float, y: float, box: Sequence[float]) -> float:
    """Distance from a point to a box (x0, y0, x1, y1 with x1, y1 exclusive); 0 inside."""
    x0, y0, x1, y1 = box
    dx = max(x0 - x, 0.0, x - (x1 - 1))
    dy = max(y0 - y, 0.0, y - (y1 - 1))
    return float(np.hypot(dx, dy))


def match_points(points: Sequence[Sequence[float]], boxes: Sequence[Sequence[float]],
                 centroids: Sequence[Sequence[float]], tolerance_px: float) -> MatchResult:
    candidates = []
    for i, (px, py) in enumerate(points):
        for j, box in enumerate(boxes):
            if _box_distance(px, py, box) <= tolerance_px:
                cx, cy = centroids[j]
                candidates.append((float(np.hypot(px - cx, py - cy)), i, j))
    candidates.sort()
    used_points: set[int] = set()
    used_detections: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_points or j in used_detections:
            continue
        used_points.add(i)
        used_detections.add(j)
        pairs.append((i, j))
    tp = len(pairs)
    return MatchResult(
        true_positives=tp,
        false_positives=len(boxes) - tp,
        false_negatives=len(points) - tp,
        pairs=tuple(sorted(pairs)),
        unmatched_detections=tuple(j for j in range(len(boxes)) if j not in used_detections),
        unmatched_points=tuple(i for i in range(len(points)) if i not in used_points),
    )


def scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def mask_overlap(predicted: np.ndarray, reference: np.ndarray) -> tuple[int, int, int]:
    """(intersection, predicted pixels, reference pixels)."""
    predicted, reference = predicted.astype(bool), reference.astype(bool)
    return int(np.logical_and(predicted, reference).sum()), int(predicted.sum()), int(reference.sum())


def load_points(path: Path) -> dict[str, list[list[float]]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold a JSON object: {{\"image.png\": [[x, y], ...]}}")
    points = {}
    for name, values in data.items():
        if name.startswith("_"):  # comments / metadata
            continue
        if not isinstance(values, list) or any(len(v) != 2 for v in values):
            raise ValueError(f"{path}: the points of {name} must be a list of [x, y] pairs")
        points[name] = [[float(x), float(y)] for x, y in values]
    return points


def evaluate_session(session: Any, images: dict[str, Path], points: dict[str, list[list[float]]],
                     tolerance_px: float, params: Any = None, masks_dir: Path | None = None,
                     shared: Any = None) -> dict[str, Any]:
    """Per-image and pooled detection scores (and mask scores with ``masks_dir``). ``shared``:
    one ``core.scale.ScaleInfo`` for all the images (a microscope's), else each image's own."""
    from capseg_desktop.core import Analyzer

    from .data import read_mask

    analyzer = Analyzer(session)
    params = params or analyzer.default_params()
    per_image = []
    total = {"tp": 0, "fp": 0, "fn": 0}
    overlap = [0, 0, 0]
    count_errors = []
    for name in sorted(points):
        if name not in images:
            raise FileNotFoundError(f"{name} is listed in the points file but not in the images folder")
        analysis = analyzer.analyze_path(images[name], params, shared=shared)
        capillaries = analysis.result.capillaries
        match = match_points(points[name], [c.bbox for c in capillaries],
                             [c.centroid for c in capillaries], tolerance_px)
        total["tp"] += match.true_positives
        total["fp"] += match.false_positives
        total["fn"] += match.false_negatives
        row: dict[str, Any] = {
            "image": name, "annotated": len(points[name]), "detected": len(capillaries),
            "tp": match.true_positives, "fp": match.false_positives, "fn": match.false_negatives,
            "count_error": len(capillaries) - len(points[name]),
            "false_detections": [list(capillaries[j].bbox) for j in match.unmatched_detections],
            "missed_points": [points[name][i] for i in match.unmatched_points],
        }
        count_errors.append(row["count_error"])
        if masks_dir is not None:
            reference_path = masks_dir / f"{Path(name).stem}_mask.png"
            if reference_path.is_file():
                inter, pred, ref = mask_overlap(analysis.mask, read_mask(reference_path))
                overlap = [overlap[0] + inter, overlap[1] + pred, overlap[2] + ref]
                row["dice"] = round(2 * inter / (pred + ref), 4) if pred + ref else 1.0
                row["iou"] = round(inter / (pred + ref - inter), 4) if pred + ref - inter else 1.0
        per_image.append(row)
    report: dict[str, Any] = {
        "model": session.name,
        "params": params.to_dict(),
        "tolerance_px": tolerance_px,
        "images": len(per_image),
        "annotated": sum(len(points[n]) for n in points),
        "detected": sum(r["detected"] for r in per_image),
        **total,
        **scores(total["tp"], total["fp"], total["fn"]),
        "mean_abs_count_error": round(float(np.mean(np.abs(count_errors))), 3) if count_errors else 0.0,
        "mean_count_error": round(float(np.mean(count_errors)), 3) if count_errors else 0.0,
        "exact_counts": int(sum(1 for e in count_errors if e == 0)),
        "per_image": per_image,
    }
    if masks_dir is not None and overlap[1] + overlap[2] > 0:
        inter, pred, ref = overlap
        report["dice"] = round(2 * inter / (pred + ref), 4)
        report["iou"] = round(inter / (pred + ref - inter), 4)
    return report


def evaluate_folder(images_dir: Path, points_path: Path, masks_dir: Path | None = None,
                    model_path: Path | None = None, tolerance_px: float = 10.0,
                    threshold: float | None = None, min_area_px: int | None = None) -> dict[str, Any]:
    from dataclasses import replace

    from capseg_desktop.core import Analyzer, list_images, load_model
    from capseg_desktop.core.paths import default_model_path

    if not Path(images_dir).is_dir():
        raise FileNotFoundError(f"the images folder {images_dir} does not exist")
    model_path = model_path or default_model_path()
    if model_path is None:
        raise FileNotFoundError("no model given and no bundled model found in models/")
    session = load_model(model_path)
    params = Analyzer(session).default_params()
    if threshold is not None:
        params = replace(params, threshold=float(threshold))
    if min_area_px is not None:
        params = replace(params, min_area_px=int(min_area_px))
    images = {p.name: p for p in list_images(images_dir)}
    return evaluate_session(session, images, load_points(points_path), tolerance_px, params, masks_dir)


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'image':28s} {'points':>6s} {'found':>6s} {'TP':>4s} {'FP':>4s} {'FN':>4s}"
             + ("   dice    iou" if "dice" in report else "")]
    for row in report["per_image"]:
        line = (f"{row['image'][:28]:28s} {row['annotated']:6d} {row['detected']:6d} "
                f"{row['tp']:4d} {row['fp']:4d} {row['fn']:4d}")
        if "dice" in row:
            line += f" {row['dice']:6.3f} {row['iou']:6.3f}"
        lines.append(line)
    lines.append(
        f"model {report['model']}, tolerance {report['tolerance_px']:g} px, {report['images']} images: "
        f"precision {report['precision']:.3f}, recall {report['recall']:.3f}, F1 {report['f1']:.3f}; "
        f"count error mean {report['mean_count_error']:+.2f}, mean |error| {report['mean_abs_count_error']:.2f}, "
        f"exact {report['exact_counts']}/{report['images']}"
    )
    if "dice" in report:
        lines.append(f"mask: Dice {report['dice']:.4f}, IoU {report['iou']:.4f}")
    return "\n".join(lines)
