"""One analysis from start to end, shared by the desktop window and the command line.

``Analyzer.analyze_path`` reads, segments and counts; the returned ``Analysis`` keeps the
probability map, so ``Analysis.recount`` with new parameters needs no new inference.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from . import render
from .atomic import write_bytes_atomic, write_text_atomic
from .counting import CountingParams, CountResult, count_capillaries
from .errors import AnalysisCancelled
from .imageio import DEFAULT_MAX_PIXELS, LoadedImage, read_image
from .model import ModelSession
from .result import AnalysisResult
from .segment import CancelCheck, ProgressCallback, predict_probabilities


@dataclass
class Analysis:
    """An image, its probability map and the counted result (for the current parameters)."""

    image: LoadedImage
    probabilities: np.ndarray
    result: AnalysisResult
    counted: CountResult = field(repr=False)

    @cached_property
    def mask(self) -> np.ndarray:
        """Computed once per analysis: about 100 ms on a 64-megapixel scan."""
        return self.probabilities > self.result.params.threshold

    @cached_property
    def counted_mask(self) -> np.ndarray:
        """Only the pixels that belong to counted capillaries."""
        return self.counted.labels > 0

    def recount(self, params: CountingParams, um_per_px: float | None = None) -> "Analysis":
        """Count again from the kept probability map: no inference, milliseconds."""
        started = time.perf_counter()
        counted = count_capillaries(self.probabilities, params)
        timings = dict(self.result.timings_ms)
        timings["count"] = (time.perf_counter() - started) * 1000.0
        result = replace(
            self.result, params=params, capillaries=counted.capillaries, um_per_px=um_per_px,
            timings_ms=timings,
        )
        return Analysis(self.image, self.probabilities, result, counted)

    # Pictures --------------------------------------------------------------------------------
    def mask_rgb(self) -> np.ndarray:
        return render.mask_image(self.mask)

    def overlay_rgb(self, opacity: float = 0.45) -> np.ndarray:
        return render.overlay_image(self.image.rgb, self.mask, opacity)

    def annotated_rgb(self) -> np.ndarray:
        return render.annotated_image(
            self.image.rgb, self.result.capillaries, self.result.legend_lines(), self.counted_mask
        )

    # Files -----------------------------------------------------------------------------------
    def write_annotated_png(self, path: str | Path, overwrite: bool = False) -> Path:
        data = render.encode_png(self.annotated_rgb(), self.result.png_text())
        return write_bytes_atomic(path, data, overwrite=overwrite)

    def write_mask_png(self, path: str | Path, overwrite: bool = False) -> Path:
        grey = np.where(self.mask, 255, 0).astype(np.uint8)
        data = render.encode_png(grey, self.result.png_text())
        return write_bytes_atomic(path, data, overwrite=overwrite)

    def write_json(self, path: str | Path, overwrite: bool = False) -> Path:
        return write_text_atomic(path, self.result.to_json(), overwrite=overwrite)

    def write_csv(self, path: str | Path, overwrite: bool = False) -> Path:
        return write_text_atomic(path, self.result.capillaries_csv(), overwrite=overwrite)


class Analyzer:
    """Runs analyses with one loaded model."""

    def __init__(self, session: ModelSession, max_pixels: int = DEFAULT_MAX_PIXELS) -> None:
        self.session = session
        self.max_pixels = max_pixels

    def default_params(self) -> CountingParams:
        """The original's defaults, overridden by what the model card recommends."""
        return CountingParams.from_dict(
            {**CountingParams().to_dict(), **self.session.recommended_parameters()}
        )

    def analyze_path(
        self,
        path: str | Path,
        params: CountingParams | None = None,
        um_per_px: float | None = None,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
    ) -> Analysis:
        started = time.perf_counter()
        image = read_image(path, max_pixels=self.max_pixels)
        read_ms = (time.perf_counter() - started) * 1000.0
        if progress is not None:
            progress(0.05, "Image read")
        return self.analyze_image(
            image, params, um_per_px, progress, should_cancel, extra_timings={"read": read_ms}
        )

    def analyze_image(
        self,
        image: LoadedImage,
        params: CountingParams | None = None,
        um_per_px: float | None = None,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
        extra_timings: dict[str, float] | None = None,
    ) -> Analysis:
        params = params or self.default_params()

        def segment_progress(fraction: float, message: str) -> None:
            if progress is not None:
                progress(0.05 + 0.9 * fraction, message)

        started = time.perf_counter()
        probabilities = predict_probabilities(
            self.session, image.rgb, progress=segment_progress, should_cancel=should_cancel
        )
        segment_ms = (time.perf_counter() - started) * 1000.0
        if should_cancel is not None and should_cancel():
            raise AnalysisCancelled()
        started = time.perf_counter()
        counted = count_capillaries(probabilities, params)
        count_ms = (time.perf_counter() - started) * 1000.0
        timings = {**(extra_timings or {}), "segment": segment_ms, "count": count_ms}
        result = AnalysisResult(
            source=str(image.path) if image.path is not None else "(unsaved image)",
            width=image.width,
            height=image.height,
            model=self.session.info,
            params=params,
            capillaries=counted.capillaries,
            um_per_px=um_per_px,
            timings_ms=timings,
        )
        if progress is not None:
            progress(1.0, f"{result.count} capillaries")
        return Analysis(image, probabilities, result, counted)
