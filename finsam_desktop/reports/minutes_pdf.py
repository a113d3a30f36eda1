"""Sammanträdesprotokoll: the signed original and the version for web publication.

Page 1 has the attendance block, the signing (justering) and the ANSLAG/BEVIS block; the
paragraphs start on a new page, one heading per §. The signed variant has signature lines
and initials boxes on every page; the web variant has neither and says where the signed
original is kept.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports import labels
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.data import AttendeeLine, MinutesReport, SignerLine
from finsam_desktop.reports.layout import Letterhead, Metadata, build_pdf
from finsam_desktop.reports.sections import section
from finsam_desktop.reports.tables import boxed, form, table
from finsam_desktop.reports.text import markup

VARIANTS = ("signed", "web")
_ROLE_ORDER = {"secretary": 0, "chair": 1, "adjuster": 2}


def render_minutes(data: MinutesReport, out: Path, *, variant: str = "signed") -> Path:
    """Write the protocol as PDF to `out` ("signed" original or "web" publication)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant: {variant}")
    signed = variant == "signed"
    story = [*attendance(data), Spacer(1, 10), *signatures(data, signed=signed),
             Spacer(1, 14), *posting_block(data, signed=signed), PageBreak()]
    for block in data.paragraphs:
        story += section(block, data.posting)
    return build_pdf(out, story, letterhead(data, _("MINUTES"), initials=signed),
                     metadata(data, _("Minutes")))


def letterhead(data: MinutesReport, document: str, *, initials: bool = False) -> Letterhead:
    """The running header for documents of this meeting."""
    note = (_("Printed {date}").format(date=format_date(data.generated_on))
            if data.generated_on else "")
    return Letterhead(agency=data.agency.name, document=document, body=data.meeting.body,
                      date_caption=_("Meeting date"), date=format_date(data.meeting.date),
                      initials=initials, footnote=note)


def metadata(data: MinutesReport, kind: str) -> Metadata:
    """Title, author and subject of a document of this meeting."""
    span = labels.paragraph_range(data.first_number, data.last_number)
    paragraphs = span.replace("\u00a0", " ")
    title = f"{kind} – {data.meeting.body} {format_date(data.meeting.date)}"
    return Metadata(title=title, author=data.agency.name,
                    subject=", ".join(p for p in (data.agency.name, paragraphs) if p))


def _people_rows(label: str, people: tuple[AttendeeLine, ...], *, always: bool = False):
    """Rows label | name, notes | detail; the label only on the first row."""
    sheet = st.sheet()
    if not people:
        return [[Paragraph(escape(label), sheet.cell_bold), "–", ""]] if always else []
    rows = []
    for i, person in enumerate(people):
        name = ", ".join([person.name, *person.notes])
        rows.append([Paragraph(escape(label), sheet.cell_bold) if i == 0 else "",
                     Paragraph(markup(name), sheet.cell),
                     Paragraph(markup(person.detail), sheet.cell)])
    return rows


def attendance(data: MinutesReport) -> list:
    """Plats och tid, Beslutande, ersättare, övriga, frånvarande, justerare, justeringen."""
    sheet = st.sheet()
    adjusters = [s.name for s in data.signers if s.role == "adjuster" and s.name]
    groups = [
        _single(_("Place and time"), labels.place_and_time(data.meeting)),
        _people_rows(_("Voting members"), data.decision_makers, always=True),
        _people_rows(_("Deputies present, not serving"), data.deputies_present),
        _people_rows(_("Others present"), data.others_present),
        _people_rows(_("Absent"), data.absent),
        _single(_("Appointed to sign"), ", ".join(adjusters)),
        _single(_("Time and place of signing"), data.signing_time_place),
    ]
    rows, starts, spanned = [], [], []
    for group in groups:
        if group:
            starts.append(len(rows))
            if group[0][2] == "":
                spanned.append(len(rows))
            rows += group
    widths = [st.LABEL_WIDTH, 6.4 * st.cm, st.FRAME_WIDTH - st.LABEL_WIDTH - 6.4 * st.cm]
    return [Paragraph(escape(labels.meeting_kind(data.meeting.kind)), sheet.muted),
            form(rows, widths, tuple(starts), tuple(spanned))]


def _single(label: str, value: str) -> list:
    if not value.strip():
        return []
    sheet = st.sheet()
    return [[Paragraph(escape(label), sheet.cell_bold), Paragraph(markup(value), sheet.cell), ""]]


def signatures(data: MinutesReport, *, signed: bool) -> list:
    """Underskrifter – Paragrafer n–m with name lines (signed) or a note (web)."""
    sheet = st.sheet()
    span = labels.paragraph_range(data.first_number, data.last_number)
    caption = Paragraph(escape(_("Signatures")), sheet.cell_bold)
    covered = Paragraph(f"{escape(_('Paragraphs'))}<br/>{escape(span)}", sheet.cell)
    if not signed:
        note = (_("Signed minutes – the original with signatures is kept by the agency.")
                if data.sealed else _("These minutes have not been signed yet."))
        caption = Paragraph(escape(_("Signing")), sheet.cell_bold)
        return [form([[caption, Paragraph(escape(note), sheet.cell), covered]],
                     [st.LABEL_WIDTH, 8.9 * st.cm, st.FRAME_WIDTH - st.LABEL_WIDTH - 8.9 * st.cm])]
    rows = []
    for i, signer in enumerate(_signers(data)):
        rows.append([caption if i == 0 else "",
                     Paragraph(escape(labels.signer_role(signer.role)), sheet.cell), "",
                     covered if i == 0 else ""])
        rows.append(["", "", Paragraph(_signer_name(signer), sheet.cell), ""])
    line_rows = range(0, len(rows), 2)
    extra = [("TOPPADDING", (0, r), (-1, r), 24) for r in line_rows]
    extra += [("LINEBELOW", (2, r), (2, r), 0.6, st.INK) for r in line_rows]
    extra += [("VALIGN", (0, r), (-1, r), "BOTTOM") for r in line_rows]
    return [table(rows, [st.LABEL_WIDTH, 2.8 * st.cm, 6.3 * st.cm,
                         st.FRAME_WIDTH - st.LABEL_WIDTH - 9.1 * st.cm],
                  [*extra, ("LEFTPADDING", (3, 0), (3, -1), 12)])]


def ordered_signers(data: MinutesReport) -> list[SignerLine]:
    """The signers in protocol order: secretary, chair, justerare."""
    return sorted(data.signers, key=lambda s: _ROLE_ORDER.get(s.role, 9))


def _signers(data: MinutesReport) -> list[SignerLine]:
    """The signers in protocol order; blank lines for the usual three when none are known."""
    blank = [SignerLine(role, "") for role in ("secretary", "chair", "adjuster")]
    return ordered_signers(data) or blank


def _signer_name(signer: SignerLine) -> str:
    name = markup(signer.name)
    if signer.signed_on:
        name += f'&nbsp;&nbsp;<font size="8" color="#555555">{format_date(signer.signed_on)}</font>'
    return name


def posting_block(data: MinutesReport, *, signed: bool) -> list:
    """The ANSLAG/BEVIS form (dates blank until known) and the control sum when sealed."""
    sheet = st.sheet()
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
    rows = [[Paragraph(escape(_("NOTICE/CERTIFICATE")), sheet.cell_bold), ""],
            [Paragraph(escape(_("The minutes have been signed. The signing has been announced "
                                "by a notice.")), sheet.cell), ""]]
    rows += [[Paragraph(escape(label), sheet.cell), Paragraph(markup(value), sheet.cell)]
             for label, value in fields]
    if signed:
        rows.append([Paragraph(escape(_("Signature")), sheet.cell), Spacer(1, 22)])
    out = [boxed(rows, [6.6 * st.cm, st.FRAME_WIDTH - 6.6 * st.cm], title_rows=2)]
    if data.sealed and data.seal_hash:
        out += [Spacer(1, 3), Paragraph(escape(_("Control sum: {hash}").format(
            hash=data.seal_hash)), sheet.small)]
    return [KeepTogether(out)]


def render_extract(data: MinutesReport, number: int, out: Path, *, certifier: str = "") -> Path:
    """Protokollsutdrag: one § with "Rätt utdraget intygar" (see `extract_pdf`)."""
    from finsam_desktop.reports.extract_pdf import render_extract as render

    return render(data, number, out, certifier=certifier)
