"""``capseg``: the headless command line, a thin layer over ``capseg_desktop.core``.

    capseg analyze PATH... [--model FILE] [--out DIR] [--threshold T] [--min-area PX]
                           [--merge-distance PX] [--split-area PX] [--um-per-px S | --profile NAME]
                           [--scale auto|native] [--overwrite] [--use-corrections]
    capseg export-training-data FOLDER --out DIR
    capseg exam FOLDER|EXAM.capseg-exam.json --report OUT.pdf [--profile NAME | --um-per-px S]
                [--csv OUT.csv] [--save-exam FILE] [--patient ID] [--operator NAME] [--date YYYY-MM-DD]
    capseg adapt FOLDER --profile NAME [--images N] [--propose-only] [--keep]
    capseg microscope list | export NAME FILE | import FILE [--replace] [--name NEW]
    capseg convert MODEL.h5 MODEL.tflite
    capseg train | synth | evaluate ...   (model training tools)
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .. import __version__
from ..core import i18n
from ..core.i18n import translate
from .adapt import add_adapt
from .analyze import add_analyze, add_convert, add_export_training_data
from .common import configure_logging, log  # noqa: F401 - the command line's log, for callers
from .exam import add_exam
from .microscope import add_microscope


LANGUAGE_CHOICES = i18n.LANGUAGES
LANGUAGE_HELP = "language of the messages, the legend and the report (default: from LANG / LC_ALL / LC_MESSAGES)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capseg",
        description="Count capillaries in nailfold capillaroscopy images (CapSeg Desktop engine).",
    )
    parser.add_argument("--version", action="version", version=f"CapSeg Desktop {__version__}")
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help=LANGUAGE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    add_analyze(sub)
    add_export_training_data(sub)
    add_exam(sub)
    add_adapt(sub)
    add_microscope(sub)
    add_convert(sub)

    try:
        from ..training import commands as training_commands
    except ImportError:  # training tools are optional in a trimmed installation
        training_commands = None
    if training_commands is not None and hasattr(training_commands, "register"):
        training_commands.register(sub)
    for command in sub.choices.values():  # --lang also after the command: capseg analyze IMG --lang fr
        _add_language_option(command)
    return parser


def _add_language_option(command: argparse.ArgumentParser) -> None:
    """``--lang`` on a command and on its own subcommands (capseg microscope list --lang fr)."""
    command.add_argument("--lang", choices=LANGUAGE_CHOICES, default=argparse.SUPPRESS, help=LANGUAGE_HELP)
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_language_option(child)


def install_language(choice: str | None) -> str:
    """The language of the messages, the legend and the report: ``--lang``, else CAPSEG_LANG, else
    LC_ALL / LC_MESSAGES / LANG; English without loading Qt."""
    lang = i18n.normalise_language(choice) if choice else (i18n.language_from_environment() or "en")
    if lang == "en":
        i18n.install_translator(None, "en")
        return lang
    from ..i18n_qt import install_language as install_qt_language  # QtCore only: loads the .qm catalogues

    return install_qt_language(lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    install_language(args.lang)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        sys.stderr.write("\n" + translate("CLI", "Interrupted; files already written are complete, none is half-written.") + "\n")
        return 130
