"""Three image views (original, mask, overlay) that zoom and pan together, with the counted
capillaries' boxes drawn on each; a click on a box (or on a capillary's pixels) selects that
capillary, Ctrl+click adds it to the selection. An edit tool (``tool``) may take the mouse
over: the views hand it the presses, moves and releases in image coordinates."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .tags import BOX_COLOUR, EDITED_COLOUR, SELECTED_COLOUR, BoxItem, BoxLabel, place_tags

__all__ = ["BOX_COLOUR", "EDITED_COLOUR", "SELECTED_COLOUR", "ImageView", "ViewGroup", "ViewPane", "best_orientation"]

ZOOM_STEP = 1.25
MIN_SCALE = 0.01
MAX_SCALE = 32.0
CLICK_SLOP_PX = 4


class ImageView(QGraphicsView):
    """One picture with optional tinted layer and boxes. Wheel or +/- zoom, drag pans."""

    view_changed = Signal()
    box_clicked = Signal(int)  # capillary id, 0 for a click beside every box
    box_toggled = Signal(int)  # Ctrl+click on a capillary: add it to the selection or take it out
    context_menu_requested = Signal(object, object)  # image point (QPointF), screen point (QPoint)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor(58, 58, 58)))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(False)  # files dropped here reach the main window
        self.viewport().setAcceptDrops(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.picture_item = QGraphicsPixmapItem()
        self.picture_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.picture_item)
        self.layer_item = QGraphicsPixmapItem()
        self.layer_item.setZValue(1)
        self.scene().addItem(self.layer_item)
        self.preview_item = QGraphicsPathItem()  # what an edit tool is drawing (a stroke, a cut line)
        self.preview_item.setZValue(6)
        self.scene().addItem(self.preview_item)
        self._boxes: dict[int, tuple[BoxItem, BoxLabel]] = {}
        self._selected: tuple[int, ...] = ()
        self._edited: frozenset[int] = frozenset()  # boxes drawn green: made or changed by hand
        #: The capillary whose pixels are under an image point (0: none), given by the window.
        self.pick: Callable[[QPointF], int] | None = None
        #: The active edit tool (``editing.tools.EditTool``); None: clicks select, drags pan.
        self.tool: Any = None
        self._press_pos: QPoint | None = None
        self._tags_scale = 0.0
        self.fit_mode = True
        self.hint = ""  # drawn in the middle while there is no picture
        self.view_changed.connect(self._relayout_tags)

    # Content -----------------------------------------------------------------------------
    def has_picture(self) -> bool:
        return not self.picture_item.pixmap().isNull()

    def set_picture(self, pixmap: QPixmap) -> None:
        self.picture_item.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))

    def set_placeholder(self, width: int, height: int) -> None:
        """No picture yet (the mask before the count), but the image's size, so that the view
        zooms and pans with the others; cheaper than a black picture of an 8000-pixel scan."""
        self.picture_item.setPixmap(QPixmap())
        self.layer_item.setPixmap(QPixmap())
        self.scene().setSceneRect(QRectF(0, 0, width, height))

    def set_layer(self, pixmap: QPixmap | None, opacity: float = 1.0) -> None:
        self.layer_item.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.layer_item.setOpacity(opacity)

    def set_layer_opacity(self, opacity: float) -> None:
        self.layer_item.setOpacity(opacity)

    def clear(self) -> None:
        self.set_boxes([])
        self.picture_item.setPixmap(QPixmap())
        self.layer_item.setPixmap(QPixmap())

    def set_boxes(self, boxes: list[tuple[int, tuple[int, int, int, int]]], edited: frozenset[int] = frozenset()) -> None:
        """``boxes``: (capillary id, (x0, y0, x1, y1)) with x1, y1 exclusive; ``edited``: the
        ids of capillaries made or changed by hand (green, as in the exported picture)."""
        self._edited = frozenset(edited)
        for rect, label in self._boxes.values():
            self.scene().removeItem(rect)
            self.scene().removeItem(label)
        self._boxes.clear()
        for number, (x0, y0, x1, y1) in boxes:
            rect = BoxItem(QRectF(x0, y0, x1 - x0, y1 - y0))
            rect.setZValue(2)
            label = BoxLabel(str(number))
            label.setZValue(3)
            self.scene().addItem(rect)
            self.scene().addItem(label)
            self._boxes[number] = (rect, label)
        self._style_boxes()
        self._relayout_tags(force=True)

    def set_tag_flags(self, flags: dict[int, tuple[str, QColor, str]]) -> None:
        """Flagged loops' tags: number -> (letter, colour, tooltip); the others plain numbers.
        The tags are placed again only when one changed (``set_boxes`` has just placed them,
        and most results carry no flag)."""
        changed = False
        for number, (_rect, label) in self._boxes.items():
            letter, colour, tip = flags.get(number, ("", None, ""))
            changed |= label.set_flag(letter, colour, tip)
        if changed:
            self._relayout_tags(force=True)

    def _relayout_tags(self, force: bool = False) -> None:
        scale = self.scale_factor()
        if force or abs(scale - self._tags_scale) > 1e-6:
            self._tags_scale = scale
            place_tags(self._boxes, scale, self.sceneRect())

    def tag_rects(self) -> dict[int, QRectF]:
        """The visible tags' rectangles in image (scene) coordinates."""
        scale = self.scale_factor()
        out = {}
        for number, (_rect, label) in self._boxes.items():
            if label.isVisible():
                w, h = label.size_px()
                out[number] = QRectF(label.pos(), QSizeF(w / scale, h / scale))
        return out

    def box_ids(self) -> list[int]:
        return sorted(self._boxes)

    def select_box(self, number: int) -> None:
        self.select_boxes([number] if number else [])

    def select_boxes(self, numbers: list[int] | tuple[int, ...]) -> None:
        self._selected = tuple(n for n in dict.fromkeys(numbers) if n)
        self._style_boxes()

    def selected_box(self) -> int:
        """The first selected capillary, 0 when none."""
        return self._selected[0] if self._selected else 0

    def selected_boxes(self) -> tuple[int, ...]:
        return self._selected

    def set_preview(self, path: QPainterPath | None, pen: QPen | None = None, brush: QBrush | None = None) -> None:
        self.preview_item.setPath(path if path is not None else QPainterPath())
        self.preview_item.setPen(pen if pen is not None else QPen(Qt.PenStyle.NoPen))
        self.preview_item.setBrush(brush if brush is not None else QBrush(Qt.BrushStyle.NoBrush))

    def _style_boxes(self) -> None:
        for number, (rect, label) in self._boxes.items():
            selected = number in self._selected
            colour = SELECTED_COLOUR if selected else EDITED_COLOUR if number in self._edited else BOX_COLOUR
            fill = QBrush(QColor(255, 0, 200, 40)) if selected else QBrush(Qt.BrushStyle.NoBrush)
            rect.set_style(colour, 3.0 if selected else 1.5, fill)
            label.set_colour(colour)
            label.setZValue(5 if selected else 3)
            rect.setZValue(4 if selected else 2)

    def box_at(self, scene_pos: QPointF) -> int:
        """The capillary whose pixels are under ``scene_pos``, else the smallest box under it
        (boxes can nest), 0 if none."""
        picked = self.pick(scene_pos) if self.pick is not None else 0
        if picked:
            return picked
        hits = [
            (rect.rect().width() * rect.rect().height(), number)
            for number, (rect, _label) in self._boxes.items()
            if rect.rect().contains(scene_pos)
        ]
        return min(hits)[1] if hits else 0

    def centre_on_box(self, number: int) -> None:
        """Bring a box into view without changing the zoom."""
        if number in self._boxes:
            self.ensureVisible(self._boxes[number][0].rect(), 20, 20)

    # Zoom --------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, scale: float) -> None:
        scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self.fit_mode = False
        self.setTransform(QTransform.fromScale(scale, scale))
        self.view_changed.emit()

    def zoom_by(self, factor: float) -> None:
        self.set_scale(self.scale_factor() * factor)

    def fit(self) -> None:
        if not self.sceneRect().isEmpty():
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.fit_mode = True
        self.view_changed.emit()

    def fit_scale(self) -> float:
        """The scale at which the whole picture fits the viewport."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return 1.0
        viewport = self.viewport().rect()
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    # Events ------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.zoom_by(ZOOM_STEP ** (delta / 120.0))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)

    def _scene_pos(self, event: QMouseEvent | QContextMenuEvent) -> QPointF:
        point = event.pos() if isinstance(event, QContextMenuEvent) else event.position().toPoint()
        return self.mapToScene(point)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and self.has_picture() and self.tool.press(self, self._scene_pos(event), event):
            self._press_pos = None
            event.accept()
            return
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and self.tool.move(self, self._scene_pos(event), event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and self.tool.release(self, self._scene_pos(event), event):
            self._press_pos = None
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self._press_pos is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - self._press_pos).manhattanLength()
        self._press_pos = None
        if moved <= CLICK_SLOP_PX and self.has_picture():
            scene_pos = self._scene_pos(event)
            number = self.box_at(scene_pos)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if number:
                    self.box_toggled.emit(number)
            elif self.tool is None or not self.tool.click(self, scene_pos, event):
                self.box_clicked.emit(number)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.has_picture():
            self.context_menu_requested.emit(self._scene_pos(event), event.globalPos())
            event.accept()

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if self.hint and not self.has_picture():
            painter = QPainter(self.viewport())
            font, rect, flags = self.hint_layout()
            painter.setFont(font)
            painter.setPen(QColor(225, 225, 225))
            painter.drawText(rect, flags, self.hint)
            painter.end()

    def hint_layout(self) -> tuple[QFont, QRect, int]:
        """The empty view's hint: font, rectangle and flags. Wrapped at spaces within a margin,
        at a smaller size where a word is still too wide: in French the one centred line ran
        past both edges of a half-window view ("…ier > Ouvrir une image…, Ctr")."""
        rect = self.viewport().rect().adjusted(12, 12, -12, -12)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        font = QFont(self.font())
        base = font.pointSizeF()
        for factor in (1.4, 1.2, 1.0, 0.9):
            font.setPointSizeF(base * factor)
            needed = QFontMetrics(font).boundingRect(rect, flags, self.hint)
            if needed.width() <= rect.width() and needed.height() <= rect.height():
                break
        return font, rect, flags

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.view_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()


def best_orientation(arrangement: str, area: tuple[int, int], image: tuple[int, int] | None) -> Qt.Orientation:
    """Side by side, stacked, or (automatic) whichever shows the image larger: a wide nailfold
    strip is three times larger stacked than side by side."""
    if arrangement == "stacked":
        return Qt.Orientation.Vertical
    if arrangement == "auto" and image is not None:
        width, height = max(1, area[0]), max(1, area[1] - 3 * 24)  # minus the titles
        image_w, image_h = max(1, image[0]), max(1, image[1])
        side = min(width / 3 / image_w, height / image_h)
        stacked = min(width / image_w, height / 3 / image_h)
        if stacked > side * 1.15:
            return Qt.Orientation.Vertical
    return Qt.Orientation.Horizontal


class ViewPane(QWidget):
    """A view with its title above it."""

    def __init__(self, title: str, view: ImageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.title = QLabel(title)
        self.title.setObjectName(f"{view.objectName()}_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(view, 1)
        view.setAccessibleName(self.tr("%1 view").replace("%1", title))
        view.setAccessibleDescription(
            self.tr("The %1 picture. Mouse wheel or plus and minus keys zoom, drag pans; the three views move together.").replace("%1", title.lower())
            + " " + self.tr("Click a capillary to select it (Ctrl+click adds one); the Edit menu's tools correct the count.")
        )


class ViewGroup:
    """Keeps the views at one zoom and one position."""

    def __init__(self, views: list[ImageView]) -> None:
        self.views = views
        self._syncing = False
        self.edited: frozenset[int] = frozenset()
        for view in views:
            view.view_changed.connect(lambda view=view: self._follow(view))

    def _follow(self, leader: ImageView) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            transform = leader.transform()
            centre = leader.mapToScene(leader.viewport().rect().center())
            for view in self.views:
                if view is leader:
                    continue
                view.fit_mode = leader.fit_mode
                view.setTransform(transform)
                view.centerOn(centre)
                view._relayout_tags()
        finally:
            self._syncing = False

    def leader(self) -> ImageView:
        return self.views[0]

    def fit(self) -> None:
        self.leader().fit()

    def zoom_by(self, factor: float) -> None:
        leader = self.leader()
        anchor = leader.transformationAnchor()
        leader.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        leader.zoom_by(factor)
        leader.setTransformationAnchor(anchor)

    def actual_size(self) -> None:
        leader = self.leader()
        anchor = leader.transformationAnchor()
        leader.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        leader.set_scale(1.0)
        leader.setTransformationAnchor(anchor)

    def select_box(self, number: int, reveal: bool = False) -> None:
        self.select_boxes([number] if number else [], reveal)

    def select_boxes(self, numbers: list[int] | tuple[int, ...], reveal: bool = False) -> None:
        for view in self.views:
            view.select_boxes(numbers)
        if reveal and numbers:
            self.leader().centre_on_box(numbers[0])

    def selected(self) -> tuple[int, ...]:
        return self.leader().selected_boxes()

    def set_preview(self, path: QPainterPath | None, pen: QPen | None = None, brush: QBrush | None = None) -> None:
        for view in self.views:
            view.set_preview(path, pen, brush)

    def set_boxes(self, boxes: list[tuple[int, tuple[int, int, int, int]]]) -> None:
        """Boxes for every view; those in ``edited`` (set by the edit controller for the result
        about to be shown) are drawn green."""
        for view in self.views:
            view.set_boxes(boxes, self.edited)
