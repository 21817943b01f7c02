"""Reading images so that nothing surprises: PNG, JPEG, TIFF and BMP; 8 or 16 bit; grey,
RGB or RGBA; EXIF orientation applied; any path (bytes are decoded, so paths with spaces or
non-ASCII characters work on every platform). Every failure is an ``ImageReadError`` with one
plain sentence; a partial image is never returned as a success."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from .errors import ImageReadError, ImageTooLargeError

#: Default pixel budget: an 8000 x 8000 scan fits, a 20000 x 20000 one is refused before
#: any pixel is decoded.
DEFAULT_MAX_PIXELS = 100_000_000

SUPPORTED_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")

_FORMAT_NAMES = {"PNG": "PNG", "JPEG": "JPEG", "TIFF": "TIFF", "BMP": "BMP"}

# Formats we recognise by their first bytes, so that a clinician is told what the file is.
_OTHER_SIGNATURES = (
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"8BPS", "a Photoshop document"),
    (b"DICM", "a DICOM file"),
)


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
        return f"{name} is a WebP image; CapSeg reads PNG, JPEG, TIFF and BMP images."
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return f"{name} is a HEIC/AVIF image; CapSeg reads PNG, JPEG, TIFF and BMP images."
    for signature, what in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return f"{name} is {what}, not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."
    return f"{name} is not an image CapSeg can read (PNG, JPEG, TIFF or BMP)."


def _looks_truncated(fmt: str, data: bytes) -> bool:
    """Decoders happily return the top part of a cut-off file; the file's last bytes tell."""
    if fmt == "PNG":
        # The IEND chunk (length 0) may be followed by data some devices append.
        end = data.rfind(b"\x00\x00\x00\x00IEND")
        return end < 8
    if fmt == "JPEG":
        return b"\xff\xd9" not in data[-1024:]
    return False


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


def decode_image(
    data: bytes, name: str = "The file", max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[np.ndarray, str, int, int]:
    """Decode bytes to (rgb, format, bit_depth, channels), or raise ``ImageReadError``."""
    if len(data) == 0:
        raise ImageReadError(f"{name} is empty (0 bytes); it holds no image.")
    fmt = _sniff(data)
    if fmt is None:
        raise ImageReadError(_describe_other(data, name))

    # The header gives the size without decoding a pixel, so a huge image is refused cheaply.
    orientation = 1
    try:
        with warnings.catch_warnings():
            # Our own pixel budget applies; Pillow's bomb warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            header_image = Image.open(io.BytesIO(data))
        with header_image as header:
            width, height = header.size
            # Pillow decodes a whole PNG to find an eXIf chunk; look for one first (rare).
            if fmt != "PNG" or b"eXIf" in data:
                try:
                    orientation = int(header.getexif().get(0x0112, 1) or 1)
                except Exception:
                    orientation = 1
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(
            f"{name} is too large to analyse (more than {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:.0f} "
            "megapixels).",
            detail=repr(exc),
        ) from exc
    except Exception as exc:
        raise ImageReadError(
            f"{name} looks like a {fmt} image but is damaged and cannot be opened.",
            detail=repr(exc),
        ) from exc
    if width <= 0 or height <= 0:
        raise ImageReadError(f"{name} contains an empty image (no pixels).")
    if width * height > max_pixels:
        megapixels = width * height / 1e6
        raise ImageTooLargeError(
            f"{name} is too large to analyse ({width} x {height} pixels, {megapixels:.0f} "
            f"megapixels; the limit is {max_pixels / 1e6:.0f} megapixels)."
        )
    if _looks_truncated(fmt, data):
        raise ImageReadError(
            f"{name} is incomplete: the file was cut off, perhaps during copying. "
            "Copy it again from the microscope."
        )

    buffer = np.frombuffer(data, dtype=np.uint8)
    # IMREAD_UNCHANGED keeps 16 bit and alpha; orientation is applied by us from EXIF.
    pixels = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
    if pixels is None or pixels.size == 0:
        raise ImageReadError(
            f"{name} looks like a {fmt} image but is damaged and cannot be decoded."
        )
    if pixels.shape[0] != height or pixels.shape[1] != width:
        raise ImageReadError(
            f"{name} is damaged: its pixels do not match the size its header announces."
        )
    channels = 1 if pixels.ndim == 2 else int(pixels.shape[2])
    bit_depth = 16 if pixels.dtype == np.uint16 else 8
    try:
        rgb = _to_rgb8(pixels)
    except ValueError as exc:
        raise ImageReadError(
            f"{name} stores its pixels in a way CapSeg does not support ({pixels.dtype}).",
            detail=str(exc),
        ) from exc
    rgb = np.ascontiguousarray(_apply_orientation(rgb, orientation))
    return rgb, fmt, bit_depth, channels


def read_image(path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> LoadedImage:
    """Read an image file from disk. Raises ``ImageReadError`` with a plain sentence."""
    path = Path(path)
    name = f'"{path.name}"'
    if not path.exists():
        raise ImageReadError(f"The image {name} does not exist (it may have been moved or deleted).")
    if path.is_dir():
        raise ImageReadError(f"{name} is a folder, not an image.")
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise ImageReadError(f"CapSeg is not allowed to read {name}.", detail=repr(exc)) from exc
    except OSError as exc:
        raise ImageReadError(f"{name} could not be read from the disk.", detail=repr(exc)) from exc
    rgb, fmt, bit_depth, channels = decode_image(data, name=name, max_pixels=max_pixels)
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
