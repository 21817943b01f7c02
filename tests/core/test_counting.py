"""Counting on hand-built masks whose answers are known by construction."""

from __future__ import annotations

import numpy as np
import pytest

from capseg_desktop.core.counting import CountingParams, count_capillaries
from capseg_devtools.legacy import legacy_count


def blank(height: int = 120, width: int = 200) -> np.ndarray:
    return np.zeros((height, width), dtype=bool)


def rect(mask: np.ndarray, x0: int, y0: int, width: int, height: int) -> None:
    mask[y0 : y0 + height, x0 : x0 + width] = True


def test_area_must_be_above_min_area():
    mask = blank()
    rect(mask, 10, 10, 20, 17)  # 340 px: not above 340
    rect(mask, 100, 10, 31, 11)  # 341 px
    result = count_capillaries(mask)
    assert result.count == 1
    assert result.capillaries[0].bbox == (100, 10, 131, 21)
    assert result.capillaries[0].area_px == 341


@pytest.mark.parametrize("gap_px, expected", [(22, 1), (23, 2)])
def test_merge_distance_edge(gap_px, expected):
    # Closest pixels are gap_px apart: columns 29 and 29 + gap_px.
    mask = blank()
    rect(mask, 10, 10, 20, 20)
    rect(mask, 29 + gap_px, 10, 20, 20)
    assert count_capillaries(mask).count == expected


def test_merge_distance_diagonal_is_euclidean():
    # Corner to corner: dx = dy = 16, distance 22.6 < 23 merges; 17 apart diagonally (24.04) does not.
    for offset, expected in ((16, 1), (17, 2)):
        mask = blank(160, 160)
        rect(mask, 0, 0, 20, 20)
        rect(mask, 19 + offset, 19 + offset, 20, 20)
        assert count_capillaries(mask).count == expected, offset


def test_merges_are_transitive():
    mask = blank(60, 300)
    for x0 in (0, 40, 80):  # A-B and B-C 20 px apart, A-C 60 px apart
        rect(mask, x0, 10, 20, 20)
    result = count_capillaries(mask)
    assert result.count == 1
    assert result.capillaries[0].bbox == (0, 10, 100, 30)
    assert result.capillaries[0].members == 3


def test_two_large_members_split_the_group():
    mask = blank(100, 200)
    rect(mask, 0, 0, 40, 40)  # 1600 px
    rect(mask, 50, 0, 40, 40)  # 1600 px, 10 px away
    assert count_capillaries(mask).count == 2


def test_one_large_member_keeps_the_group():
    mask = blank(100, 200)
    rect(mask, 0, 0, 40, 40)  # 1600 px
    rect(mask, 50, 0, 20, 20)  # 400 px
    result = count_capillaries(mask)
    assert result.count == 1
    assert result.capillaries[0].area_px == 2000


def test_split_threshold_is_strict():
    mask = blank(100, 200)
    rect(mask, 0, 0, 30, 50)  # exactly 1500 px: not above the split area
    rect(mask, 40, 0, 30, 50)
    assert count_capillaries(mask).count == 1


def test_ids_run_left_to_right_and_labels_match_boxes():
    mask = blank(100, 400)
    for x0 in (300, 20, 160):
        rect(mask, x0, 5, 20, 30)
    result = count_capillaries(mask)
    assert [c.bbox[0] for c in result.capillaries] == [20, 160, 300]
    assert [c.id for c in result.capillaries] == [1, 2, 3]
    for capillary in result.capillaries:
        x0, y0, x1, y1 = capillary.bbox
        assert (result.labels[y0:y1, x0:x1] == capillary.id).sum() == capillary.area_px
        assert capillary.centroid == pytest.approx(((x0 + x1 - 1) / 2, (y0 + y1 - 1) / 2))


def test_probabilities_use_strict_threshold():
    probabilities = np.zeros((50, 100), dtype=np.float32)
    probabilities[10:30, 10:30] = 0.5  # not above 0.5
    probabilities[10:30, 60:80] = 0.51
    assert count_capillaries(probabilities).count == 1
    assert count_capillaries(probabilities, CountingParams(threshold=0.4)).count == 2


def test_empty_mask_counts_zero():
    result = count_capillaries(blank())
    assert result.count == 0
    assert not result.labels.any()


@pytest.mark.parametrize("seed", range(6))
def test_matches_the_original_all_pairs_method_on_random_masks(seed):
    import cv2

    rng = np.random.default_rng(seed)
    mask = np.zeros((220, 420), dtype=np.uint8)
    for _ in range(14):  # random thick strokes: irregular shapes, near misses, overlaps
        x0, y0 = rng.integers(0, 420), rng.integers(0, 220)
        x1, y1 = x0 + rng.integers(-60, 60), y0 + rng.integers(-60, 60)
        cv2.line(mask, (int(x0), int(y0)), (int(x1), int(y1)), 1, int(rng.integers(4, 16)))
    mask = mask.astype(bool)
    params = CountingParams(min_area_px=120, merge_distance_px=23, split_area_px=900)
    boxes = sorted(c.bbox for c in count_capillaries(mask, params).capillaries)
    assert boxes == legacy_count(mask.astype(np.float32), params)
