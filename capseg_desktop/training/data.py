"""Training samples: image + mask pairs read from folders, cut into patches and augmented.

Everything is NumPy + OpenCV and driven by one ``numpy.random.Generator``, so a seed gives the
same batches. Augmentations (all label-preserving for the mask where geometric):
horizontal flip, small rotation, scale, brightness, contrast, hue and saturation jitter,
blur, noise and JPEG artefacts. No vertical flip: loops hang from the top edge, and that is
a cue the model may use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import cv2
import numpy as np


@dataclass
class Sample:
    name: str
    rgb: np.ndarray  # H x W x 3 uint8
    mask: np.ndarray  # H x W uint8 0/1
    source: str  # "synthetic" or "real"
    scale: float = 1.0  # the resize applied to bring it to the model's scale


def normalise_scale(samples: Sequence[Sample], target_sigma: float | None,
                    limb_width_px: float | None = None) -> list[Sample]:
    """Each sample resized so that its ridge scale (``core.scale.estimate_ridge_sigma``, the
    same measure the analysis uses) becomes ``target_sigma``: the model learns one scale, and
    the analysis brings every image to it. ``limb_width_px``: the limb width of all of them
    (one microscope's, see ``core.scale.median_limb_width``) instead of each image's estimate."""
    if not target_sigma:
        return list(samples)
    from capseg_desktop.core.scale import LIMB_WIDTH_PER_SIGMA, estimate_ridge_sigma, scale_factor_for_sigma

    out = []
    for sample in samples:
        sigma = limb_width_px / LIMB_WIDTH_PER_SIGMA if limb_width_px else estimate_ridge_sigma(sample.rgb)
        factor = scale_factor_for_sigma(sigma, target_sigma)
        if factor == 1.0:
            out.append(sample)
            continue
        height, width = sample.mask.shape
        size = (max(8, int(round(width * factor))), max(8, int(round(height * factor))))
        rgb = cv2.resize(sample.rgb, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        mask = cv2.resize(sample.mask, size, interpolation=cv2.INTER_NEAREST)
        out.append(Sample(sample.name, rgb, mask, sample.source, factor))
    return out


@dataclass(frozen=True)
class AugmentParams:
    rotation_deg: float = 8.0
    scale_range: tuple[float, float] = (0.8, 1.25)
    brightness: float = 0.12
    contrast_range: tuple[float, float] = (0.75, 1.25)
    hue_deg: float = 8.0
    saturation_range: tuple[float, float] = (0.7, 1.35)
    blur_probability: float = 0.3
    noise_sigma_max: float = 0.03
    jpeg_probability: float = 0.3
    # Domain randomisation (AugmentParams.world()); all off for the v1 recipe.
    wide_rotation_probability: float = 0.0
    wide_rotation_deg: float = 60.0
    blur_sigma_max: float = 2.0
    jpeg_quality_min: int = 35
    dark_region_probability: float = 0.0
    glare_probability: float = 0.0
    cast: float = 0.0
    # Other microscopes (AugmentParams.any_microscope()); all off before model v3, and then no
    # random number is drawn for them, so older recipes give the same batches.
    any_angle_probability: float = 0.0
    colour_probability: float = 0.0
    defocus_region_probability: float = 0.0

    @classmethod
    def world(cls) -> "AugmentParams":
        """Looks of other microscopes: tilts up to 60 degrees (dark corners as a border), pale
        and bluish casts, low contrast, a darker third, glare, heavy blur and JPEG."""
        return cls(rotation_deg=10.0, scale_range=(0.7, 1.4), brightness=0.15, contrast_range=(0.4, 1.3),
                   hue_deg=20.0, saturation_range=(0.4, 1.4), blur_probability=0.4, noise_sigma_max=0.05,
                   jpeg_probability=0.4, wide_rotation_probability=0.35, blur_sigma_max=3.0,
                   jpeg_quality_min=20, dark_region_probability=0.3, glare_probability=0.3, cast=0.15)

    @classmethod
    def any_microscope(cls) -> "AugmentParams":
        """``world()`` plus what other capillaroscopes do to a picture: the row at any angle
        (a rotation of 0-360 degrees or a vertical flip in most patches), any illumination
        (green LED, monochrome, near infrared, channels swapped, hue turned by 90 or 180
        degrees) and parts of the field out of focus."""
        from dataclasses import replace

        return replace(cls.world(), any_angle_probability=0.6, colour_probability=0.5, defocus_region_probability=0.3)


def read_rgb(path: Path) -> np.ndarray:
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        raise FileNotFoundError(f"cannot read image {path}")
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def read_mask(path: Path) -> np.ndarray:
    grey = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if grey is None:
        raise FileNotFoundError(f"cannot read mask {path}")
    return (grey > 127).astype(np.uint8)


def mask_path_for(image: Path, masks_dir: Path) -> Path:
    return masks_dir / f"{image.stem}_mask.png"


def load_pairs(images_dir: Path, masks_dir: Path | None, source: str) -> list[Sample]:
    """Images ``NAME.png`` with masks ``NAME_mask.png`` (in ``masks_dir``, default the same
    folder). Files ending in ``_mask``/``_instances`` are not images."""
    masks_dir = masks_dir or images_dir
    samples = []
    for image in sorted(images_dir.glob("*.png")):
        if image.stem.endswith(("_mask", "_instances")):
            continue
        mask = mask_path_for(image, masks_dir)
        if not mask.is_file():
            continue
        samples.append(Sample(image.name, read_rgb(image), read_mask(mask), source))
    return samples


# Augmentation ------------------------------------------------------------------------------
def _any_angle(rng: np.random.Generator, rgb: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The row at any angle: a quarter turn, a vertical flip, or a free angle (the patch was cut
    with room around it; what comes in from outside reflects the picture)."""
    choice = rng.random()
    if choice < 0.45:
        turns = int(rng.integers(1, 4))
        return np.ascontiguousarray(np.rot90(rgb, turns)), np.ascontiguousarray(np.rot90(mask, turns))
    if choice < 0.6:
        return np.ascontiguousarray(rgb[::-1]), np.ascontiguousarray(mask[::-1])
    height, width = mask.shape
    side = int(max(height, width))
    pad_h, pad_w = (side - height) // 2 + 1, (side - width) // 2 + 1
    rgb = cv2.copyMakeBorder(np.ascontiguousarray(rgb), pad_h, pad_h, pad_w, pad_w, cv2.BORDER_REFLECT_101)
    mask = cv2.copyMakeBorder(np.ascontiguousarray(mask), pad_h, pad_h, pad_w, pad_w, cv2.BORDER_REFLECT_101)
    size = mask.shape[1], mask.shape[0]
    matrix = cv2.getRotationMatrix2D((size[0] / 2, size[1] / 2), float(rng.uniform(0, 360)), 1.0)
    rgb = cv2.warpAffine(rgb, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
    mask = cv2.warpAffine(mask, matrix, size, flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_REFLECT_101)
    return rgb, mask


def _illumination(rng: np.random.Generator, image: np.ndarray) -> np.ndarray:
    """Another light source or camera, on an H x W x 3 float image in [0, 1]: green LED (red
    near zero), monochrome, near infrared (grey, low contrast), channels swapped, or the hue
    turned by 90 or 180 degrees."""
    kind = int(rng.integers(0, 6))
    grey = image @ np.array([0.299, 0.587, 0.114], np.float32)
    if kind == 0:  # green LED
        out = np.stack([grey * rng.uniform(0.0, 0.08), image[..., 1] * rng.uniform(0.8, 1.1),
                        image[..., 2] * rng.uniform(0.1, 0.5)], axis=-1)
    elif kind == 1:  # monochrome camera
        out = np.repeat(grey[..., None], 3, axis=-1)
    elif kind == 2:  # near infrared: haemoglobin absorbs little, the picture is flat
        flat = image[..., 0] * 0.7 + grey * 0.3
        flat = (flat - flat.mean()) * rng.uniform(0.3, 0.6) + flat.mean()
        out = np.repeat(flat[..., None], 3, axis=-1)
    elif kind == 3:
        out = image[..., rng.permutation(3)]
    else:
        hsv = cv2.cvtColor(np.clip(image, 0, 1).astype(np.float32), cv2.COLOR_RGB2HSV)
        hsv[..., 0] = (hsv[..., 0] + (90.0 if kind == 4 else 180.0)) % 360.0
        out = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    return np.ascontiguousarray(out, dtype=np.float32)


def _defocus_region(rng: np.random.Generator, image: np.ndarray) -> np.ndarray:
    """Part of the field out of focus: a heavily blurred copy blended in through a soft blob."""
    height, width = image.shape[:2]
    blurred = cv2.GaussianBlur(image, (0, 0), rng.uniform(2.5, 6.0))
    blob = np.zeros((height, width), np.float32)
    centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
    axes = (int(rng.uniform(0.2, 0.7) * width), int(rng.uniform(0.2, 0.7) * height))
    cv2.ellipse(blob, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1)
    blob = cv2.GaussianBlur(blob, (0, 0), max(4.0, 0.1 * min(height, width)))[:, :, None]
    return image * (1.0 - blob) + blurred * blob


def _geometric(rng: np.random.Generator, rgb: np.ndarray, mask: np.ndarray,
               params: AugmentParams) -> tuple[np.ndarray, np.ndarray]:
    if rng.random() < 0.5:
        rgb, mask = rgb[:, ::-1], mask[:, ::-1]
    if params.any_angle_probability and rng.random() < params.any_angle_probability:
        rgb, mask = _any_angle(rng, rgb, mask)
    angle = rng.uniform(-params.rotation_deg, params.rotation_deg)
    wide = rng.random() < params.wide_rotation_probability
    if wide:
        angle = rng.uniform(-params.wide_rotation_deg, params.wide_rotation_deg)
    scale = float(np.exp(rng.uniform(np.log(params.scale_range[0]), np.log(params.scale_range[1]))))
    height, width = mask.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, scale)
    if wide:  # a tilted picture: what comes in from outside is a dark border, not more skin
        fill = float(rng.uniform(0, 40))
        rgb = cv2.warpAffine(np.ascontiguousarray(rgb), matrix, (width, height), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=(fill, fill, fill))
        mask = cv2.warpAffine(np.ascontiguousarray(mask), matrix, (width, height), flags=cv2.INTER_NEAREST,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        return rgb, mask
    # Pixels rotated in from outside copy the border; for the top edge, that continues loops
    # upward as they would in a wider field of view.
    rgb = cv2.warpAffine(np.ascontiguousarray(rgb), matrix, (width, height), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_REFLECT_101)
    mask = cv2.warpAffine(np.ascontiguousarray(mask), matrix, (width, height), flags=cv2.INTER_NEAREST,
                          borderMode=cv2.BORDER_REFLECT_101)
    return rgb, mask


def _photometric(rng: np.random.Generator, rgb: np.ndarray, params: AugmentParams) -> np.ndarray:
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV).astype(np.float32)
    hsv[..., 0] = (hsv[..., 0] + rng.uniform(-params.hue_deg, params.hue_deg) / 2.0) % 180.0
    hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(*params.saturation_range), 0, 255)
    rgb = cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)
    image = rgb.astype(np.float32) / 255.0
    mean = float(image.mean())
    image = (image - mean) * rng.uniform(*params.contrast_range) + mean
    image += rng.uniform(-params.brightness, params.brightness)
    if params.cast:
        image *= (1.0 + rng.uniform(-params.cast, params.cast, 3)).astype(np.float32)
    if params.colour_probability and rng.random() < params.colour_probability:
        image = _illumination(rng, image)
    if params.defocus_region_probability and rng.random() < params.defocus_region_probability:
        image = _defocus_region(rng, image)
    height, width = image.shape[:2]
    if rng.random() < params.dark_region_probability:
        horizontal = rng.random() < 0.6
        length = width if horizontal else height
        ramp = np.arange(length, dtype=np.float32)[:: (1 if rng.random() < 0.5 else -1)]
        shadow = 1.0 / (1.0 + np.exp((ramp - rng.uniform(0.2, 0.45) * length) / rng.uniform(10, 60)))
        factor = 1.0 - rng.uniform(0.3, 0.65) * shadow
        image *= factor[None, :, None] if horizontal else factor[:, None, None]
    if rng.random() < params.glare_probability:
        glare = np.zeros((height, width), np.float32)
        for _ in range(int(rng.integers(1, 5))):
            centre = (int(rng.uniform(0, width)), int(rng.uniform(0, height)))
            axes = (int(rng.uniform(2, 25)), int(rng.uniform(2, 12)))
            cv2.ellipse(glare, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
        glare = cv2.GaussianBlur(glare, (0, 0), rng.uniform(0.5, 4.0))[:, :, None]
        image = image * (1.0 - glare) + glare
    if rng.random() < params.blur_probability:
        image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.5, params.blur_sigma_max))
    sigma = rng.uniform(0.0, params.noise_sigma_max)
    if sigma > 0:
        image += rng.normal(0, sigma, image.shape).astype(np.float32)
    rgb = np.clip(image * 255.0 + 0.5, 0, 255).astype(np.uint8)
    if rng.random() < params.jpeg_probability:
        ok, data = cv2.imencode(".jpg", rgb, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(params.jpeg_quality_min, 95))])
        rgb = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    return rgb


def _crop(rng: np.random.Generator, rgb: np.ndarray, mask: np.ndarray,
          patch: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A patch; images smaller than the patch are padded by reflection. The top edge is kept
    in half of the patches, since that is where every loop starts."""
    patch_h, patch_w = patch
    height, width = mask.shape
    if height < patch_h or width < patch_w:
        pad_h, pad_w = max(0, patch_h - height), max(0, patch_w - width)
        rgb = cv2.copyMakeBorder(rgb, 0, pad_h, 0, pad_w, cv2.BORDER_REFLECT_101)
        mask = cv2.copyMakeBorder(mask, 0, pad_h, 0, pad_w, cv2.BORDER_REFLECT_101)
        height, width = mask.shape
    top = 0 if rng.random() < 0.5 else int(rng.integers(0, height - patch_h + 1))
    left = int(rng.integers(0, width - patch_w + 1))
    return rgb[top : top + patch_h, left : left + patch_w], mask[top : top + patch_h, left : left + patch_w]


def augmented_patch(rng: np.random.Generator, sample: Sample, patch: tuple[int, int],
                    params: AugmentParams) -> tuple[np.ndarray, np.ndarray]:
    # Cut a patch with room around it first, so that the geometric step is cheap.
    room = (min(sample.mask.shape[0], int(patch[0] * 1.5)), min(sample.mask.shape[1], int(patch[1] * 1.5)))
    rgb, mask = _crop(rng, sample.rgb, sample.mask, room)
    rgb, mask = _geometric(rng, rgb, mask, params)
    rgb = _photometric(rng, rgb, params)
    return _crop(rng, rgb, mask, patch)


def batches(samples_by_source: dict[str, Sequence[Sample]], weights: dict[str, float],
            batch_size: int, patch: tuple[int, int], seed: int,
            params: AugmentParams | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Endless augmented batches (x: B x H x W x 3 float32 in [0, 1], y: B x H x W x 1)."""
    params = params or AugmentParams()
    rng = np.random.default_rng(seed)
    sources = [s for s in samples_by_source if samples_by_source[s]]
    probabilities = np.array([weights.get(s, 1.0) for s in sources], dtype=np.float64)
    probabilities /= probabilities.sum()
    while True:
        x = np.empty((batch_size, patch[0], patch[1], 3), np.float32)
        y = np.empty((batch_size, patch[0], patch[1], 1), np.float32)
        for index in range(batch_size):
            pool = samples_by_source[sources[int(rng.choice(len(sources), p=probabilities))]]
            sample = pool[int(rng.integers(len(pool)))]
            rgb, mask = augmented_patch(rng, sample, patch, params)
            x[index] = rgb.astype(np.float32) / 255.0
            y[index, :, :, 0] = mask
        yield x, y


def fixed_batches(samples: Sequence[Sample], multiple: int, max_side: int = 1280, max_height: int | None = None
                  ) -> list[tuple[np.ndarray, np.ndarray]]:
    """Whole images (no augmentation), cropped to the model's multiple: the validation set.
    ``max_height``: also crop the height (a wide field enlarged to the model's scale is some
    3000 px tall, and validating on it every epoch cost more than the epoch's training)."""
    out = []
    for sample in samples:
        height = min(max_height or sample.mask.shape[0], sample.mask.shape[0]) // multiple * multiple
        width = min(max_side, sample.mask.shape[1]) // multiple * multiple
        x = sample.rgb[None, :height, :width].astype(np.float32) / 255.0
        y = sample.mask[None, :height, :width, None].astype(np.float32)
        out.append((x, y))
    return out
