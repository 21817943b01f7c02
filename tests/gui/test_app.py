"""The command line of the desktop app, the screenshot mode and one run with a real model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cv2
import pytest
from PySide6.QtWidgets import QApplication

from capseg_desktop.core import Analyzer, load_model
from capseg_desktop.core.paths import default_model_path

from .conftest import write_capillary_image, write_corrupt_image

REPO = Path(__file__).resolve().parents[2]


def real_model() -> Path:
    path = default_model_path()
    if path is None:
        pytest.skip("no model in models/ (default_model_path() is None); the training issue delivers it")
    return path


def run_app(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "CAPSEG_LOG_DIR": str(tmp_path / "log"),
        "CAPSEG_SETTINGS_FILE": str(tmp_path / "app-settings.ini"), **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "capseg_desktop", *args], cwd=REPO, env=environment,
        capture_output=True, text=True, timeout=120,
    )


def test_gui_never_loads_tensorflow_and_the_window_needs_no_engine_to_appear():
    """The window module loads neither TensorFlow (ever) nor NumPy/OpenCV (until after the
    window is on screen: they take a noticeable part of a second)."""
    code = (
        "import sys\n"
        "import capseg_desktop.gui.app, capseg_desktop.gui.window.main_window\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras', 'numpy', 'cv2')}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_gui_constants_agree_with_the_core():
    from capseg_desktop.core import CountingParams, render
    from capseg_desktop.gui import settings
    from capseg_desktop.gui.views import image_views as views

    assert settings.PARAM_NAMES == tuple(CountingParams.__dataclass_fields__)
    assert views.BOX_COLOUR.getRgb()[:3] == render.BOX_RGB


def test_screenshot_mode_saves_the_window_with_the_count(tmp_path):
    model = real_model()
    image = write_capillary_image(tmp_path / "strip.png", loops=5, size=(1280, 300))
    out = tmp_path / "shot.png"
    result = run_app(["--screenshot", str(out), "--size", "1024x700", str(image)], tmp_path)
    assert result.returncode == 0, result.stderr
    picture = cv2.imread(str(out))
    assert picture.shape[:2] == (700, 1024)
    count = Analyzer(load_model(model)).analyze_path(image).result.count
    assert f": {count} capillaries" in result.stdout


def test_screenshot_mode_fails_plainly(tmp_path):
    missing = run_app(["--screenshot", str(tmp_path / "x.png"), str(tmp_path / "nothing.png")], tmp_path)
    assert missing.returncode != 0
    assert "does not exist" in missing.stderr
    assert not (tmp_path / "x.png").exists()

    no_model_dir = tmp_path / "no-models"
    no_model_dir.mkdir()
    image = write_capillary_image(tmp_path / "strip.png", loops=2)
    no_model = run_app(["--screenshot", str(tmp_path / "y.png"), str(image)], tmp_path, CAPSEG_MODELS_DIR=str(no_model_dir))
    assert no_model.returncode != 0
    assert "No model was found" in no_model.stderr


def test_screenshot_mode_reports_a_corrupt_image(tmp_path):
    model = real_model()
    bad = write_corrupt_image(tmp_path / "broken.png")
    result = run_app(["--screenshot", str(tmp_path / "z.png"), "--model", str(model), str(bad)], tmp_path)
    assert result.returncode != 0
    assert "broken.png" in result.stderr and result.stderr.count("\n") == 1  # one plain sentence


def test_command_line_image_is_opened(qtbot, tmp_path, monkeypatch):
    """``capseg-desktop IMAGE`` shows IMAGE; with no model anywhere the window says so."""
    from capseg_desktop.gui import app as app_module

    empty = tmp_path / "no-models"
    empty.mkdir()
    monkeypatch.setenv("CAPSEG_MODELS_DIR", str(empty))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    image = write_capillary_image(tmp_path / "strip.png", loops=2)
    seen = {}

    def fake_exec():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible())
        qtbot.waitUntil(window.original_view.has_picture, timeout=5000)
        seen["title"] = window.windowTitle()
        seen["status"] = window.status_label.text()
        seen["model"] = window.model_label.text()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app_module.main([str(image)]) == 0
    assert seen["title"].startswith("strip.png")
    assert "load a model" in seen["status"]
    assert seen["model"] == "No model"


def test_end_to_end_with_the_real_model(qtbot, make_window, dialogs, tmp_path):
    model = real_model()
    window = make_window(session=None)
    with qtbot.waitSignal(window.model_ready, timeout=60_000):
        window.models.load_model(model)
    image = write_capillary_image(tmp_path / "strip.png", loops=5, size=(1280, 400))
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
        window.open_image(image)
    session = load_model(model)
    expected = Analyzer(session).analyze_path(image, params=window.count_panel.params()).result.count
    assert window.count_panel.count_label.text() == str(expected)
    assert window.model_label.text() == f"Model: {model.name} ({session.runtime})"
    assert not dialogs.shown
