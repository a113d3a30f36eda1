"""Draw a `domain.charts.Chart` with pyqtgraph: the screen twin of `reports/charts.py`.

One generic builder for every chart description: BARS as grouped bars (one group per
category, one bar per series), LINES as one line per series (dashed series dashed, missing
values left out). Money is shown in thousands of kronor (tkr) with grouped digits, shares in
per cent, counts (participants) as plain whole numbers, decimals (thousandths, such as an
indicator's score) with up to three decimals; categories become the x-axis labels; a legend
names the series.

pyqtgraph (and numpy) are heavy to import, so only the chart tab imports this module, and
only when it is first shown (start-up stays light; a test checks it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.charts import Chart, ChartKind, Series, Unit
from finsam_desktop.formatting import format_number
from finsam_desktop.i18n import _

GROUP_WIDTH = 0.8  # share of a category's slot taken by its group of bars
DASHED_ALPHA = 110  # dashed (forecast/plan) bars are drawn lighter


_DIVISOR = {Unit.MONEY: 100_000, Unit.SHARE: 10_000, Unit.COUNT: 1, Unit.DECIMAL: 1_000}


def scaled(value: int | None, unit: Unit) -> float:
    """A chart value as drawn: öre → tkr, ppm → %, thousandths → the number, a count as it
    is; None → NaN (not drawn)."""
    if value is None:
        return math.nan
    return value / _DIVISOR[unit]


def unit_label(unit: Unit) -> str:
    """The y-axis caption."""
    if unit is Unit.COUNT:
        return _("number")
    if unit is Unit.DECIMAL:
        return _("value")
    return _("SEK thousand") if unit is Unit.MONEY else _("per cent")


def format_value(value: int, unit: Unit) -> str:
    """A value as a tooltip shows it: kronor, per cent, a number with the decimals it has
    ("6,8") or a plain number."""
    from finsam_desktop.domain.evaluations import format_value as format_milli
    from finsam_desktop.formatting import format_money, format_share

    if unit is Unit.MONEY:
        return format_money(value)
    if unit is Unit.SHARE:
        return format_share(value)
    if unit is Unit.DECIMAL:
        return format_milli(value)
    return format_number(value)


class ValueAxis(pg.AxisItem):
    """A y axis whose numbers are grouped the local way (1 234) and never SI-scaled;
    with `whole` (counts) the ticks stay on whole numbers."""

    def __init__(self, *args: Any, whole: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.whole = whole
        self.enableAutoSIPrefix(False)

    def tickSpacing(self, minVal: float, maxVal: float,
                    size: float) -> list[tuple[float, float]]:
        levels = super().tickSpacing(minVal, maxVal, size)
        if not self.whole:
            return levels
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values: Sequence[float], scale: float,
                    spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 else min(3, math.ceil(-math.log10(spacing)))
        return [format_number(_decimal(v * scale, decimals), decimals) for v in values]


def _decimal(value: float, decimals: int) -> Any:
    from decimal import Decimal

    return Decimal(str(round(value, decimals)))


class ChartWidget(pg.PlotWidget):
    """One chart, drawn from its description; `chart` keeps what was drawn (for tests)."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w",
                         axisItems={"left": ValueAxis("left", whole=chart.unit is Unit.COUNT)})
        self.chart = chart
        self.items: list[Any] = []  # the data items, one per series (plus a threshold line)
        self.setMinimumHeight(260)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.setTitle(chart.title, color="#222222", size="11pt")
        plot.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#333333"))
        plot.getAxis("left").setLabel(unit_label(chart.unit), color="#333333")
        plot.getAxis("bottom").setTicks([list(enumerate(chart.categories))])
        self.legend = plot.addLegend(offset=(8, 4), colCount=max(1, len(chart.series)),
                                     labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255,
                                                                                 220))
        if chart.kind is ChartKind.BARS:
            self._bars()
        else:
            self._lines()
        self._threshold()
        self._ranges()
        if chart.is_empty():
            self._say_empty()

    # drawing ----------------------------------------------------------------------------

    def _bars(self) -> None:
        chart = self.chart
        count = max(1, len(chart.series))
        width = GROUP_WIDTH / count
        for k, series in enumerate(chart.series):
            xs = [i - GROUP_WIDTH / 2 + width * (k + 0.5) for i in range(len(chart.categories))]
            heights = [0.0 if v is None else scaled(v, chart.unit) for v in series.values]
            colour = QColor(series.colour)
            fill = QColor(colour)
            if series.dashed:
                fill.setAlpha(DASHED_ALPHA)
            pen = pg.mkPen(colour, width=1.5,
                           style=Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine)
            item = pg.BarGraphItem(x=xs, height=heights, width=width * 0.92, brush=fill, pen=pen,
                                   name=series.label)
            item.setToolTip(_tooltip(chart, series))
            self.addItem(item)
            self.items.append(item)

    def _lines(self) -> None:
        chart = self.chart
        xs = list(range(len(chart.categories)))
        for series in chart.series:
            ys = [scaled(v, chart.unit) for v in series.values]
            pen = pg.mkPen(series.colour, width=2.5,
                           style=Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine)
            item = pg.PlotDataItem(xs, ys, pen=pen, connect="finite", name=series.label,
                                   symbol=None if series.dashed else "o", symbolSize=6,
                                   symbolBrush=series.colour, symbolPen=series.colour)
            item.setToolTip(_tooltip(chart, series))
            self.addItem(item)
            self.items.append(item)

    def _threshold(self) -> None:
        chart = self.chart
        if chart.threshold is None:
            return
        line = pg.InfiniteLine(pos=scaled(chart.threshold, chart.unit), angle=0,
                               pen=pg.mkPen("#D55E00", width=1.5, style=Qt.PenStyle.DashLine),
                               label=chart.threshold_label or None,
                               labelOpts={"position": 0.95, "color": "#D55E00"})
        self.addItem(line)
        self.items.append(line)

    def _ranges(self) -> None:
        values = [scaled(v, self.chart.unit) for s in self.chart.series for v in s.values
                  if v is not None]
        if self.chart.threshold is not None:
            values.append(scaled(self.chart.threshold, self.chart.unit))
        low, high = min([0.0, *values]), max([0.0, *values])
        if high == low:
            high = low + 1
        # Room above the highest value for the legend, which sits at the top.
        self.setYRange(low, high + (high - low) * 0.32, padding=0.02)
        self.setXRange(-0.6, max(len(self.chart.categories) - 0.4, 0.4), padding=0)

    def _say_empty(self) -> None:
        text = pg.TextItem(_("No figures to show yet."), color="#666666", anchor=(0.5, 0.5))
        font = QFont()
        font.setPointSize(11)
        text.setFont(font)
        view = self.getPlotItem().getViewBox().viewRange()
        text.setPos((view[0][0] + view[0][1]) / 2, (view[1][0] + view[1][1]) / 2)
        self.addItem(text)


def _tooltip(chart: Chart, series: Series) -> str:
    lines = [series.label]
    for category, value in zip(chart.categories, series.values, strict=False):
        if value is None:
            continue
        lines.append(f"{category}: {format_value(value, chart.unit)}")
    return "\n".join(lines)


def build_chart(chart: Chart, parent: QWidget | None = None) -> ChartWidget:
    """A widget drawing `chart`."""
    return ChartWidget(chart, parent)
