"""GUI fixtures: a stub segmenter (fast, counts its calls, can be held mid-inference),
synthetic capillary images, settings in tmp_path and recorded dialogs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from capseg_desktop.core import ModelSession

BEIGE_RGB = (232, 204, 176)  # luma about 210: probability about 0.18 under the stub
LOOP_RGB = (120, 40, 30)  # red-brown: luma about 63, probability about 0.75
FAINT_RGB = (160, 110, 90)  # a faint loop: luma about 121, probability about 0.53


class DarknessBackend:
    """Probability = darkness (1 - grey), like a model that sees dark loops on light skin.
    ``gate``, when given, holds every inference until it is set, so that a test can cancel
    or close mid-analysis."""

    def __init__(self) -> None:
        self.calls = 0
        self.entered = threading.Event()
        self.gate: threading.Event | None = None

    def run(self, batch: np.ndarray) -> np.ndarray:
        self.calls += 1
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(10)
        return 1.0 - batch[..., :1]


def make_stub_session() -> ModelSession:
    return ModelSession(
        path=Path("stub-darkness.tflite"), sha256="5" * 64, runtime="litert",
        input_channels=1, multiple=1, _backend=DarknessBackend(),
    )


@pytest.fixture
def stub_session() -> ModelSession:
    return make_stub_session()


def write_capillary_image(
    path: Path, loops: int = 5, faint: int = 0, size: tuple[int, int] = (1280, 400), faint_first: bool = False
) -> Path:
    """Beige strip with ``loops`` dark red-brown hairpins (counted at any threshold up to
    0.7) and ``faint`` paler ones (counted at 0.5, not at 0.6), 110 px apart; the faint ones
    on the right, or on the left with ``faint_first`` (then a recount renumbers the others)."""
    width, height = size
    rgb = np.zeros((height, width, 3), dtype=np.uint8)
    rgb[:] = BEIGE_RGB
    for index in range(loops + faint):
        colour = (FAINT_RGB if index < faint else LOOP_RGB) if faint_first else (LOOP_RGB if index < loops else FAINT_RGB)
        x = 60 + index * 110
        top, bottom = int(height * 0.2), int(height * 0.75)
        cv2.line(rgb, (x, bottom), (x, top + 12), colour, 8)
        cv2.line(rgb, (x + 24, bottom), (x + 24, top + 12), colour, 8)
        cv2.ellipse(rgb, (x + 12, top + 12), (12, 12), 0, 180, 360, colour, 8)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)):
        raise OSError(f"could not write {path}")
    return path


def write_corrupt_image(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"this is not really a png" * 10)
    return path


@pytest.fixture(autouse=True)
def private_settings_and_log(tmp_path, monkeypatch):
    """Nothing a test does reaches the user's real settings, log, microscopes or the
    application-data folder for corrections."""
    monkeypatch.setenv("CAPSEG_SETTINGS_FILE", str(tmp_path / "default-settings.ini"))
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("CAPSEG_PROFILES", str(tmp_path / "app-data" / "microscopes.json"))
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "app-data" / "corrections"))


def open_and_wait(qtbot, window, path):
    """Open ``path`` as File > Open image does and return the analysis the window shows. The
    result is on screen before its worker has finished: it also waits for that, since until
    then Esc would cancel the (finished) analysis, as for a user who presses it that early."""
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000) as blocker:
        window.open_image(path)
    qtbot.waitUntil(lambda: not window.queue.is_busy(), timeout=10_000)
    return blocker.args[0]


@dataclass
class Dialogs:
    """Message boxes shown during a test: (kind, title, text); ``answer`` is returned by
    ``QMessageBox.question``."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: Any = None
    details: str = ""

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    from PySide6.QtWidgets import QMessageBox

    record = Dialogs(answer=QMessageBox.StandardButton.No)

    def recorder(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            if kind == "question":
                return record.answer
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: record.shown.append(("about", title, text))))

    def exec_box(box):
        record.shown.append(("box", box.windowTitle(), box.text()))
        record.details = box.detailedText()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return record


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, settings_path):
    """Build main windows on a settings file in tmp_path; with ``session`` the model is in
    place at once (no background loading)."""
    from capseg_desktop.gui.window.main_window import MainWindow
    from capseg_desktop.gui.settings import AppSettings

    def build(session: ModelSession | None = None, show: bool = True) -> MainWindow:
        window = MainWindow(AppSettings(settings_path), autoload_model=False)
        qtbot.addWidget(window)
        if session is not None:
            window.models.use_session(session)
        if show:
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda: window._startup_done, timeout=5000)
        return window

    return build


@pytest.fixture
def window(make_window, stub_session, dialogs):
    return make_window(stub_session)
