"""Archive grade for every PDF the app writes: PDF/A-2b by a pikepdf pass after ReportLab.

ReportLab has no PDF/A switch, so `layout.build_pdf` lays a document out in memory and hands
the bytes to `archive()`, which writes the file. Every PDF writer in `reports/` goes through
`build_pdf`, so each of them gets this step. What it adds or fixes (ISO 19005-2, level B):

- an **output intent** (/GTS_PDFA1) with the sRGB ICC profile shipped in
  `resources/color/sRGB.icc` (ICC v2.3 from Debian's icc-profiles-free, zlib licence; v2 so
  the same file also serves PDF/A-1), which gives ReportLab's DeviceRGB colours their meaning;
- **XMP metadata** (uncompressed, as PDF/A asks): pdfaid:part 2 and conformance B, dc:title,
  dc:creator (the agency), dc:description (the subject), dc:language, pdf:Producer,
  xmp:CreatorTool and the dates, written from the same values as the document information
  dictionary (Title, Author, Subject, Creator, Producer, CreationDate, ModDate), so the two
  agree as PDF/A requires; ReportLab's empty Keywords and its /Trapped are dropped;
- **/Lang** in the catalogue (sv-SE, or en-GB when the UI is English) and DisplayDocTitle, so
  viewers and screen readers show the title, not the file name;
- the Print flag on every annotation (and no hidden ones), as PDF/A asks; ReportLab's empty
  page transition dictionaries (/Trans << >>, a slide-show effect) are removed;
- a file identifier derived from the content (reproducible bytes with `rl_config.invariant`,
  which also fixes the dates at 2000-01-01 as ReportLab does).

What it relies on instead of checking each time (the tests check it, see
tests/reports/test_pdfa.py): every font is the embedded DejaVu family (`fonts.register_fonts`
makes it the canvas' base font, so no standard-14 Helvetica sneaks in), no drawing uses
transparency or images with alpha, and nothing links to files or scripts.

Validation (tests/reports/test_pdfa.py): there is no PDF/A-2 validator in Debian. The tests
run two offline validators on every kind of document:

1. pikepdf's own PDF/A validator (`pikepdf.pdfa.validate_written`, pure Python, the rules of
   the veraPDF profiles, approves only what it knows to conform) checks the PDF/A-2b files
   exactly as the app writes them;
2. Apache PDFBox Preflight 2.0 (Debian's libpdfbox2-java) only knows PDF/A-1b. The same
   documents are written once more with `PART = 1` (pdfaid:part 1, header %PDF-1.4, the
   same profile, fonts and content) and must come out fully valid. Since that file differs
   from the PDF/A-2b one only in the identification and the header version, and PDF/A-1b is
   the stricter level (no transparency, no object streams, ICC v2), this also covers the
   structure, fonts, colour and metadata of the PDF/A-2b files.

Cost: one parse and one write with qpdf; about 0.03 s for a 50-page protocol here.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from finsam_desktop import __version__
from finsam_desktop.paths import resource

PART = 2  # ISO 19005 part; tests set 1 to validate with PDFBox Preflight (PDF/A-1b only)
CONFORMANCE = "B"
CREATOR = "FINSAM Desktop"
ICC_PROFILE = ("color", "sRGB.icc")
OUTPUT_CONDITION = "sRGB IEC61966-2.1"

# characters XML 1.0 cannot hold (the XMP packet is XML; DocInfo gets the same text)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PRINT, _HIDDEN = 4, 1 | 2 | 32 | 256  # annotation flags: Print; Invisible, Hidden, NoView…


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a document says about itself (document information and XMP alike)."""

    title: str
    author: str  # the agency
    subject: str
    language: str  # BCP 47: "sv-SE", "en-GB"


def producer() -> str:
    return f"{CREATOR} {__version__} (ReportLab, pikepdf)"


def archive(source: bytes, out: Path, info: DocumentInfo, *, part: int | None = None) -> Path:
    """Write the ReportLab output `source` to `out` as PDF/A-`part` level B."""
    import pikepdf

    part = PART if part is None else part
    stamp = _timestamp()
    values = _cleaned(info)
    with pikepdf.open(io.BytesIO(source)) as pdf:
        _set_docinfo(pdf, values, stamp)
        pdf.Root.Metadata = _metadata_stream(pdf, values, stamp, part)
        pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf)])
        pdf.Root.Lang = pikepdf.String(values.language)
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        _clean_pages(pdf)
        pdf.save(out, min_version="1.4" if part == 1 else "1.7", deterministic_id=True,
                 fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out


def archive_file(path: Path, info: DocumentInfo, *, part: int | None = None) -> Path:
    """Turn an existing PDF into PDF/A in place (atomically)."""
    path = Path(path)
    part_file = path.with_name(path.name + ".pdfa")
    try:
        archive(path.read_bytes(), part_file, info, part=part)
        os.replace(part_file, path)
    finally:
        part_file.unlink(missing_ok=True)
    return path


def _cleaned(info: DocumentInfo) -> DocumentInfo:
    def clean(text: str) -> str:
        return " ".join(_NOT_XML.sub("", text).split())

    return DocumentInfo(clean(info.title), clean(info.author), clean(info.subject),
                        clean(info.language) or "sv-SE")


def _timestamp() -> dt.datetime:
    """Now, to the second with the UTC offset; 2000-01-01 UTC for reproducible test output."""
    from reportlab import rl_config

    if rl_config.invariant:
        return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _pdf_date(stamp: dt.datetime) -> str:
    offset = stamp.strftime("%z") or "+0000"
    return f"D:{stamp:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


def _set_docinfo(pdf, values: DocumentInfo, stamp: dt.datetime) -> None:
    import pikepdf

    entries = {"/Title": values.title, "/Author": values.author, "/Subject": values.subject,
               "/Creator": CREATOR, "/Producer": producer()}
    info = pikepdf.Dictionary({key: pikepdf.String(value)
                               for key, value in entries.items() if value})
    info.CreationDate = info.ModDate = pikepdf.String(_pdf_date(stamp))
    pdf.trailer.Info = pdf.make_indirect(info)


def xmp_packet(values: DocumentInfo, stamp: dt.datetime, part: int) -> bytes:
    """The XMP packet: PDF/A identification plus the document information, mirrored."""
    when = stamp.isoformat()
    dc = ["<dc:format>application/pdf</dc:format>",
          _alt("dc:title", values.title)]
    if values.author:
        dc.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(values.author)}</rdf:li></rdf:Seq>"
                  "</dc:creator>")
    if values.subject:
        dc.append(_alt("dc:description", values.subject))
    dc.append(f"<dc:language><rdf:Bag><rdf:li>{escape(values.language)}</rdf:li></rdf:Bag>"
              "</dc:language>")
    lines = [
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
        f"<pdfaid:part>{part}</pdfaid:part>",
        f"<pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>",
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        *dc,
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
        f"<pdf:Producer>{escape(producer())}</pdf:Producer>",
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
        f"<xmp:CreatorTool>{escape(CREATOR)}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{when}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>",
        "</rdf:Description>",
        "</rdf:RDF>",
        "</x:xmpmeta>",
        '<?xpacket end="w"?>',
    ]
    return "\n".join(lines).encode("utf-8")


def _alt(tag: str, text: str) -> str:
    return (f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'
            f"</{tag}>")


def _metadata_stream(pdf, values: DocumentInfo, stamp: dt.datetime, part: int):
    import pikepdf

    stream = pikepdf.Stream(pdf, xmp_packet(values, stamp, part))
    stream.Type = pikepdf.Name.Metadata
    stream.Subtype = pikepdf.Name.XML
    return pdf.make_indirect(stream)


@cache
def icc_profile() -> bytes:
    """The shipped sRGB profile (see resources/color/LICENSE-sRGB.txt)."""
    return resource(*ICC_PROFILE).read_bytes()


def _output_intent(pdf):
    import pikepdf

    profile = pikepdf.Stream(pdf, icc_profile())
    profile.N = 3
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION),
        Info=pikepdf.String(OUTPUT_CONDITION),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=pdf.make_indirect(profile)))


def _clean_pages(pdf) -> None:
    """Drop ReportLab's empty page transition; every annotation printable and visible."""
    for page in pdf.pages:
        if "/Trans" in page.obj and not page.obj.Trans.keys():
            del page.obj.Trans
        for annot in page.obj.get("/Annots", ()):
            flags = int(annot.get("/F", 0))
            annot.F = (flags | _PRINT) & ~_HIDDEN
