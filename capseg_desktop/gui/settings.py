"""What the window remembers between runs, in one ``QSettings`` store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core.i18n import LANGUAGES

ORGANIZATION = "CapSeg"
APPLICATION = "CapSeg Desktop"
MAX_RECENT_FILES = 8
DEFAULT_OPACITY = 0.45
#: The fields of ``core.CountingParams`` (named here so that reading the settings does not
#: load the engine; a test checks the two agree).
PARAM_NAMES = ("threshold", "min_area_px", "merge_distance_px", "split_area_px")

#: A settings file to use instead of the per-user store (tests, screenshot runs).
SETTINGS_FILE_ENV = "CAPSEG_SETTINGS_FILE"


class AppSettings:
    """Typed access to the settings; ``path`` points the store at an INI file (tests use a
    file in ``tmp_path``), otherwise the platform's per-user store is used."""

    def __init__(self, path: str | Path | None = None) -> None:
        path = path or os.environ.get(SETTINGS_FILE_ENV) or None
        if path is not None:
            self.store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.store = QSettings(ORGANIZATION, APPLICATION)

    def sync(self) -> None:
        self.store.sync()

    # Plain values ----------------------------------------------------------------------
    def _text(self, key: str) -> str:
        value = self.store.value(key, "")
        return str(value) if value is not None else ""

    def _float(self, key: str, default: float | None) -> float | None:
        value = self.store.value(key, None)
        if value in (None, ""):
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            return default

    def folder(self, kind: str) -> str:
        """Last folder used for ``kind`` ('open', 'export', 'batch', 'model')."""
        return self._text(f"folders/{kind}")

    def set_folder(self, kind: str, folder: str | Path) -> None:
        self.store.setValue(f"folders/{kind}", str(folder))

    # Recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.store.value("recent/files", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value] if value else []
        return [str(v) for v in (value or [])][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str | Path) -> list[str]:
        path = str(path)
        files = [path] + [f for f in self.recent_files() if f != path]
        files = files[:MAX_RECENT_FILES]
        self.store.setValue("recent/files", files)
        return files

    def clear_recent_files(self) -> None:
        self.store.setValue("recent/files", [])

    # Window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def arrangement(self) -> str:
        value = self._text("view/arrangement")
        return value if value in ("auto", "side", "stacked") else "auto"

    def set_arrangement(self, value: str) -> None:
        self.store.setValue("view/arrangement", value)

    # Analysis ----------------------------------------------------------------------------
    def opacity(self) -> float:
        value = self._float("view/overlay_opacity", DEFAULT_OPACITY)
        return min(1.0, max(0.0, value if value is not None else DEFAULT_OPACITY))

    def set_opacity(self, value: float) -> None:
        self.store.setValue("view/overlay_opacity", float(value))

    def param_values(self) -> dict[str, float] | None:
        """The counting parameters last used (``CountingParams`` fields), or ``None``; then
        the model's recommended ones apply."""
        values: dict[str, float] = {}
        for name in PARAM_NAMES:
            value = self._float(f"parameters/{name}", None)
            if value is None:
                return None
            values[name] = value
        return values

    def set_params(self, params: Any) -> None:
        """Store a ``CountingParams`` (or a dict of its fields)."""
        values = params if isinstance(params, dict) else params.to_dict()
        for name in PARAM_NAMES:
            self.store.setValue(f"parameters/{name}", values[name])

    def clear_params(self) -> None:
        self.store.remove("parameters")

    def um_per_px(self) -> float | None:
        value = self._float("parameters_scale/um_per_px", None)
        return value if value and value > 0 else None

    def set_um_per_px(self, value: float | None) -> None:
        self.store.setValue("parameters_scale/um_per_px", "" if not value else float(value))

    def profile_name(self) -> str:
        """The microscope profile chosen in the toolbar ("": none)."""
        return self._text("calibration/profile")

    def set_profile_name(self, name: str) -> None:
        self.store.setValue("calibration/profile", name)

    def model_path(self) -> str:
        return self._text("model/path")

    def set_model_path(self, path: str | Path) -> None:
        self.store.setValue("model/path", str(path))

    # Language ----------------------------------------------------------------------------
    def language(self) -> str:
        """The language chosen in View > Language ('fr', 'en', ...: core.i18n.LANGUAGES), or 'system'
        (the default): follow the system's locale."""
        value = self._text("view/language")
        return value if value in LANGUAGES else "system"

    def set_language(self, value: str) -> None:
        self.store.setValue("view/language", value if value in LANGUAGES else "system")
