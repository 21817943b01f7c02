"""The README's speed figures are made by code from the committed benchmark results
(capseg_devtools/bench_results.json): regenerate them with
`python -m capseg_devtools.bench --json capseg_devtools/bench_results.json --conditions "..."` and
`python -m capseg_devtools.speed_readme`, never by hand."""

from __future__ import annotations

import copy

import pytest

from capseg_devtools import speed_readme


@pytest.fixture(scope="module")
def results() -> dict:
    if not speed_readme.RESULTS.is_file():
        pytest.skip("no benchmark results committed")
    return speed_readme.load()


def test_the_readme_holds_the_figures_of_the_committed_results(results):
    readme = speed_readme.README.read_text(encoding="utf-8")
    assert speed_readme.readme_block(readme).strip() == speed_readme.speed_markdown(results).strip()


def test_the_results_say_where_when_and_under_what_load_they_were_measured(results):
    assert results["measured"][:2] == "20" and "cores" in results["machine"]
    assert results["conditions"].strip(), "the run says what else the machine was doing"
    cli = results["files"]["cli"]
    before, now = cli["ms_per_strip"].values()
    assert cli["ratio"] == pytest.approx(before / now)


def test_the_files_row_shows_the_run_s_medians_and_ratio(results):
    changed = copy.deepcopy(results)
    cli = changed["files"]["cli"]
    labels = list(cli["ms_per_strip"])
    cli["ms_per_strip"] = {labels[0]: 1234.56, labels[1]: 617.28}
    cli["ratio"] = 2.0
    markdown = speed_readme.speed_markdown(changed)
    row = next(line for line in markdown.splitlines() if line.startswith("| CLI with files written, ms per strip |"))
    assert row == "| CLI with files written, ms per strip | 1,234.6 | 617.3 | 2.00x |"
    assert changed["conditions"] in markdown and changed["measured"] in markdown


def test_the_readme_is_rewritten_between_its_markers_only(results, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nbefore\n{speed_readme.README_START}\nold figures\n{speed_readme.README_END}\nafter\n",
                      encoding="utf-8")
    assert speed_readme.update_readme(results, readme)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nbefore\n") and text.endswith(f"{speed_readme.README_END}\nafter\n")
    assert "old figures" not in text and speed_readme.readme_block(text).strip() == speed_readme.speed_markdown(results).strip()
    assert not speed_readme.update_readme(results, readme)  # unchanged the second time
