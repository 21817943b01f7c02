"""Build the translations: ``python -m capseg_desktop.i18n_build [update|release|all]``.

``resources/translations/areas.json`` splits the code into areas (the engine, the window, the
tools, start-up); each area has one ``.ts`` per language, ``<ts>_<lang>.ts``, that one person
translates without touching another's file.

- ``update``: ``pyside6-lupdate -no-obsolete`` reads the area's files and brings its ``.ts`` up to
  date: new strings come in unfinished, strings gone from the code go, translations stay.
- ``release``: ``pyside6-lrelease`` compiles every ``.ts`` to the ``.qm`` the app loads (committed,
  shipped in the wheel and the installer).
- ``all`` (the default): both.

``--out DIR`` writes into DIR instead (the committed ``.ts`` are copied there first): the
completeness test compares such a fresh update with what is committed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
AREAS_FILE = TRANSLATIONS / "areas.json"


@dataclass(frozen=True)
class Area:
    name: str
    ts: str  # file stem; the file is <ts>_<lang>.ts
    patterns: tuple[str, ...]

    def ts_name(self, lang: str) -> str:
        return f"{self.ts}_{lang}.ts"

    def files(self, root: Path = ROOT) -> list[Path]:
        found: set[Path] = set()
        for pattern in self.patterns:
            found.update(p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
        return sorted(found)


def load_areas(path: Path = AREAS_FILE) -> tuple[list[str], list[Area]]:
    """(the translated languages, the areas) of ``areas.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    areas = [Area(a["name"], a["ts"], tuple(a["files"])) for a in data["areas"]]
    return list(data["languages"]), areas


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: beside this Python first (a virtual
    environment that is not activated), then on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} was not found (install PySide6 in this environment)")
    return found


def _run(command: list[str], quiet: bool) -> None:
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    if not quiet and done.stdout.strip():
        print(done.stdout.strip())


def update(out: Path = TRANSLATIONS, quiet: bool = False, root: Path = ROOT, only: str | None = None) -> list[Path]:
    """Bring every area's ``.ts`` in ``out`` up to date with the code (copying the committed
    ``.ts`` into ``out`` first when it is another folder); ``only``: just that area. Returns the
    ``.ts`` written."""
    languages, areas = load_areas()
    if only is not None:
        areas = [a for a in areas if a.name == only]
        if not areas:
            raise ValueError(f"no area named {only!r} in {AREAS_FILE.name}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in languages:
        for area in areas:
            target = out / area.ts_name(lang)
            committed = TRANSLATIONS / area.ts_name(lang)
            if out.resolve() != TRANSLATIONS.resolve() and committed.is_file():
                shutil.copyfile(committed, target)
            files = [str(p.relative_to(root)) for p in area.files(root)]
            _run([tool("lupdate"), "-no-obsolete", "-source-language", "en", "-target-language", lang, *files, "-ts", str(target)], quiet)
            written.append(target)
    return written


def release(folder: Path = TRANSLATIONS, quiet: bool = False, only: str | None = None) -> list[Path]:
    """Compile every ``.ts`` of ``folder`` (``only``: that area's) to its ``.qm``. Returns the ``.qm`` written."""
    written = []
    stem = None if only is None else next(a.ts for a in load_areas()[1] if a.name == only)
    for ts in sorted(folder.glob("*.ts")):
        if stem is not None and not ts.name.startswith(stem + "_"):
            continue
        qm = ts.with_suffix(".qm")
        _run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], quiet)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_desktop.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", choices=("update", "release", "all"), default="all")
    parser.add_argument("--out", type=Path, default=TRANSLATIONS, help="write the .ts/.qm here (default: resources/translations)")
    parser.add_argument("--area", help="only this area of areas.json (core, window, tools, app)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.step in ("update", "all"):
        update(args.out, args.quiet, only=args.area)
    if args.step in ("release", "all"):
        release(args.out, args.quiet, only=args.area)
    return 0


if __name__ == "__main__":
    sys.exit(main())
