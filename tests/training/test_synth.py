"""Synthetic strips: reproducible, with masks, instances and counts that agree."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from capseg_desktop.training.synth import MIN_CAPILLARY_AREA_PX, make_strip, write_dataset


def test_a_seed_gives_the_same_strip() -> None:
    first = make_strip(np.random.default_rng(7))
    second = make_strip(np.random.default_rng(7))
    assert np.array_equal(first.rgb, second.rgb)
    assert np.array_equal(first.instances, second.instances)


def test_strip_size_mask_instances_and_count_agree() -> None:
    for seed in range(3):
        strip = make_strip(np.random.default_rng(seed))
        height, width = strip.mask.shape
        assert 170 <= height <= 420 and 1274 <= width <= 1280
        assert strip.rgb.shape == (height, width, 3) and strip.rgb.dtype == np.uint8
        assert np.array_equal(strip.mask, strip.instances > 0)
        ids = set(np.unique(strip.instances)) - {0}
        assert ids == set(range(1, strip.count + 1))
        for k in ids:
            assert (strip.instances == k).sum() >= MIN_CAPILLARY_AREA_PX
            # Every capillary hangs from the top part of the strip.
            assert np.nonzero(strip.instances == k)[0].min() < 0.35 * height


def test_write_dataset_writes_pairs_and_counts(tmp_path: Path) -> None:
    counts = write_dataset(tmp_path, 2, seed=3)
    assert set(counts) == {"synth_0000.png", "synth_0001.png"}
    on_disk = json.loads((tmp_path / "counts.json").read_text())
    assert on_disk == counts
    for name, count in counts.items():
        stem = name[:-4]
        instances = cv2.imread(str(tmp_path / f"{stem}_instances.png"), cv2.IMREAD_UNCHANGED)
        mask = cv2.imread(str(tmp_path / f"{stem}_mask.png"), cv2.IMREAD_GRAYSCALE)
        assert instances.dtype == np.uint16
        assert int(instances.max()) == count
        assert np.array_equal(mask > 0, instances > 0)


def test_synth_command_writes_the_sample_layout(tmp_path: Path) -> None:
    import argparse

    from capseg_desktop.training.commands import register

    parser = argparse.ArgumentParser(prog="capseg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["synth", "--out", str(tmp_path), "-n", "5", "--seed", "4",
                              "--prefix", "s", "--samples", "--only", "1,3"])
    assert args.func(args) == 0
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["s_0001.png", "s_0003.png"]
    assert sorted(p.name for p in (tmp_path / "masks").glob("*.png")) == ["s_0001_mask.png", "s_0003_mask.png"]
    counts = json.loads((tmp_path / "counts.json").read_text())
    # Strip k is the same whether or not the others are written.
    assert counts["s_0003.png"] == make_strip(np.random.default_rng([4, 3])).count


def test_command_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, capseg_desktop.training.commands; "
            "heavy = [m for m in ('tensorflow', 'keras', 'cv2') if m in sys.modules]; "
            "print(heavy); sys.exit(1 if heavy else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_world_strips_vary_like_other_microscopes() -> None:
    """Domain randomisation: skin colours spread far wider than the reference look, deeper
    rows appear, and masks, instances and counts still agree."""
    from capseg_desktop.training.synth import SynthParams

    def skin_colours(params, seeds):
        colours = []
        for seed in seeds:
            strip = make_strip(np.random.default_rng([5, seed]), params)
            colours.append(np.median(strip.rgb[~strip.mask].reshape(-1, 3), axis=0))
            assert np.array_equal(strip.mask, strip.instances > 0)
            assert set(np.unique(strip.instances)) - {0} == set(range(1, strip.count + 1))
        return np.array(colours, np.float32)

    reference = skin_colours(SynthParams(), range(10))
    world = skin_colours(SynthParams.world(), range(10))
    # Cream and beige stay close together; world strips reach pink, bluish-grey, brown and dark.
    spread = lambda c: float(np.linalg.norm(c - c.mean(axis=0), axis=1).mean())  # noqa: E731
    assert spread(world) > 2 * spread(reference)
    deeper = [make_strip(np.random.default_rng([6, seed]), SynthParams.world()) for seed in range(12)]
    lowest_start = [min(np.nonzero(s.instances == k)[0].min() for k in range(1, s.count + 1))
                    for s in deeper if s.count]
    highest_start = [max(np.nonzero(s.instances == k)[0].min() for k in range(1, s.count + 1))
                     for s in deeper if s.count]
    assert min(lowest_start) < 5 and max(highest_start) > 150  # a second row starts lower down


def test_rescaled_strips_keep_their_capillaries() -> None:
    from capseg_desktop.training.synth import rescale_strip

    strip = make_strip(np.random.default_rng(12))
    for factor in (0.4, 1.6):
        scaled = rescale_strip(strip, factor)
        assert scaled.rgb.shape[1] == round(strip.rgb.shape[1] * factor)
        assert scaled.count == strip.count
        assert np.array_equal(scaled.mask, scaled.instances > 0)


def test_synth_command_world_and_limb_scale(tmp_path: Path) -> None:
    import argparse

    from capseg_desktop.training.commands import register

    parser = argparse.ArgumentParser(prog="capseg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["synth", "--out", str(tmp_path), "-n", "1", "--world", "--limb-scale", "0.5"])
    assert args.func(args) == 0
    image = cv2.imread(str(tmp_path / "synth_0000.png"))
    assert 80 <= image.shape[0] <= 300 and 630 <= image.shape[1] <= 640
