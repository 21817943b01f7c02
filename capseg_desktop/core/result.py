"""``AnalysisResult``: what one analysis found and how, written as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .. import __version__
from .counting import Capillary, CountingParams
from .model import ModelInfo

CAPILLARY_CSV_FIELDS = ("id", "x0", "y0", "x1", "y1", "area_px", "centroid_x", "centroid_y")
SUMMARY_CSV_FIELDS = (
    "file", "count", "density_per_mm", "width_px", "height_px", "um_per_px", "model",
    "model_sha256", "threshold", "min_area_px", "merge_distance_px", "split_area_px",
    "status", "message",
)


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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
    created: str = field(default_factory=utc_now_iso)
    app_version: str = __version__

    @property
    def count(self) -> int:
        return len(self.capillaries)

    @property
    def width_mm(self) -> float | None:
        if not self.um_per_px or self.um_per_px <= 0:
            return None
        return self.width * self.um_per_px / 1000.0

    @property
    def density_per_mm(self) -> float | None:
        """Capillaries per millimetre of image width; ``None`` without a scale (no guess)."""
        width_mm = self.width_mm
        return None if not width_mm else self.count / width_mm

    def to_dict(self) -> dict[str, Any]:
        density = self.density_per_mm
        return {
            "source": self.source,
            "width_px": self.width,
            "height_px": self.height,
            "count": self.count,
            "um_per_px": self.um_per_px,
            "density_per_mm": None if density is None else round(density, 3),
            "model": self.model.to_dict(),
            "parameters": self.params.to_dict(),
            "bbox_format": "[x0, y0, x1, y1] in pixels, x1 and y1 exclusive",
            "capillaries": [c.to_dict() for c in self.capillaries],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "created": self.created,
            "app": f"CapSeg Desktop {self.app_version}",
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def capillaries_csv(self) -> str:
        """One row per capillary, with a commented header saying what made it."""
        buffer = io.StringIO()
        buffer.write(f"# {self.provenance_line()}\n")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CAPILLARY_CSV_FIELDS)
        for c in self.capillaries:
            writer.writerow([c.id, *c.bbox, c.area_px, f"{c.centroid[0]:.2f}", f"{c.centroid[1]:.2f}"])
        return buffer.getvalue()

    def summary_row(self, file_label: str | None = None) -> dict[str, Any]:
        density = self.density_per_mm
        return {
            "file": file_label or self.source,
            "count": self.count,
            "density_per_mm": "" if density is None else f"{density:.3f}",
            "width_px": self.width,
            "height_px": self.height,
            "um_per_px": "" if self.um_per_px is None else f"{self.um_per_px:g}",
            "model": self.model.name,
            "model_sha256": self.model.sha256,
            "threshold": f"{self.params.threshold:g}",
            "min_area_px": self.params.min_area_px,
            "merge_distance_px": f"{self.params.merge_distance_px:g}",
            "split_area_px": self.params.split_area_px,
            "status": "ok",
            "message": "",
        }

    def density_text(self) -> str:
        density = self.density_per_mm
        if density is None:
            return "density: no scale set"
        return f"density {density:.1f} per mm ({self.um_per_px:g} um/px, width {self.width_mm:.2f} mm)"

    def provenance_line(self) -> str:
        return (
            f"CapSeg Desktop {self.app_version}; model {self.model.name} "
            f"(sha256 {self.model.short_hash}, {self.model.runtime}); {self.params.describe()}; "
            f"analysed {self.created}"
        )

    def legend_lines(self) -> list[str]:
        """The lines of the annotated image's legend strip."""
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return [
            f"{name}: {self.count} capillaries, {self.density_text()}",
            f"Model {self.model.name} (sha256 {self.model.short_hash}, {self.model.runtime}); "
            f"{self.params.describe()}",
            f"CapSeg Desktop {self.app_version}, analysed {self.created}",
        ]

    def png_text(self) -> dict[str, str]:
        return {
            "Software": f"CapSeg Desktop {self.app_version}",
            "Source": self.source,
            "Description": " | ".join(self.legend_lines()),
            "CapSeg": json.dumps(
                {k: v for k, v in self.to_dict().items() if k != "capillaries"}, ensure_ascii=False
            ),
        }


def summary_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: row.get(key, "") for key in SUMMARY_CSV_FIELDS})
    return buffer.getvalue()


def failed_row(file_label: str, message: str) -> dict[str, Any]:
    return {"file": file_label, "count": "", "density_per_mm": "", "status": "failed", "message": message}
