"""Soak (issue 8, item 8): the main window on the demo agency survives 1,000 panel
switches, each panel refreshed as it is shown, plus 100,000 Qt calls, with flat memory
(resident set size after the first round of warm-up). See NOTES.md on PySide6 6.12."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from finsam_desktop.services.demo import build_demo
from finsam_desktop.services.maintenance import create_database
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.navigation import PANELS
from tests.factories import fixed_clock
from tests.reliability import figures

pytestmark = pytest.mark.gui

SWITCHES = 1_000
QT_CALLS = 100_000
GROWTH_LIMIT_MB = 30


def _rss_mb() -> float:
    """Resident set size of this process now (Linux /proc; macOS/Windows: skip)."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs /proc to read the resident set size")
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line")


@pytest.mark.timeout(600)
def test_a_thousand_panel_switches_and_many_qt_calls_keep_memory_flat(
        tmp_path, ui_settings, qtbot):
    path = tmp_path / "demo.finsam"
    store = create_database(path, "Demo", clock=fixed_clock())
    build_demo(store, years=3, seed=3)
    store.close()
    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_path(str(path))
    keys = [entry.key for entry in PANELS if entry.factory is not None]
    assert len(keys) >= 8

    def switch(number: int) -> None:
        panel = window.show_panel(keys[number % len(keys)])
        assert panel is not None
        panel.refresh()
        QApplication.processEvents()
        # what the running event loop does between user actions: widgets replaced by a
        # refresh (charts) are deleted with deleteLater(), which processEvents() leaves
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    for number in range(len(keys) * 3):  # warm-up: every panel built, caches filled
        switch(number)
    gc.collect()
    before = _rss_mb()
    for number in range(SWITCHES):
        switch(number)
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(QT_CALLS):
        label.setText("Å" if i % 2 else "ä")
    gc.collect()
    QApplication.processEvents()
    growth = _rss_mb() - before
    print(f"\nsoak: {SWITCHES} switches + {QT_CALLS} Qt calls, RSS {before:.0f} MB → "
          f"{before + growth:.0f} MB ({growth:+.1f} MB)")
    assert growth < GROWTH_LIMIT_MB, f"memory grew by {growth:.1f} MB"
    figures.add("soak_panel_switches", SWITCHES)
    figures.add("soak_qt_calls", QT_CALLS)
    figures.add("soak_rss_growth_kb", max(0, round(growth * 1024)))
    assert window.current_panel_key() in keys
    ctx.replace_store(None)
