"""The architecture's boundaries, checked: core never imports Qt; the LiteRT path never
imports TensorFlow; the GUI never imports TensorFlow."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "capseg_desktop"


def _imported_modules(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def test_core_source_names_no_qt():
    assert not {n for n in _imported_modules(PACKAGE / "core") if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")}


def test_gui_source_names_no_tensorflow():
    assert not {n for n in _imported_modules(PACKAGE / "gui") if n.split(".")[0] in ("tensorflow", "keras", "tf_keras")}


def test_importing_core_and_running_litert_loads_neither_qt_nor_tensorflow(tmp_path, darkness_model_dir):
    code = (
        "import sys, numpy as np\n"
        "import capseg_desktop.core as core\n"
        f"session = core.load_model({str(darkness_model_dir / 'darkness.tflite')!r})\n"
        "session.predict(np.zeros((1, 8, 8, 1), np.float32))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'tensorflow', 'keras'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
