#!/usr/bin/env bash
# Before `make run` on Linux: say plainly what is missing for a Qt window, instead of Qt's
# "could not load the Qt platform plugin xcb" abort. Prints nothing and exits 0 when fine.
set -u
[ "$(uname -s)" = Linux ] || exit 0
[ -n "${QT_QPA_PLATFORM:-}" ] && exit 0
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No desktop session here (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
  echo "Run 'make run' from a desktop, or render the window to PNG files: make screenshots" >&2
  exit 1
fi
[ -n "${DISPLAY:-}" ] || exit 0
plugin=$(find "${1:-.venv}" -name libqxcb.so -path '*platforms*' 2>/dev/null | head -1)
[ -n "$plugin" ] || exit 0
missing=$(ldd "$plugin" "$(dirname "$plugin")/../../lib/libQt6XcbQpa.so.6" 2>/dev/null \
  | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
ldconfig -p 2>/dev/null | grep -q 'libxcb-cursor.so.0' || missing="$missing libxcb-cursor.so.0"
if [ -n "${missing// /}" ]; then
  echo "Qt needs system libraries for windows on X11 that are missing: $missing" >&2
  echo "On Debian/Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \\" >&2
  echo "  libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0" >&2
  exit 1
fi
