#!/usr/bin/env bash
# Print the path of a Python >= 3.12 interpreter, or explain what is missing and exit 1.
# Python 3.11 is refused on purpose: PySide6 6.12 aborts on it after a few thousand Qt calls.
# Looks at $PYTHON, python3.13/python3.12/python3 on PATH, then pyenv's installed versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.12 python3.13 python3; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
roots=("${PYENV_ROOT:-}" "${HOME:-/root}/.pyenv")
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root)")
for root in "${roots[@]}"; do
  [ -n "$root" ] || continue
  for dir in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -V); do
    candidates+=("$dir/bin/python3")
  done
done
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
echo "FINSAM Desktop needs Python 3.12 or newer (python3.12/python3.13 on PATH, or via pyenv)." >&2
exit 1
