"""The clinician's flags (``core.overrides``): Edit > Loop flags and the right-click menu of the
views and of the capillary table. Flag as giant, as dilated, a shape, clear the automatic flags
or go back to them: each is one undoable edit per selected loop, pushed like a delete
(``EditController.apply_gesture``), kept in the sidecar and replayed on every recount.

Texts keep the ``EditController`` translation context, as ``gestures.py`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from .gestures import Gesture, Refusal
from .tools import point_inside

if TYPE_CHECKING:
    from ...core import Analysis

#: Action id (``gui/window/actions.py``) -> the flag edit's value (``core.overrides.FLAG_VALUES``).
SIZE_ACTIONS = {"flag_giant": "giant", "flag_dilated": "dilated"}
SHAPE_ACTIONS = {
    "shape_hairpin": "hairpin", "shape_tortuous": "tortuous", "shape_crossing": "crossing",
    "shape_ramified": "ramified", "shape_not_assessable": "not assessable",
}
RESET_ACTIONS = {"flags_clear": "clear", "flags_automatic": "automatic"}
FLAG_ACTIONS = {**SIZE_ACTIONS, **SHAPE_ACTIONS, **RESET_ACTIONS}


def _undo_text(value: str, numbers: str, many: bool) -> str:
    """The undo step's name: what was decided, for which loops (whole sentences: a translation
    never glues fragments)."""
    one = {
        "giant": QCoreApplication.translate("EditController", "Flag capillary %1 as giant"),
        "dilated": QCoreApplication.translate("EditController", "Flag capillary %1 as dilated"),
        "normal": QCoreApplication.translate("EditController", "Flag capillary %1 as normal"),
        "clear": QCoreApplication.translate("EditController", "Clear the automatic flags of capillary %1"),
        "automatic": QCoreApplication.translate("EditController", "Capillary %1 back to the automatic flags"),
    }
    several = {
        "giant": QCoreApplication.translate("EditController", "Flag capillaries %1 as giant"),
        "dilated": QCoreApplication.translate("EditController", "Flag capillaries %1 as dilated"),
        "normal": QCoreApplication.translate("EditController", "Flag capillaries %1 as normal"),
        "clear": QCoreApplication.translate("EditController", "Clear the automatic flags of capillaries %1"),
        "automatic": QCoreApplication.translate("EditController", "Capillaries %1 back to the automatic flags"),
    }
    texts = several if many else one
    if value in texts:
        return texts[value].replace("%1", numbers)
    from ...core.shape import WORDS

    if many:
        shape = QCoreApplication.translate("EditController", "Capillaries %1: shape %2")
    else:
        shape = QCoreApplication.translate("EditController", "Capillary %1: shape %2")
    return shape.replace("%1", numbers).replace("%2", WORDS[value] if value in WORDS else value)


def flag(analysis: Analysis, selected: Sequence[int], value: str) -> Gesture | Refusal:
    """The selected loops flagged ``value`` by the clinician: one flag edit per loop, one undo step."""
    import numpy as np

    from ...core.corrections import Edit

    if not selected:
        return Refusal(QCoreApplication.translate("EditController", "Select a capillary to flag (click its box or its row)."))
    labels = analysis.counted.labels
    edits = [Edit("flag", points=(point_inside(labels, analysis, n),), value=value) for n in selected]
    text = _undo_text(value, ", ".join(str(n) for n in sorted(selected)), len(selected) > 1)
    return Gesture(edits, text, np.isin(labels, list(selected)))


def add_flag_menu(menu: QMenu, actions: dict[str, QAction]) -> None:
    """The flags in a right-click menu: giant, dilated, Shape >, clear, back to automatic."""
    for key in SIZE_ACTIONS:
        if key in actions:
            menu.addAction(actions[key])
    shapes = menu.addMenu(QCoreApplication.translate("EditController", "Shape"))
    shapes.setObjectName("flag_shape_menu")
    for key in SHAPE_ACTIONS:
        if key in actions:
            shapes.addAction(actions[key])
    for key in RESET_ACTIONS:
        if key in actions:
            menu.addAction(actions[key])
