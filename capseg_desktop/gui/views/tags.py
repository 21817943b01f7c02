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
EDITED_COLOUR = QColor(70, 255, 70)  # core.render.EDITED_BOX_RGB: made or changed by hand, as exported (tested)
SELECTED_COLOUR = QColor(255, 0, 200)  # magenta: unlike anything on skin, mask or boxes
HALO_COLOUR = QColor(0, 0, 0, 170)
TAG_FILL = QColor(20, 20, 20, 215)
#: How far (image pixels) a dilated or giant loop's second box lies outside its box.
FLAG_RING = 3.0
#: Below this many screen pixels of median box width the tags are hidden.
MIN_READABLE_BOX_PX = 10.0


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
        self.number = text
        self.colour = BOX_COLOUR
        self.flag_colour: QColor | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self._font = QFont()
        self._font.setBold(True)
        self._font.setPointSize(9)
        self._set_text(text)

    def _set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        metrics = QFontMetricsF(self._font)
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)

    def set_flag(self, letter: str, colour: QColor | None, tip: str = "") -> bool:
        """A dilated or giant loop: its letter after the number, both in the flag's colour, as
        in the exported picture ("11D"); no letter: the plain number. True when its size
        (its text) changed, so the tags need placing again."""
        self.flag_colour = colour if letter else None
        self.setToolTip(tip)
        self.update()
        if self.text == self.number + letter:
            return False
        self._set_text(self.number + letter)
        return True

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
        # A flagged loop's number and letter in the flag's colour whatever its box (as exported).
        text_colour = self.colour if self.colour == BOX_COLOUR else QColor(255, 255, 255)
        painter.setPen(self.flag_colour if self.flag_colour is not None else text_colour)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


def place_tags(boxes: dict[int, tuple[BoxItem, BoxLabel]], scale: float, bounds: QRectF) -> None:
    """Position or hide every tag for the view scale ``scale`` (screen px per image px);
    ``bounds``: the image's rectangle, which tags stay inside when they can. Where a tag goes
    is ``core.tag_layout``'s decision, the same as in the exported picture."""
    if not boxes:
        return
    from ...core import tag_layout  # here, not at the top: core brings NumPy, after the window is up

    # A flagged loop's second box lies FLAG_RING image pixels outside its box: its tag goes outside both.
    rects = {}
    for number, (rect, label) in boxes.items():
        ring = FLAG_RING if label.flag_colour is not None else 0.0
        rects[number] = _corners(rect.rect().adjusted(-ring, -ring, ring, ring))
    widths = sorted(r[2] - r[0] for r in rects.values())
    readable = scale > 0 and widths[len(widths) // 2] * scale >= MIN_READABLE_BOX_PX
    if not readable:
        for _rect, label in boxes.values():
            label.setVisible(False)
        return
    sizes = {number: label.size_px() for number, (_rect, label) in boxes.items()}
    places = tag_layout.place_tags(rects, sizes, _corners(bounds), scale)
    for number, (_rect, label) in boxes.items():
        place = places.get(number)
        if place is None:
            label.setVisible(False)
            continue
        label.setPos(place[0], place[1])
        label.setVisible(True)


def _corners(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())
