"""The chart of the selected indicator: its values by year against the dashed target
(`services.activity_report.indicator_chart`), drawn by the generic builder in `ui/charts.py`.

pyqtgraph is imported when the chart is first shown, never before, and the chart is redrawn
only while it is on show.

`indicator_chart` gives percentages as ppm (`Unit.SHARE`) and counts and scores in
thousandths under `Unit.COUNT`, while the builder draws `Unit.COUNT` as plain whole
numbers (participants). `drawable()` bridges the two: whole counts are divided down and drawn
as counts; values with decimals (scores such as 6,9) are drawn on the share scale, which
keeps the decimals, and the widget's axis caption and tooltips are then set to the
indicator's own unit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from finsam_desktop.domain.charts import Chart
from finsam_desktop.domain.charts import Unit as ChartUnit
from finsam_desktop.domain.evaluations import MILLI, Indicator, Unit
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.evaluations.common import unit_caption, value_text

if TYPE_CHECKING:
    from finsam_desktop.ui.charts import ChartWidget

PPM_PER_MILLI = 10  # indicator_chart: a percentage's thousandths × 10 = ppm


def drawable(chart: Chart) -> tuple[Chart, bool]:
    """The chart as the builder draws it right, and whether the axis caption and tooltips
    must be set afterwards (decimals drawn on the share scale)."""
    if chart.unit is not ChartUnit.COUNT:
        return chart, False
    values = [v for s in chart.series for v in s.values if v is not None]
    if all(v % MILLI == 0 for v in values):
        return dataclasses.replace(chart, series=tuple(
            dataclasses.replace(s, values=tuple(None if v is None else v // MILLI
                                                for v in s.values))
            for s in chart.series)), False
    return dataclasses.replace(chart, unit=ChartUnit.SHARE, series=tuple(
        dataclasses.replace(s, values=tuple(None if v is None else v * PPM_PER_MILLI
                                            for v in s.values))
        for s in chart.series)), True


def tooltip(chart: Chart, index: int, unit: Unit) -> str:
    """The tooltip of series `index` of an indicator chart as `indicator_chart` made it,
    values as the table shows them."""
    series = chart.series[index]
    scale = PPM_PER_MILLI if chart.unit is ChartUnit.SHARE else 1
    lines = [series.label]
    for category, value in zip(chart.categories, series.values, strict=False):
        if value is not None:
            lines.append(f"{category}: {value_text(value // scale, unit)}")
    return "\n".join(lines)


class IndicatorChart(QWidget):
    """One chart for the indicator followed; a line of text when there is none."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._indicator: Indicator | None = None
        self._stale = True
        self.widget: ChartWidget | None = None
        self.chart: Chart | None = None  # the description drawn (from indicator_chart)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666666;")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)
        self.setMinimumWidth(320)

    def translate_ui(self) -> None:
        """The chart's own texts follow at the next redraw (the panel refreshes after a
        language switch, which redraws)."""
        self.placeholder.setText(_("Choose an indicator to see its values against the "
                                   "target."))
        self._stale = True

    def show_indicator(self, indicator: Indicator | None) -> None:
        """Follow `indicator`; redraw now if on show, else when shown."""
        self._indicator = indicator
        self._stale = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def redraw(self) -> None:
        """Draw the indicator's chart anew (imports pyqtgraph the first time)."""
        self._stale = False
        if self.widget is not None:
            self._layout.removeWidget(self.widget)
            self.widget.deleteLater()
            self.widget = None
        self.chart = None
        indicator, store = self._indicator, self._ctx.store
        self.placeholder.setVisible(indicator is None or store is None)
        if indicator is None or store is None:
            return
        from finsam_desktop.services import activity_report
        from finsam_desktop.ui.charts import build_chart

        self.chart = activity_report.indicator_chart(store, indicator)
        shown, relabel = drawable(self.chart)
        self.widget = build_chart(shown, self)
        self.widget.setMinimumHeight(200)
        if relabel:
            self.widget.getPlotItem().getAxis("left").setLabel(unit_caption(indicator.unit),
                                                               color="#333333")
        for number, item in enumerate(self.widget.items[:len(shown.series)]):
            item.setToolTip(tooltip(self.chart, number, indicator.unit))
        self._layout.addWidget(self.widget, 1)
