"""`finsam-desktop --self-test` in a separate process, from source: every check passes and
leaves its files; a missing resource fails with a message and a non-zero exit; nothing is
written to the user's settings or data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("resources", "qt", "database", "language", "panels", "pdf", "xlsx")


def _run(args: list[str], home: Path, code: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", code, *args] if code else [
        sys.executable, "-m", "finsam_desktop.ui.main", *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=110)


def test_self_test_passes_and_keeps_its_files(tmp_path):
    home, out = tmp_path / "home", tmp_path / "out"
    result = _run(["--self-test", str(out)], home)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("FINSAM Desktop ") and "(source," in lines[0]
    for check in CHECKS:
        assert any(line.startswith(f"ok    {check} ") for line in lines), (check, lines)
    assert lines[-1].startswith("self-test passed: 7 checks")
    assert "“Ingen fil öppen”" in result.stdout  # Swedish, as the app starts
    assert (out / "minutes.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "decisions.xlsx").read_bytes().startswith(b"PK")
    pngs = sorted(p.name for p in out.glob("panel-*.png"))
    assert "panel-overview.png" in pngs and len(pngs) >= 8
    # The user's own folders stay untouched: no settings, no recent files, no data, no log.
    assert not (home / "config").exists() and not (home / "data").exists()
    assert not (home / "state").exists()


FAILING = """
import sys
from pathlib import Path
from finsam_desktop import paths
EMPTY = Path(sys.argv.pop(1))
paths.resources_dir = lambda: EMPTY
from finsam_desktop.ui.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_self_test_fails_with_a_message_when_resources_are_missing(tmp_path):
    empty = tmp_path / "empty-resources"
    empty.mkdir()
    result = _run([str(empty), "--self-test"], tmp_path / "home", code=FAILING)
    assert result.returncode == 1
    assert "FAIL  resources" in result.stdout and "fonts/DejaVuSans.ttf" in result.stdout
    assert result.stdout.rstrip().endswith("self-test failed")
    assert "Traceback" not in result.stdout + result.stderr


def test_self_test_report_goes_to_a_file_without_a_console(tmp_path, monkeypatch):
    """The windowed Windows program has no stdout: the report is written beside the files."""
    from finsam_desktop.ui import selftest

    seen: list[tuple[Path, str]] = []

    class Recorder:
        def __init__(self, folder: Path, out) -> None:  # type: ignore[no-untyped-def]
            self.folder, self.out = folder, out

        def run(self) -> int:
            print("self-test passed: 0 checks", file=self.out)
            seen.append((self.folder, getattr(self.out, "name", "")))
            return 0

    monkeypatch.setattr(selftest, "SelfTest", Recorder)
    monkeypatch.setattr(sys, "stdout", None)
    assert selftest.run(str(tmp_path)) == 0
    assert seen == [(tmp_path, str(tmp_path / "self-test.txt"))]
    assert "passed" in (tmp_path / "self-test.txt").read_text(encoding="utf-8")
