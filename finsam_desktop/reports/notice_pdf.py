"""Kallelse med föredragningslista: the summons to a board meeting.

When and where (with the remote link as plain text), who is summoned per member
organisation (ledamöter and ersättare), the numbered agenda with the kind of each item,
its Dnr, the proposed decision and attachments, and the sender.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports import labels
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.data import AgendaEntry, InvitedPerson, NoticeReport
from finsam_desktop.reports.layout import Letterhead, Metadata, build_pdf
from finsam_desktop.reports.tables import form, heading_row, table
from finsam_desktop.reports.text import markup, paragraphs


def render_notice(data: NoticeReport, out: Path) -> Path:
    """Write the summons with its agenda as PDF to `out`."""
    sheet = st.sheet()
    story = [Paragraph(escape(_("Notice of meeting")), sheet.title), *_when_and_where(data),
             *_summoned(data.invited), Paragraph(escape(_("Agenda")), sheet.title)]
    for entry in data.agenda:
        story.append(agenda_item(entry))
    story += _sender(data)
    date = format_date(data.meeting.date)
    head = Letterhead(agency=data.agency.name, document=_("NOTICE OF MEETING"),
                      body=data.meeting.body, date_caption=_("Meeting date"), date=date)
    meta = Metadata(title=f"{_('Notice of meeting')} – {data.meeting.body} {date}",
                    author=data.agency.name, subject=_("Agenda"))
    return build_pdf(out, story, head, meta)


def _when_and_where(data: NoticeReport) -> list:
    sheet = st.sheet()
    meeting = data.meeting
    intro = _("{body} is summoned to a meeting.").format(body=meeting.body)
    fields = [(_("Date"), format_date(meeting.date, long=True)),
              (_("Time"), labels.time_span(meeting)),
              (_("Place"), meeting.place),
              (_("Remote participation"), meeting.remote_link),
              (_("Kind of meeting"), labels.meeting_kind(meeting.kind))]
    rows = [[Paragraph(escape(label), sheet.cell_bold), Paragraph(markup(value), sheet.cell)]
            for label, value in fields if value]
    return [Paragraph(markup(intro), sheet.body),
            form(rows, [st.LABEL_WIDTH, st.FRAME_WIDTH - st.LABEL_WIDTH]), Spacer(1, 10)]


def _summoned(invited: tuple[InvitedPerson, ...]) -> list:
    """Member organisation | ledamöter | ersättare, and what is expected of each."""
    if not invited:
        return []
    sheet = st.sheet()
    by_member: dict[str, dict[str, list[str]]] = {}
    for person in invited:
        seats = by_member.setdefault(person.member, {"member": [], "deputy": []})
        seats["deputy" if person.role == "deputy" else "member"].append(person.name)
    header = [Paragraph(escape(t), sheet.cell_bold)
              for t in (_("Member organisation"), _("Members of the board"), _("Deputies"))]
    rows = [header] + [[Paragraph(markup(member), sheet.cell),
                        Paragraph("<br/>".join(markup(n) for n in seats["member"]), sheet.cell),
                        Paragraph("<br/>".join(markup(n) for n in seats["deputy"]), sheet.cell)]
                       for member, seats in by_member.items()]
    third = st.FRAME_WIDTH / 3
    grid = table(rows, [third] * 3, [("LINEBELOW", (0, 0), (-1, -2), 0.3, st.RULE),
                                     ("TOPPADDING", (0, 0), (-1, -1), 3),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 3)], repeatRows=1)
    return [Paragraph(escape(_("Summoned")), sheet.label), grid, Spacer(1, 4),
            Paragraph(escape(_("Deputies are summoned to attend even when they do not serve. "
                               "A member who cannot attend should say so as soon as possible, "
                               "so that a deputy can be called in to serve.")), sheet.body),
            Spacer(1, 8)]


def agenda_item(entry: AgendaEntry) -> KeepTogether:
    """"3. Title" with Dnr flush right, the kind, the proposal and the attachments."""
    sheet = st.sheet()
    title = Paragraph(f"{entry.position}.&nbsp;&nbsp;{markup(entry.title)}", sheet.heading)
    dnr = (Paragraph(escape(_("Ref. no. {dnr}")).format(dnr=markup(entry.dnr)), sheet.cell_right)
           if entry.dnr else "")
    parts = [heading_row(title, dnr, top_padding=8),
             Paragraph(escape(labels.item_kind(entry.kind)), sheet.muted)]
    if entry.proposal.strip():
        parts.append(Paragraph(escape(_("Proposed decision")), sheet.label))
        parts += paragraphs(entry.proposal, sheet.indented, tight_style=sheet.indented_tight)
    for attachment in entry.attachments:
        parts.append(Paragraph(escape(_("Attachment: {name}")).format(name=markup(attachment)),
                               sheet.indented_tight))
    return KeepTogether(parts)


def _sender(data: NoticeReport) -> list:
    sheet = st.sheet()
    place_date = ", ".join(p for p in (data.agency.seat, format_date(data.summoned_on)) if p)
    lines = [place_date, f"<b>{markup(data.sender_name)}</b>" if data.sender_name else "",
             data.sender_title and markup(data.sender_title)]
    lines[0] = markup(lines[0])
    text = "<br/>".join(line for line in lines if line)
    return [Spacer(1, 18), Paragraph(text, sheet.body)] if text else []
