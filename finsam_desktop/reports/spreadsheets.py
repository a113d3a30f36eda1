"""The decision register as a spreadsheet: XLSX (openpyxl) and CSV for Swedish Excel.

Formula injection (RELIABILITY.md item 9): user text must never become a formula.

- XLSX: every text cell is written as a string cell (openpyxl would store a string that
  starts with "=" as a formula); text starting with = + - @ or a tab, carriage return or NUL
  also gets Excel's quote prefix, so editing the cell in Excel keeps it text. Values read
  back exactly as given, except that carriage returns become line feeds (XML would turn
  them into line feeds anyway), characters XML cannot hold (the other C0 controls, NUL
  included) are removed, and text beyond Excel's 32,767 characters per cell is cut
  (ending in "…").
- CSV: UTF-8 with a byte order mark, semicolons (Swedish Excel), the csv module's quoting;
  a cell starting with = + - @ or a tab, carriage return or NUL gets a leading '.

Both write to `<name>.part` and rename it, so a failed export leaves no half file.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from finsam_desktop.domain.decisions import CATEGORIES, STATUS_LABELS, DecisionRow
from finsam_desktop.i18n import _

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
EXCEL_CELL_LIMIT = 32_767
_WIDTHS = (7, 6, 13, 40, 12, 70, 18, 22, 12, 16, 20, 12, 10)  # characters, per column
_TEXT_COLUMNS = (3, 5)  # title and decision wrap


def columns() -> list[str]:
    """The header row (current language)."""
    return [_("Year"), "§", _("Meeting date"), _("Matter"), _("Ref. no."), _("Decision"),
            _("Category"), _("Responsible"), _("Due date"), _("Status"),
            _("Reported back in"), _("Legal force"), _("Overdue")]


def values(row: DecisionRow) -> list:
    """One decision as cell values: ints, dates (or None) and strings."""
    label = STATUS_LABELS.get(row.status)
    category = _(row.category) if row.category in CATEGORIES else row.category
    return [row.year, row.number, row.meeting_date, row.title, row.dnr, row.decision,
            category, row.responsible, row.due_on, _(label) if label else str(row.status),
            row.reported_in, row.final_from, _("Yes") if row.overdue else _("No")]


def write_decisions_xlsx(rows: list[DecisionRow], out: Path, *, year: int) -> Path:
    """The register of `year` as an Excel workbook (one sheet, frozen header, filter)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _("Decision register {year}").format(year=year)[:31]
    bold, top, wrap = Font(bold=True), Alignment(vertical="top"), \
        Alignment(vertical="top", wrap_text=True)
    for col, caption in enumerate(columns(), start=1):
        cell = sheet.cell(row=1, column=col)
        _set_text(cell, caption, ILLEGAL_CHARACTERS_RE)
        cell.font = bold
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(values(row), start=1):
            cell = sheet.cell(row=r, column=col)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str):
                _set_text(cell, value, ILLEGAL_CHARACTERS_RE)
            else:
                cell.value = value
            cell.alignment = wrap if col - 1 in _TEXT_COLUMNS else top
    for col, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(_WIDTHS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    return _atomic(out, lambda part: book.save(str(part)))


def _set_text(cell, text: str, illegal) -> None:
    """A string cell whatever the text looks like (never a formula)."""
    text = illegal.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[:EXCEL_CELL_LIMIT - 1] + "…"
    cell.value = text
    cell.data_type = "s"  # openpyxl set "f" for text starting with "="
    if text.startswith(TRIGGERS):
        cell.quotePrefix = True


def neutralise(value) -> str:
    """A CSV field: dates as ISO, None as empty, risky text with a leading '."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(TRIGGERS):
        return "'" + text
    return text


def write_decisions_csv(rows: list[DecisionRow], out: Path, *, year: int) -> Path:
    """The register of `year` as CSV for Swedish Excel (UTF-8 with BOM, semicolons)."""
    del year  # the rows carry their year; the name keeps both writers alike

    def write(part: Path) -> None:
        with open(part, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
            writer.writerow([neutralise(c) for c in columns()])
            for row in rows:
                writer.writerow([neutralise(v) for v in values(row)])

    return _atomic(out, write)


def _atomic(out: Path, write) -> Path:
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        write(part)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return out
