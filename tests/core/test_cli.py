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
    assert "1/3 broken.png" in captured.err and "3/3 right ring.png" in captured.err  # progress
    assert "\033[K" not in captured.err  # no terminal codes in a captured log

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
    from capseg_desktop.core import Analyzer, load_model

    target = tmp_path / "converted.tflite"
    assert main(["convert", str(darkness_model_dir / "darkness.keras"), str(target)]) == 0
    image = tmp_path / "bars.png"
    cv2.imwrite(str(image), cv2.cvtColor(bars_image(bars=4), cv2.COLOR_RGB2BGR))
    keras_mask = Analyzer(load_model(darkness_model_dir / "darkness.keras")).analyze_path(image).mask
    lite = Analyzer(load_model(target)).analyze_path(image)
    assert lite.result.count == 4 and lite.result.model.runtime == "litert"
    assert (lite.mask == keras_mask).all()
    assert main(["convert", str(darkness_model_dir / "darkness.keras"), str(target)]) == 2  # exists


def test_second_run_does_not_count_its_own_outputs(folder, darkness_model_dir, capsys):
    single = folder.parent / "single"
    single.mkdir()
    (single / "a.png").write_bytes((folder / "left index.png").read_bytes())
    model = str(darkness_model_dir / "darkness.tflite")
    assert main(["analyze", str(single), "--model", model]) == 0
    assert main(["analyze", str(single), "--model", model, "--overwrite"]) == 0
    assert "1 of 1 image(s) analysed, 3 capillaries" in capsys.readouterr().out
    assert not list(single.glob("*_annotated_annotated.png"))


def test_same_names_from_different_folders_get_distinct_outputs(tmp_path, darkness_model_dir):
    paths = []
    for folder, bars in (("x", 2), ("y", 3), ("z", 4)):
        (tmp_path / folder).mkdir()
        name = "a_2.png" if folder == "z" else "a.png"
        path = tmp_path / folder / name
        cv2.imwrite(str(path), cv2.cvtColor(bars_image(bars=bars), cv2.COLOR_RGB2BGR))
        paths.append(str(path))
    out = tmp_path / "out"
    assert main(["analyze", *paths, "--model", str(darkness_model_dir / "darkness.tflite"), "--out", str(out)]) == 0
    counts = {p.stem: json.loads(p.read_text())["count"] for p in out.glob("*.json")}
    assert counts == {"a": 2, "a_3": 3, "a_2": 4}


@pytest.mark.parametrize("flag, value", [("--um-per-px", "nan"), ("--um-per-px", "inf"), ("--um-per-px", "0"), ("--merge-distance", "-1")])
def test_nonsense_numbers_are_refused(tmp_path, flag, value, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["analyze", str(tmp_path), flag, value])
    assert exited.value.code == 2
    assert "must be a number" in capsys.readouterr().err


def test_nothing_to_analyse_writes_no_summary(tmp_path, darkness_model_dir, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", str(tmp_path / "nope.png"), "--model", str(darkness_model_dir / "darkness.tflite")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "summary.csv").exists()


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "capseg_desktop.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "analyze" in result.stdout
