"""The budget as an Excel workbook (openpyxl): five sheets, numbers as numbers.

- "Budget": every line with its area and focus, the budget year and the two plan years;
  below, total income, total costs, the result and the planned use of equity.
- "Medlemsbidrag" (Member contributions): each member's share and contributions, what it
  has paid this year and how far that is from its share; the total equals the
  contributions line to the öre.
- "Uppföljning" (Follow-up): budget | actual to date | full-year forecast | deviation kr |
  deviation % per line, then per area, in total and the result.
- "Utfall": the actuals in exactly the import layout (`ACTUALS_SHEET`, `ACTUALS_HEADERS`):
  one row per line and period with an actual, the contributions line left out (received
  contributions are recorded per member). Period is the month number 1–12, or T1–T3 for
  years reported per tertial, so the sheet reads back in either language; the area is
  named as on screen. Edit it and import it again with `finsam import actuals`.
- "Nyckeltal" (Key figures): the agency, the document and version, the shares, equity
  year by year and every warning.

Amounts are kronor written as exact Decimals (öre / 100), never floats; shares are
fractions formatted as per cent. The number formats are Excel's locale-neutral codes
('#,##0', '0.0%'), which Swedish Excel shows as "1 234 567" and "24,2 %". Text cells go
through `spreadsheets` (never a formula, whatever was typed). Row 1 of every sheet is its
header, bold and frozen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from finsam_desktop.domain.budget import (
    ACTUALS_HEADERS,
    ACTUALS_SHEET,
    AREA_LABELS,
    BASIS_LABELS,
    COST_AREAS,
    FOCUS_LABELS,
    INCOME_AREAS,
    PAYMENT_LABELS,
    Area,
    Focus,
    LineFollowUp,
    Periods,
    period_label,
    period_months,
)
from finsam_desktop.i18n import _
from finsam_desktop.reports.data import BudgetReport
from finsam_desktop.reports.spreadsheets import _atomic, _set_text

MONEY = "#,##0"
MONEY_ORE = "#,##0.00"
PERCENT = "0.0%"
SHARE = "0.0###%"  # a member's statutory share, exact to a ten-thousandth of a per cent
POINTS = "0.0##"  # percentage points
_AREA_ORDER = {area: i for i, area in enumerate((*INCOME_AREAS, *COST_AREAS))}


def kronor(ore: int) -> Decimal:
    """Öre as an exact number of kronor."""
    return Decimal(ore) / 100


def fraction(ppm: int | None) -> Decimal | None:
    """Parts per million as a fraction (a cell formatted as per cent)."""
    return None if ppm is None else Decimal(ppm) / 1_000_000


def write_budget_xlsx(data: BudgetReport, out: Path) -> Path:
    """Write the budget, contributions, follow-up, actuals and key figures to `out`."""
    from openpyxl import Workbook

    book = Workbook()
    book.properties.title = data.title
    book.properties.subject = data.version_label
    book.properties.creator = "FINSAM Desktop"
    _budget_sheet(_Sheet(book.active, _("Budget")), data)
    _contributions_sheet(_Sheet(book.create_sheet(), _("Member contributions")), data)
    _follow_up_sheet(_Sheet(book.create_sheet(), _("Follow-up")), data)
    _actuals_sheet(_Sheet(book.create_sheet(), ACTUALS_SHEET), data)
    _key_figures_sheet(_Sheet(book.create_sheet(), _("Key figures")), data)
    return _atomic(out, lambda part: book.save(str(part)))


class _Sheet:
    """A worksheet filled row by row: text neutralised, numbers with their formats."""

    def __init__(self, sheet, title: str) -> None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self.sheet = sheet
        sheet.title = title[:31]
        self.row = 0
        self._illegal = ILLEGAL_CHARACTERS_RE

    def add(self, values: Sequence, formats: Sequence[str | None] = (), *,
            bold: bool = False, wrap: bool = False) -> int:
        """Write `values` on the next row (None: an empty cell); returns the row number."""
        from openpyxl.styles import Alignment, Font

        self.row += 1
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = self.sheet.cell(row=self.row, column=col)
            if isinstance(value, str):
                _set_text(cell, value, self._illegal)
            else:
                cell.value = value
                fmt = formats[col - 1] if col - 1 < len(formats) else None
                if fmt:
                    cell.number_format = fmt
            if bold:
                cell.font = Font(bold=True)
            if wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        return self.row

    def skip(self) -> None:
        """An empty row."""
        self.row += 1

    def finish(self, widths: Iterable[float], *, filter_to: int | None = None) -> None:
        """Column widths (characters), the header frozen, a filter over rows 1–filter_to."""
        from openpyxl.utils import get_column_letter

        widths = list(widths)
        for col, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(col)].width = width
        self.sheet.freeze_panes = "A2"
        if filter_to and filter_to > 1:
            self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{filter_to}"


def _money_format(values: Iterable[int | None]) -> str:
    """Two decimals when any amount has öre."""
    return MONEY_ORE if any(v % 100 for v in values if v is not None) else MONEY


def _area(area: Area | None) -> str:
    return _(AREA_LABELS[area]) if area is not None else ""


def _focus(focus: Focus) -> str:
    return _(FOCUS_LABELS[focus]) if focus is not Focus.NONE else ""


# ---------------------------------------------------------------- sheets


def _budget_sheet(sheet: _Sheet, data: BudgetReport) -> None:
    plan, year = data.plan, data.year
    lines = sorted(plan.lines, key=lambda li: (_AREA_ORDER[li.area], li.position, li.id))
    amounts = {li.id: list(plan.amounts.get(li.id) or [0, 0, 0]) for li in lines}
    money = _money_format(v for vs in amounts.values() for v in vs)
    formats = (None, None, None, money, money, money)
    sheet.add((_("Area"), _("Line"), _("Focus"), _("Budget {year}").format(year=year),
               _("Plan {year}").format(year=year + 1), _("Plan {year}").format(year=year + 2)),
              bold=True)
    for line in lines:
        sheet.add((_area(line.area), line.name, _focus(line.focus),
                   *(kronor(v) for v in amounts[line.id])), formats)
    last_line = sheet.row
    sheet.skip()
    income = [plan.total(True, p) for p in range(3)]
    costs = [plan.total(False, p) for p in range(3)]
    results = [plan.result(p) for p in range(3)]
    sheet.add((None, _("Total income"), None, *map(kronor, income)), formats, bold=True)
    sheet.add((None, _("Total costs"), None, *map(kronor, costs)), formats, bold=True)
    sheet.add((None, _("Result"), None, *map(kronor, results)), formats, bold=True)
    if any(r < 0 for r in results):
        sheet.add((None, _("Planned use of equity"), None,
                   *(kronor(-r) if r < 0 else None for r in results)), formats)
    sheet.finish((22, 44, 22, 16, 16, 16), filter_to=last_line)


def _contributions_sheet(sheet: _Sheet, data: BudgetReport) -> None:
    plan, year = data.plan, data.year
    received = {r.member.id: r for r in data.received}
    every = [a for c in plan.contributions for a in c.amounts]
    every += [v for r in data.received for v in (r.expected_ore, r.received_ore)]
    money = _money_format(every)
    formats = (None, SHARE, money, money, money, money, money, POINTS, None)
    sheet.add((_("Member"), _("Share"), _("Contribution {year}").format(year=year),
               _("Plan {year}").format(year=year + 1), _("Plan {year}").format(year=year + 2),
               _("Received {year}").format(year=year), _("Deviation SEK"),
               _("Deviation, percentage points"), _("Status")), bold=True)
    for problem in plan.contribution_problems:
        sheet.add((problem,))
    shown = set()
    for c in plan.contributions:
        shown.add(c.member.id)
        sheet.add((c.member.name, fraction(c.share_ppm), *map(kronor, c.amounts),
                   *_received_cells(received.get(c.member.id))), formats)
    for r in data.received:
        if r.member.id not in shown:  # a former member that paid this year
            sheet.add((r.member.name, None, None, None, None, *_received_cells(r)), formats)
    last_member = sheet.row
    if plan.contributions:
        sheet.skip()
        totals = [sum(c.amounts[p] for c in plan.contributions) for p in range(3)]
        paid = sum(r.received_ore for r in data.received)
        expected = sum(r.expected_ore for r in data.received)
        sheet.add((_("Total"), fraction(sum(c.share_ppm for c in plan.contributions)),
                   *map(kronor, totals), kronor(paid), kronor(paid - expected)), formats,
                  bold=True)
    sheet.finish((30, 11, 16, 16, 16, 16, 16, 14, 26), filter_to=last_member)


def _received_cells(row) -> tuple:
    if row is None:
        return (None, None, None, None)
    return (kronor(row.received_ore), kronor(row.deviation_ore),
            Decimal(row.deviation_ppm) / 10_000, _(PAYMENT_LABELS[row.status]))


def _follow_up_sheet(sheet: _Sheet, data: BudgetReport) -> None:
    report = data.follow_up
    periods = data.plan.year.periods
    period = period_label(report.through_month, periods) if report.through_month else ""
    every = [v for r in (*report.lines, *report.areas, report.income, report.costs)
             for v in (r.budget_ore, r.actual_ore, r.forecast_ore)]
    money = _money_format(every)
    formats = (None, None, None, money, money, money, None, money, PERCENT)
    sheet.add((_("Area"), _("Line"), _("Focus"), _("Budget"),
               _("Actual through {period}").format(period=period) if period
               else _("Actual to date"), _("Forecast full year"), _("Forecast entered"),
               _("Deviation SEK"), _("Deviation %")), bold=True)
    for row in report.lines:
        # the contributions line's forecast comes from the payments, never typed
        entered = row.forecast_entered and row.area is not Area.CONTRIBUTIONS
        sheet.add(_follow_up_cells(_area(row.area), row.label, row, entered=entered), formats)
    last_line = sheet.row
    sheet.skip()
    for row in report.areas:
        sheet.add(_follow_up_cells(_area(row.area), _("Total"), row), formats, bold=True)
    sheet.add(_follow_up_cells("", _("Total income"), report.income), formats, bold=True)
    sheet.add(_follow_up_cells("", _("Total costs"), report.costs), formats, bold=True)
    sheet.add((None, _("Result"), None, kronor(report.budget_result_ore),
               kronor(report.actual_result_ore), kronor(report.forecast_result_ore), None,
               kronor(report.forecast_result_ore - report.budget_result_ore)), formats,
              bold=True)
    sheet.finish((22, 44, 22, 16, 18, 16, 12, 16, 12), filter_to=last_line)


def _follow_up_cells(area: str, label: str, row: LineFollowUp, *,
                     entered: bool | None = None) -> tuple:
    flag = None if entered is None else (_("Yes") if entered else _("No"))
    return (area, label, _focus(row.focus), kronor(row.budget_ore), kronor(row.actual_ore),
            kronor(row.forecast_ore), flag, kronor(row.deviation_ore),
            fraction(row.deviation_ppm))


def _actuals_sheet(sheet: _Sheet, data: BudgetReport) -> None:
    periods = data.plan.year.periods
    sheet.add(ACTUALS_HEADERS, bold=True)
    formats = (None, None, None, None, MONEY_ORE)
    for row in data.follow_up.lines:
        if row.area is Area.CONTRIBUTIONS or not row.months:
            continue
        for month in period_months(periods):
            amount = row.months[month - 1]
            if amount:
                period = period_label(month, periods) if periods is Periods.TERTIAL else month
                sheet.add((data.year, _area(row.area), row.label, period, kronor(amount)),
                          formats)
    sheet.finish((8, 22, 44, 9, 16), filter_to=sheet.row)


def _key_figures_sheet(sheet: _Sheet, data: BudgetReport) -> None:
    figures = data.figures
    sheet.add((_("Key figure"), _("Value")), bold=True)
    sheet.add((_("Agency"), data.agency.name))
    sheet.add((_("Document"), data.title))
    sheet.add((_("Version"), data.version_label))
    shares = (
        (_("Board, administration and audit, share of total costs"), figures.admin_share_ppm),
        (_("Individual-targeted activities, share of activity costs"),
         figures.individual_share_ppm),
        (_("Structural activities, share of activity costs"), figures.structural_share_ppm),
        (_("Equity at the end of {year}, share of the year's contributions").format(
            year=data.year), figures.equity_share_ppm),
        (_("Threshold for equity in the charter"), figures.threshold_ppm))
    for label, ppm in shares:
        sheet.add((label, fraction(ppm)), (None, PERCENT))
    sheet.skip()
    money = _money_format(v for e in data.equity
                          for v in (e.opening_ore, e.result_ore, e.closing_ore))
    sheet.add((_("Year"), _("Basis"), _("Equity at start"), _("Result"), _("Equity at end"),
               _("Share of contributions")), bold=True)
    for e in data.equity:
        sheet.add((e.year, _(BASIS_LABELS[e.basis]),
                   None if e.opening_ore is None else kronor(e.opening_ore),
                   kronor(e.result_ore),
                   None if e.closing_ore is None else kronor(e.closing_ore),
                   fraction(e.closing_share_ppm)),
                  (None, None, money, money, money, PERCENT))
    sheet.skip()
    sheet.add((_("Warnings"),), bold=True)
    if not figures.warnings:
        sheet.add((_("Nothing to warn about."),))
    for warning in figures.warnings:
        sheet.add((_("Warning") if warning.severe else _("Please note"), warning.text),
                  wrap=True)
    sheet.finish((58, 60, 18, 16, 18, 14))
