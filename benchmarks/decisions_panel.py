"""Decisions panel over a large register: first paint, re-sort and year filter.

    .venv/bin/finsam demo /tmp/big.sqlite --years 20 --scale large   # ~100 000 paragraphs
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/decisions_panel.py /tmp/big.sqlite

Without a file argument it measures the model alone with 100 000 generated DecisionRows.
Figures are printed, never asserted (the machines are noisy).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from finsam_desktop.domain.decisions import DecisionRow, FollowUpStatus


class PaintWatch(QObject):
    """Notes the moment the register's viewport is painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def wait_for_paint(app: QApplication, watch: PaintWatch) -> float:
    watch.painted_at = None
    while watch.painted_at is None:
        app.processEvents()
    return watch.painted_at


def fake_rows(count: int) -> list[DecisionRow]:
    start = dt.date(2006, 1, 1)
    statuses = list(FollowUpStatus)
    return [DecisionRow(i, i // 50, 2006 + i // 5000, i % 5000 + 1,
                        start + dt.timedelta(days=i // 14), f"Beslut om insats {i}",
                        f"{2006 + i // 5000}/{i % 500}", "decided", "Styrelsen beslutar.",
                        "Insatser", statuses[i % 4], "Förbundschef", None, "", None, True,
                        i % 97 == 0) for i in range(count)]


def model_only(app: QApplication) -> None:
    from finsam_desktop.ui.panels.decisions.decisions_model import DecisionsModel
    from finsam_desktop.ui.panels.decisions.decisions_tab import make_register_view

    rows = fake_rows(100_000)
    model = DecisionsModel()
    started = time.perf_counter()
    model.set_rows(rows)
    view = make_register_view(model, None)  # type: ignore[arg-type]
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    view.resize(1200, 700)
    view.show()
    painted = wait_for_paint(app, watch)
    print(f"model only, {model.rowCount():,} rows: fill + first paint "
          f"{(painted - started) * 1000:.0f} ms")
    started = time.perf_counter()
    model.sort_locally(10, True)
    painted = wait_for_paint(app, watch)
    print(f"model only: sort own list + repaint {(painted - started) * 1000:.0f} ms")


def panel(app: QApplication, path: str) -> None:
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.opening import open_file
    from finsam_desktop.ui.panels.decisions.panel import DecisionsPanel
    from finsam_desktop.ui.settings import UiSettings
    from finsam_desktop.ui.widgets.fields import select_data

    settings = UiSettings(QSettings(str(Path(path).with_suffix(".ini")),
                                    QSettings.Format.IniFormat))
    ctx = AppContext.create(open_file(path), settings)
    started = time.perf_counter()
    widget = DecisionsPanel(ctx)
    tab = widget.decisions_tab
    watch = PaintWatch()
    tab.view.viewport().installEventFilter(watch)
    widget.resize(1300, 800)
    widget.show()
    painted = wait_for_paint(app, watch)
    print(f"panel, {tab.model.rowCount():,} decisions: create + first paint "
          f"{(painted - started) * 1000:.0f} ms")
    for column, name in ((3, "title"), (3, "title, reversed"), (8, "due date"),
                         (10, "final from (in the model)")):
        started = time.perf_counter()
        header = tab.view.horizontalHeader()
        if header.sortIndicatorSection() == column:
            tab.sort_by(column, descending=True)
        else:
            tab.sort_by(column)
        painted = wait_for_paint(app, watch)
        print(f"re-sort by {name}: {(painted - started) * 1000:.0f} ms")
    years = [tab.filters.year.itemData(i) for i in range(1, tab.filters.year.count())]
    for year in [*years[:1], years[len(years) // 2], None]:
        started = time.perf_counter()
        select_data(tab.filters.year, year)
        painted = wait_for_paint(app, watch)
        print(f"filter year {year or 'all'}: {tab.model.rowCount():,} rows, "
              f"{(painted - started) * 1000:.0f} ms")
    started = time.perf_counter()
    tab.filters.overdue.setChecked(True)
    painted = wait_for_paint(app, watch)
    print(f"only overdue: {tab.model.rowCount():,} rows, {(painted - started) * 1000:.0f} ms")
    ctx.replace_store(None)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    model_only(app)  # type: ignore[arg-type]
    if len(sys.argv) > 1:
        panel(app, sys.argv[1])  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
