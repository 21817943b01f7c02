"""Issue 9: an engine that never lies and never aborts a batch. One test (or more) per numbered
finding; each checks what a user sees: a count, a file's content, a sentence."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import struct
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core import render
from capseg_desktop.core.atomic import remove_stale_partials
from capseg_desktop.core.batch import BatchItem, run_batch, summary_csv, write_outputs
from capseg_desktop.core.errors import ExportError, ImageReadError, ImageTooLargeError, ModelLoadError
from capseg_desktop.core.imageio import read_image
from capseg_desktop.core.pipeline import Analyzer

from .tiny_models import bars_image

INTERNAL = "could not be analysed (internal error; details in the log)"


def write_png(path: Path, rgb: np.ndarray) -> Path:
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_claiming(width: int, height: int, extra: bytes = b"") -> bytes:
    """A PNG whose header announces ``width`` x ``height`` with a few bytes of pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra
            + png_chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + png_chunk(b"IEND", b""))


def summary_rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def log_text() -> str:
    log = Path(os.environ["CAPSEG_LOG_DIR"]) / "capseg.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.fixture()
def model(darkness_model_dir) -> str:
    return str(darkness_model_dir / "darkness.tflite")


# 1. Long names and unexpected errors never abort the batch ----------------------------------

def test_long_file_names_are_shortened_and_every_image_is_analysed(tmp_path, model):
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = "é" * 125 + ".png"  # 254 bytes: NAME_annotated.png would be 264
    write_png(folder / long_name, bars_image(bars=3))
    write_png(folder / ("x" * 246 + ".png"), bars_image(bars=2))
    write_png(folder / "short.png", bars_image(bars=4))
    assert main(["analyze", str(folder), "--model", model]) == 0
    rows = summary_rows(folder / "summary.csv")
    assert rows[long_name]["count"] == "3" and rows["short.png"]["count"] == "4"
    jsons = {p.name: json.loads(p.read_text(encoding="utf-8"))["count"] for p in folder.glob("*.json")}
    assert len(jsons) == 3 and sorted(jsons.values()) == [2, 3, 4]
    assert all(len(p.name.encode()) <= 255 for p in folder.iterdir())
    shortened = [name for name in jsons if "~" in name]
    assert len(shortened) == 2
    # Stable: a second run gives the same names (and finds them as existing results).
    assert main(["analyze", str(folder), "--model", model]) == 2


def test_an_unexpected_error_fails_one_image_and_the_rest_go_on(tmp_path, model, monkeypatch, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, bars in (("a.png", 2), ("b.png", 3), ("c.png", 4)):
        write_png(folder / name, bars_image(bars=bars))
    original = Analyzer.analyze_path

    def flaky(self, path, *args, **kwargs):
        if Path(path).name == "b.png":
            raise RuntimeError("LiteRT invoke failed: tensor arena exhausted")
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze_path", flaky)
    assert main(["analyze", str(folder), "--model", model]) == 1
    err = capsys.readouterr().err
    assert f'"b.png" {INTERNAL}.' in err and "Traceback" not in err
    rows = summary_rows(folder / "summary.csv")
    assert rows["b.png"]["status"] == "failed" and INTERNAL in rows["b.png"]["message"]
    assert rows["a.png"]["count"] == "2" and rows["c.png"]["count"] == "4"
    assert "Traceback" in log_text() and "tensor arena exhausted" in log_text()


def test_a_failure_while_writing_fails_that_image_only(tmp_path, model, monkeypatch):
    import capseg_desktop.core.batch as batch

    folder = tmp_path / "in"
    folder.mkdir()
    write_png(folder / "a.png", bars_image(bars=2))
    write_png(folder / "b.png", bars_image(bars=3))
    original = batch.output_files

    def broken(analysis, target, stem):
        if stem == "a":
            raise ValueError("PNG encoding failed")
        return original(analysis, target, stem)

    monkeypatch.setattr(batch, "output_files", broken)
    assert main(["analyze", str(folder), "--model", model]) == 1
    rows = summary_rows(folder / "summary.csv")
    assert rows["a.png"]["status"] == "failed" and INTERNAL in rows["a.png"]["message"]
    assert rows["b.png"]["count"] == "3"
    assert not (folder / "a.json").exists() and (folder / "b.json").exists()


def test_run_batch_gives_every_path_an_item_and_a_cancel_is_not_a_failure(tmp_path, darkness_session):
    paths = [write_png(tmp_path / f"{i}.png", bars_image(bars=i + 1)) for i in range(3)]
    seen = []
    cancel = [False]
    batch = run_batch(Analyzer(darkness_session), paths, should_cancel=lambda: cancel[0],
                      progress=lambda done, total, path: seen.append((done, total, path.name)))
    items = [next(batch)]
    cancel[0] = True  # the user presses Cancel after the first image
    items.extend(batch)
    assert [item.status for item in items] == ["ok", "cancelled", "cancelled"]
    assert items[0].analysis.result.count == 1 and items[1].analysis is None
    assert seen[0] == (0, 3, "0.png")
    table = list(csv.DictReader(io.StringIO(summary_csv(items))))
    assert [row["status"] for row in table] == ["ok", "cancelled", "cancelled"]
    assert table[0]["file"] == "0.png"


# 2. Fixed-size models are refused at load -----------------------------------------------------

def test_fixed_size_model_is_refused_at_load(tmp_path):
    keras = pytest.importorskip("keras", reason="TensorFlow/Keras is not installed")
    inputs = keras.Input((64, 64, 1))
    outputs = keras.layers.Conv2D(1, 1, activation="sigmoid")(keras.layers.Conv2D(2, 3, padding="same")(inputs))
    flat = keras.layers.Reshape((64, 64, 1))(keras.layers.Dense(64 * 64)(keras.layers.Flatten()(outputs)))
    path = tmp_path / "fixed.keras"
    keras.Model(inputs, flat).save(path)
    with pytest.raises(ModelLoadError) as caught:
        from capseg_desktop.core.model import load_model

        load_model(path)
    assert "one fixed size (64 x 64 pixels)" in str(caught.value)


# 3. Bombs: nothing large is allocated or read before the checks -------------------------------

def test_png_with_huge_first_chunk_length_is_damaged_at_once(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIHDR" + b"\x00" * 200)
    started = time.perf_counter()
    with pytest.raises(ImageReadError, match="damaged"):
        read_image(path)
    assert time.perf_counter() - started < 1.0


def test_a_large_non_image_is_not_read_whole(tmp_path):
    path = tmp_path / "backup.png"
    with open(path, "wb") as handle:
        handle.write(b"SQLite format 3\x00")
        handle.truncate(2 * 1024**3)  # sparse: 2 GB that take no disk
    started = time.perf_counter()
    with pytest.raises(ImageReadError, match="not an image"):
        read_image(path)
    assert time.perf_counter() - started < 1.0


def test_png_with_exif_is_measured_before_decoding(tmp_path):
    exif = png_chunk(b"eXIf", b"MM\x00*\x00\x00\x00\x08\x00\x00")
    path = tmp_path / "exif.png"
    path.write_bytes(png_claiming(13000, 13000, extra=exif))
    started = time.perf_counter()
    with pytest.raises(ImageTooLargeError, match="13000 x 13000"):
        read_image(path)
    assert time.perf_counter() - started < 1.0


# 4. Damaged JPEGs are damaged, not results -----------------------------------------------------

def _noisy_jpeg(height=200, width=300, quality=90) -> bytes:
    rgb = (np.random.default_rng(0).random((height, width, 3)) * 255).astype(np.uint8)
    return cv2.imencode(".jpg", rgb, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()


def test_jpeg_cut_in_half_with_an_end_marker_is_damaged(tmp_path):
    data = _noisy_jpeg()
    path = tmp_path / "half.jpg"
    path.write_bytes(data[: len(data) // 2] + b"\xff\xd9")
    with pytest.raises(ImageReadError, match="damaged"):
        read_image(path)


def test_tiny_jpeg_claiming_a_huge_size_is_refused_at_once(tmp_path):
    data = bytearray(_noisy_jpeg(40, 40, quality=10))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 10000, 10000)
    path = tmp_path / "claim.jpg"
    path.write_bytes(bytes(data))
    started = time.perf_counter()
    with pytest.raises(ImageReadError, match="damaged"):
        read_image(path)
    assert time.perf_counter() - started < 1.0


# 5. A FIFO never blocks ------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_is_refused_without_blocking(tmp_path, model):
    fifo = tmp_path / "scan.png"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_image(fifo)
        except ImageReadError as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(5)
    assert outcome and "not an ordinary file" in outcome[0]
    write_png(tmp_path / "good.png", bars_image(bars=2))
    assert main(["analyze", str(fifo), str(tmp_path / "good.png"), "--model", model]) == 1
    assert summary_rows(tmp_path / "summary.csv")["good.png"]["count"] == "2"


# 6. Finite numbers, and implausible input or output is a warning ------------------------------

def test_absurd_scale_is_refused_by_the_parser(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["analyze", str(tmp_path), "--um-per-px", "1e-308"])
    assert exited.value.code == 2
    assert "micrometres per pixel between" in capsys.readouterr().err


def test_density_is_never_infinite_in_the_json(tmp_path, darkness_session):
    path = write_png(tmp_path / "a.png", bars_image(bars=3))
    analysis = Analyzer(darkness_session).analyze_path(path, um_per_px=1e-308)
    text = analysis.result.to_json()
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert data["density_per_mm"] is None and data["count"] == 3


def test_nan_model_output_is_a_warning_not_a_silent_zero(tmp_path, darkness_session, monkeypatch):
    path = write_png(tmp_path / "a.png", bars_image(bars=3))
    monkeypatch.setattr(darkness_session, "predict", lambda batch: np.full(batch.shape[:3], np.nan, np.float32))
    (item,) = run_batch(Analyzer(darkness_session), [path])
    assert item.status == "warning" and "not a number" in item.message
    assert json.loads(item.analysis.result.to_json())["status"] == "warning"


def test_one_colour_image_is_a_warning_and_a_tiny_one_is_refused(tmp_path, darkness_session):
    black = write_png(tmp_path / "black.png", np.zeros((200, 400, 3), np.uint8))
    tiny = write_png(tmp_path / "tiny.png", np.full((1, 1, 3), 200, np.uint8))
    black_item, tiny_item = run_batch(Analyzer(darkness_session), [black, tiny])
    assert black_item.status == "warning" and "one colour" in black_item.message
    assert "Warning: " in " ".join(black_item.analysis.result.legend_lines())
    assert tiny_item.status == "failed" and "too small to analyse (1 x 1 pixels" in tiny_item.message
    rows = {row["file"]: row for row in csv.DictReader(io.StringIO(summary_csv([black_item, tiny_item])))}
    assert rows["black.png"]["status"] == "warning" and "one colour" in rows["black.png"]["message"]


# 7. Decoders and TensorFlow stay off the terminal -----------------------------------------------

def test_terminal_gets_our_sentences_only(tmp_path, darkness_model_dir):
    data = _noisy_jpeg()
    (tmp_path / "half.jpg").write_bytes(data[: len(data) // 2] + b"\xff\xd9")
    write_png(tmp_path / "good.png", bars_image(bars=2))
    log_dir = tmp_path / "log"
    env = {**os.environ, "CAPSEG_LOG_DIR": str(log_dir)}
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    result = subprocess.run(
        [sys.executable, "-m", "capseg_desktop.cli", "analyze", str(tmp_path), "--model",
         str(darkness_model_dir / "darkness.keras")], capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 1
    for noise in ("Corrupt JPEG", "premature end", "oneDNN", "absl", "cpu_feature_guard", "WARNING", "libpng"):
        assert noise not in result.stderr, result.stderr
    assert '"half.jpg" is damaged' in result.stderr
    assert "Corrupt JPEG data" in (log_dir / "capseg.log").read_text(encoding="utf-8")


# 8. No leftovers; one image's outputs all or none -----------------------------------------------

def test_stale_partials_of_dead_runs_are_removed_at_the_next_run(tmp_path, model):
    write_png(tmp_path / "a.png", bars_image(bars=2))
    dead = tmp_path / f".a_annotated.capseg-{2**22 + 7}.k3j4h5g6.partial"
    alive = tmp_path / f".b_mask.capseg-{os.getpid()}.q1w2e3r4.partial"
    foreign = tmp_path / ".notes.partial"
    for leftover in (dead, alive, foreign):
        leftover.write_bytes(b"half")
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    assert main(["analyze", str(tmp_path / "a.png"), "--model", model]) == 0
    assert not dead.exists() and alive.exists() and foreign.exists()
    assert remove_stale_partials(tmp_path) == []


def test_outputs_of_one_image_are_committed_together(tmp_path, darkness_session, monkeypatch):
    import errno

    import capseg_desktop.core.atomic as atomic

    analysis = Analyzer(darkness_session).analyze_path(write_png(tmp_path / "a.png", bars_image()))
    original = atomic._place

    def disk_full_on_json(temp, path, overwrite):
        if path.suffix == ".json":
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(temp, path, overwrite)

    monkeypatch.setattr(atomic, "_place", disk_full_on_json)
    with pytest.raises(ExportError, match="full"):
        write_outputs(analysis, tmp_path, "a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png"]  # no picture, no temporary


def test_pictures_left_without_their_json_do_not_block_a_rerun(tmp_path, model):
    image = write_png(tmp_path / "a.png", bars_image(bars=3))
    assert main(["analyze", str(image), "--model", model]) == 0
    (tmp_path / "a.json").unlink()  # a kill between the pictures and the JSON
    (tmp_path / "summary.csv").unlink()
    assert main(["analyze", str(image), "--model", model]) == 0
    assert json.loads((tmp_path / "a.json").read_text())["count"] == 3


# 9. Permissions and privacy ---------------------------------------------------------------------

def test_outputs_follow_the_umask_and_carry_no_folder_names(tmp_path, model):
    folder = tmp_path / "Patient Müller 1957"
    folder.mkdir()
    write_png(folder / "left.png", bars_image(bars=3))
    old = os.umask(0o022)
    try:
        assert main(["analyze", str(folder / "left.png"), "--model", model]) == 0
    finally:
        os.umask(old)
    for name in ("left_annotated.png", "left_mask.png", "left.json", "summary.csv"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o644, name
        assert "Patient" not in (folder / name).read_bytes().decode("utf-8", "replace"), name
    text = render.read_png_text((folder / "left_annotated.png").read_bytes())
    assert text["Source"] == "left.png"
    assert json.loads((folder / "left.json").read_text())["source"] == "left.png"


# 10. Messages that say what is wrong ------------------------------------------------------------

def test_folder_named_like_a_model_is_called_a_folder(tmp_path):
    from capseg_desktop.core.model import load_model

    (tmp_path / "x.keras").mkdir()
    with pytest.raises(ModelLoadError, match="is a folder"):
        load_model(tmp_path / "x.keras")


def test_very_wide_png_is_too_large_not_damaged(tmp_path):
    path = tmp_path / "wide.png"
    path.write_bytes(png_claiming(1_100_000, 40))
    with pytest.raises(ImageTooLargeError, match="pixels a side"):
        read_image(path)


def test_size_message_states_the_real_limit(tmp_path):
    path = tmp_path / "big.png"
    path.write_bytes(png_claiming(14000, 14000))
    with pytest.raises(ImageTooLargeError) as caught:
        read_image(path)
    assert "the limit is 100 megapixels" in str(caught.value) and "179" not in str(caught.value)


def test_floating_point_tiff_reads(tmp_path):
    grey = np.linspace(0.0, 1.0, 60 * 40).reshape(40, 60)
    path = tmp_path / "float64.tif"
    path.write_bytes(cv2.imencode(".tif", grey)[1].tobytes())
    image = read_image(path)
    assert image.rgb.shape == (40, 60, 3) and image.rgb[-1, -1, 0] == 255


# 11. The package finds its data through importlib.resources ------------------------------------

def test_packaged_models_folder_is_preferred(tmp_path, monkeypatch):
    from capseg_desktop.core import paths

    package = tmp_path / "site-packages" / "capseg_desktop"
    (package / "models").mkdir(parents=True)
    (package / "models" / "capseg_unet.tflite").write_bytes(b"model")
    monkeypatch.delenv("CAPSEG_MODELS_DIR", raising=False)
    monkeypatch.setattr(paths.resources, "files", lambda name: package)
    assert paths.default_model_path() == package / "models" / "capseg_unet.tflite"


# 13. One summary schema: file names only --------------------------------------------------------

def test_cli_summary_has_file_names_and_the_batch_columns(tmp_path, model):
    folder = tmp_path / "visit"
    folder.mkdir()
    write_png(folder / "a.png", bars_image(bars=2))
    assert main(["analyze", str(folder), "--model", model, "--out", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == summary_csv([]).strip()
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["file"] == "a.png" and row["status"] == "ok"
    assert "scale_factor" in row and "scale_source" in row
    assert isinstance(BatchItem(Path("a.png"), "ok", None, ""), BatchItem)


def test_an_export_from_the_window_also_removes_stale_partials(tmp_path, darkness_session):
    stale = tmp_path / f".old_mask.capseg-{2**22 + 9}.a1b2c3d4.partial"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    analysis = Analyzer(darkness_session).analyze_path(write_png(tmp_path / "a.png", bars_image()))
    analysis.write_json(tmp_path / "a.json")
    assert not stale.exists() and json.loads((tmp_path / "a.json").read_text())["count"] == 3


def test_interrupting_the_command_line_still_writes_the_summary(tmp_path, model, monkeypatch, capsys):
    for name in ("a.png", "b.png", "c.png"):
        write_png(tmp_path / name, bars_image(bars=2))
    original = Analyzer.analyze_path

    def interrupted_at_b(self, path, *args, **kwargs):
        if Path(path).name == "b.png":
            raise KeyboardInterrupt
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze_path", interrupted_at_b)
    assert main(["analyze", str(tmp_path), "--model", model]) == 130
    rows = summary_rows(tmp_path / "summary.csv")
    assert rows["a.png"]["count"] == "2"
    assert rows["b.png"]["status"] == "cancelled" and rows["c.png"]["status"] == "cancelled"
    assert "Interrupted" in capsys.readouterr().err


def test_scale_and_micrometres_reach_json_summary_and_legend(tmp_path, darkness_session):
    from dataclasses import replace

    from capseg_desktop.core.scale import SCALE_SET, ScaleInfo

    result = Analyzer(darkness_session).analyze_path(write_png(tmp_path / "a.png", bars_image()), um_per_px=1.5).result
    scale = ScaleInfo(factor=2.0, limb_width_px=6.0, model_limb_width_px=12.0, source=SCALE_SET)
    result = replace(result, scale=scale)
    assert json.loads(result.to_json())["scale"] == scale.to_dict()
    row = result.summary_row()
    assert (row["scale_factor"], row["limb_width_px"], row["scale_source"]) == (2.0, 6.0, "set")
    legend = " ".join(result.legend_lines())
    assert "1.5 µm/px" in legend and "um/px" not in legend and scale.describe() in legend
    # The parameters' pixels are the model's, which the legend says (the window shows them in
    # the image's own pixels, and the two disagreed without a word).
    assert f"{result.params.describe()} in the model's pixels (the image was resized ×2.00 for the model)" in legend
    native = " ".join(replace(result, scale=None).legend_lines())
    assert "model's pixels" not in native and result.params.describe() in native


def test_running_out_of_memory_is_said_plainly_and_the_batch_goes_on(tmp_path, darkness_session, monkeypatch):
    paths = [write_png(tmp_path / name, bars_image(bars=2)) for name in ("a.png", "b.png")]
    original = Analyzer.analyze_path

    def short_of_memory(self, path, *args, **kwargs):
        if Path(path).name == "a.png":
            raise MemoryError()
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze_path", short_of_memory)
    first, second = run_batch(Analyzer(darkness_session), paths)
    assert first.status == "failed" and "not enough free memory" in first.message
    assert second.status == "ok" and second.analysis.result.count == 2
