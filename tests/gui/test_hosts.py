"""Controllers depend on small protocols (gui/hosts.py), not on the main window: no module of a
feature folder names gui/window/main_window.py, not even for a type hint, and the main window
provides every attribute and method the protocols ask for."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import capseg_desktop.gui as gui
from capseg_desktop.gui import hosts

FEATURES = ("editing", "scale", "exam", "finetune", "batch", "views", "background", "widgets")


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("folder", FEATURES)
def test_no_feature_folder_names_the_main_window(folder):
    root = Path(gui.__file__).parent / folder
    offenders = [f"{path.name}: {module}" for path in sorted(root.glob("*.py"))
                 for module in _imported_modules(path) if "main_window" in module]
    assert offenders == []


def _protocol_members(protocol: type) -> set[str]:
    members: set[str] = set()
    for klass in protocol.__mro__:
        if klass.__module__ != hosts.__name__:
            continue
        members.update(getattr(klass, "__annotations__", {}))
        members.update(name for name, value in vars(klass).items()
                       if not name.startswith("_") and (inspect.isfunction(value) or isinstance(value, property)))
    return members


@pytest.mark.parametrize("protocol", [hosts.EditingHost, hosts.ScaleHost, hosts.ExamHost, hosts.FinetuneHost])
def test_the_main_window_is_every_controllers_host(window, protocol):
    members = _protocol_members(protocol)
    assert {"set_status", "show_error"} <= members  # every host says what happened
    missing = sorted(name for name in members if not hasattr(window, name))
    assert missing == []
