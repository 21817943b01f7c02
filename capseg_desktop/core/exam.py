"""The patient exam: fingers 2 to 5 of both hands, each holding one or more images, and the
figures a rheumatologist reports per finger and for the patient.

* An exam is saved as one JSON file (``NAME.capseg-exam.json``, format ``capseg-exam`` version 1),
  written atomically. Images are referenced by paths relative to the exam file's folder (with
  ``/`` separators), so a folder holding the exam and its images can be moved or copied whole;
  an image on another drive (Windows) keeps its absolute path.
* Only a pseudonym identifies the patient: no name, birth date or other personal data is asked.
* ``summarise_exam`` turns the analyses of the exam's images into per-finger and patient figures;
  ``exam_csv`` writes them as one row per image, one per finger and one for the patient.

Figures (the EULAR Study Group's standardised evaluation: density of the distal row per mm,
dilated and giant loops):

* an image is *used* unless it was excluded by hand (with a reason), could not be analysed, or is
  not assigned to a finger;
* a finger's density is the mean of the distal-row densities (loops per mm) of its used images
  that have one (an image without a scale has none: it is "not assessed", never guessed);
* a finger's dilated and giant loops are the sums over its used images;
* the patient's density is the mean over the fingers that have a density; dilated and giant are
  the totals over the fingers; "any giant" says whether at least one giant loop was found;
* a density below ``REDUCED_DENSITY_PER_MM`` (7 per mm) is "reduced", else "normal";
* the loops' shapes (``core.shape``) are counted per image, summed per finger and for the
  patient; a finger and the patient get the EULAR fast track pattern (``core.fasttrack``) from
  these figures: scleroderma pattern, non-scleroderma pattern or not assessable, with its steps.

No Qt here (``core`` never imports it): the window and the command line both call this module.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date as _date
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from .. import __version__
from .atomic import write_text_atomic
from .calibration import SOURCE_PROFILE
from .errors import CapSegError
from .fasttrack import FastTrack, fast_track, patient_fast_track
from .measure import REDUCED_DENSITY_PER_MM as REDUCED_DENSITY_PER_MM
from .measure import density_flag as measure_density_flag
from .result import AnalysisResult, finite_or_none, local_now_iso
from .shape import ABNORMAL_SHAPES, NOT_ASSESSABLE, SHAPES
from .texts import QT_TRANSLATE_NOOP, Plurals, Sentences, counted

#: This module's sentences with a count (see ``core.texts.Plurals``).
ExamFigures = Plurals("ExamFigures")

if TYPE_CHECKING:
    from .calibration import Calibration
    from .counting import CountingParams
    from .pipeline import Analysis, Analyzer

FORMAT = "capseg-exam"
FORMAT_VERSION = 1
#: What an exam file is called: ``anything.capseg-exam.json``.
EXAM_SUFFIX = ".capseg-exam.json"
#: Fingers 2 to 5 of the left (L) and right (R) hand; thumbs are not examined.
FINGERS = ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")

# Image and finger statuses.
USED = "used"
EXCLUDED = "excluded"
#: A finger's status (``FingerSummary.status``) besides ``used`` and ``excluded``.
NOT_USED, NOT_EXAMINED = "not used", "not examined"
FAILED = "failed"
NOT_ANALYSED = "not analysed"
UNASSIGNED = "no finger"
# Density flags.
NORMAL = "normal"
REDUCED = "reduced"

#: Every sentence of this module, in one place, looked up in the user's language (issue 13).
TEXT = Sentences(
    "Exam",
    {
        "missing": QT_TRANSLATE_NOOP("Exam", 'The exam file "{name}" does not exist.'),
        "unreadable": QT_TRANSLATE_NOOP("Exam", 'The exam file "{name}" cannot be read.'),
        "not_json": QT_TRANSLATE_NOOP("Exam", 'The file "{name}" is not a CapSeg exam (it is not JSON text).'),
        "not_exam": QT_TRANSLATE_NOOP("Exam", 'The file "{name}" is not a CapSeg exam.'),
        "newer": QT_TRANSLATE_NOOP(
            "Exam", 'The exam file "{name}" was written by a newer CapSeg (format version {version}); update CapSeg to open it.'
        ),
        "damaged": QT_TRANSLATE_NOOP("Exam", 'The exam file "{name}" is damaged: {what}.'),
        "bad_finger": QT_TRANSLATE_NOOP("Exam", 'finger "{finger}" is not one of L2, L3, L4, L5, R2, R3, R4, R5'),
        "unknown_finger": QT_TRANSLATE_NOOP("Exam", 'The finger "{finger}" is not one of L2, L3, L4, L5, R2, R3, R4, R5.'),
        "bad_date": QT_TRANSLATE_NOOP("Exam", 'The date "{date}" is not a date written as YYYY-MM-DD.'),
        "bad_scale": QT_TRANSLATE_NOOP("Exam", "The scale must be a number of micrometres per pixel above 0."),
        "no_result": QT_TRANSLATE_NOOP("Exam", "not analysed yet"),
        "no_finger": QT_TRANSLATE_NOOP("Exam", "not assigned to a finger"),
        "no_scale": QT_TRANSLATE_NOOP("Exam", "not assessed (no scale)"),
        "no_version": QT_TRANSLATE_NOOP("Exam", "its format version is missing"),
        "not_text": QT_TRANSLATE_NOOP("Exam", '"{key}" is not text'),
        "bad_um_per_px": QT_TRANSLATE_NOOP("Exam", '"um_per_px" is not a number above 0'),
        "images_not_list": QT_TRANSLATE_NOOP("Exam", '"images" is not a list'),
        "no_path": QT_TRANSLATE_NOOP("Exam", "image {index} has no path"),
        "reason_not_text": QT_TRANSLATE_NOOP("Exam", "the reason for excluding image {index} is not text"),
        "bad_exam_date": QT_TRANSLATE_NOOP("Exam", 'its date "{date}" is not written as YYYY-MM-DD'),
        "bad_signature_date": QT_TRANSLATE_NOOP("Exam", 'its signature date "{date}" is not written as YYYY-MM-DD'),
    },
)
assert ", ".join(FINGERS) in TEXT.english("unknown_finger")


class ExamError(CapSegError):
    """An exam file cannot be read or written, or an exam's field is not valid; ``str(error)``
    is one plain sentence."""


# Fingers from file names ---------------------------------------------------------------------
# "L2.png", "L2A.png", "r5b.jpg", "L2_2.tif", "L2-index.png", "L 2 A.png": the hand, the finger
# 2-5, optionally one letter (the image of that finger) and anything after a separator.
_FINGER_NAME = re.compile(r"^([LR])[ _-]?([2-5])(?:[ _-]?[A-Z])?(?:[ _.-].*)?$", re.IGNORECASE)


def finger_from_name(name: str | os.PathLike[str]) -> str | None:
    """The finger a file name states ("R5B.jpg" -> "R5"), or ``None`` when it states none
    ("L1.png": thumbs are not examined; "L20.png", "left.png": no finger)."""
    stem = Path(name).stem if not isinstance(name, str) else PurePosixPath(name.replace("\\", "/")).stem
    match = _FINGER_NAME.match(stem.strip())
    if match is None:
        return None
    return f"{match.group(1).upper()}{match.group(2)}"


def check_finger(finger: str | None) -> str | None:
    """``finger`` if it is one of ``FINGERS`` or ``None``; ``ExamError`` otherwise."""
    if finger is None or finger in FINGERS:
        return finger
    raise ExamError(TEXT["unknown_finger"].format(finger=finger))


def check_date(text: str) -> str:
    """``text`` if it is a date written YYYY-MM-DD, else ``ExamError``."""
    try:
        _date.fromisoformat(str(text))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(text)):
            raise ValueError(text)
    except ValueError:
        raise ExamError(TEXT["bad_date"].format(date=text)) from None
    return str(text)


def today() -> str:
    return _date.today().isoformat()


# The exam --------------------------------------------------------------------------------------
@dataclass
class ExamImage:
    """One image of the exam. ``path_rel``: relative to the exam's folder with ``/`` separators
    (absolute before the exam has a folder, or for an image on another drive). ``finger``: one
    of ``FINGERS`` or ``None`` (not assigned). ``excluded_reason``: why the user left it out
    ("blurred", "wrong finger"...), ``None`` when it is used."""

    path_rel: str
    finger: str | None = None
    excluded_reason: str | None = None

    @property
    def excluded(self) -> bool:
        return self.excluded_reason is not None

    @property
    def file_name(self) -> str:
        return self.path_rel.replace("\\", "/").rsplit("/", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path_rel, "finger": self.finger, "excluded_reason": self.excluded_reason}


@dataclass
class Exam:
    """A patient's exam. ``base_dir`` (not saved) is the folder relative image paths start
    from: the exam file's folder once saved or loaded, ``None`` for a new exam whose images
    still have absolute paths."""

    patient_id: str = ""
    date: str = field(default_factory=today)
    operator: str = ""
    profile: str | None = None
    um_per_px: float | None = None
    images: list[ExamImage] = field(default_factory=list)
    created: str = field(default_factory=local_now_iso)
    app_version: str = __version__
    base_dir: Path | None = field(default=None, compare=False)
    # ``app_version``: the CapSeg that last wrote the exam file (saving writes the running one).
    #: The clinician's conclusion and signature (name, date YYYY-MM-DD), printed at the end of
    #: the report; "" when not given (and absent from files written before they existed).
    conclusion: str = ""
    signed_by: str = ""
    signed_on: str = ""

    # Images ------------------------------------------------------------------------------------
    def path_of(self, image: ExamImage) -> Path:
        """The image's path on this computer (absolute when the exam has a folder). This is the
        key ``summarise_exam`` looks results up by."""
        rel = image.path_rel
        if _is_absolute(rel) or self.base_dir is None:
            return Path(rel)
        return Path(os.path.normpath(Path(self.base_dir) / Path(*PurePosixPath(rel).parts)))

    def image_paths(self) -> list[Path]:
        return [self.path_of(image) for image in self.images]

    def find(self, path: str | os.PathLike[str]) -> ExamImage | None:
        """The exam's image at ``path``, if any."""
        key = path_key(path)
        for image in self.images:
            if path_key(self.path_of(image)) == key:
                return image
        return None

    def add_image(self, path: str | os.PathLike[str], finger: str | None = None, from_name: bool = True) -> ExamImage:
        """Add an image (or return the one already at ``path``, with its finger set when
        ``finger`` is given). Without ``finger``, the file name's finger when ``from_name``."""
        check_finger(finger)
        existing = self.find(path)
        if finger is None and from_name:
            finger = finger_from_name(Path(path).name)
        if existing is not None:
            if finger is not None:
                existing.finger = finger
            return existing
        image = ExamImage(self._rel(Path(path)), finger)
        self.images.append(image)
        return image

    def remove_image(self, image: ExamImage) -> None:
        self.images = [i for i in self.images if i is not image]

    def images_of(self, finger: str | None) -> list[ExamImage]:
        """The images of ``finger`` (``None``: those not assigned), in the exam's order."""
        return [image for image in self.images if image.finger == finger]

    def set_excluded(self, image: ExamImage, reason: str | None) -> None:
        """Exclude ``image`` with ``reason`` (a non-empty sentence), or use it again (``None``)."""
        reason = None if reason is None else (reason.strip() or "excluded by the operator")
        image.excluded_reason = reason

    def _rel(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        if self.base_dir is None:
            return absolute.as_posix() if os.sep == "/" else str(absolute)
        return _relative(absolute, Path(self.base_dir))

    def rebased(self, folder: str | os.PathLike[str]) -> "Exam":
        """The same exam with its image paths relative to ``folder`` (where it is saved)."""
        folder = Path(os.path.abspath(folder))
        images = [replace(image, path_rel=_relative(Path(os.path.abspath(self.path_of(image))), folder)) for image in self.images]
        return replace(self, images=images, base_dir=folder)

    # File ----------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "patient_id": self.patient_id,
            "date": self.date,
            "operator": self.operator,
            "microscope_profile": self.profile,
            "um_per_px": finite_or_none(self.um_per_px),
            "images": [image.to_dict() for image in self.images],
            "conclusion": self.conclusion,
            "signed_by": self.signed_by,
            "signed_on": self.signed_on,
            "created": self.created,
            "app": f"CapSeg Desktop {__version__}",  # the version that wrote the file
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    @classmethod
    def from_dict(cls, data: Any, name: str = "exam") -> "Exam":
        """An exam from its JSON data; ``ExamError`` (naming ``name``) when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ExamError(TEXT["not_exam"].format(name=name))
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ExamError(TEXT["damaged"].format(name=name, what=TEXT["no_version"]))
        if version > FORMAT_VERSION:
            raise ExamError(TEXT["newer"].format(name=name, version=version))

        def damaged(what: str) -> ExamError:
            return ExamError(TEXT["damaged"].format(name=name, what=what))

        def text(key: str, default: str = "") -> str:
            value = data.get(key, default)
            if value is None:
                return default
            if not isinstance(value, str):
                raise damaged(TEXT["not_text"].format(key=key))
            return value

        profile = data.get("microscope_profile")
        if profile is not None and not isinstance(profile, str):
            raise damaged(TEXT["not_text"].format(key="microscope_profile"))
        scale = data.get("um_per_px")
        if scale is not None:
            if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not math.isfinite(scale) or scale <= 0:
                raise damaged(TEXT["bad_um_per_px"])
            scale = float(scale)
        raw_images = data.get("images", [])
        if not isinstance(raw_images, list):
            raise damaged(TEXT["images_not_list"])
        images = []
        for index, item in enumerate(raw_images, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"]:
                raise damaged(TEXT["no_path"].format(index=index))
            finger = item.get("finger")
            if finger is not None and finger not in FINGERS:
                raise damaged(TEXT["bad_finger"].format(finger=finger))
            reason = item.get("excluded_reason")
            if reason is not None and not isinstance(reason, str):
                raise damaged(TEXT["reason_not_text"].format(index=index))
            images.append(ExamImage(item["path"], finger, reason))
        exam_date = text("date")
        try:
            check_date(exam_date)
        except ExamError:
            raise damaged(TEXT["bad_exam_date"].format(date=exam_date)) from None
        app = text("app")
        signed_on = text("signed_on")
        if signed_on:
            try:
                check_date(signed_on)
            except ExamError:
                raise damaged(TEXT["bad_signature_date"].format(date=signed_on)) from None
        return cls(
            patient_id=text("patient_id"), date=exam_date, operator=text("operator"), profile=profile,
            um_per_px=scale, images=images, created=text("created"),
            app_version=app.removeprefix("CapSeg Desktop ").strip() or "unknown",
            conclusion=text("conclusion"), signed_by=text("signed_by"), signed_on=signed_on,
        )


def _is_absolute(rel: str) -> bool:
    return PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute()


def path_key(path: str | os.PathLike[str]) -> str:
    """How an image's path is compared: absolute, normalised, in the file system's case."""
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def keyed_by_path(mapping: Mapping[Any, Any] | None) -> dict[str, Any]:
    """``mapping`` (path -> value) with its paths as ``path_key`` gives them."""
    return {path_key(path): value for path, value in (mapping or {}).items()}


def _relative(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` with ``/`` separators; absolute when there is no relative
    path (another drive on Windows)."""
    try:
        rel = os.path.relpath(path, folder)
    except ValueError:
        return str(path)
    return PurePosixPath(*Path(rel).parts).as_posix()


def exam_from_folder(folder: str | os.PathLike[str], images: Iterable[str | os.PathLike[str]] | None = None, **fields: Any) -> Exam:
    """A new exam whose folder is ``folder``, with ``images`` (default: the images directly in
    the folder) assigned to fingers by their file names. ``fields``: patient_id, date..."""
    from .imageio import list_images

    folder = Path(os.path.abspath(folder))
    exam = Exam(base_dir=folder, **fields)
    for path in (list_images(folder) if images is None else images):
        exam.add_image(path)
    return exam


def save_exam(exam: Exam, path: str | os.PathLike[str], overwrite: bool = True) -> Path:
    """Write ``exam`` to ``path`` atomically (whole or not at all), its image paths made relative
    to ``path``'s folder. Returns the path; ``ExportError`` when it cannot be written,
    ``ExamError`` (nothing written) for a date not written YYYY-MM-DD or an unknown finger. The
    caller's ``exam`` is not changed: ``load_exam`` (or ``exam.rebased``) gives the saved one."""
    path = Path(path)
    check_date(exam.date)
    for image in exam.images:
        check_finger(image.finger)
    saved = exam.rebased(path.parent)
    return write_text_atomic(path, saved.to_json(), overwrite=overwrite)


def load_exam(path: str | os.PathLike[str]) -> Exam:
    """The exam saved at ``path``, its ``base_dir`` set to the file's folder; ``ExamError`` with
    one plain sentence when the file is missing, unreadable, not an exam, damaged or newer."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ExamError(TEXT["missing"].format(name=name), repr(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ExamError(TEXT["unreadable"].format(name=name), repr(exc)) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ExamError(TEXT["not_json"].format(name=name), repr(exc)) from exc
    exam = Exam.from_dict(data, name)
    exam.base_dir = Path(os.path.abspath(path.parent))
    return exam


# Analyses ----------------------------------------------------------------------------------------
def exam_calibration(exam: Exam, profiles_file: str | os.PathLike[str] | None = None) -> "Calibration":
    """The exam's scale as a calibration: its microscope profile's (with the limb width the
    profile learnt from its images, when the profile is still saved and has one: then every
    image of the exam is brought to the model's scale with that one factor), else a number
    entered."""
    from .calibration import NO_CALIBRATION, Calibration

    scale = finite_or_none(exam.um_per_px)
    if scale is None or scale <= 0:
        return NO_CALIBRATION
    if exam.profile:
        return Calibration(scale, SOURCE_PROFILE, exam.profile, _learnt_limb_width(exam.profile, profiles_file))
    return Calibration.entered(scale)


def _learnt_limb_width(profile_name: str, profiles_file: str | os.PathLike[str] | None) -> float | None:
    from .calibration import CalibrationError, load_profiles

    try:
        profiles = load_profiles(profiles_file)
    except CalibrationError:  # a damaged profiles file: the exam keeps its µm per pixel, images their own scale
        return None
    wanted = profile_name.strip().casefold()
    return next((p.limb_width_px for p in profiles if p.name.strip().casefold() == wanted), None)


def analyze_exam_image(
    analyzer: "Analyzer",
    path: str | os.PathLike[str],
    calibration: "Calibration | None" = None,
    params: "CountingParams | None" = None,
    should_cancel: "Callable[[], bool] | None" = None,
    corrections_dir: str | os.PathLike[str] | None = None,
) -> "Analysis":
    """One image of an exam, as the exam's figures use it: counted as its saved corrections say
    where there are some (``core.batch.analyze_with_corrections``), measured at the exam's scale
    (``calibration``), with the plausibility warnings. ``corrections_dir``: where corrections of
    images in read-only folders are kept (default: the application-data folder's, as the window
    saves them). Raises what the analysis raises."""
    from .batch import analyze_with_corrections, with_warnings
    from .corrections import default_fallback_dir
    from .pipeline import micrometre_warnings

    scale = calibration.measuring_um_per_px if calibration is not None else None
    folder = Path(corrections_dir) if corrections_dir else default_fallback_dir()
    analysis = analyze_with_corrections(analyzer, Path(path), params, scale, should_cancel, folder, calibration=calibration)
    if calibration is not None:
        result = analysis.result
        if result.um_per_px == scale:
            analysis = replace(analysis, result=replace(result, calibration=calibration))
        else:  # corrections saved at another scale (or none): measured at the exam's, their sentences kept
            old = set(analysis.base_warnings) | set(micrometre_warnings(result.scale, result.um_per_px))
            kept = [w for w in result.warnings if w not in old]
            analysis = with_warnings(analysis.with_calibration(calibration), kept)
    return analysis


# Figures ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImageSummary:
    """One image's figures. ``status``: used, excluded, failed, not analysed or no finger;
    ``reason``: the sentence for all but used. Figures are ``None`` when not known."""

    path: Path
    file_name: str
    finger: str | None
    status: str
    reason: str = ""
    count: int | None = None
    model_count: int | None = None
    edited: bool = False
    density_per_mm: float | None = None
    density_flag: str = ""
    distal: int | None = None
    dilated: int | None = None
    giant: int | None = None
    um_per_px: float | None = None
    scale_source: str = ""
    warnings: tuple[str, ...] = ()
    #: Shape label (``core.shape.SHAPES``) -> loops; ``None`` when not known.
    shapes: dict[str, int] | None = None
    #: Haemorrhages (``core.haemorrhage``); ``None`` when not looked for.
    haemorrhages: int | None = None
    #: The model that counted it (file name, sha256): a microscope profile's own or the bundled one.
    model: str = ""
    model_sha256: str = ""

    @property
    def used(self) -> bool:
        return self.status == USED


@dataclass(frozen=True)
class FingerSummary:
    finger: str
    images: tuple[ImageSummary, ...]
    density_per_mm: float | None
    density_flag: str
    dilated: int
    giant: int
    #: Whether dilated and giant loops could be judged on at least one used image (a scale).
    assessed: bool
    #: Shape label -> loops over the used images (every label, 0 when none).
    shapes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHAPES, 0))
    #: The EULAR fast track pattern on the finger's figures (``None``: no image used).
    fast_track: FastTrack | None = None
    #: Haemorrhages over the used images (``None``: looked for on none of them).
    haemorrhages: int | None = None

    @property
    def abnormal_shapes(self) -> int | None:
        """Abnormal (ramified) loops; ``None`` when no loop's shape could be assessed."""
        return abnormal_count(self.shapes)

    @property
    def used(self) -> tuple[ImageSummary, ...]:
        return tuple(i for i in self.images if i.used)

    @property
    def not_used(self) -> tuple[ImageSummary, ...]:
        """Excluded, failed or not analysed images, each with its reason."""
        return tuple(i for i in self.images if not i.used)

    @property
    def examined(self) -> bool:
        return bool(self.used)

    @property
    def status(self) -> str:
        """What became of the finger: ``used``; ``excluded`` (it had images and every one was
        excluded by hand: "not examined" said the opposite of what happened); ``not used`` (it
        has images, none counted: failed or not analysed); ``not examined`` (no image)."""
        if self.used:
            return USED
        if not self.images:
            return NOT_EXAMINED
        return EXCLUDED if all(i.status == EXCLUDED for i in self.images) else NOT_USED


@dataclass(frozen=True)
class PatientSummary:
    density_per_mm: float | None
    density_flag: str
    fingers_with_density: int
    dilated: int
    giant: int
    any_giant: bool
    images_used: int
    images_not_used: int
    #: Fingers whose density is reduced, in ``FINGERS`` order.
    reduced_fingers: tuple[str, ...] = ()
    #: Whether any image used was measured at a scale: without one, no loop can be called
    #: dilated or giant, and "0 giant" would be a claim nobody checked.
    assessed: bool = False
    #: Shape label -> loops over the fingers.
    shapes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHAPES, 0))
    #: The EULAR fast track pattern of the patient (from the fingers', ``core.fasttrack``).
    fast_track: FastTrack | None = None
    #: Haemorrhages over the fingers (``None``: looked for on no image used).
    haemorrhages: int | None = None


@dataclass(frozen=True)
class ExamSummary:
    exam: Exam
    fingers: tuple[FingerSummary, ...]
    patient: PatientSummary
    #: Images not assigned to a finger (not counted anywhere).
    unassigned: tuple[ImageSummary, ...] = ()

    def finger(self, name: str) -> FingerSummary:
        return next(f for f in self.fingers if f.finger == name)

    @property
    def images(self) -> tuple[ImageSummary, ...]:
        return tuple(i for f in self.fingers for i in f.images) + self.unassigned


def density_flag(density: float | None) -> str:
    """"reduced" below ``REDUCED_DENSITY_PER_MM`` (``core.measure``: 7 per mm), "normal"
    otherwise, "" without a density."""
    return measure_density_flag(density)


def abnormal_count(shapes: Mapping[str, int] | None) -> int | None:
    """The abnormal shapes (``core.shape.ABNORMAL_SHAPES``) among ``shapes``; ``None`` when no
    loop's shape was assessed (none, or all not assessable)."""
    if not shapes or not any(n for label, n in shapes.items() if label != NOT_ASSESSABLE):
        return None
    return sum(shapes.get(label, 0) for label in ABNORMAL_SHAPES)


def _sum_shapes(counts: Iterable[Mapping[str, int] | None]) -> dict[str, int]:
    total = dict.fromkeys(SHAPES, 0)
    for shapes in counts:
        for label, n in (shapes or {}).items():
            total[label] = total.get(label, 0) + int(n)
    return total


def result_figures(result: AnalysisResult) -> dict[str, Any]:
    """The clinical figures of one result: distal-row density per mm and its flag (``None`` and
    "" without a scale), the number of distal loops, the dilated and giant loops (``None`` when
    they could not be judged: no scale), the scale and where it came from."""
    scale = result.measuring_um_per_px
    return {
        "density_per_mm": finite_or_none(result.distal_density_per_mm),
        "density_flag": result.density_flag,
        "distal": result.distal_count,
        "dilated": None if scale is None else result.dilated_count,
        "giant": None if scale is None else result.giant_count,
        "um_per_px": scale,
        "scale_source": scale_source_text(result.calibration_used) if scale is not None else "",
        "shapes": result.shape_counts() if any(m.shape for m in getattr(result, "measures", ())) else None,
        "haemorrhages": getattr(result, "haemorrhage_count", None),
    }


def scale_source_text(calibration: Any) -> str:
    """Where a scale came from, in a few words: "profile Dino-Lite 200x", "calibrated line"..."""
    if calibration is None:
        return ""
    if calibration.source == SOURCE_PROFILE and calibration.profile:
        return f"{calibration.source} {calibration.profile}"
    return str(calibration.source)


def _lookup(results: Mapping[Any, Any], path: Path) -> Any:
    return results.get(path_key(path))


def _image_summary(exam: Exam, image: ExamImage, results: Mapping[str, AnalysisResult], failures: Mapping[str, str]) -> ImageSummary:
    path = exam.path_of(image)
    base = {"path": path, "file_name": image.file_name, "finger": image.finger}
    result = _lookup(results, path)
    figures: dict[str, Any] = {}
    if result is not None:
        figures = result_figures(result)
        model = getattr(result, "model", None)  # a summary of stand-in results (tests) names none
        figures.update(count=result.count, model_count=result.model_count_or_count, edited=result.edited,
                       warnings=tuple(result.warnings), model=getattr(model, "name", ""), model_sha256=getattr(model, "sha256", ""))
    if image.excluded:
        return ImageSummary(**base, status=EXCLUDED, reason=image.excluded_reason or "", **figures)
    if image.finger is None:
        return ImageSummary(**base, status=UNASSIGNED, reason=TEXT["no_finger"], **figures)
    if result is None:
        failure = _lookup(failures, path)
        if failure is not None:
            return ImageSummary(**base, status=FAILED, reason=failure)
        return ImageSummary(**base, status=NOT_ANALYSED, reason=TEXT["no_result"])
    return ImageSummary(**base, status=USED, **figures)


def _mean(values: Sequence[float]) -> float | None:
    return finite_or_none(sum(values) / len(values)) if values else None


def _total(values: Iterable[int | None]) -> int | None:
    """The sum of the counts that are known; ``None`` when none is."""
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def summarise_exam(
    exam: Exam,
    results: Mapping[Any, AnalysisResult],
    failures: Mapping[Any, str] | None = None,
) -> ExamSummary:
    """Per-finger and patient figures (see the module's docstring for the definitions).

    ``results``: image path (as ``exam.path_of`` gives it, str or Path) -> its result, the
    hand-corrected one where there is one (``core.batch.analyze_with_corrections``).
    ``failures``: image path -> the sentence saying why it could not be analysed."""
    keyed = keyed_by_path(results)
    failed = {path_key(path): str(why) for path, why in (failures or {}).items()}
    fingers = []
    for name in FINGERS:
        images = tuple(_image_summary(exam, image, keyed, failed) for image in exam.images_of(name))
        used = [i for i in images if i.used]
        densities = [i.density_per_mm for i in used if i.density_per_mm is not None]
        density = _mean(densities)
        assessed = any(i.dilated is not None for i in used)
        giant = sum(i.giant or 0 for i in used)
        shapes = _sum_shapes(i.shapes for i in used)
        haemorrhages = _total(i.haemorrhages for i in used)
        fingers.append(FingerSummary(
            finger=name, images=images, density_per_mm=density, density_flag=density_flag(density),
            dilated=sum(i.dilated or 0 for i in used), giant=giant, assessed=assessed, shapes=shapes,
            fast_track=fast_track(density, giant if assessed else None, abnormal_count(shapes), haemorrhages) if used else None,
            haemorrhages=haemorrhages,
        ))
    unassigned = tuple(_image_summary(exam, image, keyed, failed) for image in exam.images_of(None))
    with_density = [f for f in fingers if f.density_per_mm is not None]
    density = _mean([f.density_per_mm for f in with_density if f.density_per_mm is not None])
    giant = sum(f.giant for f in fingers)
    all_images = [i for f in fingers for i in f.images] + list(unassigned)
    haemorrhages = _total(f.haemorrhages for f in fingers)
    patient = PatientSummary(
        density_per_mm=density, density_flag=density_flag(density), fingers_with_density=len(with_density),
        dilated=sum(f.dilated for f in fingers), giant=giant, any_giant=giant > 0,
        images_used=sum(1 for i in all_images if i.used), images_not_used=sum(1 for i in all_images if not i.used),
        reduced_fingers=tuple(f.finger for f in fingers if f.density_flag == REDUCED),
        assessed=any(f.assessed for f in fingers),
        shapes=_sum_shapes(f.shapes for f in fingers),
        fast_track=patient_fast_track([(f.finger, f.fast_track) for f in fingers], haemorrhages),
        haemorrhages=haemorrhages,
    )
    return ExamSummary(exam=exam, fingers=tuple(fingers), patient=patient, unassigned=unassigned)


# CSV --------------------------------------------------------------------------------------------------
EXAM_CSV_FIELDS = (
    "level", "finger", "file", "status", "reason", "count", "model_count", "edited", "distal_loops",
    "distal_density_per_mm", "density_flag", "dilated", "giant", "tortuous", "crossing", "ramified",
    "shape_not_assessable", "haemorrhages", "fast_track_pattern", "fast_track_steps", "images_used", "images_not_used",
    "um_per_px", "scale_source", "patient_id", "date", "model", "model_sha256",
)


def csv_cell(value: Any, digits: int | None = None) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if digits is not None and isinstance(value, float):
        return f"{value:.{digits}f}"
    return value


def exam_csv(summary: ExamSummary, extra_fields: Sequence[str] = (), extra_rows: Sequence[Mapping[str, Any]] = ()) -> str:
    """The exam as a table: one row per image (level "image"), one per finger ("finger") and
    one for the patient ("patient"), under a plain header row. File names only, no folders.
    ``extra_fields`` and ``extra_rows``: columns and rows added after these (a follow-up
    comparison's, ``core.followup.exam_csv_compared``)."""
    exam = summary.exam
    common = {"patient_id": exam.patient_id, "date": exam.date}
    rows: list[dict[str, Any]] = []
    for finger in summary.fingers:
        for image in finger.images:
            rows.append(_image_row(image, common))
        rows.append({
            **common, "level": "finger", "finger": finger.finger,
            "distal_density_per_mm": csv_cell(finger.density_per_mm, 2), "density_flag": finger.density_flag,
            "dilated": finger.dilated if finger.assessed else "", "giant": finger.giant if finger.assessed else "",
            "images_used": len(finger.used), "images_not_used": len(finger.not_used),
            "status": finger.status, **_shape_cells(finger.shapes if finger.used else None), **_fast_track_cells(finger.fast_track),
            "haemorrhages": csv_cell(finger.haemorrhages),
        })
    for image in summary.unassigned:
        rows.append(_image_row(image, common))
    patient = summary.patient
    rows.append({
        **common, "level": "patient", "distal_density_per_mm": csv_cell(patient.density_per_mm, 2),
        "density_flag": patient.density_flag,
        "dilated": patient.dilated if patient.assessed else "", "giant": patient.giant if patient.assessed else "",  # blank: not assessed
        "images_used": patient.images_used, "images_not_used": patient.images_not_used,
        "reason": counted(ExamFigures.tr("mean over %n finger(s) with a density", "", patient.fingers_with_density), patient.fingers_with_density),
        "um_per_px": csv_cell(exam.um_per_px), "scale_source": exam.profile or "",
        **_shape_cells(patient.shapes), **_fast_track_cells(patient.fast_track), "haemorrhages": csv_cell(patient.haemorrhages),
    })
    rows.extend(dict(row) for row in extra_rows)
    fields = (*EXAM_CSV_FIELDS, *extra_fields)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: row.get(key, "") for key in fields})
    return buffer.getvalue()


def _shape_cells(shapes: Mapping[str, int] | None) -> dict[str, Any]:
    """The CSV's shape columns (blank when not known)."""
    shapes = shapes or {}
    return {"tortuous": csv_cell(shapes.get("tortuous")), "crossing": csv_cell(shapes.get("crossing")),
            "ramified": csv_cell(shapes.get("ramified")), "shape_not_assessable": csv_cell(shapes.get(NOT_ASSESSABLE))}


def _fast_track_cells(found: FastTrack | None) -> dict[str, Any]:
    """The CSV's fast track columns, in English like every machine word of the CSV."""
    if found is None:
        return {}
    return {"fast_track_pattern": found.pattern, "fast_track_steps": " | ".join(found.step_texts(english=True))}


def _image_row(image: ImageSummary, common: dict[str, Any]) -> dict[str, Any]:
    return {
        **common, "level": "image", "finger": image.finger or "", "file": image.file_name, "status": image.status,
        "reason": image.reason or ("; ".join(image.warnings) if image.warnings else ""),
        "count": csv_cell(image.count), "model_count": csv_cell(image.model_count),
        "edited": csv_cell(image.edited) if image.count is not None else "",
        "distal_loops": csv_cell(image.distal), "distal_density_per_mm": csv_cell(image.density_per_mm, 2),
        "density_flag": image.density_flag, "dilated": csv_cell(image.dilated), "giant": csv_cell(image.giant),
        "um_per_px": csv_cell(image.um_per_px), "scale_source": image.scale_source, **_shape_cells(image.shapes),
        "haemorrhages": csv_cell(image.haemorrhages), "model": image.model, "model_sha256": image.model_sha256,
    }
