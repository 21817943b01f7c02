"""Per-capillary measurements, the distal row and the density per millimetre (NumPy/OpenCV).

Everything is measured on the counted mask (hand corrections included), in the image's own
pixels; micrometres only come from a calibration (``core.calibration``), never from a guess.

**The loop's frame.** Each loop's axis is the vessel's usual direction (the mean of its local
directions as doubled angles: the rounded apex turns through every direction and adds nothing,
so the limbs decide, even on a loop as wide as it is long), pointing from the open end of the
hairpin (where its two limbs end) to its apex (the closed end). ``s`` runs along the axis
towards the apex, ``t`` across it.

**Measurements** (``LoopMeasures``), in pixels:

- ``loop_width_px``: the outer width of the hairpin at its widest, across the axis (from the
  outer edge of one limb to the outer edge of the other);
- ``length_px``: the loop's extent along its axis;
- the vessel's diameter along its centre line, from the distance transform with a sub-pixel
  peak (see ``_centre_line``): ``apex_width_px`` the median across the top of the loop, ``arterial_width_px``
  and ``venous_width_px`` the median diameter along each limb (the thinner limb is called
  arterial, the wider venous, as in the clinic), ``None`` for a limb that is not there;
- ``max_vessel_width_px``: the largest of the apex width and the two limbs' median widths.
  This is the loop's *dimension*: what dilated (``Thresholds.dilated_um``, 20 µm) and giant
  (``Thresholds.giant_um``, 50 µm) are judged on. Medians, so that one noisy pixel does not
  make a loop dilated.
- ``apex``: the point of the loop furthest along its axis, ``(x, y)`` in image pixels.

On loops drawn with known vessel widths of 3 to 30 pixels, at any orientation and sub-pixel
position, every width comes back within 1 pixel and the length within 1.5 (its two ends fall on
the pixel grid); slanted vessels read about half a pixel narrow on average, upright or level
ones exact (``tests/core/test_measure.py``).

**The distal row** (``distal_row``): the loops' apices point towards the nail. The apex
direction of the image is the direction (up, down, left or right) that most loops' closed ends
point to (a loop votes when its open end and closed end can be told apart: past the last row
across both limbs, the closed end still has vessel across the gap between them, the open end
does not; with no vote, the apices are taken to point down, as in the reference images). The
distal row is the outermost row in that direction, the one nearest the nail. Along the row (across that
direction), the *apex line* is the outermost apex within ``ROW_WINDOW_LOOPS`` median loop
widths on either side; a loop is in the distal row when its apex lies within
``ROW_DEPTH_FRACTION`` of the median loop length of that line. Loops further back (a second
row, or a loop whose apex lies behind its neighbours' bases) are not distal.

**Density** (``density_per_mm``): the number of distal-row loops per millimetre over the
analysed length: the image's length along the row, or a window along the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import cv2
import numpy as np

from .i18n import format_float, translate

#: Below this density (distal loops per mm) the density is reduced (EULAR: normal about 7-12).
REDUCED_DENSITY_PER_MM = 7.0
#: The apex line is the outermost apex within this many median loop widths on either side.
ROW_WINDOW_LOOPS = 2.0
#: A loop is distal when its apex is within this fraction of the median loop length of the line.
ROW_DEPTH_FRACTION = 0.5
#: A loop whose vessel has no usual direction (less than this much runs one way) takes the
#: image's apex direction as its axis.
MIN_COHERENCE = 0.15
#: The apex direction when no loop tells its open end from its closed end.
DEFAULT_DIRECTION = "bottom"
DIRECTIONS = {"top": (0.0, -1.0), "bottom": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}

FLAG_NORMAL, FLAG_DILATED, FLAG_GIANT, FLAG_NONE = "normal", "dilated", "giant", ""
DENSITY_NORMAL, DENSITY_REDUCED = "normal", "reduced"
# The words this module writes into machine files (the capillary CSV's flag, the JSON's density
# flag): English in every language, like the files' keys.
TEXT = {
    "not_assessed": "not assessed (no scale)",
    "no_density": "distal density: no scale set",
}


@dataclass(frozen=True)
class Thresholds:
    """Vessel diameters (µm) from which a loop is dilated, and giant (EULAR: 20 and 50)."""

    dilated_um: float = 20.0
    giant_um: float = 50.0

    def to_dict(self) -> dict[str, float]:
        return {"dilated_um": float(self.dilated_um), "giant_um": float(self.giant_um)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Thresholds":
        data = data if isinstance(data, dict) else {}
        return cls(float(data.get("dilated_um", 20.0)), float(data.get("giant_um", 50.0)))

    def describe(self) -> str:
        return translate("Measure", "dilated from {dilated} µm, giant from {giant} µm").format(
            dilated=format_float(self.dilated_um, "g"), giant=format_float(self.giant_um, "g")
        )


def _um(value: float | None, um_per_px: float) -> float | None:
    return None if value is None else round(float(value) * um_per_px, 2)


def _px(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


@dataclass(frozen=True)
class LoopMeasures:
    """One loop's measurements in image pixels (see the module's docstring)."""

    id: int
    loop_width_px: float
    apex_width_px: float
    arterial_width_px: float | None
    venous_width_px: float | None
    max_vessel_width_px: float
    length_px: float
    apex: tuple[float, float]
    distal: bool = False
    #: Unit vector (x, y) along the loop's axis, towards its apex.
    axis: tuple[float, float] = (0.0, 1.0)

    def in_um(self, um_per_px: float) -> dict[str, float | None]:
        """The widths and length in µm (rounded to 0.01 µm)."""
        return {
            "loop_width_um": _um(self.loop_width_px, um_per_px),
            "apex_width_um": _um(self.apex_width_px, um_per_px),
            "arterial_width_um": _um(self.arterial_width_px, um_per_px),
            "venous_width_um": _um(self.venous_width_px, um_per_px),
            "max_vessel_width_um": _um(self.max_vessel_width_px, um_per_px),
            "length_um": _um(self.length_px, um_per_px),
        }

    def in_px(self) -> dict[str, float | None]:
        return {
            "loop_width_px": _px(self.loop_width_px),
            "apex_width_px": _px(self.apex_width_px),
            "arterial_width_px": _px(self.arterial_width_px),
            "venous_width_px": _px(self.venous_width_px),
            "max_vessel_width_px": _px(self.max_vessel_width_px),
            "length_px": _px(self.length_px),
        }

    def vessel_um(self, um_per_px: float | None) -> float | None:
        if not um_per_px:
            return None
        return round(float(self.max_vessel_width_px) * float(um_per_px), 6)

    def flag(self, um_per_px: float | None, thresholds: Thresholds = Thresholds()) -> str:
        """"giant" (>= giant_um), "dilated" (>= dilated_um), "normal", or "" without a scale
        (not assessed: a width in pixels says nothing clinical)."""
        width = self.vessel_um(um_per_px)
        if width is None:
            return FLAG_NONE
        if width >= thresholds.giant_um:
            return FLAG_GIANT
        if width >= thresholds.dilated_um:
            return FLAG_DILATED
        return FLAG_NORMAL

    def flag_text(self, um_per_px: float | None, thresholds: Thresholds = Thresholds()) -> str:
        return self.flag(um_per_px, thresholds) or TEXT["not_assessed"]

    def to_dict(self, um_per_px: float | None = None, thresholds: Thresholds = Thresholds()) -> dict[str, Any]:
        """Pixels always; µm and the flag only with a scale (else "not assessed (no scale)")."""
        data: dict[str, Any] = {
            "id": self.id,
            **self.in_px(),
            "apex_px": [round(self.apex[0], 1), round(self.apex[1], 1)],
            "distal": bool(self.distal),
        }
        if um_per_px:
            data.update(self.in_um(um_per_px))
        data["flag"] = self.flag_text(um_per_px, thresholds)
        return data


# Measuring one loop -----------------------------------------------------------------------
def _bilinear(image: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    height, width = image.shape
    xs = np.clip(xs, 0, width - 1.001)
    ys = np.clip(ys, 0, height - 1.001)
    x0, y0 = np.floor(xs).astype(np.int64), np.floor(ys).astype(np.int64)
    fx, fy = xs - x0, ys - y0
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def _centre_line(crop: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """The vessel's centre line ((n, 2) x, y points of the crop), its diameter there, the
    vessel's usual direction (unit vector, no sign) and how much of the vessel runs that way
    (0 to 1).

    ``d(p)`` is the distance from a pixel to the nearest pixel outside the vessel. Going from
    ``p`` one pixel further from that outside pixel (along the inward normal ``n``), ``d`` rises
    by one until the centre line and falls by one after it; the vessel's edge lies half a pixel
    before each outside pixel. So where ``d(p + n) < d(p) + 0.5`` the centre line lies between
    ``p`` and ``p + n``, and the diameter there is ``d(p) + d(p + n)`` (``2k + 1`` across a
    vessel ``2k + 1`` pixels wide, ``2k`` across one ``2k`` wide).

    The usual direction is the mean of the vessel's local directions (across the gradient of
    ``d``) as doubled angles: a hairpin's rounded apex turns through every direction and adds
    nothing, so its limbs decide, even on a loop as wide as it is long."""
    dt = cv2.distanceTransform(crop, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    ys, xs = np.nonzero(crop)
    # The inward normal: the distance's gradient (zero exactly on a centre pixel of an odd width).
    gx = cv2.Sobel(dt, cv2.CV_32F, 1, 0, ksize=3)[ys, xs] / 8.0
    gy = cv2.Sobel(dt, cv2.CV_32F, 0, 1, ksize=3)[ys, xs] / 8.0
    norm = np.hypot(gx, gy)
    flat = norm < 0.2
    norm = np.where(flat, 1.0, norm)
    here = dt[ys, xs].astype(np.float64)
    ahead = np.where(flat, here - 1.0, _bilinear(dt, xs + gx / norm, ys + gy / norm))
    centre = ahead < here + 0.5
    diameters = np.clip(here + ahead, 1.0, 2.0 * here + 1.0)[centre]
    steep = ~flat & (norm > 0.5)
    weights = norm[steep]
    angles = 2.0 * np.arctan2(gy[steep], gx[steep])
    cos2, sin2 = float(np.sum(weights * np.cos(angles))), float(np.sum(weights * np.sin(angles)))
    coherence = float(np.hypot(cos2, sin2) / max(float(weights.sum()), 1e-9))
    across = np.arctan2(sin2, cos2) / 2.0
    direction = np.array([-np.sin(across), np.cos(across)])  # the vessel runs across its gradient
    return np.column_stack([xs[centre], ys[centre]]).astype(np.float64), diameters, direction, coherence


@dataclass
class _Loop:
    id: int
    origin: np.ndarray  # (x, y) of the crop's corner in the image
    points: np.ndarray  # (n, 2) float (x, y) in the crop
    centre: np.ndarray
    major: np.ndarray  # unit vector (x, y): the loop's axis, sign unknown
    coherence: float  # how much of the vessel runs along the axis (0: no usual direction)
    vote: int  # +1: apex towards +major, -1: towards -major, 0: cannot tell
    ridge_points: np.ndarray
    ridge_diameters: np.ndarray


def _closed_end_vote(s: np.ndarray, t: np.ndarray) -> int:
    """+1 when the hairpin's closed end is towards +s, -1 towards -s, 0 when it cannot be told.

    The loop's pixels are laid out in its own frame (rows along the axis, one pixel each, small
    holes closed); past the last row that crosses both limbs, the closed end still has vessel
    across the middle of the gap between them; the open end does not."""
    rows = np.round(s - s.min()).astype(np.int64)
    cols = np.round(t - t.min()).astype(np.int64) + 1
    grid = np.zeros((int(rows.max()) + 1, int(cols.max()) + 2), np.uint8)
    grid[rows, cols] = 1
    grid = cv2.morphologyEx(grid, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    starts = np.diff(np.pad(grid, ((0, 0), (1, 1))).astype(np.int8), axis=1) == 1
    two = (starts.sum(axis=1) >= 2).astype(np.uint8)
    # Rows across both limbs, in stretches of 3 or more (a stray pixel by the apex is not a limb).
    two = cv2.morphologyEx(two[:, None], cv2.MORPH_OPEN, np.ones((3, 1), np.uint8), borderValue=0)[:, 0]
    crossing = np.flatnonzero(two)
    if crossing.size < 3:
        return 0

    def closed(row: int, beyond: np.ndarray) -> bool:
        line = grid[row]
        filled = np.flatnonzero(line)
        inner = np.flatnonzero(line[filled[0]: filled[-1] + 1] == 0) + filled[0]
        # The widest stretch of background between the limbs.
        breaks = np.flatnonzero(np.diff(inner) > 1)
        pieces = np.split(inner, breaks + 1)
        gap = max(pieces, key=len)
        low, high = gap[0] + len(gap) // 4, gap[-1] - len(gap) // 4
        return bool(beyond[:, low: high + 1].any())

    first, last = int(crossing[0]), int(crossing[-1])
    return int(closed(last, grid[last + 1:])) - int(closed(first, grid[:first]))


def _prepare(labels: np.ndarray, capillary) -> _Loop | None:
    x0, y0, x1, y1 = capillary.bbox
    crop = np.pad((labels[y0:y1, x0:x1] == capillary.id).astype(np.uint8), 1)
    ys, xs = np.nonzero(crop)
    if xs.size < 3:
        return None
    points = np.column_stack([xs, ys]).astype(np.float64)
    centre = points.mean(axis=0)
    ridge_points, diameters, major, coherence = _centre_line(crop)
    rel = points - centre
    s = rel @ major
    t = rel @ np.array([-major[1], major[0]])
    vote = _closed_end_vote(s, t)
    return _Loop(capillary.id, np.array([x0 - 1.0, y0 - 1.0]), points, centre, major, coherence, vote, ridge_points, diameters)


def _edge_allowance(across: np.ndarray) -> float:
    """What the pixels at both ends add to the extent of their centres measured across
    ``across`` (a unit vector): 1 along the image's axes, 0.5 on the diagonal."""
    return 0.5 + 0.5 * abs(float(across[0] ** 2 - across[1] ** 2))


def _median(values: np.ndarray) -> float | None:
    return float(np.median(values)) if values.size else None


def _measure(loop: _Loop, direction: np.ndarray, distal: bool = False) -> LoopMeasures:
    """The measures of a prepared loop whose apex points along ``direction`` (unless the loop's
    own shape says otherwise)."""
    axis = loop.major.copy()
    along = float(axis @ direction)
    if loop.coherence < MIN_COHERENCE:
        axis = direction.copy()
    elif abs(along) < 0.4 and loop.vote:
        axis = axis * loop.vote  # a loop lying across the row: its own shape decides
    elif along < 0:
        axis = -axis
    normal = np.array([-axis[1], axis[0]])
    rel = loop.points - loop.centre
    s = rel @ axis
    t = rel @ normal
    s_tip, s_base = float(s.max()), float(s.min())
    # The apex is round: its outermost pixel centre lies almost on the edge; the open end adds half a pixel.
    length = s_tip - s_base + 0.5
    bins = np.round(s).astype(np.int64)
    # Outer width: lateral extent of each one-pixel slice across the axis, at its widest.
    order = np.argsort(bins, kind="stable")
    b_sorted, t_sorted = bins[order], t[order]
    starts = np.flatnonzero(np.r_[True, b_sorted[1:] != b_sorted[:-1]])
    # Pixel centres reach to within half a pixel of the edge along the image's axes, nearer on
    # a slant: what a pixel adds to an extent, from 1 (axis along x or y) to 0.5 (diagonal).
    edge = _edge_allowance(axis)
    widest = np.maximum.reduceat(t_sorted, starts) - np.minimum.reduceat(t_sorted, starts)
    if widest.size >= 5:  # a running median of 5 slices: the pixel grid's jitter is not a loop's width
        windows = np.lib.stride_tricks.sliding_window_view(np.pad(widest, 2, mode="edge"), 5)
        widest = np.median(windows, axis=1)
    loop_width = float(widest.max()) + edge
    t_mid = float((t.max() + t.min()) / 2.0)
    # Centre line in the loop's frame.
    r_rel = loop.ridge_points - loop.centre
    rs, rt = r_rel @ axis, r_rel @ normal
    diameters = loop.ridge_diameters
    apex_zone = (rs >= s_tip - max(loop_width / 2.0, 2.0)) & (np.abs(rt - t_mid) <= max(loop_width / 4.0, 1.0))
    apex_width = _median(diameters[apex_zone])
    if apex_width is None:
        apex_width = float(diameters.max()) if diameters.size else 1.0
    limb_zone = rs < s_tip - loop_width / 2.0
    limb_a = _median(diameters[limb_zone & (rt < t_mid)])
    limb_b = _median(diameters[limb_zone & (rt > t_mid)])
    limbs = sorted(w for w in (limb_a, limb_b) if w is not None)
    arterial = limbs[0] if len(limbs) == 2 else (limbs[0] if limbs else None)
    venous = limbs[1] if len(limbs) == 2 else None
    widest_vessel = max([apex_width, *limbs])
    tip = loop.points[s >= s_tip - 0.5].mean(axis=0) + loop.origin
    return LoopMeasures(
        id=loop.id, loop_width_px=loop_width, apex_width_px=float(apex_width), arterial_width_px=arterial,
        venous_width_px=venous, max_vessel_width_px=float(widest_vessel), length_px=float(length),
        apex=(float(tip[0]), float(tip[1])), distal=distal, axis=(float(axis[0]), float(axis[1])),
    )


def _apex_direction(loops: Sequence[_Loop]) -> str:
    """Where the apices point ("top", "bottom", "left", "right"): the row runs along the
    loops' usual orientation's normal; the closed ends' votes give the side."""
    if not loops:
        return DEFAULT_DIRECTION
    # The loops' usual orientation (doubled angles: an axis has no sign).
    weights = np.array([loop.coherence for loop in loops])
    angles = np.array([np.arctan2(loop.major[1], loop.major[0]) for loop in loops])
    cos2, sin2 = float(np.sum(weights * np.cos(2 * angles))), float(np.sum(weights * np.sin(2 * angles)))
    vertical = cos2 <= 0 or (cos2 == 0 and sin2 == 0)
    component = 1 if vertical else 0
    vote = sum(loop.vote * np.sign(loop.major[component]) for loop in loops)
    if vote == 0:
        return DEFAULT_DIRECTION if vertical else "right"
    if vertical:
        return "bottom" if vote > 0 else "top"
    return "right" if vote > 0 else "left"


@dataclass(frozen=True)
class DistalRow:
    """The distal row: ``ids`` of its loops; ``direction`` where the apices (and the nail) are
    ("top", "bottom", "left", "right"); ``line``: the apex line as (x, y) points along the row,
    for drawing."""

    ids: frozenset[int]
    direction: str
    line: tuple[tuple[float, float], ...]

    @property
    def along_x(self) -> bool:
        """Whether the row runs along the image's x axis (the nail at the top or bottom)."""
        return self.direction in ("top", "bottom")


def _row_frame(direction: str) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors: towards the apices (depth), and along the row."""
    depth = np.array(DIRECTIONS.get(direction, DIRECTIONS[DEFAULT_DIRECTION]))
    along = np.array([1.0, 0.0]) if direction in ("top", "bottom") else np.array([0.0, 1.0])
    return depth, along


def _direction_of(measures: Sequence[LoopMeasures]) -> str:
    if not measures:
        return DEFAULT_DIRECTION
    total = np.sum([m.axis for m in measures], axis=0)
    if abs(total[1]) >= abs(total[0]):
        return "bottom" if total[1] >= 0 else "top"
    return "right" if total[0] > 0 else "left"


def distal_row(measures: Sequence[LoopMeasures], image_shape: Sequence[int] | None = None,
               direction: str | None = None) -> DistalRow:
    """Which loops are in the distal (outermost) row; see the module's docstring. ``direction``
    defaults to the one the loops' axes agree on."""
    direction = direction or _direction_of(measures)
    if not measures:
        return DistalRow(frozenset(), direction, ())
    depth_axis, along_axis = _row_frame(direction)
    apices = np.array([m.apex for m in measures])
    depth = apices @ depth_axis
    along = apices @ along_axis
    window = ROW_WINDOW_LOOPS * float(np.median([m.loop_width_px for m in measures]))
    tolerance = ROW_DEPTH_FRACTION * float(np.median([m.length_px for m in measures]))
    # The outermost apex within the window on either side of each loop (sorted along the row:
    # each window is a slice, so a scan with thousands of loops needs no n x n table).
    order = np.argsort(along, kind="stable")
    sorted_along, sorted_depth = along[order], depth[order]
    lows = np.searchsorted(sorted_along, sorted_along - window, side="left")
    highs = np.searchsorted(sorted_along, sorted_along + window, side="right")
    outermost = np.empty(len(measures))
    outermost[order] = [sorted_depth[low:high].max() for low, high in zip(lows.tolist(), highs.tolist())]
    distal = depth >= outermost - tolerance
    ids = frozenset(m.id for m, d in zip(measures, distal) if d)
    line = []
    for index in order.tolist():
        if distal[index]:
            point = along[index] * along_axis + outermost[index] * depth_axis
            if image_shape is not None:
                height, width = image_shape[:2]
                point = np.clip(point, 0, [width - 1, height - 1])
            line.append((float(point[0]), float(point[1])))
    return DistalRow(ids, direction, tuple(line))


def measure_loops(labels: np.ndarray, capillaries: Iterable, direction: str | None = None) -> tuple[LoopMeasures, ...]:
    """The measures of each capillary of ``labels`` (``labels == capillary.id``), in the
    capillaries' order, with the distal row marked. ``direction``: where the apices point, when
    known; by default found from the loops' shapes."""
    prepared = [loop for loop in (_prepare(labels, c) for c in capillaries) if loop is not None]
    direction = direction or _apex_direction(prepared)
    vector = np.array(DIRECTIONS[direction])
    measures = [_measure(loop, vector) for loop in prepared]
    row = distal_row(measures, labels.shape, direction)
    return tuple(
        LoopMeasures(**{**m.__dict__, "distal": m.id in row.ids}) for m in measures
    )


def density_per_mm(measures: Sequence[LoopMeasures], width_px: float, um_per_px: float | None,
                   window: tuple[float, float] | None = None, direction: str | None = None) -> float | None:
    """Distal-row loops per millimetre over the analysed length: ``width_px`` (the image's
    length along the row), or ``window`` = (start, end) along the row in image pixels (x for a
    row along the image's width), counting the loops whose apex lies in it. ``None`` without a
    scale or a length."""
    if not um_per_px or not np.isfinite(um_per_px) or um_per_px <= 0:
        return None
    direction = direction or _direction_of(measures)
    _, along_axis = _row_frame(direction)
    distal = [m for m in measures if m.distal]
    if window is not None:
        start, end = sorted((float(window[0]), float(window[1])))
        length_px = end - start
        distal = [m for m in distal if start <= float(np.dot(m.apex, along_axis)) < end]
    else:
        length_px = float(width_px)
    length_mm = length_px * um_per_px / 1000.0
    if not np.isfinite(length_mm) or length_mm <= 0:
        return None
    density = len(distal) / length_mm
    return float(density) if np.isfinite(density) else None


def density_flag(density: float | None) -> str:
    """"reduced" below ``REDUCED_DENSITY_PER_MM``, "normal" otherwise, "" without a density."""
    if density is None:
        return ""
    return DENSITY_REDUCED if density < REDUCED_DENSITY_PER_MM else DENSITY_NORMAL


def window_of_mm(centre_px: float, um_per_px: float, mm: float = 1.0) -> tuple[float, float]:
    """A window of ``mm`` millimetres centred on ``centre_px`` along the row."""
    half = mm * 1000.0 / um_per_px / 2.0
    return (centre_px - half, centre_px + half)
