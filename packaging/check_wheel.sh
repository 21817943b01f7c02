#!/usr/bin/env bash
# Build the wheel, install it in a fresh virtual environment (not editable, away from the
# checkout) and count a sample image with the model the wheel carries: proves that models/ and
# resources/ travel inside the package and are found there.
#
#   packaging/check_wheel.sh [PYTHON]        (default: python3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${1:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/capseg-wheel-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "check_wheel: building the wheel"
"$PYTHON" -m pip wheel -q --no-deps -w "$WORK/dist" "$ROOT"
WHEEL="$(ls "$WORK"/dist/capseg_desktop-*.whl)"
for member in capseg_desktop/models/capseg_unet.tflite capseg_desktop/models/model_card.json \
              capseg_desktop/resources/icons/capseg.png capseg_desktop/resources/translations/capseg_app_fr.qm \
              capseg_desktop/resources/translations/capseg_core_fr.qm capseg_desktop/resources/translations/capseg_window_fr.qm; do
  "$PYTHON" -c 'import sys, zipfile; sys.exit(sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist())' "$WHEEL" "$member" \
    || { echo "check_wheel: FAILED: $member is missing from $(basename "$WHEEL")"; exit 1; }
done

echo "check_wheel: installing $(basename "$WHEEL") in a fresh virtual environment"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WHEEL"

SAMPLE="$(ls "$ROOT"/Test_images/*.png | head -n 1)"
mkdir "$WORK/run" && cp "$SAMPLE" "$WORK/run/"
cd "$WORK/run"  # away from the checkout: nothing may come from it
env -u CAPSEG_MODELS_DIR -u PYTHONPATH CAPSEG_LOG_DIR="$WORK/log" \
  "$WORK/venv/bin/capseg" analyze "$WORK/run/$(basename "$SAMPLE")" --out "$WORK/out"
"$WORK/venv/bin/python" - "$WORK/out" "$WORK/venv" <<'PY'
import json, sys
from pathlib import Path
from capseg_desktop.core.paths import default_model_path
out, venv = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
model = default_model_path()
assert model is not None and venv in model.resolve().parents, f"default model {model} is not inside the wheel's install"
(result,) = out.glob("*.json")
data = json.loads(result.read_text(encoding="utf-8"))
assert data["model"]["name"] == "capseg_unet.tflite", data["model"]
print(f"check_wheel: OK: {data['source']}: {data['count']} capillaries with {model}")
PY
