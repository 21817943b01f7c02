"""An 8000 x 8000 image goes through overlapping tiles and finishes within about 2 GB."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from capseg_desktop.core.paths import default_model_path

CHILD = r"""
import json, resource, sys, time
import cv2, numpy as np
from capseg_desktop.core import Analyzer, load_model
image_path, model_path = sys.argv[1], sys.argv[2]
started = time.perf_counter()
analysis = Analyzer(load_model(model_path)).analyze_path(image_path)
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"count": analysis.result.count, "shape": list(analysis.probabilities.shape),
                  "peak_mib": peak_mib, "seconds": time.perf_counter() - started}))
"""


@pytest.mark.slow
def test_8000_pixel_image_stays_within_memory_budget(tmp_path, darkness_model_dir):
    import cv2
    import numpy as np

    # Beige strip with dark bars, tiled to 8000 x 8000: a smooth picture that compresses well.
    row = np.full((400, 8000, 3), (190, 215, 235), dtype=np.uint8)  # BGR beige
    for x in range(100, 8000, 250):
        row[:200, x : x + 14] = (30, 40, 120)
    image = np.vstack([row] * 20)
    path = tmp_path / "huge scan.png"
    assert cv2.imwrite(str(path), image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    del image, row

    def analyse(model) -> dict:
        result = subprocess.run([sys.executable, "-c", CHILD, str(path), str(model)],
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr[-2000:]
        report = json.loads(result.stdout.strip().splitlines()[-1])
        assert report["shape"] == [8000, 8000]
        assert report["peak_mib"] < 2048, report
        return report

    # The fixed-weight model knows the answer: every bar in every band, none lost at a seam.
    assert analyse(darkness_model_dir / "darkness.tflite")["count"] == 20 * 32
    # A real U-Net's working memory is what the tiles bound.
    bundled = default_model_path()
    if bundled is not None:
        analyse(bundled)
