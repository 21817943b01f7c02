"""The edit tools: what a press, a drag and a click on the views do in each mode.

The views hand a tool image (scene) coordinates; the tool draws its preview (a brush stroke,
a cut line) on all three views and, when the gesture ends, asks the edit controller for the
edit. Select mode has no tool: clicks select and drags pan, as before editing existed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:
    import numpy as np

    from ...core import Analysis
    from .controller import EditController
    from ..views.image_views import ImageView

BRUSH_COLOUR = QColor(0, 200, 255)
ERASER_COLOUR = QColor(255, 80, 80)
CUT_COLOUR = QColor(255, 255, 255)


class EditTool:
    """Base: takes nothing, so the view selects and pans as usual."""

    name = "select"
    drag_mode = QGraphicsView.DragMode.ScrollHandDrag

    def __init__(self, controller: EditController) -> None:
        self.controller = controller

    def press(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        return False

    def move(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        return False

    def release(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        return False

    def click(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        """A click that did not drag (Ctrl+click always selects)."""
        return False

    def cursor(self, view: ImageView) -> QCursor:
        return QCursor(Qt.CursorShape.OpenHandCursor)

    def abandon(self) -> None:
        """The tool is left mid-gesture: forget it and its preview."""


class AddTool(EditTool):
    """Add by click: a region grown from the probability map around the click."""

    name = "add"

    def click(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        self.controller.add_at(pos)
        return True

    def cursor(self, view: ImageView) -> QCursor:
        return QCursor(Qt.CursorShape.CrossCursor)


class StrokeTool(EditTool):
    """Brush (or eraser): a stroke of the brush's diameter, painted on release."""

    name = "brush"
    drag_mode = QGraphicsView.DragMode.NoDrag
    erase = False

    def __init__(self, controller: EditController) -> None:
        super().__init__(controller)
        self.points: list[QPointF] | None = None

    def _colour(self) -> QColor:
        return ERASER_COLOUR if self.erase else BRUSH_COLOUR

    def press(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self.points = [pos]
        self._preview()
        return True

    def move(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if self.points is None:
            return False
        self.points.append(pos)
        self._preview()
        return True

    def release(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if self.points is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        points, self.points = self.points + [pos], None
        self.controller.window.views.set_preview(None)
        self.controller.stroke(points, erase=self.erase)
        return True

    def _preview(self) -> None:
        if not self.points:
            return
        path = QPainterPath(self.points[0])
        for point in self.points[1:]:
            path.lineTo(point)
        if len(self.points) == 1:
            path.lineTo(self.points[0] + QPointF(0.01, 0))
        colour = QColor(self._colour())
        colour.setAlpha(140)
        pen = QPen(colour, float(self.controller.brush_px))  # image pixels: scales with the zoom
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.controller.window.views.set_preview(path, pen)

    def cursor(self, view: ImageView) -> QCursor:
        """A circle the size of the brush on screen."""
        diameter = max(4, min(256, int(round(self.controller.brush_px * view.scale_factor()))))
        side = diameter + 4
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(2, 2, diameter, diameter)
        painter.setPen(QPen(QColor(0, 0, 0, 200), 3))
        painter.drawEllipse(rect)
        painter.setPen(QPen(self._colour(), 1.5))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawEllipse(rect)
        painter.end()
        return QCursor(pixmap, side // 2, side // 2)

    def abandon(self) -> None:
        if self.points is not None:
            self.points = None
            self.controller.window.views.set_preview(None)


class EraserTool(StrokeTool):
    name = "eraser"
    erase = True


class LineTool(EditTool):
    """Drag a straight line in a view: ``preview`` draws it while dragging, ``finish`` gets its
    two ends on release (the cut of Split, the known length of Calibrate)."""

    drag_mode = QGraphicsView.DragMode.NoDrag

    def __init__(self, controller: Any) -> None:
        super().__init__(controller)
        self.start: QPointF | None = None

    def preview(self, start: QPointF, end: QPointF) -> None:
        raise NotImplementedError

    def finish(self, start: QPointF, end: QPointF) -> None:
        raise NotImplementedError

    def press(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self.start = pos
        return True

    def move(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if self.start is None:
            return False
        self.preview(self.start, pos)
        return True

    def release(self, view: ImageView, pos: QPointF, event: QMouseEvent) -> bool:
        if self.start is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        start, self.start = self.start, None
        self.finish(start, pos)
        return True

    def cursor(self, view: ImageView) -> QCursor:
        return QCursor(Qt.CursorShape.CrossCursor)

    def abandon(self) -> None:
        if self.start is not None:
            self.start = None
            self.controller.window.views.set_preview(None)


class SplitTool(LineTool):
    """Drag a cut line across one capillary: it becomes two."""

    name = "split"

    def preview(self, start: QPointF, end: QPointF) -> None:
        path = QPainterPath(start)
        path.lineTo(end)
        pen = QPen(CUT_COLOUR, 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.controller.window.views.set_preview(path, pen)

    def finish(self, start: QPointF, end: QPointF) -> None:
        self.controller.window.views.set_preview(None)
        self.controller.split_line(start, end)


class RejectAreaTool(LineTool):
    """Drag a rectangle: every box whose centre is inside it leaves the count (one undo step)."""

    name = "reject_area"

    def preview(self, start: QPointF, end: QPointF) -> None:
        path = QPainterPath()
        path.addRect(QRectF(start, end).normalized())
        pen = QPen(ERASER_COLOUR, 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.controller.window.views.set_preview(path, pen, QBrush(Qt.BrushStyle.NoBrush))

    def finish(self, start: QPointF, end: QPointF) -> None:
        self.controller.window.views.set_preview(None)
        self.controller.review.reject_area(start, end)


TOOLS = {tool.name: tool for tool in (EditTool, AddTool, StrokeTool, EraserTool, SplitTool, RejectAreaTool)}


def image_point(pos: QPointF) -> tuple[float, float]:
    """A scene point as the (x, y) image coordinates ``core.corrections`` takes."""
    return pos.x(), pos.y()


def point_inside(labels: np.ndarray, analysis: Analysis, number: int, near: tuple[float, float] | None = None) -> tuple[float, float]:
    """A pixel of capillary ``number`` (the one nearest ``near``, by default its centroid):
    what a remove, merge or paint edit names it by (``core.corrections.point_inside``)."""
    from ...core.corrections import point_inside as nearest_pixel

    capillary = next(c for c in analysis.result.capillaries if c.id == number)
    return nearest_pixel(labels, number, near if near is not None else capillary.centroid, capillary.bbox)
