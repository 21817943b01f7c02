"""``capseg analyze`` end to end on a temporary folder."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import cv2
import pytest

from capseg_desktop.cli import main

from .tiny_models import bars_image


@pytest.fixture()
def folder(tmp_path):
    images = tmp_path / "visit 2026-11 ü"
    images.mkdir()
    for name, bars in (("left index.png", 3), ("right ring.png", 5)):
        assert cv2.imwrite(str(images / name), cv2.cvtColor(bars_image(bars=bars), cv2.COLOR_RGB2BGR))
    (images / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (images / "readme.txt").write_text("not an image, and not picked up from a folder")
    return images


def test_analyze_folder_writes_results_and_reports_the_bad_image(folder, tmp_path, darkness_model_dir, capsys):
    out = tmp_path / "results"
    code = main(["analyze", str(folder), "--model", str(darkness_model_dir / "darkness.tflite"),
                 "--out", str(out), "--um-per-px", "2"])
    assert code == 1  # one image failed
    captured = capsys.readouterr()
    assert "broken.png" in captured.err and "damaged" in captured.err
    assert "[####" in captured.err  # progress bar for more than one image

    data = json.loads((out / "right ring.json").read_text(encoding="utf-8"))
    assert data["count"] == 5 and len(data["capillaries"]) == 5
    x0, y0, x1, y1 = data["capillaries"][0]["bbox"]
    assert (x0, y0, x1, y1) == (60, 0, 72, 100)
    assert cv2.imread(str(out / "left index_annotated.png")).shape[1] == 400
    assert cv2.imread(str(out / "left index_mask.png"), cv2.IMREAD_UNCHANGED).shape == (200, 400)

    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        rows = {row["file"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}
    assert rows["left index.png"]["count"] == "3" and rows["left index.png"]["status"] == "ok"
    assert rows["left index.png"]["density_per_mm"] == "3.750"  # 3 / (400 px * 2 um)
    assert rows["broken.png"]["status"] == "failed" and rows["broken.png"]["message"]
    assert "readme.txt" not in rows


def test_existing_results_are_not_overwritten(folder, tmp_path, darkness_model_dir, capsys):
    out = tmp_path / "results"
    args = ["analyze", str(folder / "left index.png"), "--model", str(darkness_model_dir / "darkness.tflite"), "--out", str(out)]
    assert main(args) == 0
    (out / "left index.json").write_text("edited by hand")
    assert main(args) == 2
    assert "already exist" in capsys.readouterr().err
    assert (out / "left index.json").read_text() == "edited by hand"
    assert main(args + ["--overwrite", "--min-area", "5000"]) == 0
    assert json.loads((out / "left index.json").read_text())["count"] == 0


def test_parameters_reach_the_result(folder, tmp_path, darkness_model_dir):
    out = tmp_path / "results"
    assert main(["analyze", str(folder / "left index.png"), "--model", str(darkness_model_dir / "darkness.keras"),
                 "--out", str(out), "--threshold", "0.7", "--merge-distance", "150"]) == 0
    data = json.loads((out / "left index.json").read_text())
    assert data["parameters"]["threshold"] == 0.7
    assert data["count"] == 1  # bars 88 px apart merge at 150 px
    assert data["model"]["runtime"] == "keras"


def test_missing_model_is_one_sentence(tmp_path, capsys):
    assert main(["analyze", str(tmp_path), "--model", str(tmp_path / "none.tflite")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_convert_command(darkness_model_dir, tmp_path):
    target = tmp_path / "converted.tflite"
    assert main(["convert", str(darkness_model_dir / "darkness.keras"), str(target)]) == 0
    assert target.stat().st_size > 0


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "capseg_desktop.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "analyze" in result.stdout
