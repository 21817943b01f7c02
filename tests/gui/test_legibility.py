"""Issue 10, observations 5 and 6: number tags outside the boxes, never overlapping, hidden
when unreadable, on a dark tab; rejected components never look counted."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QFileDialog

from capseg_desktop.gui.widgets.qt_images import REJECTED_GREY

from .conftest import BEIGE_RGB, LOOP_RGB, open_and_wait


def write_top_edge_strip(path, loops: int = 9, speck_at: tuple[int, int] | None = None):
    """Loops that start at the very top edge, 60 px apart (as on real strips cut at the
    apex), and optionally a small dark speck below the minimum area."""
    rgb = np.zeros((300, 800, 3), dtype=np.uint8)
    rgb[:] = BEIGE_RGB
    for index in range(loops):
        x = 30 + index * 80
        cv2.line(rgb, (x, 220), (x, 14), LOOP_RGB, 8)
        cv2.line(rgb, (x + 24, 220), (x + 24, 14), LOOP_RGB, 8)
        cv2.ellipse(rgb, (x + 12, 14), (12, 12), 0, 180, 360, LOOP_RGB, 8)
    if speck_at is not None:
        x, y = speck_at
        rgb[y : y + 12, x : x + 12] = LOOP_RGB  # 144 px: below the minimum area
    cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def test_tags_sit_outside_every_box_and_never_overlap(qtbot, window, tmp_path):
    analysis = open_and_wait(qtbot, window, write_top_edge_strip(tmp_path / "edge.png"))
    assert analysis.result.count == 9
    assert min(c.bbox[1] for c in analysis.result.capillaries) <= 2  # the loops touch the top edge
    for view in window.views.views:
        view.set_scale(1.0)
        tags = view.tag_rects()
        assert sorted(tags) == list(range(1, 10))  # every number readable at 100 %
        boxes = [QRectF(x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1 in (c.bbox for c in analysis.result.capillaries)]
        for number, tag in tags.items():
            assert not any(tag.intersects(box) for box in boxes), number  # never over a loop, its apex included
            assert not any(tag.intersects(other) for n, other in tags.items() if n != number)


def test_tags_are_hidden_when_zoomed_out_too_far_to_read(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_top_edge_strip(tmp_path / "edge.png"))
    window.views.leader().set_scale(0.2)  # boxes 7 screen pixels wide
    assert all(view.tag_rects() == {} for view in window.views.views)
    window.views.leader().set_scale(1.0)
    assert all(len(view.tag_rects()) == 9 for view in window.views.views)


def test_a_tag_is_a_dark_tab_that_reads_on_yellowish_skin(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_top_edge_strip(tmp_path / "edge.png"))
    view = window.original_view
    view.set_scale(1.0)
    view.centerOn(60, 150)
    qtbot.wait(20)
    tag = view.tag_rects()[1]
    corner = view.mapFromScene(tag.topLeft())
    picture = view.viewport().grab().toImage()
    inside = picture.pixelColor(corner.x() + 2, corner.y() + 3)  # the tab's fill, beside the digit
    assert max(inside.red(), inside.green(), inside.blue()) < 90


def test_rejected_components_are_faint_in_the_mask_untinted_and_not_exported(qtbot, window, tmp_path, monkeypatch):
    analysis = open_and_wait(qtbot, window, write_top_edge_strip(tmp_path / "edge.png", loops=3, speck_at=(600, 260)))
    assert analysis.result.count == 3
    assert analysis.mask[266, 606] and not analysis.counted_mask[266, 606]  # above threshold, below min area
    mask = window.mask_view.picture_item.pixmap().toImage()
    assert mask.pixelColor(606, 266).getRgb()[:3] == REJECTED_GREY
    x0, y0, x1, y1 = analysis.result.capillaries[0].bbox
    ys, xs = np.nonzero(analysis.counted_mask[y0:y1, x0:x1])
    assert mask.pixelColor(int(xs[0] + x0), int(ys[0] + y0)).getRgb()[:3] == (255, 255, 255)
    layer = window.overlay_view.layer_item.pixmap().toImage()
    assert layer.pixelColor(606, 266).alpha() == 0  # no tint: the overlay shows counted ones only
    assert layer.pixelColor(int(xs[0] + x0), int(ys[0] + y0)).alpha() == 255

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "m.png"), "")))
    window.actions_by_id["export_mask"].trigger()
    exported = cv2.imread(str(tmp_path / "m.png"), cv2.IMREAD_UNCHANGED)
    assert exported[266, 606] == 0 and np.array_equal(exported > 0, analysis.counted_mask)


def test_a_thousand_tags_each_get_a_place_nearly_all_free(qtbot):
    """A large scan has about a thousand capillaries: each keeps its number, on a free place
    but for a few crowded ones (their speed is the benchmark's business, not a test's)."""
    import random

    from capseg_desktop.core.tag_layout import intersects

    from capseg_desktop.gui.views.tags import BoxItem, BoxLabel, place_tags

    random.seed(1)
    boxes = {}
    for number in range(1, 1001):
        x, y = random.randint(0, 7900), random.randint(0, 7900)
        boxes[number] = (BoxItem(QRectF(x, y, 30, 90)), BoxLabel(str(number)))
    place_tags(boxes, 1.0, QRectF(0, 0, 8000, 8000))
    assert all(label.isVisible() for _box, label in boxes.values())  # every box keeps its number
    tags = {n: (label.pos().x(), label.pos().y(), label.pos().x() + label.size_px()[0], label.pos().y() + label.size_px()[1])
            for n, (_box, label) in boxes.items()}
    frames = {n: box.rect().getCoords() for n, (box, _label) in boxes.items()}
    clear = [n for n, tag in tags.items()
             if not any(intersects(tag, frame) for m, frame in frames.items() if m != n)
             and not any(intersects(tag, other) for m, other in tags.items() if m != n)]
    assert len(clear) > 950  # on a free place, not over another box or number


def test_a_tag_is_not_put_where_it_reads_as_the_neighbours_number(qtbot, window, tmp_path):
    """Two loops with a narrow gap: the second one's tag goes above or below it, not into the
    gap beside the first one's tag."""
    analysis = open_and_wait(qtbot, window, write_top_edge_strip(tmp_path / "edge.png", loops=9))
    view = window.original_view
    view.set_scale(0.5)  # gaps of 24 screen px: a tag fits, but beside the neighbour
    tags = view.tag_rects()
    scale = view.scale_factor()
    boxes = {c.id: QRectF(c.bbox[0], c.bbox[1], c.bbox[2] - c.bbox[0], c.bbox[3] - c.bbox[1]) for c in analysis.result.capillaries}
    near = 6 / scale
    for number, tag in tags.items():
        grown = tag.adjusted(-near, -near, near, near)
        others = [n for n, box in boxes.items() if n != number and grown.intersects(box)]
        assert others == [], (number, others)
