"""What a drop on the window holds: images, folders, models."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent


class DropFilter(QObject):
    """Accepts a drag holding something usable, and hands a drop's paths to ``open_paths``."""

    def __init__(self, parent: QObject, open_paths: Callable[[list[Path]], None]) -> None:
        super().__init__(parent)
        self.open_paths = open_paths

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if any(usable_path(p) for p in dropped_paths(event)):  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            paths = [p for p in dropped_paths(event) if usable_path(p)]  # type: ignore[arg-type]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.open_paths(paths)
            else:
                event.ignore()
            return True
        return False


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def usable_path(path: Path) -> bool:
    from ...core.imageio import is_supported_image_path
    from ...core.model import MODEL_SUFFIXES

    return path.is_dir() or is_supported_image_path(path) or path.suffix.lower() in MODEL_SUFFIXES


def sort_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(models, folders, images) among ``paths``."""
    from ...core.imageio import is_supported_image_path
    from ...core.model import MODEL_SUFFIXES

    models = [p for p in paths if p.suffix.lower() in MODEL_SUFFIXES]
    folders = [p for p in paths if p.is_dir()]
    images = [p for p in paths if is_supported_image_path(p) and not p.is_dir()]
    return models, folders, images


def open_dropped(window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """A model is loaded; a folder, or several images, become a batch; one image is opened."""
    models, folders, images = sort_paths(paths)
    if models:
        window.models.load_model(models[0])
    if folders:
        window.open_folder(folders[0])
    elif len(images) == 1:
        window.open_image(images[0])
    elif len(images) > 1:
        window.batch.start(images[0].parent, sorted(images, key=lambda p: p.name.lower()))
