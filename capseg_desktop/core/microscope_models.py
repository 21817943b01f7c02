"""The model that belongs to a microscope: kept with its profile, checked before it is used.

A microscope profile (``core.calibration.Profile``) may record a model adapted to its images
(``ProfileModel``: the file, its hash, the base model, the images, the before/after scores, the
date). The files live in the folder of the profiles file (the application-data folder unless
``CAPSEG_PROFILES`` points elsewhere), in ``models/microscopes/<profile>/<model>/``: the
``.tflite`` that runs, its ``.keras`` twin (to adapt it again) and its ``model_card.json`` (its
counting parameters), one folder per model, so replacing a model removes one folder.

:func:`keep_model` gives a profile the model a fine-tuning run made; :func:`profile_model_path`
finds it and checks its hash, :func:`load_profile_model` opens it. A missing or altered file is a
``ProfileModelError`` with a plain sentence, never a crash and never a silent fall-back to
another model.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from .calibration import (
    ModelScores, Profile, ProfileModel, find_profile, load_profiles, profiles_path, save_profiles,
)
from .errors import CapSegError
from .texts import QT_TRANSLATE_NOOP, Sentences

log = logging.getLogger(__name__)

#: Where the models of the profiles live, relative to the folder of the profiles file.
MODELS_SUBFOLDER = ("models", "microscopes")
CARD_NAME = "model_card.json"

TEXT = Sentences(
    "Microscope",
    {
        "unknown": QT_TRANSLATE_NOOP("Microscope", 'No microscope profile is called "{name}".'),
        "missing": QT_TRANSLATE_NOOP(
            "Microscope",
            'The model of the microscope profile "{profile}" ({file}) is missing; adapt the profile again or import it again.',
        ),
        "altered": QT_TRANSLATE_NOOP(
            "Microscope",
            'The model of the microscope profile "{profile}" ({file}) has been changed since it was kept; '
            "it was not used. Adapt the profile again or import it again.",
        ),
        "not_model": QT_TRANSLATE_NOOP("Microscope", "{name} is not a .tflite model; a microscope profile keeps the .tflite file."),
        "not_written": QT_TRANSLATE_NOOP("Microscope", 'The model could not be kept in "{folder}" ({reason}).'),
    },
)


class ProfileModelError(CapSegError):
    """A profile's model that cannot be used or kept; ``str(error)`` is a plain sentence."""


def profiles_folder(profiles_file: str | Path | None = None) -> Path:
    """The folder of the profiles file: the files a profile records are relative to it."""
    return Path(profiles_file).parent if profiles_file is not None else profiles_path().parent


def safe_folder_name(name: str) -> str:
    """A folder name for a profile or a model name, the same on every system."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-")
    return stem[:80] or "microscope"


def microscope_models_dir(profiles_file: str | Path | None = None) -> Path:
    return profiles_folder(profiles_file).joinpath(*MODELS_SUBFOLDER)


def _resolve(record: ProfileModel, profiles_file: str | Path | None) -> Path:
    return profiles_folder(profiles_file).joinpath(*record.file.split("/"))


def profile_model_path(profile: Profile, profiles_file: str | Path | None = None) -> Path | None:
    """The model file of ``profile`` after checking its hash, or ``None`` when the profile has
    no model (the bundled one is used). Raises ``ProfileModelError`` when the file is missing
    or is not the one that was kept."""
    record = profile.model
    if record is None:
        return None
    from .model import file_sha256

    path = _resolve(record, profiles_file)
    try:
        sha256 = file_sha256(path)
    except OSError as exc:
        raise ProfileModelError(TEXT["missing"].format(profile=profile.name, file=record.file_name), detail=f"{path}: {exc!r}") from exc
    if sha256 != record.sha256:
        raise ProfileModelError(TEXT["altered"].format(profile=profile.name, file=record.file_name),
                                detail=f"{path}: sha256 {sha256}, recorded {record.sha256}")
    return path


def load_profile_model(profile: Profile, profiles_file: str | Path | None = None, num_threads: int | None = None):
    """The ``ModelSession`` of the profile's model, or ``None`` when it has none. Raises
    ``ProfileModelError`` (missing, altered) or ``ModelLoadError`` (a file that does not open)."""
    path = profile_model_path(profile, profiles_file)
    if path is None:
        return None
    from .model import load_model

    return load_model(path, num_threads=num_threads)


def record_from_card(card: Mapping[str, Any] | None, file: str, sha256: str, created: str | None = None) -> ProfileModel:
    """The record of a model made by fine-tuning, from what its card says (``fine_tuning``):
    base model, training and kept-aside images, scores before and after."""
    tuning = (card or {}).get("fine_tuning") or {}
    base = tuning.get("base_model") or {}
    images = [row for row in tuning.get("images") or [] if isinstance(row, dict)]
    scores = tuning.get("scores") or {}
    return ProfileModel(
        file=file, sha256=sha256, base_name=str(base.get("name") or base.get("file") or ""),
        base_version=str(base.get("version") or ""), base_sha256=str(base.get("sha256") or ""),
        images=tuple(str(r.get("name")) for r in images if r.get("role") == "training"),
        kept_aside=tuple(str(r.get("name")) for r in images if r.get("role") == "validation"),
        before=ModelScores.from_dict(scores.get("before")), after=ModelScores.from_dict(scores.get("after")),
        created=created or datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    )


def model_files(model_file: Path) -> dict[str, bytes]:
    """The files that go with a model: itself, its ``.keras`` twin and its card, by name."""
    files = {model_file.name: model_file.read_bytes()}
    for extra in (model_file.with_suffix(".keras"), model_file.with_name(CARD_NAME)):
        if extra.is_file():
            files[extra.name] = extra.read_bytes()
    return files


def install_files(profile_name: str, stem: str, files: Mapping[str, bytes], profiles_file: str | Path | None = None) -> Path:
    """Write ``files`` into a new folder ``models/microscopes/<profile>/<stem>[-N]/``, whole or
    not at all (a hidden temporary folder renamed into place). Returns the folder."""
    parent = microscope_models_dir(profiles_file) / safe_folder_name(profile_name)
    stem = safe_folder_name(stem)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        target, number = parent / stem, 1
        while target.exists():
            number += 1
            target = parent / f"{stem}-{number}"
        temp = parent / f".{target.name}.partial-{os.getpid()}"
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir()
        try:
            for name, data in files.items():
                (temp / Path(name).name).write_bytes(data)
            os.replace(temp, target)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    except OSError as exc:
        raise ProfileModelError(TEXT["not_written"].format(folder=parent, reason=exc.strerror or exc), detail=repr(exc)) from exc
    return target


def relative_file(path: Path, profiles_file: str | Path | None = None) -> str:
    return path.relative_to(profiles_folder(profiles_file)).as_posix()


def remove_model_folder(record: ProfileModel | None, profiles_file: str | Path | None = None) -> None:
    """Remove the folder of a model no profile records any more (only inside the models
    folder of the profiles: never a file the user keeps elsewhere)."""
    if record is None:
        return
    folder = _resolve(record, profiles_file).parent
    root = microscope_models_dir(profiles_file).resolve()
    try:
        folder.resolve().relative_to(root)
    except ValueError:
        return
    if folder.resolve() != root:
        shutil.rmtree(folder, ignore_errors=True)


def replace_profile(profiles: list[Profile], profile: Profile) -> list[Profile]:
    """The list with ``profile`` in the place of the one of the same name (appended if new)."""
    wanted = profile.name.strip().casefold()
    out = [profile if p.name.strip().casefold() == wanted else p for p in profiles]
    return out if any(p is profile for p in out) else out + [profile]


def profile_named(name: str, profiles_file: str | Path | None = None) -> tuple[list[Profile], Profile]:
    """(all the profiles, the one called ``name``); raises ``ProfileModelError`` when there is
    none of that name, ``CalibrationError`` when the profiles file cannot be read."""
    profiles = load_profiles(profiles_file)
    profile = find_profile(profiles, name)
    if profile is None:
        raise ProfileModelError(TEXT["unknown"].format(name=name))
    return profiles, profile


def keep_model(profile_name: str, model_file: str | Path, profiles_file: str | Path | None = None,
               created: str | None = None) -> Profile:
    """Give the profile ``profile_name`` the model ``model_file`` (the ``.tflite`` of a
    fine-tuning run; its ``.keras`` twin and card beside it are kept too) and save the
    profiles. The profile's previous model is removed once the new one is recorded. Returns
    the updated profile. Raises ``ProfileModelError`` (no such profile, not a .tflite, not
    written) or ``CalibrationError`` (the profiles file cannot be read or written)."""
    model_file = Path(model_file)
    if model_file.suffix.lower() != ".tflite":
        raise ProfileModelError(TEXT["not_model"].format(name=model_file.name))
    profiles, profile = profile_named(profile_name, profiles_file)
    try:
        files = model_files(model_file)
    except OSError as exc:
        raise ProfileModelError(TEXT["missing"].format(profile=profile.name, file=model_file.name), detail=repr(exc)) from exc
    card = _card_of(files)
    folder = install_files(profile.name, model_file.stem, files, profiles_file)
    from .model import file_sha256

    installed = folder / model_file.name
    record = record_from_card(card, relative_file(installed, profiles_file), file_sha256(installed), created)
    updated = profile.with_model(record)
    learnt = ((card or {}).get("fine_tuning") or {}).get("microscope_limb_width_px")
    if learnt:  # the scale it was fine-tuned at becomes the microscope's (one factor for all its images)
        updated = updated.with_learnt_scale(learnt)
    return commit_profile(profiles, updated, profile.model, folder, profiles_file)


def forget_model(profile_name: str, profiles_file: str | Path | None = None) -> Profile:
    """The profile back to the bundled model; its model's files are removed."""
    profiles, profile = profile_named(profile_name, profiles_file)
    updated = profile.with_model(None)
    save_profiles(replace_profile(profiles, updated), profiles_file)
    remove_model_folder(profile.model, profiles_file)
    return updated


def _card_of(files: Mapping[str, bytes]) -> dict[str, Any] | None:
    try:
        card = json.loads(files[CARD_NAME].decode("utf-8")) if CARD_NAME in files else None
    except ValueError:
        return None
    return card if isinstance(card, dict) else None


def commit_profile(profiles: list[Profile], updated: Profile, previous: ProfileModel | None, folder: Path,
                   profiles_file: str | Path | None) -> Profile:
    """Save the profiles with ``updated``, whose model's files were installed in ``folder``: on
    failure that folder is removed, on success the folder of the ``previous`` model."""
    try:
        save_profiles(replace_profile(profiles, updated), profiles_file)
    except CapSegError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ProfileModelError(TEXT["not_written"].format(folder=folder.parent, reason=exc.strerror or exc), detail=repr(exc)) from exc
    if previous is not None and previous.file != (updated.model.file if updated.model else None):
        remove_model_folder(previous, profiles_file)
    log.info("Profile %s now uses the model %s", updated.name, updated.model.file if updated.model else "bundled")
    return updated
