"""The Follow-up tab (uppföljning): budget, actual to date, forecast and deviation per line
or per area with totals and the result; the forecast typed per line; below it the actuals
per line and month (or tertial), typed into a cell or pasted as a block from Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import (
    COST_AREAS,
    TERTIAL_MONTHS,
    Area,
    BudgetLine,
    BudgetYear,
    FollowUpReport,
    LineFollowUp,
    Periods,
    month_label,
    period_label,
    period_months,
)
from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import (
    MessageLabel,
    amount,
    amount_or_blank,
    editor_text,
    kronor_or_blank,
    parse_optional,
    signed_amount,
    signed_share,
)
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.undo_budget import ImportActuals, SetActual, SetActuals, SetForecast

FORECAST = 3
FIRST_PERIOD = 2  # the actuals grid: Line | Total | periods
HINT_STYLE = "color: #555555;"


def _ordered(rows: tuple[LineFollowUp, ...]) -> list[LineFollowUp]:
    """Income (contributions first), then costs by area, each in the budget's order."""
    def rank(r: LineFollowUp) -> tuple[int, int]:
        if r.is_income:
            return (0, 0 if r.area is Area.CONTRIBUTIONS else 1)
        return (1, COST_AREAS.index(r.area) if r.area in COST_AREAS else 9)
    return sorted(rows, key=rank)


def summary_headers() -> list[str]:
    """Line | Budget | Actual to date | Forecast | Deviation kr | Deviation %."""
    return [_("Line"), _("Budget"), _("Actual to date"), _("Forecast"), _("Deviation (kr)"),
            _("Deviation (%)")]


def _figures(item: LineFollowUp) -> list[str]:
    return [amount(item.budget_ore), amount(item.actual_ore), amount(item.forecast_ore),
            signed_amount(item.deviation_ore), signed_share(item.deviation_ppm)]


def _summary_row(key: object, kind: RowKind, item: LineFollowUp,
                 line: BudgetLine | None = None) -> GridRow:
    row = GridRow(key, kind, [item.label, *_figures(item)], payload=line)
    if item.deviation_ore < 0:
        row.red = {4, 5}
    row.tips[2] = _("Budget for the months reported: {budget}; actual to date: {actual} "
                    "({deviation}).").format(budget=amount(item.budget_to_date_ore),
                                             actual=amount(item.actual_ore),
                                             deviation=signed_amount(item.actual_deviation_ore))
    row.tips[4] = row.tips[5] = _("Forecast against budget as its effect on the result: "
                                  "+ is favourable, − unfavourable.")
    if line is not None:
        row.edit[FORECAST] = editor_text(item.forecast_ore)
        if item.forecast_entered:
            row.marked = {FORECAST}
            row.tips[FORECAST] = _("Entered forecast. Clear the cell (Delete) to go back to "
                                   "the automatic forecast.")
        else:
            row.tips[FORECAST] = _("Automatic: the actual to date plus the budget for the "
                                   "months not yet reported. Type an amount to enter your own "
                                   "forecast.")
    return row


def summary_rows(report: FollowUpReport, lines: dict[int, BudgetLine],
                 per_area: bool) -> list[GridRow]:
    """Income, costs (per line or per area), their totals and the result."""
    items = list(report.areas) if per_area else _ordered(report.lines)
    rows: list[GridRow] = []
    for income, title, total in ((True, _("Income"), report.income),
                                 (False, _("Costs"), report.costs)):
        rows.append(GridRow(("section", income), RowKind.SECTION, [title, *[""] * 5]))
        for item in (i for i in items if i.is_income == income):
            if per_area:
                rows.append(_summary_row(("area", item.area), RowKind.LINE, item))
            else:
                rows.append(_summary_row(("line", item.line_id), RowKind.LINE, item,
                                         lines.get(item.line_id or 0)))
        rows.append(_summary_row(("total", income), RowKind.TOTAL, total))
    deviation = report.forecast_result_ore - report.budget_result_ore
    result = GridRow(("result",), RowKind.RESULT,
                     [_("Result (income − costs)"), amount(report.budget_result_ore),
                      amount(report.actual_result_ore), amount(report.forecast_result_ore),
                      signed_amount(deviation), "—"])
    result.red = {c for c, v in ((1, report.budget_result_ore), (2, report.actual_result_ore),
                                 (3, report.forecast_result_ore), (4, deviation)) if v < 0}
    rows.append(result)
    return rows


def period_spans(periods: Periods) -> list[tuple[int, range]]:
    """Each period's month as stored (1–12, or 4/8/12) and the months it covers."""
    if periods is Periods.TERTIAL:
        return [(m, range(m - 3, m + 1)) for m in TERTIAL_MONTHS]
    return [(m, range(m, m + 1)) for m in range(1, 13)]


def actuals_headers(periods: Periods) -> list[str]:
    """Line | Total | Jan … Dec (or T1 … T3): the total first, so it stays in sight."""
    return [_("Line"), _("Total"), *(period_label(m, periods) for m in period_months(periods))]


def actuals_rows(report: FollowUpReport, lines: dict[int, BudgetLine],
                 periods: Periods) -> list[GridRow]:
    """One row per line (the contributions line read-only), then the totals."""
    spans = period_spans(periods)
    rows = []
    for item in _ordered(report.lines):
        values = [sum(item.months[m - 1] for m in span) if item.months else 0
                  for _month, span in spans]
        line = lines.get(item.line_id or 0)
        row = GridRow(("line", item.line_id), RowKind.LINE,
                      [item.label, amount(sum(values)), *(amount_or_blank(v) for v in values)],
                      payload=line)
        if item.area is Area.CONTRIBUTIONS:
            row.cells[FIRST_PERIOD:] = [kronor_or_blank(v) for v in values]
            row.tips = _exact(values)
            row.locked = set(range(FIRST_PERIOD, FIRST_PERIOD + len(values)))
            row.tips[-1] = _("Contributions are recorded per member in the Contributions tab; "
                             "they show here in the month they were received.")
        else:
            row.edit = {c: editor_text(v or None) for c, v in enumerate(values, FIRST_PERIOD)}
        rows.append(row)
    for key, title, total in (("income", _("Total income"), report.income),
                              ("costs", _("Total costs"), report.costs)):
        values = [sum(total.months[m - 1] for m in span) if total.months else 0
                  for _month, span in spans]
        rows.append(GridRow(("total", key), RowKind.TOTAL,
                            [title, amount(sum(values)),
                             *(kronor_or_blank(v) for v in values)], tips=_exact(values)))
    return rows


def _exact(values: list[int]) -> dict[int, str]:
    """Tooltips with the exact amount of each period shown rounded."""
    return {c: amount(v) + "\u00a0kr" for c, v in enumerate(values, FIRST_PERIOD) if v % 100}


class FollowUpTab(QWidget):
    """The follow-up summary above, the actuals grid below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._report: FollowUpReport | None = None
        self._year: BudgetYear | None = None
        self._lines: dict[int, BudgetLine] = {}
        self.per_line = QRadioButton(self)
        self.per_area = QRadioButton(self)
        self.per_line.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.per_line)
        self._mode.addButton(self.per_area)
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.summary_model = GridModel(self, numeric_from=1)
        self.summary_model.commit = self._commit_forecast
        self.summary = GridView(self.summary_model, self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(HINT_STYLE)
        self.actuals_label = QLabel(self)
        self.actuals_label.setStyleSheet("font-weight: bold;")
        self.actuals_hint = QLabel(self)
        self.actuals_hint.setStyleSheet(HINT_STYLE)
        self.actuals_hint.setWordWrap(True)
        self.actuals_model = GridModel(self, numeric_from=1)
        self.actuals_model.commit = self._commit_actual
        self.actuals = GridView(self.actuals_model, self)
        self.import_button = QPushButton(self)
        self.message = MessageLabel(self)
        self._build()
        self._connect()

    def _build(self) -> None:
        mode = QHBoxLayout()
        mode.addWidget(self.per_line)
        mode.addWidget(self.per_area)
        mode.addSpacing(16)
        mode.addWidget(self.basis, 1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(mode)
        top_layout.addWidget(self.summary, 1)
        top_layout.addWidget(self.legend)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.actuals_label)
        heading.addWidget(self.actuals_hint, 1)
        heading.addWidget(self.import_button)
        bottom_layout.addLayout(heading)
        bottom_layout.addWidget(self.actuals, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.per_line.toggled.connect(self._redraw)
        for model in (self.summary_model, self.actuals_model):
            model.refused.connect(self.message.refuse)
            model.accepted.connect(self.message.clear_message)
        self.actuals.paste_requested.connect(self.paste)
        self.actuals.clear_requested.connect(self.clear_actuals)
        self.summary.clear_requested.connect(self.clear_forecasts)
        self.import_button.clicked.connect(self.import_actuals)

    def translate_ui(self) -> None:
        """Set every text."""
        self.per_line.setText(_("Per line"))
        self.per_area.setText(_("Per area"))
        self.legend.setText(_("Deviation: the forecast against the budget as its effect on the "
                              "result (+ favourable, − unfavourable; unfavourable in red). "
                              "Forecasts in bold italics on yellow were entered by hand; the "
                              "others are the actual to date plus the remaining budget."))
        self.actuals_hint.setText(_("Type an amount into a cell, or copy a block of cells in "
                                    "Excel and paste it here with Ctrl+V. Delete clears."))
        self.import_button.setText(_("Import actuals…"))
        self.import_button.setToolTip(_("Read actuals from an Excel file laid out like the "
                                        "“Utfall” sheet of the budget export (year, area, line, "
                                        "period, amount). Nothing is written unless every row "
                                        "is valid."))

    # showing ----------------------------------------------------------------------------

    def show_report(self, report: FollowUpReport, year: BudgetYear,
                    lines: dict[int, BudgetLine], version_label: str) -> None:
        """Show the follow-up of `year` against the version named `version_label`."""
        if self._year is None or self._year.year != year.year:
            self.summary_model.clear_pending()
            self.actuals_model.clear_pending()
            self.message.clear_message()
        self._report, self._year, self._lines = report, year, lines
        through = (_("actuals entered through {month}").format(
            month=month_label(report.through_month)) if report.through_month
            else _("no actuals entered yet"))
        self.basis.setText(_("Followed up against: {version}; {through}.").format(
            version=version_label, through=through))
        unit = _("month") if year.periods is Periods.MONTH else _("tertial")
        self.actuals_label.setText(_("Actuals {year} per {period} (kr)").format(
            year=year.year, period=unit))
        self._redraw()

    def _redraw(self) -> None:
        if self._report is None or self._year is None:
            return
        per_area = self.per_area.isChecked()
        self.summary_model.set_table(summary_headers(),
                                     summary_rows(self._report, self._lines, per_area))
        self.summary.set_widths([230, 120, 120, 120, 120, 100], stretch=0)
        periods = self._year.periods
        self.actuals_model.set_table(actuals_headers(periods),
                                     actuals_rows(self._report, self._lines, periods))
        count = len(period_months(periods))
        # Months share the room, but never so narrow that an amount is cut off.
        metrics = self.actuals.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.cells[c]) for r in self.actuals_model.rows()
                      for c in range(FIRST_PERIOD, FIRST_PERIOD + count)), default=0)
        self.actuals.horizontalHeader().setMinimumSectionSize(max(56, widest + 10))
        self.actuals.set_widths([180, 100, *[80] * count],
                                stretch=range(FIRST_PERIOD, FIRST_PERIOD + count))

    # editing ----------------------------------------------------------------------------

    def _month_of(self, column: int) -> int:
        assert self._year is not None
        return period_months(self._year.periods)[column - FIRST_PERIOD]

    def _commit_actual(self, row: GridRow, column: int, text: str) -> None:
        undo.run(self._ctx, SetActual(self._ctx, row.payload, self._month_of(column),
                                      parse_optional(text)))

    def _commit_forecast(self, row: GridRow, column: int, text: str) -> None:
        undo.run(self._ctx, SetForecast(self._ctx, row.payload, parse_optional(text)))

    def paste(self, top: int, left: int, text: str) -> bool:
        """Paste a tab-separated block with its top-left cell at (top, left): every cell is
        checked first; one bad cell and nothing is written. True if pasted."""
        assert self._year is not None
        try:
            entries = self._entries(top, left, text)
        except ValidationError as error:
            dialogs.show_error(self, _("Nothing was pasted"), str(error))
            self.message.refuse(_("Nothing was pasted: {reason}").format(reason=error))
            return False
        if not entries:
            return False
        try:
            undo.run(self._ctx, SetActuals(self._ctx, self._year.year, entries, "paste"))
        except FinsamError as error:
            dialogs.show_error(self, _("Nothing was pasted"), str(error))
            self.message.refuse(_("Nothing was pasted: {reason}").format(reason=error))
            return False
        self.message.say(_("{count} cells pasted.").format(count=len(entries)))
        return True

    def _entries(self, top: int, left: int,
                 text: str) -> list[tuple[int, int, int | None]]:
        """(line id, month, öre or None) for each pasted cell; ValidationError naming the
        first cell that cannot be taken (its row and column in the grid)."""
        assert self._year is not None
        block = [line.split("\t") for line in text.replace("\r\n", "\n").replace(
            "\r", "\n").split("\n")]
        while block and block[-1] == [""]:  # Excel ends the block with a line break
            block.pop()
        model = self.actuals_model
        last_column = FIRST_PERIOD + len(period_months(self._year.periods)) - 1
        entries = []
        for r, cells in enumerate(block):
            row_number = top + r
            for c, cell in enumerate(cells):
                column = left + c
                where = self._where(row_number, column)
                if row_number >= model.rowCount() or not FIRST_PERIOD <= column <= last_column:
                    raise ValidationError(_("The block does not fit: {where} is outside the "
                                            "months of the grid.").format(where=where))
                row = model.row(row_number)
                if column not in row.edit:
                    raise ValidationError(_("{where} cannot be entered here.").format(
                        where=where) + " " + str(row.tips.get(-1, "")).strip())
                try:
                    value = parse_optional(cell)
                except ValidationError as error:
                    raise ValidationError(f"{where}: {error}") from None
                entries.append((row.payload.id, self._month_of(column), value))
        return entries

    def _where(self, row: int, column: int) -> str:
        model = self.actuals_model
        line = model.row(row).cells[0] if row < model.rowCount() else str(row + 1)
        headers = model.headers()
        period = headers[column] if 0 <= column < len(headers) else str(column + 1)
        return _("row “{line}”, column {period}").format(line=line, period=period)

    def clear_actuals(self, cells: list[tuple[int, int]]) -> bool:
        """Delete: clear the selected actuals (all or nothing). True if cleared."""
        assert self._year is not None
        entries = []
        for row_number, column in cells:
            row = self.actuals_model.row(row_number)
            if row.edit.get(column):
                entries.append((row.payload.id, self._month_of(column), None))
        if not entries:
            return False
        try:
            undo.run(self._ctx, SetActuals(self._ctx, self._year.year, entries, "clear"))
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        return True

    def clear_forecasts(self, cells: list[tuple[int, int]]) -> None:
        """Delete on entered forecasts: back to the automatic forecast."""
        for row_number, column in cells:
            row = self.summary_model.row(row_number)
            if column == FORECAST and FORECAST in row.marked and row.payload is not None:
                try:
                    undo.run(self._ctx, SetForecast(self._ctx, row.payload, None))
                except FinsamError as error:
                    self.message.refuse(str(error))
                    return

    def import_actuals(self) -> bool:
        """Ask for an XLSX file and import its actuals (all rows valid, or nothing)."""
        from pathlib import Path

        from finsam_desktop.services import backups, budget_import

        path = dialogs.ask_open_path(self, _("Import actuals"),
                                     _("Excel workbooks") + " (*.xlsx)")
        if not path:
            return False
        try:
            plan = budget_import.plan_import(self._ctx.require_store(), Path(path))
            if plan.problems:
                shown = plan.problems[:budget_import.MAX_REPORTED]
                raise ValidationError([_("Nothing was imported from {name}:").format(
                    name=Path(path).name), *shown])
            backups.backup_before_import(self._ctx.require_store())
            undo.run(self._ctx, ImportActuals(self._ctx, plan.entries, Path(path).name))
        except (FinsamError, OSError) as error:
            dialogs.show_error(self, _("The actuals could not be imported"), str(error))
            return False
        self.message.say(_("{count} actuals imported from {name}.").format(
            count=plan.count, name=Path(path).name))
        return True
