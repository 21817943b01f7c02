"""Synthetic nailfold capillaroscopy strips with exact masks, instance images and counts.

A strip is built in layers, the way the picture forms in a capillaroscope:

1. skin: a beige-pink base colour, slow uneven illumination, mottling and fine grain, an
   optional darker band along the top (the cuticle side);
2. capillaries: hairpin loops hanging from the top edge (or from a little below it), two limbs
   of different widths joined by a rounded apex; straight, tilted, tortuous, crossed once
   (a twisted loop) or twice (a figure eight); some faint, some out of focus, some with a
   dark apex; each one is an instance in the mask;
3. distractors that are not capillaries and are not in the mask: air bubbles (dark rim and a
   bright highlight), dust specks, fibres, isolated dark hemorrhage spots, glare;
4. the camera: blur, colour cast, noise, JPEG compression.

Everything is drawn from one ``numpy.random.Generator``, so a seed gives the same strip on
every machine. Capillaries keep a gap of at least ``min_gap_px`` between each other so that
the true count is unambiguous for the counting step (which merges parts closer than 23 px).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import cv2
import numpy as np

MIN_CAPILLARY_AREA_PX = 500


@dataclass(frozen=True)
class SynthParams:
    width_range: tuple[int, int] = (1274, 1280)
    height_range: tuple[int, int] = (170, 420)
    capillaries_range: tuple[int, int] = (7, 17)
    min_gap_px: int = 30
    edge_margin_px: int = 12
    # Probability of each optional feature per capillary / per strip.
    faint_probability: float = 0.15
    defocus_probability: float = 0.2
    dark_apex_probability: float = 0.18
    crossed_probability: float = 0.15
    lower_start_probability: float = 0.2
    jpeg_quality_range: tuple[int, int] = (45, 92)
    # Domain randomisation (``capseg synth --world``): looks of many microscopes, not one.
    domain_random: bool = False
    # The illumination (``capseg synth --look``): None draws exactly as before the option
    # existed; one of LOOKS, or "any" for one drawn per image (see _apply_look).
    look: str | None = None

    @classmethod
    def world(cls) -> "SynthParams":
        """Strips as varied as the microscopes in use: pale pink to brown and bluish skin, low
        contrast, uneven light and dark regions, vignetting, heavy blur, noise and JPEG,
        tilted loops, one to three rows, dense and sparse, giant loops, specular highlights,
        glare, bubbles, dust, haemorrhages and dark image borders as hard negatives."""
        return cls(height_range=(170, 600), capillaries_range=(3, 20), faint_probability=0.25, defocus_probability=0.3,
                   lower_start_probability=0.2, jpeg_quality_range=(20, 95), domain_random=True)


@dataclass
class SyntheticStrip:
    rgb: np.ndarray  # H x W x 3 uint8
    mask: np.ndarray  # H x W bool
    instances: np.ndarray  # H x W uint16, k = capillary k
    count: int


# Skin ----------------------------------------------------------------------------------------
def _smooth_noise(rng: np.random.Generator, height: int, width: int, cell_px: float) -> np.ndarray:
    """Zero-mean, unit-ish smooth noise with features about ``cell_px`` large."""
    small_h = max(2, int(height / cell_px) + 2)
    small_w = max(2, int(width / cell_px) + 2)
    coarse = rng.standard_normal((small_h, small_w)).astype(np.float32)
    field = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    return field / (field.std() + 1e-6)


_REFERENCE_SKINS = [[0.95, 0.87, 0.84], [0.93, 0.88, 0.78], [0.91, 0.85, 0.72], [0.88, 0.74, 0.58],
                    [0.93, 0.83, 0.75]]
# Other microscopes and skins: pink on pink, brown, bluish-grey (cold light), grey-violet.
_WORLD_SKINS = _REFERENCE_SKINS + [[0.97, 0.78, 0.80], [0.92, 0.70, 0.72], [0.70, 0.52, 0.40],
                                   [0.78, 0.80, 0.88], [0.85, 0.84, 0.90], [0.80, 0.72, 0.80]]


def _skin(rng: np.random.Generator, height: int, width: int, world: bool = False) -> np.ndarray:
    """Float RGB in [0, 1]."""
    # Anchors seen in real strips: pale pink, cream, yellowish and orange beige.
    anchors = np.array(_WORLD_SKINS if world else _REFERENCE_SKINS, np.float32)
    weights = rng.dirichlet(np.full(len(anchors), 0.4))
    base = (weights[:, None] * anchors).sum(axis=0) + rng.normal(0, 0.015, 3).astype(np.float32)
    skin = np.broadcast_to(base.astype(np.float32), (height, width, 3)).copy()

    light = 1.0 + rng.uniform(0.03, 0.25 if world else 0.09) * _smooth_noise(rng, height, width, rng.uniform(250, 600))
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(-0.2, 1.2) * height
    vignette = 1.0 - rng.uniform(0.0, 0.5 if world else 0.12) * (((xx - cx) / width) ** 2 + ((yy - cy) / height) ** 2)
    skin *= (light * vignette)[:, :, None]

    # Mottling: redder and paler patches, then the fine grain of the skin surface.
    tint = _smooth_noise(rng, height, width, rng.uniform(40, 120))
    skin += rng.uniform(0.005, 0.02) * tint[:, :, None] * np.array([0.6, 1.0, 1.0], np.float32)
    grain = cv2.GaussianBlur(rng.standard_normal((height, width)).astype(np.float32), (0, 0), rng.uniform(0.8, 1.6))
    skin += rng.uniform(0.015, 0.05) * grain[:, :, None] * np.array([1.0, 1.0, 1.15], np.float32)
    # Broad paler and darker folds of the skin surface.
    folds = _smooth_noise(rng, height, width, rng.uniform(60, 160))
    skin += rng.uniform(0.0, 0.02) * np.tanh(2 * folds)[:, :, None]

    if rng.random() < 0.35:  # a darker, browner band along the top with a wavy lower edge
        edge = rng.uniform(0.15, 0.45) * height + 0.06 * height * _smooth_noise(rng, 1, width, 200)[0]
        band = np.clip((edge[None, :] - yy) / rng.uniform(8, 30), 0.0, 1.0)
        band = cv2.GaussianBlur(band, (0, 0), 3)
        darker = np.array([0.04, 0.07, 0.09], np.float32) * rng.uniform(0.4, 1.1)
        skin -= band[:, :, None] * darker
    return skin


# Capillaries ---------------------------------------------------------------------------------
@dataclass
class _Loop:
    points: np.ndarray  # K x 2 (x, y) along the vessel, one pixel apart
    radii: np.ndarray  # K limb half-widths
    fade_y: float  # the loop fades in above this height (0 = from the top edge)
    apex: tuple[float, float]
    x_extent: tuple[float, float]


def _limb_offsets(rng: np.random.Generator, ys: np.ndarray, length: float, half_gap: float,
                  crossings: int) -> tuple[np.ndarray, np.ndarray]:
    t = ys / max(length, 1.0)
    if crossings:
        # cos goes from 1 to -1 (one crossing) or back to 1 (two): the limbs swap sides.
        left = -half_gap * np.cos(np.pi * crossings * t)
    else:
        left = np.full_like(ys, -half_gap)
    right = -left
    # Tortuosity of each limb on its own; small, so that limbs rarely touch unless crossed.
    for offsets in (left, right):
        amplitude = rng.uniform(0.0, 0.4) * half_gap * (rng.random() < 0.6)
        for _ in range(3):  # a few incommensurate waves: irregular, not a clean sine
            period = rng.uniform(40, 160)
            offsets += amplitude / 2 * rng.uniform(0.3, 1.0) * np.sin(2 * np.pi * ys / period + rng.uniform(0, 2 * np.pi))
    return left, right


def _make_loop(rng: np.random.Generator, centre_x: float, height: int, params: SynthParams,
               row_top: float = 0.0) -> _Loop:
    top = -12.0
    fade_y = 0.0
    if row_top > 0:  # a deeper row: the loop rises out of the skin below the first row
        top = row_top
        fade_y = top + rng.uniform(10, 25)
    elif rng.random() < params.lower_start_probability:
        top = rng.uniform(0.05, 0.3) * height
        fade_y = top + rng.uniform(10, 25)
    lowest = max(top + 45, 0.2 * height)
    apex_y = rng.uniform(lowest, max(lowest + 1.0, 0.75 * height))  # small test strips too
    apex_y = min(apex_y, top + rng.uniform(60, 260))
    apex_y = max(apex_y, top + 45)
    arterial = rng.uniform(2.5, 6.0)
    venous = arterial * rng.uniform(1.0, 1.8)
    if params.domain_random and rng.random() < 0.06:  # a giant loop: limbs two to three times wider
        arterial, venous = arterial * rng.uniform(1.8, 2.6), venous * rng.uniform(1.8, 2.6)
    # The gap between the limbs' centres: from touching walls to a wide, open loop.
    half_gap = (arterial + venous) / 2 * rng.uniform(1.2, 2.8)
    if rng.random() < 0.5:
        arterial, venous = venous, arterial
    crossings = 0
    if rng.random() < params.crossed_probability:
        crossings = int(rng.choice([1, 2]))
        half_gap = max(half_gap, 9.0)

    length = apex_y - top
    ys = np.arange(top, apex_y + 0.5, 1.0, dtype=np.float32)
    left, right = _limb_offsets(rng, ys - top, length, half_gap, crossings)
    # A tilt and a slow sway shared by both limbs.
    tilt = float(np.clip(rng.normal(0, 0.45 if params.domain_random else 0.15), -1.2, 1.2))
    sway_amp = rng.uniform(0, 10) if rng.random() < 0.5 else 0.0
    sway = tilt * (ys - top) + sway_amp * np.sin(2 * np.pi * (ys - top) / rng.uniform(80, 250) + rng.uniform(0, 6.3))
    left_x = centre_x + sway + left
    right_x = centre_x + sway + right

    # Rounded apex: a half ellipse from the end of one limb to the end of the other.
    lx, rx = float(left_x[-1]), float(right_x[-1])
    mid, half = (lx + rx) / 2, max(abs(rx - lx) / 2, 3.0)
    depth = half * rng.uniform(0.8, 1.4)
    angles = np.linspace(np.pi, 0.0, max(8, int(np.pi * half)), dtype=np.float32)
    sign = 1.0 if rx >= lx else -1.0
    apex_x = mid + sign * half * np.cos(angles)
    apex_ys = apex_y + depth * np.sin(angles)

    xs = np.concatenate([left_x, apex_x, right_x[::-1]])
    yss = np.concatenate([ys, apex_ys, ys[::-1]])
    radii = np.concatenate([
        np.full_like(ys, arterial),
        np.linspace(arterial, venous, len(angles), dtype=np.float32),
        np.full_like(ys, venous),
    ])
    radii *= 1.0 + 0.12 * np.sin(np.arange(len(radii)) / rng.uniform(10, 30) + rng.uniform(0, 6.3))
    points = np.stack([xs, yss], axis=1)
    extent = (float(xs.min() - radii.max()), float(xs.max() + radii.max()))
    return _Loop(points, radii.astype(np.float32), fade_y, (float(mid), float(apex_y + depth)), extent)


def _draw_loop(loop: _Loop, height: int, width: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Float coverage in [0, 1] of the vessel inside its own box (x0, y0, x1, y1)."""
    pad = int(np.ceil(loop.radii.max())) + 4
    x0 = max(0, int(np.floor(loop.points[:, 0].min())) - pad)
    x1 = min(width, int(np.ceil(loop.points[:, 0].max())) + pad)
    y0 = 0
    y1 = min(height, int(np.ceil(loop.points[:, 1].max())) + pad)
    scale = 4  # supersampled so that thin limbs have smooth edges
    canvas = np.zeros(((y1 - y0) * scale, (x1 - x0) * scale), np.uint8)
    for (x, y), radius in zip(loop.points, loop.radii):
        centre = (int(round((x - x0) * scale)), int(round((y - y0) * scale)))
        cv2.circle(canvas, centre, max(1, int(round(radius * scale))), 255, -1)
    coverage = cv2.resize(canvas, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    return coverage, (x0, y0, x1, y1)


def _place_centres(rng: np.random.Generator, width: int, count: int, params: SynthParams) -> list[float]:
    spacing = width / count
    centres = []
    for index in range(count):
        centres.append((index + 0.5) * spacing + rng.uniform(-0.3, 0.3) * spacing)
    return centres


# Distractors ---------------------------------------------------------------------------------
def _alpha_blend(image: np.ndarray, alpha: np.ndarray, colour: np.ndarray) -> None:
    image *= 1.0 - alpha[:, :, None]
    image += alpha[:, :, None] * colour


def _add_bubble(rng: np.random.Generator, image: np.ndarray, forbidden: np.ndarray) -> None:
    height, width = image.shape[:2]
    radius = rng.uniform(3, 12) if rng.random() < 0.7 else rng.uniform(12, 30)
    cx, cy = rng.uniform(0, width), rng.uniform(0, height)
    yy, xx = np.ogrid[0:height, 0:width]
    distance = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / radius
    inside = np.clip(1.0 - distance, 0.0, 1.0)
    rim = np.exp(-((distance - 0.9) ** 2) / rng.uniform(0.015, 0.06)).astype(np.float32)
    lower = np.clip((yy - cy) / radius, 0.0, 1.0)
    # Dark rim, grey or brown (lit through the blood-tinted oil), heavier at the bottom;
    # pale body; a bright highlight.
    rim_alpha = np.clip(rim * rng.uniform(0.3, 0.8) * (0.5 + 1.2 * lower), 0.0, 1.0)
    rim_colour = (np.array([0.42, 0.38, 0.33], np.float32) if rng.random() < 0.5
                  else np.array([0.40, 0.27, 0.17], np.float32)) * rng.uniform(0.6, 1.1)
    _alpha_blend(image, rim_alpha.astype(np.float32), rim_colour)
    body = (inside > 0).astype(np.float32) * rng.uniform(0.05, 0.3)
    _alpha_blend(image, body, np.array([0.93, 0.93, 0.9], np.float32))
    hx, hy = cx + rng.uniform(-0.3, 0.3) * radius, cy - rng.uniform(0.0, 0.4) * radius
    spot = np.exp(-(((xx - hx) ** 2 + (yy - hy) ** 2) / (2 * (radius * rng.uniform(0.1, 0.3)) ** 2)))
    _alpha_blend(image, (spot * rng.uniform(0.5, 0.95)).astype(np.float32), np.array([1.0, 1.0, 1.0], np.float32))


def _add_dust(rng: np.random.Generator, image: np.ndarray) -> None:
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    cx, cy = int(rng.uniform(0, width)), int(rng.uniform(0, height))
    large = rng.random() < 0.15
    axes = (int(rng.uniform(6, 14)), int(rng.uniform(4, 10))) if large else (int(rng.uniform(1, 5)), int(rng.uniform(1, 5)))
    cv2.ellipse(alpha, (cx, cy), axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.6, 2.0)) * rng.uniform(0.4, 0.9)
    grey = rng.uniform(0.15, 0.5)
    blue = 1.05 if not large else rng.uniform(1.1, 1.5)
    _alpha_blend(image, alpha, np.array([grey, grey * (1 + (blue - 1) / 2), min(1.0, grey * blue)], np.float32))


def _add_fibre(rng: np.random.Generator, image: np.ndarray) -> None:
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    length = rng.uniform(30, 220)
    x, y = rng.uniform(0, width), rng.uniform(0, height)
    angle = rng.uniform(0, 2 * np.pi)
    bend = rng.normal(0, 0.03)
    points = []
    for _ in range(int(length)):
        points.append((x, y))
        angle += bend + rng.normal(0, 0.02)
        x, y = x + np.cos(angle), y + np.sin(angle)
    polyline = np.array(points, np.int32).reshape(-1, 1, 2)
    cv2.polylines(alpha, [polyline], False, 1.0, int(rng.integers(1, 3)), cv2.LINE_AA)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.8, 1.8)) * rng.uniform(0.15, 0.5)
    grey = rng.uniform(0.3, 0.6)
    _alpha_blend(image, alpha, np.array([grey, grey * 0.98, grey * 1.02], np.float32))


def _add_hemorrhage(rng: np.random.Generator, image: np.ndarray, allowed: np.ndarray) -> None:
    """An isolated dark red-brown spot, placed where no capillary is near."""
    height, width = image.shape[:2]
    ys, xs = np.nonzero(allowed)
    if len(xs) == 0:
        return
    pick = rng.integers(len(xs))
    cx, cy = int(xs[pick]), int(ys[pick])
    alpha = np.zeros((height, width), np.float32)
    for _ in range(int(rng.integers(1, 4))):
        axes = (int(rng.uniform(2, 9)), int(rng.uniform(2, 7)))
        offset = (int(rng.normal(0, 3)), int(rng.normal(0, 3)))
        cv2.ellipse(alpha, (cx + offset[0], cy + offset[1]), axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.8, 2.0)) * rng.uniform(0.6, 0.95)
    colour = np.array([rng.uniform(0.25, 0.45), rng.uniform(0.08, 0.16), rng.uniform(0.06, 0.12)], np.float32)
    _alpha_blend(image, alpha, colour)


def _add_sparkles(rng: np.random.Generator, image: np.ndarray) -> None:
    """Small bright specks: light reflected by the immersion oil and skin flakes."""
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    cx, cy = rng.uniform(0, width), rng.uniform(0, height)
    spread = rng.uniform(20, 200)
    for _ in range(int(rng.integers(3, 30))):
        x, y = int(cx + rng.normal(0, spread)), int(cy + rng.normal(0, spread / 3))
        cv2.circle(alpha, (x, y), int(rng.integers(1, 5)), float(rng.uniform(0.4, 1.0)), -1, cv2.LINE_AA)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.8, 2.0))
    _alpha_blend(image, np.clip(alpha * 1.5, 0, 1), np.array([1.0, 1.0, 0.95], np.float32))


def _add_glare(rng: np.random.Generator, image: np.ndarray) -> None:
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
    axes = (int(rng.uniform(15, 120)), int(rng.uniform(5, 40)))
    cv2.ellipse(alpha, centre, axes, rng.uniform(-30, 30), 0, 360, 1.0, -1)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(6, 20)) * rng.uniform(0.15, 0.5)
    _alpha_blend(image, alpha, np.array([1.0, 0.99, 0.97], np.float32))


def _paint_blood(rng: np.random.Generator, params: SynthParams, loop: _Loop, coverage: np.ndarray,
                 box: tuple[int, int, int, int], blood_alpha: np.ndarray, blood_colour: np.ndarray) -> None:
    """Appearance: colour, strength, wall darker than the lumen's centre, maybe defocus."""
    x0, y0, x1, y1 = box
    strength = rng.uniform(0.4, 0.85)
    if rng.random() < params.faint_probability:
        strength = rng.uniform(0.25, 0.4)
    red = rng.uniform(0.5, 0.72)
    green = red * rng.uniform(0.38, 0.6)
    colour = np.array([red, green, green * rng.uniform(0.7, 0.95)], np.float32)
    if params.domain_random:
        strength *= rng.uniform(0.55, 1.0)  # low contrast
        if rng.random() < 0.25:  # bluish-violet blood under cold light
            colour = np.array([rng.uniform(0.3, 0.55), rng.uniform(0.15, 0.3), rng.uniform(0.3, 0.5)], np.float32)
        elif rng.random() < 0.25:  # pale pink loops on pink skin
            colour = np.array([rng.uniform(0.7, 0.85), rng.uniform(0.35, 0.5), rng.uniform(0.4, 0.55)], np.float32)
    shade = 1.0 + 0.2 * _smooth_noise(rng, y1 - y0, x1 - x0, 20)
    alpha = np.clip(cv2.GaussianBlur(coverage, (0, 0), rng.uniform(0.8, 2.0)) * strength * shade, 0.0, 1.0)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.6, 2.2))
    if rng.random() < params.dark_apex_probability:
        ax, ay = loop.apex
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        blob = np.exp(-(((xx - ax) ** 2) / 200.0 + ((yy - ay + 10) ** 2) / 300.0))
        blob *= coverage > 0.05
        alpha = np.maximum(alpha, blob * 0.95)
        colour = colour * (1.0 - 0.5 * blob[:, :, None])
    else:
        colour = np.broadcast_to(colour, (y1 - y0, x1 - x0, 3))
    if rng.random() < params.defocus_probability:
        sigma = rng.uniform(1.5, 4.0)
        alpha = cv2.GaussianBlur(alpha, (0, 0), sigma)
    region = blood_alpha[y0:y1, x0:x1]
    take = alpha > region
    region[take] = alpha[take]
    blood_colour[y0:y1, x0:x1][take] = colour[take]


def _add_dark_region(rng: np.random.Generator, image: np.ndarray) -> None:
    """A third of the picture in shadow, with a soft edge (uneven oil or light)."""
    height, width = image.shape[:2]
    horizontal = rng.random() < 0.6
    length = width if horizontal else height
    edge = rng.uniform(0.2, 0.45) * length
    ramp = np.arange(length, dtype=np.float32)
    if rng.random() < 0.5:
        ramp = ramp[::-1]
    shadow = 1.0 / (1.0 + np.exp((ramp - edge) / rng.uniform(15, 80)))
    factor = 1.0 - rng.uniform(0.3, 0.65) * shadow
    image *= (factor[None, :, None] if horizontal else factor[:, None, None])


def _add_specular(rng: np.random.Generator, image: np.ndarray) -> None:
    """Specular reflections: small saturated white spots and streaks with sharp edges."""
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    for _ in range(int(rng.integers(1, 8))):
        centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
        axes = (int(rng.uniform(2, 14)), int(rng.uniform(1, 6)))
        cv2.ellipse(alpha, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.5, 1.5))
    _alpha_blend(image, np.clip(alpha * 1.2, 0, 1), np.array([1.0, 1.0, 1.0], np.float32))


def _add_borders(image: np.ndarray, left: int, right: int, rng: np.random.Generator) -> None:
    height, width = image.shape[:2]
    alpha = np.zeros((height, width), np.float32)
    if left:
        alpha[:, :left] = 1.0
    if right:
        alpha[:, width - right:] = 1.0
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(1.0, 4.0))
    _alpha_blend(image, alpha, np.full(3, rng.uniform(0.0, 0.12), np.float32))


# The strip -----------------------------------------------------------------------------------
def make_strip(rng: np.random.Generator, params: SynthParams | None = None,
               height: int | None = None, width: int | None = None) -> SyntheticStrip:
    params = params or SynthParams()
    height = height or int(rng.integers(params.height_range[0], params.height_range[1] + 1))
    width = width or int(rng.integers(params.width_range[0], params.width_range[1] + 1))
    world = params.domain_random
    image = _skin(rng, height, width, world)
    left_border, right_border = 0, 0
    if world and rng.random() < 0.25:  # the dark edge of the field of view, on one side or both
        left_border = int(rng.uniform(4, 60)) if rng.random() < 0.7 else 0
        right_border = int(rng.uniform(4, 60)) if rng.random() < 0.7 else 0
    rows = 1
    if world and height >= 300:
        rows = int(rng.choice([1, 2, 3], p=[0.6, 0.3, 0.1])) if height >= 450 else int(rng.choice([1, 2], p=[0.7, 0.3]))
    row_tops = [row * height / rows for row in range(rows)]

    instances = np.zeros((height, width), np.uint16)
    blood_alpha = np.zeros((height, width), np.float32)
    blood_colour = np.zeros((height, width, 3), np.float32)
    count = 0
    for row, row_top in enumerate(row_tops):
        band_bottom = int(row_tops[row + 1] - 35) if row + 1 < rows else height
        wanted = int(rng.integers(params.capillaries_range[0], params.capillaries_range[1] + 1))
        if row:
            wanted = max(1, int(wanted * rng.uniform(0.3, 0.8)))  # deeper rows are sparser
        occupied: list[tuple[float, float]] = []
        for centre in _place_centres(rng, width, wanted, params):
            loop = _make_loop(rng, centre, band_bottom, params, row_top=row_top)
            lo, hi = loop.x_extent
            if lo < params.edge_margin_px + left_border or hi > width - params.edge_margin_px - right_border:
                continue
            if any(lo < b + params.min_gap_px and hi > a - params.min_gap_px for a, b in occupied):
                continue
            coverage, (x0, y0, x1, y1) = _draw_loop(loop, height, width)
            local_y = np.arange(y0, y1, dtype=np.float32)[:, None]
            if loop.fade_y > 0:
                coverage = coverage * np.clip((local_y - (loop.fade_y - 20)) / 20.0, 0.0, 1.0)
            geometry = coverage > 0.5
            if geometry.sum() < MIN_CAPILLARY_AREA_PX:
                continue
            count += 1
            occupied.append((lo, hi))
            instances[y0:y1, x0:x1][geometry] = count
            _paint_blood(rng, params, loop, coverage, (x0, y0, x1, y1), blood_alpha, blood_colour)

    # Distractors go under the blood (bubbles and dust sit on the skin, glare on top).
    near = cv2.dilate((instances > 0).astype(np.uint8), np.ones((31, 31), np.uint8)) > 0
    free = ~near
    free[: max(1, height // 6)] = False
    for _ in range(int(rng.integers(0, 5))):
        _add_hemorrhage(rng, image, free)
    bubbles = int(rng.integers(0, 7))
    bubbles_on_top = int(rng.integers(0, bubbles + 1))
    for _ in range(bubbles - bubbles_on_top):
        _add_bubble(rng, image, near)
    for _ in range(int(rng.integers(0, 9))):
        _add_dust(rng, image)
    for _ in range(int(rng.integers(0, 3))):
        _add_fibre(rng, image)
    _alpha_blend(image, blood_alpha, np.zeros(3, np.float32))
    image += blood_colour * blood_alpha[:, :, None]
    for _ in range(bubbles_on_top):  # bubbles in the oil, in front of the vessels
        _add_bubble(rng, image, near)
    for _ in range(int(rng.integers(0, 3))):
        _add_glare(rng, image)
    if rng.random() < 0.4:
        _add_sparkles(rng, image)

    if world:
        if rng.random() < 0.35:
            _add_dark_region(rng, image)
        if rng.random() < 0.5:
            _add_specular(rng, image)
        if left_border or right_border:
            _add_borders(image, left_border, right_border, rng)

    if params.look is None:
        rgb = _camera(rng, image, params, blur_sigma=(0.9, 3.5 if world else 2.6), world=world)
    else:
        look = _pick_look(rng, params.look)
        rgb = _camera(rng, _apply_look(rng, image, look), params, blur_sigma=(0.9, 3.5 if world else 2.6),
                      world=world, look=look)
    return SyntheticStrip(rgb=rgb, mask=instances > 0, instances=instances, count=count)


def _camera(rng: np.random.Generator, image: np.ndarray, params: SynthParams, blur_sigma: tuple[float, float],
            world: bool, look: str | None = None) -> np.ndarray:
    """Blur, colour cast, noise and JPEG: float RGB in [0, 1] to uint8 RGB.

    With ``look`` None this draws exactly what make_strip drew before looks existed. A grey
    look keeps its channels equal (one cast, one noise); the green look keeps red near zero."""
    image = cv2.GaussianBlur(image, (0, 0), rng.uniform(*blur_sigma))
    cast = (0.85, 1.12) if world else (0.95, 1.05)
    if look in ("mono", "nir"):
        image *= rng.uniform(*cast)
        noise = rng.normal(0, rng.uniform(0.005, 0.045 if world else 0.02), image.shape[:2]).astype(np.float32)
        image += noise[:, :, None]
    else:
        image *= np.array([rng.uniform(*cast), rng.uniform(*cast), rng.uniform(cast[0] - 0.02, cast[1])], np.float32)
        image += rng.normal(0, rng.uniform(0.005, 0.045 if world else 0.02), image.shape).astype(np.float32)
        if look == "green":  # the red sensor sees almost nothing under a green LED
            image[:, :, 0] = np.abs(image[:, :, 0]) * 0.5
    rgb = np.clip(image * 255.0 + 0.5, 0, 255).astype(np.uint8)
    quality = int(rng.integers(params.jpeg_quality_range[0], params.jpeg_quality_range[1] + 1))
    ok, encoded = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


# Illumination --------------------------------------------------------------------------------
LOOKS = ("natural", "green", "mono", "nir", "blue")


def _pick_look(rng: np.random.Generator, look: str) -> str:
    if look == "any":
        return str(LOOKS[int(rng.integers(len(LOOKS)))])
    if look not in LOOKS:
        raise ValueError(f"unknown look {look!r}: one of {', '.join(LOOKS)} or any")
    return look


def _stretch(grey: np.ndarray, low: float, high: float) -> np.ndarray:
    """``grey`` mapped so that its 1st and 99th percentiles land on ``low`` and ``high``."""
    lo, hi = np.percentile(grey[::4, ::4], (1, 99))
    return low + (grey - lo) * ((high - low) / max(float(hi - lo), 1e-3))


def _apply_look(rng: np.random.Generator, image: np.ndarray, look: str) -> np.ndarray:
    """The composed scene (skin, blood, distractors; float RGB) as another illumination shows it.

    - natural: unchanged (white light, as the reference strips);
    - green: a green LED: what the scene reflects in green, blood dark in it, shown in the
      green channel with a little blue (cyan-green cameras), red near zero;
    - mono: a monochrome camera: one grey from a random mix of the channels, vessels dark;
    - nir: near-infrared-like: haemoglobin absorbs little, so a hazy, low-contrast grey
      (mostly the red channel) in which vessels are only slightly darker;
    - blue: cold light, like microscope A: desaturated, bluish, paler vessels."""
    if look == "natural":
        return image
    red, green, blue = image[:, :, 0], image[:, :, 1], image[:, :, 2]
    if look == "green":
        grey = _stretch(0.85 * green + 0.15 * blue, rng.uniform(0.08, 0.3), rng.uniform(0.55, 0.95))
        tint = np.array([rng.uniform(0.0, 0.04), 1.0, rng.uniform(0.05, 0.45)], np.float32)
        return grey[:, :, None] * tint
    if look == "mono":
        weights = rng.dirichlet([1.0, 3.0, 1.0]).astype(np.float32)
        grey = _stretch(weights[0] * red + weights[1] * green + weights[2] * blue,
                        rng.uniform(0.05, 0.3), rng.uniform(0.6, 0.98))
        return np.repeat(grey[:, :, None], 3, axis=2)
    if look == "nir":
        grey = 0.8 * red + 0.2 * green
        contrast = rng.uniform(0.3, 0.55)
        level = rng.uniform(0.4, 0.7)
        grey = level + (grey - float(grey.mean())) * contrast
        return np.repeat(grey[:, :, None], 3, axis=2)
    # blue
    grey = image.mean(axis=2, keepdims=True)
    keep = rng.uniform(0.3, 0.6)  # saturation kept
    cold = grey + keep * (image - grey)
    cold = cold * np.array([rng.uniform(0.72, 0.85), rng.uniform(0.85, 0.95), 1.0], np.float32)
    return cold + rng.uniform(0.0, 0.12) * (1.0 - cold) * np.array([0.7, 0.85, 1.0], np.float32)


def rescale_strip(strip: SyntheticStrip, factor: float) -> SyntheticStrip:
    """The same strip seen through another magnification: image, mask and instances resized."""
    height, width = strip.mask.shape
    size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
    rgb = cv2.resize(strip.rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
    instances = cv2.resize(strip.instances, size, interpolation=cv2.INTER_NEAREST)
    return SyntheticStrip(rgb=rgb, mask=instances > 0, instances=instances,
                          count=int(len(np.unique(instances)) - (1 if (instances == 0).any() else 0)))


def write_dataset(out_dir: Path, n: int, seed: int = 0, prefix: str = "synth",
                  params: SynthParams | None = None, samples_layout: bool = False,
                  indices: Iterable[int] | None = None, limb_scale: float = 1.0) -> dict[str, int]:
    """Write ``PREFIX_NNNN.png`` (image), ``_mask.png`` (0/255), ``_instances.png`` (16-bit ids)
    and ``counts.json`` ({image name: true count}) into ``out_dir``.

    ``samples_layout``: the layout of ``Test_images/``, a folder users open as is: only images
    at the top, masks in ``masks/``, no instance images. ``indices``: write only these of
    the ``n`` strips (strip k is the same whatever else is written). ``limb_scale``: every
    strip resized by this factor (0.35 makes limbs of about 3.5 px, 1.6 of about 16 px)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    mask_dir = out_dir / "masks" if samples_layout else out_dir
    mask_dir.mkdir(exist_ok=True)
    counts: dict[str, int] = {}
    for index in (range(n) if indices is None else indices):
        # One generator per image: image k is the same whatever n is.
        rng = np.random.default_rng([seed, index])
        strip = make_strip(rng, params)
        if limb_scale != 1.0:
            strip = rescale_strip(strip, limb_scale)
        name = f"{prefix}_{index:04d}"
        cv2.imwrite(str(out_dir / f"{name}.png"), cv2.cvtColor(strip.rgb, cv2.COLOR_RGB2BGR))
        cv2.imwrite(str(mask_dir / f"{name}_mask.png"), np.where(strip.mask, 255, 0).astype(np.uint8))
        if not samples_layout:
            cv2.imwrite(str(out_dir / f"{name}_instances.png"), strip.instances)
        counts[f"{name}.png"] = strip.count
    counts_path = out_dir / "counts.json"
    existing = json.loads(counts_path.read_text()) if counts_path.is_file() else {}
    existing.update(counts)
    counts_path.write_text(json.dumps(existing, indent=1, sort_keys=True) + "\n")
    return counts
