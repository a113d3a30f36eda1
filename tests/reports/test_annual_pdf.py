"""Årsredovisning and delårsrapport as PDF: the demo agency's year, gathered through the
services, rendered in Swedish and read back with pypdf; figures compared with the data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time

import pytest
from pypdf import PdfReader

from finsam_desktop import i18n
from finsam_desktop.domain.annual import TEXT_SECTIONS
from finsam_desktop.domain.board import SeatRole
from finsam_desktop.domain.budget import Area
from finsam_desktop.formatting import format_date, format_money
from finsam_desktop.reports.annual_pdf import render_annual_report
from finsam_desktop.services import annual_report, board
from finsam_desktop.services.demo import build_demo
from finsam_desktop.services.maintenance import create_database
from tests.factories import TODAY, fixed_clock
from tests.reports.activities_data import long_text
from tests.reports.pdf_checks import annotations, fonts, images, page_texts, squash
from tests.reports.sv_labels import SV

YEAR = TODAY.year - 1  # the demo's last year has its annual report complete
UNTIL = dt.date(TODAY.year, 8, 31)
HOSTILE_NAME = "Förbundet <b>& Co </i> Ŋ Ő"
HOSTILE_ABOUT = "Vi <b>samverkar</b> & <font size=40>växer</font> <img src=\"/etc/passwd\"/> " \
                "<Q&A> åäö ÅÄÖ"
FOREWORD = long_text(100_000)
PART_YEAR = f"{YEAR}-01-01–{YEAR}-06-30"


def _swedish() -> None:
    i18n.set_language("sv")
    i18n._catalog.update(SV)


def _render(data, path):
    start = time.perf_counter()
    render_annual_report(data, path)
    return time.perf_counter() - start


def _read(path) -> dict:
    reader = PdfReader(str(path))
    return {"path": path, "reader": reader, "pages": page_texts(path),
            "outline": _outline(reader)}


def _outline(reader, items=None, level=0) -> list[tuple[int, str, int]]:
    """(level, title, page number from 1) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += _outline(reader, item, level + 1)
        else:
            found.append((level, item.title, reader.get_destination_page_number(item) + 1))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The demo's annual report (year before TODAY), its interim report through August
    this year, a hostile and an unsigned draft variant — rendered once, in Swedish."""
    from reportlab import rl_config

    _swedish()
    before, rl_config.invariant = rl_config.invariant, 1
    folder = tmp_path_factory.mktemp("annual")
    store = create_database(folder / "demo.sqlite", "Demo", clock=fixed_clock())
    try:
        build_demo(store, years=8, seed=1)
        start = time.perf_counter()
        data = annual_report.gather(store, YEAR)
        gathered = time.perf_counter() - start
        seconds = gathered + _render(data, folder / "annual.pdf")
        interim = annual_report.gather(store, TODAY.year, until=UNTIL)
        _render(interim, folder / "interim.pdf")
        hostile = dataclasses.replace(
            data, agency=dataclasses.replace(data.agency, name=HOSTILE_NAME),
            texts={**data.texts, "foreword": FOREWORD, "about": HOSTILE_ABOUT})
        _render(hostile, folder / "hostile.pdf")
        part_year = dataclasses.replace(data.board[0], period=PART_YEAR)
        draft = dataclasses.replace(
            data, board=(part_year, *data.board[1:]),
            texts=dict.fromkeys(TEXT_SECTIONS, ""), notes=(), signatories=(), signing_date=None,
            signing_place="", adopted_ref="",
            statement_problems=("2025: summa tillgångar <skiljer> sig & stämmer inte.",))
        _render(draft, folder / "draft.pdf")
        sitting = [v.person for v in board.board_on(store, data.signing_date)
                   if v.seat.role is SeatRole.MEMBER]
    finally:
        store.close()
        rl_config.invariant = before
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    result = {"data": data, "interim_data": interim, "seconds": seconds, "sitting": sitting,
              "annual": _read(folder / "annual.pdf"), "interim": _read(folder / "interim.pdf"),
              "hostile": _read(folder / "hostile.pdf"), "draft": _read(folder / "draft.pdf")}
    print(f"\nannual report {YEAR}: {len(result['annual']['pages'])} pages, gather and render "
          f"{seconds:.2f} s (gather {gathered:.2f} s)")
    return result


def _page_of(doc: dict, title: str) -> str:
    """The text of the page the bookmark `title` points to."""
    pages = [page for _level, name, page in doc["outline"] if name == title]
    assert pages, title
    return doc["pages"][pages[0] - 1]


def _contents(doc: dict) -> dict[str, int]:
    """The table of contents as title → page (laid out as lines: "Title . . . . 12")."""
    text = doc["reader"].pages[1].extract_text(extraction_mode="layout")
    found = {}
    for line in text.splitlines():
        match = re.match(r"^\s*(\S.*?)\s+(?:\.\s+)+(\d+)\s*$", line)
        if match:
            found[squash(match.group(1))] = int(match.group(2))
    return found


def _money(ore: int) -> str:
    return squash(format_money(ore, unit=False))


def _expected_outline(data) -> list[tuple[int, str]]:
    label = data.text_labels
    entries = [(0, label["foreword"]), (0, "Förvaltningsberättelse")]
    entries += [(1, label[key]) for key in ("about", "year_in_brief", "goals", "activities",
                                            "evaluation", "sound_management", "financial",
                                            "outlook")]
    entries += [(0, "Driftredovisning"), (0, "Resultaträkning"), (0, "Balansräkning"),
                (0, "Kassaflödesanalys"), (0, "Noter"),
                (1, f"Not 1 {label['accounting_principles']}"),
                *[(1, f"Not {number} {title}") for number, title, _text in data.notes],
                (0, "Underskrifter"),
                (0, "Bilagor"), (1, "Bilaga 1: Måluppfyllelse"),
                (1, "Bilaga 2: Deltagare per insats")]
    return entries


def test_every_section_in_order_with_bookmarks_and_contents(built):
    doc, data = built["annual"], built["data"]
    parts = [(level, title) for level, title, _page in doc["outline"] if level <= 1]
    assert parts == _expected_outline(data)
    assert data.text_labels["foreword"] == "Ordföranden har ordet"
    pages = [page for _level, _title, page in doc["outline"]]
    assert pages == sorted(pages)
    assert "Innehåll" in doc["pages"][1]
    contents = _contents(doc)
    for level, title, page in doc["outline"]:
        assert squash(title) in doc["pages"][page - 1], title  # the heading is on its page
        if level <= 1:  # the contents list it with the same page number
            assert contents[squash(title)] == page, title
    assert len(contents) == len(parts)
    # the activities in appendix 2 are bookmarks of their own, below the appendix
    below = [title for level, title, _page in doc["outline"] if level == 2]
    assert "Steg till arbete" in below
    assert len(annotations(doc["path"])) >= len(parts)  # the contents link to the headings
    assert len(data.notes) >= 4
    for number, title, body in data.notes:  # each note under its heading, text verbatim
        page = squash(_page_of(doc, f"Not {number} {title}"))
        assert squash(body.splitlines()[-1]) in page, title


def test_title_page_and_running_header(built):
    doc, data = built["annual"], built["data"]
    first = doc["pages"][0]
    for line in ("Samordningsförbundet Mälarsund Väst", "Årsredovisning 2025",
                 "Org.nr 222000-1891", f"Fastställd av styrelsen {data.adopted_ref}"):
        assert line in first, line
    assert data.adopted_ref.startswith("§")
    total = len(doc["pages"])
    for number, page in enumerate(doc["pages"], start=1):
        assert page.startswith("Samordningsförbundet Mälarsund Väst ÅRSREDOVISNING "
                               "Räkenskapsår 2025"), number
        assert page.endswith(f"Sida {number} ({total})")
    info = doc["reader"].metadata
    assert info.title == "Årsredovisning 2025"
    assert info.author == "Samordningsförbundet Mälarsund Väst"


def test_statements_match_the_data_to_the_krona(built):
    doc, data = built["annual"], built["data"]
    income = {r.code: r for r in data.statements["income"]}
    balance = {r.code: r for r in data.statements["balance"]}
    result, assets = income["result"], balance["total_assets"]
    # the demo's statements agree with its follow-up: the result is the actual result
    assert result.this_year == data.follow_up.actual_result_ore != 0
    assert assets.this_year == balance["total_equity_liabilities"].this_year
    page = _page_of(doc, "Resultaträkning")
    assert "Belopp i kr Not Utfall 2025 Utfall 2024" in page
    assert f"Årets resultat {_money(result.this_year)} {_money(result.last_year)}" in page
    # costs are printed negative, as in municipal statements
    costs = income["operating_costs"]
    assert costs.note_ref == "3"  # the Not column refers to the note explaining the line
    assert f"Verksamhetens kostnader 3 {_money(-costs.this_year)}" in page
    assert "Avskrivningar" not in page  # no figure in either year: left out
    page = _page_of(doc, "Balansräkning")
    assert f"Summa tillgångar {_money(assets.this_year)} {_money(assets.last_year)}" in page
    total = balance["total_equity_liabilities"]
    assert f"Summa eget kapital och skulder {_money(total.this_year)}" in page
    page = _page_of(doc, "Kassaflödesanalys")
    closing = {r.code: r for r in data.statements["cash_flow"]}["cf_cash_closing"]
    assert f"Likvida medel vid årets slut {_money(closing.this_year)} –" in page
    assert data.statement_problems == ()
    assert "stämmer inte överens" not in " ".join(doc["pages"])


def test_operating_statement_totals_match_the_follow_up(built):
    doc, data = built["annual"], built["data"]
    report = data.follow_up
    page = _page_of(doc, "Driftredovisning")
    assert "Belopp i kr Budget 2025 Utfall 2025 Avvikelse kr Avvikelse %" in page
    assert f"Summa kostnader {_money(report.costs.budget_ore)} " \
           f"{_money(report.costs.actual_ore)}" in page
    assert f"Summa intäkter {_money(report.income.budget_ore)} " \
           f"{_money(report.income.actual_ore)}" in page
    assert f"Resultat {_money(report.budget_result_ore)} " \
           f"{_money(report.actual_result_ore)}" in page
    assert report.costs.actual_ore == 984_969_200
    for line in report.lines:
        assert squash(line.label) in page, line.label


def test_every_sitting_ledamot_signs_and_no_ersattare(built):
    doc, data = built["annual"], built["data"]
    page = _page_of(doc, "Underskrifter")
    assert f"{data.signing_place} {format_date(data.signing_date)}" in page
    names = [name for name, _member, _function in data.signatories]
    assert sorted(names) == sorted(built["sitting"])
    assert len(names) == 6
    for name, member, function in data.signatories:
        assert f"{name} {function} {member}" in page, name
    deputies = {line.name for line in data.board if line.role == "Ersättare"}
    assert deputies
    for name in deputies:
        assert name not in page, name


def test_members_board_meetings_auditors_and_staff(built):
    doc, data = built["annual"], built["data"]
    page = _page_of(doc, data.text_labels["about"])
    for name, kind, share in data.members:
        assert squash(f"{name} {kind} {share}") in page, name
    assert "Försäkringskassan Försäkringskassan 50 %" in page
    assert "Arbetsförmedlingen Arbetsförmedlingen 0 %" in page
    text = " ".join(doc["pages"])
    for line in data.board:
        assert squash(f"{line.name} {line.role} {line.function}".strip()) in text, line.name
    dates = ", ".join(d.isoformat() for d in data.meetings)
    assert f"Styrelsen har haft {len(data.meetings)} sammanträden under 2025: {dates}." \
        in squash(text)
    for title, name in data.staff:
        assert f"{title} {name}" in text
    auditors = squash(text[text.index("Revisorer"):])
    assert len(data.auditors) >= 5 and any(line[4] for line in data.auditors)
    for appointed_by, name, kind, firm, period in data.auditors:
        assert squash(f"{name} {kind} {firm} {period}") in auditors, name
        assert appointed_by in auditors
    assert "Auktoriserad revisor Revisionsbyrån Norrsken AB" in auditors
    assert "Period: för den som inte var revisor hela perioden." in auditors


def test_activities_goals_evaluations_key_figures_and_appendices(built):
    doc, data = built["annual"], built["data"]
    text = " ".join(doc["pages"])
    catalogue = data.catalogue
    for entry in catalogue.entries:
        assert squash(entry.name) in text
    activities = _page_of(doc, data.text_labels["activities"])
    assert "Insats Påbörjade Budget 2025 Utfall 2025 Avvikelse kr" in activities
    assert "Individinriktade insatser" in activities and "Strukturövergripande insatser" \
        in activities
    for goal, fulfilment, _indicators in data.goals:
        assert f"{goal} {fulfilment}" in text
    assert "Indikatorerna för varje mål redovisas i bilaga 1." in text
    assert "Deltagarstatistik per insats redovisas i bilaga 2." in text
    for title, evaluator, finished, _findings in data.evaluations:
        assert f"{title} utvärderare: {evaluator} · avslutad {finished}" in text
    assert "Budget 2025 Utfall 2025" in _page_of(doc, data.text_labels["sound_management"])
    for warning in data.figures.warnings:
        assert squash(warning.text) in squash(text)
    appendix = " ".join(doc["pages"][page - 1] for _l, title, page in doc["outline"]
                        if title.startswith("Bilaga"))
    assert "Mål och indikator Utgångsvärde Målvärde Senaste Uppfyllelse" in appendix
    assert "<5: färre än 5 deltagare (1–4); det exakta antalet redovisas inte." in text
    # no participant count from 1 to 4 is printed in the participant tables
    tables = text.split("Bilaga 2: Deltagare per insats", 2)[-1]
    for row in re.findall(r"(?:Kvinnor|Män|16–19|Arbete|Studier) (\S+)", tables):
        assert row not in {"1", "2", "3", "4"}, row
    # the participants-per-year chart ends with the report's year
    assert str(YEAR + 1) not in activities.split("Deltagare per år", 1)[1]


def test_vector_charts_only_embedded_dejavu_fonts_and_pdfa(built):
    from pikepdf.pdfa import validate_written

    for name in ("annual", "interim", "hostile", "draft"):
        report = validate_written(built[name]["path"], "2b")  # layout.build_pdf: PDF/A-2b
        assert report.passed, (name, report.summary())
        used = fonts(built[name]["path"])
        assert used and all(embedded and "DejaVuSans" in font for font, embedded in used), name
        assert images(built[name]["path"]) == [], name


def test_the_interim_report(built):
    doc, data = built["interim"], built["interim_data"]
    assert data.title == "Delårsrapport 2026-08-31"
    first = doc["pages"][0]
    assert "Delårsrapport 2026-08-31" in first
    assert "Perioden 2026-01-01 – 2026-08-31" in first
    assert doc["pages"][1].startswith("Samordningsförbundet Mälarsund Väst DELÅRSRAPPORT "
                                      "Period 2026-01-01 – 2026-08-31")
    titles = [title for _level, title, _page in doc["outline"]]
    for absent in ("Underskrifter", "Resultaträkning", "Balansräkning", "Kassaflödesanalys",
                   "Noter", "Ordföranden har ordet"):
        assert absent not in titles
    text = " ".join(doc["pages"])
    assert "Underskrifter" not in text and "Ort och datum" not in text
    page_number = titles.index("Driftredovisning")
    page = _page_of(doc, "Driftredovisning")
    assert "Budget helår Budget jan–aug Utfall jan–aug Avvikelse jan–aug Prognos helår" in page
    report = data.follow_up
    assert report.through_month == 8
    assert f"Summa intäkter {_money(round(report.income.budget_ore, -2))}" in page
    box = doc["reader"].pages[doc["outline"][page_number][2] - 1].mediabox
    assert box.width > box.height  # the wide statement on a landscape page
    assert "Summa kostnader" in text
    assert f"Summa kostnader {_money(report.costs.budget_ore)}" in squash(text)
    assert "Avslutade utvärderingar" not in text or "2026-12" not in text
    assert "Deltagare registrerade hittills under 2026." in text
    assert any(title == "Bilaga 2: Deltagare per insats" for title in titles)
    # each activity's money is for January–August: its budget lines' figures to date, and
    # the table's total equals those activities' lines in the operating statement (the demo
    # names a line after its activity; a mapping line without an activity is not in the table)
    entries = data.catalogue.entries
    names = {e.name for e in entries}
    activity_rows = [r for r in report.lines if r.area is Area.ACTIVITIES and r.label in names]
    assert len(activity_rows) >= 6
    assert sum(e.budget_ore for e in entries) == sum(r.budget_to_date_ore
                                                    for r in activity_rows)
    assert sum(e.actual_ore for e in entries) == sum(r.actual_ore for r in activity_rows)
    activities_page = squash(_page_of(doc, "Insatser"))
    assert "Påbörjade Budget jan–aug Utfall jan–aug Avvikelse kr" in activities_page
    budget = round(sum(e.budget_ore for e in entries), -2)
    actual = round(sum(e.actual_ore for e in entries), -2)
    assert f"{_money(budget)} {_money(actual)}" in activities_page
    # the members' contributions fall due in January and July (the demo's charter): by
    # August the whole year's contributions are budgeted to date, not eight twelfths
    contributions = next(r for r in report.areas if r.area is Area.CONTRIBUTIONS)
    assert contributions.budget_to_date_ore == contributions.budget_ore


def test_hostile_text_renders_verbatim(built):
    doc = built["hostile"]
    text = " ".join(doc["pages"])
    assert squash(HOSTILE_ABOUT) in text
    assert all(page.startswith(squash(HOSTILE_NAME)) for page in doc["pages"])
    assert f"Styrelsen för {squash(HOSTILE_NAME)}" in text
    # the whole 100 000-character foreword: every paragraph, to the last word
    assert text.count("Stycke ") == FOREWORD.count("Stycke ")
    assert "<b>utan</b> &" in text and text.count(" SLUT ") + text.endswith(" SLUT") >= 1
    assert len(doc["pages"]) > len(built["annual"]["pages"]) + 20
    parts = [(level, title) for level, title, _page in doc["outline"] if level <= 1]
    assert parts == _expected_outline(built["data"])


def test_an_unsigned_draft_leaves_empty_sections_out_and_lines_to_sign(built):
    doc, data = built["draft"], built["data"]
    titles = [title for _level, title, _page in doc["outline"]]
    label = data.text_labels
    for absent in (label["foreword"], label["year_in_brief"], label["outlook"], "Noter"):
        assert absent not in titles
    for present in (label["about"], label["goals"], label["activities"], label["evaluation"],
                    label["sound_management"], label["financial"], "Underskrifter"):
        assert present in titles
    text = " ".join(doc["pages"])
    assert "Utkast – ännu inte fastställd av styrelsen" in doc["pages"][0]
    assert all("Utkast – ännu inte fastställd av styrelsen" in page for page in doc["pages"])
    page = _page_of(doc, "Underskrifter")
    assert "Ort och datum" in page
    assert "skrivs under av de ledamöter som sitter i styrelsen" in page
    for name in built["sitting"]:
        assert name not in page
    about = _page_of(doc, label["about"])
    assert "Namn Roll Funktion Period" in about
    first = data.board[0]
    assert f"{first.name} {first.role} {PART_YEAR}" in about
    assert "Period: för den som inte satt hela perioden." in text
    statements = _page_of(doc, "Resultaträkning")
    assert "Räkenskaperna stämmer inte överens" in statements
    assert "2025: summa tillgångar <skiljer> sig & stämmer inte." in statements
    assert "Fastställd av styrelsen" not in text


def test_appendices_are_numbered_by_what_is_printed(built):
    from finsam_desktop.reports.annual_pdf import _appendix_numbers

    data = built["data"]
    assert _appendix_numbers(data) == (1, 2)
    assert _appendix_numbers(dataclasses.replace(data, goals=())) == (None, 1)
    assert _appendix_numbers(dataclasses.replace(data, catalogue=None)) == (1, None)


def test_time_to_produce_the_annual_report(built):
    assert built["seconds"] < 20
    assert 12 <= len(built["annual"]["pages"]) <= 40
