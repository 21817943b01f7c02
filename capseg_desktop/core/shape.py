"""Each loop's shape, from its mask and its centre line (NumPy/OpenCV, no Qt).

**The words** are the EULAR Study Group on Microcirculation in Rheumatic Diseases' "simple
capillaroscopic definitions" (Smith V, Beeckman S, Herrick AL, et al. An EULAR study group pilot
study on reliability of simple capillaroscopic definitions to describe capillary morphology in
rheumatic diseases. Rheumatology (Oxford) 2016;55(5):883-890, doi:10.1093/rheumatology/kev441),
kept in the group's consensus on standardisation (Smith V, Herrick AL, Ingegnoli F, et al.
Standardisation of nailfold capillaroscopy for the assessment of patients with Raynaud's
phenomenon and systemic sclerosis. Autoimmun Rev 2020;19(3):102458,
doi:10.1016/j.autrev.2020.102458):

- a *normal* shape is a hairpin, a tortuous loop or a crossing loop (tortuous and crossing
  loops are non-specific: they are seen in healthy people too);
- an *abnormal* shape is "not hairpin, not tortuous and not crossing": ramified ("bushy",
  neoangiogenesis) and bizarre loops. Here ``ramified`` stands for them all;
- *not evaluable* when it cannot be told (here: ``not assessable``).

**How each is measured** here (the measurable definitions and every threshold below are this
tool's choice, not the group's: it gives the words, not numbers). The loop's mask is brought to
a scale where its vessel is about ``THIN_VESSEL_PX`` wide (a loop already that thin is kept as
it is) and thinned to its centre line (Zhang and Suen's thinning, 1984). Then:

- ``crossings``: the holes of the mask (background enclosed by the vessel) of at least
  ``HOLE_MIN_VESSELS2`` squared vessel widths. Limbs that cross close a hole between the
  crossing and the apex: at least one makes the loop **crossing**.
- ``branches``: the centre line's end points beyond the hairpin's own two (its limb ends),
  after the spurs that thinning leaves on a thick or ragged outline are pruned (end branches
  shorter than ``SPUR_VESSELS`` vessel widths). ``RAMIFIED_MIN_BRANCHES`` or more make the
  loop **ramified** (bushy: side branches off the limbs or the apex).
- ``bends``: along each limb (the centre line's rows across both limbs, below the apex), the
  number of times the limb turns back across the loop's axis by at least ``BEND_VESSELS``
  vessel widths; the larger of the two limbs' numbers. ``TORTUOUS_MIN_BENDS`` or more (the
  limb bends one way, then the other: an S or a corkscrew) make the loop **tortuous**. One
  bend per limb is an oval or bulging hairpin, not a tortuous one.
- **not assessable**: a blurred loop (``core.focus``), a loop whose apex the image's edge cuts
  (its apex within a vessel width of the edge; limbs running out of the picture are usual and
  do not count), or one shorter than ``MIN_LENGTH_VESSELS`` times its widest vessel diameter (a
  deeper capillary seen end-on, a speck).

When several apply, the first of ramified, crossing, tortuous wins; none makes a **hairpin**.
Giant and dilated are judged on the widths as before (``core.measure``): a shape is a label, it
never removes a loop from the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from .texts import QT_TRANSLATE_NOOP, Sentences

HAIRPIN, TORTUOUS, CROSSING, RAMIFIED, NOT_ASSESSABLE = "hairpin", "tortuous", "crossing", "ramified", "not assessable"
#: Every label, in the order the legend and the summaries list them.
SHAPES = (HAIRPIN, TORTUOUS, CROSSING, RAMIFIED, NOT_ASSESSABLE)
#: The EULAR "abnormal" shapes (not hairpin, not tortuous, not crossing).
ABNORMAL_SHAPES = (RAMIFIED,)
#: Non-specific shapes: the EULAR definitions call them normal; shown, never counted as abnormal.
NON_SPECIFIC_SHAPES = (TORTUOUS, CROSSING)
#: Each label as a reader sees it (the table, the follow-up comparison), in the user's language;
#: ``WORDS.english(label)`` is the label itself.
WORDS = Sentences("Shape", {
    HAIRPIN: QT_TRANSLATE_NOOP("Shape", "hairpin"),
    TORTUOUS: QT_TRANSLATE_NOOP("Shape", "tortuous"),
    CROSSING: QT_TRANSLATE_NOOP("Shape", "crossing"),
    RAMIFIED: QT_TRANSLATE_NOOP("Shape", "ramified"),
    NOT_ASSESSABLE: QT_TRANSLATE_NOOP("Shape", "not assessable"),
})

#: The vessel width (pixels) a loop is brought down to before thinning: thinning takes one pass
#: per pixel of half-width, so a wide vessel thinned at its own size costs several times more
#: and says nothing more about the shape. This tool's choice.
THIN_VESSEL_PX = 4.0
#: A hole of the mask is a crossing from this many squared vessel widths (a smaller one is a
#: speck of the segmentation inside a wide vessel). This tool's choice.
HOLE_MIN_VESSELS2 = 1.0
#: End branches of the centre line shorter than this many vessel widths are spurs of thinning,
#: not branches of the vessel. This tool's choice.
SPUR_VESSELS = 1.5
#: A loop is ramified with this many end points beyond its two limb ends. This tool's choice.
RAMIFIED_MIN_BRANCHES = 2
#: A limb bends when it turns back across the axis by this many vessel widths. This tool's choice.
BEND_VESSELS = 1.0
#: A loop is tortuous when one of its limbs bends this many times. This tool's choice.
TORTUOUS_MIN_BENDS = 2
#: A loop shorter than this many times its widest vessel diameter along its axis (a blob about as
#: long as it is wide) has no shape to judge. This tool's choice.
MIN_LENGTH_VESSELS = 2.0


@dataclass(frozen=True)
class ShapeMeasures:
    """One loop's shape label and the figures it was judged on (see the module's docstring);
    ``why``: for ``not assessable``, "blurred", "edge" or "small"."""

    label: str
    crossings: int = 0
    branches: int = 0
    bends: int = 0
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"crossings": self.crossings, "branches": self.branches, "bends": self.bends}
        if self.why:
            data["not_assessable_because"] = self.why
        return data


# Zhang-Suen thinning through lookup tables --------------------------------------------------------
# A pixel's 8 neighbours as one byte: N=1, NE=2, E=4, SE=8, S=16, SW=32, W=64, NW=128 (the
# order P2..P9 of Zhang and Suen). cv2.filter2D correlates: the kernel reads as the neighbourhood.
_CODE_KERNEL = np.array([[128, 1, 2], [64, 0, 4], [32, 16, 8]], np.float32)


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    first = np.zeros((1, 256), np.uint8)
    second = np.zeros((1, 256), np.uint8)
    transitions = np.zeros(256, np.uint8)
    for code in range(256):
        p = [(code >> i) & 1 for i in range(8)]
        count = sum(p)
        changes = sum(1 for i in range(8) if p[i] == 0 and p[(i + 1) % 8] == 1)
        transitions[code] = changes
        north, east, south, west = p[0], p[2], p[4], p[6]
        removable = 2 <= count <= 6 and changes == 1
        first[0, code] = removable and north * east * south == 0 and east * south * west == 0
        second[0, code] = removable and north * east * west == 0 and north * south * west == 0
    return first, second, transitions


_FIRST, _SECOND, _TRANSITIONS = _tables()


def _codes(image: np.ndarray) -> np.ndarray:
    return cv2.filter2D(image, -1, _CODE_KERNEL, borderType=cv2.BORDER_CONSTANT)


def thin(mask: np.ndarray) -> np.ndarray:
    """The one-pixel centre line of a binary mask (uint8 0/1), by Zhang and Suen's parallel
    thinning (Commun ACM 1984;27:236-239); connected as the mask is."""
    image = (mask > 0).astype(np.uint8)
    while True:
        changed = False
        for table in (_FIRST, _SECOND):
            remove = cv2.bitwise_and(cv2.LUT(_codes(image), table), image)
            if cv2.countNonZero(remove):
                image = cv2.subtract(image, remove)
                changed = True
        if not changed:
            return image


_STEPS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


def _prune(skeleton: np.ndarray, longest: float) -> np.ndarray:
    """The centre line without its end branches shorter than ``longest`` pixels that end on a
    junction (spurs of thinning)."""
    skeleton = skeleton.copy()
    transitions = _TRANSITIONS[_codes(skeleton)]
    junction = (skeleton > 0) & (transitions >= 3)
    if not junction.any():
        return skeleton
    height, width = skeleton.shape
    ends = np.argwhere((skeleton > 0) & (transitions == 1))
    for y, x in ends:
        path, previous = [(y, x)], None
        here = (int(y), int(x))
        reached = False
        while len(path) <= longest:
            step = None
            for dy, dx in _STEPS:
                ny, nx = here[0] + dy, here[1] + dx
                if 0 <= ny < height and 0 <= nx < width and skeleton[ny, nx] and (ny, nx) != previous and (ny, nx) not in path:
                    if junction[ny, nx]:
                        reached = True
                        break
                    step = (ny, nx)
            if reached or step is None:
                break
            previous, here = here, step
            path.append(here)
        if reached and len(path) < longest:
            for py, px in path:
                skeleton[py, px] = 0
    return skeleton


def _reversals(values: np.ndarray, hysteresis: float) -> int:
    """How many times ``values`` turn back by at least ``hysteresis`` (the first move sets the
    direction and is not counted)."""
    low = high = float(values[0]) if values.size else 0.0
    direction, count = 0, 0
    for value in values[1:].tolist():
        if direction == 0:
            low, high = min(low, value), max(high, value)
            if value - low >= hysteresis:
                direction, high = 1, value
            elif high - value >= hysteresis:
                direction, low = -1, value
        elif direction > 0:
            if value > high:
                high = value
            elif high - value >= hysteresis:
                direction, low, count = -1, value, count + 1
        elif value < low:
            low = value
        elif value - low >= hysteresis:
            direction, high, count = 1, value, count + 1
    return count


def _bends(skeleton: np.ndarray, axis: np.ndarray, loop_width: float, vessel: float) -> int:
    """The larger number of bends of the two limbs (see the module's docstring), at the
    skeleton's scale."""
    ys, xs = np.nonzero(skeleton)
    if xs.size < 6:
        return 0
    normal = np.array([-axis[1], axis[0]])
    s = xs * axis[0] + ys * axis[1]
    t = xs * normal[0] + ys * normal[1]
    rows = np.round(s - s.min()).astype(np.int64)
    tip = int(rows.max())
    limb_rows = rows < tip - max(loop_width / 2.0, 2.0)
    if not limb_rows.any():
        return 0
    rows, t = rows[limb_rows], t[limb_rows]
    order = np.argsort(rows, kind="stable")
    rows, t = rows[order], t[order]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    low = np.minimum.reduceat(t, starts)
    high = np.maximum.reduceat(t, starts)
    both = high - low > vessel  # rows across both limbs
    if both.sum() < 3:
        return 0
    hysteresis = BEND_VESSELS * vessel
    return max(_reversals(low[both], hysteresis), _reversals(high[both], hysteresis))


def _holes(crop: np.ndarray, min_area: float) -> int:
    contours, hierarchy = cv2.findContours(crop, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return 0
    # Children of an outer contour are holes; their contour runs on the vessel's inner edge.
    return sum(1 for contour, (_, _, _, parent) in zip(contours, hierarchy[0]) if parent >= 0
               and cv2.contourArea(contour) >= min_area)


@dataclass(frozen=True)
class LoopOutline:
    """What a loop's shape is judged on: ``crop`` its mask (uint8 0/1, with a background
    border), ``axis`` the unit vector (x, y) towards its apex, ``vessel_px`` its vessel's typical
    diameter (its limbs'), ``loop_width_px`` and ``length_px`` its outer width and length
    (``core.measure``), ``at_edge`` when the image's edge cuts its closed end, ``widest_px`` its
    widest vessel diameter (the apex's or a limb's)."""

    crop: np.ndarray
    axis: tuple[float, float]
    vessel_px: float
    loop_width_px: float
    length_px: float
    at_edge: bool = False
    widest_px: float = 0.0


def loop_shapes(loops: list[LoopOutline] | tuple[LoopOutline, ...]) -> list[ShapeMeasures]:
    """The shape of each loop (see the module's docstring), in their order; a blurred loop is
    the caller's to call not assessable. The loops are thinned together, side by side in one
    picture: thinning is a few whole-picture passes, and one picture of all the loops costs
    little more than one loop."""
    found: list[ShapeMeasures | None] = [None] * len(loops)
    pieces: list[tuple[int, np.ndarray, float, int]] = []  # (index, mask at the thinning scale, factor, holes)
    for index, loop in enumerate(loops):
        vessel = max(float(loop.vessel_px), 1.0)
        if loop.at_edge:
            found[index] = ShapeMeasures(NOT_ASSESSABLE, why="edge")
            continue
        if loop.length_px < MIN_LENGTH_VESSELS * max(vessel, float(loop.widest_px)):
            found[index] = ShapeMeasures(NOT_ASSESSABLE, why="small")
            continue
        crop = np.ascontiguousarray(loop.crop, dtype=np.uint8)
        holes = _holes(crop, HOLE_MIN_VESSELS2 * vessel * vessel)
        factor = min(1.0, THIN_VESSEL_PX / vessel)
        small = crop
        if factor < 1.0:
            size = (max(1, int(round(crop.shape[1] * factor))), max(1, int(round(crop.shape[0] * factor))))
            small = np.pad((cv2.resize(crop.astype(np.float32), size, interpolation=cv2.INTER_AREA) >= 0.5).astype(np.uint8), 1)
        pieces.append((index, small, factor, holes))
    if pieces:
        height = max(piece[1].shape[0] for piece in pieces)
        lefts = np.cumsum([0] + [piece[1].shape[1] for piece in pieces])
        mosaic = np.zeros((height, int(lefts[-1])), np.uint8)
        for (_, small, _, _), left in zip(pieces, lefts[:-1].tolist()):
            mosaic[:small.shape[0], left:left + small.shape[1]] = small
        skeletons = thin(mosaic)
        transitions = _TRANSITIONS[_codes(skeletons)]
        for (index, small, factor, holes), left in zip(pieces, lefts[:-1].tolist()):
            window = (slice(0, small.shape[0]), slice(left, left + small.shape[1]))
            found[index] = _judge(loops[index], skeletons[window], transitions[window], factor, holes)
    return [shape if shape is not None else ShapeMeasures(NOT_ASSESSABLE) for shape in found]


def _judge(loop: LoopOutline, skeleton: np.ndarray, transitions: np.ndarray, factor: float, holes: int) -> ShapeMeasures:
    """One loop's label from its thinned centre line (at the thinning scale, ``factor`` of its own)."""
    vessel = max(float(loop.vessel_px), 1.0) * factor
    on = skeleton > 0
    if (on & (transitions >= 3)).any():  # junctions: prune the spurs, then look again
        skeleton = _prune(skeleton, SPUR_VESSELS * vessel)
        on = skeleton > 0
        transitions = _TRANSITIONS[_codes(skeleton)]
    branches = max(0, int(np.count_nonzero(on & (transitions == 1))) - 2)
    if branches >= RAMIFIED_MIN_BRANCHES:
        return ShapeMeasures(RAMIFIED, holes, branches, 0)
    if holes:
        return ShapeMeasures(CROSSING, holes, branches, 0)
    bends = _bends(skeleton, np.asarray(loop.axis, np.float64), loop.loop_width_px * factor, vessel)
    return ShapeMeasures(TORTUOUS if bends >= TORTUOUS_MIN_BENDS else HAIRPIN, holes, branches, bends)


def loop_shape(crop: np.ndarray, axis: tuple[float, float] | np.ndarray, vessel_px: float, loop_width_px: float,
               length_px: float, at_edge: bool = False) -> ShapeMeasures:
    """The shape of one loop (``loop_shapes`` of one ``LoopOutline``)."""
    return loop_shapes([LoopOutline(crop, (float(axis[0]), float(axis[1])), vessel_px, loop_width_px, length_px, at_edge)])[0]


def shape_counts(labels: list[str] | tuple[str, ...]) -> dict[str, int]:
    """Label -> how many loops have it, every label of ``SHAPES`` present (0 when none)."""
    counts = {shape: 0 for shape in SHAPES}
    for label in labels:
        if label in counts:
            counts[label] += 1
    return counts
