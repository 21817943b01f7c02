"""A seeded fuzz run in the suite (issue 9): a few hundred mutated PNG/JPEG/TIFF/BMP files
through the reader and through the whole engine. None may raise an untyped error, hang, crash
the process or be analysed although it is damaged. The full run is
``python -m capseg_devtools.fuzz 3000 SEED``."""

from __future__ import annotations

import pytest

from capseg_desktop.core.errors import CapSegError
from capseg_desktop.core.imageio import decode_image
from capseg_desktop.core.paths import default_model_path
from capseg_devtools.fuzz import fuzz_mutants, referee_says_damaged, run


def test_reader_gives_an_image_or_one_sentence_for_every_mutant():
    outcomes = {"ok": 0, "refused": 0}
    for name, data in fuzz_mutants(400, seed=9):
        try:
            rgb, *_ = decode_image(data, name=f'"{name}"')
        except CapSegError as exc:
            message = str(exc)
            assert message.endswith(".") and "\n" not in message and name in message, message
            outcomes["refused"] += 1
        else:  # anything else propagates and fails the test: an untyped error
            assert rgb.ndim == 3 and min(rgb.shape[:2]) >= 32
            assert not referee_says_damaged(data), f"{name} was read although it is damaged"
            outcomes["ok"] += 1
    assert outcomes["ok"] > 20 and outcomes["refused"] > 200  # the mutants reach both ends


@pytest.mark.skipif(default_model_path() is None, reason="the bundled model is not in models/")
def test_whole_engine_survives_a_seeded_fuzz_run(tmp_path, monkeypatch):
    monkeypatch.setenv("CAPSEG_LOG_DIR", str(tmp_path))
    report = run(300, seed=4, model=None, timeout_s=10.0, keep=tmp_path / "problems")
    outcomes = report["outcomes"]
    assert (outcomes["untyped"], outcomes["hang"], outcomes["crash"]) == (0, 0, 0), report["problems"]
    assert report["ok_but_damaged"] == 0, report["problems"]
    assert outcomes["ok"] > 10 and report["peak_memory_mb"] < 1500
