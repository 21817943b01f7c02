"""``AnalysisResult``: what one analysis found and how, written as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from .. import __version__
from .calibration import NO_CALIBRATION, Calibration
from .counting import Capillary, CountingParams
from .haemorrhage import Haemorrhage
from .i18n import format_float, format_number, language, translate
from . import measure as measuring
from .measure import LoopMeasures, Thresholds
from . import shape as shaping
from .model import ModelInfo
from .scale import ScaleInfo
from .texts import Plurals

#: This module's sentences with a count (see ``core.texts.Plurals``).
Result = Plurals("Result")

if TYPE_CHECKING:  # corrections imports this module
    from .corrections import Edit, EditSummary

#: The kinds of hand correction (``core.corrections.Edit``), in the order the result's edit
#: counts list them. Kept here, where the result's JSON names them: ``corrections`` imports this
#: module, and this one importing ``corrections`` back made an import loop that ran.
EDIT_KINDS = ("remove", "add", "merge", "split", "paint", "erase", "flag")

#: The measurement columns of the capillary CSV: in µm when the scale is known ("unit" says
#: which), else in pixels with the flag "not assessed (no scale)".
MEASURE_CSV_FIELDS = (
    "distal", "apex_x", "apex_y", "unit", "loop_width", "apex_width", "arterial_width", "venous_width",
    "max_vessel_width", "length", "flag", "shape", "flags_by",
)
CAPILLARY_CSV_FIELDS = ("id", "x0", "y0", "x1", "y1", "area_px", "centroid_x", "centroid_y", "edited", *MEASURE_CSV_FIELDS)
SUMMARY_CSV_FIELDS = (
    "file", "count", "model_count", "edits", "density_per_mm", "distal_count", "distal_density_per_mm", "density_flag",
    "dilated", "giant", "tortuous", "crossing", "ramified", "shape_not_assessable", "haemorrhages",
    "calibration_source", "calibration_profile", "width_px", "height_px", "um_per_px", "model",
    "model_sha256", "threshold", "min_area_px", "merge_distance_px", "split_area_px",
    "scale_factor", "limb_width_px", "scale_source", "changed_by_user", "status", "message",
)
#: How the legend and the summary name each counting parameter (label, unit).
PARAM_LABELS = {
    "threshold": ("threshold", ""),
    "min_area_px": ("minimum area", " px"),
    "merge_distance_px": ("merge distance", " px"),
    "split_area_px": ("split area", " px"),
}


def file_name_only(source: str) -> str:
    """The last part of a path, whichever separator it uses: exported files never carry the
    folders (folder names often hold patients' names)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def finite_or_none(value: float | None) -> float | None:
    """A number that JSON and CSV can hold, or ``None``: never Infinity or NaN."""
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def local_now_iso() -> str:
    """Now, to the second, in ISO 8601 with this computer's UTC offset ("...T14:05:09+01:00"):
    the moment is exact and the clock time is the one the user saw."""
    return datetime.now(timezone.utc).astimezone().replace(microsecond=0).isoformat()


def readable_local_time(iso: str) -> str:
    """An ISO time as a person reads it, in this computer's time zone with its offset:
    "2026-11-27 14:05 (local time, UTC+01:00)". Text that is not an ISO time is kept."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    if moment.tzinfo is None:  # no offset recorded: shown as it is, not guessed
        return f"{date_text(moment)} {moment:%H:%M}"
    local = moment.astimezone()
    offset = local.strftime("%z") or "+0000"
    return translate("Result", "{date} {time} (local time, UTC{offset})").format(
        date=date_text(local), time=f"{local:%H:%M}", offset=f"{offset[:3]}:{offset[3:5]}"
    )


#: How each language writes a day (English keeps ISO 8601, which every reader understands).
_DATE_FORMATS = {"fr": "%d/%m/%Y"}


def date_text(moment: date | datetime | str) -> str:
    """A day as the installed language writes it: "2026-11-27" in English, "27/11/2026" in
    French. Text that is not an ISO date is kept."""
    if isinstance(moment, str):
        try:
            moment = date.fromisoformat(moment.strip())
        except ValueError:
            return moment
    return moment.strftime(_DATE_FORMATS.get(language(), "%Y-%m-%d"))


def parameter_changes(params: CountingParams, recommended: CountingParams) -> dict[str, dict[str, Any]]:
    """The parameters that differ from the recommendation: name -> {value, recommended}."""
    used, advised = params.to_dict(), recommended.to_dict()
    return {
        name: {"value": used[name], "recommended": advised[name]}
        for name in used
        if abs(float(used[name]) - float(advised[name])) > 1e-9
    }


def describe_changes(changes: dict[str, dict[str, Any]]) -> str:
    """One sentence for the legend: what the user changed, with the recommended values."""
    if not changes:
        return translate("Result", "Counting parameters as the model recommends.")
    return translate("Result", "Changed by the user: {changes}.").format(changes=describe_change_list(changes))


def describe_change_list(changes: dict[str, dict[str, Any]]) -> str:
    """The changed parameters with their recommended values, joined: "threshold 0.6
    (recommended 0.5), minimum area 30 px (recommended 40 px)", in the installed language."""
    phrases = {
        "threshold": translate("Result", "threshold {value} (recommended {recommended})"),
        "min_area_px": translate("Result", "minimum area {value} px (recommended {recommended} px)"),
        "merge_distance_px": translate("Result", "merge distance {value} px (recommended {recommended} px)"),
        "split_area_px": translate("Result", "split area {value} px (recommended {recommended} px)"),
    }
    parts = []
    for name, values in changes.items():
        value, recommended = format_float(values["value"], "g"), format_float(values["recommended"], "g")
        if name in phrases:
            parts.append(phrases[name].format(value=value, recommended=recommended))
        else:
            parts.append(translate("Result", "{name} {value} (recommended {recommended})").format(
                name=name, value=value, recommended=recommended))
    return translate("Result", ", ").join(parts)


@dataclass(frozen=True)
class AnalysisResult:
    source: str
    width: int
    height: int
    model: ModelInfo
    params: CountingParams
    capillaries: tuple[Capillary, ...]
    um_per_px: float | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    created: str = field(default_factory=local_now_iso)
    app_version: str = __version__
    #: Plain sentences about implausible input or output (see ``core.sanity``); a result
    #: with warnings is shown and summarised as "warning", not "ok".
    warnings: tuple[str, ...] = ()
    #: How the image was brought to the model's scale; ``None`` when not recorded.
    scale: ScaleInfo | None = None
    #: What the model recommends (``Analyzer.default_params()``); ``None`` when not known, and
    #: then no export claims anything about changed parameters.
    recommended_params: CountingParams | None = None
    #: Corrections by hand (``Analysis.with_edits``): the model's count before the edits, how
    #: many edits of each kind applied, the whole log, and the ids (in this result's
    #: numbering) of the capillaries an edit created or changed. ``None``/empty: not edited.
    model_count: int | None = None
    edits: "EditSummary | None" = None
    edit_log: "tuple[Edit, ...]" = ()
    edited_ids: tuple[int, ...] = ()
    #: Per-capillary measurements (``core.measure``), in the capillaries' order; recomputed
    #: after every recount and edit by ``Analysis``.
    measures: tuple[LoopMeasures, ...] = ()
    #: Where ``um_per_px`` came from; ``None``: not recorded (a typed number, see ``calibration_used``).
    calibration: Calibration | None = None
    thresholds: Thresholds = Thresholds()
    #: (start, end) along the row in image pixels for the density, or ``None`` for the whole image.
    density_window: tuple[float, float] | None = None
    #: The haemorrhages (``core.haemorrhage``), never counted as capillaries; ``None``: not
    #: looked for (a result made without them), which no export reports as zero.
    haemorrhages: tuple[Haemorrhage, ...] | None = None

    @property
    def haemorrhage_count(self) -> int | None:
        return None if self.haemorrhages is None else len(self.haemorrhages)

    @property
    def edited(self) -> bool:
        """Whether edits by hand changed this result (an edit log with no edit that applied
        does not count)."""
        return self.edits is not None and self.edits.total() > 0

    def changed_params(self) -> list[str]:
        """The names of the parameters that differ from the model's recommendation."""
        return list(self.parameter_changes() or {})

    def parameter_changes(self) -> dict[str, dict[str, Any]] | None:
        """name -> {value, recommended} for each changed parameter; ``None`` when the
        recommendation is not known."""
        if self.recommended_params is None:
            return None
        return parameter_changes(self.params, self.recommended_params)

    @property
    def file_name(self) -> str:
        return file_name_only(self.source)

    @property
    def status(self) -> str:
        return "warning" if self.warnings else "ok"

    @property
    def message(self) -> str:
        return " ".join(self.warnings)

    @property
    def count(self) -> int:
        return len(self.capillaries)

    @property
    def scale_um_per_px(self) -> float | None:
        """The scale if it is a usable number (finite, above 0), else ``None``."""
        scale = finite_or_none(self.um_per_px)
        return scale if scale is not None and scale > 0 else None

    @property
    def width_mm(self) -> float | None:
        scale = self.scale_um_per_px
        if scale is None:
            return None
        width_mm = finite_or_none(self.width * scale / 1000.0)
        return width_mm if width_mm else None

    @property
    def density_per_mm(self) -> float | None:
        """Capillaries per millimetre of image width; ``None`` without a scale (no guess), and
        never Infinity or NaN (an absurdly small scale gives no density, not infinity)."""
        width_mm = self.width_mm
        return None if not width_mm else finite_or_none(self.count / width_mm)

    # Measurements ------------------------------------------------------------------------------
    @property
    def calibration_used(self) -> Calibration:
        """The scale and its source: the recorded calibration when it is for this ``um_per_px``
        (or an estimate, which is never measured with), else the number as entered."""
        scale = self.scale_um_per_px
        recorded = self.calibration
        if recorded is not None:
            if recorded.calibrated and recorded.um_per_px == scale:
                return recorded
            if not recorded.calibrated and (scale is None or recorded.um_per_px == scale):
                return recorded  # "none", or the model's estimate (stated, never measured with)
        return Calibration.entered(scale) if scale is not None else NO_CALIBRATION

    @property
    def measuring_um_per_px(self) -> float | None:
        """The µm per pixel measurements use; ``None`` without a usable scale (widths then stay
        in pixels and are not assessed)."""
        return self.calibration_used.measuring_um_per_px

    @property
    def measures_by_id(self) -> dict[int, LoopMeasures]:
        return {m.id: m for m in self.measures}

    def distal_row(self):
        """The distal row (``core.measure.DistalRow``): its loops, the apex direction, the apex line."""
        return self._distal_row

    @cached_property
    def _distal_row(self):
        # Found once per result (the density, its flag, the legend and the summaries all ask):
        # a result is frozen, and a recount or an edit makes a new one.
        return measuring.distal_row(self.measures, (self.height, self.width))

    @property
    def row_length_px(self) -> float:
        """The distal row's length inside the image (the image's width for a level row, its
        height for an upright one, longer across the image for a slanted one)."""
        row = self.distal_row()
        if row.length_px is not None:
            return row.length_px
        return float(self.width if row.along_x else self.height)

    @property
    def window_length_px(self) -> float | None:
        """The length of the row inside the density window (the window's width for a level row)."""
        if self.density_window is None:
            return None
        return abs(self.density_window[1] - self.density_window[0]) / self.distal_row().along_cos

    @property
    def distal_count(self) -> int:
        return sum(1 for m in self.measures if m.distal)

    @property
    def distal_density_per_mm(self) -> float | None:
        """Distal-row capillaries per mm over the image (or the density window); ``None``
        without a scale."""
        return finite_or_none(measuring.density_per_mm(
            self.measures, self.row_length_px, self.measuring_um_per_px, self.density_window,
            row=self.distal_row(),
        ))

    @property
    def density_flag(self) -> str:
        """"normal", "reduced" (below 7 per mm) or "" (no scale)."""
        return measuring.density_flag(self.distal_density_per_mm)

    def flags(self) -> dict[int, str]:
        """id -> "normal" | "dilated" | "giant" | "" (no scale)."""
        return dict(self._flags)

    @cached_property
    def _flags(self) -> dict[int, str]:
        scale = self.measuring_um_per_px
        return {m.id: m.flag(scale, self.thresholds) for m in self.measures}

    @property
    def dilated_count(self) -> int:
        """Loops flagged dilated (not giant); 0 without a scale."""
        return sum(1 for flag in self._flags.values() if flag == "dilated")

    @property
    def giant_count(self) -> int:
        return sum(1 for flag in self._flags.values() if flag == "giant")

    @property
    def shapes_judged(self) -> bool:
        """Whether the loops' shapes were measured (``core.shape``; not on a result read back
        without them)."""
        return any(m.shape for m in self.measures)

    def shape_counts(self) -> dict[str, int]:
        """Shape label (``core.shape.SHAPES``) -> how many loops have it; every label present."""
        return shaping.shape_counts([m.shape for m in self.measures])

    @property
    def model_count_or_count(self) -> int:
        """What the model counted: the count itself when nothing was edited by hand."""
        return self.count if self.model_count is None else self.model_count

    def edit_counts(self) -> dict[str, int]:
        """Edit kind -> how many applied (all 0 when nothing was edited)."""
        if self.edits is not None:
            return self.edits.to_dict()
        return {kind: 0 for kind in EDIT_KINDS}

    def edits_text(self, english: bool = False) -> str:
        """"1 removed, 2 added" when edited by hand, else "" (in the installed language unless
        ``english``: the summary CSV's cell stays English)."""
        return self.edits.describe(english=english) if self.edited and self.edits is not None else ""

    def count_text(self) -> str:
        """"Count 12 (model 13: 1 removed, 0 added)" when edited by hand, else "Count 12"."""
        if not self.edited:
            return translate("Result", "Count {count}").format(count=self.count)
        return translate("Result", "Count {count} (model {model}: {edits})").format(
            count=self.count, model=self.model_count_or_count, edits=self.edits_text()
        )

    def to_dict(self) -> dict[str, Any]:
        density = self.density_per_mm
        edited = set(self.edited_ids)
        return {
            "source": self.file_name,
            "width_px": self.width,
            "height_px": self.height,
            "count": self.count,
            "model_count": self.model_count_or_count,
            "edits": self.edit_counts(),
            "status": self.status,
            "warnings": list(self.warnings),
            "um_per_px": self.scale_um_per_px,
            "density_per_mm": None if density is None else round(density, 3),
            "scale": None if self.scale is None else self.scale.to_dict(),
            "model": self.model.to_dict(),
            "parameters": self.params.to_dict(),
            "recommended_parameters": None if self.recommended_params is None else self.recommended_params.to_dict(),
            "parameters_changed_by_user": self.parameter_changes(),
            "bbox_format": "[x0, y0, x1, y1] in pixels, x1 and y1 exclusive",
            "calibration": {**self.calibration_used.to_dict(), "text": self.calibration_used.describe()},
            "thresholds": self.thresholds.to_dict(),
            "measurement_unit": "µm" if self.measuring_um_per_px is not None else "px",
            "distal_row": self.distal_row_dict(),
            "dilated_count": self.dilated_count if self.measuring_um_per_px is not None else None,
            "giant_count": self.giant_count if self.measuring_um_per_px is not None else None,
            "shape_counts": self.shape_counts() if self.shapes_judged else None,
            "haemorrhage_count": self.haemorrhage_count,
            "haemorrhages": None if self.haemorrhages is None else [h.to_dict() for h in self.haemorrhages],
            "capillaries": [{**c.to_dict(), "edited": c.id in edited, **self._measure_dict(c.id)} for c in self.capillaries],
            "timings_ms": {
                k: round(v, 2) for k, v in self.timings_ms.items() if finite_or_none(v) is not None
            },
            "created": self.created,
            "app": f"CapSeg Desktop {self.app_version}",
        }

    def distal_row_dict(self) -> dict[str, Any]:
        """The distal row for the JSON: direction of the apices, its loops, the density."""
        row = self.distal_row()
        density = self.distal_density_per_mm
        return {
            "apex_direction": row.direction,
            "apex_angle_deg": round(row.angle_deg, 1),
            "row_length_px": round(self.row_length_px, 1),
            "ids": sorted(row.ids),
            "count": len(row.ids),
            "window_px": None if self.density_window is None else [round(v, 1) for v in self.density_window],
            "density_per_mm": None if density is None else round(density, 3),
            "density_flag": self.density_flag or measuring.TEXT["not_assessed"],  # a machine word: English
            "reduced_below_per_mm": measuring.REDUCED_DENSITY_PER_MM,
        }

    def _measure_dict(self, capillary_id: int) -> dict[str, Any]:
        found = self.measures_by_id.get(capillary_id)
        if found is None:
            return {}
        data = found.to_dict(self.measuring_um_per_px, self.thresholds)
        data.pop("id", None)
        return data

    def measure_cells(self, capillary_id: int) -> list[Any]:
        """The capillary CSV's measurement cells (``MEASURE_CSV_FIELDS``) of one capillary."""
        found = self.measures_by_id.get(capillary_id)
        if found is None:
            return [""] * len(MEASURE_CSV_FIELDS)
        scale = self.measuring_um_per_px
        values = found.in_um(scale) if scale is not None else found.in_px()
        widths = [values[key] for key in values]  # loop, apex, arterial, venous, max vessel, length

        def cell(value: float | None) -> str:
            return "" if value is None else f"{value:.2f}"

        return [
            int(found.distal), f"{found.apex[0]:.1f}", f"{found.apex[1]:.1f}", "µm" if scale is not None else "px",
            *(cell(v) for v in widths), found.flag_text(scale, self.thresholds), found.shape,
            measuring.FLAGS_BY_CLINICIAN if found.by_clinician else measuring.FLAGS_BY_AUTOMATIC,
        ]

    def to_json(self) -> str:
        # allow_nan=False: a non-finite number that slipped through fails here, loudly, rather
        # than being written as Infinity, which is not JSON.
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    def capillaries_csv(self) -> str:
        """One row per capillary under a plain header row, as spreadsheets expect (what made
        the result is in the JSON and the PNG's text, not here: a comment line lands in A1)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CAPILLARY_CSV_FIELDS)
        edited = set(self.edited_ids)
        for c in self.capillaries:
            writer.writerow([c.id, *c.bbox, c.area_px, f"{c.centroid[0]:.2f}", f"{c.centroid[1]:.2f}", int(c.id in edited),
                             *self.measure_cells(c.id)])
        return buffer.getvalue()

    def summary_row(self, file_label: str | None = None) -> dict[str, Any]:
        density = self.density_per_mm
        scale = self.scale_um_per_px
        scale_info = self.scale.to_dict() if self.scale is not None else {}
        return {
            "file": file_name_only(file_label or self.source),
            "count": self.count,
            "model_count": self.model_count_or_count,
            "edits": self.edits_text(english=True),
            "density_per_mm": "" if density is None else f"{density:.3f}",
            **self.measure_summary(),
            "width_px": self.width,
            "height_px": self.height,
            "um_per_px": "" if scale is None else f"{scale:g}",
            "model": self.model.name,
            "model_sha256": self.model.sha256,
            "threshold": f"{self.params.threshold:g}",
            "min_area_px": self.params.min_area_px,
            "merge_distance_px": f"{self.params.merge_distance_px:g}",
            "split_area_px": self.params.split_area_px,
            "scale_factor": _blank_if_none(scale_info.get("factor")),
            "limb_width_px": _blank_if_none(scale_info.get("limb_width_px")),
            "scale_source": _blank_if_none(scale_info.get("source")),
            "changed_by_user": self.changed_by_user_text(),
            "status": self.status,
            "message": self.message,
        }

    def measure_summary(self) -> dict[str, Any]:
        """The summary's measurement cells: distal loops, their density and flag, the numbers of
        dilated and giant loops (blank without a scale: not assessed) and the scale's source."""
        calibration = self.calibration_used
        density = self.distal_density_per_mm
        assessed = self.measuring_um_per_px is not None
        shapes = self.shape_counts() if self.shapes_judged else {}
        return {
            "distal_count": self.distal_count,
            "distal_density_per_mm": "" if density is None else f"{density:.3f}",
            "density_flag": self.density_flag,
            "dilated": self.dilated_count if assessed else "",
            "giant": self.giant_count if assessed else "",
            "tortuous": shapes.get(shaping.TORTUOUS, ""),
            "crossing": shapes.get(shaping.CROSSING, ""),
            "ramified": shapes.get(shaping.RAMIFIED, ""),
            "shape_not_assessable": shapes.get(shaping.NOT_ASSESSABLE, ""),
            "haemorrhages": _blank_if_none(self.haemorrhage_count),
            "calibration_source": calibration.source,
            "calibration_profile": calibration.profile or "",
        }

    def measurements_lines(self) -> list[str]:
        """The legend's lines about the measurements: the scale and its source, the distal
        density with its flag, the numbers of dilated and giant loops."""
        calibration = self.calibration_used
        described = calibration.describe()
        lines = [described[:1].upper() + described[1:]]
        density = self.distal_density_per_mm
        count = self.distal_count
        window = None if self.window_length_px is None else format_number(self.window_length_px, 0)
        if density is None:
            direction = self.distal_row().direction
            apices = {
                "top": translate("Result", "apices towards the top"),
                "bottom": translate("Result", "apices towards the bottom"),
                "left": translate("Result", "apices towards the left"),
                "right": translate("Result", "apices towards the right"),
            }.get(direction) or translate("Result", "apices towards the {direction}").format(direction=direction)
            if window is None:
                line = Result.tr(
                    "Distal row (dashed cyan line): %n loops, {apices}; density not assessed (no scale)", "", count
                )
            else:
                line = Result.tr(
                    "Distal row (dashed cyan line): %n loops in a window of {window} px, {apices}; density not assessed (no scale)",
                    "",
                    count,
                )
            lines.append(line.format(window=window, apices=apices))
            lines.append(translate("Result", "Loop widths in pixels: dilated and giant loops not assessed (no scale)"))
        else:
            limit = format_float(measuring.REDUCED_DENSITY_PER_MM, "g")
            reduced = self.density_flag == measuring.DENSITY_REDUCED
            if window is None and reduced:
                line = Result.tr("Distal row (dashed cyan line): %n loops, {density} per mm, reduced (below {limit} per mm)",
                                 "", count)
            elif window is None:
                line = Result.tr("Distal row (dashed cyan line): %n loops, {density} per mm, normal ({limit} per mm or more)",
                                 "", count)
            elif reduced:
                line = Result.tr(
                    "Distal row (dashed cyan line): %n loops in a window of {window} px, {density} per mm, reduced (below {limit} per mm)",
                    "",
                    count,
                )
            else:
                line = Result.tr(
                    "Distal row (dashed cyan line): %n loops in a window of {window} px, {density} per mm, normal ({limit} per mm or more)",
                    "",
                    count,
                )
            lines.append(line.format(window=window, density=format_number(density, 1), limit=limit))
            lines.append(
                translate(
                    "Result",
                    "Dilated loops: {dilated}, giant loops: {giant} ({thresholds}; "
                    "dilated loops in an orange outer box marked D, giant in a red one marked G)",
                ).format(dilated=self.dilated_count, giant=self.giant_count, thresholds=self.thresholds.describe())
            )
        shapes = self.shapes_line()
        if shapes:
            lines.append(shapes)
        clinician = [m.id for m in self.measures if m.by_clinician]
        if clinician:
            lines.append(Result.tr("* after a loop's number: flagged by the clinician (%n loops: {ids})", "", len(clinician)).format(
                ids=", ".join(str(n) for n in clinician)))
        haemorrhages = self.haemorrhages_line()
        if haemorrhages:
            lines.append(haemorrhages)
        return lines

    def shapes_line(self) -> str:
        """The legend's line about the loops' shapes (``core.shape``), "" when none was judged."""
        if not self.shapes_judged:
            return ""
        counts = self.shape_counts()
        return translate(
            "Result",
            "Loop shapes: {hairpin} hairpin, {tortuous} tortuous, {crossing} crossing (both non-specific), "
            "{ramified} ramified (abnormal), {not_assessable} not assessable",
        ).format(hairpin=counts[shaping.HAIRPIN], tortuous=counts[shaping.TORTUOUS], crossing=counts[shaping.CROSSING],
                 ramified=counts[shaping.RAMIFIED], not_assessable=counts[shaping.NOT_ASSESSABLE])

    def haemorrhages_line(self) -> str:
        """The legend's line: "Haemorrhages: 2 (purple boxes marked H)", "" when not looked for."""
        if self.haemorrhages is None:
            return ""
        return translate("Result", "Haemorrhages: {count} (purple boxes marked H; never counted as capillaries)").format(
            count=len(self.haemorrhages))

    def changed_by_user_text(self) -> str:
        """The summary's cell: the changed parameters' column names ("threshold min_area_px"),
        "none", or "unknown" when the recommendation is not known."""
        changed = self.parameter_changes()
        if changed is None:
            return "unknown"
        return " ".join(changed) or "none"

    def changes_line(self) -> str | None:
        changes = self.parameter_changes()
        return None if changes is None else describe_changes(changes)

    def legend_lines(self) -> list[str]:
        """The lines of the annotated image's legend strip."""
        # One density per image, the distal row's (in ``measurements_lines``): the first line
        # gave every capillary over the width as well, a second and different figure.
        if self.scale is not None:
            first = Result.tr("{file}: %n capillaries; {scale}", "", self.count).format(file=self.file_name, scale=self.scale.describe())
        else:
            first = Result.tr("{file}: %n capillaries", "", self.count).format(file=self.file_name)
        # What clinicians count comes first: the distal row (its loops and density), then every
        # capillary seen (the original service's count), then the scale and the loop widths.
        scale_line, *measures = self.measurements_lines()
        lines = [*measures[:1], first, scale_line, *measures[1:]]
        if self.edited:
            if self.edited_ids:
                corrected = translate("Result", "{count}: corrected by hand; green boxes are the capillaries added or changed")
            else:
                corrected = translate("Result", "{count}: corrected by hand")
            lines.append(corrected.format(count=self.count_text()))
        resized = self.scale is not None and self.scale.resized
        if resized:
            # The areas and distances are the model's pixels: the window shows them converted
            # to this image's, and a legend without this note disagreed with it.
            model_line = translate("Result", "Model {name} (sha256 {hash}, {runtime}); {parameters} in the model's pixels "
                                             "(the image was resized ×{factor} for the model)")
        else:
            model_line = translate("Result", "Model {name} (sha256 {hash}, {runtime}); {parameters}")
        lines.append(model_line.format(
            name=self.model.name, hash=self.model.short_hash, runtime=self.model.runtime, parameters=self.params.describe(),
            factor=format_float(float(self.scale.factor), ".2f") if resized else "",
        ))
        changes = self.changes_line()
        if changes is not None:
            lines.append(changes)
        lines.append(
            translate("Result", "CapSeg Desktop {version}, analysed {time}").format(
                version=self.app_version, time=readable_local_time(self.created)
            )
        )
        lines.extend(translate("Result", "Warning: {warning}").format(warning=warning) for warning in self.warnings)
        return lines

    def png_text(self) -> dict[str, str]:
        text = {
            "Software": f"CapSeg Desktop {self.app_version}",
            "Source": self.file_name,
            "Description": " | ".join(self.legend_lines()),
            "CapSeg": json.dumps(
                {k: v for k, v in self.to_dict().items() if k != "capillaries"},
                ensure_ascii=False, allow_nan=False,
            ),
        }
        changes = self.parameter_changes()
        if changes is not None:
            text["CapSegUserChanged"] = json.dumps(changes, ensure_ascii=False)
        return text


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def summary_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: row.get(key, "") for key in SUMMARY_CSV_FIELDS})
    return buffer.getvalue()


def failed_row(file_label: str, message: str, status: str = "failed") -> dict[str, Any]:
    return {
        "file": file_name_only(file_label), "count": "", "model_count": "", "edits": "", "density_per_mm": "", "status": status,
        "message": message,
    }
