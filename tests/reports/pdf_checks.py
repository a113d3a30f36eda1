"""Reading rendered PDFs back with pypdf: text, page count, fonts, annotations, images."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def squash(text: str) -> str:
    """Whitespace normalised to single spaces (pypdf re-wraps lines)."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    """Normalised text of each page."""
    return [squash(page.extract_text()) for page in PdfReader(str(path)).pages]


def text(path: Path) -> str:
    """Normalised text of the whole document."""
    return " ".join(page_texts(path))


def fonts(path: Path) -> set[tuple[str, bool]]:
    """(BaseFont, embedded) of every font any page uses."""
    found = set()
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            found.add((str(font["/BaseFont"]), _embedded(font)))
    return found


def _embedded(font) -> bool:
    descriptors = [font.get("/FontDescriptor")]
    descriptors += [d.get_object().get("/FontDescriptor")
                    for d in font.get("/DescendantFonts", [])]
    for ref in descriptors:
        if ref is not None:
            desc = ref.get_object()
            if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return True
    return False


def annotations(path: Path) -> list:
    """Every annotation on every page (links would show up here)."""
    found = []
    for page in PdfReader(str(path)).pages:
        found += [a.get_object() for a in page.get("/Annots", [])]
    return found


def images(path: Path) -> list:
    """Every image XObject on every page."""
    found = []
    for page in PdfReader(str(path)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        found += [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    return found


def raw_bytes_contain(path: Path, needle: bytes) -> bool:
    """Whether the file's bytes contain `needle` (e.g. b"/URI")."""
    return needle in Path(path).read_bytes()


def drawn_strings(path: Path) -> list[str]:
    """Every string the content streams draw, decoded through the fonts' ToUnicode maps,
    in drawing order and without any reordering (pypdf reverses right-to-left runs)."""
    from pypdf.generic import ContentStream

    found = []
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"]["/Font"]
        maps = {name: _to_unicode(ref.get_object()) for name, ref in fonts.items()}
        current: dict[int, str] = {}
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator == b"Tf":
                current = maps.get(operands[0], {})
            elif operator == b"Tj":
                found.append("".join(current.get(b, "") for b in _bytes(operands[0])))
    return found


def _bytes(operand) -> bytes:
    if isinstance(operand, bytes):
        return operand
    return operand.get_original_bytes()


def _to_unicode(font) -> dict[int, str]:
    import re

    if "/ToUnicode" not in font:
        return {}
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    return {int(code, 16): bytes.fromhex(target).decode("utf-16-be")
            for code, target in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>", data)}


def body_text(path: Path, furniture_ends_with: str) -> str:
    """The text without each page's header and footer: pypdf returns the page furniture
    first (up to `furniture_ends_with`) and the page label "Sida x (y)" last."""
    import re

    bodies = []
    for page in page_texts(path):
        start = page.index(furniture_ends_with) + len(furniture_ends_with)
        bodies.append(re.sub(r"(Sida|Page) \d+ \(\d+\)$", "", page[start:]).strip())
    return " ".join(bodies)
