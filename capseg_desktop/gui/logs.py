"""The log file in the user's application-data folder, and the last-resort exception hook:
an uncaught exception is written to the log and shown in a dialog, never a silent exit."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QStandardPaths, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOG_FILE_NAME = "capseg-desktop.log"
#: A folder for the log instead of the application-data folder (tests).
LOG_DIR_ENV = "CAPSEG_LOG_DIR"

log = logging.getLogger("capseg_desktop.gui")
_log_path: Path | None = None


def default_log_folder() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".capseg-desktop"


def process_age_ms() -> float | None:
    """Milliseconds since this process started (Linux), to log the launch-to-window time."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            now_s = float(uptime.read().split()[0])
        return (now_s - int(fields[19]) / os.sysconf("SC_CLK_TCK")) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def configure_logging(folder: str | Path | None = None) -> Path | None:
    """Send the application's log records to a rotating file; returns its path (or ``None``
    when the folder cannot be written, in which case the log goes to stderr only)."""
    global _log_path
    root = logging.getLogger("capseg_desktop")
    root.setLevel(logging.INFO)
    folder = Path(folder) if folder else default_log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        path = None
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in [h for h in root.handlers if getattr(h, "_capseg", False)]:
        root.removeHandler(old)
        old.close()
    handler._capseg = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _log_path = path
    return path


def log_path() -> Path | None:
    return _log_path


def where_details_are() -> str:
    return QCoreApplication.translate("Logs", "The details are in the log file %1.").replace("%1", str(_log_path)) if _log_path else ""


def make_excepthook(
    parent: Callable[[], QWidget | None] = lambda: None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """An ``sys.excepthook`` that logs the traceback and shows one sentence in a dialog."""

    def hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("Uncaught exception:\n%s", text)
        sys.stderr.write(text)
        if QApplication.instance() is None:
            return
        sentence = str(error) or kind.__name__
        QMessageBox.critical(
            parent(),
            QCoreApplication.translate("Logs", "Unexpected error"),
            (QCoreApplication.translate("Logs", "Something went wrong: %1").replace("%1", sentence) + "\n"
             + QCoreApplication.translate("Logs", "CapSeg is still running.") + " " + where_details_are()).strip(),
        )

    return hook


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # The offscreen platform (screenshots, CI) warns about window hints it cannot honour;
    # that is not news for a user's terminal.
    if "propagateSizeHints" in message:
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("capseg_desktop.qt").log(level, "%s", message)


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file instead of the terminal."""
    qInstallMessageHandler(_qt_message)
