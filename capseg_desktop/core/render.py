"""Pictures: the mask, the overlay and the annotated image with its legend strip.

All functions take and return RGB uint8 arrays. ``encode_png`` also writes the legend as PNG
text chunks, so that an exported file carries its provenance in its metadata too.
"""

from __future__ import annotations

import logging
import struct
import unicodedata
import zlib
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import tag_layout
from .counting import Capillary
from .haemorrhage import Haemorrhage
from .errors import ExportError
from .i18n import translate

BOX_RGB = (255, 230, 0)  # yellow: stands out on beige skin and red-brown loops
EDITED_BOX_RGB = (70, 255, 70)  # green: a capillary made or changed by hand, told apart from yellow
DILATED_BOX_RGB = (255, 140, 0)  # orange: a dilated loop (vessel >= 20 µm)
GIANT_BOX_RGB = (255, 30, 30)  # red: a giant loop (vessel >= 50 µm)
FLAG_COLOURS = {"dilated": DILATED_BOX_RGB, "giant": GIANT_BOX_RGB}
#: Letters after a flagged loop's number, so the marks read in black and white too.
FLAG_LETTERS = {"dilated": "D", "giant": "G"}
#: After the number (and letter) of a loop whose flags the clinician set (``core.overrides``).
CLINICIAN_MARK = "*"
#: Purple: a haemorrhage (``core.haemorrhage``), its box and its "H1", "H2" tag; no capillary
#: box has this colour.
HAEMORRHAGE_RGB = (200, 70, 255)
DISTAL_RGB = (0, 235, 235)  # cyan, dashed: the distal row's apex line, as in the window
OUTLINE_RGB = (0, 200, 255)
LABEL_TEXT_RGB = BOX_RGB  # box-yellow numbers on a dark tab: legible on beige and yellow skin
TAG_FILL_RGB = (20, 20, 20)
HALO_RGB = (0, 0, 0)  # under each box line, so that yellow boxes show on yellowish skin
OVERLAY_RGB = (0, 200, 255)  # azure tint: the complement of the capillaries' red-brown
LEGEND_BG_RGB = (245, 245, 245)
LEGEND_TEXT_RGB = (20, 20, 20)
_FONT = cv2.FONT_HERSHEY_SIMPLEX  # the tags' numbers (ASCII)
_log = logging.getLogger(__name__)


def mask_image(mask: np.ndarray) -> np.ndarray:
    """Boolean mask to an RGB picture: white capillaries on black."""
    grey = np.where(mask, 255, 0).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB)


def overlay_image(
    rgb: np.ndarray,
    mask: np.ndarray,
    opacity: float = 0.45,
    colour: Sequence[int] = OVERLAY_RGB,
) -> np.ndarray:
    """The mask tinted over the original at ``opacity`` (0 = original only, 1 = solid)."""
    opacity = float(np.clip(opacity, 0.0, 1.0))
    out = rgb.copy()
    if opacity == 0.0 or not mask.any():
        return out
    tint = np.asarray(colour, dtype=np.float32)
    selected = out[mask].astype(np.float32)
    out[mask] = np.clip(selected * (1.0 - opacity) + tint * opacity + 0.5, 0, 255).astype(np.uint8)
    return out


def _scale_for(height: int, width: int) -> tuple[float, int]:
    """Font scale and line thickness that read well at the image's own resolution."""
    reference = max(400.0, min(float(max(height, width)) / 3.0, 4000.0))
    font_scale = 0.55 * reference / 400.0
    thickness = max(1, int(round(2 * reference / 400.0)))
    return font_scale, thickness


_SUBSTITUTES = {
    "µ": "u", "μ": "u", "×": "x", "–": "-", "—": "-", "’": "'",
    "«": '"', "»": '"', "\u00a0": " ", "\u202f": " ",  # French quotation marks and no-break spaces
}


def _ascii(text: str) -> str:
    """The legend for a font that has ASCII only (Pillow's own, when the legend's font file is
    missing): accents dropped ("é" -> "e"), "×" as "x", "µ" as "u", anything else "?"."""
    out = []
    for char in text:
        char = _SUBSTITUTES.get(char, char)
        if char.isascii():
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(base if base and base.isascii() else "?")
    return "".join(out)


def tag_places(
    capillaries: Sequence[Capillary], width: int, height: int, flags: Mapping[int, str] | None = None,
    marked: Iterable[int] = (),
) -> dict[int, tuple[str, tuple[int, int, int, int]]]:
    """Each capillary's number tag in the exported picture: its text and its tab's pixels
    ``(x0, y0, x1, y1)``, inclusive, as :func:`draw_boxes` draws it. The places are
    ``core.tag_layout``'s, the window's rule, for the boxes as drawn (with their halo, and a
    flagged loop's second box) and the tags at the picture's font size."""
    font_scale, thickness = _scale_for(height, width)
    flags = {key: value for key, value in (flags or {}).items() if value in FLAG_COLOURS}
    ring = thickness + 2  # the second box of a flagged loop, outside the first
    pad = max(2, thickness)
    # The boxes as drawn: their lines reach half a line width outside the bounding box.
    reach = (thickness + 2) / 2.0

    def drawn(c: Capillary) -> tuple[float, float, float, float]:
        r = reach + (ring if c.id in flags else 0)
        return (max(0.0, c.bbox[0] - r), max(0.0, c.bbox[1] - r), min(width, c.bbox[2] + r), min(height, c.bbox[3] + r))

    boxes = {c.id: drawn(c) for c in capillaries}
    marked = set(marked)
    labels = {c.id: str(c.id) + FLAG_LETTERS.get(flags.get(c.id, ""), "") + (CLINICIAN_MARK if c.id in marked else "")
              for c in capillaries}
    sizes = {}
    for number, label in labels.items():
        (text_w, text_h), baseline = cv2.getTextSize(label, _FONT, font_scale, thickness)
        sizes[number] = (float(text_w + 2 * pad), float(text_h + baseline + 2 * pad))
    places = tag_layout.place_tags(boxes, sizes, (0.0, 0.0, float(width), float(height)))
    out = {}
    for number, place in places.items():
        if place is None:
            continue
        # Rounded up, not to the nearest pixel: the tab stays inside the rectangle placed (x1
        # exclusive), so two tags placed side by side never share a column of pixels.
        x0, y0 = int(np.ceil(place[0] - 1e-6)), int(np.ceil(place[1] - 1e-6))
        w, h = int(sizes[number][0]), int(sizes[number][1])
        x0, y0 = min(x0, max(0, width - w)), min(y0, max(0, height - h))
        out[number] = (labels[number], (x0, y0, x0 + w - 1, y0 + h - 1))
    return out


def draw_boxes(
    rgb: np.ndarray,
    capillaries: Iterable[Capillary],
    outline_mask: np.ndarray | None = None,
    edited_ids: Iterable[int] = (),
    flags: Mapping[int, str] | None = None,
    marked: Iterable[int] = (),
) -> np.ndarray:
    """A numbered box on every capillary (and, if given, the mask's outline in thin azure);
    the capillaries in ``edited_ids`` (made or changed by hand) in green instead of yellow.
    ``flags`` (id -> "dilated" | "giant"): those loops get a second box around the first, orange
    (dilated) or red (giant), and "D" or "G" after their number, in that colour; the loops in
    ``marked`` (flags set by the clinician) get ``CLINICIAN_MARK`` after it.

    The number sits outside its box (above it when there is room: never over the loop's
    apex), clear of other boxes and numbers where possible, placed by ``core.tag_layout`` as
    in the window's views. Boxes have a dark halo and numbers are box-yellow on a dark,
    outlined tab, so both read on yellowish skin too."""
    out = rgb.copy()
    height, width = out.shape[:2]
    font_scale, thickness = _scale_for(height, width)
    if outline_mask is not None and outline_mask.any():
        contours, _ = cv2.findContours(
            outline_mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE
        )
        cv2.drawContours(out, contours, -1, OUTLINE_RGB, max(1, thickness // 2), cv2.LINE_AA)
    capillaries = list(capillaries)
    edited = set(edited_ids)
    flags = {key: value for key, value in (flags or {}).items() if value in FLAG_COLOURS}
    colours = {c.id: EDITED_BOX_RGB if c.id in edited else BOX_RGB for c in capillaries}
    ring = thickness + 2  # the second box of a flagged loop, outside the first
    for capillary in capillaries:
        x0, y0, x1, y1 = capillary.bbox
        cv2.rectangle(out, (x0, y0), (x1 - 1, y1 - 1), HALO_RGB, thickness + 2, cv2.LINE_8)
        if capillary.id in flags:
            cv2.rectangle(out, (x0 - ring, y0 - ring), (x1 - 1 + ring, y1 - 1 + ring), HALO_RGB, thickness + 2, cv2.LINE_8)
    for capillary in capillaries:
        x0, y0, x1, y1 = capillary.bbox
        cv2.rectangle(out, (x0, y0), (x1 - 1, y1 - 1), colours[capillary.id], thickness, cv2.LINE_AA)
        if capillary.id in flags:
            flag_colour = FLAG_COLOURS[flags[capillary.id]]
            cv2.rectangle(out, (x0 - ring, y0 - ring), (x1 - 1 + ring, y1 - 1 + ring), flag_colour, thickness, cv2.LINE_AA)
    places = tag_places(capillaries, width, height, flags, marked)
    edge = max(1, thickness // 2)
    pad = max(2, thickness)
    for number, (label, (tab_x0, tab_y0, tab_x1, tab_y1)) in places.items():
        text_h = cv2.getTextSize(label, _FONT, font_scale, thickness)[0][1]
        cv2.rectangle(out, (tab_x0, tab_y0), (tab_x1, tab_y1), TAG_FILL_RGB, cv2.FILLED)
        colour = colours[number]
        cv2.rectangle(out, (tab_x0, tab_y0), (tab_x1, tab_y1), colour, edge, cv2.LINE_8)
        if number in flags:  # a flagged loop's number and letter in its flag's colour
            colour = FLAG_COLOURS[flags[number]]
        cv2.putText(
            out, label, (tab_x0 + pad, tab_y0 + pad + text_h), _FONT, font_scale,
            LABEL_TEXT_RGB if colour == BOX_RGB else colour, thickness, cv2.LINE_AA,
        )
    return out


def draw_haemorrhages(out: np.ndarray, haemorrhages: Sequence[Haemorrhage]) -> None:
    """Each haemorrhage in a purple box (with a dark halo, a few pixels wider than the deposit)
    and its "H1" tag above it (below when at the top edge), in place."""
    height, width = out.shape[:2]
    font_scale, thickness = _scale_for(height, width)
    pad, grow = max(2, thickness), 2 * thickness + 2
    for haemorrhage in haemorrhages:
        x0, y0, x1, y1 = haemorrhage.bbox
        x0, y0, x1, y1 = max(0, x0 - grow), max(0, y0 - grow), min(width - 1, x1 - 1 + grow), min(height - 1, y1 - 1 + grow)
        cv2.rectangle(out, (x0, y0), (x1, y1), HALO_RGB, thickness + 2, cv2.LINE_8)
        cv2.rectangle(out, (x0, y0), (x1, y1), HAEMORRHAGE_RGB, thickness, cv2.LINE_AA)
        (text_w, text_h), baseline = cv2.getTextSize(haemorrhage.label, _FONT, font_scale, thickness)
        tab_w, tab_h = text_w + 2 * pad, text_h + baseline + 2 * pad
        tab_x = min(max(0, x0), max(0, width - tab_w))
        tab_y = y0 - tab_h - thickness if y0 - tab_h - thickness >= 0 else min(y1 + thickness + 1, max(0, height - tab_h))
        cv2.rectangle(out, (tab_x, tab_y), (tab_x + tab_w - 1, tab_y + tab_h - 1), TAG_FILL_RGB, cv2.FILLED)
        cv2.rectangle(out, (tab_x, tab_y), (tab_x + tab_w - 1, tab_y + tab_h - 1), HAEMORRHAGE_RGB, max(1, thickness // 2))
        cv2.putText(out, haemorrhage.label, (tab_x + pad, tab_y + pad + text_h), _FONT, font_scale, HAEMORRHAGE_RGB,
                    thickness, cv2.LINE_AA)


def draw_dashed_line(image: np.ndarray, points: Sequence[tuple[float, float]], colour: Sequence[int], thickness: int) -> None:
    """A dashed polyline through ``points`` (image pixels), in place."""
    dash = 6 * max(1, thickness)
    for (xa, ya), (xb, yb) in zip(points, points[1:]):
        length = float(np.hypot(xb - xa, yb - ya))
        steps = max(1, int(length // dash))
        for step in range(0, steps, 2):
            t0, t1 = step / steps, min(1.0, (step + 1) / steps)
            start = (int(round(xa + (xb - xa) * t0)), int(round(ya + (yb - ya) * t0)))
            end = (int(round(xa + (xb - xa) * t1)), int(round(ya + (yb - ya) * t1)))
            cv2.line(image, start, end, colour, thickness, cv2.LINE_AA)


# The legend's typeface: DejaVu Sans (resources/fonts, Bitstream Vera licence beside it), which
# has the accents of French, "µ" and "×". Hershey fonts (OpenCV's) are ASCII only.
LEGEND_FONT_FILE = "DejaVuSans.ttf"


@lru_cache(maxsize=8)
def _legend_font(size_px: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """The legend's font at ``size_px`` and whether it has every glyph the legend needs.
    Without the font file (a broken install) Pillow's own font draws ASCII only: the text is
    then transliterated ("é" -> "e") rather than drawn as empty boxes."""
    from .paths import resources_dir  # here: paths reads the model module, not needed for boxes

    path = resources_dir() / "fonts" / LEGEND_FONT_FILE
    try:
        return ImageFont.truetype(str(path), size_px), True
    except OSError:
        _log.warning("Legend font %s missing: the legend is drawn without accents", path)
        return ImageFont.load_default(size_px), False


def _wrap(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    words = text.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = word if not current else f"{current} {word}"
        if measure(candidate) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@lru_cache(maxsize=512)
def _wrapped(line: str, max_width: float, font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> tuple[str, ...]:
    """``_wrap`` remembered: the legends of a batch share most of their lines (model,
    parameters, scale), and measuring them is a third of drawing the annotated picture."""
    return tuple(_wrap(line, max_width, font.getlength))


def legend_strip(width: int, lines: Sequence[str], font_scale: float, thickness: int) -> np.ndarray:
    """A light strip holding ``lines`` of text, wrapped to ``width``, in the text's own
    characters (accents, "µ", French no-break spaces)."""
    margin = max(6, int(10 * font_scale))
    font, complete = _legend_font(max(10, int(round(27 * font_scale))))
    if not complete:
        lines = [_ascii(line) for line in lines]
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(_wrapped(line, width - 2 * margin, font))
    ascent, descent = font.getmetrics()
    line_h = ascent + descent + max(3, int(4 * font_scale))
    strip = np.full((2 * margin + line_h * len(wrapped), width, 3), LEGEND_BG_RGB, dtype=np.uint8)
    cv2.line(strip, (0, 0), (width - 1, 0), (160, 160, 160), max(1, thickness // 2))
    picture = Image.fromarray(strip)
    draw = ImageDraw.Draw(picture)
    for index, line in enumerate(wrapped):
        draw.text((margin, margin + index * line_h), line, font=font, fill=LEGEND_TEXT_RGB)
    return np.asarray(picture).copy()


def annotated_image(
    rgb: np.ndarray,
    capillaries: Sequence[Capillary],
    legend_lines: Sequence[str],
    mask: np.ndarray | None = None,
    edited_ids: Iterable[int] = (),
    flags: Mapping[int, str] | None = None,
    distal_line: Sequence[tuple[float, float]] = (),
    marked: Iterable[int] = (),
    haemorrhages: Sequence[Haemorrhage] = (),
) -> np.ndarray:
    """The original at full resolution with numbered boxes (those made or changed by hand in
    green; dilated loops orange, giant red, see ``draw_boxes``), the haemorrhages in purple
    boxes marked "H1", "H2", the distal row's apex line dashed in cyan when given, and a legend
    strip below it."""
    height, width = rgb.shape[:2]
    font_scale, thickness = _scale_for(height, width)
    if len(distal_line) >= 2:
        rgb = rgb.copy()
        draw_dashed_line(rgb, list(distal_line), DISTAL_RGB, max(1, thickness // 2))
    boxed = draw_boxes(rgb, capillaries, outline_mask=mask, edited_ids=edited_ids, flags=flags, marked=marked)
    draw_haemorrhages(boxed, haemorrhages)
    strip = legend_strip(width, legend_lines, font_scale * 1.1, thickness)
    return np.vstack([boxed, strip])


def _png_text_chunk(keyword: str, text: str) -> bytes:
    # iTXt: UTF-8 text (file names may be non-ASCII), uncompressed.
    payload = keyword.encode("latin-1")[:79] + b"\x00\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")
    body = b"iTXt" + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


# zlib's run-length strategy on the "Up" filter: lossless like any PNG, and on the 25 reference
# strips about 4x faster than level 3 with per-row adaptive filters, for an annotated picture
# about a fifth larger and a mask half the size (README, "Speed"). Where OpenCV is too old to
# choose the filter, the run-length strategy alone.
PNG_PARAMS = [cv2.IMWRITE_PNG_COMPRESSION, 1, cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_RLE] + (
    [cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_UP] if hasattr(cv2, "IMWRITE_PNG_FILTER") else []
)


def encode_png(rgb: np.ndarray, text: dict[str, str] | None = None) -> bytes:
    """RGB (or single-channel) array to PNG bytes, with optional text chunks after IHDR."""
    pixels = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR) if rgb.ndim == 3 else rgb
    ok, encoded = cv2.imencode(".png", pixels, PNG_PARAMS)
    if not ok:
        raise ExportError(
            translate("Export", "The picture could not be encoded as PNG."), detail=f"cv2.imencode failed for {rgb.shape}"
        )
    data = encoded.tobytes()
    if not text:
        return data
    ihdr_end = 8 + 4 + 4 + 13 + 4  # signature, length, type, IHDR data, CRC
    chunks = b"".join(_png_text_chunk(key, value) for key, value in text.items())
    return data[:ihdr_end] + chunks + data[ihdr_end:]


def read_png_text(data: bytes) -> dict[str, str]:
    """The text chunks of a PNG (tEXt and uncompressed iTXt), for checking provenance."""
    out: dict[str, str] = {}
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\x00")
            if rest[:1] == b"\x00":
                _, _, rest = rest[2:].partition(b"\x00")  # language tag
                _, _, value = rest.partition(b"\x00")  # translated keyword
                out[key.decode("latin-1")] = value.decode("utf-8", "replace")
        elif kind == b"IEND":
            break
        position += 12 + length
    return out
