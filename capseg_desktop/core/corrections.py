"""Corrections by hand: an edit log replayed on a counted result, and the sidecar file that
keeps it beside the image (``NAME.capseg.json``).

Edits are recorded in image pixels, not as capillary numbers: numbers change with every
recount, points do not. Replaying the log on a new count therefore keeps each edit where it
still makes sense (a "remove" whose point now lies on background simply no longer applies).

A point ``(x, y)`` names the pixel ``(floor(x), floor(y))``: pixel ``(c, r)`` covers
``[c, c+1) x [r, r+1)``, as in a Qt scene whose image item sits at the origin.

Replaying rules, in log order:

* ``remove``: the capillary under the point is deleted;
* ``add``: the drawn mask becomes a new capillary (only its pixels not already in one);
* ``merge``: the capillaries under the points (at least two different ones) become one;
* ``split``: the capillary the cut line crosses most is cut in two along the straight line;
* ``paint``: the brushed pixels not in another capillary are added to the capillary under the
  point, or form a new capillary when there is no point;
* ``erase``: the brushed pixels go back to background (a capillary erased entirely is gone);
* ``flag``: the clinician's flag or shape for the loop under the point (``core.overrides``);
  it changes no pixel.

The result is renumbered the way counting numbers: left to right by box, then top to bottom.

This module is pure NumPy/OpenCV (no Qt).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

from .atomic import write_bytes_atomic, write_text_atomic
from .counting import Capillary, CountingParams
from .errors import CapSegError, ExportError
from .i18n import translate
from .model import file_sha256
from .overrides import FLAG_KIND, FLAG_VALUES
from .result import EDIT_KINDS, finite_or_none, local_now_iso
from .scale import ScaleInfo
from .texts import Plurals

#: This module's sentences with a count (see ``core.texts.Plurals``).
Edits = Plurals("Edits")

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".capseg.json"
FORMAT = "capseg-corrections"
#: Version 2 added the clinician's flags (``flag`` edits); a sidecar without them is still
#: written as version 1, so that an older CapSeg reads it as before.
FORMAT_VERSION = 2
#: Tests and locked-down machines: a folder for corrections that cannot sit beside their image.
CORRECTIONS_DIR_ENV = "CAPSEG_CORRECTIONS_DIR"
#: Radius of the disk that "add by click" falls back to where the model saw nothing.
FALLBACK_DISK_RADIUS_PX = 6


class CorrectionsError(CapSegError):
    """A corrections file cannot be read or written; ``str(error)`` is one plain sentence."""


class CorrectionsMismatchError(CorrectionsError):
    """A corrections file that belongs to another picture (other name, size or content)."""


# Run-length masks ---------------------------------------------------------------------------
def encode_rle(mask: np.ndarray) -> dict:
    """A boolean H x W mask as ``{"bbox": [x0, y0, x1, y1], "counts": [...]}``: the lengths of
    alternating runs of 0s and 1s over the bbox, row by row, starting with a run of 0s (which
    may be 0 long). x1 and y1 are exclusive. An empty mask is ``bbox [0, 0, 0, 0]``, no counts."""
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim != 2 or not mask.any():
        return {"bbox": [0, 0, 0, 0], "counts": []}
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    y0, y1, x0, x1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    flat = mask[y0:y1, x0:x1].ravel()
    changes = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    bounds = np.concatenate(([0], changes, [flat.size]))
    counts = np.diff(bounds).tolist()
    if flat[0]:
        counts.insert(0, 0)
    return {"bbox": [x0, y0, x1, y1], "counts": [int(c) for c in counts]}


def decode_rle(rle: dict, shape: tuple[int, int]) -> np.ndarray:
    """The boolean H x W mask of :func:`encode_rle`. Raises ``ValueError`` on an RLE that does
    not fit ``shape`` or whose runs do not fill its bbox."""
    mask = np.zeros((int(shape[0]), int(shape[1])), dtype=bool)
    window, inside = rle_window(rle, shape)
    mask[window] = inside
    return mask


def rle_window(rle: dict, shape: tuple[int, int]) -> tuple[tuple[slice, slice], np.ndarray]:
    """The part of an H x W picture an :func:`encode_rle` mask covers (its bbox, as slices) and
    the mask inside it: a capillary or an edit on a large scan touches only its own pixels
    (writing a full-size mask per capillary made a corrected 8000 x 8000 scan take seconds
    per hundred capillaries). Raises ``ValueError`` as :func:`decode_rle`."""
    height, width = int(shape[0]), int(shape[1])
    empty = (slice(0, 0), slice(0, 0)), np.zeros((0, 0), dtype=bool)
    if not isinstance(rle, dict):
        raise ValueError("a mask must be an object with bbox and counts")
    bbox, counts = rle.get("bbox"), rle.get("counts")
    if not isinstance(bbox, list) or len(bbox) != 4 or not isinstance(counts, list):
        raise ValueError("a mask needs a bbox of 4 numbers and a list of counts")
    x0, y0, x1, y1 = (int(v) for v in bbox)
    if x1 <= x0 or y1 <= y0:
        if any(int(c) for c in counts):
            raise ValueError("an empty mask has runs")
        return empty
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
        raise ValueError(f"a mask's bbox {bbox} lies outside the {width} x {height} picture")
    runs = np.asarray(counts, dtype=np.int64)
    if runs.size and runs.min() < 0:
        raise ValueError("a mask has a negative run")
    size = (x1 - x0) * (y1 - y0)
    if int(runs.sum()) != size:
        raise ValueError(f"a mask's runs cover {int(runs.sum())} pixels, its bbox {size}")
    values = np.zeros(runs.size, dtype=bool)
    values[1::2] = True
    return (slice(y0, y1), slice(x0, x1)), np.repeat(values, runs).reshape(y1 - y0, x1 - x0)


# Edits --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    """One correction. ``points`` are image pixels ``(x, y)``: remove -> one point inside the
    capillary; merge -> one point inside each capillary (two or more); split -> the cut line's
    two ends; paint -> the capillary to extend (none: a new capillary); flag -> one point inside
    the loop. ``mask_rle`` (add, paint, erase) is :func:`encode_rle` of the pixels drawn;
    ``value`` (flag) what the clinician said (``core.overrides.FLAG_VALUES``)."""

    kind: str
    time: str = field(default_factory=local_now_iso)
    points: tuple[tuple[float, float], ...] = ()
    mask_rle: dict | None = None
    value: str = ""

    def __post_init__(self) -> None:
        if self.kind not in EDIT_KINDS:
            raise ValueError(f"unknown edit kind {self.kind!r}")
        if (self.kind == FLAG_KIND) != bool(self.value) or (self.value and self.value not in FLAG_VALUES):
            raise ValueError(f"a flag edit needs one of {', '.join(FLAG_VALUES)}, not {self.value!r}")
        object.__setattr__(self, "points", tuple((float(x), float(y)) for x, y in self.points))

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"kind": self.kind, "time": self.time, "points": [[x, y] for x, y in self.points]}
        if self.mask_rle is not None:
            data["mask_rle"] = {"bbox": list(self.mask_rle["bbox"]), "counts": list(self.mask_rle["counts"])}
        if self.value:
            data["value"] = self.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Edit":
        """Raises ``ValueError`` on an entry that is not an edit of this format."""
        if not isinstance(data, dict):
            raise ValueError("an edit must be an object")
        kind = data.get("kind")
        if kind not in EDIT_KINDS:
            raise ValueError(f"unknown edit kind {kind!r}")
        points = data.get("points") or []
        if not isinstance(points, list) or any(not isinstance(p, (list, tuple)) or len(p) != 2 for p in points):
            raise ValueError("an edit's points must be [x, y] pairs")
        coords = tuple((float(x), float(y)) for x, y in points)
        if not all(math.isfinite(v) for point in coords for v in point):
            raise ValueError("an edit's points must be finite numbers")
        mask = data.get("mask_rle")
        if mask is not None and (not isinstance(mask, dict) or "bbox" not in mask or "counts" not in mask):
            raise ValueError("an edit's mask must have a bbox and counts")
        return cls(kind=kind, time=str(data.get("time", "")), points=coords, mask_rle=mask, value=str(data.get("value") or ""))


# Edit geometry: one convention for the window, the replay and the command line. A point is
# (x, y) in image coordinates, pixel (col, row) covering [col, col + 1) x [row, row + 1); an
# array index is (row, col).
def pixel_at(point: tuple[float, float], shape: tuple[int, ...]) -> tuple[int, int] | None:
    """The (row, column) a point names, or ``None`` outside the picture."""
    x, y = point
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    col, row = int(math.floor(x)), int(math.floor(y))
    if 0 <= row < shape[0] and 0 <= col < shape[1]:
        return row, col
    return None


def label_at(labels: np.ndarray, point: tuple[float, float]) -> int:
    """The capillary under a point (0: background or outside)."""
    pixel = pixel_at(point, labels.shape)
    return 0 if pixel is None else int(labels[pixel])


def _segment_pixels(a: tuple[float, float], b: tuple[float, float], shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the pixels along the segment a-b, inside the picture."""
    length = max(abs(b[0] - a[0]), abs(b[1] - a[1]))
    steps = int(math.ceil(length * 2)) + 1
    t = np.linspace(0.0, 1.0, steps)
    xs = np.floor(a[0] + (b[0] - a[0]) * t).astype(np.int64)
    ys = np.floor(a[1] + (b[1] - a[1]) * t).astype(np.int64)
    inside = (xs >= 0) & (ys >= 0) & (xs < shape[1]) & (ys < shape[0])
    return ys[inside], xs[inside]


def split_target(labels: np.ndarray, a: tuple[float, float], b: tuple[float, float]) -> int:
    """The capillary a cut line from ``a`` to ``b`` crosses most (0: none): the one a split cuts."""
    rows, cols = _segment_pixels(a, b, labels.shape)
    crossed = labels[rows, cols]
    crossed = crossed[crossed > 0]
    return int(np.bincount(crossed.astype(np.int64)).argmax()) if crossed.size else 0


def point_inside(labels: np.ndarray, number: int, near: tuple[float, float],
                 bbox: tuple[int, int, int, int] | None = None) -> tuple[float, float]:
    """The pixel of capillary ``number`` nearest ``near`` (its centroid, say), as the point a
    remove, merge or paint edit names it by; ``bbox`` (x0, y0, x1, y1) only narrows the search.
    Raises ``ValueError`` when the capillary has no pixel."""
    x0, y0, x1, y1 = bbox if bbox is not None else (0, 0, labels.shape[1], labels.shape[0])
    ys, xs = np.nonzero(labels[y0:y1, x0:x1] == number)
    if xs.size == 0:
        raise ValueError(f"capillary {number} has no pixel")
    index = int(np.argmin((xs + x0 + 0.5 - near[0]) ** 2 + (ys + y0 + 0.5 - near[1]) ** 2))
    return float(xs[index] + x0), float(ys[index] + y0)


def stroke_mask(points: Sequence[tuple[float, float]], diameter_px: int, shape: tuple[int, ...]) -> np.ndarray:
    """The pixels a round brush of ``diameter_px`` covers along ``points`` (a paint or erase
    edit's mask)."""
    canvas = np.zeros(shape[:2], dtype=np.uint8)
    if not points:
        return canvas.astype(bool)
    radius = max(0, (int(diameter_px) - 1) // 2)
    centres = [(int(round(x - 0.5)), int(round(y - 0.5))) for x, y in points]
    for a, b in zip(centres, centres[1:] or centres):
        cv2.line(canvas, a, b, 1, thickness=max(1, 2 * radius + 1))
        cv2.circle(canvas, a, radius, 1, thickness=-1)
    cv2.circle(canvas, centres[-1], radius, 1, thickness=-1)
    return canvas.astype(bool)


def paint_target(labels: np.ndarray, stroke: np.ndarray, start: tuple[float, float], selected: Sequence[int] = ()) -> int:
    """The capillary a brush stroke paints into: the one selected when the stroke touches it,
    else the one under the stroke's start, else the one it covers most; 0: a new capillary."""
    under = labels[stroke]
    touched = {int(n) for n in np.unique(under) if n}
    if len(selected) == 1 and selected[0] in touched:
        return int(selected[0])
    first = label_at(labels, start)
    if first:
        return first
    return int(np.bincount(under[under > 0].astype(np.int64)).argmax()) if touched else 0


def split_mask(mask: np.ndarray, a: tuple[float, float], b: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """The pixels of ``mask`` on either side of the straight line through ``a`` and ``b``
    (pixel centres; a centre exactly on the line goes to the first half). When ``a`` and ``b``
    coincide, the first half is the whole mask."""
    mask = np.asarray(mask, dtype=bool)
    first = np.zeros_like(mask)
    second = np.zeros_like(mask)
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return first, second
    dx, dy = b[0] - a[0], b[1] - a[1]
    side = dx * (rows + 0.5 - a[1]) - dy * (cols + 0.5 - a[0])
    on_first = side >= 0
    first[rows[on_first], cols[on_first]] = True
    second[rows[~on_first], cols[~on_first]] = True
    return first, second


def grow_region(probabilities: np.ndarray, point: tuple[float, float], threshold: float,
                labels: np.ndarray | None = None, max_radius_px: int = 60) -> np.ndarray:
    """The mask for "add by click": the pixels connected (8-neighbours) to the click whose
    probability is above half the threshold (at least 0.05), not already in a capillary and
    within ``max_radius_px`` of the click; where that is empty, a disk of radius 6 px around
    the click (again leaving out capillaries). Empty when the click is outside the picture."""
    height, width = probabilities.shape[:2]
    result = np.zeros((height, width), dtype=bool)
    pixel = pixel_at(point, (height, width))
    if pixel is None:
        return result
    row, col = pixel
    radius = max(int(max_radius_px), FALLBACK_DISK_RADIUS_PX)
    y0, y1 = max(0, row - radius), min(height, row + radius + 1)
    x0, x1 = max(0, col - radius), min(width, col + radius + 1)
    yy, xx = np.mgrid[y0:y1, x0:x1]
    distance2 = (yy - row) ** 2 + (xx - col) ** 2
    free = np.ones((y1 - y0, x1 - x0), dtype=bool) if labels is None else labels[y0:y1, x0:x1] == 0
    low = max(float(threshold) * 0.5, 0.05)
    candidate = (probabilities[y0:y1, x0:x1] > low) & free & (distance2 <= max_radius_px ** 2)
    window = np.zeros_like(candidate)
    if candidate[row - y0, col - x0]:
        _, components = cv2.connectedComponents(candidate.astype(np.uint8), connectivity=8)
        window = components == components[row - y0, col - x0]
    if not window.any():
        window = (distance2 <= FALLBACK_DISK_RADIUS_PX ** 2) & free
    result[y0:y1, x0:x1] = window
    return result


def _pixels_by_label(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows and columns of the labelled pixels grouped by label: (values, rows, cols, starts,
    ends), ``values[starts[i]]`` being the i-th label present (ascending)."""
    rows, cols = np.nonzero(labels)
    values = labels[rows, cols].astype(np.int64)
    order = np.argsort(values, kind="stable")
    values, rows, cols = values[order], rows[order], cols[order]
    if values.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return values, rows, cols, empty, empty
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    ends = np.concatenate((starts[1:], [values.size]))
    return values, rows, cols, starts, ends


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Labels 1..n in counting's reading order: by box left, then top (ties: old label)."""
    values, rows, cols, starts, _ = _pixels_by_label(labels)
    if starts.size == 0:
        return np.zeros(labels.shape, dtype=np.int32)
    present = values[starts]
    left = np.minimum.reduceat(cols, starts)
    top = np.minimum.reduceat(rows, starts)
    order = np.lexsort((present, top, left))
    lookup = np.zeros(int(present.max()) + 1, dtype=np.int32)
    lookup[present[order]] = np.arange(1, present.size + 1, dtype=np.int32)
    return lookup[labels]


def apply_edits(labels: np.ndarray, edits: Sequence[Edit]) -> tuple[np.ndarray, list[bool]]:
    """Replay the edit log on a label image (0 background, k = capillary k, as
    ``CountResult.labels``). Returns the new labels (int32, renumbered 1..n in counting's
    reading order: left to right by box, then top to bottom) and, per edit, whether it still
    applied. The input is never modified. The log records masks, not clicks to grow again, so
    the replay needs no probability map."""
    work = np.array(labels, dtype=np.int32, copy=True)
    shape = work.shape
    next_label = int(work.max()) + 1 if work.size else 1
    applied: list[bool] = []
    for edit in edits:
        done = False
        if edit.kind == "remove":
            label = label_at(work, edit.points[0]) if edit.points else 0
            if label:
                work[work == label] = 0
                done = True
        elif edit.kind == "add":
            window, drawn = _edit_window(edit, shape)
            free = drawn & (work[window] == 0)
            if free.any():
                work[window][free] = next_label
                next_label += 1
                done = True
        elif edit.kind == "merge":
            chosen = sorted({label_at(work, p) for p in edit.points} - {0})
            if len(chosen) >= 2:
                work[np.isin(work, chosen[1:])] = chosen[0]
                done = True
        elif edit.kind == "split":
            if len(edit.points) >= 2:
                a, b = edit.points[0], edit.points[1]
                label = split_target(work, a, b)
                if label:
                    first, second = split_mask(work == label, a, b)
                    if first.any() and second.any():
                        work[second] = next_label
                        next_label += 1
                        done = True
        elif edit.kind == "paint":
            target = label_at(work, edit.points[0]) if edit.points else 0
            if not edit.points or target:
                window, drawn = _edit_window(edit, shape)
                free = drawn & (work[window] == 0)
                if free.any():
                    if not target:
                        target = next_label
                        next_label += 1
                    work[window][free] = target
                    done = True
        elif edit.kind == "erase":
            window, drawn = _edit_window(edit, shape)
            rubbed = drawn & (work[window] > 0)
            if rubbed.any():
                work[window][rubbed] = 0
                done = True
        elif edit.kind == FLAG_KIND:  # no pixel changes: core.overrides reads it after the replay
            done = bool(edit.points) and label_at(work, edit.points[0]) > 0
        applied.append(done)
    return _renumber(work), applied


def _edit_window(edit: Edit, shape: tuple[int, ...]) -> tuple[tuple[slice, slice], np.ndarray]:
    """The part of the picture an edit's mask covers and the mask inside it."""
    if edit.mask_rle is None:
        return (slice(0, 0), slice(0, 0)), np.zeros((0, 0), dtype=bool)
    return rle_window(edit.mask_rle, (int(shape[0]), int(shape[1])))


def capillaries_from_labels(labels: np.ndarray) -> tuple[Capillary, ...]:
    """Boxes, areas, centroids of each label 1..n, as counting describes them; ``members`` is
    the number of separate (8-connected) pieces the capillary is made of (what counting's
    ``members`` counts: the components grouped into it)."""
    labels = np.asarray(labels)
    values, rows, cols, starts, ends = _pixels_by_label(labels)
    capillaries = []
    for start, end in zip(starts.tolist(), ends.tolist()):
        ys, xs = rows[start:end], cols[start:end]
        x0, y0, x1, y1 = int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
        window = (labels[y0:y1, x0:x1] == values[start]).astype(np.uint8)
        pieces = cv2.connectedComponents(window, connectivity=8)[0] - 1
        capillaries.append(Capillary(
            int(values[start]), (x0, y0, x1, y1), int(end - start),
            # As counting computes it (to the last bit): the mean inside the box, plus its corner.
            (float((xs - x0).mean() + x0), float((ys - y0).mean() + y0)), int(pieces),
        ))
    return tuple(capillaries)


def edited_ids(before: np.ndarray, after: np.ndarray) -> tuple[int, ...]:
    """The labels of ``after`` that are not exactly one capillary of ``before``, pixel for
    pixel: those an edit created or changed."""
    before = np.asarray(before)
    values, rows, cols, starts, _ = _pixels_by_label(np.asarray(after))
    if starts.size == 0:
        return ()
    under = before[rows, cols].astype(np.int64)
    lowest = np.minimum.reduceat(under, starts)
    highest = np.maximum.reduceat(under, starts)
    areas = np.diff(np.concatenate((starts, [values.size])))
    before_areas = np.bincount(before.ravel().astype(np.int64), minlength=int(highest.max()) + 1)
    same = (lowest == highest) & (lowest > 0) & (before_areas[lowest] == areas)
    return tuple(int(v) for v in values[starts][~same])


def _file_sentence(kind: str, name: str | None) -> str:
    """The sentence about a corrections file that cannot be used, naming it when ``name`` is
    given; whole sentences, so that a translation never glues fragments. The caller fills
    ``{name}`` (and ``{version}``, ``{supported}``) with ``.format``."""
    if name is None:
        sentences = {
            "not_json": translate("Corrections", "The corrections file is damaged (it is not readable JSON)."),
            "not_corrections": translate("Corrections", "The file is not a CapSeg corrections file."),
            "no_version": translate("Corrections", "The corrections file is damaged (it states no format version)."),
            "newer": translate(
                "Corrections",
                "The corrections file was saved by a newer version of CapSeg Desktop (format {version}, this "
                "version reads up to {supported}); update CapSeg Desktop to use it.",
            ),
            "damaged": translate(
                "Corrections", "The corrections file is damaged (a part of it is missing or not what it should be)."
            ),
        }
        return sentences[kind]
    sentences = {
        "not_json": translate("Corrections", 'The corrections file "{name}" is damaged (it is not readable JSON).'),
        "not_corrections": translate("Corrections", 'The file "{name}" is not a CapSeg corrections file.'),
        "no_version": translate("Corrections", 'The corrections file "{name}" is damaged (it states no format version).'),
        "newer": translate(
            "Corrections",
            'The corrections file "{name}" was saved by a newer version of CapSeg Desktop (format {version}, this '
            "version reads up to {supported}); update CapSeg Desktop to use it.",
        ),
        "damaged": translate(
            "Corrections", 'The corrections file "{name}" is damaged (a part of it is missing or not what it should be).'
        ),
    }
    return sentences[kind]


# Summaries ------------------------------------------------------------------------------------
_SUMMARY_WORDS = (
    ("remove", "removed"), ("add", "added"), ("merge", "merged"),
    ("split", "split"), ("paint", "painted"), ("erase", "erased"), ("flag", "flagged"),
)


@dataclass
class EditSummary:
    """How many edits of each kind applied."""

    removed: int = 0
    added: int = 0
    merged: int = 0
    split: int = 0
    painted: int = 0
    erased: int = 0
    flagged: int = 0

    def total(self) -> int:
        return self.removed + self.added + self.merged + self.split + self.painted + self.erased + self.flagged

    def to_dict(self) -> dict:
        """Edit kind -> how many applied: ``{"remove": 1, "add": 0, ...}``."""
        return {kind: getattr(self, word) for kind, word in _SUMMARY_WORDS}

    def describe(self, english: bool = False) -> str:
        """"1 removed, 0 added", then the other kinds that happened ("..., 1 merged"); in the
        installed language unless ``english`` (the summary CSV's cell stays English)."""
        if english:
            parts = [f"{self.removed} removed", f"{self.added} added"]
            parts += [f"{getattr(self, word)} {word}" for _, word in _SUMMARY_WORDS[2:] if getattr(self, word)]
            return ", ".join(parts)
        parts = [Edits.tr("%n removed", "", self.removed), Edits.tr("%n added", "", self.added)]
        others = {
            "merged": lambda n: Edits.tr("%n merged", "", n),
            "split": lambda n: Edits.tr("%n split", "", n),
            "painted": lambda n: Edits.tr("%n painted", "", n),
            "erased": lambda n: Edits.tr("%n erased", "", n),
            "flagged": lambda n: Edits.tr("%n flagged by the clinician", "", n),
        }
        parts += [others[word](getattr(self, word)) for _, word in _SUMMARY_WORDS[2:] if getattr(self, word)]
        return translate("Corrections", ", ").join(parts)


def summarise(edits: Sequence[Edit], applied: Sequence[bool]) -> EditSummary:
    """Counts the edits that applied, by kind."""
    summary = EditSummary()
    words = dict(_SUMMARY_WORDS)
    for edit, done in zip(edits, applied):
        if done:
            word = words[edit.kind]
            setattr(summary, word, getattr(summary, word) + 1)
    return summary


# The sidecar ------------------------------------------------------------------------------------
@dataclass
class Corrections:
    """What a sidecar holds: the picture it belongs to, how it was counted, the edit log and
    the corrected result (one run-length mask per capillary, in the capillaries' order)."""

    image_name: str
    image_sha256: str
    width: int
    height: int
    model_name: str
    model_sha256: str
    params: CountingParams
    um_per_px: float | None
    model_count: int
    edits: list[Edit]
    saved: str
    capillaries: tuple[Capillary, ...]
    labels_rle: list[dict]
    #: How the image was resized for the model when it was counted (``None``: not recorded,
    #: or at its own size); ``capseg analyze --use-corrections`` resizes it the same way.
    scale: ScaleInfo | None = None

    @property
    def count(self) -> int:
        return len(self.capillaries)

    @property
    def flags_only(self) -> bool:
        """Whether the log holds the clinician's flags and nothing else: the capillaries are then
        the model's own count, no lesson for training."""
        return bool(self.edits) and all(edit.kind == FLAG_KIND for edit in self.edits)

    def final_labels(self) -> np.ndarray:
        """The corrected label image (H x W int32, 0 background, k = capillary k)."""
        labels = np.zeros((self.height, self.width), dtype=np.int32)
        for capillary, rle in zip(self.capillaries, self.labels_rle):
            window, inside = rle_window(rle, (self.height, self.width))
            labels[window][inside] = capillary.id
        return labels

    def to_dict(self) -> dict:
        from .. import __version__

        flags = any(edit.kind == FLAG_KIND for edit in self.edits)
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION if flags else 1,
            "app": f"CapSeg Desktop {__version__}",
            "saved": self.saved,
            "image": {"name": self.image_name, "sha256": self.image_sha256, "width": self.width, "height": self.height},
            "model": {"name": self.model_name, "sha256": self.model_sha256},
            "parameters": self.params.to_dict(),
            "um_per_px": finite_or_none(self.um_per_px),
            "scale": None if self.scale is None else {
                "factor": float(self.scale.factor), "limb_width_px": self.scale.limb_width_px,
                "model_limb_width_px": self.scale.model_limb_width_px, "source": self.scale.source,
            },
            "model_count": self.model_count,
            "count": self.count,
            "edits": [edit.to_dict() for edit in self.edits],
            "bbox_format": "[x0, y0, x1, y1] in pixels, x1 and y1 exclusive",
            "capillaries": [
                {**capillary.to_dict(), "mask_rle": rle} for capillary, rle in zip(self.capillaries, self.labels_rle)
            ],
        }

    def to_json(self) -> str:
        """One key per line, and one line per edit and per capillary (run-lengths are long:
        one number per line would make the file unreadable)."""
        def compact(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))

        parts = []
        for key, value in self.to_dict().items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                items = ",\n".join(f"  {compact(item)}" for item in value)
                parts.append(f" {compact(key)}: [\n{items}\n ]")
            else:
                parts.append(f" {compact(key)}: {compact(value)}")
        return "{\n" + ",\n".join(parts) + "\n}\n"

    @classmethod
    def from_json(cls, text: str, name: str | None = None) -> "Corrections":
        """Raises ``CorrectionsError`` with one plain sentence (naming the file ``name`` when
        given) on a damaged file, a file that is not a CapSeg corrections file, or one written
        by a newer version."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise CorrectionsError(_file_sentence("not_json", name).format(name=name), repr(exc)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CorrectionsError(_file_sentence("not_corrections", name).format(name=name))
        version = data.get("version")
        if not isinstance(version, int):
            raise CorrectionsError(_file_sentence("no_version", name).format(name=name))
        if version > FORMAT_VERSION:
            raise CorrectionsError(_file_sentence("newer", name).format(name=name, version=version, supported=FORMAT_VERSION))
        try:
            image, model = data["image"], data["model"]
            width, height = int(image["width"]), int(image["height"])
            if width <= 0 or height <= 0:
                raise ValueError("the picture's size must be positive")
            capillaries, masks = [], []
            for entry in data["capillaries"]:
                bbox = tuple(int(v) for v in entry["bbox"])
                if len(bbox) != 4:
                    raise ValueError("a box has 4 numbers")
                centroid = entry["centroid"]
                capillaries.append(Capillary(
                    int(entry["id"]), bbox, int(entry["area_px"]),  # type: ignore[arg-type]
                    (float(centroid[0]), float(centroid[1])), int(entry.get("members", 1)),
                ))
                rle = entry["mask_rle"]
                rle_window(rle, (height, width))  # checked now, not when first drawn
                masks.append(rle)
            um_per_px = data.get("um_per_px")
            scale = data.get("scale")
            if scale is not None:
                factor = float(scale["factor"])
                if not (math.isfinite(factor) and factor > 0):
                    raise ValueError("the scale factor must be a positive number")
                limb, model_limb = scale.get("limb_width_px"), scale.get("model_limb_width_px")
                scale = ScaleInfo(factor, None if limb is None else float(limb),
                                  None if model_limb is None else float(model_limb), str(scale.get("source", "")))
            corrections = cls(
                image_name=str(image["name"]), image_sha256=str(image.get("sha256") or ""),
                width=width, height=height,
                model_name=str(model.get("name", "")), model_sha256=str(model.get("sha256", "")),
                params=CountingParams.from_dict(data["parameters"]),
                um_per_px=None if um_per_px is None else float(um_per_px),
                model_count=int(data["model_count"]),
                edits=[Edit.from_dict(entry) for entry in data["edits"]],
                saved=str(data.get("saved", "")),
                capillaries=tuple(capillaries), labels_rle=masks, scale=scale,
            )
            for edit in corrections.edits:
                if edit.mask_rle is not None:
                    rle_window(edit.mask_rle, (height, width))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise CorrectionsError(_file_sentence("damaged", name).format(name=name), repr(exc)) from exc
        return corrections


def image_sha256(path: str | Path) -> str:
    """The SHA-256 of an image file's bytes, as a sidecar records it."""
    return file_sha256(Path(path))


def sidecar_path(image_path: str | Path) -> Path:
    """``/x/NAME.ext`` -> ``/x/NAME.capseg.json``."""
    image_path = Path(image_path)
    return image_path.with_name(image_path.stem + SIDECAR_SUFFIX)


def fallback_sidecar_path(image_path: str | Path, fallback_dir: str | Path) -> Path:
    """``<fallback_dir>/<sha1 of the image's absolute path>-NAME.capseg.json``: one file per
    image, whichever folder it is in."""
    image_path = Path(image_path)
    key = hashlib.sha1(str(image_path.absolute()).encode("utf-8")).hexdigest()
    return Path(fallback_dir) / f"{key}-{image_path.stem}{SIDECAR_SUFFIX}"


def default_fallback_dir() -> Path:
    """Where corrections go when the image's folder cannot be written: the application-data
    folder (Qt's ``AppDataLocation``) + ``/corrections``, or ``$CAPSEG_CORRECTIONS_DIR``."""
    override = os.environ.get(CORRECTIONS_DIR_ENV)
    if override:
        return Path(override)
    from .paths import app_data_dir

    return app_data_dir() / "corrections"


def save_corrections(image_path: str | Path, corrections: Corrections, fallback_dir: str | Path | None = None) -> Path:
    """Write the sidecar atomically beside the image; where that folder cannot be written and
    ``fallback_dir`` is given, there instead. Returns where it was written. Raises
    ``CorrectionsError`` when it could be written nowhere."""
    data = corrections.to_json().encode("utf-8")
    beside = sidecar_path(image_path)
    try:
        write_bytes_atomic(beside, data, overwrite=True)
    except ExportError as exc:
        if fallback_dir is None:
            raise CorrectionsError(
                translate("Corrections", 'The corrections of "{name}" could not be saved: {reason}').format(
                    name=Path(image_path).name, reason=exc
                ),
                exc.detail,
            ) from exc
        elsewhere = fallback_sidecar_path(image_path, fallback_dir)
        try:
            elsewhere.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(elsewhere, data, overwrite=True)
        except (OSError, ExportError) as second:
            raise CorrectionsError(
                translate(
                    "Corrections", 'The corrections of "{name}" could not be saved, neither beside the image nor in "{folder}".'
                ).format(name=Path(image_path).name, folder=Path(fallback_dir)),
                f"{exc.detail}; {second!r}",
            ) from second
        log.info("Corrections of %s saved in %s (its folder is not writable)", Path(image_path).name, elsewhere)
        return elsewhere
    if fallback_dir is not None:  # an older copy kept elsewhere while the folder was read-only
        try:
            fallback_sidecar_path(image_path, fallback_dir).unlink()
        except OSError:
            pass
    return beside


def _candidates(image_path: Path, fallback_dir: str | Path | None) -> list[Path]:
    found = []
    for path in [sidecar_path(image_path)] + ([fallback_sidecar_path(image_path, fallback_dir)] if fallback_dir else []):
        try:
            if path.is_file():
                found.append(path)
        except OSError:
            continue
    if len(found) == 2:  # the one saved last wins
        found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return found


def read_corrections_file(path: str | Path) -> Corrections:
    """A sidecar read from ``path``; ``CorrectionsError`` naming the file when it cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(
            translate("Corrections", 'The corrections file "{name}" cannot be read.').format(name=path.name), repr(exc)
        ) from exc
    return Corrections.from_json(text, name=path.name)


def check_belongs(corrections: Corrections, image_path: str | Path, sidecar: str | Path | None = None, *,
                  image_sha256: str | None = None, size: tuple[int, int] | None = None) -> None:
    """Raise ``CorrectionsMismatchError`` when the corrections were saved for another picture:
    another file name, another size ``(width, height)`` or other bytes (SHA-256), each checked
    when known."""
    image_path = Path(image_path)
    reason = None
    if corrections.image_name != image_path.name:
        reason = translate("Corrections", 'it was saved for "{name}"').format(name=corrections.image_name)
    elif size is not None and (int(size[0]), int(size[1])) != (corrections.width, corrections.height):
        reason = translate(
            "Corrections", "it was saved for a picture of {width} x {height} pixels, this one is {this_width} x {this_height}"
        ).format(width=corrections.width, height=corrections.height, this_width=size[0], this_height=size[1])
    elif image_sha256 and corrections.image_sha256 and image_sha256 != corrections.image_sha256:
        reason = translate("Corrections", "the picture has changed since the corrections were saved")
    if reason is not None:
        if sidecar is not None:
            sentence = translate(
                "Corrections", 'The corrections in "{file}" do not belong to "{image}" ({reason}); they were not used.'
            ).format(file=Path(sidecar).name, image=image_path.name, reason=reason)
        else:
            sentence = translate(
                "Corrections", 'The corrections in the corrections file do not belong to "{image}" ({reason}); they were not used.'
            ).format(image=image_path.name, reason=reason)
        raise CorrectionsMismatchError(sentence)


def load_corrections(image_path: str | Path, fallback_dir: str | Path | None = None, *,
                     image_sha256: str | None = None, size: tuple[int, int] | None = None,
                     check_hash: bool = True) -> tuple[Corrections, Path] | None:
    """The corrections saved for this image and where they were, beside it first, then in
    ``fallback_dir`` (the more recently written when both exist); ``None`` when there are none.

    Raises ``CorrectionsError`` (a damaged file, a newer format) or
    ``CorrectionsMismatchError`` (saved for another picture: another name, another size when
    ``size`` is given, other bytes: ``image_sha256`` when given, else the file's own SHA-256
    when ``check_hash`` and the image can be read)."""
    image_path = Path(image_path)
    candidates = _candidates(image_path, fallback_dir)
    if not candidates:
        return None
    path = candidates[0]
    corrections = read_corrections_file(path)
    if image_sha256 is None and check_hash and corrections.image_sha256:
        try:
            image_sha256 = file_sha256(image_path)
        except OSError:
            image_sha256 = None
    check_belongs(corrections, image_path, path, image_sha256=image_sha256, size=size)
    return corrections, path


def delete_corrections(image_path: str | Path, fallback_dir: str | Path | None = None) -> None:
    """Remove the sidecar beside the image and its copy in ``fallback_dir``; ``CorrectionsError``
    when one exists but cannot be removed."""
    paths = [sidecar_path(image_path)] + ([fallback_sidecar_path(image_path, fallback_dir)] if fallback_dir else [])
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise CorrectionsError(
                translate("Corrections", 'The corrections file "{name}" could not be removed from "{folder}".').format(
                    name=path.name, folder=path.parent
                ),
                repr(exc),
            ) from exc


# Training data -------------------------------------------------------------------------------
POINTS_FILE = "points.json"


def export_training_data(folder: str | Path, out_dir: str | Path, fallback_dir: str | Path | None = None,
                         problems: list[str] | None = None) -> list[Path]:
    """For every image in ``folder`` with corrections that belong to it: ``out_dir/images/NAME.png``
    (the picture as analysed: upright, 8-bit RGB), ``out_dir/masks/NAME_mask.png`` (the corrected
    capillaries in white, what ``capseg train --real-images/--real-masks`` reads) and one entry
    in ``out_dir/points.json`` (the corrected capillaries' centroids, what ``capseg evaluate
    --points`` reads). Returns the files written; sentences about images left out (damaged or
    mismatched sidecars, unreadable images) are appended to ``problems`` when given. Files of
    an earlier export in ``out_dir`` are replaced; ``points.json`` keeps the other images'
    entries."""
    from .imageio import list_images, read_image
    from .render import encode_png

    folder, out_dir = Path(folder), Path(out_dir)
    images_dir, masks_dir = out_dir / "images", out_dir / "masks"
    points_path = out_dir / POINTS_FILE
    written: list[Path] = []
    points: dict[str, Any] = {}
    for image_path in list_images(folder):
        try:
            found = load_corrections(image_path, fallback_dir)
            if found is None or found[0].flags_only:
                continue
            corrections = found[0]
            image = read_image(image_path)
            check_belongs(corrections, image_path, found[1], size=(image.width, image.height))
        except CapSegError as exc:
            if problems is not None:
                problems.append(str(exc))
            continue
        name = image_path.stem + ".png"
        if name in points:
            if problems is not None:
                problems.append(
                    translate("Corrections", '"{name}" was left out: another image of that name was exported already.').format(
                        name=image_path.name
                    )
                )
            continue
        images_dir.mkdir(parents=True, exist_ok=True)
        masks_dir.mkdir(parents=True, exist_ok=True)
        mask = np.where(corrections.final_labels() > 0, 255, 0).astype(np.uint8)
        written.append(write_bytes_atomic(images_dir / name, encode_png(image.rgb), overwrite=True))
        written.append(write_bytes_atomic(masks_dir / f"{image_path.stem}_mask.png", encode_png(mask), overwrite=True))
        points[name] = [[round(c.centroid[0], 2), round(c.centroid[1], 2)] for c in corrections.capillaries]
    if points:
        existing: dict[str, Any] = {}
        try:
            loaded = json.loads(points_path.read_text(encoding="utf-8"))
            existing = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            pass
        existing.update(points)
        existing["_comment"] = ("One [x, y] point per corrected capillary (its centroid, image pixels), "
                                "exported by CapSeg Desktop from its corrections files.")
        text = json.dumps(existing, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        written.append(write_text_atomic(points_path, text, overwrite=True))
    return written
