"""Starts the desktop app: ``capseg-desktop [IMAGE]`` or ``python -m capseg_desktop``.

``python -m capseg_desktop finetune ...`` (and the installed app given ``finetune`` first) runs
that ``capseg`` subcommand instead: the window starts fine-tuning as ``sys.executable -m
capseg_desktop finetune ...``, and in a frozen bundle ``sys.executable`` is the app itself.
"""

from __future__ import annotations

import sys

#: ``capseg`` subcommands the app's own executable also runs (for the window's child processes).
CLI_SUBCOMMANDS = ("finetune",)


def main() -> int:
    argv = sys.argv[1:]
    # A frozen app ignores the interpreter's "-m capseg_desktop"; it arrives as arguments.
    if argv[:2] == ["-m", "capseg_desktop"]:
        argv = argv[2:]
    if argv and argv[0] in CLI_SUBCOMMANDS:
        from .cli import main as cli_main

        return cli_main(argv)
    from .gui.app import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
