"""The batch loop both front ends iterate: the command line and the window's folder analysis.

It never aborts: every image ends as one ``BatchItem`` whatever happens to it. A ``CapSegError``
becomes its own sentence; anything else (a runtime's ``RuntimeError``, ``cv2.error``,
``MemoryError``, a bug of ours) becomes "could not be analysed (internal error; details in the
log)" with the traceback in the log. A cancel is its own outcome: the image being analysed and
those not yet started are ``cancelled``. ``summary_csv`` gives the same columns to both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from . import render
from .atomic import fit_stem, write_files_atomic
from .calibration import Calibration
from .corrections import CorrectionsError, check_belongs, load_corrections
from .counting import CountingParams
from .errors import AnalysisCancelled, CapSegError
from .i18n import translate
from .pipeline import Analysis, Analyzer
from .result import failed_row
from .scale import ScaleInfo
from .result import summary_csv as _rows_csv

log = logging.getLogger(__name__)

STATUS_OK = "ok"
STATUS_WARNING = "warning"
STATUS_FAILED = "failed"
STATUS_CANCELLED = "cancelled"

#: What an image's outputs are called: ``NAME_annotated.png``, ``NAME_mask.png``, ``NAME.json``.
#: The JSON comes last: it is committed last, so its presence means the set is complete.
OUTPUT_SUFFIXES = ("_annotated.png", "_mask.png", ".json")
_LONGEST_SUFFIX = max(OUTPUT_SUFFIXES, key=lambda suffix: len(suffix.encode("utf-8")))

BatchProgress = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class BatchItem:
    """How one image of a batch ended. ``message`` is one plain sentence ("" when ok)."""

    path: Path
    status: str  # "ok" | "warning" | "failed" | "cancelled"
    analysis: Analysis | None
    message: str


def internal_error_message(path: Path) -> str:
    return translate("Batch", '"{name}" could not be analysed (internal error; details in the log).').format(name=path.name)


def failed_item(path: Path, exc: BaseException) -> BatchItem:
    """The item for an image that raised ``exc``: its sentence if it is one of ours, else the
    internal-error sentence, with the traceback logged."""
    if isinstance(exc, CapSegError):
        log.warning("%s: %s (%s)", path, exc, exc.detail)
        return BatchItem(path, STATUS_FAILED, None, str(exc))
    if isinstance(exc, MemoryError):
        log.error("%s: out of memory", path, exc_info=(type(exc), exc, exc.__traceback__))
        return BatchItem(
            path, STATUS_FAILED, None,
            translate(
                "Batch", '"{name}" could not be analysed: there was not enough free memory (close other programs, or analyse it alone).'
            ).format(name=path.name),
        )
    log.error("%s: unexpected error", path, exc_info=(type(exc), exc, exc.__traceback__))
    return BatchItem(path, STATUS_FAILED, None, internal_error_message(path))


def with_warnings(analysis: Analysis, warnings: Sequence[str]) -> Analysis:
    """The analysis with more plain sentences among its result's warnings."""
    if not warnings:
        return analysis
    return replace(analysis, result=replace(analysis.result, warnings=analysis.result.warnings + tuple(warnings)))


def analyze_with_corrections(
    analyzer: Analyzer,
    path: Path,
    params: CountingParams | None = None,
    um_per_px: float | None = None,
    should_cancel: Callable[[], bool] | None = None,
    fallback_dir: Path | None = None,
    shared: ScaleInfo | None = None,
    calibration: Calibration | None = None,
) -> Analysis:
    """The image counted as its saved corrections say: with the sidecar's parameters, µm per
    pixel and resize, then the edit log replayed. Without a sidecar, the model's count with
    ``params``; with one that cannot be used (damaged, newer, another picture's), the model's
    count with its sentence as a warning."""
    warnings: list[str] = []
    try:
        found = load_corrections(path, fallback_dir)
    except CorrectionsError as exc:
        log.warning("%s: %s (%s)", path, exc, exc.detail)
        found, warnings = None, [str(exc)]
    if found is None:
        analysis = analyzer.analyze_path(path, params=params, um_per_px=um_per_px, should_cancel=should_cancel, shared=shared,
                                         calibration=calibration)
        return with_warnings(analysis, warnings)
    corrections, sidecar = found
    analysis = analyzer.analyze_path(
        path, params=corrections.params, um_per_px=corrections.um_per_px, should_cancel=should_cancel,
        scale=corrections.scale,
    )
    try:
        check_belongs(corrections, path, sidecar, size=(analysis.result.width, analysis.result.height))
    except CorrectionsError as exc:
        return with_warnings(analysis.recount(params or analyzer.default_params(), um_per_px), [str(exc)])
    edited = analysis.with_edits(corrections.edits)
    if corrections.model_sha256 and corrections.model_sha256 != analysis.result.model.sha256:
        warnings.append(
            translate(
                "Batch",
                'The corrections of "{name}" were made on the count of another model ({model}); '
                "they were replayed on this model's count where they still apply.",
            ).format(name=path.name, model=corrections.model_name)
        )
    elif edited.result.count != corrections.count:
        warnings.append(
            translate(
                "Batch",
                'The corrections of "{name}" gave {saved} capillaries when saved but {replayed} when replayed; '
                "check this image in the window.",
            ).format(name=path.name, saved=corrections.count, replayed=edited.result.count)
        )
    return with_warnings(edited, warnings)


def item_for(path: Path, analysis: Analysis) -> BatchItem:
    warnings = analysis.result.warnings
    if warnings:
        return BatchItem(path, STATUS_WARNING, analysis, " ".join(warnings))
    return BatchItem(path, STATUS_OK, analysis, "")


def _cancelled(path: Path) -> BatchItem:
    return BatchItem(path, STATUS_CANCELLED, None, translate("Batch", "The analysis was cancelled before this image was finished."))


def run_batch(
    analyzer: Analyzer,
    paths: Sequence[Path],
    params: CountingParams | None = None,
    um_per_px: float | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: BatchProgress | None = None,
    use_corrections: bool = False,
    corrections_dir: Path | None = None,
    shared_scale: bool = True,
    calibration: Calibration | None = None,
) -> Iterator[BatchItem]:
    """Analyse ``paths`` one by one, yielding one ``BatchItem`` per path, in order.

    ``use_corrections``: an image with saved corrections (beside it, or in ``corrections_dir``)
    is counted as corrected (see :func:`analyze_with_corrections`).

    ``progress(done, total, path)`` is called before each image (``done`` images finished,
    ``path`` the one starting) and once at the end with ``done == total``. After a cancel the
    remaining paths are yielded as ``cancelled``, so every path has an item.

    ``shared_scale``: images of one folder come from one microscope, so without a µm per pixel
    they are brought to the model's scale with one factor, the median of their own estimates
    (``Analyzer.shared_scale``); an image whose own estimate is more than 1.5 times off is
    analysed at the shared scale with a warning. Images with saved corrections keep the scale
    they were corrected at. ``calibration``: where ``um_per_px`` came from; a microscope
    profile that has learnt its scale (``Profile.with_learnt_scale``) sets it for every image."""
    paths = [Path(p) for p in paths]
    total = len(paths)
    shared = None
    if shared_scale and len(paths) > 1 and not (calibration is not None and calibration.limb_width_px):
        try:
            shared = analyzer.shared_scale(paths, should_cancel)
        except AnalysisCancelled:
            yield from (_cancelled(rest) for rest in paths)
            return
    for index, path in enumerate(paths):
        if should_cancel is not None and should_cancel():
            yield from (_cancelled(rest) for rest in paths[index:])
            return
        if progress is not None:
            progress(index, total, path)
        try:
            if use_corrections:
                analysis = analyze_with_corrections(analyzer, path, params, um_per_px, should_cancel, corrections_dir, shared,
                                                    calibration)
            else:
                analysis = analyzer.analyze_path(
                    path, params=params, um_per_px=um_per_px, should_cancel=should_cancel, shared=shared,
                    calibration=calibration,
                )
            item = item_for(path, analysis)  # the analysis carries its plausibility warnings and recommendation
        except AnalysisCancelled:
            yield from (_cancelled(rest) for rest in paths[index:])
            return
        except Exception as exc:  # never abort the batch; the sentence says what happened
            item = failed_item(path, exc)
        yield item
    if progress is not None and paths:
        progress(total, total, paths[-1])


def summary_rows(items: Sequence[BatchItem]) -> list[dict[str, object]]:
    rows = []
    for item in items:
        if item.analysis is not None and item.status in (STATUS_OK, STATUS_WARNING):
            row = item.analysis.result.summary_row(item.path.name)
            row["status"] = item.status
            row["message"] = item.message
        else:
            row = failed_row(item.path.name, item.message, status=item.status)
        rows.append(row)
    return rows


def summary_csv(items: Sequence[BatchItem]) -> str:
    """The summary table (same columns from the command line and the window); the ``file``
    column holds the file name only."""
    return _rows_csv(summary_rows(items))


# Outputs of one image ----------------------------------------------------------------------
def output_stem(image: Path | str) -> str:
    """The image's name without its suffix, shortened with a stable hash where the longest
    output name would not fit the file system's 255 bytes."""
    return fit_stem(Path(image).stem, _LONGEST_SUFFIX)


def output_paths(folder: Path, stem: str) -> list[Path]:
    return [folder / f"{stem}{suffix}" for suffix in OUTPUT_SUFFIXES]


def output_files(analysis: Analysis, folder: Path, stem: str) -> dict[Path, bytes]:
    """The annotated picture, the mask and the JSON of one analysis, as bytes."""
    text = analysis.result.png_text()
    annotated, mask, json_path = output_paths(folder, stem)
    grey = np.where(analysis.counted_mask, 255, 0).astype(np.uint8)  # counted capillaries only
    return {
        annotated: render.encode_png(analysis.annotated_rgb(), text),
        mask: render.encode_png(grey, text),
        json_path: analysis.result.to_json().encode("utf-8"),
    }


def write_outputs(analysis: Analysis, folder: Path, stem: str, overwrite: bool = False) -> list[Path]:
    """Write the three outputs together: all of them or none (raises ``ExportError``)."""
    return write_files_atomic(output_files(analysis, folder, stem), overwrite=overwrite)


def incomplete_outputs(folder: Path, stem: str) -> list[Path]:
    """Pictures left by a run killed between committing an image's files: the JSON (committed
    last) is missing. They belong to no result and may be replaced without ``--overwrite``."""
    *pictures, json_path = output_paths(folder, stem)
    try:
        if json_path.exists():
            return []
        return [p for p in pictures if p.exists()]
    except OSError:
        return []
