"""Reading a recipe file and the paths it names (relative to the repository): shared by the
recipe's steps (recipe.py) and its evaluation (report.py), which both need them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_recipe(path: Path) -> dict[str, Any]:
    recipe = json.loads(Path(path).read_text(encoding="utf-8"))
    # Paths in a recipe are relative to the repository (where tests/ and ../shared are), wherever
    # the recipe file itself is kept.
    recipe["_root"] = str(Path(__file__).resolve().parents[2])
    return recipe


def resolve(recipe: dict[str, Any], relative: str) -> Path:
    """Recipe paths are relative to the repository root."""
    return (Path(recipe["_root"]) / relative).resolve()
