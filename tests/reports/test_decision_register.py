"""Decision register exports: the PDF (beslutsförteckning), XLSX and CSV (RELIABILITY.md
items 8, 9 and test 26: user text verbatim in the PDF, never a formula in a spreadsheet)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
import zipfile
from pathlib import Path

import pytest

from finsam_desktop import i18n
from finsam_desktop.domain.decisions import DecisionRow, FollowUpStatus
from finsam_desktop.reports.data import AgencyInfo
from finsam_desktop.reports.decision_register_pdf import render_decision_register
from finsam_desktop.reports.spreadsheets import (
    TRIGGERS,
    write_decisions_csv,
    write_decisions_xlsx,
)
from tests.reports import sv_labels, sv_labels_register
from tests.reports.pdf_checks import fonts, page_texts, squash, text

AGENCY = AgencyInfo(name="Samordningsförbundet Sydnärke", org_number="222000-1234")
HOSTILE = ["<b>fet</b> R&D", "=cmd|' /C calc'!A0", "emoji 😀 👍🏽 ok", "<Q&A> &amp;",
           "Ŋilla Čáhppes"]
DANGEROUS = ["=1+1", "+46 70 123 45 67", "-5", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")"]
ORDINARY = ["Styrelsen beslutar att godkänna dagordningen.", "Åsa Öberg-Ärlig", "2026/41",
            "5 - 3", "a=b", "'redan citerad"]


@pytest.fixture(autouse=True)
def domain_labels(swedish_labels):
    """The statuses and categories (N_() in domain/decisions.py) in Swedish."""
    i18n._catalog.update(sv_labels_register.SV_DOMAIN)


def decision(number: int, **kw) -> DecisionRow:
    meeting = kw.pop("meeting", (number - 1) // 12)
    base = dict(item_id=number, meeting_id=meeting, year=2026, number=number,
                meeting_date=dt.date(2026, 2, 14) + dt.timedelta(days=35 * meeting),
                title=f"Ärende nummer {number}", dnr=f"2026/{100 + number}", outcome="decided",
                decision=f"Styrelsen beslutar att godkänna förslag {number}.",
                category="Activities", status=FollowUpStatus.IN_PROGRESS,
                responsible=f"Ansvarig {number}", due_on=dt.date(2026, 6, 30),
                reported_in="", final_from=dt.date(2026, 3, 10), sealed=True, overdue=False)
    base.update(kw)
    return DecisionRow(**base)


def register(count: int) -> list[DecisionRow]:
    rows = [decision(n) for n in range(1, count + 1)]
    rows[1] = decision(2, overdue=True, status=FollowUpStatus.NOT_STARTED,
                       category="Operational plan")
    rows[2] = decision(3, status=FollowUpStatus.REPORTED_BACK, reported_in="§ 12 (2026-04-25)",
                       category="Budget and finance")
    rows[3] = decision(4, outcome="referred_back", final_from=None, sealed=False, dnr="")
    return rows


# --- PDF ---------------------------------------------------------------------------------


@pytest.fixture
def register_pdf(tmp_path):
    return render_decision_register(register(60), tmp_path / "register.pdf", agency=AGENCY,
                                    year=2026, printed_on=dt.date(2026, 11, 21))


def test_pdf_lists_every_decision_with_heading_and_page_numbers(register_pdf):
    pages = page_texts(register_pdf)
    found = " ".join(pages)
    assert "Beslutsförteckning 2026" in found
    assert "BESLUTSFÖRTECKNING" in found and "År 2026" in found
    assert "Antal beslut: 60. Försenade: 1." in found
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert f"Sida {number} ({len(pages)})" in page
        assert "Samordningsförbundet Sydnärke" in page
        assert "Utskriven 2026-11-21" in page
        # the column header repeats on every page
        assert "§ Sammanträde Ärende Beslut Kategori Ansvarig Status Laga kraft" in page
    for n in range(1, 61):
        assert found.count(f"§ {n} 2026-") == 1, n  # each § once, in its own row
        assert f"Ärende nummer {n}" in found
        assert f"Ansvarig {n}" in found
        assert f"Styrelsen beslutar att godkänna förslag {n}." in found
    numbers = [int(n) for n in re.findall(r"§ (\d+) 2026-", found)]
    assert numbers == list(range(1, 61))  # in the order given


def test_pdf_cells_say_what_the_board_needs(register_pdf):
    found = text(register_pdf)
    assert "Dnr 2026/101" in found
    assert "Senast 2026-06-30" in found  # due date on one line, not broken
    assert len(re.findall(r"\bFörsenad\b", found)) == 1  # only row 2 is overdue
    assert "Återrapporterad" in found and "Återrapporterat i § 12 (2026-04-25)" in found
    assert "Verksamhetsplan" in found and "Budget och ekonomi" in found and "Pågår" in found
    assert "Återremitterat" in found and "Protokollet ej justerat" in found
    assert "2026-03-10" in found  # laga kraft, whole
    assert "Ej påbörjad" in found
    for english in ("Not started", "Operational plan", "Decision register", "Overdue"):
        assert english not in found


def test_pdf_is_landscape_and_uses_only_the_embedded_font(register_pdf):
    from pypdf import PdfReader

    for page in PdfReader(str(register_pdf)).pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    used = fonts(register_pdf)
    assert used and all(embedded for _, embedded in used)
    assert not any("Helvetica" in name for name, _ in used)


def test_pdf_prints_hostile_text_verbatim(tmp_path):
    rows = [decision(1, title=HOSTILE[0], decision="\n\n".join(HOSTILE), dnr="2026/<1>",
                     responsible=HOSTILE[1], category=HOSTILE[2]),
            decision(2, title=HOSTILE[3], responsible=HOSTILE[4], decision="R&D <i>x")]
    pdf = render_decision_register(rows, tmp_path / "fientlig.pdf", agency=AGENCY, year=2026)
    found = text(pdf)
    for sample in HOSTILE:
        assert squash(sample) in found, sample
    assert "Dnr 2026/<1>" in found and "R&D <i>x" in found
    assert not any("Helvetica" in name for name, _ in fonts(pdf))


def test_pdf_splits_a_decision_longer_than_a_page(tmp_path):
    filler = "och vidare " * 8
    long = "\n".join(f"att punkt {i} genomförs enligt plan {filler}." for i in range(300))
    rows = [decision(1), decision(2, decision=long), decision(3)]
    pdf = render_decision_register(rows, tmp_path / "lang.pdf", agency=AGENCY, year=2026)
    pages = page_texts(pdf)
    assert len(pages) > 5
    found = " ".join(pages)
    assert "att punkt 0 genomförs" in found and "att punkt 299 genomförs" in found
    assert "Ärende nummer 3" in pages[-1]


def test_pdf_survives_huge_text_in_narrow_columns(tmp_path):
    words = " ".join(f"ord{i}" for i in range(700))
    rows = [decision(1, category=words, responsible="x" * 3000, title=words,
                     reported_in=words, dnr="2026/" + "9" * 500), decision(2)]
    pdf = render_decision_register(rows, tmp_path / "smal.pdf", agency=AGENCY, year=2026)
    found = text(pdf)
    assert "ord0" in found and "ord699" in found and "Ärende nummer 2" in found


def test_empty_year_says_so(tmp_path):
    pdf = render_decision_register([], tmp_path / "tom.pdf", agency=AGENCY, year=2025)
    pages = page_texts(pdf)
    assert len(pages) == 1
    assert "Beslutsförteckning 2025" in pages[0]
    assert "Inga beslut registrerade 2025." in pages[0]
    assert "Sida 1 (1)" in pages[0]
    assert "Laga kraft" not in pages[0]  # no empty table


def test_pdf_in_english(tmp_path, english):
    pdf = render_decision_register(register(5), tmp_path / "en.pdf", agency=AGENCY, year=2026)
    found = text(pdf)
    assert "Decision register 2026" in found and "Page 1 (1)" in found
    assert "Legal force" in found and "Overdue" in found


def test_two_thousand_decisions_render_quickly(tmp_path):
    rows = [decision(n, decision="Styrelsen beslutar\n\natt bevilja medel enligt förslaget,"
                                 "\n\natt uppdra åt förbundschefen att teckna avtal.")
            for n in range(1, 2001)]
    start = time.perf_counter()
    pdf = render_decision_register(rows, tmp_path / "stor.pdf", agency=AGENCY, year=2026)
    elapsed = time.perf_counter() - start
    print(f"\n2,000 decisions: {elapsed:.2f} s, {len(page_texts(pdf))} pages")
    assert elapsed < 30
    found = text(pdf)
    assert "§ 1 2026-02-14" in found and re.search(r"§ 2000 \d{4}-", found)
    assert not (tmp_path / "stor.pdf.part").exists()


def test_register_labels_agree_with_the_report_labels():
    base = {k: v for k, v in sv_labels.SV.items()}
    for key, swedish in sv_labels_register.SV.items():
        assert base[key] == swedish, key


# --- XLSX --------------------------------------------------------------------------------


def _spreadsheet_rows() -> list[DecisionRow]:
    rows = []
    for i, value in enumerate(DANGEROUS + ORDINARY, start=1):
        rows.append(decision(i, title=value, dnr=value, decision=value, responsible=value,
                             reported_in=value, category=value, due_on=None if i % 2 else
                             dt.date(2026, 6, 30), overdue=bool(i % 2)))
    return rows


TEXT_COLUMNS = (4, 5, 6, 7, 8, 11)  # title, Dnr, decision, category, responsible, reported in


def test_xlsx_reads_back_exactly_and_has_no_formulas(tmp_path):
    import openpyxl

    rows = _spreadsheet_rows()
    out = write_decisions_xlsx(rows, tmp_path / "beslut.xlsx", year=2026)
    assert not (tmp_path / "beslut.xlsx.part").exists()
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header == ["År", "§", "Sammanträdesdatum", "Ärende", "Dnr", "Beslut", "Kategori",
                      "Ansvarig", "Senast", "Status", "Återrapporterat i", "Laga kraft",
                      "Försenad"]
    assert sheet.max_row == len(rows) + 1
    for r, row in enumerate(rows, start=2):
        cells = sheet[r]
        expected = DANGEROUS + ORDINARY
        for col in TEXT_COLUMNS:
            assert cells[col - 1].value == expected[r - 2], (r, col)
            assert cells[col - 1].data_type == "s"
        assert cells[0].value == 2026 and cells[0].data_type == "n"
        assert cells[1].value == row.number and cells[1].data_type == "n"
        assert cells[2].is_date and cells[2].value.date() == row.meeting_date
        assert cells[2].number_format == "yyyy-mm-dd"
        if row.due_on:
            assert cells[8].is_date and cells[8].value.date() == row.due_on
        else:
            assert cells[8].value is None
        assert cells[9].value == "Pågår"
        assert cells[11].is_date and cells[11].value.date() == dt.date(2026, 3, 10)
        assert cells[12].value == ("Ja" if row.overdue else "Nej")
        starts_risky = expected[r - 2].startswith(TRIGGERS)
        assert cells[3].quotePrefix is starts_risky
    for row in sheet.iter_rows():
        assert all(c.data_type != "f" for c in row)
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert "=1+1" in xml  # there, as text


def test_xlsx_has_header_comforts(tmp_path):
    import openpyxl

    out = write_decisions_xlsx(_spreadsheet_rows(), tmp_path / "b.xlsx", year=2026)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{len(DANGEROUS + ORDINARY) + 1}"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["F"].width >= 50  # the decision column is wide
    assert sheet.title == "Beslutsförteckning 2026"


def test_xlsx_drops_only_what_xml_cannot_hold(tmp_path):
    import openpyxl

    rows = [decision(1, title="före\x00efter\x07", decision="rad 1\r\nrad 2\rrad 3",
                     responsible="x" * 40_000)]
    out = write_decisions_xlsx(rows, tmp_path / "c.xlsx", year=2026)
    cells = openpyxl.load_workbook(out).active[2]
    assert cells[3].value == "föreefter"
    assert cells[5].value == "rad 1\nrad 2\nrad 3"
    assert len(cells[7].value) == 32_767 and cells[7].value.endswith("…")


def test_empty_spreadsheets_have_a_header(tmp_path):
    import openpyxl

    sheet = openpyxl.load_workbook(write_decisions_xlsx([], tmp_path / "e.xlsx",
                                                        year=2025)).active
    assert sheet.max_row == 1 and sheet["A1"].value == "År"
    out = write_decisions_csv([], tmp_path / "e.csv", year=2025)
    assert out.read_text(encoding="utf-8-sig").startswith("År;§;")


# --- CSV ---------------------------------------------------------------------------------


def test_csv_neutralises_formulas_and_keeps_the_rest(tmp_path):
    rows = _spreadsheet_rows()
    out = write_decisions_csv(rows, tmp_path / "beslut.csv", year=2026)
    assert not (tmp_path / "beslut.csv.part").exists()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        parsed = list(csv.reader(handle, delimiter=";"))
    assert parsed[0][:6] == ["År", "§", "Sammanträdesdatum", "Ärende", "Dnr", "Beslut"]
    assert len(parsed) == len(rows) + 1
    for line, value in zip(parsed[1:], DANGEROUS + ORDINARY, strict=True):
        assert len(line) == 13
        for col in TEXT_COLUMNS:
            if value in DANGEROUS:
                assert line[col - 1] == "'" + value
            else:
                assert line[col - 1] == value  # Swedish letters, "5 - 3", "a=b" untouched
        assert line[2] == "2026-02-14" and line[0] == "2026"
    for line in parsed:
        for cell in line:
            assert not cell.startswith(TRIGGERS), cell
    assert "Åsa Öberg-Ärlig" in raw.decode("utf-8-sig")


def test_csv_keeps_line_breaks_and_semicolons_inside_cells(tmp_path):
    rows = [decision(1, decision="att a;\natt b", title='Citat "x"; y')]
    out = write_decisions_csv(rows, tmp_path / "b.csv", year=2026)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        parsed = list(csv.reader(handle, delimiter=";"))
    assert parsed[1][5] == "att a;\natt b"
    assert parsed[1][3] == 'Citat "x"; y'
    assert parsed[1][12] == "Nej"


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    import openpyxl.workbook.workbook as wb

    def broken(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(wb.Workbook, "save", broken)
    with pytest.raises(OSError):
        write_decisions_xlsx(register(5), tmp_path / "x.xlsx", year=2026)
    assert list(tmp_path.iterdir()) == []


def test_openpyxl_loads_only_when_a_workbook_is_written():
    import subprocess
    import sys

    code = ("import sys, finsam_desktop.reports.spreadsheets;"
            "print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"
