"""One finger of the exam: a drop target holding its images, and its figures.

Images dropped from the file manager are assigned to the finger they are dropped on; an
image dragged from one finger to another moves there. The list's rows say how each image
was counted, or why it is excluded (struck through)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..widgets.drops import dropped_paths

PATH_ROLE = Qt.ItemDataRole.UserRole
#: The thumbnail beside each image's name (a strip is about three times as wide as tall).
ICON_SIZE = QSize(96, 34)


def finger_title(finger: str) -> str:
    """"L2 – left index" and so on, in the user's language."""
    titles = {
        "L2": QCoreApplication.translate("ExamFingers", "L2 – left index"),
        "L3": QCoreApplication.translate("ExamFingers", "L3 – left middle"),
        "L4": QCoreApplication.translate("ExamFingers", "L4 – left ring"),
        "L5": QCoreApplication.translate("ExamFingers", "L5 – left little"),
        "R2": QCoreApplication.translate("ExamFingers", "R2 – right index"),
        "R3": QCoreApplication.translate("ExamFingers", "R3 – right middle"),
        "R4": QCoreApplication.translate("ExamFingers", "R4 – right ring"),
        "R5": QCoreApplication.translate("ExamFingers", "R5 – right little"),
    }
    return titles.get(finger, finger)


class FingerList(QListWidget):
    """The images of one finger; accepts image files, hands them on as ``dropped``."""

    dropped = Signal(list)  # list[Path]
    activated_path = Signal(object)  # Path
    menu_requested = Signal(object, QPoint)  # Path or None, global position

    def __init__(self, finger: str) -> None:
        super().__init__()
        self.finger = finger
        self.setObjectName(f"exam_list_{finger}")
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # the source list never removes the row itself
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMinimumHeight(70)
        self.setIconSize(ICON_SIZE)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(lambda item: self.activated_path.emit(item.data(PATH_ROLE)))
        self.customContextMenuRequested.connect(self._menu)

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is not None:
            self.setCurrentItem(item)
        self.menu_requested.emit(item.data(PATH_ROLE) if item is not None else None, self.viewport().mapToGlobal(position))

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(item.data(PATH_ROLE))) for item in items])
        return data

    def _usable(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        from ...core.imageio import is_supported_image_path

        return [p for p in dropped_paths(event) if is_supported_image_path(p) and not p.is_dir()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._usable(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._usable(event)
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(paths)

    def current_path(self) -> Path | None:
        item = self.currentItem()
        return item.data(PATH_ROLE) if item is not None else None


class FingerBox(QGroupBox):
    """A finger's title, its images and one line of figures."""

    def __init__(self, finger: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finger = finger
        self.setObjectName(f"exam_finger_{finger}")
        self.setTitle(finger_title(finger))
        self.list = FingerList(finger)
        self.list.setAccessibleName(self.tr("Images of %1").replace("%1", finger_title(finger)))
        self.list.setToolTip(self.tr("Drop images here; drag one to another finger to move it; double-click to see it in the main window"))
        self.figures = QLabel(self.tr("No image"))
        self.figures.setObjectName(f"exam_figures_{finger}")
        self.figures.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.figures)

    def show_images(self, rows: list[tuple[Path, str, str, bool, QIcon | None]]) -> None:
        """``rows``: (path, text, tooltip, excluded, thumbnail icon or None)."""
        current = self.list.current_path()
        self.list.clear()
        for path, text, tip, excluded, icon in rows:
            item = QListWidgetItem(text)
            if icon is not None:
                item.setIcon(icon)
            item.setData(PATH_ROLE, path)
            item.setToolTip(tip)
            if excluded:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if path == current:
                self.list.setCurrentItem(item)

    def show_figures(self, text: str) -> None:
        self.figures.setText(text)
