"""Issue 10, observation 1: parameters never change by accident, and a change is never silent.

Focus and wheel cases send real key and wheel events to the real widgets."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QFileDialog

from capseg_desktop.core import render

from .conftest import make_stub_session, open_and_wait, write_capillary_image


def wheel(widget, steps: int = 1) -> None:
    """One notch (or more) of a real mouse wheel over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def focus_window(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)


def test_arrow_keys_after_open_do_not_change_the_threshold(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5, faint=2)
    open_and_wait(qtbot, window, image)
    focus_window(qtbot, window)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QAbstractSpinBox), focused
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    window.count_panel.flush()
    assert window.count_panel.threshold.value() == 0.5
    assert window.count_panel.count_label.text() == "7"


def test_the_wheel_over_an_unfocused_box_changes_nothing(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    focus_window(qtbot, window)
    panel = window.count_panel
    before = panel.min_area.value()
    for box in (panel.min_area, panel.threshold, panel.merge_distance, panel.um_per_px):
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # not WheelFocus: the wheel never takes it
        wheel(box, 3)
    panel.flush()
    assert panel.min_area.value() == before and panel.threshold.value() == 0.5
    assert panel.count_label.text() == "5"
    assert not panel.min_area.hasFocus()
    # Clicked into on purpose, the wheel does change it.
    qtbot.mouseClick(panel.min_area, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.min_area.hasFocus, timeout=2000)
    wheel(panel.min_area, 1)
    assert panel.min_area.value() == before + panel.min_area.singleStep()


def test_changed_parameters_are_marked_and_reset_says_what_it_resets(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    panel = window.count_panel
    label = panel._labels["min_area_px"]
    assert label.text() == "Minimum &area" and not label.font().bold()
    assert "340 px" in panel.reset_button.toolTip()  # what a reset would set

    panel.min_area.setValue(550)
    panel.flush()
    assert label.text().endswith("●") and label.font().bold()
    assert "recommendation (340 px)" in label.toolTip()
    assert panel.reset_button.text() == "Reset to model defaults (1 changed)"
    assert not panel._labels["threshold"].text().endswith("●")

    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert panel.min_area.value() == 340
    assert window.status_label.text() == "Reset to the model's recommendation: minimum area 550 px (recommended 340 px); the scale is kept."
    assert not label.text().endswith("●")
    assert panel.reset_button.text() == "Reset to model defaults"


def test_a_model_recommending_other_parameters_says_so(qtbot, window, tmp_path):
    from pathlib import Path

    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    other = make_stub_session()
    other.card = {"name": "other", "recommended_parameters": {"min_area_px": 450}}
    window.models.loader = lambda path: other
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.models.load_model(Path("other.tflite"))
    text = window.status_label.text()
    assert "recommends other counting parameters" in text and "min area 450 px" in text and "applied" in text
    assert window.count_panel.min_area.value() == 450

    # Changed by the user, the values are kept when a model arrives, and the status says so.
    window.count_panel.min_area.setValue(500)
    window.count_panel.flush()
    third = make_stub_session()
    third.card = {"name": "third", "recommended_parameters": {"min_area_px": 340}}
    window.models.loader = lambda path: third
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.models.load_model(Path("third.tflite"))
    assert window.count_panel.min_area.value() == 500
    assert "yours are kept" in window.status_label.text()
    assert window.count_panel._labels["min_area_px"].text().endswith("●")


def test_saved_parameters_that_differ_are_marked_at_the_next_start(qtbot, make_window, stub_session, dialogs, tmp_path):
    first = make_window(stub_session)
    first.count_panel.min_area.setValue(550)
    first.count_panel.flush()
    first.close()
    second = make_window(session=None)
    second.models.use_session(stub_session, startup=True)
    assert second.count_panel.min_area.value() == 550
    assert second.count_panel._labels["min_area_px"].text().endswith("●")
    assert "1 parameter differs from its recommendation (marked ●" in second.status_label.text()


def test_exports_record_the_parameters_the_user_changed(qtbot, window, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    window.count_panel.min_area.setValue(550)
    window.count_panel.flush()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "r.json"), "")))
    window.actions_by_id["export_results"].trigger()
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["parameters_changed_by_user"] == {"min_area_px": {"value": 550, "recommended": 340}}
    assert data["recommended_parameters"]["min_area_px"] == 340

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "a.png"), "")))
    window.actions_by_id["export_annotated"].trigger()
    text = render.read_png_text((tmp_path / "a.png").read_bytes())
    assert "Changed by the user: minimum area 550 px (recommended 340 px)" in text["Description"]


def test_opening_an_image_takes_the_focus_out_of_a_parameter(qtbot, window, tmp_path):
    first = write_capillary_image(tmp_path / "first.png", loops=3)
    second = write_capillary_image(tmp_path / "second.png", loops=4, faint=1)
    open_and_wait(qtbot, window, first)
    focus_window(qtbot, window)
    qtbot.mouseClick(window.count_panel.min_area, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.count_panel.min_area.hasFocus, timeout=2000)
    open_and_wait(qtbot, window, second)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    window.count_panel.flush()
    assert window.count_panel.min_area.value() == 340
    assert window.count_panel.count_label.text() == "5"


def test_pixel_parameters_say_they_are_at_the_models_scale(qtbot, make_window, dialogs, tmp_path):
    import cv2

    from capseg_desktop.core.scale import estimate_ridge_sigma

    strip = write_capillary_image(tmp_path / "strip.png", loops=4)
    measured = estimate_ridge_sigma(cv2.cvtColor(cv2.imread(str(strip)), cv2.COLOR_BGR2RGB))
    session = make_stub_session()
    # A model whose vessels are 0.6 times as wide as this picture's.
    session.card = {"name": "v2", "scale": {"ridge_sigma_px": round(0.6 * measured, 3), "limb_width_px": 5.04}}
    window = make_window(session)
    assert "Works at: limbs about 5.0 px wide (images are resized to it)" in window.models.description()
    panel = window.count_panel
    assert "in pixels at the model's scale" in panel.min_area.toolTip().lower()
    analysis = open_and_wait(qtbot, window, strip)
    factor = analysis.result.scale.factor
    assert abs(factor - 0.6) < 0.01  # brought to the model's width
    for box in (panel.min_area, panel.merge_distance):
        assert f"In pixels at the model's scale; this image was analysed at ×{factor:.2f}." in box.toolTip()
    assert "Works at" not in make_window(make_stub_session()).models.description()  # no stated scale
