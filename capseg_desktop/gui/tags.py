"""The boxes and number tags drawn on the views, and where the tags go.

A tag sits outside its box (above it by preference, never over the loop's apex, which is at
the top of the box), never over another box or tag, and is hidden when the image is zoomed
out so far that the boxes are a few screen pixels wide: the count and the table still say
everything, and a wall of numbers helps nobody. Boxes and tags carry a dark outline so that
the yellow reads on yellowish skin too.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

BOX_COLOUR = QColor(255, 230, 0)  # core.render.BOX_RGB, the exported boxes' yellow (tested)
SELECTED_COLOUR = QColor(255, 0, 200)  # magenta: unlike anything on skin, mask or boxes
HALO_COLOUR = QColor(0, 0, 0, 170)
TAG_FILL = QColor(20, 20, 20, 215)
#: Below this many screen pixels of median box width the tags are hidden.
MIN_READABLE_BOX_PX = 10.0
GAP_PX = 2.0
#: A tag this close (screen pixels) to another box could be read as that box's number.
NEAR_PX = 6.0


class BoxItem(QGraphicsRectItem):
    """A capillary's box: the colour over a dark halo, both a fixed screen width."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__(rect)
        self.colour = BOX_COLOUR
        self.width_px = 1.5

    def set_style(self, colour: QColor, width_px: float, fill: QBrush) -> None:
        self.colour, self.width_px = colour, width_px
        self.setBrush(fill)
        self.update()

    def paint(self, painter: QPainter, _option: object, _widget: object = None) -> None:
        painter.setBrush(self.brush())
        halo = QPen(HALO_COLOUR, self.width_px + 2.0)
        halo.setCosmetic(True)  # screen pixels, whatever the zoom
        painter.setPen(halo)
        painter.drawRect(self.rect())
        pen = QPen(self.colour, self.width_px)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect())


class BoxLabel(QGraphicsItem):
    """A capillary's number: box-coloured text on a dark, outlined tab, at a fixed screen
    size whatever the zoom. Its position is its top-left corner."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.colour = BOX_COLOUR
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self._font = QFont()
        self._font.setBold(True)
        self._font.setPointSize(9)
        metrics = QFontMetricsF(self._font)
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)

    def size_px(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def set_colour(self, colour: QColor) -> None:
        self.colour = colour
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, _option: object, _widget: object = None) -> None:
        painter.setPen(QPen(self.colour, 1.0))
        painter.setBrush(TAG_FILL)
        painter.drawRoundedRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.setFont(self._font)
        painter.setPen(self.colour if self.colour == BOX_COLOUR else QColor(255, 255, 255))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class _Grid:
    """Rectangles bucketed by cell, so that "does this overlap anything?" looks at neighbours
    only: a large scan has a thousand boxes."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1.0)
        self.cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(int(rect.left() // c), int(rect.right() // c) + 1)
            for j in range(int(rect.top() // c), int(rect.bottom() // c) + 1)
        ]

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append(rect)

    def hits(self, rect: QRectF, besides: QRectF | None = None) -> bool:
        return any(
            rect.intersects(other) and other is not besides
            for key in self._keys(rect) for other in self.cells.get(key, ())
        )


def place_tags(boxes: dict[int, tuple[BoxItem, BoxLabel]], scale: float, bounds: QRectF) -> None:
    """Position or hide every tag for the view scale ``scale`` (screen px per image px);
    ``bounds``: the image's rectangle, which tags stay inside when they can."""
    if not boxes:
        return
    rects = {number: rect.rect() for number, (rect, _label) in boxes.items()}
    widths = sorted(r.width() for r in rects.values())
    readable = scale > 0 and widths[len(widths) // 2] * scale >= MIN_READABLE_BOX_PX
    if not readable:
        for _rect, label in boxes.values():
            label.setVisible(False)
        return
    heights = sorted(r.height() for r in rects.values())
    box_grid = _Grid(max(widths[len(widths) // 2], heights[len(heights) // 2]))
    for rect in rects.values():
        box_grid.add(rect)
    tag_grid = _Grid(box_grid.cell)
    for number in sorted(rects, key=lambda n: (rects[n].left(), rects[n].top())):
        label = boxes[number][1]
        box = rects[number]
        w_px, h_px = label.size_px()
        w, h, gap = w_px / scale, h_px / scale, GAP_PX / scale
        candidates = [
            QRectF(box.left(), box.top() - gap - h, w, h),  # above, left-aligned
            QRectF(box.right() - w, box.top() - gap - h, w, h),  # above, right-aligned
            QRectF(box.right() + gap, box.top(), w, h),  # beside, right
            QRectF(box.left(), box.bottom() + gap, w, h),  # below
            QRectF(box.right() + gap, box.bottom() - h, w, h),  # beside, low right
            # Left last: a tag left of its box sits beside the previous box's tag ("9 10").
            QRectF(box.left() - gap - w, box.top(), w, h),  # beside, left
            QRectF(box.left() - gap - w, box.bottom() - h, w, h),  # beside, low left
        ]
        near = NEAR_PX / scale

        def free(c: QRectF) -> bool:
            return not tag_grid.hits(c) and not box_grid.hits(c)

        def unambiguous(c: QRectF) -> bool:  # not as close to another box as to its own
            return not box_grid.hits(c.adjusted(-near, -near, near, near), besides=box)

        chosen = None
        for inside, clear in ((True, True), (False, True), (True, False), (False, False)):
            chosen = next(
                (c for c in candidates if (not inside or bounds.contains(c)) and free(c) and (not clear or unambiguous(c))),
                None,
            )
            if chosen is not None:
                break
        if chosen is None:
            label.setVisible(False)  # no free place: the box and the table row still show it
            continue
        tag_grid.add(chosen)
        label.setPos(chosen.topLeft())
        label.setVisible(True)
