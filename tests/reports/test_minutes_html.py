"""The web minutes' accessible HTML twin: language, headings, header cells, escaping, and
the export that writes it beside the PDF (service and CLI)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from finsam_desktop import i18n
from finsam_desktop.reports.data import AttendeeLine, MotionLine, ParagraphBlock, StatementLine
from finsam_desktop.reports.minutes_html import minutes_html, render_minutes_html
from tests.reports import report_data as rd
from tests.reports.pdf_checks import squash, text

HOSTILE = ["<script>alert('x')</script>", "</td></tr></table><h1>fake</h1>", "R&D &amp; &lt;",
           "<!-- comment -->", "\"quoted\" 'single'", "<img src=x onerror=alert(1)>",
           "Ŋ Č Đ Ł Ő – § € 😀", "مرحبا"]


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer",
                "section", "h1", "h2", "h3", "p", "strong", "span", "br", "ul", "li",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td"}


class _Page(HTMLParser):
    """What a screen reader sees: language, headings, header cells, text, any script."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.headings: list[tuple[str, str]] = []
        self.header_cells: list[tuple[str | None, str]] = []
        self.tags: list[str] = []
        self.texts: list[str] = []
        self._open: list[tuple[str, dict]] = []
        self._buffer: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("h1", "h2", "h3", "th", "title"):
            self._open.append((tag, attrs))
            self._buffer = []

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            name, attrs = self._open.pop()
            content = squash("".join(self._buffer))
            if name == "th":
                self.header_cells.append((attrs.get("scope"), content))
            else:
                self.headings.append((name, content))

    def handle_data(self, data):
        self._buffer.append(data)
        self.texts.append(data)

    @property
    def text(self) -> str:
        return squash(" ".join(self.texts))


def test_language_title_and_one_heading_per_paragraph():
    data = rd.minutes()
    page = _Page(minutes_html(data))
    assert page.lang == "sv"
    title = "Sammanträdesprotokoll – Styrelsen 2026-11-20"
    assert ("title", title) in page.headings
    assert [h for h in page.headings if h[0] == "h1"] == [("h1", title)]
    h2 = [content for name, content in page.headings if name == "h2"]
    assert h2[:2] == ["Närvaro", "ANSLAG/BEVIS"]
    assert h2[2:] == [f"§ {b.number} {b.title}" for b in data.paragraphs]
    assert ("h3", "Beslut") in page.headings and ("h3", "Omröstning") in page.headings
    assert "script" not in page.tags and "img" not in page.tags


def test_tables_have_header_cells_with_scope():
    page = _Page(minutes_html(rd.minutes()))
    rows = {content for scope, content in page.header_cells if scope == "row"}
    assert {"Plats och tid", "Beslutande", "Frånvarande", "Justering",
            "Sista dag för överklagande", "Förvaringsplats för protokollet"} <= rows
    columns = [content for scope, content in page.header_cells if scope == "col"]
    assert columns[:4] == ["Namn", "Ja", "Nej", "Avstår"]  # the roll-call vote
    assert "Anna Berg" in rows  # who voted: a row header each
    assert all(scope in ("row", "col") for scope, _ in page.header_cells)


def test_same_content_as_the_web_pdf(tmp_path):
    from finsam_desktop.reports.minutes_pdf import render_minutes

    data = rd.minutes()
    page = _Page(minutes_html(data))
    pdf = text(render_minutes(data, tmp_path / "webb.pdf", variant="web"))
    for block in data.paragraphs:
        for value in (block.title, block.decision, block.background):
            assert squash(value) in page.text and squash(value) in pdf, value
    note = "Justerat protokoll – originalet med underskrifter finns hos förbundet."
    assert note in page.text and note in pdf
    assert "Kontrollsumma: " + data.seal_hash in page.text
    assert "Ordförandes sign." not in page.text  # no signatures, no initials boxes


def _hostile():
    body = "\n\n".join(HOSTILE)
    block = ParagraphBlock(84, HOSTILE[1], "decision", dnr="2026/<1>", background=body,
                           motions=(MotionLine(HOSTILE[0], body),), decision=body,
                           reservations=(StatementLine(HOSTILE[2], body),), notify=HOSTILE[3])
    return rd.minutes(paragraphs=(block,),
                      decision_makers=(AttendeeLine(HOSTILE[5], HOSTILE[4], ()),))


def test_hostile_text_is_rendered_verbatim_and_adds_no_markup():
    source = minutes_html(_hostile())
    page = _Page(source)
    for sample in HOSTILE:
        assert squash(sample) in page.text, sample
    for sample in HOSTILE[:2]:  # background, motion, decision, reservation (and heading)
        assert page.text.count(squash(sample)) >= 4, sample
    assert ("h2", f"§ 84 {HOSTILE[1]}") in page.headings
    assert [h for h in page.headings if h[0] == "h1"] == [
        ("h1", "Sammanträdesprotokoll – Styrelsen 2026-11-20")]
    assert set(page.tags) <= ALLOWED_TAGS
    assert "<script" not in source and "<img" not in source and "<!--" not in source


def test_control_characters_are_dropped_like_in_the_pdf():
    block = ParagraphBlock(84, "före\x00efter\x07", "decision", decision="a\r\nb\x1bc")
    page = _Page(minutes_html(rd.minutes(paragraphs=(block,))))
    assert ("h2", "§ 84 föreefter") in page.headings
    assert "a b c" not in page.text and "bc" in page.text


def test_english(english):
    page = _Page(minutes_html(rd.minutes()))
    assert page.lang == "en"
    assert ("h1", "Minutes – Styrelsen 2026-11-20") in page.headings
    assert ("col", "Yes") in page.header_cells


def test_written_atomically_as_utf8(tmp_path):
    out = render_minutes_html(rd.minutes(), tmp_path / "protokoll.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.html"]


# --- the export: the web variant writes the HTML beside the PDF ---------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from finsam_desktop.cli import main

    path = tmp_path_factory.mktemp("web") / "demo.sqlite"
    assert main(["demo", str(path), "--years", "1", "--seed", "2"]) == 0
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    return path


def test_web_minutes_job_writes_pdf_and_html_and_names_both(demo_db, tmp_path):
    from finsam_desktop.services import exports
    from finsam_desktop.services.maintenance import open_database

    store = open_database(demo_db, read_only=True)
    try:
        web = exports.minutes_job(store, 1, "web")
        signed = exports.minutes_job(store, 1, "signed")
    finally:
        store.close()
    pdf = web.run(tmp_path / "webb.pdf")
    assert web.companions(pdf) == (tmp_path / "webb.html",)
    page = _Page((tmp_path / "webb.html").read_text(encoding="utf-8"))
    assert page.lang == "sv" and any(h[1].startswith("§ 1 ") for h in page.headings)
    assert signed.companions(tmp_path / "p.pdf") == ()
    signed.run(tmp_path / "p.pdf")
    assert not (tmp_path / "p.html").exists()
    assert exports.html_twin(Path("x.html")) == Path("x.html.html")


def test_cli_web_minutes_prints_both_paths(demo_db, tmp_path, capsys):
    from finsam_desktop.cli import main

    out = tmp_path / "anslag" / "protokoll.pdf"
    assert main(["export", "web-minutes", str(demo_db), "--meeting", "1", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and str(out.with_suffix(".html")) in printed
    assert out.exists() and out.with_suffix(".html").exists()
    assert main(["export", "minutes", str(demo_db), "--meeting", "1", "-o",
                 str(tmp_path / "signed.pdf")]) == 0
    assert ".html" not in capsys.readouterr().out

