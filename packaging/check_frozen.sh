#!/usr/bin/env bash
# Build the PyInstaller bundle and check that the frozen app runs (see check_frozen.py).
#
#   CAPSEG_PYTHON=.venv/bin/python packaging/check_frozen.sh [--reuse] [--image IMAGE]
#   packaging/check_frozen.sh PYTHON [--reuse] ...      (the python as first argument)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -gt 0 && "$1" != -* ]]; then
    CAPSEG_PYTHON="$1"
    shift
fi
PYTHON="${CAPSEG_PYTHON:-$ROOT/.venv/bin/python}"
exec "$PYTHON" "$ROOT/packaging/check_frozen.py" "$@"
