#!/usr/bin/env bash
# Build dist/capseg-desktop_<version>_<arch>.deb from the PyInstaller bundle, and the training
# add-on dist/capseg-desktop-training_<version>_<arch>.deb.
#
#   packaging/build_deb.sh [--rebuild]
#
# Uses dist/capseg-desktop/ and dist/capseg-desktop-training/ (built first by
# packaging/build_bundle.sh when missing, or always with --rebuild). The app's package installs
# the bundle under /opt/capseg-desktop, a launcher /usr/bin/capseg-desktop, the menu entry and
# the icon in the hicolor theme; dpkg owns every file, so `apt-get remove capseg-desktop` leaves
# nothing behind. Debian's desktop-file-utils and hicolor-icon-theme triggers refresh the menu
# and icon caches. The add-on's package puts TensorFlow and Keras into the app's folder
# (/opt/capseg-desktop/_internal), for fine-tuning and Keras models; it depends on the app of
# the same version, and removing it gives the app back its own size.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${CAPSEG_PYTHON:-${PYTHON:-$ROOT/.venv/bin/python}}"
NAME=capseg-desktop
BUNDLE="dist/$NAME"
ADDON="dist/$NAME-training"

if [[ "${1:-}" == "--rebuild" || ! -x "$BUNDLE/$NAME" || ! -d "$ADDON/_internal" ]]; then
    packaging/build_bundle.sh
fi

VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture)"
STAGE="build/deb/${NAME}_${VERSION}_${ARCH}"
DEB="dist/${NAME}_${VERSION}_${ARCH}.deb"

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/doc/$NAME"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"

# A wrapper rather than a symlink: the bundle finds _internal/ beside its real executable.
cat > "$STAGE/usr/bin/$NAME" <<LAUNCHER
#!/bin/sh
exec /opt/$NAME/$NAME "\$@"
LAUNCHER
chmod 0755 "$STAGE/usr/bin/$NAME"

install -m 0644 "resources/linux/$NAME.desktop" "$STAGE/usr/share/applications/$NAME.desktop"

# Icons: the app's own PNG (or the packaging placeholder), at the theme's usual sizes.
ICON_SOURCE="$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import make_icons; print(make_icons.source_icon())')"
"$PYTHON" - "$ICON_SOURCE" "$STAGE/usr/share/icons/hicolor" "$NAME" <<'PY'
import sys
from pathlib import Path
from PIL import Image
source, theme, name = Image.open(sys.argv[1]).convert("RGBA"), Path(sys.argv[2]), sys.argv[3]
for side in (32, 48, 64, 128, 256, 512):
    if side <= source.size[0]:
        folder = theme / f"{side}x{side}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        source.resize((side, side), Image.LANCZOS).save(folder / f"{name}.png")
PY

cat > "$STAGE/usr/share/doc/$NAME/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: CapSeg Desktop
License: MIT (CapSeg Desktop). The bundled Python, Qt (PySide6, LGPL-3.0),
 LiteRT (Apache-2.0), OpenCV (Apache-2.0), NumPy and Pillow keep their own licences, which
 are included under /opt/$NAME/_internal where their packages ship them.
COPYRIGHT

# Libraries the bundle takes from the system; PyInstaller carries everything else (Qt, ICU,
# fontconfig, xkbcommon, ... found with ldd over the bundle). The C library must be as new as
# the newest symbol version any bundled library asks for.
GLIBC_MIN="$(find "$BUNDLE" -type f \( -name '*.so*' -o -name "$NAME" \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
# Qt's xcb platform plug-in (a window on X11) will not load without its X11 libraries; a bare
# desktop lacked some (packaging/linux_desktop_packages.txt, the README's list).
X11_DEPENDS="$(grep -v '^#' "$ROOT/packaging/linux_desktop_packages.txt" | grep . | paste -sd, | sed 's/,/, /g')"
DEPENDS="libc6 (>= ${GLIBC_MIN:-2.31}), libgl1, libegl1, $X11_DEPENDS"
INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: CapSeg Desktop maintainers <capseg@example.org>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: science
Priority: optional
Homepage: https://github.com/capseg/capseg-desktop
Description: count blood capillaries in nailfold capillaroscopy images
 CapSeg Desktop opens a nailfold capillaroscopy image, segments the capillaries with a
 bundled U-Net (LiteRT) and counts them; results export as PNG, CSV and JSON.
 Self-contained: Python, Qt and LiteRT are inside /opt/$NAME. Fine-tuning and Keras models
 (.keras, .h5) need the training add-on, package $NAME-training.
CONTROL

mkdir -p dist
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz -z"${CAPSEG_DEB_XZ_LEVEL:-6}" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB: $(du -m "$DEB" | cut -f1) MB compressed, $((INSTALLED_KB / 1024)) MB installed"

# The training add-on: its files go into the app's own folder, beside the app's.
ADDON_NAME="$NAME-training"
ADDON_STAGE="build/deb/${ADDON_NAME}_${VERSION}_${ARCH}"
ADDON_DEB="dist/${ADDON_NAME}_${VERSION}_${ARCH}.deb"
rm -rf "$ADDON_STAGE"
mkdir -p "$ADDON_STAGE/DEBIAN" "$ADDON_STAGE/opt/$NAME" "$ADDON_STAGE/usr/share/doc/$ADDON_NAME"
cp -a "$ADDON/." "$ADDON_STAGE/opt/$NAME/"
cat > "$ADDON_STAGE/usr/share/doc/$ADDON_NAME/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: CapSeg Desktop training add-on
License: TensorFlow and Keras (Apache-2.0) keep their own licences, included under
 /opt/$NAME/_internal where their packages ship them.
COPYRIGHT
ADDON_GLIBC_MIN="$(find "$ADDON" -type f -name '*.so*' -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
ADDON_KB="$(du -sk --exclude=DEBIAN "$ADDON_STAGE" | cut -f1)"
cat > "$ADDON_STAGE/DEBIAN/control" <<CONTROL
Package: $ADDON_NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: CapSeg Desktop maintainers <capseg@example.org>
Installed-Size: $ADDON_KB
Depends: $NAME (= $VERSION), libc6 (>= ${ADDON_GLIBC_MIN:-2.31})
Section: science
Priority: optional
Homepage: https://github.com/capseg/capseg-desktop
Description: training add-on of CapSeg Desktop (fine-tuning, Keras models)
 Adds TensorFlow and Keras to CapSeg Desktop, in its own folder /opt/$NAME: with it the app
 fine-tunes its model on your corrected images (Model > Fine-tune on corrected images) and
 opens Keras models (.keras, .h5). The app counts without it.
CONTROL
rm -f "$ADDON_DEB"
dpkg-deb --root-owner-group -Zxz -z"${CAPSEG_DEB_XZ_LEVEL:-6}" --build "$ADDON_STAGE" "$ADDON_DEB" >/dev/null
echo "$ADDON_DEB: $(du -m "$ADDON_DEB" | cut -f1) MB compressed, $((ADDON_KB / 1024)) MB installed"
