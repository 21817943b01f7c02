"""Reading the committed French catalogues (resources/translations/*_fr.ts) in tests: what a
sentence the app printed in English must read in French."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TRANSLATIONS = Path(os.environ.get("CAPSEG_TRANSLATIONS_DIR") or Path(__file__).resolve().parents[1] / "resources" / "translations")
#: {name} fields (str.format), %1..%99 and %L1 (Qt's arg), %n (plurals).
DECIMAL_POINT = re.compile(r"(\d)\.(\d)")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%L?\d{1,2}|%n")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one, or one per plural form
    unfinished: bool


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
                unfinished = True
            else:
                forms = translation.findall("numerusform")
                texts = tuple((f.text or "") for f in forms) if numerus else (translation.text or "",)
                unfinished = translation.get("type") in ("unfinished", "obsolete", "vanished")
            entries.append(Entry(name, message.findtext("source") or "", message.findtext("comment") or "", numerus, texts, unfinished))
    return entries


@lru_cache(maxsize=None)
def french_entries() -> tuple[Entry, ...]:
    found: list[Entry] = []
    for path in sorted(TRANSLATIONS.glob("*_fr.ts")):
        found.extend(read_ts(path))
    return tuple(found)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _pattern(source: str) -> re.Pattern[str]:
    """A regex matching ``source`` once its {fields} and %1 are filled in."""
    parts, names, last = [], [], 0
    for match in PLACEHOLDER.finditer(source):
        parts.append(re.escape(source[last:match.start()]))
        parts.append("(.+?)")
        names.append(match.group(0))
        last = match.end()
    parts.append(re.escape(source[last:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


def french_options(english: str, context: str | None = None) -> set[str]:
    """The French of a filled-in English sentence, according to the committed catalogues: for each
    entry (each plural form) whose source matches it (the most specific entries: fewest characters left to the
    placeholders), its translation with the same values put in; empty if no entry matches.
    Several when the same source has different translations in different contexts."""
    best: list[tuple[int, str]] = []
    for entry in french_entries():
        if entry.unfinished or not entry.translations or (context and entry.context != context):
            continue
        match = _pattern(entry.source).match(english)
        if match is None:
            continue
        for form in entry.translations:  # a plural: any of its forms
            english_numbers, french_numbers = form, form  # the values as given, and with a decimal comma
            for field, value in zip(PLACEHOLDER.findall(entry.source), match.groups()):
                english_numbers = english_numbers.replace(field, value)
                french_numbers = french_numbers.replace(field, DECIMAL_POINT.sub(r"\1,\2", value))
            best += [(len(PLACEHOLDER.sub("", entry.source)), english_numbers), (len(PLACEHOLDER.sub("", entry.source)), french_numbers)]
    if not best:
        return set()
    top = max(score for score, _ in best)
    return {french for score, french in best if score == top}


def french_for(english: str, context: str | None = None) -> str | None:
    """The one French of ``english`` (see ``french_options``), ``None`` if none or ambiguous."""
    options = french_options(english, context)
    return next(iter(options)) if len(options) == 1 else None
