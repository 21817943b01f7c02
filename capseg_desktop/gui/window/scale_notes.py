"""What the count panel's pixel parameters mean for the image on screen: they are the model's
pixels, and an image resized for the model has its own (the table's). Texts keep the
``CountPanel`` translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..widgets.tables import locale_number

if TYPE_CHECKING:
    from ...core import AnalysisResult

MIN_AREA_TIP = QT_TRANSLATE_NOOP("CountPanel", "Smaller patches are ignored as noise.")
MERGE_TIP = QT_TRANSLATE_NOOP("CountPanel", "Patches closer than this are counted as one capillary.")
#: Counting pixels are the model's: each image is resized to the model's scale first.
MODEL_SCALE_NOTE = QT_TRANSLATE_NOOP("CountPanel", "In pixels at the model's scale (each image is resized to it before counting).")


def image_scale_note(result: AnalysisResult | None) -> str:
    """The minimum area and merge distance in the pixels of the image on screen, when it was
    resized for the model (the panel's values are the model's pixels)."""
    scale = result.scale if result is not None else None
    if scale is None or not scale.resized:
        return ""
    params, factor = result.params, scale.factor
    text = QCoreApplication.translate(
        "CountPanel", "Resized ×%1 for the model; in this image's pixels (the table's): minimum area %2 px, merge distance %3 px.")
    return (text.replace("%1", locale_number(factor, 2)).replace("%2", locale_number(params.min_area_px / factor ** 2, 0))
            .replace("%3", locale_number(params.merge_distance_px / factor, 0)))


def pixel_field_tips(result: AnalysisResult | None) -> tuple[str, str]:
    """The minimum area's and the merge distance's tooltips, with the scale ``result`` was
    counted at."""
    scale = result.scale if result is not None else None
    if scale is not None and scale.resized:
        note = QCoreApplication.translate("CountPanel", "In pixels at the model's scale; this image was analysed at ×%1.").replace(
            "%1", locale_number(scale.factor, 2))
    elif result is not None:
        note = QCoreApplication.translate("CountPanel", "In pixels at the model's scale; this image was analysed at its own size (×1.00).")
    else:
        note = QCoreApplication.translate("CountPanel", MODEL_SCALE_NOTE)
    return (f"{QCoreApplication.translate('CountPanel', MIN_AREA_TIP)} {note}",
            f"{QCoreApplication.translate('CountPanel', MERGE_TIP)} {note}")
