"""Synthetic data for other microscopes: illuminations (green LED, monochrome, near-infrared,
bluish) and wide fields whose distal row runs at any angle, with each capillary's row."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.training.synth import (
    FieldParams,
    SynthParams,
    make_field,
    make_strip,
    proxy_set,
    rescale_field,
    write_dataset,
)


def _strip(seed: int, look: str | None, world: bool = True):
    params = dataclasses.replace(SynthParams.world() if world else SynthParams(), look=look)
    return make_strip(np.random.default_rng([21, seed]), params)


def _background(mask: np.ndarray) -> np.ndarray:
    """Skin near the vessels (not on them), where a vessel's contrast is judged."""
    near = cv2.dilate(mask.astype(np.uint8), np.ones((25, 25), np.uint8)) > 0
    return near & ~(cv2.dilate(mask.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0)


# Looks --------------------------------------------------------------------------------------
def test_the_look_is_off_by_default_and_an_explicit_none_draws_the_same_strip() -> None:
    assert SynthParams().look is None and SynthParams.world().look is None
    for seed in range(2):
        plain = make_strip(np.random.default_rng([21, seed]), SynthParams.world())
        off = _strip(seed, None)
        assert np.array_equal(plain.rgb, off.rgb) and np.array_equal(plain.instances, off.instances)


def test_a_look_changes_the_rendering_only_not_the_capillaries() -> None:
    for seed in range(2):
        white = _strip(seed, None)
        for look in ("green", "mono", "nir", "blue"):
            other = _strip(seed, look)
            assert np.array_equal(other.instances, white.instances), look
            assert not np.array_equal(other.rgb, white.rgb), look


def test_green_led_strips_have_no_red_and_dark_vessels_in_green() -> None:
    for seed in range(4):
        strip = _strip(seed, "green", world=seed % 2 == 0)
        mean = strip.rgb.reshape(-1, 3).astype(np.float64).mean(axis=0)
        assert mean[0] < 0.1 * mean[1], mean
        if strip.count:
            green = strip.rgb[:, :, 1].astype(np.float64)
            assert green[strip.mask].mean() < green[_background(strip.mask)].mean()


def test_monochrome_and_near_infrared_strips_are_grey_with_darker_vessels() -> None:
    for look in ("mono", "nir"):
        for seed in range(3):
            strip = _strip(seed, look, world=False)
            channels = strip.rgb.astype(np.int16)
            assert np.abs(channels[:, :, 0] - channels[:, :, 1]).max() <= 3, look
            assert np.abs(channels[:, :, 2] - channels[:, :, 1]).max() <= 3, look
            grey = channels[:, :, 1].astype(np.float64)
            assert grey[strip.mask].mean() < grey[_background(strip.mask)].mean(), (look, seed)


def test_near_infrared_vessels_stand_out_less_than_monochrome_ones() -> None:
    def contrast(look: str) -> float:
        values = []
        for seed in range(3):
            strip = _strip(seed, look, world=False)
            grey = strip.rgb[:, :, 1].astype(np.float64)
            values.append(grey[_background(strip.mask)].mean() - grey[strip.mask].mean())
        return float(np.mean(values))

    assert 0 < contrast("nir") < contrast("mono")


def test_bluish_strips_are_bluer_than_red() -> None:
    for seed in range(3):
        mean = _strip(seed, "blue", world=False).rgb.reshape(-1, 3).astype(np.float64).mean(axis=0)
        assert mean[2] > mean[0], mean


def test_an_unknown_look_is_refused() -> None:
    with pytest.raises(ValueError, match="look"):
        _strip(0, "sepia")


# Wide fields ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fields() -> list:
    made = [make_field(np.random.default_rng([31, seed]), FieldParams(look="any")) for seed in range(3)]
    made += [make_field(np.random.default_rng([32, 0]), FieldParams(angle_deg=0.0)),  # vertical row, apices right
             make_field(np.random.default_rng([32, 1]), FieldParams(angle_deg=225.0))]  # diagonal, up-left
    return made


def test_a_seed_gives_the_same_field() -> None:
    first = make_field(np.random.default_rng(5))
    second = make_field(np.random.default_rng(5))
    assert np.array_equal(first.rgb, second.rgb)
    assert np.array_equal(first.instances, second.instances)
    assert first.rows_json() == second.rows_json()


def test_field_size_instances_rows_and_count_agree(fields: list) -> None:
    for field in fields:
        height, width = field.mask.shape
        assert 800 <= height <= 1100 and 1000 <= width <= 1300
        assert field.rgb.shape == (height, width, 3) and field.rgb.dtype == np.uint8
        assert np.array_equal(field.mask, field.instances > 0)
        ids = set(np.unique(field.instances).tolist()) - {0}
        assert ids == set(range(1, field.count + 1)) == set(field.rows)
        assert set(field.kinds) == ids and set(field.blurred) == ids
        assert field.distal_count >= 5
        assert max(field.rows.values()) >= 2  # at least one deeper row of loops, then the end-on dashes
        assert sum(kind == "end-on" for kind in field.kinds.values()) >= 20
        assert all(field.rows[k] == 0 or field.kinds[k] == "end-on" or field.rows[k] >= 1 for k in ids)
        assert set(field.apices) == {k for k in ids if field.kinds[k] == "loop"}


def test_distal_apices_are_the_outermost_along_the_apex_direction(fields: list) -> None:
    for field in fields:
        v = np.array(field.apex_direction)
        distal = [np.dot(field.apices[k], v) for k, row in field.rows.items() if row == 0]
        ys, xs = np.nonzero(field.instances)
        reach = xs * v[0] + ys * v[1]
        deeper = np.isin(field.instances[ys, xs], [k for k, row in field.rows.items() if row > 0])
        assert reach[deeper].max() < min(distal)


def test_the_angle_sets_the_rows_direction(fields: list) -> None:
    vertical, diagonal = fields[3], fields[4]
    assert vertical.apex_direction == pytest.approx((1.0, 0.0), abs=1e-6)
    tips = np.array([vertical.apices[k] for k, row in vertical.rows.items() if row == 0])
    assert np.ptp(tips[:, 1]) > 5 * np.ptp(tips[:, 0])  # the row runs down the picture
    assert diagonal.apex_direction == pytest.approx((-0.7071, -0.7071), abs=1e-3)
    tips = np.array([diagonal.apices[k] for k, row in diagonal.rows.items() if row == 0])
    along = tips @ np.array([0.7071, -0.7071])
    across = tips @ np.array([0.7071, 0.7071])
    assert np.ptp(along) > 5 * np.ptp(across)


def test_distal_loops_are_far_enough_apart_to_be_counted(fields: list) -> None:
    gap = FieldParams().loop_gap_px
    field = fields[0]
    for k, row in field.rows.items():
        if row != 0:
            continue
        distance = cv2.distanceTransform((field.instances != k).astype(np.uint8), cv2.DIST_L2, 5)
        others = (field.instances > 0) & (field.instances != k)
        assert distance[others].min() >= gap - 1


def test_limbs_are_three_to_eight_pixels_wide(fields: list) -> None:
    for field in fields:
        assert 3.0 <= field.limb_width_px <= 8.0
        widths = []
        for k, kind in field.kinds.items():
            if kind != "loop":
                continue
            inside = (field.instances == k).astype(np.uint8)
            contours, _ = cv2.findContours(inside, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
            perimeter = sum(cv2.arcLength(c, True) for c in contours)
            widths.append(2 * inside.sum() / perimeter)  # a thin tube: area = width x half its perimeter
        assert 0.6 * field.limb_width_px < np.median(widths) < 1.4 * field.limb_width_px
        assert 2.0 < min(widths) and max(widths) < 10.0


def test_the_measuring_line_is_drawn_but_not_in_the_mask() -> None:
    with_line = make_field(np.random.default_rng(8), FieldParams(ruler_probability=1.0))
    without = make_field(np.random.default_rng(8), FieldParams(ruler_probability=0.0))
    assert with_line.ruler.sum() > 100 and without.ruler.sum() == 0
    assert np.array_equal(with_line.instances, without.instances)
    line = with_line.ruler & ~with_line.mask
    darker = without.rgb[line].astype(np.float64).mean() - with_line.rgb[line].astype(np.float64).mean()
    assert darker > 30


def test_a_rescaled_field_keeps_its_rows_consistent(fields: list) -> None:
    small = rescale_field(fields[0], 0.5)
    ids = set(np.unique(small.instances).tolist()) - {0}
    assert ids == set(range(1, small.count + 1)) == set(small.rows)
    assert small.distal_count == fields[0].distal_count  # loops survive; tiny dots may not
    assert small.limb_width_px == pytest.approx(fields[0].limb_width_px / 2)


# Files and commands --------------------------------------------------------------------------
def test_write_dataset_writes_fields_with_their_rows(tmp_path: Path) -> None:
    counts = write_dataset(tmp_path, 1, seed=2, prefix="f", kind="field", params=FieldParams(look="green"))
    assert set(counts) == {"f_0000.png"}
    instances = cv2.imread(str(tmp_path / "f_0000_instances.png"), cv2.IMREAD_UNCHANGED)
    mask = cv2.imread(str(tmp_path / "f_0000_mask.png"), cv2.IMREAD_GRAYSCALE)
    image = cv2.imread(str(tmp_path / "f_0000.png"))
    rows = json.loads((tmp_path / "f_0000_rows.json").read_text())
    assert np.array_equal(mask > 0, instances > 0)
    assert int(instances.max()) == counts["f_0000.png"] == rows["count"] == len(rows["capillaries"])
    assert rows["distal_count"] == sum(c["row"] == 0 for c in rows["capillaries"].values())
    assert rows["look"] == "green"
    assert image[:, :, 2].mean() < 0.1 * image[:, :, 1].mean()  # BGR on disk: red is channel 2
    for ident, capillary in rows["capillaries"].items():
        if capillary["kind"] == "loop":
            x, y = capillary["apex"]
            near = instances[max(0, int(y) - 6):int(y) + 7, max(0, int(x) - 6):int(x) + 7]
            assert int(ident) in near


def test_synth_command_writes_fields_and_looks(tmp_path: Path) -> None:
    from capseg_desktop.training.commands import register

    parser = argparse.ArgumentParser(prog="capseg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["synth", "--out", str(tmp_path / "f"), "-n", "1", "--field", "--look", "mono"])
    assert args.func(args) == 0
    assert json.loads((tmp_path / "f" / "synth_0000_rows.json").read_text())["look"] == "mono"
    args = parser.parse_args(["synth", "--out", str(tmp_path / "s"), "-n", "1", "--world", "--look", "green"])
    assert args.func(args) == 0
    image = cv2.imread(str(tmp_path / "s" / "synth_0000.png"))
    assert image[:, :, 2].mean() < 0.1 * image[:, :, 1].mean()
    assert not (tmp_path / "s" / "synth_0000_rows.json").exists()


def test_proxy_set_recolours_given_images_and_writes_turned_fields(tmp_path: Path) -> None:
    source = tmp_path / "source"
    write_dataset(source, 1, seed=1, prefix="ref")
    out = tmp_path / "proxy"
    counts = proxy_set(out, seed=3, images=[source / "ref_0000.png"], fields=2, rotations=(30.0, 90.0))
    rgb = cv2.cvtColor(cv2.imread(str(source / "ref_0000.png")), cv2.COLOR_BGR2RGB)
    green = cv2.cvtColor(cv2.imread(str(out / "recoloured" / "ref_0000_green.png")), cv2.COLOR_BGR2RGB)
    grey = cv2.imread(str(out / "recoloured" / "ref_0000_grey.png"))
    assert green[:, :, 0].max() == 0 and green[:, :, 2].max() == 0
    assert np.array_equal(green[:, :, 1], rgb[:, :, 1])
    assert np.array_equal(grey[:, :, 0], grey[:, :, 1]) and np.array_equal(grey[:, :, 1], grey[:, :, 2])
    assert (out / "recoloured" / "ref_0000_grey_mask.png").read_bytes() == (source / "ref_0000_mask.png").read_bytes()
    assert set(counts) == {"field_0000.png", "field_0001.png"}
    directions = [json.loads((out / "fields" / f"field_000{k}_rows.json").read_text())["apex_direction"]
                  for k in range(2)]
    assert directions[0] == pytest.approx([1.0, 0.0]) and directions[1] == pytest.approx([0.7071, 0.7071])
    # Turned strips: each capillary's centre, taken through the written matrix, lands on the
    # same capillary in the turned mask.
    matrices = json.loads((out / "rotated" / "rotations.json").read_text())
    assert set(matrices) == {"ref_0000_rot30.png", "ref_0000_rot90.png"}
    instances = cv2.imread(str(source / "ref_0000_instances.png"), cv2.IMREAD_UNCHANGED)
    for name, entry in matrices.items():
        turned = cv2.imread(str(out / "rotated" / name.replace(".png", "_mask.png")), cv2.IMREAD_GRAYSCALE)
        image = cv2.imread(str(out / "rotated" / name))
        assert image.shape[:2] == turned.shape
        matrix = np.array(entry["matrix"])
        for k in range(1, int(instances.max()) + 1):
            ys, xs = np.nonzero(instances == k)
            pick = len(xs) // 2  # a pixel of the capillary itself (a loop's centroid may be outside it)
            x, y = matrix @ np.array([xs[pick], ys[pick], 1.0])
            assert turned[int(round(y)) - 1:int(round(y)) + 2, int(round(x)) - 1:int(round(x)) + 2].max() == 255


@pytest.mark.parametrize("kind", ["strip", "field"])
def test_extra_fibres_darken_the_skin_but_never_enter_the_mask(kind: str) -> None:
    """The recipe's ``fibres`` option (hard negatives for a colour-blind model): many dark
    fibres change the picture, not what is to be counted."""
    base = FieldParams() if kind == "field" else SynthParams.world()
    make = make_field if kind == "field" else make_strip
    plain = make(np.random.default_rng([5, 1]), dataclasses.replace(base, fibres_range=(0, 1)))
    fibred = make(np.random.default_rng([5, 1]), dataclasses.replace(base, fibres_range=(7, 8),
                                                                      fibre_strength_range=(0.85, 0.9)))
    assert np.array_equal(plain.mask, fibred.mask)
    assert plain.count == fibred.count
    darker = (fibred.rgb.astype(int).sum(axis=2) < plain.rgb.astype(int).sum(axis=2) - 30) & ~fibred.mask
    assert darker.sum() > 200  # seven fibres of 30-220 px, drawn where no capillary is masked
