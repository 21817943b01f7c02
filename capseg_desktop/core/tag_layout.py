"""Where a capillary's number tag goes: one algorithm for the window's views and the exported
picture (pure Python; the window converts to and from Qt's rectangles).

A tag sits inside the picture, outside its box, above it by preference (never over the loop's
apex, which is at the top of the box), never over another box or tag and not so close to
another box that it reads as that box's number where there is room for that; every box gets
its number. Rectangles are ``(x0, y0, x1, y1)`` floats, ``x1``/``y1``
exclusive, in image pixels.
"""

from __future__ import annotations

from typing import Callable, Hashable, Mapping

Rect = tuple[float, float, float, float]

#: Gap between a box and its tag, and the distance within which a tag could be read as
#: another box's number, both in screen pixels (divided by the view scale).
GAP_PX = 2.0
NEAR_PX = 6.0


def intersects(a: Rect, b: Rect) -> bool:
    """A non-empty overlap (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def contains(outer: Rect, inner: Rect) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def grown(rect: Rect, by: float) -> Rect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


class RectGrid:
    """Rectangles bucketed by cell, so that "does this overlap anything?" looks at neighbours
    only: a large scan has a thousand boxes."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1.0)
        self.cells: dict[tuple[int, int], list[tuple[Hashable, Rect]]] = {}

    def _keys(self, rect: Rect) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(int(rect[0] // c), int(rect[2] // c) + 1)
            for j in range(int(rect[1] // c), int(rect[3] // c) + 1)
        ]

    def add(self, key: Hashable, rect: Rect) -> None:
        for cell in self._keys(rect):
            self.cells.setdefault(cell, []).append((key, rect))

    def remove(self, key: Hashable, rect: Rect) -> None:
        for cell in self._keys(rect):
            self.cells[cell] = [entry for entry in self.cells.get(cell, ()) if entry[0] != key]

    def keys_hit(self, rect: Rect) -> set[Hashable]:
        """The rectangles ``rect`` overlaps, by key."""
        return {key for cell in self._keys(rect) for key, other in self.cells.get(cell, ()) if intersects(rect, other)}

    def hits(self, rect: Rect, besides: Hashable = None) -> bool:
        """Whether ``rect`` overlaps a rectangle of the grid other than the one called ``besides``."""
        return any(
            key != besides and intersects(rect, other)
            for cell in self._keys(rect) for key, other in self.cells.get(cell, ())
        )


#: The places tried first around a box, in ``candidates``' order (the slid ones come after).
PRIMARY_PLACES = ("above", "above right", "right", "below", "low right", "left", "low left")


def candidates(box: Rect, w: float, h: float, gap: float) -> list[Rect]:
    """The places a tag of ``w`` x ``h`` may take around ``box``, best first."""
    x0, y0, x1, y1 = box
    places = [
        (x0, y0 - gap - h),  # above, left-aligned
        (x1 - w, y0 - gap - h),  # above, right-aligned
        (x1 + gap, y0),  # beside, right
        (x0, y1 + gap),  # below
        (x1 + gap, y1 - h),  # beside, low right
        # Left last: a tag left of its box sits beside the previous box's tag ("9 10").
        (x0 - gap - w, y0),  # beside, left
        (x0 - gap - w, y1 - h),  # beside, low left
    ]
    # Then above and below, slid along the box an eighth of a tag at a time (past its ends as far
    # as the tag still touches the box's span): at a crowded edge the aligned places can be
    # taken by a neighbour's tag while room is left a little to the side.
    step = max(w / 8.0, 1.0)
    slides = [x0 - w + step * i for i in range(1, int((x1 - x0 + w) / step))]
    slides.sort(key=lambda x: abs(x - x0))
    places += [(x, y0 - gap - h) for x in slides] + [(x, y1 + gap) for x in slides]
    return [(x, y, x + w, y + h) for x, y in places]


def _clamped(rect: Rect, bounds: Rect) -> Rect:
    """``rect`` moved (not resized) to lie inside ``bounds`` where it fits."""
    w, h = rect[2] - rect[0], rect[3] - rect[1]
    x = min(max(rect[0], bounds[0]), max(bounds[0], bounds[2] - w))
    y = min(max(rect[1], bounds[1]), max(bounds[1], bounds[3] - h))
    return (x, y, x + w, y + h)


def place_tags(
    boxes: Mapping[Hashable, Rect],
    sizes: Mapping[Hashable, tuple[float, float]],
    bounds: Rect,
    scale: float = 1.0,
) -> dict[Hashable, Rect | None]:
    """A place for each box's tag, always inside ``bounds`` (the picture: a tag outside it
    is cut off, in the window's views as in an exported picture).

    ``sizes``: each tag's width and height in screen pixels; ``scale``: screen pixels per
    image pixel (1 for an exported picture). Best a free place that cannot be read as another
    box's number, then a free one, then the first place inside the picture even where it
    overlaps (a number over another beats a loop without one: the flagged loops at a crowded
    edge lost theirs), and for a box that leaves no room around it, its own corner. ``None``
    only with no boxes' scale."""
    if not boxes or scale <= 0:
        return {key: None for key in boxes}
    widths = sorted(r[2] - r[0] for r in boxes.values())
    heights = sorted(r[3] - r[1] for r in boxes.values())
    box_grid = RectGrid(max(widths[len(widths) // 2], heights[len(heights) // 2]))
    for key, rect in boxes.items():
        box_grid.add(key, rect)
    tag_grid = RectGrid(box_grid.cell)
    gap, near = GAP_PX / scale, NEAR_PX / scale
    placed: dict[Hashable, Rect | None] = {}

    def own_options(key: Hashable, primary_only: bool = False) -> list[Rect]:
        w_px, h_px = sizes[key]
        around = candidates(boxes[key], w_px / scale, h_px / scale, gap)
        return [c for c in (around[:len(PRIMARY_PLACES)] if primary_only else around) if contains(bounds, c)]

    # Where tags are wider than most boxes (a large scan zoomed out) the picture is too crowded
    # for the slid places and the making of room to find much, and they would cost seconds on a
    # thousand boxes: the seven places only, as before.
    tag_widths = sorted(size[0] / scale for size in sizes.values())
    thorough = tag_widths[len(tag_widths) // 2] <= widths[len(widths) // 2]
    for key in sorted(boxes, key=lambda k: (boxes[k][0], boxes[k][1])):
        box = boxes[key]
        w_px, h_px = sizes[key]
        options = own_options(key, primary_only=not thorough)

        def free(c: Rect) -> bool:
            return not tag_grid.hits(c) and not box_grid.hits(c)

        def unambiguous(c: Rect, own: Hashable = key) -> bool:  # not as close to another box as to its own
            return not box_grid.hits(grown(c, near), besides=own)

        chosen = next((c for c in options if free(c) and unambiguous(c)), None)
        chosen = chosen or next((c for c in options if free(c)), None)
        # No free place: move the tags in the way to free places of their own, where they
        # have some (a tag placed first took the one place left to its neighbour at a crowded
        # edge: tag 11 covered tag 10, which had room below its box).
        if thorough:
            chosen = chosen or _make_room(own_options(key, primary_only=True), box_grid, tag_grid, placed, boxes, own_options)
        chosen = chosen or next(iter(options), None)
        if chosen is None:  # the box fills the picture around it: its own top-left corner
            w, h = w_px / scale, h_px / scale
            chosen = _clamped((box[0] + gap, box[1] + gap, box[0] + gap + w, box[1] + gap + h), bounds)
        tag_grid.add(key, chosen)
        placed[key] = chosen
    return placed


def _make_room(
    options: list[Rect], box_grid: RectGrid, tag_grid: RectGrid, placed: dict[Hashable, Rect | None],
    boxes: Mapping[Hashable, Rect], own_options: Callable[[Hashable], list[Rect]],
) -> Rect | None:
    """The first of ``options`` clear of every box whose overlapping tags (two at most: where
    more are in the way the picture is too crowded to gain by it, and each try costs) can all
    move to free places of their own (moved in ``placed`` and ``tag_grid``), else ``None``."""
    for option in options:
        if box_grid.hits(option):
            continue
        in_the_way = tag_grid.keys_hit(option)
        if len(in_the_way) > 2:
            continue
        moves: dict[Hashable, Rect] = {}
        for other in sorted(in_the_way, key=lambda k: (boxes[k][0], boxes[k][1])):
            taken = [option, *moves.values()]
            elsewhere = next((
                c for c in own_options(other)
                if not box_grid.hits(c) and not tag_grid.keys_hit(c) - {other}
                and not any(intersects(c, t) for t in taken)
            ), None)
            if elsewhere is None:
                break
            moves[other] = elsewhere
        else:
            for other, rect in moves.items():
                tag_grid.remove(other, placed[other])
                tag_grid.add(other, rect)
                placed[other] = rect
            return option
    return None
