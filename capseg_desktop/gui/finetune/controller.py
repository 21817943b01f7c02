"""Teaching the model from the user's corrections, seen from the window.

``Model > Fine-tune on corrected images…`` runs ``capseg finetune … --corrections --progress
json`` as a separate process (the window never imports TensorFlow or the training tools) and
reads its JSON lines; Cancel sends it SIGTERM, which stops it cleanly with nothing written.
The new model waits in a staging folder of the application-data models folder until the user
accepts it (moved to ``models/<name>-<timestamp>/`` and loaded) or discards it (deleted). The
bundled model is never touched. ``Model > User models`` lists the accepted ones, and
``File > Export training data…`` writes the corrected images as the training tools read them.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..background.handles import FINAL, TaskLane
from .process import STAGING, ExportTrainingDataTask, corrected_images, finetune_command, keras_base_for, user_models, user_models_dir
from ...core.model import tensorflow_missing

if TYPE_CHECKING:
    from ..hosts import FinetuneHost

log = logging.getLogger("capseg_desktop.gui.finetune")

class FinetuneController(QObject):
    """The window's fine-tuning, user-model and training-data commands."""

    #: A model was accepted (its .tflite), before the window loads it.
    accepted = Signal(object)

    def __init__(self, window: FinetuneHost) -> None:
        super().__init__(window)
        self.window = window
        self.models_root: Path | None = None  # None: user_models_dir(); tests point it elsewhere
        #: (program, args) maker; tests replace it with a fake command.
        self.command = finetune_command
        self.dialog: Any = None
        self.adapt_dialog: Any = None
        self.user_menu: QMenu | None = None
        self.export_lane = TaskLane(window.queue, ExportTrainingDataTask.kind, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self) -> None:
        """Quitting while it runs: stop the child cleanly (it exits within a batch) and keep
        nothing of the run."""
        dialog = self.dialog
        runner = getattr(dialog, "runner", None)
        if runner is None or not runner.running():
            return
        runner.cancelled = True
        runner.process.terminate()
        if not runner.process.waitForFinished(10_000):
            runner.process.kill()
            runner.process.waitForFinished(5_000)
        if dialog.out is not None:
            self.discard_model(dialog.out)

    def root(self) -> Path:
        return self.models_root or user_models_dir()

    # Menus ------------------------------------------------------------------------------
    def install(self, menus: dict[str, QMenu]) -> None:
        """``Model > User models``: the accepted models, filled when it opens."""
        model_menu = menus.get("&Model")
        if model_menu is None:
            return
        self.user_menu = QMenu(self.tr("&User models"), model_menu)
        self.user_menu.setObjectName("user_models_menu")
        model_menu.insertMenu(self.window.actions_by_id["model_info"], self.user_menu)
        self.user_menu.aboutToShow.connect(self.fill_user_menu)

    def fill_user_menu(self) -> None:
        menu = self.user_menu
        if menu is None:
            return
        menu.clear()
        models = user_models(self.root())
        if not models:
            empty = menu.addAction(self.tr("No fine-tuned models yet"))
            empty.setEnabled(False)
        for number, path in enumerate(models[:9], start=1):
            action = QAction(f"&{number} {path.parent.name}", menu)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.window.models.load_model(path))
            menu.addAction(action)
        menu.addSeparator()
        folder = menu.addAction(self.tr("Load from the user models folder…"))
        folder.triggered.connect(self.load_user_model_dialog)

    def load_user_model_dialog(self) -> None:
        from ..widgets.file_filters import model_filter

        root = self.root()
        start = root if root.is_dir() else Path.home()
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load model"), str(start), model_filter())
        if path:
            self.window.models.load_model(Path(path))

    # Fine-tuning --------------------------------------------------------------------------
    def default_folder(self) -> Path | None:
        path = self.window.image_path
        return Path(path).parent if path is not None else None

    def open_adapt(self, folder: Path | None = None) -> Any:
        """Model > Adapt to this microscope…: the guided flow (``adapt.py``), not modal."""
        from .adapt import AdaptDialog

        self.adapt_dialog = AdaptDialog(self, folder or self.default_folder())
        self.adapt_dialog.show()
        return self.adapt_dialog

    def open_dialog(self, folder: Path | None = None) -> None:
        """Model > Fine-tune on corrected images…: choose the folder, then the dialog."""
        missing = tensorflow_missing()  # the installed app without its training add-on: say how to get it
        if missing:
            QMessageBox.information(self.window, self.tr("Fine-tune"), missing)
            return
        if folder is None:
            start = self.default_folder() or Path(self.window.settings.folder("open") or Path.home())
            chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Fine-tune on the corrected images of"), str(start))
            if not chosen:
                return
            folder = Path(chosen)
        session = self.window.session
        base = keras_base_for(session.path if session is not None else None)
        from .dialog import FinetuneDialog

        self.dialog = FinetuneDialog(self, folder, corrected_images(folder), base, self.window)
        self.dialog.setModal(True)
        self.dialog.show()

    def new_run_folder(self, base: Path) -> tuple[Path, str]:
        """A staging folder for the run's output, and the model's name."""
        name = f"{base.stem}-finetuned-{time.strftime('%Y%m%d-%H%M%S')}"
        staging = self.root() / STAGING
        staging.mkdir(parents=True, exist_ok=True)
        for old in staging.iterdir():  # left by a run the system killed, over a day ago
            try:
                if time.time() - old.stat().st_mtime > 86_400:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError:
                continue
        return staging / name, name

    def accept_model(self, out: Path, done: dict) -> Path:
        """Move the finished model out of the staging folder into the user models folder
        and switch the window to it. Returns its .tflite."""
        target = self.root() / out.name
        os.replace(out, target)
        tflite = target / Path(done.get("tflite") or f"{out.name}.tflite").name
        self.accepted.emit(tflite)
        if not self.keep_for_microscope(tflite):
            self.window.models.load_model(tflite)
        return tflite

    def keep_for_microscope(self, tflite: Path) -> bool:
        """With a microscope profile chosen, offer to keep the accepted model with it (loaded
        whenever that microscope is chosen, exported with it). True when kept (and loaded)."""
        from ...core.errors import CapSegError
        from ...core.microscope_models import keep_model

        scale = self.window.calibration
        profile = scale.profile
        if profile is None:
            return False
        answer = QMessageBox.question(
            self.dialog, self.tr("Use it for this microscope?"),
            self.tr("Keep this model with the microscope '%1'? It is then loaded whenever %1 is chosen, "
                    "and exported with it (Model > Export microscope…).").replace("%1", profile.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            updated = keep_model(profile.name, tflite)
        except CapSegError as exc:
            self.window.show_error(self.tr("Model not kept with the microscope"), str(exc))
            return False
        scale.reload(select=updated.name)
        return True

    def discard_model(self, out: Path) -> None:
        """Delete a run's output, and the temporary folder of a run that was killed."""
        shutil.rmtree(out, ignore_errors=True)
        for partial in out.parent.glob(f".{out.name}.finetune-partial-*"):
            shutil.rmtree(partial, ignore_errors=True)

    # Export training data ----------------------------------------------------------------
    def export_training_data(self) -> None:
        folder = self.default_folder()
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Export the corrected images of"), str(Path.home()))
            if not chosen:
                return
            folder = Path(chosen)
        start = self.window.settings.folder("training_export") or str(folder.parent)
        out = QFileDialog.getExistingDirectory(self.window, self.tr("Write the training data to"), start)
        if not out:
            return
        self.window.settings.set_folder("training_export", Path(out))
        self.run_export(folder, Path(out))

    def run_export(self, folder: Path, out: Path) -> ExportTrainingDataTask:
        """Export in a worker; the slots run on the GUI thread (through the lane's relays)."""
        task = ExportTrainingDataTask(folder, out)
        self.window.set_status(self.tr("Exporting the corrected images of {0}…").format(folder.name))
        self.export_lane.submit(task, [
            (task.written, lambda images, problems: self._exported(folder, out, images, problems), FINAL),
            (task.failed, lambda message, _detail: self.window.show_error(self.tr("Export training data"), message), FINAL),
        ])
        return task

    def _exported(self, folder: Path, out: Path, images: int, problems: list[str]) -> None:
        if images:
            text = self.tr("Wrote %n corrected image(s) of %1, their masks and points.json to %2.", "", images).replace(
                "%1", str(folder)).replace("%2", str(out))
        else:
            text = self.tr("No corrected images in {0}: correct a result first (the corrections are kept with the "
                           "image), then export.").format(folder)
        if problems:
            text += "\n\n" + self.tr("Left out:") + "\n" + "\n".join(problems)
        self.window.set_status(text.split("\n")[0])
        QMessageBox.information(self.window, self.tr("Export training data"), text)
