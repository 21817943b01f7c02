"""``capseg adapt``: teach the model one microscope's images and keep it with its profile.

    capseg adapt FOLDER --profile NAME [--images N] [--propose-only] [--keep]

Proposes the images of FOLDER to review (``core.adaptation.propose_images``); once at least
three images of the folder are reviewed (corrections saved by the window, NAME.capseg.json), it
fine-tunes the profile's current model on them (``training.finetune``, which keeps a fifth of
them aside), prints the scores before and after on those kept aside, and with ``--keep`` (or a
"y" at the question on a terminal) gives the new model to the profile
(``core.microscope_models.keep_model``): from then on ``--profile NAME`` counts with it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

from ..core.errors import CapSegError
from ..core.i18n import translate
from ..core.texts import Plurals
from .common import CORRECTIONS_HELP, configure_logging, corrections_dir, log, profile_for
from .microscope import scores_line

CLI = Plurals("CLI")  # the variable is named as its context (core.texts.Plurals)

#: Fewer reviewed images than this cannot be split into training and kept-aside ones.
MIN_REVIEWED = 3


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 3 <= value <= 50:
        raise argparse.ArgumentTypeError("must be between 3 and 50")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _propose(args: argparse.Namespace, folder: Path, err: TextIO) -> tuple[list[Path], list[Path]] | None:
    """(the folder's images, the proposal), the proposal printed with which images are already
    reviewed; ``None`` after saying why on ``err``."""
    from ..core.adaptation import propose_images, reviewed_images
    from ..core.imageio import list_images

    if not folder.is_dir():
        err.write(translate("CLI", 'The folder "{folder}" does not exist.').format(folder=folder) + "\n")
        return None
    images = list_images(folder)
    if not images:
        err.write(translate("CLI", 'The folder "{path}" holds no PNG, JPEG, TIFF or BMP images.').format(path=folder) + "\n")
        return None
    proposal = propose_images(images, args.images)
    for _, why in proposal.skipped:
        err.write(why + "\n")
    reviewed = set(reviewed_images(proposal.images, corrections_dir(args)))
    print(CLI.tr("Images to review (%n of {total} in {folder}):", "", len(proposal.images)).format(
        total=len(images), folder=folder))
    for path in proposal.images:
        mark = translate("CLI", "reviewed") if path in reviewed else translate("CLI", "to review")
        print(f"  {mark:<12} {path.name}")
    return images, list(proposal.images)


def _explain_review(reviewed: int, err: TextIO) -> None:
    err.write(
        CLI.tr("%n image(s) of the folder are reviewed; adapting needs at least {least}. Open the images marked "
               "\"to review\" in CapSeg Desktop, correct their boxes and save (Ctrl+S), then run this command again.",
               "", reviewed).format(least=MIN_REVIEWED) + "\n"
    )


def _base_model(args: argparse.Namespace, profile: Any, err: TextIO) -> Path | None:
    """The Keras model to adapt: ``--base``, else the profile's own model, else the bundled one."""
    from ..core.adaptation import adaptation_base

    if args.base:
        return Path(args.base)
    try:
        base = adaptation_base(profile)
    except CapSegError as exc:
        err.write(f"{exc}\n")
        return None
    if base is None:
        err.write(translate("CLI", "No Keras model to adapt from was found (the bundled capseg_unet.keras); give --base FILE.") + "\n")
    return base


def _event_printer(err: TextIO):
    """The fine-tuning's events as lines: the start and the scores on stdout, epochs on ``err``."""
    def emit(event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "start":
            aside = len(event["validation"])
            print(CLI.tr("Learning from %n reviewed image(s); {aside} kept aside to compare the models: {names}.", "",
                         event["images"] - aside).format(aside=aside, names=", ".join(event["validation"])), flush=True)
        elif kind == "epoch":
            err.write(translate("CLI", "epoch {epoch} of {epochs} (about {seconds} s left)").format(
                epoch=event["epoch"], epochs=event["epochs"], seconds=round(event["eta_s"])) + "\n")
            err.flush()
    return emit


def _finetune(args: argparse.Namespace, folder: Path, base: Path, profile: Any, work: Path, err: TextIO) -> dict | None:
    """Fine-tune ``base`` on the reviewed images of ``folder`` into ``work``: the ``done``
    event with the scores, or ``None`` after saying why on ``err``."""
    from ..core.microscope_models import safe_folder_name
    from ..core.model import tensorflow_missing

    missing = tensorflow_missing()
    if missing:
        err.write(missing + "\n")
        return None
    from ..training.finetune import FinetuneConfig, FinetuneError, finetune

    name = f"{safe_folder_name(profile.name)}-{time.strftime('%Y%m%d-%H%M%S')}"
    config = FinetuneConfig(images=folder, base=base, out=work / name, corrections=True, name=name,
                            epochs=args.epochs, steps_per_epoch=args.steps, fallback_dir=corrections_dir(args),
                            command=f"capseg adapt {folder} --profile {profile.name}")
    scores: dict[str, Any] = {}
    printer = _event_printer(err)

    def emit(event: dict[str, Any]) -> None:
        if event.get("event") == "scores":
            scores.update(event)
        printer(event)

    try:
        done = finetune(config, emit)
    except FinetuneError as exc:
        err.write(f"{exc}\n")
        return None
    except CapSegError as exc:
        log.warning("capseg adapt: %s (%s)", exc, exc.detail)
        err.write(f"{exc}\n")
        return None
    return {**done, "before": scores.get("before"), "after": scores.get("after")}


def _keep_wanted(args: argparse.Namespace, profile: Any) -> bool:
    """``--keep``, or "y" typed at the question on a terminal; no otherwise."""
    if args.keep:
        return True
    if not (sys.stdin is not None and sys.stdin.isatty()):
        print(translate("CLI", "The adapted model was not kept; run the command again with --keep to keep it."))
        return False
    question = translate("CLI", 'Count with this model for the microscope "{name}" from now on? [y/N] ').format(name=profile.name)
    try:
        answer = input(question).strip().casefold()
    except EOFError:
        answer = ""
    yes = {"y", "yes", translate("CLI", "y").casefold(), translate("CLI", "yes").casefold()}
    if answer not in yes:
        print(translate("CLI", "The adapted model was not kept."))
        return False
    return True


def _report_scores(done: dict) -> None:
    from ..core.calibration import ModelScores

    before, after = ModelScores.from_dict(done.get("before")), ModelScores.from_dict(done.get("after"))
    if before is None or after is None:
        return
    print(scores_line(before, after))
    if after.f1 < before.f1:
        print(translate("CLI", "The adapted model finds the capillaries of the images kept aside less well than the model it started from."))


def run_adapt(args: argparse.Namespace) -> int:
    from ..core.adaptation import reviewed_images
    from ..core.microscope_models import keep_model

    err = sys.stderr
    configure_logging()
    log.info("capseg adapt %s --profile %s", args.folder, args.profile)
    profile = profile_for(args.profile, err)
    if profile is None:
        return 2
    folder = Path(args.folder)
    found = _propose(args, folder, err)
    if found is None:
        return 2
    if args.propose_only:
        return 0
    reviewed = reviewed_images(found[0], corrections_dir(args))
    if len(reviewed) < MIN_REVIEWED:
        _explain_review(len(reviewed), err)
        return 2
    base = _base_model(args, profile, err)
    if base is None:
        return 2
    work = Path(tempfile.mkdtemp(prefix="capseg-adapt-"))
    try:
        done = _finetune(args, folder, base, profile, work, err)
        if done is None:
            return 1
        _report_scores(done)
        if not _keep_wanted(args, profile):
            return 0
        try:
            kept = keep_model(profile.name, Path(done["tflite"]))
        except CapSegError as exc:
            err.write(f"{exc}\n")
            return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(translate("CLI", 'The microscope profile "{name}" now counts with {file}.').format(name=kept.name, file=kept.model.file_name))
    return 0


def add_adapt(sub: Any) -> None:
    adapt = sub.add_parser(
        "adapt",
        help="adapt the model to a microscope's images and keep it with its profile",
        description=(
            "Proposes the images of FOLDER to review (different from each other, spread over the folder). Once at "
            "least 3 images of FOLDER are reviewed (corrected and saved in the window: NAME.capseg.json), fine-tunes "
            "the profile's model (its own, else the bundled one) on them, keeping a fifth aside, and prints F1 and "
            "count error on those before and after. With --keep the new model is kept with the profile: --profile "
            "NAME in capseg analyze and capseg exam then counts with it. Needs the training add-on (TensorFlow)."
        ),
    )
    adapt.add_argument("folder", metavar="FOLDER", help="a folder of images from the microscope")
    adapt.add_argument("--profile", required=True, metavar="NAME", help="the microscope profile (as saved in the window)")
    adapt.add_argument("--images", type=_count, default=10, metavar="N", help="how many images to propose (default 10)")
    adapt.add_argument("--propose-only", action="store_true", help="only print the images to review")
    adapt.add_argument("--keep", action="store_true", help="keep the adapted model with the profile without asking")
    adapt.add_argument("--base", metavar="FILE", help="the Keras model to adapt (default: the profile's, else the bundled one)")
    adapt.add_argument("--epochs", type=_positive_int, default=15, help="fine-tuning epochs (default 15)")
    adapt.add_argument("--steps", type=_positive_int, default=25, help="steps per epoch (default 25)")
    adapt.add_argument("--corrections-dir", metavar="DIR", help=CORRECTIONS_HELP)
    adapt.set_defaults(func=run_adapt)
