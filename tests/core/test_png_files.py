"""The faster PNG writing changes how the files are compressed, never what they hold: the
decoded pixels and the provenance text are those of the analysis, and the same as the former
writer's (zlib level 3, OpenCV's default filters) on the reference strips."""

from __future__ import annotations

import io
import struct

import cv2
import numpy as np
import pytest
from PIL import Image

from capseg_desktop.core import render
from capseg_desktop.core.batch import output_files, output_paths
from capseg_desktop.core.imageio import list_images
from capseg_desktop.core.model import load_model
from capseg_desktop.core.paths import default_model_path, sample_images_dir, seed_dir
from capseg_desktop.core.pipeline import Analyzer


def _strips() -> list:
    """Three reference strips (../shared/data/seed) or, in a clone without it, the samples."""
    seed = seed_dir()
    folder = seed / "Test_images" if seed is not None else sample_images_dir()
    images = list_images(folder) if folder.is_dir() else []
    return images[:3]


@pytest.fixture(scope="module")
def analyses():
    model = default_model_path()
    if model is None or not _strips():
        pytest.skip("no bundled model or no images to analyse")
    analyzer = Analyzer(load_model(model))
    return [analyzer.analyze_path(path) for path in _strips()]


def _decoded(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image)


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk but the compressed pixels (IDAT), in order: header, text, end."""
    chunks, position = [], 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind != b"IDAT":
            chunks.append((kind, data[position + 8:position + 8 + length]))
        position += 12 + length
    return chunks


FORMER_PARAMS = [cv2.IMWRITE_PNG_COMPRESSION, 3]  # what the writer used before: zlib level 3, OpenCV's filters


def test_written_pictures_decode_to_the_analysis_pixels_with_their_provenance(analyses, tmp_path, monkeypatch):
    annotated, mask, _json = output_paths(tmp_path, "strip")
    for analysis in analyses:
        files = output_files(analysis, tmp_path, "strip")
        with monkeypatch.context() as former_writer:
            former_writer.setattr(render, "PNG_PARAMS", FORMER_PARAMS)
            former = output_files(analysis, tmp_path, "strip")
        expected = {annotated: analysis.annotated_rgb(), mask: np.where(analysis.counted_mask, 255, 0).astype(np.uint8)}
        text = analysis.result.png_text()
        assert text, "an exported picture carries its provenance"
        for path, pixels in expected.items():
            assert files[path] != former[path], "the faster writer is in use"
            assert np.array_equal(_decoded(files[path]), pixels)
            assert np.array_equal(_decoded(files[path]), _decoded(former[path]))
            assert render.read_png_text(files[path]) == text
            # Header (size, bit depth, colour type), text chunks and end: byte for byte as before.
            assert _chunks(files[path]) == _chunks(former[path])
        with Image.open(io.BytesIO(files[mask])) as image:
            assert image.mode == "L"  # still 8-bit grey, as readers of the mask expect


def test_odd_pictures_survive_the_encoding():
    """Noise (nothing for run lengths to find), one pixel, and a single row and column."""
    rng = np.random.default_rng(0)
    for pixels in (rng.integers(0, 256, (37, 53, 3), dtype=np.uint8), np.full((1, 1, 3), 200, np.uint8),
                   rng.integers(0, 256, (1, 64), dtype=np.uint8), rng.integers(0, 256, (64, 1), dtype=np.uint8)):
        data = render.encode_png(pixels, {"Software": "CapSeg Desktop", "Source": "café.png"})
        assert np.array_equal(_decoded(data), pixels)
        assert render.read_png_text(data) == {"Software": "CapSeg Desktop", "Source": "café.png"}


def test_the_legend_is_drawn_the_same_when_its_wrapped_lines_are_remembered(analyses, monkeypatch):
    """A batch's legends share most lines; their wrapping is remembered, never changing a pixel."""
    render._wrapped.cache_clear()
    first = [analysis.annotated_rgb() for analysis in analyses]  # the shared lines remembered from the second on
    again = [analysis.annotated_rgb() for analysis in analyses]  # every line remembered
    assert render._wrapped.cache_info().hits > 0
    monkeypatch.setattr(render, "_wrapped", lambda line, width, font: tuple(render._wrap(line, width, font.getlength)))
    measured_afresh = [analysis.annotated_rgb() for analysis in analyses]
    for pixels, remembered, afresh in zip(first, again, measured_afresh):
        assert np.array_equal(pixels, afresh) and np.array_equal(remembered, afresh)
