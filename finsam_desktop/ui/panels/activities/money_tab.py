"""The Money tab: the budget lines that finance the selected activity, per year with the
budget and the actual to date (current version), the granted amount beside them; linking a
budget activity line of the same direction, unlinking, and opening a year in the Budget
panel."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.activities import Activity
from finsam_desktop.domain.budget import Area
from finsam_desktop.formatting import format_money
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import activities, budget
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.activities.common import focus_label, hint
from finsam_desktop.ui.panels.budget.common import WARNING_STYLE, amount
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_activities import LinkBudgetLine
from finsam_desktop.ui.widgets.tables import fit_columns, fit_height, make_table, selected_record


@dataclass(frozen=True)
class LinkedLine:
    """A budget line financing the activity, with its figures in its year."""

    line_id: int
    year: int
    name: str
    budget_ore: int
    actual_ore: int
    total: bool = False  # the sum over all years


COLUMNS = [
    Column(N_("Year"), lambda r: _("All years") if r.total else str(r.year)),
    Column(N_("Budget line"), lambda r: r.name),
    Column(N_("Budget (kr)"), lambda r: amount(r.budget_ore), numeric=True),
    Column(N_("Actual to date (kr)"), lambda r: amount(r.actual_ore), numeric=True),
]


def linked_lines(ctx: AppContext, activity_id: int) -> list[LinkedLine]:
    """The activity's budget lines with budget and actual from each year's follow-up."""
    store = ctx.require_store()
    reports: dict[int, dict[int, tuple[int, int]]] = {}
    rows = []
    for line_id, year, name in activities.budget_lines_of(store, activity_id):
        if year not in reports:
            report = budget.follow_up(store, year)
            reports[year] = {r.line_id: (r.budget_ore, r.actual_ore) for r in report.lines
                             if r.line_id is not None}
        budget_ore, actual_ore = reports[year].get(line_id, (0, 0))
        rows.append(LinkedLine(line_id, year, name, budget_ore, actual_ore))
    if len(rows) > 1:
        rows.append(LinkedLine(0, 0, "", sum(r.budget_ore for r in rows),
                               sum(r.actual_ore for r in rows), total=True))
    return rows


class MoneyTab(QWidget):
    """Linked budget lines of one activity."""

    sig_open_budget = Signal(int)
    """A year: show it in the Budget panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._activity: Activity | None = None
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=1)
        self.granted = QLabel(self)
        self.link_button = QPushButton(self)
        self.unlink_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.note = hint(self)
        self.empty = hint(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.granted)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        self.open_button.clicked.connect(self.open_selected)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.model.retranslate()
        self.link_button.setText(_("Link a budget line…"))
        self.link_button.setToolTip(_("Choose an activity line of the budget (same direction) "
                                      "that finances this activity."))
        self.unlink_button.setText(_("Unlink"))
        self.empty.setText(_("No budget line is linked to this activity yet, so its budget, "
                             "actual and cost per participant are not known here. Link the "
                             "budget line that finances it."))
        self.open_button.setText(_("Show in the Budget panel"))
        self.note.setText(_("Budget and actual come from the budget's lines for the activity "
                            "(the version followed up). Double-click a line to open its year "
                            "in the Budget panel."))
        self._show_granted()

    def set_activity(self, activity: Activity | None) -> None:
        """Show the lines of `activity` (None: nothing selected)."""
        self._activity = activity
        rows = linked_lines(self._ctx, activity.id) if activity is not None else []
        self.model.set_rows(rows)
        fit_columns(self.view)
        fit_height(self.view, 10)
        self.empty.setVisible(activity is not None and not rows)
        self._show_granted()
        self._update_buttons()

    def _show_granted(self) -> None:
        a = self._activity
        budgeted = sum(r.budget_ore for r in self.model.rows() if not r.total)
        self.granted.setStyleSheet("")
        if a is None:
            self.granted.setText("")
        elif a.granted_amount_ore is None:
            self.granted.setText(_("No granted amount entered (Details tab)."))
        elif budgeted > a.granted_amount_ore:
            self.granted.setStyleSheet(WARNING_STYLE)
            self.granted.setText(_("Granted by the board: {amount}; the linked budget lines "
                                   "hold {budgeted} over the years, {over} more.").format(
                amount=format_money(a.granted_amount_ore), budgeted=format_money(budgeted),
                over=format_money(budgeted - a.granted_amount_ore)))
        else:
            self.granted.setText(_("Granted by the board: {amount}").format(
                amount=format_money(a.granted_amount_ore)))

    def _update_buttons(self) -> None:
        record = selected_record(self.view)
        self.link_button.setEnabled(self._activity is not None)
        self.unlink_button.setEnabled(record is not None and not record.total)
        self.open_button.setEnabled(record is not None and not record.total)

    def choices(self) -> list[tuple[int, str]]:
        """Unlinked activity lines of the activity's direction in every budget year."""
        assert self._activity is not None
        store = self._ctx.require_store()
        offered = []
        for year in budget.years(store):
            for line in budget.view(store, year).lines:
                if line.area is Area.ACTIVITIES and line.activity_id is None \
                        and line.focus.value == self._activity.focus.value:
                    offered.append((line.id, f"{year}: {line.name}"))
        return sorted(offered, key=lambda c: c[1], reverse=True)  # latest year first

    def link(self) -> bool:
        """Ask which budget line finances the activity and link it."""
        activity = self._activity
        if activity is None:
            return False
        offered = self.choices()
        if not offered:
            dialogs.show_error(self, _("No budget line to link"), _(
                "Every {focus} activity line of the budgets is linked already, or there is "
                "none. Add a line under Activities in the Budget panel, then link it "
                "here.").format(focus=focus_label(activity.focus).lower()))
            return False
        line_id = dialogs.ask_choice(self, _("Link a budget line"), _(
            "The budget line that finances “{name}”:").format(name=activity.name), offered)
        if line_id is None:
            return False
        return run_or_show(self._ctx, self, LinkBudgetLine(self._ctx, int(line_id),  # type: ignore[call-overload]
                                                           activity.id),
                           _("The budget line could not be linked"))

    def unlink(self) -> bool:
        """Unlink the selected line (it stays in the budget)."""
        record = selected_record(self.view)
        if record is None or record.total:
            return False
        return run_or_show(self._ctx, self, LinkBudgetLine(self._ctx, record.line_id, None),
                           _("The budget line could not be unlinked"))

    def open_selected(self) -> None:
        """Show the selected line's year in the Budget panel."""
        record = selected_record(self.view)
        if record is not None and not record.total:
            self.sig_open_budget.emit(record.year)

    def _double_clicked(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if not record.total:
            self.sig_open_budget.emit(record.year)
