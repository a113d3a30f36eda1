"""Beslutsförteckning: every decision of a year in one table, A4 landscape, for the board.

One row per decision: § | meeting (date; "not signed" while the minutes are open) | matter
(title, Dnr below, "referred back" when it was) | the decision, in full | category |
responsible (with the due date) | follow-up status (with "overdue" and where it was reported
back) | the date the decision gained legal force (laga kraft).

The table is built as several tables of `TABLE_CHUNK_ROWS` rows (one long Table splits
super-linearly), each repeating the column header on every page it covers. A decision
longer than a page is split inside its row. User text goes through `reports.text`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from finsam_desktop.domain.decisions import CATEGORIES, STATUS_LABELS, DecisionRow
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.data import AgencyInfo
from finsam_desktop.reports.layout import Letterhead, Metadata, build_pdf
from finsam_desktop.reports.tables import table
from finsam_desktop.reports.text import markup, paragraphs

# column widths in cm; the decision text takes what is left of the landscape frame
_WIDTHS = {"number": 1.2, "meeting": 2.5, "matter": 4.1, "category": 3.0,
           "responsible": 2.95, "status": 2.8, "final": 2.15}
_MIN_SPLIT = 36  # a row longer than a page is split, but never leaving less than 3 lines


def render_decision_register(rows: list[DecisionRow], out: Path, *, agency: AgencyInfo,
                             year: int, printed_on: dt.date | None = None) -> Path:
    """Write the decision register of `year` as PDF to `out`; `printed_on` adds a
    "Printed {date}" line at the foot of every page (the status is as of that day)."""
    sheet = st.sheet()
    title = _("Decision register {year}").format(year=year)
    story = [Paragraph(escape(title), sheet.title)]
    if rows:
        overdue = sum(1 for row in rows if row.overdue)
        story.append(Paragraph(escape(_("Decisions: {count}. Overdue: {overdue}.").format(
            count=len(rows), overdue=overdue)), sheet.muted))
        story += register_tables(rows)
    else:
        story.append(Paragraph(escape(_("No decisions recorded in {year}.").format(year=year)),
                               sheet.body))
    note = _("Printed {date}").format(date=format_date(printed_on)) if printed_on else ""
    head = Letterhead(agency=agency.name, document=_("DECISION REGISTER"), body=_("The board"),
                      date_caption=_("Year"), date=str(year), footnote=note)
    meta = Metadata(title=title, author=agency.name, subject=_("Decision register"))
    return build_pdf(out, story, head, meta, landscape=True)


def column_widths() -> list[float]:
    """Widths of the eight columns; the decision column gets the rest of the frame."""
    w = {k: v * st.cm for k, v in _WIDTHS.items()}
    decision = st.LANDSCAPE_FRAME_WIDTH - sum(w.values())
    return [w["number"], w["meeting"], w["matter"], decision, w["category"],
            w["responsible"], w["status"], w["final"]]


def _header() -> list:
    bold = st.sheet().register_head
    captions = ("§", _("Meeting"), _("Matter"), _("Decision"), _("Category"),
                _("Responsible"), _("Status"), _("Legal force"))
    return [Paragraph(escape(c), bold) for c in captions]


def register_tables(rows: list[DecisionRow]) -> list:
    """The rows as tables of at most `TABLE_CHUNK_ROWS` rows, each with the repeating
    header. Chunks end where a meeting ends when they can, so a header that a chunk repeats
    in the middle of a page introduces a new meeting; a thicker rule separates meetings.
    A decision too long for a page gets a table of its own that may split inside the row."""
    out = []
    for chunk, tall in _chunks(rows):
        cells = [_header(), *(_row(row) for row in chunk)]
        style = [*_STYLE, *(("LINEABOVE", (0, i), (-1, i), 0.9, st.INK)
                            for i in range(2, len(cells))
                            if chunk[i - 1].meeting_id != chunk[i - 2].meeting_id)]
        out.append(table(cells, column_widths(), style, repeatRows=1, splitByRow=1,
                         splitInRow=_MIN_SPLIT if tall else 0))
    return out


_STYLE = [("FONTSIZE", (0, 1), (-1, -1), st.REGISTER_SIZE),
          ("LEADING", (0, 1), (-1, -1), 11.5),
          ("FONTNAME", (0, 1), (0, -1), st.BOLD),
          ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
          ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.INK),
          ("LINEBELOW", (0, 1), (-1, -1), 0.3, st.RULE),
          ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
          ("LEFTPADDING", (0, 0), (-1, -1), 2),
          ("RIGHTPADDING", (0, 0), (-1, -1), 4),
          ("TOPPADDING", (0, 0), (-1, -1), 3),
          ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]


def _chunks(rows: list[DecisionRow]):
    """(rows, tall) pieces: whole meetings up to TABLE_CHUNK_ROWS rows (a bigger meeting is
    cut), and each decision that may not fit on a page alone, flagged tall."""
    limit = st.TABLE_CHUNK_ROWS
    current: list[DecisionRow] = []
    meeting: list[DecisionRow] = []

    def close_meeting():
        nonlocal current, meeting
        if current and len(current) + len(meeting) > limit:
            yield current, False
            current = []
        current += meeting
        meeting = []
        while len(current) > limit:
            yield current[:limit], False
            current = current[limit:]

    for row in rows:
        if meeting and row.meeting_id != meeting[-1].meeting_id:
            yield from close_meeting()
        if _may_be_taller_than_a_page(row):
            yield from close_meeting()
            if current:
                yield current, False
                current = []
            yield [row], True
            continue
        meeting.append(row)
    yield from close_meeting()
    if current:
        yield current, False


def _may_be_taller_than_a_page(row: DecisionRow) -> bool:
    """A generous estimate: more lines in some column than 60 % of a page holds."""
    columns = ((row.decision, 30), (row.title, 18), (row.dnr, 18), (row.category, 12),
               (row.responsible, 12), (row.reported_in, 12))  # text, characters per line
    lines = max(sum(len(line) // per_line + 1 for line in text.split("\n")) + 3
                for text, per_line in columns)
    page_lines = (st.PAGE_WIDTH - st.MARGIN_TOP - st.MARGIN_BOTTOM_LANDSCAPE) / 11.5
    return lines > 0.6 * page_lines


def _row(row: DecisionRow) -> list:
    """One decision's cells: plain strings where nothing can wrap, one Paragraph per cell
    otherwise (notes as small lines of the same Paragraph: fewer flowables to lay out)."""
    meeting = format_date(row.meeting_date)
    if not row.sealed:
        meeting = _cell(meeting, _note(_("Minutes not signed")))

    matter = [markup(row.title)]
    if row.dnr:
        matter.append(_note(escape(_("Ref. no. {dnr}")).format(dnr=markup(row.dnr)),
                            escaped=True))
    if row.outcome == "referred_back":
        matter.append(_note(_("Referred back"), bold=True))

    responsible = [markup(row.responsible)]
    if row.due_on:
        due = _("Due {date}").format(date=format_date(row.due_on))
        responsible.append(_note(escape(due).replace(" ", "&nbsp;"), escaped=True))

    status = [escape(status_label(row))]
    if row.overdue:
        status.append(_note(_("Overdue"), bold=True))
    if row.reported_in:
        status.append(_note(escape(_("Reported back in {reference}")).format(
            reference=markup(row.reported_in)), escaped=True))

    category = _(row.category) if row.category in CATEGORIES else row.category
    decision = _decision(row.decision)
    return [f"§\u00a0{row.number}", meeting, _cell(*matter), decision,
            _cell(markup(category)), _cell(*responsible), _cell(*status),
            format_date(row.final_from) or "–"]


def _decision(text: str):
    """The decision text as typed, in blocks a little apart where it had blank lines."""
    sheet = st.sheet()
    return paragraphs(text, sheet.register_block, tight_style=sheet.register_cell) or ""


def _cell(*lines: str) -> Paragraph:
    """A cell of markup lines (the first the value, the others notes)."""
    return Paragraph("<br/>".join(line for line in lines if line), st.sheet().register_cell)


def _note(text: str, *, bold: bool = False, escaped: bool = False) -> str:
    """A small line below a cell's value: muted, or bold (overdue, referred back)."""
    body = text if escaped else escape(text)
    size = st.REGISTER_SIZE - 1
    if bold:
        return f'<font name="{st.BOLD}" size="{size}">{body}</font>'
    return f'<font size="{size}" color="{_MUTED_HEX}">{body}</font>'


_MUTED_HEX = st.MUTED.hexval().replace("0x", "#")


def status_label(row: DecisionRow) -> str:
    """The follow-up status in the current language (the code if unknown)."""
    label = STATUS_LABELS.get(row.status)
    return _(label) if label else str(row.status)
