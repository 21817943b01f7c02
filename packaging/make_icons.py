"""Make the installers' icons from one square PNG.

    python packaging/make_icons.py [SOURCE.png]

SOURCE defaults to the app's own icon (resources/icons/app.png, else the largest
resources/icons/*.png); without one it draws the placeholder packaging/icon_placeholder.png.
Writes resources/icons/app.ico (Windows: exe, installer, shortcuts) and app.icns (macOS .app).
The Linux package resizes the same source into the hicolor theme (build_deb.sh).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PLACEHOLDER = ROOT / "packaging" / "icon_placeholder.png"


def source_icon() -> Path:
    """The PNG every installer icon is made from (the GUI's icon when it exists)."""
    preferred = ICONS / "app.png"
    if preferred.is_file():
        return preferred
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
    print(f"{source.relative_to(ROOT)} -> resources/icons/app.ico, resources/icons/app.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
