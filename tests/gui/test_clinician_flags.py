"""The clinician has the last word (issue 22, item 5): a loop flagged giant from the keyboard,
the views' and the table's right-click menus, shown as the clinician's in the table, the JSON
and the sidecar, undone back to the automatic flags, restored on reopening; the ruler; the
exam's conclusion and signature saved with the exam."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from capseg_desktop.core.exam import Exam, load_exam

from .conftest import open_and_wait, write_capillary_image
from .test_editing import at, click, drag, key, limb_x, wait_saved


def flag_cell(window, number: int) -> str:
    table = window.count_panel.table
    row = next(r for r in range(table.rowCount()) if int(table.item(r, 0).text()) == number)
    return table.item(row, 2).text()


def capillary(window, number: int) -> dict:
    return next(c for c in window.analysis.result.to_dict()["capillaries"] if c["id"] == number)


def menu_action(menu: QMenu, text: str):
    """The entry of ``menu`` or of its submenus whose text (without its "&") is ``text``."""
    for action in menu.actions():
        if action.menu() is not None:
            found = menu_action(action.menu(), text)
            if found is not None:
                return found
        elif action.text().replace("&", "") == text:
            return action
    return None


def test_flag_as_giant_is_the_clinicians_in_the_table_json_and_sidecar_and_undo_takes_it_back(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    automatic = flag_cell(window, 2)
    assert "clinician" not in automatic and capillary(window, 2)["flags_by"] == "automatic"

    click(window.overlay_view, limb_x(1) + 2, 200)
    assert window.actions_by_id["flag_giant"].isEnabled()
    key(window, Qt.Key.Key_G)  # Edit > Loop flags > Flag as giant
    assert flag_cell(window, 2) == "giant (clinician)"
    assert capillary(window, 2)["flag"] == "giant" and capillary(window, 2)["flags_by"] == "clinician"
    assert window.analysis.result.count == 5  # no capillary moved
    assert "Flag capillary 2 as giant" in window.actions_by_id["undo"].text()
    saved = wait_saved(qtbot, window, image)
    assert [(e["kind"], e["value"]) for e in saved["edits"]] == [("flag", "giant")] and saved["version"] == 2

    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: back to the automatic flags
    assert flag_cell(window, 2) == automatic and capillary(window, 2)["flags_by"] == "automatic"


def test_the_right_click_menus_flag_shapes_and_clear_and_reopening_replays_them(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    view = window.overlay_view
    window.editing.context_menu(view.mapToScene(at(view, limb_x(2) + 2, 200)), view.viewport().mapToGlobal(QPoint(5, 5)))
    assert window.views.selected() == (3,)
    menu_action(window.editing.menu, "Ramified").trigger()  # Shape > Ramified
    assert capillary(window, 3)["shape"] == "ramified" and window.analysis.result.shape_counts()["ramified"] == 1
    window.editing.menu.close()

    table = window.count_panel.table
    window.editing.select([4])
    table.customContextMenuRequested.emit(QPoint(5, 5))  # the table row's menu is the same
    assert menu_action(window.editing.menu, "Flag as dilated") is not None
    menu_action(window.editing.menu, "Clear automatic flags").trigger()
    window.editing.menu.close()
    assert (capillary(window, 4)["flag"], capillary(window, 4)["shape"]) == ("normal", "hairpin")
    assert flag_cell(window, 4) == "normal (clinician)"
    wait_saved(qtbot, window, image)

    other = write_capillary_image(tmp_path / "other.png", loops=3)
    open_and_wait(qtbot, window, other)
    open_and_wait(qtbot, window, image)  # reopened: the sidecar's flags replayed
    assert capillary(window, 3)["shape"] == "ramified" and capillary(window, 3)["flags_by"] == "clinician"
    assert flag_cell(window, 4) == "normal (clinician)"
    window.actions_by_id["undo"].trigger()  # the restored flags are undoable too (the menus took the focus)
    assert capillary(window, 4)["flags_by"] == "automatic"


def test_the_ruler_measures_in_micrometres_with_a_scale_and_in_pixels_without(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    view = window.overlay_view
    key(window, Qt.Key.Key_U)  # Edit > Measure with a ruler
    assert window.editing.tool_name == "ruler"

    def dragged(points) -> float:
        """The line's length in image pixels as the mouse gave it (the view rounds to its pixels)."""
        drag(view, points)
        a, b = view.mapToScene(at(view, *points[0])), view.mapToScene(at(view, *points[-1]))
        assert abs((b - a).manhattanLength() - abs(points[-1][0] - points[0][0]) - abs(points[-1][1] - points[0][1])) < 3
        return ((b.x() - a.x()) ** 2 + (b.y() - a.y()) ** 2) ** 0.5

    pixels = dragged([(100, 100), (130, 100), (150, 100)])
    assert window.editing.tool.last == f"Ruler: {pixels:.1f} px (no scale: set one to measure in µm)"
    window.count_panel.um_per_px.setValue(2.0)
    qtbot.waitUntil(lambda: window.analysis.result.measuring_um_per_px == 2.0, timeout=10_000)
    pixels = dragged([(100, 100), (100, 130)])
    assert window.editing.tool.last == f"Ruler: {2 * pixels:.1f} µm ({pixels:.1f} px)"
    assert window.status_label.text() == window.editing.tool.last


def test_the_conclusion_and_signature_typed_in_the_exam_window_are_saved_with_the_exam(qtbot, window, tmp_path):
    window.exam.start(Exam(patient_id="P-7", date="2026-12-01"))
    box = window.exam.view.conclusion
    qtbot.keyClicks(box.conclusion, "Non-scleroderma pattern.")
    qtbot.keyClicks(box.signed_by, "Dr Rheum")
    box.signed_on.setDate(box.signed_on.date().fromString("2026-12-08", "yyyy-MM-dd"))
    exam = window.exam.exam
    assert (exam.conclusion, exam.signed_by, exam.signed_on) == ("Non-scleroderma pattern.", "Dr Rheum", "2026-12-08")
    assert window.exam.dirty and window.exam.view.windowTitle().startswith("Exam P-7 *")
    target = tmp_path / "P-7.capseg-exam.json"
    window.exam.path = target
    assert window.exam.save()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["conclusion"], data["signed_by"], data["signed_on"]) == ("Non-scleroderma pattern.", "Dr Rheum", "2026-12-08")
    assert load_exam(target).conclusion == "Non-scleroderma pattern."
    window.exam.close_exam()
    window.exam.start(load_exam(target), target)
    assert window.exam.view.conclusion.signed_by.text() == "Dr Rheum"
    assert window.exam.view.conclusion.conclusion.toPlainText() == "Non-scleroderma pattern."
