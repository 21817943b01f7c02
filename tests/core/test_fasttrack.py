"""The EULAR fast track algorithm (issue 22, point 3): every branch of its three rules on a
finger's figures, the patient's outcome from the fingers', and where it shows (the exam's
figures and CSV), worded as support for the clinician."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from capseg_desktop.core.exam import Exam, exam_csv, summarise_exam
from capseg_desktop.core.fasttrack import NON_SCLERODERMA, NOT_ASSESSABLE, SCLERODERMA, fast_track, patient_fast_track
from capseg_desktop.core.shape import RAMIFIED, ShapeMeasures

from .test_i18n_core import french, strip_result  # noqa: F401  (french: a fixture)


def keys(found):
    return [step.key for step in found.steps]


@pytest.mark.parametrize("density, giants, abnormal, pattern, rule, steps", [
    # Rule 1: 7 per mm or more and no giant.
    (8.2, 0, 0, NON_SCLERODERMA, 1, ["rule1_met"]),
    (7.0, 0, None, NON_SCLERODERMA, 1, ["rule1_met"]),  # 7 is "7 or more"; shapes are not needed
    # Rule 2: giants, whatever the density.
    (9.0, 2, 0, SCLERODERMA, 2, ["rule1_giants", "rule2_giants"]),
    (4.0, 1, None, SCLERODERMA, 2, ["rule1_giants", "rule2_giants"]),
    (None, 1, None, SCLERODERMA, 2, ["rule1_giants", "rule2_giants"]),
    # Rule 2: 3 per mm or less with abnormal shapes.
    (2.5, 0, 2, SCLERODERMA, 2, ["rule1_density", "rule2_shapes"]),
    (3.0, 0, 1, SCLERODERMA, 2, ["rule1_density", "rule2_shapes"]),
    # Rule 3: the rest.
    (5.0, 0, 3, NON_SCLERODERMA, 3, ["rule1_density", "rule2_not_low", "rule3"]),  # ramified loops, density above 3
    (2.5, 0, 0, NON_SCLERODERMA, 3, ["rule1_density", "rule2_no_shapes", "rule3"]),
    (6.9, 0, None, NON_SCLERODERMA, 3, ["rule1_density", "rule2_not_low", "rule3"]),
    # Not assessable: only where the rules cannot be decided.
    (None, None, 1, NOT_ASSESSABLE, None, ["rule1_unknown"]),  # no scale
    (2.0, 0, None, NOT_ASSESSABLE, None, ["rule1_density", "rule2_shapes_unknown"]),  # no loop's shape could be judged
    (5.0, None, 0, NOT_ASSESSABLE, None, ["rule1_density", "rule2_giants_unknown"]),
])
def test_every_branch_of_the_three_rules(density, giants, abnormal, pattern, rule, steps):
    found = fast_track(density, giants, abnormal)
    assert (found.pattern, found.rule) == (pattern, rule)
    assert keys(found) == steps + ["haemorrhages_unknown"]  # not looked for: said so
    # Haemorrhages are said, never used: any number of them leaves the outcome as it was.
    counted = fast_track(density, giants, abnormal, 4)
    assert (counted.pattern, counted.rule) == (pattern, rule) and keys(counted) == steps + ["haemorrhages"]


def test_the_steps_read_as_sentences_with_the_figures():
    texts = fast_track(2.5, 0, 2).step_texts()
    assert texts[0] == "Step 1 not met: density 2.5 per mm (below 7)."
    assert texts[1] == "Step 2: density 2.5 per mm (3 or less) with abnormal shapes (ramified loops: 2): scleroderma pattern."
    assert texts[2] == "Haemorrhages: not assessed (the fast track algorithm does not use them)."
    assert fast_track(9.0, 3, 0, 2).to_dict() == {
        "pattern": "scleroderma pattern", "rule": 2,
        "steps": ["Step 1 not met: giant loops present (3).", "Step 2: giant loops present (3): scleroderma pattern.",
                  "Haemorrhages: 2 (the fast track algorithm does not use them)."],
    }


def test_the_patient_outcome_from_the_fingers():
    ssc, normal, unknown = fast_track(8.0, 1, 0), fast_track(8.0, 0, 0), fast_track(None, None, None)
    found = patient_fast_track([("L2", normal), ("L3", ssc), ("L4", None), ("R2", unknown)])
    assert found.pattern == SCLERODERMA
    assert found.step_texts()[:3] == ["Scleroderma pattern on L3.", "Non-scleroderma pattern on L2.", "Not assessable on R2."]
    found = patient_fast_track([("L2", normal), ("L3", normal), ("R2", unknown)])
    assert (found.pattern, found.rule) == (NON_SCLERODERMA, 1)
    assert "Not assessable on R2." in found.step_texts()  # said, not hidden
    assert patient_fast_track([("L2", normal), ("L3", fast_track(5.0, 0, 0))]).rule == 3
    assert patient_fast_track([("L2", unknown), ("L3", None)]).pattern == NOT_ASSESSABLE
    assert keys(patient_fast_track([])) == ["no_finger", "haemorrhages_unknown"]
    assert patient_fast_track([("L2", normal)], 3).step_texts()[-1] == "Haemorrhages: 3 (the fast track algorithm does not use them)."


def _with_shapes(result, labels):
    """``result`` whose loops have the shapes ``labels`` (one per loop)."""
    measures = tuple(replace(m, shape_measures=ShapeMeasures(label)) for m, label in zip(result.measures, labels))
    return replace(result, measures=measures)


def test_the_exam_gives_each_finger_and_the_patient_a_pattern_and_the_csv_says_it(tmp_path):
    """2 mm strips at 2 µm per pixel: 9 loops make 4.5 per mm, 5 make 2.5; 30 px vessels are 60 µm (giant)."""
    exam = Exam(patient_id="P-22", date="2026-12-07")
    images = {finger: tmp_path / f"{finger}A.png" for finger in ("L2", "L3", "L4", "R2")}
    for finger, path in images.items():
        exam.add_image(path, finger)
    results = {
        images["L2"]: _with_shapes(strip_result("L2A.png", loops=5), ["hairpin"] * 3 + [RAMIFIED, "tortuous"]),
        images["L3"]: _with_shapes(strip_result("L3A.png", loops=9), ["hairpin"] * 8 + [RAMIFIED]),
        images["L4"]: strip_result("L4A.png", loops=9, width_px=30.0),
        images["R2"]: strip_result("R2A.png", loops=9, um_per_px=None),
    }
    summary = summarise_exam(exam, results)
    l2, l3, l4, r2 = (summary.finger(name) for name in ("L2", "L3", "L4", "R2"))
    assert (l2.fast_track.pattern, l2.fast_track.rule) == (SCLERODERMA, 2)  # 2.5 per mm with a ramified loop
    assert (l3.fast_track.pattern, l3.fast_track.rule) == (NON_SCLERODERMA, 3)  # 4.5 per mm: above 3
    assert (l4.fast_track.pattern, l4.fast_track.rule) == (SCLERODERMA, 2)  # giants
    assert r2.fast_track.pattern == NOT_ASSESSABLE  # no scale
    assert summary.finger("R5").fast_track is None  # not examined
    assert (l2.shapes["ramified"], l2.shapes["tortuous"], summary.patient.shapes["ramified"]) == (1, 1, 2)
    assert summary.patient.fast_track.pattern == SCLERODERMA
    assert summary.patient.fast_track.step_texts()[0] == "Scleroderma pattern on L2, L4."

    rows = list(csv.DictReader(io.StringIO(exam_csv(summary))))
    by_finger = {row["finger"]: row for row in rows if row["level"] == "finger"}
    assert by_finger["L2"]["fast_track_pattern"] == "scleroderma pattern" and by_finger["L2"]["ramified"] == "1"
    assert by_finger["L2"]["fast_track_steps"].startswith("Step 1 not met: density 2.5 per mm (below 7). | Step 2: density 2.5")
    assert by_finger["R2"]["fast_track_pattern"] == "not assessable"
    assert by_finger["R5"]["fast_track_pattern"] == ""  # not examined
    (patient,) = [row for row in rows if row["level"] == "patient"]
    assert patient["fast_track_pattern"] == "scleroderma pattern" and patient["ramified"] == "2"
    image_l2 = next(row for row in rows if row["level"] == "image" and row["file"] == "L2A.png")
    assert (image_l2["ramified"], image_l2["tortuous"], image_l2["crossing"]) == ("1", "1", "0")


def test_the_steps_in_french(french):  # noqa: F811
    texts = fast_track(2.5, 0, 2).step_texts()
    assert "2,5" in texts[0] and "Step" not in texts[0]
    assert fast_track(8.0, 0, 0).pattern_text() != "non-scleroderma pattern"
    # The CSV keeps English, whatever the language.
    assert fast_track(2.5, 0, 2).to_dict()["steps"][0] == "Step 1 not met: density 2.5 per mm (below 7)."
