"""The single style sheet of the PDF documents: page geometry, colours, paragraph styles.

Everything about how the documents look is here, as data; the builders only name styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from finsam_desktop.reports.fonts import BOLD, FAMILY, register_fonts

PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 2.3 * cm
MARGIN_RIGHT = 2.0 * cm
MARGIN_TOP = 3.3 * cm  # room for the running header
MARGIN_BOTTOM = 3.2 * cm  # room for the initials boxes
HEADER_TOP = 1.3 * cm  # distance from the top edge to the header's first baseline
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LABEL_WIDTH = 4.6 * cm  # the label column of the attendance and anslag blocks
INITIALS_BOX = (3.6 * cm, 1.3 * cm)  # width, height of one initials box
FOOTER_BOTTOM = 1.2 * cm
TABLE_CHUNK_ROWS = 40  # long tables are built as several tables of this many rows
LANDSCAPE_PAGE_SIZE = (PAGE_HEIGHT, PAGE_WIDTH)  # A4 turned: wide registers
MARGIN_BOTTOM_LANDSCAPE = 2.0 * cm  # landscape pages without initials boxes
LANDSCAPE_FRAME_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.black
MUTED = colors.Color(0.33, 0.33, 0.33)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.94, 0.94, 0.94)

BODY_SIZE = 10
SMALL_SIZE = 8
HEADER_SIZE = 9
REGISTER_SIZE = 9  # table text of the landscape registers


@dataclass(frozen=True, slots=True)
class Sheet:
    """The named paragraph styles."""

    title: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    body_tight: ParagraphStyle
    indented: ParagraphStyle
    indented_tight: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    register_head: ParagraphStyle  # the column header of the landscape registers
    register_cell: ParagraphStyle
    register_block: ParagraphStyle  # a block of user text in a cell, space before the next
    cover_title: ParagraphStyle  # the title page of a plan (budget)
    cover_line: ParagraphStyle
    section: ParagraphStyle  # a heading kept with what follows by a CondPageBreak instead of
    subheading: ParagraphStyle  # keepWithNext (which would move a whole long text along)
    register_head_right: ParagraphStyle  # the header of an amount column
    notice: ParagraphStyle  # a warning or note below a table, indented


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=FAMILY, fontSize=BODY_SIZE, leading=13.5, alignment=TA_LEFT,
                textColor=INK, spaceAfter=5, splitLongWords=1)
    base.update(kw)
    return ParagraphStyle(name, **base)


@lru_cache(maxsize=1)
def sheet() -> Sheet:
    """The style sheet (fonts registered first)."""
    register_fonts()
    return Sheet(
        title=_style("Title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=10),
        heading=_style("Heading", fontName=BOLD, fontSize=12, leading=15, spaceAfter=0,
                       keepWithNext=1),
        label=_style("Label", fontName=BOLD, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        body=_style("Body"),
        body_tight=_style("BodyTight", spaceAfter=0),
        indented=_style("Indented", leftIndent=0.6 * cm),
        indented_tight=_style("IndentedTight", leftIndent=0.6 * cm, spaceAfter=0),
        small=_style("Small", fontSize=SMALL_SIZE, leading=10, spaceAfter=2),
        muted=_style("Muted", fontSize=SMALL_SIZE + 1, leading=11, textColor=MUTED,
                     spaceAfter=6),
        cell=_style("Cell", fontSize=9.5, leading=12, spaceAfter=0),
        cell_bold=_style("CellBold", fontName=BOLD, fontSize=9.5, leading=12, spaceAfter=0),
        cell_right=_style("CellRight", fontSize=9.5, leading=12, spaceAfter=0,
                          alignment=TA_RIGHT),
        header=_style("Header", fontSize=HEADER_SIZE, leading=11, spaceAfter=0),
        header_bold=_style("HeaderBold", fontName=BOLD, fontSize=HEADER_SIZE + 1, leading=12,
                           spaceAfter=0),
        register_head=_style("RegisterHead", fontName=BOLD, fontSize=REGISTER_SIZE - 1,
                             leading=10, spaceAfter=0),
        register_cell=_style("RegisterCell", fontSize=REGISTER_SIZE, leading=11.5,
                             spaceAfter=0),
        register_block=_style("RegisterBlock", fontSize=REGISTER_SIZE, leading=11.5,
                              spaceAfter=4),
        cover_title=_style("CoverTitle", fontName=BOLD, fontSize=22, leading=28,
                           spaceAfter=18),
        cover_line=_style("CoverLine", fontSize=12, leading=16, spaceAfter=4),
        section=_style("Section", fontName=BOLD, fontSize=13, leading=16, spaceBefore=4,
                       spaceAfter=6),
        subheading=_style("Subheading", fontName=BOLD, fontSize=10.5, leading=13,
                          spaceBefore=10, spaceAfter=4),
        register_head_right=_style("RegisterHeadRight", fontName=BOLD,
                                   fontSize=REGISTER_SIZE - 1, leading=10, spaceAfter=0,
                                   alignment=TA_RIGHT),
        notice=_style("Notice", fontSize=9.5, leading=12.5, leftIndent=0.5 * cm,
                      spaceAfter=5),
    )
