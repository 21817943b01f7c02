"""CapSeg Desktop: count blood capillaries in nailfold capillaroscopy images."""

from __future__ import annotations

__all__ = ["__version__"]


def _read_version() -> str:
    try:
        from importlib.metadata import version

        return version("capseg-desktop")
    except Exception:  # not installed (a plain checkout or a frozen bundle)
        return "0.2.0"


__version__ = _read_version()
