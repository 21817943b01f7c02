"""Make the installers' icons from one square PNG.

    python packaging/make_icons.py [SOURCE.png]

SOURCE defaults to the app's own icon: drawn at 1024 px by capseg_desktop.gui.icon.draw_icon
(the window icon, so every size is sharp), else the largest resources/icons/*.png, else the
placeholder packaging/icon_placeholder.png.
Writes resources/icons/app.ico (Windows: exe, installer, shortcuts) and app.icns (macOS .app).
The Linux package resizes the same source into the hicolor theme (build_deb.sh).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PLACEHOLDER = ROOT / "packaging" / "icon_placeholder.png"


def drawn_app_icon(side: int = 1024) -> Path | None:
    """The GUI's own icon, rendered large into build/ (None where the GUI cannot load)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    try:
        from PySide6.QtGui import QGuiApplication

        from capseg_desktop.gui.icon import draw_icon
    except ImportError:
        return None
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    target = ROOT / "build" / "icons" / f"capseg-{side}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    return target if draw_icon(side).save(str(target), "PNG") else None


def source_icon() -> Path:
    """The PNG every installer icon is made from (the GUI's icon when it exists)."""
    drawn = drawn_app_icon()
    if drawn is not None:
        return drawn
    candidates = sorted(ICONS.glob("*.png"), key=lambda p: Image.open(p).size[0], reverse=True)
    if candidates:
        return candidates[0]
    if not PLACEHOLDER.is_file():
        draw_placeholder(PLACEHOLDER)
    return PLACEHOLDER


def draw_placeholder(path: Path, side: int = 512) -> None:
    """A red capillary loop on a pale rounded square: recognisable, and clearly a stand-in."""
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, side - 16, side - 16), radius=96, fill=(250, 236, 228, 255),
                           outline=(150, 40, 50, 255), width=12)
    for x0 in (120, 232, 344):  # three hairpin loops, as seen at the nailfold
        draw.arc((x0 - 8, 120, x0 + 56, 184), 180, 360, fill=(190, 30, 45, 255), width=18)
        draw.line((x0, 152, x0, 400), fill=(190, 30, 45, 255), width=18)
        draw.line((x0 + 48, 152, x0 + 48, 400), fill=(190, 30, 45, 255), width=18)
    image.save(path)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else source_icon()
    image = Image.open(source).convert("RGBA")
    if image.size[0] != image.size[1]:
        raise SystemExit(f"{source} is not square: {image.size}")
    ICONS.mkdir(parents=True, exist_ok=True)
    image.save(ICONS / "app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big = image.resize((1024, 1024), Image.LANCZOS) if image.size[0] < 1024 else image
    big.save(ICONS / "app.icns")
    print(f"{source} -> resources/icons/app.ico, resources/icons/app.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
