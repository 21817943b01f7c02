"""Every counted capillary keeps its number, in the window's views and in exported pictures."""

from __future__ import annotations

from capseg_desktop.core.tag_layout import contains, intersects, place_tags

# The boxes of reference strip 18483_013 (1275 x 198) as counted: the last three touch the top
# edge and each other, and the last ends 39 px before the right edge.
STRIP = (0.0, 0.0, 1275.0, 198.0)
BOXES = {
    1: (36.0, 0.0, 74.0, 61.0), 2: (146.0, 0.0, 207.0, 116.0), 3: (200.0, 0.0, 307.0, 169.0),
    4: (387.0, 0.0, 482.0, 149.0), 5: (510.0, 0.0, 583.0, 91.0), 6: (609.0, 0.0, 712.0, 145.0),
    7: (773.0, 103.0, 817.0, 163.0), 8: (874.0, 51.0, 952.0, 136.0), 9: (987.0, 0.0, 1057.0, 126.0),
    10: (1070.0, 0.0, 1162.0, 116.0), 11: (1165.0, 0.0, 1236.0, 113.0),
}


def test_a_number_that_does_not_fit_beside_the_edge_box_stays_inside_the_picture():
    """With a slightly wider font, "11" no longer fitted right of the last box; it went above
    it, outside the picture, where neither the view nor the exported file shows it."""
    for width_px in (16.0, 24.7, 27.0, 40.0):
        for scale in (0.5, 0.686, 1.0, 2.0):
            sizes = {k: (width_px if k < 10 else width_px * 1.5, 16.0) for k in BOXES}
            places = place_tags(BOXES, sizes, STRIP, scale)
            assert all(place is not None and contains(STRIP, place) for place in places.values()), (width_px, scale)


def test_free_places_first_and_a_box_filling_the_picture_gets_its_corner():
    places = place_tags(BOXES, {k: (20.0, 16.0) for k in BOXES}, STRIP, 1.0)
    for key, place in places.items():
        assert not any(intersects(place, box) for box in BOXES.values()), key
    whole = {1: (0.0, 0.0, 100.0, 50.0)}
    (corner,) = place_tags(whole, {1: (20.0, 16.0)}, (0.0, 0.0, 100.0, 50.0)).values()
    assert contains((0.0, 0.0, 100.0, 50.0), corner) and corner[:2] == (2.0, 2.0)
