"""``capseg finetune``: a base model trained on one look of synthetic strips becomes better on
another look after fine-tuning on a few of them; a stop request leaves nothing behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main as cli_main
from capseg_desktop.core import load_model
from capseg_desktop.core.corrections import (
    Corrections, apply_edits, capillaries_from_labels, encode_rle, image_sha256, save_corrections,
)
from capseg_desktop.core.counting import CountingParams
from capseg_desktop.core.model import file_sha256
from capseg_desktop.training.finetune import PARTIAL_MARK, FinetuneConfig, FinetuneStopped, choose_validation, finetune
from capseg_desktop.training.synth import make_strip
from capseg_desktop.training.train import TrainConfig, train
from capseg_desktop.training.unet import UNetConfig

ROOT = Path(__file__).resolve().parents[2]


def _save_as_corrected(image: Path, instances: np.ndarray) -> None:
    """A sidecar as the window saves it, whose corrected result is the strip's true capillaries."""
    labels, _ = apply_edits(instances.astype(np.int32), [])  # renumbered in reading order
    capillaries = capillaries_from_labels(labels)
    height, width = labels.shape
    save_corrections(image, Corrections(
        image_name=image.name, image_sha256=image_sha256(image), width=width, height=height,
        model_name="capseg_unet.keras", model_sha256="0" * 64, params=CountingParams(), um_per_px=None,
        model_count=0, edits=[], saved="2026-01-01T00:00:00+00:00", capillaries=capillaries,
        labels_rle=[encode_rle(labels == c.id) for c in capillaries]))


def _strips(folder: Path, n: int, seed: int, invert: bool) -> None:
    """Small strips with masks and corrections sidecars; ``invert``: the negative picture (pale
    vessels on dark skin), a look the base model never saw."""
    folder.mkdir(parents=True)
    for index in range(n):
        strip = make_strip(np.random.default_rng([seed, index]), height=160, width=512)
        rgb = 255 - strip.rgb if invert else strip.rgb
        cv2.imwrite(str(folder / f"s{index}.png"), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
        cv2.imwrite(str(folder / f"s{index}_mask.png"), np.where(strip.mask, 255, 0).astype(np.uint8))
        _save_as_corrected(folder / f"s{index}.png", strip.instances)


@pytest.fixture(scope="module")
def mismatched(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny U-Net trained on strips of the usual look, and strips of the inverted look."""
    root = tmp_path_factory.mktemp("finetune")
    _strips(root / "usual", 6, seed=1, invert=False)
    _strips(root / "mine", 6, seed=2, invert=True)
    train(TrainConfig(out_dir=root / "base", synthetic_dirs=[root / "usual"],
                      unet=UNetConfig(depth=2, base_filters=8, full_resolution=False), epochs=10, steps_per_epoch=10,
                      batch_size=4, patch=(96, 192), val_fraction=0.2, seed=1, threads=2, command="test base",
                      extra_card={"recommended_parameters": {"threshold": 0.5, "min_area_px": 80,
                                                             "merge_distance_px": 10.0, "split_area_px": 1500}}),
          log=lambda message: None)
    return {"base": root / "base" / "capseg_unet.keras", "mine": root / "mine", "root": root}


def test_validation_is_a_fifth_and_at_least_one() -> None:
    assert choose_validation(["a", "b", "c"]) == ["b"]
    assert len(choose_validation([f"{i}" for i in range(10)])) == 2
    assert len(choose_validation([f"{i}" for i in range(12)])) == 2
    assert len(set(choose_validation([f"{i:02d}" for i in range(23)]))) == 5


@pytest.mark.slow
def test_fine_tuning_on_corrected_images_raises_validation_f1_and_writes_a_complete_bundle(
        mismatched: dict[str, Path]) -> None:
    out = mismatched["root"] / "models" / "mine-1"
    events: list[dict] = []
    done = finetune(FinetuneConfig(images=mismatched["mine"], corrections=True, base=mismatched["base"], out=out,
                                   epochs=10, steps_per_epoch=10, batch_size=4, patch=(96, 192), learning_rate=2e-3,
                                   command="test"), events.append)
    kinds = [e["event"] for e in events]
    assert kinds == ["start"] + ["epoch"] * 10 + ["scores", "done"]
    assert events[0] == {"event": "start", "images": 6, "validation": ["s3.png"], "epochs": 10}
    assert [e["epoch"] for e in events[1:11]] == list(range(1, 11))
    assert all(e["eta_s"] >= 0 and set(e) == {"event", "epoch", "epochs", "loss", "val_loss", "eta_s"} for e in events[1:11])
    scores = events[11]
    assert scores["after"]["f1"] >= scores["before"]["f1"] + 0.2, scores
    assert scores["after"]["f1"] >= 0.6, scores
    assert done == events[-1] and done["out"] == str(out)
    assert sorted(p.name for p in out.iterdir()) == ["mine-1.keras", "mine-1.tflite", "model_card.json", "training_curves.png"]
    assert [p.name for p in out.parent.iterdir()] == ["mine-1"]  # no temporary folder left
    card = json.loads((out / "model_card.json").read_text())
    tuning = card["fine_tuning"]
    assert tuning["base_model"]["sha256"] == file_sha256(mismatched["base"])
    assert tuning["base_model"]["file"] == "capseg_unet.keras"
    images = {row["name"]: row for row in tuning["images"]}
    assert images["s0.png"]["sha256"] == file_sha256(mismatched["mine"] / "s0.png")
    assert images["s3.png"]["role"] == "validation" and images["s0.png"]["role"] == "training"
    assert tuning["epochs"] == 10 and tuning["seconds"] > 0 and tuning["labels"].startswith("corrections")
    assert tuning["scores"]["before"]["f1"] == scores["before"]["f1"]
    assert tuning["scores"]["after"]["f1"] == scores["after"]["f1"]
    assert {"tensorflow", "keras", "python", "capseg_desktop"} <= set(card["environment"])
    assert card["recommended_parameters"]["min_area_px"] == 80  # the base model's counting parameters
    # One scale for the microscope: the median of its images' limb widths, kept for its profile.
    from capseg_desktop.core.imageio import read_image
    from capseg_desktop.core.scale import estimate_limb_width_px, median_limb_width

    widths = [estimate_limb_width_px(read_image(mismatched["mine"] / f"s{i}.png").rgb) for i in range(6)]
    assert tuning["scale"] == "microscope"
    assert tuning["microscope_limb_width_px"] == pytest.approx(median_limb_width(widths), abs=0.01)
    # Core opens the new model with its card (the window loads it the same way).
    session = load_model(out / "mine-1.tflite")
    assert session.card is not None and session.card["name"] == "mine-1"


def test_too_few_images_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _strips(tmp_path / "two", 2, seed=3, invert=False)
    code = cli_main(["finetune", "--images", str(tmp_path / "two"), "--masks", str(tmp_path / "two"),
                     "--base", str(tmp_path / "none.keras"), "--out", str(tmp_path / "out"), "--progress", "json"])
    # The base is checked first: a missing file is named.
    assert code == 2
    event = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert event["event"] == "error" and "none.keras" in event["message"]
    (tmp_path / "base.keras").write_bytes(b"x")
    code = cli_main(["finetune", "--images", str(tmp_path / "two"), "--masks", str(tmp_path / "two"),
                     "--base", str(tmp_path / "base.keras"), "--out", str(tmp_path / "out"), "--progress", "json"])
    assert code == 2
    event = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert event == {"event": "error", "message": f"Fine-tuning needs at least 3 images with a mask; {tmp_path / 'two'} has 2."}
    assert not (tmp_path / "out").exists()


def test_the_installed_app_without_its_training_add_on_says_how_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _strips(tmp_path / "three", 3, seed=3, invert=False)
    monkeypatch.setitem(sys.modules, "tensorflow", None)  # as in the app installed without the add-on
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    code = cli_main(["finetune", "--images", str(tmp_path / "three"), "--masks", str(tmp_path / "three"),
                     "--base", str(ROOT / "models" / "capseg_unet.keras"), "--out", str(tmp_path / "out"),
                     "--progress", "json"])
    assert code == 2
    event = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert event["event"] == "error" and "install capseg-desktop-training" in event["message"]
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_sigterm_mid_run_exits_130_and_leaves_nothing(mismatched: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "models" / "stopped"
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    process = subprocess.Popen(
        [sys.executable, "-m", "capseg_desktop", "finetune", "--images", str(mismatched["mine"]),
         "--masks", str(mismatched["mine"]), "--base", str(mismatched["base"]), "--out", str(out),
         "--progress", "json", "--epochs", "200", "--steps", "10", "--batch", "4", "--patch", "96x192"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env,
    )
    try:
        events = []
        deadline = time.time() + 120
        while time.time() < deadline:
            line = process.stdout.readline()
            assert line, "the command ended before its first epoch"
            events.append(json.loads(line))
            if events[-1]["event"] == "epoch":
                break
        assert events[0]["event"] == "start" and events[-1]["event"] == "epoch"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 130
    finally:
        if process.poll() is None:
            process.kill()
    rest = [json.loads(line) for line in process.stdout.read().splitlines() if line.strip()]
    assert all(e["event"] == "epoch" for e in rest)
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


@pytest.mark.slow
def test_stop_while_writing_removes_the_temporary_folder(mismatched: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "models" / "late"

    def temporary_folder_exists() -> bool:  # asks to stop once the bundle is being written
        return out.parent.is_dir() and any(PARTIAL_MARK in p.name for p in out.parent.iterdir())

    with pytest.raises(FinetuneStopped):
        finetune(FinetuneConfig(images=mismatched["mine"], masks=mismatched["mine"], base=mismatched["base"], out=out,
                                epochs=1, steps_per_epoch=2, batch_size=2, patch=(96, 192)),
                 lambda event: None, should_stop=temporary_folder_exists)
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("prefix", [[], ["-m", "capseg_desktop"]])
def test_the_app_executable_runs_the_finetune_subcommand(prefix: list[str], monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``capseg-desktop finetune …`` (and a frozen app given ``-m capseg_desktop finetune …``,
    as the window starts it) is the command line, not the window."""
    from capseg_desktop import __main__ as entry

    monkeypatch.setattr(sys, "argv", ["capseg-desktop", *prefix, "finetune", "--help"])
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert stop.value.code == 0
    assert "--corrections" in capsys.readouterr().out
