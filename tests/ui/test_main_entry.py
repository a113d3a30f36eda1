"""The `finsam-desktop` entry point in a separate process: --screenshot writes a PNG, a bad
file is a message with a non-zero exit, and start-up leaves heavy libraries unimported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path, code: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", code, *args] if code else [
        sys.executable, "-m", "finsam_desktop.ui.main", *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize("panel", ["overview", "organisation", "meetings", "budget",
                                   "activities", "evaluations", "annual"])
def test_screenshot_writes_a_png(full_file, tmp_path, panel):
    out = tmp_path / f"{panel}.png"
    result = _run(["--lang", "en", "--screenshot", str(out), "--panel", panel, str(full_file)],
                  tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


UNBUILT = """
import sys
from finsam_desktop.ui import navigation
i = navigation.PANEL_KEYS.index("evaluations")  # as if it were still to come
navigation.PANELS[i] = navigation.PanelEntry("evaluations", navigation.PANELS[i].label, None)
from finsam_desktop.ui.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_screenshot_of_unbuilt_panel_or_bad_file_fails_cleanly(full_file, tmp_path):
    out = tmp_path / "x.png"
    result = _run(["--screenshot", str(out), "--panel", "evaluations", str(full_file)],
                  tmp_path, UNBUILT)
    assert result.returncode == 2 and "later version" in result.stderr
    result = _run(["--lang", "en", "--screenshot", str(out), str(tmp_path / "none.finsam")],
                  tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


STARTUP_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
HEAVY = ("pyqtgraph", "reportlab", "numpy")
def window():
    return next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
def first():  # the first turn of the event loop: the window with the overview is shown
    w = window()
    glance = w.panels["overview"].today_tab.glance
    print("FIRST", [m for m in HEAVY if m in sys.modules], "PANEL", w.current_panel_key(),
          "CHARTS", glance.is_loaded())
    QTimer.singleShot(20, later)
def later():  # the overview's charts come after it is on screen
    w = window()
    glance = w.panels["overview"].today_tab.glance
    if not glance.is_loaded():
        QTimer.singleShot(20, later)
        return
    w.show_panel("organisation")
    app.processEvents()
    print("LATER", [m for m in HEAVY if m in sys.modules], "PANEL", w.current_panel_key(),
          "CHARTS", sum(box.chart is not None for box in glance.boxes()))
    w.close()
    app.quit()
QTimer.singleShot(0, first)
from finsam_desktop.ui.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_startup_shows_the_overview_before_loading_heavy_libraries(full_file, tmp_path):
    result = _run(["--lang", "en", str(full_file)], tmp_path, code=STARTUP_PROBE)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "FIRST [] PANEL overview CHARTS False" in result.stdout, output
    # then pyqtgraph (and numpy) for the overview's charts; PDF code still not loaded
    assert "LATER ['pyqtgraph', 'numpy'] PANEL organisation CHARTS" in result.stdout, output


def test_main_with_bad_file_shows_a_message_and_keeps_running(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QSettings

    from finsam_desktop.ui import dialogs, settings
    from finsam_desktop.ui import main as entry

    bad = tmp_path / "bad.finsam"
    bad.write_text("")  # text would be asked for a passphrase (it may be encrypted)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: shown.append(message))
    monkeypatch.setattr(entry, "_exec", lambda _app: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    ini = str(tmp_path / "ui.ini")
    monkeypatch.setattr(settings, "QSettings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    from finsam_desktop import logs, paths

    monkeypatch.setattr(paths, "user_log_dir", lambda: tmp_path / "log")  # not the real log
    try:
        assert entry.main(["--lang", "en", str(bad)]) == 0
    finally:
        logs.stop_file_logging()
    assert "could not open" in (tmp_path / "log" / "finsam-desktop.log").read_text("utf-8")
    assert shown and "bad.finsam" in shown[0]
    windows = [w for w in qapp.topLevelWidgets() if w.objectName() == "MainWindow"]
    # the window main() showed (closed windows of earlier tests may still be listed until
    # their deferred deletion runs)
    assert [w for w in windows if w.isVisible()]
    for window in windows:
        window.close()
        window.deleteLater()
