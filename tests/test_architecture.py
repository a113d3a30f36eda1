"""The layers: core, storage, services and CLI run without Qt; start-up stays light."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_and_cli_import_without_qt_or_heavy_modules():
    code = (
        "import sys, finsam_desktop.cli, finsam_desktop.services.maintenance, "
        "finsam_desktop.services.demo, finsam_desktop.services.listing;"
        "bad = [m for m in ('PySide6', 'pyqtgraph', 'reportlab', 'numpy') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    proc = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
