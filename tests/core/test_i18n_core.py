"""The engine, the annotated picture and the report in French (issue 13): with the French
catalogue of the engine (resources/translations/capseg_core_fr.qm, loaded here through Qt's
own QTranslator) installed into ``core.i18n``, a typed error's sentence, the legend of the
annotated PNG (decimal comma) and the PDF report's text are French; the machine files (JSON
keys and numbers, the CSV files) are the same as in English."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from capseg_desktop.core import i18n, render
from capseg_desktop.core.calibration import Calibration, CalibrationError, Profile
from capseg_desktop.core.counting import Capillary, CountingParams
from capseg_desktop.core.errors import ImageReadError
from capseg_desktop.core.imageio import read_image
from capseg_desktop.core.measure import LoopMeasures
from capseg_desktop.core.model import ModelInfo
from capseg_desktop.core.result import AnalysisResult, summary_csv

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "capseg_core_fr.qm"
MODEL = ModelInfo("capseg_unet.tflite", "3f" * 32, "litert", 1, 16)
NBSP = "\u00a0"


@pytest.fixture()
def french():
    """The engine's French catalogue installed for one test, English again afterwards."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} could not be loaded"
    i18n.install_translator(lambda context, text, disambiguation, n: translator.translate(context, text, disambiguation, n), "fr")
    try:
        yield translator
    finally:
        i18n.install_translator(None, "en")


def strip_result(path: str, loops: int = 9, width_px: float = 12.0, um_per_px: float = 2.0) -> AnalysisResult:
    """A 1000 x 300 result (2 mm at 2 µm/px) with ``loops`` distal loops ``width_px`` wide."""
    capillaries, measures = [], []
    for index in range(loops):
        x0 = 40 + index * 100
        capillaries.append(Capillary(index + 1, (x0, 30, x0 + 40, 240), 2500, (x0 + 20.0, 135.0)))
        measures.append(LoopMeasures(index + 1, 40.0, width_px, width_px, width_px, width_px, 200.0, (x0 + 20.0, 235.0), True, (0.0, 1.0)))
    return AnalysisResult(
        path, 1000, 300, MODEL, CountingParams(), tuple(capillaries), um_per_px=um_per_px,
        measures=tuple(measures), calibration=Calibration(um_per_px, "profile", "Dino 200x"),
    )


def png_description(result: AnalysisResult) -> tuple[np.ndarray, str]:
    """The annotated picture (pixels) and the legend stored in its PNG text."""
    rgb = np.full((result.height, result.width, 3), (225, 195, 175), np.uint8)
    annotated = render.annotated_image(rgb, result.capillaries, result.legend_lines(), flags=result.flags(),
                                       distal_line=result.distal_row().line)
    data = render.encode_png(annotated, result.png_text())
    with Image.open(io.BytesIO(data)) as image:
        return annotated, image.text["Description"]


def test_english_stays_the_default_without_a_catalogue():
    assert i18n.language() == "en"
    with pytest.raises(CalibrationError) as caught:
        Profile("", 1.0)
    assert str(caught.value) == "A microscope profile needs a name."


def test_a_typed_error_is_one_french_sentence(french, tmp_path):
    with pytest.raises(ImageReadError) as caught:
        read_image(tmp_path / "L2A.png")
    assert str(caught.value) == f"L’image «{NBSP}L2A.png{NBSP}» n’existe pas (elle a peut-être été déplacée ou supprimée)."
    with pytest.raises(CalibrationError) as caught:
        Profile("", 1.0)
    assert str(caught.value) == "Un profil de microscope doit avoir un nom."
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(ImageReadError) as caught:
        read_image(tmp_path / "empty.png")
    assert str(caught.value) == f"«{NBSP}empty.png{NBSP}» est vide (0 octet){NBSP}; il ne contient aucune image."


def test_plural_sentences_follow_the_count(french):
    from capseg_desktop.core.corrections import EditSummary

    assert EditSummary(removed=1, added=2).describe() == "1 supprimé, 2 ajoutés"
    assert EditSummary(removed=1, added=2).describe(english=True) == "1 removed, 2 added"
    assert strip_result("one.png", loops=1).legend_lines()[1].split(";")[0].strip() == f"one.png{NBSP}: 1 capillaire"
    assert strip_result("nine.png").legend_lines()[1].split(";")[0].strip() == f"nine.png{NBSP}: 9 capillaires"


def test_the_annotated_png_legend_is_french_with_decimal_commas(french):
    result = strip_result("L3A.png")
    french_pixels, legend = png_description(result)
    assert f"L3A.png{NBSP}: 9 capillaires" in legend and legend.count("par mm") == 2  # the distal density and its limit
    assert f"Rangée distale (ligne cyan en tirets){NBSP}: 9 anses" in legend
    assert "4,5 par mm, densité diminuée (moins de 7 par mm)" in legend
    assert "Capillaires dilatés" in legend and "mégacapillaires" in legend
    assert "Échelle 2 µm/px (profil Dino 200x)" in legend
    assert "per mm" not in legend and "4.5" not in legend
    i18n.install_translator(None, "en")
    english_pixels, english = png_description(result)
    assert "L3A.png: 9 capillaries" in english and "4.5 per mm" in english
    assert not np.array_equal(french_pixels, english_pixels)  # the drawn legend changed too


def _keys(value):
    """The JSON's structure: every key and every number, not the human sentences."""
    if isinstance(value, dict):
        return {k: _keys(v) for k, v in value.items() if k not in ("warnings", "text", "created")}
    if isinstance(value, list):
        return [_keys(v) for v in value]
    return value


def test_json_and_csv_keep_english_keys_and_plain_numbers(french):
    edited = strip_result("L2B.png")  # one result, read in both languages
    french_json, french_capillaries = json.loads(edited.to_json()), edited.capillaries_csv()
    french_summary = summary_csv([edited.summary_row()])
    assert french_json["calibration"]["text"] == "échelle 2 µm/px (profil Dino 200x)"
    i18n.install_translator(None, "en")
    english_json = json.loads(edited.to_json())
    assert english_json["calibration"]["text"] == "scale 2 µm/px (profile Dino 200x)"
    assert _keys(french_json) == _keys(english_json)
    assert french_json["distal_row"]["density_per_mm"] == 4.5
    assert french_capillaries == edited.capillaries_csv()
    assert french_summary == summary_csv([edited.summary_row()])
    header = next(csv.reader(io.StringIO(french_capillaries)))
    assert header[:3] == ["id", "x0", "y0"] and "flag" in header
    assert "4.500" in french_summary and "4,5" not in french_summary


def test_the_pdf_report_is_french(qapp, french, tmp_path):
    # qapp: a QApplication, not the report's own QGuiApplication, so the widget tests after it can run
    pytest.importorskip("pypdf")
    from capseg_desktop.core.exam import exam_from_folder, summarise_exam
    from capseg_desktop.report.pdf import write_report

    from ..report.pdftext import pdf_pages

    folder = tmp_path / "visite"
    folder.mkdir()
    for name in ("L2A.png", "L3A.png"):
        (folder / name).write_bytes(b"pictures are given to the report, not read")
    exam = exam_from_folder(folder, patient_id="P-042", date="2026-11-20", operator="Dr Rheum", profile="Dino 200x", um_per_px=2.0)
    results = {folder / "L2A.png": strip_result(str(folder / "L2A.png"), 9, 12.0),
               folder / "L3A.png": strip_result(str(folder / "L3A.png"), 10, 30.0)}
    summary = summarise_exam(exam, results)
    text = " ".join(pdf_pages(write_report(tmp_path / "compte-rendu.pdf", exam, summary, results))).replace("\ufb00", "ff")
    for expected in (
        "Capillaroscopie périunguéale : compte rendu d’examen",
        "Synthèse pour le patient",
        "Densité moyenne de la rangée distale",
        "4,8 capillaires par mm, diminuée (moyenne de 2 doigts avec une densité)",  # (4.5 + 5.0) / 2
        "Mégacapillaires (tous doigts)",
        "présence de mégacapillaires",
        "Date de l’examen 20/11/2026",
        "Comment ces chiffres ont été obtenus",
        "Ces chiffres aident la lecture du clinicien sans la remplacer",
        "densité distale 4,5 par mm (9 anses distales)",
        "Page 1 sur",
    ):
        assert expected in text, expected
    for english in ("Patient summary", "Exam date", "per mm", "Page 1 of"):
        assert english not in text
