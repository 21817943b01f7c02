"""What the user did on a view, as core edits: one function per gesture.

Each takes the analysis on screen and what the gesture gave (the selection, a scene point, a
stroke, a cut line), and returns a ``Gesture`` (the ``core.corrections.Edit`` list, the undo
text, the region to select afterwards) or a ``Refusal`` (a sentence for the status bar). The
geometry is core's (``core/corrections.py``: one pixel convention, one region grow, one
split); nothing here draws or touches the undo stack, so the controller's job is only to push
the gesture it is given.

Texts keep the ``EditController`` translation context they were written in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QCoreApplication, QPointF

from .tools import image_point, point_inside

if TYPE_CHECKING:
    import numpy as np

    from ...core import Analysis
    from ...core.corrections import Edit



@dataclass(frozen=True)
class Gesture:
    """Edits to push as one undo step named ``text``; ``region`` (a mask) is selected after."""

    edits: list[Edit]
    text: str
    region: np.ndarray | None


@dataclass(frozen=True)
class Refusal:
    """Nothing to do; ``message`` says why (or ``select`` names a capillary to select instead)."""

    message: str
    select: tuple[int, ...] = ()


def delete(analysis: Analysis, selected: Sequence[int], text: str) -> Gesture | None:
    """The selected capillaries removed, as one step named ``text`` (the caller words it: a
    plural that lupdate reads only from ``tr``)."""
    import numpy as np

    from ...core.corrections import Edit

    if not selected:
        return None
    labels = analysis.counted.labels
    edits = [Edit("remove", points=(point_inside(labels, analysis, n),)) for n in selected]
    return Gesture(edits, text, np.isin(labels, selected))


def merge(analysis: Analysis, selected: Sequence[int]) -> Gesture | Refusal:
    import numpy as np

    from ...core.corrections import Edit

    if len(selected) < 2:
        return Refusal(QCoreApplication.translate(
            "EditController", "Select two or more capillaries to merge (Ctrl+click adds one to the selection)."))
    labels = analysis.counted.labels
    edit = Edit("merge", points=tuple(point_inside(labels, analysis, n) for n in selected))
    text = QCoreApplication.translate("EditController", "Merge capillaries %1").replace("%1", ", ".join(str(n) for n in sorted(selected)))
    return Gesture([edit], text, np.isin(labels, selected))


def add_at(analysis: Analysis, pos: QPointF) -> Gesture | Refusal | None:
    """A click outside the counted capillaries: the region grown from the probabilities there."""
    from ...core.corrections import Edit, encode_rle, grow_region, label_at, pixel_at

    labels = analysis.counted.labels
    if pixel_at(image_point(pos), labels.shape) is None:
        return None
    existing = label_at(labels, image_point(pos))
    if existing:
        message = QCoreApplication.translate("EditController", "Capillary %1 is already counted.")
        return Refusal(message.replace("%1", str(existing)), select=(existing,))
    mask = grow_region(analysis.probabilities, image_point(pos), analysis.result.params.threshold, labels=labels)
    if not mask.any():
        return Refusal(QCoreApplication.translate("EditController", "Nothing to add there."))
    if float(analysis.probabilities[mask].max()) <= max(0.5 * analysis.result.params.threshold, 0.05):
        # Nothing of a vessel under the click: a small marker is counted (a loop the model cannot
        # see), and the undo step says so, so that a click on bare skin is noticed.
        text = QCoreApplication.translate("EditController", "Add a marker where the model sees no vessel")
    else:
        text = QCoreApplication.translate("EditController", "Add capillary")
    return Gesture([Edit("add", mask_rle=encode_rle(mask))], text, mask)


def stroke(analysis: Analysis, points: list[QPointF], brush_px: int, erase: bool,
           selected: Sequence[int]) -> Gesture | Refusal | None:
    """A brush or eraser stroke through ``points`` (image coordinates)."""
    import numpy as np

    from ...core.corrections import Edit, encode_rle, paint_target, stroke_mask

    if not points:
        return None
    labels = analysis.counted.labels
    mask = stroke_mask([image_point(p) for p in points], brush_px, labels.shape)
    under = labels[mask]
    touched = [int(n) for n in np.unique(under) if n]
    if erase:
        if not touched:
            return Refusal(QCoreApplication.translate(
                "EditController", "Nothing to erase there: the eraser takes pixels away from counted capillaries."))
        text = QCoreApplication.translate("EditController", "Erase")
        return Gesture([Edit("erase", mask_rle=encode_rle(mask))], text, np.isin(labels, touched) & ~mask)
    if not (under == 0).any():
        return Refusal(QCoreApplication.translate("EditController", "Already counted: the brush adds pixels that are not in a capillary yet."))
    target = paint_target(labels, mask, image_point(points[0]), selected)
    if not target:
        return Gesture([Edit("paint", mask_rle=encode_rle(mask))], QCoreApplication.translate("EditController", "Paint a new capillary"), mask)
    near = (points[0].x(), points[0].y())
    edit = Edit("paint", points=(point_inside(labels, analysis, target, near),), mask_rle=encode_rle(mask))
    return Gesture([edit], QCoreApplication.translate("EditController", "Paint capillary %1").replace("%1", str(target)), mask | (labels == target))


def split(analysis: Analysis, a: QPointF, b: QPointF) -> Gesture | Refusal:
    """A cut line from ``a`` to ``b`` across one capillary."""
    from ...core.corrections import Edit, split_target

    labels = analysis.counted.labels
    number = split_target(labels, image_point(a), image_point(b))  # the capillary the replay will cut
    if max(abs(b.x() - a.x()), abs(b.y() - a.y())) < 3 or not number:
        return Refusal(QCoreApplication.translate("EditController", "To split a capillary, drag a cut line across it."))
    edit = Edit("split", points=(image_point(a), image_point(b)))
    return Gesture([edit], QCoreApplication.translate("EditController", "Split capillary %1").replace("%1", str(number)), labels == number)


def remove_all(analysis: Analysis, numbers: Sequence[int], text: str, nothing: str) -> Gesture | Refusal:
    """Capillaries ``numbers`` taken out as one undo step named ``text`` (``nothing``: what to say
    when there are none): a rectangle's boxes, or every loop but the distal row's."""
    import numpy as np

    from ...core.corrections import Edit

    if not numbers:
        return Refusal(nothing)
    labels = analysis.counted.labels
    edits = [Edit("remove", points=(point_inside(labels, analysis, n),)) for n in numbers]
    return Gesture(edits, text, np.isin(labels, list(numbers)))
