"""The clinician has the last word: a loop's flags set by hand.

A ``flag`` edit (``core.corrections.Edit``, kind ``FLAG_KIND``) names a loop by a point inside it,
like a remove or a merge, and says what the clinician decided (``value``):

* a size flag: ``"giant"``, ``"dilated"`` or ``"normal"`` (the loop is not dilated nor giant,
  whatever its measured width);
* a shape label of ``core.shape``: ``"hairpin"``, ``"tortuous"``, ``"crossing"``, ``"ramified"``
  or ``"not assessable"``;
* ``"clear"``: neither dilated nor giant, and a hairpin (the automatic flags taken away);
* ``"automatic"``: back to what the measures say, for both.

The log is replayed in order, so a later flag on the same loop wins. A flag follows the pixel it
names: after a merge it is the merged loop's, after a split the half's that holds the point, and
on a loop deleted afterwards it no longer applies. The flags change no pixel: the count and the
boxes stay; the measures (``core.measure.LoopMeasures``) carry the clinician's flag and shape
beside the automatic ones, and every figure read from them (dilated and giant counts, shape
counts, the exam's figures, the EULAR fast track) uses the clinician's.

Pure Python and NumPy (no Qt).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from .measure import FLAG_DILATED, FLAG_GIANT, FLAG_NORMAL, LoopMeasures
from .shape import HAIRPIN, SHAPES

if TYPE_CHECKING:  # corrections imports this module
    from .corrections import Edit

FLAG_KIND = "flag"
#: The size flags a clinician can give.
SIZE_FLAGS = (FLAG_GIANT, FLAG_DILATED, FLAG_NORMAL)
CLEAR, AUTOMATIC = "clear", "automatic"
#: Every value a flag edit can carry.
FLAG_VALUES = (*SIZE_FLAGS, *SHAPES, CLEAR, AUTOMATIC)


def clinician_flags(loop_at: Callable[[tuple[float, float]], int], edits: Sequence[Edit],
                    applied: Sequence[bool] | None = None) -> dict[int, tuple[str, str]]:
    """Loop id -> (size flag, shape) the clinician gave, "" for the one they left automatic;
    loops with neither are left out. ``loop_at`` gives the loop under a point in the replayed
    log's result (``core.corrections.label_at`` on its labels); ``applied`` (per edit, from
    ``apply_edits``) skips flag edits that no longer applied during the replay."""
    found: dict[int, tuple[str, str]] = {}
    for index, edit in enumerate(edits):
        if edit.kind != FLAG_KIND or not edit.points or (applied is not None and not applied[index]):
            continue
        number = loop_at(edit.points[0])
        if not number:
            continue
        size, shape = found.get(number, ("", ""))
        if edit.value in SIZE_FLAGS:
            size = edit.value
        elif edit.value in SHAPES:
            shape = edit.value
        elif edit.value == CLEAR:
            size, shape = FLAG_NORMAL, HAIRPIN
        elif edit.value == AUTOMATIC:
            size, shape = "", ""
        found[number] = (size, shape)
    return {number: flags for number, flags in found.items() if any(flags)}


def with_clinician_flags(measures: Sequence[LoopMeasures], flags: dict[int, tuple[str, str]]) -> tuple[LoopMeasures, ...]:
    """``measures`` with the clinician's flags (``clinician_flags``) set on their loops."""
    if not flags:
        return tuple(measures)
    return tuple(
        replace(m, clinician_flag=flags[m.id][0], clinician_shape=flags[m.id][1]) if m.id in flags else m
        for m in measures
    )
