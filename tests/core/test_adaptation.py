"""Proposing the images to review when adapting to a microscope (issue 20): varied in look,
spread over the folder, the same every time, and unreadable files left out with a sentence."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.adaptation import farthest_points, propose_images, reviewed_images
from capseg_desktop.core.imageio import list_images

from .tiny_models import bars_image

DARK = {3, 10, 17, 24}
BRIGHT = {6, 20}


@pytest.fixture
def folder(tmp_path) -> Path:
    """30 strips of one microscope, a few much darker or much brighter, and a broken file."""
    folder = tmp_path / "microscope"
    folder.mkdir()
    for index in range(30):
        rgb = bars_image(240, 320, bars=2 + index % 4).astype(np.float32)
        if index in DARK:
            rgb *= 0.3
        elif index in BRIGHT:  # washed out: pale bars on a white ground
            rgb = rgb * 0.4 + 150
        rgb += np.random.default_rng(index).normal(0, 6, rgb.shape)
        cv2.imwrite(str(folder / f"scan_{index:02d}.jpg"), cv2.cvtColor(np.clip(rgb, 0, 255).astype(np.uint8), cv2.COLOR_RGB2BGR))
    (folder / "scan_99.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return folder


def _numbers(paths) -> list[int]:
    return [int(p.stem.split("_")[1]) for p in paths]


def test_the_proposal_holds_dark_and_bright_images_spread_over_the_folder(folder):
    proposal = propose_images(list_images(folder))
    numbers = _numbers(proposal.images)
    assert len(numbers) == 10 and len(set(numbers)) == 10
    assert numbers == sorted(numbers)  # in the folder's order
    assert set(numbers) & DARK and set(numbers) & BRIGHT
    assert min(numbers) < 8 and max(numbers) > 22  # from both ends of the folder
    assert [(p.name, why) for p, why in proposal.skipped] == [
        ("scan_99.png", '"scan_99.png" could not be read; it is left out of the proposal.')]
    assert propose_images(list_images(folder)) == proposal  # the same every time
    assert len(propose_images(list_images(folder), count=12).images) == 12


def test_a_small_folder_is_proposed_whole_once_each(folder):
    few = list_images(folder)[:5]
    assert propose_images(few + few[:2], count=10).images == tuple(few)
    assert propose_images([]).images == ()


def test_farthest_points_start_in_the_middle_and_go_to_the_ends():
    points = np.array([[0.0], [1.0], [2.0], [3.0], [10.0]])
    assert farthest_points(points, 3) == [2, 4, 0]


def test_reviewed_images_are_those_with_corrections(folder, darkness_session, monkeypatch, tmp_path):
    from capseg_desktop.core.corrections import image_sha256, save_corrections
    from capseg_desktop.core.pipeline import Analyzer

    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata-corrections"))
    images = list_images(folder)
    analysis = Analyzer(darkness_session).analyze_path(images[3])
    save_corrections(images[3], analysis.corrections(image_sha256(images[3])))
    assert reviewed_images(images) == [images[3]]


def test_capseg_adapt_proposes_and_says_what_is_missing(folder, tmp_path, monkeypatch, capsys):
    from capseg_desktop.core.calibration import PROFILES_ENV, Profile, save_profiles

    monkeypatch.setenv(PROFILES_ENV, str(tmp_path / "appdata" / "microscopes.json"))
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata-corrections"))
    save_profiles([Profile("Dino x200", 1.6)])
    assert main(["adapt", str(folder), "--profile", "dino x200", "--images", "8", "--propose-only"]) == 0
    out = capsys.readouterr().out
    assert "Images to review (8 of 31 in" in out
    listed = [line.split()[-1] for line in out.splitlines()[1:]]
    assert listed == [p.name for p in propose_images(list_images(folder), 8).images]
    assert all(line.split()[0] == "to" for line in out.splitlines()[1:])
    assert main(["adapt", str(folder), "--profile", "dino x200"]) == 2
    assert "0 image(s) of the folder are reviewed; adapting needs at least 3" in capsys.readouterr().err
    assert main(["adapt", str(folder), "--profile", "Nikon", "--propose-only"]) == 2
    assert 'No microscope profile is called "Nikon"' in capsys.readouterr().err
