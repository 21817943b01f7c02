"""The Qt-free engine: image reading, model sessions, segmentation, counting, pictures and
results. Nothing here imports Qt; TensorFlow is imported only when a Keras model is opened.

The names below are loaded on first use (PEP 562), so that a light module of the engine
(``core.i18n``, which the window needs before it is on screen) can be imported without
NumPy and OpenCV."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .counting import Capillary, CountingParams, CountResult, count_capillaries
    from .errors import AnalysisCancelled, CapSegError, ExportError, ImageReadError, ImageTooLargeError, ModelLoadError
    from .imageio import LoadedImage, list_images, read_image
    from .model import ModelInfo, ModelSession, load_model
    from .pipeline import Analysis, Analyzer
    from .result import AnalysisResult

_WHERE = {
    "Capillary": "counting", "CountingParams": "counting", "CountResult": "counting", "count_capillaries": "counting",
    "AnalysisCancelled": "errors", "CapSegError": "errors", "ExportError": "errors", "ImageReadError": "errors",
    "ImageTooLargeError": "errors", "ModelLoadError": "errors",
    "LoadedImage": "imageio", "list_images": "imageio", "read_image": "imageio",
    "ModelInfo": "model", "ModelSession": "model", "load_model": "model",
    "Analysis": "pipeline", "Analyzer": "pipeline",
    "AnalysisResult": "result",
}

__all__ = [
    "Analysis", "AnalysisCancelled", "AnalysisResult", "Analyzer", "Capillary", "CapSegError",
    "CountResult", "CountingParams", "ExportError", "ImageReadError", "ImageTooLargeError",
    "LoadedImage", "ModelInfo", "ModelLoadError", "ModelSession", "count_capillaries",
    "list_images", "load_model", "read_image",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
