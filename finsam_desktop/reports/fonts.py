"""Embedded fonts for every PDF: the DejaVu Sans family shipped in `resources/fonts/`.

`register_fonts()` registers the four faces once, maps <b>/<i> to them and makes DejaVu the
canvas' starting font, so no document ever references the non-embedded Helvetica. DejaVu
covers Swedish, Sámi, Polish and Hungarian letters (å ä ö Ŋ Č Đ Ł Ő), – § € and Arabic and
Hebrew letters; it has no emoji (they print as empty glyphs but stay in the text layer).

Two corrections keep every character in the text layer (copy, search, screen readers):

- ReportLab writes characters outside the Basic Multilingual Plane into the ToUnicode map
  as five hex digits, which text extractors reject; we write UTF-16 surrogate pairs, as
  the PDF specification asks.
- ReportLab draws a character the font has no glyph for (most emoji, CJK) as code 0,
  which maps back to U+0000, so the character is lost. `cover(text)` first maps each such
  character to the missing-glyph box explicitly, so it gets a code of its own and its
  ToUnicode entry names the real character.
"""

from __future__ import annotations

from finsam_desktop.paths import resource

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FACES = {FAMILY: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
          ITALIC: "DejaVuSans-Oblique.ttf", BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}

_registered = False


def register_fonts() -> str:
    """Register the DejaVu family (once) and make it the canvas base font; returns its name."""
    global _registered
    from reportlab import rl_config

    if not _registered:
        from reportlab.pdfbase import pdfmetrics, ttfonts

        for name, filename in _FACES.items():
            pdfmetrics.registerFont(ttfonts.TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _registered = True
    rl_config.canvas_basefontname = FAMILY
    return FAMILY


def cover(text: str) -> None:
    """Give characters the font lacks their own code (printed as the missing-glyph box)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    faces = [pdfmetrics.getFont(name).face for name in _FACES]
    known = faces[0].charToGlyph
    missing = {code for code in map(ord, set(text)) if code not in known}
    for face in faces:
        for code in missing:
            face.charToGlyph.setdefault(code, 0)


def _utf16_hex(code_point: int) -> str:
    """The code point as UTF-16BE hex digits (a surrogate pair above U+FFFF)."""
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with non-BMP characters written correctly."""
    chars = [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *chars, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])
