"""The Charts tab: participants per year and occupation before and after
(`services.activity_report.charts`) for the selected activity or all, drawn by the generic
pyqtgraph builder. pyqtgraph is imported when the tab is first shown, never before, and the
charts are redrawn only while the tab is on show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.common import hint

if TYPE_CHECKING:
    from finsam_desktop.domain.charts import Chart
    from finsam_desktop.ui.charts import ChartWidget


class ChartsTab(QWidget):
    """Two charts side by side for the selected activity, or for all activities."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self._activity_id: int | None = None
        self._stale = True
        self.widgets: list[ChartWidget] = []
        self.selected = QRadioButton(self)
        self.everything = QRadioButton(self)
        self.selected.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.selected)
        scope.addButton(self.everything)
        self.note = hint(self)
        self._body = QWidget(self)
        self._row = QHBoxLayout(self._body)
        self._row.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        top = QHBoxLayout()
        top.addWidget(self.selected)
        top.addWidget(self.everything)
        top.addSpacing(12)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.selected.toggled.connect(self._scope_changed)

    def translate_ui(self) -> None:
        """Set every text (the charts' own texts follow at the next redraw)."""
        self.selected.setText(_("Selected activity"))
        self.everything.setText(_("All activities"))
        self.note.setText(_("Occupation is shown for the year chosen above; point at a bar "
                            "for the exact figures."))
        self._mark_stale()

    def show_for(self, year: int, activity_id: int | None) -> None:
        """Follow `year` and the selected activity; redraw now if on show."""
        if (year, activity_id) == (self._year, self._activity_id) and not self._stale:
            return
        self._year, self._activity_id = year, activity_id
        self.selected.setEnabled(activity_id is not None)
        self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.redraw()

    def data_changed(self) -> None:
        """The figures changed: redraw now if on show, else when shown."""
        self._mark_stale()

    def _scope_changed(self, _checked: bool) -> None:
        self._mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def charts(self) -> list[Chart]:
        """The chart descriptions for the scope chosen."""
        from finsam_desktop.services import activity_report

        if self._year is None or self._ctx.store is None:
            return []
        activity = self._activity_id if self.selected.isChecked() else None
        return activity_report.charts(self._ctx.require_store(), self._year, activity)

    def redraw(self) -> None:
        """Draw the charts anew (imports pyqtgraph the first time)."""
        from finsam_desktop.ui.charts import build_chart

        self._stale = False
        for widget in self.widgets:
            self._row.removeWidget(widget)
            widget.deleteLater()
        self.widgets = []
        for chart in self.charts():
            widget = build_chart(chart, self._body)
            self._row.addWidget(widget, 1)
            self.widgets.append(widget)
