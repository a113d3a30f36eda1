"""Charts of activities and evaluations, and the activity catalogue for export.

The chart descriptions (domain.charts) are drawn by pyqtgraph on screen and by
reportlab.graphics in PDFs. `catalogue_job()` exports a year's activities with their
figures as PDF or XLSX; participant counts below the charter's threshold are suppressed
in those printed outputs.
"""

from __future__ import annotations

from pathlib import Path

from finsam_desktop.domain.activities import (
    OCCUPATIONS,
    STATUS_LABELS,
    Count,
    summarise,
)
from finsam_desktop.domain.budget import FOCUS_LABELS
from finsam_desktop.domain.charts import PALETTE, Chart, ChartKind, Series, Unit
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import (
    EVALUATION_LABELS,
    FULFILMENT_LABELS,
    MILLI,
    UNIT_LABELS,
    Indicator,
    format_value,
)
from finsam_desktop.domain.evaluations import Unit as IndicatorUnit
from finsam_desktop.i18n import _
from finsam_desktop.reports.data import ActivityCatalogue, CatalogueEntry
from finsam_desktop.services import activities, evaluations, organisation, reporting
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store

PPM_PER_MILLI_PERCENT = 10  # a thousandth of a per cent is 10 ppm


def participants_chart(counts: list[Count], years: list[int], title: str) -> Chart:
    """Started and finished participants per year."""
    summaries = [summarise(y, counts) for y in years]
    return Chart("participants", title, ChartKind.BARS, Unit.COUNT,
                 tuple(str(y) for y in years),
                 (Series(_("Participants started"), tuple(s.started for s in summaries),
                         PALETTE[0]),
                  Series(_("Participants finished"), tuple(s.finished for s in summaries),
                         PALETTE[1])))


def outcomes_chart(counts: list[Count], year: int, title: str) -> Chart:
    """Occupation before and after, for the participants who finished in the year."""
    summary = summarise(year, counts)
    keys = list(OCCUPATIONS)
    return Chart("outcomes", title, ChartKind.BARS, Unit.COUNT,
                 tuple(_(OCCUPATIONS[k]) for k in keys),
                 (Series(_("Before"), tuple(summary.occupation_before.get(k, 0) for k in keys),
                         PALETTE[4]),
                  Series(_("After"), tuple(summary.occupation_after.get(k, 0) for k in keys),
                         PALETTE[2])))


def indicator_chart(store: Store, indicator: Indicator) -> Chart:
    """An indicator's values by year against its target (and baseline).

    Percentages are drawn as shares (ppm); a count as plain whole numbers when every value
    (target and baseline included) is whole; scores and counts with decimals as
    thousandths (`Unit.DECIMAL`), the way the values are kept."""
    status = evaluations.indicator_status(store, indicator)
    years = [v.year for v in status.series]
    if indicator.baseline_year is not None and indicator.baseline_year not in years:
        years = sorted([indicator.baseline_year, *years])
    by_year = {v.year: v.value_milli for v in status.series}
    if indicator.baseline_year is not None and indicator.baseline_milli is not None:
        by_year.setdefault(indicator.baseline_year, indicator.baseline_milli)
    milli = [by_year.get(y) for y in years]
    target = [indicator.target_milli] * len(years) if indicator.target_milli is not None \
        else None
    known = [v for v in [*milli, *(target or ())] if v is not None]
    if indicator.unit is IndicatorUnit.PERCENT:
        unit = Unit.SHARE
    elif indicator.unit is IndicatorUnit.COUNT and all(v % MILLI == 0 for v in known):
        unit = Unit.COUNT
    else:
        unit = Unit.DECIMAL

    def drawn(values: list[int | None]) -> tuple[int | None, ...]:
        if unit is Unit.SHARE:  # thousandths of a per cent → ppm
            return tuple(None if v is None else v * PPM_PER_MILLI_PERCENT for v in values)
        if unit is Unit.COUNT:
            return tuple(None if v is None else v // MILLI for v in values)
        return tuple(values)

    series = [Series(indicator.name, drawn(milli), PALETTE[0])]
    if target is not None:
        series.append(Series(_("Target"), drawn(target), PALETTE[5], dashed=True))
    return Chart(f"indicator-{indicator.id}", indicator.name, ChartKind.LINES, unit,
                 tuple(str(y) for y in years), tuple(series))


def charts(store: Store, year: int, activity_id: int | None = None) -> list[Chart]:
    """Participants over the years and outcomes in `year`, for one activity or all."""
    counts = activities.year_totals(store, activity_id)
    years = sorted({c.year for c in counts}) or [year]
    scope = activities.get(store, activity_id).name if activity_id else _("all activities")
    return [participants_chart(counts, years, _("Participants per year, {scope}").format(
                scope=scope)),
            outcomes_chart(counts, year, _("Occupation before and after, {year}").format(
                year=year))]


def gather(store: Store, year: int) -> ActivityCatalogue:
    """The year's activities with decision, parties, money, participants and evaluations."""
    if not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    rows = activities.register(store, year)
    if not rows:
        raise ValidationError(_("No activity runs in {year}.").format(year=year))
    members = {m.id: m.name for m in organisation.list_members(store)}
    entries = []
    for row in rows:
        a = row.activity
        summary = activities.summary(store, year, a.id)
        evals = tuple((_(EVALUATION_LABELS[e.kind]), e.title, e.evaluator,
                       e.finished_on.isoformat() if e.finished_on else "", e.findings)
                      for e in evaluations.list_evaluations(store, a.id))
        entries.append(CatalogueEntry(
            name=a.name, focus=_(FOCUS_LABELS[a.focus]), status=_(STATUS_LABELS[a.status]),
            precise_direction=a.precise_direction, esf=a.esf,
            lead=members.get(a.lead_member_id or 0, ""), parties=row.parties,
            start_on=a.start_on, end_on=a.end_on, target_group=a.target_group, goals=a.goals,
            description=a.description, decision=row.decision,
            granted_amount_ore=a.granted_amount_ore, budget_ore=row.budget_ore,
            actual_ore=row.actual_ore, participants=summary, evaluations=evals))
    key = activities.key_figures(store, year)
    goals = tuple((gs.goal.title if gs.goal else _("Indicators without a goal"),
                   _(FULFILMENT_LABELS[gs.fulfilment]),
                   tuple((_named_with_unit(s.indicator),
                          format_value(s.indicator.baseline_milli),
                          format_value(s.indicator.target_milli), format_value(s.latest_milli),
                          _(FULFILMENT_LABELS[s.fulfilment])) for s in gs.indicators))
                  for gs in evaluations.goal_fulfilment(store, year))
    return ActivityCatalogue(
        agency=reporting.agency_info(store), year=year, entries=tuple(entries),
        key_figures=key.participants, activities_total=key.activities,
        individual=key.individual, structural=key.structural, cost=key.cost, goals=goals,
        threshold=organisation.get_charter(store).small_count_threshold,
        age_bands=activities.age_bands(store),
        charts=tuple(charts(store, year)))


def _named_with_unit(indicator: Indicator) -> str:
    """"Andel till arbete (%)": the name with the unit its values are in."""
    return f"{indicator.name} ({_(UNIT_LABELS[indicator.unit])})"


SUFFIXES = (".pdf", ".xlsx")


def catalogue_job(store: Store, year: int, out: Path) -> ExportJob:
    """The activity catalogue of `year` as PDF or XLSX (by `out`'s suffix)."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(_("Choose a file ending in .pdf or .xlsx."))
    data = gather(store, year)

    def render(path: Path) -> Path:
        if suffix == ".pdf":
            from finsam_desktop.reports.activities_pdf import render_catalogue

            return render_catalogue(data, path)
        from finsam_desktop.reports.activities_xlsx import write_catalogue_xlsx

        return write_catalogue_xlsx(data, path)

    return ExportJob(data.title, render)
