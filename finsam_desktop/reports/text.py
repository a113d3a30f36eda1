"""The one choke point where user text becomes ReportLab paragraph markup.

Free text is printed exactly as typed: `<`, `&` and anything that looks like a tag or an
entity are escaped, line breaks become <br/>, and only characters no PDF can hold are
removed. What is removed or changed, and why:

- NUL and the other C0 control characters except line feed and tab (ReportLab cannot
  print them; a pasted NUL would otherwise end up in the PDF as garbage), DEL, lone UTF-16
  surrogates and the non-characters U+FFFE/U+FFFF;
- carriage returns become line breaks, tabs become spaces;
- runs of spaces are shown as one (ReportLab lays text out like HTML).

Long text is cut into several Paragraph flowables: at blank lines, then at line breaks and
spaces, and a very long unbroken word is cut too. ReportLab's line breaking is quadratic:
one 100 kB paragraph takes seconds, one 1 MB paragraph minutes.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from finsam_desktop.reports.fonts import cover

MAX_CHUNK = 2000  # characters per Paragraph flowable
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def clean(text: str) -> str:
    """The text without characters a PDF cannot hold (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNPRINTABLE.sub("", text)


def markup(text: str) -> str:
    """Paragraph markup that prints `text` verbatim (for short values: names, titles)."""
    text = clean(text)
    cover(text)
    return escape(text).replace("\n", "<br/>")


def chunks(text: str, limit: int = MAX_CHUNK) -> list[list[str]]:
    """The cleaned text as blocks (split at blank lines), each a list of pieces ≤ limit."""
    blocks = [b.strip("\n") for b in _BLANK_LINE.split(clean(text).strip())]
    return [_pieces(block, limit) for block in blocks if block.strip()]


def _pieces(block: str, limit: int) -> list[str]:
    """Cut one block into pieces of at most `limit` characters at line breaks or spaces."""
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        while len(line) > limit:
            cut = line.rfind(" ", limit // 2, limit + 1)
            cut = cut if cut > 0 else limit
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        current = line
    if current:
        pieces.append(current)
    return pieces


def paragraphs(text: str, style, *, tight_style=None) -> list:
    """User text as a list of Paragraphs in `style`.

    A block that had to be cut continues in `tight_style` pieces (no space after), so only
    real blank lines look like paragraph breaks."""
    from reportlab.platypus import Paragraph

    flowables = []
    cover(text)
    for pieces in chunks(text):
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            chosen = style if last or tight_style is None else tight_style
            flowables.append(Paragraph(escape(piece).replace("\n", "<br/>"), chosen))
    return flowables
