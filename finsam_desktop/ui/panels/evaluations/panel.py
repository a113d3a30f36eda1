"""The Evaluations panel (Utvärderingar): goals and their indicators with fulfilment by year
and the values typed per year (with a chart against the target), and the register of
evaluations of the activities and of the agency.

Every edit is saved at once through an undo command; the panel re-reads the services when
`Changes` touch goals, indicators, their values, evaluations or activities (whose names it
shows). While hidden it only notes that it is stale and re-reads when shown again.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.services import evaluations
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.evaluations.evaluations_tab import EvaluationsTab
from finsam_desktop.ui.panels.evaluations.goals_tab import GoalsTab

TABLES = (*evaluations.TABLES, "activities")


class EvaluationsPanel(Panel):
    """Two tabs: Goals and indicators, and Evaluations."""

    tables = TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = False
        self.tabs = QTabWidget(self)
        self.goals_tab = GoalsTab(ctx, self.tabs)
        self.evaluations_tab = EvaluationsTab(ctx, self.tabs)
        self.tabs.addTab(self.goals_tab, "")
        self.tabs.addTab(self.evaluations_tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.tabs.setTabText(0, _("Goals and indicators"))
        self.tabs.setTabText(1, _("Evaluations"))
        self.goals_tab.translate_ui()
        self.evaluations_tab.translate_ui()

    def refresh(self) -> None:
        self._stale = False
        self.goals_tab.refresh()
        self.evaluations_tab.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not self.is_live() or not changes.touches(*self.tables):
            return
        if self.isVisible():
            self.refresh()
        else:  # re-read once when the panel is shown again
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.is_live():
            self.refresh()

    def show_tab(self, key: str) -> None:
        """Bring "goals" or "evaluations" to the front."""
        self.tabs.setCurrentWidget(self.goals_tab if key == "goals" else self.evaluations_tab)
