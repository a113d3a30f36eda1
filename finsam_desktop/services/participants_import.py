"""Import aggregated participant counts from CSV or XLSX (README "Importing participants").

Layout: one header row Insats | År | Period | Mått | Kategori | Antal (English: Activity |
Year | Period | Measure | Category | Count), then one row per count:
- Insats: the activity's name as registered (case does not matter);
- År: 2000–2099; Period: year (helår), H1–H2, T1–T3 or Q1–Q4;
- Mått: the measure, as its code (started_gender …) or its label in Swedish or English;
- Kategori: the category's code (women, 16-19, work …) or label (Kvinnor, 16–19, Arbete …);
- Antal: a whole number 0–1 000 000.
XLSX: a sheet named "Deltagare" (else the first sheet). CSV: UTF-8 (or Windows-1252),
separated by semicolons, commas or tabs. Counts only — a file with anything that looks
like a personal identity number is refused as a whole. Every row is checked first; any
problem is reported per row and nothing is written.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finsam_desktop.domain import activities as rules
from finsam_desktop.domain.activities import Count, Measure
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _, translate_to
from finsam_desktop.services import activities, backups
from finsam_desktop.storage.store import Store

SHEET = "Deltagare"
HEADERS = ("Insats", "År", "Period", "Mått", "Kategori", "Antal")
HEADERS_EN = ("Activity", "Year", "Period", "Measure", "Category", "Count")
MAX_ROWS = 200_000
MAX_REPORTED = 50
_PERIOD_WORDS = {"helår": "year", "year": "year", "år": "year", "full year": "year"}


@dataclass
class ParticipantPlan:
    """What a file would write, or the problems that stop it."""

    entries: list[Count] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _rows(path: Path) -> list[list[Any]]:
    if not path.exists():
        raise ValidationError(_("The file {path} does not exist.").format(path=path))
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return _csv_rows(path)
    raise ValidationError(_("Choose a .csv or .xlsx file."))


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(_("{name} is not an Excel workbook (.xlsx) that can be read. "
                                "Save it as .xlsx and try again.").format(name=path.name)) \
            from None
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                raise ValidationError(_("The file has more than {n} rows; split it.").format(
                    n=MAX_ROWS))
        return rows
    finally:
        workbook.close()


def _csv_rows(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ValidationError(_("{name} is not a text (CSV) file.").format(name=path.name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"  # type: ignore[misc]
    rows = list(csv.reader(io.StringIO(text), dialect))
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("The file has more than {n} rows; split it.").format(n=MAX_ROWS))
    return rows


def _labels(mapping: dict[str, str]) -> dict[str, str]:
    """label/code (casefolded, both languages) → code."""
    found = {}
    for code, label in mapping.items():
        found[code.casefold()] = code
        found[label.casefold()] = code
        for language in ("sv", "en"):
            found[translate_to(language, label).casefold()] = code
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def plan_import(store: Store, path: Path) -> ParticipantPlan:
    """Read and check the whole file; nothing is written."""
    rows = _rows(path)
    plan = ParticipantPlan()
    header = [_text(c).casefold() for c in (rows[0] if rows else [])][:6]
    if header not in ([h.casefold() for h in HEADERS], [h.casefold() for h in HEADERS_EN]):
        plan.problems.append(_("Row 1 must hold the headers {sv} (or {en}).").format(
            sv=" | ".join(HEADERS), en=" | ".join(HEADERS_EN)))
        return plan
    for number, row in enumerate(rows[1:], start=2):
        if any(rules.looks_like_personal_number(_text(c)) for c in row):
            raise ValidationError(_("Row {n} seems to contain a personal identity number. The "
                                    "agency keeps counts only, never data about participants: "
                                    "nothing was imported.").format(n=number))
    by_name = {a.name.casefold(): a for a in activities.list_activities(store)}
    measures = _labels({m.value: rules.MEASURE_LABELS[m] for m in Measure})
    bands = activities.age_bands(store)
    seen: dict[tuple[int, int, str, str, str], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = [_text(c) for c in row[:6]] + [""] * (6 - len(row[:6]))
        if not any(cells):
            continue
        try:
            entry = _entry(cells, by_name, measures, bands)
        except ValidationError as exc:
            plan.problems.append(_("Row {n}: {problem}.").format(n=number,
                                                                 problem=str(exc).rstrip(".")))
            continue
        key = (entry.activity_id, entry.year, entry.period, entry.measure.value, entry.category)
        if key in seen:
            plan.problems.append(_("Row {n} repeats row {m}.").format(n=number, m=seen[key]))
            continue
        seen[key] = number
        plan.entries.append(entry)
    if not plan.problems and not plan.entries:
        plan.problems.append(_("The file has no rows of counts under the headers."))
    return plan


def _entry(cells: list[str], by_name: dict[str, Any], measures: dict[str, str],
           bands: dict[str, str]) -> Count:
    name, year_text, period_text, measure_text, category_text, count_text = cells
    activity = by_name.get(name.casefold())
    if activity is None:
        raise ValidationError(_("there is no activity “{name}”").format(name=name))
    try:
        year = int(year_text)
    except ValueError:
        raise ValidationError(_("“{v}” is not a year").format(v=year_text)) from None
    if not 2000 <= year <= 2099:
        raise ValidationError(_("the year must be between 2000 and 2099"))
    period = _PERIOD_WORDS.get(period_text.casefold(), period_text.upper())
    if period not in rules.PERIODS:
        raise ValidationError(_("“{v}” is not a period (year, H1–H2, T1–T3, Q1–Q4)").format(
            v=period_text))
    measure_code = measures.get(measure_text.casefold())
    if measure_code is None:
        raise ValidationError(_("“{v}” is not a measure").format(v=measure_text))
    measure = Measure(measure_code)
    allowed = rules.categories(measure, bands)
    category = _labels(allowed).get(category_text.casefold().replace("–", "-")) or \
        _labels(allowed).get(category_text.casefold())
    if category is None:
        raise ValidationError(_("“{v}” is not a category of “{measure}” ({allowed})").format(
            v=category_text, measure=_(rules.MEASURE_LABELS[measure]),
            allowed=", ".join(_(label) for label in allowed.values())))
    try:
        count = int(count_text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise ValidationError(_("“{v}” is not a whole number").format(v=count_text)) from None
    if not 0 <= count <= 1_000_000:
        raise ValidationError(_("a count is a whole number from 0 to 1 000 000"))
    return Count(activity.id, year, period, measure, category, count)


def import_participants(store: Store, path: Path) -> tuple[ParticipantPlan, Changes]:
    """Check the file and, if every row is valid, write all its counts in one action."""
    plan = plan_import(store, path)
    if plan.problems:
        shown = plan.problems[:MAX_REPORTED]
        if len(plan.problems) > MAX_REPORTED:
            shown.append(_("… and {n} more problems.").format(
                n=len(plan.problems) - MAX_REPORTED))
        raise ValidationError([_("Nothing was imported from {name}:").format(name=path.name),
                               *shown])
    backups.backup_before_import(store)
    _before, changes = activities.set_counts(store, plan.entries, source=path.name)
    return plan, changes


def summary_lines(plan: ParticipantPlan, names: Iterable[tuple[int, str]]) -> list[str]:
    """"Steg till arbete 2026: 14 counts" per activity and year, for the CLI."""
    lookup = dict(names)
    totals: dict[tuple[str, int], int] = {}
    for entry in plan.entries:
        key = (lookup.get(entry.activity_id, "?"), entry.year)
        totals[key] = totals.get(key, 0) + 1
    return [_("{activity} {year}: {n} counts").format(activity=a, year=y, n=n)
            for (a, y), n in sorted(totals.items())]
