"""The architecture drawn from the imports: ``python -m capseg_devtools.architecture``.

Prints, for the README's Architecture section, which part of ``capseg_desktop`` imports which
(one line per part: the parts it imports), the import loops between modules (imports that run;
type hints left out), and the gui modules and functions over the size limits. Exit status 1
when there is a loop. Needs grimp, which import-linter (the test extra) installs.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = "capseg_desktop"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE
#: The gui's folders (each a part) and the window's shell at gui/'s top.
GUI_PARTS = ("window", "exam", "finetune", "scale", "editing", "batch", "views", "background", "widgets")
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80


def part_of(module: str) -> str:
    """``capseg_desktop.gui.editing.controller`` -> ``gui/editing``; ``capseg_desktop.core.x`` -> ``core``."""
    parts = module.split(".")[1:]
    if not parts:
        return "__init__.py"
    if parts == ["gui"]:
        return "gui (shell)"
    if parts[0] == "gui":
        if parts[1] in GUI_PARTS:
            return f"gui/{parts[1]}"
        return "gui/session" if parts[1] == "session" else "gui (shell)"
    if parts[0] in ("core", "report", "training", "cli"):
        return parts[0]
    return parts[0] + ".py"


def import_graph():
    import grimp

    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=True)


def part_edges(graph) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for module in sorted(graph.modules):
        source = part_of(module)
        edges.setdefault(source, set())
        for imported in graph.find_modules_directly_imported_by(module):
            target = part_of(imported)
            if target != source and imported.startswith(PACKAGE + "."):
                edges[source].add(target)
    return edges


def module_loops(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    modules = sorted(m for m in graph.modules if m.startswith(PACKAGE))
    successors = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(start: str) -> None:
        work = [(start, iter(successors[start]))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return sorted(groups)


def oversized(paths: list[Path]) -> list[str]:
    """Modules over ``MAX_MODULE_LINES`` lines and functions over ``MAX_FUNCTION_LINES``."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT.parent)
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            found.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.architecture", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    graph = import_graph()
    print("Imports between the parts (imports that run):")
    for source, targets in sorted(part_edges(graph).items()):
        print(f"  {source:<18} -> {', '.join(sorted(targets)) or '(nothing of the package)'}")
    loops = module_loops(graph)
    print("Import loops:", "none" if not loops else "")
    for group in loops:
        print("  " + " <-> ".join(group))
    sizes = oversized(sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "cli").rglob("*.py")))
    print(f"Over {MAX_MODULE_LINES} lines (module) or {MAX_FUNCTION_LINES} lines (function) in gui/ and cli/:",
          "none" if not sizes else "")
    for line in sizes:
        print("  " + line)
    return 1 if loops else 0


if __name__ == "__main__":
    sys.exit(main())
