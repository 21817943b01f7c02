"""core.i18n (the engine's translate hook and numbers), choosing the language, and the command
line in French (issue 13)."""

from __future__ import annotations

import pytest

from capseg_desktop import cli
from capseg_desktop.core import i18n

from ..i18n_catalogue import french_for


@pytest.fixture(autouse=True)
def english_afterwards():
    """Whatever a test installs, the next one starts in English."""
    yield
    i18n.install_translator(None, "en")
    if "PySide6.QtCore" in __import__("sys").modules:
        from capseg_desktop.i18n_qt import install_language

        install_language("en")


def test_translate_returns_the_english_text_until_a_translator_is_installed():
    assert i18n.language() == "en"
    assert i18n.translate("Ctx", "The image {path} does not exist.").format(path="a.png") == "The image a.png does not exist."
    assert i18n.translate("Ctx", "%n capillaries", None, 3) == "3 capillaries"


def test_an_installed_translator_is_used_and_can_be_removed():
    table = {("Ctx", "Threshold"): "Seuil", ("Ctx", "%n capillaries"): "%n capillaires"}
    calls = []

    def translator(context, text, disambiguation=None, n=-1):
        calls.append((context, text, disambiguation, n))
        return table.get((context, text), "")

    i18n.install_translator(translator, "fr_FR.UTF-8")
    assert i18n.language() == "fr"
    assert i18n.translate("Ctx", "Threshold") == "Seuil"
    assert i18n.translate("Ctx", "%n capillaries", None, 12) == "12 capillaires"
    assert i18n.translate("Ctx", "Not in the catalogue") == "Not in the catalogue"  # empty answer: the English
    assert calls[1] == ("Ctx", "%n capillaries", None, 12)
    i18n.install_translator(lambda context, text: text.upper(), "fr")  # a two-argument translator is fine too
    assert i18n.translate("Ctx", "abc") == "ABC"
    i18n.install_translator(None)
    assert (i18n.language(), i18n.translate("Ctx", "Threshold")) == ("en", "Threshold")


def test_numbers_for_people_get_a_decimal_comma_in_french_only():
    assert i18n.format_number(0.75, 2) == "0.75"
    assert i18n.format_float(1234.5, ",.1f") == "1,234.5"
    assert i18n.format_number(0.75, 2, "fr") == "0,75"
    assert i18n.format_float(1234.5, ",.1f", "fr") == "1\u202f234,5"
    i18n.install_translator(None, "fr")
    assert (i18n.format_number(12.345, 1), i18n.format_number(3, 0), i18n.format_float(0.5, ".0%")) == ("12,3", "3", "50%")
    assert i18n.separators() == (",", "\u202f")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL wins over LANG; C is English
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language not shipped: English
        ({"LANG": "fr_FR.UTF-8", "CAPSEG_LANG": "en"}, "en"),  # CAPSEG_LANG wins
    ],
)
def test_the_language_follows_the_environment(environ, expected):
    assert i18n.language_from_environment(environ) == expected


def test_choose_language_order(monkeypatch):
    from capseg_desktop.i18n_qt import choose_language

    monkeypatch.delenv("CAPSEG_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_CH.UTF-8")
    assert choose_language() == "fr"
    assert choose_language(remembered="en") == "en"  # View > Language wins over the system
    assert choose_language(remembered="system") == "fr"
    assert choose_language("en", remembered="fr") == "en"  # --lang wins over everything
    monkeypatch.setenv("CAPSEG_LANG", "en")
    assert choose_language(remembered="fr") == "en"


def test_the_command_line_speaks_french_with_lang_fr(tmp_path, capsys, monkeypatch):
    """A real sentence of the command line and one of the engine, read back through the .qm."""
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path / "log"))
    missing = tmp_path / "absent.png"
    assert cli.main(["analyze", str(missing)]) != 0
    english = capsys.readouterr().err.strip().splitlines()
    assert english and str(missing) in english[0]
    assert cli.main(["analyze", str(missing), "--lang", "fr"]) != 0
    french = capsys.readouterr().err.strip().splitlines()
    assert i18n.language() == "fr"
    assert len(french) == len(english)
    for english_line, french_line in zip(english, french):
        expected = french_for(english_line)
        assert expected is not None, f"no French entry for {english_line!r}"
        assert expected != english_line
        assert french_line == expected


def test_lang_before_the_command_and_from_lang_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path / "log"))
    missing = tmp_path / "absent.png"
    assert cli.main(["--lang", "fr", "analyze", str(missing)]) != 0
    by_option = capsys.readouterr().err
    i18n.install_translator(None, "en")
    monkeypatch.delenv("CAPSEG_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert cli.main(["analyze", str(missing)]) != 0
    assert capsys.readouterr().err == by_option
    assert i18n.language() == "fr"
