"""Where things live, found the same way in a checkout, an installed wheel and a PyInstaller
bundle (no ``sys._MEIPASS`` needed).

``models/`` and ``resources/`` sit at the top of the repository. A wheel installs them inside
the package (``capseg_desktop/models``, ``capseg_desktop/resources``: see ``pyproject.toml``),
where ``importlib.resources`` finds them; a checkout (editable install included) and the
PyInstaller bundle keep them beside the package folder.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

from .model import MODEL_SUFFIXES

DEFAULT_MODEL_NAME = "capseg_unet.tflite"
#: A folder for the log instead of the application-data folder (tests, a locked-down machine).
LOG_DIR_ENV = "CAPSEG_LOG_DIR"
ORGANISATION = "CapSeg"
APPLICATION = "CapSeg Desktop"


def app_root() -> Path:
    """The folder holding ``capseg_desktop/`` (and, in a checkout or a bundle, ``models/`` and
    ``resources/``)."""
    return Path(__file__).resolve().parents[2]


def _packaged(folder: str) -> Path | None:
    """``capseg_desktop/<folder>`` as installed from a wheel, if it is there."""
    try:
        candidate = resources.files("capseg_desktop").joinpath(folder)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - the package is importable
        return None
    if candidate.is_dir():
        return Path(str(candidate))
    return None


def _data_dir(folder: str) -> Path:
    return _packaged(folder) or app_root() / folder


def models_dir() -> Path:
    override = os.environ.get("CAPSEG_MODELS_DIR")
    return Path(override) if override else _data_dir("models")


def resources_dir() -> Path:
    return _data_dir("resources")


def sample_images_dir() -> Path:
    return app_root() / "Test_images"


def default_model_path() -> Path | None:
    """The bundled model: ``models/capseg_unet.tflite``, else any model in ``models/``."""
    folder = models_dir()
    preferred = folder / DEFAULT_MODEL_NAME
    if preferred.is_file():
        return preferred
    if folder.is_dir():
        for suffix in MODEL_SUFFIXES:
            found = sorted(folder.glob(f"*{suffix}"))
            if found:
                return found[0]
    return None


def any_light_model_path() -> Path | None:
    """The model for any light installed beside the bundled one (``models/any_light/``), if any."""
    candidate = models_dir() / "any_light" / DEFAULT_MODEL_NAME
    return candidate if candidate.is_file() else None


def seed_dir() -> Path | None:
    """The original service's reference material, beside a checkout (``../shared/data/seed``)."""
    candidate = app_root().parent / "shared" / "data" / "seed"
    return candidate if candidate.is_dir() else None


def log_dir() -> Path:
    """The application-data folder the log goes to, the same as the window's (found without
    Qt): ``~/.local/share/CapSeg/CapSeg Desktop`` on Linux, ``%APPDATA%\\CapSeg\\CapSeg
    Desktop`` on Windows, ``~/Library/Application Support/CapSeg/CapSeg Desktop`` on macOS."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return app_data_dir()


def app_data_dir() -> Path:
    """The application-data folder, where Qt's ``QStandardPaths.AppDataLocation`` points for
    this organisation and application (found without Qt)."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / ORGANISATION / APPLICATION
