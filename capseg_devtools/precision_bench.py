"""Would lighter weights make the model faster here? ``python -m capseg_devtools.precision_bench``.

Converts the bundled ``.keras`` to LiteRT three ways (float32 as shipped, float16 weights,
dynamic-range int8 weights), runs each on the same 2560 x 2048 picture (a 1280 x 1024 wide field
with 5 px limbs after the scale step: the size issue 23 is about) in turn, ``--repeats`` times,
and prints the median seconds, the ratio to float32 in the same run, the file size and how far
each mask is from float32's (IoU at the card's threshold). Nothing is written to the checkout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("float32", "float16", "int8 dynamic range")


def convert(keras_path: Path, kind: str, target: Path) -> Path:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf
    from tensorflow.python.framework.convert_to_constants import convert_variables_to_constants_v2

    from capseg_desktop.core import load_model

    session = load_model(keras_path)
    model = session._backend.model
    spec = tf.TensorSpec([1, None, None, session.input_channels], tf.float32, name="image")
    function = tf.function(lambda image: model(image, training=False), input_signature=[spec])
    converter = tf.lite.TFLiteConverter.from_concrete_functions([convert_variables_to_constants_v2(function.get_concrete_function())])
    if kind != "float32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if kind == "float16":
        converter.target_spec.supported_types = [tf.float16]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(converter.convert())
    shutil.copy(keras_path.with_name("model_card.json"), target.with_name("model_card.json"))
    return target


def picture() -> np.ndarray:
    """A 2560 x 2048 picture tiled from a sample strip (the model's work does not depend on what it shows)."""
    from capseg_desktop.core.imageio import read_image

    strip = read_image(ROOT / "Test_images" / "sample_0003.png").rgb
    rows, cols = -(-2048 // strip.shape[0]), -(-2560 // strip.shape[1])
    return np.ascontiguousarray(np.tile(strip, (rows, cols, 1))[:2048, :2560])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capseg_devtools.precision_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "capseg_unet.keras")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    from capseg_desktop.core import load_model
    from capseg_desktop.core.segment import predict_probabilities

    image = picture()
    work = Path(tempfile.mkdtemp(prefix="capseg-precision-"))
    try:
        sessions = {kind: load_model(convert(args.model, kind, work / kind.replace(" ", "_") / "capseg_unet.tflite"))
                    for kind in KINDS}
        threshold = float((sessions["float32"].card or {}).get("recommended_parameters", {}).get("threshold", 0.5))
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        masks: dict[str, np.ndarray] = {}
        for _ in range(args.repeats):  # in turn, so a busy moment hits each alike
            for kind, session in sessions.items():
                started = time.perf_counter()
                probabilities = predict_probabilities(session, image)
                times[kind].append(time.perf_counter() - started)
                masks[kind] = probabilities > threshold
        reference = statistics.median(times["float32"])
        print("| weights | file | median s | ratio to float32 | mask IoU with float32 |")
        print("|---|---:|---:|---:|---:|")
        for kind in KINDS:
            size = (work / kind.replace(" ", "_") / "capseg_unet.tflite").stat().st_size
            union = np.logical_or(masks[kind], masks["float32"]).sum()
            iou = np.logical_and(masks[kind], masks["float32"]).sum() / union if union else 1.0
            median = statistics.median(times[kind])
            print(f"| {kind} | {size / 1024:.0f} KiB | {median:.2f} | {median / reference:.2f} | {iou:.4f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
