"""The Statements tab: the income statement, the balance sheet and the cash-flow statement of
the year, entered from the accounts (the app is not a ledger). Each is a small grid
Line | Note | Actual this year | Actual last year: the entered lines take this year's amount
and a note reference typed in place; sums are computed and bold, headings are captions;
last year's figures are shown read-only (they are entered on last year). A typed value that
is refused stays in its cell, red, with the reason; nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from finsam_desktop.domain.annual import STATEMENT_LABELS, TEMPLATES, Statement
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.services.annual import StatementRow
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import (
    MessageLabel,
    amount,
    editor_text,
    parse_optional,
)
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.undo_annual import SetLine

LINE, NOTE, THIS, LAST = range(4)
HINT_STYLE = "color: #555555;"
TITLE_STYLE = "font-weight: bold; font-size: 11pt;"
# The last line of each statement: the figure a reader looks for.
FINAL = {"result", "total_assets", "total_equity_liabilities", "cf_cash_closing"}


def _amount_text(ore: int | None) -> str:
    return "" if ore is None else amount(ore)


class StatementGrid(GridView):
    """One statement of one year."""

    def __init__(self, ctx: AppContext, statement: Statement,
                 parent: QWidget | None = None) -> None:
        super().__init__(GridModel(None, numeric_from=THIS), parent)
        self.grid().setParent(self)
        self._ctx = ctx
        self.statement = statement
        self.year: int | None = None
        self.grid().commit = self._commit
        self.clear_requested.connect(self._clear)

    def show_rows(self, year: int, rows: list[StatementRow]) -> None:
        """Show the statement of `year` (this year beside last year)."""
        if year != self.year:
            self.grid().clear_pending()
        self.year = year
        labels = {s.code: s for s in TEMPLATES[self.statement]}
        grid_rows = []
        for row in rows:
            if row.heading:
                grid_rows.append(GridRow(row.code, RowKind.SECTION, [row.label, "", "", ""],
                                         payload=row))
                continue
            cells = [row.label, row.note_ref, _amount_text(row.this_year),
                     _amount_text(row.last_year)]
            red = {c for c, v in ((THIS, row.this_year), (LAST, row.last_year))
                   if v is not None and v < 0}
            if row.is_sum:
                kind = RowKind.RESULT if row.code in FINAL else RowKind.TOTAL
                grid_rows.append(GridRow(row.code, kind, cells, red=red, payload=row, tips={
                    -1: row.label + "\n" + self._sum_tip(labels[row.code].sum_of)}))
                continue
            grid_rows.append(GridRow(row.code, RowKind.LINE, cells,
                                     edit={NOTE: row.note_ref, THIS: editor_text(row.this_year)},
                                     red=red, locked={LAST}, payload=row))
        self.grid().locked_tip = _("Entered on {year}: choose {year} above to change it.") \
            .format(year=year - 1)
        self.grid().set_table(
            [_("Line item"), _("Note no."), _("Actual {year}").format(year=year),
             _("Actual {year}").format(year=year - 1)], grid_rows,
            {NOTE: _("The number of the note that explains the line, e.g. 3."),
             THIS: _("Type the amount from the accounts; costs as positive amounts. Delete "
                     "removes it."),
             LAST: _("Entered on {year}: choose {year} above to change it.").format(
                 year=year - 1)})
        self.set_widths([250, 36, 98, 98], stretch=LINE)
        self.clearSpans()
        for number, row in enumerate(rows):
            if row.heading:  # a caption across the row, never cut off
                self.setSpan(number, LINE, 1, LAST + 1)
        self.fit_height()
        self.setMinimumHeight(self.maximumHeight())  # a statement is shown whole

    def _sum_tip(self, parts: tuple[str, ...]) -> str:
        labels = {s.code: _(s.label) for s in TEMPLATES[self.statement]}
        text = ""
        for index, part in enumerate(parts):
            name = labels[part.lstrip("-")]
            if index == 0:
                text = ("−\u00a0" if part.startswith("-") else "") + name
            else:
                text += (" − " if part.startswith("-") else " + ") + name
        return _("Computed: {sum}").format(sum=text)

    def _commit(self, row: GridRow, column: int, text: str) -> None:
        if self.year is None:
            return
        current: StatementRow = row.payload
        if column == THIS:
            value = parse_optional(text)
            note = current.note_ref if value is not None else ""
            undo.run(self._ctx, SetLine(self._ctx, self.year, self.statement, current.code,
                                        value, note))
        elif column == NOTE:
            if current.this_year is None:
                raise ValidationError(_("Enter the amount first: a note reference belongs to "
                                        "a figure."))
            undo.run(self._ctx, SetLine(self._ctx, self.year, self.statement, current.code,
                                        current.this_year, text.strip()))

    def _clear(self, cells: list[tuple[int, int]]) -> None:
        """Delete: remove the selected figures (with their notes) or note references."""
        if self.year is None:
            return
        commands = []
        for number, column in cells:
            current = self.grid().row(number).payload
            if not isinstance(current, StatementRow) or current.is_sum or current.heading \
                    or current.this_year is None:
                continue
            if column == THIS:
                commands.append(SetLine(self._ctx, self.year, self.statement, current.code,
                                        None))
            elif column == NOTE and current.note_ref:
                commands.append(SetLine(self._ctx, self.year, self.statement, current.code,
                                        current.this_year, ""))
        if not commands:
            return
        stack = self._ctx.undo_stack
        stack.beginMacro(_("Remove {count} figures").format(count=len(commands))
                         if len(commands) > 1 else commands[0].text())
        try:
            for command in commands:
                undo.run(self._ctx, command)
        finally:
            stack.endMacro()


class StatementsTab(QWidget):
    """The three statements: income and cash flow on the left, the balance sheet on the
    right; a line under them says what was refused."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)
        self.grids = {s: StatementGrid(ctx, s, self) for s in Statement}
        self.titles = {s: QLabel(self) for s in Statement}
        for title in self.titles.values():
            title.setStyleSheet(TITLE_STYLE)
        self.message = MessageLabel(self)
        for grid in self.grids.values():
            grid.grid().refused.connect(self.message.refuse)
            grid.grid().accepted.connect(self.message.clear_message)
        columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        left = QVBoxLayout()
        for statement in (Statement.INCOME, Statement.CASH_FLOW):
            left.addWidget(self.titles[statement])
            left.addWidget(self.grids[statement])
            left.addSpacing(8)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.titles[Statement.BALANCE])
        right.addWidget(self.grids[Statement.BALANCE])
        right.addStretch(1)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 10)  # the longer labels of income and cash flow
        columns.setColumnStretch(1, 9)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        self._year: int | None = None

    def translate_ui(self) -> None:
        """Set every text."""
        for statement, title in self.titles.items():
            title.setText(_(STATEMENT_LABELS[statement]))
        self._intro()

    def _intro(self) -> None:
        if self._year is None:
            self.intro.setText("")
            return
        self.intro.setText(_("Type this year's figures from the accounts (costs as positive "
                             "amounts) and the note references; the sums are computed. The "
                             "figures for {last} are entered on {last}: choose it above.")
                           .format(last=self._year - 1))

    def show_statements(self, year: int, rows: dict[Statement, list[StatementRow]]) -> None:
        """Show the three statements of `year`."""
        if year != self._year:
            self.message.clear_message()
        self._year = year
        for statement, grid in self.grids.items():
            grid.show_rows(year, rows[statement])
        self._intro()
