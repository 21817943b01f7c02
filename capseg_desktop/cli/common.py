"""What the commands of ``capseg`` share: the log, the argument types, the progress line,
the model to analyse with and where hand corrections are kept."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import math
from pathlib import Path
from typing import Any, TextIO

from ..core.errors import CapSegError
from ..core.i18n import translate
from ..core.paths import default_model_path, log_dir
from ..core.texts import Plurals

#: This module's sentences with a count (see ``core.texts.Plurals``).
CLI = Plurals("CLI")

log = logging.getLogger("capseg_desktop.cli")

LOG_FILE_NAME = "capseg.log"
#: Micrometres per pixel a microscope image can plausibly have: 0.01 um/px (a 100x objective
#: on a fine sensor) to 1000 um/px (a whole finger in a few pixels). Outside is a typo, and a
#: value like 1e-308 would make the density infinite.
MIN_UM_PER_PX = 1e-3
MAX_UM_PER_PX = 1e4


def number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError("must be a number (not nan or inf)")
    return value


def positive_float(text: str) -> float:
    value = number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a number greater than 0")
    return value


def scale_arg(text: str) -> float:
    value = positive_float(text)
    if not MIN_UM_PER_PX <= value <= MAX_UM_PER_PX:
        raise argparse.ArgumentTypeError(
            f"must be a number of micrometres per pixel between {MIN_UM_PER_PX:g} and "
            f"{MAX_UM_PER_PX:g}, from the microscope's calibration"
        )
    return value


def non_negative_float(text: str) -> float:
    value = number(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be a number, 0 or more")
    return value


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def probability(text: str) -> float:
    value = number(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def configure_logging() -> Path | None:
    """Log records (tracebacks, decoders' and TensorFlow's messages) go to a file in the
    application-data folder, never to the terminal; returns its path, or ``None`` when that
    folder cannot be written (the records are then dropped, the sentences still shown)."""
    root = logging.getLogger("capseg_desktop")
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "_capseg_cli", False)]:
        root.removeHandler(old)
        old.close()
    path: Path | None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=2, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler._capseg_cli = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


class Progress:
    """A one-line progress bar on stderr (only when there is more than one image)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.enabled = total > 1
        # A terminal gets a bar redrawn in place; a log file gets one plain line per image.
        self.redraw = self.enabled and hasattr(stream, "isatty") and stream.isatty()

    def show(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        if not self.redraw:
            if done < self.total:
                self.stream.write(f"{done + 1}/{self.total} {label}\n")
                self.stream.flush()
            return
        width = 30
        filled = int(width * done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} {label[:40]:<40}")
        self.stream.flush()

    def note(self, message: str) -> None:
        """A message on its own line (the bar is redrawn after it)."""
        if self.redraw:
            self.stream.write("\r\033[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.redraw:
            self.stream.write("\n")
            self.stream.flush()


def exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def corrections_dir(args: argparse.Namespace) -> Path:
    from ..core.corrections import default_fallback_dir

    given = getattr(args, "corrections_dir", None)
    return Path(given) if given else default_fallback_dir()


def profile_for(name: str, err: TextIO):
    """The microscope profile called ``name``, or ``None`` after saying why on ``err``."""
    from ..core.calibration import CalibrationError, find_profile, load_profiles, profiles_path

    try:
        profiles = load_profiles()
    except CalibrationError as exc:
        err.write(f"{exc} ({profiles_path()})\n")
        return None
    profile = find_profile(profiles, name)
    if profile is None:
        if profiles:
            sentence = translate("CLI", 'No microscope profile is called "{name}"; the profiles are: {known}.')
        else:
            sentence = translate(
                "CLI", 'No microscope profile is called "{name}"; there are none yet (add them in the window\'s microscope profiles).'
            )
        known = ", ".join(f'"{p.name}"' for p in profiles)
        err.write(sentence.format(name=name, known=known) + "\n")
    return profile


def green_light_analyzer(args: Any, profile: Any = None):
    """The analyzer for pictures lit green (``core.light``): the model for any light installed
    beside the bundled one; ``None`` when ``--model``, the profile's own model or
    ``--no-light-model`` says which model counts, or when it is not installed or cannot be loaded."""
    if args.model is not None or (profile is not None and profile.model is not None) or args.no_light_model:
        return None
    from ..core.errors import CapSegError
    from ..core.model import load_model
    from ..core.paths import any_light_model_path
    from ..core.pipeline import Analyzer

    path = any_light_model_path()
    if path is None:
        return None
    try:
        return Analyzer(load_model(path), scale_mode=args.scale)
    except CapSegError as exc:
        log.warning("The model for any light (%s) was not loaded: %s (%s)", path, exc, exc.detail)
        return None


def load_session(model_arg: str | None, err: TextIO, profile=None):
    """The model to analyse with: ``--model`` when given, else the microscope profile's own
    model when it has one, else the bundled model; ``None`` after saying why on ``err`` (a
    profile's model that is missing or altered is refused, never replaced by another)."""
    from ..core.microscope_models import ProfileModelError, profile_model_path
    from ..core.model import load_model

    model_path = Path(model_arg) if model_arg else None
    if model_path is None and profile is not None:
        try:
            model_path = profile_model_path(profile)
        except ProfileModelError as exc:
            log.warning("Profile %s: %s (%s)", profile.name, exc, exc.detail)
            err.write(f"{exc}\n")
            return None
    model_path = model_path or default_model_path()
    if model_path is None:
        err.write(translate("CLI", "No model given and no bundled model found in models/; use --model FILE.") + "\n")
        return None
    try:
        return load_model(model_path)
    except CapSegError as exc:
        log.warning("Model %s refused: %s (%s)", model_path, exc, exc.detail)
        err.write(f"{exc}\n")
    except Exception:
        log.exception("Model %s could not be loaded", model_path)
        err.write(
            translate("CLI", "The model {name} could not be loaded (internal error; details in the log).").format(name=model_path.name) + "\n"
        )
    return None




CORRECTIONS_HELP = ("where corrections of images in read-only folders are kept (default: the "
                    "application-data folder's corrections/, as the window saves them)")
