"""The command line reads the corrections the window saves: ``capseg analyze --use-corrections``
and ``capseg export-training-data``, whose files the training tools read back."""

from __future__ import annotations

import csv
import json

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.corrections import Edit, encode_rle, image_sha256, save_corrections, sidecar_path
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.render import encode_png

from .tiny_models import bars_image

# bars_image(200, 400, 3): dark bars at x 94-106, 194-206 and 294-306, from the top to y 100.
REMOVE_MIDDLE = Edit("remove", points=((200.0, 50.0),))


def added_box() -> Edit:
    mask = np.zeros((200, 400), dtype=bool)
    mask[120:160, 340:360] = True
    return Edit("add", mask_rle=encode_rle(mask))


@pytest.fixture()
def corrections_dir(tmp_path, monkeypatch):
    folder = tmp_path / "appdata-corrections"
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(folder))
    return folder


@pytest.fixture()
def corrected_folder(tmp_path, darkness_session, corrections_dir):
    """Three strips of 3 bars: "a" corrected (1 removed, 1 added: 3 -> 3), "b" corrected (1 removed:
    3 -> 2), "c" never corrected."""
    folder = tmp_path / "strips"
    folder.mkdir()
    analyzer = Analyzer(darkness_session)
    for name, edits in (("a", [REMOVE_MIDDLE, added_box()]), ("b", [REMOVE_MIDDLE]), ("c", None)):
        path = folder / f"{name}.png"
        path.write_bytes(encode_png(bars_image(200, 400, 3)))
        if edits is not None:
            edited = analyzer.analyze_path(path).with_edits(edits)
            save_corrections(path, edited.corrections(image_sha256(path)), corrections_dir)
    return folder


def read_summary(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def test_analyze_uses_the_corrections_only_when_asked(corrected_folder, darkness_model_dir, tmp_path, capsys):
    model = str(darkness_model_dir / "darkness.tflite")
    assert main(["analyze", str(corrected_folder), "--model", model, "--out", str(tmp_path / "plain")]) == 0
    plain = read_summary(tmp_path / "plain" / "summary.csv")
    assert {name: row["count"] for name, row in plain.items()} == {"a.png": "3", "b.png": "3", "c.png": "3"}
    capsys.readouterr()

    out = tmp_path / "corrected"
    assert main(["analyze", str(corrected_folder), "--model", model, "--out", str(out), "--use-corrections"]) == 0
    rows = read_summary(out / "summary.csv")
    table = [(rows[n]["count"], rows[n]["model_count"], rows[n]["edits"], rows[n]["status"]) for n in ("a.png", "b.png", "c.png")]
    assert table == [("3", "3", "1 removed, 1 added", "ok"), ("2", "3", "1 removed, 0 added", "ok"), ("3", "3", "", "ok")]
    result = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert result["count"] == 2 and result["model_count"] == 3 and result["edits"]["remove"] == 1
    mask = cv2.imread(str(out / "b_mask.png"), cv2.IMREAD_GRAYSCALE)
    assert mask[50, 200] == 0 and mask[50, 100] == 255  # the removed bar is not in the exported mask
    printed = capsys.readouterr().out
    assert "8 capillaries" in printed  # 3 + 2 + 3


def test_a_sidecar_of_another_picture_gives_a_warning_and_the_model_count(corrected_folder, darkness_model_dir, tmp_path):
    # "c.png" is replaced by another picture while "b"'s corrections are copied to it.
    other = bars_image(200, 400, 4)
    (corrected_folder / "c.png").write_bytes(encode_png(other))
    data = json.loads(sidecar_path(corrected_folder / "b.png").read_text(encoding="utf-8"))
    data["image"]["name"] = "c.png"
    sidecar_path(corrected_folder / "c.png").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(corrected_folder / "c.png"), "--model", str(darkness_model_dir / "darkness.tflite"),
                 "--out", str(out), "--use-corrections"]) == 0
    row = read_summary(out / "summary.csv")["c.png"]
    assert row["status"] == "warning" and row["count"] == "4" and row["edits"] == ""
    assert row["message"] == ('The corrections in "c.capseg.json" do not belong to "c.png" (the picture has changed '
                              "since the corrections were saved); they were not used.")


def test_a_damaged_sidecar_gives_a_warning_and_the_model_count(corrected_folder, darkness_model_dir, tmp_path):
    sidecar_path(corrected_folder / "b.png").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(corrected_folder / "b.png"), "--model", str(darkness_model_dir / "darkness.tflite"),
                 "--out", str(out), "--use-corrections"]) == 0
    row = read_summary(out / "summary.csv")["b.png"]
    assert (row["status"], row["count"]) == ("warning", "3")
    assert row["message"] == 'The corrections file "b.capseg.json" is damaged (it is not readable JSON).'


def test_corrections_kept_in_the_application_folder_are_found(corrected_folder, darkness_model_dir, tmp_path, corrections_dir):
    from capseg_desktop.core.corrections import fallback_sidecar_path

    beside = sidecar_path(corrected_folder / "b.png")
    elsewhere = fallback_sidecar_path(corrected_folder / "b.png", corrections_dir)
    elsewhere.parent.mkdir(parents=True, exist_ok=True)
    beside.replace(elsewhere)  # as when the folder was read-only
    out = tmp_path / "out"
    assert main(["analyze", str(corrected_folder / "b.png"), "--model", str(darkness_model_dir / "darkness.tflite"),
                 "--out", str(out), "--use-corrections"]) == 0
    assert read_summary(out / "summary.csv")["b.png"]["count"] == "2"


def test_export_training_data_writes_what_train_and_evaluate_read(corrected_folder, darkness_session, tmp_path, capsys):
    from capseg_desktop.core.imageio import list_images
    from capseg_desktop.training.data import load_pairs
    from capseg_desktop.training.evaluate import evaluate_session, load_points

    out = tmp_path / "training"
    assert main(["export-training-data", str(corrected_folder), "--out", str(out)]) == 0
    assert "2 corrected image(s)" in capsys.readouterr().out
    assert sorted(p.name for p in (out / "images").iterdir()) == ["a.png", "b.png"]
    assert sorted(p.name for p in (out / "masks").iterdir()) == ["a_mask.png", "b_mask.png"]

    samples = {s.name: s for s in load_pairs(out / "images", out / "masks", "corrected")}
    assert sorted(samples) == ["a.png", "b.png"]
    assert np.array_equal(samples["b.png"].rgb, bars_image(200, 400, 3))
    b_mask = samples["b.png"].mask
    assert b_mask[50, 200] == 0 and b_mask[50, 100] == 1 and b_mask[50, 300] == 1
    assert samples["a.png"].mask[140, 350] == 1  # the capillary added by hand

    points = load_points(out / "points.json")
    assert sorted(points) == ["a.png", "b.png"]
    assert len(points["a.png"]) == 3 and len(points["b.png"]) == 2
    assert points["b.png"][0] == pytest.approx([99.5, 49.5])
    report = evaluate_session(darkness_session, {p.name: p for p in list_images(out / "images")}, points, 10.0,
                              masks_dir=out / "masks")
    rows = {row["image"]: row for row in report["per_image"]}
    assert rows["b.png"]["annotated"] == 2 and rows["b.png"]["detected"] == 3 and rows["b.png"]["fp"] == 1
    assert rows["a.png"]["fn"] == 1  # the model misses the capillary added by hand


def test_export_training_data_without_corrections_says_so(tmp_path, capsys, corrections_dir):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "x.png").write_bytes(encode_png(bars_image()))
    assert main(["export-training-data", str(folder), "--out", str(tmp_path / "out")]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
