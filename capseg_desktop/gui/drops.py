"""What a drop on the window holds: images, folders, models."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def usable_path(path: Path) -> bool:
    from ..core.imageio import is_supported_image_path
    from ..core.model import MODEL_SUFFIXES

    return path.is_dir() or is_supported_image_path(path) or path.suffix.lower() in MODEL_SUFFIXES


def sort_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(models, folders, images) among ``paths``."""
    from ..core.imageio import is_supported_image_path
    from ..core.model import MODEL_SUFFIXES

    models = [p for p in paths if p.suffix.lower() in MODEL_SUFFIXES]
    folders = [p for p in paths if p.is_dir()]
    images = [p for p in paths if is_supported_image_path(p) and not p.is_dir()]
    return models, folders, images
