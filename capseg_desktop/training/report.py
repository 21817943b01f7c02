"""The evaluation half of the recipe, and ``capseg verify-model``.

1. counting parameters chosen on the validation split only (validation reference strips with
   our points, and the synthetic strips held out from training);
2. scores on the fixed test split (never used before this step) for the new model and for
   each baseline, with each model's own recommended parameters; also the validation split,
   and all 25 strips (in-sample for the new model: labelled so);
3. the robustness table on the test strips and on ``Test_images``;
4. speed of one 1280 x 400 strip at the model's own scale, beside each baseline's;
5. everything into the card, by code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from .train import MODEL_STEM

Log = Callable[[str], None]
SCORE_KEYS = ("images", "annotated", "detected", "tp", "fp", "fn", "precision", "recall", "f1",
              "mean_abs_count_error", "mean_count_error", "exact_counts")
# ``capseg verify-model`` accepts a re-run within these of the card's figures.
VERIFY_TOLERANCE = {"f1": 0.02, "mean_abs_count_error": 0.25}


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def sample_images() -> tuple[Path, Path]:
    root = _repo_root() / "Test_images"
    return root, root / "masks"


def split_scores(session: Any, images_dir: Path, points: dict[str, list[list[float]]],
                 names: list[str], params: Any) -> dict[str, Any]:
    from .evaluate import evaluate_session

    subset = {n: points[n] for n in names if n in points}
    report = evaluate_session(session, {n: images_dir / n for n in subset}, subset, 10.0, params)
    return {k: report[k] for k in SCORE_KEYS}


def choose_parameters(session: Any, images_dir: Path, points: dict[str, list[list[float]]],
                      validation: list[str], synthetic_dirs: list[Path], synthetic_names: list[str],
                      quick: bool, log: Log) -> tuple[Any, dict[str, Any]]:
    import cv2

    from capseg_desktop.core import Analyzer

    from .calibrate import SCALED_GRID, analysed_item, choose_params, instance_points
    from .data import read_rgb

    analyzer = Analyzer(session)
    items = [analysed_item(analyzer, n, read_rgb(images_dir / n), points[n]) for n in validation if n in points]
    n_real = len(items)
    for folder in synthetic_dirs:
        for name in synthetic_names:
            if not (folder / name).is_file():
                continue
            instances = cv2.imread(str(folder / f"{Path(name).stem}_instances.png"), cv2.IMREAD_UNCHANGED)
            items.append(analysed_item(analyzer, name, read_rgb(folder / name), instance_points(instances)))
    grid = SCALED_GRID if not quick else {k: v[:2] for k, v in SCALED_GRID.items()}
    params, result = choose_params(items, grid)
    log(f"recommended parameters: {params.describe()} (F1 {result['f1']:.3f} on {n_real} validation "
        f"reference strips and {len(items) - n_real} held-out synthetic strips)")
    return params, {"strips_real_validation": n_real, "strips_synthetic_validation": len(items) - n_real, **result}


def model_report(session: Any, params: Any, images_dir: Path, points: dict[str, list[list[float]]],
                 splits: dict[str, list[str]], robustness_images: list[Any], log: Log,
                 label: str) -> dict[str, Any]:
    from .robustness import robustness_table

    report: dict[str, Any] = {"parameters": params.to_dict()}
    for split in ("test", "validation", "train"):
        report[split] = split_scores(session, images_dir, points, splits[split], params)
        row = report[split]
        log(f"{label} {split}: P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f} "
            f"|count error| {row['mean_abs_count_error']:.2f} ({row['images']} strips)")
    all_names = splits["test"] + splits["validation"] + splits["train"]
    report["all_25"] = split_scores(session, images_dir, points, all_names, params)
    log(f"{label} robustness:")
    report["robustness"] = robustness_table(session, robustness_images, params, log=log)
    return report


def evaluate_bundle(bundle: Path, recipe: dict[str, Any], data: dict[str, Any], baselines: dict[str, Path],
                    quick: bool = False, log: Log = print) -> dict[str, Any]:
    from capseg_desktop.core import Analyzer, CountingParams, load_model

    from .calibrate import litert_ms
    from .card import read_card, write_card
    from .evaluate import load_points
    from .recipe import resolve
    from .robustness import annotated_from_masks, annotated_from_points

    card_path = bundle / "model_card.json"
    card = read_card(card_path)
    images_dir = Path(data["images_dir"])
    points = load_points(resolve(recipe, recipe["reference"]["points"]))
    splits = data["splits"]
    session = load_model(bundle / f"{MODEL_STEM}.tflite")
    synthetic_val = card["training_data"].get("synthetic_validation", [])
    params, calibration = choose_parameters(
        session, images_dir, points, splits["validation"], [Path(s["folder"]) for s in data["synthetic"]],
        synthetic_val, quick, log)
    card["recommended_parameters"] = params.to_dict()
    write_card(card_path, card)
    session = load_model(bundle / f"{MODEL_STEM}.tflite")  # now with the new card

    samples_dir, samples_masks = sample_images()
    robustness_images = annotated_from_points(images_dir, points, splits["test"])
    robustness_images += annotated_from_masks(samples_dir, samples_masks)
    if quick:
        robustness_images = robustness_images[:2]

    evaluation: dict[str, Any] = {
        "protocol": "point matching, tolerance 10 px (scaled with the image for rescaled strips); "
                    "parameters chosen on the validation split only; the test split was used for "
                    "nothing before this evaluation",
        "calibration": calibration,
        "models": {},
    }
    evaluation["models"]["this model"] = model_report(
        session, params, images_dir, points, splits, robustness_images, log, "v" + str(card["version"]))
    speeds = {"this model": round(litert_ms(bundle / f"{MODEL_STEM}.tflite"), 1)}
    for name, path in baselines.items():
        baseline = load_model(path)
        baseline_params = Analyzer(baseline).default_params() if baseline.card else CountingParams()
        evaluation["models"][name] = model_report(
            baseline, baseline_params, images_dir, points, splits, robustness_images, log, name)
        evaluation["models"][name]["file"] = Path(path).name
        if Path(path).suffix == ".tflite":
            speeds[name] = round(litert_ms(Path(path)), 1)
    evaluation["robustness_images"] = {
        "test_split_strips": len(annotated_from_points(images_dir, points, splits["test"])),
        "Test_images": len(annotated_from_masks(samples_dir, samples_masks)),
        "note": "every transform applied to each image; F1 against the moved points",
    }
    evaluation["litert_ms_1280x400_2_threads"] = speeds
    card = read_card(card_path)
    card["evaluation"] = evaluation
    card["metrics"] = {
        "test_split": evaluation["models"]["this model"]["test"],
        "validation_split": evaluation["models"]["this model"]["validation"],
        "robustness_min_f1": round(min(r["f1"] for r in evaluation["models"]["this model"]["robustness"].values()), 4),
        "held_out_val_loss": card.get("metrics", {}).get("held_out_val_loss"),
        "held_out_dice_real": card.get("metrics", {}).get("held_out_dice_real"),
        "held_out_dice_synthetic": card.get("metrics", {}).get("held_out_dice_synthetic"),
    }
    write_card(card_path, card)
    from .card import refresh_hashes

    return refresh_hashes(card_path)


def verify_model(model_dir: Path, images_dir: Path, points_path: Path, log: Log = print) -> int:
    """Re-run the test-split evaluation and the robustness suite of a bundle and compare with
    its card; 0 when every figure is within ``VERIFY_TOLERANCE``."""
    from capseg_desktop.core import Analyzer, load_model

    from .card import read_card
    from .evaluate import load_points
    from .robustness import annotated_from_masks, annotated_from_points, robustness_table

    card = read_card(model_dir / "model_card.json")
    stated = card.get("evaluation", {}).get("models", {}).get("this model")
    if not stated:
        log("the card holds no evaluation to verify")
        return 2
    session = load_model(model_dir / f"{MODEL_STEM}.tflite")
    params = Analyzer(session).default_params()
    points = load_points(points_path)
    test = card["training_data"]["splits"]["test"]
    measured = split_scores(session, images_dir, points, test, params)
    failures = []
    for key, tolerance in VERIFY_TOLERANCE.items():
        if abs(measured[key] - stated["test"][key]) > tolerance:
            failures.append(f"test split {key}: card {stated['test'][key]}, now {measured[key]}")
    samples_dir, samples_masks = sample_images()
    images = annotated_from_points(images_dir, points, test) + annotated_from_masks(samples_dir, samples_masks)
    table = robustness_table(session, images, params, log=log)
    for label, row in table.items():
        card_row = stated["robustness"].get(label)
        if card_row and abs(row["f1"] - card_row["f1"]) > VERIFY_TOLERANCE["f1"]:
            failures.append(f"robustness '{label}' F1: card {card_row['f1']}, now {row['f1']}")
    log(json.dumps({"test_split_now": measured}, indent=1))
    for failure in failures:
        log("MISMATCH " + failure)
    log("the card's figures hold" if not failures else f"{len(failures)} figure(s) differ from the card")
    return 0 if not failures else 1
