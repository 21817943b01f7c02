"""What the exported files hold, as a user opens them: the mask, the CSV's first line, the
legend, the JSON's fields and the tags' pixels (issue 10's core part)."""

from __future__ import annotations

import cv2
import numpy as np

from capseg_desktop.core.batch import output_files
from capseg_desktop.core.pipeline import Analyzer

from .tiny_models import bars_image


def write_png(path, rgb):
    assert cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


def bars_with_speck(tmp_path):
    """Three counted bars (1200 px each) and a dark 10 x 10 speck, below the minimum area."""
    rgb = bars_image()
    rgb[150:160, 20:30] = (120, 40, 30)
    return write_png(tmp_path / "bars.png", rgb)


def test_exported_mask_holds_only_counted_capillaries(tmp_path, darkness_session):
    analysis = Analyzer(darkness_session).analyze_path(bars_with_speck(tmp_path))
    assert analysis.result.count == 3 and analysis.mask[155, 25]  # the speck is above threshold
    written = cv2.imread(str(analysis.write_mask_png(tmp_path / "m.png")), cv2.IMREAD_UNCHANGED)
    assert written[155, 25] == 0 and (written == 255).sum() == 3 * 1200
    assert analysis.mask_rgb()[155, 25].tolist() == [0, 0, 0]
    batch_mask = output_files(analysis, tmp_path, "bars")[tmp_path / "bars_mask.png"]
    decoded = cv2.imdecode(np.frombuffer(batch_mask, np.uint8), cv2.IMREAD_UNCHANGED)
    assert decoded[155, 25] == 0 and np.array_equal(decoded > 0, analysis.counted_mask)
