"""The X11 libraries a bare Linux desktop needs for the app's window (issue 21: the app did not
start; Qt blamed libxcb-cursor0, the missing ones were libxcb-icccm4 and libxcb-keysyms1): one
list, packaging/linux_desktop_packages.txt, that the README's quick start, the .deb's Depends
and .ci/run all use, and that covers every X11 library PySide6's xcb plug-in loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "packaging" / "linux_desktop_packages.txt"


def listed() -> list[str]:
    return [line.strip() for line in LIST.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def debian_package(soname: str) -> str:
    """Debian's name for a library package: libxcb-icccm.so.4 -> libxcb-icccm4,
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0 (a hyphen when the name ends in a digit)."""
    name, version = re.fullmatch(r"(lib[\w+-]+?)\.so\.(\d+)", soname).groups()
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def test_the_readme_quick_start_lists_exactly_the_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme[readme.index("## Quick start"):readme.index("## Using the app")]
    command = re.search(r"sudo apt-get install ((?:\\\n|[^\n])+)", quick_start)
    assert command, "the quick start gives no apt-get command for Linux"
    assert sorted(command.group(1).replace("\\\n", " ").split()) == sorted(listed())


def test_the_deb_depends_on_them_and_ci_installs_them_and_starts_the_app_on_x11():
    build_deb = (ROOT / "packaging" / "build_deb.sh").read_text(encoding="utf-8")
    assert "linux_desktop_packages.txt" in build_deb and "$X11_DEPENDS" in build_deb.split("DEPENDS=")[-1]
    if shutil.which("bash"):
        depends = subprocess.run(
            ["bash", "-c", 'ROOT="$1"; ' + next(line for line in build_deb.splitlines() if line.startswith("X11_DEPENDS=")) + '; echo "$X11_DEPENDS"',
             "_", str(ROOT)], capture_output=True, text=True, check=True).stdout.strip()
        assert depends.split(", ") == listed()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "packaging/linux_desktop_packages.txt" in ci
    assert re.search(r"QT_QPA_PLATFORM=xcb .*xvfb-run[^\n]*\n?[^\n]*capseg-desktop --screenshot", ci)


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd on Linux")
def test_the_list_covers_every_x11_library_of_the_xcb_plugin():
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip(f"no xcb plug-in in this PySide6 ({plugin})")
    libraries = {line.split()[0] for line in subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout.splitlines()
                 if line.strip()}
    x11 = sorted(lib for lib in libraries if re.match(r"lib(xcb|xkbcommon|X11-xcb)", lib))
    assert "libxcb-icccm.so.4" in x11  # ldd read the plug-in
    assert sorted(debian_package(lib) for lib in x11 if debian_package(lib) not in listed()) == []
