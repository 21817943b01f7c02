"""Every window and dialog of the app in one language on a 1280 x 800 screen: which texts do not
fit and which windows leave the screen. Run by tests/gui/test_layout_fits.py in a process of
its own, because the screen's size is set when Qt starts:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.gui.layout_check fr OUT_DIR

Prints one JSON object: {"problems": [...], "seen": [...]} (the windows looked at, so that the
test can tell that it looked at every one). Set-up as in ``gui.app.main``: the system's dates
in the language before the application exists, the file dialog's style rule after."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

SCREEN = (1280, 800)


def main(lang: str, out: Path) -> int:
    os.environ.setdefault("CAPSEG_LOG_DIR", str(out / "log"))
    os.environ["CAPSEG_SETTINGS_FILE"] = str(out / "settings.ini")
    os.environ["CAPSEG_PROFILES"] = str(out / "microscopes.json")
    os.environ["CAPSEG_CORRECTIONS_DIR"] = str(out / "corrections")
    os.environ["XDG_CONFIG_HOME"] = str(out / "config")  # Qt's own file dialog remembers its state there
    from capseg_desktop.i18n_qt import dates_in_language

    dates_in_language(lang)
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from capseg_desktop.i18n_qt import file_dialog_style, install_language

    install_language(lang)
    app.setStyleSheet(file_dialog_style())
    checker = Checker(app)
    checker.run(out)
    print(json.dumps({"problems": checker.problems, "seen": checker.seen}, ensure_ascii=False))
    return 0


class Checker:
    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.problems: list[str] = []
        self.seen: list[str] = []

    # Waiting ---------------------------------------------------------------------------
    def settle(self, seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def wait_for(self, condition, seconds: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return False

    # What is checked -------------------------------------------------------------------
    def check(self, top, name: str) -> None:  # type: ignore[no-untyped-def]
        """``top`` (a window or dialog, shown): inside the screen's free area, and each of its
        visible texts fits its widget."""
        from PySide6.QtWidgets import QAbstractButton, QLabel, QToolBar

        from capseg_desktop.gui.window.parts import ElidedLabel

        self.settle()
        self.seen.append(name)
        free = top.screen().availableGeometry()
        frame = top.frameGeometry()
        if not free.contains(frame):
            self.problems.append(f"{name}: the window {rect(frame)} is not inside the screen {rect(free)}")
        for label in top.findChildren(QLabel):
            if not label.isVisibleTo(top) or not label.text().strip():
                continue
            where = f"{name}: {type(label).__name__} {label.objectName() or label.accessibleName() or ''} {label.text()[:60]!r}"
            if isinstance(label, ElidedLabel):
                if QLabel.text(label) != label.text():
                    self.problems.append(f"{where} is cut to {QLabel.text(label)!r} ({label.width()} px)")
                continue
            if label.wordWrap():
                needed_h = label.heightForWidth(label.contentsRect().width())
                if needed_h > label.contentsRect().height() + 2:
                    self.problems.append(f"{where} needs {needed_h} px of height, has {label.contentsRect().height()}")
                continue
            if label.sizeHint().width() > label.width() + 1:
                self.problems.append(f"{where} needs {label.sizeHint().width()} px, has {label.width()}")
        for button in top.findChildren(QAbstractButton):
            if not button.isVisibleTo(top) or not button.text().strip() or isinstance(button.parentWidget(), QToolBar):
                continue
            if button.sizeHint().width() > button.width() + 1:
                self.problems.append(f"{name}: button {button.text()!r} needs {button.sizeHint().width()} px, has {button.width()}")

    # The app's windows and dialogs ------------------------------------------------------
    def run(self, out: Path) -> None:
        from PySide6.QtWidgets import QDialog

        from capseg_desktop.gui.app import show_on_screen
        from capseg_desktop.gui.window.main_window import MainWindow
        from capseg_desktop.gui.settings import AppSettings
        from tests.gui.conftest import make_stub_session, write_capillary_image

        window = MainWindow(AppSettings(out / "settings.ini"), autoload_model=False)
        window.models.use_session(make_stub_session())
        show_on_screen(window)  # as gui.app.main shows it
        self.wait_for(lambda: window._startup_done)
        self.check(window, "main window, empty")
        self.check_hint(window)

        image = write_capillary_image(out / "strip.png", loops=5)
        window.open_image(image)
        if not self.wait_for(lambda: window.analysis is not None and not window.queue.is_busy()):
            self.problems.append("main window: the image was not analysed")
            return
        self.check(window, "main window, analysed")
        # 1280 px at 0.5 µm/px: 0.64 mm, too narrow for the 1 mm window
        window.count_panel.um_per_px.setValue(0.5)
        window.count_panel.flush()
        self.wait_for(lambda: not window.queue.is_busy())
        window.actions_by_id["show_density_window"].trigger()
        self.settle()
        if window.actions_by_id["show_density_window"].isChecked():
            self.problems.append("main window: the 1 mm window's button stays pressed on a 0.64 mm-wide image")
        self.check(window, "main window, no room for the 1 mm window")

        from capseg_desktop.core.calibration import Profile
        from capseg_desktop.gui.scale.calibration_line import CalibrationDialog
        from capseg_desktop.gui.exam.dialog import ExamDetailsDialog
        from capseg_desktop.gui.finetune.dialog import FinetuneDialog
        from capseg_desktop.gui.window.help import HelpDialog
        from capseg_desktop.gui.scale.profiles import ProfileDialog, ProfilesDialog

        dialogs: list[tuple[str, QDialog]] = [
            ("calibrate", CalibrationDialog(412.3, window)),
            ("microscope profile", ProfileDialog(window, um_per_px=1.25)),
            ("microscopes", ProfilesDialog([Profile("Dino-Lite AM4115 200x", 1.5, 200.0)], window)),
            ("exam details", ExamDetailsDialog(window, profiles=[])),
            ("help", HelpDialog(window)),
            ("fine-tune", FinetuneDialog(window.finetune, out, [], None, window)),
        ]
        for name, dialog in dialogs:
            dialog.show()
            self.check(dialog, name)
            dialog.done(0)

        from capseg_desktop.core.exam import Exam

        window.exam.start(Exam("P-0042", "2026-12-07", "Dr Lefèvre", None, None))
        self.wait_for(lambda: window.exam.view is not None and window.exam.view.isVisible())
        self.check(window.exam.view, "exam window")
        window.exam.view.hide()
        self.check_file_dialog(window, out)

    def check_hint(self, window) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QFontMetrics

        for view in window.views.views:
            if not view.hint or not view.isVisible():
                continue
            font, box, flags = view.hint_layout()
            needed = QFontMetrics(font).boundingRect(box, flags, view.hint)
            if not view.viewport().rect().contains(needed):
                self.problems.append(f"main window: the empty view's hint {view.hint!r} needs {rect(needed)}, "
                                     f"the view shows {rect(view.viewport().rect())}")

    def check_file_dialog(self, window, out: Path) -> None:  # type: ignore[no-untyped-def]
        """Qt's own file dialog, as File > Open image shows it where the desktop has no native one."""
        from PySide6.QtWidgets import QFileDialog, QListView, QTreeView

        dialog = QFileDialog(window, "Open image", str(out))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        self.check(dialog, "file dialog")
        sidebar = dialog.findChild(QListView, "sidebar")
        model = sidebar.model()
        metrics = sidebar.fontMetrics()
        room = sidebar.viewport().width() - sidebar.iconSize().width() - 20  # the icon, its spacing and the margins
        for row in range(model.rowCount()):
            text = model.index(row, 0).data()
            if metrics.horizontalAdvance(text) > room:
                self.problems.append(f"file dialog: the place {text!r} needs {metrics.horizontalAdvance(text)} px, has {room}")
        tree = dialog.findChild(QTreeView, "treeView")
        self.wait_for(lambda: tree.model().rowCount(tree.rootIndex()) > 0, 5.0)
        dates = [tree.model().index(r, 3, tree.rootIndex()).data() for r in range(tree.model().rowCount(tree.rootIndex()))]
        self.seen.append("file dialog dates: " + ", ".join(dates[:2]))
        if os.environ.get("LC_TIME", "").startswith("fr") and any(re.search(r"AM|PM|^\d{1,2}/\d{1,2}/\d{2}\b", d or "") for d in dates):
            self.problems.append(f"file dialog: dates in the US format in French: {dates[:2]}")
        dialog.done(0)


def rect(r) -> str:  # type: ignore[no-untyped-def]
    return f"{r.width()}x{r.height()} at ({r.x()}, {r.y()})"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="capseg-layout-"))))
