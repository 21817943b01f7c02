"""Opening an image, the count, recounting, selection and the synchronised views."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QFileDialog

from capseg_desktop.core import Analyzer, CountingParams

from .conftest import make_stub_session, open_and_wait, write_capillary_image


def core_count(path, params=None) -> int:
    """The core's own count with a fresh stub (the window's stub keeps its call count)."""
    return Analyzer(make_stub_session()).analyze_path(path, params=params).result.count


def test_open_through_menu_shows_the_core_count(qtbot, window, stub_session, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=5, faint=1)
    asked = {}

    def fake_dialog(parent, caption, folder, file_filter):
        asked["filter"] = file_filter
        return str(image), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.actions_by_id["open"].trigger()

    expected = core_count(image)
    assert expected == 6
    assert window.count_panel.count_label.text() == str(expected)
    assert window.count_panel.table.rowCount() == expected
    assert "*.png" in asked["filter"]
    assert window.windowTitle().startswith("strip.png")
    assert "6 capillaries" in window.status_label.text()
    # The three views show the picture, the mask and the overlay, with one box per capillary.
    for view in (window.original_view, window.mask_view, window.overlay_view):
        assert view.has_picture()
        assert view.box_ids() == list(range(1, expected + 1))


def test_views_show_original_mask_and_overlay_pixels(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    analysis = open_and_wait(qtbot, window, image)
    capillary = analysis.result.capillaries[0]
    x0, y0, x1, y1 = capillary.bbox
    ys, xs = np.nonzero(analysis.mask[y0:y1, x0:x1])
    x, y = int(xs[0] + x0), int(ys[0] + y0)
    original = window.original_view.picture_item.pixmap().toImage()
    mask = window.mask_view.picture_item.pixmap().toImage()
    assert original.pixelColor(x, y).getRgb()[:3] == tuple(int(v) for v in analysis.image.rgb[y, x])
    assert mask.pixelColor(x, y).getRgb()[:3] == (255, 255, 255)
    assert mask.pixelColor(2, 2).getRgb()[:3] == (0, 0, 0)
    # The overlay's tint layer covers exactly the mask.
    layer = window.overlay_view.layer_item.pixmap().toImage()
    assert layer.pixelColor(x, y).alpha() == 255
    assert layer.pixelColor(2, 2).alpha() == 0


def test_parameter_change_recounts_without_inference(qtbot, window, stub_session, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5, faint=2)
    open_and_wait(qtbot, window, image)
    backend = stub_session._backend
    calls = backend.calls
    assert window.count_panel.count_label.text() == "7"

    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()

    assert window.count_panel.count_label.text() == str(core_count(image, CountingParams(threshold=0.6))) == "5"
    assert backend.calls == calls  # no new inference
    assert window.analysis.result.params.threshold == pytest.approx(0.6)
    # Generous bound for a shared test machine; the target (100 ms) is measured apart.
    assert window.last_recount_ms < 500

    window.count_panel.min_area.setValue(5000)  # every loop is 4128 px
    window.count_panel.flush()
    assert window.count_panel.count_label.text() == "0"
    assert backend.calls == calls


def test_scale_gives_density_per_mm(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    assert "set the scale" in window.count_panel.density_label.text()
    window.count_panel.um_per_px.setValue(2.0)  # 1280 px * 2 um = 2.56 mm
    window.count_panel.flush()
    assert window.count_panel.density_label.text().startswith(f"{5 / 2.56:.1f} per mm")


def test_row_selection_highlights_the_box_and_a_box_click_selects_the_row(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    analysis = open_and_wait(qtbot, window, image)
    window.count_panel.table.selectRow(1)
    assert window.count_panel.selected_capillary() == 2
    assert [v.selected_box() for v in (window.original_view, window.mask_view, window.overlay_view)] == [2, 2, 2]

    x0, y0, x1, y1 = analysis.result.capillaries[3].bbox
    view = window.overlay_view
    point = view.mapFromScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2 + 10))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.count_panel.selected_capillary() == 4
    assert window.original_view.selected_box() == 4


def test_the_three_views_zoom_and_pan_together(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    fit = window.original_view.scale_factor()
    assert fit == pytest.approx(window.original_view.fit_scale(), rel=0.02)  # fitted on open
    window.actions_by_id["zoom_in"].trigger()
    window.actions_by_id["zoom_in"].trigger()
    window.mask_view.horizontalScrollBar().setValue(window.mask_view.horizontalScrollBar().maximum() // 2)
    scales = {round(v.scale_factor(), 4) for v in window.views.views}
    assert scales == {round(fit * 1.25 * 1.25, 4)}
    centres = [v.mapToScene(v.viewport().rect().center()) for v in window.views.views]
    assert all(abs(c.x() - centres[0].x()) < 3 and abs(c.y() - centres[0].y()) < 3 for c in centres)
    window.actions_by_id["actual_size"].trigger()
    assert window.overlay_view.scale_factor() == pytest.approx(1.0)
    window.actions_by_id["fit"].trigger()
    assert window.mask_view.scale_factor() == pytest.approx(fit, rel=0.02)


def test_opacity_changes_the_overlay_only(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=2)
    open_and_wait(qtbot, window, image)
    window.opacity_slider.setValue(80)
    assert window.overlay_view.layer_item.opacity() == pytest.approx(0.8)
    window.actions_by_id["less_opaque"].trigger()
    assert window.overlay_view.layer_item.opacity() == pytest.approx(0.7)
    assert window.opacity_slider.value() == 70


def test_without_a_model_the_image_shows_and_counts_once_a_model_arrives(qtbot, make_window, stub_session, dialogs, tmp_path):
    window = make_window(session=None)
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    window.open_image(image)
    qtbot.waitUntil(window.original_view.has_picture, timeout=5000)
    assert window.count_panel.count_label.text() == "–"
    assert "load a model" in window.status_label.text()
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.models.use_session(stub_session)
    assert window.count_panel.count_label.text() == "4"
    assert not dialogs.shown


def test_opening_another_image_during_an_analysis_shows_the_newer_one(qtbot, window, stub_session, tmp_path):
    first = write_capillary_image(tmp_path / "first.png", loops=3)
    second = write_capillary_image(tmp_path / "second.png", loops=6)
    backend = stub_session._backend
    backend.gate = __import__("threading").Event()
    window.open_image(first)
    assert backend.entered.wait(5)
    window.open_image(second)  # cancels the first
    backend.gate.set()
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000) as blocker:
        pass
    assert blocker.args[0].image.path == second
    assert window.count_panel.count_label.text() == "6"
    qtbot.wait(50)
    assert window.count_panel.count_label.text() == "6"  # the cancelled first never shows


def test_window_keeps_handling_events_during_an_analysis(qtbot, window, stub_session, tmp_path):
    """The inference waits in the worker thread while the GUI thread keeps running timers."""
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    backend = stub_session._backend
    backend.gate = __import__("threading").Event()
    window.open_image(image)
    assert backend.entered.wait(5)
    ticks = []
    started = time.perf_counter()
    while time.perf_counter() - started < 0.3:
        qtbot.wait(10)
        ticks.append(time.perf_counter())
    assert window.cancel_button.isVisible() and window.progress_bar.isVisible()
    backend.gate.set()
    qtbot.waitSignal(window.analysis_finished, timeout=10_000).wait()
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.1


def test_loading_another_model_counts_the_image_again(qtbot, window, tmp_path):
    from pathlib import Path

    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    blind = make_stub_session()
    blind._backend.run = lambda batch: np.zeros(batch.shape[:3] + (1,), np.float32)  # sees nothing
    window.models.loader = lambda path: blind
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.models.load_model(Path("blind.tflite"))
    assert window.session is blind
    assert window.count_panel.count_label.text() == "0"
    assert window.model_label.text() == "Model: stub-darkness.tflite (litert)"


def test_a_large_scan_is_recounted_in_the_worker(qtbot, window, tmp_path, monkeypatch):
    import capseg_desktop.gui.window.main_window as main_window

    monkeypatch.setattr(main_window, "RECOUNT_IN_WORKER_PIXELS", 1000)  # this strip counts as large
    image = write_capillary_image(tmp_path / "strip.png", loops=5, faint=2)
    open_and_wait(qtbot, window, image)
    window.count_panel.threshold.setValue(0.6)
    window.count_panel.flush()
    assert window.count_panel.count_label.text() == "7"  # not yet: the worker is counting
    qtbot.waitUntil(lambda: window.count_panel.count_label.text() == "5", timeout=10_000)
    assert window.analysis.result.params.threshold == pytest.approx(0.6)
    assert window._shown_key[0] == pytest.approx(0.6)  # the mask pictures too


def test_about_and_model_information_name_the_model_and_its_card(qtbot, window, dialogs):
    window.session.card = {"name": "capseg_unet", "version": "9.9", "parameters": 1234, "metrics": {"dice": 0.87}}
    window.actions_by_id["about"].trigger()
    kind, title, text = dialogs.shown[-1]
    assert title == "About CapSeg Desktop"
    assert "CapSeg Desktop " in text and "stub-darkness.tflite" in text
    assert "version 9.9" in text and "dice 0.87" in text
    assert '"parameters": 1234' in dialogs.details
    window.actions_by_id["model_info"].trigger()
    assert dialogs.shown[-1][1] == "Model information" and "sha256: " + "5" * 64 in dialogs.shown[-1][2]
