"""Edit > Measure with a ruler: drag a line over a vessel (or any distance) and read its length,
in micrometres when the image has a scale, else in pixels. The line stays on the three views
until the next one or another tool; the status bar says its length (``core.calibration.ruler_length``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF

from ..editing.tools import LineTool
from ..widgets.tables import shown
from .calibration_line import show_line

if TYPE_CHECKING:
    from ..hosts import ImageHost


def ruler_text(window: ImageHost, start: QPointF, end: QPointF) -> str:
    """"Ruler: 23.4 µm (11.7 px)" at the shown analysis's scale, "Ruler: 11.7 px (no scale)" without one."""
    from ...core.calibration import ruler_length

    analysis = window.analysis
    scale = analysis.result.measuring_um_per_px if analysis is not None else None
    pixels, micrometres = ruler_length((start.x(), start.y()), (end.x(), end.y()), scale)
    if micrometres is None:
        return QCoreApplication.translate("Ruler", "Ruler: %1 px (no scale: set one to measure in µm)").replace("%1", shown(pixels, "f", 1))
    return QCoreApplication.translate("Ruler", "Ruler: %1 µm (%2 px)").replace("%1", shown(micrometres, "f", 1)).replace(
        "%2", shown(pixels, "f", 1))


class RulerTool(LineTool):
    """Drag a line; its length is said while dragging and after release."""

    name = "ruler"
    last = ""  # what the last line measured (tests)

    def preview(self, start: QPointF, end: QPointF) -> None:
        window = self.controller.window
        show_line(window, start, end)
        window.set_status(ruler_text(window, start, end))

    def finish(self, start: QPointF, end: QPointF) -> None:
        self.preview(start, end)
        self.last = ruler_text(self.controller.window, start, end)

    def abandon(self) -> None:
        self.start = None
        self.controller.window.views.set_preview(None)
