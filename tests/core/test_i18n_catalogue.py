"""The French catalogues are complete (issue 13): every translatable string of the code is in a
committed .ts (pyside6-lupdate is run into a temporary folder and compared), none is
unfinished or empty, the placeholders of each translation are those of its source, and the
committed .qm are compiled from the committed .ts."""

from __future__ import annotations

from pathlib import Path

import pytest

from capseg_desktop import i18n_build

from ..i18n_catalogue import placeholders, read_ts

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES, AREAS = i18n_build.load_areas()


def _key(entry):
    return (entry.context, entry.source, entry.comment, entry.numerus)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The committed .ts brought up to date with the code, in a temporary folder."""
    out = tmp_path_factory.mktemp("ts")
    i18n_build.update(out, quiet=True)
    return out


def test_every_gui_module_and_the_engine_belong_to_exactly_one_area():
    owners: dict[Path, list[str]] = {}
    for area in AREAS:
        for path in area.files(ROOT):
            owners.setdefault(path.relative_to(ROOT), []).append(area.name)
    wanted = [p for p in (ROOT / "capseg_desktop" / "gui").rglob("*.py") if p.name != "__init__.py"]
    wanted += list((ROOT / "capseg_desktop" / "core").glob("*.py")) + list((ROOT / "capseg_desktop" / "report").glob("*.py"))
    wanted += list((ROOT / "capseg_desktop" / "cli").glob("*.py"))
    missing = sorted(str(p.relative_to(ROOT)) for p in wanted if p.relative_to(ROOT) not in owners)
    assert not missing, f"add these files to an area of resources/translations/areas.json: {missing}"
    twice = {str(p): names for p, names in owners.items() if len(names) > 1}
    assert not twice, f"files in two areas: {twice}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("area", AREAS, ids=lambda a: a.name)
def test_no_string_of_the_code_is_missing_from_the_committed_ts(fresh, area, lang):
    committed_path = i18n_build.TRANSLATIONS / area.ts_name(lang)
    assert committed_path.is_file(), f"{committed_path.name} is not committed: run python -m capseg_desktop.i18n_build"
    committed = {_key(e) for e in read_ts(committed_path)}
    current = {_key(e) for e in read_ts(fresh / area.ts_name(lang))}
    missing = sorted(current - committed)
    gone = sorted(committed - current)
    assert not missing, f"{len(missing)} string(s) of the code not in {committed_path.name} (run the update): {missing[:10]}"
    assert not gone, f"{len(gone)} string(s) of {committed_path.name} no longer in the code (run the update): {gone[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("area", AREAS, ids=lambda a: a.name)
def test_every_entry_is_translated_with_the_same_placeholders(area, lang):
    path = i18n_build.TRANSLATIONS / area.ts_name(lang)
    if not path.is_file():
        pytest.fail(f"{path.name} is missing")
    problems = []
    for entry in read_ts(path):
        where = f"{entry.context}: {entry.source!r}"
        if entry.unfinished:
            problems.append(f"unfinished {where}")
            continue
        if not entry.translations or any(not t.strip() for t in entry.translations):
            problems.append(f"empty translation {where}")
            continue
        wanted = placeholders(entry.source)
        for index, text in enumerate(entry.translations):
            found = placeholders(text)
            if entry.numerus and index == 0:
                # The singular may say the number in words ("un capillaire"): %n is optional there.
                wanted_here = [p for p in wanted if p != "%n"]
                found = [p for p in found if p != "%n"]
            else:
                wanted_here = wanted
            if found != wanted_here:
                problems.append(f"placeholders {found} instead of {wanted_here} in {text!r} ({where})")
        if entry.source.count("&") - 2 * entry.source.count("&&") > 0 >= (entry.translations[0].count("&") - 2 * entry.translations[0].count("&&")):
            problems.append(f"the accelerator (&) was lost in {entry.translations[0]!r} ({where})")
    assert not problems, f"{len(problems)} problem(s) in {path.name}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_committed_qm_are_compiled_from_the_committed_ts(tmp_path, lang):
    copies = tmp_path / "ts"
    copies.mkdir()
    for area in AREAS:
        source = i18n_build.TRANSLATIONS / area.ts_name(lang)
        if source.is_file():
            (copies / source.name).write_bytes(source.read_bytes())
    for qm in i18n_build.release(copies, quiet=True):
        committed = i18n_build.TRANSLATIONS / qm.name
        assert committed.is_file(), f"{qm.name} is not committed: run python -m capseg_desktop.i18n_build release"
        assert committed.read_bytes() == qm.read_bytes(), f"{qm.name} is older than its .ts: run python -m capseg_desktop.i18n_build release"

