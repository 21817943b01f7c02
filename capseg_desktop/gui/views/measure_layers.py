"""What the measurements add to the three views: dilated and giant loops marked in their own
colour with a short label (as in the exported picture), the haemorrhages in purple boxes marked
"H1", "H2" (``core.render.HAEMORRHAGE_RGB``, as exported), the distal row (a line through the
apices of the outermost loops), and the 1 mm density window that the user drags along the
strip (View > Density window); the density shown is then counted inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSceneMouseEvent

from .tags import FLAG_RING

if TYPE_CHECKING:
    from .image_views import ImageView

DISTAL_COLOUR = QColor(0, 220, 255)
WINDOW_COLOUR = QColor(120, 200, 255)


def flag_colours() -> dict[str, QColor]:
    """The exported picture's colours for the flags (``core.render.FLAG_COLOURS``): screen and file agree."""
    from ...core import render

    colours = getattr(render, "FLAG_COLOURS", {"dilated": (255, 140, 0), "giant": (255, 30, 30)})
    return {flag: QColor(*[int(v) for v in rgb[:3]]) for flag, rgb in colours.items()}


class TextTab(QGraphicsItem):
    """A short text on a dark tab, the same size on screen at any zoom."""

    def __init__(self, text: str, colour: QColor) -> None:
        super().__init__()
        self.text, self.colour = text, colour
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.font = QFont()
        self.font.setPointSizeF(max(8.0, self.font.pointSizeF()))
        self.font.setBold(True)
        metrics = QFontMetricsF(self.font)
        self.size = (metrics.horizontalAdvance(text) + 8, metrics.height() + 2)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self.size)

    def paint(self, painter: QPainter, _option: object, _widget: object = None) -> None:
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1))
        painter.setBrush(QColor(20, 20, 20, 215))
        painter.drawRoundedRect(self.boundingRect(), 3, 3)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)


class FlagBox(QGraphicsRectItem):
    """A flagged loop's second box, just outside its box, in the flag's colour (as exported)."""

    def __init__(self, rect: QRectF, colour: QColor) -> None:
        super().__init__(rect.adjusted(-FLAG_RING, -FLAG_RING, FLAG_RING, FLAG_RING))
        pen = QPen(colour, 2.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))


class HaemorrhageTab(TextTab):
    """A haemorrhage's "H1" above its box (its position is the box's top left corner)."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, -self.size[1] - 2, *self.size)


def haemorrhage_colour() -> QColor:
    from ...core import render

    return QColor(*render.HAEMORRHAGE_RGB)


class WindowHandle(TextTab):
    """The density window's grip, at its bottom left corner (number tags sit above the boxes,
    at the top): drag it along the strip."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, -self.size[1] - 2, *self.size)

    def __init__(self, text: str, on_drag: Callable[[float], None]) -> None:
        super().__init__(text, QColor(255, 255, 255))
        self.on_drag = on_drag
        self._last: QPointF | None = None
        self.setCursor(Qt.CursorShape.SizeHorCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._last = event.scenePos()
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._last is not None:
            self.on_drag(event.scenePos().x() - self._last.x())
            self._last = event.scenePos()
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._last = None
        event.accept()


class ViewLayers:
    """The measurement items of one view."""

    def __init__(self, view: ImageView, drag: Callable[[float], None], window_text: str) -> None:
        self.view = view
        scene = view.scene()
        self.distal = QGraphicsPathItem()
        pen = QPen(DISTAL_COLOUR, 2.0, Qt.PenStyle.DashDotLine)
        pen.setCosmetic(True)
        self.distal.setPen(pen)
        self.distal.setZValue(1.5)
        scene.addItem(self.distal)
        self.window = QGraphicsRectItem()
        fill = QColor(WINDOW_COLOUR)
        fill.setAlpha(40)
        self.window.setBrush(fill)
        border = QPen(WINDOW_COLOUR, 2.0)
        border.setCosmetic(True)
        self.window.setPen(border)
        self.window.setZValue(1.6)
        self.window.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene.addItem(self.window)
        self.handle = WindowHandle(window_text, drag)
        self.handle.setZValue(7)
        scene.addItem(self.handle)
        self.marks: list[QGraphicsItem] = []

    def clear_marks(self) -> None:
        for item in self.marks:
            self.view.scene().removeItem(item)
        self.marks = []


class MeasureLayers(QObject):
    """The marks, the distal row and the density window on every view."""

    window_moved = Signal()

    def __init__(self, views: Sequence[ImageView]) -> None:
        super().__init__()
        self.layers = [ViewLayers(view, self.drag, self.tr("1 mm ⇔")) for view in views]
        self.show_distal = True
        self.window_on = False
        self.window_x0 = 0.0
        self.window_width = 0.0  # image pixels in 1 mm; 0: no scale, no window
        self.image_width = 0
        self.image_height = 0
        self.flags: dict[int, str] = {}
        self.along_x = True
        self._apply_visibility()

    # What is shown -------------------------------------------------------------------------
    def show_result(self, result: Any) -> None:
        """Marks and row for ``result`` (None: nothing); its measuring scale sizes the 1 mm window."""
        for layer in self.layers:
            layer.clear_marks()
        self.flags = {}
        if result is None:
            self.image_width = self.image_height = 0
            self.window_width = 0.0
            for layer in self.layers:
                layer.distal.setPath(QPainterPath())
            self._apply_visibility()
            return
        self.image_width, self.image_height = int(result.width), int(result.height)
        um_per_px = result.measuring_um_per_px
        row = result.distal_row()
        self.along_x = row.along_x
        self._draw_marks(result)
        self._draw_haemorrhages(result)
        self._draw_distal(row.line)
        # The band holds 1 mm of the row: narrower across x when the row slants.
        width = 1000.0 / um_per_px * row.along_cos if um_per_px and row.along_x else 0.0
        if width != self.window_width:
            centre = self.window_x0 + self.window_width / 2 if self.window_width else self.image_width / 2
            self.window_width = width
            self.window_x0 = centre - width / 2
        self._place_window()

    def _draw_marks(self, result: Any) -> None:
        """A second box in the flag's colour around each dilated or giant loop, and its letter
        after the number on the loop's own tag ("11D", as exported): a separate "dilated" tab
        below the box covered the number tag of the loops that matter most."""
        from ...core.render import CLINICIAN_MARK, FLAG_LETTERS

        colours = flag_colours()
        words = {"dilated": self.tr("dilated"), "giant": self.tr("giant")}
        boxes = {c.id: c.bbox for c in result.capillaries}
        tags: dict[int, tuple[str, QColor | None, str]] = {}
        for number, flag in result.flags().items():
            if flag not in colours or number not in boxes:
                continue
            self.flags[number] = flag
            tags[number] = (FLAG_LETTERS.get(flag, ""), colours[flag],
                            self.tr("Capillary %1: %2").replace("%1", str(number)).replace("%2", words[flag]))
            x0, y0, x1, y1 = boxes[number]
            for layer in self.layers:
                outline = FlagBox(QRectF(x0, y0, x1 - x0, y1 - y0), colours[flag])
                outline.setZValue(2.5)
                layer.view.scene().addItem(outline)
                layer.marks.append(outline)
        for m in getattr(result, "measures", ()):  # the clinician's flags: "*" after the number, as exported
            if m.by_clinician and m.id in boxes:
                letter, colour, tip = tags.get(m.id, ("", None, self.tr("Capillary %1").replace("%1", str(m.id))))
                tags[m.id] = (letter + CLINICIAN_MARK, colour, self.tr("%1 (flagged by the clinician)").replace("%1", tip))
        for layer in self.layers:
            layer.view.set_tag_flags(tags)

    def _draw_haemorrhages(self, result: Any) -> None:
        """Each haemorrhage in a purple box, a few pixels wider than the deposit, with its "H1"."""
        colour = haemorrhage_colour()
        for haemorrhage in getattr(result, "haemorrhages", None) or ():
            x0, y0, x1, y1 = haemorrhage.bbox
            rect = QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-3, -3, 3, 3)
            tip = self.tr("Haemorrhage %1: not counted as a capillary").replace("%1", haemorrhage.label)
            for layer in self.layers:
                box = FlagBox(rect, colour)
                tab = HaemorrhageTab(haemorrhage.label, colour)
                tab.setPos(rect.topLeft())
                for item, z in ((box, 2.5), (tab, 6)):
                    item.setZValue(z)
                    item.setToolTip(tip)
                    layer.view.scene().addItem(item)
                    layer.marks.append(item)

    def _draw_distal(self, line: Sequence[tuple[float, float]]) -> None:
        path = QPainterPath()
        if line:
            path.moveTo(*line[0])
            for x, y in line[1:]:
                path.lineTo(x, y)
            if len(line) == 1:
                path.addEllipse(QPointF(*line[0]), 4, 4)
        for layer in self.layers:
            layer.distal.setPath(path)

    # The density window --------------------------------------------------------------------
    def set_distal_visible(self, visible: bool) -> None:
        self.show_distal = visible
        self._apply_visibility()

    def set_window_visible(self, visible: bool) -> None:
        self.window_on = visible
        if visible and self.window_width and not (0 <= self.window_x0 <= self.image_width - self.window_width):
            self.window_x0 = (self.image_width - self.window_width) / 2
        self._place_window()
        self.window_moved.emit()

    def window_range(self) -> tuple[float, float] | None:
        """(x0, x1) in image pixels when the window is on and fits the image, else None."""
        if not self.window_on or not self.window_width or self.window_width > self.image_width:
            return None
        return (round(self.window_x0, 1), round(self.window_x0 + self.window_width, 1))

    def move_to(self, x0: float) -> None:
        self.window_x0 = x0
        self._place_window()
        self.window_moved.emit()

    def drag(self, dx: float) -> None:
        self.move_to(self.window_x0 + dx)

    def _place_window(self) -> None:
        if self.window_width and self.image_width:
            self.window_x0 = max(0.0, min(self.window_x0, self.image_width - self.window_width))
            rect = QRectF(self.window_x0, 0, min(self.window_width, self.image_width), self.image_height)
            for layer in self.layers:
                layer.window.setRect(rect)
                layer.handle.setPos(rect.left() + 2, rect.bottom())
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        window = self.window_on and bool(self.window_width) and self.window_width <= self.image_width > 0
        for layer in self.layers:
            layer.distal.setVisible(self.show_distal and self.image_width > 0)
            layer.window.setVisible(window)
            layer.handle.setVisible(window)
