"""Årsredovisning and delårsrapport: one renderer for the annual report and the interim report.

Order of the annual report (DOMAIN.md 8.6, after Uppsala län 2016, Bollebygd 2008 and
LKBR 4 kap 1 §); each part starts on a new page, sections within a part where room is left:

1. a title page: the agency, "Årsredovisning 2025", the organisation number and "Fastställd
   av styrelsen § 10, 2026-02-14" (or that it is a draft, also at the foot of every page);
2. the table of contents with page numbers; every part and section is also a PDF bookmark;
3. Ordföranden har ordet (the chair's text);
4. Förvaltningsberättelse: Om förbundet (text, members and shares, the board member by
   member with part-year periods, meetings held, staff), Året i korthet, Måluppfyllelse
   (text, each goal's fulfilment), Insatser (text, the activities individual-targeted and
   structural with budget, actual and participants, the participant charts), Uppföljning och
   utvärdering (text, the evaluations finished), God ekonomisk hushållning (text, key
   figures budget against actual, equity against the charter's threshold), Ekonomisk
   redovisning (text, the result, equity year by year, every warning), Framtid (text);
5. Driftredovisning: budget | actual | deviation per area and line, with the area and
   cumulative cost charts;
6. Resultaträkning, Balansräkning, Kassaflödesanalys: Not | Utfall ÅÅÅÅ | Utfall ÅÅÅÅ-1,
   sums bold, headings as captions, costs shown negative as in municipal statements, lines
   with no figure in either year left out; the cross-checks that fail in a framed box;
7. Noter: Not 1 Redovisningsprinciper (text);
8. Underskrifter: place and date (or lines to fill in) and one signature line per ledamot
   sitting on the signing date — name, function, member;
9. Bilagor: 1 goal fulfilment with every indicator, 2 participant statistics per activity.

The **interim report** (`data.until` set) is the same document without the texts, statements,
notes and signatures: "Delårsrapport 2026-08-31", the operating statement through that month
(annual budget, budget and actual for the months, deviation, full-year forecast — on a
landscape page), the activities and participants so far, key figures and warnings.

Empty text sections are left out with their heading; a section with figures keeps its
heading without text. Every user value goes through `reports.text` (escaped, long texts
split); fixed text through `_()`. Tables, notes and charts come from the budget plan and the
activity catalogue writers (`budget_pdf`, `activities_pdf`), participant counts below the
catalogue's threshold are suppressed by `reports.small_counts`.

The table of contents needs the pages of the headings, known only after layout: the
document is laid out twice (`layout.build_pdf`, which also makes it PDF/A), the second time
with the pages the first one found; the contents take the same room both times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from finsam_desktop.domain.activities import GENDERS
from finsam_desktop.domain.annual import STATEMENT_LABELS, TEMPLATES, Statement
from finsam_desktop.domain.board import ROLE_LABELS, SeatRole
from finsam_desktop.domain.budget import (
    ADMIN_AREAS,
    BASIS_LABELS,
    Area,
    Focus,
    FollowUpReport,
    LineFollowUp,
    month_label,
    share,
)
from finsam_desktop.domain.charts import Chart
from finsam_desktop.domain.organisation import KIND_LABELS, MemberKind
from finsam_desktop.formatting import format_date, format_money
from finsam_desktop.i18n import _
from finsam_desktop.reports import activities_pdf as catalogue_pdf
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.budget_pdf import (
    _ROOM_FOR_HEADING,
    _equity_table,
    _follow_up_rows,
    _grid,
    _kept,
    _note,
    _percent,
    _Row,
    _signed,
    _subheading,
    _Table,
    _with_ore,
)
from finsam_desktop.reports.charts import draw_chart
from finsam_desktop.reports.data import AnnualReportData
from finsam_desktop.reports.layout import LANDSCAPE, PORTRAIT, Letterhead, Metadata, build_pdf
from finsam_desktop.reports.small_counts import HIDDEN, figures
from finsam_desktop.reports.tables import BASE, table
from finsam_desktop.reports.text import clean, markup, paragraphs

_PASSES = 3  # layouts at most: the second normally has every page right
_CHART_HEIGHT = 6.0 * st.cm
_STATEMENT_ORDER = (Statement.INCOME, Statement.BALANCE, Statement.CASH_FLOW)


def render_annual_report(data: AnnualReportData, path: Path) -> Path:
    """Write the annual report (or, with `data.until`, the interim report) as PDF to `path`."""
    path = Path(path)
    interim = data.until is not None
    head = Letterhead(
        agency=data.agency.name,
        document=_("INTERIM REPORT") if interim else _("ANNUAL REPORT"),
        body="", date_caption=_("Period") if interim else _("Financial year"),
        date=_period(data) if interim else str(data.year),
        footnote="" if interim or data.adopted_ref else _draft_line())
    meta = Metadata(title=data.title, author=data.agency.name,
                    subject=_("{title}, {agency}").format(title=data.title,
                                                          agency=data.agency.name))
    # Laid out again until the contents list the pages the headings land on (normally
    # twice). Each pass makes its story anew: ReportLab's splitting leaves state behind in
    # kept-together flowables. A trial layout is not archived.
    pages: dict[str, int] = {}
    trial = path.with_name(path.name + ".layout")
    try:
        for attempt in range(_PASSES):
            outline = _Outline(pages)
            story = _story(data, outline)
            final = attempt == _PASSES - 1 or bool(pages)
            build_pdf(path if final else trial, story, head, meta, archive=final)
            if pages and outline.found == pages:
                return path
            pages = dict(outline.found)
        return path
    finally:
        trial.unlink(missing_ok=True)


def _draft_line() -> str:
    return _("Draft – not yet adopted by the board")


def _period(data: AnnualReportData) -> str:
    """"2026-01-01 – 2026-08-31" for an interim report."""
    until = data.until or dt.date(data.year, 12, 31)
    return f"{format_date(dt.date(data.year, 1, 1))} – {format_date(until)}"


def _months(report: FollowUpReport) -> str:
    """"jan–aug": the months the follow-up covers."""
    if report.through_month <= 1:
        return month_label(1)
    return f"{month_label(1)}–{month_label(report.through_month)}"


# ---------------------------------------------------------------- headings and contents


class _Heading(Paragraph):
    """A heading that marks its page: a named destination, an outline entry (bookmark) and
    the page number for the table of contents."""

    def __init__(self, text: str, style, *, key: str, level: int, title: str,
                 found: dict[str, int]):
        super().__init__(text, style)
        self.key, self.level, self.title, self.found = key, level, title, found

    def draw(self):
        canv = self.canv
        page = canv.getPageNumber()
        destination = canv.bookmarkPage(self.key)
        # the numbered canvas (layout) adds its pages only when the document is saved, so
        # the destination is bound to this page by its name (ReportLab names pages PageN)
        destination.setPage(PDFObjectReference(f"Page{page}"))
        canv.addOutlineEntry(self.title, self.key, self.level, closed=False)
        if not self.found:
            canv.showOutline()
        self.found[self.key] = page
        super().draw()


@cache
def _section_style() -> ParagraphStyle:
    """A section of a part: the section style with room above it (after a table)."""
    return ParagraphStyle("AnnualSection", parent=st.sheet().section, spaceBefore=14)


class _Outline:
    """The headings of one layout pass, in order; `pages` are those the last pass found."""

    def __init__(self, pages: dict[str, int]):
        self.pages = pages
        self.entries: list[tuple[int, str, str]] = []  # level, title, key
        self.found: dict[str, int] = {}

    def heading(self, title: str, level: int) -> _Heading:
        """A heading of `level` (0: a part, 1: a section, 2: within a section)."""
        sheet = st.sheet()
        key = f"h{len(self.entries) + 1}"
        self.entries.append((level, clean(title), key))
        style = (sheet.title, _section_style(), sheet.subheading)[min(level, 2)]
        return _Heading(markup(title), style, key=key, level=level, title=clean(title),
                        found=self.found)

    def part(self, title: str) -> list:
        """A part's heading at the top of a new page."""
        return [PageBreak(), self.heading(title, 0)]

    def contents(self) -> TableOfContents:
        """The table of contents (parts and sections) with the last pass's pages."""
        sheet = st.sheet()
        part = ParagraphStyle("ContentsPart", parent=sheet.body, fontName=st.BOLD,
                              fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=0)
        section = ParagraphStyle("ContentsSection", parent=sheet.body,
                                 leftIndent=0.7 * st.cm, leading=13, spaceAfter=0)
        # the table's own font must be the embedded one too (ReportLab starts with Helvetica)
        grid = TableStyle([*BASE, ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        toc = TableOfContents(levelStyles=[part, section], dotsMinLevel=0,
                              rightColumnWidth=1.2 * st.cm, tableStyle=grid)
        toc.addEntries([(level, markup(title), self.pages.get(key, 0), key)
                        for level, title, key in self._listed()])
        toc.beforeBuild()  # the entries become those it draws
        return toc

    def _listed(self) -> list[tuple[int, str, str]]:
        return [e for e in self.entries if e[0] <= 1]


# ---------------------------------------------------------------- the story


def _story(data: AnnualReportData, outline: _Outline) -> list:
    """The whole document; the contents are made last, once every heading is known."""
    interim = data.until is not None
    body: list = []
    body += _text_part(data, outline, "foreword")
    body += [*outline.part(_("Management report")), *_about(data, outline)]
    body += _text_section(data, outline, "year_in_brief")
    body += _goals(data, outline)
    body += _activities(data, outline)
    body += _evaluations(data, outline)
    body += _sound_management(data, outline)
    body += _financial(data, outline)
    body += _text_section(data, outline, "outlook")
    body += _operating_statement(data, outline)
    if not interim:
        body += _statements(data, outline)
        body += _notes(data, outline)
        body += _signatures(data, outline)
    body += _appendices(data, outline)
    return [*_title_page(data), *_contents_page(outline), *body]


def _title_page(data: AnnualReportData) -> list:
    sheet = st.sheet()
    lines = [Spacer(1, 4.5 * st.cm), Paragraph(markup(data.agency.name), sheet.cover_line),
             Spacer(1, 0.4 * st.cm), Paragraph(markup(data.title), sheet.cover_title)]
    details = []
    if data.agency.org_number:
        details.append(_("Org. no. {number}").format(number=data.agency.org_number))
    if data.until is not None:
        details.append(_("The period {period}").format(period=_period(data)))
    elif data.adopted_ref:
        details.append(_("Adopted by the board {reference}").format(
            reference=data.adopted_ref))
    else:
        details.append(_draft_line())
    lines += [Paragraph(markup(d), sheet.cover_line) for d in details]
    return lines


def _contents_page(outline: _Outline) -> list:
    return [PageBreak(), Paragraph(escape(_("Contents")), st.sheet().title), Spacer(1, 4),
            outline.contents()]


# ---------------------------------------------------------------- texts


def _text(data: AnnualReportData, key: str) -> list:
    """The section's text as paragraphs ([] when nothing is written)."""
    text = data.texts.get(key, "")
    if not text.strip():
        return []
    sheet = st.sheet()
    return paragraphs(text, sheet.body, tight_style=sheet.body_tight)


def _label(data: AnnualReportData, key: str) -> str:
    return data.text_labels.get(key, key)


def _text_part(data: AnnualReportData, outline: _Outline, key: str, *, title: str = "",
               subtitle: str = "") -> list:
    """A part made of one text (the chair's foreword, the notes); nothing when empty."""
    body = _text(data, key)
    if not body:
        return []
    story = outline.part(title or _label(data, key))
    if subtitle:
        story.append(outline.heading(subtitle.format(title=_label(data, key)), 1))
    return [*story, *body]


def _text_section(data: AnnualReportData, outline: _Outline, key: str) -> list:
    """A section of the management report made of text only; nothing when empty."""
    return _section(data, outline, key, [])


def _section(data: AnnualReportData, outline: _Outline, key: str, content: list) -> list:
    """A section with its text (if any) followed by `content`; nothing when both are empty.
    The heading stays on the page of what follows it."""
    rest = [*_text(data, key), *content]
    if not rest:
        return []
    return [CondPageBreak(_ROOM_FOR_HEADING),
            _together(outline.heading(_label(data, key), 1), rest[0]), *rest[1:]]


def _together(heading, first) -> KeepTogether:
    """The heading kept with what follows it. A KeepTogether inside another one claims to
    be endlessly high (to force a split) and would push both to the next page: its content
    is taken in instead."""
    content = list(first._content) if isinstance(first, KeepTogether) else [first]
    return KeepTogether([heading, *content])


# ---------------------------------------------------------------- about the agency


def _about(data: AnnualReportData, outline: _Outline) -> list:
    content = [*_members(data), *_board(data), *_meetings(data), *_auditors(data),
               *_staff(data)]
    return _section(data, outline, "about", content)


def _text_table(header: list[str], rows: list[list[str]], widths: list[float], *,
                right: tuple[int, ...] = (), captions: tuple[int, ...] = (),
                user_columns: tuple[int, ...] = ()) -> _Table:
    """Text in columns under a shaded header row, repeated on every page; rows listed in
    `captions` are one bold cell across the table (a member's name above its seats)."""
    sheet = st.sheet()
    head = [Paragraph(escape(h), sheet.register_head_right if i in right
                      else sheet.register_head) for i, h in enumerate(header)]
    cells = [head]
    style: list = [("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                   ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                   ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                   ("LEFTPADDING", (0, 0), (-1, -1), 3),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                   ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    for i, row in enumerate(rows, start=1):
        if i - 1 in captions:
            cells.append([Paragraph(markup(row[0]), sheet.cell_bold)] + [""] * (len(header) - 1))
            style.append(("SPAN", (0, i), (-1, i)))
            if i > 1:
                style.append(("TOPPADDING", (0, i), (-1, i), 7))
            continue
        made = []
        for c, value in enumerate(row):
            text = markup(value) if c in user_columns else escape(value)
            made.append(Paragraph(text, sheet.cell_right if c in right else sheet.cell))
        cells.append(made)
        if i > 1 and i - 2 not in captions:
            style.append(("LINEABOVE", (0, i), (-1, i), 0.3, st.RULE))
    result = _Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1, splitByRow=1)
    result.setStyle(TableStyle([*BASE, *style]))
    result.captions = (False, *(i in captions for i in range(len(rows))))
    return result


def _members(data: AnnualReportData) -> list:
    if not data.members:
        return []
    rows = [[name, kind, member_share] for name, kind, member_share in data.members]
    widths = [8.5 * st.cm, 5.2 * st.cm]
    widths.append(st.FRAME_WIDTH - sum(widths))
    story = [_subheading(_("Members and shares")),
             _text_table([_("Member"), _("Kind"), _("Share")], rows, widths, right=(2,),
                         user_columns=(0,))]
    if any(kind == _(KIND_LABELS[MemberKind.AF]) for _n, kind, _s in data.members):
        story.append(_note(_("Försäkringskassan pays the state's share, also for "
                             "Arbetsförmedlingen.")))
    return [_kept(*story)]


def _board(data: AnnualReportData) -> list:
    if not data.board:
        return []
    with_period = any(line.period for line in data.board)
    header = [_("Name"), _("Role"), _("Function")]
    widths = [5.0 * st.cm, 3.4 * st.cm, 3.4 * st.cm]
    if with_period:
        header.append(_("Period"))
        widths.append(st.FRAME_WIDTH - sum(widths))
    else:
        widths[0] += st.FRAME_WIDTH - sum(widths)
    rows: list[list[str]] = []
    captions = []
    member = None
    for line in data.board:
        if line.member != member:
            member = line.member
            captions.append(len(rows))
            rows.append([member])
        row = [line.name, line.role, line.function]
        if with_period:
            row.append(line.period)
        rows.append(row)
    title = (_("The board {period}").format(period=_period(data)) if data.until
             else _("The board {year}").format(year=data.year))
    story = [_subheading(title),
             _text_table(header, rows, widths, captions=tuple(captions),
                         user_columns=(0, 1, 2, 3))]
    if with_period:
        story.append(_note(_("Period: for those who did not sit the whole period.")))
    return [_kept(*story[:2]), *story[2:]]


def _meetings(data: AnnualReportData) -> list:
    sheet = st.sheet()
    period = _period(data) if data.until else str(data.year)
    count = len(data.meetings)
    if not count:
        text = _("The board held no meetings in {period}.").format(period=period)
    elif count == 1:
        text = _("The board held one meeting in {period}: {dates}.").format(
            period=period, dates=format_date(data.meetings[0]))
    else:
        text = _("The board held {count} meetings in {period}: {dates}.").format(
            count=count, period=period,
            dates=", ".join(format_date(d) for d in data.meetings))
    return [_kept(_subheading(_("Meetings")), Paragraph(escape(text), sheet.body))]


def _auditors(data: AnnualReportData) -> list:
    if not data.auditors:
        return [_kept(_subheading(_("Auditors")),
                      _note(_("No auditors have been registered for the period.")))]
    with_period = any(line[4] for line in data.auditors)
    header = [_("Name"), _("Kind"), _("Audit firm")]
    widths = [3.6 * st.cm, 4.4 * st.cm]
    if with_period:
        header.append(_("Period"))
        widths.append(4.7 * st.cm)
    widths.append(st.FRAME_WIDTH - sum(widths))
    if with_period:
        widths[2], widths[3] = widths[3], widths[2]  # the firm before the period
    rows: list[list[str]] = []
    captions = []
    appointed = None
    for by, name, kind, firm, period in data.auditors:
        if by != appointed:
            appointed = by
            captions.append(len(rows))
            rows.append([by])
        rows.append([name, kind, firm, period][:len(header)])
    story = [_subheading(_("Auditors")),
             _text_table(header, rows, widths, captions=tuple(captions),
                         user_columns=(0, 2))]
    if with_period:
        story.append(_note(_("Period: for those who did not serve the whole period.")))
    return [_kept(*story[:2]), *story[2:]]


def _staff(data: AnnualReportData) -> list:
    if not data.staff:
        return []
    widths = [7.0 * st.cm]
    widths.append(st.FRAME_WIDTH - widths[0])
    rows = [[title, name] for title, name in data.staff]
    return [_kept(_subheading(_("Staff")),
                  _text_table([_("Title"), _("Name")], rows, widths, user_columns=(0, 1)))]


# ---------------------------------------------------------------- goals and activities


def _goals(data: AnnualReportData, outline: _Outline) -> list:
    content = []
    if data.goals:
        widths = [st.FRAME_WIDTH - 4.2 * st.cm, 4.2 * st.cm]
        rows = [[goal, fulfilment] for goal, fulfilment, _i in data.goals]
        content = [_text_table([_("Goal"), _("Fulfilment")], rows, widths,
                               user_columns=(0, 1)),
                   _note(_("The indicators of each goal are in appendix 1."))]
    return _section(data, outline, "goals", content)


def _activities(data: AnnualReportData, outline: _Outline) -> list:
    catalogue = data.catalogue
    content: list = []
    if catalogue is not None and catalogue.entries:
        charts = tuple(_up_to(c, data.year) for c in catalogue.charts)
        content = [_activity_table(data),
                   *catalogue_pdf._charts(dataclasses.replace(catalogue, charts=charts))]
    return _section(data, outline, "activities", content)


def _up_to(chart: Chart, year: int) -> Chart:
    """A chart over years without the years after the report's (the catalogue draws every
    year with participants, also the one after an annual report's)."""
    keep = [i for i, c in enumerate(chart.categories) if not (c.isdigit() and int(c) > year)]
    if len(keep) == len(chart.categories):
        return chart
    series = tuple(dataclasses.replace(s, values=tuple(s.values[i] for i in keep))
                   for s in chart.series)
    return dataclasses.replace(chart, categories=tuple(chart.categories[i] for i in keep),
                               series=series)


def _activity_table(data: AnnualReportData) -> _Table:
    """The activities by direction: lead and status, participants started, and (annual
    report) the year's budget, actual and deviation."""
    sheet = st.sheet()
    catalogue = data.catalogue
    assert catalogue is not None
    entries = catalogue_pdf._in_order(catalogue.entries)
    money = True
    # the interim report's budget to date is a share of the year's: whole kronor, as in its
    # operating statement
    decimals = data.until is None and _with_ore([v for e in entries
                                                 for v in (e.budget_ore, e.actual_ore)])
    header = [_("Activity"), _("Participants started")]
    if data.until is not None:  # the interim report: budget and actual for the months so far
        months = _months(data.follow_up)
        header += [_("Budget {months}").format(months=months),
                   _("Actual {months}").format(months=months), _("Deviation SEK")]
    else:
        header += [_("Budget {year}").format(year=data.year),
                   _("Actual {year}").format(year=data.year), _("Deviation SEK")]
    cells = [[Paragraph(escape(header[0]), sheet.register_head),
              *(Paragraph(escape(h), sheet.register_head_right) for h in header[1:])]]
    captions = [False]
    style: list = [("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                   ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                   ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                   ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                   ("LEFTPADDING", (0, 0), (-1, -1), 3),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                   ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    blank = [""] * (len(header) - 1)
    focus = None
    for entry in entries:
        rank = catalogue_pdf._focus_rank(entry)
        if entry.focus != focus:
            focus = entry.focus
            title = _(catalogue_pdf._FOCUS_TITLES[(Focus.INDIVIDUAL, Focus.STRUCTURAL)[rank]]) \
                if rank < 2 else focus
            row = len(cells)
            cells.append([Paragraph(f"<i>{markup(title)}</i>", sheet.cell_bold), *blank])
            captions.append(True)
            if row > 1:
                style.append(("TOPPADDING", (0, row), (-1, row), 8))
        mine = figures(entry.participants, catalogue.threshold, catalogue.age_bands)
        detail = " · ".join(markup(x) for x in (entry.lead, entry.status) if x)
        name = markup(entry.name)
        if detail:
            name += f"<br/><font color='#555555'>{detail}</font>"
        started = "–" if rank == 1 and not entry.participants.started \
            else catalogue_pdf._shown(mine.started)  # structural: none expected
        row_cells = [Paragraph(name, sheet.cell), started]
        if money:
            row_cells += [format_money(entry.budget_ore, decimals=decimals, unit=False),
                          format_money(entry.actual_ore, decimals=decimals, unit=False),
                          _signed(entry.budget_ore - entry.actual_ore, decimals)]
        cells.append(row_cells)
        captions.append(False)
    agency = figures(catalogue.key_figures, catalogue.threshold, catalogue.age_bands)
    total = [Paragraph(escape(_("Total")), sheet.cell_bold),
             catalogue_pdf._shown(agency.started)]
    if money:
        budget = sum(e.budget_ore for e in entries)
        actual = sum(e.actual_ore for e in entries)
        total += [format_money(budget, decimals=decimals, unit=False),
                  format_money(actual, decimals=decimals, unit=False),
                  _signed(budget - actual, decimals)]
    last = len(cells)
    cells.append(total)
    captions.append(False)
    style += [("FONTNAME", (1, last), (-1, last), st.BOLD),
              ("LINEABOVE", (1, last), (-1, last), 0.5, st.RULE)]
    amount = 2.6 * st.cm
    widths = [0.0, 2.4 * st.cm] + ([amount] * 3 if money else [])
    widths[0] = st.FRAME_WIDTH - sum(widths)
    made = _Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1, splitByRow=1)
    made.setStyle(TableStyle([*BASE, *style]))
    made.captions = tuple(captions)
    notes = [_("Amounts in SEK; deviation: budget less actual (positive: below budget).")]
    if data.until is not None:
        notes[0] += " " + _("Amounts are rounded to whole kronor.")
        notes.append(_("Participants registered so far in {year}.").format(year=data.year))
    notes += catalogue_pdf._marks_notes(_started_marks(data), catalogue.threshold)
    if _appendix_numbers(data)[1] == 2:  # (without goals it is the only appendix)
        notes.append(_("Participant figures per activity are in appendix 2."))
    return _kept(made, *(_note(n) for n in notes))


def _started_marks(data: AnnualReportData) -> set[str]:
    """The small-count marks the activity table prints ("<" and/or "..")."""
    catalogue = data.catalogue
    if catalogue is None:
        return set()
    marks: set[str] = set()
    for summary in (catalogue.key_figures, *(e.participants for e in catalogue.entries)):
        started = figures(summary, catalogue.threshold, catalogue.age_bands).started
        if isinstance(started, str):
            marks.add("<" if started.startswith("<") else started)
    return marks


def _evaluations(data: AnnualReportData, outline: _Outline) -> list:
    sheet = st.sheet()
    finished = [e for e in data.evaluations
                if data.until is None or not e[2] or e[2] <= data.until.isoformat()]
    content: list = []
    for title, evaluator, finished_on, findings in finished:
        details = []
        if evaluator:
            details.append(_("evaluator: {name}").format(name=evaluator))
        if finished_on:
            details.append(_("finished {date}").format(date=finished_on))
        head = [Paragraph(f"<b>{markup(title)}</b>", sheet.body_tight)]
        if details:
            head.append(Paragraph(markup(" · ".join(details)), sheet.muted))
        body = paragraphs(findings, sheet.indented, tight_style=sheet.indented_tight) \
            if findings.strip() else []
        if not content:
            head.insert(0, _subheading(_("Evaluations finished")))
        content += [KeepTogether([*head, *body[:1]]), *body[1:]]
    return _section(data, outline, "evaluation", content)


# ---------------------------------------------------------------- money


def _sound_management(data: AnnualReportData, outline: _Outline) -> list:
    return _section(data, outline, "sound_management", _key_figures(data))


def _actual_shares(report: FollowUpReport) -> tuple[int | None, int | None, int | None]:
    """The administration share of costs and the individual/structural split of activity
    costs, on the actuals."""
    costs = sum(r.actual_ore for r in report.areas if r.area is not None
                and not r.is_income)
    admin = sum(r.actual_ore for r in report.areas if r.area in ADMIN_AREAS)
    by_focus = {f: sum(r.actual_ore for r in report.lines
                       if r.area is Area.ACTIVITIES and r.focus is f)
                for f in (Focus.INDIVIDUAL, Focus.STRUCTURAL)}
    activities = sum(by_focus.values())
    return (share(admin, costs), share(by_focus[Focus.INDIVIDUAL], activities),
            share(by_focus[Focus.STRUCTURAL], activities))


def _key_figures(data: AnnualReportData) -> list:
    shown = data.figures
    actual = _actual_shares(data.follow_up)
    labels = (_("Board, administration and audit, share of total costs"),
              _("Individual-targeted activities, share of activity costs"),
              _("Structural activities, share of activity costs"))
    budgeted = (shown.admin_share_ppm, shown.individual_share_ppm, shown.structural_share_ppm)
    rows = [_Row(label, (_percent(b), _percent(a)), "line")
            for label, b, a in zip(labels, budgeted, actual, strict=True)]
    actual_caption = (_("Actual {months}").format(months=_months(data.follow_up))
                      if data.until else _("Actual {year}").format(year=data.year))
    header = [_("Key figure"), _("Budget {year}").format(year=data.year), actual_caption]
    story = [_subheading(_("Key figures")), *_grid(header, rows, st.FRAME_WIDTH)]
    equity = next((e for e in data.equity if e.year == data.year), None)
    if equity is not None and equity.closing_ore is not None:
        story.append(Spacer(1, 4))
        story.append(Paragraph(escape(_(
            "Equity at the end of {year} ({basis}): {amount}, {share} of the year's "
            "member contributions; the charter's threshold is {threshold}.").format(
            year=data.year, basis=_(BASIS_LABELS[equity.basis]),
            amount=format_money(equity.closing_ore),
            share=_percent(equity.closing_share_ppm),
            threshold=_percent(shown.threshold_ppm))), st.sheet().body))
    return [_kept(*story)]


def _financial(data: AnnualReportData, outline: _Outline) -> list:
    sheet = st.sheet()
    report = data.follow_up
    if data.until is None:
        result = _("The result for {year} in the operating statement is {actual} against "
                   "a budgeted {budget}.").format(
            year=data.year, actual=format_money(report.actual_result_ore),
            budget=format_money(report.budget_result_ore))
    else:
        result = _("The result for {months} is {actual} against {budget} budgeted for those "
                   "months; the forecast for the full year is {forecast} against a budgeted "
                   "{full}.").format(
            months=_months(report), actual=format_money(report.actual_result_ore),
            budget=format_money(report.income.budget_to_date_ore
                                - report.costs.budget_to_date_ore),
            forecast=format_money(report.forecast_result_ore),
            full=format_money(report.budget_result_ore))
    content: list = [Paragraph(escape(result), sheet.body), *_money_charts(data),
                     *_equity(data), *_warnings(data)]
    return _section(data, outline, "financial", content)


def _equity(data: AnnualReportData) -> list:
    """Equity year by year (the plan's table), in whole kronor: a forecast has öre."""
    years = tuple(dataclasses.replace(
        e, opening_ore=_kronor(e.opening_ore), result_ore=_kronor(e.result_ore),
        closing_ore=_kronor(e.closing_ore)) for e in data.equity)
    story = _equity_table(SimpleNamespace(equity=years, year=data.year))
    if story and years != data.equity:
        story.append(_note(_("Amounts are rounded to whole kronor.")))
    return story


def _kronor(ore: int | None) -> int | None:
    return None if ore is None else round(ore, -2)


def _warnings(data: AnnualReportData) -> list:
    warnings = data.figures.warnings
    if not warnings:
        return []
    sheet = st.sheet()
    rows = []
    for warning in warnings:
        caption = _("Warning") if warning.severe else _("Please note")
        rows.append([Paragraph(f"<b>{escape(caption)}:</b> {markup(warning.text)}",
                               sheet.notice)])
    return [Spacer(1, 6), _box(_("Warnings"), rows)]


def _box(title: str, rows: list[list]) -> KeepTogether:
    """A framed, shaded box with a bold title: warnings, problems the reader must see."""
    sheet = st.sheet()
    cells = [[Paragraph(escape(title), sheet.cell_bold)], *rows]
    made = table(cells, [st.FRAME_WIDTH],
                 [("BOX", (0, 0), (-1, -1), 0.8, st.INK),
                  ("BACKGROUND", (0, 0), (-1, -1), st.SHADE),
                  ("LEFTPADDING", (0, 0), (-1, -1), 6),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                  ("TOPPADDING", (0, 0), (-1, 0), 5),
                  ("BOTTOMPADDING", (0, -1), (-1, -1), 4)], splitByRow=1)
    return KeepTogether([made])


# ---------------------------------------------------------------- operating statement


def _operating_statement(data: AnnualReportData, outline: _Outline) -> list:
    """Driftredovisning: budget | actual | deviation per area and line; for the interim
    report on a landscape page with the months so far and the full-year forecast."""
    report = data.follow_up
    interim = data.until is not None
    rows_in = [*report.lines, *report.areas, report.income, report.costs]
    with_ore = _with_ore([v for r in rows_in for v in (r.budget_ore, r.budget_to_date_ore,
                                                       r.actual_ore, r.forecast_ore)])
    decimals = with_ore and not interim  # the budget for some months has öre: kronor

    def money(ore: int) -> str:
        return format_money(ore, decimals=decimals, unit=False)

    def cells(row: LineFollowUp) -> tuple[str, ...]:
        deviation = _signed(row.actual_deviation_ore, decimals)
        percent = _percent(share(row.actual_deviation_ore, row.budget_to_date_ore),
                           signed=True)
        if not interim:
            return money(row.budget_ore), money(row.actual_ore), deviation, percent
        return (money(row.budget_ore), money(row.budget_to_date_ore), money(row.actual_ore),
                deviation, money(row.forecast_ore), _signed(row.deviation_ore, decimals))

    rows = _follow_up_rows(report, cells)
    budget_to_date = report.income.budget_to_date_ore - report.costs.budget_to_date_ore
    result = report.actual_result_ore - budget_to_date
    if interim:
        result_cells = (money(report.budget_result_ore), money(budget_to_date),
                        money(report.actual_result_ore), _signed(result, decimals),
                        money(report.forecast_result_ore),
                        _signed(report.forecast_result_ore - report.budget_result_ore,
                                decimals))
        months = _months(report)
        header = [_("Amounts in SEK"), _("Budget full year"),
                  _("Budget {months}").format(months=months),
                  _("Actual {months}").format(months=months),
                  _("Deviation {months}").format(months=months), _("Forecast full year"),
                  _("Deviation full year")]
        notes = [_("Deviation: the actual against the budget for the same months, and the "
                   "forecast against the full year's budget, as the effect on the result "
                   "(positive: higher income or lower costs). The forecast is the actual to "
                   "date plus the budget for the months left, unless one was entered.")]
        if with_ore:
            notes.append(_("Amounts are rounded to whole kronor."))
        frame = st.LANDSCAPE_FRAME_WIDTH
    else:
        result_cells = (money(report.budget_result_ore), money(report.actual_result_ore),
                        _signed(result, decimals), "")
        header = [_("Amounts in SEK"), _("Budget {year}").format(year=data.year),
                  _("Actual {year}").format(year=data.year), _("Deviation SEK"),
                  _("Deviation %")]
        notes = [_("Deviation: the actual against the budget, as the effect on the result "
                   "(positive: higher income or lower costs).")]
        frame = st.FRAME_WIDTH
    rows.append(_Row(_("Result"), result_cells, "result"))
    title = _("Operating statement")
    story = [NextPageTemplate(LANDSCAPE if interim else PORTRAIT), *outline.part(title)]
    if interim:
        story.append(_note(_("Actuals through {months} {year}.").format(
            months=_months(report), year=data.year)))
    story += [*_grid(header, rows, frame), *(_note(n) for n in notes)]
    if interim:
        story.append(NextPageTemplate(PORTRAIT))
    return story


def _money_charts(data: AnnualReportData) -> list:
    """The budget charts (areas, cumulative costs) side by side. At the year's end the
    actual is the whole year's and the forecast equals it: the annual report draws budget
    against actual only."""
    own = {c.key for c in data.catalogue.charts} if data.catalogue else set()
    charts = [_year_end(c) if data.until is None else c for c in data.charts
              if c.key not in own and not c.is_empty()]
    if not charts:
        return []
    sheet = st.sheet()
    gap = 0.8 * st.cm
    width = (st.FRAME_WIDTH - gap) / 2
    cells = [[Paragraph(markup(c.title), sheet.label), draw_chart(c, width, _CHART_HEIGHT)]
             for c in charts]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    grid = table(rows, [width + gap, width], [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    return [Spacer(1, 4), KeepTogether([grid])]


def _year_end(chart: Chart) -> Chart:
    """The area chart of a closed year: budget and actual (the forecast bars left out)."""
    if chart.key != "areas" or len(chart.series) != 3:
        return chart
    budget, actual, _forecast = chart.series
    return dataclasses.replace(chart, series=(budget, dataclasses.replace(
        actual, label=_("Actual"))))


# ---------------------------------------------------------------- statements


def _subtracted(statement: Statement) -> set[str]:
    """Lines the template subtracts (costs): printed negative, as municipal statements do."""
    return {code[1:] for spec in TEMPLATES[statement] for code in spec.sum_of
            if code.startswith("-")}


def _statements(data: AnnualReportData, outline: _Outline) -> list:
    story: list = []
    for number, statement in enumerate(_STATEMENT_ORDER):
        rows_in = data.statements.get(statement.value, ())
        story += outline.part(_(STATEMENT_LABELS[statement]))
        if number == 0 and data.statement_problems:
            story += [_box(_("The statements do not agree"),
                           [[Paragraph(markup(p), st.sheet().notice)]
                            for p in data.statement_problems]), Spacer(1, 10)]
        story += _statement_table(data, statement, rows_in)
    return story


def _statement_table(data: AnnualReportData, statement: Statement, rows_in) -> list:
    shown = [r for r in rows_in if r.heading or r.this_year is not None
             or r.last_year is not None]
    if not any(not r.heading for r in shown):
        return [_note(_("No figures have been entered for this statement."))]
    negative = _subtracted(statement)
    decimals = _with_ore([v for r in shown for v in (r.this_year, r.last_year)
                          if v is not None])

    def amount(code: str, ore: int | None) -> str:
        if ore is None:
            return "–"
        return format_money(-ore if code in negative else ore, decimals=decimals, unit=False)

    rows = []
    for r in shown:
        if r.heading:
            rows.append(_Row(r.label, (), "group"))
            continue
        kind = "total" if r.is_sum else "line"
        rows.append(_Row(r.label, (r.note_ref, amount(r.code, r.this_year),
                                   amount(r.code, r.last_year)), kind,
                         1 if any(x.heading for x in shown) and not r.is_sum else 0))
    header = [_("Amounts in SEK"), _("Note no."), _("Actual {year}").format(year=data.year),
              _("Actual {year}").format(year=data.year - 1)]
    return _grid(header, rows, st.FRAME_WIDTH)


def _notes(data: AnnualReportData, outline: _Outline) -> list:
    """Note 1 (the accounting principles, a text section) and the notes written for the
    year, each under its own bookmarked heading; nothing when none is written."""
    sheet = st.sheet()
    notes = []
    principles = _text(data, "accounting_principles")
    if principles:
        notes.append((_("Note 1 {title}").format(title=_label(data, "accounting_principles")),
                      principles))
    for number, title, body in data.notes:
        text = paragraphs(body, sheet.body, tight_style=sheet.body_tight) if body.strip() \
            else []
        notes.append((_("Note {number} {title}").format(number=number, title=title), text))
    if not notes:
        return []
    story = outline.part(_("Notes"))
    for heading, body in notes:
        head = outline.heading(heading, 1)
        story += [CondPageBreak(_ROOM_FOR_HEADING),
                  _together(head, body[0]) if body else head, *body[1:]]
    return story


# ---------------------------------------------------------------- signatures


def _signatures(data: AnnualReportData, outline: _Outline) -> list:
    sheet = st.sheet()
    story = outline.part(_("Signatures"))
    story.append(Paragraph(escape(_("The board of {agency}").format(
        agency=clean(data.agency.name))), sheet.body))
    story.append(Spacer(1, 10))
    if data.signing_date is not None or data.signing_place:
        place_date = " ".join(x for x in (data.signing_place,
                                          format_date(data.signing_date)) if x)
        story.append(Paragraph(markup(place_date), sheet.body))
    else:
        story.append(_signature_cell("", _("Place and date"), "", ""))
    signers = list(data.signatories)
    if not signers:
        story.append(_note(_("The annual report is signed by the members of the board "
                             "(ledamöter) sitting on the day it is signed.")))
        signers = [("", "", "")] * _sitting_members(data)
    width = (st.FRAME_WIDTH - 1.0 * st.cm) / 2
    cells = [_signature_cell(name, function, member, "", width)
             for name, member, function in signers]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    if rows:
        grid = table(rows, [width + 1.0 * st.cm, width],
                     [("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                      ("TOPPADDING", (0, 0), (-1, -1), 0),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 0)], splitByRow=1)
        story += [Spacer(1, 6), grid]
    return story


def _signature_cell(name: str, first: str, second: str, third: str = "",
                    width: float = 8.0 * st.cm):
    """Room to sign, a line, and below it the name (bold) and the details."""
    sheet = st.sheet()
    lines = [Paragraph(f"<b>{markup(name)}</b>", sheet.body_tight)] if name else []
    lines += [Paragraph(markup(x), sheet.muted if lines else sheet.small)
              for x in (first, second, third) if x]
    made = table([[""], *[[p] for p in lines]], [width],
                 [("LINEBELOW", (0, 0), (0, 0), 0.6, st.INK),
                  ("TOPPADDING", (0, 0), (0, 0), 1.3 * st.cm),
                  ("TOPPADDING", (0, 1), (0, -1), 1),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                  ("BOTTOMPADDING", (0, -1), (0, -1), 10)])
    return made


def _sitting_members(data: AnnualReportData) -> int:
    """Ledamöter on the board at the end of the year: blank signature lines when the
    report is not signed yet (who signs is known on the signing day)."""
    member = _(ROLE_LABELS[SeatRole.MEMBER])
    end = f"{data.year}-12-31"
    return sum(1 for line in data.board
               if line.role == member and (not line.period or line.period.endswith(end)))


# ---------------------------------------------------------------- appendices


def _with_participants(data: AnnualReportData) -> list:
    """The activities with participants in the period, in the catalogue's order."""
    if data.catalogue is None:
        return []
    return [e for e in catalogue_pdf._in_order(data.catalogue.entries)
            if e.participants.started or e.participants.finished]


def _appendix_numbers(data: AnnualReportData) -> tuple[int | None, int | None]:
    """The numbers of the goal appendix and the participant appendix (None: not printed)."""
    goals = 1 if data.goals else None
    participants = (2 if goals else 1) if _with_participants(data) else None
    return goals, participants


def _appendices(data: AnnualReportData, outline: _Outline) -> list:
    goals_number, participants_number = _appendix_numbers(data)
    if goals_number is None and participants_number is None:
        return []
    story = outline.part(_("Appendices"))
    if goals_number is not None:
        story += [outline.heading(_("Appendix {number}: Goal fulfilment").format(
            number=goals_number), 1), *_goal_appendix(data)]
    if participants_number is not None:
        title = _("Appendix {number}: Participants per activity").format(
            number=participants_number)
        story += [PageBreak(), outline.heading(title, 1), *_participant_appendix(data, outline)]
    return story


def _goal_appendix(data: AnnualReportData) -> list:
    """Every goal with its indicators: the activity catalogue's table."""
    no_heading = SimpleNamespace(heading=lambda _title: [])
    holder = SimpleNamespace(goals=data.goals, year=data.year)
    return catalogue_pdf._goals(holder, no_heading)


def _participant_summary(data: AnnualReportData, entries) -> KeepTogether:
    """One line per activity: started by gender and in all, finished, the share in work or
    studies after, each as its own tables in this appendix print it. No total line: the
    agency's figures beside its activities' would let a suppressed count be worked out."""
    catalogue = data.catalogue
    assert catalogue is not None
    threshold = catalogue.threshold
    lines = [(e.name, figures(e.participants, threshold, catalogue.age_bands))
             for e in entries]
    genders = [code for code in GENDERS if any(code in f.by_gender.cells for _n, f in lines)]
    header = [_("Activity"), *(_(GENDERS[code]) for code in genders), _("Started"),
              _("Finished"), _("In work or studies after")]
    rows = []
    for name, f in lines:
        work = "" if f.share_ppm is None and not f.share_withheld else (
            "*" if f.share_withheld else _percent(f.share_ppm))
        rows.append([name, *(catalogue_pdf._shown(f.by_gender.cells.get(code, 0))
                             for code in genders),
                     catalogue_pdf._shown(f.started), catalogue_pdf._shown(f.finished), work])
    count, last = 1.95 * st.cm, 2.3 * st.cm
    widths = [st.FRAME_WIDTH - count * (len(header) - 2) - last,
              *[count] * (len(header) - 2), last]
    marks = set().union(*(f.by_gender.marks for _n, f in lines))
    marks |= {m for _n, f in lines for m in (f.started, f.finished) if m == HIDDEN}
    notes = catalogue_pdf._marks_notes(marks, threshold)
    if any(f.share_withheld for _n, f in lines):
        notes.append(_("*: not shown, it rests on counts below {n}.").format(n=threshold))
    made = _text_table(header, rows, widths, right=tuple(range(1, len(header))),
                       user_columns=(0,))
    return _kept(_subheading(_("All activities")), made, *(_note(n) for n in notes))


def _participant_appendix(data: AnnualReportData, outline: _Outline) -> list:
    catalogue = data.catalogue
    assert catalogue is not None
    story: list = []
    entries = _with_participants(data)
    scope = (_("Participants registered so far in {year}.") if data.until
             else _("Participants in {year}.")).format(year=data.year)
    story += [_note(scope), _participant_summary(data, entries)]
    for entry in entries:
        mine = figures(entry.participants, catalogue.threshold, catalogue.age_bands)
        if not mine.blocks:
            continue
        tables = [catalogue_pdf._block_table(block) for block in mine.blocks]
        notes = [_("Started: {started}. Finished: {finished}.").format(
            started=catalogue_pdf._shown(mine.started),
            finished=catalogue_pdf._shown(mine.finished))]
        notes += catalogue_pdf._marks_notes(mine.marks, catalogue.threshold)
        tables[0] = [outline.heading(entry.name, 2), _note(notes[0]), *tables[0]]
        tables[-1] = [*tables[-1], *(_note(n) for n in notes[1:])]
        story += [CondPageBreak(_ROOM_FOR_HEADING), *(_kept(*t) for t in tables)]
    story.append(_note(_("Categories without participants are left out.")))
    return story

