"""How many keys and clicks a reviewer needs to bring the model's count to the reference points:
``python -m capseg_devtools.review_cost [--images DIR] [--points FILE] [--names a.png,b.png]
[--model FILE]``.

For each image the model's boxes are matched to the reference points (10 px tolerance, as the
evaluation does). Two ways of correcting are costed, with the window's commands:

- **walk**: Edit > Review, one key per box (N keeps it, X takes it out: every box is looked at),
  then the missed loops: A (the Add tool), one click each, Esc;
- **point**: only the wrong boxes, each a click and Del; the missed loops as above;

and, for comparison, the window before fast review: each wrong box a click and Del (the same as
*point*; fast review changes what it costs to *look at* every box, not to fix one).
Defaults: the reference strips' test split (the five strips no model was trained or chosen on)
from ``../shared/data/seed``, with our point annotations.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

TOLERANCE_PX = 10.0


def image_cost(boxes: list, centroids: list, points: list) -> dict:
    from capseg_desktop.training.evaluate import match_points

    match = match_points(points, boxes, centroids, TOLERANCE_PX)
    wrong, missed = match.false_positives, match.false_negatives
    adding = missed + (2 if missed else 0)  # A, a click per loop, Esc
    return {"boxes": len(boxes), "wrong": wrong, "missed": missed,
            "walk": len(boxes) + adding, "point": 2 * wrong + adding}


def main(argv: list[str] | None = None) -> int:
    from capseg_desktop.core import Analyzer, load_model
    from capseg_desktop.core.paths import default_model_path, seed_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=Path)
    parser.add_argument("--points", type=Path, default=Path("tests/training/data/seed_points.json"))
    parser.add_argument("--names", help="comma-separated image names (default: the test split of models/recipe.json)")
    parser.add_argument("--model", type=Path)
    args = parser.parse_args(argv)
    images = args.images or (seed_dir() / "Test_images" if seed_dir() else None)
    if images is None or not images.is_dir():
        print("No images: pass --images (the reference strips live in ../shared/data/seed/Test_images).")
        return 2
    names = args.names.split(",") if args.names else json.loads(Path("models/recipe.json").read_text())["splits"]["test"]
    points = json.loads(args.points.read_text(encoding="utf-8"))
    analyzer = Analyzer(load_model(args.model or default_model_path()))
    rows = []
    for name in names:
        result = analyzer.analyze_path(images / name).result
        cost = image_cost([c.bbox for c in result.capillaries], [c.centroid for c in result.capillaries], points[name])
        rows.append(cost)
        print(f"{name}: {cost['boxes']} boxes, {cost['wrong']} wrong, {cost['missed']} missed; "
              f"keys and clicks: walk {cost['walk']}, point {cost['point']}")
    for key in ("walk", "point"):
        values = [r[key] for r in rows]
        print(f"{key}: median {statistics.median(values):g} per image, total {sum(values)} over {len(rows)} images")
    return 0


if __name__ == "__main__":
    sys.exit(main())
