"""The fine-tuning's parts that no dialog needs to know the controller for: the user models'
folder, the corrected images found, the ``capseg finetune`` command and its child process, and
the export of training data. ``FinetuneController`` and ``FinetuneDialog`` both use them (the
dialog used to import them from the controller, which imports the dialog)."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QStandardPaths, QTimer, Signal

from ..background.tasks import Task

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
    from ...core.paths import app_data_dir

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
    from ...core.corrections import CorrectionsError, default_fallback_dir, load_corrections
    from ...core.imageio import list_images

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
        from ...core.corrections import default_fallback_dir, export_training_data

        problems: list[str] = []
        files = export_training_data(self.folder, self.out_dir, default_fallback_dir(), problems=problems)
        images = sum(1 for f in files if Path(f).parent.name == "images")
        self.written.emit(images, problems)
