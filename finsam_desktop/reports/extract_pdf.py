"""Protokollsutdrag: one § of a protocol, certified as a true extract.

Header as the protocol's, the meeting, the §, who signed the minutes and when (once they
are sealed), and "Rätt utdraget intygar" with a signature line for the certifier.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports import labels
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.data import MinutesReport, ParagraphBlock
from finsam_desktop.reports.layout import build_pdf
from finsam_desktop.reports.minutes_pdf import letterhead, metadata, ordered_signers
from finsam_desktop.reports.sections import section
from finsam_desktop.reports.tables import form, table
from finsam_desktop.reports.text import markup


def render_extract(data: MinutesReport, number: int, out: Path, *, certifier: str = "") -> Path:
    """Write the extract of § `number` to `out`; KeyError if the protocol has no such §."""
    block = find_paragraph(data, number)
    story = [*_meeting(data), *section(block, data.posting), Spacer(1, 12),
             *_signed(data), Spacer(1, 12), _certification(certifier)]
    meta = metadata(data, _("Extract from the minutes"))
    return build_pdf(out, story, letterhead(data, _("EXTRACT FROM THE MINUTES")), meta)


def find_paragraph(data: MinutesReport, number: int) -> ParagraphBlock:
    """The § with this number."""
    for block in data.paragraphs:
        if block.number == number:
            return block
    raise KeyError(f"§ {number} is not in these minutes")


def _meeting(data: MinutesReport) -> list:
    sheet = st.sheet()
    rows = [[Paragraph(escape(label), sheet.cell_bold), Paragraph(markup(value), sheet.cell)]
            for label, value in ((_("Body"), data.meeting.body),
                                 (_("Place and time"), labels.place_and_time(data.meeting)))
            if value]
    return [form(rows, [st.LABEL_WIDTH, st.FRAME_WIDTH - st.LABEL_WIDTH]), Spacer(1, 4)]


def _signed(data: MinutesReport) -> list:
    """"Justerat" with each signer's role, name and date (sealed minutes only)."""
    if not data.sealed:
        return []
    sheet = st.sheet()
    rows = []
    for i, signer in enumerate(s for s in ordered_signers(data) if s.name):
        when = format_date(signer.signed_on) if signer.signed_on else ""
        rows.append([Paragraph(escape(_("Signed")), sheet.cell_bold) if i == 0 else "",
                     Paragraph(escape(labels.signer_role(signer.role)), sheet.cell),
                     Paragraph(markup(signer.name), sheet.cell), Paragraph(when, sheet.cell)])
    if not rows:
        return []
    rest = st.FRAME_WIDTH - st.LABEL_WIDTH - 3 * st.cm - 3 * st.cm
    return [form(rows, [st.LABEL_WIDTH, 3 * st.cm, rest, 3 * st.cm])]


def _certification(certifier: str) -> KeepTogether:
    """"Rätt utdraget intygar", a signature line and the certifier's name."""
    sheet = st.sheet()
    rows = [[Paragraph(escape(_("Certified true extract")), sheet.cell_bold), ""],
            ["", Paragraph(markup(certifier), sheet.cell)]]
    line = table(rows, [st.LABEL_WIDTH, 7 * st.cm],
                 [("TOPPADDING", (1, 0), (1, 0), 28), ("LINEBELOW", (1, 0), (1, 0), 0.6, st.INK)])
    return KeepTogether([line])
