"""The calibration line: Edit > Calibrate's tool (drag a line over a known length), the line
drawn on the three views, and the dialog that asks the length in micrometres and whether the
scale is for this image only or a new microscope profile. ``ScaleController`` uses the answer."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..editing.tools import LineTool
from ..widgets.tables import shown

if TYPE_CHECKING:
    from ..hosts import ImageHost

LINE_COLOUR = QColor(255, 210, 0)


class CalibrationTool(LineTool):
    """Drag a line over a known length; on release the length dialog opens."""

    name = "calibrate"

    def preview(self, start: QPointF, end: QPointF) -> None:
        show_line(self.controller.window, start, end)

    def finish(self, start: QPointF, end: QPointF) -> None:
        show_line(self.controller.window, start, end)
        self.controller.window.calibration.line_drawn((start.x(), start.y()), (end.x(), end.y()))

    def abandon(self) -> None:
        self.start = None
        self.controller.window.views.set_preview(None)


def show_line(window: ImageHost, start: QPointF, end: QPointF) -> None:
    """The calibration line with short end ticks, on all three views."""
    path = QPainterPath(start)
    path.lineTo(end)
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy)
    if length > 0:
        nx, ny = -dy / length * 6, dx / length * 6
        for point in (start, end):
            path.moveTo(point.x() - nx, point.y() - ny)
            path.lineTo(point.x() + nx, point.y() + ny)
    pen = QPen(LINE_COLOUR, 2.0)
    pen.setCosmetic(True)
    window.views.set_preview(path, pen, QBrush(Qt.BrushStyle.NoBrush))


def parse_number(text: str) -> float | None:
    """A positive number typed with a point or a comma ("1000", "12,5"); None otherwise."""
    try:
        value = float(text.strip().replace(" ", "").replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


class CalibrationDialog(QDialog):
    """The known length of the line just drawn, then: use for this image, or save as a profile."""

    USE_IMAGE, SAVE_PROFILE = "image", "profile"

    def __init__(self, length_px: float, parent: QWidget | None = None, taken: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("calibration_dialog")
        self.setWindowTitle(self.tr("Calibrate the scale"))
        self.length_px = length_px
        self.taken = {name.casefold() for name in taken}
        self.choice = ""
        self.um_per_px: float | None = None
        intro = QLabel(self.tr("The line is %1 px long. How long is it in micrometres (a calibration slide's division, "
                               "a scale bar)?").replace("%1", shown(length_px, "f", 1)))
        intro.setWordWrap(True)
        self.length = QLineEdit()
        self.length.setObjectName("calibration_length")
        self.length.setAccessibleName(self.tr("Known length in micrometres"))
        self.length.setPlaceholderText(self.tr("e.g. 1000"))
        self.result_label = QLabel("")
        self.result_label.setObjectName("calibration_result")
        self.name = QLineEdit()
        self.name.setObjectName("calibration_profile_name")
        self.name.setAccessibleName(self.tr("Profile name (to save it as a microscope profile)"))
        self.name.setPlaceholderText(self.tr("e.g. Videocap 200x"))
        form = QFormLayout()
        form.addRow(self.tr("Known &length (µm)"), self.length)
        form.addRow(self.tr("Scale"), self.result_label)
        form.addRow(self.tr("Profile &name"), self.name)
        self.problem = QLabel("")
        self.problem.setObjectName("calibration_problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.use_button = QPushButton(self.tr("&Use for this image only"))
        self.use_button.setObjectName("calibration_use_image")
        self.save_button = QPushButton(self.tr("&Save as profile"))
        self.save_button.setObjectName("calibration_save_profile")
        self.save_button.setToolTip(self.tr("Keep it as a microscope profile (named above) and use it for every image"))
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.use_button.clicked.connect(lambda: self._finish(self.USE_IMAGE))
        self.save_button.clicked.connect(lambda: self._finish(self.SAVE_PROFILE))
        self.length.textChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._update()

    def _scale(self) -> float | None:
        from ...core.calibration import CalibrationError, um_per_px_from_line

        length = parse_number(self.length.text())
        if length is None:
            return None
        try:
            return um_per_px_from_line((0.0, 0.0), (self.length_px, 0.0), length)
        except CalibrationError:
            return None

    def _update(self) -> None:
        scale = self._scale()
        self.result_label.setText(self.tr("%1 µm/px").replace("%1", shown(scale, "g", 4)) if scale else self.tr("type the length"))
        self.use_button.setEnabled(scale is not None)
        named = bool(self.name.text().strip())
        self.save_button.setEnabled(scale is not None and named)
        # Enter does what the fields say: a profile name typed means "save it" (Enter ran
        # "Use for this image only" and dropped the name without a word).
        self.save_button.setDefault(named)
        self.use_button.setDefault(not named)
        self.problem.setText("")

    def _finish(self, choice: str) -> None:
        from ...core.calibration import MIN_LINE_PX

        if self.length_px < MIN_LINE_PX:
            self.problem.setText(self.tr("The line is too short: draw it over the whole known length."))
            return
        scale = self._scale()
        if scale is None:
            self.problem.setText(self.tr("Type the length in micrometres, a number above 0."))
            return
        if choice == self.SAVE_PROFILE and self.name.text().strip().casefold() in self.taken:
            self.problem.setText(self.tr("There is already a profile named '%1'.").replace("%1", self.name.text().strip()))
            return
        self.choice, self.um_per_px = choice, scale
        self.accept()
