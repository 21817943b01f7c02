"""The loops' shape labels on synthetic strips' exact masks, against what the generator drew:
``python -m capseg_devtools.shapes_on_synth [STRIPS]`` (default 60, seeds 1000...).

``capseg synth`` crosses a loop's limbs once or twice with a probability of 0.15 and otherwise
draws hairpins whose limbs sway a little. The generator does not record which loops it crossed,
so this tool listens to it (its limb-offset function is wrapped for the run) and finds each drawn
loop by its apex. It prints how many crossed loops are labelled crossing, and how many loops
drawn uncrossed get a label other than hairpin (not assessable aside): the label's recall and its
false alarms on loops whose truth is known. Masks are exact: a model's masks add their own errors.
"""

from __future__ import annotations

import sys
from collections import Counter

import numpy as np

from capseg_desktop.core.corrections import capillaries_from_labels
from capseg_desktop.core.measure import measure_loops
from capseg_desktop.training import synth


def tally(strips: int = 60, first_seed: int = 1000) -> Counter:
    """(drawn "crossed" or "not crossed", label) -> loops."""
    drawn: list[tuple[tuple[float, float], int]] = []
    last = {"crossings": 0}
    offsets, make = synth._limb_offsets, synth._make_loop

    def listening_offsets(rng, ys, length, half_gap, crossings):
        last["crossings"] = crossings
        return offsets(rng, ys, length, half_gap, crossings)

    def listening_make(*args, **kwargs):
        loop = make(*args, **kwargs)
        drawn.append((loop.apex, last["crossings"]))
        return loop

    table: Counter = Counter()
    synth._limb_offsets, synth._make_loop = listening_offsets, listening_make
    try:
        for seed in range(first_seed, first_seed + strips):
            drawn.clear()
            instances = synth.make_strip(np.random.default_rng(seed)).instances.astype(np.int32)
            truth = {}
            for (x, y), crossings in drawn:
                x, y = int(round(x)), int(round(y))
                window = instances[max(0, y - 3):y + 4, max(0, x - 3):x + 4]
                ids = np.unique(window[window > 0])
                if ids.size == 1:  # the apex is this loop's and no other's
                    truth[int(ids[0])] = crossings
            for loop in measure_loops(instances, capillaries_from_labels(instances)):
                if loop.id in truth:
                    table[("crossed" if truth[loop.id] else "not crossed", loop.shape)] += 1
    finally:
        synth._limb_offsets, synth._make_loop = offsets, make
    return table


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    table = tally(int(argv[0]) if argv else 60)
    for key in sorted(table):
        print(*key, table[key], sep="\t")
    crossed = sum(n for (truth, _), n in table.items() if truth == "crossed")
    plain = sum(n for (truth, _), n in table.items() if truth == "not crossed")
    false_alarms = plain - table[("not crossed", "hairpin")] - table[("not crossed", "not assessable")]
    print(f"crossed loops labelled crossing: {table[('crossed', 'crossing')]}/{crossed}")
    print(f"uncrossed loops labelled other than hairpin (not assessable aside): {false_alarms}/{plain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
