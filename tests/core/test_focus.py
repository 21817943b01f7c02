"""The focus measure: a loop out of focus has wider edges than the same loop in focus."""

from __future__ import annotations

from types import SimpleNamespace

import cv2
import numpy as np

from capseg_desktop.core.focus import BLURRED_EDGE_PX, blurred_ids, edge_widths, luma


def _loops(instances: np.ndarray) -> list[SimpleNamespace]:
    out = []
    for k in np.unique(instances[instances > 0]):
        ys, xs = np.nonzero(instances == k)
        out.append(SimpleNamespace(id=int(k), bbox=(int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)))
    return out


def _field(blur: float) -> tuple[np.ndarray, np.ndarray]:
    """Dark hairpins, 10 px limbs, on pale skin; blurred by a Gaussian of ``blur`` px."""
    image = np.full((220, 600), 0.8, np.float32)
    instances = np.zeros(image.shape, np.uint16)
    for k, x in enumerate(range(60, 560, 100), start=1):
        loop = np.zeros(image.shape, np.uint8)
        cv2.ellipse(loop, (x, 70), (22, 22), 0, 180, 360, 1, 10)
        cv2.line(loop, (x - 22, 70), (x - 22, 190), 1, 10)
        cv2.line(loop, (x + 22, 70), (x + 22, 190), 1, 10)
        instances[loop > 0] = k
    image[instances > 0] = 0.4
    if blur:
        image = cv2.GaussianBlur(image, (0, 0), blur)
    rgb = np.repeat((image * 255).astype(np.uint8)[:, :, None], 3, axis=2)
    return rgb, instances


def test_blurred_loops_have_wider_edges_and_are_marked():
    sharp_rgb, instances = _field(0.8)
    blurred_rgb, _ = _field(6.0)
    loops = _loops(instances)
    sharp = edge_widths(luma(sharp_rgb), instances, loops)
    blurred = edge_widths(luma(blurred_rgb), instances, loops)
    assert all(v is not None and v < BLURRED_EDGE_PX for v in sharp.values())
    assert all(blurred[k] > sharp[k] * 2 for k in sharp)
    assert blurred_ids(sharp) == frozenset()
    assert blurred_ids(blurred) == frozenset(sharp)


def test_the_edge_is_judged_at_the_model_scale():
    """The same blur on a picture at half the model's scale is twice as wide for the model."""
    rgb, instances = _field(2.5)
    loops = _loops(instances)
    own = edge_widths(luma(rgb), instances, loops, factor=1.0)
    enlarged = edge_widths(luma(rgb), instances, loops, factor=2.0)
    ratios = [enlarged[k] / own[k] for k in own]
    assert 1.5 < float(np.median(ratios)) < 2.5


def test_a_loop_without_contrast_has_no_width():
    rgb, instances = _field(1.0)
    flat = np.full_like(rgb, 200)
    assert set(edge_widths(luma(flat), instances, _loops(instances)).values()) == {None}


def test_a_blurred_loop_is_counted_but_not_assessed():
    """Through the measures: a blurred loop keeps its place in the count and the distal row,
    and its flag reads 'not assessed (blurred)' even with a scale."""
    from capseg_desktop.core.counting import count_capillaries, CountingParams
    from capseg_desktop.core.pipeline import measure_with_focus

    rgb, instances = _field(6.0)
    probabilities = (instances > 0).astype(np.float32)
    counted = count_capillaries(probabilities, CountingParams(min_area_px=40, merge_distance_px=3))
    measures = measure_with_focus(counted.labels, counted.capillaries, rgb, None)
    assert len(measures) == 5 and all(m.blurred for m in measures)
    assert all(m.flag(1.0) == "" and m.flag_text(1.0) == "not assessed (blurred)" for m in measures)
    data = measures[0].to_dict(1.0)
    assert data["blurred"] is True and data["flag"] == "not assessed (blurred)" and data["row"] in ("distal", "deeper")
    sharp_rgb, _ = _field(0.8)
    sharp = measure_with_focus(counted.labels, counted.capillaries, sharp_rgb, None)
    assert not any(m.blurred for m in sharp) and sharp[0].flag(1.0) == "normal"
