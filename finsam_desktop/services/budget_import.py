"""Import actuals from an XLSX file in the documented layout (README "Importing actuals").

Layout: a sheet named "Utfall" (else the first sheet); row 1 holds the headers
År | Område | Rad | Period | Belopp (kr) (English: Year | Area | Line | Period | Amount (SEK));
every further row gives one line's actual for one period:
- År: a year that has a budget;
- Område: optional; the area (as shown in the app, in Swedish or English, or its code),
  needed only when two areas have lines of the same name;
- Rad: the line's name as in the budget (case does not matter);
- Period: a month 1–12 or its name (jan, januari, January, …), or a tertial T1–T3 for years
  reported per tertial;
- Belopp: the amount in kronor (a number, or text written the Swedish way: "198 500,50"; at
  most two decimals; costs and income positive).
Empty rows are skipped. The whole file is checked first: any problem is reported per row
and nothing is written. A valid file replaces the actuals of the periods it names.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from finsam_desktop.domain import budget as rules
from finsam_desktop.domain.budget import Area, BudgetLine, Periods
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.values import check_money, parse_money
from finsam_desktop.i18n import _
from finsam_desktop.services import backups, budget
from finsam_desktop.storage.store import Store

MAX_ROWS = 200_000
MAX_REPORTED = 50  # problems listed before "… and N more"

_MONTHS = {
    **{str(m): m for m in range(1, 13)},
    **{name: i + 1 for i, names in enumerate((
        ("jan", "januari", "january"), ("feb", "februari", "february"),
        ("mar", "mars", "march"), ("apr", "april"), ("maj", "may"), ("jun", "juni", "june"),
        ("jul", "juli", "july"), ("aug", "augusti", "august"),
        ("sep", "sept", "september"), ("okt", "oct", "oktober", "october"),
        ("nov", "november"), ("dec", "december")))
       for name in names},
}
_TERTIALS = {"t1": 4, "t2": 8, "t3": 12}


@dataclass
class ImportPlan:
    """What a file would write: entries per year, or the problems that stop it."""

    entries: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many actuals the file holds."""
        return sum(len(e) for e in self.entries.values())


def _read_rows(path: Path) -> tuple[list[Any], list[tuple[Any, ...]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise ValidationError(_("The file {path} does not exist.").format(path=path))
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(_("{name} is not an Excel workbook (.xlsx) that can be read. "
                                "Save it as .xlsx and try again.").format(name=path.name)) \
            from None
    try:
        sheet = workbook[rules.ACTUALS_SHEET] if rules.ACTUALS_SHEET in workbook.sheetnames \
            else workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = list(next(rows, ()) or ())
        body = []
        for row in rows:
            body.append(tuple(row))
            if len(body) > MAX_ROWS:
                raise ValidationError(_("The file has more than {n} rows; split it.").format(
                    n=MAX_ROWS))
        return header, body
    finally:
        workbook.close()


def _header_ok(header: list[Any]) -> bool:
    cells = [str(c).strip().casefold() if c is not None else "" for c in header[:5]]
    return any(cells == [h.casefold() for h in names]
               for names in (rules.ACTUALS_HEADERS, rules.ACTUALS_HEADERS_EN))


def _area_names() -> dict[str, Area]:
    from finsam_desktop.i18n import translate_to

    names: dict[str, Area] = {}
    for area, label in rules.AREA_LABELS.items():
        names[area.value] = area
        names[label.casefold()] = area
        for language in ("sv", "en"):
            names[translate_to(language, label).casefold()] = area
    return names


def _amount(value: Any) -> int:
    if isinstance(value, bool) or value is None or value == "":
        raise ValidationError(_("the amount is missing"))
    if isinstance(value, int | float | Decimal):
        try:
            ore = Decimal(str(value)) * 100
        except InvalidOperation:
            raise ValidationError(_("“{v}” is not an amount").format(v=value)) from None
        if ore != ore.to_integral_value():
            raise ValidationError(_("amounts have at most two decimals (öre): {v}").format(
                v=value))
        return check_money(int(ore))
    return parse_money(str(value), language="sv")  # files follow Swedish Excel: 1 234,50


def _period(value: Any, periods: Periods) -> int:
    text = str(value).strip().casefold().rstrip(".") if value is not None else ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text in _TERTIALS:
        month = _TERTIALS[text]
        if periods is Periods.MONTH:
            raise ValidationError(_("{v}: this year is reported per month, not per "
                                    "tertial").format(v=value))
        return month
    if text not in _MONTHS:
        raise ValidationError(_("“{v}” is not a period (1–12, a month name, or T1–T3)")
                              .format(v="" if value is None else value))
    month = _MONTHS[text]
    if periods is Periods.TERTIAL and month not in rules.TERTIAL_MONTHS:
        raise ValidationError(_("this year is reported per tertial: use T1, T2 or T3"))
    return month


def plan_import(store: Store, path: Path) -> ImportPlan:
    """Read and check the whole file; nothing is written."""
    header, body = _read_rows(path)
    plan = ImportPlan()
    if not _header_ok(header):
        plan.problems.append(_("Row 1 must hold the headers {sv} (or {en}).").format(
            sv=" | ".join(rules.ACTUALS_HEADERS), en=" | ".join(rules.ACTUALS_HEADERS_EN)))
        return plan
    areas = _area_names()
    known_years = set(budget.years(store))
    lines_by_year: dict[int, list[BudgetLine]] = {}
    seen: dict[tuple[int, int], int] = {}
    for number, row in enumerate(body, start=2):
        cells = list(row[:5]) + [None] * (5 - len(row[:5]))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        year_cell, area_cell, line_cell, period_cell, amount_cell = cells
        try:
            year = _year(year_cell, known_years)
            if year not in lines_by_year:
                lines_by_year[year] = store.budget.lines_of(year)
            line = _line(lines_by_year[year], line_cell, area_cell, areas, year)
            month = _period(period_cell, store.budget.year(year).periods)
            amount = _amount(amount_cell)
        except ValidationError as exc:
            plan.problems.append(_("Row {n}: {problem}.").format(n=number,
                                                                 problem=str(exc).rstrip(".")))
            continue
        if (line.id, month) in seen:
            plan.problems.append(_("Row {n}: “{line}” {period} {year} is also on row {m}.")
                                 .format(n=number, line=line.name, period=rules.period_label(
                                     month, store.budget.year(year).periods), year=year,
                                         m=seen[(line.id, month)]))
            continue
        seen[(line.id, month)] = number
        plan.entries.setdefault(year, []).append((line.id, month, amount))
    if not plan.problems and not plan.count:
        plan.problems.append(_("The file has no rows of actuals under the headers."))
    return plan


def _year(value: Any, known: set[int]) -> int:
    try:
        year = int(str(value).strip().removesuffix(".0"))
    except ValueError:
        raise ValidationError(_("“{v}” is not a year").format(
            v="" if value is None else value)) from None
    if year not in known:
        raise ValidationError(_("there is no budget for {year}").format(year=year))
    return year


def _line(lines: list[BudgetLine], name_cell: Any, area_cell: Any, areas: dict[str, Area],
          year: int) -> BudgetLine:
    name = str(name_cell).strip() if name_cell is not None else ""
    if not name:
        raise ValidationError(_("the line name is missing"))
    area = None
    if area_cell is not None and str(area_cell).strip():
        area = areas.get(str(area_cell).strip().casefold())
        if area is None:
            raise ValidationError(_("“{v}” is not an area of the budget").format(v=area_cell))
    found = [li for li in lines if li.name.casefold() == name.casefold()
             and (area is None or li.area is area)]
    if not found:
        raise ValidationError(_("the {year} budget has no line “{name}”").format(
            year=year, name=name))
    if len(found) > 1:
        raise ValidationError(_("“{name}” is a line under more than one area; fill in the "
                                "area column").format(name=name))
    if found[0].area is Area.CONTRIBUTIONS:
        raise ValidationError(_("contributions received are recorded per member, not "
                                "imported as actuals"))
    return found[0]


def import_actuals(store: Store, path: Path) -> tuple[ImportPlan, Changes]:
    """Check the file and, if every row is valid, write all its actuals in one action."""
    plan = plan_import(store, path)
    if plan.problems:
        shown = plan.problems[:MAX_REPORTED]
        if len(plan.problems) > MAX_REPORTED:
            shown.append(_("… and {n} more problems.").format(
                n=len(plan.problems) - MAX_REPORTED))
        raise ValidationError([_("Nothing was imported from {name}:").format(name=path.name),
                               *shown])
    backups.backup_before_import(store)
    changes = Changes()
    with store.user_action():
        for year, entries in sorted(plan.entries.items()):
            changes |= budget.set_actuals(store, year, entries, source=path.name)[1]
    return plan, changes
