"""The Qt-free engine: image reading, model sessions, segmentation, counting, pictures and
results. Nothing here imports Qt; TensorFlow is imported only when a Keras model is opened."""

from __future__ import annotations

from .counting import Capillary, CountingParams, CountResult, count_capillaries
from .errors import (
    AnalysisCancelled,
    CapSegError,
    ExportError,
    ImageReadError,
    ImageTooLargeError,
    ModelLoadError,
)
from .imageio import LoadedImage, list_images, read_image
from .model import ModelInfo, ModelSession, load_model
from .pipeline import Analysis, Analyzer
from .result import AnalysisResult

__all__ = [
    "Analysis", "AnalysisCancelled", "AnalysisResult", "Analyzer", "Capillary", "CapSegError",
    "CountResult", "CountingParams", "ExportError", "ImageReadError", "ImageTooLargeError",
    "LoadedImage", "ModelInfo", "ModelLoadError", "ModelSession", "count_capillaries",
    "list_images", "load_model", "read_image",
]
