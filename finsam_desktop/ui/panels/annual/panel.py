"""The Annual report panel (Årsredovisning): the report year chosen at the top, the cycle
strip always in sight (countdown to 31 March, signed, adopted, audit report, dispatch,
discharges, what does not add up in the statements), and tabs for the texts, the
statements, signing and audit, and the members.

Every edit is saved at once through an undo command; the panel re-reads the services when
`Changes` touch the annual report (or members, board and minutes, which feed it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.annual import Statement
from finsam_desktop.i18n import _
from finsam_desktop.services import activities, annual, organisation
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.common import meeting_of_item
from finsam_desktop.ui.panels.annual.cycle_strip import CycleStrip
from finsam_desktop.ui.panels.annual.members_tab import MembersTab
from finsam_desktop.ui.panels.annual.notes_tab import NotesTab
from finsam_desktop.ui.panels.annual.signing_tab import SigningTab
from finsam_desktop.ui.panels.annual.statements_tab import StatementsTab
from finsam_desktop.ui.panels.annual.texts_tab import TextsTab
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.meetings.common import BusyLine
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.widgets.fields import select_data

TABLES = (*annual.TABLES, "members", "people", "seats", "meetings", "items", "settings")
YEARS_BACK = 5  # years offered before the default report year


def default_year(today: dt.date) -> int:
    """The report being worked on: last year's until the end of June, then this year's."""
    return today.year - 1 if today < dt.date(today.year, 7, 1) else today.year


def opening_year(store: Store) -> int:
    """Last year's report while its members' discharge decisions are still coming in,
    otherwise `default_year`."""
    today = store.today()
    last = today.year - 1
    if last in store.annual.years() and annual.status(store, last).pending_discharges:
        return last
    return default_year(today)


class AnnualPanel(Panel):
    """Year, cycle strip, and the Texts, Statements, Notes, Signing and audit, Members tabs."""

    tables = TABLES

    sig_open_paragraph = Signal(int, int)
    """(meeting id, item id): show the adopting § in the Meetings panel."""

    refresh_when_shown = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._year = opening_year(ctx.require_store())
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(80)
        self.strip = CycleStrip(self)
        self.tabs = QTabWidget(self)
        self.texts_tab = TextsTab(ctx, self.tabs)
        self.statements_tab = StatementsTab(ctx, self.tabs)
        self.notes_tab = NotesTab(ctx, self.tabs)
        self.signing_tab = SigningTab(ctx, self.tabs)
        self.members_tab = MembersTab(ctx, self.tabs)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self.runner = ExportRunner(self)
        self.busy = BusyLine(self)
        self.export_annual_button = QPushButton(self)
        self.export_interim_button = QPushButton(self)
        exports = QHBoxLayout()
        exports.addWidget(self.busy, 1)
        exports.addWidget(self.export_interim_button)
        exports.addWidget(self.export_annual_button)
        header = QHBoxLayout()
        header.addWidget(self.year_label)
        header.addWidget(self.year_combo)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.strip)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(exports)
        self.busy.follow(self.runner, self._update_exports)
        self.export_annual_button.clicked.connect(self.export_annual)
        self.export_interim_button.clicked.connect(self.export_interim)
        self.year_combo.activated.connect(self._year_chosen)
        self.strip.sig_open_item.connect(self.open_item)
        self.signing_tab.sig_open_item.connect(self.open_item)
        self.translate_ui()
        self.refresh()

    def _tabs(self) -> tuple[QWidget, ...]:
        return (self.texts_tab, self.statements_tab, self.notes_tab, self.signing_tab,
                self.members_tab)

    def translate_ui(self) -> None:
        self.year_label.setText(_("Annual report for"))
        self.year_combo.setToolTip(_("The financial year the report covers; the board signs "
                                     "it by 31 March of the year after."))
        self.export_annual_button.setText(_("Export annual report…"))
        self.export_annual_button.setToolTip(_("Write the annual report of the year on show as "
                                               "an archive-grade PDF (PDF/A)."))
        self.export_interim_button.setText(_("Export interim report…"))
        self.export_interim_button.setToolTip(_("Write an interim report (delårsrapport) of the "
                                                "year on show up to a day you choose."))
        titles = [_("Texts"), _("Statements"), _("Notes"), _("Signing and audit"), _("Members")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for tab in self._tabs():
            tab.translate_ui()  # type: ignore[attr-defined]

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the year on show."""
        store = self._ctx.require_store()
        year = self._year
        self._fill_years(store.today())
        report = annual.get_report(store, year)
        reference = activities.decision_reference(store, report.adopted_item_id)
        status = annual.status(store, year)
        problems = annual.statement_problems(store, year)
        self.strip.show_status(status, report, reference, problems)
        self.notes_tab.show_notes(year, annual.notes(store, year),
                                  annual.note_problems(store, year))
        self.texts_tab.show_texts(year, annual.texts(store, year))
        self.statements_tab.show_statements(
            year, {s: annual.statement(store, year, s) for s in Statement})
        signatories = annual.signatories(store, report.signing_date) \
            if report.signing_date is not None else None
        self.signing_tab.show_report(report, reference, signatories)
        names = {m.id: m.name for m in organisation.list_members(store)}
        self.members_tab.show_cycles(year, annual.cycles(store, year), names)

    def _fill_years(self, today: dt.date) -> None:
        newest = max(today.year, self._year)
        first = min(default_year(today) - YEARS_BACK, self._year)
        years = list(range(newest, first - 1, -1))
        if [self.year_combo.itemData(i) for i in range(self.year_combo.count())] != years:
            self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for year in years:
                self.year_combo.addItem(str(year), year)
            self.year_combo.blockSignals(False)
        select_data(self.year_combo, self._year)

    # choosing ---------------------------------------------------------------------------

    def shown_year(self) -> int:
        """The report year on show."""
        return self._year

    def show_year(self, year: int) -> bool:
        """Show the report for `year`; False (and the year kept) when a text or field
        being typed was refused, so it stays on screen to be fixed."""
        if not self.texts_tab.save_all():
            select_data(self.year_combo, self._year)
            self.tabs.setCurrentWidget(self.texts_tab)
            return False
        if not self.signing_tab.save_all():
            select_data(self.year_combo, self._year)
            self.tabs.setCurrentWidget(self.signing_tab)
            return False
        self._year = year
        self.refresh()
        return True

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None and year != self._year:
            self.show_year(int(year))

    # exports ----------------------------------------------------------------------------

    def _update_exports(self) -> None:
        busy = self.runner.is_busy()
        self.export_annual_button.setEnabled(not busy)
        self.export_interim_button.setEnabled(not busy)

    def export_annual(self) -> bool:
        """Write the year's annual report as PDF in a worker; True if it started."""
        from finsam_desktop.services import annual_report

        store, year = self._ctx.require_store(), self._year
        return self.busy.export(lambda: annual_report.annual_job(store, year, Path("x.pdf")),
                                f"arsredovisning-{year}.pdf")

    def export_interim(self) -> bool:
        """Ask up to which day, then write the interim report; True if it started."""
        from finsam_desktop.domain.errors import ValidationError
        from finsam_desktop.domain.values import parse_date
        from finsam_desktop.services import annual_report

        store, year = self._ctx.require_store(), self._year
        suggested = min(store.today(), dt.date(year, 12, 30))
        suggested = dt.date(year, 8, 31) if suggested.year != year else suggested
        text = dialogs.ask_text(self, _("Interim report {year}").format(year=year),
                                _("Up to and including (YYYY-MM-DD):"),
                                suggested.isoformat())
        if not text:
            return False
        try:
            until = parse_date(text)
        except ValidationError as error:
            dialogs.show_error(self, _("The interim report could not be made"), str(error))
            return False
        return self.busy.export(
            lambda: annual_report.interim_job(store, year, until, Path("x.pdf")),
            f"delarsrapport-{until.isoformat()}.pdf")

    def open_item(self, item_id: int) -> None:
        """Show the paragraph `item_id` in the Meetings panel."""
        meeting_id = meeting_of_item(self._ctx.require_store(), item_id)
        if meeting_id is None:
            dialogs.show_error(self, _("The paragraph could not be shown"),
                               _("The decision paragraph no longer exists."))
            return
        self.sig_open_paragraph.emit(meeting_id, item_id)

    def show_tab(self, key: str) -> None:
        """Bring "texts", "statements", "notes", "signing" or "members" to the front."""
        tabs = {"texts": self.texts_tab, "statements": self.statements_tab,
                "notes": self.notes_tab,
                "signing": self.signing_tab, "members": self.members_tab}
        self.tabs.setCurrentWidget(tabs[key])
