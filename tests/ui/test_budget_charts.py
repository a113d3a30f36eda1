"""Budget charts: the generic pyqtgraph builder draws a chart description as it says (grouped
bars, lines with gaps, dashed series, tkr, category ticks, legend), the Charts tab draws the
budget's four charts from the data, and pyqtgraph is imported only when that tab is shown."""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from finsam_desktop.domain.budget import Area, Payment
from finsam_desktop.domain.charts import Chart, ChartKind, Series, Unit
from finsam_desktop.services import budget, organisation

pytestmark = pytest.mark.gui
K = 100
ROOT = Path(__file__).resolve().parents[2]


def test_bars_are_grouped_per_category_in_tkr(qtbot):
    import pyqtgraph as pg

    from finsam_desktop.ui.charts import build_chart

    chart = Chart("t", "Test", ChartKind.BARS, Unit.MONEY, ("Board", "Audit"),
                  (Series("Budget", (150_000 * K, 90_000 * K), "#0072B2"),
                   Series("Forecast", (120_000 * K, None), "#009E73", dashed=True)))
    widget = build_chart(chart)
    qtbot.addWidget(widget)
    bars = [i for i in widget.items if isinstance(i, pg.BarGraphItem)]
    assert len(bars) == 2
    assert list(bars[0].opts["height"]) == [150.0, 90.0]
    assert list(bars[1].opts["height"]) == [120.0, 0.0], "a missing value draws no bar"
    first, second = (list(b.opts["x"]) for b in bars)
    assert first[0] < second[0] < first[1] < second[1]
    assert (first[0] + second[0]) / 2 == pytest.approx(0), "grouped around their category"
    assert (first[1] + second[1]) / 2 == pytest.approx(1)
    assert bars[1].opts["pen"].style() == Qt.PenStyle.DashLine
    assert bars[0].opts["pen"].style() == Qt.PenStyle.SolidLine
    ticks = widget.getPlotItem().getAxis("bottom")._tickLevels
    assert ticks == [[(0, "Board"), (1, "Audit")]]
    assert [label.text for _sample, label in widget.legend.items] == ["Budget", "Forecast"]
    assert widget.getPlotItem().getAxis("left").labelText == "SEK thousand"
    assert widget.getPlotItem().getAxis("left").tickStrings([1500.0], 1, 500) == ["1,500"]
    assert "Board: 150,000\u00a0kr" in bars[0].toolTip()


def test_lines_leave_gaps_for_missing_values_and_dash_plans(qtbot):
    from finsam_desktop.ui.charts import build_chart

    chart = Chart("c", "Cumulative", ChartKind.LINES, Unit.MONEY, ("Jan", "Feb", "Mar"),
                  (Series("Budget", (100 * K, 200 * K, 300 * K), dashed=True),
                   Series("Actual", (50 * K, None, None))),
                  threshold=250 * K, threshold_label="Limit")
    widget = build_chart(chart)
    qtbot.addWidget(widget)
    budget_line, actual_line, threshold = widget.items
    assert list(budget_line.yData) == [0.1, 0.2, 0.3]
    assert budget_line.opts["pen"].style() == Qt.PenStyle.DashLine
    assert actual_line.yData[0] == 0.05 and all(math.isnan(v) for v in actual_line.yData[1:])
    assert actual_line.opts["connect"] == "finite"
    assert threshold.value() == 0.25


def test_an_empty_chart_says_so(qtbot):
    import pyqtgraph as pg

    from finsam_desktop.ui.charts import build_chart

    widget = build_chart(Chart("e", "Empty", ChartKind.BARS, Unit.SHARE, ("A",),
                               (Series("S", (None,)),)))
    qtbot.addWidget(widget)
    texts = [i for i in widget.getPlotItem().items if isinstance(i, pg.TextItem)]
    assert [t.toPlainText() for t in texts] == ["No figures to show yet."]
    assert widget.getPlotItem().getAxis("left").labelText == "per cent"


def test_counts_are_plain_whole_numbers(qtbot):
    import pyqtgraph as pg

    from finsam_desktop.ui.charts import build_chart

    chart = Chart("p", "Participants", ChartKind.BARS, Unit.COUNT, ("2025", "2026"),
                  (Series("Started", (3, 1_250)), Series("Finished", (2, None))))
    widget = build_chart(chart)
    qtbot.addWidget(widget)
    bars = [i for i in widget.items if isinstance(i, pg.BarGraphItem)]
    assert list(bars[0].opts["height"]) == [3.0, 1250.0], "a count is drawn as it is"
    axis = widget.getPlotItem().getAxis("left")
    assert axis.labelText == "number"
    assert "2026: 1,250" in bars[0].toolTip() and "kr" not in bars[0].toolTip()
    assert all(spacing >= 1 for spacing, _offset in axis.tickSpacing(0, 4, 300)), \
        "no half participants on the axis"
    assert [s for s, _o in pg.AxisItem("left").tickSpacing(0, 4, 300)][-1] < 1, \
        "(pyqtgraph alone would tick in fractions)"


def test_decimals_are_drawn_with_their_decimals(qtbot):
    from finsam_desktop.ui import translation
    from finsam_desktop.ui.charts import build_chart

    chart = Chart("s", "Score", ChartKind.LINES, Unit.DECIMAL, ("2025", "2026"),
                  (Series("Score", (6_800, 7_250)), Series("Target", (7_000, 7_000),
                                                           dashed=True)),
                  threshold=6_500)
    widget = build_chart(chart)
    qtbot.addWidget(widget)
    line, target, threshold = widget.items
    assert list(line.yData) == [pytest.approx(6.8), pytest.approx(7.25)], "thousandths"
    assert list(target.yData) == [7.0, 7.0] and threshold.value() == pytest.approx(6.5)
    axis = widget.getPlotItem().getAxis("left")
    assert axis.labelText == "value"
    assert any(spacing < 1 for spacing, _offset in axis.tickSpacing(6, 7.5, 300))
    assert axis.tickStrings([6.5], 1, 0.5) == ["6.5"]
    assert line.toolTip() == "Score\n2025: 6.8\n2026: 7.25"
    translation.set_language("sv")
    widget = build_chart(chart)
    qtbot.addWidget(widget)
    assert widget.items[0].toolTip() == "Score\n2025: 6,8\n2026: 7,25"
    assert widget.getPlotItem().getAxis("left").labelText == "värde"


def test_the_charts_tab_draws_the_budget_from_its_data(full_ctx, qtbot):
    import pyqtgraph as pg

    from finsam_desktop.ui.panels.budget.panel import BudgetPanel

    store = full_ctx.require_store()
    version, _changes = budget.create_year(store, 2026, contributions_ore=1_000_000 * K,
                                           opening_equity_ore=100_000 * K)
    lines = {li.area: li.id for li in budget.view(store, 2026).lines}
    budget.set_amount(store, version.id, lines[Area.ADMINISTRATION], 0, 240_000 * K)
    budget.set_actuals(store, 2026, [(lines[Area.ADMINISTRATION], 1, 30_000 * K),
                                     (lines[Area.ADMINISTRATION], 2, 20_000 * K)])
    fk = next(m for m in organisation.list_members(store) if m.name == "Försäkringskassan")
    budget.add_payment(store, Payment(0, 2026, fk.id, dt.date(2026, 1, 30), 500_000 * K))
    panel = BudgetPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.resize(1300, 860)
    panel.show()
    assert panel.charts_tab.widgets == [], "nothing drawn before the tab is shown"
    panel.show_tab("charts")
    qtbot.waitUntil(lambda: len(panel.charts_tab.widgets) == 4)
    areas, cumulative, _equity, contributions = panel.charts_tab.widgets
    assert [w.chart.key for w in panel.charts_tab.widgets] == [
        "areas", "cumulative", "equity", "contributions"]
    bars = [i for i in areas.items if isinstance(i, pg.BarGraphItem)]
    categories = list(areas.chart.categories)
    admin = categories.index("Administration")
    assert bars[0].opts["height"][admin] == 240.0, "budget in tkr"
    assert bars[1].opts["height"][admin] == 50.0, "actual to date"
    actual = cumulative.items[1]
    assert list(actual.yData[:2]) == [30.0, 50.0] and math.isnan(actual.yData[2])
    paid = [i for i in contributions.items if isinstance(i, pg.BarGraphItem)][1]
    assert paid.opts["height"][0] == 500.0, "Försäkringskassan comes first"
    budget.set_amount(store, version.id, lines[Area.ADMINISTRATION], 0, 360_000 * K)
    panel.refresh()
    qtbot.waitUntil(lambda: next(i for i in panel.charts_tab.widgets[0].items
                                 if isinstance(i, pg.BarGraphItem)).opts["height"][admin]
                    == 360.0)


PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from finsam_desktop.ui import translation
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.opening import open_file
translation.set_language("en")
ctx = AppContext.create(None)
window = MainWindow(ctx, remember=False)
window.show()
window.set_store(open_file(sys.argv[1]))
panel = window.show_panel("budget")
app.processEvents()
print("BEFORE", [m for m in ("pyqtgraph", "reportlab", "numpy") if m in sys.modules])
panel.show_tab("charts")
app.processEvents()
print("AFTER", "pyqtgraph" in sys.modules, len(panel.charts_tab.widgets))
window.close()
"""


def test_pyqtgraph_is_imported_only_when_the_charts_tab_is_shown(full_file, tmp_path):
    from finsam_desktop.services import budget as service
    from finsam_desktop.storage.store import open_store

    store = open_store(full_file)
    service.create_year(store, 2026, contributions_ore=1_000_000 * K)
    store.close()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE, str(full_file)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "BEFORE []" in result.stdout, result.stdout
    assert "AFTER True 4" in result.stdout, result.stdout
