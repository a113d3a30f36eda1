"""The chart of the selected indicator: its values by year against the dashed target
(`services.activity_report.indicator_chart`), drawn as given by the generic builder in
`ui/charts.py` (percentages in per cent, counts as whole numbers, scores with their
decimals; the tooltips show the chart's values).

pyqtgraph is imported when the chart is first shown, never before, and the chart is redrawn
only while it is on show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from finsam_desktop.domain.charts import Chart
from finsam_desktop.domain.evaluations import Indicator
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from finsam_desktop.ui.charts import ChartWidget


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
        self.widget = build_chart(self.chart, self)
        self.widget.setMinimumHeight(200)
        self._layout.addWidget(self.widget, 1)
