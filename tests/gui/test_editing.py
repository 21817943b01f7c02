"""Correcting a count by hand in the window (issue 11): every edit driven with real mouse and
key events on the views, undone and redone, with the count, the table's mark and the sidecar
on disk checked after each."""

from __future__ import annotations

import json
import statistics

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from capseg_desktop.core import render
from capseg_desktop.gui.window.capillary_table import EDITED_ROLE
from capseg_desktop.gui.views.image_views import BOX_COLOUR, EDITED_COLOUR

from .conftest import open_and_wait, write_capillary_image

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def at(view, x: float, y: float) -> QPoint:
    """The viewport position of image pixel (x, y)."""
    return view.mapFromScene(QPointF(x, y))


def click(view, x: float, y: float, modifier=NONE) -> None:
    QTest.mouseClick(view.viewport(), LEFT, modifier, at(view, x, y))


def drag(view, points: list[tuple[float, float]]) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, at(view, *points[0]))
    for point in points[1:]:
        QTest.mouseMove(viewport, at(view, *point))
    QTest.mouseRelease(viewport, LEFT, NONE, at(view, *points[-1]))


def key(window, key, modifier=NONE) -> None:
    """A key pressed where the user's focus is: on the overlay view."""
    QTest.keyClick(window.overlay_view, key, modifier)


def limb_x(index: int) -> int:
    """The left limb of loop ``index`` of ``write_capillary_image`` (x = 60 + 110 i)."""
    return 60 + index * 110


def sidecar(image) -> dict:
    return json.loads(image.with_name(image.stem + ".capseg.json").read_text(encoding="utf-8"))


def wait_saved(qtbot, window, image, count: int | None = None) -> dict:
    """The sidecar once the background save has written it (with ``count`` capillaries)."""
    path = image.with_name(image.stem + ".capseg.json")
    window.editing.saver.wait()
    qtbot.waitUntil(lambda: path.exists() and (count is None or len(sidecar(image)["capillaries"]) == count), timeout=5000)
    return sidecar(image)


def edited_rows(window) -> list[int]:
    table = window.count_panel.table
    return sorted(int(table.item(r, 0).text()) for r in range(table.rowCount()) if table.item(r, 0).data(EDITED_ROLE))


def test_click_ctrl_click_delete_undo_redo_and_the_sidecar(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    backend = window.session._backend
    calls = backend.calls
    view = window.overlay_view

    click(view, limb_x(1) + 2, 200)  # on capillary 2's pixels
    assert window.views.selected() == (2,)
    assert window.count_panel.selected_capillaries() == [2]
    click(window.mask_view, limb_x(3) + 26, 250, CTRL)  # Ctrl+click adds capillary 4, in another view
    assert [v.selected_boxes() for v in window.views.views] == [(2, 4)] * 3
    assert window.count_panel.selected_capillaries() == [2, 4]

    key(window, Qt.Key.Key_Delete)
    assert window.analysis.result.count == 3
    assert window.count_panel.count_label.text() == "3"
    assert window.count_panel.edits_label.text() == "3 — model 5, 2 removed, 0 added"
    assert window.count_panel.edits_label.isVisible()
    assert window.views.selected() == ()
    saved = wait_saved(qtbot, window, image, 3)
    assert saved["model_count"] == 5 and [e["kind"] for e in saved["edits"]] == ["remove", "remove"]
    assert window.actions_by_id["undo"].isEnabled() and "Delete 2 capillaries" in window.actions_by_id["undo"].text()

    key(window, Qt.Key.Key_Z, CTRL)  # undo
    assert window.analysis.result.count == 5
    assert not window.count_panel.edits_label.isVisible()
    assert window.views.selected() == (2, 4)  # the selection from before the edit
    window.editing.saver.wait()
    qtbot.waitUntil(lambda: not image.with_name("strip.capseg.json").exists(), timeout=5000)  # nothing left to keep

    key(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert window.analysis.result.count == 3
    assert len(wait_saved(qtbot, window, image, 3)["edits"]) == 2
    assert backend.calls == calls  # no edit, undo or redo runs the model

    key(window, Qt.Key.Key_H, CTRL)  # View > Undo history
    history = window.editing.history
    assert window.editing.history_dock.isVisible() and history.model().rowCount() == 2  # <no corrections> + the edit
    history.setCurrentIndex(history.model().index(0, 0))  # back to before the first correction
    assert window.analysis.result.count == 5


def test_a_new_scale_keeps_the_corrections_and_saves_them_with_it(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    assert wait_saved(qtbot, window, image, 2)["um_per_px"] is None
    window.count_panel.um_per_px.setValue(2.0)  # no question: the scale moves no capillary
    window.count_panel.flush()
    assert window.analysis.result.count == 2 and window.analysis.result.density_per_mm is not None
    qtbot.waitUntil(lambda: sidecar(image)["um_per_px"] == 2.0, timeout=5000)


def test_add_by_click_marks_the_new_row_and_esc_goes_back_to_select(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3, faint=1)
    window.count_panel.threshold.setValue(0.6)  # the faint loop is not counted at 0.6
    window.count_panel.flush()
    open_and_wait(qtbot, window, image)
    assert window.analysis.result.count == 3

    key(window, Qt.Key.Key_A)
    assert window.editing.tool_name == "add" and window.actions_by_id["tool_add"].isChecked()
    click(window.original_view, limb_x(3) + 2, 200)  # on the faint loop
    result = window.analysis.result
    assert result.count == 4 and result.edits.added == 1
    assert window.count_panel.edits_label.text() == "4 — model 3, 0 removed, 1 added"
    assert edited_rows(window) == [4]
    table = window.count_panel.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "4")
    assert "Edited by hand" in table.item(row, 0).toolTip() and not table.item(row, 0).icon().isNull()
    assert window.views.selected() == (4,)  # what was added is selected
    saved = wait_saved(qtbot, window, image, 4)
    assert saved["edits"][0]["kind"] == "add" and saved["edits"][0]["mask_rle"]["counts"]

    key(window, Qt.Key.Key_Escape)
    assert window.editing.tool_name == "select" and window.actions_by_id["tool_select"].isChecked()
    click(window.overlay_view, limb_x(0) + 2, 200)  # another one selected: the added box shows green, as exported
    assert EDITED_COLOUR.getRgb()[:3] == render.EDITED_BOX_RGB
    assert [v._boxes[4][0].colour for v in window.views.views] == [EDITED_COLOUR] * 3
    assert window.original_view._boxes[2][0].colour == BOX_COLOUR
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 3 and edited_rows(window) == []
    assert all(rect.colour != EDITED_COLOUR for rect, _label in window.original_view._boxes.values())

    # On bare skin a click still counts (a loop the model cannot see), and says it is a marker.
    assert "Add capillary" in window.actions_by_id["redo"].text()
    key(window, Qt.Key.Key_A)
    click(window.original_view, 4, 4)
    assert window.analysis.result.count == 4
    assert "marker where the model sees no vessel" in window.actions_by_id["undo"].text()


def test_brush_paints_a_new_capillary_and_the_eraser_takes_pixels_away(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    view = window.overlay_view

    key(window, Qt.Key.Key_B)
    assert window.editing.brush_label.isVisible()
    size = window.editing.brush_px
    assert window.editing.brush_label.text() == f"Brush {size} px"
    key(window, Qt.Key.Key_BracketRight)
    assert window.editing.brush_px > size and window.editing.brush_label.text() == f"Brush {window.editing.brush_px} px"
    key(window, Qt.Key.Key_BracketLeft)
    assert window.editing.brush_px == size
    assert not view.viewport().cursor().pixmap().isNull()  # a circle the brush's size

    drag(view, [(900, 150), (905, 180), (910, 220), (915, 260)])  # a new loop on bare skin
    result = window.analysis.result
    assert result.count == 4 and result.edits.painted == 1
    new = next(c for c in result.capillaries if c.bbox[0] >= 890)
    assert new.bbox[1] <= 150 - size // 2 + 1 and new.bbox[3] >= 260
    assert edited_rows(window) == [new.id]

    key(window, Qt.Key.Key_E)
    assert window.editing.tool_name == "eraser"
    area = next(c.area_px for c in result.capillaries if c.id == 1)
    drag(view, [(limb_x(0) - 10, 200), (limb_x(0) + 40, 200)])  # across both limbs of capillary 1
    result = window.analysis.result
    assert result.count == 4 and result.edits.erased == 1
    assert next(c.area_px for c in result.capillaries if c.id == 1) < area
    assert 1 in edited_rows(window)
    assert [e["kind"] for e in wait_saved(qtbot, window, image)["edits"]] == ["paint", "erase"]

    key(window, Qt.Key.Key_Z, CTRL)
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 3 and next(c.area_px for c in window.analysis.result.capillaries if c.id == 1) == area


def test_split_with_a_cut_line_then_merge_the_halves(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    view = window.overlay_view

    key(window, Qt.Key.Key_K)
    assert window.editing.tool_name == "split"
    drag(view, [(limb_x(2) - 15, 200), (limb_x(2) + 10, 200), (limb_x(2) + 40, 200)])  # across capillary 3
    result = window.analysis.result
    assert result.count == 5 and result.edits.split == 1
    halves = window.views.selected()
    assert len(halves) == 2 and sorted(edited_rows(window)) == sorted(halves)
    assert "Split capillary 3" in window.actions_by_id["undo"].text()

    key(window, Qt.Key.Key_Escape)
    top = next(c for c in result.capillaries if c.id in halves and c.bbox[1] < 150)
    bottom = next(c for c in result.capillaries if c.id in halves and c.id != top.id)
    click(view, limb_x(2) + 2, 120)
    click(view, limb_x(2) + 2, 280, CTRL)
    assert set(window.views.selected()) == {top.id, bottom.id}
    key(window, Qt.Key.Key_M)
    result = window.analysis.result
    assert result.count == 4 and result.edits.merged == 1 and result.edits.split == 1
    assert window.count_panel.edits_label.text() == "4 — model 4, 0 removed, 0 added, 1 merged, 1 split"
    assert [e["kind"] for e in wait_saved(qtbot, window, image)["edits"]] == ["split", "merge"]

    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 5
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 4 and window.analysis.result.edits is None


def test_context_menu_deletes_the_capillary_under_the_mouse(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    view = window.original_view
    point = at(view, limb_x(1) + 2, 220)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)))
    menu = window.editing.menu
    assert menu is not None and menu.isVisible()
    assert window.views.selected() == (2,)
    delete = next(a for a in menu.actions() if a.text() == "&Delete capillary")
    menu.close()
    delete.trigger()
    assert window.analysis.result.count == 2 and window.analysis.result.edits.removed == 1


def test_reopening_restores_the_corrections_and_says_so(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    for index in (0, 4):
        click(window.overlay_view, limb_x(index) + 2, 200)
        key(window, Qt.Key.Key_Delete)
    assert window.analysis.result.count == 3
    wait_saved(qtbot, window, image, 3)

    other = write_capillary_image(tmp_path / "other.png", loops=2)
    open_and_wait(qtbot, window, other)
    assert window.analysis.result.count == 2 and not window.actions_by_id["undo"].isEnabled()

    analysis = open_and_wait(qtbot, window, image)
    assert analysis.result.count == 3 and analysis.result.model_count == 5
    qtbot.waitUntil(lambda: "Restored 2 corrections from strip.capseg.json" in window.status_label.text(), timeout=3000)
    assert window.count_panel.edits_label.text() == "3 — model 5, 2 removed, 0 added"
    assert window.actions_by_id["undo"].isEnabled()  # restored edits can be undone too
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 4


def test_a_folder_that_cannot_be_written_keeps_the_corrections_in_the_app_data_folder(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    (tmp_path / "strip.capseg.json").mkdir()  # the sidecar cannot be written beside the image
    open_and_wait(qtbot, window, image)
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    window.editing.saver.wait()
    fallback = tmp_path / "app-data" / "corrections"
    qtbot.waitUntil(lambda: any(fallback.glob("*-strip.capseg.json")), timeout=5000)
    qtbot.waitUntil(lambda: f"Corrections kept in {fallback}" in window.status_label.text(), timeout=3000)
    saved = json.loads(next(fallback.glob("*-strip.capseg.json")).read_text(encoding="utf-8"))
    assert len(saved["capillaries"]) == 2

    open_and_wait(qtbot, window, image)
    assert window.analysis.result.count == 2
    qtbot.waitUntil(lambda: "Restored 1 corrections" in window.status_label.text(), timeout=3000)


def test_a_parameter_change_after_edits_asks_keep_discard_or_cancel(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    image = write_capillary_image(tmp_path / "strip.png", loops=4, faint=1)
    open_and_wait(qtbot, window, image)
    assert window.analysis.result.count == 5  # the faint loop counts at 0.5
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    assert window.analysis.result.count == 4
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def exec_box(box):
        asked.append(box.text())
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    panel = window.count_panel

    panel.threshold.setValue(0.6)  # cancel: the threshold goes back, the corrected count stays
    panel.flush()
    assert asked and "Keep your 1 corrections on top of the new count" in asked[-1]
    assert panel.threshold.value() == pytest.approx(0.5) and window.analysis.result.count == 4

    answer["button"] = QMessageBox.StandardButton.Yes  # keep: replayed on the new count
    panel.threshold.setValue(0.6)
    panel.flush()
    result = window.analysis.result
    assert result.params.threshold == pytest.approx(0.6)
    assert result.model_count == 4 and result.count == 3 and result.edits.removed == 1
    qtbot.waitUntil(lambda: "Kept your 1 corrections" in window.status_label.text(), timeout=3000)
    qtbot.waitUntil(lambda: sidecar(image)["parameters"]["threshold"] == pytest.approx(0.6), timeout=5000)

    answer["button"] = QMessageBox.StandardButton.No  # discard: the model's count, no sidecar
    panel.threshold.setValue(0.5)
    panel.flush()
    assert window.analysis.result.count == 5 and window.analysis.result.edits is None
    assert not window.actions_by_id["undo"].isEnabled()
    window.editing.saver.wait()
    qtbot.waitUntil(lambda: not (tmp_path / "strip.capseg.json").exists(), timeout=5000)
    assert len(asked) == 3


def test_exports_carry_the_corrected_result(qtbot, window, tmp_path, monkeypatch):
    import cv2
    from PySide6.QtWidgets import QFileDialog

    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    click(window.overlay_view, limb_x(1) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    targets = iter([tmp_path / "out.json", tmp_path / "out.csv", tmp_path / "out.png"])

    def fake(parent, caption, proposed, file_filter, *args, **kwargs):
        return str(next(targets)), file_filter.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    window.actions_by_id["export_results"].trigger()
    window.actions_by_id["export_results"].trigger()
    window.actions_by_id["export_annotated"].trigger()

    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["count"] == 3 and data["model_count"] == 4 and data["edits"]["remove"] == 1
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert "edited" in rows[0].split(",") and len(rows) == 1 + 3
    text = render.read_png_text((tmp_path / "out.png").read_bytes())
    assert "model 4" in " ".join(text.values())
    assert cv2.imread(str(tmp_path / "out.png")).shape[1] == 1280


def test_an_edit_recounts_without_inference_and_fast(qtbot, window, tmp_path):
    """The count follows an edit on a 1280 x 400 strip with no inference; the time from the
    event to the count on screen is logged (median reported, not asserted: timings flake)."""
    image = write_capillary_image(tmp_path / "strip.png", loops=10, size=(1280, 400))
    open_and_wait(qtbot, window, image)
    backend = window.session._backend
    calls = backend.calls
    for index in range(0, 10, 2):
        click(window.overlay_view, limb_x(index) + 2, 200)
        key(window, Qt.Key.Key_Delete)
    key(window, Qt.Key.Key_A)
    click(window.overlay_view, limb_x(1) + 52, 200)  # bare skin: a small disk is added
    assert window.analysis.result.count == 6
    for _ in range(6):
        key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 10
    assert backend.calls == calls
    times = window.editing.edit_ms
    assert len(times) == 6
    print(f"edit -> count shown: median {statistics.median(times):.1f} ms over {len(times)} edits, max {max(times):.1f} ms")


def test_a_corrections_file_of_another_picture_is_not_used_and_says_why(qtbot, window, tmp_path):
    first = write_capillary_image(tmp_path / "a" / "strip.png", loops=3)
    open_and_wait(qtbot, window, first)
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    wait_saved(qtbot, window, first, 2)
    # Another picture of the same name gets that file beside it: it is refused, not replayed.
    second = write_capillary_image(tmp_path / "b" / "strip.png", loops=4, size=(1000, 400))
    (tmp_path / "b" / "strip.capseg.json").write_bytes((tmp_path / "a" / "strip.capseg.json").read_bytes())
    analysis = open_and_wait(qtbot, window, second)
    assert analysis.result.count == 4 and analysis.result.edits is None
    qtbot.waitUntil(lambda: "do not belong to" in window.status_label.text(), timeout=3000)
    assert (tmp_path / "b" / "strip.capseg.json").exists()  # left alone


def test_a_folder_counts_its_corrected_images_as_corrected(qtbot, window, tmp_path, monkeypatch):
    import csv
    import io

    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "visit"
    edited = write_capillary_image(folder / "a.png", loops=4)
    write_capillary_image(folder / "b.png", loops=3)
    open_and_wait(qtbot, window, edited)
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    wait_saved(qtbot, window, edited, 3)
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "elsewhere.png", loops=2))  # a.png no longer shown

    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)
    table = window.batch_panel.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["3", "3"]  # a.png: 4 by the model, 1 removed
    target = tmp_path / "summary.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_id["export_summary"].trigger()
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))}
    assert rows["a.png"]["count"] == "3" and rows["a.png"]["model_count"] == "4" and "1 removed" in rows["a.png"]["edits"]
    assert rows["b.png"]["count"] == "3" and rows["b.png"]["edits"] == ""

    window.count_panel.min_area.setValue(window.count_panel.min_area.value() + 20)  # a recount of the list keeps them
    window.count_panel.flush()
    window.batch.flush()
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["3", "3"]
    window.batch_panel.table.selectRow(0)  # and the view shows a.png corrected
    assert window.analysis.result.count == 3 and window.analysis.result.model_count == 4


def test_corrections_made_on_another_model_are_restored_with_a_warning(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    click(window.overlay_view, limb_x(2) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    saved = wait_saved(qtbot, window, image, 2)
    saved["model"] = {"name": "older.tflite", "sha256": "0" * 64}
    (tmp_path / "strip.capseg.json").write_text(json.dumps(saved), encoding="utf-8")
    analysis = open_and_wait(qtbot, window, image)
    assert analysis.result.count == 2
    qtbot.waitUntil(lambda: "made on the count of another model (older.tflite)" in window.status_label.text(), timeout=3000)


def test_kept_corrections_that_no_longer_apply_are_reported(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    image = write_capillary_image(tmp_path / "strip.png", loops=3, faint=1)
    open_and_wait(qtbot, window, image)
    click(window.overlay_view, limb_x(3) + 2, 200)  # the faint loop, counted at 0.5
    key(window, Qt.Key.Key_Delete)
    click(window.overlay_view, limb_x(0) + 2, 200)
    key(window, Qt.Key.Key_Delete)
    assert window.analysis.result.count == 2
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    window.count_panel.threshold.setValue(0.6)  # the faint loop is gone from the model's count
    window.count_panel.flush()
    result = window.analysis.result
    assert result.model_count == 3 and result.count == 2 and result.edits.removed == 1
    qtbot.waitUntil(lambda: "Kept your 2 corrections on top of the new count. 1 of them no longer applies" in window.status_label.text(),
                    timeout=3000)


def test_fast_review_keeps_and_takes_out_box_by_box_along_the_row(qtbot, window, tmp_path):
    """N keeps the selected box and goes to the next, X takes it out and goes to the next, in
    review order (the distal row first, along the row): a reviewer never reaches for the mouse."""
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)

    def selected_x() -> float:
        (number,) = window.views.selected()
        return next(c for c in window.analysis.result.capillaries if c.id == number).centroid[0]

    key(window, Qt.Key.Key_N)
    assert selected_x() < limb_x(1) and "Box 1 of 4" in window.status_label.text()
    key(window, Qt.Key.Key_N)
    assert limb_x(1) < selected_x() < limb_x(2)
    key(window, Qt.Key.Key_X)  # the second loop goes; the third is selected
    assert window.analysis.result.count == 3
    assert limb_x(2) < selected_x() < limb_x(3) and "Box 2 of 3" in window.status_label.text()
    key(window, Qt.Key.Key_N)
    key(window, Qt.Key.Key_N)
    assert window.views.selected() == () and "All 3 boxes reviewed" in window.status_label.text()
    assert [e["kind"] for e in wait_saved(qtbot, window, image, 3)["edits"]] == ["remove"]
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 4


def test_an_image_reviewed_to_the_end_without_a_change_is_saved_as_reviewed(qtbot, window, tmp_path):
    """N through every box of a count the model got right: the image is kept as reviewed (a
    corrections file with no edit), so Adapt to this microscope and fine-tuning can use it."""
    from capseg_desktop.core.adaptation import reviewed_images

    image = write_capillary_image(tmp_path / "strip.png", loops=3)
    open_and_wait(qtbot, window, image)
    assert reviewed_images([image], tmp_path / "appdata") == []
    for _ in range(4):
        key(window, Qt.Key.Key_N)
    assert "All 3 boxes reviewed and kept as the model counted them" in window.status_label.text()
    saved = wait_saved(qtbot, window, image, 3)
    assert saved["edits"] == [] and saved["model_count"] == 3
    assert reviewed_images([image], tmp_path / "appdata") == [image]
    assert window.analysis.result.count == 3


def test_a_dragged_rectangle_takes_out_its_boxes_in_one_step(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    key(window, Qt.Key.Key_R)
    assert window.editing.tool_name == "reject_area"
    drag(window.overlay_view, [(limb_x(1) - 20, 30), (limb_x(2), 200), (limb_x(2) + 60, 380)])
    result = window.analysis.result
    assert result.count == 2 and result.edits.removed == 2
    assert all(not limb_x(1) - 20 < c.centroid[0] < limb_x(2) + 60 for c in result.capillaries)
    assert "Take out 2 boxes in a rectangle" in window.actions_by_id["undo"].text()
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.analysis.result.count == 4
    drag(window.overlay_view, [(5, 5), (20, 20)])  # on bare skin: nothing taken out, and said
    assert window.analysis.result.count == 4 and "No box has its centre" in window.status_label.text()


def test_keep_only_the_distal_row_on_a_single_row_changes_nothing_and_says_so(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    assert window.analysis.result.distal_count == 4
    window.actions_by_id["keep_distal_only"].trigger()
    assert window.analysis.result.count == 4 and not window.editing.stack.canUndo()
    assert "already a loop of the distal row" in window.status_label.text()
