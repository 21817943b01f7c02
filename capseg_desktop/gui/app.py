"""Starting the desktop app: ``capseg-desktop [IMAGE]`` and the screenshot mode
``capseg-desktop --screenshot OUT.png IMAGE`` (waits for the analysis, saves a picture of the
whole window, exits 0; non-zero with a message on failure)."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..core.i18n import LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("capseg_desktop.gui.app")

SCREENSHOT_TIMEOUT_S = 300.0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="capseg-desktop",
        description="CapSeg Desktop: count blood capillaries in nailfold capillaroscopy images.",
    )
    parser.add_argument("image", nargs="?", help="an image (or a folder) to open at once")
    parser.add_argument("--model", help="use this model (.tflite, .keras, .h5) instead of the remembered or bundled one")
    parser.add_argument("--screenshot", metavar="OUT.png", help="open IMAGE, wait for the analysis, save a picture of the window to OUT.png and exit")
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot, WIDTHxHEIGHT (default 1280x800)")
    parser.add_argument("--timeout", type=float, default=SCREENSHOT_TIMEOUT_S, help="seconds --screenshot waits for the analysis")
    parser.add_argument("--lang", choices=LANGUAGES, help="the language of the window (default: View > Language, else the system's)")
    parser.add_argument("--version", action="version", version=f"CapSeg Desktop {__version__}")
    args = parser.parse_args(argv)
    if args.screenshot and not args.image:
        parser.error("--screenshot needs an IMAGE to open")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if width < 200 or height < 150:
            raise ValueError
        args.size = (width, height)
    except ValueError:
        parser.error(f"--size must look like 1280x800, not {args.size!r}")
    return args


def show_on_screen(window: QWidget) -> None:
    """Show a top-level window with all of it, frame included, on the screen's free area (at
    first start the window is 1280 x 800, which with its title bar is taller than a 1280 x 800
    screen, and a geometry saved on a larger screen may not fit this one)."""
    from .widgets.screen import keep_on_screen

    if not (window.isMaximized() or window.isFullScreen()):
        keep_on_screen(window)
    window.show()
    if not (window.isMaximized() or window.isFullScreen()):
        keep_on_screen(window)  # now with its real frame


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    from PySide6.QtWidgets import QApplication

    from .logs import configure_logging, make_excepthook, route_qt_messages
    from .settings import APPLICATION, ORGANIZATION

    if QApplication.instance() is None:
        from ..i18n_qt import choose_language, dates_in_language
        from .settings import AppSettings

        # Before the application: Qt reads the system's date format once (the file dialog's dates).
        dates_in_language(choose_language(args.lang, AppSettings().language()))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    log_file = configure_logging()
    route_qt_messages()
    log.info("CapSeg Desktop %s starting (log %s)", __version__, log_file)
    from .qt_compat import guard_note

    if guard_note():
        log.warning(guard_note())

    from .icon import app_icon
    from .language import apply_language
    from .window.main_window import MainWindow
    from .settings import AppSettings

    app.setWindowIcon(app_icon())
    if args.screenshot:
        apply_language(AppSettings(), args.lang)
        return _screenshot(app, args, MainWindow, AppSettings)

    settings = AppSettings()
    log.info("Language: %s", apply_language(settings, args.lang))
    from ..i18n_qt import file_dialog_style

    app.setStyleSheet(file_dialog_style())
    window = MainWindow(settings, model_path=args.model)
    sys.excepthook = make_excepthook(lambda: window)
    threading.excepthook = lambda hook_args: log.error(
        "Uncaught exception in thread %s", hook_args.thread,
        exc_info=(hook_args.exc_type, hook_args.exc_value, hook_args.exc_traceback),
    )
    show_on_screen(window)
    if args.image:
        target = Path(args.image)
        window.open_when_started([target])
    return app.exec()


def _screenshot(app, args, MainWindow, AppSettings) -> int:  # noqa: N803 - classes passed in
    from PySide6.QtCore import QTimer

    out = Path(args.screenshot)
    image = Path(args.image)
    outcome: dict[str, object] = {"code": None}

    def fail(message: str) -> None:
        if outcome["code"] is None:
            outcome["code"] = 1
            sys.stderr.write(f"capseg-desktop: screenshot failed: {message}\n")
            log.error("Screenshot failed: %s", message)
            app.exit(1)

    def excepthook(kind, error, tb) -> None:
        log.error("Uncaught exception", exc_info=(kind, error, tb))
        fail(f"unexpected error: {error}")

    if not image.is_file():
        sys.stderr.write(f'capseg-desktop: screenshot failed: the image "{image}" does not exist.\n')
        return 1
    # A throw-away settings file: the screenshot looks the same on every machine and leaves
    # the user's own settings alone.
    with tempfile.TemporaryDirectory(prefix="capseg-shot-") as folder:
        window = MainWindow(AppSettings(Path(folder) / "settings.ini"), model_path=args.model)
        window.show_error = lambda title, message: fail(message)  # no modal dialog to block on
        sys.excepthook = excepthook

        def save() -> None:
            if outcome["code"] is not None:
                return
            pixmap = window.grab()
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                fail(f'the folder "{out.parent}" could not be created ({error.strerror}).')
                return
            if not pixmap.save(str(out), "PNG"):
                fail(f'the picture could not be written to "{out}".')
                return
            outcome["code"] = 0
            print(f"{out} ({pixmap.width()} x {pixmap.height()}): {window.analysis.result.count} capillaries")
            app.exit(0)

        window.analysis_finished.connect(lambda _analysis: QTimer.singleShot(150, save))
        window.analysis_failed.connect(fail)
        window.analysis_cancelled.connect(lambda: fail("the analysis was cancelled."))
        window.model_failed.connect(fail)
        window.resize(*args.size)
        window.show()
        window.open_when_started([image])
        QTimer.singleShot(int(args.timeout * 1000), lambda: fail(f"no result after {args.timeout:g} s."))
        app.exec()
        window.close()
    return int(outcome["code"] if outcome["code"] is not None else 1)
