"""The original web service's approach, kept only as a yardstick for the benchmark and the
tests: pad every image to 960 x 1280 and merge components from all pairs of pixel distances.
Nothing in the application uses it."""

from __future__ import annotations

import cv2
import numpy as np

from capseg_desktop.core.counting import CountingParams

LEGACY_PAD_HW = (960, 1280)


def legacy_probabilities(predict, rgb: np.ndarray) -> np.ndarray:
    """Grey / 255, zero-padded at bottom and right to 960 x 1280, predicted, cropped back."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0
    height, width = grey.shape
    pad_h, pad_w = max(LEGACY_PAD_HW[0], height), max(LEGACY_PAD_HW[1], width)
    batch = np.zeros((1, pad_h, pad_w, 1), dtype=np.float32)
    batch[0, :height, :width, 0] = grey
    return np.asarray(predict(batch))[0, :height, :width]


def _min_distance_all_pairs(a: np.ndarray, b: np.ndarray, block: int = 2048) -> float:
    """Smallest Euclidean distance between two point sets, from every pair (the original's way)."""
    best = np.inf
    b = b.astype(np.float64)
    for start in range(0, len(a), block):
        chunk = a[start : start + block].astype(np.float64)
        squared = ((chunk[:, None, :] - b[None, :, :]) ** 2).sum(axis=2)
        best = min(best, float(squared.min()))
    return float(np.sqrt(best))


def legacy_count(probabilities: np.ndarray, params: CountingParams | None = None) -> list[tuple[int, int, int, int]]:
    """Boxes ``(x0, y0, x1, y1)`` (x1, y1 exclusive) of the counted groups, the original's way."""
    params = params or CountingParams()
    mask = (probabilities > params.threshold).astype(np.uint8)
    n_labels, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    kept = [k for k in range(1, n_labels) if stats[k, cv2.CC_STAT_AREA] > params.min_area_px]
    points = {k: np.argwhere(labels == k) for k in kept}
    parent = {k: k for k in kept}

    def find(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(kept):
        for b in kept[i + 1 :]:
            if _min_distance_all_pairs(points[a], points[b]) < params.merge_distance_px:
                parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for k in kept:
        groups.setdefault(find(k), []).append(k)
    final: list[list[int]] = []
    for members in groups.values():
        large = [k for k in members if stats[k, cv2.CC_STAT_AREA] > params.split_area_px]
        final.extend([[k] for k in members] if len(large) >= 2 else [members])
    boxes = []
    for members in final:
        ys, xs = np.nonzero(np.isin(labels, members))
        boxes.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1))
    return sorted(boxes)
