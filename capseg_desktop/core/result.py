"""``AnalysisResult``: what one analysis found and how, written as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .. import __version__
from .calibration import NO_CALIBRATION, Calibration
from .counting import Capillary, CountingParams
from . import measure as measuring
from .measure import LoopMeasures, Thresholds
from .model import ModelInfo
from .scale import ScaleInfo

if TYPE_CHECKING:  # corrections imports this module
    from .corrections import Edit, EditSummary

#: The measurement columns of the capillary CSV: in µm when the scale is known ("unit" says
#: which), else in pixels with the flag "not assessed (no scale)".
MEASURE_CSV_FIELDS = (
    "distal", "apex_x", "apex_y", "unit", "loop_width", "apex_width", "arterial_width", "venous_width",
    "max_vessel_width", "length", "flag",
)
CAPILLARY_CSV_FIELDS = ("id", "x0", "y0", "x1", "y1", "area_px", "centroid_x", "centroid_y", "edited", *MEASURE_CSV_FIELDS)
SUMMARY_CSV_FIELDS = (
    "file", "count", "model_count", "edits", "density_per_mm", "distal_count", "distal_density_per_mm", "density_flag",
    "dilated", "giant", "calibration_source", "calibration_profile", "width_px", "height_px", "um_per_px", "model",
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
        return moment.strftime("%Y-%m-%d %H:%M")
    local = moment.astimezone()
    offset = local.strftime("%z") or "+0000"
    return f"{local:%Y-%m-%d %H:%M} (local time, UTC{offset[:3]}:{offset[3:5]})"


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
        return "Counting parameters as the model recommends."
    parts = []
    for name, values in changes.items():
        label, unit = PARAM_LABELS.get(name, (name, ""))
        parts.append(f"{label} {values['value']:g}{unit} (recommended {values['recommended']:g}{unit})")
    return "Changed by the user: " + ", ".join(parts) + "."


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
        return measuring.distal_row(self.measures, (self.height, self.width))

    @property
    def row_length_px(self) -> int:
        """The image's length along the row (its width, or its height when the nail is at a side)."""
        return self.width if self.distal_row().along_x else self.height

    @property
    def distal_count(self) -> int:
        return sum(1 for m in self.measures if m.distal)

    @property
    def distal_density_per_mm(self) -> float | None:
        """Distal-row capillaries per mm over the image (or the density window); ``None``
        without a scale."""
        return finite_or_none(measuring.density_per_mm(
            self.measures, self.row_length_px, self.measuring_um_per_px, self.density_window,
            direction=self.distal_row().direction if self.measures else None,
        ))

    @property
    def density_flag(self) -> str:
        """"normal", "reduced" (below 7 per mm) or "" (no scale)."""
        return measuring.density_flag(self.distal_density_per_mm)

    def flags(self) -> dict[int, str]:
        """id -> "normal" | "dilated" | "giant" | "" (no scale)."""
        scale = self.measuring_um_per_px
        return {m.id: m.flag(scale, self.thresholds) for m in self.measures}

    @property
    def dilated_count(self) -> int:
        """Loops flagged dilated (not giant); 0 without a scale."""
        return sum(1 for flag in self.flags().values() if flag == "dilated")

    @property
    def giant_count(self) -> int:
        return sum(1 for flag in self.flags().values() if flag == "giant")

    @property
    def model_count_or_count(self) -> int:
        """What the model counted: the count itself when nothing was edited by hand."""
        return self.count if self.model_count is None else self.model_count

    def edit_counts(self) -> dict[str, int]:
        """Edit kind -> how many applied (all 0 when nothing was edited)."""
        if self.edits is not None:
            return self.edits.to_dict()
        from .corrections import EDIT_KINDS

        return {kind: 0 for kind in EDIT_KINDS}

    def edits_text(self) -> str:
        """"1 removed, 2 added" when edited by hand, else ""."""
        return self.edits.describe() if self.edited else ""

    def count_text(self) -> str:
        """"Count 12 (model 13: 1 removed, 0 added)" when edited by hand, else "Count 12"."""
        if not self.edited:
            return f"Count {self.count}"
        return f"Count {self.count} (model {self.model_count_or_count}: {self.edits_text()})"

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
            "ids": sorted(row.ids),
            "count": len(row.ids),
            "window_px": None if self.density_window is None else [round(v, 1) for v in self.density_window],
            "density_per_mm": None if density is None else round(density, 3),
            "density_flag": self.density_flag or measuring.TEXT["not_assessed"],
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
            *(cell(v) for v in widths), found.flag_text(scale, self.thresholds),
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
            "edits": self.edits_text(),
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
        return {
            "distal_count": self.distal_count,
            "distal_density_per_mm": "" if density is None else f"{density:.3f}",
            "density_flag": self.density_flag,
            "dilated": self.dilated_count if assessed else "",
            "giant": self.giant_count if assessed else "",
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
        where = "" if self.density_window is None else f" in a window of {abs(self.density_window[1] - self.density_window[0]):.0f} px"
        if density is None:
            lines.append(f"Distal row (dashed cyan line): {self.distal_count} loops{where}, apices towards the "
                         f"{self.distal_row().direction}; density not assessed (no scale)")
            lines.append("Loop widths in pixels: dilated and giant loops not assessed (no scale)")
        else:
            limit = measuring.REDUCED_DENSITY_PER_MM
            rule = f"below {limit:g} per mm" if self.density_flag == measuring.DENSITY_REDUCED else f"{limit:g} per mm or more"
            lines.append(f"Distal row (dashed cyan line): {self.distal_count} loops{where}, {density:.1f} per mm, "
                         f"{self.density_flag} ({rule})")
            lines.append(f"Dilated loops: {self.dilated_count}, giant loops: {self.giant_count} ({self.thresholds.describe()}; "
                         "dilated loops in an orange outer box marked D, giant in a red one marked G)")
        return lines

    def changed_by_user_text(self) -> str:
        """The summary's cell: the changed parameters' column names ("threshold min_area_px"),
        "none", or "unknown" when the recommendation is not known."""
        changed = self.parameter_changes()
        if changed is None:
            return "unknown"
        return " ".join(changed) or "none"

    def density_text(self) -> str:
        density = self.density_per_mm
        width_mm = self.width_mm
        if density is None or width_mm is None:
            return "density: no µm per pixel set"
        return f"density {density:.1f} per mm ({self.scale_um_per_px:g} µm/px, width {width_mm:.2f} mm)"

    def changes_line(self) -> str | None:
        changes = self.parameter_changes()
        return None if changes is None else describe_changes(changes)

    def legend_lines(self) -> list[str]:
        """The lines of the annotated image's legend strip."""
        first = f"{self.file_name}: {self.count} capillaries, {self.density_text()}"
        if self.scale is not None:
            first += f"; {self.scale.describe()}"
        lines = [first, *self.measurements_lines()]
        if self.edited:
            boxes = "; green boxes are the capillaries added or changed" if self.edited_ids else ""
            lines.append(f"{self.count_text()}: corrected by hand{boxes}")
        lines += [
            f"Model {self.model.name} (sha256 {self.model.short_hash}, {self.model.runtime}); "
            f"{self.params.describe()}",
        ]
        changes = self.changes_line()
        if changes is not None:
            lines.append(changes)
        lines.append(f"CapSeg Desktop {self.app_version}, analysed {readable_local_time(self.created)}")
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
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
