"""Loading the translations with Qt (QtCore only), for the window and the command line.

``choose_language`` decides the language: ``--lang`` (command line), then ``CAPSEG_LANG``, then
the remembered choice (View > Language), then LC_ALL / LC_MESSAGES / LANG, then the system
locale; anything other than French is English.

``install_language`` loads ``resources/translations/capseg_*_<lang>.qm`` and Qt's own
``qtbase_<lang>.qm`` (the file dialog, the message boxes' buttons), installs them in the running
``QCoreApplication`` when there is one (``self.tr()`` and ``QCoreApplication.translate`` follow),
routes ``core.i18n.translate`` through them (the engine, the report and the command line), and
sets the default ``QLocale`` so that numbers shown with it get a decimal comma in French.
English needs no file: it is the source language.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path
from typing import MutableMapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .core import i18n  # light: core's package loads its engine modules on first use

log = logging.getLogger("capseg_desktop.i18n_qt")

# Labels of Qt's own file dialog that its shipped catalogues (qtbase_fr.qm of Qt 6) do not
# have: the dialog's labels gained keyboard accelerators and the catalogue kept the old texts,
# so a French dialog said "Look in:" and "Files of type:". Our catalogue of the start-up area
# carries them; Qt looks a text up in every installed translator.
QT_LABELS_MISSING_FROM_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

#: What View > Language offers: (code, name shown in its own language).
LANGUAGE_NAMES = (("fr", "Français"), ("en", "English"))
#: The settings value that means "follow the system".
SYSTEM = "system"

_installed: list[QTranslator] = []


#: A folder of .qm to use instead of resources/translations (trying a catalogue out, tests).
TRANSLATIONS_DIR_ENV = "CAPSEG_TRANSLATIONS_DIR"


def translations_dir() -> Path:
    """resources/translations: inside the package when installed from a wheel, else beside it
    (a checkout, the PyInstaller bundle) – core.paths' rule, without its import of the model
    module (NumPy), which the window loads only once it is on screen."""
    override = os.environ.get(TRANSLATIONS_DIR_ENV)
    if override:
        return Path(override)
    packaged = Path(str(resources.files("capseg_desktop").joinpath("resources", "translations")))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / "resources" / "translations"


def system_language() -> str:
    """LC_ALL, LC_MESSAGES, LANG (the POSIX order), else Qt's idea of the system's UI language."""
    from_env = i18n.language_from_environment({k: v for k, v in os.environ.items() if k != i18n.LANGUAGE_ENV})
    if from_env is not None:
        return from_env
    languages = QLocale.system().uiLanguages()
    return i18n.normalise_language(languages[0] if languages else QLocale.system().name())


def choose_language(explicit: str | None = None, remembered: str | None = None) -> str:
    """'fr' or 'en': ``explicit`` (``--lang``), else ``CAPSEG_LANG``, else ``remembered`` (unless it
    is 'system' or empty), else the system's language."""
    if explicit:
        return i18n.normalise_language(explicit)
    forced = os.environ.get(i18n.LANGUAGE_ENV, "").strip()
    if forced:
        return i18n.normalise_language(forced)
    if remembered and remembered != SYSTEM:
        return i18n.normalise_language(remembered)
    return system_language()


def qm_files(lang: str) -> list[Path]:
    """The app's compiled catalogues for ``lang``, then Qt's own (qtbase), those that exist."""
    files = sorted(translations_dir().glob(f"capseg_*_{lang}.qm"))
    qt_file = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"
    if qt_file.is_file():
        files.append(qt_file)
    return files


def _remove_installed() -> None:
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()


def _direct(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Look ``text`` up in our translators without a QCoreApplication (the command line)."""
    for translator in _installed:
        found = translator.translate(context, text, disambiguation, n)
        if found:
            return found
    return text


def _through_app(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    if QCoreApplication.instance() is None:
        return _direct(context, text, disambiguation, n)
    return QCoreApplication.translate(context, text, disambiguation, n)


def attach_to_application() -> None:
    """Give the catalogues already loaded to a QCoreApplication made after ``install_language``
    (the command line's report makes one): without them, Qt's translate answered in English."""
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.installTranslator(translator)


def install_language(lang: str) -> str:
    """Make ``lang`` ('fr', 'en', or a locale name) the language of everything from now on
    (windows made afterwards, the engine's sentences, numbers); returns the code installed."""
    lang = i18n.normalise_language(lang)
    _remove_installed()
    if lang != "en":
        app = QCoreApplication.instance()
        for path in qm_files(lang):
            translator = QTranslator()
            if not translator.load(str(path)):
                log.warning("Could not load the translation %s", path)
                continue
            _installed.append(translator)
            if app is not None:
                app.installTranslator(translator)
        if not _installed:
            log.warning("No translation found for %r in %s; the app stays in English", lang, translations_dir())
    if lang != "en":
        QLocale.setDefault(QLocale(lang))  # "fr" -> fr_FR: decimal comma, narrow space between thousands
    else:
        # English numbers as Python writes them (no thousands comma), as they were before languages.
        english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        english.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        QLocale.setDefault(english)
    i18n.install_translator(_through_app if _installed else None, lang)
    return lang


def dates_in_language(lang: str, environ: MutableMapping[str, str] | None = None) -> bool:
    """Make the system's dates those of ``lang`` for this process (``LC_TIME``); True if set.

    Qt's own file dialog writes its dates with the *system* locale (``QFileSystemModel``), not
    the default one that :func:`install_language` sets: a French window on an English system
    showed "12/7/26 7:45 PM". Qt reads the system locale once, when the application starts, so
    this is called before the ``QApplication`` exists. ``LC_ALL``, which fixes every category,
    is left to the user."""
    environ = os.environ if environ is None else environ
    lang = i18n.normalise_language(lang)
    if lang == "en" or environ.get("LC_ALL"):
        return False
    environ["LC_TIME"] = QLocale(lang).name() + ".UTF-8"
    return True


#: The file dialog's places, in Qt's own catalogue (qtbase_*.qm), not in ours.
_QT_PLACES = (("QFileSystemModel", "Computer"), ("QFileSystemModel", "My Computer"))


def file_dialog_style() -> str:
    """A style rule for Qt's own file dialog: its places list as wide as its longest entry in the
    language installed (at Qt's 70 px the French "Ordinateur" read "Ordinat…")."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    names = [QCoreApplication.translate(*place) for place in _QT_PLACES]
    metrics = QFontMetrics(QApplication.font())
    width_px = max(metrics.horizontalAdvance(name) for name in names) + 56  # icon, spacing, frame, margins
    return "QFileDialog QListView#sidebar { min-width: %dpx; }" % width_px
