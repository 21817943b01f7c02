"""The image session (issue 19): one owner of what the window shows, without Qt; the window,
the count panel, the views, the batch list and the exam observe it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from capseg_desktop.core import CountingParams, LoadedImage
from capseg_desktop.core.calibration import Calibration
from capseg_desktop.core.corrections import Edit
from capseg_desktop.gui.session import ImageSession

from .conftest import open_and_wait, write_capillary_image


def picture(name: str) -> LoadedImage:
    return LoadedImage(Path(name), np.zeros((8, 8, 3), dtype=np.uint8), "PNG", 8, 3)


@pytest.fixture
def session_and_log():
    session, log = ImageSession(), []
    for event in ("image_changed", "analysis_changed", "edits_changed", "scale_changed", "params_changed", "selection_changed"):
        getattr(session, event).connect(lambda *args, name=event: log.append((name, args)))
    return session, log


def test_the_session_says_what_changed_and_a_new_picture_starts_clean(session_and_log):
    session, log = session_and_log
    first = picture("a.png")
    session.open(first)
    assert log == [("image_changed", (first,))] and session.image_path.name == "a.png"
    shown = object()
    session.show(shown, selection=(2, 0, 2, 5))
    assert session.analysis is shown and session.selection == (2, 5)
    remove = Edit("remove", points=((1.0, 1.0),))
    session.add_edits([remove])
    session.select([5])
    session.toggle(3)
    assert session.selection == (5, 3)
    log.clear()
    second = picture("b.png")
    session.open(second)  # the last picture's result, corrections and selection go with it
    assert [name for name, _ in log] == ["image_changed", "edits_changed", "analysis_changed"]
    assert session.analysis is None and session.edits == [] and session.selection == ()
    log.clear()
    session.close()
    assert log == [("image_changed", (None,))] and session.image is None


def test_undo_takes_the_same_edits_off_the_end_of_the_log(session_and_log):
    session, log = session_and_log
    a, b, c = (Edit("remove", points=((float(i), 0.0),)) for i in range(3))
    session.add_edits([a])
    session.add_edits([b, c])
    session.remove_edits([b, c])
    assert session.edits == [a]
    session.add_edits([b])
    session.remove_edits([a])  # not at the end: taken out where it is
    assert session.edits == [b]
    assert [args[0] for name, args in log if name == "edits_changed"] == [(a,), (a, b, c), (a,), (a, b), (b,)]


def test_the_scale_is_kept_exact_and_told_only_when_it_changes(session_and_log):
    session, log = session_and_log
    profile = Calibration(0.497439, "profile", "Scope 200x")
    session.set_scale(0.497439, profile)
    session.set_scale(0.497439, profile)
    assert log == [("scale_changed", (0.497439, profile))] and session.um_per_px == 0.497439
    session.set_params(CountingParams(threshold=0.6), ("threshold",))
    session.set_params(CountingParams(threshold=0.6), ("threshold",))
    assert [name for name, _ in log].count("params_changed") == 1
    assert session.changed_params == ("threshold",)


def test_the_session_module_names_no_qt():
    """The session is the window's model, not a widget: it imports no Qt module itself."""
    code = (
        "import ast, sys, pathlib, capseg_desktop.gui.session as s\n"
        "tree = ast.parse(pathlib.Path(s.__file__).read_text())\n"
        "names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]\n"
        "names += [n.module or '' for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]\n"
        "print(','.join(names))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() and not any(name.startswith(("PySide6", "shiboken6")) for name in out.strip().split(","))


def test_a_delete_goes_from_the_view_through_the_session_to_every_observer(qtbot, window, tmp_path):
    """View -> edit controller -> session -> count -> observers (views, count panel, batch row)."""
    folder = tmp_path / "visit"
    image = write_capillary_image(folder / "a.png", loops=4)
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)
    open_and_wait(qtbot, window, image)
    seen = []
    window.image_session.analysis_changed.connect(lambda analysis: seen.append(analysis.result.count if analysis else None))
    window.editing.select([2])
    assert window.image_session.selection == (2,) and window.views.selected() == (2,)
    assert window.count_panel.selected_capillaries() == [2]
    window.actions_by_id["delete_capillary"].trigger()
    assert seen == [3]
    assert window.image_session.edits and window.image_session.edits[0].kind == "remove"
    assert window.count_panel.count_label.text() == "3"
    assert len(window.views.leader().box_ids()) == 3
    assert window.batch_panel.table.item(0, 1).text() == "3"
    window.actions_by_id["undo"].trigger()
    assert seen == [3, 4] and window.image_session.edits == []
