"""Everything a budget export or the budget charts need, gathered in one read.

`charts()` describes the four budget charts (domain.charts), drawn on screen by
pyqtgraph and in the PDF by reportlab.graphics. `gather()` collects the plan, the
follow-up, contributions, equity, key figures and texts for the PDF and XLSX writers, and
`budget_job()` wraps them as an ExportJob (gather now, render in a worker).
"""

from __future__ import annotations

from pathlib import Path

from finsam_desktop.domain.budget import (
    AREA_LABELS,
    BASIS_LABELS,
    COST_AREAS,
    MONTHS,
    Area,
    EquityYear,
    FollowUpReport,
    ReceivedContribution,
    month_label,
)
from finsam_desktop.domain.charts import PALETTE, Chart, ChartKind, Series, Unit
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.reports.data import BudgetReport
from finsam_desktop.services import budget, organisation, reporting
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store


def charts(store: Store, year: int) -> list[Chart]:
    """Budget vs actual per area, cumulative costs through the year, equity over the
    years, contributions per member."""
    report = budget.follow_up(store, year)
    return [area_chart(report), cumulative_chart(report), equity_chart(
        budget.equity(store), organisation.get_charter(store).equity_threshold_percent),
            contributions_chart(budget.received(store, year), year)]


def area_chart(report: FollowUpReport) -> Chart:
    """Cost areas: budget, actual to date and full-year forecast."""
    rows = [r for r in report.areas if r.area in COST_AREAS]
    return Chart(
        "areas", _("Budget and actual per area {year}").format(year=report.year),
        ChartKind.BARS, Unit.MONEY, tuple(r.label for r in rows),
        (Series(_("Budget"), tuple(r.budget_ore for r in rows), PALETTE[0]),
         Series(_("Actual to date"), tuple(r.actual_ore for r in rows), PALETTE[1]),
         Series(_("Forecast"), tuple(r.forecast_ore for r in rows), PALETTE[2], dashed=True)))


def cumulative_chart(report: FollowUpReport) -> Chart:
    """Costs accumulated month by month: the budget spread evenly, the actuals reported."""
    budget_line, actual_line = [], []
    running = 0
    for month in range(1, MONTHS + 1):
        budget_line.append(round(report.costs.budget_ore * month / MONTHS))
        running += report.costs.months[month - 1] if report.costs.months else 0
        actual_line.append(running if month <= report.through_month else None)
    return Chart(
        "cumulative", _("Costs through {year}, accumulated").format(year=report.year),
        ChartKind.LINES, Unit.MONEY, tuple(month_label(m) for m in range(1, MONTHS + 1)),
        (Series(_("Budget"), tuple(budget_line), PALETTE[0], dashed=True),
         Series(_("Actual"), tuple(actual_line), PALETTE[1])))


def equity_chart(years: list[EquityYear], threshold_percent: int) -> Chart:
    """Equity at each year's end against the threshold (a share of that year's
    contributions, so it moves with them)."""
    return Chart(
        "equity", _("Equity at year end"), ChartKind.LINES, Unit.MONEY,
        tuple(f"{e.year} ({_(BASIS_LABELS[e.basis])})" for e in years),
        (Series(_("Equity"), tuple(e.closing_ore for e in years), PALETTE[2]),
         Series(_("Threshold ({percent} % of contributions)").format(percent=threshold_percent),
                tuple(e.contributions_ore * threshold_percent // 100 for e in years),
                PALETTE[5], dashed=True)))


def contributions_chart(rows: list[ReceivedContribution], year: int) -> Chart:
    """Each paying member: budgeted contribution and what it has paid."""
    paying = [r for r in rows if r.expected_ore or r.received_ore]
    return Chart(
        "contributions", _("Contributions per member {year}").format(year=year),
        ChartKind.BARS, Unit.MONEY, tuple(r.member.name for r in paying),
        (Series(_("Budgeted"), tuple(r.expected_ore for r in paying), PALETTE[0]),
         Series(_("Received"), tuple(r.received_ore for r in paying), PALETTE[1])))


def gather(store: Store, year: int, version_id: int | None = None) -> BudgetReport:
    """Read everything the exports show for `year` (the current version by default)."""
    if year not in budget.years(store):
        raise ValidationError(_("There is no budget for {year}.").format(year=year))
    version = version_id or budget.current_version(store, year).id
    plan = budget.view(store, year, version)
    return BudgetReport(
        agency=reporting.agency_info(store), plan=plan,
        version_label=budget.version_label(store, plan.version),
        follow_up=budget.follow_up(store, year), received=tuple(budget.received(store, year)),
        equity=tuple(budget.equity(store)), figures=budget.key_figures(store, year),
        texts=budget.texts(store, plan.version.id), charts=tuple(charts(store, year)))


SUFFIXES = (".pdf", ".xlsx")


def budget_job(store: Store, year: int, out: Path, version_id: int | None = None) -> ExportJob:
    """The budget and follow-up of `year` as PDF or XLSX (by `out`'s suffix)."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(_("Choose a file ending in .pdf or .xlsx."))
    data = gather(store, year, version_id)

    def render(path: Path) -> Path:
        if suffix == ".pdf":
            from finsam_desktop.reports.budget_pdf import render_budget

            return render_budget(data, path)
        from finsam_desktop.reports.budget_xlsx import write_budget_xlsx

        return write_budget_xlsx(data, path)

    return ExportJob(data.title, render)


def area_label(area: Area) -> str:
    """The translated name of an area."""
    return _(AREA_LABELS[area])
