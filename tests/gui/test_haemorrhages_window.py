"""Haemorrhages in the window (issue 22, point 1): a purple box marked "H1" on every view, a
line in the count panel, never a row of the capillary count."""

from __future__ import annotations

import cv2

from capseg_desktop.core import render
from capseg_desktop.gui.views.measure_layers import FlagBox, HaemorrhageTab

from .conftest import open_and_wait, write_capillary_image


def test_a_haemorrhage_is_boxed_in_every_view_and_said_in_the_count_panel(qtbot, window, tmp_path):
    path = write_capillary_image(tmp_path / "strip.png", loops=4)
    picture = cv2.imread(str(path))
    cv2.circle(picture, (800, 40), 7, (35, 45, 110), -1)  # BGR: a dark red-brown spot beyond the apices
    cv2.imwrite(str(path), picture)
    open_and_wait(qtbot, window, path)
    result = window.analysis.result
    assert result.count == 4 and result.haemorrhage_count == 1
    purple = render.HAEMORRHAGE_RGB
    for view in window.views.views:
        boxes = [item for item in view.scene().items() if isinstance(item, FlagBox)
                 and item.pen().color().getRgb()[:3] == purple]
        tabs = [item for item in view.scene().items() if isinstance(item, HaemorrhageTab)]
        assert len(boxes) == 1 and [tab.text for tab in tabs] == ["H1"]
        assert boxes[0].sceneBoundingRect().contains(800, 40)
    line = window.count_panel.haemorrhages_label.text()
    assert "Haemorrhages: 1" in line
    assert window.count_panel.table.rowCount() == 4  # never a capillary
