"""Insatskatalog: the year's activities with their figures, for the board and the members.

Order:

1. a title page: the agency, "Insatskatalog 2026", the organisation number, the date printed;
2. key figures of the year: activities (individual-targeted, structural), participants
   started (by gender) and finished, the share in work or studies afterwards, the cost per
   participant with its definition printed beneath; the charts (participants per year,
   occupation before and after) drawn as vectors (`reports.charts`);
3. the activities at a glance, individual-targeted first: section number, lead, status,
   participants started, budget and actual for the year;
4. goal fulfilment: each goal with its indicators (baseline, target, latest, fulfilment);
5. one section per activity, each on a new page: a facts table (direction, status,
   precise direction, ESF, lead, parties, period, decision §, granted amount, budget and
   actual for the year, participants), the target group, goals and description as typed,
   the participant tables (only the measures that have data), the evaluations.

**Small counts** (DOMAIN.md 8.7). The catalogue is a public document. Every participant
count from 1 to threshold − 1 is printed as "<5"; totals stay, and where a total would let
a reader subtract a suppressed count out, another count (or the total) is printed as ".."
instead; shares and the cost per participant are printed only when the counts they rest on
are; charts draw no bar for a small count. The rule in full, and what it does not cover,
is in `reports.small_counts`, which the workbook (`reports.activities_xlsx`) shares.

Tables repeat their header row on every page and never end a page on a caption row (the
budget report's table, `budget_pdf._grid`); headings are kept with what follows. Every
user value goes through `reports.text`; fixed text through `_()`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from finsam_desktop.domain.activities import GENDERS
from finsam_desktop.domain.budget import FOCUS_LABELS, Focus
from finsam_desktop.domain.charts import Chart, Unit
from finsam_desktop.formatting import format_date, format_money, format_number
from finsam_desktop.i18n import N_, _
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.budget_pdf import (
    _ROOM_FOR_HEADING,
    _grid,
    _kept,
    _note,
    _Numbering,
    _percent,
    _Row,
    _subheading,
    _Table,
    _with_ore,
)
from finsam_desktop.reports.charts import draw_chart
from finsam_desktop.reports.data import ActivityCatalogue, CatalogueEntry
from finsam_desktop.reports.layout import Letterhead, Metadata, build_pdf
from finsam_desktop.reports.small_counts import HIDDEN, Figures, Shown, chart_values, figures
from finsam_desktop.reports.tables import BASE, table
from finsam_desktop.reports.text import clean, markup, paragraphs

_COUNT = 2.6 * st.cm  # a count column of the participant tables
_FACT_LABEL = 5.4 * st.cm
_CHUNK_ROWS = 150
_FOCUS_TITLES = {Focus.INDIVIDUAL: N_("Individual-targeted activities"),
                 Focus.STRUCTURAL: N_("Structural activities")}


def render_catalogue(data: ActivityCatalogue, out: Path, *,
                     printed_on: dt.date | None = None) -> Path:
    """Write the activity catalogue of `data.year` as PDF to `out`."""
    printed_on = printed_on or dt.date.today()
    numbers = _Numbering()
    entries = _in_order(data.entries)
    agency = figures(data.key_figures, data.threshold, data.age_bands)
    story = [*_title_page(data, printed_on), *_key_figures(data, agency, numbers)]
    first = numbers.last + 3  # after the overview and goal fulfilment
    story += [*_overview(data, entries, agency, numbers, first), *_goals(data, numbers)]
    for entry in entries:
        story += [PageBreak(), *_activity(data, entry, numbers)]
    head = Letterhead(agency=data.agency.name, document=_("ACTIVITY CATALOGUE"), body="",
                      date_caption=_("Year"), date=str(data.year),
                      footnote=_("Printed {date}").format(date=format_date(printed_on)))
    meta = Metadata(title=data.title, author=data.agency.name,
                    subject=_("Activities, participants, goal fulfilment and evaluations "
                              "{year}").format(year=data.year))
    return build_pdf(out, story, head, meta)


def _focus_rank(entry: CatalogueEntry) -> int:
    order = [_(FOCUS_LABELS[f]) for f in (Focus.INDIVIDUAL, Focus.STRUCTURAL)]
    return order.index(entry.focus) if entry.focus in order else len(order)


def _in_order(entries) -> list[CatalogueEntry]:
    """Individual-targeted activities first, then structural, each as given."""
    return sorted(entries, key=_focus_rank)


def _shown(value: Shown) -> str:
    """A printed count: the number grouped the local way, or the mark as it is."""
    return format_number(value) if isinstance(value, int) else value


def _money(ore: int | None) -> str:
    return "–" if ore is None else format_money(ore)


# ---------------------------------------------------------------- title page


def _title_page(data: ActivityCatalogue, printed_on: dt.date) -> list:
    sheet = st.sheet()
    lines = [Spacer(1, 4.5 * st.cm),
             Paragraph(markup(data.agency.name), sheet.cover_line),
             Spacer(1, 0.4 * st.cm),
             Paragraph(markup(data.title), sheet.cover_title)]
    details = []
    if data.agency.org_number:
        details.append(_("Org. no. {number}").format(number=data.agency.org_number))
    details.append(_("Printed {date}").format(date=format_date(printed_on)))
    lines += [Paragraph(markup(d), sheet.cover_line) for d in details]
    return [*lines, PageBreak()]


# ---------------------------------------------------------------- key figures and charts


def _withheld(threshold: int) -> str:
    return _("not shown (rests on counts below {n})").format(n=threshold)


def _share(f: Figures, threshold: int) -> str:
    if f.share_withheld:
        return _withheld(threshold)
    return _percent(f.share_ppm)


def _key_figures(data: ActivityCatalogue, agency: Figures, numbers: _Numbering) -> list:
    year = data.year
    gender = agency.by_gender
    rows = [_Row(_("Activities running in {year}").format(year=year),
                 (format_number(data.activities_total),), "line"),
            _Row(_("of which individual-targeted"), (format_number(data.individual),),
                 "line", 1),
            _Row(_("of which structural"), (format_number(data.structural),), "line", 1),
            _Row(_("Participants who started an activity"), (_shown(agency.started),),
                 "line")]
    for code, label in GENDERS.items():
        if code in gender.cells:
            rows.append(_Row(_("of whom {group}").format(group=_(label).lower()),
                             (_shown(gender.cells[code]),), "line", 1))
    rows.append(_Row(_("Participants who finished an activity"), (_shown(agency.finished),),
                     "line"))
    if agency.share_ppm is not None or agency.share_withheld:
        rows.append(_Row(_("Share in work or studies after the activity"),
                         (_share(agency, data.threshold),), "line"))
    cost = data.cost
    per = cost.per_participant_ore
    small = 0 < cost.participants < data.threshold
    whole = None if per is None else (per + 50) // 100 * 100  # to the krona
    rows.append(_Row(_("Cost per participant, individual-targeted activities"),
                     (_withheld(data.threshold) if small else _money(whole),), "line"))
    notes = [_("Cost per participant: {definition}").format(definition=cost.definition)]
    if per is not None and not small:
        notes.append(_("For {year}: {cost} divided by {count} participants.").format(
            year=year, cost=format_money(cost.cost_ore), count=format_number(cost.participants)))
    notes += _marks_notes(agency.marks, data.threshold)
    story = [_kept(numbers.number(_("Key figures {year}").format(year=year)),
                   _key_table(rows, str(year), 7.0 * st.cm), *(_note(n) for n in notes))]
    return [*story, *_charts(data)]


def _key_table(rows: list[_Row], caption: str, value_width: float) -> Table:
    """The key figures: a label and a right-aligned value that may wrap."""
    sheet = st.sheet()
    cells = [[Paragraph(escape(_("Key figure")), sheet.register_head),
              Paragraph(escape(caption), sheet.register_head_right)]]
    style: list = [("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                   ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                   ("LEFTPADDING", (0, 0), (-1, -1), 3),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                   ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    for i, row in enumerate(rows, start=1):
        cells.append([Paragraph(escape(row.label), sheet.cell),
                      Paragraph(escape(row.cells[0]), sheet.cell_right)])
        style.append(("LEFTPADDING", (0, i), (0, i), 3 + 11 * row.level))
        if row.level == 0 and i > 1:
            style.append(("LINEABOVE", (0, i), (-1, i), 0.3, st.RULE))
    made = Table(cells, colWidths=[st.FRAME_WIDTH - value_width, value_width], hAlign="LEFT",
                 repeatRows=1)
    made.setStyle(TableStyle([*BASE, *style]))
    return made


def _marks_notes(marks: set[str], threshold: int) -> list[str]:
    notes = []
    if "<" in marks:
        notes.append(_("<{n}: fewer than {n} participants (1–{most}); the exact number is not "
                       "printed.").format(n=threshold, most=threshold - 1))
    if HIDDEN in marks:
        notes.append(_("..: not printed, so that a number below {n} cannot be worked out "
                       "from the total.").format(n=threshold))
    return notes


def _charts(data: ActivityCatalogue) -> list:
    charts = [_suppressed(c, data.threshold) for c in data.charts]
    charts = [(c, cut) for c, cut in charts if not c.is_empty()]
    if not charts:
        return []
    sheet = st.sheet()
    gap = 0.8 * st.cm
    width = (st.FRAME_WIDTH - gap) / 2
    height = 6.0 * st.cm
    cells = [[Paragraph(markup(chart.title), sheet.label), draw_chart(chart, width, height)]
             for chart, _cut in charts]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    grid = table(rows, [width + gap, width], [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    story = [Spacer(1, 8), grid]
    if any(cut for _c, cut in charts):
        story.append(_note(_("Counts below {n} are not drawn.").format(n=data.threshold)))
    return [KeepTogether(story)]


def _suppressed(chart: Chart, threshold: int) -> tuple[Chart, bool]:
    """The chart with no bar for a small count (rule 5), and whether any was left out."""
    if chart.unit is not Unit.COUNT:
        return chart, False
    series = tuple(dataclasses.replace(s, values=chart_values(s.values, threshold))
                   for s in chart.series)
    cut = any(a != b for s, t in zip(chart.series, series, strict=True)
              for a, b in zip(s.values, t.values, strict=True))
    return dataclasses.replace(chart, series=series), cut


# ---------------------------------------------------------------- overview


def _overview(data: ActivityCatalogue, entries: list[CatalogueEntry], agency: Figures,
              numbers: _Numbering, first: int) -> list:
    """The activities at a glance; `first` is the section number of the first one."""
    sheet = st.sheet()
    year = data.year
    decimals = _with_ore([v for e in entries for v in (e.budget_ore, e.actual_ore)])
    header = [_("No."), _("Activity"), _("Started"), _("Budget {year}").format(year=year),
              _("Actual {year}").format(year=year)]
    cells = [[Paragraph(escape(header[0]), sheet.register_head),
              Paragraph(escape(header[1]), sheet.register_head),
              *(Paragraph(escape(h), sheet.register_head_right) for h in header[2:])]]
    captions = [False]
    style: list = [("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                   ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                   ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                   ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                   ("LEFTPADDING", (0, 0), (-1, -1), 3),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                   ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    focus = None
    for number, entry in enumerate(entries, start=first):
        if entry.focus != focus:
            focus = entry.focus
            rank = _focus_rank(entry)
            title = _(_FOCUS_TITLES[(Focus.INDIVIDUAL, Focus.STRUCTURAL)[rank]]) \
                if rank < 2 else focus
            row = len(cells)
            cells.append(["", Paragraph(f"<i>{markup(title)}</i>", sheet.cell_bold), "", "",
                          ""])
            captions.append(True)
            if row > 1:
                style.append(("TOPPADDING", (0, row), (-1, row), 8))
        mine = figures(entry.participants, data.threshold, data.age_bands)
        detail = " · ".join(markup(x) for x in (entry.lead, entry.status) if x)
        name = f"<b>{markup(entry.name)}</b>"
        if detail:
            name += f"<br/><font color='#555555'>{detail}</font>"
        cells.append([str(number), Paragraph(name, sheet.cell), _shown(mine.started),
                      format_money(entry.budget_ore, decimals=decimals, unit=False),
                      format_money(entry.actual_ore, decimals=decimals, unit=False)])
        captions.append(False)
    total = len(cells)
    cells.append(["", Paragraph(escape(_("Total")), sheet.cell_bold), _shown(agency.started),
                  format_money(sum(e.budget_ore for e in entries), decimals=decimals,
                               unit=False),
                  format_money(sum(e.actual_ore for e in entries), decimals=decimals,
                               unit=False)])
    captions.append(False)
    style += [("FONTNAME", (2, total), (-1, total), st.BOLD),
              ("LINEABOVE", (2, total), (-1, total), 0.5, st.RULE)]
    money = 2.9 * st.cm
    widths = [1.0 * st.cm, 0.0, 2.0 * st.cm, money, money]
    widths[1] = st.FRAME_WIDTH - sum(widths)
    made = _Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1, splitByRow=1)
    made.setStyle(TableStyle([*BASE, *style]))
    made.captions = tuple(captions)
    notes = [_("Amounts in SEK. The number is the activity's section in this catalogue.")]
    return [_kept(numbers.number(_("Activities {year}").format(year=year)), made,
                  *(_note(n) for n in notes))]


# ---------------------------------------------------------------- goal fulfilment


def _goals(data: ActivityCatalogue, numbers: _Numbering) -> list:
    heading = numbers.heading(_("Goal fulfilment"))
    if not data.goals:
        return [*heading, _note(_("No goals or indicators are registered."))]
    rows = []
    for goal, fulfilment, indicators in data.goals:
        rows.append(_Row(goal, ("", "", "", fulfilment), "group", 0, True))
        if not indicators:
            rows.append(_Row(_("No indicator measures this goal."), ("", "", "", ""),
                             "line", 1))
        rows += [_Row(name, (baseline, target, latest, result), "line", 1, True)
                 for name, baseline, target, latest, result in indicators]
    header = [_("Goal and indicator"), _("Baseline"), _("Target"), _("Latest"),
              _("Fulfilment")]
    note = _("Latest: the indicator's most recent value up to {year}.").format(year=data.year)
    return [*heading, *_grid(header, rows, st.FRAME_WIDTH, text_column=3.6 * st.cm),
            _note(note)]


# ---------------------------------------------------------------- one activity


def _period(entry: CatalogueEntry) -> str:
    start, end = entry.start_on, entry.end_on
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return _("from {date}").format(date=format_date(start))
    if end:
        return _("until {date}").format(date=format_date(end))
    return "–"


def _activity(data: ActivityCatalogue, entry: CatalogueEntry, numbers: _Numbering) -> list:
    sheet = st.sheet()
    year = data.year
    mine = figures(entry.participants, data.threshold, data.age_bands)
    facts = [(_("Direction"), entry.focus), (_("Status"), entry.status)]
    if entry.precise_direction:
        facts.append((_("Precise direction"), entry.precise_direction))
    facts += [(_("ESF-financed"), _("Yes") if entry.esf else _("No")),
              (_("Lead organisation"), entry.lead or "–"),
              (_("Participating members"), ", ".join(entry.parties) or "–"),
              (_("Period"), _period(entry)),
              (_("Decision"), entry.decision or "–"),
              (_("Granted amount"), _money(entry.granted_amount_ore)),
              (_("Budget {year}").format(year=year), format_money(entry.budget_ore)),
              (_("Actual {year}").format(year=year), format_money(entry.actual_ore))]
    if entry.participants.started or entry.participants.finished:
        facts += [(_("Participants started {year}").format(year=year), _shown(mine.started)),
                  (_("Participants finished {year}").format(year=year),
                   _shown(mine.finished))]
        if mine.share_ppm is not None or mine.share_withheld:
            facts.append((_("Share in work or studies after the activity"),
                          _share(mine, data.threshold)))
    story = [numbers.number(entry.name), _facts_table(facts)]
    for title, text in ((_("Target group"), entry.target_group), (_("Goals"), entry.goals),
                        (_("Description"), entry.description)):
        body = paragraphs(text, sheet.body, tight_style=sheet.body_tight) if text else []
        if body:
            story += [CondPageBreak(3 * st.cm), _subheading(title), *body]
    story += _participants(data, mine)
    story += _evaluations(entry)
    return story


def _facts_table(facts: list[tuple[str, str]]) -> Table:
    sheet = st.sheet()
    rows = [[Paragraph(escape(label), sheet.cell_bold), Paragraph(markup(value), sheet.cell)]
            for label, value in facts]
    return table(rows, [_FACT_LABEL, st.FRAME_WIDTH - _FACT_LABEL],
                 [("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE),
                  ("LINEABOVE", (0, 0), (-1, 0), 0.9, st.INK),
                  ("LEFTPADDING", (0, 0), (-1, -1), 3),
                  ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)], splitByRow=1)


def _participants(data: ActivityCatalogue, mine: Figures) -> list:
    heading = _subheading(_("Participants {year}").format(year=data.year))
    if not mine.blocks:
        return [_kept(heading, Paragraph(escape(_("No participant figures for {year}.").format(
            year=data.year)), st.sheet().body))]
    tables = [_block_table(block) for block in mine.blocks]
    notes = [_("Categories without participants are left out."),
             *_marks_notes(mine.marks, data.threshold)]
    # each table whole, the heading with the first, the notes with the last
    tables[0] = [heading, *tables[0]]
    tables[-1] = [*tables[-1], *(_note(n) for n in notes)]
    return [CondPageBreak(_ROOM_FOR_HEADING), *(_kept(*t) for t in tables)]


def _block_table(block) -> list:
    """One measure (or a before/after pair): title and captions, categories, total."""
    sheet = st.sheet()
    captions = list(block.columns) + [""] * (2 - len(block.columns))
    cells = [[Paragraph(escape(block.title), sheet.register_head),
              *(Paragraph(escape(c), sheet.register_head_right) for c in captions)]]
    # the categories are short labels of the statistics (gender, age band, occupation): plain
    # cell strings, drawn as they are without markup parsing, are many times cheaper than
    # paragraphs in an appendix of hundreds of these tables
    for label, values in block.rows:
        shown = [_shown(v) for v in values] + [""] * (2 - len(values))
        cells.append([clean(label), *shown])
    totals = [_shown(v) for v in block.totals] + [""] * (2 - len(block.totals))
    cells.append([_("Total"), *totals])
    last = len(cells) - 1
    made = table(cells, [st.FRAME_WIDTH - 2 * _COUNT, _COUNT, _COUNT],
                 [("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                  ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                  ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
                  ("LEFTPADDING", (0, 0), (-1, -1), 3),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                  ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                  ("FONTNAME", (0, last), (-1, last), st.BOLD),
                  ("LEADING", (0, 1), (-1, -1), 12),
                  ("LINEABOVE", (1, last), (len(block.columns), last), 0.5, st.RULE)])
    return [made, Spacer(1, 6)]


def _evaluations(entry: CatalogueEntry) -> list:
    if not entry.evaluations:
        return []
    sheet = st.sheet()
    story: list = [CondPageBreak(_ROOM_FOR_HEADING), _subheading(_("Evaluations"))]
    for kind, title, evaluator, finished, findings in entry.evaluations:
        details = [kind]
        if evaluator:
            details.append(_("evaluator: {name}").format(name=evaluator))
        details.append(_("finished {date}").format(date=finished) if finished
                       else _("not finished"))
        head = [Paragraph(f"<b>{markup(title)}</b>", sheet.body_tight),
                Paragraph(markup(" · ".join(details)), sheet.muted)]
        body = paragraphs(findings, sheet.indented, tight_style=sheet.indented_tight) \
            if findings else []
        story += [KeepTogether([*head, *body[:1]]), *body[1:]]
    return story
