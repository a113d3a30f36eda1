"""User text reaches the PDF verbatim, whatever it contains (RELIABILITY.md items 8, 24, 25).

Documented exceptions, all checked below:
- NUL and other C0 control characters are dropped (`reports.text.clean`).
- A soft hyphen (U+00AD) is a hyphenation hint: ReportLab drops it unless it breaks the line
  there, so the extracted word has no soft hyphen.
- Arabic and Hebrew are stored in the order typed (checked on the content stream) but drawn
  left to right without shaping (ReportLab has no bidi/shaping without uharfbuzz); pypdf's
  text extraction reverses right-to-left runs, so pypdf returns them reversed.
- Emoji DejaVu lacks print as the missing-glyph box; the text layer keeps them.
- A word longer than a line is broken across lines, so it is compared without whitespace.
"""

import time

import pytest

from finsam_desktop.reports.data import AttendeeLine, MotionLine, ParagraphBlock, StatementLine
from finsam_desktop.reports.minutes_pdf import render_minutes
from finsam_desktop.reports.notice_pdf import render_notice
from tests.reports import report_data as rd
from tests.reports.pdf_checks import (
    annotations,
    body_text,
    drawn_strings,
    fonts,
    images,
    raw_bytes_contain,
    squash,
    text,
)

VERBATIM = ["if a<b and c>d", "R&D", "se <bilaga 3>", "<b>bold</b>", "<i>kursiv", "</para>",
            "&#99999999;", "&amp; &lt; &nbsp;", "<img src='/etc/passwd'/>",
            "<img src=\"/etc/passwd\" width=\"500\"/>", "<a href='http://x'>x</a>",
            "<font size=40>STOR</font>", "<Q&A>", "a\u202eb RLO", "Ŋ Č Đ Ł Ő Ŧ ŋ",
            "– § € “citat” ‘x’ ½", "emoji 😀 👍🏽 🇸🇪 ok", "中文 名字"]
RTL = ["مرحبا بالعالم", "שלום עולם"]


def _hostile_minutes():
    body = "\n\n".join([*VERBATIM, *RTL, "före\x00efter\x07", "av\u00adstämning"])
    block = ParagraphBlock(84, "<b>Rubrik</b> & R&D <bilaga>", "decision", dnr="2026/<1>",
                           background=body, proposal=body,
                           motions=(MotionLine("<i>Anna</i>", body),),
                           decision=body, reservations=(StatementLine("R&D <x>", body),))
    return rd.minutes(paragraphs=(block,),
                      decision_makers=(AttendeeLine("<b>Ola</b> & Co", "<a href='x'>", ()),))


@pytest.fixture
def hostile_pdf(tmp_path):
    return render_minutes(_hostile_minutes(), tmp_path / "fientlig.pdf")


def test_hostile_strings_come_back_verbatim(hostile_pdf):
    found = text(hostile_pdf)
    for sample in VERBATIM:
        assert found.count(squash(sample)) >= 5, sample  # background, proposal, motion, …
    assert "§ 84 <b>Rubrik</b> & R&D <bilaga> Dnr 2026/<1>" in found
    assert "<b>Ola</b> & Co <a href='x'>" in found
    assert "<i>Anna</i> yrkar:" in found and "R&D <x> reserverar sig mot beslutet." in found


def test_documented_exceptions(hostile_pdf):
    found = text(hostile_pdf)
    assert "\x00" not in found and "föreefter" in found
    assert "avstämning" in found and "\u00ad" not in found
    drawn = drawn_strings(hostile_pdf)
    for word in RTL:
        assert word in drawn  # stored in logical order
        assert word[::-1] in found  # pypdf reverses right-to-left runs


def test_no_links_images_or_foreign_fonts(hostile_pdf, tmp_path):
    notice = render_notice(rd.notice(), tmp_path / "kallelse.pdf")
    for pdf in (hostile_pdf, notice):
        assert annotations(pdf) == []
        assert not raw_bytes_contain(pdf, b"/URI")
        assert images(pdf) == []
        used = fonts(pdf)
        assert used, "no fonts found: the check is broken"
        assert all("DejaVuSans" in name and embedded for name, embedded in used), used
        assert not raw_bytes_contain(pdf, b"Helvetica")


def test_huge_paragraph_and_huge_word_render_quickly(tmp_path):
    words = ("Styrelsen diskuterar insatsens mål och resultat. " * 2100)[:100_000]
    word = "å" * 100_000
    block = ParagraphBlock(84, "Långt ärende", "information", background=words, decision=word)
    started = time.perf_counter()
    pdf = render_minutes(rd.minutes(paragraphs=(block,)), tmp_path / "stor.pdf")
    elapsed = time.perf_counter() - started
    assert elapsed < 20, f"{elapsed:.1f} s"
    found = body_text(pdf, "Utskriven 2026-12-01")
    assert squash(words) in found
    assert word in "".join(found.split())
    print(f"100 kB paragraph + 100 kB word: {elapsed:.2f} s")
