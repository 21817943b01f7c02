"""Corrections by hand: run-length masks, the edit log replayed on a count, and the sidecar."""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.core.corrections import (
    FORMAT_VERSION, Corrections, CorrectionsError, CorrectionsMismatchError, Edit, EditSummary, apply_edits,
    capillaries_from_labels, decode_rle, delete_corrections, encode_rle, fallback_sidecar_path, grow_region,
    load_corrections, save_corrections, sidecar_path, split_mask, summarise,
)
from capseg_desktop.core.counting import CountingParams, count_capillaries
from capseg_desktop.core.errors import CapSegError
from capseg_desktop.core.imageio import read_image
from capseg_desktop.core.model import ModelInfo
from capseg_desktop.core.pipeline import Analysis
from capseg_desktop.core.render import encode_png
from capseg_desktop.core.result import AnalysisResult

PARAMS = CountingParams(threshold=0.5, min_area_px=50, merge_distance_px=3.0, split_area_px=100_000)
MODEL = ModelInfo("test-model", "ab" * 32, "numpy", 3, 8)
# Five capillaries (x0, y0, x1, y1), left to right; the last two sit close together.
BOXES = [(10, 10, 22, 60), (40, 20, 52, 70), (70, 5, 82, 55), (100, 10, 112, 60), (125, 10, 137, 60)]


def probability_map(height: int = 80, width: int = 160, boxes=BOXES) -> np.ndarray:
    probabilities = np.full((height, width), 0.05, dtype=np.float32)
    for x0, y0, x1, y1 in boxes:
        probabilities[y0:y1, x0:x1] = 0.9
    # A faint loop the model nearly missed (below the threshold, above half of it).
    probabilities[62:76, 140:152] = 0.35
    return probabilities


def make_analysis(path: Path | None = None) -> Analysis:
    from capseg_desktop.core.imageio import LoadedImage

    probabilities = probability_map()
    rgb = np.where(probabilities[..., None] > 0.5, 80, 230).astype(np.uint8).repeat(3, axis=2)
    counted = count_capillaries(probabilities, PARAMS)
    result = AnalysisResult(
        source=str(path) if path else "strip.png", width=160, height=80, model=MODEL, params=PARAMS,
        capillaries=counted.capillaries, um_per_px=2.0, recommended_params=PARAMS,
    )
    return Analysis(LoadedImage(path, rgb, "png", 8, 3), probabilities, result, counted)


def rect_mask(shape, x0, y0, x1, y1) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    mask[y0:y1, x0:x1] = True
    return mask


# Run-length masks -------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(5))
def test_rle_round_trip(seed):
    rng = np.random.default_rng(seed)
    mask = rng.random((37, 53)) > 0.6
    mask[0, 0] = bool(seed % 2)  # starts with a 1 half the time: the counts then begin with 0
    rle = encode_rle(mask)
    assert np.array_equal(decode_rle(rle, mask.shape), mask)
    assert json.loads(json.dumps(rle)) == rle  # plain JSON numbers


def test_rle_of_a_small_shape_is_its_box_and_runs():
    mask = rect_mask((10, 10), 2, 3, 5, 5)
    mask[4, 3] = False
    rle = encode_rle(mask)
    assert rle == {"bbox": [2, 3, 5, 5], "counts": [0, 4, 1, 1]}
    assert np.array_equal(decode_rle(rle, (10, 10)), mask)


def test_empty_mask_round_trips():
    rle = encode_rle(np.zeros((4, 6), dtype=bool))
    assert rle == {"bbox": [0, 0, 0, 0], "counts": []}
    assert not decode_rle(rle, (4, 6)).any()


def test_rle_that_does_not_fit_is_refused():
    with pytest.raises(ValueError):
        decode_rle({"bbox": [0, 0, 20, 20], "counts": [400]}, (10, 10))
    with pytest.raises(ValueError):
        decode_rle({"bbox": [0, 0, 2, 2], "counts": [1, 1]}, (10, 10))


# Replaying edits ---------------------------------------------------------------------------------
def base_labels():
    counted = count_capillaries(probability_map(), PARAMS)
    assert counted.count == 5
    return counted.labels


def centre(box):
    x0, y0, x1, y1 = box
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def test_remove_deletes_the_capillary_under_the_point_and_renumbers():
    labels = base_labels()
    new, applied = apply_edits(labels, [Edit("remove", points=(centre(BOXES[1]),))])
    assert applied == [True]
    capillaries = capillaries_from_labels(new)
    assert len(capillaries) == 4
    assert [c.bbox for c in capillaries] == [BOXES[0], BOXES[2], BOXES[3], BOXES[4]]
    assert [c.id for c in capillaries] == [1, 2, 3, 4]
    assert labels.max() == 5  # the input is not modified


def test_add_makes_a_new_capillary_numbered_in_reading_order():
    labels = base_labels()
    drawn = rect_mask(labels.shape, 24, 30, 34, 40)
    new, applied = apply_edits(labels, [Edit("add", mask_rle=encode_rle(drawn))])
    assert applied == [True]
    capillaries = capillaries_from_labels(new)
    assert len(capillaries) == 6
    assert capillaries[1].bbox == (24, 30, 34, 40) and capillaries[1].id == 2  # between the first two
    assert capillaries[1].area_px == 100


def test_add_takes_only_free_pixels_and_over_a_capillary_does_nothing():
    labels = base_labels()
    overlapping = rect_mask(labels.shape, 15, 20, 30, 30)  # half on capillary 1
    new, applied = apply_edits(labels, [Edit("add", mask_rle=encode_rle(overlapping))])
    assert applied == [True]
    assert capillaries_from_labels(new)[0].area_px == 12 * 50  # capillary 1 kept its pixels
    inside = rect_mask(labels.shape, 12, 20, 18, 30)
    new, applied = apply_edits(labels, [Edit("add", mask_rle=encode_rle(inside))])
    assert applied == [False] and new.max() == 5


def test_merge_joins_the_capillaries_under_the_points():
    labels = base_labels()
    new, applied = apply_edits(labels, [Edit("merge", points=(centre(BOXES[3]), centre(BOXES[4])))])
    assert applied == [True]
    capillaries = capillaries_from_labels(new)
    assert len(capillaries) == 4
    assert capillaries[-1].bbox == (100, 10, 137, 60)
    assert capillaries[-1].members == 2
    # One point on background: fewer than two capillaries, nothing merged.
    _, applied = apply_edits(labels, [Edit("merge", points=(centre(BOXES[3]), (5.0, 75.0)))])
    assert applied == [False]


def test_split_cuts_the_crossed_capillary_along_the_line():
    labels = base_labels()
    cut = Edit("split", points=((0.0, 35.0), (30.0, 35.0)))  # horizontal line through capillary 1
    new, applied = apply_edits(labels, [cut])
    assert applied == [True]
    capillaries = capillaries_from_labels(new)
    assert len(capillaries) == 6
    first_two = sorted((c.bbox for c in capillaries[:2]), key=lambda b: b[1])
    assert first_two == [(10, 10, 22, 35), (10, 35, 22, 60)]
    # A line that misses every capillary, or one that only grazes its edge, does nothing.
    _, applied = apply_edits(labels, [Edit("split", points=((25.0, 0.0), (35.0, 79.0)))])
    assert applied == [False]


def test_split_mask_halves():
    mask = rect_mask((20, 20), 0, 0, 20, 20)
    top, bottom = split_mask(mask, (0.0, 10.0), (20.0, 10.0))
    assert top.sum() + bottom.sum() == 400 and not (top & bottom).any()
    assert {int(top.sum()), int(bottom.sum())} == {200}


def test_paint_extends_a_capillary_or_makes_a_new_one():
    labels = base_labels()
    brush = rect_mask(labels.shape, 22, 30, 26, 34)  # touching capillary 1 on its right
    new, applied = apply_edits(labels, [Edit("paint", points=(centre(BOXES[0]),), mask_rle=encode_rle(brush))])
    assert applied == [True]
    capillaries = capillaries_from_labels(new)
    assert len(capillaries) == 5 and capillaries[0].area_px == 600 + 16
    assert capillaries[0].bbox == (10, 10, 26, 60)
    new, applied = apply_edits(labels, [Edit("paint", mask_rle=encode_rle(rect_mask(labels.shape, 140, 62, 150, 72)))])
    assert applied == [True] and len(capillaries_from_labels(new)) == 6


def test_erase_removes_pixels_and_a_wholly_erased_capillary():
    labels = base_labels()
    rub = rect_mask(labels.shape, 10, 10, 22, 20)
    new, applied = apply_edits(labels, [Edit("erase", mask_rle=encode_rle(rub))])
    assert applied == [True]
    assert capillaries_from_labels(new)[0].bbox == (10, 20, 22, 60)
    whole = rect_mask(labels.shape, 0, 0, 30, 80)
    new, applied = apply_edits(labels, [Edit("erase", mask_rle=encode_rle(whole))])
    assert applied == [True] and len(capillaries_from_labels(new)) == 4
    nothing = rect_mask(labels.shape, 0, 70, 10, 80)
    _, applied = apply_edits(labels, [Edit("erase", mask_rle=encode_rle(nothing))])
    assert applied == [False]


def test_edits_replay_in_order_and_report_which_applied():
    labels = base_labels()
    edits = [
        Edit("remove", points=(centre(BOXES[0]),)),
        Edit("remove", points=(centre(BOXES[0]),)),  # already gone: no longer applies
        Edit("add", mask_rle=encode_rle(rect_mask(labels.shape, 140, 62, 152, 76))),
        Edit("merge", points=(centre(BOXES[3]), centre(BOXES[4]))),
    ]
    new, applied = apply_edits(labels, edits)
    assert applied == [True, False, True, True]
    assert len(capillaries_from_labels(new)) == 5 - 1 + 1 - 1
    summary = summarise(edits, applied)
    assert summary == EditSummary(removed=1, added=1, merged=1)
    assert summary.describe() == "1 removed, 1 added, 1 merged"
    assert summary.total() == 3
    assert summary.to_dict() == {"remove": 1, "add": 1, "merge": 1, "split": 0, "paint": 0, "erase": 0, "flag": 0}


def test_numbering_is_left_to_right_then_top_to_bottom_like_counting():
    shape = (60, 60)
    labels = np.zeros(shape, dtype=np.int32)
    labels[30:40, 5:15] = 1   # same left as 2, lower
    labels[2:12, 5:15] = 2
    labels[0:10, 30:40] = 3
    new, _ = apply_edits(labels, [])
    assert [c.bbox for c in capillaries_from_labels(new)] == [(5, 2, 15, 12), (5, 30, 15, 40), (30, 0, 40, 10)]
    counted = count_capillaries(labels > 0, CountingParams(min_area_px=1, merge_distance_px=0))
    assert np.array_equal(counted.labels, new)


def test_replaying_nothing_describes_the_model_count_exactly():
    counted = count_capillaries(probability_map(), PARAMS)
    new, applied = apply_edits(counted.labels, [])
    assert applied == [] and np.array_equal(new, counted.labels)
    assert capillaries_from_labels(new) == counted.capillaries


def test_edits_after_a_recount_apply_where_they_still_can():
    analysis = make_analysis()
    edits = [Edit("remove", points=(centre(BOXES[2]),)),
             Edit("add", mask_rle=encode_rle(rect_mask((80, 160), 140, 62, 152, 76)))]
    edited = analysis.with_edits(edits)
    assert edited.result.count == 5 and edited.result.model_count == 5
    # A higher threshold: the third capillary is no longer counted, so its removal has nothing to remove.
    probabilities = analysis.probabilities.copy()
    probabilities[5:55, 70:82] = 0.55
    recounted = Analysis(analysis.image, probabilities, analysis.result, analysis.counted).recount(
        CountingParams(threshold=0.6, min_area_px=50, merge_distance_px=3.0, split_area_px=100_000))
    assert recounted.result.count == 4 and recounted.result.edits is None
    replayed = recounted.with_edits(edits)
    assert replayed.result.count == 5
    assert replayed.result.model_count == 4
    assert replayed.result.edits == EditSummary(removed=0, added=1)


def test_grow_region_follows_the_faint_loop_and_falls_back_to_a_disk():
    analysis = make_analysis()
    grown = grow_region(analysis.probabilities, (145.0, 68.0), 0.5, analysis.counted.labels)
    assert grown.sum() == 14 * 12  # the whole faint loop, nothing else
    disk = grow_region(analysis.probabilities, (120.0, 72.0), 0.5, analysis.counted.labels)
    assert 100 <= disk.sum() <= 121 and disk[72, 120]
    assert not grow_region(analysis.probabilities, (500.0, 5.0), 0.5).any()
    # Not into a counted capillary.
    inside = grow_region(analysis.probabilities, centre(BOXES[0]), 0.5, analysis.counted.labels)
    assert not (inside & (analysis.counted.labels > 0)).any()


# Analysis.with_edits ----------------------------------------------------------------------------
def test_with_edits_records_model_count_summary_log_and_edited_ids():
    analysis = make_analysis()
    edits = (Edit("remove", points=(centre(BOXES[0]),)),
             Edit("merge", points=(centre(BOXES[3]), centre(BOXES[4]))))
    edited = analysis.with_edits(edits)
    result = edited.result
    assert result.count == 3 and result.model_count == 5
    assert result.edits == EditSummary(removed=1, merged=1)
    assert result.edit_log == edits
    assert result.edited_ids == (3,)  # the merged one, last in reading order
    assert edited.counted.labels.max() == 3 and edited.counted_mask.sum() == 4 * 600
    assert analysis.result.count == 5  # the original is untouched
    # Undo: replaying a shorter log starts again from the model's count.
    undone = edited.with_edits(edits[:1])
    assert undone.result.count == 4 and undone.result.model_count == 5 and undone.result.edited_ids == ()
    assert edited.with_edits(()).result.count == 5


def test_corrections_round_trip_through_json():
    analysis = make_analysis()
    edits = [Edit("remove", points=(centre(BOXES[0]),), time="2026-11-27T10:00:00+01:00"),
             Edit("add", mask_rle=encode_rle(rect_mask((80, 160), 140, 62, 152, 76)), time="2026-11-27T10:00:05+01:00")]
    edited = analysis.with_edits(edits)
    corrections = edited.corrections("cd" * 32)
    text = corrections.to_json()
    data = json.loads(text)
    # Without the clinician's flags a sidecar stays version 1: an older CapSeg reads it as before.
    assert data["format"] == "capseg-corrections" and data["version"] == 1 < FORMAT_VERSION
    assert data["model_count"] == 5 and data["count"] == 5
    assert [e["kind"] for e in data["edits"]] == ["remove", "add"]
    assert data["edits"][0]["time"] == "2026-11-27T10:00:00+01:00"
    assert data["parameters"]["min_area_px"] == 50 and data["um_per_px"] == 2.0
    back = Corrections.from_json(text)
    assert back.edits == edits
    assert back.capillaries == edited.result.capillaries
    assert np.array_equal(back.final_labels(), edited.counted.labels)
    assert back.params == PARAMS and back.model_sha256 == MODEL.sha256


# The sidecar on disk ----------------------------------------------------------------------------
@pytest.fixture()
def picture(tmp_path):
    path = tmp_path / "images" / "left index.png"
    path.parent.mkdir()
    analysis = make_analysis()
    path.write_bytes(encode_png(analysis.image.rgb))
    return path


def saved_corrections(picture: Path) -> Corrections:
    from capseg_desktop.core.corrections import image_sha256

    analysis = make_analysis(picture)
    return analysis.with_edits([Edit("remove", points=(centre(BOXES[1]),))]).corrections(image_sha256(picture))


def test_sidecar_is_saved_beside_the_image_and_loaded_back(picture, tmp_path):
    corrections = saved_corrections(picture)
    where = save_corrections(picture, corrections, fallback_dir=tmp_path / "appdata")
    assert where == picture.parent / "left index.capseg.json" == sidecar_path(picture)
    assert [p.name for p in picture.parent.iterdir() if p.name.endswith(".partial")] == []
    loaded, found = load_corrections(picture, tmp_path / "appdata")
    assert found == where and loaded.count == 4 and loaded.model_count == 5
    assert np.array_equal(loaded.final_labels(), corrections.final_labels())
    delete_corrections(picture, tmp_path / "appdata")
    assert load_corrections(picture, tmp_path / "appdata") is None


def test_read_only_folder_falls_back_to_the_application_folder(picture, tmp_path, monkeypatch):
    corrections = saved_corrections(picture)
    if os.geteuid() == 0:  # root writes anywhere: refuse writes into the image's folder instead
        import capseg_desktop.core.atomic as atomic

        real = atomic._write_temp

        def refuse(path, data):
            if path.parent == picture.parent:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, data)

        monkeypatch.setattr(atomic, "_write_temp", refuse)
    else:
        picture.parent.chmod(0o555)
    try:
        where = save_corrections(picture, corrections, fallback_dir=tmp_path / "appdata")
        assert where == fallback_sidecar_path(picture, tmp_path / "appdata")
        assert where.parent == tmp_path / "appdata" and where.name.endswith("-left index.capseg.json")
        assert not sidecar_path(picture).exists()
        loaded, found = load_corrections(picture, tmp_path / "appdata")
        assert found == where and loaded.count == 4
        with pytest.raises(CorrectionsError) as caught:
            save_corrections(picture, corrections)
        assert "could not be saved" in str(caught.value)
    finally:
        picture.parent.chmod(0o755)


def test_damaged_sidecar_is_one_sentence(picture):
    sidecar_path(picture).write_text('{"format": "capseg-corrections", "version": 1, "image": ', encoding="utf-8")
    with pytest.raises(CorrectionsError) as caught:
        load_corrections(picture)
    assert str(caught.value) == 'The corrections file "left index.capseg.json" is damaged (it is not readable JSON).'
    data = json.loads(saved_corrections(picture).to_json())
    del data["capillaries"][0]["mask_rle"]
    sidecar_path(picture).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CapSegError) as caught:
        load_corrections(picture)
    assert "is damaged" in str(caught.value) and "\n" not in str(caught.value)


def test_newer_sidecar_asks_for_an_update(picture):
    data = json.loads(saved_corrections(picture).to_json())
    data["version"] = FORMAT_VERSION + 1
    sidecar_path(picture).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CorrectionsError) as caught:
        load_corrections(picture)
    assert "newer version of CapSeg Desktop" in str(caught.value)
    assert "update CapSeg Desktop" in str(caught.value)


def test_sidecar_of_another_picture_is_refused(picture):
    save_corrections(picture, saved_corrections(picture))
    # Same name, other content: the picture was replaced after the corrections were saved.
    rgb = read_image(picture).rgb.copy()
    rgb[0, 0] = (1, 2, 3)
    picture.write_bytes(encode_png(rgb))
    with pytest.raises(CorrectionsMismatchError) as caught:
        load_corrections(picture)
    assert str(caught.value) == ('The corrections in "left index.capseg.json" do not belong to "left index.png" '
                                 "(the picture has changed since the corrections were saved); they were not used.")
    # Another picture with the same stem shares the sidecar's name.
    other = picture.with_suffix(".tif")
    assert sidecar_path(other) == sidecar_path(picture)
    with pytest.raises(CorrectionsMismatchError) as caught:
        load_corrections(other)
    assert 'it was saved for "left index.png"' in str(caught.value)
    with pytest.raises(CorrectionsMismatchError):
        load_corrections(picture, check_hash=False, size=(100, 80))


def test_the_saved_file_is_documented_json(picture):
    path = save_corrections(picture, saved_corrections(picture))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"format", "version", "saved", "image", "model", "parameters", "um_per_px",
                         "model_count", "count", "edits", "capillaries"}
    assert data["image"] == {"name": "left index.png", "sha256": data["image"]["sha256"], "width": 160, "height": 80}
    first = data["capillaries"][0]
    assert set(first) >= {"id", "bbox", "area_px", "centroid", "mask_rle"}
    mask = decode_rle(first["mask_rle"], (80, 160))
    assert mask.sum() == first["area_px"]
    assert cv2.boundingRect(mask.astype(np.uint8))[:2] == tuple(first["bbox"][:2])


# Exports of an edited result ---------------------------------------------------------------------
def edited_analysis(path: Path | None = None) -> Analysis:
    edits = [Edit("remove", points=(centre(BOXES[0]),)),
             Edit("add", mask_rle=encode_rle(rect_mask((80, 160), 140, 62, 152, 76))),
             Edit("add", mask_rle=encode_rle(rect_mask((80, 160), 24, 30, 34, 40)))]
    return make_analysis(path).with_edits(edits)


def test_json_records_model_count_final_count_and_edits():
    data = json.loads(edited_analysis().result.to_json())
    assert data["count"] == 6 and data["model_count"] == 5
    assert data["edits"] == {"remove": 1, "add": 2, "merge": 0, "split": 0, "paint": 0, "erase": 0, "flag": 0}
    assert [c["id"] for c in data["capillaries"] if c["edited"]] == [1, 6]
    plain = json.loads(make_analysis().result.to_json())
    assert plain["count"] == plain["model_count"] == 5 and sum(plain["edits"].values()) == 0


def test_capillary_csv_marks_edited_rows():
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(edited_analysis().result.capillaries_csv())))
    assert len(rows) == 6
    assert [row["edited"] for row in rows] == ["1", "0", "0", "0", "0", "1"]


def test_summary_csv_has_model_count_and_edits_columns():
    import csv
    import io

    from capseg_desktop.core.result import failed_row, summary_csv

    rows = [edited_analysis().result.summary_row("a.png"), make_analysis().result.summary_row("b.png"),
            failed_row("c.png", "could not be read")]
    table = list(csv.DictReader(io.StringIO(summary_csv(rows))))
    assert [(r["file"], r["count"], r["model_count"], r["edits"]) for r in table] == [
        ("a.png", "6", "5", "1 removed, 2 added"), ("b.png", "5", "5", ""), ("c.png", "", "", "")]


def test_annotated_legend_says_how_the_count_came_about(tmp_path):
    from capseg_desktop.core.render import read_png_text

    result = edited_analysis().result
    assert "Count 6 (model 5: 1 removed, 2 added): corrected by hand; green boxes are the capillaries added or changed" in result.legend_lines()
    only_removed = make_analysis().with_edits([Edit("remove", points=(centre(BOXES[0]),))]).result
    assert "Count 4 (model 5: 1 removed, 0 added): corrected by hand" in only_removed.legend_lines()
    assert not any("corrected by hand" in line for line in make_analysis().result.legend_lines())
    written = edited_analysis().write_annotated_png(tmp_path / "a.png")
    text = read_png_text(written.read_bytes())
    assert "Count 6 (model 5: 1 removed, 2 added)" in text["Description"]
    assert json.loads(text["CapSeg"])["model_count"] == 5
    mask = edited_analysis().write_mask_png(tmp_path / "m.png")
    grey = cv2.imread(str(mask), cv2.IMREAD_GRAYSCALE)
    assert grey[69, 145] == 255 and grey[30, 15] == 0  # the added loop in, the removed one out


def test_annotated_picture_draws_hand_made_boxes_in_green():
    from capseg_desktop.core.render import BOX_RGB, EDITED_BOX_RGB

    picture = edited_analysis().annotated_rgb()
    # Capillary 6 (added at 140..152 x 62..76) is green, the untouched ones yellow.
    assert tuple(picture[70, 140]) == EDITED_BOX_RGB
    assert tuple(picture[35, 40]) == BOX_RGB


# On a synthetic strip ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def strip_counted():
    from capseg_desktop.training.synth import make_strip

    strip = make_strip(np.random.default_rng(3))
    probabilities = np.where(strip.mask, 0.9, 0.1).astype(np.float32)
    probabilities[::30] = 0.1  # loops cut into pieces that counting merges again
    probabilities[1::30] = 0.1
    return probabilities, count_capillaries(probabilities, CountingParams(min_area_px=40))


def test_capillaries_from_labels_describes_counting_exactly_on_a_synthetic_strip(strip_counted):
    _, counted = strip_counted
    assert counted.count >= 3 and any(c.members > 1 for c in counted.capillaries)  # loops of two limbs merged
    assert capillaries_from_labels(counted.labels) == counted.capillaries


def test_an_edit_on_a_1280_strip_is_counted_as_the_edit_says(strip_counted):
    """One removal and one addition replayed on a whole strip (its speed is the benchmark's to
    measure, not a test's: a timed test fails on a busy machine)."""

    probabilities, counted = strip_counted
    height, width = probabilities.shape
    assert width >= 1200
    result = AnalysisResult(source="s.png", width=width, height=height, model=MODEL, params=CountingParams(),
                            capillaries=counted.capillaries)
    from capseg_desktop.core.imageio import LoadedImage

    analysis = Analysis(LoadedImage(None, np.zeros((height, width, 3), np.uint8), "png", 8, 3), probabilities, result, counted)
    ys, xs = np.nonzero(counted.labels == 2)
    edits = [Edit("remove", points=((xs[0] + 0.5, ys[0] + 0.5),)),
             Edit("add", mask_rle=encode_rle(grow_region(probabilities, (5.0, 5.0), 0.5, counted.labels)))]
    edited = analysis.with_edits(edits)
    assert edited.result.count == counted.count and edited.result.edits == EditSummary(removed=1, added=1)


def test_the_resize_the_count_was_made_at_is_kept_exactly():
    from dataclasses import replace

    from capseg_desktop.core.scale import ScaleInfo

    analysis = make_analysis()
    scale = ScaleInfo(1.2345678912, 8.25, 10.1, "estimated")
    analysis = replace(analysis, result=replace(analysis.result, scale=scale))
    back = Corrections.from_json(analysis.with_edits([]).corrections("ab" * 32).to_json())
    assert back.scale == scale


def test_an_unknown_edit_kind_makes_the_file_damaged_not_half_read():
    data = json.loads(make_analysis().with_edits([]).corrections("ab" * 32).to_json())
    data["edits"] = [{"kind": "recolour", "time": "", "points": []}]
    with pytest.raises(CorrectionsError) as caught:
        Corrections.from_json(json.dumps(data))
    assert str(caught.value).startswith("The corrections file is damaged")
    with pytest.raises(CorrectionsError) as caught:
        Corrections.from_json(json.dumps({"format": "something-else"}))
    assert str(caught.value) == "The file is not a CapSeg corrections file."


def test_a_file_of_another_kind_under_the_sidecar_name_is_named(picture):
    sidecar_path(picture).write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(CorrectionsError) as caught:
        load_corrections(picture)
    assert str(caught.value) == 'The file "left index.capseg.json" is not a CapSeg corrections file.'


def test_edit_geometry_is_one_convention_for_the_window_and_the_replay():
    """The window made its edits with geometry of its own: (x, y) where the replay used (row,
    col), and a split line sampled with other rounding than the replay's (issue 19)."""
    from capseg_desktop.core.corrections import label_at, pixel_at, point_inside, split_target, stroke_mask

    labels = np.zeros((40, 60), dtype=np.int32)
    labels[5:35, 10:14] = 1  # a vertical bar
    labels[5:35, 30:34] = 2  # another, further right
    assert pixel_at((12.7, 20.2), labels.shape) == (20, 12)  # (row, col) of the point (x, y)
    assert pixel_at((60.0, 5.0), labels.shape) is None
    assert label_at(labels, (12.7, 20.2)) == 1 and label_at(labels, (20.0, 20.0)) == 0
    x, y = point_inside(labels, 2, near=(0.0, 0.0))
    assert label_at(labels, (x, y)) == 2 and (x, y) == (30.0, 5.0)
    # The window names the capillary that the replay cuts: the one the line crosses most.
    a, b = (0.0, 20.0), (25.0, 21.0)
    assert split_target(labels, a, b) == 1
    replayed, applied = apply_edits(labels, [Edit("split", points=(a, b))])
    assert applied == [True] and replayed.max() == 3
    assert len(np.unique(replayed[labels == 1])) == 2 and len(np.unique(replayed[labels == 2])) == 1  # bar 1 cut, bar 2 whole
    assert split_target(labels, (20.0, 0.0), (25.0, 39.0)) == 0  # between the bars
    # A brush stroke paints into the selected capillary it touches, else the one under its start.
    from capseg_desktop.core.corrections import paint_target

    across = stroke_mask([(8.0, 20.0), (36.0, 20.0)], 3, labels.shape)  # over both bars
    assert paint_target(labels, across, (8.0, 20.0), selected=(2,)) == 2
    assert paint_target(labels, across, (12.0, 20.0)) == 1
    assert paint_target(labels, stroke_mask([(20.0, 20.0)], 3, labels.shape), (20.0, 20.0)) == 0  # a new capillary
    brushed = stroke_mask([(20.5, 20.5)], 9, labels.shape)
    assert brushed[20, 20] and brushed[20, 16] and not brushed[20, 30] and not brushed[10, 20]  # about 9 px across
