"""The engine's fuzzer: mutated PNG, JPEG, TIFF and BMP files through the whole analysis.

    python -m capseg_devtools.fuzz N SEED [--model FILE] [--timeout S] [--size HxW] [--keep DIR]

Makes ``N`` mutants (bit flips, overwritten and inserted bytes, cuts, spliced and duplicated
pieces, header sizes set to huge values, chunk lengths set to 0xFFFFFFFF, damaged JPEGs with an
end marker appended, PNGs with their checksums repaired so the damage reaches the decoder)
from a few small seed images, deterministically from ``SEED``. Each mutant goes through
``core.batch.run_batch`` with the model (the bundled one by default) and, if analysed, through
the exports (annotated picture, mask, JSON), in a worker process. Every mutant ends as one of:

* ``ok``          analysed (or analysed with a warning);
* ``clean error`` refused with one of our sentences (``CapSegError``);
* ``untyped``     any other exception (reported by the batch as an internal error);
* ``hang``        no answer within ``--timeout`` seconds (default 5); the worker is replaced;
* ``crash``       the worker died (a signal, an abort in a C library); it is replaced.

It also reports the peak memory of one mutant (the worker's resident high-water mark, reset
before each mutant where Linux allows), and ``ok but damaged``: mutants analysed although
Pillow, used as an independent referee, cannot decode them whole. Exit status 1 if any mutant
was untyped, hung, crashed or damaged-but-ok. ``fuzz_mutants`` is also used by the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import random
import selectors
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

OK, CLEAN, UNTYPED, HANG, CRASH = "ok", "clean error", "untyped", "hang", "crash"
OUTCOMES = (OK, CLEAN, UNTYPED, HANG, CRASH)


# Seeds ---------------------------------------------------------------------------------------
def _strip_rgb(height: int, width: int, seed: int):
    """A small synthetic strip: beige skin with dark red loops and some texture."""
    import numpy as np

    rng = np.random.default_rng(seed)
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    rgb[:] = (232, 205, 180)
    for x in range(12, width - 12, 28):
        rgb[4 : height * 2 // 3, x : x + 7] = (130, 45, 35)
    noise = rng.integers(-12, 12, size=rgb.shape)
    return np.clip(rgb.astype(int) + noise, 0, 255).astype(np.uint8)


def seed_files(height: int = 96, width: int = 160) -> list[tuple[str, bytes]]:
    """(name, bytes) of the seed images every mutant starts from: each format and the common
    variants (16 bit, grey, alpha, EXIF, progressive JPEG)."""
    import cv2
    import numpy as np
    from PIL import Image

    rgb = _strip_rgb(height, width, 0)
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    grey16 = (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.uint16) * 257)
    rgba = np.dstack([rgb, np.full((height, width), 200, np.uint8)])

    def encoded(ext: str, pixels, params=None) -> bytes:
        ok, data = cv2.imencode(ext, pixels, params or [])
        assert ok
        return data.tobytes()

    def pillow(image, fmt: str, **kwargs) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format=fmt, **kwargs)
        return buffer.getvalue()

    exif = Image.Exif()
    exif[0x0112] = 6
    return [
        ("rgb.png", encoded(".png", bgr)),
        ("grey16.png", encoded(".png", grey16)),
        ("rgba.png", pillow(Image.fromarray(rgba, "RGBA"), "PNG")),
        ("exif.png", pillow(Image.fromarray(rgb), "PNG", exif=exif.tobytes())),
        ("rgb.jpg", encoded(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 90])),
        ("progressive.jpg", encoded(".jpg", bgr, [cv2.IMWRITE_JPEG_PROGRESSIVE, 1])),
        ("exif.jpg", pillow(Image.fromarray(rgb), "JPEG", quality=85, exif=exif.tobytes())),
        ("rgb.tif", encoded(".tif", bgr)),
        ("grey16.tif", encoded(".tif", grey16)),
        ("rgb.bmp", encoded(".bmp", bgr)),
    ]


# Mutations -----------------------------------------------------------------------------------
def _png_fix_crcs(data: bytes) -> bytes:
    """Recompute every chunk checksum, so that the mutation reaches the decoder itself."""
    out = bytearray(data)
    position = 8
    while position + 12 <= len(out):
        (length,) = struct.unpack(">I", out[position : position + 4])
        end = position + 12 + length
        if end > len(out):
            break
        crc = zlib.crc32(bytes(out[position + 4 : position + 8 + length])) & 0xFFFFFFFF
        out[position + 8 + length : end] = struct.pack(">I", crc)
        position = end
    return bytes(out)


def _set_size(data: bytes, rng: random.Random) -> bytes:
    """Announce a different (often huge) size in the header."""
    out = bytearray(data)
    width, height = rng.choice([(65535, 65535), (13000, 13000), (1_100_000, 40), (1, 1), (0, 50),
                                (20000, 20000), (rng.randrange(1, 70000), rng.randrange(1, 70000))])
    if out.startswith(b"\x89PNG"):
        out[16:24] = struct.pack(">II", width, height)
    elif out.startswith(b"\xff\xd8"):
        sof = max(out.find(b"\xff\xc0"), out.find(b"\xff\xc2"))
        if sof > 0:
            out[sof + 5 : sof + 9] = struct.pack(">HH", min(height, 65535), min(width, 65535))
    elif out.startswith(b"BM"):
        out[18:26] = struct.pack("<ii", width, height)
    else:  # TIFF: rewrite the first two LONG/SHORT values of width/height tags if found
        order = "<" if out[:2] == b"II" else ">"
        try:
            (offset,) = struct.unpack(order + "I", out[4:8])
            (count,) = struct.unpack(order + "H", out[offset : offset + 2])
            for index in range(count):
                start = offset + 2 + 12 * index
                tag, kind = struct.unpack(order + "HH", out[start : start + 4])
                if tag in (256, 257):
                    value = width if tag == 256 else height
                    if kind == 3:
                        out[start + 8 : start + 10] = struct.pack(order + "H", min(value, 65535))
                    else:
                        out[start + 8 : start + 12] = struct.pack(order + "I", value)
        except struct.error:
            pass
    return bytes(out)


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """One to four random mutations of ``data`` (mostly one, mostly small: a mutant should often
    still look like an image, so that the damage reaches the decoders and the model)."""
    out = bytearray(data)
    for _ in range(rng.choices((1, 2, 3, 4), weights=(6, 2, 1, 1))[0]):
        if not out:
            out = bytearray(rng.choice(others))
        kind = rng.choices(range(11), weights=(8, 4, 2, 2, 2, 2, 1, 2, 1, 2, 2))[0]
        size = len(out)
        if kind == 0:  # flip bits
            for _ in range(rng.randint(1, 8)):
                index = rng.randrange(size)
                out[index] ^= 1 << rng.randrange(8)
        elif kind == 1:  # overwrite a run with random or special bytes
            start = rng.randrange(size)
            length = rng.randint(1, 64)
            filler = rng.choice([b"\x00", b"\xff", b"\x7f", bytes([rng.randrange(256)])])
            out[start : start + length] = filler * length
        elif kind == 2:  # cut
            out = out[: rng.randrange(1, size + 1)]
        elif kind == 3:  # insert random bytes
            start = rng.randrange(size + 1)
            out[start:start] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 128)))
        elif kind == 4:  # delete a run
            start = rng.randrange(size)
            del out[start : start + rng.randint(1, 256)]
        elif kind == 5:  # duplicate a piece
            start = rng.randrange(size)
            piece = out[start : start + rng.randint(1, 512)]
            where = rng.randrange(len(out) + 1)
            out[where:where] = piece
        elif kind == 6:  # splice with another seed
            other = rng.choice(others)
            cut = rng.randrange(1, size + 1)
            out = out[:cut] + other[rng.randrange(len(other)) :]
        elif kind == 7:  # announce another size
            out = bytearray(_set_size(bytes(out), rng))
        elif kind == 8:  # a length field (PNG chunk, BMP size, TIFF offset) set to 0xFFFFFFFF
            start = rng.choice([8, 33, 2, 4, 10, 14, rng.randrange(max(1, size - 4))])
            out[start : start + 4] = b"\xff\xff\xff\xff"
        elif kind == 9:  # a JPEG cut short with its end marker appended
            out = out[: rng.randrange(1, size + 1)] + b"\xff\xd9"
        else:  # append junk
            out += bytes(rng.randrange(256) for _ in range(rng.randint(1, 2048)))
    if out.startswith(b"\x89PNG") and rng.random() < 0.5:
        out = bytearray(_png_fix_crcs(bytes(out)))
    return bytes(out)


def fuzz_mutants(count: int, seed: int, seeds: list[tuple[str, bytes]] | None = None) -> Iterator[tuple[str, bytes]]:
    """``count`` mutants as (name, bytes), the same for the same ``seed``."""
    seeds = seeds or seed_files()
    rng = random.Random(seed)
    datas = [data for _, data in seeds]
    for index in range(count):
        name, data = seeds[index % len(seeds)]
        stem, suffix = name.rsplit(".", 1)
        yield f"{index:05d}_{stem}.{suffix}", mutate(data, rng, datas)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _png_claiming(width: int, height: int, extra: bytes = b"", colour_type: int = 2) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + extra
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096)) + _png_chunk(b"IEND", b""))


def edge_cases() -> list[tuple[str, bytes]]:
    """Bombs and edge cases, the same every run: sizes announced far beyond the data, chunk
    lengths of 0xFFFFFFFF, EXIF in a huge PNG, tiny and one-colour images, empty files."""
    import cv2
    import numpy as np

    seeds = dict(seed_files())
    jpeg = bytearray(seeds["rgb.jpg"])
    sof = jpeg.find(b"\xff\xc0")
    jpeg_claims = []
    for width, height in ((10000, 10000), (65500, 65500), (60000, 20)):
        claim = bytearray(jpeg)
        claim[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
        jpeg_claims.append((f"jpeg_claims_{width}x{height}.jpg", bytes(claim)))
    bmp = bytearray(seeds["rgb.bmp"])
    bmp_claims = []
    for width, height in ((10000, 10000), (10000, -10000), (200000, 200000)):
        claim = bytearray(bmp)
        claim[18:26] = struct.pack("<ii", width, height)
        bmp_claims.append((f"bmp_claims_{width}x{height}.bmp", bytes(claim)))
    tiff_claims = []
    for width, height in ((10000, 10000), (70000, 70000)):
        data = bytearray(seeds["rgb.tif"])
        (offset,) = struct.unpack("<I", data[4:8])
        (count,) = struct.unpack("<H", data[offset : offset + 2])
        for index in range(count):
            start = offset + 2 + 12 * index
            tag, kind = struct.unpack("<HH", data[start : start + 4])
            if tag in (256, 257):
                value = width if tag == 256 else height
                data[start + 8 : start + 12] = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", min(value, 65535), 0)
        tiff_claims.append((f"tiff_claims_{width}x{height}.tif", bytes(data)))
    exif = _png_chunk(b"eXIf", b"MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")

    def png(pixels) -> bytes:
        return cv2.imencode(".png", pixels)[1].tobytes()

    return [
        ("empty.png", b""),
        ("signature_only.png", b"\x89PNG\r\n\x1a\n"),
        ("first_chunk_ffffffff.png", b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIHDR" + b"\x00" * 64),
        ("png_claims_10000x10000.png", _png_claiming(10000, 10000)),
        ("png_claims_65535x65535.png", _png_claiming(65535, 65535)),
        ("png_claims_13000x13000_exif.png", _png_claiming(13000, 13000, extra=exif)),
        ("png_claims_1100000x40.png", _png_claiming(1_100_000, 40)),
        ("png_claims_0x0.png", _png_claiming(0, 0)),
        *jpeg_claims, *bmp_claims, *tiff_claims,
        ("jpeg_half_with_end.jpg", bytes(jpeg[: len(jpeg) // 2]) + b"\xff\xd9"),
        ("one_pixel.png", png(np.full((1, 1, 3), 128, np.uint8))),
        ("too_thin.png", png(np.full((31, 1000, 3), 128, np.uint8))),
        ("all_black.png", png(np.zeros((200, 400, 3), np.uint8))),
        ("all_white.jpg", cv2.imencode(".jpg", np.full((200, 400, 3), 255, np.uint8))[1].tobytes()),
        ("gif_named_png.png", b"GIF89a" + b"\x00" * 100),
        ("text_named_jpg.jpg", b"patient notes, not a picture\n" * 10),
    ]


def referee_says_damaged(data: bytes) -> bool:
    """Whether Pillow, decoding strictly, cannot read the whole image."""
    import warnings

    from PIL import Image, ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except Image.DecompressionBombError:
        return False
    except Exception:
        return True
    return False


# Worker --------------------------------------------------------------------------------------
class _ErrorTypes(logging.Handler):
    """Collects the exception types the batch logs for internal errors."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.types: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[0] is not None:
            self.types.append(record.exc_info[0].__name__)


def _reset_peak_memory() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def _peak_memory_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def worker(model: str | None) -> int:
    """Reads mutant paths from stdin, one per line; answers one JSON line each."""
    from capseg_desktop.core.batch import internal_error_message, output_files, run_batch
    from capseg_desktop.core.model import load_model
    from capseg_desktop.core.paths import default_model_path
    from capseg_desktop.core.pipeline import Analyzer

    import cv2

    cv2.setNumThreads(1)  # one core: the fuzzer shares the machine
    errors = _ErrorTypes()
    logging.getLogger("capseg_desktop").addHandler(errors)
    logging.getLogger("capseg_desktop").setLevel(logging.INFO)
    model_path = Path(model) if model else default_model_path()
    if model_path is None:
        raise SystemExit("no model: give --model FILE")
    analyzer = Analyzer(load_model(model_path, num_threads=1))
    out_dir = Path(tempfile.mkdtemp(prefix="capseg-fuzz-out-"))
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        errors.types.clear()
        _reset_peak_memory()
        started = time.perf_counter()
        (item,) = run_batch(analyzer, [path])
        if item.analysis is not None:
            try:
                output_files(item.analysis, out_dir, "fuzz")
            except Exception as exc:  # counted as what it is: an untyped error in the exports
                errors.types.append(type(exc).__name__)
                item = type(item)(path, "failed", None, internal_error_message(path))
        if item.status in ("ok", "warning"):
            outcome = OK
        elif item.message == internal_error_message(path):
            outcome = UNTYPED
        else:
            outcome = CLEAN
        damaged_ok = outcome == OK and referee_says_damaged(path.read_bytes())
        reply = {
            "outcome": outcome, "message": item.message, "types": errors.types[:],
            "peak_mb": round(_peak_memory_mb(), 1), "seconds": round(time.perf_counter() - started, 3),
            "damaged_ok": damaged_ok, "count": item.analysis.result.count if item.analysis else None,
        }
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    return 0


# Parent --------------------------------------------------------------------------------------
@dataclass
class _Worker:
    process: subprocess.Popen
    selector: selectors.BaseSelector

    @classmethod
    def start(cls, model: str | None) -> "_Worker":
        command = [sys.executable, "-m", "capseg_devtools.fuzz", "--worker"]
        if model:
            command += ["--model", model]
        env = dict(os.environ, CAPSEG_LOG_DIR=os.environ.get("CAPSEG_LOG_DIR", tempfile.gettempdir()))
        # The worker imports this package, which is not installed: the folder above it goes first.
        here = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, bufsize=1, env=env)
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        worker = cls(process, selector)
        ready = worker.read(120.0)
        if not ready or not json.loads(ready).get("ready"):
            raise SystemExit("the fuzz worker did not start (is the model loadable?)")
        return worker

    def read(self, timeout: float) -> str | None:
        if not self.selector.select(timeout):
            return None
        line = self.process.stdout.readline()
        return line or None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.selector.close()


def run(
    count: int, seed: int, model: str | None, timeout_s: float, keep: Path | None,
    size: tuple[int, int] = (96, 160),
) -> dict:
    outcomes: Counter[str] = Counter()
    edge_outcomes: Counter[str] = Counter()
    edge_report: dict[str, str] = {}
    messages: Counter[str] = Counter()
    untyped_types: Counter[str] = Counter()
    peak_mb = 0.0
    damaged_ok = 0
    slowest = 0.0
    problems: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="capseg-fuzz-") as folder:
        worker = _Worker.start(model)
        try:
            cases = [(f"edge_{name}", data) for name, data in edge_cases()]
            mutants = fuzz_mutants(count, seed, seed_files(*size))
            for index, (name, data) in enumerate([*cases, *mutants]):
                path = Path(folder) / name
                path.write_bytes(data)
                worker.process.stdin.write(f"{path}\n")
                worker.process.stdin.flush()
                line = worker.read(timeout_s)
                if line is None:
                    outcome = HANG if worker.process.poll() is None else CRASH
                    worker.stop()
                    worker = _Worker.start(model)
                    reply = {}
                else:
                    reply = json.loads(line)
                    outcome = reply["outcome"]
                    peak_mb = max(peak_mb, reply["peak_mb"])
                    slowest = max(slowest, reply["seconds"])
                    damaged_ok += int(reply["damaged_ok"])
                    if outcome == CLEAN:
                        messages[reply["message"].replace(f'"{name}"', '"NAME"')] += 1
                    untyped_types.update(reply["types"])
                (edge_outcomes if name.startswith("edge_") else outcomes)[outcome] += 1
                if name.startswith("edge_"):
                    edge_report[name[5:]] = reply.get("message") or outcome
                if outcome in (UNTYPED, HANG, CRASH) or reply.get("damaged_ok"):
                    problems.append(f"{name}: {outcome}{' (ok but damaged)' if reply.get('damaged_ok') else ''}")
                    if keep is not None:
                        keep.mkdir(parents=True, exist_ok=True)
                        (keep / name).write_bytes(data)
                if (index + 1 - len(cases)) % 250 == 0 and index >= len(cases):
                    print(f"{index + 1 - len(cases)}/{count} {dict(outcomes)}", file=sys.stderr, flush=True)
                path.unlink()
        finally:
            worker.stop()
    return {
        "mutants": count, "seed": seed, "seed_size": f"{size[1]} x {size[0]}", "outcomes": {name: outcomes.get(name, 0) for name in OUTCOMES},
        "ok_but_damaged": damaged_ok, "peak_memory_mb": round(peak_mb, 1),
        "slowest_s": round(slowest, 2), "wall_s": round(time.perf_counter() - started, 1),
        "untyped_exception_types": dict(untyped_types), "problems": problems[:50],
        "top_messages": messages.most_common(12),
        "edge_cases": {name: edge_outcomes.get(name, 0) for name in OUTCOMES},
        "edge_case_results": edge_report,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=3000, help="number of mutants (default 3000)")
    parser.add_argument("seed", nargs="?", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds before a mutant counts as a hang")
    parser.add_argument("--keep", help="folder to copy the mutants that went wrong to")
    parser.add_argument("--size", default="96x160", help="height x width of the seed images (default 96x160)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.model)
    height, width = (int(v) for v in args.size.lower().split("x"))
    report = run(args.count, args.seed, args.model, args.timeout, Path(args.keep) if args.keep else None, (height, width))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    bad = sum(report[part][name] for part in ("outcomes", "edge_cases") for name in (UNTYPED, HANG, CRASH))
    bad += report["ok_but_damaged"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
