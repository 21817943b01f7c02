"""The adaptation benchmark (``python -m capseg_devtools.adapt_curve``): its synthetic
microscope, one run per number of images and scale mode, and the README's table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")

from capseg_devtools import adapt_curve  # noqa: E402


def test_the_microscope_has_one_point_per_drawn_capillary(tmp_path: Path) -> None:
    points = adapt_curve.make_microscope(tmp_path / "scope", 3, "green", 0.6)
    counts = json.loads((tmp_path / "scope" / "counts.json").read_text())
    assert {name: len(p) for name, p in points.items()} == counts
    assert sorted(p.name for p in (tmp_path / "scope").glob("*.png")) == sorted(
        [*counts, *(name.replace(".png", "_mask.png") for name in counts)])  # what fine-tuning reads


@pytest.mark.slow
def test_one_run_per_size_and_scale_mode_scored_on_images_never_used(tmp_path: Path) -> None:
    from tests.core.tiny_models import build_darkness_model

    from capseg_desktop.core.model import convert_to_tflite

    base = tmp_path / "darkness.keras"
    build_darkness_model().save(base)
    convert_to_tflite(base, base.with_suffix(".tflite"))
    figures = adapt_curve.run(base, [3], "green", 0.6, pool_size=3, held_out=2, modes=["microscope", "per_image"],
                              log=lambda message: None, epochs=1, steps_per_epoch=2, batch_size=2, patch=(96, 192))
    assert figures["held_out"] == 2 and figures["capillaries_held_out"] > 0
    assert [(r["images"], r["scale"]) for r in figures["runs"]] == [(3, "microscope"), (3, "per_image")]
    microscope, per_image = figures["runs"]
    assert microscope["limb_width_px"] > 0 and per_image["limb_width_px"] is None
    assert all(0.0 <= r["f1"] <= 1.0 and r["seconds"] > 0 for r in figures["runs"])
    table = adapt_curve.markdown(figures).splitlines()
    assert len(table) == 2 + 1 + 2
    assert table[3].startswith("| 3 | one for the microscope | ")


def test_the_readme_table_of_the_synthetic_base_is_its_results() -> None:
    """The README's table is generated from the committed results (``synthetic_base.markdown``)."""
    from capseg_devtools.synthetic_base import markdown

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- synthetic-base:start")
    block = readme[readme.index("-->", start) + 3: readme.index("<!-- synthetic-base:end -->")]
    results = json.loads((root / "capseg_devtools" / "synthetic_base_results.json").read_text(encoding="utf-8"))
    assert block.strip() == markdown(results).strip()
    assert [row["images"] for row in results["adapted"]] == [3, 5, 10]
