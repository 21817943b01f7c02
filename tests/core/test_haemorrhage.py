"""Haemorrhages as their own objects (issue 22, point 1): found on synthetic pictures where the
generator drew them, never counted as capillaries, in the JSON, the CSV and the annotated PNG,
in French too."""

from __future__ import annotations

import csv
import io
import json

import cv2
import numpy as np
import pytest

from capseg_desktop.core import render
from capseg_desktop.core.haemorrhage import detect_haemorrhages
from capseg_desktop.core.result import summary_csv
from capseg_devtools.haemorrhages_on_synth import rates, score

from .test_i18n_core import french  # noqa: F401  (a fixture)
from .tiny_models import bars_image


# The detector on synthetic pictures ------------------------------------------------------------
@pytest.mark.slow
def test_the_detector_finds_the_haemorrhages_drawn_on_strips():
    # Tolerances a better detector also meets (the issue asks recall 0.70, precision 0.60).
    totals = score("strip", 8)
    assert totals["drawn"] >= 10  # the seeds do draw haemorrhages
    recall, precision = rates(totals)
    assert recall >= 0.7 and precision >= 0.6, totals


@pytest.mark.slow
def test_the_detector_finds_the_haemorrhages_beyond_the_distal_row_of_wide_fields():
    totals = score("field", 3)
    recall, precision = rates(totals)
    assert recall >= 0.6 and precision >= 0.6, totals


def test_dark_grey_dust_and_a_long_fibre_are_not_haemorrhages():
    skin = np.full((200, 300, 3), (225, 190, 170), np.uint8)
    cv2.circle(skin, (60, 100), 7, (90, 90, 95), -1)  # a grey speck of dust
    cv2.line(skin, (150, 40), (280, 170), (100, 60, 50), 3)  # a red-brown fibre: long and thin
    cv2.circle(skin, (110, 150), 6, (110, 40, 35), -1)  # a haemorrhage: dark, red-brown, compact
    found = detect_haemorrhages(skin, np.zeros((200, 300), bool), 6.0)
    assert len(found) == 1
    assert abs(found[0].centroid[0] - 110) <= 1 and abs(found[0].centroid[1] - 150) <= 1
    assert found[0].label == "H1" and 80 <= found[0].area_px <= 160


def test_nothing_on_a_capillary_is_a_haemorrhage():
    skin = np.full((200, 300, 3), (225, 190, 170), np.uint8)
    cv2.circle(skin, (110, 150), 6, (110, 40, 35), -1)
    capillary = np.zeros((200, 300), bool)
    capillary[140:160, 100:104] = True  # a counted capillary touching the deposit
    assert detect_haemorrhages(skin, capillary, 6.0) == ()


# In the analysis and its exports ---------------------------------------------------------------
def bars_with_a_haemorrhage() -> np.ndarray:
    """Three dark bars (capillaries for the darkness model) and a small red-brown spot below
    them: the model sees the spot too, but it is far below the minimum area counted."""
    rgb = bars_image(bars=3)
    cv2.circle(rgb, (160, 160), 6, (110, 45, 35), -1)
    return rgb


@pytest.fixture()
def analysis(tmp_path, darkness_session):
    from capseg_desktop.core import Analyzer

    from .test_pipeline import write_png

    path = write_png(tmp_path / "bars.png", bars_with_a_haemorrhage())
    return Analyzer(darkness_session).analyze_path(path, um_per_px=1.5)


def test_a_haemorrhage_is_never_in_the_capillary_count(analysis):
    result = analysis.result
    assert result.count == 3 and result.haemorrhage_count == 1
    (haemorrhage,) = result.haemorrhages
    assert abs(haemorrhage.centroid[0] - 160) < 2 and abs(haemorrhage.centroid[1] - 160) < 2
    x0, y0, x1, y1 = haemorrhage.bbox
    assert not analysis.counted.labels[y0:y1, x0:x1].any()
    # A recount that takes the spot in as a capillary leaves no haemorrhage there.
    from dataclasses import replace

    recounted = analysis.recount(replace(result.params, min_area_px=20), um_per_px=1.5)
    assert recounted.result.count == 4 and recounted.result.haemorrhage_count == 0


def test_the_json_and_the_summary_csv_give_the_haemorrhages(analysis):
    data = json.loads(analysis.result.to_json())
    assert data["haemorrhage_count"] == 1 and data["count"] == 3
    assert data["haemorrhages"][0]["label"] == "H1" and len(data["haemorrhages"][0]["bbox"]) == 4
    rows = list(csv.DictReader(io.StringIO(summary_csv([analysis.result.summary_row()]))))
    assert rows[0]["haemorrhages"] == "1" and rows[0]["count"] == "3"


def test_the_annotated_png_marks_the_haemorrhage_in_its_own_colour(analysis, tmp_path):
    out = analysis.write_annotated_png(tmp_path / "annotated.png")
    picture = cv2.cvtColor(cv2.imread(str(out)), cv2.COLOR_BGR2RGB)
    near = picture[130:190, 130:190].reshape(-1, 3)
    assert any(tuple(p) == render.HAEMORRHAGE_RGB for p in near)
    assert render.HAEMORRHAGE_RGB not in {render.BOX_RGB, render.EDITED_BOX_RGB, *render.FLAG_COLOURS.values()}
    # Nowhere near the bars: the colour marks the haemorrhage only.
    assert not any(tuple(p) == render.HAEMORRHAGE_RGB for p in picture[:100].reshape(-1, 3))
    assert "Haemorrhages: 1" in render.read_png_text(out.read_bytes())["Description"]


def test_the_legend_says_haemorrhages_in_french(french, analysis):  # noqa: F811
    assert any(line.startswith("Hémorragies\u00a0: 1") for line in analysis.result.legend_lines())
