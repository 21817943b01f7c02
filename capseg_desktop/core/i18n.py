"""The engine's one door to the user's language, without Qt.

Core marks every sentence a person reads with ``translate("Context", "English text {field}")``
(plain string literals, so ``pyside6-lupdate`` finds them) and fills the fields afterwards with
``.format(...)``. Until someone installs a translator, ``translate`` returns the English text;
the window installs ``QCoreApplication.translate`` at start-up and the command line installs a
``QTranslator`` loaded from ``resources/translations/*.qm`` (see ``capseg_desktop.i18n_build``).

Plurals: ``translate("Context", "%n capillaries", None, count)`` – ``%n`` becomes the count,
and the .ts carries one form per plural of the language.

Numbers in HUMAN text (the legend, the report, the window) go through ``format_number`` /
``format_float``: a decimal comma in French. Machine files (JSON, CSV: keys, headers,
numbers) never do: they stay English and locale-independent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: Languages the app ships; the first is the source language of every string.
LANGUAGES = ("en", "fr")
#: Environment variable that picks the language (tests set it to ``en``); it wins over LANG/LC_*.
LANGUAGE_ENV = "CAPSEG_LANG"

#: ``fn(context, text, disambiguation, n) -> str``; ``disambiguation`` may be ``None`` and ``n`` is -1
#: when the text has no plural.
Translator = Callable[[str, str, "str | None", int], str]

_lock = threading.Lock()
_translator: Translator | None = None
_language = "en"

# Decimal and thousands separators of the languages whose numbers differ from English.
_SEPARATORS = {"fr": (",", "\u202f")}  # decimal comma, narrow no-break space between thousands


def install_translator(fn: Translator | None, language: str = "en") -> None:
    """Route ``translate`` through ``fn`` and format numbers for ``language`` (``None``: back to
    plain English). ``fn`` may also take just ``(context, text)``."""
    global _translator, _language
    with _lock:
        _translator = fn
        _language = normalise_language(language)


def language() -> str:
    """The language installed ('en' or 'fr')."""
    return _language


def normalise_language(value: str | None) -> str:
    """'fr_FR.UTF-8', 'fr-CA', 'French' -> 'fr'; anything not shipped -> 'en'."""
    text = (value or "").strip().lower().replace("-", "_")
    code = text.split(".")[0].split("@")[0].split("_")[0]
    if code in ("french", "francais", "français"):
        code = "fr"
    return code if code in LANGUAGES else "en"


def language_from_environment(environ: dict[str, str] | None = None) -> str | None:
    """The language the environment asks for: ``CAPSEG_LANG``, then LC_ALL, LC_MESSAGES, LANG
    (the POSIX order); ``None`` when none is set (then the caller asks the system locale).
    'C' and 'POSIX' mean English."""
    import os

    env = os.environ if environ is None else environ
    for name in (LANGUAGE_ENV, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(name) or "").strip()
        if value:
            return normalise_language(value)
    return None


def _substitute_n(text: str, n: int) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language (``text`` itself when none is installed, or when the
    catalogue has no entry); ``%n`` becomes ``n`` when ``n >= 0``."""
    fn = _translator
    if fn is None:
        return _substitute_n(text, n)
    try:
        result = fn(context, text, disambiguation, n)
    except TypeError:  # a two-argument translator
        result = fn(context, text)  # type: ignore[call-arg]
    if not result:
        return _substitute_n(text, n)
    return _substitute_n(result, n) if "%n" in result else result


def separators(lang: str | None = None) -> tuple[str, str]:
    """(decimal separator, thousands separator) of ``lang`` (default: the installed language)."""
    return _SEPARATORS.get(lang or _language, (".", ","))


def _localise(text: str, lang: str | None) -> str:
    decimal, thousands = separators(lang)
    if (decimal, thousands) == (".", ","):
        return text
    return "".join(decimal if c == "." else thousands if c == "," else c for c in text)


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """``value`` with ``decimals`` decimals in the installed language: 0.75 -> '0.75' / '0,75'."""
    return _localise(f"{value:.{max(0, int(decimals))}f}", lang)


def format_float(value: float, spec: str = "g", lang: str | None = None) -> str:
    """``format(value, spec)`` with the installed language's separators: ``format_float(1234.5, ',.1f')``
    -> '1,234.5' / '1 234,5'."""
    return _localise(format(value, spec), lang)
