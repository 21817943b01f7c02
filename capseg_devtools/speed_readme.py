"""The README's speed figures, made by code from the benchmark's results:
``python -m capseg_devtools.speed_readme [RESULTS.json]``.

``python -m capseg_devtools.bench`` writes its results as JSON (``--json``; by default
:data:`RESULTS`, committed with the machine, the date and the conditions they were measured
under). :func:`speed_markdown` turns them into the tables between :data:`README_START` and
:data:`README_END` in README.md, and a test checks that the README holds exactly what it makes
from the committed JSON: the figures are never edited by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = Path(__file__).resolve().parent / "bench_results.json"
README_START = "<!-- speed:start (generated from capseg_devtools/bench_results.json by capseg_devtools/speed_readme.py; do not edit) -->"
README_END = "<!-- speed:end -->"

STAGES = ("read", "segment", "count", "render", "total")


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _stage_table(section: dict[str, Any]) -> list[str]:
    lines = [
        f"**{section['title']}**, median of {section['runs']} runs, milliseconds:",
        "",
        "| pipeline | read | scale + segment | count | render | total |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in section["rows"]:
        cells = [_ms(row.get(stage)) for stage in STAGES]
        lines.append(f"| {row['pipeline']} | " + " | ".join(cells) + " |")
    return lines + [""]


def _legacy_lines(legacy: dict[str, Any]) -> list[str]:
    lines = [f"Speed-up on the {legacy['images']} images the original approach was also run on (original / new, "
             "medians, end to end): "
             + "; ".join(f"{name} {ratio:,.0f}x" for name, ratio in legacy["speedup_total"].items())
             + f". Counting alone ({legacy['counting_model']}): {legacy['speedup_count']:,.0f}x. The two counting "
             f"methods give the same count on the same masks on {legacy['counts_agree']} of {legacy['images']} images.", ""]
    return lines


def _files_lines(files: dict[str, Any]) -> list[str]:
    cli = files["cli"]
    (before_label, before), (now_label, now) = cli["ms_per_strip"].items()
    cpu_before, cpu_now = cli["cpu_ms_per_strip"].values()
    lines = [
        f"**`capseg analyze` with its files written**: the whole command in this process on {cli['copies']} copies of "
        "the strip (loading the model, the folder's shared scale, the analyses, three files per image and the "
        f"summary), {cli['rounds']} rounds with the two ways of writing interleaved, median per strip:",
        "",
        f"| | {before_label} | {now_label} | before / now |",
        "|---|---:|---:|---:|",
        f"| CLI with files written, ms per strip | {_ms(before)} | {_ms(now)} | {cli['ratio']:.2f}x |",
        f"| CPU time of the process (all threads), ms per strip | {_ms(cpu_before)} | {_ms(cpu_now)} | "
        f"{cli['cpu_ratio']:.2f}x |",
        "",
        "Both ways write the same bytes (tested): the writer thread changes when the files are written, "
        "not what they hold.",
        "",
        "Where the writing time goes, one strip (median ms of CPU on the thread doing it, the writes themselves "
        "in wall clock; on the writer thread these overlap the next image's analysis):",
        "",
        "| part | ms |",
        "|---|---:|",
    ]
    lines += [f"| {part} | {_ms(ms)} |" for part, ms in files["costs_ms"].items()]
    lines += ["", "PNG encodings tried on that strip (lossless: OpenCV decodes each to the same pixels; median ms of CPU):",
              "", "| picture | encoding | ms | KiB | same pixels |", "|---|---|---:|---:|---|"]
    for row in files["encodings"]:
        lines.append(f"| {row['picture']} | {row['encoding']} | {_ms(row['ms'])} | {row['kib']:,.0f} | "
                     f"{'yes' if row['same_pixels'] else 'no'} |")
    return lines + [""]


def speed_markdown(results: dict[str, Any]) -> str:
    """The README's speed figures from the benchmark's results."""
    lines = [
        f"Measured {results['measured']} on {results['machine']}: `{results['command']}`, on {results['images']}. "
        f"{results['conditions']} Only the ratios within this one run compare with each other.",
        "",
    ]
    for section in results["sections"]:
        lines += _stage_table(section)
        if section.get("inference_ms"):
            lines += ["Inference alone on that strip at each model's own scale (no resize), median ms: "
                      + "; ".join(f"{name} {_ms(ms)}" for name, ms in section["inference_ms"].items()) + ".", ""]
    if results.get("legacy"):
        lines += _legacy_lines(results["legacy"])
    if results.get("files"):
        lines += _files_lines(results["files"])
    return "\n".join(lines).rstrip() + "\n"


def readme_block(readme_text: str) -> str:
    """What the README holds between the markers."""
    start, end = readme_text.index(README_START), readme_text.index(README_END)
    return readme_text[start + len(README_START):end]


def update_readme(results: dict[str, Any], readme: Path = README) -> bool:
    """Write the figures between the markers; returns whether the README changed."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END)
    new = text[: start + len(README_START)] + "\n" + speed_markdown(results) + text[end:]
    if new == text:
        return False
    readme.write_text(new, encoding="utf-8")
    return True


def load(path: Path = RESULTS) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    print("README.md updated" if update_readme(load(source)) else "README.md already up to date")
