"""The EULAR fast track algorithm: "scleroderma pattern" or "non-scleroderma pattern", with the
steps that led there, as support for the clinician's reading, never as a diagnosis.

The algorithm (Smith V, Vanhaecke A, Herrick AL, et al., EULAR Study Group on Microcirculation in
Rheumatic Diseases. Fast track algorithm: how to differentiate a "scleroderma pattern" from a
"non-scleroderma pattern". Autoimmun Rev 2019;18(11):102394, doi:10.1016/j.autrev.2019.102394;
taken up in the group's standardisation consensus, Autoimmun Rev 2020;19(3):102458) has three
rules, read in order:

1. a density of ``NORMAL_DENSITY_PER_MM`` (7) capillaries per mm or more **and** no giant loop:
   non-scleroderma pattern;
2. giant loops, **or** an extremely lowered density (``EXTREMELY_LOW_DENSITY_PER_MM``: 3 per mm
   or less) with abnormal shapes: scleroderma pattern;
3. anything else: non-scleroderma pattern.

Giant: a vessel 50 µm wide or more (``core.measure.Thresholds``); abnormal shapes: "not hairpin,
not tortuous, not crossing" (``core.shape.ABNORMAL_SHAPES``: ramified). Haemorrhages are not part
of the algorithm: the steps give their number (``core.haemorrhage``) and say so.

**This tool's choices** (the paper reads one image; an exam has several per finger):

* a finger is read on its figures: the mean distal-row density of its images (``core.exam``),
  the giant loops and the abnormal shapes of all its images; at least ``MIN_ABNORMAL_SHAPES``
  abnormal loop makes "with abnormal shapes";
* the patient: a scleroderma pattern when at least one finger shows one, a non-scleroderma
  pattern when every finger that could be read shows none, "not assessable" when no finger
  could be read;
* "not assessable" only where the rules cannot be decided: without a scale (no density and
  no giant can be judged), or at 3 per mm or less with no giant and no loop whose shape could
  be judged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .i18n import format_number
from .texts import QT_TRANSLATE_NOOP, Sentences

SCLERODERMA, NON_SCLERODERMA, NOT_ASSESSABLE = "scleroderma pattern", "non-scleroderma pattern", "not assessable"
#: Rule 1: a density of this many capillaries per mm or more (with no giant loop).
NORMAL_DENSITY_PER_MM = 7.0
#: Rule 2: an "extremely lowered density": this many capillaries per mm or less (with abnormal shapes).
EXTREMELY_LOW_DENSITY_PER_MM = 3.0
#: Rule 2's "abnormal shapes": at least this many abnormal (ramified) loops. This tool's choice.
MIN_ABNORMAL_SHAPES = 1

#: Every sentence of the steps, looked up in the reader's language; ``english`` for the CSV.
TEXT = Sentences(
    "FastTrack",
    {
        "scleroderma pattern": QT_TRANSLATE_NOOP("FastTrack", "scleroderma pattern"),
        "non-scleroderma pattern": QT_TRANSLATE_NOOP("FastTrack", "non-scleroderma pattern"),
        "not assessable": QT_TRANSLATE_NOOP("FastTrack", "not assessable"),
        "title": QT_TRANSLATE_NOOP("FastTrack", "EULAR fast track algorithm"),
        "support": QT_TRANSLATE_NOOP(
            "FastTrack", "EULAR fast track algorithm (Smith et al., Autoimmun Rev 2019): support for the clinician's reading, "
                         "not a diagnosis."),
        "rule1_met": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 1: density {density} per mm (7 or more) and no giant loop: non-scleroderma pattern."),
        "rule1_density": QT_TRANSLATE_NOOP("FastTrack", "Step 1 not met: density {density} per mm (below 7)."),
        "rule1_giants": QT_TRANSLATE_NOOP("FastTrack", "Step 1 not met: giant loops present ({giants})."),
        "rule1_unknown": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 1 cannot be judged: density and giant loops not assessed (no scale)."),
        "rule2_giants": QT_TRANSLATE_NOOP("FastTrack", "Step 2: giant loops present ({giants}): scleroderma pattern."),
        "rule2_shapes": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 2: density {density} per mm (3 or less) with abnormal shapes (ramified loops: "
                         "{abnormal}): scleroderma pattern."),
        "rule2_not_low": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 2 not met: no giant loop, and density {density} per mm (above 3)."),
        "rule2_no_shapes": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 2 not met: no giant loop, and density {density} per mm (3 or less) without abnormal shapes."),
        "rule2_shapes_unknown": QT_TRANSLATE_NOOP(
            "FastTrack", "Step 2 cannot be judged: no giant loop and density {density} per mm (3 or less), but no loop's "
                         "shape could be assessed."),
        "rule2_giants_unknown": QT_TRANSLATE_NOOP("FastTrack", "Step 2 cannot be judged: giant loops not assessed (no scale)."),
        "rule3": QT_TRANSLATE_NOOP("FastTrack", "Step 3: neither step 1 nor step 2: non-scleroderma pattern."),
        "haemorrhages": QT_TRANSLATE_NOOP(
            "FastTrack", "Haemorrhages: {count} (the fast track algorithm does not use them)."),
        "haemorrhages_unknown": QT_TRANSLATE_NOOP(
            "FastTrack", "Haemorrhages: not assessed (the fast track algorithm does not use them)."),
        "fingers_scleroderma": QT_TRANSLATE_NOOP("FastTrack", "Scleroderma pattern on {fingers}."),
        "fingers_non": QT_TRANSLATE_NOOP("FastTrack", "Non-scleroderma pattern on {fingers}."),
        "fingers_unknown": QT_TRANSLATE_NOOP("FastTrack", "Not assessable on {fingers}."),
        "no_finger": QT_TRANSLATE_NOOP("FastTrack", "No finger could be assessed."),
    },
)


@dataclass(frozen=True)
class Step:
    """One sentence of the reasoning: its key in ``TEXT`` and its values (numbers unformatted)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, english: bool = False) -> str:
        values = {}
        for name, value in self.values.items():
            if isinstance(value, float):
                value = f"{value:.1f}" if english else format_number(value, 1)
            values[name] = value
        return (TEXT.english(self.key) if english else TEXT[self.key]).format(**values)


@dataclass(frozen=True)
class FastTrack:
    """The outcome (``SCLERODERMA``, ``NON_SCLERODERMA`` or ``NOT_ASSESSABLE``), the rule that
    decided it (1, 2 or 3; ``None`` when not assessable) and the steps."""

    pattern: str
    rule: int | None
    steps: tuple[Step, ...]

    def pattern_text(self, english: bool = False) -> str:
        return TEXT.english(self.pattern) if english else TEXT[self.pattern]

    def step_texts(self, english: bool = False) -> list[str]:
        return [step.text(english) for step in self.steps]

    def to_dict(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "rule": self.rule, "steps": self.step_texts(english=True)}


def haemorrhages_step(count: int | None) -> Step:
    """The haemorrhages' sentence (``None``: not looked for): said, never used by the rules."""
    return Step("haemorrhages_unknown") if count is None else Step("haemorrhages", {"count": int(count)})


def fast_track(density_per_mm: float | None, giants: int | None, abnormal_shapes: int | None,
               haemorrhage_count: int | None = None) -> FastTrack:
    """The algorithm on one set of figures: ``density_per_mm`` (``None``: no scale), ``giants``
    (``None``: not assessed), ``abnormal_shapes`` the abnormal (ramified) loops (``None``: no
    loop's shape could be assessed); ``haemorrhage_count`` is only reported."""
    haemorrhages = haemorrhages_step(haemorrhage_count)
    low_density = density_per_mm is not None and density_per_mm <= EXTREMELY_LOW_DENSITY_PER_MM
    giants_found = giants is not None and giants > 0
    # Rule 1.
    if giants_found:
        first = Step("rule1_giants", {"giants": giants})
    elif density_per_mm is not None and density_per_mm < NORMAL_DENSITY_PER_MM:
        first = Step("rule1_density", {"density": float(density_per_mm)})
    elif density_per_mm is None or giants is None:
        return FastTrack(NOT_ASSESSABLE, None, (Step("rule1_unknown"), haemorrhages))
    else:
        return FastTrack(NON_SCLERODERMA, 1, (Step("rule1_met", {"density": float(density_per_mm)}), haemorrhages))
    # Rule 2 (rule 1 failed: giants, or a density below 7).
    if giants_found:
        return FastTrack(SCLERODERMA, 2, (first, Step("rule2_giants", {"giants": giants}), haemorrhages))
    if giants is None:
        return FastTrack(NOT_ASSESSABLE, None, (first, Step("rule2_giants_unknown"), haemorrhages))
    density = {"density": float(density_per_mm)} if density_per_mm is not None else {}
    if not low_density:
        second = Step("rule2_not_low", density)
    elif abnormal_shapes is None:
        return FastTrack(NOT_ASSESSABLE, None, (first, Step("rule2_shapes_unknown", density), haemorrhages))
    elif abnormal_shapes >= MIN_ABNORMAL_SHAPES:
        return FastTrack(SCLERODERMA, 2, (first, Step("rule2_shapes", {**density, "abnormal": abnormal_shapes}), haemorrhages))
    else:
        second = Step("rule2_no_shapes", density)
    return FastTrack(NON_SCLERODERMA, 3, (first, second, Step("rule3"), haemorrhages))


def patient_fast_track(fingers: Sequence[tuple[str, FastTrack | None]], haemorrhage_count: int | None = None) -> FastTrack:
    """The patient's outcome from each finger's (name, outcome; ``None``: not examined): see
    the module's docstring. ``haemorrhage_count``: the patient's, only reported."""
    read = [(name, found) for name, found in fingers if found is not None]
    by_pattern = {pattern: [name for name, found in read if found.pattern == pattern]
                  for pattern in (SCLERODERMA, NON_SCLERODERMA, NOT_ASSESSABLE)}
    steps = []
    for pattern, key in ((SCLERODERMA, "fingers_scleroderma"), (NON_SCLERODERMA, "fingers_non"),
                         (NOT_ASSESSABLE, "fingers_unknown")):
        if by_pattern[pattern]:
            steps.append(Step(key, {"fingers": ", ".join(by_pattern[pattern])}))
    steps.append(haemorrhages_step(haemorrhage_count))
    if by_pattern[SCLERODERMA]:
        return FastTrack(SCLERODERMA, 2, tuple(steps))
    if by_pattern[NON_SCLERODERMA]:
        rules = {found.rule for _, found in read if found.pattern == NON_SCLERODERMA}
        return FastTrack(NON_SCLERODERMA, 1 if rules == {1} else 3, tuple(steps))
    return FastTrack(NOT_ASSESSABLE, None, tuple(steps[:-1]) + (Step("no_finger"), steps[-1]))
