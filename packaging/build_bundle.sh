#!/usr/bin/env bash
# Build the one-folder bundle dist/capseg-desktop/ with PyInstaller (build.spec).
#
#   CAPSEG_PYTHON=/path/to/python packaging/build_bundle.sh
#
# The python (default: .venv/bin/python of the checkout) must have the project and its
# "build" extra installed: pip install -e ".[build]".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${CAPSEG_PYTHON:-${PYTHON:-$ROOT/.venv/bin/python}}"

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: $PYTHON -m pip install -e '.[build]'" >&2
    exit 2
fi
# The icons come from the app's PNG; made here when a fresh clone lacks them.
if [[ ! -f resources/icons/app.ico || ! -f resources/icons/app.icns ]]; then
    "$PYTHON" packaging/make_icons.py
fi

start=$(date +%s)
# TensorFlow logs its CPU-feature banner on import, once per hook subprocess.
TF_CPP_MIN_LOG_LEVEL=2 "$PYTHON" -m PyInstaller --noconfirm --clean --log-level "${CAPSEG_PYI_LOG_LEVEL:-WARN}" \
    --distpath dist --workpath build build.spec
echo "bundle: dist/capseg-desktop ($(du -sm dist/capseg-desktop | cut -f1) MB) built in $(( $(date +%s) - start )) s"
