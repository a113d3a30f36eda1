"""The budget workbook: numbers as exact numbers, sums that add up, the Utfall sheet in
exactly the import layout, text never a formula."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from finsam_desktop import i18n
from finsam_desktop.domain.budget import (
    ACTUALS_HEADERS,
    ACTUALS_SHEET,
    AREA_LABELS,
    Area,
    BudgetLine,
    BudgetYear,
    Focus,
    Periods,
)
from finsam_desktop.reports.budget_xlsx import write_budget_xlsx
from finsam_desktop.reports.spreadsheets import TRIGGERS
from finsam_desktop.services import budget, budget_report
from tests.factories import add_members, new_store
from tests.reports import budget_data as bd
from tests.reports.sv_labels_budget import SV_DOMAIN

SHEETS = ["Budget", "Medlemsbidrag", "Uppföljning", "Utfall", "Nyckeltal"]


@pytest.fixture(autouse=True)
def budget_words(swedish_labels):
    """The budget words of the domain and services, in Swedish (until the .po has them)."""
    i18n._catalog.update(SV_DOMAIN)


@pytest.fixture
def built(tmp_path):
    store, info = bd.build(texts={})
    data = budget_report.gather(store, bd.YEAR)
    out = write_budget_xlsx(data, tmp_path / "budget.xlsx")
    return {"store": store, "info": info, "data": data, "path": out,
            "book": load_workbook(out)}


def ore(value) -> int:
    """A cell's kronor back in öre, exactly (a number, never text)."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    result = Decimal(str(value)) * 100
    assert result == result.to_integral_value(), value
    return int(result)


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_sheets_headers_bold_frozen_and_written_atomically(built):
    book = built["book"]
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert sheet.column_dimensions["A"].width > 5
    assert not list(built["path"].parent.glob("*.part"))
    assert book.properties.title == "Verksamhetsplan med budget 2026, plan 2027–2028"


def test_budget_sheet_lines_are_numbers_and_the_totals_add_up(built):
    sheet = built["book"]["Budget"]
    table = rows(sheet)
    assert table[0] == ("Område", "Rad", "Inriktning", "Budget 2026", "Plan 2027", "Plan 2028")
    lines = [r for r in table[1:] if r[0]]
    by_name = {r[1]: [ore(v) for v in r[3:6]] for r in lines}
    assert by_name["Medlemsbidrag"] == list(bd.CONTRIBUTIONS)
    for name, area, focus, amounts, _monthly in bd.LINES:
        assert by_name[name] == [a * bd.KR for a in amounts], name
        row = next(r for r in lines if r[1] == name)
        assert row[0] == SV_DOMAIN[AREA_LABELS[area]]
        assert row[2] == ({Focus.INDIVIDUAL: "Individinriktad",
                           Focus.STRUCTURAL: "Strukturövergripande"}.get(focus))
    totals = {r[1]: [ore(v) if v is not None else None for v in r[3:6]]
              for r in table if not r[0] and r[1]}
    income_areas = {SV_DOMAIN[AREA_LABELS[a]] for a in (Area.CONTRIBUTIONS, Area.OTHER_INCOME)}
    for p in range(3):
        income = sum(by_name[r[1]][p] for r in lines if r[0] in income_areas)
        costs = sum(by_name[r[1]][p] for r in lines if r[0] not in income_areas)
        assert totals["Summa intäkter"][p] == income
        assert totals["Summa kostnader"][p] == costs
        assert totals["Resultat"][p] == income - costs < 0
        assert totals["Planerat nyttjande av eget kapital"][p] == costs - income
    assert sheet["D2"].number_format == "#,##0"
    assert sheet.auto_filter.ref == f"A1:F{len(lines) + 1}"


def test_member_contributions_sum_exactly_to_the_contributions_line(built):
    table = rows(built["book"]["Medlemsbidrag"])
    assert table[0][:3] == ("Medlem", "Andel", "Bidrag 2026")
    members = [r for r in table[1:] if r[0] and r[0] != "Summa"]
    assert [r[0] for r in members] == ["Försäkringskassan", "Arbetsförmedlingen", "Region Test",
                                       "Aby kommun", "Bby kommun"]
    for p in range(3):
        assert sum(ore(r[2 + p]) for r in members) == bd.CONTRIBUTIONS[p]
    assert sum(Decimal(str(r[1])) for r in members) == 1
    total = next(r for r in table if r[0] == "Summa")
    assert [ore(v) for v in total[2:5]] == list(bd.CONTRIBUTIONS)
    bby = next(r for r in members if r[0] == "Bby kommun")
    assert ore(bby[5]) == 425_000 * bd.KR and ore(bby[6]) == 25_000 * bd.KR
    assert Decimal(str(bby[7])) == Decimal("0.625") and bby[8] == "Avviker från andelarna"
    sheet = built["book"]["Medlemsbidrag"]
    assert sheet["B2"].number_format == "0.0###%"


def test_follow_up_sheet_matches_the_report(built):
    table = rows(built["book"]["Uppföljning"])
    assert table[0] == ("Område", "Rad", "Inriktning", "Budget", "Utfall t.o.m. okt",
                        "Prognos helår", "Prognos inlagd", "Avvikelse kr", "Avvikelse %")
    report = built["data"].follow_up
    for line, row in zip(report.lines, table[1:], strict=False):
        assert row[1] == line.label
        assert [ore(v) for v in (row[3], row[4], row[5], row[7])] == [
            line.budget_ore, line.actual_ore, line.forecast_ore, line.deviation_ore]
        if line.deviation_ppm is not None:
            assert Decimal(str(row[8])) == Decimal(line.deviation_ppm) / 1_000_000
    flags = {r[1]: r[6] for r in table[1:len(report.lines) + 1]}
    assert flags["Revision"] == "Ja" and flags["Kansli: förbundschef och ekonom"] == "Nej"
    assert flags["Medlemsbidrag"] == "Nej"  # worked out from the payments, not entered
    result = next(r for r in table if r[1] == "Resultat")
    assert [ore(v) for v in result[3:6]] == [report.budget_result_ore, report.actual_result_ore,
                                             report.forecast_result_ore]


def test_utfall_sheet_is_exactly_the_import_layout_with_every_actual(built):
    book = built["book"]
    assert ACTUALS_SHEET in book.sheetnames
    table = rows(book[ACTUALS_SHEET])
    assert table[0] == ACTUALS_HEADERS
    store = built["store"]
    names = {li.id: li for li in budget.view(store, bd.YEAR).lines}
    expected = sorted((bd.YEAR, SV_DOMAIN[AREA_LABELS[names[line_id].area]],
                       names[line_id].name, month, amount)
                      for line_id, months in store.budget.actuals(bd.YEAR).items()
                      for month, amount in months.items() if amount)
    written = sorted((r[0], r[1], r[2], r[3], ore(r[4])) for r in table[1:])
    assert written == expected
    assert len(written) == 8 * bd.THROUGH_MONTH  # revision has none, contributions left out
    assert all(r[2] != "Medlemsbidrag" for r in table[1:])
    assert book[ACTUALS_SHEET]["E2"].number_format == "#,##0.00"


def test_key_figures_and_warnings(built):
    table = rows(built["book"]["Nyckeltal"])
    values = {r[0]: r[1] for r in table if r[0]}
    assert values["Förbundet"] == "Samordningsförbundet Test"
    assert values["Version"] == "Antagen § 9, 2025-11-20"
    figures = built["data"].figures
    assert Decimal(str(values["Styrelse, kansli och revision, andel av kostnaderna"])) == \
        Decimal(figures.admin_share_ppm) / 1_000_000
    assert values["Gräns för eget kapital i förbundsordningen"] == pytest.approx(0.2)
    equity = next(r for r in table if r[0] == 2026)
    assert equity[1] == "prognos" and ore(equity[2]) == bd.OPENING_EQUITY
    assert ore(equity[4]) == bd.OPENING_EQUITY + ore(equity[3])
    warnings = [r[1] for r in table if r[0] in ("Varning", "Observera")]
    assert warnings == [w.text for w in figures.warnings] and len(warnings) == 2


def test_text_is_never_a_formula_and_comes_back_verbatim(tmp_path):
    store = new_store(dt.date(2026, 11, 22))
    add_members(store)
    budget.create_year(store, bd.YEAR, contributions_ore=100_000 * bd.KR,
                       opening_equity_ore=0)
    names = ["=HYPERLINK(\"http://x\",\"klick\")", "+46 70 123", "-5 rabatt", "@SUM(A1)",
             bd.HOSTILE_NAME, "Ŋilla Čáhppes 😀"]
    for name in names:
        line = budget.add_line(store, BudgetLine(0, bd.YEAR, Area.ACTIVITIES, name,
                                                 Focus.STRUCTURAL), (1_000 * bd.KR, 0, 0))[0]
        budget.set_actual(store, line.id, 3, 250 * bd.KR)
    out = write_budget_xlsx(budget_report.gather(store, bd.YEAR), tmp_path / "farlig.xlsx")
    book = load_workbook(out)
    for sheet_name, column in (("Budget", 2), ("Uppföljning", 2), (ACTUALS_SHEET, 3)):
        sheet = book[sheet_name]
        cells = {sheet.cell(row=r, column=column).value: sheet.cell(row=r, column=column)
                 for r in range(2, sheet.max_row + 1)}
        for name in names:
            cell = cells[name]
            assert cell.data_type == "s", (sheet_name, name)
            assert cell.quotePrefix == name.startswith(TRIGGERS), (sheet_name, name)


def test_tertial_years_name_their_periods_t1_to_t3(tmp_path):
    store = new_store(dt.date(2026, 11, 22))
    add_members(store)
    budget.create_year(store, bd.YEAR, contributions_ore=100_000 * bd.KR)
    budget.set_year(store, BudgetYear(bd.YEAR, None, Periods.TERTIAL))
    line = budget.add_line(store, BudgetLine(0, bd.YEAR, Area.ACTIVITIES, "Insats",
                                             Focus.INDIVIDUAL), (9_000 * bd.KR, 0, 0))[0]
    budget.set_actual(store, line.id, 4, 2_000 * bd.KR + 1)
    budget.set_actual(store, line.id, 8, 3_000 * bd.KR)
    out = write_budget_xlsx(budget_report.gather(store, bd.YEAR), tmp_path / "tertial.xlsx")
    table = rows(load_workbook(out)[ACTUALS_SHEET])
    assert [(r[2], r[3], ore(r[4])) for r in table[1:]] == [
        ("Insats", "T1", 2_000 * bd.KR + 1), ("Insats", "T2", 3_000 * bd.KR)]
    follow = rows(load_workbook(out)["Uppföljning"])
    assert follow[0][4] == "Utfall t.o.m. T2"


def test_english_sheet_names_but_the_import_sheet_keeps_its_layout(english, tmp_path):
    data = bd.report(texts={})
    book = load_workbook(write_budget_xlsx(data, tmp_path / "en.xlsx"))
    assert book.sheetnames == ["Budget", "Member contributions", "Follow-up", ACTUALS_SHEET,
                               "Key figures"]
    assert rows(book[ACTUALS_SHEET])[0] == ACTUALS_HEADERS
    assert rows(book["Budget"])[0][:3] == ("Area", "Line", "Focus")


def test_the_utfall_sheet_imports_back_unchanged_and_edits_are_read(english, tmp_path):
    budget_import = pytest.importorskip("finsam_desktop.services.budget_import")
    store, info = bd.build(texts={})
    out = write_budget_xlsx(budget_report.gather(store, bd.YEAR), tmp_path / "utfall.xlsx")
    before = store.budget.actuals(bd.YEAR)
    budget_import.import_actuals(store, Path(out))
    assert store.budget.actuals(bd.YEAR) == before
    book = load_workbook(out)
    sheet = book[ACTUALS_SHEET]
    row = next(r for r in range(2, sheet.max_row + 1)
               if sheet.cell(row=r, column=3).value == bd.HOSTILE_NAME
               and sheet.cell(row=r, column=4).value == 5)
    sheet.cell(row=row, column=5).value = Decimal("123456.78")
    book.save(out)
    budget_import.import_actuals(store, Path(out))
    line_id = info["lines"][bd.HOSTILE_NAME]
    assert store.budget.actuals(bd.YEAR)[line_id][5] == 12_345_678
