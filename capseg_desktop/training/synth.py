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

Other microscopes (``capseg synth --look``, ``--field``): a look renders the composed scene
under another illumination (green LED, monochrome, near-infrared-like, bluish cold light) before
the camera step; a wide field (make_field) draws the distal row along a line at any angle with
the cuticle beyond it, deeper rows and end-on capillaries behind it, and says each capillary's
row. proxy_set writes a benchmark that looks like a new microscope.

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
    # Fibres per strip (``rng.integers`` bounds: the upper one is not drawn) and how dark they
    # are; the defaults draw exactly as before the options existed.
    fibres_range: tuple[int, int] = (0, 3)
    fibre_strength_range: tuple[float, float] = (0.15, 0.5)

    @classmethod
    def world(cls) -> "SynthParams":
        """Strips as varied as the microscopes in use: pale pink to brown and bluish skin, low
        contrast, uneven light and dark regions, vignetting, heavy blur, noise and JPEG,
        tilted loops, one to three rows, dense and sparse, giant loops, specular highlights,
        glare, bubbles, dust, haemorrhages and dark image borders as hard negatives."""
        return cls(height_range=(170, 600), capillaries_range=(3, 20), faint_probability=0.25, defocus_probability=0.3,
                   lower_start_probability=0.2, jpeg_quality_range=(20, 95), domain_random=True)


#: A haemorrhage's pixels in the label image: where its drawn opacity is at least this (its
#: blurred rim fades into the skin and is not counted as its area).
HAEMORRHAGE_ALPHA = 0.25


@dataclass
class SyntheticStrip:
    rgb: np.ndarray  # H x W x 3 uint8
    mask: np.ndarray  # H x W bool
    instances: np.ndarray  # H x W uint16, k = capillary k
    count: int
    #: H x W uint16, k = haemorrhage k (the ground truth of ``core.haemorrhage``; spots drawn
    #: on top of each other are one); ``None`` where not recorded. Never part of ``mask``.
    haemorrhages: np.ndarray | None = None

    @property
    def haemorrhage_count(self) -> int:
        return 0 if self.haemorrhages is None else int(self.haemorrhages.max())


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


def _skin(rng: np.random.Generator, height: int, width: int, world: bool = False,
          top_band: bool = True) -> np.ndarray:
    """Float RGB in [0, 1]. ``top_band``: maybe a darker band along the top (strips only: a field
    draws its own cuticle band on the side its row points to)."""
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

    if top_band and rng.random() < 0.35:  # a darker, browner band along the top with a wavy lower edge
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
    # Only the box where alpha is not zero: the same pixels (x * 1 + 0 is x), far less work
    # for a speck on a wide field.
    rows = np.flatnonzero(alpha.any(axis=1))
    if len(rows) == 0:
        return
    cols = np.flatnonzero(alpha[rows[0]:rows[-1] + 1].any(axis=0))
    box = (slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1))
    part, weight = image[box], alpha[box][:, :, None]
    part *= 1.0 - weight
    part += weight * colour


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


def _add_fibre(rng: np.random.Generator, image: np.ndarray,
               strength: tuple[float, float] = (0.15, 0.5)) -> None:
    """A thin grey textile fibre lying on the skin: a hard negative for a model that may not use
    colour (in grey or green light it is a dark curved line, as a limb is)."""
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
    alpha = cv2.GaussianBlur(alpha, (0, 0), rng.uniform(0.8, 1.8)) * rng.uniform(*strength)
    grey = rng.uniform(0.3, 0.6)
    _alpha_blend(image, alpha, np.array([grey, grey * 0.98, grey * 1.02], np.float32))


def _add_hemorrhage(rng: np.random.Generator, image: np.ndarray, allowed: np.ndarray) -> np.ndarray | None:
    """An isolated dark red-brown spot, placed where no capillary is near; returns its opacity
    (H x W), ``None`` when there was no room. What it draws does not depend on whether the
    caller keeps the opacity."""
    height, width = image.shape[:2]
    ys, xs = np.nonzero(allowed)
    if len(xs) == 0:
        return None
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
    return alpha


def _haemorrhage_labels(alphas: list[np.ndarray | None], shape: tuple[int, int]) -> np.ndarray:
    """The drawn haemorrhages as a label image (uint16, 1..K): spots that touch are one."""
    drawn = np.zeros(shape, np.uint8)
    for alpha in alphas:
        if alpha is not None:
            drawn |= (alpha >= HAEMORRHAGE_ALPHA).astype(np.uint8)
    _, labels = cv2.connectedComponents(drawn, connectivity=8)
    return labels.astype(np.uint16)


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
    haemorrhages = [_add_hemorrhage(rng, image, free) for _ in range(int(rng.integers(0, 5)))]
    bubbles = int(rng.integers(0, 7))
    bubbles_on_top = int(rng.integers(0, bubbles + 1))
    for _ in range(bubbles - bubbles_on_top):
        _add_bubble(rng, image, near)
    for _ in range(int(rng.integers(0, 9))):
        _add_dust(rng, image)
    for _ in range(int(rng.integers(*params.fibres_range))):
        _add_fibre(rng, image, params.fibre_strength_range)
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
    return SyntheticStrip(rgb=rgb, mask=instances > 0, instances=instances, count=count,
                          haemorrhages=_haemorrhage_labels(haemorrhages, (height, width)))


def _camera(rng: np.random.Generator, image: np.ndarray, params: SynthParams, blur_sigma: tuple[float, float],
            world: bool, look: str | None = None, overlay: np.ndarray | None = None) -> np.ndarray:
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
    if overlay is not None:  # drawn by the capture software on the picture: sharp, then JPEG
        _alpha_blend(image, overlay, np.full(3, 0.06, np.float32))
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


# Wide fields --------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldParams:
    """A wide field of view (``capseg synth --field``): the distal row of loops along a line at
    any angle, deeper rows behind it and deeper capillaries seen end-on as short dashes."""
    width_range: tuple[int, int] = (1000, 1300)
    height_range: tuple[int, int] = (800, 1100)
    limb_width_range: tuple[float, float] = (3.0, 8.0)
    loop_gap_px: int = 25  # between a loop and any other capillary: each one is countable
    dash_gap_px: int = 10  # between two end-on capillaries
    deeper_rows_range: tuple[int, int] = (1, 3)
    end_on_range: tuple[int, int] = (60, 350)
    # The direction the distal apices point to (towards the nail), degrees in the image
    # (0 = right, 90 = down); None: any, a third of the fields exactly along an image axis.
    angle_deg: float | None = None
    ruler_probability: float = 0.5  # a measuring line drawn on the picture
    region_blur_probability: float = 0.5  # parts of the field out of focus
    jpeg_quality_range: tuple[int, int] = (35, 95)
    look: str | None = None  # as SynthParams.look
    fibres_range: tuple[int, int] = (0, 3)  # as SynthParams
    fibre_strength_range: tuple[float, float] = (0.15, 0.5)
    # Haemorrhages per field (``rng.integers`` bounds), drawn just beyond the distal apices where
    # real ones lie, away from every capillary; None (the default) draws none and draws exactly
    # as before the option existed.
    haemorrhages_range: tuple[int, int] | None = None


MIN_FIELD_LOOP_AREA_PX = 120
MIN_END_ON_AREA_PX = 12


@dataclass
class SyntheticField:
    rgb: np.ndarray  # H x W x 3 uint8
    mask: np.ndarray  # H x W bool
    instances: np.ndarray  # H x W uint16, k = capillary k
    count: int
    # capillary id -> 0 (distal row) or 1, 2, ... (deeper rows of loops; the end-on capillaries
    # take the row after the deepest row of loops)
    rows: dict[int, int]
    kinds: dict[int, str]  # "loop" or "end-on"
    apices: dict[int, tuple[float, float]]  # a loop's apex tip (x, y)
    blurred: dict[int, bool]  # in a region out of focus
    apex_direction: tuple[float, float]  # unit (x, y): where the distal apices point (the nail side)
    limb_width_px: float  # the field's typical limb width
    look: str
    ruler: np.ndarray  # H x W bool: the measuring line's pixels (not capillaries)
    #: As SyntheticStrip.haemorrhages (none unless FieldParams.haemorrhages_range asks for them).
    haemorrhages: np.ndarray | None = None

    @property
    def haemorrhage_count(self) -> int:
        return 0 if self.haemorrhages is None else int(self.haemorrhages.max())

    @property
    def distal_count(self) -> int:
        return sum(1 for row in self.rows.values() if row == 0)

    def rows_json(self) -> dict:
        """What ``NAME_rows.json`` holds."""
        return {
            "apex_direction": [round(v, 4) for v in self.apex_direction],
            "limb_width_px": round(self.limb_width_px, 2),
            "look": self.look,
            "count": self.count,
            "distal_count": self.distal_count,
            "capillaries": {str(k): {"row": self.rows[k], "kind": self.kinds[k], "blurred": self.blurred[k],
                                     **({"apex": [round(c, 1) for c in self.apices[k]]} if k in self.apices else {})}
                            for k in sorted(self.rows)},
        }


def _field_loop(rng: np.random.Generator, width_px: float, length_px: float) -> tuple[np.ndarray, np.ndarray, float]:
    """A hairpin in its own frame: x across, y from the base (0) to the apex tip; returns
    points (K x 2), radii and the x of the apex tip."""
    arterial = width_px / 2
    venous = min(4.0, arterial * rng.uniform(1.0, 1.4))
    if rng.random() < 0.5:
        arterial, venous = venous, arterial
    half_gap = (arterial + venous) / 2 * rng.uniform(1.3, 3.0)
    crossings = int(rng.choice([1, 2])) if rng.random() < 0.12 else 0
    if crossings:
        half_gap = max(half_gap, 5.0)
    ys = np.arange(0.0, length_px + 0.5, 1.0, dtype=np.float32)
    left, right = _limb_offsets(rng, ys, length_px, half_gap, crossings)
    tilt = float(np.clip(rng.normal(0, 0.2), -0.6, 0.6))
    sway = tilt * ys + (rng.uniform(0, 4) * np.sin(2 * np.pi * ys / rng.uniform(40, 150) + rng.uniform(0, 6.3))
                        if rng.random() < 0.5 else 0.0)
    left_x, right_x = sway + left, sway + right
    lx, rx = float(left_x[-1]), float(right_x[-1])
    mid, half = (lx + rx) / 2, max(abs(rx - lx) / 2, 2.0)
    depth = half * rng.uniform(0.8, 1.4)
    angles = np.linspace(np.pi, 0.0, max(8, int(np.pi * half * 2)), dtype=np.float32)
    sign = 1.0 if rx >= lx else -1.0
    xs = np.concatenate([left_x, mid + sign * half * np.cos(angles), right_x[::-1]])
    yss = np.concatenate([ys, length_px + depth * np.sin(angles), ys[::-1]])
    radii = np.concatenate([np.full_like(ys, arterial), np.linspace(arterial, venous, len(angles), dtype=np.float32),
                            np.full_like(ys, venous)])
    radii *= 1.0 + 0.1 * np.sin(np.arange(len(radii)) / rng.uniform(8, 25) + rng.uniform(0, 6.3))
    return np.stack([xs, yss], axis=1).astype(np.float32), radii.astype(np.float32), mid


def _draw_vessel(points: np.ndarray, radii: np.ndarray, height: int,
                 width: int) -> tuple[np.ndarray, tuple[int, int, int, int]] | None:
    """Float coverage of a vessel (image coordinates) inside its box (x0, y0, x1, y1), clipped
    to the image; None when nothing of it is inside."""
    pad = int(np.ceil(radii.max())) + 3
    x0, y0 = max(0, int(np.floor(points[:, 0].min())) - pad), max(0, int(np.floor(points[:, 1].min())) - pad)
    x1 = min(width, int(np.ceil(points[:, 0].max())) + pad)
    y1 = min(height, int(np.ceil(points[:, 1].max())) + pad)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    scale = 4
    canvas = np.zeros(((y1 - y0) * scale, (x1 - x0) * scale), np.uint8)
    for (x, y), radius in zip(points, radii):
        cv2.circle(canvas, (int(round((x - x0) * scale)), int(round((y - y0) * scale))),
                   max(1, int(round(radius * scale))), 255, -1)
    coverage = cv2.resize(canvas, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    return coverage, (x0, y0, x1, y1)


def _dilate_into(occupied: np.ndarray, geometry: np.ndarray, box: tuple[int, int, int, int], gap: int) -> None:
    x0, y0, x1, y1 = box
    height, width = occupied.shape
    gx0, gy0, gx1, gy1 = max(0, x0 - gap), max(0, y0 - gap), min(width, x1 + gap), min(height, y1 + gap)
    local = np.zeros((gy1 - gy0, gx1 - gx0), np.uint8)
    local[y0 - gy0:y1 - gy0, x0 - gx0:x1 - gx0] = geometry
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * gap + 1, 2 * gap + 1))
    occupied[gy0:gy1, gx0:gx1] |= cv2.dilate(local, kernel) > 0


def _add_ruler(rng: np.random.Generator, height: int, width: int) -> np.ndarray:
    """A measuring line with tick marks, as capture software draws it: alpha in [0, 1]."""
    alpha = np.zeros((height, width), np.uint8)  # putText draws on 8 bits only
    length = int(rng.uniform(100, 400))
    vertical = rng.random() < 0.2
    span_w, span_h = (20, length) if vertical else (length, 20)
    x = int(rng.uniform(20, max(21, width - span_w - 20)))
    y = int(rng.uniform(20, max(21, height - span_h - 20)))
    thickness = int(rng.integers(1, 3))
    end = (x, y + length) if vertical else (x + length, y)
    cv2.line(alpha, (x, y), end, 255, thickness, cv2.LINE_AA)
    ticks = int(rng.choice([2, 3, 5, 6, 11]))
    tick = int(rng.uniform(4, 10))
    for index in range(ticks):
        t = index / (ticks - 1)
        size = tick * (2 if index in (0, ticks - 1) else 1)
        if vertical:
            ty = int(round(y + t * length))
            cv2.line(alpha, (x - size, ty), (x + size, ty), 255, thickness, cv2.LINE_AA)
        else:
            tx = int(round(x + t * length))
            cv2.line(alpha, (tx, y - size), (tx, y + size), 255, thickness, cv2.LINE_AA)
    if rng.random() < 0.5 and not vertical:
        label = str(int(rng.choice([50, 100, 200, 250, 500]))) + " um"
        cv2.putText(alpha, label, (x, y - tick * 2 - 6), cv2.FONT_HERSHEY_SIMPLEX, rng.uniform(0.4, 0.8), 255,
                    thickness, cv2.LINE_AA)
    return alpha.astype(np.float32) / 255.0 * rng.uniform(0.75, 1.0)


def _paint_field_vessel(rng: np.random.Generator, coverage: np.ndarray, box: tuple[int, int, int, int],
                        width_px: float, row: int, blood_alpha: np.ndarray, blood_colour: np.ndarray) -> None:
    """A field's vessel: blurred in proportion to its width (a 3 px limb stays visible), deeper
    rows fainter and more often out of focus."""
    x0, y0, x1, y1 = box
    strength = rng.uniform(0.5, 0.9) if row == 0 else rng.uniform(0.3, 0.75)
    red = rng.uniform(0.45, 0.7)
    green = red * rng.uniform(0.35, 0.6)
    colour = np.array([red, green, green * rng.uniform(0.7, 0.95)], np.float32)
    if rng.random() < 0.2:  # bluish-violet blood under cold light
        colour = np.array([rng.uniform(0.3, 0.55), rng.uniform(0.15, 0.3), rng.uniform(0.3, 0.5)], np.float32)
    shade = 1.0 + 0.15 * _smooth_noise(rng, y1 - y0, x1 - x0, 15)
    sigma = rng.uniform(0.3, 0.2 * width_px + 0.4)
    if rng.random() < (0.15 if row == 0 else 0.4):  # this vessel out of focus
        sigma += rng.uniform(0.3, 0.35 * width_px)
    alpha = np.clip(cv2.GaussianBlur(coverage, (0, 0), sigma) * strength * shade, 0.0, 1.0)
    region = blood_alpha[y0:y1, x0:x1]
    take = alpha > region
    region[take] = alpha[take]
    blood_colour[y0:y1, x0:x1][take] = colour


def make_field(rng: np.random.Generator, params: FieldParams | None = None) -> SyntheticField:
    """A wide field of view: see FieldParams. Every capillary (distal loops, deeper loops and
    end-on dashes) is an instance; ``rows`` says which row each one is in."""
    params = params or FieldParams()
    height = int(rng.integers(params.height_range[0], params.height_range[1] + 1))
    width = int(rng.integers(params.width_range[0], params.width_range[1] + 1))
    # Drawn first so that turning the ruler off changes nothing else.
    ruler_rng = np.random.default_rng(int(rng.integers(2 ** 62)))
    if params.angle_deg is not None:
        angle = float(params.angle_deg)
    elif rng.random() < 0.35:
        angle = float(rng.choice([0.0, 90.0, 180.0, 270.0]))
    else:
        angle = float(rng.uniform(0.0, 360.0))
    v = np.array([np.cos(np.radians(angle)), np.sin(np.radians(angle))], np.float32)  # to the nail
    u = np.array([-v[1], v[0]], np.float32)  # along the row
    centre = np.array([width / 2, height / 2], np.float32)
    reach = (width * abs(v[0]) + height * abs(v[1])) / 2  # the image's half extent along v
    # The distal apices' distance from the centre along v: the cuticle takes a tenth to a third
    # of the field; a diagonal row stays nearer the centre, so that it crosses the field.
    line = reach * rng.uniform(0.25, 0.6) * (1 - 0.4 * abs(float(np.sin(2 * np.radians(angle)))))
    along = float(np.hypot(width, height) / 2)
    limb = float(rng.uniform(*params.limb_width_range))

    image = _skin(rng, height, width, world=True, top_band=False)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    depth_of = (xx - centre[0]) * v[0] + (yy - centre[1]) * v[1]  # distance along v from the centre
    along_of = (xx - centre[0]) * u[0] + (yy - centre[1]) * u[1]
    # The cuticle beyond the row: smoother, paler or darker, with a wavy edge.
    edge = line + rng.uniform(6, 40) + rng.uniform(0, 15) * np.sin(along_of / rng.uniform(60, 200) + rng.uniform(0, 6.3))
    band = 1.0 / (1.0 + np.exp(np.clip(-(depth_of - edge) / rng.uniform(4, 20), -30, 30)))
    smooth = cv2.GaussianBlur(image, (0, 0), rng.uniform(4, 10))
    shade = rng.uniform(0.7, 0.85) if rng.random() < 0.5 else rng.uniform(1.05, 1.2)
    tint = np.array([1.0, rng.uniform(0.95, 1.03), rng.uniform(0.95, 1.06)], np.float32)
    image = image * (1 - band[:, :, None]) + np.clip(smooth * shade * tint, 0, 1) * band[:, :, None]

    instances = np.zeros((height, width), np.uint16)
    occupied_loops = np.zeros((height, width), bool)
    occupied_dashes = np.zeros((height, width), bool)
    blood_alpha = np.zeros((height, width), np.float32)
    blood_colour = np.zeros((height, width, 3), np.float32)
    rows: dict[int, int] = {}
    kinds: dict[int, str] = {}
    apices: dict[int, tuple[float, float]] = {}
    margin = 12

    def accept(points: np.ndarray, radii: np.ndarray, row: int, kind: str, min_area: int, gap: int,
               width_px: float, apex: np.ndarray | None, fade: tuple[np.ndarray, float] | None) -> bool:
        drawn = _draw_vessel(points, radii, height, width)
        if drawn is None:
            return False
        coverage, box = drawn
        x0, y0, x1, y1 = box
        if fade is not None:  # the base sinks into the skin: the vessel fades in from there
            base, start = fade
            depth = (xx[y0:y1, x0:x1] - base[0]) * v[0] + (yy[y0:y1, x0:x1] - base[1]) * v[1]
            coverage = coverage * np.clip((depth - start) / 18.0, 0.0, 1.0)
        geometry = coverage > 0.5
        if geometry.sum() < min_area:
            return False
        if (occupied_loops[y0:y1, x0:x1] & geometry).any():
            return False
        if (occupied_dashes[y0:y1, x0:x1] & geometry).any():  # loops are all placed before any dash
            return False
        ident = len(rows) + 1
        instances[y0:y1, x0:x1][geometry] = ident
        rows[ident], kinds[ident] = row, kind
        _dilate_into(occupied_loops if kind == "loop" else occupied_dashes, geometry.astype(np.uint8), box, gap)
        if apex is not None:
            apices[ident] = (float(apex[0]), float(apex[1]))
        _paint_field_vessel(rng, coverage, box, width_px, row, blood_alpha, blood_colour)
        return True

    def place(apex_tip: np.ndarray, width_px: float, length_px: float, row: int,
              limit: float | None) -> float | None:
        """A loop whose apex tip is at ``apex_tip``; its farthest reach along v, or None."""
        local, radii, mid = _field_loop(rng, width_px, length_px)
        tip_y = float(local[:, 1].max())
        base = apex_tip - tip_y * v - mid * u
        points = base[None, :] + local[:, :1] * u[None, :] + local[:, 1:] * v[None, :]
        reach_v = float(((points - centre) @ v + radii).max())
        if limit is not None and reach_v > limit:
            return None
        if not (margin <= apex_tip[0] < width - margin and margin <= apex_tip[1] < height - margin):
            return None
        ok = accept(points, radii, row, "loop", MIN_FIELD_LOOP_AREA_PX, params.loop_gap_px, width_px, apex_tip,
                    (base, rng.uniform(0, 10)))
        return reach_v if ok else None

    # The distal row: apices on the line, a gap of at least loop_gap_px between loops.
    distal_tips = []
    position = -along + rng.uniform(0, 30)
    while position < along:
        width_px = float(np.clip(limb * rng.uniform(0.8, 1.2), *params.limb_width_range))
        length_px = limb * rng.uniform(6, 20)
        tip = centre + line * v + position * u + rng.normal(0, 0.4 * limb) * v
        if place(tip, width_px, length_px, 0, None) is not None:
            distal_tips.append(float((tip - centre) @ v))
        position += limb * rng.uniform(3.0, 5.0) + params.loop_gap_px + rng.uniform(0, 40)
    outermost = min(distal_tips) if distal_tips else line
    # Deeper rows: shorter, fainter, more often out of focus, always behind the distal apices.
    spacing = limb * rng.uniform(9, 16) + params.loop_gap_px
    for row in range(1, int(rng.integers(params.deeper_rows_range[0], params.deeper_rows_range[1] + 1)) + 1):
        position = -along + rng.uniform(0, 60)
        while position < along:
            width_px = float(np.clip(limb * rng.uniform(0.7, 1.1), *params.limb_width_range))
            length_px = limb * rng.uniform(4, 12)
            tip = centre + (line - row * spacing + rng.normal(0, limb)) * v + position * u
            place(tip, width_px, length_px, row, outermost - 6)
            position += limb * rng.uniform(3.0, 6.0) + params.loop_gap_px + rng.uniform(0, 80)
    # Deeper capillaries seen end-on: short dashes and dots behind the rows.
    deepest = max([r for r in rows.values()], default=0) + 1
    behind = np.count_nonzero(depth_of[::8, ::8] < outermost - 30) / depth_of[::8, ::8].size
    wanted = int(rng.integers(params.end_on_range[0], params.end_on_range[1] + 1) * behind)
    placed = 0
    for _ in range(3 * wanted):
        if placed >= wanted:
            break
        point = np.array([rng.uniform(0, width), rng.uniform(0, height)], np.float32)
        if float((point - centre) @ v) > outermost - 30:
            continue
        width_px = float(np.clip(limb * rng.uniform(0.6, 1.1), *params.limb_width_range))
        length_px = width_px * rng.uniform(1.5, 3.0)
        turn = rng.normal(0, 0.6) if rng.random() < 0.7 else rng.uniform(0, np.pi)
        direction = np.cos(turn) * v + np.sin(turn) * u
        steps = np.arange(0.0, max(1.0, length_px - width_px) + 0.5, 1.0, dtype=np.float32)
        points = point[None, :] + (steps - steps[-1] / 2)[:, None] * direction[None, :]
        radii = np.full(len(points), width_px / 2, np.float32) * np.linspace(1.0, rng.uniform(0.7, 1.0), len(points))
        if float(((points - centre) @ v + radii).max()) > outermost - 6:
            continue
        placed += accept(points, radii, deepest, "end-on", MIN_END_ON_AREA_PX, params.dash_gap_px, width_px, None, None)

    # Distractors under the blood, the blood, then what lies in front of it.
    haemorrhages = _field_haemorrhages(rng, image, params, instances, depth_of, line, limb)
    for _ in range(int(rng.integers(0, 4))):
        _add_bubble(rng, image, occupied_loops)
    for _ in range(int(rng.integers(0, 12))):
        _add_dust(rng, image)
    for _ in range(int(rng.integers(*params.fibres_range))):
        _add_fibre(rng, image, params.fibre_strength_range)
    _alpha_blend(image, blood_alpha, np.zeros(3, np.float32))
    image += blood_colour * blood_alpha[:, :, None]
    for _ in range(int(rng.integers(0, 4))):
        _add_glare(rng, image)
    if rng.random() < 0.5:
        _add_specular(rng, image)
    if rng.random() < 0.3:
        _add_dark_region(rng, image)
    out_of_focus = np.zeros((height, width), np.float32)
    if rng.random() < params.region_blur_probability:  # parts of the field out of focus
        regions = _smooth_noise(rng, height, width, rng.uniform(200, 500))
        out_of_focus = np.clip((regions - rng.uniform(0.0, 1.0)) * 2.0, 0.0, 1.0)
        blurred_image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.3, 0.7) * limb + 0.5)
        image = image * (1 - out_of_focus[:, :, None]) + blurred_image * out_of_focus[:, :, None]
    look = "natural" if params.look is None else _pick_look(rng, params.look)
    image = _apply_look(rng, image, look)
    heavy = limb >= 5 and rng.random() < 0.2  # the whole field out of focus (like microscope A)
    blur = (1.5, 0.2 * limb + 1.5) if heavy else (0.4, 0.15 * limb + 0.6)
    ruler = _add_ruler(ruler_rng, height, width) if ruler_rng.random() < params.ruler_probability else None
    camera = SynthParams(jpeg_quality_range=params.jpeg_quality_range)
    rgb = _camera(rng, image, camera, blur_sigma=blur, world=True, look=look, overlay=ruler)
    ids = np.arange(len(rows) + 1)
    focus_sum = np.bincount(instances.ravel(), weights=out_of_focus.ravel(), minlength=len(ids))
    area = np.bincount(instances.ravel(), minlength=len(ids))
    blurred = {k: bool(heavy or focus_sum[k] > 0.5 * area[k]) for k in rows}
    return SyntheticField(rgb=rgb, mask=instances > 0, instances=instances, count=len(rows), rows=rows, kinds=kinds,
                          apices=apices, blurred=blurred, apex_direction=(float(v[0]), float(v[1])),
                          limb_width_px=limb, look=look,
                          ruler=np.zeros((height, width), bool) if ruler is None else ruler > 0.2,
                          haemorrhages=haemorrhages)


def _field_haemorrhages(rng: np.random.Generator, image: np.ndarray, params: FieldParams, instances: np.ndarray,
                        depth_of: np.ndarray, line: float, limb: float) -> np.ndarray | None:
    """Haemorrhages (``FieldParams.haemorrhages_range``) from two limb widths behind the distal
    apices' line to eight beyond it, at least 15 px from any capillary; their label image, or
    ``None`` when none was asked for (and then nothing is drawn from ``rng``)."""
    if params.haemorrhages_range is None:
        return None
    height, width = instances.shape
    near = cv2.dilate((instances > 0).astype(np.uint8), np.ones((31, 31), np.uint8)) > 0
    allowed = ~near & (depth_of > line - 2 * limb) & (depth_of < line + 8 * limb)
    allowed[:12], allowed[-12:], allowed[:, :12], allowed[:, -12:] = False, False, False, False
    low, high = params.haemorrhages_range
    alphas = [_add_hemorrhage(rng, image, allowed) for _ in range(int(rng.integers(low, high)))]
    return _haemorrhage_labels(alphas, (height, width))


def rescale_strip(strip: SyntheticStrip, factor: float) -> SyntheticStrip:
    """The same strip seen through another magnification: image, mask and instances resized."""
    height, width = strip.mask.shape
    size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
    rgb = cv2.resize(strip.rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
    instances = cv2.resize(strip.instances, size, interpolation=cv2.INTER_NEAREST)
    haemorrhages = None
    if strip.haemorrhages is not None:
        resized = cv2.resize(strip.haemorrhages, size, interpolation=cv2.INTER_NEAREST)
        haemorrhages = _haemorrhage_labels([resized.astype(np.float32)], resized.shape)
    return SyntheticStrip(rgb=rgb, mask=instances > 0, instances=instances,
                          count=int(len(np.unique(instances)) - (1 if (instances == 0).any() else 0)),
                          haemorrhages=haemorrhages)


def rescale_field(field: SyntheticField, factor: float) -> SyntheticField:
    """The same field through another magnification; capillaries too small to survive the
    resize are dropped and the rest renumbered 1..count."""
    height, width = field.mask.shape
    size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
    rgb = cv2.resize(field.rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
    resized = cv2.resize(field.instances, size, interpolation=cv2.INTER_NEAREST)
    kept = [k for k in sorted(field.rows) if k in set(np.unique(resized).tolist())]
    lookup = np.zeros(int(field.instances.max()) + 1, np.uint16)
    lookup[kept] = np.arange(1, len(kept) + 1, dtype=np.uint16)
    instances = lookup[resized]
    new = {k: index + 1 for index, k in enumerate(kept)}
    ruler = cv2.resize(field.ruler.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST) > 0
    haemorrhages = None
    if field.haemorrhages is not None:
        scaled = cv2.resize(field.haemorrhages, size, interpolation=cv2.INTER_NEAREST)
        haemorrhages = _haemorrhage_labels([scaled.astype(np.float32)], scaled.shape)
    return SyntheticField(
        haemorrhages=haemorrhages,
        rgb=rgb, mask=instances > 0, instances=instances, count=len(kept),
        rows={new[k]: field.rows[k] for k in kept}, kinds={new[k]: field.kinds[k] for k in kept},
        apices={new[k]: (field.apices[k][0] * factor, field.apices[k][1] * factor) for k in kept if k in field.apices},
        blurred={new[k]: field.blurred[k] for k in kept}, apex_direction=field.apex_direction,
        limb_width_px=field.limb_width_px * factor, look=field.look, ruler=ruler)


def write_dataset(out_dir: Path, n: int, seed: int = 0, prefix: str = "synth",
                  params: SynthParams | FieldParams | None = None, samples_layout: bool = False,
                  indices: Iterable[int] | None = None, limb_scale: float = 1.0,
                  kind: str = "strip") -> dict[str, int]:
    """Write ``PREFIX_NNNN.png`` (image), ``_mask.png`` (0/255), ``_instances.png`` (16-bit ids)
    and ``counts.json`` ({image name: true count}) into ``out_dir``.

    ``samples_layout``: the layout of ``Test_images/``, a folder users open as is: only images
    at the top, masks in ``masks/``, no instance images. ``indices``: write only these of
    the ``n`` strips (strip k is the same whatever else is written). ``limb_scale``: every
    strip resized by this factor (0.35 makes limbs of about 3.5 px, 1.6 of about 16 px).
    ``kind="field"``: wide fields (make_field, ``params`` a FieldParams) instead of strips,
    each with ``_rows.json`` (every capillary's row, 0 = distal, its kind and apex; see
    SyntheticField.rows_json); the count is of all capillaries."""
    if kind not in ("strip", "field"):
        raise ValueError(f"unknown kind {kind!r}: strip or field")
    out_dir.mkdir(parents=True, exist_ok=True)
    mask_dir = out_dir / "masks" if samples_layout else out_dir
    mask_dir.mkdir(exist_ok=True)
    counts: dict[str, int] = {}
    for index in (range(n) if indices is None else indices):
        # One generator per image: image k is the same whatever n is.
        rng = np.random.default_rng([seed, index])
        name = f"{prefix}_{index:04d}"
        if kind == "field":
            item: SyntheticStrip | SyntheticField = make_field(rng, params if isinstance(params, FieldParams) else None)
            if limb_scale != 1.0:
                item = rescale_field(item, limb_scale)
            (out_dir / f"{name}_rows.json").write_text(json.dumps(item.rows_json()) + "\n")
        else:
            item = make_strip(rng, params if isinstance(params, SynthParams) else None)
            if limb_scale != 1.0:
                item = rescale_strip(item, limb_scale)
        cv2.imwrite(str(out_dir / f"{name}.png"), cv2.cvtColor(item.rgb, cv2.COLOR_RGB2BGR))
        cv2.imwrite(str(mask_dir / f"{name}_mask.png"), np.where(item.mask, 255, 0).astype(np.uint8))
        if not samples_layout:
            cv2.imwrite(str(out_dir / f"{name}_instances.png"), item.instances)
        counts[f"{name}.png"] = item.count
    counts_path = out_dir / "counts.json"
    existing = json.loads(counts_path.read_text()) if counts_path.is_file() else {}
    existing.update(counts)
    counts_path.write_text(json.dumps(existing, indent=1, sort_keys=True) + "\n")
    return counts


# A benchmark that looks like a new microscope -------------------------------------------------
REFERENCE_STRIPS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "Test_images"


def green_only(rgb: np.ndarray) -> np.ndarray:
    """A white-light picture as a green-LED capillaroscope shows it: its green channel alone
    (where haemoglobin absorbs most), red and blue zero."""
    out = np.zeros_like(rgb)
    out[:, :, 1] = rgb[:, :, 1]
    return out


def greyscale(rgb: np.ndarray) -> np.ndarray:
    """A monochrome camera's picture: the luminance in all three channels."""
    return np.repeat(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2)


def rotate_image(image: np.ndarray, angle_deg: float, nearest: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``image`` turned by ``angle_deg`` (counter-clockwise as seen), on a canvas large enough to
    hold all of it (black corners); returns it and the 2 x 3 matrix taking a point (x, y) of the
    original to the turned picture."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle_deg, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(round(height * sin + width * cos)), int(round(height * cos + width * sin))
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    turned = cv2.warpAffine(image, matrix, (new_w, new_h), flags=cv2.INTER_NEAREST if nearest else cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return turned, matrix


def proxy_set(out_dir: Path, seed: int = 0, images: Iterable[Path] | None = None, fields: int = 20,
              angles: tuple[float, ...] = (0.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0),
              rotations: tuple[float, ...] = (30.0, 45.0, 90.0, 180.0, 270.0)) -> dict[str, int]:
    """Write the "new microscope" benchmark set into ``out_dir``:

    - ``recoloured/``: for each of ``images`` (default: the 25 reference strips beside the
      checkout, when present), ``NAME_green.png`` (green_only) and ``NAME_grey.png``
      (greyscale), with ``NAME_green_mask.png``/``NAME_grey_mask.png`` copied from a
      ``NAME_mask.png`` or ``masks/NAME_mask.png`` next to the image when there is one;
    - ``rotated/``: each image turned by each of ``rotations`` degrees (rotate_image),
      ``NAME_rotA.png`` (and its mask, turned), with ``rotations.json`` giving for each the
      angle and the matrix that takes a point of the original to the turned picture;
    - ``fields/``: ``fields`` synthetic wide fields (seed ``seed``) whose distal row runs
      vertically or diagonally (apices pointing along ``angles`` in turn: 0 = right, 90 =
      down), under white, green, monochrome and bluish light in turn, with masks,
      instances, ``_rows.json`` and counts.json.

    Returns {file name: true count} of the fields."""
    out_dir = Path(out_dir)
    if images is None:
        images = sorted(REFERENCE_STRIPS.glob("*.png")) if REFERENCE_STRIPS.is_dir() else []
    recoloured = out_dir / "recoloured"
    matrices: dict[str, dict] = {}
    for path in images:
        path = Path(path)
        bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if bgr is None:
            continue
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        mask = next((m for m in (path.with_name(f"{path.stem}_mask.png"), path.parent / "masks" / f"{path.stem}_mask.png")
                     if m.is_file()), None)
        recoloured.mkdir(parents=True, exist_ok=True)
        for suffix, convert in (("green", green_only), ("grey", greyscale)):
            cv2.imwrite(str(recoloured / f"{path.stem}_{suffix}.png"), cv2.cvtColor(convert(rgb), cv2.COLOR_RGB2BGR))
            if mask is not None:
                (recoloured / f"{path.stem}_{suffix}_mask.png").write_bytes(mask.read_bytes())
        rotated = out_dir / "rotated"
        rotated.mkdir(parents=True, exist_ok=True)
        for angle in rotations:
            name = f"{path.stem}_rot{angle:g}"
            turned, matrix = rotate_image(bgr, angle)
            cv2.imwrite(str(rotated / f"{name}.png"), turned)
            if mask is not None:
                cv2.imwrite(str(rotated / f"{name}_mask.png"),
                            rotate_image(cv2.imread(str(mask), cv2.IMREAD_GRAYSCALE), angle, nearest=True)[0])
            matrices[f"{name}.png"] = {"source": path.name, "angle_deg": angle,
                                       "matrix": [[round(float(v), 6) for v in row] for row in matrix]}
    if matrices:
        (out_dir / "rotated" / "rotations.json").write_text(json.dumps(matrices, indent=1) + "\n")
    counts: dict[str, int] = {}
    for index in range(fields):
        angle = angles[index % len(angles)]
        params = FieldParams(angle_deg=angle, look=("natural", "green", "mono", "blue")[index % 4])
        counts.update(write_dataset(out_dir / "fields", 1, seed=seed, prefix="field", params=params,
                                    indices=[index], kind="field"))
    return counts
