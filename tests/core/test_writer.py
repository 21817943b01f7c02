"""``capseg analyze`` writes each image's files on a thread of its own (core/writer.py) while the
next image is analysed: the files hold what they held when each image was written before the
next was analysed, every image gets its files, a folder that refuses them fails that image with
one sentence and the run goes on, and an interrupt leaves no half-written file."""

from __future__ import annotations

import errno
import json
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import build_parser, install_language
from capseg_desktop.core import batch
from capseg_desktop.core.batch import BatchItem, item_for, output_paths, write_outputs
from capseg_desktop.core.pipeline import Analyzer
from capseg_desktop.core.writer import BackgroundWriter

from .tiny_models import bars_image

NAMES = ("a.png", "b.png", "c.png", "d.png", "e.png")


def _images(folder: Path, names=NAMES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, name in enumerate(names):
        path = folder / name
        assert cv2.imwrite(str(path), cv2.cvtColor(bars_image(bars=2 + number % 4), cv2.COLOR_RGB2BGR))
        paths.append(path)
    return paths


def _analyze(argv: list[str], background_writes: bool = True) -> int:
    """``capseg analyze`` as main() runs it, with the files written in the background or, as
    before core/writer.py, each image's before the next is analysed."""
    args = build_parser().parse_args(["analyze", *argv])
    install_language(args.lang)
    args.background_writes = background_writes
    return int(args.func(args))


def _content(folder: Path, stem: str) -> tuple[np.ndarray, np.ndarray, dict]:
    """What a reader gets from an image's three files: the pixels as OpenCV decodes them and
    the JSON without what differs from run to run (the time it took, the moment it was made)."""
    annotated, mask, json_path = output_paths(folder, stem)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    for key in ("timings_ms", "created"):
        data.pop(key)
    return cv2.imread(str(annotated), cv2.IMREAD_UNCHANGED), cv2.imread(str(mask), cv2.IMREAD_UNCHANGED), data


def _no_partials(*folders: Path) -> None:
    for folder in folders:
        assert not [p.name for p in folder.iterdir() if p.name.endswith(".partial")]


def test_the_files_hold_what_they_held_when_written_one_image_at_a_time(tmp_path, darkness_model_dir):
    images = tmp_path / "in"
    _images(images)
    model = str(darkness_model_dir / "darkness.tflite")
    assert _analyze([str(images), "--model", model, "--out", str(tmp_path / "before"), "--um-per-px", "2"], False) == 0
    assert _analyze([str(images), "--model", model, "--out", str(tmp_path / "now"), "--um-per-px", "2"]) == 0
    for name in NAMES:
        stem = Path(name).stem
        annotated, mask, data = _content(tmp_path / "now", stem)
        annotated_before, mask_before, data_before = _content(tmp_path / "before", stem)
        assert np.array_equal(annotated, annotated_before) and np.array_equal(mask, mask_before)
        assert mask.dtype == np.uint8 and set(np.unique(mask)) <= {0, 255}
        assert data == data_before and data["count"] == 2 + NAMES.index(name) % 4
    summary = (tmp_path / "now" / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in summary[1:]] == list(NAMES)  # in the order given


def test_the_same_analyses_give_the_same_bytes_on_the_writer_thread(tmp_path, darkness_session):
    analyzer = Analyzer(darkness_session)
    items = [item_for(path, analyzer.analyze_path(path)) for path in _images(tmp_path / "in")]
    for item in items:
        write_outputs(item.analysis, tmp_path / "in", item.path.stem + "_before")
    writer = BackgroundWriter(lambda item: (write_outputs(item.analysis, item.path.parent, item.path.stem), item)[1])
    returned = [done for item in items for done in writer.submit(item)] + list(writer.finish())
    assert [item.path for item in returned] == [item.path for item in items]
    for item in items:
        for now, before in zip(output_paths(item.path.parent, item.path.stem),
                               output_paths(item.path.parent, item.path.stem + "_before")):
            assert now.read_bytes() == before.read_bytes()


def test_a_folder_that_refuses_the_files_fails_its_image_with_a_sentence_and_the_run_goes_on(
    tmp_path, darkness_model_dir, monkeypatch, capsys,
):
    writable, locked = tmp_path / "writable", tmp_path / "locked"
    _images(writable, ("a.png", "b.png"))
    _images(locked, ("c.png",))
    _images(writable, ("d.png",))
    real_mkstemp = tempfile.mkstemp

    def refuse_locked(*args, **kwargs):  # as a read-only folder refuses (root writes anywhere)
        if Path(kwargs["dir"]) == locked:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_locked)
    paths = [str(writable / "a.png"), str(writable / "b.png"), str(locked / "c.png"), str(writable / "d.png")]
    assert _analyze([*paths, "--model", str(darkness_model_dir / "darkness.tflite")]) == 1
    err = capsys.readouterr().err
    assert f'not allowed to write to the folder "{locked}"' in err
    assert err.count("not allowed to write") == 1
    assert sorted(p.name for p in locked.iterdir()) == ["c.png"]  # nothing, not even a temporary file
    for stem in ("a", "b", "d"):
        assert all(path.is_file() for path in output_paths(writable, stem))
    rows = (writable / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    statuses = {row.split(",")[0]: row for row in rows}
    assert ",failed," in statuses["c.png"] and "not allowed to write" in statuses["c.png"]
    assert ",ok," in statuses["d.png"]


def test_ctrl_c_keeps_the_images_analysed_before_it_whole_and_writes_no_half_file(tmp_path, darkness_model_dir, monkeypatch):
    images = tmp_path / "in"
    _images(images)
    original, real_write = Analyzer.analyze_path, batch.write_outputs

    def interrupted_at_d(self, path, *args, **kwargs):
        if Path(path).name == "d.png":
            raise KeyboardInterrupt
        return original(self, path, *args, **kwargs)

    def slow_write(*args, **kwargs):  # so that images are still waiting to be written at the interrupt
        time.sleep(0.3)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze_path", interrupted_at_d)
    monkeypatch.setattr(batch, "write_outputs", slow_write)
    out = tmp_path / "out"
    assert _analyze([str(images), "--model", str(darkness_model_dir / "darkness.tflite"), "--out", str(out)]) == 130
    for stem in ("a", "b", "c"):  # analysed before the interrupt: their files, complete
        annotated, mask, data = _content(out, stem)
        assert annotated is not None and mask is not None and data["count"] >= 2
    assert not any(path.exists() for stem in ("d", "e") for path in output_paths(out, stem))
    rows = (out / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == list(NAMES)
    assert [",cancelled," in row for row in rows] == [False, False, False, True, True]
    _no_partials(out, images)


def test_stopping_finishes_the_image_being_written_and_writes_none_of_those_waiting(tmp_path, darkness_session):
    analyzer = Analyzer(darkness_session)
    items = [item_for(path, analyzer.analyze_path(path)) for path in _images(tmp_path / "in", ("a.png", "b.png", "c.png"))]
    out = tmp_path / "out"
    out.mkdir()
    writing, go_on = threading.Event(), threading.Event()

    def write(item: BatchItem) -> BatchItem:
        writing.set()
        assert go_on.wait(10)  # the first image is being written when the stop comes
        write_outputs(item.analysis, out, item.path.stem)
        return item

    writer = BackgroundWriter(write, depth=2)
    writer.submit(items[0])
    assert writing.wait(10)
    writer.submit(items[1])
    writer.submit(items[2])
    threading.Timer(0.2, go_on.set).start()
    written, skipped = writer.stop()
    assert [item.path.name for item in written] == ["a.png"]
    assert [item.path.name for item in skipped] == ["b.png", "c.png"]
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a_annotated.png", "a_mask.png"]
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["count"] == items[0].analysis.result.count


def test_a_write_that_raises_fails_that_image_only(tmp_path, darkness_session):
    analyzer = Analyzer(darkness_session)
    items = [item_for(path, analyzer.analyze_path(path)) for path in _images(tmp_path / "in", ("a.png", "b.png", "c.png"))]

    def write(item: BatchItem) -> BatchItem:
        if item.path.name == "b.png":
            raise RuntimeError("a bug of ours")
        write_outputs(item.analysis, item.path.parent, item.path.stem)
        return item

    writer = BackgroundWriter(write)
    returned = [done for item in items for done in writer.submit(item)] + list(writer.finish())
    assert [(item.path.name, item.status) for item in returned] == [("a.png", "ok"), ("b.png", "failed"), ("c.png", "ok")]
    assert "internal error" in returned[1].message
    assert (tmp_path / "in" / "c.json").is_file() and not (tmp_path / "in" / "b.json").exists()


@pytest.mark.parametrize("depth", [1, 2])
def test_every_image_comes_back_once_in_order(tmp_path, depth):
    seen: list[str] = []

    def write(item: BatchItem) -> BatchItem:
        seen.append(item.path.name)
        return item

    items = [BatchItem(tmp_path / f"{number}.png", "failed", None, "unreadable") for number in range(20)]
    writer = BackgroundWriter(write, depth=depth)
    returned = [done for item in items for done in writer.submit(item)] + list(writer.finish())
    assert returned == items and seen == [item.path.name for item in items]
