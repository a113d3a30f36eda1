"""Page layout shared by every document: A4, running header, page numbers, initials boxes.

Each page carries the agency's name and the organ on the left, the document's name
(SAMMANTRÄDESPROTOKOLL, KALLELSE, PROTOKOLLSUTDRAG) and the meeting date in the middle and
"Sida x (y)" on the right. The total page count is only known at the end, so a numbered
canvas keeps every page and stamps the page label when the document is saved. The signed
protocol also gets the boxes for the chair's and the justerare's initials and for the
certification of extracts at the foot of every page.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from finsam_desktop.i18n import _, current_language
from finsam_desktop.reports import pdfa
from finsam_desktop.reports import styles as st
from finsam_desktop.reports.fonts import FAMILY, register_fonts
from finsam_desktop.reports.text import markup

_LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
_MIDDLE_COLUMN = 8.4 * st.cm  # x offset of the document name from the left margin


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What the running header and footer show on every page."""

    agency: str
    document: str  # e.g. "SAMMANTRÄDESPROTOKOLL"
    body: str  # the organ, "Styrelsen"
    date_caption: str  # "Sammanträdesdatum"
    date: str
    initials: bool = False  # initials boxes at the foot (signed protocol only)
    footnote: str = ""  # small text at the foot of every page


@dataclass(frozen=True, slots=True)
class Metadata:
    """PDF document information."""

    title: str
    author: str
    subject: str


PORTRAIT = "portrait"  # page template ids: a story switches with NextPageTemplate(id)
LANDSCAPE = "landscape"


def build_pdf(out: Path, story: list, head: Letterhead, meta: Metadata, *,
              landscape: bool = False, archive: bool = True) -> Path:
    """Lay `story` out on A4 pages with the running header and write it to `out` atomically,
    as PDF/A (`pdfa.archive`: output intent, XMP metadata, language).

    `landscape` turns the pages (wide registers); the header, rule and page label follow
    the page's width, and without initials boxes the bottom margin is smaller. The pages
    start in that orientation; a story may turn them for a part with
    `NextPageTemplate(LANDSCAPE)` (or `PORTRAIT`) followed by a `PageBreak()`. Without
    `archive` the plain ReportLab output is written (a trial layout that is thrown away)."""
    from reportlab.platypus import BaseDocTemplate

    register_fonts()
    out = Path(out)
    part = out.with_name(out.name + ".part")
    pagesize = st.LANDSCAPE_PAGE_SIZE if landscape else st.PAGE_SIZE
    language = _LANGUAGE_TAGS.get(current_language(), "sv-SE")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=st.MARGIN_LEFT,
        rightMargin=st.MARGIN_RIGHT, topMargin=st.MARGIN_TOP,
        bottomMargin=_bottom_margin(head, landscape),
        title=meta.title, author=meta.author, subject=meta.subject,
        creator=pdfa.CREATOR, lang=language,
        initialFontName=FAMILY,
    )
    templates = [_template(head, turned=False), _template(head, turned=True)]
    doc.addPageTemplates(templates[::-1] if landscape else templates)
    try:
        doc.build(story, canvasmaker=numbered_canvas(_("Page {page} ({pages})")))
        if archive:
            pdfa.archive(buffer.getvalue(), part,
                         pdfa.DocumentInfo(meta.title, meta.author, meta.subject, language))
        else:  # a trial layout (pages counted, never kept)
            part.write_bytes(buffer.getvalue())
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return out


def _bottom_margin(head: Letterhead, turned: bool) -> float:
    return st.MARGIN_BOTTOM if head.initials or not turned else st.MARGIN_BOTTOM_LANDSCAPE


def _template(head: Letterhead, *, turned: bool):
    """The page template of one orientation: one body frame inside the margins."""
    from reportlab.platypus import Frame, PageTemplate

    width, height = st.LANDSCAPE_PAGE_SIZE if turned else st.PAGE_SIZE
    bottom = _bottom_margin(head, turned)
    frame = Frame(st.MARGIN_LEFT, bottom, width - st.MARGIN_LEFT - st.MARGIN_RIGHT,
                  height - st.MARGIN_TOP - bottom, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    return PageTemplate(id=LANDSCAPE if turned else PORTRAIT, frames=[frame],
                        pagesize=(width, height), onPage=partial(_draw_page, head))


def numbered_canvas(label: str) -> type[Canvas]:
    """A Canvas class that stamps `label` ("Page {page} ({pages})") on every page at save."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                _draw_page_label(self, label.format(page=number, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_page_label(canvas: Canvas, text: str) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(FAMILY, st.HEADER_SIZE)
    canvas.setFillColor(st.INK)
    canvas.drawRightString(width - st.MARGIN_RIGHT, height - st.HEADER_TOP, text)
    canvas.restoreState()


def _draw_page(head: Letterhead, canvas: Canvas, doc) -> None:
    canvas.saveState()
    _draw_header(canvas, head)
    if head.initials:
        _draw_initials_boxes(canvas)
    if head.footnote:
        _draw_paragraph(canvas, markup(head.footnote), st.sheet().small, st.MARGIN_LEFT,
                        st.FOOTER_BOTTOM + 0.4 * st.cm, 6 * st.cm, from_bottom=True)
    canvas.restoreState()


def _draw_header(canvas: Canvas, head: Letterhead) -> None:
    sheet = st.sheet()
    page_width, page_height = canvas._pagesize
    top = page_height - st.HEADER_TOP + sheet.header.fontSize
    left, middle = st.MARGIN_LEFT, st.MARGIN_LEFT + _MIDDLE_COLUMN
    height = _draw_paragraph(canvas, markup(head.agency), sheet.header_bold, left, top,
                             _MIDDLE_COLUMN - 0.4 * st.cm)
    _draw_paragraph(canvas, markup(head.body), sheet.header, left, top - height - 2, 8 * st.cm)
    _draw_paragraph(canvas, markup(head.document), sheet.header_bold, middle, top, 6 * st.cm)
    caption = f"{markup(head.date_caption)} {markup(head.date)}"
    _draw_paragraph(canvas, caption, sheet.header, middle, top - height - 2, 6 * st.cm)
    rule_y = page_height - st.MARGIN_TOP + 0.45 * st.cm
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.6)
    canvas.line(st.MARGIN_LEFT, rule_y, page_width - st.MARGIN_RIGHT, rule_y)


def _draw_initials_boxes(canvas: Canvas) -> None:
    width, height = st.INITIALS_BOX
    captions = (_("Chair's initials"), _("Adjuster's initials"), _("Extract certified"))
    x = canvas._pagesize[0] - st.MARGIN_RIGHT - width * len(captions)
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.6)
    canvas.setFillColor(st.MUTED)
    canvas.setFont(FAMILY, 6.5)
    for caption in captions:
        canvas.rect(x, st.FOOTER_BOTTOM, width, height, stroke=1, fill=0)
        canvas.drawString(x + 3, st.FOOTER_BOTTOM + height - 8, caption)
        x += width


def _draw_paragraph(canvas: Canvas, text: str, style, x: float, y: float, width: float,
                    *, from_bottom: bool = False) -> float:
    """Draw markup with its top (or bottom) at y; returns its height."""
    from reportlab.platypus import Paragraph

    para = Paragraph(text, style)
    _, height = para.wrapOn(canvas, width, st.PAGE_HEIGHT)
    para.drawOn(canvas, x, y if from_bottom else y - height)
    return height
