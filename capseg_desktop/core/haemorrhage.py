"""Microhaemorrhages: dark red-brown compact deposits that are not part of a counted capillary.

Classical image analysis, no training (``detect_haemorrhages``):

1. the picture is reduced so that a limb is about ``WORK_LIMB_PX`` wide (the analysis' scale
   says how wide a limb is in the image), and to ``MAX_WORK_PIXELS`` at most, which keeps a
   large scan cheap in time and memory;
2. darkness: one minus the green channel over its local background (a closing wide enough to
   remove a deposit, then smoothed). Blood absorbs green most, under white light and under a
   green LED alike, so this part does not depend on the illumination's colour;
3. a deposit is a connected region darker than ``DARK_MIN`` whose darkest pixel passes
   ``PEAK_MIN`` and is at least ``VS_CAPILLARIES`` times as dark as the image's own capillaries
   (the 90th percentile of their darkness): extravasated blood is as dark as the loops or darker,
   and this rejects the faint dust and skin marks of real pictures; it is kept when
   - it is compact: not elongated (``MAX_ELONGATION``; fibres and vessel segments are) and
     filling most of its convex hull (``MIN_SOLIDITY``),
   - its area is between ``MIN_AREA_LIMBS`` and ``MAX_AREA_LIMBS`` squared limb widths,
   - it touches no counted capillary (their mask grown by half a limb width): a haemorrhage is
     never part of a capillary, and a capillary's own dark apex is not a haemorrhage,
   - no highlight lies next to it (a pixel ``HIGHLIGHT`` brighter than the background within a
     limb width): a dark rim beside a bright spot is an air bubble,
   - it is redder than the skin around it (``MIN_REDNESS``, in red chromaticity) where the
     red channel carries information: dust and fibres are grey or bluish. Under a green LED or
     on a grey picture the red channel says nothing: only darkness (a deeper one,
     ``PEAK_MIN_NO_RED``) and shape decide, and dark grey dust can pass for a haemorrhage.

4. ``behind_the_row``: where the distal row is known (``core.measure.DistalRow``), a deposit more
   than ``BEHIND_ROW_LIMBS`` limb widths behind its apex line (on the side of the loops' bases)
   is left out: microhaemorrhages lie at and beyond the apices, and a short dark dash behind the
   row is far more often a deeper capillary seen end-on that the model did not count.

Haemorrhages are numbered 1..N from left to right, in the image's own pixels. The EULAR fast
track algorithm does not use them (Smith et al. 2019); they are counted and shown.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Sequence

import cv2
import numpy as np

#: A limb's width in the reduced copy the detector works on.
WORK_LIMB_PX = 5.0
#: The limb width assumed when the scale does not say (the model's own scale).
DEFAULT_LIMB_PX = 6.0
#: The reduced copy holds at most this many pixels (a 64-megapixel scan is read at a quarter of
#: its width: gigabytes less, and deposits of a few limb widths stay visible).
MAX_WORK_PIXELS = 4_000_000
DARK_MIN = 0.18
PEAK_MIN = 0.28
#: Without colour (a grey picture, a green LED) grey dust is as dark as blood in green: only a
#: deeper darkness is taken for a haemorrhage there.
PEAK_MIN_NO_RED = 0.6
MAX_ELONGATION = 2.6
MIN_SOLIDITY = 0.6
MIN_AREA_LIMBS = 0.6
MAX_AREA_LIMBS = 40.0
MIN_REDNESS = 0.011
VS_CAPILLARIES = 0.8
BEHIND_ROW_LIMBS = 4.0
HIGHLIGHT = 0.08


@dataclass(frozen=True)
class Haemorrhage:
    """One haemorrhage: ``bbox`` is [x0, y0, x1, y1] in image pixels (x1, y1 exclusive)."""

    id: int
    bbox: tuple[int, int, int, int]
    centroid: tuple[float, float]
    area_px: int

    @property
    def label(self) -> str:
        """Its letter and number on the pictures: "H1", "H2"."""
        return f"H{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "bbox": list(self.bbox),
            "centroid": [round(self.centroid[0], 2), round(self.centroid[1], 2)], "area_px": self.area_px,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Haemorrhage":
        x0, y0, x1, y1 = (int(v) for v in data["bbox"])
        cx, cy = (float(v) for v in data["centroid"])
        return cls(int(data["id"]), (x0, y0, x1, y1), (cx, cy), int(data["area_px"]))


def red_is_informative(rgb: np.ndarray) -> bool:
    """Whether the red channel tells blood from grey: not on a grey picture (channels equal)
    nor under a green LED (red near zero)."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return False
    sample = rgb[::4, ::4, :3].reshape(-1, 3).astype(np.float32)
    red, green, blue = np.median(sample, axis=0)
    if red < 0.6 * green:
        return False
    spread = float(np.mean(np.abs(sample[:, 0] - sample[:, 1])) + np.mean(np.abs(sample[:, 1] - sample[:, 2])))
    return spread > 4.0


def _background(channel: np.ndarray, radius: int) -> np.ndarray:
    """The channel without its dark deposits: a closing wider than one, then smoothed."""
    disk = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    closed = cv2.morphologyEx(channel, cv2.MORPH_CLOSE, disk)
    return cv2.GaussianBlur(closed, (0, 0), radius)


def _shape_ok(component: np.ndarray) -> bool:
    """Compact: not elongated and filling most of its convex hull."""
    ys, xs = np.nonzero(component)
    if len(xs) < 3:
        return True
    cov = np.cov(np.stack([xs, ys]).astype(np.float64)) + np.eye(2) * (1.0 / 12.0)
    low, high = np.linalg.eigvalsh(cov)
    if np.sqrt(high / max(low, 1e-6)) > MAX_ELONGATION:
        return False
    contours, _ = cv2.findContours(component.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.contourArea(cv2.convexHull(np.concatenate(contours)))
    return len(xs) >= MIN_SOLIDITY * (hull + len(contours[0]) / 2.0)


def _candidates(small: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(darkness, red chromaticity of the picture, red chromaticity of its background)."""
    channels = [small[..., c] for c in range(3)] if small.ndim == 3 else [small] * 3
    backgrounds = [_background(channel, radius) for channel in channels]
    darkness = 1.0 - channels[1] / (backgrounds[1] + 0.03)
    smooth = [cv2.GaussianBlur(channel, (0, 0), 1.0) for channel in channels]
    redness = smooth[0] / (smooth[0] + smooth[1] + smooth[2] + 0.03)
    red_bg = backgrounds[0] / (backgrounds[0] + backgrounds[1] + backgrounds[2] + 0.03)
    return darkness, redness, red_bg


#: The picture's own maps (``_ground``) for the last picture and limb width: every edit and recount
#: of one image looks for haemorrhages again with other capillaries, on the same maps (about 60 of
#: the 70 ms a strip's search takes). Held weakly: one entry, gone with its picture.
_last_ground: tuple = (None, None, None)


def _ground(rgb: np.ndarray, limb: float) -> tuple:
    """(factor, size, darkness, redness, red_bg, use_red): what the search needs of the picture
    alone, whatever the capillaries."""
    global _last_ground
    ref, cached_limb, ground = _last_ground
    if ref is not None and ref() is rgb and cached_limb == limb:
        return ground
    height, width = rgb.shape[:2]
    factor = min(1.0, WORK_LIMB_PX / limb, float(np.sqrt(MAX_WORK_PIXELS / max(1, height * width))))
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    small = rgb if factor == 1.0 else cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    small = small.astype(np.float32) / 255.0
    ground = (factor, size, *_candidates(small, max(3, int(round(3.5 * limb * factor)))), red_is_informative(rgb))
    _last_ground = (weakref.ref(rgb), limb, ground)
    return ground


def detect_haemorrhages(rgb: np.ndarray, capillary_mask: np.ndarray | None,
                        limb_width_px: float | None = None) -> tuple[Haemorrhage, ...]:
    """The haemorrhages of a picture (RGB or grey uint8) outside ``capillary_mask`` (the counted
    capillaries, image-sized bool); ``limb_width_px``: the typical limb width in the image."""
    limb = float(limb_width_px) if limb_width_px and np.isfinite(limb_width_px) and limb_width_px > 0 else DEFAULT_LIMB_PX
    height, width = rgb.shape[:2]
    factor, size, darkness, redness, red_bg, use_red = _ground(rgb, limb)
    work_limb = limb * factor
    vessels = np.zeros(darkness.shape, bool)
    peak_min = PEAK_MIN
    if capillary_mask is not None and capillary_mask.any():
        mask = capillary_mask.astype(np.uint8)
        if factor != 1.0:
            mask = cv2.resize(mask, size, interpolation=cv2.INTER_NEAREST)
        if np.count_nonzero(mask) >= 20:
            peak_min = max(peak_min, VS_CAPILLARIES * float(np.percentile(darkness[mask > 0], 90)))
        grow = max(1, int(round(work_limb / 2)))
        vessels = cv2.dilate(mask, np.ones((2 * grow + 1, 2 * grow + 1), np.uint8)) > 0
    if not use_red:
        peak_min = max(peak_min, PEAK_MIN_NO_RED)
    reach = max(2, int(round(work_limb)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats((darkness > DARK_MIN).astype(np.uint8), connectivity=8)
    found = []
    for k in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[k])
        box = (slice(y, y + h), slice(x, x + w))
        component = labels[box] == k
        if not MIN_AREA_LIMBS * work_limb ** 2 <= area <= MAX_AREA_LIMBS * work_limb ** 2:
            continue
        if vessels[box][component].any() or float(darkness[box][component].max()) < peak_min:
            continue
        if use_red and float(np.mean(redness[box][component] - red_bg[box][component])) < MIN_REDNESS:
            continue
        if -float(darkness[max(0, y - reach):y + h + reach, max(0, x - reach):x + w + reach].min()) > HIGHLIGHT:
            continue
        if not _shape_ok(component):
            continue
        ys, xs = np.nonzero(component)
        found.append(((xs.mean() + x + 0.5) / factor - 0.5, (ys.mean() + y + 0.5) / factor - 0.5,
                      (x, y, x + w, y + h), area))
    return _numbered(_merged(found, reach), factor, width, height)


def _merged(found: list, gap: int) -> list:
    """Deposits whose boxes come within ``gap`` pixels of each other as one (a deposit that
    the threshold cut in two is one haemorrhage): the union of the boxes, the areas summed,
    the centre weighted by area."""
    merged = list(found)
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                (ax, ay, (a0, a1, a2, a3), aa), (bx, by, (b0, b1, b2, b3), ba) = merged[i], merged[j]
                if a0 - gap <= b2 and b0 - gap <= a2 and a1 - gap <= b3 and b1 - gap <= a3:
                    total = aa + ba
                    merged[i] = ((ax * aa + bx * ba) / total, (ay * aa + by * ba) / total,
                                 (min(a0, b0), min(a1, b1), max(a2, b2), max(a3, b3)), total)
                    del merged[j]
                    changed = True
                    break
            if changed:
                break
    return merged


def _numbered(found: list, factor: float, width: int, height: int) -> tuple[Haemorrhage, ...]:
    """The deposits in image pixels, numbered 1..N from left to right."""
    out = []
    for index, (cx, cy, (x0, y0, x1, y1), area) in enumerate(sorted(found, key=lambda f: (f[0], f[1])), start=1):
        box = (max(0, int(np.floor(x0 / factor))), max(0, int(np.floor(y0 / factor))),
               min(width, int(np.ceil(x1 / factor))), min(height, int(np.ceil(y1 / factor))))
        out.append(Haemorrhage(index, box, (float(cx), float(cy)), int(round(area / factor ** 2))))
    return tuple(out)


def behind_the_row(haemorrhages: tuple[Haemorrhage, ...], line: Sequence[tuple[float, float]],
                   apex_vector: Sequence[float], limb_width_px: float | None) -> tuple[Haemorrhage, ...]:
    """``haemorrhages`` without those more than ``BEHIND_ROW_LIMBS`` limb widths behind the
    distal row's apex ``line`` (``apex_vector``: towards the apices), renumbered; all of them
    when the row has no line."""
    if not haemorrhages or len(line) == 0:
        return haemorrhages
    limb = limb_width_px if limb_width_px and limb_width_px > 0 else DEFAULT_LIMB_PX
    v = np.asarray(apex_vector, float)
    u = np.array([-v[1], v[0]])
    points = np.asarray(line, float)
    along, depth = points @ u, points @ v
    order = np.argsort(along)
    kept = []
    for h in haemorrhages:
        centre = np.asarray(h.centroid, float)
        row_depth = float(np.interp(centre @ u, along[order], depth[order]))
        if row_depth - float(centre @ v) <= BEHIND_ROW_LIMBS * limb:
            kept.append(h)
    return tuple(Haemorrhage(index, h.bbox, h.centroid, h.area_px) for index, h in enumerate(kept, start=1))


def haemorrhage_mask(haemorrhages: tuple[Haemorrhage, ...], shape: tuple[int, int]) -> np.ndarray:
    """A bool image with each haemorrhage's box filled (for drawing and for tests)."""
    mask = np.zeros(shape, bool)
    for h in haemorrhages:
        x0, y0, x1, y1 = h.bbox
        mask[y0:y1, x0:x1] = True
    return mask
