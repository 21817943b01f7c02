"""Every window and dialog, in French and in English, on the smallest screen the app supports
(1280 x 800): no text cut off, no window beyond the screen (issue 21: the French empty-window
hint, the status line when the 1 mm window is impossible, the exam window's status line below
the screen's edge, "Ordinat…" in the file dialog and its US dates in French)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ["main window, empty", "main window, analysed", "main window, no room for the 1 mm window", "calibrate",
           "microscope profile", "microscopes", "exam details", "help", "fine-tune", "exam window", "file dialog"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_window_and_dialog_fits_a_1280_x_800_screen(tmp_path, lang):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"synthesizedWindowDecorations": False, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "PYTHONPATH": str(ROOT),
           "CAPSEG_LANG": lang, "LANG": "en_US.UTF-8"}  # an English system: French dates must come from the app
    env.pop("LC_ALL", None)
    env.pop("LC_TIME", None)
    run = subprocess.run([sys.executable, "-m", "tests.gui.layout_check", lang, str(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert [name for name in WINDOWS if name not in report["seen"]] == []  # it looked at every one
    assert report["problems"] == []


def test_the_exam_window_opens_inside_the_screen_wherever_it_was_placed(qtbot, window, dialogs):
    """820 px tall at y = 195 on a 1000 px screen: its status line was below the edge."""
    from PySide6.QtWidgets import QMessageBox

    from capseg_desktop.core.exam import Exam

    dialogs.answer = QMessageBox.StandardButton.Discard  # the unsaved exam, when the window closes

    controller = window.exam
    controller.start(Exam("P-0042", "2026-12-07", "", None, None))
    view = controller.view
    free = view.screen().availableGeometry()
    view.hide()
    view.move(free.left() + 40, free.top() + free.height() // 3)  # where a window manager put it
    controller.show_window()
    qtbot.waitExposed(view)
    assert free.contains(view.frameGeometry()), (view.frameGeometry(), free)


def test_french_dates_for_the_system_locale_unless_lc_all_decides():
    from capseg_desktop.i18n_qt import dates_in_language

    environ = {"LANG": "en_US.UTF-8"}
    assert dates_in_language("fr", environ) and environ["LC_TIME"] == "fr_FR.UTF-8"
    english = {"LANG": "en_US.UTF-8"}
    assert not dates_in_language("en", english) and "LC_TIME" not in english
    forced = {"LC_ALL": "de_DE.UTF-8"}
    assert not dates_in_language("fr", forced) and "LC_TIME" not in forced
