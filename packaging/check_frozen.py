"""Check the frozen app: build the one-folder bundle, then run it as a user would.

    python packaging/check_frozen.py [--reuse] [--image IMAGE]

Run with the project's python (the one with the "build" extra; ``packaging/check_frozen.sh``
picks ``$CAPSEG_PYTHON`` or ``.venv/bin/python``). Steps, each failing the check with a
sentence that says what broke:

1. PyInstaller on build.spec, as ``packaging/build_bundle.sh`` does (skipped with ``--reuse``
   when dist/capseg-desktop exists): the app, dist/capseg-desktop, and its training add-on,
   dist/capseg-desktop-training;
2. ``capseg-desktop --screenshot OUT.png IMAGE`` from the app, offscreen, twice (the first
   start reads the bundle from disk, the second from the page cache): exit code 0, a PNG of
   plausible size that is not blank, the time from launch to the saved picture;
3. ``capseg-desktop --frozen-selftest`` on the app alone: the bundled model is found inside the
   bundle (``_internal/models``) and counts without TensorFlow, and a ``.keras`` model is
   refused with the sentence that names the training add-on;
4. the app with the add-on copied in (hard links in a temporary folder), as its installer
   leaves it: the screenshot with ``--model tiny.keras`` (the GUI opens a Keras model, which
   imports the add-on's TensorFlow, the path every TensorFlow exclusion in build.spec must
   survive), the self-test with a Keras 3 ``.keras`` and an ``.h5`` model, and ``capseg-desktop
   finetune``: one epoch on 3 sample images, which must write the fine-tuned ``.tflite``;
5. the app's screenshot once more with Qt's real ``xcb`` platform under Xvfb (Linux, when
   ``xvfb-run`` is installed): offscreen cannot notice a missing system library such as
   ``libxcb-cursor0``, which Qt 6.5+ needs to open a window on X11;
6. the sizes of the app and the add-on.

Environment: CAPSEG_MAX_LAUNCH_S (default 4) turns a slow start into a failure only when
CAPSEG_ENFORCE_LAUNCH=1 (a shared CI machine is noisy, so by default it is a warning).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "capseg-desktop"
ADDON = ROOT / "dist" / "capseg-desktop-training"
EXECUTABLE_NAME = "capseg-desktop.exe" if os.name == "nt" else "capseg-desktop"
EXECUTABLE = BUNDLE / EXECUTABLE_NAME
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")


class CheckFailed(Exception):
    pass


def log(message: str) -> None:
    print(f"check_frozen: {message}", flush=True)


def build(reuse: bool) -> float | None:
    """PyInstaller straight from this python (no shell, so the same on Windows): the same
    steps as packaging/build_bundle.sh."""
    if reuse and EXECUTABLE.is_file():
        log(f"reusing {BUNDLE.relative_to(ROOT)}")
        return None
    start = time.perf_counter()
    icons = ROOT / "resources" / "icons"
    if not (icons / "app.ico").is_file() or not (icons / "app.icns").is_file():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py")], cwd=ROOT, check=True)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               os.environ.get("CAPSEG_PYI_LOG_LEVEL", "WARN"), "--distpath", "dist",
               "--workpath", "build", "build.spec"]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0 or not EXECUTABLE.is_file():
        raise CheckFailed(f"the bundle did not build (exit code {result.returncode})")
    if not (ADDON / "_internal" / "tensorflow").is_dir():
        raise CheckFailed(f"the training add-on was not made ({ADDON.relative_to(ROOT)}/_internal/tensorflow is missing)")
    return time.perf_counter() - start


def sample_image(given: str | None) -> Path:
    if given:
        return Path(given).resolve()
    found = sorted(p for p in (ROOT / "Test_images").glob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if not found:
        raise CheckFailed("Test_images/ holds no image to open")
    return found[0]


def app_env(workdir: Path) -> dict[str, str]:
    """Offscreen, with its log in the work folder and no user settings touched."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CAPSEG_LOG_DIR=str(workdir / "log"),
        CAPSEG_SETTINGS_FILE=str(workdir / "settings.ini"),
        TF_CPP_MIN_LOG_LEVEL="2",
    )
    # The bundle must not lean on the build machine's Python.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def check_png(path: Path) -> str:
    from PIL import Image, ImageStat

    if not path.is_file():
        raise CheckFailed(f"no screenshot was written to {path}")
    with Image.open(path) as image:
        image.load()
        width, height = image.size
        rgb = image.convert("RGB")
    if width < 640 or height < 400:
        raise CheckFailed(f"the screenshot is only {width} x {height} pixels")
    spread = max(ImageStat.Stat(rgb).stddev)
    colours = len(rgb.getcolors(maxcolors=1 << 20) or ())
    if spread < 10 or colours < 64:
        raise CheckFailed(f"the screenshot looks blank (std {spread:.1f}, {colours} colours)")
    return f"{width} x {height}, {colours} colours, {path.stat().st_size // 1024} KiB"


def screenshot(workdir: Path, image: Path, label: str, extra: list[str] | None = None,
               executable: Path = EXECUTABLE) -> float:
    out = workdir / f"{label}.png"
    out.unlink(missing_ok=True)
    command = [str(executable), "--screenshot", str(out), *(extra or []), str(image)]
    start = time.time()
    result = subprocess.run(command, env=app_env(workdir), capture_output=True, text=True, timeout=300)
    wall = time.time() - start
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise CheckFailed(f"{label}: exit code {result.returncode}\n{tail}")
    details = check_png(out)
    to_saved = out.stat().st_mtime - start
    said = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    log(f"{label}: launch to saved screenshot {to_saved:.2f} s (process {wall:.2f} s); {details}; {said}")
    return to_saved


def xcb_screenshot(workdir: Path, image: Path) -> None:
    """The screenshot under Xvfb with the xcb platform plug-in, as on a Linux desktop."""
    if not sys.platform.startswith("linux"):
        return
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        log("xcb: skipped (xvfb-run is not installed; apt install xvfb xauth to run it)")
        return
    out = workdir / "screenshot-xcb.png"
    env = dict(app_env(workdir), QT_QPA_PLATFORM="xcb")
    command = [xvfb_run, "-a", "-s", "-screen 0 1600x1000x24", str(EXECUTABLE), "--screenshot",
               str(out), str(image)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        said = (result.stdout + result.stderr).strip()
        hint = " (install libxcb-cursor0)" if "xcb-cursor" in said else ""
        tail = "\n".join(said.splitlines()[-15:])
        raise CheckFailed(f"xcb: exit code {result.returncode}{hint}\n{tail}")
    log(f"xcb: {check_png(out)}")


def tiny_keras_models(folder: Path) -> list[Path]:
    """A small U-Net-shaped network (convolution, pooling, transposed convolution, skip
    connection, batch norm, sigmoid) saved as .keras and .h5, made with the build python."""
    script = f"""
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
import keras
from keras import layers
inp = keras.Input((None, None, 1))
a = layers.Conv2D(4, 3, padding="same", activation="relu")(inp)
b = layers.Conv2D(8, 3, padding="same", activation="relu")(layers.MaxPooling2D()(a))
c = layers.Conv2DTranspose(4, 2, strides=2, padding="same")(b)
c = layers.BatchNormalization()(layers.Concatenate()([a, c]))
model = keras.Model(inp, layers.Conv2D(1, 1, activation="sigmoid")(c))
model.save({str(folder / 'tiny.keras')!r})
model.save({str(folder / 'tiny.h5')!r})
"""
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
    return [folder / "tiny.keras", folder / "tiny.h5"]


def with_addon(workdir: Path) -> Path:
    """The app with the training add-on copied into its folder, as installing the add-on
    leaves it; hard links where the file system allows (instant, no disk space)."""
    installed = workdir / "installed" / BUNDLE.name

    def link(source: str, target: str) -> None:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    shutil.copytree(BUNDLE, installed, symlinks=True, copy_function=link)
    shutil.copytree(ADDON, installed, symlinks=True, copy_function=link, dirs_exist_ok=True)
    return installed / EXECUTABLE_NAME


def selftest_without_addon(workdir: Path, image: Path, keras_model: Path) -> None:
    """The app alone counts with its .tflite and, asked for a Keras model, names the add-on."""
    report_path = workdir / "selftest-app.json"
    command = [str(EXECUTABLE), "--frozen-selftest", str(report_path), str(image), str(keras_model)]
    subprocess.run(command, env=app_env(workdir), capture_output=True, text=True, timeout=300)
    if not report_path.is_file():
        raise CheckFailed("the self-test of the app without the add-on wrote no report")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("error"):
        raise CheckFailed(f"self-test without the add-on: {report['error']}")
    bundled, keras_entry = report["models"][0], report["models"][-1]
    if "error" in bundled:
        raise CheckFailed(f"the bundled model failed in the app without the add-on:\n{bundled['error']}")
    if report.get("tensorflow_loaded"):
        raise CheckFailed("the app without the add-on imported TensorFlow: build.spec left some of it in the app")
    if "training add-on" not in keras_entry.get("error", ""):
        raise CheckFailed(f"without the add-on, a .keras model should be refused naming the training add-on; got: "
                          f"{keras_entry.get('error') or keras_entry}")
    log(f"without the add-on: the bundled model counts {bundled['count']} on {bundled['runtime']}; "
        "a .keras model is refused with the add-on's sentence")


def finetune(workdir: Path, executable: Path) -> None:
    """``capseg-desktop finetune``: one short epoch on 3 sample images with their masks."""
    internal = executable.parent / "_internal"
    images = workdir / "finetune-images"
    masks = images / "masks"
    masks.mkdir(parents=True)
    samples = sorted((internal / "Test_images").glob("*.png"))[:3]
    for sample in samples:
        shutil.copy2(sample, images / sample.name)
        shutil.copy2(internal / "Test_images" / "masks" / f"{sample.stem}_mask.png", masks)
    out = workdir / "finetuned"
    command = [str(executable), "finetune", "--images", str(images), "--masks", str(masks),
               "--base", str(internal / "models" / "capseg_unet.keras"), "--out", str(out),
               "--epochs", "1", "--steps", "2", "--batch", "2", "--progress", "json"]
    start = time.time()
    result = subprocess.run(command, env=app_env(workdir), capture_output=True, text=True, timeout=600)
    seconds = time.time() - start
    written = sorted(p.name for p in out.glob("*")) if out.is_dir() else []
    if result.returncode != 0 or "finetuned.tflite" not in written:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise CheckFailed(f"fine-tuning in the bundle failed (exit code {result.returncode}, wrote {written})\n{tail}")
    log(f"fine-tune with the add-on: one epoch on {len(samples)} images in {seconds:.1f} s; wrote {', '.join(written)}")


def selftest(workdir: Path, image: Path, models: list[Path], executable: Path = EXECUTABLE) -> None:
    report_path = workdir / "selftest.json"
    command = [str(executable), "--frozen-selftest", str(report_path), str(image), *map(str, models)]
    result = subprocess.run(command, env=app_env(workdir), capture_output=True, text=True, timeout=300)
    if not report_path.is_file():
        raise CheckFailed(f"the self-test wrote no report (exit code {result.returncode})\n{result.stderr[-2000:]}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("error"):
        raise CheckFailed(f"self-test: {report['error']}")
    paths = report["paths"]
    internal = (executable.parent / "_internal").resolve()
    if Path(paths["app_root"]).resolve() != internal:
        raise CheckFailed(f"app_root() is {paths['app_root']}, not the bundle's {internal}")
    if not os.environ.get("CAPSEG_MODELS_DIR"):
        default = paths.get("default_model")
        if not default or Path(default).resolve().parent != internal / "models":
            raise CheckFailed(f"the bundled model was not found in {internal / 'models'} (got {default})")
    if not paths["resources_exists"]:
        raise CheckFailed("resources/ is missing from the bundle")
    if report.get("tensorflow_after_bundled_model"):
        raise CheckFailed("TensorFlow was imported to run the bundled .tflite model; it must load only for Keras models")
    for entry in report["models"]:
        if "error" in entry:
            raise CheckFailed(f"self-test: {Path(entry['model']).name} failed in the frozen app:\n{entry['error']}")
        log(f"self-test: {Path(entry['model']).name} on {entry['runtime']}: {entry['count']} capillaries in {entry['seconds']} s")
    if result.returncode != 0:
        raise CheckFailed(f"the self-test exited with {result.returncode}")


def folder_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1 << 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="use an existing dist/capseg-desktop")
    parser.add_argument("--image", help="image to open (default: the first in Test_images/)")
    args = parser.parse_args(argv)
    limit_s = float(os.environ.get("CAPSEG_MAX_LAUNCH_S", "4"))
    try:
        build_s = build(args.reuse)
        image = sample_image(args.image)
        log(f"image: {image.name}")
        with tempfile.TemporaryDirectory(prefix="capseg-frozen-") as folder:
            workdir = Path(folder)
            first = screenshot(workdir, image, "screenshot-first-start")
            second = screenshot(workdir, image, "screenshot")
            models = tiny_keras_models(workdir)
            selftest_without_addon(workdir, image, models[0])
            installed = with_addon(workdir)
            screenshot(workdir, image, "screenshot-keras-model", ["--model", str(models[0])], executable=installed)
            selftest(workdir, image, models, executable=installed)
            finetune(workdir, installed)
            xcb_screenshot(workdir, image)
    except CheckFailed as failure:
        log(f"FAILED: {failure}")
        return 1
    except subprocess.TimeoutExpired as timeout:
        log(f"FAILED: {timeout.cmd[0]} did not finish in {timeout.timeout} s")
        return 1
    log(f"app: {folder_mb(BUNDLE):.0f} MiB ({BUNDLE.relative_to(ROOT)}); training add-on: "
        f"{folder_mb(ADDON):.0f} MiB ({ADDON.relative_to(ROOT)})")
    if build_s is not None:
        log(f"build time: {build_s:.0f} s")
    fastest = min(first, second)
    if fastest > limit_s:
        message = f"launch to first result {fastest:.2f} s is over the {limit_s:g} s target"
        if os.environ.get("CAPSEG_ENFORCE_LAUNCH") == "1":
            log(f"FAILED: {message}")
            return 1
        log(f"WARNING: {message}")
    log("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
