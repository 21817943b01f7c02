"""The model card (``model_card.json``) and the training-curves plot (OpenCV, no matplotlib)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cv2
import numpy as np


def write_card(path: Path, card: dict[str, Any]) -> Path:
    from capseg_desktop.core.atomic import write_text_atomic

    return write_text_atomic(path, json.dumps(card, indent=2) + "\n", overwrite=True)


def read_card(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def refresh_hashes(card_path: Path) -> dict[str, Any]:
    """Recompute the sha256 and size of every file the card lists (after a model changed)."""
    from capseg_desktop.core.model import file_sha256

    card = read_card(card_path)
    for name in list(card.get("files", {})):
        file = card_path.parent / name
        card["files"][name] = {"sha256": file_sha256(file), "bytes": file.stat().st_size}
    write_card(card_path, card)
    return card


_COLOURS = {  # BGR
    "loss": (200, 80, 30),
    "val_loss": (30, 30, 220),
    "val_dice_real": (40, 150, 40),
    "val_dice_synthetic": (160, 60, 160),
}


def plot_curves(history: dict[str, list[float]], best_epoch: int, path: Path,
                size: tuple[int, int] = (900, 420)) -> Path:
    """Loss curves (left axis, top panel) and held-out Dice (bottom panel) per epoch."""
    width, height = size
    image = np.full((height, width, 3), 255, np.uint8)
    margin_l, margin_r, margin_t, gap = 70, 190, 30, 40
    panel_h = (height - margin_t - gap - 40) // 2
    epochs = max(1, len(history.get("loss", [])))
    plot_w = width - margin_l - margin_r

    def x_of(epoch: int) -> int:
        return margin_l + int(round(plot_w * (epoch / max(1, epochs - 1))))

    panels = [
        (["loss", "val_loss"], margin_t, "loss (BCE + 1 - Dice)"),
        (["val_dice_real", "val_dice_synthetic"], margin_t + panel_h + gap, "held-out Dice"),
    ]
    font = cv2.FONT_HERSHEY_SIMPLEX
    cv2.putText(image, "capseg_unet training", (margin_l, 20), font, 0.55, (0, 0, 0), 1, cv2.LINE_AA)
    legend_y = margin_t + 10
    for keys, top, title in panels:
        values = np.array([v for k in keys for v in history.get(k, []) if v is not None and np.isfinite(v)])
        low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        if high - low < 1e-6:
            high = low + 1.0
        cv2.rectangle(image, (margin_l, top), (margin_l + plot_w, top + panel_h), (0, 0, 0), 1)
        cv2.putText(image, title, (margin_l + 5, top + 14), font, 0.45, (60, 60, 60), 1, cv2.LINE_AA)
        for fraction in (0.0, 0.5, 1.0):
            value = low + fraction * (high - low)
            y = top + panel_h - int(round(fraction * panel_h))
            cv2.putText(image, f"{value:.3f}", (5, y + 4), font, 0.4, (0, 0, 0), 1, cv2.LINE_AA)
        for key in keys:
            series = history.get(key, [])
            points = [
                (x_of(i), top + panel_h - int(round((v - low) / (high - low) * panel_h)))
                for i, v in enumerate(series) if v is not None and np.isfinite(v)
            ]
            if len(points) >= 2:
                cv2.polylines(image, [np.array(points, np.int32)], False, _COLOURS[key], 2, cv2.LINE_AA)
            elif points:
                cv2.circle(image, points[0], 3, _COLOURS[key], -1)
            cv2.line(image, (width - margin_r + 15, legend_y), (width - margin_r + 40, legend_y), _COLOURS[key], 2)
            cv2.putText(image, key, (width - margin_r + 45, legend_y + 4), font, 0.45, (0, 0, 0), 1, cv2.LINE_AA)
            legend_y += 20
        if 0 <= best_epoch < epochs:
            cv2.line(image, (x_of(best_epoch), top), (x_of(best_epoch), top + panel_h), (150, 150, 150), 1)
    cv2.putText(image, f"epoch (1..{epochs}); grey line: best held-out epoch {best_epoch + 1}",
                (margin_l, height - 12), font, 0.45, (0, 0, 0), 1, cv2.LINE_AA)
    cv2.imwrite(str(path), image)
    return path


# The README's model tables are generated from the card (``python -m capseg_desktop.training.card
# --update-readme``), and a test checks that they still match it.
README_START = "<!-- model-tables:start (generated from models/model_card.json; do not edit) -->"
README_END = "<!-- model-tables:end -->"


def _f1_cell(row: dict[str, Any] | None) -> str:
    if not row:
        return "-"
    return f"{row['f1']:.3f} ({row['mean_abs_count_error']:.2f})"


def model_tables_markdown(card: dict[str, Any]) -> str:
    """Split scores, robustness and the other-microscope stand-in, for this model and the
    baselines the card holds: F1 (mean absolute count error per image)."""
    evaluation = card.get("evaluation", {})
    models = evaluation.get("models", {})
    if not models:
        return "_The card holds no evaluation._"
    names = list(models)
    label = {n: (f"{card['name']} v{card['version']}" if n == "this model" else n) for n in names}
    head = "| | " + " | ".join(label[n] for n in names) + " |\n|---|" + "---:|" * len(names)
    out = ["Reference strips, our point annotations, 10 px tolerance: F1 (mean absolute count error per strip).", "",
           head]
    splits = card.get("training_data", {}).get("splits", {})
    for split, title in (("test", "test split"), ("validation", "validation split"), ("train", "training split")):
        count = len(splits.get(split, []))
        out.append(f"| {title} ({count} strips) | " + " | ".join(_f1_cell(models[n].get(split)) for n in names) + " |")
    robustness = models[names[0]].get("robustness", {})
    images = evaluation.get("robustness_images", {})
    out += ["", f"Robustness: each transform applied to the {images.get('test_split_strips', '?')} test strips and the "
                f"{images.get('Test_images', '?')} sample strips of `Test_images/`; F1 (mean absolute count error); "
                "images with no detection in brackets when any.", "", head]
    for transform in robustness:
        cells = []
        for n in names:
            row = models[n].get("robustness", {}).get(transform)
            cell = _f1_cell(row)
            if row and row.get("images_with_no_detection"):
                cell += f" [{row['images_with_no_detection']} blind]"
            cells.append(cell)
        out.append(f"| {transform} | " + " | ".join(cells) + " |")
    proxy = models[names[0]].get("other_microscope_proxy", {})
    if proxy:
        out += ["", "Unseen domain-randomised synthetic strips (a stand-in for other microscopes; at x1 limbs "
                    "are drawn 5-12 px wide, x0.4 is about the other microscopes' width): F1 (mean absolute count error).", "", head]
        for key in proxy:
            cells = []
            for n in names:
                row = models[n].get("other_microscope_proxy", {}).get(key)
                cell = _f1_cell(row)
                if row and row.get("images_with_no_detection"):
                    cell += f" [{row['images_with_no_detection']} blind]"
                cells.append(cell)
            out.append(f"| {key} ({proxy[key]['images']} strips) | " + " | ".join(cells) + " |")
    fields = models[names[0]].get("wide_field_proxy", {})
    if fields:
        out += ["", "Unseen synthetic wide fields (`capseg synth --field`: the distal row at any angle, deeper rows, "
                    "end-on capillaries, a measuring line, regions out of focus; limbs 3-8 px) in three lights: "
                    "F1 of the loops found / F1 of the distal row against the field's first row "
                    "(mean absolute distal count error).", "", head]
        for key in fields:
            cells = []
            for n in names:
                row = models[n].get("wide_field_proxy", {}).get(key)
                cells.append("-" if not row else f"{row['all_loops']['f1']:.3f} / {row['distal_row']['f1']:.3f} "
                                                 f"({row['mean_abs_distal_count_error']:.2f})")
            out.append(f"| {key} ({fields[key]['images']} fields) | " + " | ".join(cells) + " |")
    kfold = evaluation.get("kfold")
    if kfold:
        out += ["", f"{kfold['folds']}-fold figure for the method (each fold's reference strips kept out of a "
                    f"retraining of {kfold['epochs_per_fold']} epochs): F1 {kfold['f1_mean']:.3f} ± {kfold['f1_sd']:.3f}, "
                    f"mean absolute count error {kfold['mean_abs_count_error_mean']:.2f}."]
    speeds = evaluation.get("litert_ms_1280x400_2_threads", {})
    if speeds:
        out += ["", "Inference on one 1280 x 400 strip at each model's own scale, LiteRT, 2 threads, same run: "
                + ", ".join(f"{label.get(n, n)} {ms:.0f} ms" for n, ms in speeds.items()) + "."]
    return "\n".join(out)


# What the network labels and what the count counts, written into the card (and the README).
WHAT_IS_COUNTED = {
    "network": "every capillary: loops of the distal row, loops of deeper rows, capillaries seen end-on "
               "(the mask marks them all; end-on ones are usually below the minimum area and not counted)",
    "distal_row": "the loops of the outermost row, nearest the nail, at any angle (core/measure.py): the count "
                  "and the density per mm that clinicians use (EULAR: distal loops per mm), shown first",
    "all_capillaries": "every counted capillary seen, the original service's count, kept for parity, shown second",
    "blurred": "a loop whose edges are spread by defocus (edge width over 9 px at the model's scale, "
               "core/focus.py) is counted but its widths and its dilated/giant flag are not assessed",
}


def update_readme(readme: Path, card: dict[str, Any]) -> bool:
    """Rewrite the generated block of the README; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END)
    new = text[: start + len(README_START)] + "\n" + model_tables_markdown(card) + "\n" + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    import sys

    root = Path(__file__).resolve().parents[2]
    if "--update-readme" in sys.argv:
        changed = update_readme(root / "README.md", read_card(root / "models" / "model_card.json"))
        print("README.md updated" if changed else "README.md already matches the card")
    else:
        print(model_tables_markdown(read_card(root / "models" / "model_card.json")))
