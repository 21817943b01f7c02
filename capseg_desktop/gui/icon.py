"""The application icon, drawn here (no bought or downloaded art): three red-brown hairpin
loops on beige skin, one framed by a yellow counting box."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPen

ICON_FILE = "capseg.png"


def icon_path() -> Path:
    # Where core.paths.resources_dir() points, found without importing the engine (start-up).
    return Path(__file__).resolve().parents[2] / "resources" / "icons" / ICON_FILE


def draw_icon(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(236, 206, 170))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    loop_pen = QPen(QColor(150, 50, 35), 17 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    for centre_x, top, height in ((64, 62, 130), (128, 52, 150), (192, 70, 118)):
        path = QPainterPath(QPointF((centre_x - 18) * s, (top + height) * s))
        path.lineTo(QPointF((centre_x - 18) * s, (top + 18) * s))
        path.arcTo(QRectF((centre_x - 18) * s, top * s, 36 * s, 36 * s), 180, -180)
        path.lineTo(QPointF((centre_x + 18) * s, (top + height) * s))
        painter.strokePath(path, loop_pen)
    box_pen = QPen(QColor(255, 215, 0), 9 * s)
    box_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(box_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(90 * s, 34 * s, 76 * s, 184 * s))
    painter.end()
    return image


def app_icon() -> QIcon:
    path = icon_path()
    if path.is_file():
        return QIcon(str(path))
    from PySide6.QtGui import QPixmap

    return QIcon(QPixmap.fromImage(draw_icon()))


if __name__ == "__main__":  # python -m capseg_desktop.gui.icon [OUT.png]: redraw the icon file
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else icon_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not draw_icon(256).save(str(target)):
        sys.exit(f"could not write {target}")
    print(target)
