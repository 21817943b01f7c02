"""Every exported text keeps the accents of its language (issue 21): the annotated PNG's drawn
legend (it read "densite", "Echelle", "Rangee distale" in French), the CSV files' human fields
and, in tests/core/test_i18n_core.py, the PDF report."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from capseg_desktop.core import i18n, render
from capseg_desktop.core.atomic import write_text_atomic
from capseg_desktop.core.calibration import Calibration
from capseg_desktop.core.exam import exam_csv, exam_from_folder, summarise_exam
from capseg_desktop.core.result import summary_csv

from .test_i18n_core import french, strip_result  # noqa: F401  (french: a fixture)


def legend_of(result, width: int = 1000) -> np.ndarray:
    """The legend strip below the annotated picture, as drawn."""
    rgb = np.full((result.height, width, 3), (225, 195, 175), np.uint8)
    annotated = render.annotated_image(rgb, result.capillaries, result.legend_lines(), flags=result.flags())
    return annotated[result.height:]


def ink_columns(strip: np.ndarray) -> np.ndarray:
    """The dark pixels of a one-word strip, cropped to the word."""
    dark = strip.min(axis=2) < 128
    dark[:3] = False  # the strip's top rule
    ys, xs = np.nonzero(dark)
    return dark[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def test_accented_letters_are_drawn_as_themselves_not_as_plain_letters_or_boxes():
    drawn = {word: ink_columns(render.legend_strip(400, [word], 0.7, 2)) for word in ("densite", "densité", "densitè", "µm", "um")}
    # "é" differs from "e" (the accent is drawn) and from "è" (a real glyph: a missing one is
    # the same empty box for both)
    assert drawn["densité"].shape != drawn["densite"].shape or not np.array_equal(drawn["densité"], drawn["densite"])
    assert not np.array_equal(drawn["densité"], drawn["densitè"])
    assert drawn["densité"].shape[0] > drawn["densite"].shape[0]  # the accent stands above the "t"
    assert not np.array_equal(drawn["µm"], drawn["um"])


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract (apt-get install tesseract-ocr tesseract-ocr-fra) reads the legend back")
def test_the_french_legend_reads_back_with_its_accents(french, tmp_path):  # noqa: F811
    languages = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if "fra" not in languages:
        pytest.skip("tesseract has no French data (apt-get install tesseract-ocr-fra)")
    strip = legend_of(strip_result("L3A.png"))
    # tesseract reads best at about 30 px per line: the strip at 2x
    Image.fromarray(strip).resize((strip.shape[1] * 2, strip.shape[0] * 2), Image.LANCZOS).save(tmp_path / "legend.png")
    read = subprocess.run(["tesseract", str(tmp_path / "legend.png"), "-", "-l", "fra", "--psm", "6"],
                          capture_output=True, text=True, check=True).stdout
    for word in ("densité", "diminuée", "Rangée", "dilatés", "mégacapillaires", "Échelle", "Modèle", "séparation", "analysé"):
        assert word in read, f"{word!r} not read back from the legend:\n{read}"
    assert "densite " not in read and "Echelle" not in read


def test_the_csv_files_keep_accents_in_their_human_fields(french, tmp_path):  # noqa: F811
    folder = tmp_path / "visite"
    folder.mkdir()
    for name in ("L2A.png", "L3A.png"):
        (folder / name).write_bytes(b"pictures are given to the summary, not read")
    exam = exam_from_folder(folder, patient_id="Hélène-042", date="2026-11-20", operator="Dr Lefèvre", profile="Dino « pédiatrie »", um_per_px=2.0)
    results = {folder / "L2A.png": strip_result(str(folder / "L2A.png"), 9, 12.0),
               folder / "L3A.png": strip_result(str(folder / "L3A.png"), 10, 30.0)}
    exam_text = write_text_atomic(tmp_path / "examen.csv", exam_csv(summarise_exam(exam, results))).read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(exam_text)))
    patient = next(row for row in rows if row["level"] == "patient")
    assert patient["patient_id"] == "Hélène-042"
    assert patient["reason"] == "moyenne sur 2 doigts avec une densité"
    assert patient["scale_source"] == "Dino « pédiatrie »"

    result = strip_result("L2A.png")
    result = type(result)(**{**result.__dict__, "calibration": Calibration(2.0, "profile", "Dino « pédiatrie »")})
    summary_text = write_text_atomic(tmp_path / "récapitulatif.csv", summary_csv([result.summary_row()])).read_bytes().decode("utf-8")
    row = next(csv.DictReader(io.StringIO(summary_text)))
    assert row["calibration_profile"] == "Dino « pédiatrie »"
    assert i18n.language() == "fr"


def test_the_legend_font_and_its_licence_ship_in_the_installer_and_the_wheel():
    """build.spec's data list (the frozen bundle) and the wheel's package data carry the font the
    legend is drawn with: without it the bundle would draw the legend without accents."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    font = root / "resources" / "fonts" / render.LEGEND_FONT_FILE
    assert font.is_file() and (font.parent / "LICENSE-DejaVu.txt").is_file()
    spec = ast.parse((root / "build.spec").read_text(encoding="utf-8"))
    wanted = [node for node in spec.body if isinstance(node, ast.FunctionDef) and node.name == "_data"
              or isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.startswith("_RESOURCE_SKIP") or
                                                      isinstance(t, ast.Name) and t.id == "_MODEL_SKIP_SUFFIXES" for t in node.targets)]
    namespace = {"ROOT": root}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "build.spec", "exec"), namespace)
    bundled = {Path(source).relative_to(root).as_posix(): folder for source, folder in namespace["_data"]()}
    assert bundled.get("resources/fonts/DejaVuSans.ttf") == "resources/fonts"
    assert "resources/fonts/LICENSE-DejaVu.txt" in bundled
