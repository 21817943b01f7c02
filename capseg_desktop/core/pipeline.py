"""One analysis from start to end, shared by the desktop window and the command line.

``Analyzer.analyze_path`` reads, brings the image to the model's scale, segments and counts;
the returned ``Analysis`` keeps the probability map (at the image's own size), so
``Analysis.recount`` with new parameters needs no new inference.

Counting parameters are in pixels *at the model's scale* (what the model card recommends);
when an image was resized for the model, areas and distances are converted to the image's
own pixels before counting, so boxes, areas and centroids are always in the image's pixels.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Sequence

import cv2
import numpy as np

from . import render, sanity
from .atomic import write_bytes_atomic, write_text_atomic
from .corrections import Corrections, Edit, apply_edits, capillaries_from_labels, edited_ids, encode_rle, label_at, summarise
from .overrides import clinician_flags, with_clinician_flags
from .calibration import Calibration
from .counting import CountingParams, CountResult, count_capillaries
from .errors import AnalysisCancelled, CapSegError
from .i18n import format_float, format_number, translate
from .imageio import DEFAULT_MAX_PIXELS, LoadedImage, read_image
from .light import GREEN, green_light_warnings, light_of
from .focus import blurred_ids, edge_widths, luma
from .haemorrhage import Haemorrhage, behind_the_row, detect_haemorrhages
from .measure import LoopMeasures, Thresholds, distal_row, measure_loops
from .model import ModelSession
from .result import AnalysisResult, local_now_iso
from .scale import (
    LIMB_WIDTH_PER_SIGMA, MAX_FACTOR, MIN_FACTOR, NATIVE_SCALE, SCALE_ESTIMATED, SCALE_NATIVE, SCALE_PROFILE, SCALE_SET, SCALE_SHARED,
    ScaleInfo, disagrees, estimate_limb_width_px, estimate_ridge_sigma, median_limb_width, scale_factor_for_sigma,
)
from .segment import CancelCheck, ProgressCallback, predict_probabilities
from .texts import Plurals

#: This module's sentences with a count (see ``core.texts.Plurals``).
Progress = Plurals("Progress")


@dataclass
class Analysis:
    """An image, its probability map and the counted result (for the current parameters)."""

    image: LoadedImage
    probabilities: np.ndarray
    result: AnalysisResult
    counted: CountResult = field(repr=False)
    #: Warnings about the picture and the model's output (not about the µm per pixel, which
    #: a recount may change).
    base_warnings: tuple[str, ...] = ()
    #: The model's count when ``counted`` holds an edited one (see ``with_edits``).
    _model_counted: CountResult | None = field(default=None, repr=False, compare=False)

    @cached_property
    def mask(self) -> np.ndarray:
        """Computed once per analysis: about 100 ms on a 64-megapixel scan."""
        return self.probabilities > self.result.params.threshold

    @cached_property
    def counted_mask(self) -> np.ndarray:
        """Only the pixels that belong to counted capillaries."""
        return self.counted.labels > 0

    def recount(self, params: CountingParams, um_per_px: float | None = None,
                calibration: Calibration | None = None) -> "Analysis":
        """Count again from the kept probability map: no inference, milliseconds. The result
        is the model's count, without edits: replay them with ``with_edits`` (those that still
        apply stay). ``calibration``: where ``um_per_px`` came from (kept from before when not
        given; dropped when it is for another number)."""
        started = time.perf_counter()
        factor = self.result.scale.factor if self.result.scale is not None else 1.0
        counted = count_capillaries(self.probabilities, params_at_image_scale(params, factor))
        timings = dict(self.result.timings_ms)
        timings["count"] = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        measures = measure_with_focus(counted.labels, counted.capillaries, self.image.rgb, self.result.scale)
        haemorrhages = find_haemorrhages(self.image.rgb, counted.labels, self.result.scale, measures)
        timings["measure"] = (time.perf_counter() - started) * 1000.0
        warnings = self.base_warnings + tuple(micrometre_warnings(self.result.scale, um_per_px))
        result = replace(
            self.result, params=params, capillaries=counted.capillaries, um_per_px=um_per_px,
            timings_ms=timings, warnings=warnings, model_count=None, edits=None, edit_log=(), edited_ids=(),
            measures=measures, calibration=calibration if calibration is not None else self.result.calibration,
            haemorrhages=haemorrhages,
        )
        return Analysis(self.image, self.probabilities, result, counted, self.base_warnings)

    # Measurements ------------------------------------------------------------------------------
    def with_calibration(self, calibration: Calibration | None) -> "Analysis":
        """The same count at another scale: ``um_per_px`` becomes the calibration's (the
        measurements in pixels do not change; an estimate sets no µm per pixel)."""
        scale = calibration.measuring_um_per_px if calibration is not None else None
        warnings = self.base_warnings + tuple(micrometre_warnings(self.result.scale, scale))
        result = replace(self.result, um_per_px=scale, calibration=calibration, warnings=warnings)
        return self._with_result(result)

    def with_thresholds(self, thresholds: Thresholds) -> "Analysis":
        return self._with_result(replace(self.result, thresholds=thresholds))

    def with_density_window(self, window: tuple[float, float] | None) -> "Analysis":
        """The density over ``window`` (start, end along the row, image pixels), or the whole image."""
        window = None if window is None else (float(min(window)), float(max(window)))
        return self._with_result(replace(self.result, density_window=window))

    def _with_result(self, result: AnalysisResult) -> "Analysis":
        other = Analysis(self.image, self.probabilities, result, self.counted, self.base_warnings)
        other._model_counted = self._model_counted
        return other

    # Corrections by hand ---------------------------------------------------------------------
    @property
    def model_counted(self) -> CountResult:
        """The model's own count (before any edit) for the current parameters."""
        return self._model_counted if self._model_counted is not None else self.counted

    def with_edits(self, edits: Sequence[Edit]) -> "Analysis":
        """The edit log replayed on the model's count for the current parameters (never on an
        already edited one: edits are always replayed from the model's count, so calling this
        again with a longer or shorter log is undo and redo). An empty log gives back the
        model's count with ``model_count`` and an empty summary recorded."""
        started = time.perf_counter()
        base = self.model_counted
        labels, applied = apply_edits(base.labels, edits)
        capillaries = capillaries_from_labels(labels)
        changed = edited_ids(base.labels, labels)
        timings = dict(self.result.timings_ms)
        timings["edits"] = (time.perf_counter() - started) * 1000.0
        if len(capillaries) < np.iinfo(np.uint16).max:
            labels = labels.astype(np.uint16)
        started = time.perf_counter()
        measures = measure_with_focus(labels, capillaries, self.image.rgb, self.result.scale)
        flags = clinician_flags(lambda point: label_at(labels, point), edits, applied)
        measures = with_clinician_flags(measures, flags)  # the clinician has the last word
        haemorrhages = find_haemorrhages(self.image.rgb, labels, self.result.scale, measures)
        timings["measure"] = (time.perf_counter() - started) * 1000.0
        result = replace(
            self.result, capillaries=capillaries, timings_ms=timings, model_count=base.count,
            edits=summarise(edits, applied), edit_log=tuple(edits), edited_ids=changed, measures=measures,
            haemorrhages=haemorrhages,
        )
        edited = Analysis(self.image, self.probabilities, result, CountResult(capillaries, labels), self.base_warnings)
        edited._model_counted = base
        return edited

    def corrections(self, image_sha256: str) -> Corrections:
        """What the sidecar keeps for this (edited) analysis."""
        result = self.result
        labels = self.counted.labels
        masks = []
        for capillary in result.capillaries:
            x0, y0, x1, y1 = capillary.bbox
            mask = np.zeros(labels.shape, dtype=bool)
            mask[y0:y1, x0:x1] = labels[y0:y1, x0:x1] == capillary.id
            masks.append(encode_rle(mask))
        return Corrections(
            image_name=result.file_name, image_sha256=image_sha256, width=result.width, height=result.height,
            model_name=result.model.name, model_sha256=result.model.sha256, params=result.params,
            um_per_px=result.scale_um_per_px,
            model_count=result.model_count if result.model_count is not None else self.model_counted.count,
            edits=list(result.edit_log), saved=local_now_iso(), capillaries=result.capillaries, labels_rle=masks,
            scale=result.scale,
        )

    # Pictures --------------------------------------------------------------------------------
    def mask_rgb(self) -> np.ndarray:
        """The counted capillaries only, as exported: what the count and the boxes are made of."""
        return render.mask_image(self.counted_mask)

    def overlay_rgb(self, opacity: float = 0.45) -> np.ndarray:
        return render.overlay_image(self.image.rgb, self.mask, opacity)

    def annotated_rgb(self) -> np.ndarray:
        return render.annotated_image(
            self.image.rgb, self.result.capillaries, self.result.legend_lines(), self.counted_mask,
            edited_ids=self.result.edited_ids, flags=self.result.flags(), distal_line=self.result.distal_row().line,
            marked=[m.id for m in self.result.measures if m.by_clinician],
            haemorrhages=self.result.haemorrhages or (),
        )

    # Files -----------------------------------------------------------------------------------
    def write_annotated_png(self, path: str | Path, overwrite: bool = False) -> Path:
        data = render.encode_png(self.annotated_rgb(), self.result.png_text())
        return write_bytes_atomic(path, data, overwrite=overwrite)

    def write_mask_png(self, path: str | Path, overwrite: bool = False) -> Path:
        """The counted capillaries only (components below the minimum area are left out), as
        the window's export writes it."""
        grey = np.where(self.counted_mask, 255, 0).astype(np.uint8)
        data = render.encode_png(grey, self.result.png_text())
        return write_bytes_atomic(path, data, overwrite=overwrite)

    def write_json(self, path: str | Path, overwrite: bool = False) -> Path:
        return write_text_atomic(path, self.result.to_json(), overwrite=overwrite)

    def write_csv(self, path: str | Path, overwrite: bool = False) -> Path:
        return write_text_atomic(path, self.result.capillaries_csv(), overwrite=overwrite)


def measure_with_focus(labels: np.ndarray, capillaries: Sequence, rgb: np.ndarray,
                       scale: ScaleInfo | None) -> tuple[LoopMeasures, ...]:
    """Each loop's measures (``core.measure``) with its focus (``core.focus``): the width of its
    edges at the model's scale, and whether it is too blurred for its widths to be trusted."""
    measures = measure_loops(labels, capillaries)
    if not measures:
        return measures
    factor = scale.factor if scale is not None else 1.0
    widths = edge_widths(luma(rgb), labels, capillaries, factor)
    blurred = blurred_ids(widths)
    return tuple(replace(m, edge_width_px=widths.get(m.id), blurred=m.id in blurred) for m in measures)


def find_haemorrhages(rgb: np.ndarray, labels: np.ndarray, scale: ScaleInfo | None,
                      measures: Sequence[LoopMeasures] = ()) -> tuple[Haemorrhage, ...]:
    """The haemorrhages outside the counted capillaries (``labels``), at the image's limb width
    as the scale gives it (the model's, brought to the image, when the scale does not say), and
    not far behind the distal row of the loops ``measures`` (``core.haemorrhage.behind_the_row``)."""
    limb = None
    if scale is not None:
        limb = scale.limb_width_px
        if limb is None and scale.model_limb_width_px:
            limb = scale.model_limb_width_px / scale.factor
    found = detect_haemorrhages(rgb, labels > 0, limb)
    if found and measures:
        row = distal_row(measures, labels.shape)
        found = behind_the_row(found, row.line, row.apex_vector, limb)
    return found


def params_at_image_scale(params: CountingParams, factor: float) -> CountingParams:
    """Parameters in model pixels converted to the pixels of an image resized by ``factor``
    for the model (areas by the square of the factor)."""
    if factor == 1.0:
        return params
    return CountingParams(
        threshold=params.threshold,
        min_area_px=max(1, int(round(params.min_area_px / factor**2))),
        merge_distance_px=params.merge_distance_px / factor,
        split_area_px=max(1, int(round(params.split_area_px / factor**2))),
    )


# Capillary limbs are about 6 to 20 µm wide (dilated ones up to 50 µm, but the typical limb of
# an image is not); a µm per pixel that makes the image's typical limb narrower or much wider
# than this is most likely the scale of another microscope or magnification.
PLAUSIBLE_LIMB_UM = (4.0, 30.0)


def micrometre_warnings(scale: ScaleInfo | None, um_per_px: float | None) -> list[str]:
    """A plain sentence when the µm per pixel set does not fit the vessels' measured width."""
    if scale is None or scale.limb_width_px is None or not um_per_px or scale.source == SCALE_SET:
        return []
    limb_um = scale.limb_width_px * um_per_px
    low, high = PLAUSIBLE_LIMB_UM
    if low <= limb_um <= high:
        return []
    return [
        translate(
            "Analysis",
            "With {scale} µm per pixel the capillary limbs would be about {limb} µm wide, which is implausible "
            "(usually {low}-{high} µm): check that the scale is this microscope's and magnification's.",
        ).format(
            scale=format_float(um_per_px, "g"), limb=format_number(limb_um, 0), low=format_float(low, "g"), high=format_float(high, "g")
        )
    ]


def unmeasured_scale_warnings(scale: ScaleInfo) -> list[str]:
    """A model that works at one scale, on an image whose vessel width could not be measured."""
    if scale.source == SCALE_NATIVE and scale.model_limb_width_px is not None:
        return [
            translate(
                "Analysis",
                "The width of the vessels could not be measured (too little contrast, or mostly dark "
                "border), so the image was analysed at its own size: check the count.",
            )
        ]
    return []


# Upscaling for the model is limited to this many pixels (the probability map at model scale is
# made in tiles, but the resized picture is held whole).
MAX_MODEL_PIXELS = 40_000_000
#: A folder's shared scale is the median of the estimates of at most this many of its images.
SHARED_SCALE_SAMPLE = 24


def _largest_factor(height: int, width: int) -> float:
    """The largest resize that keeps an image of this size within ``MAX_MODEL_PIXELS``."""
    return float(np.clip(np.sqrt(MAX_MODEL_PIXELS / max(1, height * width)), MIN_FACTOR, MAX_FACTOR))


def images_limb_width(paths: Sequence[Path], max_pixels: int = DEFAULT_MAX_PIXELS,
                      should_cancel: CancelCheck | None = None, sample: int = SHARED_SCALE_SAMPLE) -> float | None:
    """The typical limb width (pixels) of one microscope's images: the median of the widths
    estimated on up to ``sample`` of them, spread evenly; ``None`` when fewer than two could
    be measured. Images that cannot be read are skipped."""
    chosen = list(paths) if len(paths) <= sample else [
        paths[round(i * (len(paths) - 1) / (sample - 1))] for i in range(sample)]
    widths: list[float | None] = []
    for path in chosen:
        if should_cancel is not None and should_cancel():
            raise AnalysisCancelled()
        try:
            rgb = read_image(path, max_pixels=max_pixels).rgb
        except CapSegError:
            continue
        widths.append(estimate_limb_width_px(rgb))
    return median_limb_width(widths)


class Analyzer:
    """Runs analyses with one loaded model.

    ``scale_mode``: ``"auto"`` (the default) brings each image to the scale its model card
    states; ``"native"`` analyses every image at its own size (as version 1 did)."""

    def __init__(self, session: ModelSession, max_pixels: int = DEFAULT_MAX_PIXELS,
                 scale_mode: str = "auto") -> None:
        self.session = session
        self.max_pixels = max_pixels
        self.scale_mode = scale_mode
        #: The analyzer for pictures lit green (``core.light``): used instead of this one when an
        #: analysis asks for the models' own counting parameters (``params=None``) and chooses
        #: the scale itself. ``None``: every picture with this model.
        self.for_green_light: "Analyzer | None" = None

    def model_scale(self) -> dict:
        """The card's ``scale`` section (empty when the model states none)."""
        card = getattr(self.session, "card", None) or {}
        section = card.get("scale") if isinstance(card, dict) else None
        return section if isinstance(section, dict) else {}

    def choose_scale(self, rgb: np.ndarray, um_per_px: float | None = None) -> ScaleInfo:
        """How to resize this image for the model: from the user's micrometres per pixel when
        both it and the model's calibrated scale are known, else estimated from the image."""
        stated = self.model_scale()
        target_sigma = stated.get("ridge_sigma_px")
        if self.scale_mode == "native" or not target_sigma:
            return NATIVE_SCALE
        model_limb_px = float(target_sigma) * LIMB_WIDTH_PER_SIGMA
        model_um_per_px = stated.get("um_per_px")
        height, width = rgb.shape[:2]
        largest = _largest_factor(height, width)
        if um_per_px and model_um_per_px and np.isfinite(um_per_px) and um_per_px > 0:
            factor = float(np.clip(um_per_px / float(model_um_per_px), MIN_FACTOR, min(MAX_FACTOR, max(1.0, largest))))
            return ScaleInfo(factor, model_limb_px / factor, round(model_limb_px, 2), SCALE_SET)
        sigma = estimate_ridge_sigma(rgb)
        if sigma is None:
            return ScaleInfo(1.0, None, round(model_limb_px, 2), SCALE_NATIVE)
        # The pixel limit holds back enlarging only: an image is never shrunk below the model's scale for it.
        factor = min(scale_factor_for_sigma(sigma, float(target_sigma)), max(1.0, largest))
        return ScaleInfo(factor, sigma * LIMB_WIDTH_PER_SIGMA, round(model_limb_px, 2), SCALE_ESTIMATED)

    def scale_for_limb_width(self, rgb: np.ndarray, limb_width_px: float, source: str = SCALE_SHARED) -> ScaleInfo:
        """The resize that brings limbs of ``limb_width_px`` (image pixels) to the model's
        scale, within the pixel limit for this image (``NATIVE_SCALE`` for a model that
        states no scale)."""
        target_sigma = self.model_scale().get("ridge_sigma_px")
        if self.scale_mode == "native" or not target_sigma:
            return NATIVE_SCALE
        height, width = rgb.shape[:2]
        largest = _largest_factor(height, width)
        factor = min(scale_factor_for_sigma(limb_width_px / LIMB_WIDTH_PER_SIGMA, float(target_sigma)), max(1.0, largest))
        return ScaleInfo(factor, float(limb_width_px), round(float(target_sigma) * LIMB_WIDTH_PER_SIGMA, 2), source)

    def shared_scale(self, paths: Sequence[Path], should_cancel: CancelCheck | None = None,
                     sample: int = SHARED_SCALE_SAMPLE) -> ScaleInfo | None:
        """One scale for images of one microscope (a folder, a batch, an exam): the median of
        the limb widths estimated on up to ``sample`` of them, spread evenly. ``None`` when
        the model states no scale or fewer than two images could be measured; images that
        cannot be read are left to the analysis to report."""
        if self.scale_mode == "native" or not self.model_scale().get("ridge_sigma_px") or len(paths) < 2:
            return None
        median = images_limb_width(paths, self.max_pixels, should_cancel, sample)
        if median is None:
            return None
        return ScaleInfo(1.0, median, None, SCALE_SHARED)

    def _scale_for(self, rgb: np.ndarray, um_per_px: float | None, shared: ScaleInfo | None,
                   calibration: Calibration | None = None) -> tuple[ScaleInfo, list[str]]:
        """The image's scale: the user's µm per pixel when the model states its own, else the
        scale learnt for the microscope profile, else the shared scale of its folder (with a
        sentence when the image's own estimate disagrees), else the image's own estimate."""
        own = self.choose_scale(rgb, um_per_px)
        if own.source == SCALE_SET:
            return own, []
        learnt = calibration.limb_width_px if calibration is not None else None
        if learnt:
            shared = ScaleInfo(1.0, float(learnt), None, SCALE_PROFILE)
        if shared is None or shared.limb_width_px is None:
            return own, []
        scale = self.scale_for_limb_width(rgb, shared.limb_width_px, shared.source)
        if own.source == SCALE_ESTIMATED and disagrees(own.limb_width_px, shared.limb_width_px):
            if shared.source == SCALE_PROFILE:
                sentence = translate(
                    "Analysis",
                    "The vessels of this image look {ratio} times as wide as those the microscope profile learnt "
                    "(limbs about {own} px against {shared} px): check that the profile is this microscope's and "
                    "magnification's; it was analysed at the profile's scale.",
                )
            else:
                sentence = translate(
                    "Analysis",
                    "The vessels of this image look {ratio} times as wide as in the other images of its folder "
                    "(limbs about {own} px against {shared} px): it may come from another microscope or magnification; "
                    "it was analysed at the folder's scale.",
                )
            return scale, [sentence.format(ratio=format_number(own.limb_width_px / shared.limb_width_px, 1),
                      own=format_number(own.limb_width_px, 1), shared=format_number(shared.limb_width_px, 1))]
        return scale, []

    def segment(self, rgb: np.ndarray, factor: float, progress: ProgressCallback | None = None,
                should_cancel: CancelCheck | None = None) -> np.ndarray:
        """Probabilities at the image's own size, computed at ``factor`` times its size."""
        if factor == 1.0:
            return predict_probabilities(self.session, rgb, progress=progress, should_cancel=should_cancel)
        height, width = rgb.shape[:2]
        size = (max(1, int(round(width * factor))), max(1, int(round(height * factor))))
        resized = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        probabilities = predict_probabilities(self.session, resized, progress=progress, should_cancel=should_cancel)
        del resized
        # Back to the image's size: averaging when the map shrinks (no aliasing of thin vessels).
        back = cv2.INTER_AREA if factor > 1.0 else cv2.INTER_LINEAR
        return cv2.resize(probabilities, (width, height), interpolation=back)

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
        scale: ScaleInfo | None = None,
        calibration: Calibration | None = None,
        shared: ScaleInfo | None = None,
    ) -> Analysis:
        started = time.perf_counter()
        image = read_image(path, max_pixels=self.max_pixels)
        read_ms = (time.perf_counter() - started) * 1000.0
        if progress is not None:
            progress(0.05, translate("Analysis", "Image read"))
        return self.analyze_image(
            image, params, um_per_px, progress, should_cancel, extra_timings={"read": read_ms}, scale=scale,
            calibration=calibration, shared=shared,
        )

    def analyze_image(
        self,
        image: LoadedImage,
        params: CountingParams | None = None,
        um_per_px: float | None = None,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
        extra_timings: dict[str, float] | None = None,
        scale: ScaleInfo | None = None,
        calibration: Calibration | None = None,
        shared: ScaleInfo | None = None,
    ) -> Analysis:
        """``calibration``: where ``um_per_px`` came from (recorded in the result and the exports).
        ``scale``: bring the image to the model's scale exactly so (as recorded with saved
        corrections, to count as it was counted then) instead of choosing it. ``shared``: the
        scale of the image's folder (``shared_scale``), used unless a µm per pixel sets it."""
        light = light_of(image.rgb)
        if params is None and scale is None and self.for_green_light is not None and light == GREEN:
            return self.for_green_light.analyze_image(image, None, um_per_px, progress, should_cancel, extra_timings,
                                                      None, calibration, shared)
        params = params or self.default_params()

        def segment_progress(fraction: float, message: str) -> None:
            if progress is not None:
                progress(0.05 + 0.9 * fraction, message)

        started = time.perf_counter()
        scale_warnings: list[str] = []
        if scale is None:
            scale, scale_warnings = self._scale_for(image.rgb, um_per_px, shared, calibration)
        scale_ms = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        probabilities = self.segment(image.rgb, scale.factor, segment_progress, should_cancel)
        segment_ms = (time.perf_counter() - started) * 1000.0
        if should_cancel is not None and should_cancel():
            raise AnalysisCancelled()
        started = time.perf_counter()
        counted = count_capillaries(probabilities, params_at_image_scale(params, scale.factor))
        count_ms = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        measures = measure_with_focus(counted.labels, counted.capillaries, image.rgb, scale)
        measure_ms = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        haemorrhages = find_haemorrhages(image.rgb, counted.labels, scale, measures)
        haemorrhage_ms = (time.perf_counter() - started) * 1000.0
        timings = {**(extra_timings or {}), "scale": scale_ms, "segment": segment_ms, "count": count_ms,
                   "measure": measure_ms, "haemorrhages": haemorrhage_ms}
        base_warnings = tuple(sanity.image_warnings(image.rgb) + sanity.probability_warnings(probabilities)
                              + unmeasured_scale_warnings(scale) + scale_warnings
                              + green_light_warnings(light, getattr(self.session, "path", None)))
        warnings = base_warnings + tuple(micrometre_warnings(scale, um_per_px))
        result = AnalysisResult(
            source=str(image.path) if image.path is not None else "(unsaved image)",
            width=image.width,
            height=image.height,
            model=self.session.info,
            params=params,
            capillaries=counted.capillaries,
            um_per_px=um_per_px,
            timings_ms=timings,
            warnings=warnings,
            scale=None if scale is NATIVE_SCALE else scale,
            recommended_params=self.default_params(),
            measures=measures,
            calibration=calibration,
            haemorrhages=haemorrhages,
        )
        if progress is not None:
            progress(1.0, Progress.tr("%n capillaries", "", result.count))
        return Analysis(image, probabilities, result, counted, base_warnings)
