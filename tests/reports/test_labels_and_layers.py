"""Every label has a Swedish wording in sv_labels.py; reportlab loads only on export."""

import ast
import string
import subprocess
import sys
from pathlib import Path

from tests.reports.sv_labels import SV

REPORTS = Path(__file__).resolve().parents[2] / "finsam_desktop" / "reports"


def _msgids() -> set[str]:
    found = set()
    for path in REPORTS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)


def test_sv_labels_cover_exactly_the_report_strings():
    used = _msgids()
    assert len(used) > 50
    assert sorted(used - SV.keys()) == []
    assert sorted(SV.keys() - used) == []


def test_sv_labels_keep_placeholders():
    for msgid, swedish in SV.items():
        assert _fields(msgid) == _fields(swedish), msgid


def test_report_data_does_not_load_reportlab_or_qt():
    code = ("import sys, finsam_desktop.reports, finsam_desktop.reports.data;"
            "print([m for m in ('reportlab', 'PySide6') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
