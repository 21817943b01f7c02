"""The robustness suite: does a model still count when the picture comes from another microscope?

Each transform changes an annotated image the way another microscope, another skin or another
operator would (rescaled, paler, bluish, blurred, compressed, tilted, unevenly lit, with
glare) and moves the annotation points with it. ``capseg evaluate --robustness`` prints, per
transform, the detection F1 against the moved points and the count error, and how many images
got no detection at all although they hold capillaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import cv2
import numpy as np

Points = list[list[float]]
Transform = Callable[[np.ndarray, Points], tuple[np.ndarray, Points, float]]


@dataclass
class AnnotatedImage:
    name: str
    rgb: np.ndarray
    points: Points


def _resize(factor: float) -> Transform:
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        height, width = rgb.shape[:2]
        size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
        out = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        sx, sy = size[0] / width, size[1] / height
        return out, [[(x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5] for x, y in points], factor
    return apply


def _pale(cast: tuple[float, float, float]) -> Transform:
    """Contrast halved around the mean, then a colour cast (pink or bluish light)."""
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        image = rgb.astype(np.float32)
        mean = image.reshape(-1, 3).mean(axis=0)
        image = (image - mean) * 0.5 + mean
        image *= np.array(cast, np.float32)
        return np.clip(image + 0.5, 0, 255).astype(np.uint8), points, 1.0
    return apply


def _blur(sigma: float) -> Transform:
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        return cv2.GaussianBlur(rgb, (0, 0), sigma), points, 1.0
    return apply


def _jpeg(quality: int) -> Transform:
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        ok, data = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
        return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB), points, 1.0
    return apply


def _rotate(degrees: float) -> Transform:
    """Rotated about the centre onto a canvas large enough to keep every pixel; the corners
    are black, as a tilted camera's would be."""
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        height, width = rgb.shape[:2]
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
        cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
        new_w, new_h = int(np.ceil(height * sin + width * cos)), int(np.ceil(height * cos + width * sin))
        matrix[0, 2] += new_w / 2 - width / 2
        matrix[1, 2] += new_h / 2 - height / 2
        out = cv2.warpAffine(rgb, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
        moved = [[float(matrix[0, 0] * x + matrix[0, 1] * y + matrix[0, 2]),
                  float(matrix[1, 0] * x + matrix[1, 1] * y + matrix[1, 2])] for x, y in points]
        return out, moved, 1.0
    return apply


def _green_only(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
    """A green-LED capillaroscope: the red channel almost zero, blue faint, the vessels dark in
    green (the green channel of the picture, as a green light would show it)."""
    image = rgb.astype(np.float32)
    out = np.stack([image[..., 0] * 0.04, image[..., 1], image[..., 2] * 0.3], axis=-1)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8), points, 1.0


def _greyscale(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
    """A monochrome camera."""
    return np.repeat(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2), points, 1.0


def _hue(degrees: float) -> Transform:
    """Every colour's hue turned by ``degrees`` (HSV), brightness and saturation kept."""
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        hsv = cv2.cvtColor(rgb.astype(np.float32) / 255.0, cv2.COLOR_RGB2HSV)
        hsv[..., 0] = (hsv[..., 0] + degrees) % 360.0
        out = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
        return np.clip(out * 255.0 + 0.5, 0, 255).astype(np.uint8), points, 1.0
    return apply


def _quarter_turns(turns: int) -> Transform:
    """Rotated by ``turns`` x 90 degrees counter-clockwise, exactly (no interpolation): the row
    runs vertically (1, 3) or upside down (2)."""
    def apply(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
        moved = [list(p) for p in points]
        width = rgb.shape[1]
        for _ in range(turns % 4):  # one quarter turn: (x, y) -> (y, width - 1 - x)
            moved = [[float(y), float(width - 1 - x)] for x, y in moved]
            width = rgb.shape[0] if width == rgb.shape[1] else rgb.shape[1]
        return np.ascontiguousarray(np.rot90(rgb, turns)), moved, 1.0
    return apply


def _dark_third(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
    """A brightness gradient that darkens the right third of the picture to 45 %."""
    width = rgb.shape[1]
    ramp = np.clip((np.arange(width, dtype=np.float32) - width * 0.6) / (width * 0.1), 0.0, 1.0)
    factor = 1.0 - 0.55 * ramp
    return np.clip(rgb.astype(np.float32) * factor[None, :, None] + 0.5, 0, 255).astype(np.uint8), points, 1.0


def _glare(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
    """Bright specular spots and a glare patch (a fixed pattern: the same on every run)."""
    height, width = rgb.shape[:2]
    rng = np.random.default_rng(7)
    alpha = np.zeros((height, width), np.float32)
    for _ in range(8):
        centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
        axes = (int(rng.uniform(3, 12)), int(rng.uniform(2, 6)))
        cv2.ellipse(alpha, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
    patch = np.zeros((height, width), np.float32)
    cv2.ellipse(patch, (int(width * 0.4), int(height * 0.5)), (max(4, width // 12), max(3, height // 6)),
                20, 0, 360, 1.0, -1)
    alpha = np.clip(cv2.GaussianBlur(alpha, (0, 0), 1.0) + 0.6 * cv2.GaussianBlur(patch, (0, 0), 15), 0, 1)
    image = rgb.astype(np.float32) * (1 - alpha[:, :, None]) + 255.0 * alpha[:, :, None]
    return np.clip(image + 0.5, 0, 255).astype(np.uint8), points, 1.0


def _identity(rgb: np.ndarray, points: Points) -> tuple[np.ndarray, Points, float]:
    return rgb, points, 1.0


TRANSFORMS: dict[str, Transform] = {
    "none": _identity,
    "downscale 0.5x": _resize(0.5),
    "downscale 0.35x": _resize(0.35),
    "upscale 1.5x": _resize(1.5),
    "contrast x0.5, pink": _pale((1.06, 0.9, 0.95)),
    "contrast x0.5, bluish": _pale((0.88, 0.95, 1.1)),
    "blur sigma 2": _blur(2.0),
    "JPEG quality 40": _jpeg(40),
    "rotated 30 deg": _rotate(30.0),
    "rotated 45 deg": _rotate(45.0),
    "rotated 90 deg": _quarter_turns(1),
    "rotated 180 deg": _quarter_turns(2),
    "rotated 270 deg": _quarter_turns(3),
    "green light only": _green_only,
    "greyscale": _greyscale,
    "hue turned 90 deg": _hue(90.0),
    "hue turned 180 deg": _hue(180.0),
    "darker third": _dark_third,
    "glare spots": _glare,
}


def annotated_from_points(images_dir: Path, points: dict[str, Points], names: Sequence[str]) -> list[AnnotatedImage]:
    from .data import read_rgb

    return [AnnotatedImage(n, read_rgb(images_dir / n), [list(p) for p in points[n]])
            for n in names if n in points and (images_dir / n).is_file()]


def annotated_from_masks(images_dir: Path, masks_dir: Path) -> list[AnnotatedImage]:
    """Images with exact masks (``Test_images``): one point per connected region of the mask,
    the synthetic strips' capillaries being apart by construction."""
    from .parameter_search import instance_points
    from .data import read_mask, read_rgb

    out = []
    for image in sorted(images_dir.glob("*.png")):
        mask_path = masks_dir / f"{image.stem}_mask.png"
        if not mask_path.is_file():
            continue
        _, instances = cv2.connectedComponents(read_mask(mask_path).astype(np.uint8), connectivity=8)
        out.append(AnnotatedImage(image.name, read_rgb(image), instance_points(instances)))
    return out


def robustness_table(session: Any, images: Sequence[AnnotatedImage], params: Any = None,
                     transforms: Sequence[str] | None = None, tolerance_px: float = 10.0,
                     log: Callable[[str], None] | None = None) -> dict[str, dict[str, Any]]:
    """Per transform: pooled precision, recall and F1, mean absolute and mean count error,
    and the number of images with no detection although they hold capillaries."""
    from capseg_desktop.core import Analyzer
    from capseg_desktop.core.imageio import LoadedImage

    from .evaluate import match_points, scores

    analyzer = Analyzer(session)
    params = params or analyzer.default_params()
    table: dict[str, dict[str, Any]] = {}
    for label in transforms or list(TRANSFORMS):
        tp = fp = fn = 0
        errors, blind = [], 0
        for item in images:
            rgb, points, zoom = TRANSFORMS[label](item.rgb, item.points)
            rgb = np.ascontiguousarray(rgb)
            loaded = LoadedImage(path=None, rgb=rgb, format="PNG", bit_depth=8, channels=3)
            result = analyzer.analyze_image(loaded, params).result
            caps = result.capillaries
            match = match_points(points, [c.bbox for c in caps], [c.centroid for c in caps],
                                 max(3.0, tolerance_px * zoom))
            tp, fp, fn = tp + match.true_positives, fp + match.false_positives, fn + match.false_negatives
            errors.append(len(caps) - len(points))
            blind += int(len(caps) == 0 and len(points) > 0)
        row = {**scores(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn,
               "mean_abs_count_error": round(float(np.mean(np.abs(errors))), 2) if errors else 0.0,
               "mean_count_error": round(float(np.mean(errors)), 2) if errors else 0.0,
               "images_with_no_detection": blind, "images": len(images)}
        table[label] = row
        if log is not None:
            log(f"  {label:24s} F1 {row['f1']:.3f}  P {row['precision']:.3f}  R {row['recall']:.3f}  "
                f"|count error| {row['mean_abs_count_error']:.2f}  blind {blind}")
    return table


def format_table(tables: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Markdown: one row per transform, F1 and mean |count error| per model."""
    models = list(tables)
    transforms = list(next(iter(tables.values()))) if tables else []
    header = "| transform | " + " | ".join(f"{m} F1 | {m} count error" for m in models) + " |"
    lines = [header, "|---|" + "---:|---:|" * len(models)]
    for label in transforms:
        cells = []
        for model in models:
            row = tables[model].get(label, {})
            cells += [f"{row.get('f1', float('nan')):.3f}", f"{row.get('mean_abs_count_error', float('nan')):.2f}"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
