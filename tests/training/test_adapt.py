"""``capseg adapt`` end to end on a tiny model (issue 20): the reviewed images of a folder
fine-tune the model, the scores before and after are printed, and the model is kept with the
microscope profile only when asked; ``--profile`` then counts with it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.calibration import PROFILES_ENV, Profile, load_profiles, save_profiles
from capseg_desktop.core.model import file_sha256

from .test_finetune import _strips

pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")


@pytest.fixture
def setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    from tests.core.tiny_models import build_unet_like

    monkeypatch.setenv(PROFILES_ENV, str(tmp_path / "appdata" / "microscopes.json"))
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata" / "corrections"))
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    save_profiles([Profile("Dino x200", 1.6)])
    base = tmp_path / "tiny.keras"
    build_unet_like(channels=3, pools=2).save(base)
    _strips(tmp_path / "scope", 5, seed=4, invert=True)  # five reviewed images: one is kept aside
    return {"base": base, "folder": tmp_path / "scope", "temp": tmp_path / "temp", "root": tmp_path}


@pytest.mark.slow
def test_adapt_prints_the_scores_and_keeps_the_model_only_when_asked(setting: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    args = ["adapt", str(setting["folder"]), "--profile", "dino X200", "--base", str(setting["base"]),
            "--epochs", "1", "--steps", "2", "--images", "5"]
    assert main(args) == 0  # stdin is not a terminal: not kept without --keep
    out = capsys.readouterr().out
    assert "Images to review (5 of 5 in" in out and out.count("\n  reviewed ") == 5
    assert "Learning from 4 reviewed image(s); 1 kept aside to compare the models: s2.png." in out
    assert "on the images kept aside: F1 " in out
    assert "The adapted model was not kept; run the command again with --keep to keep it." in out
    assert load_profiles() == [Profile("Dino x200", 1.6)]
    assert list(setting["temp"].glob("capseg-adapt-*")) == []  # the run's folder is gone

    assert main(args + ["--keep"]) == 0
    out = capsys.readouterr().out
    [profile] = load_profiles()
    record = profile.model
    assert f'The microscope profile "Dino x200" now counts with {record.file_name}.' in out
    assert record.base_sha256 == file_sha256(setting["base"]) and record.kept_aside == ("s2.png",)
    assert record.images == ("s0.png", "s1.png", "s3.png", "s4.png")
    assert record.before is not None and record.after is not None
    assert f"F1 {record.before.f1:.2f} -> {record.after.f1:.2f}" in out
    assert list(setting["temp"].glob("capseg-adapt-*")) == []

    # From now on the profile counts with its model, and the exports name it.
    out_dir = setting["root"] / "counted"
    assert main(["analyze", str(setting["folder"] / "s0.png"), "--profile", "Dino x200", "--out", str(out_dir)]) == 0
    result = json.loads((out_dir / "s0.json").read_text(encoding="utf-8"))
    assert result["model"]["name"] == record.file_name and result["model"]["sha256"] == record.sha256
