"""A picture lit green counted with the bundled model says how to count it well, and Model >
Model for green light (Ctrl+Alt+G) loads the model for any light, which the status bar names."""

from __future__ import annotations

import cv2
import pytest

from capseg_desktop.core import load_model
from capseg_desktop.core.paths import any_light_model_path, default_model_path

from .conftest import open_and_wait

pytestmark = pytest.mark.skipif(any_light_model_path() is None or default_model_path() is None,
                                reason="the bundled model and the model for any light are not both installed")


def test_a_green_picture_says_so_and_one_action_loads_the_model_for_any_light(qtbot, make_window, dialogs, tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "Test_images" / "sample_0003.png"
    bgr = cv2.imread(str(sample))
    bgr[..., 2] = 0  # no red
    bgr[..., 0] //= 3
    green = tmp_path / "green.png"
    cv2.imwrite(str(green), bgr)
    window = make_window(load_model(default_model_path()))
    open_and_wait(qtbot, window, green)
    assert "lit in green" in window.count_panel.warnings_label.text()

    window.actions_by_id["green_light_model"].trigger()
    qtbot.waitUntil(lambda: window.models.session.path == any_light_model_path(), timeout=20_000)
    assert window.actions_by_id["green_light_model"].shortcut().toString() == "Ctrl+Alt+G"
    qtbot.waitUntil(lambda: window.analysis is not None and window.analysis.result.model.sha256 == window.models.session.sha256,
                    timeout=20_000)
    qtbot.waitUntil(lambda: not window.queue.is_busy(), timeout=10_000)
    assert "lit in green" not in window.count_panel.warnings_label.text()
    assert window.models.status.model_label.toolTip().startswith(str(any_light_model_path()))
    assert window.analysis.result.count >= 8  # the strip's 10 loops, now seen
