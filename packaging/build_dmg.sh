#!/usr/bin/env bash
# macOS: build "dist/CapSeg Desktop.app" (PyInstaller, build.spec) and wrap it in a
# drag-to-Applications disk image, dist/capseg-desktop-<version>-macos-<arch>.dmg.
#
#   CAPSEG_PYTHON=python3 packaging/build_dmg.sh [--reuse]
#
# The app is ad-hoc signed by PyInstaller, not notarised: on first start users open it with
# right-click > Open (or sign and notarise it here with a Developer ID).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${CAPSEG_PYTHON:-${PYTHON:-$ROOT/.venv/bin/python}}"
APP="dist/CapSeg Desktop.app"

if [[ "${1:-}" != "--reuse" || ! -d "$APP" ]]; then
    CAPSEG_PYTHON="$PYTHON" packaging/build_bundle.sh
fi
VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
DMG="dist/capseg-desktop-$VERSION-macos-$(uname -m).dmg"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "CapSeg Desktop" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "$DMG: $(du -m "$DMG" | cut -f1) MB"
