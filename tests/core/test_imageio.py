"""Image input: every supported kind reads to upright RGB; every bad input is a typed error
with one plain sentence."""

from __future__ import annotations


import cv2
import numpy as np
import pytest
from PIL import Image

from capseg_desktop.core.errors import ImageReadError, ImageTooLargeError
from capseg_desktop.core.imageio import read_image


def gradient_rgb(height: int = 40, width: int = 60) -> np.ndarray:
    """A picture whose every pixel is distinct enough to catch flips and channel swaps."""
    ys, xs = np.mgrid[0:height, 0:width]
    return np.stack([xs * 4 % 256, ys * 6 % 256, np.full_like(xs, 200)], axis=2).astype(np.uint8)


def write_bgr(path, rgb, params=None):
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), params or [])


@pytest.mark.parametrize("suffix", [".png", ".bmp", ".tif"])
def test_lossless_rgb_round_trip(tmp_path, suffix):
    rgb = gradient_rgb()
    path = tmp_path / f"strip{suffix}"
    write_bgr(path, rgb)
    image = read_image(path)
    assert image.rgb.shape == (40, 60, 3)
    assert image.rgb.dtype == np.uint8
    np.testing.assert_array_equal(image.rgb, rgb)  # red stays red: no BGR/RGB slip


def test_jpeg_reads_close_to_original(tmp_path):
    rgb = gradient_rgb()
    path = tmp_path / "strip.jpg"
    write_bgr(path, rgb, [cv2.IMWRITE_JPEG_QUALITY, 98])
    image = read_image(path)
    assert image.format == "JPEG"
    assert np.abs(image.rgb.astype(int) - rgb).mean() < 4


def test_sixteen_bit_grey_is_scaled_to_eight_bit(tmp_path):
    grey16 = (np.arange(60, dtype=np.uint16)[None, :].repeat(40, 0) * 1000)
    path = tmp_path / "grey16.png"
    assert cv2.imwrite(str(path), grey16)
    image = read_image(path)
    assert image.bit_depth == 16 and image.channels == 1
    assert image.rgb.shape == (40, 60, 3)
    assert image.rgb[0, 59].tolist() == [230, 230, 230]  # 59000 / 65535 * 255 = 229.6


def test_sixteen_bit_rgb_tiff(tmp_path):
    rgb16 = gradient_rgb().astype(np.uint16) * 257
    path = tmp_path / "colour16.tif"
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb16, cv2.COLOR_RGB2BGR))
    image = read_image(path)
    assert image.bit_depth == 16
    np.testing.assert_array_equal(image.rgb, gradient_rgb())


def test_grey_png_becomes_three_equal_channels(tmp_path):
    grey = gradient_rgb()[:, :, 0]
    path = tmp_path / "grey.png"
    assert cv2.imwrite(str(path), grey)
    image = read_image(path)
    assert image.channels == 1
    np.testing.assert_array_equal(image.rgb[:, :, 1], grey)


def test_rgba_is_composited_over_white(tmp_path):
    rgba = np.zeros((40, 40, 4), dtype=np.uint8)
    rgba[:, :20] = (200, 20, 10, 255)  # opaque red-brown
    rgba[:, 20:] = (0, 0, 0, 0)  # fully transparent
    path = tmp_path / "alpha.png"
    Image.fromarray(rgba, "RGBA").save(path)
    image = read_image(path)
    assert image.channels == 4
    assert image.rgb[0, 0].tolist() == [200, 20, 10]
    assert image.rgb[0, 39].tolist() == [255, 255, 255]


@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_exif_orientation_is_applied(tmp_path, suffix):
    # Stored 60 wide x 40 tall with orientation 6 (rotate 90 clockwise): upright it is 40 x 60.
    rgb = gradient_rgb()
    rgb[:5, :5] = (255, 0, 0)  # a red mark at the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / f"rotated{suffix}"
    Image.fromarray(rgb).save(path, quality=98, exif=exif.tobytes())
    image = read_image(path)
    assert (image.height, image.width) == (60, 40)
    # After a clockwise turn the stored top-left corner is at the top-right.
    top_right = image.rgb[:4, -4:].reshape(-1, 3).mean(axis=0)
    assert top_right[0] > 200 and top_right[1] < 60


def test_path_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "Patiënt Müller 血管"
    folder.mkdir()
    path = folder / "nagelfalz öffnung 1.png"
    path.write_bytes(cv2.imencode(".png", gradient_rgb())[1].tobytes())
    assert read_image(path).rgb.shape == (40, 60, 3)


# Bad inputs: a typed error and one plain sentence naming the file ------------------------------

def _message(path) -> str:
    with pytest.raises(ImageReadError) as caught:
        read_image(path)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return message


def test_missing_file(tmp_path):
    assert "does not exist" in _message(tmp_path / "gone.png")


def test_folder_is_not_an_image(tmp_path):
    assert "is a folder" in _message(tmp_path)


def test_text_file_is_not_an_image(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("patient notes, not a picture")
    assert "not an image" in _message(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert "empty" in _message(path)


def test_corrupt_png(tmp_path):
    data = bytearray(cv2.imencode(".png", gradient_rgb())[1].tobytes())
    data[40:200] = bytes(160)  # IDAT damaged, IEND still there
    path = tmp_path / "corrupt.png"
    path.write_bytes(bytes(data))
    assert "damaged" in _message(path)


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_truncated_file(tmp_path, suffix):
    data = cv2.imencode(suffix, gradient_rgb(200, 300))[1].tobytes()
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) * 2 // 3])
    message = _message(path)
    assert "cut off" in message or "damaged" in message


def test_unsupported_format_is_named(tmp_path):
    path = tmp_path / "loop.gif"
    Image.fromarray(gradient_rgb()).save(path, format="GIF")
    message = _message(path)
    assert "GIF" in message and "PNG, JPEG, TIFF" in message


def test_webp_is_named(tmp_path):
    path = tmp_path / "photo.webp"
    Image.fromarray(gradient_rgb()).save(path, format="WEBP")
    assert "WebP" in _message(path)


def test_pixel_budget_refuses_before_decoding(tmp_path):
    path = tmp_path / "huge.png"
    assert cv2.imwrite(str(path), np.zeros((3000, 4000), dtype=np.uint8))
    with pytest.raises(ImageTooLargeError) as caught:
        read_image(path, max_pixels=10_000_000)
    assert "4000 x 3000" in str(caught.value) and "too large" in str(caught.value)
    assert read_image(path, max_pixels=12_000_000).width == 4000


def test_png_with_data_after_iend_reads(tmp_path):
    path = tmp_path / "camera.png"
    path.write_bytes(cv2.imencode(".png", gradient_rgb())[1].tobytes() + b"VENDOR-TRAILER" * 20)
    assert read_image(path).width == 60


def test_folder_listing_leaves_out_capseg_outputs(tmp_path):
    from capseg_desktop.core.imageio import list_images

    for name in ("b.png", "A.jpg", "b_annotated.png", "b_mask.png", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in list_images(tmp_path)] == ["A.jpg", "b.png"]
