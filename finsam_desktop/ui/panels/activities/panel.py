"""The Activities panel (Insatser): the register of a year filtered by status and direction
above; the selected activity below with its status and decision, and tabs for its details,
money, participants and charts; the agency's mappings and obstacles in a tab of their own;
the activity catalogue exported as PDF or Excel at the bottom.

Every edit is saved at once through an undo command; the panel re-reads the services when
`Changes` touch activities (or the budget, members, charter and minutes that feed them)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.activities import STATUS_LABELS, Activity, Status
from finsam_desktop.domain.budget import Focus
from finsam_desktop.i18n import _
from finsam_desktop.services import activities, budget, organisation
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.charts_tab import ChartsTab
from finsam_desktop.ui.panels.activities.common import focus_label, hint
from finsam_desktop.ui.panels.activities.details_tab import DetailsTab
from finsam_desktop.ui.panels.activities.export import ExportLine, export_catalogue
from finsam_desktop.ui.panels.activities.findings_tab import FindingsTab
from finsam_desktop.ui.panels.activities.money_tab import MoneyTab
from finsam_desktop.ui.panels.activities.new_dialog import NewActivityDialog, suggestions
from finsam_desktop.ui.panels.activities.participants_tab import ParticipantsTab
from finsam_desktop.ui.panels.activities.register import (
    RegisterModel,
    RegisterRow,
    filtered,
    register_rows,
)
from finsam_desktop.ui.panels.activities.status_box import StatusBox
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.undo_activities import AddActivity, RemoveActivity
from finsam_desktop.ui.widgets.fields import select_data
from finsam_desktop.ui.widgets.tables import make_table

TABLES = (*activities.TABLES, *budget.TABLES, "members", "settings", "meetings", "items",
          "indicators", "evaluations")
ALL = "all"


class ActivitiesPanel(Panel):
    """Register, the selected activity, mappings and obstacles, catalogue export."""

    tables = TABLES

    sig_open_paragraph = Signal(int, int)
    """(meeting id, item id): show the decision paragraph in the Meetings panel."""

    refresh_when_shown = True

    sig_open_budget = Signal(int)
    """A year: show it in the Budget panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._year: int | None = ctx.require_store().today().year
        self._selected: int | None = None
        self._rows: list[RegisterRow] = []
        self.new_dialog: NewActivityDialog | None = None
        self._make_widgets(ctx)
        self._build()
        self._connect()
        self.translate_ui()
        self.refresh()

    # building ---------------------------------------------------------------------------

    def _make_widgets(self, ctx: AppContext) -> None:
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.status_label = QLabel(self)
        self.status_filter = QComboBox(self)
        self.focus_label = QLabel(self)
        self.focus_filter = QComboBox(self)
        self.new_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.model = RegisterModel(self)
        self.view = make_table(self.model, self, stretch_column=8)
        self.view.setSortingEnabled(False)
        self.count_label = hint(self)
        self.status_box = StatusBox(ctx, self)
        self.detail_tabs = QTabWidget(self)
        self.details_tab = DetailsTab(ctx, self.detail_tabs)
        self.money_tab = MoneyTab(ctx, self.detail_tabs)
        self.participants_tab = ParticipantsTab(ctx, self.detail_tabs)
        self.charts_tab = ChartsTab(ctx, self.detail_tabs)
        for tab in (self.details_tab, self.money_tab, self.participants_tab, self.charts_tab):
            self.detail_tabs.addTab(tab, "")
        self.findings_tab = FindingsTab(ctx, self)
        self.tabs = QTabWidget(self)
        self.export_pdf_button = QPushButton(self)
        self.export_xlsx_button = QPushButton(self)
        self.runner = ExportRunner(self)
        self.busy = ExportLine(self)

    def _build(self) -> None:
        header = QHBoxLayout()
        for label, combo in ((self.year_label, self.year_combo),
                             (self.status_label, self.status_filter),
                             (self.focus_label, self.focus_filter)):
            header.addWidget(label)
            header.addWidget(combo)
            header.addSpacing(10)
        header.addStretch(1)
        header.addWidget(self.new_button)
        header.addWidget(self.remove_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.count_label)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.status_box)
        bottom_layout.addWidget(self.detail_tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([300, 470])
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(header)
        page_layout.addWidget(self.splitter, 1)
        self.tabs.addTab(page, "")
        self.tabs.addTab(self.findings_tab, "")
        exports = QHBoxLayout()
        exports.addWidget(self.busy, 1)
        exports.addWidget(self.export_pdf_button)
        exports.addWidget(self.export_xlsx_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(exports)

    def _connect(self) -> None:
        self.year_combo.activated.connect(self._filter_chosen)
        self.status_filter.activated.connect(self._filter_chosen)
        self.focus_filter.activated.connect(self._filter_chosen)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_activity)
        self.remove_button.clicked.connect(self.remove_activity)
        self.status_box.sig_open_paragraph.connect(self.sig_open_paragraph)
        self.money_tab.sig_open_budget.connect(self.sig_open_budget)
        self.export_pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.export_xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.busy.follow(self.runner, self._update_buttons)

    def translate_ui(self) -> None:
        self.year_label.setText(_("Year"))
        self.year_combo.setToolTip(_("Activities whose period overlaps the year; their budget, "
                                     "actual and participants in that year."))
        self.status_label.setText(_("Status"))
        self.focus_label.setText(_("Direction"))
        self._fill_filters()
        self.new_button.setText(_("New activity…"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove an activity registered by mistake (only one "
                                        "without participants, budget lines, indicators or "
                                        "evaluations)."))
        self.tabs.setTabText(0, _("Activities"))
        self.tabs.setTabText(1, _("Mappings and obstacles"))
        for index, title in enumerate((_("Details"), _("Money"), _("Participants"),
                                       _("Charts"))):
            self.detail_tabs.setTabText(index, title)
        self.export_pdf_button.setText(_("Export catalogue PDF…"))
        self.export_xlsx_button.setText(_("Export catalogue Excel…"))
        self.model.retranslate()
        for part in (self.status_box, self.details_tab, self.money_tab, self.participants_tab,
                     self.charts_tab, self.findings_tab):
            part.translate_ui()
        self._show_count()

    def _fill_filters(self) -> None:
        status = self.status_filter.currentData()
        self.status_filter.clear()
        self.status_filter.addItem(_("All statuses"), ALL)
        for value, label in STATUS_LABELS.items():
            self.status_filter.addItem(_(label), value.value)
        select_data(self.status_filter, status if status is not None else ALL)
        focus = self.focus_filter.currentData()
        self.focus_filter.clear()
        self.focus_filter.addItem(_("Both directions"), ALL)
        for value in (Focus.INDIVIDUAL, Focus.STRUCTURAL):
            self.focus_filter.addItem(focus_label(value), value.value)
        select_data(self.focus_filter, focus if focus is not None else ALL)
        if self.year_combo.count():
            self.year_combo.setItemText(0, _("All years"))

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the register, the selected activity and the findings."""
        store = self._ctx.require_store()
        years = activities.years(store)
        if self._year is not None and self._year not in years:
            self._year = store.today().year if store.today().year in years else None
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(_("All years"), ALL)
        for year in years:
            self.year_combo.addItem(str(year), year)
        select_data(self.year_combo, self._year if self._year is not None else ALL)
        self.year_combo.blockSignals(False)
        self._rows = register_rows(store, self._year)
        self._show_rows()
        self.findings_tab.refresh()

    def _filters(self) -> tuple[Status | None, Focus | None]:
        status = self.status_filter.currentData()
        focus = self.focus_filter.currentData()
        return (None if status in (None, ALL) else Status(status),
                None if focus in (None, ALL) else Focus(focus))

    def _show_rows(self) -> None:
        shown = filtered(self._rows, *self._filters())
        keep = self._selected
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(shown)
        self.model.set_year(self._year)
        self.view.selectionModel().blockSignals(False)
        self._fit_columns()
        ids = [r.activity.id for r in shown]
        if keep not in ids:
            keep = ids[0] if ids else None
        self.select(keep)
        self._show_count()

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column, widest in ((0, 260), (3, 160), (4, 150)):
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), len(self._rows)
        if not total:
            self.count_label.setText(_("No activities in this year yet. Register one with "
                                       "“New activity…”."))
        elif shown == total:
            self.count_label.setText(_("{n} activities.").format(n=total))
        else:
            self.count_label.setText(_("{shown} of {n} activities shown (filtered).").format(
                shown=shown, n=total))

    def select(self, activity_id: int | None) -> None:
        """Select an activity in the register (None: nothing) and show it below."""
        row = next((i for i, r in enumerate(self.model.rows())
                    if r.activity.id == activity_id), None)
        self.view.selectionModel().blockSignals(True)
        if row is None:
            self.view.clearSelection()
        else:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self.view.selectionModel().blockSignals(False)
        self._selected = activity_id if row is not None else None
        self._show_selected()

    def selected(self) -> Activity | None:
        """The activity shown below the register."""
        row = next((r for r in self.model.rows() if r.activity.id == self._selected), None)
        return row.activity if row is not None else None

    def _selection_changed(self, *_args: object) -> None:
        rows = self.view.selectionModel().selectedRows()
        activity_id = self.model.record(rows[0].row()).activity.id if rows else None
        if activity_id == self._selected:
            return
        self.details_tab.save()  # a field being typed in saves before the switch
        self.select(activity_id)  # (again: the save's refresh may have reselected)

    def _show_selected(self) -> None:
        store = self._ctx.require_store()
        activity = self.selected()
        members = organisation.list_members(store)
        ids = activities.parties(store, activity.id) if activity is not None else []
        directions = suggestions(organisation.get_charter(store).precise_directions)
        self.status_box.set_activity(activity)
        self.details_tab.set_activity(activity, ids, members, directions)
        self.money_tab.set_activity(activity)
        self.participants_tab.set_activity(activity, self._year)
        self.charts_tab.show_for(self._year or store.today().year,
                                 activity.id if activity is not None else None)
        self.charts_tab.data_changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy()
        self.remove_button.setEnabled(self._selected is not None)
        can_export = bool(self._rows) and self._year is not None and not busy
        self.export_pdf_button.setEnabled(can_export)
        self.export_xlsx_button.setEnabled(can_export)
        tip = "" if self._year is not None else _("Choose a year to export its catalogue.")
        self.export_pdf_button.setToolTip(tip)
        self.export_xlsx_button.setToolTip(tip)

    # choosing ---------------------------------------------------------------------------

    def _filter_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        year = None if year in (None, ALL) else int(year)
        self.details_tab.save()
        if year != self._year:
            self._year = year
            self._rows = register_rows(self._ctx.require_store(), year)
        self._show_rows()

    def show_year(self, year: int | None) -> None:
        """Show the register of `year` (None: all years)."""
        select_data(self.year_combo, year if year is not None else ALL)
        self._filter_chosen(self.year_combo.currentIndex())

    def show_tab(self, key: str) -> None:
        """Bring "details", "money", "participants", "charts" or "findings" to the front."""
        if key == "findings":
            self.tabs.setCurrentWidget(self.findings_tab)
            return
        self.tabs.setCurrentIndex(0)
        self.detail_tabs.setCurrentWidget({"details": self.details_tab,
                                           "money": self.money_tab,
                                           "participants": self.participants_tab,
                                           "charts": self.charts_tab}[key])

    # actions ----------------------------------------------------------------------------

    def new_activity(self) -> NewActivityDialog:
        """Open the dialog for a new activity."""
        store = self._ctx.require_store()
        self.details_tab.save()

        def submit(activity: Activity, member_ids: list[int]) -> None:
            command = AddActivity(self._ctx, activity, member_ids)
            undo.run(self._ctx, command)
            self._reveal(command.activity)

        self.new_dialog = NewActivityDialog(
            organisation.current_members(store),
            suggestions(organisation.get_charter(store).precise_directions), submit, self)
        self.new_dialog.open()
        return self.new_dialog

    def _reveal(self, activity: Activity) -> None:
        """Select `activity`, widening the filters if they hide it."""
        if self._year is not None and not activity.runs_in(self._year):
            self._year = None
            self._rows = register_rows(self._ctx.require_store(), None)
            select_data(self.year_combo, ALL)
        status, focus = self._filters()
        if status not in (None, activity.status):
            select_data(self.status_filter, ALL)
        if focus not in (None, activity.focus):
            select_data(self.focus_filter, ALL)
        self._selected = activity.id
        self._show_rows()
        self.show_tab("details")
        self.details_tab.name.setFocus()

    def remove_activity(self) -> bool:
        """Remove the selected activity after asking."""
        activity = self.selected()
        if activity is None or not dialogs.ask_yes_no(
                self, _("Remove activity"),
                _("Remove the activity “{name}”? Only an activity registered by mistake, "
                  "without participants, budget lines, indicators or evaluations, can be "
                  "removed. Edit ▸ Undo brings it back.").format(name=activity.name)):
            return False
        return run_or_show(self._ctx, self, RemoveActivity(self._ctx, activity),
                           _("The activity could not be removed"))

    def export(self, suffix: str) -> bool:
        """Export the catalogue of the year shown as ".pdf" or ".xlsx"; True if started."""
        if self._year is None:
            return False
        self.details_tab.save()
        return export_catalogue(self._ctx, self.runner, self.busy, self, self._year, suffix)
