"""Evaluation against points and masks, on hand-made cases whose answers are known."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.training.commands import register
from capseg_desktop.training.evaluate import match_points, scores


def test_matching_is_one_to_one_within_the_tolerance() -> None:
    boxes = [(10, 0, 30, 60), (100, 0, 120, 80), (200, 0, 220, 50)]
    centroids = [(20, 30), (110, 40), (210, 25)]
    points = [
        (20, 30),   # inside box 0
        (22, 35),   # also inside box 0: box 0 is taken, so this one is missed
        (125, 40),  # 5 px right of box 1: matches with tolerance 10
        (400, 10),  # nowhere near a box
    ]
    match = match_points(points, boxes, centroids, tolerance_px=10)
    assert (match.true_positives, match.false_positives, match.false_negatives) == (2, 1, 2)
    assert match.pairs == ((0, 0), (2, 1))
    assert match.unmatched_detections == (2,)
    strict = match_points(points, boxes, centroids, tolerance_px=2)
    assert strict.true_positives == 1
    assert scores(2, 1, 2) == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714}


def _darkness_model(path: Path) -> Path:
    """Probability = sigmoid(12 - 20 * value) on each of R, G, B summed: dark pixels are
    'capillary'. An exact, known segmenter for the pipeline."""
    import keras

    inputs = keras.Input((None, None, 3))
    conv = keras.layers.Conv2D(1, 1, activation="sigmoid")
    model = keras.Model(inputs, conv(inputs))
    conv.set_weights([np.full((1, 1, 3, 1), -20.0 / 3, np.float32), np.array([12.0], np.float32)])
    model.save(path)
    return path


def test_evaluate_command_on_a_hand_made_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    images, masks = tmp_path / "images", tmp_path / "masks"
    images.mkdir(), masks.mkdir()
    image = np.full((120, 400, 3), 230, np.uint8)
    truth = np.zeros((120, 400), np.uint8)
    for x0 in (40, 160, 280):  # three dark bars of 20 x 80 = 1600 px hanging from the top
        image[:80, x0 : x0 + 20] = 60
        truth[:80, x0 : x0 + 20] = 255
    # The reference mask also claims a bar the image lacks: 1600 px the model cannot find.
    truth[:80, 350:370] = 255
    cv2.imwrite(str(images / "bars.png"), image)
    cv2.imwrite(str(masks / "bars_mask.png"), truth)
    # Points: two bars found, the third bar not annotated (a false positive), one point on
    # empty skin (a false negative).
    (tmp_path / "points.json").write_text(json.dumps({"bars.png": [[50, 40], [170, 30], [360, 40]]}))
    model = _darkness_model(tmp_path / "dark.keras")

    import argparse

    parser = argparse.ArgumentParser(prog="capseg")
    register(parser.add_subparsers(dest="command", required=True))
    report_path = tmp_path / "report.json"
    args = parser.parse_args([
        "evaluate", "--images", str(images), "--points", str(tmp_path / "points.json"),
        "--masks", str(masks), "--model", str(model), "--tolerance", "5", "--json", str(report_path),
    ])
    assert args.func(args) == 0
    report = json.loads(report_path.read_text())
    assert (report["tp"], report["fp"], report["fn"]) == (2, 1, 1)
    assert report["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["mean_count_error"] == 0.0
    # Mask: 4800 px found, 6400 px in the reference, 4800 shared.
    assert report["dice"] == pytest.approx(2 * 4800 / (4800 + 6400), abs=1e-4)
    assert report["iou"] == pytest.approx(4800 / 6400, abs=1e-4)
    assert "F1 0.667" in capsys.readouterr().out


def test_evaluate_command_reports_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="capseg")
    register(parser.add_subparsers(dest="command", required=True))
    (tmp_path / "p.json").write_text("{}")
    args = parser.parse_args(["evaluate", "--images", str(tmp_path / "nope"), "--points", str(tmp_path / "p.json")])
    assert args.func(args) == 2
    assert "does not exist" in capsys.readouterr().err
