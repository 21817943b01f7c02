"""A module's sentences kept in one table, looked up in the user's language.

``TEXT = Sentences("Exam", {"missing": QT_TRANSLATE_NOOP("Exam", 'The exam file "{name}" ...'), ...})``:
``pyside6-lupdate`` finds each literal through ``QT_TRANSLATE_NOOP`` (with its context), and
``TEXT["missing"]`` returns the sentence through ``core.i18n.translate`` at the moment it is
read, so a language installed after import still applies. ``TEXT.english(key)`` gives the
source text, for machine files (JSON, CSV) whose values stay English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .i18n import translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context`` without translating it now."""
    return text


class Sentences(Mapping[str, str]):
    """Key -> sentence in the installed language (see the module's docstring)."""

    def __init__(self, context: str, entries: Mapping[str, str]) -> None:
        self.context = context
        self._entries = dict(entries)

    def __getitem__(self, key: str) -> str:
        return translate(self.context, self._entries[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def plural(self, key: str, n: int) -> str:
        """The sentence for the count ``n`` (its ``%n`` becomes ``n``; the language's plural
        form is chosen by the catalogue)."""
        return translate(self.context, self._entries[key], None, int(n))

    def english(self, key: str) -> str:
        """The source (English) sentence, for machine files."""
        return self._entries[key]


class Plurals:
    """Sentences with a count, for ``pyside6-lupdate``: ``CLI = Plurals("CLI")`` then
    ``CLI.tr("%n image(s) analysed", "", count)``. lupdate's Python reader takes the name before
    ``.tr`` as the context and records the entry with one form per plural of the language
    (``translate(context, text, None, count)`` with a variable count is not recorded as a
    plural by it), so the variable must be named exactly like its context."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = "", n: int = -1) -> str:
        """``text`` for the count ``n`` in the installed language; ``%n`` becomes ``n``."""
        return translate(self.context, text, disambiguation or None, int(n))


def counted(text: str, n: int) -> str:
    """A sentence with a count read naturally in English too, which has no catalogue: "(s)" made
    "over 8 finger(s)"; "1 finger", "8 fingers" instead. Translations have their own plural
    forms and no "(s)"."""
    return text.replace("(s)", "" if n == 1 else "s")
