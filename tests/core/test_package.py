"""Packaging: the wheel carries models/ and resources/ (issue 9, finding 11); every package
folder is listed in pyproject.toml; the Linux package names every system library Qt needs
(finding 12)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed():
    listed = set(_setuptools()["packages"])
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "capseg_desktop").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert folders - listed == set()


def test_linux_package_depends_on_libxcb_cursor():
    script = (ROOT / "packaging" / "build_deb.sh").read_text(encoding="utf-8")
    depends = next(line for line in script.splitlines() if line.startswith("DEPENDS="))
    # The X11 libraries come from one list (tests/core/test_linux_packages.py checks the rest).
    assert "$X11_DEPENDS" in depends
    assert "libxcb-cursor0" in (ROOT / "packaging" / "linux_desktop_packages.txt").read_text(encoding="utf-8").split()


@pytest.mark.slow
def test_wheel_carries_the_model_and_resources(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip(f"cannot build a wheel here: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("capseg_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for member in ("capseg_desktop/models/capseg_unet.tflite", "capseg_desktop/models/model_card.json",
                   "capseg_desktop/resources/icons/capseg.png", "capseg_desktop/core/batch.py"):
        assert member in names
