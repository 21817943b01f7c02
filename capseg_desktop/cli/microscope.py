"""``capseg microscope``: the microscope profiles and their models, listed, exported to one file
(``NAME.capseg-microscope``) and imported on another workstation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from ..core.errors import CapSegError
from ..core.i18n import format_number, translate
from .common import configure_logging, log


def model_line(profile: Any) -> str:
    """What a profile counts with: its own model (file, scores) or the bundled one."""
    record = profile.model
    if record is None:
        return translate("CLI", "model: the bundled model")
    line = translate("CLI", "model: {model}; sha256 {sha}").format(model=record.describe(), sha=record.sha256[:12])
    if record.before is not None and record.after is not None:
        # Two translated parts side by side (a source of placeholders alone would match any sentence).
        line = f"{line}; {scores_line(record.before, record.after)}"
    return line


def scores_line(before: Any, after: Any) -> str:
    """F1 and count error before and after, on the images kept aside."""
    return translate("CLI", "on the images kept aside: F1 {f1_before} -> {f1_after}, count error {error_before} -> {error_after}").format(
        f1_before=format_number(before.f1, 2), f1_after=format_number(after.f1, 2),
        error_before=format_number(before.count_error, 1), error_after=format_number(after.count_error, 1))


def run_list(args: argparse.Namespace) -> int:
    from ..core.calibration import CalibrationError, load_profiles, profiles_path
    from ..core.microscope_models import ProfileModelError, profile_model_path

    try:
        profiles = load_profiles()
    except CalibrationError as exc:
        sys.stderr.write(f"{exc} ({profiles_path()})\n")
        return 2
    if not profiles:
        print(translate("CLI", "No microscope profile yet (add them in the window's microscope profiles)."))
        return 0
    status = 0
    for profile in profiles:
        print(profile.describe())
        if profile.limb_width_px:
            print("  " + translate("CLI", "vessels: limbs of {width} px, learnt from its images").format(
                width=format_number(profile.limb_width_px, 1)))
        print("  " + model_line(profile))
        try:
            profile_model_path(profile)
        except ProfileModelError as exc:
            print("  " + str(exc))
            status = 1
    return status


def run_export(args: argparse.Namespace) -> int:
    from ..core.microscope_file import export_microscope

    configure_logging()
    target = Path(args.file)
    try:
        export_microscope(args.name, target, overwrite=args.overwrite)
    except CapSegError as exc:
        return _refused(exc, sys.stderr)
    print(translate("CLI", 'The microscope profile "{name}" and its model are in {path}.').format(name=args.name, path=target))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..core.microscope_file import ProfileExistsError, import_microscope

    configure_logging()
    try:
        profile = import_microscope(Path(args.file), replace_existing=args.replace, name=args.name)
    except ProfileExistsError as exc:
        sys.stderr.write(f"{exc}\n")
        sys.stderr.write(translate("CLI", "Nothing was imported. Use --replace to replace it, or --name NEW to import it under another name.") + "\n")
        return 2
    except CapSegError as exc:
        return _refused(exc, sys.stderr)
    print(translate("CLI", 'Imported the microscope profile "{name}".').format(name=profile.name))
    print("  " + profile.describe())
    print("  " + model_line(profile))
    return 0


def run_learn_scale(args: argparse.Namespace) -> int:
    """The vessels' typical width on this microscope, from a folder of its images, kept with
    its profile: from then on each of its images is brought to the model's scale with one factor
    (in the window, the exam and ``--profile``) instead of a guess of its own."""
    from ..core.calibration import save_profiles
    from ..core.imageio import list_images
    from ..core.microscope_models import profile_named, replace_profile
    from ..core.pipeline import SHARED_SCALE_SAMPLE, images_limb_width

    configure_logging()
    try:
        profiles, profile = profile_named(args.name)
        paths = list_images(Path(args.folder))
        width = images_limb_width(paths)
        if width is None:
            sys.stderr.write(translate("CLI", "The vessels' width could not be measured on at least two images of {folder}; "
                                              "the profile is unchanged.").format(folder=args.folder) + "\n")
            return 2
        save_profiles(replace_profile(profiles, profile.with_learnt_scale(width)))
    except CapSegError as exc:
        return _refused(exc, sys.stderr)
    except OSError as exc:
        sys.stderr.write(translate("CLI", "The folder {folder} cannot be read.").format(folder=args.folder) + "\n")
        log.warning("capseg microscope learn-scale: %r", exc)
        return 2
    print(translate("CLI", 'The microscope profile "{name}" now brings its images to the model\'s scale as limbs of '
                           "{width} px (the median of {count} of its images).").format(
        name=profile.name, width=format_number(width, 1), count=min(len(paths), SHARED_SCALE_SAMPLE)))
    return 0


def _refused(exc: CapSegError, err: TextIO) -> int:
    log.warning("capseg microscope: %s (%s)", exc, exc.detail)
    err.write(f"{exc}\n")
    return 2


def add_microscope(sub: Any) -> None:
    microscope = sub.add_parser(
        "microscope",
        help="list, export and import microscope profiles with their models",
        description=(
            "A microscope profile (its scale, and the model adapted to it by capseg adapt) is kept in the "
            "application-data folder. Export writes it with its model into one file (NAME.capseg-microscope); "
            "import adds it on another workstation, so both give the same counts."
        ),
    )
    actions = microscope.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the profiles, their scales and models")
    listing.set_defaults(func=run_list)
    export = actions.add_parser("export", help="write a profile and its model to one file")
    export.add_argument("name", metavar="NAME", help="the profile's name")
    export.add_argument("file", metavar="FILE", help="the file to write (NAME.capseg-microscope)")
    export.add_argument("--overwrite", action="store_true", help="replace an existing file")
    export.set_defaults(func=run_export)
    importing = actions.add_parser("import", help="add a profile and its model from a file")
    importing.add_argument("file", metavar="FILE", help="a NAME.capseg-microscope file")
    importing.add_argument("--replace", action="store_true", help="replace a profile of the same name (and its model)")
    importing.add_argument("--name", metavar="NEW", help="import it under this name instead")
    importing.set_defaults(func=run_import)
    learn = actions.add_parser("learn-scale", help="learn the vessels' width on this microscope from a folder of its images")
    learn.add_argument("name", metavar="NAME", help="the profile's name")
    learn.add_argument("folder", metavar="FOLDER", help="a folder of this microscope's images (at least two)")
    learn.set_defaults(func=run_learn_scale)
