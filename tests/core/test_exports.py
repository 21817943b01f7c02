"""What the exported files hold, as a user opens them: the mask, the CSV's first line, the
legend, the JSON's fields and the tags' pixels (issue 10's core part)."""

from __future__ import annotations

import csv
import json
import re
import time
from dataclasses import replace
from datetime import datetime, timedelta

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core import render
from capseg_desktop.core.batch import output_files
from capseg_desktop.core.counting import CountingParams
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.result import MEASURE_CSV_FIELDS

from .tiny_models import bars_image


def write_png(path, rgb):
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def bars_with_speck(tmp_path):
    """Three counted bars (1200 px each) and a dark 10 x 10 speck, below the minimum area."""
    rgb = bars_image()
    rgb[150:160, 20:30] = (120, 40, 30)
    return write_png(tmp_path / "bars.png", rgb)


def test_exported_mask_holds_only_counted_capillaries(tmp_path, darkness_session):
    analysis = Analyzer(darkness_session).analyze_path(bars_with_speck(tmp_path))
    assert analysis.result.count == 3 and analysis.mask[155, 25]  # the speck is above threshold
    written = cv2.imread(str(analysis.write_mask_png(tmp_path / "m.png")), cv2.IMREAD_UNCHANGED)
    assert written[155, 25] == 0 and (written == 255).sum() == 3 * 1200
    assert analysis.mask_rgb()[155, 25].tolist() == [0, 0, 0]
    batch_mask = output_files(analysis, tmp_path, "bars")[tmp_path / "bars_mask.png"]
    decoded = cv2.imdecode(np.frombuffer(batch_mask, np.uint8), cv2.IMREAD_UNCHANGED)
    assert decoded[155, 25] == 0 and np.array_equal(decoded > 0, analysis.counted_mask)


def test_capillary_csv_starts_with_a_plain_header_row(tmp_path, darkness_session):
    analysis = Analyzer(darkness_session).analyze_path(bars_with_speck(tmp_path))
    written = analysis.write_csv(tmp_path / "c.csv")
    with open(written, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:9] == ["id", "x0", "y0", "x1", "y1", "area_px", "centroid_x", "centroid_y", "edited"]  # cell A1 is "id"
    assert rows[0][9:] == list(MEASURE_CSV_FIELDS)  # then the measurements (issue 12)
    assert len(rows) == 1 + 3 and all(len(row) == 9 + len(MEASURE_CSV_FIELDS) for row in rows)
    assert [row[8] for row in rows[1:]] == ["0", "0", "0"]  # nothing edited by hand
    data = json.loads(analysis.result.to_json())  # what made it is in the JSON instead
    assert data["model"]["sha256"] == darkness_session.sha256 and data["parameters"]["min_area_px"] == 340


@pytest.fixture
def paris_time(monkeypatch):
    """A computer one hour east of Greenwich (a POSIX TZ rule: no time-zone database needed)."""
    monkeypatch.setenv("TZ", "CET-1")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_legend_shows_local_time_and_the_json_an_iso_time_with_offset(tmp_path, darkness_session, paris_time):
    analysis = Analyzer(darkness_session).analyze_path(bars_with_speck(tmp_path))
    created = json.loads(analysis.result.to_json())["created"]
    assert created.endswith("+01:00") and datetime.fromisoformat(created).utcoffset() == timedelta(hours=1)
    earlier = replace(analysis.result, created="2026-11-27T03:05:09+00:00")  # recorded in UTC
    assert earlier.legend_lines()[-1].endswith("analysed 2026-11-27 04:05 (local time, UTC+01:00)")
    text = render.read_png_text(analysis.write_annotated_png(tmp_path / "a.png").read_bytes())
    assert "(local time, UTC+01:00)" in text["Description"] and not re.search(r"\dT\d", text["Description"])


def cli_outputs(tmp_path, model, *options):
    image = bars_with_speck(tmp_path)
    out = tmp_path / "out"
    assert main(["analyze", str(image), "--model", str(model), "--out", str(out), *options]) == 0
    data = json.loads((out / "bars.json").read_text(encoding="utf-8"))
    png_text = render.read_png_text((out / "bars_annotated.png").read_bytes())
    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        summary = next(csv.DictReader(handle))
    return data, png_text, summary


def test_cli_exports_say_which_parameters_the_user_changed(tmp_path, darkness_model_dir):
    model = darkness_model_dir / "darkness.tflite"
    data, png_text, summary = cli_outputs(tmp_path, model, "--min-area", "200", "--threshold", "0.5")
    # --threshold 0.5 is the recommendation itself: not a change.
    assert data["parameters_changed_by_user"] == {"min_area_px": {"value": 200, "recommended": 340}}
    assert data["recommended_parameters"]["min_area_px"] == 340
    assert "Changed by the user: minimum area 200 px (recommended 340 px)." in png_text["Description"]
    assert json.loads(png_text["CapSegUserChanged"]) == {"min_area_px": {"value": 200, "recommended": 340}}
    assert summary["changed_by_user"] == "min_area_px" and summary["min_area_px"] == "200"

    (tmp_path / "again").mkdir()
    data, png_text, summary = cli_outputs(tmp_path / "again", model)
    assert data["parameters_changed_by_user"] == {}
    assert "Counting parameters as the model recommends." in png_text["Description"]
    assert summary["changed_by_user"] == "none"


def test_a_result_without_a_known_recommendation_claims_nothing(tmp_path, darkness_session):
    result = Analyzer(darkness_session).analyze_path(bars_with_speck(tmp_path)).result
    result = replace(result, recommended_params=None)
    assert result.changed_params() == [] and result.to_dict()["parameters_changed_by_user"] is None
    assert not any("recommend" in line for line in result.legend_lines())
    assert result.summary_row()["changed_by_user"] == "unknown"
    changed = replace(result, params=CountingParams(threshold=0.3), recommended_params=CountingParams())
    assert changed.changed_params() == ["threshold"]


def test_tags_sit_outside_their_boxes_on_a_dark_tab(tmp_path, darkness_session):
    """On yellowish skin a loop in the middle of the strip gets its number above the box,
    the loop's apex stays visible, and the box has a dark halo."""
    rgb = np.empty((200, 400, 3), np.uint8)
    rgb[:] = (230, 205, 120)  # yellowish skin, where a yellow tab vanished
    rgb[60:140, 194:206] = (120, 40, 30)
    analysis = Analyzer(darkness_session).analyze_path(write_png(tmp_path / "loop.png", rgb))
    (capillary,) = analysis.result.capillaries
    x0, y0, x1, y1 = capillary.bbox
    assert (x0, y0, x1, y1) == (194, 60, 206, 140)
    picture = cv2.cvtColor(cv2.imread(str(analysis.write_annotated_png(tmp_path / "a.png"))), cv2.COLOR_BGR2RGB)
    assert picture[y0 + 4, x0 + 4].tolist() == [120, 40, 30]  # the apex, not a tab
    above = picture[: y0 - 2, x0 - 2 : x0 + 30]
    tab = (above == render.TAG_FILL_RGB).all(axis=2)
    digits = (np.abs(above.astype(int) - render.BOX_RGB).sum(axis=2) < 60) & ~tab
    assert tab.sum() > 40 and digits.sum() > 5  # a dark tab with a yellow "1" on it
    assert max(picture[(y0 + y1) // 2, x0 - 2]) < 90  # a dark halo outside the yellow line


def test_top_edge_tags_go_beside_and_never_cover_a_box_or_each_other(tmp_path, darkness_session):
    from capseg_desktop.core.tag_layout import intersects, place_tags

    analysis = Analyzer(darkness_session).analyze_path(write_png(tmp_path / "bars.png", bars_image(bars=7)))
    boxes = {c.id: tuple(float(v) for v in c.bbox) for c in analysis.result.capillaries}
    places = place_tags(boxes, {k: (14.0, 18.0) for k in boxes}, (0.0, 0.0, 400.0, 200.0))
    assert len(boxes) == 7 and all(place is not None for place in places.values())
    for key, place in places.items():
        assert place[0] >= boxes[key][2]  # beside, right: the loop starts at the top edge
        assert not any(intersects(place, box) for box in boxes.values())
        assert not any(intersects(place, other) for k, other in places.items() if k != key)
    picture = analysis.annotated_rgb()
    bx0, by0, bx1, _ = analysis.result.capillaries[0].bbox
    assert picture[by0 + 4, bx0 + 4].tolist() == [120, 40, 30]  # the apex at the top edge is not covered
