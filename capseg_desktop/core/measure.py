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

**The distal row** (``distal_row``): the loops' apices point towards the nail, at any angle:
the row may run across the image, up it or diagonally. The steps:

1. *Dashes are left out.* A blob shorter than ``DASH_FRACTION`` of a typical loop (a deeper
   capillary seen end-on, a speck) neither sets the direction nor shapes the line nor counts.
   The typical loop length is the median of the loops not much shorter than the longest few,
   so that hundreds of dashes cannot shrink it.
2. *The apex direction*, a unit vector: the loops' usual axis (their axes as doubled angles,
   each weighted by its size: an axis has no sign), signed by the closed ends' votes (a loop
   votes when its open end and closed end can be told apart: past the last row across both
   limbs, the closed end still has vessel across the gap between them, the open end does not).
   With no vote the apices are taken to point down, as in the reference images (right when
   the loops lie level).
3. *The row.* Each apex is placed in the row's frame: *along* the row and *depth* towards the
   apices. A loop is behind the row when a loop within ``ROW_WINDOW_LOOPS`` median loop widths
   on either side has its apex more than ``ROW_DEPTH_FRACTION`` of a typical loop length
   further out, or when it sits in a gap of the row and lies more than ``ROW_GAP_DEPTH`` loop
   lengths behind the straight line that bridges the gap (from the outermost of the row's
   loops on each side, up to ``ROW_BRIDGE_LOOPS`` widths away), or, where a slanted row has
   left the picture, more than half a loop length behind the row's level: a deeper row seen
   through the gap or past the row's end. The other loops are the distal row.
4. *The slant.* Loops lean: the row runs where its apices run. The median slope between pairs
   of the distal apices (one loop out of line does not tilt it) turns the frame square to the
   row, on the side the loops point to, and step 3 is done again in that frame.
5. *The apex line*, drawn dashed: at each distal loop, the outermost distal apex within
   ``ROW_WINDOW_LOOPS`` widths, averaged over as many, joined by straight lines. It bridges a
   gap instead of zig-zagging into the deeper rows.

``DistalRow.angle_deg`` is where the apices point (degrees from the image's x axis towards
its y axis: 0 right, 90 down, 180 left, 270 up; the JSON's ``apex_angle_deg``);
``DistalRow.direction`` the nearest of "top", "bottom", "left", "right" (``apex_direction``).
Rotating an image turns the row with it: the 25 reference strips, their label images turned
by 30 to 270 degrees, keep their distal count within one (``tests/core/test_distal_row_angle.py``).

**Density** (``density_per_mm``): the number of distal-row loops per millimetre of the row:
over the row's length inside the image (``DistalRow.length_px``: from the first distal apex to
the last along the row, and on from each to the image's edge; the image's width for a level
row, its height for an upright one, the line's length across the picture for a slanted one),
or inside a window: a band across the image's axis the row runs along (x for a row across the
image), whose length of row is its width over the cosine of the row's slant
(``DistalRow.along_cos``); ``window_of_mm`` makes a band that holds 1 mm of the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import cv2
import numpy as np

from .i18n import format_float, translate
from . import shape as shaping
from .shape import ShapeMeasures

#: Below this density (distal loops per mm) the density is reduced (EULAR: normal about 7-12).
REDUCED_DENSITY_PER_MM = 7.0
#: A loop is behind the row when a loop within this many median loop widths on either side has
#: its apex more than ``ROW_DEPTH_FRACTION`` of the typical loop length further out; the apex
#: line is smoothed over as many widths.
ROW_WINDOW_LOOPS = 2.0
#: A loop is distal when its apex is within this fraction of the typical loop length of the line.
ROW_DEPTH_FRACTION = 0.5
#: A gap in the row is bridged from the row's loops up to this many median loop widths away ...
ROW_BRIDGE_LOOPS = 6.0
#: ... and a loop in the gap is behind the row when it lies this many typical loop lengths behind.
ROW_GAP_DEPTH = 0.75
#: Blobs shorter than this fraction of the typical loop length are dashes (deeper capillaries
#: seen end-on): they neither shape the apex line nor count in the distal row.
DASH_FRACTION = 0.3
#: A loop whose vessel has no usual direction (less than this much runs one way) takes the
#: image's apex direction as its axis.
MIN_COHERENCE = 0.15
#: The apex direction when no loop tells its open end from its closed end.
DEFAULT_DIRECTION = "bottom"
DIRECTIONS = {"top": (0.0, -1.0), "bottom": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}

FLAG_NORMAL, FLAG_DILATED, FLAG_GIANT, FLAG_NONE = "normal", "dilated", "giant", ""
#: Who set a loop's flags, as the JSON and the CSV say it ("flags_by").
FLAGS_BY_CLINICIAN, FLAGS_BY_AUTOMATIC = "clinician", "automatic"
DENSITY_NORMAL, DENSITY_REDUCED = "normal", "reduced"
# The words this module writes into machine files (the capillary CSV's flag, the JSON's density
# flag): English in every language, like the files' keys.
TEXT = {
    "not_assessed": "not assessed (no scale)",
    "blurred": "not assessed (blurred)",
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
    #: The focus measure (``core.focus``): the width of the vessel's edges at the model's scale,
    #: in pixels (``None`` when not measured); ``blurred`` when it is too wide to trust widths.
    edge_width_px: float | None = None
    blurred: bool = False
    #: The loop's shape as its mask and centre line show it (``core.shape``); ``None`` when not
    #: measured. ``shape`` reads it, "not assessable" for a blurred loop.
    shape_measures: ShapeMeasures | None = None
    #: What the clinician said instead of the automatic flags (``core.overrides``): a size flag
    #: ("normal", "dilated", "giant") and a shape label; "" where they left the automatic one.
    clinician_flag: str = ""
    clinician_shape: str = ""

    @property
    def shape(self) -> str:
        """"hairpin", "tortuous", "crossing", "ramified" or "not assessable" (``core.shape``);
        "" when not measured. The clinician's label when they gave one."""
        return self.clinician_shape or self.automatic_shape

    @property
    def automatic_shape(self) -> str:
        """The shape as the mask and centre line show it, whatever the clinician said."""
        if self.blurred:
            return shaping.NOT_ASSESSABLE
        return self.shape_measures.label if self.shape_measures is not None else ""

    @property
    def by_clinician(self) -> bool:
        """Whether the clinician set this loop's flag or shape themselves."""
        return bool(self.clinician_flag or self.clinician_shape)

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
        """The clinician's flag when they gave one (with or without a scale), else
        :meth:`automatic_flag`."""
        return self.clinician_flag or self.automatic_flag(um_per_px, thresholds)

    def automatic_flag(self, um_per_px: float | None, thresholds: Thresholds = Thresholds()) -> str:
        """"giant" (>= giant_um), "dilated" (>= dilated_um), "normal", or "" without a scale
        (not assessed: a width in pixels says nothing clinical) and for a blurred loop (its
        edges are spread by defocus: its widths are not to be trusted)."""
        width = self.vessel_um(um_per_px)
        if width is None or self.blurred:
            return FLAG_NONE
        if width >= thresholds.giant_um:
            return FLAG_GIANT
        if width >= thresholds.dilated_um:
            return FLAG_DILATED
        return FLAG_NORMAL

    def flag_text(self, um_per_px: float | None, thresholds: Thresholds = Thresholds()) -> str:
        if self.clinician_flag:
            return self.clinician_flag
        if self.blurred:
            return TEXT["blurred"]
        return self.flag(um_per_px, thresholds) or TEXT["not_assessed"]

    def to_dict(self, um_per_px: float | None = None, thresholds: Thresholds = Thresholds()) -> dict[str, Any]:
        """Pixels always; µm and the flag only with a scale (else "not assessed (no scale)")."""
        data: dict[str, Any] = {
            "id": self.id,
            **self.in_px(),
            "apex_px": [round(self.apex[0], 1), round(self.apex[1], 1)],
            "distal": bool(self.distal),
            "row": "distal" if self.distal else "deeper",
            "edge_width_px": _px(self.edge_width_px),
            "blurred": bool(self.blurred),
        }
        if self.shape:
            data["shape"] = self.shape
            measured = self.shape_measures.to_dict() if self.shape_measures is not None else {}
            if self.blurred:
                measured["not_assessable_because"] = "blurred"
            data["shape_measures"] = measured
        if um_per_px:
            data.update(self.in_um(um_per_px))
        data["flag"] = self.flag_text(um_per_px, thresholds)
        data["flags_by"] = FLAGS_BY_CLINICIAN if self.by_clinician else FLAGS_BY_AUTOMATIC
        if self.by_clinician:  # what the measures said, kept beside what the clinician said
            data["clinician_set"] = [name for name, value in (("flag", self.clinician_flag), ("shape", self.clinician_shape)) if value]
            data["automatic_flag"] = self.automatic_flag(um_per_px, thresholds) or (
                TEXT["blurred"] if self.blurred else TEXT["not_assessed"])
            data["automatic_shape"] = self.automatic_shape
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
    extent: float  # the loop's extent along its axis (pixel centres)
    crop: np.ndarray | None = None  # the loop's mask (uint8 0/1) with a one-pixel border


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
    return _Loop(capillary.id, np.array([x0 - 1.0, y0 - 1.0]), points, centre, major, coherence, vote, ridge_points,
                 diameters, float(s.max() - s.min()), crop)


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


def _with_shapes(measures: list[LoopMeasures], loops: Sequence[_Loop], image_shape: Sequence[int]) -> list[LoopMeasures]:
    """``measures`` with each loop's shape (``core.shape``), judged on its limbs' typical
    diameter. The image's edge cuts a loop's closed end when its apex lies within a vessel
    width of the edge (limbs cut by the edge are usual: the picture ends before they do)."""
    height, width = image_shape[:2]
    outlines = []
    for m, loop in zip(measures, loops):
        limbs = [w for w in (m.arterial_width_px, m.venous_width_px) if w is not None]
        vessel = float(np.median(limbs)) if limbs else m.apex_width_px
        x, y = m.apex
        at_edge = min(x + 0.5, y + 0.5, width - 0.5 - x, height - 0.5 - y) < max(vessel, 2.0)
        crop = loop.crop if loop.crop is not None else np.zeros((3, 3), np.uint8)
        outlines.append(shaping.LoopOutline(crop, m.axis, vessel, m.loop_width_px, m.length_px, at_edge, m.max_vessel_width_px))
    shapes = shaping.loop_shapes(outlines)
    return [LoopMeasures(**{**m.__dict__, "shape_measures": found}) for m, found in zip(measures, shapes)]


def _typical_length(lengths: np.ndarray) -> float:
    """The length of a typical loop, which many short dashes (deeper capillaries seen end-on)
    cannot shrink: the median of the lengths that are not much shorter (``DASH_FRACTION``)
    than one of the longest (the k-th longest, k a quarter of the loops, at most 5)."""
    if lengths.size == 0:
        return 0.0
    longest = np.sort(lengths)[::-1]
    top = float(longest[min(5, max(1, int(np.ceil(lengths.size / 4.0)))) - 1])
    return float(np.median(lengths[lengths >= DASH_FRACTION * top]))


def _not_dashes(lengths: np.ndarray) -> np.ndarray:
    """Which loops are loops and not dashes: at least ``DASH_FRACTION`` of the typical length."""
    return lengths >= DASH_FRACTION * _typical_length(lengths)


def _main_axis(axes: np.ndarray, weights: np.ndarray) -> np.ndarray | None:
    """The weighted mean orientation of unit vectors as doubled angles (an axis has no sign):
    a unit vector, or ``None`` when they agree on none."""
    angles = 2.0 * np.arctan2(axes[:, 1], axes[:, 0])
    cos2, sin2 = float(np.sum(weights * np.cos(angles))), float(np.sum(weights * np.sin(angles)))
    if np.hypot(cos2, sin2) <= 1e-9 * max(float(weights.sum()), 1e-9):
        return None
    angle = np.arctan2(sin2, cos2) / 2.0
    return np.array([np.cos(angle), np.sin(angle)])


def _default_sign(axis: np.ndarray) -> np.ndarray:
    """With no vote: apices down, as in the reference images (right for a level axis)."""
    component = 1 if abs(axis[1]) >= abs(axis[0]) else 0
    return axis if axis[component] > 0 else -axis


def _apex_vector(loops: Sequence[_Loop]) -> np.ndarray:
    """Where the apices point, as a unit vector (x, y) at any angle: the loops' usual axis
    (dashes left out, each loop weighted by its size and how straight its vessel runs), signed
    by the closed ends' votes."""
    if not loops:
        return np.array(DIRECTIONS[DEFAULT_DIRECTION])
    kept = [loop for loop, keep in zip(loops, _not_dashes(np.array([loop.extent for loop in loops]))) if keep]
    axes = np.array([loop.major for loop in kept])
    axis = _main_axis(axes, np.array([loop.coherence * len(loop.points) for loop in kept]))
    if axis is None:
        return np.array(DIRECTIONS[DEFAULT_DIRECTION])
    vote = float(sum(loop.vote * float(loop.major @ axis) for loop in loops))
    if abs(vote) < 1e-9:
        return _default_sign(axis)
    return axis if vote > 0 else -axis


def _coarse(vector: np.ndarray) -> str:
    """The nearest of "top", "bottom", "left", "right" (up and down on a tie)."""
    if abs(vector[1]) >= abs(vector[0]):
        return "bottom" if vector[1] >= 0 else "top"
    return "right" if vector[0] > 0 else "left"


@dataclass(frozen=True)
class DistalRow:
    """The distal row: ``ids`` of its loops; ``direction`` the nearest of "top", "bottom",
    "left", "right" to where the apices (and the nail) are, and ``angle_deg`` exactly where
    (degrees from the image's x axis towards its y axis: 0 right, 90 down, 180 left, 270 up);
    ``line``: the apex line as (x, y) points along the row, for drawing; ``length_px``: the
    row's length inside the image (``None`` when the image's size was not given)."""

    ids: frozenset[int]
    direction: str
    line: tuple[tuple[float, float], ...]
    angle_deg: float = 90.0
    length_px: float | None = None

    @property
    def along_x(self) -> bool:
        """Whether the row runs more along the image's x axis than its y axis (the nail at the
        top or bottom)."""
        return self.direction in ("top", "bottom")

    @property
    def apex_vector(self) -> np.ndarray:
        """Unit vector (x, y) towards the apices."""
        angle = np.deg2rad(self.angle_deg)
        return np.array([np.cos(angle), np.sin(angle)])

    @property
    def along_vector(self) -> np.ndarray:
        """Unit vector (x, y) along the row: towards +x for a row along x, +y for one along y."""
        return _along(self.apex_vector, self.direction)

    @property
    def along_cos(self) -> float:
        """How much of the row's length a band across the image's x (or y) axis sees: 1 for a
        level (or upright) row, cos 30° for one 30° off. A band ``w`` pixels wide holds
        ``w / along_cos`` pixels of the row."""
        along = self.along_vector
        return max(abs(float(along[0] if self.along_x else along[1])), 1e-6)


def _along(apex: np.ndarray, direction: str) -> np.ndarray:
    along = np.array([-apex[1], apex[0]])
    component = 0 if direction in ("top", "bottom") else 1
    return along if along[component] >= 0 else -along


def _angle_of(vector: np.ndarray) -> float:
    return float(np.rad2deg(np.arctan2(vector[1], vector[0])) % 360.0)


def _direction_vector(direction: str | float | None, measures: Sequence[LoopMeasures]) -> np.ndarray:
    """The apex direction as a unit vector: as given (a word or an angle in degrees), else the
    one the loops' axes agree on (dashes left out, longer loops weighing more)."""
    if isinstance(direction, str) and direction:
        return np.array(DIRECTIONS.get(direction, DIRECTIONS[DEFAULT_DIRECTION]))
    if direction is not None and not isinstance(direction, str) and np.isfinite(direction):
        angle = np.deg2rad(float(direction))
        return np.array([np.cos(angle), np.sin(angle)])
    if not measures:
        return np.array(DIRECTIONS[DEFAULT_DIRECTION])
    lengths = np.array([m.length_px for m in measures])
    keep = _not_dashes(lengths)
    axes = np.array([m.axis for m in measures])[keep]
    axis = _main_axis(axes, lengths[keep])
    if axis is None:
        return np.array(DIRECTIONS[DEFAULT_DIRECTION])
    side = float(np.sum(lengths[keep] * (axes @ axis)))
    if abs(side) < 1e-9:
        return _default_sign(axis)
    return axis if side > 0 else -axis


def _windowed(along: np.ndarray, values: np.ndarray, half: float, reduce) -> np.ndarray:
    """``reduce`` (on a sorted-along slice) of the values within ``half`` pixels along the row
    of each one; ``along`` sorted. Each window is a slice: thousands of loops need no n x n table."""
    lows = np.searchsorted(along, along - half, side="left")
    highs = np.searchsorted(along, along + half, side="right")
    return np.array([reduce(values[low:high]) for low, high in zip(lows.tolist(), highs.tolist())], dtype=np.float64)


def _row_level(along: np.ndarray, depth: np.ndarray, width: float, length: float) -> tuple[np.ndarray, np.ndarray]:
    """The outermost row of the loops at (``along``, ``depth``), sorted along the row, ``width``
    and ``length`` a typical loop's: which loops are in it, and the apex line's depth at each loop.

    A loop is behind the row when a loop within ``ROW_WINDOW_LOOPS`` loop widths on either side
    lies more than ``ROW_DEPTH_FRACTION`` of a loop length further out, or when it sits in a gap
    of the row: the straight line between the outermost of the row's other loops on its left
    and on its right (beyond that window, up to ``ROW_BRIDGE_LOOPS`` widths away) passes more
    than ``ROW_GAP_DEPTH`` loop lengths further out (a deeper row seen where the first row has
    lost a few loops). The apex line is the outermost apex of the row within
    ``ROW_WINDOW_LOOPS`` widths, averaged over as many, joined by straight lines: it bridges a
    gap instead of dropping into the deeper rows."""
    tolerance = ROW_DEPTH_FRACTION * length
    flat = ROW_WINDOW_LOOPS * width
    reach = ROW_BRIDGE_LOOPS * width
    candidates = depth >= _windowed(along, depth, flat, np.max) - tolerance
    c_along, c_depth = along[candidates], depth[candidates]
    lefts = (np.searchsorted(c_along, c_along - reach, side="left"), np.searchsorted(c_along, c_along - flat, side="left"))
    rights = (np.searchsorted(c_along, c_along + flat, side="right"), np.searchsorted(c_along, c_along + reach, side="right"))
    behind = np.zeros(c_along.size, bool)
    for index in range(c_along.size):
        (low, high), (start, end) = (lefts[0][index], lefts[1][index]), (rights[0][index], rights[1][index])
        if low >= high or start >= end:
            continue
        left = low + int(np.argmax(c_depth[low:high]))
        right = start + int(np.argmax(c_depth[start:end]))
        share = (c_along[index] - c_along[left]) / max(c_along[right] - c_along[left], 1e-9)
        bridge = c_depth[left] + share * (c_depth[right] - c_depth[left])
        behind[index] = c_depth[index] < bridge - ROW_GAP_DEPTH * length
    in_row = candidates.copy()
    in_row[np.flatnonzero(candidates)[behind]] = False
    r_along, r_depth = along[in_row], depth[in_row]
    if r_along.size == 0:
        return in_row, depth.copy()
    level = _windowed(r_along, _windowed(r_along, r_depth, flat, np.max), flat, np.mean)
    return in_row, np.interp(along, r_along, level)


def _reach(point: np.ndarray, step: np.ndarray, image_shape: Sequence[int]) -> float:
    """How far from ``point`` (inside the image) along the unit vector ``step`` the image's
    edge lies (its pixels' outer edges)."""
    reach = np.inf
    for origin, move, size in ((point[0], step[0], float(image_shape[1])), (point[1], step[1], float(image_shape[0]))):
        if move > 1e-12:
            reach = min(reach, (size - origin) / move)
        elif move < -1e-12:
            reach = min(reach, -origin / move)
    return float(max(reach, 0.0))


def _theil_sen_slope(x: np.ndarray, y: np.ndarray) -> float:
    """The median slope between pairs of points (one loop out of line does not tilt it)."""
    if x.size > 200:  # enough pairs: every k-th point
        keep = np.linspace(0, x.size - 1, 200).astype(np.int64)
        x, y = x[keep], y[keep]
    i, j = np.triu_indices(x.size, k=1)
    dx = x[j] - x[i]
    usable = np.abs(dx) > 1e-9
    return float(np.median((y[j] - y[i])[usable] / dx[usable])) if usable.any() else 0.0


@dataclass(frozen=True)
class _Found:
    apex: np.ndarray
    coarse: str
    along: np.ndarray
    distal: np.ndarray
    drawn: np.ndarray
    line_depth: np.ndarray


def _find_row(apices: np.ndarray, loops: np.ndarray, width: float, length: float, apex: np.ndarray,
              image_shape: Sequence[int] | None) -> _Found:
    """The distal row with the apices pointing along ``apex``: see ``_row_level``; ``loops``:
    which apices are loops (not dashes)."""
    coarse = _coarse(apex)
    along_axis = _along(apex, coarse)
    depth = apices @ apex
    along = apices @ along_axis
    kept = np.flatnonzero(loops)
    order = kept[np.argsort(along[kept], kind="stable")]
    in_row, line = _row_level(along[order], depth[order], width, length)
    if image_shape is not None and in_row.any():
        # Where the row has left the picture (a slanted row cut by its edge), the loops seen
        # are a deeper row's: more than the tolerance behind the row's level, with that level
        # outside the picture there.
        level = float(np.median(depth[order][in_row]))
        where = along[order, None] * along_axis + level * apex
        height, width_px = image_shape[:2]
        outside = (where[:, 0] < 0) | (where[:, 1] < 0) | (where[:, 0] > width_px) | (where[:, 1] > height)
        in_row &= ~(outside & (depth[order] < level - ROW_DEPTH_FRACTION * length))
    distal = np.zeros(len(apices), bool)
    distal[order[in_row]] = True
    line_depth = np.zeros(len(apices))
    line_depth[order] = line
    return _Found(apex, coarse, along_axis, distal, order[in_row], line_depth)


def distal_row(measures: Sequence[LoopMeasures], image_shape: Sequence[int] | None = None,
               direction: str | float | None = None) -> DistalRow:
    """Which loops are in the distal (outermost) row; see the module's docstring. ``direction``
    (a word or an angle in degrees) is where the apices point; by default the loops' axes give
    a first guess and the row's own slant the final one."""
    apex = _direction_vector(direction, measures)
    if not measures:
        coarse = _coarse(apex)
        length = None if image_shape is None else float(image_shape[1] if coarse in ("top", "bottom") else image_shape[0])
        return DistalRow(frozenset(), coarse, (), _angle_of(apex), length)
    apices = np.array([m.apex for m in measures])
    lengths = np.array([m.length_px for m in measures])
    loops = _not_dashes(lengths)
    width = float(np.median([m.loop_width_px for m, keep in zip(measures, loops) if keep]))
    length = _typical_length(lengths)
    found = _find_row(apices, loops, width, length, apex, image_shape)
    if direction is None and found.distal.sum() >= 3:
        # The loops may lean: the row runs where its apices run (square to it, on the side the
        # loops point to), found again in that frame.
        row = apices[found.distal]
        slope = float(np.clip(_theil_sen_slope(row @ found.along, row @ found.apex), -1.0, 1.0))
        turned = found.apex - slope * found.along
        found = _find_row(apices, loops, width, length, turned / np.linalg.norm(turned), image_shape)
    points = apices[found.drawn] @ np.outer(found.along, found.along) + found.line_depth[found.drawn, None] * found.apex
    length = None
    if image_shape is not None:
        height, image_width = image_shape[:2]
        points = np.clip(points, 0, [image_width - 1, height - 1])
        # From the first distal apex to the last, and on from each to the image's edge.
        ends = apices[found.drawn[[0, -1]]] if found.drawn.size else np.array([[image_width / 2.0, height / 2.0]] * 2)
        length = float((ends[1] - ends[0]) @ found.along) + _reach(ends[0], -found.along, image_shape) \
            + _reach(ends[1], found.along, image_shape)
    ids = frozenset(m.id for m, d in zip(measures, found.distal) if d)
    return DistalRow(ids, found.coarse, tuple((float(x), float(y)) for x, y in points), _angle_of(found.apex), length)


def measure_loops(labels: np.ndarray, capillaries: Iterable, direction: str | float | None = None) -> tuple[LoopMeasures, ...]:
    """The measures of each capillary of ``labels`` (``labels == capillary.id``), in the
    capillaries' order, with the distal row marked. ``direction``: where the apices point (a
    word or an angle in degrees), when known; by default found from the loops' shapes."""
    prepared = [loop for loop in (_prepare(labels, c) for c in capillaries) if loop is not None]
    vector = _direction_vector(direction, ()) if direction is not None else _apex_vector(prepared)
    measures = _with_shapes([_measure(loop, vector) for loop in prepared], prepared, labels.shape)
    # The row from the measures alone (as a result finds it again from its measures).
    row = distal_row(measures, labels.shape, direction)
    return tuple(
        LoopMeasures(**{**m.__dict__, "distal": m.id in row.ids}) for m in measures
    )


def density_per_mm(measures: Sequence[LoopMeasures], width_px: float, um_per_px: float | None,
                   window: tuple[float, float] | None = None, direction: str | float | None = None,
                   row: DistalRow | None = None) -> float | None:
    """Distal-row loops per millimetre over the analysed length: ``width_px`` (the row's length
    inside the image), or ``window`` = (start, end) across the image's axis the row runs along
    (x for a row along the image's width, y for one along its height), in image pixels,
    counting the loops whose apex lies in it over the row's length inside it. The row
    (``row``, else found from ``measures`` and ``direction``) gives that axis and the slant.
    ``None`` without a scale or a length."""
    if not um_per_px or not np.isfinite(um_per_px) or um_per_px <= 0:
        return None
    distal = [m for m in measures if m.distal]
    if window is not None:
        row = row if row is not None else distal_row(measures, None, direction)
        component = 0 if row.along_x else 1
        start, end = sorted((float(window[0]), float(window[1])))
        length_px = (end - start) / row.along_cos
        distal = [m for m in distal if start <= float(m.apex[component]) < end]
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


def window_of_mm(centre_px: float, um_per_px: float, mm: float = 1.0, row: DistalRow | None = None) -> tuple[float, float]:
    """A window of ``mm`` millimetres of the row centred on ``centre_px``, across the image's
    axis the row runs along (narrower than ``mm`` for a slanted ``row``)."""
    half = mm * 1000.0 / um_per_px / 2.0 * (row.along_cos if row is not None else 1.0)
    return (centre_px - half, centre_px + half)
