"""``capseg exam`` end to end on a synthetic folder L2A.png ... R5A.png (the darkness model's
exact counts): the report and the CSV hold the per-finger and patient figures, a hand-corrected
image is counted as corrected, a damaged image is listed with its sentence and exits 1, the
saved exam reopens, a profile gives the scale, and refusals say why."""

from __future__ import annotations

import csv
import io

import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.calibration import Profile, save_profiles
from capseg_desktop.core.corrections import Edit, image_sha256, save_corrections
from capseg_desktop.core.exam import load_exam
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.render import encode_png
from tests.core.tiny_models import bars_image

from .pdftext import pdf_pages

FINGER_BARS = {"L2": 3, "L3": 4, "L4": 5, "L5": 3, "R2": 4, "R3": 5, "R4": 3, "R5": 6}
# bars_image(200, 400, 3): the middle bar is at x 194-206.
REMOVE_MIDDLE = Edit("remove", points=((200.0, 50.0),))


@pytest.fixture()
def exam_folder(tmp_path, darkness_session, monkeypatch):
    monkeypatch.setenv("CAPSEG_CORRECTIONS_DIR", str(tmp_path / "appdata-corrections"))
    monkeypatch.setenv("CAPSEG_PROFILES", str(tmp_path / "microscopes.json"))
    folder = tmp_path / "P-042 visit"
    folder.mkdir()
    for finger, bars in FINGER_BARS.items():
        (folder / f"{finger}A.png").write_bytes(encode_png(bars_image(200, 400, bars)))
    (folder / "L2B.png").write_bytes(encode_png(bars_image(200, 400, 3)))
    corrected = Analyzer(darkness_session).analyze_path(folder / "L2B.png").with_edits([REMOVE_MIDDLE])  # 3 -> 2
    save_corrections(folder / "L2B.png", corrected.corrections(image_sha256(folder / "L2B.png")))
    (folder / "R5B.png").write_bytes(encode_png(bars_image(200, 400, 3))[:300])  # damaged
    (folder / "overview.png").write_bytes(encode_png(bars_image(200, 400, 2)))  # no finger in its name
    return folder


def per_mm(loops: int) -> float:
    return loops / (400 * 2.0 / 1000.0)  # 400 px at 2 µm per pixel = 0.8 mm


def test_capseg_exam_writes_the_report_csv_and_exam(exam_folder, darkness_model_dir, tmp_path, capsys):
    report, table, saved = tmp_path / "report.pdf", tmp_path / "exam.csv", tmp_path / "p042.capseg-exam.json"
    code = main([
        "exam", str(exam_folder), "--model", str(darkness_model_dir / "darkness.tflite"), "--um-per-px", "2",
        "--report", str(report), "--csv", str(table), "--save-exam", str(saved),
        "--patient", "P-042", "--operator", "Dr Rheum", "--date", "2026-11-20",
    ])
    out, err = capsys.readouterr()
    assert code == 1  # R5B.png could not be analysed
    assert "R5B.png" in err and "overview.png" in err and "not assigned to a finger" in err
    l2 = (per_mm(3) + per_mm(2)) / 2  # L2A: 3 bars; L2B: 3 bars, one removed by hand
    assert f"L2: 2 image(s), distal density {l2:.1f} per mm (reduced), 5 dilated, 0 giant" in out
    assert f"R5: 1 image(s), distal density {per_mm(6):.1f} per mm (normal), 6 dilated, 0 giant, 1 not used" in out
    densities = [l2] + [per_mm(bars) for finger, bars in FINGER_BARS.items() if finger != "L2"]
    patient = sum(densities) / 8
    assert f"Patient: mean distal density {patient:.1f} per mm, {'reduced' if patient < 7 else 'normal'} (mean of 8 fingers with a density)" in out
    # The EULAR fast track (issue 22): no giant loop, no finger at 3 per mm or less: non-scleroderma pattern, with its steps.
    assert "R5: 1 image(s)" in out and "; fast track: non-scleroderma pattern" in out  # 7.5 per mm: step 1
    assert "Fast track pattern: non-scleroderma pattern. EULAR fast track algorithm" in out and "not a diagnosis" in out
    assert "  - Non-scleroderma pattern on L2, L3, L4, L5, R2, R3, R4, R5." in out

    text = " ".join(pdf_pages(report))
    assert "P-042" in text and "Dr Rheum" in text and "2026-11-20" in text
    assert f"L2 2 {l2:.1f} reduced 5 0" in text
    assert f"R3 1 {per_mm(5):.1f} reduced 5 0" in text
    assert f"{patient:.1f} capillaries per mm, {'reduced' if patient < 7 else 'normal'} (mean of 8 fingers with a density)" in text
    assert "L2 — L2B.png: 2 capillaries (model 3, corrected by hand)" in text
    assert "R5B.png" in text and "not used" in text
    assert "support, not replace, a clinician's reading" in text
    assert "EULAR fast track pattern" in text and "Non-scleroderma pattern on L2, L3, L4, L5, R2, R3, R4, R5." in text
    import hashlib

    sha = hashlib.sha256((darkness_model_dir / "darkness.tflite").read_bytes()).hexdigest()
    assert sha in text

    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    by_file = {row["file"]: row for row in rows if row["level"] == "image"}
    assert by_file["L2B.png"]["count"] == "2" and by_file["L2B.png"]["edited"] == "yes"
    assert by_file["R5B.png"]["status"] == "failed" and by_file["R5B.png"]["reason"]
    assert by_file["overview.png"]["status"] == "no finger"
    assert rows[-1]["level"] == "patient" and rows[-1]["distal_density_per_mm"] == f"{patient:.2f}"
    assert rows[-1]["fast_track_pattern"] == "non-scleroderma pattern"
    assert f"Haemorrhages: {rows[-1]['haemorrhages']} (the fast track" in rows[-1]["fast_track_steps"]
    assert rows[-1]["haemorrhages"] == str(sum(int(r["haemorrhages"]) for r in rows if r["level"] == "finger" and r["haemorrhages"]))

    exam = load_exam(saved)
    assert (exam.patient_id, exam.operator, exam.date, exam.um_per_px) == ("P-042", "Dr Rheum", "2026-11-20", 2.0)
    assert exam.path_of(exam.find(exam_folder / "R3A.png")) == exam_folder / "R3A.png"

    # The saved exam is an input too: exclude an image in it, and the report leaves it out.
    exam.set_excluded(exam.find(exam_folder / "R5B.png"), "damaged file")
    from capseg_desktop.core.exam import save_exam

    save_exam(exam, saved)
    again = tmp_path / "again.pdf"
    assert main(["exam", str(saved), "--model", str(darkness_model_dir / "darkness.tflite"), "--report", str(again)]) == 0
    assert "damaged file" in " ".join(pdf_pages(again))


def test_a_profile_gives_the_scale(exam_folder, darkness_model_dir, tmp_path, capsys):
    save_profiles([Profile("Dino 200x", 2.0, 200.0)])
    report = tmp_path / "r.pdf"
    main(["exam", str(exam_folder), "--model", str(darkness_model_dir / "darkness.tflite"), "--profile", "dino 200X",
          "--report", str(report)])
    text = " ".join(pdf_pages(report))
    assert "Dino 200x" in text and "2 µm per pixel (profile Dino 200x)" in text
    assert f"{per_mm(4):.1f}" in text


def test_refusals_say_why(exam_folder, darkness_model_dir, tmp_path, capsys):
    model = ["--model", str(darkness_model_dir / "darkness.tflite")]
    assert main(["exam", str(exam_folder), *model, "--profile", "Nikon", "--report", str(tmp_path / "r.pdf")]) == 2
    assert 'No microscope profile is called "Nikon"' in capsys.readouterr().err
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    assert main(["exam", str(exam_folder), *model, "--report", str(existing)]) == 2
    assert "already exists" in capsys.readouterr().err and existing.read_bytes() == b"old"
    assert main(["exam", str(tmp_path / "nowhere"), *model, "--report", str(tmp_path / "r.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["exam", str(exam_folder), "--date", "20/11/2026", "--report", str(tmp_path / "r.pdf")])
    assert "YYYY-MM-DD" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "scan.png").write_bytes(encode_png(bars_image(200, 400, 2)))
    assert main(["exam", str(empty), *model, "--report", str(tmp_path / "r.pdf")]) == 2
    assert "No image of this exam is assigned to a finger" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_a_profile_with_its_own_model_counts_with_it_and_the_report_names_it(exam_folder, darkness_model_dir, tmp_path, monkeypatch):
    import shutil

    from capseg_desktop.core.microscope_models import keep_model

    monkeypatch.setenv("CAPSEG_MODELS_DIR", str(tmp_path / "no bundled model"))  # only the profile's model can count
    save_profiles([Profile("Dino 200x", 2.0, 200.0)])
    run = tmp_path / "run"
    run.mkdir()
    shutil.copy(darkness_model_dir / "darkness.tflite", run / "dino-adapted.tflite")
    kept = keep_model("Dino 200x", run / "dino-adapted.tflite")
    report, table = tmp_path / "r.pdf", tmp_path / "exam.csv"
    assert main(["exam", str(exam_folder), "--profile", "dino 200X", "--report", str(report), "--csv", str(table)]) == 1  # R5B.png is damaged
    text = " ".join(pdf_pages(report))
    assert "dino-adapted.tflite" in text and kept.model.sha256 in text
    assert f"R3 1 {per_mm(5):.1f} reduced 5 0" in text
    rows = [row for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))) if row["level"] == "image" and row["status"] == "used"]
    assert len(rows) == 9 and {(row["model"], row["model_sha256"]) for row in rows} == {("dino-adapted.tflite", kept.model.sha256)}
