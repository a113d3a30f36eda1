"""The Charts tab: the budget's four charts (`services.budget_report.charts`), drawn by the
generic pyqtgraph builder in `ui/charts.py`. pyqtgraph is imported when the tab is first
shown, never before, and the charts are redrawn only while the tab is on show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from finsam_desktop.domain.charts import Chart
    from finsam_desktop.ui.charts import ChartWidget


class ChartsTab(QWidget):
    """Two charts per row; rebuilt from the data whenever it changed and the tab shows."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self._stale = True
        self.widgets: list[ChartWidget] = []
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self._body = QWidget(self)
        self._grid = QGridLayout(self._body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def translate_ui(self) -> None:
        """Set every text (the charts' own texts follow at the next redraw)."""
        self.note.setText(_("The same charts are printed in the PDF. Amounts in thousands of "
                            "kronor; dashed: budget, plan or forecast. Point at a bar or line "
                            "for the exact figures."))
        self._stale = True

    def show_year(self, year: int) -> None:
        """Follow `year`; redraw now if the tab is on show, else when it is shown."""
        self._year = year
        self._stale = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def charts(self) -> list[Chart]:
        """The chart descriptions of the year followed."""
        from finsam_desktop.services import budget_report

        if self._year is None or self._ctx.store is None:
            return []
        return budget_report.charts(self._ctx.require_store(), self._year)

    def redraw(self) -> None:
        """Draw the year's charts anew (imports pyqtgraph the first time)."""
        from finsam_desktop.ui.charts import build_chart

        self._stale = False
        for widget in self.widgets:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.widgets = []
        for number, chart in enumerate(self.charts()):
            widget = build_chart(chart, self._body)
            self._grid.addWidget(widget, number // 2, number % 2)
            self.widgets.append(widget)
