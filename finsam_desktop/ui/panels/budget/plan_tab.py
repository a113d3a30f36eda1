"""The Budget tab: the plan's lines (income, then costs) with the budget year and the two
plan years, totals and the result, the planned use of equity, the year's opening equity and
reporting periods, and below it each member's contribution by its share."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import (
    AREA_LABELS,
    COST_AREAS,
    FOCUS_LABELS,
    PERIOD_LABELS,
    Area,
    BudgetLine,
    BudgetView,
    Focus,
    Periods,
)
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_share
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import (
    ERROR_STYLE,
    MessageLabel,
    amount,
    editor_text,
    parse_optional,
)
from finsam_desktop.ui.panels.budget.forms import LineDialog, money_field
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.undo_budget import AddLine, RemoveLine, SaveYear, SetAmount, UpdateLine
from finsam_desktop.ui.widgets.fields import fill_enum_combo, select_data

AMOUNT_COLUMNS = (3, 4, 5)
LOCKED_STYLE = ("background: #fdf3d8; color: #5c4400; border: 1px solid #e0c36a; "
                "padding: 3px 6px; font-weight: bold;")
EQUITY_KEY = ("equity",)


def plan_headers(year: int) -> list[str]:
    """Line | Area | Focus | Budget Y | Plan Y+1 | Plan Y+2."""
    return [_("Line"), _("Area"), _("Focus"), _("Budget {year}").format(year=year),
            _("Plan {year}").format(year=year + 1), _("Plan {year}").format(year=year + 2)]


def ordered_lines(view: BudgetView) -> tuple[list[BudgetLine], list[BudgetLine]]:
    """Income lines, then cost lines grouped by area (board, office, audit, activities)."""
    income = [li for li in view.lines if li.is_income]
    income.sort(key=lambda li: li.area is not Area.CONTRIBUTIONS)
    costs = sorted((li for li in view.lines if not li.is_income),
                   key=lambda li: COST_AREAS.index(li.area))
    return income, costs


def plan_rows(view: BudgetView) -> list[GridRow]:
    """Every row of the plan grid (the equity row is always there; the view hides it when
    no year has a deficit)."""
    locked = view.version.locked
    income, costs = ordered_lines(view)
    rows: list[GridRow] = []

    def line_row(line: BudgetLine) -> GridRow:
        values = view.amounts.get(line.id, [0, 0, 0])
        focus = _(FOCUS_LABELS[line.focus]) if line.area is Area.ACTIVITIES else ""
        row = GridRow(("line", line.id), RowKind.LINE,
                      [line.name, _(AREA_LABELS[line.area]), focus,
                       *(amount(v) for v in values)], payload=line)
        if locked:
            row.locked = set(AMOUNT_COLUMNS)
        else:
            row.edit = {c: editor_text(values[c - 3]) for c in AMOUNT_COLUMNS}
        if line.area is Area.CONTRIBUTIONS:
            row.tips[0] = _("The total member contribution; it is split between the members "
                            "by their shares (below).")
        elif line.note:
            row.tips[0] = line.note
        return row

    def section(key: str, title: str) -> GridRow:
        return GridRow(("section", key), RowKind.SECTION, [title, "", "", "", "", ""])

    def total(key: str, title: str, values: list[int], kind: RowKind = RowKind.TOTAL,
              negative_red: bool = False) -> GridRow:
        row = GridRow(("total", key), kind, [title, "", "", *(amount(v) for v in values)])
        if negative_red:
            row.red = {c for c, v in zip(AMOUNT_COLUMNS, values, strict=True) if v < 0}
        return row

    rows.append(section("income", _("Income")))
    rows += [line_row(li) for li in income]
    rows.append(total("income", _("Total income"), [view.total(True, p) for p in range(3)]))
    rows.append(section("costs", _("Costs")))
    rows += [line_row(li) for li in costs]
    rows.append(total("costs", _("Total costs"), [view.total(False, p) for p in range(3)]))
    results = [view.result(p) for p in range(3)]
    result = total("result", _("Result (income − costs)"), results, RowKind.RESULT,
                   negative_red=True)
    result.tips[-1] = _("A negative result is a deficit that the equity has to cover.")
    rows.append(result)
    use = GridRow(EQUITY_KEY, RowKind.RESULT,
                  [_("Planned use of equity"), "", "",
                   *(amount(-r) if r < 0 else "" for r in results)])
    use.tips[-1] = _("The deficit is covered by equity built up in earlier years (the "
                     "balance principle allows it while the equity lasts).")
    rows.append(use)
    return rows


def contribution_rows(view: BudgetView) -> list[GridRow]:
    """Each member's share and contribution for the three years, and the total."""
    rows = []
    for item in view.contributions:
        row = GridRow(("member", item.member.id), RowKind.LINE,
                      [item.member.name, format_share(item.share_ppm),
                       *(amount(v) for v in item.amounts)], payload=item.member)
        if not item.share_ppm and not any(item.amounts):
            row.tips[-1] = _("Pays no contribution of its own (Arbetsförmedlingen's part is "
                             "included in Försäkringskassan's).")
        rows.append(row)
    totals = [sum(c.amounts[p] for c in view.contributions) for p in range(3)]
    rows.append(GridRow(("total",), RowKind.TOTAL,
                        [_("Total"), format_share(sum(c.share_ppm for c in view.contributions)),
                         *(amount(v) for v in totals)]))
    return rows


class PlanTab(QWidget):
    """The plan grid, the year's settings and the member contributions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._view: BudgetView | None = None
        self._sized = False
        self.dialog: LineDialog | None = None
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(LOCKED_STYLE)
        self.banner.setVisible(False)
        self.opening_label = QLabel(self)
        self.opening = money_field(self)
        self.opening_hint = QLabel(self)
        self.opening_hint.setStyleSheet("color: #555555;")
        self.periods_label = QLabel(self)
        self.periods = QComboBox(self)
        self.model = GridModel(self, numeric_from=3)
        self.model.commit = self._commit_amount
        self.view = GridView(self.model, self)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.message = MessageLabel(self)
        self.split_label = QLabel(self)
        self.split_label.setStyleSheet("font-weight: bold;")
        self.split_model = GridModel(self, numeric_from=1)
        self.split_view = GridView(self.split_model, self)
        self.split_view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.split_problems = QLabel(self)
        self.split_problems.setWordWrap(True)
        self.split_problems.setStyleSheet(ERROR_STYLE)
        self._build()
        self._connect()

    def _build(self) -> None:
        settings = QHBoxLayout()
        settings.addWidget(self.opening_label)
        settings.addWidget(self.opening)
        settings.addWidget(self.opening_hint, 1)
        settings.addSpacing(16)
        settings.addWidget(self.periods_label)
        settings.addWidget(self.periods)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addWidget(self.split_label)
        bottom_layout.addWidget(self.split_view, 1)
        bottom_layout.addWidget(self.split_problems)
        # The lines get the room; drag the handle to see more of the contributions.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(settings)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_line)
        self.edit_button.clicked.connect(self.edit_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.view.clear_requested.connect(self.clear_amounts)
        self.model.refused.connect(self.message.refuse)
        self.model.accepted.connect(self.message.clear_message)
        self.opening.editingFinished.connect(self._save_opening)
        self.periods.activated.connect(self._save_periods)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the lines first: the contributions get at most a third
            self._sized = True
            total = sum(self.splitter.sizes())
            bottom = min(self.splitter.widget(1).sizeHint().height(), total // 3)
            self.splitter.setSizes([total - bottom, bottom])

    def translate_ui(self) -> None:
        """Set every text."""
        self.add_button.setText(_("Add line…"))
        self.edit_button.setText(_("Edit line…"))
        self.remove_button.setText(_("Remove line"))
        self.split_label.setText(_("Member contributions by share"))
        self.periods_label.setText(_("Actuals entered:"))
        fill_enum_combo(self.periods, PERIOD_LABELS)
        self.model.locked_tip = _("This version is adopted by the board and cannot be changed. "
                                  "Make a revised version (Revise) to change the figures.")
        self.view.setToolTip("")

    # showing ----------------------------------------------------------------------------

    def show_view(self, view: BudgetView, reference: str,
                  carried_opening: int | None = None) -> None:
        """Show a version of the year's budget; `reference` names the adopting §,
        `carried_opening` is the equity the year starts with when none is entered."""
        if self._view is None or self._view.version.id != view.version.id:
            self.model.clear_pending()
            self.message.clear_message()
        self._view = view
        year = view.year.year
        locked = view.version.locked
        self.banner.setVisible(locked)
        if locked:
            self.banner.setText(_(
                "Adopted by the board ({reference}). An adopted budget is never changed: to "
                "change its figures, make a revised version with “Revise”.").format(
                reference=reference))
        self.model.set_table(plan_headers(year), plan_rows(view))
        self.view.set_widths([230, 150, 150, 120, 120, 120], stretch=0)
        self.view.setRowHidden(self.model.row_of(EQUITY_KEY),
                               all(view.result(p) >= 0 for p in range(3)))
        self.opening_label.setText(_("Equity at the start of {year} (kr):").format(year=year))
        if not self.opening.hasFocus():
            self.opening.setText(editor_text(view.year.opening_equity_ore))
        carried = view.year.opening_equity_ore is None and carried_opening is not None
        self.opening.setPlaceholderText(editor_text(carried_opening) if carried else "")
        self.opening_hint.setText(
            _("carried from {year}; type an amount to replace it").format(year=year - 1)
            if carried else _("empty: the previous year's closing equity"))
        select_data(self.periods, view.year.periods)
        self._show_split(view)
        self._update_buttons()

    def _show_split(self, view: BudgetView) -> None:
        problems = view.contribution_problems
        self.split_view.setVisible(not problems)
        self.split_problems.setVisible(bool(problems))
        if problems:
            self.split_problems.setText(_("The contributions cannot be split by share:") + "\n"
                                        + "\n".join(f"• {p}" for p in problems))
            return
        year = view.year.year
        headers = [_("Member"), _("Share"), *plan_headers(year)[3:]]
        self.split_model.set_table(headers, contribution_rows(view))
        self.split_view.set_widths([230, 90, 120, 120, 120], stretch=0)
        self.split_view.fit_height()

    def _update_buttons(self) -> None:
        editable = self._view is not None and not self._view.version.locked
        line = self.selected_line()
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and line is not None)
        self.remove_button.setEnabled(editable and line is not None
                                      and line.area is not Area.CONTRIBUTIONS)
        tip = "" if editable else self.model.locked_tip
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setToolTip(tip)

    def selected_line(self) -> BudgetLine | None:
        """The line of the current cell, None on a heading or total."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        payload = self.model.row(index.row()).payload
        return payload if isinstance(payload, BudgetLine) else None

    # editing ----------------------------------------------------------------------------

    def _commit_amount(self, row: GridRow, column: int, text: str) -> None:
        assert self._view is not None
        value = parse_optional(text) or 0
        undo.run(self._ctx, SetAmount(self._ctx, self._view.version.id, row.payload,
                                      column - 3, value))

    def clear_amounts(self, cells: list[tuple[int, int]]) -> None:
        """Delete: set the selected amounts to 0 (one step to undo)."""
        if self._view is None or self._view.version.locked:
            return
        targets = [(self.model.row(r), c) for r, c in cells
                   if c in self.model.row(r).edit and self.model.row(r).edit[c] != "0"]
        if not targets:
            return
        stack = self._ctx.undo_stack
        stack.beginMacro(_("Clear {count} amounts").format(count=len(targets)))
        try:
            for row, column in targets:
                undo.run(self._ctx, SetAmount(self._ctx, self._view.version.id, row.payload,
                                              column - 3, 0))
        except FinsamError as error:
            self.message.refuse(str(error))
        finally:
            stack.endMacro()

    def _double_clicked(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.column() < 3 and self.edit_button.isEnabled():
            self.edit_line()

    def add_line(self) -> LineDialog | None:
        """Open the dialog for a new line (an activity unless the cursor is elsewhere)."""
        if self._view is None:
            return None
        current = self.selected_line()
        area = current.area if current and current.area is not Area.CONTRIBUTIONS \
            else Area.ACTIVITIES
        line = BudgetLine(0, self._view.year.year, area, "", Focus.NONE)
        version_id = self._view.version.id

        def submit(new: BudgetLine, amounts: list[int]) -> None:
            command = AddLine(self._ctx, new, version_id, amounts)
            undo.run(self._ctx, command)
            self.select_line(command.line.id)
            self.message.say(_("Line “{name}” added.").format(name=command.line.name))

        return self._open(line, submit)

    def edit_line(self) -> LineDialog | None:
        """Open the dialog for the current line."""
        line = self.selected_line()
        if line is None:
            return None

        def submit(changed: BudgetLine, _amounts: list[int]) -> None:
            undo.run(self._ctx, UpdateLine(self._ctx, changed))

        return self._open(line, submit)

    def _open(self, line: BudgetLine, submit) -> LineDialog:  # type: ignore[no-untyped-def]
        self.dialog = LineDialog(line, submit, self)
        self.dialog.open()
        return self.dialog

    def remove_line(self) -> bool:
        """Remove the current line after asking; True if removed."""
        line = self.selected_line()
        if line is None or not dialogs.ask_yes_no(
                self, _("Remove line"), _("Remove the line “{name}” from the {year} budget? "
                                          "(Edit ▸ Undo puts it back.)").format(
                    name=line.name, year=line.year)):
            return False
        try:
            undo.run(self._ctx, RemoveLine(self._ctx, line))
        except FinsamError as error:
            dialogs.show_error(self, _("The line could not be removed"), str(error))
            return False
        self.message.say(_("Line “{name}” removed.").format(name=line.name))
        return True

    def select_line(self, line_id: int, column: int = 3) -> None:
        """Put the cursor on a line's amount."""
        row = self.model.row_of(("line", line_id))
        if row >= 0:
            self.view.select_cell(row, column)

    def _save_opening(self) -> None:
        if self._view is None:
            return
        try:
            value = parse_optional(self.opening.text())
        except FinsamError as error:
            self.message.refuse(str(error))
            return
        if value == self._view.year.opening_equity_ore:
            return
        self._save_year(dataclasses.replace(self._view.year, opening_equity_ore=value))

    def _save_periods(self) -> None:
        if self._view is None:
            return
        periods = Periods(self.periods.currentData())
        if periods is not self._view.year.periods and not self._save_year(
                dataclasses.replace(self._view.year, periods=periods)):
            select_data(self.periods, self._view.year.periods)

    def _save_year(self, after) -> bool:  # type: ignore[no-untyped-def]
        try:
            undo.run(self._ctx, SaveYear(self._ctx, after))
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        self.message.clear_message()
        return True
