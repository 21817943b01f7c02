"""Starts the desktop app: ``capseg-desktop [IMAGE]`` or ``python -m capseg_desktop``."""

from __future__ import annotations

import sys


def main() -> int:
    from .gui.app import main as run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
