"""``python -m capseg_desktop.training train|synth|evaluate ...`` (the same subcommands that
``capseg`` offers once the command line registers them)."""

from __future__ import annotations

import argparse
import sys

from .commands import register


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="capseg", description="CapSeg training tools")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
