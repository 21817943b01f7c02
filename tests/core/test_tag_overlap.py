"""No number tag covers another in the exported picture where there is room for both
(issue 21: on a strip whose boxes touch the top edge, tag 11 covered tag 10, while the
window, with the same rule in core/tag_layout.py, had placed 10 below its box)."""

from __future__ import annotations

import numpy as np

from capseg_desktop.core import render
from capseg_desktop.core.counting import Capillary
from capseg_desktop.core.tag_layout import place_tags

# A crowded strip, 1275 x 260: most loops touch the top edge (no room above) and some touch
# each other, so a tag placed first could take the one place left to its neighbour (on 18483_013 tag 11
# covered 10, here 8 covered 7, before the layout made room).
STRIP_BOXES = {
    1: (40, 0, 132, 62), 2: (151, 0, 205, 151), 3: (224, 3, 307, 107), 4: (317, 0, 426, 251), 5: (441, 0, 525, 132),
    6: (538, 53, 582, 222), 7: (604, 0, 652, 255), 8: (650, 43, 743, 121), 9: (746, 0, 827, 163), 10: (857, 50, 963, 132),
    11: (970, 0, 1045, 221), 12: (1040, 0, 1133, 115), 13: (1158, 0, 1262, 180),
}
WIDTH, HEIGHT = 1275, 260


def capillaries() -> list[Capillary]:
    return [Capillary(k, box, (box[2] - box[0]) * (box[3] - box[1]) // 2, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
            for k, box in STRIP_BOXES.items()]


def shares_pixels(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:  # inclusive corners
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def test_no_two_tags_share_a_pixel_in_the_exported_picture():
    tags = render.tag_places(capillaries(), WIDTH, HEIGHT)
    assert sorted(tags) == sorted(STRIP_BOXES)  # every loop keeps its number
    overlapping = [(a, b) for a in tags for b in tags if a < b and shares_pixels(tags[a][1], tags[b][1])]
    assert overlapping == []
    for number, (_label, tab) in tags.items():  # and no tag on another loop's box
        for other, box in STRIP_BOXES.items():
            assert other == number or not shares_pixels(tab, (box[0], box[1], box[2] - 1, box[3] - 1)), (number, other)


def test_the_tags_drawn_are_the_places_given_and_each_shows_its_number():
    rgb = np.full((HEIGHT, WIDTH, 3), (225, 195, 175), np.uint8)
    drawn = render.draw_boxes(rgb, capillaries())
    for number, (_label, (x0, y0, x1, y1)) in render.tag_places(capillaries(), WIDTH, HEIGHT).items():
        tab = drawn[y0:y1 + 1, x0:x1 + 1]
        # the outline in the box colour all round, the number in yellow inside, on the dark fill
        assert (tab[0] == render.BOX_RGB).all() and (tab[-1] == render.BOX_RGB).all(), number
        assert (tab[:, 0] == render.BOX_RGB).all() and (tab[:, -1] == render.BOX_RGB).all(), number
        inside = tab[2:-2, 2:-2]
        assert (inside == render.TAG_FILL_RGB).all(axis=2).any() and (inside == render.LABEL_TEXT_RGB).all(axis=2).any(), number


def test_a_tag_moves_aside_to_leave_its_neighbour_the_only_place_it_has():
    """Box 10's first free place (above) is the one place box 11 has (left of it, at the
    top); 10 also fits left of its box, so both keep a free place."""
    bounds = (0.0, 0.0, 200.0, 100.0)
    boxes = {10: (110.0, 30.0, 138.0, 100.0), 11: (142.0, 0.0, 200.0, 100.0)}
    places = place_tags(boxes, {10: (20.0, 18.0), 11: (20.0, 18.0)}, bounds)
    tag10, tag11 = places[10], places[11]
    assert not (tag10[0] < tag11[2] and tag11[0] < tag10[2] and tag10[1] < tag11[3] and tag11[1] < tag10[3])
    for tag in (tag10, tag11):
        assert all(not (tag[0] < b[2] and b[0] < tag[2] and tag[1] < b[3] and b[1] < tag[3]) for b in boxes.values())
