"""The organisation panel: tabs for the agency (profile and charter), members, board, staff
and auditors. Each tab refreshes when the tables it shows change."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.organisation.agency_tab import AgencyTab
from finsam_desktop.ui.panels.organisation.board_tab import BoardTab
from finsam_desktop.ui.panels.organisation.members_tab import MembersTab
from finsam_desktop.ui.panels.organisation.staff_tab import AuditorsTab, StaffTab

TAB_TABLES = {
    "agency": ("agency", "settings"),
    "members": ("members", "settings"),
    "board": ("seats", "people", "members", "settings"),
    "staff": ("staff", "people"),
    "auditors": ("auditors", "people", "members"),
}


class OrganisationPanel(Panel):
    """Agency, members, board, staff and auditors, one tab each."""

    tables = ("agency", "settings", "members", "people", "seats", "staff", "auditors")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.agency_tab = AgencyTab(ctx, self.tabs)
        self.members_tab = MembersTab(ctx, self.tabs)
        self.board_tab = BoardTab(ctx, self.tabs)
        self.staff_tab = StaffTab(ctx, self.tabs)
        self.auditors_tab = AuditorsTab(ctx, self.tabs)
        self._tabs = {"agency": self.agency_tab, "members": self.members_tab,
                      "board": self.board_tab, "staff": self.staff_tab,
                      "auditors": self.auditors_tab}
        for tab in self._tabs.values():
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        titles = [_("Agency"), _("Members"), _("Board"), _("Office staff"), _("Auditors")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for tab in self._tabs.values():
            tab.translate_ui()

    def refresh(self) -> None:
        for tab in self._tabs.values():
            tab.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not self.is_live():
            return
        for key, tab in self._tabs.items():
            if changes.touches(*TAB_TABLES[key]):
                tab.refresh()

    def show_tab(self, key: str) -> None:
        """Bring the tab named `key` (agency, members, board, staff, auditors) to the front."""
        self.tabs.setCurrentWidget(self._tabs[key])
