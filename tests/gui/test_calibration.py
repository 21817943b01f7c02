"""The scale in the window (issue 12): the calibration tool driven with real mouse events on a
view and text typed in its dialog, microscope profiles in the toolbar's combo (remembered) and
in Model > Microscopes…, the per-image override, and the source of the scale in the panel, the
status bar and the exported JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from capseg_desktop.core.calibration import Profile, load_profiles, save_profiles

from .conftest import open_and_wait, write_capillary_image

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def at(view, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def drag(view, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, at(view, *start))
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i / steps
        y = start[1] + (end[1] - start[1]) * i / steps
        QTest.mouseMove(viewport, at(view, x, y))
    QTest.mouseRelease(viewport, LEFT, NONE, at(view, *end))


def draw_calibration_line(qtbot, window, start=(100.0, 380.0), end=(600.0, 380.0)):
    """Edit > Calibrate (C), then a line dragged on the overlay view: the dialog opens."""
    window.overlay_view.setFocus()
    QTest.keyClick(window.overlay_view, Qt.Key.Key_C)
    assert window.actions_by_id["tool_calibrate"].isChecked()
    window.views.actual_size()  # the whole line on screen at 1:1, where a pixel is a pixel
    window.overlay_view.centerOn(QPointF((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    drag(window.overlay_view, start, end)
    qtbot.waitUntil(lambda: window.calibration.dialog is not None and window.calibration.dialog.isVisible(), timeout=3000)
    return window.calibration.dialog


def export_json(window, tmp_path, monkeypatch, name="result.json") -> dict:
    target = tmp_path / "exports" / name
    target.parent.mkdir(exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "Full result (*.json)")))
    window.exports.export_results()
    return json.loads(target.read_text(encoding="utf-8"))


def test_a_line_over_a_known_length_sets_the_scale_for_this_image(qtbot, window, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=5)
    open_and_wait(qtbot, window, image)
    assert window.calibration.describe() == "No scale: measurements in pixels"
    dialog = draw_calibration_line(qtbot, window)
    assert dialog.length_px == pytest.approx(500, abs=1.5)
    QTest.keyClicks(dialog.length, "1000")  # a 1 mm division of a calibration slide
    assert dialog.result_label.text() == "2 µm/px"
    QTest.mouseClick(dialog.use_button, LEFT)
    qtbot.waitUntil(lambda: window.calibration.dialog is None, timeout=3000)
    assert window.count_panel.scale_um_per_px() == pytest.approx(2.0, rel=0.005)
    assert window.editing.tool_name == "select"  # back to Select after calibrating
    source = window.count_panel.scale_source.text()
    assert "µm/px from a calibrated line" in source and window.calibration.status_label.text() == "2 µm/px (calibrated line)"
    assert window.analysis.result.calibration.source == "calibrated line"
    assert window.count_panel.density_label.text() == "2.0 per mm"  # 5 distal loops over 2.56 mm
    data = export_json(window, tmp_path, monkeypatch)
    assert data["um_per_px"] == pytest.approx(2.0, rel=0.005)
    assert data["calibration"]["source"] == "calibrated line"
    # "For this image only", with no profile too: the next image is back to no scale (it kept
    # the calibrated scale, and a batch recounted every row at it).
    assert window.calibration.scale_for_others(2.0) is None
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "next.png", loops=3))
    assert window.count_panel.scale_um_per_px() is None
    assert window.calibration.describe() == "No scale: measurements in pixels"


def test_a_short_line_or_no_length_calibrates_nothing(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=3))
    window.actions_by_id["tool_calibrate"].trigger()
    window.views.actual_size()
    drag(window.overlay_view, (300, 200), (303, 201))
    assert window.calibration.dialog is None and "too short" in window.status_label.text()
    dialog = draw_calibration_line(qtbot, window)
    QTest.keyClicks(dialog.length, "abc")
    assert not dialog.use_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: window.calibration.dialog is None, timeout=3000)
    assert window.count_panel.scale_um_per_px() is None
    assert "cancelled" in window.status_label.text()


def test_save_as_profile_is_chosen_remembered_and_offered_in_the_combo(qtbot, make_window, stub_session, dialogs, tmp_path, monkeypatch):
    window = make_window(stub_session)
    first, second = write_capillary_image(tmp_path / "a.png", loops=5), write_capillary_image(tmp_path / "b.png", loops=4)
    open_and_wait(qtbot, window, first)
    dialog = draw_calibration_line(qtbot, window)
    QTest.keyClicks(dialog.length, "500")
    assert not dialog.save_button.isEnabled()  # a profile needs a name
    QTest.keyClicks(dialog.name, "Videocap 200x")
    QTest.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.calibration.dialog is None, timeout=3000)
    assert [p.name for p in load_profiles()] == ["Videocap 200x"]
    assert load_profiles()[0].um_per_px == pytest.approx(1.0, rel=0.005)
    combo = window.calibration.combo
    assert combo.currentText().startswith("Videocap 200x")
    assert window.count_panel.scale_source.text().startswith("1 µm/px from profile 'Videocap 200x'")
    assert window.analysis.result.calibration.profile == "Videocap 200x"
    # A number typed in the Scale box is for this image only; the next image gets the profile's.
    window.count_panel.um_per_px.setValue(1.5)
    window.count_panel.flush()
    assert window.count_panel.scale_source.text() == "1.5 µm/px set for this image"
    assert window.analysis.result.calibration.source == "set for this image"
    open_and_wait(qtbot, window, second)
    assert window.count_panel.scale_um_per_px() == pytest.approx(1.0, rel=0.005)
    assert window.calibration.status_label.text() == "1 µm/px (profile Videocap 200x)"
    data = export_json(window, tmp_path, monkeypatch)
    assert {k: data["calibration"][k] for k in ("um_per_px", "source", "profile")} == {
        "um_per_px": pytest.approx(1.0, rel=0.005), "source": "profile", "profile": "Videocap 200x"}
    window.close()

    again = make_window(stub_session)  # the profile is remembered between runs
    assert again.calibration.combo.currentText().startswith("Videocap 200x")
    assert again.count_panel.scale_um_per_px() == pytest.approx(1.0, rel=0.005)
    open_and_wait(qtbot, again, first)
    again.calibration.combo.setCurrentIndex(0)  # No scale
    assert again.count_panel.scale_um_per_px() is None
    assert again.count_panel.scale_source.text() == "No scale: measurements in pixels"
    assert "set the scale" in again.count_panel.density_label.text()
    assert export_json(again, tmp_path, monkeypatch, "none.json")["calibration"]["source"] == "none"


def test_the_microscopes_dialog_adds_edits_and_deletes_profiles(qtbot, window, tmp_path, dialogs):
    from PySide6.QtWidgets import QMessageBox

    from capseg_desktop.gui.scale.profiles import ProfileDialog, ProfilesDialog

    save_profiles([Profile("Dino x200", 1.6, 200.0)])
    window.calibration.profiles = load_profiles()
    window.calibration.fill()
    window.calibration.combo.setCurrentIndex(1)  # chosen, then renamed and rescaled in the dialog: still chosen
    steps = []

    def fill_child(name: str, scale: float) -> None:
        child = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog) and w.isVisible())
        child.name.selectAll()
        QTest.keyClicks(child.name, name)
        child.um_per_px.setValue(scale)
        steps.append(name)
        child.accept()

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog) and w.isVisible())
        QTimer.singleShot(50, lambda: fill_child("Videocap 200x", 1.2))
        QTest.mouseClick(dialog.add_button, LEFT)
        dialog.table.selectRow(0)
        QTimer.singleShot(50, lambda: fill_child("Dino 200x", 1.55))
        QTest.mouseClick(dialog.edit_button, LEFT)
        dialogs.answer = QMessageBox.StandardButton.Yes
        dialog.table.selectRow(1)
        QTest.mouseClick(dialog.delete_button, LEFT)  # Videocap goes again
        dialog.accept()

    QTimer.singleShot(100, drive)
    window.actions_by_id["microscopes"].trigger()
    assert steps == ["Videocap 200x", "Dino 200x"]
    assert [(p.name, p.um_per_px, p.magnification) for p in load_profiles()] == [("Dino 200x", 1.55, 200.0)]
    combo = window.calibration.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["No scale", "Dino 200x (1.55 µm/px)"]
    assert combo.currentIndex() == 1
    assert window.count_panel.scale_um_per_px() == pytest.approx(1.55)
    assert window.settings.store.value("calibration/profile") == "Dino 200x"


def test_a_profile_learns_its_vessel_width_from_a_folder_of_its_images(qtbot, window, tmp_path, dialogs,
                                                                                       monkeypatch):
    """Model > Microscopes…, Learn vessel width…: the median of the folder's estimates is shown
    and kept with the profile (whose images core then brings to the model's scale with it)."""
    from capseg_desktop.core.imageio import list_images, read_image
    from capseg_desktop.core.scale import estimate_limb_width_px, median_limb_width
    from capseg_desktop.gui.scale.profiles import ProfilesDialog

    folder = tmp_path / "scope"
    for index in range(4):
        write_capillary_image(folder / f"img_{index}.png", loops=3 + index)
    expected = median_limb_width([estimate_limb_width_px(read_image(p).rgb) for p in list_images(folder)])
    save_profiles([Profile("Dino x200", 1.6, 200.0)])
    window.calibration.profiles = load_profiles()
    window.calibration.fill()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder)))
    seen = {}

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog) and w.isVisible())
        assert not dialog.learn_button.isEnabled()  # nothing chosen yet
        dialog.table.selectRow(0)
        QTest.mouseClick(dialog.learn_button, LEFT)
        seen["cell"] = dialog.table.item(0, 3).text()
        dialog.accept()

    QTimer.singleShot(100, drive)
    window.actions_by_id["microscopes"].trigger()
    (profile,) = load_profiles()
    assert profile.limb_width_px == pytest.approx(expected, abs=0.05)
    from capseg_desktop.gui.widgets.tables import shown

    assert seen["cell"] == f"limbs {shown(expected)} px"


def test_editing_a_profile_keeps_its_model_and_deleting_one_removes_its_model(qtbot, window, tmp_path, dialogs):
    """A profile saved by the command line while the window runs (capseg adapt --keep) keeps its
    own model and learnt scale through an edit in Model > Microscopes…; a deleted profile's
    model folder goes with it."""
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from capseg_desktop.core.calibration import ProfileModel, profiles_path
    from capseg_desktop.gui.scale.profiles import ProfileDialog, ProfilesDialog

    folder = profiles_path().parent / "models" / "microscopes" / "old" / "m1"
    folder.mkdir(parents=True)
    (folder / "m1.tflite").write_bytes(b"tflite")
    record = ProfileModel(file="models/microscopes/old/m1/m1.tflite", sha256="0" * 64, base_name="capseg_unet")
    window.calibration.profiles = []  # what the window read at start: nothing yet
    save_profiles([replace(Profile("Dino x200", 1.6, 200.0), limb_width_px=6.5, model=record),
                   replace(Profile("Old scope", 2.0), model=record)])

    def fill_child() -> None:
        child = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog) and w.isVisible())
        child.um_per_px.setValue(1.55)
        child.accept()

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog) and w.isVisible())
        dialog.table.selectRow(0)
        QTimer.singleShot(50, fill_child)
        QTest.mouseClick(dialog.edit_button, LEFT)
        dialog.accept()

    QTimer.singleShot(100, drive)
    window.actions_by_id["microscopes"].trigger()
    (dino, old) = load_profiles()
    assert (dino.um_per_px, dino.limb_width_px, dino.model) == (1.55, 6.5, record)
    assert folder.is_dir()  # still recorded by a profile

    def delete_both() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog) and w.isVisible())
        dialogs.answer = QMessageBox.StandardButton.Yes
        for _ in range(2):
            dialog.table.selectRow(0)
            QTest.mouseClick(dialog.delete_button, LEFT)
        dialog.accept()

    QTimer.singleShot(100, delete_both)
    window.actions_by_id["microscopes"].trigger()
    assert load_profiles() == [] and not folder.exists()


def test_a_damaged_profiles_file_is_said_and_the_window_works_without_profiles(qtbot, make_window, stub_session, dialogs, tmp_path):
    path = tmp_path / "app-data" / "microscopes.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = make_window(stub_session)
    assert window.calibration.combo.count() == 1 and window.calibration.combo.currentText() == "No scale"
    assert "damaged" in window.calibration.load_problem
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=2))
    assert window.calibration.status_label.text() == "No scale (px)"


def test_a_scale_set_for_one_image_does_not_follow_to_a_batch_row(qtbot, window, tmp_path):
    save_profiles([Profile("Videocap 200x", 1.0)])
    window.calibration.profiles = load_profiles()
    window.calibration.fill()
    window.calibration.combo.setCurrentIndex(1)
    folder = tmp_path / "folder"
    for name, loops in (("a.png", 3), ("b.png", 4)):
        write_capillary_image(folder / name, loops=loops)
    with qtbot.waitSignal(window.batch_finished, timeout=20_000):
        window.open_folder(folder)
    window.show_batch_item(0)
    qtbot.waitUntil(lambda: window.analysis is not None and window.image_path.name == "a.png", timeout=5000)
    window.count_panel.um_per_px.setValue(2.5)  # for a.png only
    window.count_panel.flush()
    assert window.analysis.result.calibration.source == "set for this image"
    batch = window.batch
    batch.flush()
    # The list follows: a.png's row at its own scale, b.png's still at the profile's (it was
    # recounted at 2.5 µm/px too, with the densities and warnings of the wrong scale).
    assert batch.rows[0].result.um_per_px == pytest.approx(2.5)
    assert batch.rows[1].result.um_per_px == pytest.approx(1.0)
    window.show_batch_item(1)
    qtbot.waitUntil(lambda: window.image_path.name == "b.png" and window.analysis.result.um_per_px == pytest.approx(1.0), timeout=5000)
    assert window.analysis.result.calibration.profile == "Videocap 200x"
    assert window.count_panel.scale_source.text() == "1 µm/px from profile 'Videocap 200x'"
    # The list's density is the panel's (the distal row's), not all capillaries over the width.
    shown = window.count_panel.density_label.text().split()[0]
    assert window.batch_panel.table.item(1, 2).text() == shown
    assert float(shown) == pytest.approx(window.analysis.result.distal_density_per_mm, abs=0.05)


def test_the_wheel_over_the_microscope_combo_or_the_exam_fields_changes_nothing_until_clicked(qtbot, make_window, stub_session, dialogs):
    from capseg_desktop.core.calibration import Profile, save_profiles
    from capseg_desktop.gui.exam.dialog import ExamDetailsDialog

    from .test_parameters_guarded import wheel

    profiles = [Profile("Videocap 200x", 1.5), Profile("Dino 50x", 4.0)]
    save_profiles(profiles)
    window = make_window(stub_session)
    combo = window.calibration.combo
    combo.setCurrentIndex(combo.findText("Videocap 200x", Qt.MatchFlag.MatchStartsWith))
    chosen = combo.currentText()
    wheel(combo, 2)
    wheel(combo, -2)
    assert combo.currentText() == chosen  # the image keeps its scale

    dialog = ExamDetailsDialog(window, profiles=profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.patient.setFocus()
    before = (dialog.date.date(), dialog.profile.currentIndex(), dialog.scale.value())
    for field in (dialog.date, dialog.profile, dialog.scale):
        wheel(field, 2)
    assert (dialog.date.date(), dialog.profile.currentIndex(), dialog.scale.value()) == before
    dialog.activateWindow()
    dialog.profile.setFocus()  # clicked or tabbed to: then the wheel is the user's
    qtbot.waitUntil(dialog.profile.hasFocus, timeout=3000)
    wheel(dialog.profile, -1)
    assert dialog.profile.currentIndex() != before[1]


@pytest.mark.parametrize("lang, typed", [("en", "1,5"), ("en", "1.5"), ("fr", "1,5"), ("fr", "1.5")])
def test_either_decimal_separator_types_the_same_scale(qtbot, lang, typed):
    """Qt read the other language's decimal separator as a thousands separator: "1,5" typed in
    an English window was 15 µm per pixel (every loop giant, without a word)."""
    from PySide6.QtCore import QLocale

    from capseg_desktop.gui.scale.profiles import ProfileDialog
    from capseg_desktop.i18n_qt import install_language

    install_language(lang)
    try:
        dialog = ProfileDialog(None)
        qtbot.addWidget(dialog)
        assert dialog.um_per_px.locale().decimalPoint() == QLocale().decimalPoint()
        dialog.um_per_px.lineEdit().selectAll()
        QTest.keyClicks(dialog.um_per_px, typed)
        QTest.keyClick(dialog.um_per_px, Qt.Key.Key_Tab)
        assert dialog.um_per_px.value() == pytest.approx(1.5)
    finally:
        install_language("en")


def test_the_count_panels_scale_takes_a_comma_in_english(qtbot, window, tmp_path):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)
    open_and_wait(qtbot, window, image)
    box = window.count_panel.um_per_px
    qtbot.mouseClick(box, LEFT)
    box.lineEdit().selectAll()
    QTest.keyClicks(box, "1,2")
    QTest.keyClick(box, Qt.Key.Key_Return)
    window.count_panel.flush()
    assert window.count_panel.scale_um_per_px() == pytest.approx(1.2)


def test_a_new_profile_needs_a_typed_scale(qtbot):
    """A name and OK used to save 1.0 µm/px, a scale nobody measured."""
    from capseg_desktop.gui.scale.profiles import ProfileDialog

    dialog = ProfileDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.um_per_px.text() == "type the scale"
    QTest.keyClicks(dialog.name, "Videocap 200x")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "scale" in dialog.problem.text()
    dialog.um_per_px.setValue(1.25)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.profile().um_per_px == 1.25


def test_choosing_a_microscope_with_its_own_model_counts_with_that_model(qtbot, window, dialogs):
    """A profile that owns a model (capseg adapt --keep, an imported profile): choosing it in the
    toolbar loads its model; choosing a microscope without one goes back to the bundled model; a
    model file altered since it was kept is refused with a sentence."""
    from dataclasses import replace

    from capseg_desktop.core.calibration import ProfileModel, profiles_path
    from capseg_desktop.core.model import file_sha256
    from capseg_desktop.core.paths import default_model_path

    from .conftest import make_stub_session

    if default_model_path() is None:
        pytest.skip("the bundled model is not in models/")
    window.models.loader = lambda path: replace(make_stub_session(), path=Path(path))
    own = profiles_path().parent / "models" / "microscopes" / "green" / "m1" / "m1.tflite"
    own.parent.mkdir(parents=True)
    own.write_bytes(b"a microscope's own model")
    record = ProfileModel(file="models/microscopes/green/m1/m1.tflite", sha256=file_sha256(own))
    save_profiles([replace(Profile("Green scope", 1.2), model=record), Profile("Plain scope", 1.6),
                   replace(Profile("Altered", 1.0), model=replace(record, sha256="0" * 64))])
    scale = window.calibration
    scale.profiles = load_profiles()
    scale.fill()

    scale.choose(scale.profiles[0])
    qtbot.waitUntil(lambda: Path(window.session.path) == own, timeout=5000)
    scale.choose(scale.profiles[1])
    qtbot.waitUntil(lambda: Path(window.session.path) == default_model_path(), timeout=5000)
    scale.choose(scale.profiles[2])
    assert Path(window.session.path) == default_model_path()
    assert "changed since it was kept" in window.last_error  # the sentence the window showed


def test_a_microscope_exported_then_imported_comes_back_with_its_model_and_is_chosen(qtbot, window, dialogs, tmp_path, monkeypatch):
    """Model > Export microscope… writes one file; Model > Import microscope… on another
    workstation (here: after the profile is gone) adds it back with its model and chooses it;
    importing over an existing one asks first."""
    from dataclasses import replace

    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from capseg_desktop.core.calibration import ProfileModel, profiles_path
    from capseg_desktop.core.model import file_sha256

    from .conftest import make_stub_session

    window.models.loader = lambda path: replace(make_stub_session(), path=Path(path))
    own = profiles_path().parent / "models" / "microscopes" / "green" / "m1" / "m1.tflite"
    own.parent.mkdir(parents=True)
    own.write_bytes(b"a microscope's own model")
    record = ProfileModel(file="models/microscopes/green/m1/m1.tflite", sha256=file_sha256(own))
    save_profiles([replace(Profile("Green scope", 1.2), model=record)])
    scale = window.calibration
    scale.profiles = load_profiles()
    scale.fill()

    target = tmp_path / "out" / "Green scope.capseg-microscope"
    target.parent.mkdir()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Green scope", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_id["export_microscope"].trigger()
    assert target.is_file() and "exported" in window.status_label.text()

    save_profiles([])  # another workstation: no such microscope yet
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_id["import_microscope"].trigger()
    (imported,) = load_profiles()
    assert imported.name == "Green scope" and imported.model is not None and imported.model.sha256 == record.sha256
    assert scale.profile is not None and scale.profile.name == "Green scope"
    qtbot.waitUntil(lambda: Path(window.session.path).name == "m1.tflite", timeout=5000)

    dialogs.answer = QMessageBox.StandardButton.No  # importing it again asks, and No keeps the one there
    window.actions_by_id["import_microscope"].trigger()
    assert any("already a microscope named" in t for t in dialogs.texts("question"))
    assert len(load_profiles()) == 1


def test_an_accepted_fine_tuned_model_can_be_kept_with_the_chosen_microscope(qtbot, window, dialogs, tmp_path):
    """After fine-tuning, with a microscope chosen: Yes keeps the model with that microscope
    (recorded in its profile, loaded now and whenever it is chosen); No leaves the profile as it was."""
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from .conftest import make_stub_session

    window.models.loader = lambda path: replace(make_stub_session(), path=Path(path))
    window.finetune.models_root = tmp_path / "user-models"
    window.finetune.models_root.mkdir()
    save_profiles([Profile("Green scope", 1.2)])
    scale = window.calibration
    scale.reload(select="Green scope")

    def finished_run(name: str) -> Path:
        out = tmp_path / "staging" / name
        out.mkdir(parents=True)
        (out / f"{name}.tflite").write_bytes(name.encode())
        return out

    dialogs.answer = QMessageBox.StandardButton.No
    window.finetune.accept_model(finished_run("run1"), {"tflite": "run1.tflite"})
    assert load_profiles()[0].model is None
    qtbot.waitUntil(lambda: Path(window.session.path).name == "run1.tflite", timeout=5000)

    dialogs.answer = QMessageBox.StandardButton.Yes
    window.finetune.accept_model(finished_run("run2"), {"tflite": "run2.tflite"})
    (profile,) = load_profiles()
    assert profile.model is not None and profile.model.file.endswith("run2.tflite")
    assert "Green scope" in dialogs.texts("question")[-1]
    qtbot.waitUntil(lambda: Path(window.session.path).name == "run2.tflite" and "microscopes" in str(window.session.path),
                    timeout=5000)
