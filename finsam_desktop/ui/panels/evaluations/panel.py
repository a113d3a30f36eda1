"""The Evaluations panel (Utvärderingar): goals and their indicators with fulfilment by year
and the values typed per year (with a chart against the target), and the register of
evaluations of the activities and of the agency.

Every edit is saved at once through an undo command; the panel re-reads the services when
`Changes` touch goals, indicators, their values, evaluations or activities (whose names it
shows). While hidden it only notes that it is stale and re-reads when shown again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
    refresh_when_shown = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
        self.goals_tab.refresh()
        self.evaluations_tab.refresh()

    def show_tab(self, key: str) -> None:
        """Bring "goals" or "evaluations" to the front."""
        self.tabs.setCurrentWidget(self.goals_tab if key == "goals" else self.evaluations_tab)
