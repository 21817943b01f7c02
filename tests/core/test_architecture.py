"""The structure drawn from the imports (issue 19): no import loop that runs, the engine and the
image session import nothing above them (``python -m capseg_devtools.architecture`` prints it)."""

from __future__ import annotations

import pytest

architecture = pytest.importorskip("capseg_devtools.architecture")
pytest.importorskip("grimp", reason="grimp comes with import-linter (the test extra)")


@pytest.fixture(scope="module")
def graph():
    return architecture.import_graph()


def test_no_import_loop_runs(graph):
    assert architecture.module_loops(graph) == []


def test_the_engine_and_the_image_session_import_nothing_above_them(graph):
    edges = architecture.part_edges(graph)
    assert edges["core"] == set()
    assert edges["gui/session"] == set()
    assert "gui/window" not in set().union(*(targets for part, targets in edges.items() if part != "gui (shell)"))
