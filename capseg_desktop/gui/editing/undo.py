"""Hand edits as undoable commands.

Each command adds one or more ``core.corrections.Edit`` to the end of the edit log and asks
the edit controller to rebuild the shown result (the unedited recount with the log replayed):
undo takes them off the end again. The log is the truth; the stack only says which edits
are in it, so a recount with new parameters replays the same log under the same commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    import numpy as np

    from ...core.corrections import Edit


Region = tuple[int, int, "np.ndarray"]  # (top, left, mask of the box): where an edit's result lies


def _crop(region: np.ndarray | None) -> Region | None:
    """The box around a bool image mask's pixels, and the mask inside it."""
    import numpy as np

    if region is None:
        return None
    rows, cols = np.nonzero(np.any(region, axis=1))[0], np.nonzero(np.any(region, axis=0))[0]
    if rows.size == 0:
        return 0, 0, np.zeros((0, 0), dtype=bool)
    y0, y1, x0, x1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    return y0, x0, region[y0:y1, x0:x1].copy()


class EditLog(Protocol):
    """What a command needs from the edit controller: the log (the image session's) and the
    rebuild of the shown result."""

    def add_edits(self, edits: Sequence[Edit]) -> None: ...

    def remove_edits(self, edits: Sequence[Edit]) -> None: ...

    def rebuild(self, select_region: Region | None = None, select: Sequence[int] = (), note: str = "") -> None: ...


class EditCommand(QUndoCommand):
    """``edits`` appended on redo, removed on undo. After redo the capillaries under
    ``region`` (a bool mask of the image, or None) are selected; after undo, the selection
    from before the edit (``selected_before``) is restored: the log is then exactly what it
    was, so the numbers are too."""

    def __init__(self, log: EditLog, edits: Sequence[Edit], text: str, region: np.ndarray | None,
                 selected_before: Sequence[int]) -> None:
        super().__init__(text)
        self.log = log
        self.edits = list(edits)
        self.region = _crop(region)  # kept small: a command lives as long as the stack
        self.selected_before = tuple(selected_before)

    def redo(self) -> None:
        self.log.add_edits(self.edits)
        self.log.rebuild(select_region=self.region, note=self.text())

    def undo(self) -> None:
        self.log.remove_edits(self.edits)
        self.log.rebuild(select=self.selected_before, note=QCoreApplication.translate("EditCommand", "Undone: %1").replace("%1", self.text()))


def describe_edit(owner: object, edit: Edit) -> str:
    """How the undo history names a restored edit (``owner``: kept for callers; the words are the edit controller's)."""
    names = {
        "remove": QCoreApplication.translate("EditController", "Delete capillary"),
        "add": QCoreApplication.translate("EditController", "Add capillary"),
        "merge": QCoreApplication.translate("EditController", "Merge capillaries"),
        "split": QCoreApplication.translate("EditController", "Split capillary"),
        "paint": QCoreApplication.translate("EditController", "Paint"),
        "erase": QCoreApplication.translate("EditController", "Erase"),
        "flag": QCoreApplication.translate("EditController", "Flag by the clinician"),
    }
    return QCoreApplication.translate("EditController", "%1 (restored)").replace("%1", names.get(edit.kind, edit.kind))
