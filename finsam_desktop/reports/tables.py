"""Table building blocks: a heading row with a right-aligned reference, label/value forms
and a boxed form. Every table names the embedded font, so no cell falls back to Helvetica."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Table, TableStyle

from finsam_desktop.reports import styles as st

BASE = [("FONTNAME", (0, 0), (-1, -1), st.FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]


def table(rows: list, widths: list[float], extra: list | tuple = (), **kw) -> Table:
    """A Table in the base style plus `extra` commands."""
    made = Table(rows, colWidths=widths, hAlign="LEFT", **kw)
    made.setStyle(TableStyle([*BASE, *extra]))
    return made


def heading_row(left: Paragraph, right: Paragraph | str, right_width: float = 4.5 * st.cm,
                top_padding: float = 10) -> Table:
    """A heading on the left and a reference (Dnr) flush right on the same line."""
    return table([[left, right]], [st.FRAME_WIDTH - right_width, right_width],
                 [("RIGHTPADDING", (0, 0), (-1, -1), 0),
                  ("TOPPADDING", (0, 0), (-1, -1), top_padding),
                  ("TOPPADDING", (1, 0), (1, 0), top_padding + 2.5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])


def form(rows: list[list], widths: list[float], group_starts: tuple[int, ...] = (),
         spanned: tuple[int, ...] = ()) -> Table:
    """Label/value rows (label in the first column); extra space above each group start;
    in `spanned` rows the value takes all the columns after the label."""
    extra = [("TOPPADDING", (0, r), (-1, r), 7) for r in group_starts if r > 0]
    extra += [("SPAN", (1, r), (-1, r)) for r in spanned]
    return table(rows, widths, extra, splitByRow=1)


def boxed(rows: list[list], widths: list[float], title_rows: int = 1) -> Table:
    """A framed form (ANSLAG/BEVIS) whose first rows are a shaded, full-width title."""
    extra = [("BOX", (0, 0), (-1, -1), 0.8, st.INK),
             ("LEFTPADDING", (0, 0), (-1, -1), 6),
             ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
             ("LINEBELOW", (0, title_rows), (-1, -2), 0.3, st.RULE),
             ("LINEBELOW", (0, title_rows - 1), (-1, title_rows - 1), 0.6, st.INK),
             ("BACKGROUND", (0, 0), (-1, title_rows - 1), st.SHADE)]
    extra += [("SPAN", (0, r), (-1, r)) for r in range(title_rows)]
    return table(rows, widths, extra)
