"""The scale an image is analysed at.

A U-Net recognises vessels of the width it was trained on. The model card states that width
(``scale.limb_width_px``: the typical capillary limb width, in pixels, of its training images);
each image is resized so that its limbs have that width before inference, and the results are
mapped back to the image's own pixels. ``ScaleInfo`` records what was done and why, for the
exports and the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Where the scale came from.
SCALE_SET = "set"              # from the user's micrometres per pixel
SCALE_ESTIMATED = "estimated"  # measured on the image itself
SCALE_NATIVE = "native"        # the model has no stated scale, or the user asked for none


@dataclass(frozen=True)
class ScaleInfo:
    """How an image was brought to the model's scale.

    ``factor`` is the resize applied before inference (model pixels per image pixel: 2.0 means
    the image was enlarged twice); ``limb_width_px`` is the typical limb width in the image's
    own pixels that this factor corresponds to; ``source`` is one of ``set``, ``estimated`` or
    ``native``.
    """

    factor: float
    limb_width_px: float | None
    model_limb_width_px: float | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "factor": round(self.factor, 4),
            "limb_width_px": None if self.limb_width_px is None else round(self.limb_width_px, 2),
            "model_limb_width_px": self.model_limb_width_px,
            "source": self.source,
        }

    def describe(self) -> str:
        """One short phrase for a legend or a status bar."""
        if self.source == SCALE_NATIVE or self.limb_width_px is None:
            return "scale: image analysed at its own size"
        how = {SCALE_SET: "from the µm per pixel set", SCALE_ESTIMATED: "estimated from the image"}
        return (
            f"scale ×{self.factor:.2f} (limbs about {self.limb_width_px:.1f} px, "
            f"{how.get(self.source, self.source)})"
        )


NATIVE_SCALE = ScaleInfo(factor=1.0, limb_width_px=None, model_limb_width_px=None, source=SCALE_NATIVE)
