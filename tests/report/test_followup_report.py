"""``capseg exam NEW --compare OLD`` (issue 22, point 4) end to end on two synthetic visits of one
patient (the darkness model's exact counts): the printed comparison, the report's section
"Compared with the exam of DATE" with each finger then, now and the change and the pictures side
by side, the CSV's comparison rows, and the refusal for another patient."""

from __future__ import annotations

import csv
import io

import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.exam import Exam, save_exam
from capseg_desktop.core.render import encode_png
from tests.core.tiny_models import bars_image

from .pdftext import pdf_pages

THEN = {"L2": 3, "R3": 5}  # bars per finger, at 2 µm per pixel: 24 µm wide, dilated
NOW = {"L2": 2, "R3": 5, "L4": 4}  # at 5 µm per pixel: 60 µm wide, giant


def per_mm(bars: int, um_per_px: float) -> float:
    return bars / (400 * um_per_px / 1000.0)


def write_visit(folder, bars_by_finger):
    folder.mkdir()
    for finger, bars in bars_by_finger.items():
        (folder / f"{finger}A.png").write_bytes(encode_png(bars_image(200, 400, bars)))
    return folder


@pytest.fixture()
def visits(tmp_path, monkeypatch):
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata-corrections"))
    then_folder = write_visit(tmp_path / "2025", THEN)
    earlier = Exam(patient_id="P-042", date="2025-06-01", um_per_px=2.0)
    for finger in THEN:
        earlier.add_image(then_folder / f"{finger}A.png")
    saved = save_exam(earlier, then_folder / "p042.capseg-exam.json")
    return saved, write_visit(tmp_path / "2026", NOW)


def run(darkness_model_dir, new_folder, old_exam, out, *extra):
    return main(["exam", str(new_folder), "--model", str(darkness_model_dir / "darkness.tflite"), "--um-per-px", "5",
                 "--patient", "P-042", "--date", "2026-12-07", "--report", str(out / "report.pdf"), "--csv",
                 str(out / "exam.csv"), "--compare", str(old_exam), *extra])


def test_the_follow_up_is_printed_reported_and_tabled(visits, darkness_model_dir, tmp_path, capsys):
    old_exam, new_folder = visits
    assert run(darkness_model_dir, new_folder, old_exam, tmp_path) == 0
    out = capsys.readouterr().out
    l2_then, l2_now = per_mm(3, 2), per_mm(2, 5)
    r3_then, r3_now = per_mm(5, 2), per_mm(5, 5)
    assert "Compared with the exam of 2025-06-01." in out and "Loops are not matched across visits" in out
    assert (f"L2: distal density per mm {l2_then:.1f} → {l2_now:.1f} (−{l2_then - l2_now:.1f}); giant loops 0 → 2 (2 new, 0 vanished);"
            in out)
    assert f"R3: distal density per mm {r3_then:.1f} → {r3_now:.1f} (−{r3_then - r3_now:.1f}); giant loops 0 → 5 (5 new, 0 vanished);" in out
    assert f"L4: distal density per mm not examined → {per_mm(4, 5):.1f};" in out
    assert "L5: not examined then nor now" in out
    assert "fast track: non-scleroderma pattern → scleroderma pattern" in out  # giant loops now
    assert "Patient: mean distal density per mm" in out and "giant loops 0 → 11 (7 new, 0 vanished)" in out
    assert "Haemorrhages are not matched across visits either" in out
    assert "L2: haemorrhages 0 → 0 (0 new, 0 vanished)" in out  # looked for in both visits, none found

    pages = pdf_pages(tmp_path / "report.pdf")
    text = " ".join(pages)
    assert "Compared with the exam of 2025-06-01" in text
    assert "Then: the exam of 2025-06-01; now: this exam of 2026-12-07." in text
    assert f"L2 {l2_then:.1f} → {l2_now:.1f} (−{l2_then - l2_now:.1f}) 0 → 2 (2 new, 0 vanished) 0 → 0 (0)" in text
    assert f"L4 not examined → {per_mm(4, 5):.1f} not examined → 4" in text
    assert "Haemorrhages are not matched across visits either" in text
    assert f"L2 {l2_then:.1f} → {l2_now:.1f} (−{l2_then - l2_now:.1f}) 0 → 2 (2 new, 0 vanished) 0 → 0 (0) 0 → 0 (0 new, 0 vanished)" in text
    assert "Not examined then nor now: L3, L5, R2, R4, R5." in text
    # The pictures of each finger seen in both visits, side by side, before the others.
    assert "L2 — left, the exam of 2025-06-01 (L2A.png); right, this exam of 2026-12-07 (L2A.png)" in text
    assert "R3 — left, the exam of 2025-06-01" in text and "L4 — left" not in text

    rows = list(csv.DictReader(io.StringIO((tmp_path / "exam.csv").read_text(encoding="utf-8"))))
    changes = {row["finger"]: row for row in rows if row["level"] == "finger change"}
    assert changes["L2"]["then_distal_density_per_mm"] == f"{l2_then:.2f}" and changes["L2"]["distal_density_per_mm"] == f"{l2_now:.2f}"
    assert (changes["L2"]["then_giant"], changes["L2"]["giant"], changes["L2"]["new_giant"]) == ("0", "2", "2")
    assert rows[-1]["level"] == "patient change" and rows[-1]["compared_with_date"] == "2025-06-01"


def test_another_patients_exam_is_refused_and_nothing_written(visits, darkness_model_dir, tmp_path, capsys):
    old_exam, new_folder = visits
    code = main(["exam", str(new_folder), "--model", str(darkness_model_dir / "darkness.tflite"), "--um-per-px", "5",
                 "--patient", "P-777", "--report", str(tmp_path / "report.pdf"), "--compare", str(old_exam)])
    err = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "report.pdf").exists()
    assert 'is of the patient "P-042" and this one of "P-777": two different patients are not compared.' in err
    assert "--force-compare" in err
    assert main(["exam", str(new_folder), "--model", str(darkness_model_dir / "darkness.tflite"), "--um-per-px", "5",
                 "--patient", "P-777", "--report", str(tmp_path / "report.pdf"), "--compare", str(old_exam), "--force-compare"]) == 0
    assert 'Compared although the pseudonyms differ ("P-042" then, "P-777" now)' in capsys.readouterr().out


def test_the_follow_up_report_in_french(visits, darkness_model_dir, tmp_path, capsys):
    """The command line's French reached the report too (the report's Qt application was made
    after the catalogues were loaded, and answered in English)."""
    old_exam, new_folder = visits
    try:
        assert run(darkness_model_dir, new_folder, old_exam, tmp_path, "--lang", "fr") == 0
    finally:  # the catalogues are on the Qt application now: English again for the tests after this one
        from capseg_desktop.i18n_qt import install_language

        install_language("en")
    assert "Comparé à l’examen du 01/06/2025." in capsys.readouterr().out
    text = " ".join(pdf_pages(tmp_path / "report.pdf"))
    assert "Date de l’examen" in text and "Comparé à l’examen du 01/06/2025" in text
    assert "Hémorragies" in text and "L2 — à gauche, l’examen du 01/06/2025 (L2A.png)" in text
