"""The overview (Översikt), the panel a file opens on: what is next, what is late and how
the year is going (the Today tab), and the board's year of meetings and deadlines (the
Governance year tab). Every line opens the place where the matter is handled: the panel
emits `sig_open_target` with a `domain.overview.Target`, the main window shows it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import organisation
from finsam_desktop.services.overview import TABLES
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.overview.today_tab import TodayTab
from finsam_desktop.ui.panels.overview.year_tab import YearTab


class OverviewPanel(Panel):
    """The agency's name and today's date above the Today and Governance year tabs."""

    tables = TABLES

    sig_open_target = Signal(object)
    """A `domain.overview.Target`: show that panel, tab and record."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale: set[str] = set()
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.date_label = QLabel(self)
        self.date_label.setStyleSheet("color: #555555;")
        self.tabs = QTabWidget(self)
        self.today_tab = TodayTab(ctx, self.tabs)
        self.year_tab = YearTab(ctx, self.tabs)
        self._tabs: dict[str, QWidget] = {"today": self.today_tab, "year": self.year_tab}
        for tab in self._tabs.values():
            self.tabs.addTab(tab, "")
        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)
        header.addWidget(self.date_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.today_tab.sig_open_target.connect(self.sig_open_target)
        self.year_tab.sig_open_target.connect(self.sig_open_target)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.tabs.setTabText(0, _("Today"))
        self.tabs.setTabText(1, _("Governance year"))
        self.tabs.setTabToolTip(1, _("The board's year (årshjul): meetings, summonses, "
                                     "signing, notices, reports, audit, discharge and "
                                     "budget, with their deadlines."))
        self.today_tab.translate_ui()
        self.year_tab.translate_ui()

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the header and the tab on show; the other tab when it is shown."""
        store = self._ctx.require_store()
        self.name_label.setText(organisation.get_agency(store).name)
        self.date_label.setText(_("Today: {date}").format(
            date=format_date(store.today(), long=True)))
        self._stale = set(self._tabs)
        self._refresh_current()

    def _refresh_current(self) -> None:
        key = self.current_tab()
        if key in self._stale:
            self._stale.discard(key)
            tab = self._tabs[key]
            tab.refresh()  # type: ignore[attr-defined]

    def _on_changed(self, changes: Changes) -> None:
        if not self.is_live() or not changes.touches(*self.tables):
            return
        if self.isVisible():
            self.refresh()
        else:  # re-read once when the panel is shown again
            self._stale = set(self._tabs) | {"header"}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if "header" in self._stale and self.is_live():
            self.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.is_live():
            self._refresh_current()

    # showing ----------------------------------------------------------------------------

    def current_tab(self) -> str:
        """"today" or "year"."""
        current = self.tabs.currentWidget()
        return next(key for key, tab in self._tabs.items() if tab is current)

    def show_tab(self, key: str) -> None:
        """Bring "today" or "year" to the front."""
        self.tabs.setCurrentWidget(self._tabs[key])

    def finish_deferred(self) -> None:
        """Load now what waits until the panel has been on screen (the figures and charts
        of the year at a glance): for screenshots and tests."""
        self.today_tab.glance.load_now()
