"""The minutes for web publication as accessible HTML, written beside the web PDF.

ReportLab cannot tag a PDF, so screen-reader users get the same protocol as an HTML file
built from the same `MinutesReport` the PDF uses, with the same wording (the same `_()`
strings as `minutes_pdf` and `sections`), in the PDF's order:

- `<html lang="sv">` (or "en"), a `<title>` and author/description meta matching the PDF;
- one `<h1>` (the document's title), an `<h2>` for the attendance, for the notice
  (ANSLAG/BEVIS) and for every §, and `<h3>` for the parts of a § (background, decision …);
- tables with header cells: `<th scope="row">` for the labels of the attendance and notice
  tables, `<th scope="col">` / `<th scope="row">` in roll-call votes;
- every user value escaped with `html.escape` after the same cleaning as the PDF
  (`text.clean`: control characters removed), so whatever was typed appears verbatim and
  nothing typed can add markup; blank lines make paragraphs, line breaks `<br>`;
- no scripts, no external resources (a Content-Security-Policy allowing only the inline
  style says so to the browser), no signatures (like the web PDF).

No ReportLab here: the module only builds a string.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _, current_language
from finsam_desktop.reports import labels
from finsam_desktop.reports.data import (
    AttendeeLine,
    MinutesReport,
    MotionLine,
    ParagraphBlock,
    PostingInfo,
    StatementLine,
    VoteBlock,
)
from finsam_desktop.reports.text import clean

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_STYLE = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; line-height: 1.45;
       max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; color: #1a1a1a; }
header { border-bottom: 1px solid #888; margin-bottom: 1rem; }
header p { margin: 0.2rem 0; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.6rem 0.25rem 0;
         border-bottom: 1px solid #ddd; }
ul { margin: 0; padding-left: 1.1rem; }
.muted, .ref { color: #555; }
.small, footer { font-size: 0.9rem; }
.indented { margin-left: 1.5rem; }
"""


def render_minutes_html(data: MinutesReport, out: Path) -> Path:
    """Write the web-publication protocol as HTML to `out` (atomically, UTF-8)."""
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        part.write_text(minutes_html(data), encoding="utf-8", newline="\n")
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return out


def minutes_html(data: MinutesReport) -> str:
    """The whole HTML document."""
    date = format_date(data.meeting.date)
    title = f"{_('Minutes')} – {data.meeting.body} {date}"
    span = labels.paragraph_range(data.first_number, data.last_number)
    subject = ", ".join(p for p in (data.agency.name, span.replace("\u00a0", " ")) if p)
    language = "en" if current_language() == "en" else "sv"
    body = [
        "<header>",
        f'<p><strong>{_text(data.agency.name)}</strong></p>',
        f"<p>{_text(data.meeting.body)}</p>",
        f"<p>{escape(_('Meeting date'))} {escape(date)}</p>",
        "</header>",
        "<main>",
        f"<h1>{_text(title)}</h1>",
        *_attendance(data),
        *_posting(data),
    ]
    for block in data.paragraphs:
        body += _section(block, data.posting)
    body.append("</main>")
    if data.generated_on:
        body.append(f"<footer><p>{escape(_('Printed {date}').format(
            date=format_date(data.generated_on)))}</p></footer>")
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f'<meta name="author" content="{_text(data.agency.name)}">',
        f'<meta name="description" content="{_text(subject)}">',
        '<meta name="generator" content="FINSAM Desktop">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


# --- text ------------------------------------------------------------------------------


def _text(value: str) -> str:
    """A short user value, escaped, line breaks kept."""
    return escape(clean(value).strip()).replace("\n", "<br>")


def _paragraphs(value: str, css: str = "") -> list[str]:
    """User text as <p> elements: blank lines separate paragraphs."""
    attr = f' class="{css}"' if css else ""
    blocks = [b.strip("\n") for b in _BLANK_LINE.split(clean(value).strip())]
    return [f"<p{attr}>{escape(b).replace(chr(10), '<br>')}</p>" for b in blocks if b.strip()]


def _sentence(template: str, **values: str) -> str:
    """A translated template (escaped) with escaped user values filled in."""
    return escape(template).format(**{k: _text(v) for k, v in values.items()})


def _label(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


# --- page 1: attendance, signing, notice ------------------------------------------------


def _person(person: AttendeeLine) -> str:
    name = _text(", ".join([person.name, *person.notes]))
    detail = f' <span class="muted">({_text(person.detail)})</span>' if person.detail else ""
    return f"<li>{name}{detail}</li>"


def _row(label: str, cell: str) -> str:
    return f'<tr><th scope="row">{escape(label)}</th><td>{cell}</td></tr>'


def _attendance(data: MinutesReport) -> list[str]:
    adjusters = ", ".join(s.name for s in data.signers if s.role == "adjuster" and s.name)
    rows = []
    place = labels.place_and_time(data.meeting)
    if place.strip():
        rows.append(_row(_("Place and time"), _text(place)))
    for label, people, always in (
            (_("Voting members"), data.decision_makers, True),
            (_("Deputies present, not serving"), data.deputies_present, False),
            (_("Others present"), data.others_present, False),
            (_("Absent"), data.absent, False)):
        if people:
            rows.append(_row(label, "<ul>" + "".join(map(_person, people)) + "</ul>"))
        elif always:
            rows.append(_row(label, "–"))
    for label, value in ((_("Appointed to sign"), adjusters),
                         (_("Time and place of signing"), data.signing_time_place)):
        if value.strip():
            rows.append(_row(label, _text(value)))
    span = labels.paragraph_range(data.first_number, data.last_number)
    note = (_("Signed minutes – the original with signatures is kept by the agency.")
            if data.sealed else _("These minutes have not been signed yet."))
    signing = f"{escape(note)} ({escape(_('Paragraphs'))} {escape(span)})" if span \
        else escape(note)
    rows.append(_row(_("Signing"), signing))
    return ['<section aria-labelledby="attendance">',
            f'<h2 id="attendance">{escape(_("Attendance"))}</h2>',
            f'<p class="muted">{escape(labels.meeting_kind(data.meeting.kind))}</p>',
            '<table aria-labelledby="attendance">', "<tbody>", *rows, "</tbody>", "</table>",
            "</section>"]


def _posting(data: MinutesReport) -> list[str]:
    posting = data.posting
    dates = (posting.posted_on, posting.take_down_earliest, posting.last_appeal_day) \
        if posting else (None, None, None)
    fields = [
        (_("Body"), data.meeting.body),
        (_("Meeting date"), format_date(data.meeting.date)),
        (_("Paragraphs"), labels.paragraph_range(data.first_number, data.last_number)),
        (_("Date the notice was posted"), format_date(dates[0])),
        (_("Date the notice is taken down (earliest)"), format_date(dates[1])),
        (_("Last day to appeal"), format_date(dates[2])),
        (_("Where the minutes are kept"), data.agency.minutes_kept_at),
    ]
    if data.agency.notice_place:
        fields.append((_("Notice board"), data.agency.notice_place))
    rows = [_row(label, _text(value) or "–") for label, value in fields]
    out = ['<section aria-labelledby="notice">',
           f'<h2 id="notice">{escape(_("NOTICE/CERTIFICATE"))}</h2>',
           f"<p>{escape(_('The minutes have been signed. The signing has been announced '
                          'by a notice.'))}</p>",
           '<table aria-labelledby="notice">', "<tbody>", *rows, "</tbody>", "</table>"]
    if data.sealed and data.seal_hash:
        out.append(f'<p class="small">{escape(_("Control sum: {hash}").format(
            hash=data.seal_hash))}</p>')
    return [*out, "</section>"]


# --- one § (the order of sections.section) --------------------------------------------


def _section(block: ParagraphBlock, posting: PostingInfo | None) -> list[str]:
    anchor = f"p{block.number}"
    out = [f'<section aria-labelledby="{anchor}">',
           f'<h2 id="{anchor}">§\u00a0{block.number} {_text(block.title)}</h2>']
    if block.dnr:
        out.append(f'<p class="ref">{escape(_("Ref. no. {dnr}")).format(dnr=_text(block.dnr))}'
                   "</p>")
    kind = labels.item_kind(block.kind)
    if kind:
        out.append(f'<p class="muted">{_text(kind)}</p>')
    out += [*_preamble(block), *_deliberation(block), *_decision(block),
            *_statements(block), *_closing(block, posting), "</section>"]
    return out


def _labelled(label: str, text: str) -> list[str]:
    if not text.strip():
        return []
    return [_label(label), *_paragraphs(text)]


def _preamble(block: ParagraphBlock) -> list[str]:
    out = []
    if block.corrects:
        out.append("<p><strong>" + _sentence(_("Correction of {reference}"),
                                               reference=block.corrects) + "</strong></p>")
    for name in block.jav:
        out.append("<p>" + _sentence(
            _("{name} declares a conflict of interest and takes no part in handling the "
              "matter."), name=name) + "</p>")
    if block.absent:
        out.append("<p>" + _sentence(_("Not present for this paragraph: {names}"),
                                     names=", ".join(block.absent)) + "</p>")
    out += _labelled(_("Background"), block.background)
    out += _labelled(_("Proposed decision"), block.proposal)
    return out


def _deliberation(block: ParagraphBlock) -> list[str]:
    out = []
    if block.motions:
        out.append(_label(_("Motions")))
        for motion in block.motions:
            out += _motion(motion)
    out += _labelled(_("Order of putting the question"), block.order_of_putting)
    for vote in block.votes:
        out += _vote(vote)
    return out


def _motion(motion: MotionLine) -> list[str]:
    if motion.mover:
        lead = _sentence(_("{name} moves:"), name=motion.mover)
    else:
        lead = escape(_("Proposal in the agenda:"))
    out = [f"<p><strong>{lead}</strong></p>", *_paragraphs(motion.text, "indented")]
    if motion.seconded_by:
        out.append('<p class="indented">' + _sentence(
            _("Seconded by {names}."), names=", ".join(motion.seconded_by)) + "</p>")
    if motion.withdrawn:
        out.append(f'<p class="indented">{escape(_("The motion was withdrawn."))}</p>')
    return out


def _vote(vote: VoteBlock) -> list[str]:
    kind = _("Open vote (roll call).") if vote.kind == "open" else _("Closed vote (ballot).")
    out = [_label(_("Vote")), f"<p>{escape(kind)}</p>"]
    if vote.yes_label or vote.no_label:
        out.append("<p>" + _sentence(_("Yes vote: {yes}. No vote: {no}."),
                                     yes=vote.yes_label, no=vote.no_label) + "</p>")
    if vote.majority and vote.majority != "simple":
        out.append("<p>" + _sentence(_("Qualified majority required: {fraction}."),
                                     fraction=vote.majority) + "</p>")
    if vote.kind == "open" and vote.ballots:
        out += _roll_call(vote)
    out.append("<p>" + _sentence(_("Result: {yes} yes, {no} no, {abstain} abstaining."),
                                 yes=str(vote.yes), no=str(vote.no),
                                 abstain=str(vote.abstain)) + "</p>")
    tie = {"casting_vote": _("The chair uses the casting vote."),
           "lot": _("Lots are drawn to decide.")}.get(vote.tie_break)
    if tie:
        out.append(f"<p>{escape(tie)}</p>")
    won = {"yes": _("The yes side has won the vote."),
           "no": _("The no side has won the vote.")}.get(vote.winner)
    if won:
        out.append(f"<p>{escape(won)}</p>")
    return out


def _roll_call(vote: VoteBlock) -> list[str]:
    """Name | Yes | No | Abstain: a column header per choice, each name a row header."""
    choices = ("yes", "no", "abstain")
    head = "".join(f'<th scope="col">{escape(t)}</th>'
                   for t in (_("Name"), _("Yes"), _("No"), _("Abstain")))
    rows = []
    for ballot in vote.ballots:
        marks = "".join(f"<td>{'X' if ballot.choice == c else ''}</td>" for c in choices)
        rows.append(f'<tr><th scope="row">{_text(ballot.name)}</th>{marks}</tr>')
    totals = "".join(f"<td>{n}</td>" for n in (vote.yes, vote.no, vote.abstain))
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>",
            f'<tfoot><tr><th scope="row">{escape(_("Total"))}</th>{totals}</tr></tfoot>',
            "</table>"]


def _decision(block: ParagraphBlock) -> list[str]:
    lines = []
    if block.outcome == "referred_back":
        lines.append(f"<p>{escape(_('The matter is referred back.'))}</p>")
    elif block.outcome == "noted" and not block.decision.strip():
        lines.append(f"<p>{escape(_('The information is noted.'))}</p>")
    lines += _paragraphs(block.decision)
    return [_label(_("Decision")), *lines] if lines else []


def _statements(block: ParagraphBlock) -> list[str]:
    out = []
    if block.reservations:
        out.append(_label(_("Reservation")))
        for line in block.reservations:
            out += _statement(_("{name} enters a reservation against the decision."), line)
    if block.notes:
        out.append(_label(_("Protocol note")))
        for line in block.notes:
            template = (_("{name} makes the following note in the minutes:")
                        if line.text.strip() else _("{name} makes a note in the minutes."))
            out += _statement(template, line)
    return out


def _statement(template: str, line: StatementLine) -> list[str]:
    return ["<p>" + _sentence(template, name=line.name) + "</p>",
            *_paragraphs(line.text, "indented")]


def _closing(block: ParagraphBlock, posting: PostingInfo | None) -> list[str]:
    out = []
    if block.immediate:
        out.append(f"<p><strong>{escape(_('This paragraph is signed immediately.'))}"
                   "</strong></p>")
    if block.notify.strip():
        out.append(f"<p><strong>{escape(_('Notify'))}:</strong> {_text(block.notify)}</p>")
    if block.appeal_instruction:
        text = escape(_("The decision can be appealed by a review of legality under chapter "
                        "13 of the Local Government Act (2017:725). The appeal must reach the "
                        "administrative court within three weeks of the day the signing of "
                        "the minutes was announced on the notice board."))
        if posting is not None:
            text += " " + _sentence(_("Last day to appeal: {date}."),
                                    date=format_date(posting.last_appeal_day))
        out += [_label(_("How to appeal")), f'<p class="small">{text}</p>']
    return out
