"""The model belongs to the microscope (issue 20): a profile records the model adapted to it,
``--profile`` counts with it, and one file carries both to another workstation, where the same
images give the same counts."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import cv2
import pytest

from capseg_desktop.cli import main
from capseg_desktop.core.calibration import (
    PROFILES_ENV, CalibrationError, ModelScores, Profile, ProfileModel, load_profiles, save_profiles,
)
from capseg_desktop.core.microscope_file import (
    MicroscopeFileError, ProfileExistsError, export_microscope, import_microscope, read_microscope_file,
)
from capseg_desktop.core.microscope_models import (
    ProfileModelError, forget_model, keep_model, load_profile_model, microscope_models_dir, profile_model_path,
)
from capseg_desktop.core.model import file_sha256

from .tiny_models import bars_image


@pytest.fixture
def profiles_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "appdata" / "microscopes.json"
    monkeypatch.setenv(PROFILES_ENV, str(path))
    monkeypatch.setenv("CAPSEG_MODELS_DIR", str(tmp_path / "no bundled model"))  # only the profile's model can count
    save_profiles([Profile("Dino x200", 1.6, 200.0, limb_width_px=9.0), Profile("Other", 0.8)])
    return path


@pytest.fixture
def finetuned(darkness_model_dir, tmp_path) -> Path:
    """A fine-tuning run's output as ``capseg finetune`` leaves it: model, twin and card."""
    out = tmp_path / "run" / "dino-1"
    out.mkdir(parents=True)
    shutil.copy(darkness_model_dir / "darkness.tflite", out / "dino-1.tflite")
    shutil.copy(darkness_model_dir / "darkness.keras", out / "dino-1.keras")
    card = {"name": "dino-1", "files": {"dino-1.tflite": {"sha256": file_sha256(out / "dino-1.tflite")}},
            "fine_tuning": {"base_model": {"name": "capseg_unet", "version": "2.1.0", "sha256": "ab" * 32},
                            "images": [{"name": "a.png", "role": "training"}, {"name": "b.png", "role": "validation"},
                                       {"name": "c.png", "role": "training"}],
                            "scores": {"before": {"f1": 0.4, "count_error": 6.0}, "after": {"f1": 0.8, "count_error": 1.5}}}}
    (out / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    return out / "dino-1.tflite"


@pytest.fixture
def images(tmp_path) -> Path:
    folder = tmp_path / "images"
    folder.mkdir()
    for name, bars in (("one.png", 2), ("two.png", 3), ("three.png", 5)):
        cv2.imwrite(str(folder / name), cv2.cvtColor(bars_image(bars=bars), cv2.COLOR_RGB2BGR))
    return folder


def _counts(summary: Path) -> dict[str, tuple[str, str, str]]:
    with open(summary, encoding="utf-8") as stream:
        return {row["file"]: (row["count"], row["model"], row["model_sha256"]) for row in csv.DictReader(stream)}


def test_an_old_profiles_file_loads_and_a_model_record_round_trips(profiles_file, finetuned):
    profiles_file.write_text(json.dumps({"format": "capseg-microscopes", "version": 1, "profiles": [
        {"name": "Old", "um_per_px": 1.2, "magnification": None}]}), encoding="utf-8")
    assert load_profiles() == [Profile("Old", 1.2)]
    kept = keep_model("old", finetuned, created="2026-12-07T23:00:00+00:00")
    assert load_profiles() == [kept]  # written and read back the same
    record = kept.model
    assert record.file == "models/microscopes/Old/dino-1/dino-1.tflite" and record.sha256 == file_sha256(finetuned)
    assert (record.base_name, record.base_version, record.base_sha256) == ("capseg_unet", "2.1.0", "ab" * 32)
    assert record.images == ("a.png", "c.png") and record.kept_aside == ("b.png",)
    assert record.before == ModelScores(0.4, 6.0) and record.after == ModelScores(0.8, 1.5)
    assert json.loads(profiles_file.read_text(encoding="utf-8"))["version"] == 1
    installed = profiles_file.parent / record.file
    assert sorted(p.name for p in installed.parent.iterdir()) == ["dino-1.keras", "dino-1.tflite", "model_card.json"]
    session = load_profile_model(kept)
    assert session.sha256 == record.sha256 and session.card["name"] == "dino-1"  # the card comes along
    # The learnt scale can change without losing the model.
    assert kept.with_learnt_scale(7.0).model == record


def test_the_profile_list_names_each_model_and_its_scores(profiles_file, finetuned, capsys):
    keep_model("Dino x200", finetuned, created="2026-12-07T23:00:00+00:00")
    assert main(["microscope", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Dino x200 (×200): 1.6 µm/px"
    assert lines[1] == "  vessels: limbs of 9.0 px, learnt from its images"
    assert lines[2].startswith("  model: dino-1.tflite, adapted from capseg_unet 2.1.0 on 2026-12-07; sha256 ")
    assert lines[2].endswith("on the images kept aside: F1 0.40 -> 0.80, count error 6.0 -> 1.5")
    assert lines[3:] == ["Other: 0.8 µm/px", "  model: the bundled model"]
    # A model kept without a fine-tuning card says no more than it knows.
    bare = ProfileModel("models/microscopes/x/m.tflite", "0" * 64, created="2026-12-08T00:10:00+00:00")
    assert bare.describe() == "m.tflite, kept on 2026-12-08"


def test_a_newer_profiles_file_with_models_still_says_newer(profiles_file):
    profiles_file.write_text(json.dumps({"format": "capseg-microscopes", "version": 2, "profiles": []}), encoding="utf-8")
    with pytest.raises(CalibrationError, match="newer version"):
        load_profiles()


def test_a_missing_or_altered_model_is_a_sentence_and_is_never_used(profiles_file, finetuned, images, tmp_path, capsys):
    kept = keep_model("Dino x200", finetuned)
    installed = profile_model_path(kept)
    installed.write_bytes(installed.read_bytes() + b"\0")
    with pytest.raises(ProfileModelError, match='profile "Dino x200" .*has been changed since it was kept'):
        profile_model_path(kept)
    code = main(["analyze", str(images), "--profile", "dino X200", "--out", str(tmp_path / "out")])
    assert code == 2 and "has been changed since it was kept; it was not used" in capsys.readouterr().err
    assert not (tmp_path / "out" / "summary.csv").exists()
    installed.unlink()
    with pytest.raises(ProfileModelError, match="is missing"):
        load_profile_model(kept)


def test_profile_counts_with_its_own_model_and_every_export_names_it(profiles_file, finetuned, images, tmp_path, darkness_model_dir):
    kept = keep_model("Dino x200", finetuned)
    assert main(["analyze", str(images), "--profile", "Dino x200", "--out", str(tmp_path / "out")]) == 0
    counts = _counts(tmp_path / "out" / "summary.csv")
    assert counts == {name: (str(bars), "dino-1.tflite", kept.model.sha256)
                      for name, bars in (("one.png", 2), ("two.png", 3), ("three.png", 5))}
    result = json.loads((tmp_path / "out" / "two.json").read_text(encoding="utf-8"))
    assert result["model"]["name"] == "dino-1.tflite" and result["model"]["sha256"] == kept.model.sha256
    assert result["calibration"]["source"] == "profile" and result["calibration"]["profile"] == "Dino x200"
    assert result["calibration"]["um_per_px"] == 1.6 and result["calibration"]["limb_width_px"] == 9.0
    # --model given explicitly wins over the profile's.
    assert main(["analyze", str(images / "one.png"), "--profile", "Dino x200", "--model",
                 str(darkness_model_dir / "darkness.keras"), "--out", str(tmp_path / "explicit")]) == 0
    assert _counts(tmp_path / "explicit" / "summary.csv")["one.png"][1] == "darkness.keras"


def test_a_new_model_replaces_the_old_one_and_forgetting_removes_it(profiles_file, finetuned):
    first = keep_model("Dino x200", finetuned)
    second = keep_model("Dino x200", finetuned)
    assert second.model.file != first.model.file
    assert not (profiles_file.parent / first.model.file).exists() and profile_model_path(second).is_file()
    assert load_profiles()[1] == Profile("Other", 0.8)  # the other profile is untouched
    back = forget_model("Dino x200")
    assert back.model is None and load_profiles()[0].model is None
    assert list(microscope_models_dir().rglob("*.tflite")) == []
    with pytest.raises(ProfileModelError, match='No microscope profile is called "nope"'):
        keep_model("nope", finetuned)


def test_a_profile_exported_and_imported_elsewhere_gives_the_same_counts(
        profiles_file, finetuned, images, tmp_path, monkeypatch, capsys):
    keep_model("Dino x200", finetuned)
    bundle = tmp_path / "Dino x200.capseg-microscope"
    assert main(["microscope", "export", "Dino x200", str(bundle)]) == 0
    assert main(["analyze", str(images), "--profile", "Dino x200", "--out", str(tmp_path / "here")]) == 0
    assert main(["microscope", "export", "Dino x200", str(bundle)]) == 2  # never overwritten unasked
    assert "already exists" in capsys.readouterr().err
    # The other workstation: an empty application-data folder.
    monkeypatch.setenv(PROFILES_ENV, str(tmp_path / "elsewhere" / "microscopes.json"))
    assert main(["microscope", "import", str(bundle)]) == 0
    assert 'Imported the microscope profile "Dino x200"' in capsys.readouterr().out
    assert main(["analyze", str(images), "--profile", "Dino x200", "--out", str(tmp_path / "there")]) == 0
    assert _counts(tmp_path / "there" / "summary.csv") == _counts(tmp_path / "here" / "summary.csv")
    imported = load_profiles()[0]
    assert imported.limb_width_px == 9.0 and imported.model.after == ModelScores(0.8, 1.5)
    assert (tmp_path / "elsewhere" / imported.model.file).is_file()
    # A second import of the same name asks instead of overwriting.
    with pytest.raises(ProfileExistsError) as raised:
        import_microscope(bundle)
    assert raised.value.existing.name == "Dino x200" and raised.value.incoming.model is not None
    assert main(["microscope", "import", str(bundle)]) == 2
    assert "already exists; replace it" in capsys.readouterr().err
    assert len(load_profiles()) == 1
    renamed = import_microscope(bundle, name="Dino (room 2)")
    replaced = import_microscope(bundle, replace_existing=True)
    assert [p.name for p in load_profiles()] == ["Dino x200", "Dino (room 2)"]
    assert not (tmp_path / "elsewhere" / imported.model.file).exists()  # the replaced model's files went with it
    assert profile_model_path(replaced).is_file() and profile_model_path(renamed).is_file()


def test_a_damaged_or_altered_microscope_file_is_refused_and_nothing_changes(profiles_file, finetuned, tmp_path):
    keep_model("Dino x200", finetuned)
    bundle = export_microscope("Dino x200", tmp_path / "d.capseg-microscope")
    before = profiles_file.read_bytes()
    truncated = tmp_path / "truncated.capseg-microscope"
    truncated.write_bytes(bundle.read_bytes()[:-200])
    with pytest.raises(MicroscopeFileError, match='"truncated.capseg-microscope" is not a CapSeg microscope file, or it is damaged'):
        import_microscope(truncated, replace_existing=True)
    altered = tmp_path / "altered.capseg-microscope"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data + b"\0" if info.filename.endswith(".tflite") else data)
    with pytest.raises(MicroscopeFileError, match="is not the one that was exported"):
        read_microscope_file(altered)
    assert profiles_file.read_bytes() == before
    assert not any(p.name.startswith(".") for p in microscope_models_dir().rglob("*"))


def test_a_model_fine_tuned_at_one_scale_gives_its_profile_that_scale(profiles_file, finetuned):
    """The limb width a fine-tuning run brought all the microscope's images to becomes the
    profile's learnt scale: later images of that microscope are analysed at the same factor."""
    card_path = finetuned.parent / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["fine_tuning"]["microscope_limb_width_px"] = 5.4
    card_path.write_text(json.dumps(card), encoding="utf-8")
    kept = keep_model("Other", finetuned)
    assert kept.limb_width_px == 5.4
    assert next(p for p in load_profiles() if p.name == "Other").limb_width_px == 5.4


def test_a_model_without_a_learnt_scale_keeps_the_profiles_own(profiles_file, finetuned):
    kept = keep_model("Dino x200", finetuned)  # its card names no microscope limb width
    assert kept.limb_width_px == 9.0


def test_a_profile_learns_its_vessels_width_from_a_folder_of_its_images(profiles_file, tmp_path, capsys):
    """capseg microscope learn-scale: the median of the folder's estimates, kept with the profile."""
    from capseg_desktop.core.imageio import list_images, read_image
    from capseg_desktop.core.scale import estimate_limb_width_px, median_limb_width

    folder = tmp_path / "scope"
    folder.mkdir()
    for index in range(4):
        cv2.imwrite(str(folder / f"img_{index}.png"), cv2.cvtColor(bars_image(bars=3 + index), cv2.COLOR_RGB2BGR))
    expected = median_limb_width([estimate_limb_width_px(read_image(p).rgb) for p in list_images(folder)])
    assert main(["microscope", "learn-scale", "other", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('The microscope profile "Other" now brings its images to the model\'s scale as limbs of ')
    assert next(p for p in load_profiles() if p.name == "Other").limb_width_px == pytest.approx(expected, abs=0.05)  # saved to 0.1 px
    # Nothing to measure: one plain sentence, the profile unchanged.
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["microscope", "learn-scale", "Dino x200", str(empty)]) == 2
    assert "could not be measured" in capsys.readouterr().err
    assert next(p for p in load_profiles() if p.name == "Dino x200").limb_width_px == 9.0
    assert main(["microscope", "learn-scale", "Dino x200", str(tmp_path / "missing")]) == 2
    assert "cannot be read" in capsys.readouterr().err
