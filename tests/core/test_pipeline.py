"""The whole pipeline on images with known answers: segmentation at the image's own size,
tiling, recounting without inference, pictures and files."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from capseg_desktop.core import render
from capseg_desktop.core.counting import CountingParams
from capseg_desktop.core.errors import AnalysisCancelled, ExportError
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.segment import predict_probabilities

from .tiny_models import bars_image


class BlurSegmenter:
    """Counts its calls; probability = 5x5 box blur of darkness (receptive field 2 px)."""

    input_channels = 1
    multiple = 4

    def __init__(self) -> None:
        self.calls = 0
        self.shapes = []

    def predict(self, batch):
        self.calls += 1
        self.shapes.append(batch.shape)
        darkness = 1.0 - batch[0, :, :, 0]
        return cv2.blur(darkness, (5, 5), borderType=cv2.BORDER_REFLECT)[None]


def write_png(path, rgb):
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def test_pads_only_to_the_model_multiple():
    segmenter = BlurSegmenter()
    probabilities = predict_probabilities(segmenter, np.full((171, 1279, 3), 255, np.uint8))
    assert probabilities.shape == (171, 1279)
    assert segmenter.shapes == [(1, 172, 1280, 1)]  # not 960 x 1280


def test_tiles_give_the_same_map_as_one_pass():
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, (700, 900, 3), dtype=np.uint8)
    whole = predict_probabilities(BlurSegmenter(), rgb, tile_px=1024)
    segmenter = BlurSegmenter()
    tiled = predict_probabilities(segmenter, rgb, tile_px=256, overlap_px=16, single_pass_max_pixels=0)
    assert segmenter.calls > 9
    assert max(h for _, h, _, _ in segmenter.shapes) <= 256
    # Away from the image border the tile's zero padding never reaches the kept centre.
    np.testing.assert_allclose(tiled[:-3, :-3], whole[:-3, :-3], atol=1e-6)


def test_cancel_between_tiles_raises_cancelled():
    calls = {"n": 0}

    def cancel_after_two():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(AnalysisCancelled):
        predict_probabilities(BlurSegmenter(), np.zeros((600, 600, 3), np.uint8), tile_px=256,
                              overlap_px=16, single_pass_max_pixels=0, should_cancel=cancel_after_two)


def test_analysis_counts_bars_and_recounts_without_inference(tmp_path, darkness_session):
    path = write_png(tmp_path / "bars.png", bars_image(bars=4))
    analysis = Analyzer(darkness_session).analyze_path(path, um_per_px=2.0)
    assert analysis.result.count == 4
    assert analysis.result.density_per_mm == pytest.approx(4 / 0.8)  # 400 px * 2 um = 0.8 mm
    bar = analysis.result.capillaries[0]
    assert bar.bbox == (74, 0, 86, 100) and bar.area_px == 1200

    calls = []
    original_predict = darkness_session.predict
    darkness_session.predict = lambda batch: calls.append(1) or original_predict(batch)
    try:
        stricter = analysis.recount(CountingParams(min_area_px=1300), um_per_px=None)
    finally:
        darkness_session.predict = original_predict
    assert calls == []
    assert stricter.result.count == 0 and stricter.result.density_per_mm is None
    assert analysis.result.count == 4  # the original analysis is unchanged


def test_no_scale_means_no_density(tmp_path, darkness_session):
    path = write_png(tmp_path / "bars.png", bars_image())
    result = Analyzer(darkness_session).analyze_path(path).result
    assert result.density_per_mm is None
    assert json.loads(result.to_json())["density_per_mm"] is None


def test_annotated_png_has_boxes_legend_and_provenance(tmp_path, darkness_session):
    path = write_png(tmp_path / "bars.png", bars_image(bars=3))
    analysis = Analyzer(darkness_session).analyze_path(path, um_per_px=1.5)
    out = analysis.write_annotated_png(tmp_path / "bars_annotated.png")
    picture = cv2.cvtColor(cv2.imread(str(out)), cv2.COLOR_BGR2RGB)
    assert picture.shape[1] == 400 and picture.shape[0] > 200  # full resolution + legend strip
    # The box edge of capillary 1 is drawn in the box colour, at the right place.
    x0, y0, x1, y1 = analysis.result.capillaries[0].bbox
    assert tuple(picture[y1 - 1, (x0 + x1) // 2]) == render.BOX_RGB
    # The legend strip is light and holds dark text.
    strip = picture[200:]
    assert strip.mean() > 180 and strip.min() < 80
    text = render.read_png_text(out.read_bytes())
    assert "3 capillaries" in text["Description"]
    assert darkness_session.sha256[:12] in text["Description"]
    provenance = json.loads(text["CapSeg"])
    assert provenance["model"]["sha256"] == darkness_session.sha256
    assert provenance["parameters"]["min_area_px"] == 340


def test_exports_never_overwrite_without_asking(tmp_path, darkness_session):
    path = write_png(tmp_path / "bars.png", bars_image())
    analysis = Analyzer(darkness_session).analyze_path(path)
    target = tmp_path / "result.json"
    target.write_text("earlier work")
    with pytest.raises(ExportError, match="already exists"):
        analysis.write_json(target)
    assert target.read_text() == "earlier work"
    analysis.write_json(target, overwrite=True)
    assert json.loads(target.read_text())["count"] == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_mask_png_and_csv(tmp_path, darkness_session):
    path = write_png(tmp_path / "bars.png", bars_image())
    analysis = Analyzer(darkness_session).analyze_path(path)
    mask = cv2.imread(str(analysis.write_mask_png(tmp_path / "m.png")), cv2.IMREAD_UNCHANGED)
    assert mask.shape == (200, 400) and set(np.unique(mask)) == {0, 255}
    assert (mask == 255).sum() == 3 * 1200
    rows = analysis.write_csv(tmp_path / "c.csv").read_text().splitlines()
    assert rows[0].startswith("id,x0,y0,x1,y1")
    assert len(rows) == 1 + 3


def test_read_only_folder_is_a_plain_sentence(tmp_path, monkeypatch, darkness_session):
    import errno
    import os
    import tempfile

    path = write_png(tmp_path / "bars.png", bars_image())
    analysis = Analyzer(darkness_session).analyze_path(path)
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as a read-only share would
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        locked.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not allowed to write"):
            analysis.write_annotated_png(locked / "x.png")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_write_failure_leaves_no_file(tmp_path, monkeypatch, darkness_session):
    import errno
    import os as os_module

    path = write_png(tmp_path / "bars.png", bars_image())
    analysis = Analyzer(darkness_session).analyze_path(path)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os_module, "fsync", disk_full)  # where a full disk shows at the latest
    with pytest.raises(ExportError, match="disk .* is full"):
        analysis.write_annotated_png(tmp_path / "out.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bars.png"]


def test_file_created_during_the_write_is_not_replaced(tmp_path, monkeypatch, darkness_session):
    import os as os_module

    path = write_png(tmp_path / "bars.png", bars_image())
    analysis = Analyzer(darkness_session).analyze_path(path)
    target = tmp_path / "bars.json"
    real_fsync = os_module.fsync

    def someone_else_saves(descriptor):
        real_fsync(descriptor)
        target.write_text("saved by another program meanwhile")

    monkeypatch.setattr(os_module, "fsync", someone_else_saves)
    with pytest.raises(ExportError, match="already exists"):
        analysis.write_json(target)
    assert target.read_text() == "saved by another program meanwhile"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
