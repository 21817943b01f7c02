"""The follow-up visit (issue 22, point 4): two exams of one patient compared per finger and
overall on known figures; two patients are refused; the exam CSV gets the comparison rows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pytest

from capseg_desktop.core.calibration import SOURCE_PROFILE, Calibration
from capseg_desktop.core.exam import density_flag, exam_from_folder, summarise_exam
from capseg_desktop.core.followup import FollowUpError, compare_exams, comparison_lines, exam_csv_compared
from capseg_desktop.core.shape import shape_counts

from .test_i18n_core import french  # noqa: F401  (a fixture)


@dataclass(frozen=True)
class Measure:
    shape: str


@dataclass(frozen=True)
class Result:
    """What ``summarise_exam`` reads of an ``AnalysisResult``, with known figures."""

    count: int
    distal_density_per_mm: float | None
    giant_count: int = 0
    ramified: int = 0
    hairpins: int = 4
    dilated_count: int = 0
    distal_count: int = 0
    measuring_um_per_px: float | None = 1.0
    edited: bool = False
    model_count: int | None = None
    warnings: tuple = ()
    haemorrhage_count: int | None = None
    calibration_used: Calibration = field(default_factory=lambda: Calibration(1.0, SOURCE_PROFILE, "Dino"))

    @property
    def measures(self):
        return tuple(Measure("hairpin") for _ in range(self.hairpins)) + tuple(Measure("ramified") for _ in range(self.ramified))

    def shape_counts(self):
        return shape_counts([m.shape for m in self.measures])

    @property
    def model_count_or_count(self):
        return self.count

    @property
    def density_flag(self):
        return density_flag(self.distal_density_per_mm)


def visit(tmp_path, name, patient, date, figures):
    """An exam of the images ``figures`` names (file name -> Result), summarised."""
    folder = tmp_path / name
    folder.mkdir()
    for file_name in figures:
        (folder / file_name).write_bytes(b"not read")
    exam = exam_from_folder(folder, patient_id=patient, date=date)
    return summarise_exam(exam, {folder / file_name: result for file_name, result in figures.items()})


@pytest.fixture()
def two_visits(tmp_path):
    then = visit(tmp_path, "2025", "P-042", "2025-06-01", {
        "L2A.png": Result(10, 8.0, haemorrhage_count=1), "L2B.png": Result(9, 6.0),  # L2: 7.0 per mm
        "L3A.png": Result(8, 9.0, giant_count=2, haemorrhage_count=2),
        "R2A.png": Result(7, 7.5),
        "R4A.png": Result(6, None, measuring_um_per_px=None),  # no scale then
    })
    now = visit(tmp_path, "2026", " p-042 ", "2026-12-07", {
        "L2A.png": Result(6, 5.0, giant_count=1, haemorrhage_count=3), "L2B.png": Result(5, 4.0),  # L2: 4.5 per mm
        "L3A.png": Result(8, 8.0, haemorrhage_count=0),  # both giants and both haemorrhages gone
        "R2A.png": Result(3, 2.5, ramified=2),
        "R4A.png": Result(6, 7.0),
        "R5A.png": Result(7, 8.0),  # not examined then
    })
    return then, now


def test_the_figures_then_and_now_per_finger_and_overall(two_visits):
    then, now = two_visits
    comparison = compare_exams(then, now)
    assert not comparison.forced  # " p-042 " is "P-042": spaces and case aside
    l2, l3, r2, r4, r5, l4 = (comparison.finger(name) for name in ("L2", "L3", "R2", "R4", "R5", "L4"))
    assert (l2.then.density_per_mm, l2.now.density_per_mm, l2.density_change) == (
        pytest.approx(7.0), pytest.approx(4.5), pytest.approx(-2.5))
    assert (l2.then.giant, l2.now.giant, l2.new_giants, l2.vanished_giants) == (0, 1, 1, 0)
    assert (l3.then.giant, l3.now.giant, l3.new_giants, l3.vanished_giants) == (2, 0, 0, 2)
    assert (r2.then.abnormal, r2.now.abnormal, r2.abnormal_change) == (0, 2, 2)
    assert (r2.then.fast_track.pattern, r2.now.fast_track.pattern) == ("non-scleroderma pattern", "scleroderma pattern")
    assert (l3.then.fast_track.pattern, l3.now.fast_track.pattern) == ("scleroderma pattern", "non-scleroderma pattern")
    # Without a scale then: no density, no giant; the change is not assessed, never 0.
    assert r4.then.density_per_mm is None and r4.density_change is None and r4.new_giants is None
    assert not r5.then.examined and r5.now.examined and r5.density_change is None
    assert not l4.then.examined and not l4.now.examined

    patient = comparison.patient
    assert patient.then.density_per_mm == pytest.approx((7.0 + 9.0 + 7.5) / 3)
    assert patient.now.density_per_mm == pytest.approx((4.5 + 8.0 + 2.5 + 7.0 + 8.0) / 5)
    assert (patient.then.giant, patient.now.giant) == (2, 1)
    assert (patient.then.abnormal, patient.now.abnormal, patient.abnormal_change) == (0, 2, 2)
    assert (patient.then.fast_track.pattern, patient.now.fast_track.pattern) == ("scleroderma pattern", "scleroderma pattern")


def test_the_comparison_in_words(two_visits):
    lines = comparison_lines(compare_exams(*two_visits))
    assert lines[0] == "Compared with the exam of 2025-06-01."
    assert "Loops are not matched across visits" in lines[1]
    assert "L2: distal density per mm 7.0 → 4.5 (−2.5); giant loops 0 → 1 (1 new, 0 vanished); ramified loops 0 → 0 (0); " \
           "fast track: non-scleroderma pattern → scleroderma pattern" in lines
    assert any(line.startswith("L3: distal density per mm 9.0 → 8.0 (−1.0); giant loops 2 → 0 (0 new, 2 vanished)") for line in lines)
    assert any(line.startswith("R4: distal density per mm not assessed → 7.0; giant loops not assessed → 0;") for line in lines)
    assert any(line.startswith("R5: distal density per mm not examined → 8.0;") for line in lines)
    assert "L4: not examined then nor now" in lines
    patient = next(line for line in lines if line.startswith("Patient:"))
    # New and vanished over the fingers judged in both exams: L2 +1, L3 -2.
    assert "giant loops 2 → 1 (1 new, 2 vanished)" in patient and "ramified loops 0 → 2 (+2)" in patient
    assert patient.endswith("fast track: scleroderma pattern → scleroderma pattern")
    # Haemorrhages per finger, new and vanished as the giants (not matched across visits).
    assert "L2: haemorrhages 1 → 3 (2 new, 0 vanished)" in lines
    assert "L3: haemorrhages 2 → 0 (0 new, 2 vanished)" in lines
    assert "R2: haemorrhages not assessed → not assessed" in lines  # not looked for: never 0
    assert "Patient: haemorrhages 3 → 3 (2 new, 2 vanished)" in lines
    assert lines[-1].startswith("Haemorrhages are not matched across visits")


def test_the_comparison_in_french(french, two_visits):  # noqa: F811
    lines = comparison_lines(compare_exams(*two_visits))
    assert lines[0].startswith("Comparé") and "01/06/2025" in lines[0]
    assert any(line.startswith("L2") and "7,0 → 4,5 (−2,5)" in line for line in lines)
    assert lines[-1].startswith("Les hémorragies ne sont pas non plus appariées")
    assert "L2\xa0: hémorragies 1 → 3 (nouveaux\xa0: 2, disparus\xa0: 0)" in lines


def test_two_patients_are_not_compared_unless_forced(tmp_path, two_visits):
    then, now = two_visits
    other = visit(tmp_path, "other", "P-777", "2026-12-07", {"L2A.png": Result(5, 6.0)})
    with pytest.raises(FollowUpError) as caught:
        compare_exams(then, other)
    assert str(caught.value) == ('The exam of 2025-06-01 is of the patient "P-042" and this one of "P-777": '
                                 "two different patients are not compared.")
    nobody = visit(tmp_path, "nobody", "", "2026-12-07", {"L2A.png": Result(5, 6.0)})
    with pytest.raises(FollowUpError, match="has no patient pseudonym"):
        compare_exams(then, nobody)
    forced = compare_exams(then, other, force=True)
    assert forced.forced and forced.finger("L2").now.density_per_mm == pytest.approx(6.0)
    assert 'pseudonyms differ ("P-042" then, "P-777" now)' in comparison_lines(forced)[1]


def test_the_exam_csv_gets_the_comparison_rows(two_visits):
    then, now = two_visits
    rows = list(csv.DictReader(io.StringIO(exam_csv_compared(compare_exams(then, now)))))
    levels = [row["level"] for row in rows]
    assert levels.count("finger") == 8 and levels.count("finger change") == 8 and levels[-1] == "patient change"
    changes = {row["finger"]: row for row in rows if row["level"] == "finger change"}
    l2 = changes["L2"]
    assert (l2["compared_with_date"], l2["then_distal_density_per_mm"], l2["distal_density_per_mm"], l2["distal_density_change_per_mm"]) == (
        "2025-06-01", "7.00", "4.50", "-2.50")
    assert (l2["then_giant"], l2["giant"], l2["new_giant"], l2["vanished_giant"]) == ("0", "1", "1", "0")
    assert (changes["R2"]["then_ramified"], changes["R2"]["ramified"], changes["R2"]["ramified_change"]) == ("0", "2", "2")
    assert (changes["R2"]["then_fast_track_pattern"], changes["R2"]["fast_track_pattern"]) == (
        "non-scleroderma pattern", "scleroderma pattern")
    assert changes["R4"]["distal_density_change_per_mm"] == "" and changes["R4"]["new_giant"] == ""
    assert changes["L4"]["status"] == "not examined"
    patient = rows[-1]
    assert (patient["new_giant"], patient["vanished_giant"]) == ("1", "2")
    assert (patient["then_haemorrhages"], patient["haemorrhages"], patient["new_haemorrhages"], patient["vanished_haemorrhages"]) == (
        "3", "3", "2", "2")
    assert (changes["L2"]["then_haemorrhages"], changes["L2"]["haemorrhages"], changes["L2"]["new_haemorrhages"]) == ("1", "3", "2")
    assert changes["R2"]["haemorrhages"] == "" and changes["R2"]["new_haemorrhages"] == ""  # not looked for: blank
    # Without a comparison the CSV is as before: no comparison column.
    from capseg_desktop.core.exam import exam_csv

    assert "compared_with_date" not in exam_csv(now).splitlines()[0]
