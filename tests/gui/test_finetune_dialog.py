"""Model > Fine-tune on corrected images… with a fake ``capseg finetune`` (a small script that
prints the JSON lines), so no TensorFlow is needed: progress, Cancel, Use this model switches
the window to it, Discard deletes it; File > Export training data; Model > User models."""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from capseg_desktop.core.corrections import (
    Corrections, apply_edits, capillaries_from_labels, encode_rle, image_sha256, save_corrections,
)
from capseg_desktop.core.counting import CountingParams

from .conftest import write_capillary_image

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "models" / "capseg_unet.tflite"

FAKE = r'''
import json, os, shutil, signal, sys, time
args = sys.argv[1:]
out = args[args.index("--out") + 1]
epochs, pause = int(os.environ.get("FAKE_EPOCHS", "4")), float(os.environ.get("FAKE_PAUSE", "0.1"))
if os.environ.get("FAKE_IGNORE_TERM"):  # a child SIGTERM cannot reach (a console program on Windows)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.makedirs(os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".finetune-partial-" + str(os.getpid())))
else:
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(130))
def say(**event):
    print(json.dumps(event), flush=True)
say(event="start", images=3, validation=["b.png"], epochs=epochs)
for epoch in range(1, epochs + 1):
    time.sleep(pause)
    say(event="epoch", epoch=epoch, epochs=epochs, loss=0.5 / epoch, val_loss=0.6 / epoch, eta_s=(epochs - epoch) * pause)
say(event="scores", before={"f1": 0.41, "count_error": 3.5}, after={"f1": 0.87, "count_error": 0.5})
temp = out + ".partial"
os.makedirs(temp)
name = os.path.basename(out)
shutil.copy(os.environ["FAKE_MODEL"], os.path.join(temp, name + ".tflite"))
with open(os.path.join(temp, "model_card.json"), "w") as f:
    json.dump({"name": name, "files": {name + ".tflite": {}}}, f)
os.rename(temp, out)
say(event="done", out=out, keras=os.path.join(out, name + ".keras"), tflite=os.path.join(out, name + ".tflite"),
    card=os.path.join(out, "model_card.json"))
'''


def _corrected(folder: Path, names: list[str]) -> None:
    """Images with sidecars as the window saves them (the drawn loops as the corrected result)."""
    for name in names:
        image = write_capillary_image(folder / name, loops=3, size=(480, 160))
        labels = np.zeros((160, 480), np.int32)
        for k in range(3):
            labels[40:120, 60 + k * 110: 90 + k * 110] = k + 1
        labels, _ = apply_edits(labels, [])
        capillaries = capillaries_from_labels(labels)
        save_corrections(image, Corrections(
            image_name=image.name, image_sha256=image_sha256(image), width=480, height=160, model_name="stub",
            model_sha256="5" * 64, params=CountingParams(), um_per_px=None, model_count=3, edits=[],
            saved="2026-01-01T00:00:00+00:00", capillaries=capillaries,
            labels_rle=[encode_rle(labels == c.id) for c in capillaries]))


@pytest.fixture
def setup(window, tmp_path, monkeypatch):
    if not BUNDLED.is_file():
        pytest.skip("no bundled model")
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "fallback"))
    monkeypatch.setenv("FAKE_MODEL", str(BUNDLED))
    script = tmp_path / "fake_finetune.py"
    script.write_text(FAKE)
    folder = tmp_path / "mine"
    _corrected(folder, ["a.png", "b.png", "c.png"])
    # The stub model, as if it were the bundled one: its Keras twin is the base.
    window.models.use_session(dataclasses.replace(window.session, path=BUNDLED))
    controller = window.finetune
    controller.models_root = tmp_path / "user_models"
    calls = []

    def fake(images, base, out):
        calls.append((images, base, out))
        return sys.executable, [str(script), "--images", str(images), "--corrections", "--base", str(base),
                                "--out", str(out), "--progress", "json"]

    controller.command = fake
    return {"folder": folder, "controller": controller, "calls": calls, "root": tmp_path / "user_models"}


def _open(qtbot, setup):
    setup["controller"].open_dialog(setup["folder"])
    dialog = setup["controller"].dialog
    qtbot.waitExposed(dialog)
    return dialog


def _bundled_hash() -> str:
    return hashlib.sha256(BUNDLED.read_bytes()).hexdigest()


def test_progress_scores_and_use_this_model_switches_the_window(qtbot, window, setup):
    bundled_before = _bundled_hash()
    dialog = _open(qtbot, setup)
    assert "3 corrected image(s) found" in dialog.intro.text() and "capseg_unet.keras" in dialog.intro.text()
    assert dialog.start_button.isEnabled()

    # The window stays responsive while it runs: the longest gap between 10 ms ticks.
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    seen = []
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    dialog.runner.event.connect(lambda event: seen.append((event["event"], dialog.progress.value(), dialog.progress.maximum())))
    qtbot.waitUntil(lambda: dialog.state == "finished", timeout=20000)
    timer.stop()
    assert max(gaps) < 0.1, f"event loop stalled {max(gaps) * 1000:.0f} ms"
    assert ("epoch", 2, 4) in seen and ("epoch", 4, 4) in seen
    assert dialog.score_labels[("f1", "before")].text() == "0.410"
    assert dialog.score_labels[("f1", "after")].text() == "0.870"
    assert dialog.score_labels[("count_error", "after")].text() == "0.50"
    assert "better" in dialog.verdict.text()
    images, base, out = setup["calls"][0]
    assert images == setup["folder"] and base == BUNDLED.with_suffix(".keras")
    assert out.parent == setup["root"] / ".staging" and out.is_dir()

    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    target = setup["root"] / out.name / f"{out.name}.tflite"
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == target, timeout=10000)
    assert not out.exists()
    assert _bundled_hash() == bundled_before  # the bundled model is never overwritten

    # Model > User models lists it.
    controller = setup["controller"]
    controller.fill_user_menu()
    texts = [a.text() for a in controller.user_menu.actions()]
    assert f"&1 {out.name}" in texts


def test_cancel_stops_the_process_and_keeps_nothing(qtbot, window, setup, monkeypatch):
    monkeypatch.setenv("FAKE_EPOCHS", "200")
    monkeypatch.setenv("FAKE_PAUSE", "0.05")
    dialog = _open(qtbot, setup)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=20000)
    assert "left" in dialog.status.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "stopped", timeout=10000)
    assert "nothing was saved" in dialog.status.text()
    assert list((setup["root"] / ".staging").iterdir()) == []
    assert [p.name for p in setup["root"].iterdir()] == [".staging"]
    assert window.session.path == BUNDLED


def test_a_child_that_ignores_the_stop_is_killed_and_its_files_removed(qtbot, window, setup, monkeypatch):
    from capseg_desktop.gui.finetune import process as finetune_process

    monkeypatch.setattr(finetune_process, "KILL_AFTER_MS", 300)
    monkeypatch.setenv("FAKE_EPOCHS", "200")
    monkeypatch.setenv("FAKE_PAUSE", "0.05")
    monkeypatch.setenv("FAKE_IGNORE_TERM", "1")
    dialog = _open(qtbot, setup)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=20000)
    assert len(list((setup["root"] / ".staging").iterdir())) == 1  # the child's temporary folder
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "stopped", timeout=10000)
    assert list((setup["root"] / ".staging").iterdir()) == []


def test_discard_deletes_the_new_model(qtbot, window, setup):
    dialog = _open(qtbot, setup)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "finished", timeout=20000)
    out = setup["calls"][0][2]
    assert out.is_dir()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert not out.exists() and dialog.state == "discarded"
    assert window.session.path == BUNDLED


def test_too_few_corrected_images_cannot_start(qtbot, window, setup, tmp_path):
    few = tmp_path / "few"
    _corrected(few, ["x.png", "y.png"])
    write_capillary_image(few / "z.png")  # not corrected
    setup["controller"].open_dialog(few)
    dialog = setup["controller"].dialog
    assert "2 corrected image(s) found" in dialog.intro.text() and "at least 3" in dialog.intro.text()
    assert not dialog.start_button.isEnabled()


def test_without_the_training_add_on_the_window_says_how_to_get_it(qtbot, window, setup, dialogs, monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorflow", None)  # as in the app installed without the add-on
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    setup["controller"].open_dialog(setup["folder"])
    assert setup["controller"].dialog is None
    kind, title, text = dialogs.shown[-1]
    assert kind == "information" and "install capseg-desktop-training" in text
    assert not setup["calls"]


def test_export_training_data_says_how_many_and_where(qtbot, window, setup, dialogs, tmp_path):
    out = tmp_path / "training"
    setup["controller"].run_export(setup["folder"], out)
    qtbot.waitUntil(lambda: bool(dialogs.texts("information")), timeout=10000)
    text = dialogs.texts("information")[-1]
    assert text.startswith("Wrote 3 corrected image(s)") and str(out) in text
    assert sorted(p.name for p in (out / "masks").iterdir()) == ["a_mask.png", "b_mask.png", "c_mask.png"]
    assert (out / "points.json").is_file()


def test_quitting_while_it_runs_stops_the_child_and_keeps_nothing(qtbot, window, setup, monkeypatch):
    monkeypatch.setenv("FAKE_EPOCHS", "200")
    monkeypatch.setenv("FAKE_PAUSE", "0.05")
    dialog = _open(qtbot, setup)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=20000)
    setup["controller"].shutdown()  # what QApplication.aboutToQuit calls
    assert not dialog.runner.running()
    assert list((setup["root"] / ".staging").iterdir()) == []


def test_adapt_to_this_microscope_from_a_new_folder_to_counts_by_its_own_model(qtbot, window, setup, dialogs, tmp_path):
    """Model > Adapt to this microscope…, end to end: images proposed from an unknown
    microscope's folder, three reviewed in the main window with the review keys, fine-tuned
    (a fake capseg finetune), the model kept with the microscope, and the window counting with it."""
    from PySide6.QtWidgets import QMessageBox

    from capseg_desktop.core.calibration import Profile, load_profiles, save_profiles

    from .test_editing import key, wait_saved

    folder = tmp_path / "new_scope"
    for index in range(12):
        write_capillary_image(folder / f"img_{index:02d}.png", loops=3 + index % 3)
    save_profiles([Profile("New scope", 1.1)])
    window.calibration.reload()
    window.actions_by_id["adapt"].trigger()  # opened from the menu, then pointed at the folder
    dialog = setup["controller"].adapt_dialog
    qtbot.waitExposed(dialog)
    dialog.propose(folder)
    assert 8 <= len(dialog.proposed) <= 12 and len(set(dialog.proposed)) == len(dialog.proposed)
    assert dialog.progress.text() == f"0 of {len(dialog.proposed)} reviewed"
    assert not dialog.finetune_button.isEnabled()

    for done in range(1, 4):  # Review next, N to the first box, X takes it out: saved at once
        qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
        image = dialog.proposed[done - 1]
        qtbot.waitUntil(lambda image=image: window.analysis is not None and window.image_path == image, timeout=10000)
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # the main window has the keyboard
        count = window.analysis.result.count
        key(window, Qt.Key.Key_N)
        key(window, Qt.Key.Key_X)
        wait_saved(qtbot, window, image, count - 1)
        dialog.refresh()
        assert dialog.progress.text() == f"{done} of {len(dialog.proposed)} reviewed"
    assert dialog.finetune_button.isEnabled()

    qtbot.mouseClick(dialog.finetune_button, Qt.MouseButton.LeftButton)
    assert window.calibration.profile is not None and window.calibration.profile.name == "New scope"
    finetune = setup["controller"].dialog
    qtbot.waitExposed(finetune)
    assert setup["calls"] == [] and "corrected image(s) found" in finetune.intro.text()
    qtbot.mouseClick(finetune.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finetune.state == "finished", timeout=20000)
    assert setup["calls"][0][0] == folder
    dialogs.answer = QMessageBox.StandardButton.Yes  # keep it with New scope
    qtbot.mouseClick(finetune.accept_button, Qt.MouseButton.LeftButton)
    (profile,) = load_profiles()
    assert profile.model is not None
    qtbot.waitUntil(lambda: window.session is not None and "microscopes" in str(window.session.path), timeout=10000)
    assert window.session.sha256 == profile.model.sha256


def test_review_next_chooses_the_microscope_and_goes_past_an_image_left_as_it_was(qtbot, window, setup, tmp_path):
    """Review next counts with the microscope chosen in the dialog (its scale in the toolbar),
    and an image that needed no correction (so no corrections file) does not block the way:
    the next click opens the following image, not the same one again."""
    from capseg_desktop.core.calibration import Profile, save_profiles

    folder = tmp_path / "new_scope"
    for index in range(10):
        write_capillary_image(folder / f"img_{index:02d}.png", loops=3 + index % 3)
    save_profiles([Profile("Blue scope", 1.2)])
    window.calibration.reload()
    assert window.calibration.profile is None
    window.actions_by_id["adapt"].trigger()
    dialog = setup["controller"].adapt_dialog
    qtbot.waitExposed(dialog)
    dialog.propose(folder)

    opened = []
    for _ in range(3):
        qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.analysis is not None and window.image_path not in opened, timeout=10000)
        opened.append(window.image_path)
    assert opened == dialog.proposed[:3]
    assert window.calibration.profile is not None and window.calibration.profile.name == "Blue scope"
    assert window.count_panel.scale_um_per_px() == pytest.approx(1.2)
    assert dialog.progress.text() == f"0 of {len(dialog.proposed)} reviewed"


def test_a_new_microscope_is_added_from_the_adapt_dialog_and_chosen_in_it(qtbot, window, setup, tmp_path):
    """With no profile yet the dialog says to add the microscope first, and its Microscopes…
    button opens Model > Microscopes…: the profile added there is the one chosen in the dialog,
    and the fine-tuning can then start."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from capseg_desktop.core.calibration import load_profiles
    from capseg_desktop.gui.scale.profiles import ProfileDialog, ProfilesDialog

    window.calibration.reload()
    assert window.calibration.profiles == []
    window.actions_by_id["adapt"].trigger()
    dialog = setup["controller"].adapt_dialog
    qtbot.waitExposed(dialog)
    dialog.propose(setup["folder"])  # three images corrected already
    assert dialog.microscope.count() == 0
    assert dialog.progress.text().startswith("Add this microscope first")
    assert not dialog.finetune_button.isEnabled()

    def fill_child() -> None:
        child = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog) and w.isVisible())
        QTest.keyClicks(child.name, "Blue scope")
        child.um_per_px.setValue(1.2)
        child.accept()

    def drive() -> None:
        profiles = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog) and w.isVisible())
        QTimer.singleShot(50, fill_child)
        QTest.mouseClick(profiles.add_button, Qt.MouseButton.LeftButton)
        profiles.accept()

    QTimer.singleShot(100, drive)
    qtbot.mouseClick(dialog.findChild(type(dialog.review_button), "adapt_profiles"), Qt.MouseButton.LeftButton)
    assert [p.name for p in load_profiles()] == ["Blue scope"]
    assert dialog.microscope.currentText() == "Blue scope"
    assert dialog.progress.text() == f"3 of {len(dialog.proposed)} reviewed"
    assert dialog.finetune_button.isEnabled()
