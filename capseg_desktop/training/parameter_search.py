"""Choosing the counting parameters a model's card recommends.

The probability maps are computed once; each parameter set is then only a recount
(milliseconds). The score is the pooled detection F1 against points (synthetic strips: one
point per true instance; real strips: our own annotations), ties broken by the smaller mean
absolute count error and then by closeness to the original pipeline's parameters.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import cv2
import numpy as np

from capseg_desktop.core.counting import CountingParams, count_capillaries
from capseg_desktop.core.pipeline import params_at_image_scale

from .evaluate import match_points, scores

DEFAULT_GRID: dict[str, Sequence[float]] = {
    "threshold": (0.4, 0.5, 0.6),
    "min_area_px": (250, 340, 450, 600, 800),
    "merge_distance_px": (16.0, 23.0, 30.0),
    "split_area_px": (1000, 1500, 2500),
}


# For a model that states its scale: parameters in pixels at the model's scale, where the
# reference strips are about 0.65 of their own size.
SCALED_GRID: dict[str, Sequence[float]] = {
    "threshold": (0.3, 0.4, 0.5, 0.6, 0.7),
    "min_area_px": (80, 120, 170, 240, 340),
    "merge_distance_px": (8.0, 11.0, 14.0, 18.0, 23.0),
    "split_area_px": (400, 600, 900, 1500, 2500),
}


def analysed_item(analyzer: Any, name: str, rgb: np.ndarray, points: list[list[float]],
                  group: str = "") -> CalibrationItem:
    """Probabilities as the analysis makes them (brought to the model's scale and back)."""
    scale = analyzer.choose_scale(rgb)
    return CalibrationItem(name, analyzer.segment(rgb, scale.factor), points, scale.factor, group)


@dataclass
class CalibrationItem:
    name: str
    probabilities: np.ndarray
    points: list[list[float]]
    factor: float = 1.0  # the resize the analysis applied for the model (parameters are in model px)
    group: str = ""  # "real" or "synthetic": with both, each group's F1 weighs the same


def instance_points(instances: np.ndarray) -> list[list[float]]:
    """One point per instance: the instance pixel closest to the instance's centroid."""
    points = []
    for k in range(1, int(instances.max()) + 1):
        ys, xs = np.nonzero(instances == k)
        if len(xs) == 0:
            continue
        cx, cy = xs.mean(), ys.mean()
        nearest = int(np.argmin((xs - cx) ** 2 + (ys - cy) ** 2))
        points.append([float(xs[nearest]), float(ys[nearest])])
    return points


def synthetic_items(session: Any, folder: Path, names: Iterable[str]) -> list[CalibrationItem]:
    from capseg_desktop.core.segment import predict_probabilities

    from .data import read_rgb

    items = []
    for name in names:
        stem = Path(name).stem
        instances = cv2.imread(str(folder / f"{stem}_instances.png"), cv2.IMREAD_UNCHANGED)
        if instances is None:
            continue
        probabilities = predict_probabilities(session, read_rgb(folder / f"{stem}.png"))
        items.append(CalibrationItem(name, probabilities, instance_points(instances)))
    return items


def real_items(session: Any, folder: Path, points: dict[str, list[list[float]]],
               names: Iterable[str]) -> list[CalibrationItem]:
    from capseg_desktop.core.segment import predict_probabilities

    from .data import read_rgb

    return [
        CalibrationItem(name, predict_probabilities(session, read_rgb(folder / name)), points[name])
        for name in names if name in points and (folder / name).is_file()
    ]


def score_params(items: Sequence[CalibrationItem], params: CountingParams,
                 tolerance_px: float = 10.0) -> dict[str, float]:
    tp = fp = fn = 0
    errors = []
    for item in items:
        counted = count_capillaries(item.probabilities, params_at_image_scale(params, item.factor))
        caps = counted.capillaries
        match = match_points(item.points, [c.bbox for c in caps], [c.centroid for c in caps], tolerance_px)
        tp, fp, fn = tp + match.true_positives, fp + match.false_positives, fn + match.false_negatives
        errors.append(len(caps) - len(item.points))
    result: dict[str, float] = dict(scores(tp, fp, fn))
    result.update(tp=tp, fp=fp, fn=fn, mean_abs_count_error=float(np.mean(np.abs(errors))) if errors else 0.0,
                  exact=int(sum(1 for e in errors if e == 0)))
    return result


def choose_params(items: Sequence[CalibrationItem], grid: dict[str, Sequence[float]] | None = None,
                  tolerance_px: float = 10.0) -> tuple[CountingParams, dict[str, float]]:
    grid = grid or DEFAULT_GRID
    reference = CountingParams()
    best: tuple[Any, ...] | None = None
    groups = sorted({item.group for item in items})
    for values in itertools.product(*(grid[k] for k in ("threshold", "min_area_px", "merge_distance_px", "split_area_px"))):
        params = CountingParams(float(values[0]), int(values[1]), float(values[2]), int(values[3]))
        result = score_params(items, params, tolerance_px)
        if len(groups) > 1:  # a few real strips weigh as much as many synthetic ones
            per_group = [score_params([i for i in items if i.group == g], params, tolerance_px) for g in groups]
            result["f1_pooled"] = result["f1"]
            result["f1"] = float(np.mean([r["f1"] for r in per_group]))
            for group, group_result in zip(groups, per_group):
                result[f"f1_{group}"] = group_result["f1"]
        distance = (abs(params.threshold - reference.threshold) * 10
                    + abs(params.min_area_px - reference.min_area_px) / 340
                    + abs(params.merge_distance_px - reference.merge_distance_px) / 23
                    + abs(params.split_area_px - reference.split_area_px) / 1500)
        key = (result["f1"], -result["mean_abs_count_error"], -distance)
        if best is None or key > best[0]:
            best = (key, params, result)
    assert best is not None
    return best[1], best[2]


def litert_ms(model_path: Path, height: int = 400, width: int = 1280, threads: int = 2,
              repeats: int = 7) -> float:
    """Median LiteRT inference time for one ``height`` x ``width`` strip (after a warm-up)."""
    import time

    from capseg_desktop.core import load_model

    session = load_model(model_path, num_threads=threads)
    multiple = session.multiple
    padded = (-(-height // multiple) * multiple, -(-width // multiple) * multiple)
    batch = np.random.default_rng(0).random((1, *padded, session.input_channels), np.float32)
    session.predict(batch)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        session.predict(batch)
        times.append((time.perf_counter() - started) * 1000.0)
    return float(np.median(times))


def calibrate_bundle(out_dir: Path, synthetic_dirs: Sequence[Path], real_images: Path | None,
                     points: dict[str, list[list[float]]] | None, teacher: Path | None = None,
                     log: Any = print) -> dict[str, Any]:
    """Choose the recommended counting parameters on the training split (synthetic held-out
    strips + annotated real strips used in training), then report detection scores on the
    held-out real strips and on all annotated strips; write them into the card."""

    from capseg_desktop.core import load_model

    from .card import read_card, write_card
    from .evaluate import evaluate_session

    card_path = out_dir / "model_card.json"
    card = read_card(card_path)
    held_out = set(card["training_data"].get("held_out", []))
    session = load_model(out_dir / "capseg_unet.tflite")
    items: list[CalibrationItem] = []
    for folder in synthetic_dirs:
        names = [n for n in held_out if (Path(folder) / n).is_file()]
        items += synthetic_items(session, Path(folder), sorted(names))
    n_synthetic = len(items)
    if real_images is not None and points:
        train_names = sorted(n for n in points if n not in held_out)
        items += real_items(session, real_images, points, train_names)
    params, result = choose_params(items)
    log(f"recommended parameters: {params.describe()} "
        f"(F1 {result['f1']:.3f} on {n_synthetic} held-out synthetic + {len(items) - n_synthetic} annotated training strips)")
    card["recommended_parameters"] = params.to_dict()
    metrics = card.setdefault("metrics", {})
    metrics["calibration"] = {"strips_synthetic": n_synthetic, "strips_real": len(items) - n_synthetic, **result}
    if real_images is not None and points:
        images = {n: real_images / n for n in points if (real_images / n).is_file()}
        held = {n: points[n] for n in points if n in held_out and n in images}
        reports = {}
        for label, subset in (("held_out_real", held), ("all_annotated_real", {n: points[n] for n in images})):
            if not subset:
                continue
            report = evaluate_session(session, images, subset, 10.0, params)
            reports[label] = {k: report[k] for k in ("images", "annotated", "detected", "tp", "fp", "fn",
                                                     "precision", "recall", "f1", "mean_abs_count_error",
                                                     "mean_count_error", "exact_counts")}
            log(f"{label}: P {report['precision']:.3f} R {report['recall']:.3f} F1 {report['f1']:.3f} "
                f"|count error| {report['mean_abs_count_error']:.2f}")
        if teacher is not None:
            teacher_session = load_model(teacher)
            report = evaluate_session(teacher_session, images, {n: points[n] for n in images}, 10.0, CountingParams())
            reports["teacher_all_annotated_real"] = {k: report[k] for k in ("images", "annotated", "detected", "tp", "fp", "fn",
                                                                            "precision", "recall", "f1", "mean_abs_count_error",
                                                                            "mean_count_error", "exact_counts")}
            log(f"teacher on all annotated: P {report['precision']:.3f} R {report['recall']:.3f} F1 {report['f1']:.3f}")
        metrics["our_point_annotations"] = {
            "note": "our own points on the 25 reference strips (tests/training/data/seed_points.json), "
                    "tolerance 10 px; held-out strips were not used for training or calibration",
            **reports,
        }
    metrics["litert_ms_1280x400_2_threads"] = round(litert_ms(out_dir / "capseg_unet.tflite"), 1)
    write_card(card_path, card)
    return card
