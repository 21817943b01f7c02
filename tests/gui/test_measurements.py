"""Measurements in the window (issue 12): the capillary table's width, apex, limb, length and
flag columns (px without a scale, µm with one, sortable), dilated and giant loops marked in the
views, the distal row drawn, and the 1 mm density window dragged with the mouse, with the
density, its flag and the exported JSON following."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from capseg_desktop.gui.views.measure_layers import FlagBox

from .conftest import open_and_wait, write_capillary_image

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
WIDTH_COLUMN = 3  # #, Area, Flag, Width, Apex, Arterial, Venous, Length, Box


def set_scale(window, um_per_px: float) -> None:
    window.count_panel.um_per_px.setValue(um_per_px)
    window.count_panel.flush()


def column(window, index: int) -> list:
    table = window.count_panel.table
    return [table.item(r, index).data(Qt.ItemDataRole.DisplayRole) for r in range(table.rowCount())]


def header(window, index: int) -> str:
    return window.count_panel.table.horizontalHeaderItem(index).text()


def test_the_table_shows_measurements_in_pixels_then_micrometres_and_sorts(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    result = window.analysis.result
    assert len(result.measures) == 5
    assert [header(window, i) for i in range(2, 8)] == ["Flag", "Loop (px)", "Apex (px)", "Arterial (px)", "Venous (px)", "Length (px)"]
    assert column(window, 2) == [""] * 5  # no scale: not assessed
    by_id = result.measures_by_id
    ids = column(window, 0)
    assert column(window, WIDTH_COLUMN) == [round(by_id[i].loop_width_px, 1) for i in ids]
    set_scale(window, 3.0)  # 8 px vessels: 24 µm, dilated
    assert header(window, WIDTH_COLUMN) == "Loop (µm)"
    widths = column(window, WIDTH_COLUMN)
    assert widths == [round(by_id[i].loop_width_px * 3.0, 1) for i in column(window, 0)]
    assert isinstance(widths[0], float)
    assert column(window, 2) == ["dilated"] * 5
    table = window.count_panel.table
    delegate, locale = table.itemDelegate(), table.locale()
    shown_widths = [delegate.displayText(table.item(r, WIDTH_COLUMN).data(Qt.ItemDataRole.DisplayRole), locale)
                    for r in range(table.rowCount())]
    assert all(text.count(".") == 1 and len(text.split(".")[1]) == 1 for text in shown_widths), shown_widths  # "24.0", never "24"
    bar = table.horizontalHeader()
    QTest.mouseClick(bar.viewport(), LEFT, NONE, QPoint(bar.sectionViewportPosition(WIDTH_COLUMN) + 5, bar.height() // 2))
    sorted_widths = column(window, WIDTH_COLUMN)
    assert sorted_widths in (sorted(widths), sorted(widths, reverse=True))


def test_dilated_and_giant_loops_are_marked_in_every_view(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=4))
    layers = window.calibration.layers
    assert layers.flags == {}
    set_scale(window, 3.0)
    assert set(layers.flags.values()) == {"dilated"} and len(layers.flags) == 4
    for view in window.views.views:
        outlines = [item for item in view.scene().items() if isinstance(item, FlagBox) and item.isVisible()]
        assert len(outlines) == 4
        # The letter is on the loop's own number, as in the exported picture; nothing covers it.
        tags = {n: label for n, (_box, label) in view._boxes.items()}
        assert sorted(label.text for label in tags.values()) == sorted(f"{n}D" for n in tags)
        assert all(label.isVisible() for label in tags.values())
        assert tags[1].toolTip() == "Capillary 1: dilated"
        rects = view.tag_rects()
        assert len(rects) == 4 and not any(
            rects[a].intersects(rects[b]) for a in rects for b in rects if a < b)
    set_scale(window, 7.0)  # 56 µm: giant
    assert set(layers.flags.values()) == {"giant"}
    assert column(window, 2) == ["giant"] * 4
    assert window.analysis.result.giant_count == 4
    assert sorted(label.text for _box, label in window.views.views[0]._boxes.values()) == ["1G", "2G", "3G", "4G"]
    set_scale(window, 0.0)  # no scale: nothing assessed, nothing marked
    assert layers.flags == {}
    assert sorted(label.text for _box, label in window.views.views[0]._boxes.values()) == ["1", "2", "3", "4"]


def test_the_distal_row_is_drawn_and_the_density_says_normal_or_reduced(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    distal = window.calibration.layers.layers[0].distal
    assert distal.isVisible() and distal.path().elementCount() >= 5  # through the five apices
    assert "set the scale" in window.count_panel.density_label.text()
    set_scale(window, 2.0)
    panel = window.count_panel
    assert panel.density_label.text() == "2.0 per mm"  # 5 distal loops over 2.56 mm
    assert panel.density_flag.text() == "distal row, 5 loops · reduced (< 7/mm)"
    set_scale(window, 0.3)  # 5 loops over 0.384 mm: 13 per mm
    assert panel.density_flag.text() == "distal row, 5 loops · normal"
    window.actions_by_id["show_distal_row"].trigger()
    assert not distal.isVisible()
    window.actions_by_id["show_distal_row"].trigger()
    assert distal.isVisible()


def test_the_density_window_is_dragged_along_the_strip_and_changes_the_density(qtbot, window, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    set_scale(window, 2.0)  # 1 mm = 500 px
    window.actions_by_id["show_density_window"].trigger()
    layers = window.calibration.layers
    assert layers.window_range() == (390.0, 890.0)  # centred on the 1280 px strip
    panel = window.count_panel
    # Apices at x = 72, 182, 292, 402, 512: two of them in 390-890.
    assert panel.density_label.text() == "2.0 per mm"
    assert panel.density_detail.text() == "in a 1 mm window, x 390–890 px"
    view = window.overlay_view
    window.views.fit()
    handle = layers.layers[2].handle
    assert handle.isVisible()
    start = view.mapFromScene(handle.pos()) + QPoint(6, -8)  # the tab sits above its bottom-left anchor
    end = view.mapFromScene(handle.pos() - QPointF(300, 0)) + QPoint(6, -8)
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, LEFT, NONE, end)
    x0, x1 = layers.window_range()
    assert x0 == pytest.approx(90, abs=3 / view.scale_factor()) and x1 - x0 == pytest.approx(500)
    assert panel.density_label.text() == "4.0 per mm"  # 182, 292, 402, 512
    assert window.analysis.result.density_window == (x0, x1)
    target = tmp_path / "window.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "Full result (*.json)")))
    window.exports.export_results()
    data = json.loads(target.read_text(encoding="utf-8"))
    row = data["distal_row"]
    assert row["window_px"] == [pytest.approx(x0, abs=0.1), pytest.approx(x1, abs=0.1)]
    assert row["density_per_mm"] == pytest.approx(4.0) and row["density_flag"] == "reduced"
    capillary = next(c for c in data["capillaries"] if c["id"] == window.analysis.result.capillaries[0].id)
    assert capillary["flag"] == "normal" and capillary["loop_width_um"] > 0  # 8 px vessels at 2 µm/px: 16 µm
    window.actions_by_id["show_density_window"].trigger()  # off: the whole width again
    assert layers.window_range() is None and panel.density_label.text() == "2.0 per mm"
    assert panel.density_detail.text() == "2.56 mm wide at 2 µm/px"


def test_a_window_turned_on_before_the_scale_counts_in_its_band_once_the_scale_comes(qtbot, window, tmp_path):
    """Turned on with no scale, the window showed its band once a scale was chosen while the
    density was still that of the whole width (the layers learnt the scale after the result)."""
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    window.actions_by_id["show_density_window"].trigger()
    layers, panel = window.calibration.layers, window.count_panel
    assert layers.window_range() is None
    set_scale(window, 2.0)
    qtbot.waitUntil(lambda: layers.window_range() == (390.0, 890.0), timeout=3000)
    assert window.analysis.result.density_window == (390.0, 890.0)
    assert panel.density_detail.text() == "in a 1 mm window, x 390–890 px"  # not "2.56 mm wide"
    assert panel.density_flag.text().startswith("2 distal loops in the window")  # apices 402 and 512
