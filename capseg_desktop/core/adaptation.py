"""Adapting the model to a microscope, the parts that need no training tools: which images of
a folder to review, which of them are reviewed, and which model to adapt.

:func:`propose_images` picks 8 to 12 images that differ from each other: spread over the
folder's order and unlike in brightness, contrast, colour and content, read from small
thumbnails only (a JPEG is decoded at an eighth of its size), then chosen by farthest-point
selection. The choice is deterministic: the same folder gives the same images.

The fine-tuning itself is ``capseg finetune`` (``training.finetune``), run as its own process by
the window and in-process by ``capseg adapt``; its model is given to the profile by
``core.microscope_models.keep_model``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .calibration import Profile
from .texts import QT_TRANSLATE_NOOP, Sentences

log = logging.getLogger(__name__)

DEFAULT_PROPOSAL = 10
#: The long side of the thumbnail the features are read from.
THUMBNAIL_SIDE_PX = 64
#: The coarse layout of the luma: this many cells a side.
LAYOUT_CELLS = 3

TEXT = Sentences(
    "Adapt",
    {
        "unreadable": QT_TRANSLATE_NOOP("Adapt", '"{name}" could not be read; it is left out of the proposal.'),
    },
)


@dataclass(frozen=True)
class Proposal:
    """The images to review, in the folder's order, and the files left out with a sentence."""

    images: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...] = ()


def _thumbnail(path: Path) -> np.ndarray | None:
    """A small RGB picture of the image (at most ``THUMBNAIL_SIDE_PX`` on its long side), or
    ``None`` when it cannot be decoded."""
    import cv2

    try:
        data = np.fromfile(str(path), dtype=np.uint8)  # not cv2.imread: it cannot open non-ASCII paths on Windows
    except (OSError, ValueError):
        return None
    if data.size == 0:
        return None
    bgr = cv2.imdecode(data, cv2.IMREAD_REDUCED_COLOR_8)
    if bgr is None or bgr.size == 0:
        return None
    height, width = bgr.shape[:2]
    factor = THUMBNAIL_SIDE_PX / max(height, width)
    if factor < 1.0:
        bgr = cv2.resize(bgr, (max(1, round(width * factor)), max(1, round(height * factor))), interpolation=cv2.INTER_AREA)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def image_features(rgb: np.ndarray) -> np.ndarray:
    """What makes two pictures look different, from a thumbnail: mean luma, contrast, colour
    (mean a* and b*), fine detail (mean absolute Laplacian) and a coarse layout of the luma
    (``LAYOUT_CELLS`` x ``LAYOUT_CELLS`` cells less their mean), weighted so the layout counts
    as much as one of the others together."""
    import cv2

    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32) / 255.0
    luma = lab[..., 0]
    detail = float(np.mean(np.abs(cv2.Laplacian(luma, cv2.CV_32F))))
    cells = cv2.resize(luma, (LAYOUT_CELLS, LAYOUT_CELLS), interpolation=cv2.INTER_AREA).ravel()
    layout = (cells - cells.mean()) / LAYOUT_CELLS
    head = [float(luma.mean()), float(luma.std()), float(lab[..., 1].mean()), float(lab[..., 2].mean()), detail]
    return np.concatenate([np.array(head, np.float32), layout.astype(np.float32)])


#: The smallest spread over a folder that counts as a difference, per feature (order, luma,
#: contrast, a*, b*, detail, then the layout cells): a feature that hardly varies (noise) is not
#: blown up to the weight of one that does.
_FLOORS = np.array([1e-6, 0.04, 0.02, 0.01, 0.01, 0.005] + [0.02 / LAYOUT_CELLS] * LAYOUT_CELLS**2, np.float32)


def _standardised(features: np.ndarray) -> np.ndarray:
    """Each feature in units of its usual spread over the folder (the median absolute
    deviation, robust to the few odd images): an image unlike the folder's typical ones stands
    out however many there are of the others, and is proposed."""
    middle = np.median(features, axis=0)
    spread = np.maximum(1.4826 * np.median(np.abs(features - middle), axis=0), _FLOORS)
    return (features - middle) / spread


def farthest_points(points: np.ndarray, count: int) -> list[int]:
    """``count`` rows of ``points`` far from each other: the row nearest the middle first, then
    each time the row farthest from those chosen (ties: the first). Deterministic."""
    total = len(points)
    if count >= total:
        return list(range(total))
    middle = np.median(points, axis=0)
    chosen = [int(np.argmin(np.linalg.norm(points - middle, axis=1)))]
    nearest = np.linalg.norm(points - points[chosen[0]], axis=1)
    while len(chosen) < count:
        pick = int(np.argmax(nearest))
        chosen.append(pick)
        nearest = np.minimum(nearest, np.linalg.norm(points - points[pick], axis=1))
    return chosen


def propose_images(paths: Sequence[str | Path], count: int = DEFAULT_PROPOSAL,
                   progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> Proposal:
    """``count`` varied images of ``paths`` (a folder's images in its order, as
    ``core.imageio.list_images`` gives them) to review, returned in that order. Each image's
    place in the order counts as one feature, so the proposal spreads over the folder as well
    as over looks. Files that cannot be read are left out with a sentence. ``progress(done,
    total)`` after each thumbnail; ``should_cancel`` stops the reading (``AnalysisCancelled``)."""
    from .errors import AnalysisCancelled

    unique = list(dict.fromkeys(Path(p) for p in paths))
    readable: list[Path] = []
    rows: list[np.ndarray] = []
    skipped: list[tuple[Path, str]] = []
    for index, path in enumerate(unique):
        if should_cancel is not None and should_cancel():
            raise AnalysisCancelled()
        thumbnail = _thumbnail(path)
        if thumbnail is None:
            skipped.append((path, TEXT["unreadable"].format(name=path.name)))
            log.info("Proposal: %s could not be decoded", path)
        else:
            readable.append(path)
            rows.append(image_features(thumbnail))
        if progress is not None:
            progress(index + 1, len(unique))
    if not readable:
        return Proposal((), tuple(skipped))
    order = np.linspace(0.0, 1.0, len(readable), dtype=np.float32)[:, None]
    points = _standardised(np.hstack([order, np.vstack(rows)]))
    chosen = sorted(farthest_points(points, max(1, int(count))))
    return Proposal(tuple(readable[i] for i in chosen), tuple(skipped))


def reviewed_images(paths: Sequence[str | Path], corrections_dir: str | Path | None = None) -> list[Path]:
    """Those of ``paths`` with corrections saved for them (beside the image, or in
    ``corrections_dir``, default the application-data folder's), in their order: the images a
    fine-tuning learns from."""
    from .corrections import CorrectionsError, default_fallback_dir, load_corrections

    fallback = Path(corrections_dir) if corrections_dir else default_fallback_dir()
    found = []
    for path in paths:
        try:
            if load_corrections(Path(path), fallback, check_hash=False) is not None:
                found.append(Path(path))
        except (CorrectionsError, OSError):
            continue
    return found


def keras_twin(model: Path | None) -> Path | None:
    """The Keras file a model can be fine-tuned from: itself, or the ``.keras``/``.h5`` beside
    a ``.tflite`` of the same name."""
    if model is None:
        return None
    model = Path(model)
    candidates = [model] if model.suffix.lower() in (".keras", ".h5") else [model.with_suffix(".keras"), model.with_suffix(".h5")]
    return next((c for c in candidates if c.is_file()), None)


def adaptation_base(profile: Profile | None, profiles_file: str | Path | None = None) -> Path | None:
    """The model to adapt from: the profile's own model (its ``.keras`` twin) when it has one,
    else the bundled model's. Raises ``ProfileModelError`` when the profile's model is missing
    or altered; ``None`` when no Keras file is found."""
    from .microscope_models import profile_model_path
    from .paths import default_model_path

    own = profile_model_path(profile, profiles_file) if profile is not None else None
    return keras_twin(own) if own is not None else keras_twin(default_model_path())
