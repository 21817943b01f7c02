"""Model sessions: one object per loaded model, for either runtime.

* ``.tflite`` runs on LiteRT (fast start, small, what the bundled model uses);
* ``.keras`` and ``.h5`` run on Keras 3, including Keras 2 files such as the original
  ``segm_model_final.h5``. TensorFlow is imported only here, only when such a file is opened.

A session validates the model on load (one input of 1 or 3 channels, one 1-channel output of
the same height and width) and knows its name, sha256, input channels and the multiple its
sides must be padded to.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Protocol

import cv2
import numpy as np

from .errors import ModelLoadError
from .i18n import translate

MODEL_SUFFIXES = (".tflite", ".keras", ".h5", ".hdf5")

# Side lengths tried to find the padding multiple: k * odd, so that a model whose sides must
# be a multiple of 2k fails at k and succeeds at 2k.
_PROBE_MULTIPLES = (1, 2, 4, 8, 16, 32, 64)
#: Image sizes (height, width) the analysis really uses, tried at load after the tiny probes:
#: a non-square one and a 1280 x 400 strip (last, so a strip of that size finds the runtime
#: already sized for it). A model that accepts only one fixed size passes the tiny probes at
#: its own size and fails here, at load, with a sentence, instead of on every image. Costs
#: about 0.17 s with the bundled model on LiteRT.
REALISTIC_SIZES = ((300, 500), (400, 1280))

log = logging.getLogger(__name__)


class Segmenter(Protocol):
    """What the pipeline needs from a model: a batch in, a probability batch out."""

    input_channels: int
    multiple: int

    def predict(self, batch: np.ndarray) -> np.ndarray:  # N x H x W x C -> N x H x W
        ...


@dataclass(frozen=True)
class ModelInfo:
    """What an exported result records about the model that made it."""

    name: str
    sha256: str
    runtime: str
    input_channels: int
    multiple: int

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "runtime": self.runtime,
            "input_channels": self.input_channels,
            "multiple": self.multiple,
        }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _odd_side(k: int) -> int:
    side = k
    while side < 48 or (side // k) % 2 == 0:
        side += k
    return side


@dataclass
class ModelSession:
    """A loaded, validated model. Use :func:`load_model` to make one."""

    path: Path
    sha256: str
    runtime: str
    input_channels: int = 1
    multiple: int = 1
    card: dict[str, Any] | None = None
    _backend: Any = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(self.name, self.sha256, self.runtime, self.input_channels, self.multiple)

    def predict(self, batch: np.ndarray) -> np.ndarray:
        """N x H x W x C float32 in [0, 1] to N x H x W probabilities."""
        out = self._backend.run(np.ascontiguousarray(batch, dtype=np.float32))
        out = np.asarray(out, dtype=np.float32)
        if out.ndim == 4:
            out = out[..., 0]
        return out

    def recommended_parameters(self) -> dict[str, float]:
        """Counting parameters the model card recommends for this model (may be empty)."""
        if not self.card:
            return {}
        params = self.card.get("recommended_parameters") or {}
        return {k: float(v) for k, v in params.items() if isinstance(v, (int, float))}

    # Validation --------------------------------------------------------------------------
    def _probe_multiple(self) -> int:
        """Find the padding multiple by running tiny zero images, which also proves that the
        output has the input's height and width."""
        last_error = ""
        for k in _PROBE_MULTIPLES:
            side = _odd_side(k)
            zeros = np.zeros((1, side, side, self.input_channels), dtype=np.float32)
            try:
                out = self._backend.run(zeros)
            except Exception as exc:  # shape mismatch inside the network: try a larger multiple
                last_error = repr(exc)
                continue
            out = np.asarray(out)
            if out.ndim == 4 and out.shape[1:3] == (side, side) and out.shape[3] == 1:
                return k
            if out.ndim == 4 and out.shape[3] != 1:
                raise ModelLoadError(
                    translate(
                        "Model",
                        "The model {name} gives {channels} output channels; "
                        "CapSeg needs a model with one output channel (capillary probability).",
                    ).format(name=self.name, channels=out.shape[3]),
                    detail=f"output shape {out.shape}",
                )
            last_error = f"output shape {out.shape} for input {zeros.shape}"
        raise ModelLoadError(
            translate(
                "Model",
                "The model {name} does not produce a mask of the same size as its input, "
                "so it cannot be used to segment capillaries.",
            ).format(name=self.name),
            detail=last_error,
        )

    def _check_realistic_sizes(self, fixed_size: tuple[int, int] | None) -> None:
        """Run the model once at each of ``REALISTIC_SIZES`` (padded to its multiple): the
        output must be a finite mask of the input's size."""
        multiple = max(1, self.multiple)
        for height, width in REALISTIC_SIZES:
            height = -(-height // multiple) * multiple
            width = -(-width // multiple) * multiple
            zeros = np.zeros((1, height, width, self.input_channels), dtype=np.float32)
            problem = ""
            try:
                out = np.asarray(self._backend.run(zeros))
            except MemoryError:
                raise
            except Exception as exc:
                problem = repr(exc)
            else:
                if out.ndim != 4 or out.shape[1:3] != (height, width):
                    problem = f"output shape {out.shape} for input {zeros.shape}"
            if not problem:
                continue
            if fixed_size is not None:
                raise ModelLoadError(
                    translate(
                        "Model",
                        "The model {name} accepts only images of one fixed size ({width} x {height} pixels); "
                        "CapSeg needs a model that accepts images of any size, such as a fully convolutional U-Net.",
                    ).format(name=self.name, width=fixed_size[1], height=fixed_size[0]),
                    detail=problem,
                )
            raise ModelLoadError(
                translate(
                    "Model",
                    "The model {name} fails on an image of {width} x {height} pixels, so it "
                    "cannot analyse images of the usual sizes.",
                ).format(name=self.name, width=width, height=height),
                detail=problem,
            )


# Keras -------------------------------------------------------------------------------------
def _keras_compat_objects() -> dict[str, Any]:
    """Keras 2 files carry arguments Keras 3 refuses (``groups`` on transposed convolutions
    being the one in the original model). These subclasses drop them."""
    import keras

    def tolerant(base: type) -> type:
        class Tolerant(base):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                for legacy in ("groups",) if "Transpose" in base.__name__ else ():
                    kwargs.pop(legacy, None)
                super().__init__(*args, **kwargs)

        Tolerant.__name__ = base.__name__
        return Tolerant

    objects = {
        name: tolerant(getattr(keras.layers, name))
        for name in ("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose")
    }
    objects[LOCAL_CONTRAST_NAME] = local_contrast_layer()
    return objects


# The registered name of the colour-blind input layer, as saved in ``.keras`` files.
LOCAL_CONTRAST_NAME = "capseg>LocalContrast"
# Luma weights (ITU-R 601, OpenCV's RGB2GRAY) for RGB input.
LUMA = (0.299, 0.587, 0.114)
_LOCAL_CONTRAST: list[type] = []


def _gaussian_taps(sigma: float) -> np.ndarray:
    radius = max(1, int(round(3 * sigma)))
    x = np.arange(-radius, radius + 1, dtype=np.float32)
    taps = np.exp(-0.5 * (x / sigma) ** 2)
    return (taps / taps.sum()).astype(np.float32)


def local_contrast_numpy(rgb01: np.ndarray, sigma_px: float = 16.0, floor: float = 0.01) -> np.ndarray:
    """What ``LocalContrast`` computes, in NumPy/OpenCV (for tests and figures): H x W x 3 in
    [0, 1] to H x W, the luma minus its local mean over its local standard deviation
    (Gaussian window of ``sigma_px``), the window's statistics taken at half resolution."""
    luma = rgb01.astype(np.float32) @ np.array(LUMA, np.float32)
    height, width = luma.shape
    half = cv2.resize(luma, (width // 2, height // 2), interpolation=cv2.INTER_AREA)
    taps = _gaussian_taps(sigma_px / 2)

    def blur(image: np.ndarray) -> np.ndarray:
        return cv2.sepFilter2D(image, -1, taps, taps, borderType=cv2.BORDER_CONSTANT)

    weight = blur(np.ones_like(half))
    mean = blur(half) / weight
    square = blur(half * half) / weight
    std = np.sqrt(np.maximum(square - mean * mean, 0) + floor * floor)
    mean = cv2.resize(mean, (width, height), interpolation=cv2.INTER_LINEAR)
    std = cv2.resize(std, (width, height), interpolation=cv2.INTER_LINEAR)
    return (luma - mean) / std


def local_contrast_layer() -> type:
    """The Keras layer that makes a model colour-blind by construction: RGB (or grey) in
    [0, 1] to one channel, the luma minus its local mean, over its local standard deviation.

    Haemoglobin absorbs; under any illumination (white, green LED, monochrome, near infrared)
    a vessel is darker than the skin around it in the light that reaches the camera, so the
    luma carries the vessels whatever the hue, and dividing by the local contrast removes
    the microscope's brightness, contrast, vignetting and slow illumination changes. The
    window is a Gaussian of ``sigma_px`` (16 px at the model's scale: about two loop widths);
    its statistics are computed at half resolution (cheap), brought back with bilinear
    interpolation, and the image border is weighted out (a normalised convolution), so the
    same pixel gets nearly the same value in a patch, a tile or the whole image.
    Built from plain convolutions, it converts to LiteRT with free height and width (sides
    must be even; the model's multiple is)."""
    if _LOCAL_CONTRAST:
        return _LOCAL_CONTRAST[0]
    import keras
    from keras import ops

    @keras.saving.register_keras_serializable(package="capseg", name="LocalContrast")
    class LocalContrast(keras.layers.Layer):
        def __init__(self, sigma_px: float = 16.0, floor: float = 0.01, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.sigma_px = float(sigma_px)
            self.floor = float(floor)
            taps = _gaussian_taps(self.sigma_px / 2.0)
            self._column = taps.reshape(-1, 1, 1, 1)
            self._row = taps.reshape(1, -1, 1, 1)
            bilinear = np.array([0.25, 0.75, 0.75, 0.25], np.float32)
            self._up = np.outer(bilinear, bilinear)[:, :, None, None]

        def _blur(self, x: Any) -> Any:
            x = ops.depthwise_conv(x, ops.convert_to_tensor(self._column), strides=1, padding="same")
            return ops.depthwise_conv(x, ops.convert_to_tensor(self._row), strides=1, padding="same")

        def _upsample(self, x: Any, like: Any) -> Any:
            shape = ops.shape(like)
            kernel = ops.convert_to_tensor(self._up)
            # Edge replication first, so that the border is not darkened by zero padding.
            x = ops.concatenate([x[:, :1], x, x[:, -1:]], axis=1)
            x = ops.concatenate([x[:, :, :1], x, x[:, :, -1:]], axis=2)
            up = ops.conv_transpose(x, kernel, strides=2, padding="same")
            return up[:, 2 : 2 + shape[1], 2 : 2 + shape[2]]

        def call(self, inputs: Any) -> Any:
            channels = inputs.shape[-1]
            if channels == 3:
                luma = ops.sum(inputs * ops.convert_to_tensor(np.array(LUMA, np.float32)), axis=-1, keepdims=True)
            else:
                luma = inputs[..., :1]
            half = ops.average_pool(luma, pool_size=2, strides=2, padding="valid")
            weight = self._blur(ops.ones_like(half))
            mean = self._blur(half) / weight
            square = self._blur(half * half) / weight
            std = ops.sqrt(ops.maximum(square - mean * mean, 0.0) + self.floor * self.floor)
            mean = self._upsample(mean, luma)
            std = self._upsample(std, luma)
            return (luma - mean) / std

        def compute_output_shape(self, input_shape: Any) -> Any:
            return (*input_shape[:-1], 1)

        def get_config(self) -> dict[str, Any]:
            return {**super().get_config(), "sigma_px": self.sigma_px, "floor": self.floor}

    _LOCAL_CONTRAST.append(LocalContrast)
    return LocalContrast


class _KerasBackend:
    def __init__(self, model: Any) -> None:
        self.model = model
        # Keras 2 functional models saved their single input as a list; passing the batch in
        # the same structure keeps Keras 3 from warning on every call.
        self.wrap_in_list = isinstance(getattr(model, "_inputs_struct", None), list)

    def run(self, batch: np.ndarray) -> np.ndarray:
        inputs = [batch] if self.wrap_in_list else batch
        with _tensorflow_messages_to_log():
            return np.asarray(self.model(inputs, training=False))

    @property
    def fixed_size(self) -> tuple[int, int] | None:
        shape = tuple(self.model.inputs[0].shape)
        if len(shape) == 4 and shape[1] is not None and shape[2] is not None:
            return int(shape[1]), int(shape[2])
        return None


def _quiet_tensorflow() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")


_tensorflow_loggers_quiet = False


@contextlib.contextmanager
def _tensorflow_messages_to_log() -> Iterator[None]:
    """TensorFlow writes to the process's stderr from C++ (oneDNN, CPU features, absl) at
    import and at its first operations, whatever ``TF_CPP_MIN_LOG_LEVEL`` says, and Keras
    warns through Python. Both go to our log, never to the user's terminal."""
    global _tensorflow_loggers_quiet
    from .imageio import capture_native_stderr

    with warnings.catch_warnings(record=True) as caught, capture_native_stderr() as lines:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            if not _tensorflow_loggers_quiet and "tensorflow" in sys.modules:
                for name in ("tensorflow", "absl", "keras", "h5py"):
                    logging.getLogger(name).setLevel(logging.ERROR)
                _tensorflow_loggers_quiet = True
    for line in lines:
        log.info("TensorFlow: %s", line)
    for warning in caught:
        log.info("TensorFlow warning: %s", warning.message)


def tensorflow_missing() -> str | None:
    """None where TensorFlow can be imported; else the sentence saying how to get it. The
    installed app ships without TensorFlow (the window runs the .tflite on LiteRT); its
    separate training add-on puts TensorFlow into the app's folder. Looks for the package
    without importing it, so the window may ask before it offers fine-tuning."""
    import importlib.util

    try:
        if importlib.util.find_spec("tensorflow") is not None:
            return None
    except (ImportError, ValueError):  # a broken or half-removed installation
        pass
    if getattr(sys, "frozen", False):
        return translate(
            "Model",
            "Fine-tuning and Keras models (.keras, .h5) need the training add-on, which is not installed: "
            "install capseg-desktop-training, published beside this app's installer, or use a .tflite model.",
        )
    return translate(
        "Model",
        "Keras models (.keras, .h5) need TensorFlow, which is not installed here; use a .tflite model instead.",
    )


def load_keras_model(path: Path) -> Any:
    """The raw Keras model (used by training and conversion too)."""
    missing = tensorflow_missing()
    if missing:
        raise ModelLoadError(missing, detail="the tensorflow package cannot be found")
    _quiet_tensorflow()
    try:
        with _tensorflow_messages_to_log():
            import keras
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ModelLoadError(
            translate(
                "Model",
                "Keras models (.keras, .h5) need TensorFlow, which is not installed here; use a .tflite model instead.",
            ),
            detail=repr(exc),
        ) from exc
    try:
        with _tensorflow_messages_to_log():
            return keras.models.load_model(
                str(path), compile=False, custom_objects=_keras_compat_objects(), safe_mode=True
            )
    except Exception as exc:
        raise ModelLoadError(
            translate("Model", "The model file {name} could not be opened: it is damaged or not a Keras model.").format(
                name=path.name
            ),
            detail=repr(exc),
        ) from exc


def _keras_input_channels(model: Any, name: str) -> int:
    inputs = model.inputs
    if len(inputs) != 1:
        raise ModelLoadError(
            translate("Model", "The model {name} has {count} inputs; CapSeg needs a model with one image input.").format(
                name=name, count=len(inputs)
            )
        )
    shape = tuple(inputs[0].shape)
    if len(shape) != 4 or shape[-1] not in (1, 3):
        raise ModelLoadError(
            translate(
                "Model", "The model {name} expects input of shape {shape}; CapSeg needs images with 1 (grey) or 3 (colour) channels."
            ).format(name=name, shape=shape),
        )
    outputs = model.outputs
    if len(outputs) != 1:
        raise ModelLoadError(
            translate("Model", "The model {name} has {count} outputs; CapSeg needs one mask output.").format(
                name=name, count=len(outputs)
            )
        )
    out_shape = tuple(outputs[0].shape)
    if len(out_shape) != 4 or out_shape[-1] != 1:
        raise ModelLoadError(
            translate(
                "Model", "The model {name} gives output of shape {shape}; CapSeg needs one mask channel of the image's size."
            ).format(name=name, shape=out_shape),
        )
    return int(shape[-1])


# LiteRT ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """What LiteRT prints from C++ (the XNNPACK delegate's INFO line) goes to the log."""
    from .imageio import capture_native_stderr

    with capture_native_stderr() as lines:
        yield
    for line in lines:
        log.info("LiteRT: %s", line)


class _LiteRTBackend:
    def __init__(self, path: Path, num_threads: int | None) -> None:
        from ai_edge_litert.interpreter import Interpreter

        self.interpreter = Interpreter(
            model_path=str(path), num_threads=num_threads or min(4, os.cpu_count() or 1)
        )
        inputs = self.interpreter.get_input_details()
        outputs = self.interpreter.get_output_details()
        if len(inputs) != 1:
            raise ModelLoadError(
                translate("Model", "The model {name} has {count} inputs; CapSeg needs one image input.").format(
                    name=path.name, count=len(inputs)
                )
            )
        if len(outputs) != 1:
            raise ModelLoadError(
                translate("Model", "The model {name} has {count} outputs; CapSeg needs one mask output.").format(
                    name=path.name, count=len(outputs)
                )
            )
        self.input_index = inputs[0]["index"]
        self.output_index = outputs[0]["index"]
        self.input_shape = tuple(int(v) for v in inputs[0]["shape_signature"])
        self._allocated: tuple[int, ...] | None = None

    @property
    def fixed_size(self) -> tuple[int, int] | None:
        if len(self.input_shape) == 4 and self.input_shape[1] > 0 and self.input_shape[2] > 0:
            return self.input_shape[1], self.input_shape[2]
        return None

    def run(self, batch: np.ndarray) -> np.ndarray:
        if self._allocated != batch.shape:
            self.interpreter.resize_tensor_input(self.input_index, list(batch.shape), strict=False)
            if self._allocated is None:
                # The first allocation prints "INFO: Created TensorFlow Lite XNNPACK delegate"
                # from C++ straight to stderr: noise in a clinician's terminal.
                with _native_stderr_silenced():
                    self.interpreter.allocate_tensors()
            else:
                self.interpreter.allocate_tensors()
            self._allocated = batch.shape
        self.interpreter.set_tensor(self.input_index, batch)
        self.interpreter.invoke()
        return self.interpreter.get_tensor(self.output_index)


# Loading -----------------------------------------------------------------------------------
def _find_card(path: Path, sha256: str) -> dict[str, Any] | None:
    """A ``model_card.json`` beside the model that lists this file (by name or hash)."""
    card_path = path.with_name("model_card.json")
    if not card_path.is_file():
        return None
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = card.get("files") or {}
    listed = files.get(path.name)
    listed_hash = listed.get("sha256") if isinstance(listed, dict) else listed
    if listed_hash == sha256 or (listed is not None and listed_hash is None):
        return card
    return None


def load_model(path: str | Path, num_threads: int | None = None) -> ModelSession:
    """Load and validate a segmentation model. Raises ``ModelLoadError`` with a plain sentence."""
    path = Path(path)
    if path.is_dir():
        raise ModelLoadError(
            translate("Model", "{name} is a folder, not a model file; choose a .tflite, .keras or .h5 file.").format(name=path.name)
        )
    if not path.is_file():
        raise ModelLoadError(translate("Model", "The model file {name} does not exist.").format(name=path.name))
    suffix = path.suffix.lower()
    if suffix not in MODEL_SUFFIXES:
        raise ModelLoadError(
            translate("Model", "{name} is not a model CapSeg can open; choose a .tflite, .keras or .h5 file.").format(name=path.name)
        )
    if path.stat().st_size == 0:
        raise ModelLoadError(translate("Model", "The model file {name} is empty.").format(name=path.name))
    sha256 = file_sha256(path)

    if suffix == ".tflite":
        try:
            backend: Any = _LiteRTBackend(path, num_threads)
        except ModelLoadError:
            raise
        except Exception as exc:
            raise ModelLoadError(
                translate(
                    "Model", "The model file {name} could not be opened: it is damaged or not a TensorFlow Lite model."
                ).format(name=path.name),
                detail=repr(exc),
            ) from exc
        shape = backend.input_shape
        if len(shape) != 4 or shape[-1] not in (1, 3):
            raise ModelLoadError(
                translate(
                    "Model", "The model {name} expects input of shape {shape}; CapSeg needs images with 1 (grey) or 3 (colour) channels."
                ).format(name=path.name, shape=shape)
            )
        channels = int(shape[-1])
        runtime = "litert"
    else:
        model = load_keras_model(path)
        channels = _keras_input_channels(model, path.name)
        backend = _KerasBackend(model)
        runtime = "keras"

    session = ModelSession(
        path=path, sha256=sha256, runtime=runtime, input_channels=channels, _backend=backend
    )
    session.multiple = session._probe_multiple()
    session._check_realistic_sizes(getattr(backend, "fixed_size", None))
    session.card = _find_card(path, sha256)
    return session


def convert_to_tflite(source: str | Path, target: str | Path) -> Path:
    """Convert a Keras model (.keras/.h5, Keras 2 files included) to a ``.tflite`` file with
    free height and width, written atomically."""
    from .atomic import write_bytes_atomic

    source, target = Path(source), Path(target)
    session = load_model(source)
    if session.runtime != "keras":
        raise ModelLoadError(translate("Model", "{name} is already a TensorFlow Lite model.").format(name=source.name))
    model = session._backend.model
    import tensorflow as tf

    from tensorflow.python.framework.convert_to_constants import (
        convert_variables_to_constants_v2,
    )

    # Batch 1, free height and width. The variables are frozen into constants first: a
    # Keras 3 model traced as is keeps resource variables that LiteRT cannot read.
    spec = tf.TensorSpec([1, None, None, session.input_channels], tf.float32, name="image")
    function = tf.function(lambda image: model(image, training=False), input_signature=[spec])
    try:
        frozen = convert_variables_to_constants_v2(function.get_concrete_function())
        flatbuffer = tf.lite.TFLiteConverter.from_concrete_functions([frozen]).convert()
    except Exception as exc:
        raise ModelLoadError(
            translate("Model", "The model {name} could not be converted to TensorFlow Lite.").format(name=source.name),
            detail=repr(exc),
        ) from exc
    write_bytes_atomic(target, flatbuffer, overwrite=True)
    return target
