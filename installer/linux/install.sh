#!/bin/sh
# Install FINSAM Desktop for the current user from the unpacked tarball (no root needed):
#
#   ./install.sh              # to ~/.local/opt/finsam-desktop, menu entry, .finsam files
#   ./install.sh --uninstall  # remove all of that again (your agency files are kept)
#
# The program goes to ~/.local/opt/finsam-desktop, the commands `finsam-desktop` and `finsam`
# to ~/.local/bin, the menu entry and icon to ~/.local/share, and .finsam files open in the
# app. Agency files, backups, logs and settings live in the user's own folders
# (~/.local/share/FINSAM Desktop, ~/.local/state/FINSAM Desktop, ~/.config/FINSAM) and are
# never touched by this script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${FINSAM_PREFIX:-$HOME/.local/opt/finsam-desktop}
bin=$HOME/.local/bin
icons=$data/icons/hicolor

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$prefix"
  rm -f "$bin/finsam-desktop" "$bin/finsam" "$data/applications/finsam-desktop.desktop" \
        "$data/mime/packages/finsam-desktop.xml"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$icons/${size}x${size}/apps/finsam-desktop.png"
  done
  refresh
  echo "FINSAM Desktop is uninstalled. Your agency files are still in $data/FINSAM Desktop."
  exit 0
fi

[ -x "$here/finsam-desktop" ] || { echo "Run install.sh from the unpacked folder." >&2; exit 1; }
rm -rf "$prefix.new"
mkdir -p "$prefix.new" "$bin" "$data/applications" "$data/mime/packages"
cp -a "$here/." "$prefix.new/"
rm -rf "$prefix" && mv "$prefix.new" "$prefix"
ln -sf "$prefix/finsam-desktop" "$bin/finsam-desktop"
ln -sf "$prefix/finsam" "$bin/finsam"
sed "s|^Exec=finsam-desktop|Exec=\"$prefix/finsam-desktop\"|" "$here/finsam-desktop.desktop" \
  > "$data/applications/finsam-desktop.desktop"
cp "$here/finsam-desktop-mime.xml" "$data/mime/packages/finsam-desktop.xml"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$here/_internal/resources/icons/finsam-$size.png" "$icons/${size}x${size}/apps/finsam-desktop.png"
done
refresh
echo "FINSAM Desktop is installed in $prefix; start it from the menu or with: finsam-desktop"
