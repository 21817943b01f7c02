"""The count panel says what the model-scale parameters are in the pixels of the image on screen."""

from __future__ import annotations

from capseg_desktop.core.counting import CountingParams
from capseg_desktop.core.model import ModelInfo
from capseg_desktop.core.result import AnalysisResult
from capseg_desktop.core.scale import ScaleInfo
from capseg_desktop.gui.window.count_panel import CountPanel
from capseg_desktop.gui.window.scale_notes import image_scale_note


def _result(factor: float | None) -> AnalysisResult:
    scale = None if factor is None else ScaleInfo(factor, 9.8 / factor, 9.8, "estimated")
    return AnalysisResult(source="strip.png", width=640, height=200,
                          model=ModelInfo("m.tflite", "0" * 64, "litert", 3, 16),
                          params=CountingParams(0.6, 340, 11.0, 900), capillaries=(), scale=scale)


def test_note_gives_the_parameters_in_the_images_pixels(qtbot):
    panel = CountPanel()
    qtbot.addWidget(panel)
    panel.show_scale(_result(0.5))
    assert panel.image_scale_note.isVisibleTo(panel)
    assert panel.image_scale_note.text() == (
        "Resized ×0.50 for the model; in this image's pixels (the table's): minimum area 1360 px, "
        "merge distance 22 px.")
    assert "pixels of the image" in panel.table.horizontalHeaderItem(1).toolTip()
    panel.show_scale(_result(None))
    assert not panel.image_scale_note.isVisibleTo(panel)
    assert image_scale_note(_result(1.0)) == ""


def test_the_analysis_warnings_are_shown_in_the_panel(qtbot):
    """An implausible scale was said only in the batch list and the exported legend."""
    from dataclasses import replace

    panel = CountPanel()
    qtbot.addWidget(panel)
    warning = "At 2 µm per pixel the limbs would be about 31 µm wide, which is implausible: check the scale."
    panel.show_result(replace(_result(1.0), warnings=(warning,)))
    assert panel.warnings_label.isVisibleTo(panel) and warning in panel.warnings_label.text()
    panel.show_result(_result(1.0))
    assert not panel.warnings_label.isVisibleTo(panel)
