"""Fast review of a count (issue "adapt to a new microscope"): the boxes one by one in review
order (``core/review.py``: the distal row first, along the row), N to keep the selected box and
go to the next, X to take it out and go to the next; a dragged rectangle takes out every box
whose centre is inside; "keep only the distal row" takes out the deeper capillaries. Each is an
ordinary correction: undoable, saved in the sidecar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF

from . import gestures
from .tools import image_point

if TYPE_CHECKING:
    from .controller import EditController


class Review(QObject):
    """The review commands of the edit controller ``editing``."""

    def __init__(self, editing: EditController) -> None:
        super().__init__(editing)
        self.editing = editing

    def step(self, reject: bool) -> None:
        """Go to the next box in review order (``reject``: take the selected one out first)."""
        from ...core.review import next_in_order, review_order

        analysis = self.editing.window.analysis
        if analysis is None:
            return
        order = review_order(analysis.result)
        selected = self.editing.window.views.selected()
        current = selected[0] if selected and selected[0] in order else None
        if reject and current is not None:
            position = order.index(current)
            self.editing.delete_selected()
            order = review_order(self.editing.window.analysis.result)
            following = order[position] if position < len(order) else None
        else:
            following = next_in_order(order, current)
        if following is None:
            self.editing.session.select([], reveal=False)
            path = self.editing.window.image_path
            if not self.editing.edits and path is not None:
                # Every box kept as the model drew it: saved as a correction with no edit, so the
                # image counts as reviewed (Adapt to this microscope, fine-tuning) like a corrected one.
                self.editing.saver.save(path, self.editing.window.analysis)
                self.editing.say(self.tr("All %n boxes reviewed and kept as the model counted them (saved as reviewed).",
                                         "", len(order)), append=False)
                return
            self.editing.say(self.tr("All %n boxes reviewed.", "", len(order)), append=False)
            return
        self.editing.session.select([following], reveal=True)
        self.editing.say(self.tr("Box %1 of %2 (distal row first): N keeps it, X takes it out.")
                         .replace("%1", str(order.index(following) + 1)).replace("%2", str(len(order))), append=False)

    def reject_area(self, a: QPointF, b: QPointF) -> None:
        from ...core.review import inside_rectangle

        analysis = self.editing.window.analysis
        if analysis is None:
            return
        numbers = inside_rectangle(analysis.result, image_point(a), image_point(b))
        text = self.tr("Take out %n boxes in a rectangle", "", len(numbers))
        self.editing.apply_gesture(gestures.remove_all(analysis, numbers, text, self.tr("No box has its centre in that rectangle.")))

    def keep_distal_only(self) -> None:
        from ...core.review import deeper_than_distal

        analysis = self.editing.window.analysis
        if analysis is None:
            return
        numbers = deeper_than_distal(analysis.result)
        text = self.tr("Keep only the distal row (%n taken out)", "", len(numbers))
        self.editing.apply_gesture(gestures.remove_all(analysis, numbers, text, self.tr("Every box is already a loop of the distal row.")))
