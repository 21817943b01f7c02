"""Reading images so that nothing surprises: PNG, JPEG, TIFF and BMP; 8 or 16 bit; grey,
RGB or RGBA; EXIF orientation applied; any path (bytes are decoded, so paths with spaces or
non-ASCII characters work on every platform). Every failure is an ``ImageReadError`` with one
plain sentence; a partial image is never returned as a success."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import stat
import struct
import sys
import tempfile
import threading
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import cv2
import numpy as np
from PIL import Image

from .errors import ImageReadError, ImageTooLargeError
from .i18n import format_float, format_number, translate

log = logging.getLogger(__name__)

#: Default pixel budget: an 8000 x 8000 scan fits, a 20000 x 20000 one is refused before
#: any pixel is decoded.
DEFAULT_MAX_PIXELS = 100_000_000

SUPPORTED_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")

_FORMAT_NAMES = {"PNG": "PNG", "JPEG": "JPEG", "TIFF": "TIFF", "BMP": "BMP"}

# Formats we recognise by their first bytes, so that a clinician is told what the file is.
# Each sentence is whole (a translation never glues fragments).
_OTHER_SIGNATURES = (
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"8BPS", "photoshop"),
    (b"DICM", "dicom"),
)


def _other_sentence(kind: str, name: str) -> str:
    sentences = {
        "gif": translate("ImageIO", "{name} is a GIF image, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."),
        "pdf": translate("ImageIO", "{name} is a PDF document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."),
        "zip": translate(
            "ImageIO", "{name} is a ZIP archive or Office document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."
        ),
        "icon": translate("ImageIO", "{name} is an icon file, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."),
        "photoshop": translate(
            "ImageIO", "{name} is a Photoshop document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."
        ),
        "dicom": translate("ImageIO", "{name} is a DICOM file, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."),
    }
    return sentences[kind].format(name=name)


def quoted_name(file_name: str) -> str:
    """A file's name between the language's quotation marks, as the sentences show it."""
    return translate("ImageIO", '"{file}"').format(file=file_name)


@dataclass(frozen=True)
class LoadedImage:
    """An image ready for analysis: ``rgb`` is H x W x 3 uint8, upright."""

    path: Path | None
    rgb: np.ndarray
    format: str
    bit_depth: int
    channels: int  # as stored in the file: 1 (grey), 3 (colour) or 4 (with alpha)

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return "TIFF"
    if data.startswith(b"BM"):
        return "BMP"
    return None


def _describe_other(data: bytes, name: str) -> str:
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return translate("ImageIO", "{name} is a WebP image; CapSeg reads PNG, JPEG, TIFF and BMP images.").format(name=name)
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return translate("ImageIO", "{name} is a HEIC/AVIF image; CapSeg reads PNG, JPEG, TIFF and BMP images.").format(name=name)
    for signature, kind in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return _other_sentence(kind, name)
    return translate("ImageIO", "{name} is not an image CapSeg can read (PNG, JPEG, TIFF or BMP).").format(name=name)


def _looks_truncated(fmt: str, data: bytes) -> bool:
    """Decoders happily return the top part of a cut-off file; the file's last bytes tell.
    (A JPEG cut short with an end marker appended is caught by the decoder's own warning.)"""
    if fmt == "JPEG":
        return b"\xff\xd9" not in data[-1024:]
    return False


@dataclass(frozen=True)
class _PngFacts:
    width: int
    height: int
    bit_depth: int
    exif: bytes | None


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_facts(data: bytes, name: str) -> _PngFacts:
    """Walk a PNG's chunks without decoding any pixel: every length must fit in the file and
    every checksum must match (a damaged length would otherwise make a decoder allocate
    gigabytes before it fails). Returns the size from IHDR and the eXIf chunk, if any."""
    position = len(_PNG_SIGNATURE)
    width = height = bit_depth = 0
    exif: bytes | None = None
    first = True
    while True:
        if position + 8 > len(data):
            raise ImageReadError(
                translate(
                    "ImageIO", "{name} is incomplete: the file was cut off, perhaps during copying. Copy it again from the microscope."
                ).format(name=name)
            )
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if length > 0x7FFFFFFF:  # the PNG limit; a decoder would try to allocate it
            raise ImageReadError(
                translate("ImageIO", "{name} looks like a {format} image but is damaged and cannot be opened.").format(name=name, format="PNG"),
                detail=f"chunk length {length:#x} at byte {position}",
            )
        if end > len(data):
            raise ImageReadError(
                translate(
                    "ImageIO", "{name} is incomplete: the file was cut off, perhaps during copying. Copy it again from the microscope."
                ).format(name=name)
            )
        body = data[position + 4 : position + 8 + length]
        (stored_crc,) = struct.unpack(">I", data[position + 8 + length : end])
        if zlib.crc32(body) & 0xFFFFFFFF != stored_crc:
            raise ImageReadError(
                translate(
                    "ImageIO", "{name} is damaged (a checksum inside the PNG file does not match) and cannot be opened."
                ).format(name=name),
                detail=f"CRC mismatch in chunk {kind!r} at byte {position}",
            )
        if first:
            if kind != b"IHDR" or length != 13:
                raise ImageReadError(
                    translate("ImageIO", "{name} looks like a {format} image but is damaged and cannot be opened.").format(
                        name=name, format="PNG"
                    )
                )
            width, height, bit_depth = struct.unpack(">IIB", data[position + 8 : position + 17])
            first = False
        elif kind == b"eXIf" and exif is None:
            exif = data[position + 8 : position + 8 + length]
        elif kind == b"IEND":
            return _PngFacts(width, height, bit_depth, exif)
        position = end


def _exif_orientation(exif: bytes | None) -> int:
    """The orientation tag from raw EXIF bytes (a PNG eXIf chunk), without decoding pixels."""
    if not exif:
        return 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # damaged EXIF: upright is the safe reading
            parsed = Image.Exif()
            parsed.load(exif if exif.startswith(b"Exif") else b"Exif\x00\x00" + exif)
            value = int(parsed.get(0x0112, 1) or 1)
    except Exception:
        return 1
    return value if 1 <= value <= 8 else 1


#: Side lengths OpenCV's decoders accept (CV_IO_MAX_IMAGE_WIDTH/HEIGHT).
MAX_SIDE_PX = 1 << 20
#: Below this on either side an image cannot show a capillary (a limb alone is 10-20 px wide).
MIN_SIDE_PX = 32
#: A JPEG needs at least a few bits per 8 x 8 block; a file with fewer bytes than this fraction
#: of its announced pixels cannot hold the image its header claims (a 629-byte file claiming
#: 10000 x 10000 would otherwise be decoded as 100 megapixels of grey for half a minute).
_JPEG_MIN_BYTES_PER_PIXEL = 1 / 2000

# What decoders write on stderr when the data is damaged (libjpeg, libpng, libtiff, OpenCV).
# Benign notes ("known incorrect sRGB profile", "Unknown field with tag") contain none of these.
_DAMAGE_WORDS = (
    "corrupt", "premature end", "crc error", "huffman", "invalid", "truncat", "error",
    "unexpected end", "datastream contains no image", "extraneous bytes", "can't read",
    "bogus", "not a jpeg", "too short", "decompression",
)

_capture_lock = threading.RLock()


@contextlib.contextmanager
def capture_native_stderr() -> Iterator[list[str]]:
    """Collect what C libraries (libjpeg, libpng, libtiff, TensorFlow) write straight to the
    process's stderr while the block runs; the lines are in the yielded list afterwards, for
    the log and for damage checks, and never reach the user's terminal. Where the process has
    no real stderr (a windowed app), nothing is captured."""
    lines: list[str] = []
    with _capture_lock:
        try:
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):
            pass
        try:
            saved = os.dup(2)
        except OSError:
            yield lines
            return
        try:
            sink = tempfile.TemporaryFile()
        except OSError:
            os.close(saved)
            yield lines
            return
        try:
            os.dup2(sink.fileno(), 2)
            yield lines
        finally:
            try:
                sys.stderr.flush()
            except (AttributeError, OSError, ValueError):
                pass
            os.dup2(saved, 2)
            os.close(saved)
            try:
                sink.seek(0)
                text = sink.read(65536).decode("utf-8", "replace")
            except OSError:
                text = ""
            sink.close()
            lines.extend(line.strip() for line in text.splitlines() if line.strip())


def _damage_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if any(word in line.lower() for word in _DAMAGE_WORDS)]


def _to_rgb8(pixels: np.ndarray) -> np.ndarray:
    """Any decoded OpenCV array (BGR order) to RGB uint8."""
    if pixels.dtype == np.uint16:
        pixels = (pixels.astype(np.uint32) * 255 + 32767) // 65535
        pixels = pixels.astype(np.uint8)
    elif pixels.dtype in (np.float32, np.float64):
        pixels = np.clip(pixels * 255.0 + 0.5, 0, 255).astype(np.uint8)
    elif pixels.dtype != np.uint8:
        raise ValueError(f"unsupported sample type {pixels.dtype}")
    if pixels.ndim == 2:
        return cv2.cvtColor(pixels, cv2.COLOR_GRAY2RGB)
    if pixels.shape[2] == 1:
        return cv2.cvtColor(pixels[:, :, 0], cv2.COLOR_GRAY2RGB)
    if pixels.shape[2] == 4:
        # Composite over white: transparent areas look like empty background, not black holes.
        alpha = pixels[:, :, 3:4].astype(np.float32) / 255.0
        bgr = pixels[:, :, :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)
        return cv2.cvtColor(np.clip(bgr + 0.5, 0, 255).astype(np.uint8), cv2.COLOR_BGR2RGB)
    if pixels.flags.c_contiguous:  # in place: a large scan is not held twice
        return cv2.cvtColor(pixels, cv2.COLOR_BGR2RGB, dst=pixels)
    return cv2.cvtColor(pixels[:, :, :3], cv2.COLOR_BGR2RGB)


def _apply_orientation(rgb: np.ndarray, orientation: int) -> np.ndarray:
    """EXIF orientation tag (1-8) to an upright image."""
    if orientation == 2:
        return cv2.flip(rgb, 1)
    if orientation == 3:
        return cv2.rotate(rgb, cv2.ROTATE_180)
    if orientation == 4:
        return cv2.flip(rgb, 0)
    if orientation == 5:
        return cv2.flip(cv2.rotate(rgb, cv2.ROTATE_90_CLOCKWISE), 1)
    if orientation == 6:
        return cv2.rotate(rgb, cv2.ROTATE_90_CLOCKWISE)
    if orientation == 7:
        return cv2.flip(cv2.rotate(rgb, cv2.ROTATE_90_COUNTERCLOCKWISE), 1)
    if orientation == 8:
        return cv2.rotate(rgb, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return rgb


def _damaged(name: str, fmt: str, detail: str = "") -> ImageReadError:
    return ImageReadError(
        translate("ImageIO", "{name} looks like a {format} image but is damaged and cannot be opened.").format(name=name, format=fmt),
        detail=detail,
    )


def _too_large(name: str, width: int, height: int, max_pixels: int) -> ImageTooLargeError:
    megapixels = width * height / 1e6
    return ImageTooLargeError(
        translate(
            "ImageIO",
            "{name} is too large to analyse ({width} x {height} pixels, {megapixels} megapixels; "
            "the limit is {limit} megapixels).",
        ).format(
            name=name, width=width, height=height, megapixels=format_number(megapixels, 0),
            limit=format_number(max_pixels / 1e6, 0),
        )
    )


def _check_size(name: str, width: int, height: int, max_pixels: int, min_side_px: int) -> None:
    if width <= 0 or height <= 0:
        raise ImageReadError(translate("ImageIO", "{name} contains an empty image (no pixels).").format(name=name))
    if width * height > max_pixels:
        raise _too_large(name, width, height, max_pixels)
    if width > MAX_SIDE_PX or height > MAX_SIDE_PX:
        raise ImageTooLargeError(
            translate(
                "ImageIO", "{name} is too large to analyse ({width} x {height} pixels; CapSeg reads images up to {limit} pixels a side)."
            ).format(name=name, width=width, height=height, limit=format_float(MAX_SIDE_PX, ",.0f"))
        )
    if min(width, height) < min_side_px:
        raise ImageReadError(
            translate(
                "ImageIO", "{name} is too small to analyse ({width} x {height} pixels; CapSeg needs at least {limit} pixels a side)."
            ).format(name=name, width=width, height=height, limit=min_side_px)
        )


def _header(data: bytes, fmt: str, name: str, max_pixels: int) -> tuple[int, int, int]:
    """(width, height, EXIF orientation) from the header, decoding no pixel."""
    if fmt == "PNG":
        facts = _png_facts(data, name)
        return facts.width, facts.height, _exif_orientation(facts.exif)
    orientation = 1
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # Our own pixel budget applies; Pillow's bomb warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as header:
                width, height = header.size
                try:
                    orientation = int(header.getexif().get(0x0112, 1) or 1)
                except Exception:
                    orientation = 1
        for warning in caught:
            log.info("Reading %s: %s", name, warning.message)
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(
            translate("ImageIO", "{name} is too large to analyse (more than {limit} megapixels, the limit).").format(
                name=name, limit=format_number(max_pixels / 1e6, 0)
            ),
            detail=repr(exc),
        ) from exc
    except Exception as exc:
        tags = _tiff_tags(data) if fmt == "TIFF" else {}
        if tags.get(256) and tags.get(257):  # a TIFF Pillow cannot open (floating point)
            return tags[256], tags[257], 1
        raise _damaged(name, fmt, repr(exc)) from exc
    return width, height, orientation if 1 <= orientation <= 8 else 1


def decode_image(
    data: bytes,
    name: str | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    min_side_px: int = MIN_SIDE_PX,
) -> tuple[np.ndarray, str, int, int]:
    """Decode bytes to (rgb, format, bit_depth, channels), or raise ``ImageReadError``.

    The size is checked from the header before any pixel is decoded; a decoder's warning of
    damage makes the image damaged (never a half-grey image counted as if whole); what the
    decoders write on stderr goes to the log, not to the terminal."""
    if name is None:
        name = translate("ImageIO", "The file")
    if len(data) == 0:
        raise ImageReadError(translate("ImageIO", "{name} is empty (0 bytes); it holds no image.").format(name=name))
    fmt = _sniff(data)
    if fmt is None:
        raise ImageReadError(_describe_other(data, name))

    width, height, orientation = _header(data, fmt, name, max_pixels)
    _check_size(name, width, height, max_pixels, min_side_px)
    if _looks_truncated(fmt, data):
        raise ImageReadError(
            translate(
                "ImageIO", "{name} is incomplete: the file was cut off, perhaps during copying. Copy it again from the microscope."
            ).format(name=name)
        )
    if fmt == "JPEG" and len(data) < width * height * _JPEG_MIN_BYTES_PER_PIXEL:
        raise ImageReadError(
            translate(
                "ImageIO", "{name} is damaged: the file is far too small to hold the {width} x {height} pixels its header announces."
            ).format(name=name, width=width, height=height),
            detail=f"{len(data)} bytes",
        )

    buffer = np.frombuffer(data, dtype=np.uint8)
    try:
        with capture_native_stderr() as decoder_lines:
            # IMREAD_UNCHANGED keeps 16 bit and alpha; orientation is applied by us from EXIF.
            pixels = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
    except MemoryError as exc:
        raise ImageTooLargeError(
            translate("ImageIO", "There is not enough free memory to open {name} ({width} x {height} pixels).").format(
                name=name, width=width, height=height
            ),
            detail=repr(exc),
        ) from exc
    except Exception as exc:  # cv2.error from a decoder that gave up
        raise _damaged(name, fmt, repr(exc)) from exc
    if decoder_lines:
        log.info("Decoder messages for %s: %s", name, " | ".join(decoder_lines))
    damage = _damage_lines(decoder_lines)
    if damage:
        raise ImageReadError(
            translate(
                "ImageIO",
                "{name} is damaged: the {format} decoder reported damage in its data, so it is not analysed. "
                "Copy it again from the microscope.",
            ).format(name=name, format=fmt),
            detail=" | ".join(damage),
        )
    if pixels is None or pixels.size == 0:
        raise ImageReadError(
            translate("ImageIO", "{name} looks like a {format} image but is damaged and cannot be decoded.").format(name=name, format=fmt)
        )
    if pixels.shape[0] != height or pixels.shape[1] != width:
        raise ImageReadError(
            translate("ImageIO", "{name} is damaged: its pixels do not match the size its header announces.").format(name=name)
        )
    channels = 1 if pixels.ndim == 2 else int(pixels.shape[2])
    bit_depth = 16 if pixels.dtype == np.uint16 else 8
    try:
        rgb = _to_rgb8(pixels)
    except ValueError as exc:
        raise ImageReadError(
            translate("ImageIO", "{name} stores its pixels in a way CapSeg does not support ({type}).").format(
                name=name, type=pixels.dtype
            ),
            detail=str(exc),
        ) from exc
    rgb = np.ascontiguousarray(_apply_orientation(rgb, orientation))
    return rgb, fmt, bit_depth, channels


_TIFF_SIZES = {3: 2, 4: 4}  # SHORT, LONG: the types the size and sample tags use


def _tiff_tags(data: bytes) -> dict[int, int]:
    """The first value of each SHORT/LONG tag of a classic TIFF's first directory, read
    directly (Pillow cannot open floating-point TIFFs, which OpenCV decodes)."""
    tags: dict[int, int] = {}
    try:
        order = "<" if data[:2] == b"II" else ">"
        if struct.unpack(order + "H", data[2:4])[0] != 42:
            return tags
        (offset,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        for index in range(min(count, 1024)):
            start = offset + 2 + 12 * index
            tag, kind, number = struct.unpack(order + "HHI", data[start : start + 8])
            size = _TIFF_SIZES.get(kind)
            if size is None or number < 1:
                continue
            code = order + ("H" if kind == 3 else "I")
            if number * size <= 4:
                where = start + 8
            else:
                (where,) = struct.unpack(order + "I", data[start + 8 : start + 12])
            tags[tag] = struct.unpack(code, data[where : where + size])[0]
    except (struct.error, IndexError):
        pass
    return tags


def _open_regular_file(path: Path, name: str) -> bytes:
    """The bytes of ``path`` if it is a regular file holding a supported image type: a pipe,
    a device or a socket is refused without reading (reading a pipe could wait forever), and
    the type is checked from the first bytes before the whole file is read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImageReadError(
            translate("ImageIO", "The image {name} does not exist (it may have been moved or deleted).").format(name=name)
        ) from None
    except OSError as exc:
        raise ImageReadError(translate("ImageIO", "{name} could not be read from the disk.").format(name=name), detail=repr(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ImageReadError(translate("ImageIO", "{name} is a folder, not an image.").format(name=name))
    if not stat.S_ISREG(info.st_mode):
        raise ImageReadError(
            translate("ImageIO", "{name} is not an ordinary file (it is a pipe or a device), so it is not read.").format(name=name)
        )
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except PermissionError as exc:
        raise ImageReadError(translate("ImageIO", "CapSeg is not allowed to read {name}.").format(name=name), detail=repr(exc)) from exc
    except OSError as exc:
        raise ImageReadError(translate("ImageIO", "{name} could not be read from the disk.").format(name=name), detail=repr(exc)) from exc
    try:
        with os.fdopen(descriptor, "rb") as stream:
            descriptor = -1
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the check
                raise ImageReadError(
            translate("ImageIO", "{name} is not an ordinary file (it is a pipe or a device), so it is not read.").format(name=name)
        )
            head = stream.read(64)
            if not head:
                raise ImageReadError(translate("ImageIO", "{name} is empty (0 bytes); it holds no image.").format(name=name))
            if _sniff(head) is None:
                raise ImageReadError(_describe_other(head, name))
            return head + stream.read()
    except MemoryError as exc:
        raise ImageTooLargeError(
            translate("ImageIO", "There is not enough free memory to read {name}.").format(name=name), detail=repr(exc)
        ) from exc
    except PermissionError as exc:
        raise ImageReadError(translate("ImageIO", "CapSeg is not allowed to read {name}.").format(name=name), detail=repr(exc)) from exc
    except OSError as exc:
        raise ImageReadError(translate("ImageIO", "{name} could not be read from the disk.").format(name=name), detail=repr(exc)) from exc
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def max_file_bytes(max_pixels: int) -> int:
    """The largest file that can hold an image within the pixel budget: 16-bit RGBA, stored
    uncompressed, plus room for metadata."""
    return max_pixels * 8 + (64 << 20)


def read_image(
    path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS, min_side_px: int = MIN_SIDE_PX
) -> LoadedImage:
    """Read an image file from disk. Raises ``ImageReadError`` with a plain sentence."""
    path = Path(path)
    name = quoted_name(path.name)
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    if size > max_file_bytes(max_pixels):
        # Checked before reading: a 2 GB file is not read into memory to be refused.
        with contextlib.suppress(OSError):
            with open(path, "rb") as stream:
                head = stream.read(64)
            if _sniff(head) is None:
                raise ImageReadError(_describe_other(head, name))
        raise ImageTooLargeError(
            translate(
                "ImageIO", "{name} is too large to analyse ({size} GB; images within the limit of {limit} megapixels are smaller)."
            ).format(name=name, size=format_number(size / 1e9, 1), limit=format_number(max_pixels / 1e6, 0))
        )
    data = _open_regular_file(path, name)
    rgb, fmt, bit_depth, channels = decode_image(
        data, name=name, max_pixels=max_pixels, min_side_px=min_side_px
    )
    return LoadedImage(path=path, rgb=rgb, format=fmt, bit_depth=bit_depth, channels=channels)


def is_supported_image_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


#: Names CapSeg gives its own pictures; a folder analysed twice must not count its results.
OUTPUT_NAME_ENDINGS = ("_annotated.png", "_mask.png")


def is_capseg_output(path: str | Path) -> bool:
    return Path(path).name.lower().endswith(OUTPUT_NAME_ENDINGS)


def list_images(folder: str | Path) -> list[Path]:
    """Image files directly in ``folder``, sorted by name (case-insensitive), leaving out the
    pictures CapSeg itself wrote there (``NAME_annotated.png``, ``NAME_mask.png``)."""
    folder = Path(folder)
    files = [
        p for p in folder.iterdir()
        if p.is_file() and is_supported_image_path(p) and not is_capseg_output(p)
    ]
    return sorted(files, key=lambda p: p.name.lower())
