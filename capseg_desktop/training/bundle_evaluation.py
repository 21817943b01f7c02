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

import numpy as np

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

    from .parameter_search import SCALED_GRID, analysed_item, choose_params, instance_points
    from .data import read_rgb

    analyzer = Analyzer(session)
    items = [analysed_item(analyzer, n, read_rgb(images_dir / n), points[n], "real") for n in validation if n in points]
    n_real = len(items)
    for folder in synthetic_dirs:
        for name in synthetic_names:
            if not (folder / name).is_file():
                continue
            instances = cv2.imread(str(folder / f"{Path(name).stem}_instances.png"), cv2.IMREAD_UNCHANGED)
            items.append(analysed_item(analyzer, name, read_rgb(folder / name), instance_points(instances), "synthetic"))
    grid = SCALED_GRID if not quick else {k: v[:2] for k, v in SCALED_GRID.items()}
    params, result = choose_params(items, grid)
    log(f"recommended parameters: {params.describe()} (F1 {result['f1']:.3f} on {n_real} validation "
        f"reference strips and {len(items) - n_real} held-out synthetic strips)")
    return params, {"strips_real_validation": n_real, "strips_synthetic_validation": len(items) - n_real, **result}


# The synthetic stand-in for other microscopes: domain-randomised strips from a seed never used
# in training, at the magnifications of the microscopes we were told about (limbs about 5-6 px
# where ours are 12-16) and at our own.
PROXY_SEED = 9001
PROXY_SCALES = (0.4, 0.55, 1.0)


def other_microscope_proxy(session: Any, params: Any, strips: int, log: Log) -> dict[str, Any]:
    """Detection scores on unseen domain-randomised strips at several magnifications."""
    from capseg_desktop.core import Analyzer
    from capseg_desktop.core.imageio import LoadedImage

    from .parameter_search import instance_points
    from .evaluate import match_points, scores
    from .synth import SynthParams, make_strip, rescale_strip

    analyzer = Analyzer(session)
    table: dict[str, Any] = {}
    for limb_scale in PROXY_SCALES:
        tp = fp = fn = 0
        errors, blind = [], 0
        for index in range(strips):
            strip = make_strip(np.random.default_rng([PROXY_SEED, index]), SynthParams.world())
            if limb_scale != 1.0:
                strip = rescale_strip(strip, limb_scale)
            points = instance_points(strip.instances)
            loaded = LoadedImage(path=None, rgb=strip.rgb, format="PNG", bit_depth=8, channels=3)
            caps = analyzer.analyze_image(loaded, params).result.capillaries
            match = match_points(points, [c.bbox for c in caps], [c.centroid for c in caps],
                                 max(3.0, 10.0 * limb_scale))
            tp, fp, fn = tp + match.true_positives, fp + match.false_positives, fn + match.false_negatives
            errors.append(len(caps) - len(points))
            blind += int(len(caps) == 0 and len(points) > 0)
        row = {**scores(tp, fp, fn), "mean_abs_count_error": round(float(np.mean(np.abs(errors))), 2),
               "images_with_no_detection": blind, "images": strips}
        table[f"limbs x{limb_scale:g}"] = row
        log(f"  unseen domain-randomised strips, limbs x{limb_scale:g}: F1 {row['f1']:.3f} "
            f"|count error| {row['mean_abs_count_error']:.2f} blind {blind}")
    return table


# Wide fields like the other microscopes' (``synth.make_field``), from a seed never used in
# training: the distal row at any angle, deeper rows, end-on capillaries, measuring lines, out of
# focus regions; natural, green-LED and monochrome looks.
FIELD_SEED = 9002
FIELD_LOOKS = (None, "green", "mono")


def _loop_centres(field: Any, keep: Callable[[int], bool]) -> list[list[float]]:
    from .parameter_search import instance_points

    kept = np.where(np.isin(field.instances, [k for k in field.rows if keep(k)]), field.instances, 0)
    return instance_points(kept.astype(np.uint16))


def wide_field_proxy(session: Any, params: Any, fields: int, log: Log) -> dict[str, Any]:
    """Per look: detection of the loops (end-on capillaries, too small to count, left out) and
    of the distal row (the app's distal loops against the field's first row), and the images
    whose distal count is off by more than one."""
    from dataclasses import replace

    from capseg_desktop.core import Analyzer
    from capseg_desktop.core.imageio import LoadedImage

    from .evaluate import match_points, scores
    from .synth import FieldParams, make_field

    analyzer = Analyzer(session)
    table: dict[str, Any] = {}
    for look in FIELD_LOOKS:
        totals = {"all": [0, 0, 0], "distal": [0, 0, 0]}
        distal_errors, blind = [], 0
        for index in range(fields):
            field = make_field(np.random.default_rng([FIELD_SEED, index]), replace(FieldParams(), look=look))
            loaded = LoadedImage(path=None, rgb=field.rgb, format="PNG", bit_depth=8, channels=3)
            result = analyzer.analyze_image(loaded, params).result
            caps = result.capillaries
            distal_ids = {m.id for m in (result.measures or ()) if m.distal}
            distal_caps = [c for c in caps if c.id in distal_ids]
            tolerance = max(3.0, 2.0 * field.limb_width_px)
            for key, truth, found in (
                ("all", _loop_centres(field, lambda k: field.kinds[k] == "loop"), caps),
                ("distal", _loop_centres(field, lambda k: field.rows[k] == 0), distal_caps),
            ):
                match = match_points(truth, [c.bbox for c in found], [c.centroid for c in found], tolerance)
                counts = totals[key]
                counts[0] += match.true_positives
                counts[1] += match.false_positives
                counts[2] += match.false_negatives
            distal_errors.append(len(distal_caps) - field.distal_count)
            blind += int(not caps)
        row = {"all_loops": scores(*totals["all"]), "distal_row": scores(*totals["distal"]),
               "mean_abs_distal_count_error": round(float(np.mean(np.abs(distal_errors))), 2),
               "images_with_no_detection": blind, "images": fields}
        table[look or "natural"] = row
        log(f"  unseen wide fields, {look or 'natural'} look: loops F1 {row['all_loops']['f1']:.3f}, "
            f"distal row F1 {row['distal_row']['f1']:.3f}, |distal count error| {row['mean_abs_distal_count_error']:.2f}, "
            f"blind {blind}")
    return table


def model_report(session: Any, params: Any, images_dir: Path, points: dict[str, list[list[float]]],
                 splits: dict[str, list[str]], robustness_images: list[Any], log: Log,
                 label: str, proxy_strips: int = 24) -> dict[str, Any]:
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
    report["other_microscope_proxy"] = other_microscope_proxy(session, params, proxy_strips, log)
    report["wide_field_proxy"] = wide_field_proxy(session, params, max(1, proxy_strips // 2), log)
    return report


def evaluate_bundle(bundle: Path, recipe: dict[str, Any], data: dict[str, Any], baselines: dict[str, Path],
                    quick: bool = False, log: Log = print) -> dict[str, Any]:
    from capseg_desktop.core import Analyzer, CountingParams, load_model

    from .parameter_search import litert_ms
    from .card import read_card, write_card
    from .evaluate import load_points
    from .recipe_file import resolve
    from .robustness import annotated_from_masks, annotated_from_points

    card_path = bundle / "model_card.json"
    card = read_card(card_path)
    images_dir = Path(data["images_dir"])
    points = load_points(resolve(recipe, recipe["reference"]["points"]))
    splits = data["splits"]
    session = load_model(bundle / f"{MODEL_STEM}.tflite")
    synthetic_val = card["training_data"].get("synthetic_validation", [])
    # Wide fields are left out of the parameter choice: their truth counts end-on capillaries
    # the counting step is not meant to count, and their hundreds of points made it hours long.
    strip_dirs = [Path(s["folder"]) for s in data["synthetic"] if s.get("kind", "strip") == "strip"]
    params, calibration = choose_parameters(
        session, images_dir, points, splits["validation"], strip_dirs, synthetic_val, quick, log)
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
        session, params, images_dir, points, splits, robustness_images, log, "v" + str(card["version"]),
        proxy_strips=2 if quick else 24)
    speeds = {"this model": round(litert_ms(bundle / f"{MODEL_STEM}.tflite"), 1)}
    for name, path in baselines.items():
        baseline = load_model(path)
        baseline_params = Analyzer(baseline).default_params() if baseline.card else CountingParams()
        evaluation["models"][name] = model_report(
            baseline, baseline_params, images_dir, points, splits, robustness_images, log, name,
            proxy_strips=2 if quick else 24)
        evaluation["models"][name]["file"] = Path(path).name
        if Path(path).suffix == ".tflite":
            speeds[name] = round(litert_ms(Path(path)), 1)
    evaluation["robustness_images"] = {
        "test_split_strips": len(annotated_from_points(images_dir, points, splits["test"])),
        "Test_images": len(annotated_from_masks(samples_dir, samples_masks)),
        "note": "every transform applied to each image; F1 against the moved points",
    }
    evaluation["litert_ms_1280x400_2_threads"] = speeds
    failure_figure(session, robustness_images, bundle / "failure_modes.png")
    card = read_card(card_path)
    if "kfold" in card.get("evaluation", {}):  # a k-fold run of the same recipe: kept
        evaluation["kfold"] = card["evaluation"]["kfold"]
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
    for label in sorted(set(stated["robustness"]) - set(table)):
        failures.append(f"robustness transform '{label}' is in the card but no longer in the suite")
    for label in sorted(set(table) - set(stated["robustness"])):
        log(f"robustness transform '{label}' was added to the suite after the card was written: not verified")
    for label, row in table.items():
        card_row = stated["robustness"].get(label)
        if card_row is None:
            continue
        if abs(row["f1"] - card_row["f1"]) > VERIFY_TOLERANCE["f1"]:
            failures.append(f"robustness '{label}' F1: card {card_row['f1']}, now {row['f1']}")
        if row["images_with_no_detection"] > card_row.get("images_with_no_detection", 0):
            failures.append(f"robustness '{label}': {row['images_with_no_detection']} image(s) without detections, "
                            f"card {card_row.get('images_with_no_detection', 0)}")
    log(json.dumps({"test_split_now": measured}, indent=1))
    for failure in failures:
        log("MISMATCH " + failure)
    log("the card's figures hold" if not failures else f"{len(failures)} figure(s) differ from the card")
    return 0 if not failures else 1


def failure_figure(session: Any, images: list[Any], out_path: Path, transforms: tuple[str, ...] | None = None,
                   worst: int = 4, width_px: int = 1000) -> Path:
    """The model's worst cases, as a user would see them: for each transform, the image with
    the largest count error, drawn with its boxes, the annotated points it found (green) and
    the ones it missed (red), stacked into one PNG with a caption line each."""
    import cv2

    from capseg_desktop.core import Analyzer
    from capseg_desktop.core.imageio import LoadedImage

    from .evaluate import match_points
    from .robustness import TRANSFORMS

    analyzer = Analyzer(session)
    cases = []
    for label in transforms or tuple(TRANSFORMS):
        for item in images:
            rgb, points, zoom = TRANSFORMS[label](item.rgb, item.points)
            analysis = analyzer.analyze_image(LoadedImage(path=None, rgb=np.ascontiguousarray(rgb), format="PNG",
                                                          bit_depth=8, channels=3))
            caps = analysis.result.capillaries
            match = match_points(points, [c.bbox for c in caps], [c.centroid for c in caps], max(3.0, 10.0 * zoom))
            error = len(caps) - len(points)
            cases.append((abs(error) + match.false_negatives + match.false_positives, label, item.name, analysis,
                          points, set(match.unmatched_points), error))
    cases.sort(key=lambda case: -case[0])
    panels = []
    for _, label, name, analysis, points, missed, error in cases[:worst]:
        picture = analysis.annotated_rgb()[: analysis.image.height].copy()
        for index, (x, y) in enumerate(points):
            colour = (230, 30, 30) if index in missed else (40, 200, 40)
            cv2.circle(picture, (int(round(x)), int(round(y))), max(3, picture.shape[1] // 300), colour, -1, cv2.LINE_AA)
        scale = width_px / picture.shape[1]
        picture = cv2.resize(picture, (width_px, max(1, int(round(picture.shape[0] * scale)))), interpolation=cv2.INTER_AREA)
        caption = np.full((26, width_px, 3), 255, np.uint8)
        text = (f"{name}, {label}: counted {analysis.result.count}, annotated {len(points)} "
                f"({error:+d}); {len(missed)} missed (red)")
        cv2.putText(caption, text, (6, 18), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (20, 20, 20), 1, cv2.LINE_AA)
        panels += [caption, picture]
    figure = np.vstack(panels) if panels else np.full((26, width_px, 3), 255, np.uint8)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    ok, data = cv2.imencode(".png", cv2.cvtColor(figure, cv2.COLOR_RGB2BGR))
    out_path.write_bytes(data.tobytes())
    return out_path
