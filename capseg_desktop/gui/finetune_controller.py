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

import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..core.model import tensorflow_missing
from .handles import FINAL, TaskLane
from .tasks import Task

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger("capseg_desktop.gui.finetune")

MIN_IMAGES = 3
STAGING = ".staging"
#: After Cancel, the child has this long to stop after its batch before it is killed.
KILL_AFTER_MS = 30_000


def user_models_dir() -> Path:
    """``<application data>/models``: where accepted fine-tuned models live."""
    override = os.environ.get("CAPSEG_USER_MODELS_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if location:
        return Path(location) / "models"
    from ..core.paths import app_data_dir

    return app_data_dir() / "models"


def user_models(folder: Path | None = None) -> list[Path]:
    """The ``.tflite`` of every accepted model (one folder each), newest first."""
    folder = folder or user_models_dir()
    if not folder.is_dir():
        return []
    found = []
    for child in folder.iterdir():
        if child.is_dir() and not child.name.startswith("."):
            models = sorted(child.glob("*.tflite"))
            if models:
                found.append(models[0])
    return sorted(found, key=lambda p: p.parent.stat().st_mtime, reverse=True)


def corrected_images(folder: Path) -> list[Path]:
    """Images of ``folder`` with corrections saved (beside them or in the application-data
    folder) that belong to them."""
    from ..core.corrections import CorrectionsError, default_fallback_dir, load_corrections
    from ..core.imageio import list_images

    found = []
    try:
        images = list_images(folder)
    except OSError:
        return []
    fallback = default_fallback_dir()
    for image in images:
        try:
            if load_corrections(image, fallback, check_hash=False) is not None:
                found.append(image)
        except (CorrectionsError, OSError):
            continue
    return found


def keras_base_for(path: Path | None) -> Path | None:
    """The Keras file a model can be fine-tuned from: itself, or the ``.keras``/``.h5`` twin
    beside a ``.tflite`` (the bundled model ships one)."""
    if path is None:
        return None
    path = Path(path)
    if path.suffix.lower() in (".keras", ".h5"):
        return path if path.is_file() else None
    for suffix in (".keras", ".h5"):
        twin = path.with_suffix(suffix)
        if twin.is_file():
            return twin
    return None


def finetune_command(images: Path, base: Path, out: Path) -> tuple[str, list[str]]:
    """``capseg finetune`` through this very executable: the interpreter with ``-m
    capseg_desktop``, or the frozen app itself (its ``__main__`` runs the subcommand)."""
    args = ["finetune", "--images", str(images), "--corrections", "--base", str(base), "--out", str(out),
            "--progress", "json"]
    if getattr(sys, "frozen", False):
        return sys.executable, args
    return sys.executable, ["-m", "capseg_desktop", *args]


class FinetuneProcess(QObject):
    """One ``capseg finetune`` child process: its JSON lines as ``event``; ``finished`` with
    the exit code and, on failure, one sentence."""

    event = Signal(dict)
    finished = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.readyReadStandardError.connect(self._read_errors)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self._buffer = b""
        self._stderr_tail = b""
        self.error_message = ""
        self.cancelled = False
        self._done = False

    def start(self, program: str, args: list[str]) -> None:
        environment = self.process.processEnvironment()
        if environment.isEmpty():
            from PySide6.QtCore import QProcessEnvironment

            environment = QProcessEnvironment.systemEnvironment()
        environment.insert("TF_CPP_MIN_LOG_LEVEL", "2")
        environment.insert("PYTHONUNBUFFERED", "1")
        self.process.setProcessEnvironment(environment)
        log.info("Fine-tuning: %s %s", program, " ".join(args))
        self.process.start(program, args)

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        """A clean stop: SIGTERM (the command stops after the current batch, removes its
        temporary folder and exits 130). Where that cannot reach it (a console program on
        Windows) or it does not stop within ``KILL_AFTER_MS``, it is killed; the caller then
        removes what it left (see ``FinetuneController.discard_model``)."""
        if self.running():
            self.cancelled = True
            self.process.terminate()
            QTimer.singleShot(KILL_AFTER_MS, self, self.kill)

    def kill(self) -> None:
        if self.running():
            self.process.kill()

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            text = line.decode("utf-8", "replace").strip()
            if not text:
                continue
            try:
                event = json.loads(text)
            except ValueError:
                log.info("finetune: %s", text)
                continue
            if isinstance(event, dict) and "event" in event:
                if event["event"] == "error":
                    self.error_message = str(event.get("message", ""))
                self.event.emit(event)

    def _read_errors(self) -> None:
        chunk = bytes(self.process.readAllStandardError().data())
        self._stderr_tail = (self._stderr_tail + chunk)[-4000:]

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._done:
            return
        self._done = True
        self._read()
        if status == QProcess.ExitStatus.CrashExit and not self.cancelled:
            code = code or -1
        if code not in (0, 130) and not self.error_message:
            tail = self._stderr_tail.decode("utf-8", "replace").strip()
            log.warning("finetune exited %s: %s", code, tail)
            self.error_message = self.tr("The fine-tuning stopped unexpectedly (details in the log).")
        self.finished.emit(130 if self.cancelled and code != 0 else code, self.error_message)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._done:
            self._done = True
            self.error_message = self.tr("The fine-tuning could not be started ({0}).").format(self.process.errorString())
            self.finished.emit(-1, self.error_message)


class ExportTrainingDataTask(Task):
    kind = "export_training"
    written = Signal(int, list)  # images written, problems

    def __init__(self, folder: Path, out_dir: Path) -> None:
        super().__init__()
        self.folder, self.out_dir = folder, out_dir

    def execute(self) -> None:
        from ..core.corrections import default_fallback_dir, export_training_data

        problems: list[str] = []
        files = export_training_data(self.folder, self.out_dir, default_fallback_dir(), problems=problems)
        images = sum(1 for f in files if Path(f).parent.name == "images")
        self.written.emit(images, problems)


class FinetuneController(QObject):
    """The window's fine-tuning, user-model and training-data commands."""

    #: A model was accepted (its .tflite), before the window loads it.
    accepted = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.models_root: Path | None = None  # None: user_models_dir(); tests point it elsewhere
        #: (program, args) maker; tests replace it with a fake command.
        self.command = finetune_command
        self.dialog: Any = None
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
        from .model_controller import MODEL_FILTER

        root = self.root()
        start = root if root.is_dir() else Path.home()
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load model"), str(start), MODEL_FILTER)
        if path:
            self.window.models.load_model(Path(path))

    # Fine-tuning --------------------------------------------------------------------------
    def default_folder(self) -> Path | None:
        path = self.window.image_path
        return Path(path).parent if path is not None else None

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
        from .finetune_dialog import FinetuneDialog

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
        self.window.models.load_model(tflite)
        return tflite

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
        self.window._set_status(self.tr("Exporting the corrected images of {0}…").format(folder.name))
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
        self.window._set_status(text.split("\n")[0])
        QMessageBox.information(self.window, self.tr("Export training data"), text)
