"""The app in French and in English (issue 13): menus, the count panel, an error dialog and the
exported legend follow the language chosen at start-up; View > Language is remembered.

The French expected is read from the committed catalogues (tests/i18n_catalogue.py): the
same window is started in English, and each English text must show as its French translation."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTableWidget, QWidget

from capseg_desktop.core import i18n, render
from capseg_desktop.gui.language import apply_language
from capseg_desktop.gui.settings import AppSettings
from capseg_desktop.i18n_qt import install_language

from ..i18n_catalogue import french_entries, french_for, french_options
from .conftest import write_capillary_image, write_corrupt_image

QUOTES = re.compile("[\"«»“”\u00a0\u202f]")


@pytest.fixture
def start_app(make_window, stub_session, settings_path, monkeypatch):
    """Start the window the way the app does: the language first (CAPSEG_LANG stands for the
    system's choice here), then the window."""

    def start(lang: str):
        monkeypatch.setenv("CAPSEG_LANG", lang)
        AppSettings(settings_path).clear_recent_files()  # the same menus in both languages
        assert apply_language(AppSettings(settings_path)) == lang
        return make_window(stub_session)

    yield start
    install_language("en")


def menu_texts(window) -> list[tuple[str, ...]]:
    """Every menu title and item as a path: ('&File',), ('&File', '&Open image…'), ..."""
    found: list[tuple[str, ...]] = []

    def walk(menu: QMenu, path: tuple[str, ...]) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            found.append(path + (action.text(),))
            if action.menu() is not None:
                walk(action.menu(), path + (action.text(),))

    for action in window.menuBar().actions():
        found.append((action.text(),))
        walk(action.menu(), (action.text(),))
    return found


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text with letters under ``root``, in the widgets' order."""
    texts: list[tuple[str, str]] = []
    for index, widget in enumerate([root, *root.findChildren(QWidget)]):
        where = f"{index}:{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        elif isinstance(widget, QTableWidget):
            headers = [widget.horizontalHeaderItem(c) for c in range(widget.columnCount())]
            texts += [(f"{where}:header{c}", item.text()) for c, item in enumerate(headers) if item is not None]
        if widget.toolTip():
            texts.append((f"{where}:tip", widget.toolTip()))
    return [(where, t) for where, t in texts if t and re.search(r"[A-Za-z]", t)]


def english_leftovers(texts: list[str]) -> list[str]:
    """Texts that are an English source with a different French translation, and no French text."""
    sources = {e.source for e in french_entries() if e.translations and e.translations[0] != e.source}
    translations = {t for e in french_entries() for t in e.translations}
    return [t for t in texts if t in sources and t not in translations]


def analyse(qtbot, window, path):
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.open_image(path)


def export_legend(window, tmp_path, monkeypatch, name: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PNG image (*.png)")))
    window.actions_by_id["export_annotated"].trigger()
    return render.read_png_text(target.read_bytes())["Description"]


def corrupt_image_message(qtbot, window, dialogs, tmp_path) -> str:
    bad = write_corrupt_image(tmp_path / "broken.png")
    before = len(dialogs.texts("warning"))
    with qtbot.waitSignal(window.analysis_failed, timeout=10_000):
        window.open_image(bad)
    (message,) = dialogs.texts("warning")[before:]
    return message


def test_the_app_started_in_english_then_in_french(qtbot, start_app, dialogs, tmp_path, monkeypatch):
    image = write_capillary_image(tmp_path / "strip.png", loops=4)

    english = start_app("en")
    assert i18n.language() == "en" and QLocale().decimalPoint() == "."
    english_menus = menu_texts(english)
    assert english_menus[0] == ("&File",) and ("&View", "&Language") in english_menus
    analyse(qtbot, english, image)
    english_panel = widget_texts(english.count_panel)
    assert "4" == english.count_panel.count_label.text()
    english_error = corrupt_image_message(qtbot, english, dialogs, tmp_path)
    analyse(qtbot, english, image)
    english_legend = export_legend(english, tmp_path, monkeypatch, "en.png")
    assert "4 capillaries" in english_legend
    english.close()

    french = start_app("fr")
    assert i18n.language() == "fr" and QLocale().decimalPoint() == ","
    # Qt's own dialogs: qtbase_fr is loaded.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"

    # Menus: every title and item is its French translation.
    french_menus = menu_texts(french)
    assert len(french_menus) == len(english_menus)
    untranslated = []
    for en_path, fr_path in zip(english_menus, french_menus):
        if re.match(r"&\d ", en_path[-1]) or en_path[-2:-1] == ("&Language",):
            continue  # recent files; each language's own name
        options = french_options(en_path[-1])
        # Qt translates some texts itself (the undo stack's actions): those only need to differ.
        if fr_path[-1] not in options and (not options or fr_path[-1] == en_path[-1]):
            untranslated.append((en_path, fr_path[-1], options))
    assert not untranslated, untranslated[:20]
    assert french_menus[0] == (french_for("&File"),) and french_menus[0] != ("&File",)

    # The count panel after an analysis.
    analyse(qtbot, french, image)
    french_panel = widget_texts(french.count_panel)
    assert french.count_panel.count_label.text() == "4"
    assert [where for where, _ in french_panel] == [where for where, _ in english_panel]
    assert not english_leftovers([t for _, t in french_panel]), english_leftovers([t for _, t in french_panel])
    wrong = []
    for (where, en_text), (_, fr_text) in zip(english_panel, french_panel):
        options = french_options(en_text)
        # A text made of several sentences has no one entry: then it only has to have changed.
        if fr_text not in options and (options or fr_text == en_text):
            wrong.append((where, en_text, fr_text, options))
    assert not wrong, wrong
    assert not [t for _, t in french_panel if re.search(r"\d\.\d", t)], "a decimal point in the French count panel"

    # An error dialog: the engine's sentence, in French.
    french_error = corrupt_image_message(qtbot, french, dialogs, tmp_path)
    expected = {QUOTES.sub("", text) for text in french_options(english_error)}
    assert expected and QUOTES.sub("", english_error) not in expected
    assert QUOTES.sub("", french_error) in expected

    # The exported legend (the annotated PNG's description).
    analyse(qtbot, french, image)
    french_legend = export_legend(french, tmp_path, monkeypatch, "fr.png")
    assert "capillaires" in french_legend and "capillaries" not in french_legend
    assert len(french_legend.split(" | ")) == len(english_legend.split(" | "))
    for en_line, fr_line in zip(english_legend.split(" | "), french_legend.split(" | ")):
        if re.search(r"[A-Za-z]{3}", en_line):
            assert fr_line != en_line, f"legend line left in English: {en_line!r}"


def test_view_language_is_remembered_and_used_at_the_next_start(qtbot, start_app, dialogs, settings_path, monkeypatch):
    window = start_app("en")
    menu = window.language_menu
    assert [a.text() for a in menu.menu.actions()] == ["Follow the &system", "Français", "English"]
    assert menu.actions["system"].isChecked()
    menu.actions["fr"].trigger()
    assert AppSettings(settings_path).language() == "fr"
    ((kind, _title, text),) = dialogs.shown
    assert kind == "information" and "prochain démarrage" in text and "next time" in text
    window.close()

    # Next start, on an English system: the remembered French wins.
    monkeypatch.delenv("CAPSEG_LANG")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert apply_language(AppSettings(settings_path)) == "fr"
    from capseg_desktop.gui.window.main_window import MainWindow

    again = MainWindow(AppSettings(settings_path), autoload_model=False)
    qtbot.addWidget(again)
    assert again.language_menu.actions["fr"].isChecked()
    assert again.menuBar().actions()[0].text() == french_for("&File") != "&File"
    assert again.language_menu.menu.title() == "&Langue"

    # Back to following the system (English here).
    again.language_menu.actions["system"].trigger()
    assert AppSettings(settings_path).language() == "system"
    assert apply_language(AppSettings(settings_path)) == "en"
    install_language("en")


def accelerator(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def test_the_french_accelerators_of_each_menu_are_unique(start_app):
    """Alt+letter opens one menu, and one letter picks one entry in a French menu."""
    window = start_app("fr")
    menus = [window.menuBar(), *[a.menu() for a in window.menuBar().actions()]]
    menus += [a.menu() for m in menus[1:] for a in m.actions() if a.menu() is not None]
    clashes = []
    for menu in menus:
        seen: dict[str, str] = {}
        for action in menu.actions():
            key = accelerator(action.text())
            if key is None or not action.isVisible():
                continue
            if key in seen:
                clashes.append((menu.title() if isinstance(menu, QMenu) else "menu bar", seen[key], action.text()))
            seen[key] = action.text()
    assert not clashes, clashes


def test_qt_file_dialog_labels_are_french(start_app):
    """Qt's own French catalogue lacks two labels of its file dialog ("&Look in:", "Files of
    &type:"); ours carries them, so every label of File > Open image is French."""
    from PySide6.QtWidgets import QFileDialog

    start_app("fr")
    dialog = QFileDialog(None, "Ouvrir une image")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("&Voir dans")
    assert labels["fileTypeLabel"].startswith("Fichiers de &type")
    assert labels["fileNameLabel"].startswith("&Nom de fichier")
    dialog.deleteLater()
