"""Verksamhetsplan med budget as PDF: a realistic budget built through the services,
rendered once, read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time

import pytest
from pypdf import PdfReader

from finsam_desktop import i18n
from finsam_desktop.domain.budget import TEXT_SECTION_LABELS, TEXT_SECTIONS
from finsam_desktop.formatting import format_money
from finsam_desktop.reports.budget_pdf import render_budget
from tests.reports import budget_data as bd
from tests.reports.pdf_checks import fonts, images, page_texts, squash, text
from tests.reports.sv_labels import SV
from tests.reports.sv_labels_budget import SV_DOMAIN

PRINTED = dt.date(2026, 11, 22)
FURNITURE_END = "Utskriven 2026-11-22"  # the header and footnote come first on every page


def swedish() -> None:
    i18n.set_language("sv")
    i18n._catalog.update(SV)
    i18n._catalog.update(SV_DOMAIN)


@pytest.fixture(autouse=True)
def budget_words(swedish_labels):
    """The budget words of the domain and services, in Swedish (until the .po has them)."""
    i18n._catalog.update(SV_DOMAIN)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The realistic budget, its report data and its PDF (rendered once, in Swedish)."""
    from reportlab import rl_config

    swedish()
    before, rl_config.invariant = rl_config.invariant, 1
    try:
        store, info = bd.build()
        from finsam_desktop.services import budget_report

        data = budget_report.gather(store, bd.YEAR)
        start = time.perf_counter()
        pdf = render_budget(data, tmp_path_factory.mktemp("budget") / "vp.pdf",
                            printed_on=PRINTED)
        seconds = time.perf_counter() - start
    finally:
        rl_config.invariant = before
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    pages = page_texts(pdf)
    bodies = [re.sub(r" Sida \d+ \(\d+\)$", "", p.split(FURNITURE_END, 1)[1]).strip()
              for p in pages]
    return {"store": store, "info": info, "data": data, "pdf": pdf, "seconds": seconds,
            "pages": pages, "text": " ".join(pages), "body": " ".join(bodies)}


def kr(ore: int, decimals: bool | None = None) -> str:
    """An amount as the tables print it, whitespace normalised like the extracted text."""
    return squash(format_money(ore, decimals=decimals, unit=False))


def test_title_page_and_running_header(built):
    pages = built["pages"]
    title = "Verksamhetsplan med budget 2026, plan 2027–2028"
    assert built["data"].title == title
    cover = pages[0]
    for expected in ("Samordningsförbundet Test", title, "Antagen § 9, 2025-11-20",
                     "Utskriven 2026-11-22"):
        assert expected in cover
    for number, page in enumerate(pages, start=1):
        assert page.startswith("Samordningsförbundet Test Antagen § 9, 2025-11-20 "
                               "VERKSAMHETSPLAN Budget 2026, plan 2027–2028")
        assert page.endswith(f"Sida {number} ({len(pages)})")


def test_metadata_and_embedded_fonts_only(built):
    info = PdfReader(str(built["pdf"])).metadata
    assert info.title == "Verksamhetsplan med budget 2026, plan 2027–2028"
    assert info.author == "Samordningsförbundet Test"
    assert "Antagen § 9, 2025-11-20" in info.subject
    used = fonts(built["pdf"])
    assert used and all(embedded and "DejaVuSans" in name for name, embedded in used)
    assert images(built["pdf"]) == []  # the charts are vectors


def test_narrative_sections_in_order_verbatim_and_empty_ones_left_out(built):
    body = built["body"]
    positions = []
    for key in TEXT_SECTIONS:
        heading = SV_DOMAIN[TEXT_SECTION_LABELS[key]]
        if not bd.TEXTS[key]:
            assert heading not in body
            continue
        found = re.search(rf"\d+ {heading} ", body)
        assert found, heading
        positions.append(found.start())
    assert positions == sorted(positions)
    for sample in bd.TEXT_SAMPLES:
        assert squash(sample) in body, sample


def test_the_huge_text_is_printed_whole(built):
    body = built["body"]
    assert squash(bd.HUGE_TEXT) in body
    assert body.count("Stycke 1:") == 8 and "Stycke 599:" not in body  # cut at 200 000


def test_every_line_in_the_budget_table_with_its_three_years(built):
    pages = built["pages"]
    summary = next(p for p in pages if "5 Ekonomisk sammanställning" in p)
    for name, _area, _focus, amounts, _monthly in bd.LINES:
        row = " ".join([name, *(kr(a * bd.KR) for a in amounts)])
        assert row in summary, row
    contributions = " ".join(["Medlemsbidrag", *(kr(c) for c in bd.CONTRIBUTIONS)])
    assert contributions in summary
    plan = built["data"].plan
    income = [plan.total(True, p) for p in range(3)]
    costs = [plan.total(False, p) for p in range(3)]
    results = [plan.result(p) for p in range(3)]
    assert "Summa intäkter " + " ".join(map(kr, income)) in summary
    assert "Summa kostnader " + " ".join(map(kr, costs)) in summary
    assert "Resultat " + " ".join(map(kr, results)) in summary
    assert all(r < 0 for r in results)
    assert "Planerat nyttjande av eget kapital " + " ".join(kr(-r) for r in results) in summary
    for caption in ("Intäkter", "Kostnader", "Övriga intäkter", "Individinriktade insatser",
                    "Summa individinriktade insatser", "Strukturövergripande insatser",
                    "Summa insatser"):
        assert caption in summary
    individual = [sum(a[p] for _n, _a, f, a, _m in bd.LINES if f.value == "individual") * bd.KR
                  for p in range(3)]
    assert "Summa individinriktade insatser " + " ".join(map(kr, individual)) in summary


def test_member_contributions_add_up_to_the_contributions_line(built):
    found = built["text"]
    contributions = built["data"].plan.contributions
    assert len(contributions) == 5
    for c in contributions:
        share = squash(f"{c.share_ppm // 10_000}\u00a0%")
        assert " ".join([c.member.name, share, *map(kr, c.amounts)]) in found, c.member.name
    for p in range(3):
        assert sum(c.amounts[p] for c in contributions) == bd.CONTRIBUTIONS[p]
    assert "Summa 100 % " + " ".join(map(kr, bd.CONTRIBUTIONS)) in found
    assert "Försäkringskassan betalar statens andel, även för Arbetsförmedlingen." in found


def test_key_figures_equity_and_every_warning(built):
    found = built["text"]
    figures = built["data"].figures
    assert "Styrelse, kansli och revision, andel av kostnaderna 24,2 %" in found
    assert "Individinriktade insatser, andel av insatskostnaderna 80,2 %" in found
    assert "Strukturövergripande insatser, andel av insatskostnaderna 19,8 %" in found
    assert "Gräns för eget kapital i förbundsordningen 20 %" in found
    assert "2026 (prognos) 1 650 000,00 -208 244,73 1 441 755,27 36 %" in found
    assert "2028 (budget) 1 064 755,27 -260 000,00 804 755,27 19,2 %" in found
    codes = [w.code for w in figures.warnings]
    assert codes == ["equity_above_threshold", "payment_deviates"]
    for warning in figures.warnings:
        assert "Observera: " + squash(warning.text) in found
    assert "Bby kommun har betalat 425 000 kr mot budgeterade 400 000 kr" in found


def test_follow_up_per_line_with_deviation_and_result(built):
    pages = built["pages"]
    start = next(i for i, p in enumerate(pages) if "Uppföljning 2026, utfall t.o.m. okt" in p)
    follow = " ".join(pages[start:start + 3])
    report = built["data"].follow_up
    for row in report.lines:
        forecast = kr(row.forecast_ore, True)
        if row.forecast_entered and row.label != "Medlemsbidrag":
            forecast += " *"
        deviation = kr(row.deviation_ore, True)
        if row.deviation_ore > 0:
            deviation = "+" + deviation
        cells = " ".join([row.label, kr(row.budget_ore, True), kr(row.actual_ore, True),
                          forecast, deviation])
        assert cells in follow, cells
    assert "Revision 95 000,00 0,00 95 000,00 * 0,00 0 %" in follow
    assert "Kompetensutveckling för handläggare 420 000,00 300 020,35 370 020,35 " \
           "+49 979,65 +11,9 %" in follow
    result = " ".join(["Resultat", kr(report.budget_result_ore, True),
                       kr(report.actual_result_ore, True),
                       kr(report.forecast_result_ore, True),
                       "+" + kr(report.forecast_result_ore - report.budget_result_ore, True)])
    assert result in follow
    assert "* Prognosen är inlagd för raden." in follow


def test_contributions_received_with_the_deviating_member_marked(built):
    found = built["text"]
    assert "Inbetalda medlemsbidrag 2026" in found
    assert "Bby kommun 400 000 425 000 +25 000 +0,625 Avviker från andelarna" in found
    assert "Försäkringskassan 2 000 000 1 000 000 -1 000 000 -25 Delvis inbetalt" in found
    assert "Markerade rader följer inte andelarna" in found


def test_follow_up_and_charts_on_landscape_pages_the_plan_in_portrait(built):
    reader = PdfReader(str(built["pdf"]))
    pages = built["pages"]
    for page, found in zip(reader.pages, pages, strict=True):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        wide = "Uppföljning 2026" in found or "8 Diagram" in found \
            or "Inbetalda medlemsbidrag" in found
        assert (width > height) == wide, found[:200]


def test_table_headers_repeat_and_no_heading_ends_a_page(built):
    pages = built["pages"]
    follow = [p for p in pages if "Prognos helår" in p]
    assert len(follow) == 2  # the follow-up table runs over two pages, header on both
    assert all("Belopp i kr Budget Utfall t.o.m. okt Prognos helår Avvikelse kr Avvikelse %"
               in p for p in follow)
    second = follow[1].split("Avvikelse %", 1)[1]
    assert second.count("Summa") >= 3  # never just the result carried over
    headings = ["1 Grundläggande förutsättningar", "2 Mål", "3 Prioriterade insatser",
                "4 Kommentarer till budgeten", "5 Ekonomisk sammanställning",
                "6 Nyckeltal och eget kapital", "7 Uppföljning 2026, utfall t.o.m. okt",
                "8 Diagram"]
    captions = ["Medlemsbidrag Medlemsbidragen fördelade", "Eget kapital Avslutade år",
                "Varningar Observera", "Inbetalda medlemsbidrag 2026 Medlem"]
    for page in pages:
        body = re.sub(r" Sida \d+ \(\d+\)$", "", page)
        for heading in headings:
            if heading in body:  # a heading has at least a few lines after it on its page
                assert len(body.split(heading, 1)[1]) > 150, heading
    found = built["text"]
    assert all(h in found for h in headings) and all(c in found for c in captions)


def test_the_four_charts_are_drawn(built):
    pages = built["pages"]
    charts = pages[-1]
    assert charts.count("tkr") == 4
    for title in ("Budget och utfall per område 2026", "Kostnader under 2026, ackumulerat",
                  "Eget kapital vid årets slut", "Medlemsbidrag per medlem 2026"):
        assert title in charts
    for label in ("Styrelse", "Insatser", "jan", "dec", "2027 (budget)", "Bby kommun",
                  "Gräns (20 % av medlemsbidragen)"):
        assert label in charts


def test_english_follows_the_ui_language(english, tmp_path):
    data = bd.report(texts={"goals": "More people in work."})
    pdf = render_budget(data, tmp_path / "plan.pdf", printed_on=PRINTED)
    found = text(pdf)
    for expected in ("Activity plan with budget 2026, plan 2027–2028", "Financial summary",
                     "Total income", "Planned use of equity", "Member contributions",
                     "Key figures and equity", "Follow-up 2026, actuals through Oct",
                     "Forecast full year", "Deviates from the shares", "SEK thousands",
                     "Page 1 ("):
        assert expected in found, expected
    assert "Sida" not in found and "Summa" not in found


def test_a_proposal_without_actuals_has_no_follow_up_and_no_landscape(tmp_path):
    store, info = bd.build(adopt=False, texts={"goals": "Kort mål."})
    from finsam_desktop.services import budget, budget_report

    for line_id in info["lines"].values():
        for month in range(1, 13):
            budget.set_actual(store, line_id, month, None)
    for payment in budget.payments(store, bd.YEAR):
        budget.remove_payment(store, payment.id)
    data = budget_report.gather(store, bd.YEAR)
    pdf = render_budget(data, tmp_path / "forslag.pdf", printed_on=PRINTED)
    found = text(pdf)
    assert "Förslag 2026-11-22" in found
    assert "Uppföljning" not in found and "Inbetalda" not in found
    assert "1 Mål Kort mål." in found and "Grundläggande förutsättningar" not in found
    reader = PdfReader(str(pdf))
    wide = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(wide) == 1  # the charts only (budget, plan, equity)
    assert "8 Diagram" not in found and "4 Diagram" in found


def test_shares_that_do_not_add_up_are_shown_instead_of_the_split(tmp_path):
    data = bd.report(texts={})
    broken = dataclasses.replace(data.plan, contributions=(), contribution_problems=(
        "Andelarna summerar till 90 % <inte 100 %> & måste rättas.",))
    pdf = render_budget(dataclasses.replace(data, plan=broken), tmp_path / "fel.pdf",
                        printed_on=PRINTED)
    found = text(pdf)
    assert "Medlemsbidrag Andelarna summerar till 90 % <inte 100 %> & måste rättas." in found
    assert "Bidrag 2026" not in found


def test_render_time_of_the_realistic_plan(built):
    pages = len(PdfReader(str(built["pdf"])).pages)
    assert 50 <= pages <= 70  # 200 000 characters of text are most of them
    assert built["seconds"] < 15


def test_a_split_table_never_ends_a_page_on_a_caption_or_carries_fewer_than_four_rows():
    from finsam_desktop.reports import styles as st
    from finsam_desktop.reports.budget_pdf import _grid, _Row

    rows = []
    for group in range(6):
        rows.append(_Row(f"Område {group}", (), "area", 1))
        rows += [_Row(f"Rad {group}.{i}", ("1 000", "2 000"), "line", 2) for i in range(4)]
    rows.append(_Row("Summa", ("30 000", "60 000"), "total"))
    table = _grid(["Belopp i kr", "A", "B"], rows, st.FRAME_WIDTH)[0]
    table.wrap(st.FRAME_WIDTH, 10_000)
    heights = table._rowHeights
    for cut in range(3, len(heights) - 1):  # every place a page could end
        room = sum(heights[:cut]) + 0.5
        parts = [p for p in table.split(st.FRAME_WIDTH, room) if hasattr(p, "_nrows")]
        if len(parts) < 2:
            continue
        first, rest = parts
        last = rows[first._nrows - 2]  # the header is row 0
        assert last.kind != "area", (cut, last.label)
        assert rest._nrows - 1 >= 4 or first._nrows <= 3, cut
        assert first._nrows - 1 + rest._nrows - 1 == len(rows)


def test_amount_columns_are_wide_enough_for_their_widest_figure():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from finsam_desktop.reports import styles as st
    from finsam_desktop.reports.budget_pdf import _grid, _Row

    wide = "10 183 000 000,00"
    rows = [_Row("Försäkringskassan", ("50 %", "4 896 000,00", "1,00"), "line"),
            _Row("Summa", ("100 %", "9 792 000,00", wide), "total")]
    table = _grid(["Medlem", "Andel", "Bidrag 2026", "Plan 2027"], rows, st.FRAME_WIDTH)[0]
    widths = table._colWidths
    assert sum(widths) == pytest.approx(st.FRAME_WIDTH)
    assert widths[3] >= stringWidth(wide, st.BOLD, 9.5) + 7  # padding 3 + 4
    assert widths[1] == pytest.approx(2.5 * st.cm)  # narrow figures: the minimum
    assert widths[0] > 5 * st.cm
