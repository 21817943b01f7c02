"""View > Language: follow the system, Français or English, remembered in the settings.

The language is installed once, at start-up (``apply_language``, before the window is made):
the window's texts are set when it is built, so a new choice applies at the next start, which
the menu says in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from ..i18n_qt import LANGUAGE_NAMES, SYSTEM, choose_language, install_language
from .settings import AppSettings

# Said in both languages: the user may not read the one the window is in.
RESTART_NOTE = (
    "La langue choisie s'appliquera au prochain démarrage de CapSeg Desktop.\n"
    "The language you chose applies the next time CapSeg Desktop starts."
)


def apply_language(settings: AppSettings, explicit: str | None = None) -> str:
    """Install the language for this run: ``explicit``, else ``CAPSEG_LANG``, else the one remembered,
    else the system's. Returns 'fr' or 'en'."""
    return install_language(choose_language(explicit, settings.language()))


class LanguageMenu:
    """The View > Language submenu: one checkable entry per choice, the remembered one checked."""

    def __init__(self, window: QMainWindow, view_menu: QMenu, settings: AppSettings) -> None:
        self.window = window
        self.settings = settings
        self.menu = view_menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
        self.menu.setObjectName("language_menu")
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        choices = [(SYSTEM, QCoreApplication.translate("LanguageMenu", "Follow the &system"))]
        choices += [(code, name) for code, name in LANGUAGE_NAMES]  # each in its own language
        current = settings.language()
        for code, text in choices:
            action = QAction(text, self.menu, checkable=True)
            action.setData(code)
            # Ctrl+Alt+Shift+L: the locale; +F Français, +E English (the first letter of each name).
            action.setShortcut(QKeySequence("Ctrl+Alt+Shift+" + ("L" if code == SYSTEM else text[0].upper())))
            window.addAction(action)  # the shortcut works with the menu bar hidden too
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self.choose(code))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action

    def choose(self, code: str) -> None:
        if code == self.settings.language():
            return
        self.settings.set_language(code)
        self.settings.sync()
        QMessageBox.information(self.window, "Langue / Language", RESTART_NOTE)


def install_language_menu(window: QMainWindow) -> LanguageMenu | None:
    """Add View > Language to ``window`` (a MainWindow with ``actions_by_id``, ``menus`` and
    ``settings``): the View menu is the top-level menu holding "Fit to window", whatever its title."""
    fit = (getattr(window, "actions_by_id", {}) or {}).get("fit")
    menus = getattr(window, "menus", {}) or {}
    view = next((menu for path, menu in menus.items() if "/" not in path and fit in menu.actions()), None)
    if view is None:
        return None
    view.addSeparator()
    return LanguageMenu(window, view, window.settings)
