"""The scale of an image in micrometres per pixel, and where it came from.

A measurement in µm is only as good as its scale. The scale comes from a microscope profile
(a name and its µm per pixel at one magnification, kept in ``microscopes.json`` in the
application-data folder), from a line drawn over a known length (a calibration slide or a
scale bar in the picture), from a number set for one image, or from a number typed for a
whole run (``capseg analyze --um-per-px``). ``Calibration`` records the number and its source,
and every export states both.

The model's own estimate of the picture's scale (``core.scale``) is about how to resize the
picture for the model; it is never used as µm (``Calibration.measuring_um_per_px`` is ``None``
for ``SOURCE_ESTIMATE``), so no width is ever shown in µm from a guess.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from .atomic import write_text_atomic
from .errors import CapSegError
from .i18n import format_float, translate
from .paths import app_data_dir
from .texts import QT_TRANSLATE_NOOP, Sentences

# Where a scale came from (the words every export writes).
SOURCE_NONE = "none"
SOURCE_PROFILE = "profile"
SOURCE_CALIBRATED = "calibrated line"
SOURCE_IMAGE = "set for this image"
SOURCE_ENTERED = "typed"  # a number typed for a whole run (``--um-per-px``, the toolbar's box)
SOURCE_ESTIMATE = "estimated (not for measurements)"
SOURCES = (SOURCE_NONE, SOURCE_PROFILE, SOURCE_CALIBRATED, SOURCE_IMAGE, SOURCE_ENTERED, SOURCE_ESTIMATE)

PROFILES_ENV = "CAPSEG_PROFILES"
PROFILES_FORMAT = "capseg-microscopes"
PROFILES_VERSION = 1

# The sentences of this module, in one place (looked up in the user's language).
TEXT = Sentences(
    "Calibration",
    {
        "degenerate": QT_TRANSLATE_NOOP("Calibration", "The calibration line is too short: draw it over the whole known length."),
        "length": QT_TRANSLATE_NOOP("Calibration", "The known length must be a positive number of micrometres."),
        "scale": QT_TRANSLATE_NOOP("Calibration", "The µm per pixel must be a positive number."),
        "name": QT_TRANSLATE_NOOP("Calibration", "A microscope profile needs a name."),
        "damaged": QT_TRANSLATE_NOOP("Calibration", "The microscope profiles file is damaged and was not read."),
        "newer": QT_TRANSLATE_NOOP(
            "Calibration",
            "The microscope profiles file was saved by a newer version of CapSeg Desktop; update CapSeg Desktop to use it.",
        ),
        "no_scale": QT_TRANSLATE_NOOP("Calibration", "no scale set: sizes in pixels, not assessed"),
        "estimate": QT_TRANSLATE_NOOP("Calibration", "the model's scale estimate only (not used for measurements)"),
    },
)
#: A line shorter than this (image pixels) cannot calibrate anything to better than 10 %.
MIN_LINE_PX = 10.0


class CalibrationError(CapSegError, ValueError):
    """A calibration or profile that cannot be used; ``str(error)`` is a plain sentence."""


def _positive(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number > 0 else None


@dataclass(frozen=True)
class ModelScores:
    """How well a model found the capillaries of the images kept aside from its training: F1
    of its detections against one point per corrected capillary, and the mean absolute count
    error per image."""

    f1: float
    count_error: float

    def to_dict(self) -> dict[str, float]:
        return {"f1": round(float(self.f1), 4), "count_error": round(float(self.count_error), 3)}

    @classmethod
    def from_dict(cls, data: Any) -> "ModelScores | None":
        if not isinstance(data, dict):
            return None
        try:
            f1, error = float(data["f1"]), float(data["count_error"])
        except (KeyError, TypeError, ValueError):
            return None
        return cls(f1, error) if math.isfinite(f1) and math.isfinite(error) else None


def _names(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()


@dataclass(frozen=True)
class ProfileModel:
    """The model adapted to one microscope (``core.microscope_models`` keeps its files).

    ``file`` is the model that runs (a ``.tflite``), relative to the folder of the profiles file
    and with ``/`` separators, so the application-data folder can move; ``sha256`` is its hash,
    checked before it is used. ``base_*`` name the model it was adapted from, ``images`` the
    images it learnt from and ``kept_aside`` those it was scored on, ``before``/``after`` the
    scores of the base and of this model on them, ``created`` the date (ISO 8601, UTC)."""

    file: str
    sha256: str
    base_name: str = ""
    base_version: str = ""
    base_sha256: str = ""
    images: tuple[str, ...] = ()
    kept_aside: tuple[str, ...] = ()
    before: ModelScores | None = None
    after: ModelScores | None = None
    created: str = ""

    @property
    def file_name(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    def describe(self) -> str:
        """"dino-20261207.tflite, adapted from capseg_unet 2.1.0 on 2026-12-07", for the status
        bar, the profile list and the command line."""
        base = " ".join(part for part in (self.base_name, self.base_version) if part)
        if not base:  # a model kept without a fine-tuning card
            return translate("Calibration", "{file}, kept on {date}").format(file=self.file_name, date=self.created[:10] or "?")
        return translate("Calibration", "{file}, adapted from {base} on {date}").format(
            file=self.file_name, base=base, date=self.created[:10] or "?")

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "sha256": self.sha256,
            "base": {"name": self.base_name, "version": self.base_version, "sha256": self.base_sha256},
            "images": list(self.images), "kept_aside": list(self.kept_aside),
            "scores": {"before": self.before.to_dict() if self.before else None,
                       "after": self.after.to_dict() if self.after else None},
            "created": self.created,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "ProfileModel | None":
        """The record, or ``None`` for one without a file and a hash (nothing to load)."""
        if not isinstance(data, dict) or not isinstance(data.get("file"), str) or not isinstance(data.get("sha256"), str):
            return None
        if not data["file"].strip() or not data["sha256"].strip():
            return None
        base = data.get("base") if isinstance(data.get("base"), dict) else {}
        scores = data.get("scores") if isinstance(data.get("scores"), dict) else {}
        return cls(data["file"], data["sha256"].strip().lower(), str(base.get("name") or ""), str(base.get("version") or ""),
                   str(base.get("sha256") or ""), _names(data.get("images")), _names(data.get("kept_aside")),
                   ModelScores.from_dict(scores.get("before")), ModelScores.from_dict(scores.get("after")),
                   str(data.get("created") or ""))


@dataclass(frozen=True)
class Profile:
    """A microscope at one magnification: its name and µm per pixel, and the typical limb
    width of its images in pixels once learnt from them (``with_learnt_scale``): then every
    image of this microscope is brought to the model's scale with one factor instead of a
    guess per image. ``model``: the model adapted to this microscope, when it has one (used
    instead of the bundled model; see ``core.microscope_models``)."""

    name: str
    um_per_px: float
    magnification: float | None = None
    limb_width_px: float | None = None
    model: ProfileModel | None = None

    def __post_init__(self) -> None:
        if not str(self.name).strip():
            raise CalibrationError(TEXT["name"])
        if _positive(self.um_per_px) is None:
            raise CalibrationError(TEXT["scale"], detail=f"um_per_px={self.um_per_px!r}")

    def to_dict(self) -> dict[str, Any]:
        data = {"name": self.name, "um_per_px": float(self.um_per_px), "magnification": self.magnification}
        if self.limb_width_px:
            data["limb_width_px"] = round(float(self.limb_width_px), 3)
        if self.model is not None:
            data["model"] = self.model.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Profile":
        magnification = _positive(data.get("magnification"))
        return cls(str(data.get("name", "")).strip(), float(data.get("um_per_px", 0)), magnification,
                   _positive(data.get("limb_width_px")), ProfileModel.from_dict(data.get("model")))

    def with_learnt_scale(self, limb_width_px: float | None) -> "Profile":
        """This profile with the typical limb width of its images (``None``: forget it)."""
        return replace(self, limb_width_px=_positive(limb_width_px))

    def with_model(self, model: ProfileModel | None) -> "Profile":
        """This profile with its adapted model (``None``: back to the bundled model)."""
        return replace(self, model=model)

    def describe(self) -> str:
        mag = f" (×{format_float(self.magnification, 'g')})" if self.magnification else ""
        return f"{self.name}{mag}: {format_float(self.um_per_px, 'g')} µm/px"


def profiles_path() -> Path:
    """``microscopes.json`` in the application-data folder (``CAPSEG_PROFILES`` overrides it)."""
    override = os.environ.get(PROFILES_ENV)
    return Path(override) if override else app_data_dir() / "microscopes.json"


def load_profiles(path: str | Path | None = None) -> list[Profile]:
    """The saved profiles (none when the file does not exist). A damaged file or one from a
    newer version raises ``CalibrationError``; an unusable entry is skipped."""
    path = Path(path) if path is not None else profiles_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise CalibrationError(TEXT["damaged"], detail=f"{path}: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CalibrationError(TEXT["damaged"], detail=f"{path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != PROFILES_FORMAT or not isinstance(data.get("profiles"), list):
        raise CalibrationError(TEXT["damaged"], detail=f"{path}: not a {PROFILES_FORMAT} file")
    version = data.get("version")
    if isinstance(version, int) and version > PROFILES_VERSION:
        raise CalibrationError(TEXT["newer"], detail=f"{path}: version {version}")
    profiles: list[Profile] = []
    for entry in data["profiles"]:
        try:
            profiles.append(Profile.from_dict(entry))
        except (CalibrationError, TypeError, ValueError, AttributeError):
            continue
    return profiles


def save_profiles(profiles: Iterable[Profile], path: str | Path | None = None) -> Path:
    """All the profiles, written whole or not at all (replacing the file)."""
    path = Path(path) if path is not None else profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": PROFILES_FORMAT, "version": PROFILES_VERSION, "profiles": [p.to_dict() for p in profiles]}
    return write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n", overwrite=True)


def find_profile(profiles: Iterable[Profile], name: str) -> Profile | None:
    """The profile of that name (case-insensitive), or ``None``."""
    wanted = name.strip().casefold()
    return next((p for p in profiles if p.name.strip().casefold() == wanted), None)


def um_per_px_from_line(p0: tuple[float, float], p1: tuple[float, float], length_um: float) -> float:
    """The scale given by a line from ``p0`` to ``p1`` (image pixels) over ``length_um``
    micrometres. Raises ``CalibrationError`` for a line under ``MIN_LINE_PX`` pixels or a
    length that is not a positive number."""
    length = _positive(length_um)
    if length is None:
        raise CalibrationError(TEXT["length"], detail=f"length_um={length_um!r}")
    pixels = math.hypot(float(p1[0]) - float(p0[0]), float(p1[1]) - float(p0[1]))
    if not math.isfinite(pixels) or pixels < MIN_LINE_PX:
        raise CalibrationError(TEXT["degenerate"], detail=f"line of {pixels:.2f} px")
    return length / pixels


def ruler_length(p0: tuple[float, float], p1: tuple[float, float], um_per_px: float | None) -> tuple[float, float | None]:
    """A ruler line from ``p0`` to ``p1`` (image pixels): its length in pixels, and in
    micrometres at ``um_per_px`` (``None`` without a usable scale)."""
    pixels = math.hypot(float(p1[0]) - float(p0[0]), float(p1[1]) - float(p0[1]))
    scale = _positive(um_per_px) if um_per_px is not None else None
    return pixels, None if scale is None else pixels * scale


@dataclass(frozen=True)
class Calibration:
    """The scale an analysis was measured at and where it came from (``source`` is one of
    ``SOURCES``; ``profile`` names the microscope profile when there is one)."""

    um_per_px: float | None
    source: str = SOURCE_NONE
    profile: str | None = None
    #: The profile's learnt limb width (pixels): the model's scale for this microscope.
    limb_width_px: float | None = None

    @classmethod
    def from_profile(cls, profile: Profile) -> "Calibration":
        return cls(float(profile.um_per_px), SOURCE_PROFILE, profile.name, _positive(profile.limb_width_px))

    @classmethod
    def entered(cls, um_per_px: float | None) -> "Calibration":
        """A typed number (or none)."""
        scale = _positive(um_per_px)
        return cls(scale, SOURCE_ENTERED) if scale is not None else NO_CALIBRATION

    @property
    def measuring_um_per_px(self) -> float | None:
        """The scale that measurements may use: ``None`` without one and for an estimate."""
        if self.source in (SOURCE_NONE, SOURCE_ESTIMATE):
            return None
        return _positive(self.um_per_px)

    @property
    def calibrated(self) -> bool:
        return self.measuring_um_per_px is not None

    def to_dict(self) -> dict[str, Any]:
        data = {"um_per_px": _positive(self.um_per_px), "source": self.source, "profile": self.profile}
        if self.limb_width_px:
            data["limb_width_px"] = round(float(self.limb_width_px), 3)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Calibration":
        if not isinstance(data, dict):
            return NO_CALIBRATION
        source = data.get("source") if data.get("source") in SOURCES else SOURCE_NONE
        profile = data.get("profile")
        return cls(_positive(data.get("um_per_px")), source, str(profile) if profile else None,
                   _positive(data.get("limb_width_px")))

    def describe(self) -> str:
        """"scale 1.2 µm/px (profile Dino x200)", "scale 0.8 µm/px (calibrated line)", or what
        is missing."""
        if self.source == SOURCE_ESTIMATE:
            return TEXT["estimate"]
        scale = self.measuring_um_per_px
        if scale is None:
            return TEXT["no_scale"]
        number = format_float(scale, "g")
        if self.source == SOURCE_PROFILE and self.profile:
            return translate("Calibration", "scale {scale} µm/px (profile {profile})").format(scale=number, profile=self.profile)
        sentences = {
            SOURCE_PROFILE: translate("Calibration", "scale {scale} µm/px (profile)"),
            SOURCE_CALIBRATED: translate("Calibration", "scale {scale} µm/px (calibrated line)"),
            SOURCE_IMAGE: translate("Calibration", "scale {scale} µm/px (set for this image)"),
            SOURCE_ENTERED: translate("Calibration", "scale {scale} µm/px (typed)"),
        }
        sentence = sentences.get(self.source) or translate("Calibration", "scale {scale} µm/px ({source})")
        return sentence.format(scale=number, source=self.source)


NO_CALIBRATION = Calibration(None, SOURCE_NONE)
