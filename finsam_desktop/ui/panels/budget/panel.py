"""The Budget panel (Budget): the year and version chosen at the top, the key figures and
warnings always in sight, and tabs for the plan, the follow-up, the member contributions,
the charts and the plan's texts; PDF and Excel exports at the bottom.

Every edit is saved at once through an undo command; the panel re-reads the services
when `Changes` touch the budget (or members, charter and minutes, which feed it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import BudgetView
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import budget, organisation
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.budget.charts_tab import ChartsTab
from finsam_desktop.ui.panels.budget.contributions_tab import ContributionsTab
from finsam_desktop.ui.panels.budget.export import ExportLine, export_budget
from finsam_desktop.ui.panels.budget.followup_tab import FollowUpTab
from finsam_desktop.ui.panels.budget.forms import YearDialog
from finsam_desktop.ui.panels.budget.key_figures import KeyFiguresBox
from finsam_desktop.ui.panels.budget.plan_tab import PlanTab
from finsam_desktop.ui.panels.budget.texts_tab import TextsTab
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.undo_budget import Adopt, Revise
from finsam_desktop.ui.widgets.fields import select_data

TABLES = (*budget.TABLES, "members", "settings", "meetings", "items", "agency")


class BudgetPanel(Panel):
    """Year and version, key figures, and the Budget, Follow-up, Contributions, Charts and
    Texts tabs."""

    refresh_when_shown = True

    tables = TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._year: int | None = None
        self._version_id: int | None = None
        self._view: BudgetView | None = None
        self.year_dialog: YearDialog | None = None
        self._make_widgets(ctx)
        self._build()
        self._connect()
        self.translate_ui()
        self.refresh()

    # building ---------------------------------------------------------------------------

    def _make_widgets(self, ctx: AppContext) -> None:
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(80)
        self.new_year_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.version_label = QLabel(self)
        self.version_combo = QComboBox(self)
        self.version_combo.setMinimumWidth(260)
        self.version_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.adopt_button = QPushButton(self)
        self.revise_button = QPushButton(self)
        self.remove_version_button = QPushButton(self)
        self.figures = KeyFiguresBox(self)
        self.tabs = QTabWidget(self)
        self.plan_tab = PlanTab(ctx, self.tabs)
        self.followup_tab = FollowUpTab(ctx, self.tabs)
        self.contributions_tab = ContributionsTab(ctx, self.tabs)
        self.charts_tab = ChartsTab(ctx, self.tabs)
        self.texts_tab = TextsTab(ctx, self.tabs)
        for tab in (self.plan_tab, self.followup_tab, self.contributions_tab, self.charts_tab,
                    self.texts_tab):
            self.tabs.addTab(tab, "")
        self.empty_title = QLabel(self)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(self)
        self.empty_text.setWordWrap(True)
        self.empty_text.setMaximumWidth(560)
        self.empty_button = QPushButton(self)
        self.export_pdf_button = QPushButton(self)
        self.export_xlsx_button = QPushButton(self)
        self.runner = ExportRunner(self)
        self.busy = ExportLine(self)

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.year_label)
        header.addWidget(self.year_combo)
        header.addWidget(self.new_year_button)
        header.addWidget(self.copy_button)
        header.addSpacing(24)
        header.addWidget(self.version_label)
        header.addWidget(self.version_combo)
        header.addWidget(self.adopt_button)
        header.addWidget(self.revise_button)
        header.addWidget(self.remove_version_button)
        header.addStretch(1)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.figures)
        content_layout.addWidget(self.tabs, 1)
        exports = QHBoxLayout()
        exports.addWidget(self.busy, 1)
        exports.addWidget(self.export_pdf_button)
        exports.addWidget(self.export_xlsx_button)
        content_layout.addLayout(exports)
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        for widget in (self.empty_title, self.empty_text, self.empty_button):
            empty_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(empty)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)

    def _connect(self) -> None:
        self.year_combo.activated.connect(self._year_chosen)
        self.version_combo.activated.connect(self._version_chosen)
        self.new_year_button.clicked.connect(self.new_year)
        self.empty_button.clicked.connect(self.new_year)
        self.copy_button.clicked.connect(self.copy_to_next_year)
        self.adopt_button.clicked.connect(self.adopt)
        self.revise_button.clicked.connect(self.revise)
        self.remove_version_button.clicked.connect(self.remove_version)
        self.export_pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.export_xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.busy.follow(self.runner, self._update_buttons)

    def translate_ui(self) -> None:
        self.year_label.setText(_("Budget year"))
        self.new_year_button.setText(_("New budget year…"))
        self.copy_button.setText(_("Copy to next year"))
        self.copy_button.setToolTip(_("Start next year's budget from this one: the same lines, "
                                      "this year's first plan year as next year's budget."))
        self.version_label.setText(_("Version"))
        self.version_combo.setToolTip(_("The proposal, the adopted budget and any revisions. "
                                        "The follow-up uses the latest adopted version."))
        self.adopt_button.setText(_("Adopt…"))
        self.adopt_button.setToolTip(_("Record the board decision (§) that adopted this "
                                       "version; it can no longer be changed afterwards."))
        self.revise_button.setText(_("Revise"))
        self.revise_button.setToolTip(_("Make a new version from this one to change an adopted "
                                        "budget during the year; the board adopts it in turn."))
        self.remove_version_button.setText(_("Remove version"))
        self.remove_version_button.setToolTip(_("Remove this version (only one not adopted)."))
        titles = [_("Budget"), _("Follow-up"), _("Contributions"), _("Charts"), _("Texts")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.empty_title.setText(_("No budget yet"))
        self.empty_text.setText(_("Start with a budget year: the total member contribution "
                                  "(split between the members by their shares) and the equity "
                                  "at the start of the year. Board, administration and audit "
                                  "lines are added for you."))
        self.empty_button.setText(_("New budget year…"))
        self.export_pdf_button.setText(_("Export PDF…"))
        self.export_xlsx_button.setText(_("Export Excel…"))
        for tab in (self.plan_tab, self.followup_tab, self.contributions_tab, self.charts_tab,
                    self.texts_tab):
            tab.translate_ui()

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the shown year and version and everything computed from them."""
        store = self._ctx.require_store()
        years = budget.years(store)
        self._fill_years(years)
        if not years:
            self._year = self._version_id = None
            self._view = None
            self.pages.setCurrentIndex(0)
            self._update_buttons()
            return
        self.pages.setCurrentIndex(1)
        if self._year not in years:
            today = store.today().year
            self._year = today if today in years else years[-1]
            self._version_id = None
        select_data(self.year_combo, self._year)
        assert self._year is not None
        known = {v.id for v in budget.versions(store, self._year)}
        view = budget.view(store, self._year,
                           self._version_id if self._version_id in known else None)
        self._view, self._version_id = view, view.version.id
        self._fill_versions(view)
        self._show_year(view)
        self._update_buttons()

    def _fill_years(self, years: list[int]) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.blockSignals(False)

    def _fill_versions(self, view: BudgetView) -> None:
        store = self._ctx.require_store()
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for version in view.versions:
            label = budget.version_label(store, version)
            self.version_combo.addItem(label, version.id)
        select_data(self.version_combo, view.version.id)
        self.version_combo.blockSignals(False)

    def _show_year(self, view: BudgetView) -> None:
        store = self._ctx.require_store()
        year = view.year.year
        equity = next((e for e in budget.equity(store) if e.year == year), None)
        self.plan_tab.show_view(view, view.adopted_ref,
                                equity.opening_ore if equity is not None else None)
        current = budget.current_version(store, year)
        report = budget.follow_up(store, year)
        lines = {line.id: line for line in view.lines}
        self.followup_tab.show_report(report, view.year, lines,
                                      budget.version_label(store, current))
        names = {m.id: m.name for m in organisation.list_members(store)}
        self.contributions_tab.show_contributions(year, budget.received(store, year),
                                                  budget.payments(store, year), names)
        self.figures.show_figures(budget.key_figures(store, year), equity)
        self.texts_tab.show_texts(view.version.id, budget.texts(store, view.version.id))
        self.charts_tab.show_year(year)

    def _update_buttons(self) -> None:
        view = self._view
        busy = self.runner.is_busy()
        self.copy_button.setEnabled(view is not None)
        self.adopt_button.setEnabled(view is not None and not view.version.locked)
        self.revise_button.setEnabled(view is not None and view.version.locked)
        self.remove_version_button.setEnabled(
            view is not None and not view.version.locked and len(view.versions) > 1)
        self.export_pdf_button.setEnabled(view is not None and not busy)
        self.export_xlsx_button.setEnabled(view is not None and not busy)
        self.year_combo.setEnabled(view is not None)
        self.version_combo.setEnabled(view is not None)

    # choosing ---------------------------------------------------------------------------

    def show_year(self, year: int, version_id: int | None = None) -> None:
        """Show `year` (and `version_id`, default: the version being worked on)."""
        if not self.texts_tab.save_all():  # a refused text stays on screen to be fixed
            select_data(self.year_combo, self._year)
            select_data(self.version_combo, self._version_id)
            self.tabs.setCurrentWidget(self.texts_tab)
            return
        self._year, self._version_id = year, version_id
        self.refresh()

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None and year != self._year:
            self.show_year(int(year))

    def _version_chosen(self, _index: int) -> None:
        version_id = self.version_combo.currentData()
        if version_id is not None and version_id != self._version_id and self._year:
            self.show_year(self._year, int(version_id))

    def shown_version(self) -> int | None:
        """The id of the version on show."""
        return self._version_id

    # actions ----------------------------------------------------------------------------

    def new_year(self) -> YearDialog:
        """Open the dialog for a new budget year."""
        store = self._ctx.require_store()
        years = budget.years(store)
        default = years[-1] + 1 if years else store.today().year

        def submit(year: int, contributions: int, opening: int | None) -> None:
            _version, changes = budget.create_year(store, year, contributions_ore=contributions,
                                                   opening_equity_ore=opening)
            self.texts_tab.save_all()
            self._year, self._version_id = year, None
            self._ctx.events.changed.emit(changes)

        self.year_dialog = YearDialog(default, submit, self)
        self.year_dialog.open()
        return self.year_dialog

    def copy_to_next_year(self) -> bool:
        """Start next year's budget from the year on show; True if made."""
        if self._year is None:
            return False
        self.texts_tab.save_all()
        try:
            version, changes = budget.copy_year(self._ctx.require_store(), self._year)
        except FinsamError as error:
            dialogs.show_error(self, _("The budget could not be copied"), str(error))
            return False
        self._year, self._version_id = version.year, version.id
        self._ctx.events.changed.emit(changes)
        return True

    def adopt(self) -> bool:
        """Ask which decision § adopted the version on show, and record it."""
        view = self._view
        if view is None or view.version.locked:
            return False
        store = self._ctx.require_store()
        year = view.year.year
        choices = budget.decision_choices(store, year)
        if not choices:
            dialogs.show_error(self, _("No decision to adopt the budget by"), _(
                "There is no numbered decision paragraph (§) in the minutes of {before} or "
                "{year}. Record the board's decision in the minutes of its meeting (Meetings "
                "panel), then adopt the budget here.").format(before=year - 1, year=year))
            return False
        # Paragraphs about a budget first (the list is latest meeting first).
        offered = sorted(choices, key=lambda c: "budget" not in c[1].casefold())
        item_id = dialogs.ask_choice(
            self, _("Adopt budget {year}").format(year=year),
            _("The decision by which the board adopted this version:"), offered)
        if item_id is None:
            return False
        return run_or_show(self._ctx, self, Adopt(self._ctx, view.version.id, int(item_id)),
                           _("The budget could not be adopted"))

    def revise(self) -> bool:
        """Make a revised version of the version on show and show it."""
        view = self._view
        if view is None:
            return False
        command = Revise(self._ctx, view.version.id)
        self.texts_tab.save_all()
        if not run_or_show(self._ctx, self, command, _("The budget could not be revised")):
            return False
        if command.version is not None:
            self.show_year(view.year.year, command.version.id)
        return True

    def remove_version(self) -> bool:
        """Remove the version on show (not adopted) after asking."""
        view = self._view
        if view is None or not dialogs.ask_yes_no(
                self, _("Remove version"),
                _("Remove the version “{label}” of the {year} budget? This cannot be "
                  "undone.").format(label=budget.version_label(self._ctx.require_store(),
                                                                view.version),
                                    year=view.year.year)):
            return False
        try:
            _version, changes = budget.remove_version(self._ctx.require_store(), view.version.id)
        except FinsamError as error:
            dialogs.show_error(self, _("The version could not be removed"), str(error))
            return False
        self._version_id = None
        self._ctx.events.changed.emit(changes)
        return True

    def export(self, suffix: str) -> bool:
        """Export the year on show as ".pdf" or ".xlsx"; True if the export started."""
        if self._view is None:
            return False
        self.texts_tab.save_all()
        return export_budget(self._ctx, self.runner, self.busy, self, self._view.year.year,
                             self._view.version.id, suffix)

    def show_tab(self, key: str) -> None:
        """Bring "plan", "followup", "contributions", "charts" or "texts" to the front."""
        tabs = {"plan": self.plan_tab, "followup": self.followup_tab,
                "contributions": self.contributions_tab, "charts": self.charts_tab,
                "texts": self.texts_tab}
        self.tabs.setCurrentWidget(tabs[key])
