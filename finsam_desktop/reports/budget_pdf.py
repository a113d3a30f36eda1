"""Verksamhetsplan med budget: the plan, the budget, key figures, follow-up and charts.

Order, as in the plans agencies send their members (Sjuhärad VP 2018, DOMAIN.md 3.2):

1. a title page: the agency, "Verksamhetsplan med budget 2027, plan 2028–2029", the
   version ("Antagen § 12, 2025-11-20" or "Förslag 2025-10-01") and the date printed;
2. the narrative sections in the order of `TEXT_SECTIONS` (empty ones left out), exactly as
   typed, paragraphs at blank lines;
3. the financial summary: income (contributions, other income), costs (board,
   administration, audit, activities split into individual-targeted and structural), the
   result and the planned use of equity, for the budget year and the two plan years; the
   member contributions by share, adding up to the contributions line to the öre;
4. key figures, equity year by year and every warning with its explanation;
5. on landscape pages: the follow-up (budget | actual to date | full-year forecast |
   deviation kr | deviation %) per area and line, the contributions received per member
   (deviating payments marked), and the four charts drawn as vectors (`reports.charts`).

Headings stay with what follows through a CondPageBreak (keepWithNext would drag a whole
long text or table along); tables repeat their header row on every page and amounts are
right-aligned, in kronor, with öre only when a table has any. User text goes through
`reports.text`; fixed text through `_()`, so the plan follows the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from finsam_desktop.domain.budget import (
    AREA_LABELS,
    BASIS_LABELS,
    COST_AREAS,
    INCOME_AREAS,
    PAYMENT_LABELS,
    TEXT_SECTION_LABELS,
    TEXT_SECTIONS,
    Area,
    BudgetLine,
    Focus,
    FollowUpReport,
    LineFollowUp,
    period_label,
    total_of,
)
from finsam_desktop.domain.organisation import MemberKind
from finsam_desktop.formatting import format_date, format_money, format_share
from finsam_desktop.i18n import N_, _
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.charts import draw_chart
from finsam_desktop.reports.data import BudgetReport
from finsam_desktop.reports.layout import LANDSCAPE, Letterhead, Metadata, build_pdf
from finsam_desktop.reports.tables import BASE, table
from finsam_desktop.reports.text import markup, paragraphs

_AMOUNT = 2.5 * st.cm  # the narrowest amount column
_CHUNK_ROWS = 150  # a longer table is built in pieces (NOTES.md); budgets rarely get there
_ROOM_FOR_HEADING = 4.0 * st.cm  # a heading lower on the page than this starts a new page
_INDENT = 11  # points per level of the row label
_FOCUS_TITLES = {Focus.INDIVIDUAL: N_("Individual-targeted activities"),
                 Focus.STRUCTURAL: N_("Structural activities")}
_FOCUS_ORDER = (Focus.INDIVIDUAL, Focus.STRUCTURAL, Focus.NONE)


def render_budget(data: BudgetReport, out: Path, *, printed_on: dt.date | None = None) -> Path:
    """Write the activity plan with budget (and its follow-up) as PDF to `out`."""
    printed_on = printed_on or dt.date.today()
    numbers = _Numbering()
    story = [*_title_page(data, printed_on), *_narrative(data, numbers),
             *_budget_section(data, numbers), *_key_figures_section(data, numbers)]
    follow_up = _follow_up_section(data, numbers)
    if follow_up:
        story += [NextPageTemplate(LANDSCAPE), PageBreak(), *follow_up]
    charts = _charts_section(data, numbers)
    if charts:
        story += [NextPageTemplate(LANDSCAPE), PageBreak(), *charts]
    head = Letterhead(agency=data.agency.name, document=_("ACTIVITY PLAN"),
                      body=data.version_label, date_caption=_("Budget"),
                      date=_("{year}, plan {first}–{last}").format(
                          year=data.year, first=data.year + 1, last=data.year + 2),
                      footnote=_("Printed {date}").format(date=format_date(printed_on)))
    meta = Metadata(title=data.title, author=data.agency.name,
                    subject=f"{data.title} – {data.version_label}")
    return build_pdf(out, story, head, meta)


class _Numbering:
    """Section numbers 1, 2, 3 … over the sections actually printed."""

    def __init__(self) -> None:
        self.last = 0

    def number(self, title: str) -> Paragraph:
        """The next numbered section heading."""
        self.last += 1
        return Paragraph(f"{self.last}&nbsp;&nbsp;{markup(title)}", st.sheet().section)

    def heading(self, title: str) -> list:
        """A numbered heading before long text: on a new page when little room is left."""
        return [CondPageBreak(_ROOM_FOR_HEADING), self.number(title)]


def _subheading(title: str) -> Paragraph:
    return Paragraph(markup(title), st.sheet().subheading)


def _kept(*flowables) -> KeepTogether:
    """A heading with its table: moved whole to the next page when it does not fit on
    this one but fits on a page; split (header row repeated) only when longer."""
    return KeepTogether(list(flowables))


def _note(text: str) -> Paragraph:
    return Paragraph(markup(text), st.sheet().muted)


# ---------------------------------------------------------------- title page, narrative


def _title_page(data: BudgetReport, printed_on: dt.date) -> list:
    sheet = st.sheet()
    lines = [Spacer(1, 4.5 * st.cm),
             Paragraph(markup(data.agency.name), sheet.cover_line),
             Spacer(1, 0.4 * st.cm),
             Paragraph(markup(data.title), sheet.cover_title)]
    details = [data.version_label]
    if data.agency.org_number:
        details.append(_("Org. no. {number}").format(number=data.agency.org_number))
    details.append(_("Printed {date}").format(date=format_date(printed_on)))
    lines += [Paragraph(markup(d), sheet.cover_line) for d in details if d]
    return [*lines, PageBreak()]


def _narrative(data: BudgetReport, numbers: _Numbering) -> list:
    sheet = st.sheet()
    story = []
    for key in TEXT_SECTIONS:
        text = data.texts.get(key, "")
        body = paragraphs(text, sheet.body, tight_style=sheet.body_tight) if text else []
        if body:
            story += [*numbers.heading(_(TEXT_SECTION_LABELS[key])), *body, Spacer(1, 6)]
    return story


# ---------------------------------------------------------------- table rows


@dataclass(frozen=True, slots=True)
class _Row:
    """One table row: a label, its cells, how it looks."""

    label: str
    cells: tuple[str, ...]
    kind: str = "line"  # group, area, focus, line, subtotal, total, result, flagged
    level: int = 0
    user_text: bool = False  # the label is typed by a user (a line or member name)


def _amounts(values: Sequence[int], decimals: bool) -> tuple[str, ...]:
    return tuple(format_money(v, decimals=decimals, unit=False) for v in values)


def _signed(ore: int, decimals: bool) -> str:
    text = format_money(ore, decimals=decimals, unit=False)
    return f"+{text}" if ore > 0 else text


def _with_ore(values) -> bool:
    """Whether any amount has öre (then the whole table shows two decimals)."""
    return any(v % 100 for v in values if v is not None)


def _percent(ppm: int | None, *, signed: bool = False) -> str:
    """A share rounded to a tenth of a per cent ("24,2 %"), "–" when unknown."""
    if ppm is None:
        return "–"
    text = format_share(round(ppm, -3))
    return f"+{text}" if signed and ppm >= 500 else text


def _grid(header: Sequence[str], rows: list[_Row], frame: float, *,
          text_column: float = 0.0) -> list:
    """The rows as tables of at most _CHUNK_ROWS rows, each with the header repeated on
    every page; totals bold with a rule above, group and area rows as captions.

    Amount columns are as wide as their widest figure needs (never less than _AMOUNT), the
    label column takes the rest of `frame`; with `text_column` the last column holds
    wrapping, left-aligned text (a status) of that width."""
    sheet = st.sheet()
    amounts = len(header) - 1 - (1 if text_column else 0)
    head = [Paragraph(escape(header[0]), sheet.register_head),
            *(Paragraph(escape(h), sheet.register_head_right) for h in header[1:amounts + 1]),
            *(Paragraph(escape(h), sheet.register_head) for h in header[amounts + 1:])]
    widths = _amount_widths(header, rows, amounts)
    if text_column:
        widths.append(text_column)
    widths.insert(0, frame - sum(widths))
    out = []
    for start in range(0, max(len(rows), 1), _CHUNK_ROWS):
        chunk = rows[start:start + _CHUNK_ROWS]
        cells = [head]
        style: list = [("ALIGN", (1, 0), (amounts, -1), "RIGHT"),
                       ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                       ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                       ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                       ("LEFTPADDING", (0, 0), (-1, -1), 3),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                       ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        if text_column:
            style.append(("LEFTPADDING", (-1, 0), (-1, -1), 10))
        for i, row in enumerate(chunk, start=1):
            bold = row.kind in _BOLD_KINDS
            label_style = sheet.cell_bold if bold or row.kind == "area" else sheet.cell
            label = markup(row.label) if row.user_text else escape(row.label)
            if row.kind in ("area", "focus"):
                label = f"<i>{label}</i>"
            values = list(row.cells)
            if text_column and len(values) > amounts:
                values[amounts] = Paragraph(markup(values[amounts]),
                                            sheet.cell_bold if bold else sheet.cell)
            cells.append([Paragraph(label, label_style), *values])
            style.append(("LEFTPADDING", (0, i), (0, i), 3 + _INDENT * row.level))
            if bold:
                style.append(("FONTNAME", (1, i), (-1, i), st.BOLD))
            if row.kind == "group" and i > 1:
                style.append(("TOPPADDING", (0, i), (-1, i), 8))
            if row.kind in ("subtotal", "total"):
                style.append(("LINEABOVE", (1, i), (amounts, i), 0.5, st.RULE))
            if row.kind == "total":
                style.append(("BOTTOMPADDING", (0, i), (-1, i), 5))
            if row.kind == "result":
                style += [("LINEABOVE", (0, i), (-1, i), 0.9, st.INK),
                          ("TOPPADDING", (0, i), (-1, i), 4)]
            if row.kind == "flagged":
                style.append(("BACKGROUND", (0, i), (-1, i), _FLAG))
        made = _Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1, splitByRow=1)
        made.setStyle(TableStyle([*BASE, *style]))
        made.captions = (False, *(row.kind in _CAPTION_KINDS for row in chunk))
        out.append(made)
    return out


_BOLD_KINDS = ("group", "subtotal", "total", "result", "flagged")
_CAPTION_KINDS = ("group", "area", "focus")


def _amount_widths(header: Sequence[str], rows: list[_Row], count: int) -> list[float]:
    """Each amount column's width: its widest figure (bold in total rows) or the longest
    word of its header, whichever is wider, and at least _AMOUNT."""
    sheet = st.sheet()
    padding = 3 + 4 + 3  # left, right and a little air
    widths = []
    for col in range(count):
        words = header[col + 1].split()
        need = max((stringWidth(w, st.BOLD, sheet.register_head_right.fontSize)
                    for w in words), default=0)
        for row in rows:
            if col < len(row.cells):
                font = st.BOLD if row.kind in _BOLD_KINDS else st.FAMILY
                need = max(need, stringWidth(row.cells[col], font, _CELL_SIZE))
        widths.append(max(_AMOUNT, need + padding))
    return widths


_CELL_SIZE = 9.5  # the table font size (tables.BASE)


class _Table(Table):
    """A table that, split across pages, carries at least `MIN_TAIL` rows over (never
    just the total or the result alone on the next page) and never leaves a caption row
    (Income, an area, a focus) as the last row of a page. `captions` flags those rows."""

    MIN_TAIL = 4
    captions: tuple[bool, ...] = ()

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        kept = parts[0]._nrows  # rows on this page, the header included
        move = 0
        if 0 < self._nrows - kept < self.MIN_TAIL < self._nrows - self.repeatRows \
                - self.MIN_TAIL:
            move = self.MIN_TAIL - (self._nrows - kept)
        captions = self.captions or (False,) * self._nrows
        while kept - move - 1 >= self.repeatRows and captions[kept - move - 1]:
            move += 1
        if move and kept - move > self.repeatRows + 1:
            carried = sum(self._rowHeights[kept - move:kept])
            shorter = super().split(availWidth, availHeight - carried)
            if len(shorter) == 2:  # the rest must not fill the room left on this page
                parts = [shorter[0], FrameBreak(), shorter[1]]
        first, rest = parts[0], parts[-1]
        first.captions = captions[:first._nrows]
        rest.captions = captions[:self.repeatRows] + captions[first._nrows:]
        return parts


_FLAG = colors.Color(1.0, 0.9, 0.75)  # a light orange behind a flagged row


def _area_label(area: Area) -> str:
    return _(AREA_LABELS[area])


def _follow_up_rows(report: FollowUpReport,
                    cells: Callable[[LineFollowUp], tuple[str, ...]]) -> list[_Row]:
    """Income, then costs, line by line grouped by area with the area's total (or a subtotal
    of the lines shown), and the totals of both sides — shared by the budget plan's follow-up
    and the annual report's operating statement."""
    areas = {r.area: r for r in report.areas}

    def totals(group: Sequence[LineFollowUp]) -> tuple[str, ...]:
        area = group[0].area
        whole = [r for r in report.lines if r.area is area]
        if len(group) == len(whole) and area in areas:
            return cells(areas[area])
        return cells(total_of("", area, group, group[0].is_income))

    rows = []
    for income, heading, total, row in ((True, _("Income"), _("Total income"), report.income),
                                         (False, _("Costs"), _("Total costs"), report.costs)):
        side = [r for r in report.lines if r.is_income == income]
        rows.append(_Row(heading, (), "group"))
        rows += _grouped(side, lambda r: r.area, lambda r: r.label, lambda r: r.focus,
                         cells, totals)
        rows.append(_Row(total, cells(row), "total"))
    return rows


def _grouped(items: Sequence, area_of: Callable, label_of: Callable, focus_of: Callable,
             cells_of: Callable, total_of_group: Callable) -> list[_Row]:
    """Rows of one side (income or costs), area by area: an area caption with its lines
    and their subtotal, or the line alone when it is the area's only line and bears its
    name; activities split by focus."""
    rows: list[_Row] = []
    for area in (*INCOME_AREAS, *COST_AREAS):
        members = [x for x in items if area_of(x) is area]
        if not members:
            continue
        if len(members) == 1 and label_of(members[0]).casefold() == _area_label(area).casefold():
            rows.append(_Row(_area_label(area), cells_of(members[0]), "line", 1))
            continue
        rows.append(_Row(_area_label(area), (), "area", 1))
        if area is Area.ACTIVITIES:
            for focus in _FOCUS_ORDER:
                group = [x for x in members if focus_of(x) is focus]
                if not group:
                    continue
                if focus is not Focus.NONE:
                    rows.append(_Row(_(_FOCUS_TITLES[focus]), (), "focus", 2))
                rows += [_Row(label_of(x), cells_of(x), "line", 3, True) for x in group]
                if focus is not Focus.NONE and len(group) > 1:
                    rows.append(_Row(_("Total {name}").format(
                        name=_(_FOCUS_TITLES[focus]).lower()), total_of_group(group),
                        "subtotal", 2))
        else:
            rows += [_Row(label_of(x), cells_of(x), "line", 2, True) for x in members]
        if len(members) > 1:
            rows.append(_Row(_("Total {name}").format(name=_area_label(area).lower()),
                             total_of_group(members), "subtotal", 1))
    return rows


# ---------------------------------------------------------------- budget


def _budget_section(data: BudgetReport, numbers: _Numbering) -> list:
    plan = data.plan
    amounts = {li.id: list(plan.amounts.get(li.id) or [0, 0, 0]) for li in plan.lines}
    values = [v for vs in amounts.values() for v in vs]
    decimals = _with_ore(values)

    def cells(line: BudgetLine) -> tuple[str, ...]:
        return _amounts(amounts[line.id], decimals)

    def totals(lines: Sequence[BudgetLine]) -> tuple[str, ...]:
        return _amounts([sum(amounts[li.id][p] for li in lines) for p in range(3)], decimals)

    def side(income: bool) -> list[BudgetLine]:
        return [li for li in plan.lines if li.is_income == income]

    rows = [_Row(_("Income"), (), "group")]
    rows += _grouped(side(True), lambda li: li.area, lambda li: li.name, lambda li: li.focus,
                     cells, totals)
    rows.append(_Row(_("Total income"), totals(side(True)), "total"))
    rows.append(_Row(_("Costs"), (), "group"))
    rows += _grouped(side(False), lambda li: li.area, lambda li: li.name,
                     lambda li: li.focus, cells, totals)
    rows.append(_Row(_("Total costs"), totals(side(False)), "total"))
    results = [plan.result(p) for p in range(3)]
    rows.append(_Row(_("Result"), _amounts(results, decimals), "result"))
    if any(r < 0 for r in results):
        rows.append(_Row(_("Planned use of equity"),
                         tuple(format_money(-r, decimals=decimals, unit=False) if r < 0
                               else "–" for r in results), "line"))
    year = data.year
    header = [_("Amounts in SEK"), _("Budget {year}").format(year=year),
              _("Plan {year}").format(year=year + 1), _("Plan {year}").format(year=year + 2)]
    table = _kept(numbers.number(_("Financial summary")),
                  _note(_("The budget for {year} and the plan for {first}–{last}, in kronor.")
                        .format(year=year, first=year + 1, last=year + 2)),
                  *_grid(header, rows, st.FRAME_WIDTH))
    return [table, *_contributions_table(data)]


def _contributions_table(data: BudgetReport) -> list:
    plan = data.plan
    year = data.year
    heading = _subheading(_("Member contributions"))
    if plan.contribution_problems or not plan.contributions:
        problems = plan.contribution_problems or (_("There are no members to share the "
                                                    "contributions."),)
        return [_kept(heading, *(Paragraph(markup(p), st.sheet().notice) for p in problems))]
    contributions = plan.contributions
    decimals = _with_ore([a for c in contributions for a in c.amounts])
    rows = [_Row(c.member.name, (format_share(c.share_ppm), *_amounts(c.amounts, decimals)),
                 "line", 0, True) for c in contributions]
    totals = [sum(c.amounts[p] for c in contributions) for p in range(3)]
    rows.append(_Row(_("Total"), (format_share(sum(c.share_ppm for c in contributions)),
                                  *_amounts(totals, decimals)), "total"))
    header = [_("Member"), _("Share"), _("Contribution {year}").format(year=year),
              _("Plan {year}").format(year=year + 1), _("Plan {year}").format(year=year + 2)]
    story = [heading,
             _note(_("The contributions line split by the members' shares: first between "
                     "the state, the region and the municipalities, then within each.")),
             *_grid(header, rows, st.FRAME_WIDTH)]
    if any(c.member.kind is MemberKind.AF for c in contributions):
        story.append(_note(_("Försäkringskassan pays the state's share, also for "
                             "Arbetsförmedlingen.")))
    return [_kept(*story)]


# ---------------------------------------------------------------- key figures


def _key_figures_section(data: BudgetReport, numbers: _Numbering) -> list:
    sheet = st.sheet()
    figures = data.figures
    rows = [
        _Row(_("Board, administration and audit, share of total costs"),
             (_percent(figures.admin_share_ppm),), "line"),
        _Row(_("Individual-targeted activities, share of activity costs"),
             (_percent(figures.individual_share_ppm),), "line"),
        _Row(_("Structural activities, share of activity costs"),
             (_percent(figures.structural_share_ppm),), "line"),
        _Row(_("Equity at the end of {year}, share of the year's contributions").format(
            year=data.year), (_percent(figures.equity_share_ppm),), "line"),
        _Row(_("Threshold for equity in the charter"), (_percent(figures.threshold_ppm),),
             "line"),
    ]
    story = [_kept(numbers.number(_("Key figures and equity")),
                   _note(_("Shares of the budget for {year}.").format(year=data.year)),
                   *_grid([_("Key figure"), _("Value")], rows, st.FRAME_WIDTH)),
             *_equity_table(data)]
    warnings = [_subheading(_("Warnings"))]
    if not figures.warnings:
        warnings.append(Paragraph(escape(_("Nothing to warn about.")), sheet.body))
    for warning in figures.warnings:
        caption = _("Warning") if warning.severe else _("Please note")
        warnings.append(Paragraph(f"<b>{escape(caption)}:</b> {markup(warning.text)}",
                                  sheet.notice))
    return [*story, _kept(*warnings)]


def _equity_table(data: BudgetReport) -> list:
    years = [e for e in data.equity if e.year >= data.year - 1]
    if not years:
        return []
    amounts = [v for e in years for v in (e.opening_ore, e.result_ore, e.closing_ore)]
    decimals = _with_ore(amounts)

    def money(ore: int | None) -> str:
        return "–" if ore is None else format_money(ore, decimals=decimals, unit=False)

    rows = [_Row(f"{e.year} ({_(BASIS_LABELS[e.basis])})",
                 (money(e.opening_ore), _signed(e.result_ore, decimals), money(e.closing_ore),
                  _percent(e.closing_share_ppm)), "line") for e in years]
    header = [_("Year (basis)"), _("Equity at start"), _("Result"), _("Equity at end"),
              _("Share of contributions")]
    return [_kept(_subheading(_("Equity")),
                  _note(_("Closed years by their actuals, the current year by its forecast, "
                          "later years by the budget and the plan. Amounts in kronor.")),
                  *_grid(header, rows, st.FRAME_WIDTH))]


# ---------------------------------------------------------------- follow-up


def _follow_up_section(data: BudgetReport, numbers: _Numbering) -> list:
    report = data.follow_up
    reported = report.through_month > 0 or any(r.received_ore for r in data.received)
    if not reported:
        return []
    period = period_label(report.through_month, data.plan.year.periods) \
        if report.through_month else ""
    rows_in = [*report.lines, *report.areas, report.income, report.costs]
    decimals = _with_ore([v for r in rows_in for v in (r.budget_ore, r.actual_ore,
                                                       r.forecast_ore)])

    def cells(row: LineFollowUp) -> tuple[str, ...]:
        forecast = format_money(row.forecast_ore, decimals=decimals, unit=False)
        return (format_money(row.budget_ore, decimals=decimals, unit=False),
                format_money(row.actual_ore, decimals=decimals, unit=False),
                f"{forecast} *" if _entered(row) else forecast,
                _signed(row.deviation_ore, decimals), _percent(row.deviation_ppm, signed=True))

    rows = _follow_up_rows(report, cells)
    result_deviation = report.forecast_result_ore - report.budget_result_ore
    rows.append(_Row(_("Result"), (
        format_money(report.budget_result_ore, decimals=decimals, unit=False),
        format_money(report.actual_result_ore, decimals=decimals, unit=False),
        format_money(report.forecast_result_ore, decimals=decimals, unit=False),
        _signed(result_deviation, decimals), ""), "result"))
    header = [_("Amounts in SEK"), _("Budget"), _("Actual through {period}").format(period=period)
              if period else _("Actual to date"), _("Forecast full year"),
              _("Deviation SEK"), _("Deviation %")]
    title = (_("Follow-up {year}, actuals through {period}").format(year=data.year,
                                                                    period=period)
             if period else _("Follow-up {year}").format(year=data.year))
    notes = [_("Deviation: the forecast against the budget, as its effect on the result "
               "(positive: higher income or lower costs). The forecast is the actual to date "
               "plus the budget for the months left.")]
    if any(_entered(r) for r in report.lines):
        notes.append(_("* Forecast entered for the line."))
    story = [*numbers.heading(title),
             *_grid(header, rows, st.LANDSCAPE_FRAME_WIDTH),
             *(_note(n) for n in notes)]
    return story + _received_table(data)


def _entered(row: LineFollowUp) -> bool:
    """A forecast the user entered. The contributions line's forecast is worked out from
    the payments (budgeted, or more where more was paid), never typed: no mark."""
    return row.forecast_entered and row.area is not Area.CONTRIBUTIONS


def _received_table(data: BudgetReport) -> list:
    rows_in = [r for r in data.received if r.expected_ore or r.received_ore]
    if not rows_in:
        return []
    decimals = _with_ore([v for r in rows_in for v in (r.expected_ore, r.received_ore)])
    rows = []
    for r in rows_in:
        points = format_share(r.deviation_ppm).removesuffix("\u00a0%")
        cells = (format_money(r.expected_ore, decimals=decimals, unit=False),
                 format_money(r.received_ore, decimals=decimals, unit=False),
                 _signed(r.deviation_ore, decimals),
                 f"+{points}" if r.deviation_ppm > 0 else points, _(PAYMENT_LABELS[r.status]))
        rows.append(_Row(r.member.name, cells, "flagged" if r.flagged else "line", 0, True))
    expected = sum(r.expected_ore for r in rows_in)
    received = sum(r.received_ore for r in rows_in)
    rows.append(_Row(_("Total"), (format_money(expected, decimals=decimals, unit=False),
                                  format_money(received, decimals=decimals, unit=False),
                                  _signed(received - expected, decimals), "", ""), "total"))
    header = [_("Member"), _("Budgeted"), _("Received"), _("Deviation SEK"),
              _("Deviation, percentage points"), _("Status")]
    story = [_subheading(_("Contributions received {year}").format(year=data.year)),
             *_grid(header, rows, st.LANDSCAPE_FRAME_WIDTH, text_column=4.8 * st.cm)]
    notes = [_("Percentage points: the deviation as a share of the total contribution.")]
    if any(r.flagged for r in rows_in):
        notes.append(_("Marked rows do not follow the shares; the board decides how to "
                       "settle the difference."))
    return [_kept(*story, *(_note(n) for n in notes))]


# ---------------------------------------------------------------- charts


def _charts_section(data: BudgetReport, numbers: _Numbering) -> list:
    charts = [c for c in data.charts if not c.is_empty()]
    if not charts:
        return []
    sheet = st.sheet()
    gap = 0.8 * st.cm
    width = (st.LANDSCAPE_FRAME_WIDTH - gap) / 2
    height = 6.1 * st.cm
    cells = [[Paragraph(markup(chart.title), sheet.label), draw_chart(chart, width, height)]
             for chart in charts]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    grid = table(rows, [width + gap, width], [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 12)],
                 splitByRow=1)
    return [*numbers.heading(_("Charts")), grid]
