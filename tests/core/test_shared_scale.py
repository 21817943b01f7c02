"""One scale per microscope: a folder without a µm per pixel is analysed at the median of its
images' own estimates, and an image that disagrees by more than 1.5 times says so."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from capseg_desktop.core import Analyzer
from capseg_desktop.core.batch import STATUS_OK, STATUS_WARNING, run_batch
from capseg_desktop.core.scale import (
    SCALE_ESTIMATED, SCALE_SET, SCALE_SHARED, disagrees, estimate_limb_width_px, median_limb_width,
)

from .test_scale import _session, _strip

CARD = {"scale": {"ridge_sigma_px": 3.1, "um_per_px": 1.0}}
#: A model whose training images carry no calibration (the bundled one's case).
UNCALIBRATED = {"scale": {"ridge_sigma_px": 3.1, "um_per_px": None}}


def _write_folder(tmp_path, scales):
    paths = []
    for index, scale in enumerate(scales):
        path = tmp_path / f"img_{index}.png"
        cv2.imwrite(str(path), cv2.cvtColor(_strip(index, scale).rgb, cv2.COLOR_RGB2BGR))
        paths.append(path)
    return paths


def test_median_and_disagreement():
    assert median_limb_width([4.0, 5.0, None, 100.0]) == pytest.approx(5.0)
    assert median_limb_width([7.0]) is None  # one image is not a folder
    assert disagrees(8.0, 5.0) and disagrees(3.0, 5.0)
    assert not disagrees(7.0, 5.0) and not disagrees(None, 5.0)


def test_a_folder_is_analysed_at_one_scale_and_the_odd_image_is_flagged(tmp_path):
    # Three strips at one magnification and one at twice it (another microscope).
    paths = _write_folder(tmp_path, [0.6, 0.6, 0.6, 1.2])
    analyzer = Analyzer(_session(CARD))
    own = [estimate_limb_width_px(cv2.imread(str(p))[..., ::-1]) for p in paths]
    items = list(run_batch(analyzer, paths))
    scales = [item.analysis.result.scale for item in items]
    assert {s.source for s in scales} == {SCALE_SHARED}
    assert len({round(s.factor, 6) for s in scales[:3]}) == 1  # one factor for the folder's three
    shared = scales[0].limb_width_px
    assert shared == pytest.approx(float(np.exp(np.median(np.log(own)))), rel=1e-6)
    assert [item.status for item in items[:3]] == [STATUS_OK] * 3
    assert items[3].status == STATUS_WARNING
    assert "other images of its folder" in items[3].message
    # The exports say where the scale came from.
    assert '"source": "shared"' in items[0].analysis.result.to_json()


def test_a_single_image_and_a_micrometre_scale_keep_their_own(tmp_path):
    paths = _write_folder(tmp_path, [0.6, 1.2])
    analyzer = Analyzer(_session(CARD))
    (single,) = run_batch(analyzer, paths[:1])
    assert single.analysis.result.scale.source == SCALE_ESTIMATED
    both = list(run_batch(analyzer, paths, um_per_px=1.5))
    assert {item.analysis.result.scale.source for item in both} == {SCALE_SET}
    off = list(run_batch(analyzer, paths, shared_scale=False))
    assert {item.analysis.result.scale.source for item in off} == {SCALE_ESTIMATED}


def test_a_profile_learns_its_scale_and_keeps_it(tmp_path):
    from capseg_desktop.core.calibration import Calibration, Profile, load_profiles, save_profiles
    from capseg_desktop.core.scale import SCALE_PROFILE

    paths = _write_folder(tmp_path, [0.6, 0.6, 0.6, 1.2])
    analyzer = Analyzer(_session(UNCALIBRATED))
    learnt = analyzer.shared_scale(paths)
    profile = Profile("Dino x200", 1.4).with_learnt_scale(learnt.limb_width_px)
    save_profiles([profile], tmp_path / "microscopes.json")
    (reloaded,) = load_profiles(tmp_path / "microscopes.json")
    assert reloaded.limb_width_px == pytest.approx(learnt.limb_width_px, abs=1e-3)
    # One image of that microscope, alone: the profile's scale, not a guess of its own.
    calibration = Calibration.from_profile(reloaded)
    (item,) = run_batch(analyzer, paths[:1], um_per_px=1.4, calibration=calibration)
    scale = item.analysis.result.scale
    assert scale.source == SCALE_PROFILE and scale.limb_width_px == pytest.approx(learnt.limb_width_px, abs=1e-3)
    assert item.status == STATUS_OK
    # An image of another magnification under that profile says so.
    (odd,) = run_batch(analyzer, paths[3:], um_per_px=1.4, calibration=calibration)
    assert odd.status == STATUS_WARNING and "microscope profile learnt" in odd.message
    # The sidecar/JSON keeps the profile's learnt width with its calibration.
    assert Calibration.from_dict(calibration.to_dict()) == calibration


def test_an_exam_under_a_profile_that_learnt_its_scale_uses_it_for_every_image(tmp_path):
    """The exam, its CSV and its report count at the scale the window counts at: the profile's."""
    from capseg_desktop.core.calibration import Profile, save_profiles
    from capseg_desktop.core.exam import analyze_exam_image, exam_calibration, exam_from_folder
    from capseg_desktop.core.scale import SCALE_PROFILE

    paths = _write_folder(tmp_path, [0.6, 1.2])
    profiles_file = tmp_path / "microscopes.json"
    save_profiles([Profile("Dino x200", 1.4).with_learnt_scale(4.2)], profiles_file)
    exam = exam_from_folder(tmp_path, patient_id="P-1", profile="Dino x200", um_per_px=1.4)
    calibration = exam_calibration(exam, profiles_file)
    assert calibration.limb_width_px == 4.2
    analyzer = Analyzer(_session(UNCALIBRATED))
    scales = [analyze_exam_image(analyzer, path, calibration, corrections_dir=tmp_path / "c").result.scale for path in paths]
    assert [(s.source, s.limb_width_px) for s in scales] == [(SCALE_PROFILE, 4.2)] * 2
    # A profile since deleted, or one that learnt nothing: each image's own estimate, as before.
    save_profiles([Profile("Other", 1.4)], profiles_file)
    assert exam_calibration(exam, profiles_file).limb_width_px is None
    own = analyze_exam_image(analyzer, paths[0], exam_calibration(exam, profiles_file), corrections_dir=tmp_path / "c")
    assert own.result.scale.source != SCALE_PROFILE
