"""The activity catalogue workbook: numbers as numbers, small counts as the text "<5" (a
public output like the PDF), text never a formula."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from finsam_desktop import i18n
from finsam_desktop.reports.activities_xlsx import write_catalogue_xlsx
from finsam_desktop.reports.spreadsheets import EXCEL_CELL_LIMIT
from tests.reports import activities_data as ad
from tests.reports.sv_labels_activities import SV_DOMAIN

SHEETS = ["Insatser", "Deltagare", "Måluppfyllelse", "Utvärderingar"]


@pytest.fixture(autouse=True)
def activity_words(swedish_labels):
    """The activity words of the domain and services, in Swedish (until the .po has them)."""
    i18n._catalog.update(SV_DOMAIN)


@pytest.fixture(scope="module")
def data():
    i18n.set_language("sv")
    from tests.reports.sv_labels import SV

    i18n._catalog.update(SV)
    i18n._catalog.update(SV_DOMAIN)
    try:
        return ad.catalogue()
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def book(data, tmp_path):
    return load_workbook(write_catalogue_xlsx(data, tmp_path / "katalog.xlsx"))


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def by_name(sheet) -> dict[str, dict]:
    """The Insatser sheet as {activity: {header: value}}."""
    header, *lines = rows(sheet)
    return {line[0]: dict(zip(header, line, strict=True)) for line in lines}


def number(value) -> Decimal:
    """A cell that must be a number (never text), exactly."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(str(value))


def test_four_sheets_with_bold_frozen_headers_and_widths(book):
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        header_row = 2 if sheet.title == "Deltagare" else 1
        assert sheet.freeze_panes == f"A{header_row + 1}"
        assert all(c.font.bold for c in sheet[header_row] if c.value is not None)
        assert sheet.column_dimensions["A"].width >= 30
    assert book.properties.title == "Insatskatalog 2026"


def test_activities_one_row_each_with_facts_and_money_as_numbers(book, data):
    sheet = book["Insatser"]
    activities = by_name(sheet)
    assert set(activities) == {e.name for e in data.entries}
    assert ad.OLD not in activities
    steg = activities[ad.STEG]
    assert (steg["Inriktning"], steg["Status"], steg["ESF-finansierad"], steg["Huvudman"]) == \
        ("Individinriktad", "Pågående", "Ja", "Aby kommun")
    assert steg["Medverkande parter"] == "Försäkringskassan, Arbetsförmedlingen, Aby kommun"
    assert steg["Från"] == dt.datetime(2025, 1, 1) and steg["Till"] == dt.datetime(2027, 12, 31)
    assert steg["Beslut"] == "§ 9, 2025-11-20"
    assert number(steg["Beviljat belopp"]) == 4_950_000
    assert number(steg["Budget 2026"]) == 1_650_000
    assert number(steg["Utfall 2026"]) == 1_300_000
    assert steg["Påbörjade deltagare 2026"] == 25 and steg["Avslutade deltagare 2026"] == 17
    share = steg["Andel i arbete eller studier efter insatsen"]
    assert share == pytest.approx(11 / 17, abs=1e-6)
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == ad.STEG)
    assert row[header.index("Andel i arbete eller studier efter insatsen")].number_format \
        == "0.0%"
    assert row[header.index("Från")].number_format == "yyyy-mm-dd"
    hostile = activities[ad.HOSTILE]
    assert number(hostile["Beviljat belopp"]) == Decimal("1100000.50")
    assert hostile["Till"] is None and hostile["Målgrupp"] == ad.HOSTILE_TARGET
    assert hostile["Mål"] == ad.HOSTILE_GOALS and hostile["Beskrivning"] == ad.HUGE_DESCRIPTION
    assert activities[ad.FORUM]["Beviljat belopp"] is None


def test_participants_small_counts_are_text_and_the_note_says_why(book):
    sheet = book["Deltagare"]
    note, header, *lines = rows(sheet)
    assert "<5" in note[0] and "allmän handling" in note[0]
    assert header == ("Insats", "Mått", "Kategori", "Antal")
    found = {(a, m, c): n for a, m, c, n in lines}
    assert found[(ad.STEG, "Påbörjade, efter kön", "Kvinnor")] == 14
    assert found[(ad.STEG, "Påbörjade, efter kön", "Män")] == ".."
    assert found[(ad.STEG, "Påbörjade, efter kön", "Annat eller uppgift saknas")] == "<5"
    assert found[(ad.STEG, "Påbörjade, efter kön", "Summa")] == 25
    assert found[(ad.STEG, "Sysselsättning efter", "Arbete")] == 6
    assert found[(ad.STEG, "Sysselsättning efter", "Annan")] == "<5"
    assert (ad.STEG, "Sysselsättning efter", "Summa") in found
    assert (ad.STEG, "Sysselsättning före", "Arbete") not in found  # 0: left out
    assert found[(ad.STEG, "Avslutningsorsak", "Summa")] == 17
    assert found[(ad.HOSTILE, "Påbörjade, efter kön", "Kvinnor")] == "<5"
    assert found[(ad.HOSTILE, "Påbörjade, efter kön", "Summa")] == 7
    counts = list(found.values())
    assert all((isinstance(n, int) and (n == 0 or n >= 5)) or n in ("<5", "..")
               for n in counts), counts
    assert sheet.auto_filter.ref == f"A2:D{len(lines) + 2}"


def test_goal_fulfilment_values_as_numbers(book):
    header, *lines = rows(book["Måluppfyllelse"])
    assert header == ("Mål", "Måluppfyllelse", "Indikator", "Utgångsvärde", "Målvärde",
                      "Senaste", "Uppfyllelse")
    first, second = lines
    assert first[:3] == ("Fler går vidare till arbete eller studier", "Delvis uppfyllt",
                         "Andel till arbete eller studier (%)")
    assert [number(v) for v in first[3:6]] == [30, 40, Decimal("36.4")]
    assert first[6] == "Delvis uppfyllt" and second[6] == "Uppfyllt"


def test_evaluations_with_their_dates(book):
    header, *lines = rows(book["Utvärderingar"])
    assert header == ("Insats", "Typ", "Titel", "Utvärderare", "Avslutad", "Resultat")
    assert lines == [(ad.STEG, "Processutvärdering", "Processutvärdering av Steg till arbete",
                      "FoU Väst & Co", dt.datetime(2026, 6, 30), ad.FINDINGS)]


def test_text_is_never_a_formula_and_long_text_is_cut_at_excels_limit(data, tmp_path):
    hostile = {ad.STEG: "=HYPERLINK(\"http://x\",\"klick\")", ad.TRAINING: "+1+1",
               ad.FORUM: "@SUM(A1:A9)"}
    entries = tuple(dataclasses.replace(e, name=hostile.get(e.name, e.name),
                                        description=ad.long_text(100_000)
                                        if e.name == ad.HOSTILE else e.description)
                    for e in data.entries)
    out = write_catalogue_xlsx(dataclasses.replace(data, entries=entries), tmp_path / "x.xlsx")
    book = load_workbook(out)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    names = [c for c in book["Insatser"]["A"][1:]]
    assert {c.value for c in names} >= set(hostile.values())
    assert all(c.quotePrefix for c in names if c.value in hostile.values())
    description = by_name(book["Insatser"])[ad.HOSTILE]["Beskrivning"]
    assert len(description) == EXCEL_CELL_LIMIT and description.endswith("…")
    participants = [r[0] for r in rows(book["Deltagare"])[2:]]
    assert hostile[ad.STEG] in participants
