"""One paragraph (§) of the minutes as flowables; shared by the protocol and the extract.

Order within a §, as in real protocols: heading "§ 84 Title" with the Dnr on the right,
the kind of matter, correction reference, jäv and partial absence, background, proposal,
motions (yrkanden), propositionsordning, votes, the decision, reservations, protocol notes,
immediate signing, expediering and the appeal instruction.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports import labels
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.data import (
    MotionLine,
    ParagraphBlock,
    PostingInfo,
    StatementLine,
    VoteBlock,
)
from finsam_desktop.reports.tables import heading_row, table
from finsam_desktop.reports.text import markup, paragraphs

_SHORT = 400  # a labelled value up to this length shares the label's line


def section(block: ParagraphBlock, posting: PostingInfo | None) -> list:
    """The flowables of one §; its heading stays with the first lines that follow it."""
    head = [_heading(block)]
    kind = labels.item_kind(block.kind)
    if kind:
        head.append(Paragraph(markup(kind), st.sheet().muted))
    rest = [*_preamble(block), *_deliberation(block), *_decision(block),
            *_statements(block), *_closing(block, posting)]
    return [KeepTogether(head + rest[:2]), *rest[2:]]


def _heading(block: ParagraphBlock):
    sheet = st.sheet()
    title = Paragraph(f"§ {block.number}&nbsp;&nbsp;{markup(block.title)}", sheet.heading)
    dnr = (Paragraph(escape(_("Ref. no. {dnr}")).format(dnr=markup(block.dnr)), sheet.cell_right)
           if block.dnr else "")
    return heading_row(title, dnr)


def _sentence(template: str, **values: str) -> str:
    """A translated template (escaped) with escaped user values filled in."""
    return escape(template).format(**{k: markup(v) for k, v in values.items()})


def _labelled(label: str, text: str) -> list:
    """A bold label with the user's text below it (nothing when the text is empty)."""
    if not text.strip():
        return []
    sheet = st.sheet()
    return [Paragraph(escape(label), sheet.label),
            *paragraphs(text, sheet.body, tight_style=sheet.body_tight)]


def _inline(label: str, text: str) -> list:
    """"Label: text" on one line for short values, label above text for long ones."""
    if not text.strip():
        return []
    if len(text) > _SHORT or "\n" in text:
        return _labelled(label, text)
    return [Paragraph(f"<b>{escape(label)}:</b> {markup(text)}", st.sheet().body)]


def _preamble(block: ParagraphBlock) -> list:
    sheet = st.sheet()
    out = []
    if block.corrects:
        out.append(Paragraph("<b>" + _sentence(_("Correction of {reference}"),
                                                reference=block.corrects) + "</b>", sheet.body))
    for name in block.jav:
        out.append(Paragraph(_sentence(
            _("{name} declares a conflict of interest and takes no part in handling the "
              "matter."), name=name), sheet.body))
    if block.absent:
        out.append(Paragraph(_sentence(_("Not present for this paragraph: {names}"),
                                       names=", ".join(block.absent)), sheet.body))
    out += _labelled(_("Background"), block.background)
    out += _labelled(_("Proposed decision"), block.proposal)
    return out


def _deliberation(block: ParagraphBlock) -> list:
    sheet = st.sheet()
    out = []
    if block.motions:
        out.append(Paragraph(escape(_("Motions")), sheet.label))
        for motion in block.motions:
            out += _motion(motion)
    out += _labelled(_("Order of putting the question"), block.order_of_putting)
    for vote in block.votes:
        out += _vote(vote)
    return out


def _motion(motion: MotionLine) -> list:
    sheet = st.sheet()
    if motion.mover:
        lead = _sentence(_("{name} moves:"), name=motion.mover)
    else:
        lead = escape(_("Proposal in the agenda:"))
    out = [Paragraph(f"<b>{lead}</b>", sheet.body_tight),
           *paragraphs(motion.text, sheet.indented, tight_style=sheet.indented_tight)]
    if motion.seconded_by:
        out.append(Paragraph(_sentence(_("Seconded by {names}."),
                                       names=", ".join(motion.seconded_by)), sheet.indented))
    if motion.withdrawn:
        out.append(Paragraph(escape(_("The motion was withdrawn.")), sheet.indented))
    return out


def _vote(vote: VoteBlock) -> list:
    sheet = st.sheet()
    kind = _("Open vote (roll call).") if vote.kind == "open" else _("Closed vote (ballot).")
    out = [Paragraph(escape(_("Vote")), sheet.label), Paragraph(escape(kind), sheet.body_tight)]
    if vote.yes_label or vote.no_label:
        out.append(Paragraph(_sentence(_("Yes vote: {yes}. No vote: {no}."),
                                       yes=vote.yes_label, no=vote.no_label), sheet.body_tight))
    if vote.majority and vote.majority != "simple":
        out.append(Paragraph(_sentence(_("Qualified majority required: {fraction}."),
                                       fraction=vote.majority), sheet.body_tight))
    if vote.kind == "open" and vote.ballots:
        out += [*roll_call_tables(vote), Spacer(1, 3)]
    out.append(Paragraph(_sentence(_("Result: {yes} yes, {no} no, {abstain} abstaining."),
                                   yes=str(vote.yes), no=str(vote.no),
                                   abstain=str(vote.abstain)), sheet.body_tight))
    tie = {"casting_vote": _("The chair uses the casting vote."),
           "lot": _("Lots are drawn to decide.")}.get(vote.tie_break)
    if tie:
        out.append(Paragraph(escape(tie), sheet.body_tight))
    won = {"yes": _("The yes side has won the vote."),
           "no": _("The no side has won the vote.")}.get(vote.winner)
    if won:
        out.append(Paragraph(escape(won), sheet.body_tight))
    return out


def roll_call_tables(vote: VoteBlock) -> list:
    """Name | Ja | Nej | Avstår, in chunks of st.TABLE_CHUNK_ROWS with the header repeated."""
    sheet = st.sheet()
    header = [Paragraph(escape(_("Name")), sheet.cell_bold), _("Yes"), _("No"), _("Abstain")]
    marks = {"yes": 1, "no": 2, "abstain": 3}
    rows = []
    for ballot in vote.ballots:
        row = [Paragraph(markup(ballot.name), sheet.cell), "", "", ""]
        if ballot.choice in marks:
            row[marks[ballot.choice]] = "X"
        rows.append(row)
    totals = [Paragraph(escape(_("Total")), sheet.cell_bold),
              str(vote.yes), str(vote.no), str(vote.abstain)]
    step = st.TABLE_CHUNK_ROWS
    chunks = [rows[i:i + step] for i in range(0, len(rows), step)] or [[]]
    chunks[-1] = [*chunks[-1], totals]
    return [_ballot_table([header, *chunk]) for chunk in chunks]


def _ballot_table(rows: list):
    narrow = 2.0 * st.cm
    return table(rows, [7.5 * st.cm, narrow, narrow, narrow],
                 [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                  ("FONTNAME", (1, 0), (-1, 0), st.BOLD),
                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.RULE),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.6, st.RULE),
                  ("TOPPADDING", (0, 0), (-1, -1), 2),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2)], repeatRows=1)


def _decision(block: ParagraphBlock) -> list:
    sheet = st.sheet()
    lines = []
    if block.outcome == "referred_back":
        lines.append(Paragraph(escape(_("The matter is referred back.")), sheet.body))
    elif block.outcome == "noted" and not block.decision.strip():
        lines.append(Paragraph(escape(_("The information is noted.")), sheet.body))
    lines += paragraphs(block.decision, sheet.body, tight_style=sheet.body_tight)
    if not lines:
        return []
    return [Paragraph(escape(_("Decision")), sheet.label), *lines]


def _statements(block: ParagraphBlock) -> list:
    out = []
    if block.reservations:
        out.append(Paragraph(escape(_("Reservation")), st.sheet().label))
        for line in block.reservations:
            out += _statement(_("{name} enters a reservation against the decision."), line)
    if block.notes:
        out.append(Paragraph(escape(_("Protocol note")), st.sheet().label))
        for line in block.notes:
            template = (_("{name} makes the following note in the minutes:") if line.text.strip()
                        else _("{name} makes a note in the minutes."))
            out += _statement(template, line)
    return out


def _statement(template: str, line: StatementLine) -> list:
    sheet = st.sheet()
    return [Paragraph(_sentence(template, name=line.name), sheet.body_tight if line.text.strip()
                      else sheet.body),
            *paragraphs(line.text, sheet.indented, tight_style=sheet.indented_tight)]


def _closing(block: ParagraphBlock, posting: PostingInfo | None) -> list:
    sheet = st.sheet()
    out = []
    if block.immediate:
        out.append(Paragraph("<b>" + escape(_("This paragraph is signed immediately.")) + "</b>",
                             sheet.body))
    out += _inline(_("Notify"), block.notify)
    if block.appeal_instruction:
        out += appeal_hint(posting)
    return out


def appeal_hint(posting: PostingInfo | None) -> list:
    """How to appeal (laglighetsprövning), with the last day when the notice is posted."""
    sheet = st.sheet()
    text = escape(_("The decision can be appealed by a review of legality under chapter 13 of "
                    "the Local Government Act (2017:725). The appeal must reach the "
                    "administrative court within three weeks of the day the signing of the "
                    "minutes was announced on the notice board."))
    if posting is not None:
        text += " " + _sentence(_("Last day to appeal: {date}."),
                                date=format_date(posting.last_appeal_day))
    return [Paragraph(escape(_("How to appeal")), sheet.label), Paragraph(text, sheet.small)]
