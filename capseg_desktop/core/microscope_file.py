"""A microscope profile and its model as one file (``NAME.capseg-microscope``), so a second
workstation of the same clinic gets the same counts.

The file is a ZIP archive: ``microscope.json`` (the profile, and the SHA-256 of every other
member) and ``model/`` (the ``.tflite`` that runs, its ``.keras`` twin and its card). It is
written whole or not at all (``core.atomic``). Importing checks every hash before anything is
installed, and never replaces a profile of the same name unless asked: it raises
``ProfileExistsError``, which carries both profiles so the caller can ask the user.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from .atomic import write_bytes_atomic
from .calibration import CalibrationError, Profile, find_profile, load_profiles, save_profiles
from .errors import CapSegError
from .microscope_models import (
    commit_profile, install_files, model_files, profile_model_path, profile_named, relative_file, remove_model_folder,
    replace_profile, safe_folder_name,
)
from .texts import QT_TRANSLATE_NOOP, Sentences

SUFFIX = ".capseg-microscope"
FORMAT = "capseg-microscope"
VERSION = 1
MANIFEST = "microscope.json"
MODEL_FOLDER = "model"
#: No member of a microscope file is larger (the bundled model is about 1 MB): a bigger one is
#: not ours, and is refused before it is unpacked.
MAX_MEMBER_BYTES = 256 * 1024 * 1024

TEXT = Sentences(
    "Microscope",
    {
        "damaged": QT_TRANSLATE_NOOP("Microscope", '"{name}" is not a CapSeg microscope file, or it is damaged; nothing was imported.'),
        "altered": QT_TRANSLATE_NOOP(
            "Microscope", 'The model in "{name}" is not the one that was exported (its fingerprint differs); nothing was imported.'
        ),
        "newer": QT_TRANSLATE_NOOP(
            "Microscope", '"{name}" was saved by a newer version of CapSeg Desktop; update CapSeg Desktop to import it.'
        ),
        "exists": QT_TRANSLATE_NOOP(
            "Microscope", 'A microscope profile called "{name}" already exists; replace it, or import this one under another name.'
        ),
        "unreadable": QT_TRANSLATE_NOOP("Microscope", '"{name}" could not be read.'),
    },
)


class MicroscopeFileError(CapSegError):
    """A microscope file that cannot be imported; ``str(error)`` is a plain sentence."""


class ProfileExistsError(MicroscopeFileError):
    """A profile of the imported name exists: ``existing`` and ``incoming`` let the caller ask
    the user (replace it, or import under another name with ``import_microscope(name=...)``)."""

    def __init__(self, message: str, existing: Profile, incoming: Profile) -> None:
        super().__init__(message)
        self.existing = existing
        self.incoming = incoming


@dataclass(frozen=True)
class MicroscopeFile:
    """A microscope file's contents, checked: the profile (its model's ``file`` names a member)
    and the model's files by name."""

    profile: Profile
    files: dict[str, bytes]
    exported: str = ""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def microscope_file_bytes(profile: Profile, profiles_file: str | Path | None = None) -> bytes:
    """The microscope file of ``profile`` (with its model, checked first: a missing or altered
    model raises ``ProfileModelError``)."""
    files: dict[str, bytes] = {}
    shown = profile
    model_path = profile_model_path(profile, profiles_file)
    if model_path is not None and profile.model is not None:
        files = {f"{MODEL_FOLDER}/{name}": data for name, data in model_files(model_path).items()}
        shown = profile.with_model(replace(profile.model, file=f"{MODEL_FOLDER}/{model_path.name}"))
    from .. import __version__

    manifest = {
        "format": FORMAT, "version": VERSION, "capseg_desktop": __version__,
        "exported": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "profile": shown.to_dict(), "files": {name: _sha256(data) for name, data in files.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def export_microscope(name: str, target: str | Path, overwrite: bool = False, profiles_file: str | Path | None = None) -> Path:
    """Write the profile ``name`` and its model to ``target`` (``NAME.capseg-microscope``), whole
    or not at all. Raises ``ProfileModelError`` (no such profile, its model missing or altered),
    ``CalibrationError`` (the profiles file) or ``ExportError`` (exists, cannot be written)."""
    _, profile = profile_named(name, profiles_file)
    return write_bytes_atomic(Path(target), microscope_file_bytes(profile, profiles_file), overwrite=overwrite)


def _member(archive: zipfile.ZipFile, name: str, shown: str) -> bytes:
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise MicroscopeFileError(TEXT["damaged"].format(name=shown), detail=f"{name}: {info.file_size} bytes")
        return archive.read(info)
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise MicroscopeFileError(TEXT["damaged"].format(name=shown), detail=f"{name}: {exc!r}") from exc


def _manifest(archive: zipfile.ZipFile, shown: str) -> dict[str, Any]:
    try:
        data = json.loads(_member(archive, MANIFEST, shown).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise MicroscopeFileError(TEXT["damaged"].format(name=shown), detail=repr(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise MicroscopeFileError(TEXT["damaged"].format(name=shown), detail="not a microscope manifest")
    if isinstance(data.get("version"), int) and data["version"] > VERSION:
        raise MicroscopeFileError(TEXT["newer"].format(name=shown), detail=f"version {data['version']}")
    if not isinstance(data.get("profile"), dict) or not isinstance(data.get("files"), dict):
        raise MicroscopeFileError(TEXT["damaged"].format(name=shown), detail="no profile or files")
    return data


def read_microscope_file(path: str | Path) -> MicroscopeFile:
    """The checked contents of a microscope file. Raises ``MicroscopeFileError``: not a
    microscope file or damaged, a newer format, or a model whose hash differs."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise MicroscopeFileError(TEXT["damaged"].format(name=path.name), detail=repr(exc)) from exc
    except OSError as exc:
        raise MicroscopeFileError(TEXT["unreadable"].format(name=path.name), detail=repr(exc)) from exc
    with archive:
        manifest = _manifest(archive, path.name)
        try:
            profile = Profile.from_dict(manifest["profile"])
        except (CalibrationError, TypeError, ValueError) as exc:
            raise MicroscopeFileError(TEXT["damaged"].format(name=path.name), detail=repr(exc)) from exc
        files: dict[str, bytes] = {}
        for member, sha256 in manifest["files"].items():
            parts = PurePosixPath(str(member)).parts
            if len(parts) != 2 or parts[0] != MODEL_FOLDER or parts[1] in ("", ".", ".."):
                raise MicroscopeFileError(TEXT["damaged"].format(name=path.name), detail=f"member {member!r}")
            data = _member(archive, str(member), path.name)
            if _sha256(data) != str(sha256).lower():
                raise MicroscopeFileError(TEXT["altered"].format(name=path.name), detail=f"{member}: hash differs")
            files[parts[1]] = data
    record = profile.model
    if record is not None and (record.file_name not in files or _sha256(files[record.file_name]) != record.sha256):
        raise MicroscopeFileError(TEXT["altered"].format(name=path.name), detail=f"model {record.file}")
    return MicroscopeFile(profile, files, str(manifest.get("exported") or ""))


def import_microscope(path: str | Path, replace_existing: bool = False, name: str | None = None,
                      profiles_file: str | Path | None = None) -> Profile:
    """Add the profile of the microscope file ``path`` (under ``name`` when given) with its
    model, and return it. A profile of that name is replaced only with ``replace_existing``;
    otherwise ``ProfileExistsError`` is raised and nothing changes. Raises
    ``MicroscopeFileError`` (damaged, altered, newer), ``CalibrationError`` (the profiles file)
    or ``ProfileModelError`` (the model cannot be written)."""
    contents = read_microscope_file(path)
    incoming = contents.profile if not name else replace(contents.profile, name=name.strip())
    profiles = load_profiles(profiles_file)
    existing = find_profile(profiles, incoming.name)
    if existing is not None and not replace_existing:
        raise ProfileExistsError(TEXT["exists"].format(name=existing.name), existing, incoming)
    if existing is not None:
        incoming = replace(incoming, name=existing.name)  # the same profile, as it was spelt
    record = incoming.model
    if record is None:
        return _record_profile(profiles, incoming, existing, profiles_file)
    stem = Path(record.file_name).stem
    folder = install_files(incoming.name, stem, contents.files, profiles_file)
    installed = incoming.with_model(replace(record, file=relative_file(folder / record.file_name, profiles_file)))
    return commit_profile(profiles, installed, existing.model if existing else None, folder, profiles_file)


def _record_profile(profiles: list[Profile], profile: Profile, existing: Profile | None, profiles_file: str | Path | None) -> Profile:
    """A profile without a model: saved; the model of the one it replaces is removed."""
    save_profiles(replace_profile(profiles, profile), profiles_file)
    if existing is not None:
        remove_model_folder(existing.model, profiles_file)
    return profile


def suggested_file_name(profile_name: str) -> str:
    """``<profile>.capseg-microscope``, a name every system accepts."""
    return safe_folder_name(profile_name) + SUFFIX
