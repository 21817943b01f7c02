"""The architecture's boundaries, checked: core never imports Qt, the GUI or the training tools;
the GUI never imports TensorFlow or the training tools; the report (QtGui only) never imports
widgets, the GUI or TensorFlow, and core never imports it; the LiteRT path never loads TensorFlow.
Relative imports (``from ..gui import x``) count as much as absolute ones. ``lint-imports``
checks the same contracts from pyproject.toml in .ci/run."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "capseg_desktop"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports, relative imports resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def _offending(folder: Path, forbidden: tuple[str, ...]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        bad = {n for n in imported_modules(path) if any(n == f or n.startswith(f + ".") for f in forbidden)}
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


def test_relative_imports_are_resolved():
    names = imported_modules(PACKAGE / "core" / "batch.py")
    assert "capseg_desktop.core.pipeline" in names and "capseg_desktop.core.atomic.write_files_atomic" in names


def test_core_names_no_qt_gui_training_or_cli():
    forbidden = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "capseg_desktop.gui", "capseg_desktop.training", "capseg_desktop.cli")
    assert _offending(PACKAGE / "core", forbidden) == {}


def test_gui_names_no_tensorflow_or_training():
    assert _offending(PACKAGE / "gui", ("tensorflow", "keras", "tf_keras", "capseg_desktop.training")) == {}


def test_core_never_names_the_report():
    assert _offending(PACKAGE / "core", ("capseg_desktop.report",)) == {}


def test_the_report_names_no_widgets_gui_tensorflow_or_training():
    forbidden = ("PySide6.QtWidgets", "tensorflow", "keras", "capseg_desktop.gui", "capseg_desktop.training", "capseg_desktop.cli")
    assert _offending(PACKAGE / "report", forbidden) == {}


def test_only_core_model_names_tensorflow_in_the_engine():
    offending = _offending(PACKAGE / "core", ("tensorflow", "keras"))
    offending.pop("capseg_desktop/core/model.py", None)
    assert offending == {}


@pytest.mark.skipif(shutil.which("lint-imports") is None and not (Path(sys.executable).parent / "lint-imports").exists(),
                    reason="import-linter is not installed (pip install -e '.[test]')")
def test_import_linter_contracts_are_kept():
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([command, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    contracts = (ROOT / "pyproject.toml").read_text(encoding="utf-8").count("[[tool.importlinter.contracts]]")
    assert f"{contracts} kept, 0 broken" in result.stdout


def test_importing_core_and_running_litert_loads_neither_qt_nor_tensorflow(tmp_path, darkness_model_dir):
    code = (
        "import sys, numpy as np\n"
        "import capseg_desktop.core as core\n"
        "import capseg_desktop.core.batch\n"
        "import capseg_desktop.core.exam\n"
        f"session = core.load_model({str(darkness_model_dir / 'darkness.tflite')!r})\n"
        "session.predict(np.zeros((1, 8, 8, 1), np.float32))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'tensorflow', 'keras'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
