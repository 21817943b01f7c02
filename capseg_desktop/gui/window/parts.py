"""Small parts of the main window: the status bar (one progress bar, one Cancel), the Open
recent menu, and the views' arrangement, overlay opacity and zoom read-out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication, QLabel, QMenu, QMessageBox, QProgressBar, QPushButton, QSizePolicy, QSlider, QSplitter, QStatusBar, QWidget,
)

from ..settings import AppSettings
from ..widgets.tables import english_one, locale_number
from ..views.image_views import ViewGroup, best_orientation

if TYPE_CHECKING:
    from ...core.scale import ScaleInfo


class ElidedLabel(QLabel):
    """A status-bar text that gives way when the bar is short (a French sentence is longer than
    its English one): it ends in "…" and shows the whole text as its tooltip. ``text()`` is
    the whole text."""

    def __init__(self, text: str = "", minimum_px: int = 60) -> None:
        super().__init__()
        self._full = ""
        self.detail = ""  # the tooltip when the text is whole
        self._minimum_px = minimum_px
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def minimumSizeHint(self):  # noqa: N802 - it may shrink to this, eliding
        hint = super().minimumSizeHint()
        hint.setWidth(min(self._minimum_px, self.sizeHint().width()))
        return hint

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self):  # noqa: N802 - the whole text's width, so it gets it when there is room
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._full) + 8)
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width() - 4))
        QLabel.setText(self, shown)
        self.setToolTip(self.detail or (self._full if shown != self._full else ""))


class StatusArea(QObject):
    """What the window is doing: a message, the scale the image was analysed at, one progress
    bar and one Cancel for an analysis or a batch, the zoom and the model."""

    def __init__(self, bar: QStatusBar, cancel: Callable[[], None]) -> None:
        super().__init__(bar)
        self.label = ElidedLabel(self.tr("Starting…"))
        self.label.setObjectName("status_label")
        self.label.setAccessibleName(self.tr("Status"))
        bar.addWidget(self.label, 1)
        self.scale_label = ElidedLabel("", minimum_px=120)
        self.scale_label.setObjectName("scale_label")
        self.scale_label.setAccessibleName(self.tr("Scale the image was analysed at"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the analysis or the batch"))
        self.cancel_button.setToolTip(self.tr("Stop the running analysis or batch (Esc)"))
        self.cancel_button.clicked.connect(cancel)
        self.zoom_label = QLabel("")
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.model_label = QLabel(self.tr("No model"))
        self.model_label.setObjectName("model_label")
        self.model_label.setAccessibleName(self.tr("Model"))
        for widget in (self.scale_label, self.progress_bar, self.cancel_button, self.zoom_label, self.model_label):
            bar.addPermanentWidget(widget)
        self.set_working(False)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_scale(self, scale: ScaleInfo | None) -> None:
        """The scale the image was analysed at. The bar says it in a few words ("×0.77 for the
        model"), its tooltip in full: the whole phrase took the room of the messages on its
        left, which were cut mid-sentence."""
        if scale is None:
            self.scale_label.setText("")
            self.scale_label.setVisible(False)
            return
        if scale.resized:
            short = self.tr("×%1 for the model").replace("%1", locale_number(scale.factor, 2))
        else:
            short = self.tr("own size for the model")
        self.scale_label.detail = scale.describe()
        self.scale_label.setText(short)
        self.scale_label.setVisible(True)

    def set_working(self, working: bool) -> None:
        self.progress_bar.setVisible(working)
        self.cancel_button.setVisible(working)
        if working:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(0)

    def set_progress(self, fraction: float | None) -> None:
        """``None``: busy, no steps to show."""
        if fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(int(round(fraction * 100)))


class RecentMenu(QObject):
    """File > Open recent: only images that opened; Clear recent asks first."""

    def __init__(self, menu: QMenu, settings: AppSettings, open_image: Callable[[Path], None], clear_action: QAction, parent_widget: QWidget) -> None:
        super().__init__(menu)
        self.menu = menu
        self.settings = settings
        self.open_image = open_image
        self.clear_action = clear_action
        self.parent_widget = parent_widget
        menu.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.menu.clear()
        files = self.settings.recent_files()
        for number, name in enumerate(files, start=1):
            action = self.menu.addAction(f"&{number} {Path(name).name}")
            action.setToolTip(name)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, name=name: self.open_image(Path(name)))
        if not files:
            empty = self.menu.addAction(self.tr("No recent images"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(files))

    def add(self, path: Path) -> None:
        """An image that opened and was read: only then is it worth offering again."""
        self.settings.add_recent_file(path)
        self.fill()

    def clear(self) -> None:
        files = self.settings.recent_files()
        if not files:
            return
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Clear recent images?"),
            english_one(self.tr("Forget the %n recently opened images in File > Open recent? The images themselves are not touched.", "", len(files)),
                        len(files), "Forget the %n recently opened images in File > Open recent? The images themselves are not touched.",
                        "Forget the 1 recently opened image in File > Open recent? The images themselves are not touched."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.settings.clear_recent_files()
            self.fill()


class LayoutControls(QObject):
    """How the three views are placed (side by side, stacked, automatic), the overlay's
    opacity and the zoom read-out."""

    def __init__(self, settings: AppSettings, views: ViewGroup, splitter: QSplitter, slider: QSlider,
                 arrange_actions: dict[str, QAction], zoom_label: QLabel) -> None:
        super().__init__(splitter)
        self.settings, self.views, self.splitter, self.slider = settings, views, splitter, slider
        self.arrange_actions, self.zoom_label = arrange_actions, zoom_label
        self.opacity = settings.opacity()
        self.arrangement = settings.arrangement()
        self.image_size: tuple[int, int] | None = None
        self.arrange_actions[self.arrangement].setChecked(True)
        self._show_opacity()
        slider.valueChanged.connect(lambda value: self.set_opacity(value / 100.0))
        views.leader().view_changed.connect(self.update_zoom_label)

    def _show_opacity(self) -> None:
        if self.slider.value() != int(round(self.opacity * 100)):
            self.slider.blockSignals(True)
            self.slider.setValue(int(round(self.opacity * 100)))
            self.slider.blockSignals(False)

    def set_opacity(self, value: float) -> None:
        self.opacity = min(1.0, max(0.0, round(value, 2)))
        self.views.views[2].set_layer_opacity(self.opacity)  # the overlay
        self._show_opacity()
        self.settings.set_opacity(self.opacity)

    def set_arrangement(self, key: str) -> None:
        self.arrangement = key
        self.arrange_actions[key].setChecked(True)
        self.settings.set_arrangement(key)
        self.refresh()

    def refresh(self, image: tuple[int, int] | None = None) -> None:
        """Place the views for the splitter's size and the image's (``image``: a new one)."""
        if image is not None:
            self.image_size = image
        orientation = best_orientation(self.arrangement, (self.splitter.width(), self.splitter.height()), self.image_size)
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([1, 1, 1])
            QTimer.singleShot(0, lambda: self.views.fit() if self.views.leader().fit_mode else None)

    def update_zoom_label(self) -> None:
        leader = self.views.leader()
        if leader.has_picture():
            self.zoom_label.setText(self.tr("Zoom %1 %").replace("%1", locale_number(leader.scale_factor() * 100, 0)))


class EscapeCancels(QObject):
    """Esc cancels the running work even when the menu bar holds the keyboard: after a menu
    is closed with Esc, the menu bar keeps the focus and would swallow the next Esc."""

    def __init__(self, watched: QWidget, cancel: QAction) -> None:
        super().__init__(watched)
        self.cancel = cancel
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
            and QApplication.activePopupWidget() is None
            and self.cancel.isEnabled()
        ):
            self.cancel.trigger()
        return False  # the menu bar still leaves its keyboard mode
