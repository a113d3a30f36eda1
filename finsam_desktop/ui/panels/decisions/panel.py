"""The Decisions panel (Beslut): the decision register with its follow-up, and the
delegation order with the log of delegation decisions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.decisions.decisions_tab import DecisionsTab
from finsam_desktop.ui.panels.decisions.delegation_tab import DelegationTab

REGISTER_TABLES = ("followups", "items", "meetings", "postings", "seals", "settings", "people")
DELEGATION_TABLES = ("delegations", "delegation_decisions", "items", "meetings")


class DecisionsPanel(Panel):
    """Two tabs: Decisions (register and follow-up) and Delegation."""

    tables = tuple(dict.fromkeys(REGISTER_TABLES + DELEGATION_TABLES))

    sig_open_paragraph = Signal(int, int)
    """Emitted with (meeting id, item id): show that paragraph in the meetings panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale: set[str] = set()
        self.tabs = QTabWidget(self)
        self.decisions_tab = DecisionsTab(ctx, self.tabs)
        self.delegation_tab = DelegationTab(ctx, self.tabs)
        self.tabs.addTab(self.decisions_tab, "")
        self.tabs.addTab(self.delegation_tab, "")
        QVBoxLayout(self).addWidget(self.tabs)
        self.decisions_tab.sig_open_paragraph.connect(self.sig_open_paragraph)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.tabs.setTabText(0, _("Decisions"))
        self.tabs.setTabText(1, _("Delegation"))
        self.decisions_tab.translate_ui()
        self.delegation_tab.translate_ui()

    def refresh(self) -> None:
        self.decisions_tab.refresh()
        self.delegation_tab.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not self.is_live():
            return
        # While hidden (e.g. minuting in the meetings panel) only note what is stale: the
        # register is re-queried once when the panel is shown again.
        if changes.touches(*REGISTER_TABLES):
            self._stale.add("decisions")
        if changes.touches(*DELEGATION_TABLES):
            self._stale.add("delegation")
        if self.isVisible():
            self._refresh_stale()

    def _refresh_stale(self) -> None:
        stale, self._stale = self._stale, set()
        if "decisions" in stale:
            self.decisions_tab.refresh()
        if "delegation" in stale:
            self.delegation_tab.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.is_live():
            self._refresh_stale()

    def show_tab(self, key: str) -> None:
        """Bring "decisions" or "delegation" to the front."""
        self.tabs.setCurrentWidget(self.decisions_tab if key == "decisions"
                                   else self.delegation_tab)
