"""The activity catalogue as an Excel workbook (openpyxl): four sheets, numbers as numbers.

- "Insatser" (Activities): one row per activity with its facts (direction, status, precise
  direction, ESF, lead, parties, period, decision §), the granted amount, the year's budget
  and actual, the participants started and finished and the share in work or studies
  afterwards, then the target group, goals and description as typed.
- "Deltagare" (Participants): one row per activity, measure and category, and a total
  ("Summa") per measure. A note above the header says why some counts are text.
- "Måluppfyllelse" (Goal fulfilment): one row per indicator with its goal, the goal's and
  the indicator's fulfilment; baseline, target and latest value as numbers.
- "Utvärderingar" (Evaluations): activity, kind, title, evaluator, finished, findings.

The workbook is a public output like the PDF, so the counts follow the same small-count
rule (`reports.small_counts`): a count from 1 to threshold − 1 is the text "<5", a count
hidden so that a small one cannot be worked out from the total is the text ".."; every
other count is a number. Amounts are kronor as exact Decimals (`budget_xlsx.kronor`),
dates are dates, shares are fractions formatted as per cent. Text cells go through
`spreadsheets` (never a formula, whatever was typed; a cell holds at most Excel's 32 767
characters, so a longer description is cut there, ending in "…"). Headers are bold and
frozen, columns have widths, the lists have filters.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from finsam_desktop.domain.activities import MEASURE_LABELS
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import MILLI, parse_value
from finsam_desktop.i18n import _
from finsam_desktop.reports.budget_xlsx import PERCENT, _money_format, _Sheet, fraction, kronor
from finsam_desktop.reports.data import ActivityCatalogue
from finsam_desktop.reports.small_counts import figures
from finsam_desktop.reports.spreadsheets import _atomic

DATE = "yyyy-mm-dd"
NUMBER = "#,##0.###"


def write_catalogue_xlsx(data: ActivityCatalogue, out: Path) -> Path:
    """Write the activities, participants, goal fulfilment and evaluations to `out`."""
    from openpyxl import Workbook

    book = Workbook()
    book.properties.title = data.title
    book.properties.subject = data.agency.name
    book.properties.creator = "FINSAM Desktop"
    _activities_sheet(_Sheet(book.active, _("Activities")), data)
    _participants_sheet(_Sheet(book.create_sheet(), _("Participants")), data)
    _goals_sheet(_Sheet(book.create_sheet(), _("Goal fulfilment")), data)
    _evaluations_sheet(_Sheet(book.create_sheet(), _("Evaluations")), data)
    return _atomic(out, lambda part: book.save(str(part)))


def _activities_sheet(sheet: _Sheet, data: ActivityCatalogue) -> None:
    year = data.year
    money = _money_format(v for e in data.entries
                          for v in (e.granted_amount_ore, e.budget_ore, e.actual_ore))
    formats = (None, None, None, None, None, None, None, DATE, DATE, None, money, money,
               money, None, None, PERCENT)
    sheet.add((_("Activity"), _("Direction"), _("Status"), _("Precise direction"),
               _("ESF-financed"), _("Lead organisation"), _("Participating members"),
               _("From"), _("To"), _("Decision"), _("Granted amount"),
               _("Budget {year}").format(year=year), _("Actual {year}").format(year=year),
               _("Participants started {year}").format(year=year),
               _("Participants finished {year}").format(year=year),
               _("Share in work or studies after the activity"), _("Target group"),
               _("Goals"), _("Description")), bold=True)
    for entry in data.entries:
        mine = figures(entry.participants, data.threshold, data.age_bands)
        share = _("not shown (rests on counts below {n})").format(n=data.threshold) \
            if mine.share_withheld else fraction(mine.share_ppm)
        sheet.add((entry.name, entry.focus, entry.status, entry.precise_direction,
                   _("Yes") if entry.esf else _("No"), entry.lead, ", ".join(entry.parties),
                   entry.start_on, entry.end_on, entry.decision,
                   None if entry.granted_amount_ore is None
                   else kronor(entry.granted_amount_ore),
                   kronor(entry.budget_ore), kronor(entry.actual_ore),
                   mine.started, mine.finished, share,
                   entry.target_group, entry.goals, entry.description), formats)
    sheet.finish((36, 20, 18, 24, 10, 22, 40, 11, 11, 18, 15, 15, 15, 12, 12, 14, 40, 40,
                  60), filter_to=sheet.row)


def _participants_sheet(sheet: _Sheet, data: ActivityCatalogue) -> None:
    n = data.threshold
    sheet.add((_("Counts from 1 to {most} are written as the text “<{n}”, and a count that "
                 "would let one of them be worked out from the total as “..”: the workbook "
                 "is a public document like the printed catalogue.").format(
                     n=n, most=n - 1),))
    sheet.add((_("Activity"), _("Measure"), _("Category"), _("Number")), bold=True)
    for entry in data.entries:
        mine = figures(entry.participants, n, data.age_bands)
        for block in mine.blocks:
            for column, measure in enumerate(block.measures):
                label = _(MEASURE_LABELS[measure])
                for category, values in block.rows:
                    if values[column] != 0:
                        sheet.add((entry.name, label, category, values[column]))
                sheet.add((entry.name, label, _("Total"), block.totals[column]))
    last = sheet.row
    sheet.finish((36, 30, 36, 10))
    sheet.sheet.freeze_panes = "A3"  # the note and the header stay in view
    if last > 2:
        sheet.sheet.auto_filter.ref = f"A2:D{last}"


def _number(text: str) -> Decimal | str | None:
    """A value the catalogue has formatted ("36,4") back as an exact number."""
    if not text:
        return None
    try:
        return Decimal(parse_value(text)) / MILLI
    except ValidationError:
        return text


def _goals_sheet(sheet: _Sheet, data: ActivityCatalogue) -> None:
    formats = (None, None, None, NUMBER, NUMBER, NUMBER, None)
    sheet.add((_("Goal"), _("Goal fulfilment"), _("Indicator"), _("Baseline"), _("Target"),
               _("Latest"), _("Fulfilment")), bold=True)
    for goal, fulfilment, indicators in data.goals:
        if not indicators:
            sheet.add((goal, fulfilment))
        for name, baseline, target, latest, result in indicators:
            sheet.add((goal, fulfilment, name, _number(baseline), _number(target),
                       _number(latest), result), formats)
    sheet.finish((40, 18, 40, 13, 13, 13, 18), filter_to=sheet.row)


def _evaluations_sheet(sheet: _Sheet, data: ActivityCatalogue) -> None:
    sheet.add((_("Activity"), _("Kind"), _("Title"), _("Evaluator"), _("Finished"),
               _("Findings")), bold=True)
    for entry in data.entries:
        for kind, title, evaluator, finished, findings in entry.evaluations:
            day = dt.date.fromisoformat(finished) if finished else None
            sheet.add((entry.name, kind, title, evaluator, day, findings),
                      (None, None, None, None, DATE), wrap=True)
    sheet.finish((36, 26, 40, 26, 12, 80), filter_to=sheet.row)
