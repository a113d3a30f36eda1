"""Bring resources/locale/sv/LC_MESSAGES/finsam.po up to date with the source code.

Finds every string literal passed to `_()` or `N_()` under finsam_desktop/, adds new ones
(untranslated) to the Swedish catalogue and marks vanished ones obsolete. Translate the new
entries by hand; tests/test_i18n.py fails while any entry lacks a translation.

    python installer/update_translations.py          # update the .po
    python installer/update_translations.py --check  # exit 1 if the .po is out of date
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PO_PATH = ROOT / "resources" / "locale" / "sv" / "LC_MESSAGES" / "finsam.po"


def extract(package: Path = ROOT / "finsam_desktop") -> dict[str, list[str]]:
    """msgid → ["file:line", …] for every literal given to _() or N_()."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(node.args[0].value, []).append(where)
    return found


def load_catalog() -> polib.POFile:
    """The Swedish catalogue (a new one if missing)."""
    if PO_PATH.exists():
        return polib.pofile(str(PO_PATH), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": "FINSAM Desktop", "Language": "sv",
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    return po


def update(po: polib.POFile, found: dict[str, list[str]]) -> bool:
    """Add new msgids, revive or obsolete old ones; True if anything changed."""
    changed = False
    existing = {e.msgid: e for e in po}
    for msgid, places in found.items():
        entry = existing.get(msgid)
        occurrences = [tuple(p.rsplit(":", 1)) for p in places]
        if entry is None:
            po.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=occurrences))
            changed = True
        else:
            if entry.obsolete:
                entry.obsolete, changed = False, True
            if entry.occurrences != occurrences:
                entry.occurrences, changed = occurrences, True
    for entry in po:
        if entry.msgid not in found and not entry.obsolete:
            entry.obsolete, changed = True, True
    return changed


def main(argv: list[str]) -> int:
    """Update the catalogue, or with --check only report whether it is current."""
    po = load_catalog()
    changed = update(po, extract())
    if "--check" in argv:
        return 1 if changed else 0
    if changed:
        PO_PATH.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(PO_PATH))
    missing = [e.msgid for e in po if not e.msgstr and not e.obsolete]
    print(f"{PO_PATH.relative_to(ROOT)}: {len(po)} entries, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
