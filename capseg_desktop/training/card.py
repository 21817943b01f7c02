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
