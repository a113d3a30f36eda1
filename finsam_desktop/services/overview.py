"""The overview (start page): what is next, what is late and how the year is going.

`actions()` gathers the facts and applies the pure rules of `domain.overview` (minutes to
sign, notices to post, summonses to send, decisions overdue for follow-up, delegation
decisions to report, activity reports, the annual report cycle, next year's budget and the
organisation's problems). `next_meeting()` describes the coming meeting, `year_events()`
the governance year (`domain.governance_year`), and `budget_glance()`,
`equity_glance()` and `participants_glance()` the figures and chart descriptions of the year
at a glance (the slower part: the overview loads them after the window is shown).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain import overview as rules
from finsam_desktop.domain.activities import ParticipantSummary
from finsam_desktop.domain.budget import Basis, EquityYear, FollowUpReport
from finsam_desktop.domain.charts import PALETTE, Chart, ChartKind, Series, Unit
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.governance_year import CycleFacts, YearEvent, governance_year
from finsam_desktop.domain.meetings import Meeting, MeetingStatus
from finsam_desktop.domain.minutes_rules import summons_is_late
from finsam_desktop.i18n import _
from finsam_desktop.services import (
    activities,
    annual,
    board,
    budget,
    decisions,
    delegation,
    meetings,
    organisation,
)
from finsam_desktop.services.meetings import MeetingSummary
from finsam_desktop.storage.store import Store

TABLES = ("meetings", "items", "seals", "postings", "signers", "followups", "delegations",
          "delegation_decisions", *activities.TABLES, *annual.TABLES, *budget.TABLES,
          "settings", "agency", "members", "people", "seats", "staff")
"""The tables whose changes the overview follows."""

_SEALED = frozenset({MeetingStatus.SIGNED, MeetingStatus.POSTED, MeetingStatus.FINAL})
_POSTED = frozenset({MeetingStatus.POSTED, MeetingStatus.FINAL})
CHART_YEARS_BACK = 3  # the equity and participant charts show this many years before


# ---------------------------------------------------------------------------- meetings


def _facts(store: Store, summary: MeetingSummary) -> rules.MeetingFacts:
    """The facts of one meeting: for signed minutes, the last signature's day and the
    notice's."""
    meeting = summary.meeting
    sealed = summary.status in _SEALED
    signed_on = posted_on = None
    if sealed:
        signed_on = max((s.signed_on for s in store.meetings.signers_of(meeting.id)
                         if s.signed_on), default=None)
        if signed_on is None:  # sealed without recorded signature days: the seal's day
            seal = store.meetings.seal_of(meeting.id)
            signed_on = dt.date.fromisoformat(seal.sealed_at[:10]) if seal else None
        posting = store.meetings.posting_of(meeting.id)
        posted_on = posting.posted_on if posting is not None else None
    return rules.MeetingFacts(meeting, summary.item_count, sealed, signed_on, posted_on,
                              posted_on is not None)


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The coming meeting: status, agenda size and where its summons stands."""

    meeting: Meeting
    status: MeetingStatus
    items: int
    summons_due: dt.date
    summons_late: bool  # sent after the lead time, or not sent and past it
    days_to_go: int


def _next_of(summaries: list[MeetingSummary], today: dt.date) -> MeetingSummary | None:
    coming = [s for s in summaries if not s.meeting.held and s.meeting.date >= today]
    return min(coming, key=lambda s: s.meeting.date) if coming else None


def next_meeting(store: Store) -> NextMeeting | None:
    """The first meeting not held, today or later (None when none is planned)."""
    today = store.today()
    summaries = [s for year in (today.year, today.year + 1)
                 for s in meetings.list_meetings(store, year)]
    summary = _next_of(summaries, today)
    if summary is None:
        return None
    meeting = summary.meeting
    settings = organisation.get_charter(store)
    due = rules.summons_due(meeting, settings)
    late = (summons_is_late(meeting.date, meeting.summoned_on, settings.summons_lead_days)
            if meeting.summoned_on is not None else today > due)
    return NextMeeting(meeting, summary.status, summary.item_count, due, late,
                       (meeting.date - today).days)


# ---------------------------------------------------------------------------- actions


def actions(store: Store) -> list[rules.ActionItem]:
    """Everything due or late, late first."""
    today = store.today()
    settings = organisation.get_charter(store)
    summaries = meetings.list_meetings(store)
    # Only meetings with something left to do need their signing and notice days.
    facts = [_facts(store, s) if s.status is MeetingStatus.SIGNED
             else rules.MeetingFacts(s.meeting, s.item_count, s.status in _SEALED,
                                     posted=s.status in _POSTED)
             for s in summaries]
    found = rules.summons_actions(facts, settings, today)
    found += rules.signing_actions(facts, settings, today)
    found += rules.notice_actions(facts, settings, today)
    found += rules.followup_actions(
        decisions.list_decisions(store, overdue=True, with_text=False), today)
    found += _delegation(store, summaries, today)
    found += rules.activity_report_actions(activities.list_activities(store), today)
    found += _annual(store, today.year - 1)
    found += _budget(store, today)
    found += rules.problem_actions(organisation.problems(store), "members")
    found += rules.problem_actions([p.message for p in board.board_problems(store, today)],
                                   "board")
    return rules.sorted_actions(found)


def _delegation(store: Store, summaries: list[MeetingSummary],
                today: dt.date) -> list[rules.ActionItem]:
    """Delegation decisions not yet reported in a held meeting."""
    coming = [s.meeting for s in summaries if not s.meeting.held]
    agenda: dict[int, Meeting] = {}  # item id → its (not yet held) meeting
    for meeting in coming:
        item_id = store.decisions.item_with_role(meeting.id, delegation.DELEGATION_REPORT)
        if item_id is not None:
            agenda[item_id] = meeting
    waiting, reported_at = [], {}
    for decision in delegation.list_decisions(store):
        item_id = decision.reported_item_id
        if item_id is None:
            waiting.append(decision)
        elif item_id in agenda:
            waiting.append(decision)
            reported_at[decision.id] = (agenda[item_id], item_id)
    upcoming = _next_of(summaries, today)
    return rules.delegation_actions(waiting, reported_at,
                                    upcoming.meeting if upcoming else None, today)


def _kept_in_the_file(store: Store, year: int) -> bool:
    """True when the file holds the year's work (an annual report record, a budget or a
    meeting): a file started this year is not told last year's report is missing."""
    return (year in store.annual.years() or year in budget.years(store)
            or year in meetings.years(store))


def _annual(store: Store, year: int) -> list[rules.ActionItem]:
    """Last year's annual report cycle (when the file has last year in it)."""
    if not _kept_in_the_file(store, year):
        return []
    names = {m.id: m.name for m in organisation.list_members(store)}
    return rules.annual_actions(annual.get_report(store, year), annual.cycles(store, year),
                                names, organisation.get_charter(store), store.today())


def _adopted_on(store: Store, year: int) -> dt.date | None:
    """The day the budget of `year` was adopted (the adopting meeting's), if it was."""
    if year not in budget.years(store):
        return None
    adopted = [v for v in budget.versions(store, year) if v.adopted_item_id is not None]
    if not adopted:
        return None
    item = store.meetings.items.get(adopted[0].adopted_item_id)  # type: ignore[arg-type]
    return store.meetings.meetings.get(item.meeting_id).date


def _budget(store: Store, today: dt.date) -> list[rules.ActionItem]:
    next_year = today.year + 1
    has_budget = next_year in budget.years(store)
    adopted = has_budget and any(v.adopted_item_id is not None
                                 for v in budget.versions(store, next_year))
    return rules.budget_actions(next_year, adopted, has_budget,
                                organisation.get_charter(store), today)


# ---------------------------------------------------------------------------- the year


def year_events(store: Store, year: int) -> list[YearEvent]:
    """The governance year `year`: meetings with their deadlines, the interim reports the
    charter asks for, last year's annual report, audit and discharges, next year's budget."""
    if not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    today = store.today()
    settings = organisation.get_charter(store)
    facts = [_facts(store, s) for y in (year - 1, year, year + 1)
             for s in meetings.list_meetings(store, y)]
    last = year - 1
    cycle = None
    if _kept_in_the_file(store, last):
        report = annual.get_report(store, last)
        adopted_on = None
        if report.adopted_item_id is not None:
            item = store.meetings.items.get(report.adopted_item_id)
            adopted_on = store.meetings.meetings.get(item.meeting_id).date
        names = {m.id: m.name for m in organisation.list_members(store)}
        cycle = CycleFacts(report, adopted_on, tuple(annual.cycles(store, last)), names)
    return governance_year(year, facts, settings, cycle, _adopted_on(store, year + 1),
                           year + 1 in budget.years(store), today)


# ---------------------------------------------------------------------------- at a glance


@dataclass(frozen=True, slots=True)
class BudgetGlance:
    """The budget year at a glance: budget, actual to date and forecast."""

    year: int
    report: FollowUpReport
    chart: Chart


def budget_glance(store: Store, year: int) -> BudgetGlance | None:
    """Budget vs actual to date and forecast for `year` (None when it has no budget)."""
    if year not in budget.years(store):
        return None
    report = budget.follow_up(store, year)
    return BudgetGlance(year, report, budget_chart(report))


@dataclass(frozen=True, slots=True)
class EquityGlance:
    """Equity at the end of the year against the charter's threshold."""

    year: int
    equity: EquityYear | None  # the year's closing equity (None: unknown)
    threshold_ppm: int  # the charter's equity threshold, of the year's contributions
    chart: Chart

    @property
    def above_threshold(self) -> bool:
        """True when the year's closing equity exceeds the threshold."""
        share = self.equity.closing_share_ppm if self.equity is not None else None
        return share is not None and share > self.threshold_ppm


def equity_glance(store: Store, year: int) -> EquityGlance | None:
    """Equity through the years around `year` against the charter's threshold (None when
    the year has no budget). The slowest figure: the chain reads every budget year."""
    if year not in budget.years(store):
        return None
    chain = budget.equity(store)
    percent = organisation.get_charter(store).equity_threshold_percent
    shown = [e for e in chain if year - CHART_YEARS_BACK <= e.year <= year + 2]
    return EquityGlance(year, next((e for e in chain if e.year == year), None),
                        percent * 10_000, equity_chart(shown, percent))


def budget_chart(report: FollowUpReport) -> Chart:
    """Income and costs of the year: budget, actual to date, full-year forecast (short
    labels: the chart is small)."""
    rows = (report.income, report.costs)
    return Chart(
        "overview-budget", _("Budget {year}").format(year=report.year), ChartKind.BARS,
        Unit.MONEY, (_("Income"), _("Costs")),
        (Series(_("Budget"), tuple(r.budget_ore for r in rows), PALETTE[0]),
         Series(_("Actual"), tuple(r.actual_ore for r in rows), PALETTE[1]),
         Series(_("Forecast"), tuple(r.forecast_ore for r in rows), PALETTE[2], dashed=True)))


def equity_chart(years: list[EquityYear], threshold_percent: int) -> Chart:
    """Equity at each year's end — closed years solid, the forecast and budget years
    dashed — against the threshold (a share of that year's contributions), over the few
    years around the one shown."""
    actual = tuple(e.closing_ore if e.basis is Basis.ACTUAL else None for e in years)
    ahead = [e.closing_ore if e.basis is not Basis.ACTUAL else None for e in years]
    first = next((i for i, e in enumerate(years) if e.basis is not Basis.ACTUAL), None)
    if first:  # the dashed line starts from the last closed year
        ahead[first - 1] = years[first - 1].closing_ore
    series = (Series(_("Equity"), actual, PALETTE[2]),
              Series(_("Forecast"), tuple(ahead), PALETTE[2], dashed=True),
              Series(_("Threshold"), tuple(e.contributions_ore * threshold_percent // 100
                                           for e in years), PALETTE[5], dashed=True))
    return Chart("overview-equity", _("Equity at year end"), ChartKind.LINES, Unit.MONEY,
                 tuple(str(e.year) for e in years),
                 tuple(s for s in series if any(v is not None for v in s.values)))


@dataclass(frozen=True, slots=True)
class ParticipantsGlance:
    """Participants of the year, and the share of those who finished that went on to
    work or studies, with the years before for comparison."""

    year: int
    summary: ParticipantSummary
    chart: Chart


def participants_glance(store: Store, year: int) -> ParticipantsGlance:
    """Participants started and finished, and to work or studies, for `year` and the
    years before it (all activities)."""
    years = list(range(year - CHART_YEARS_BACK + 1, year + 1))
    summaries = {y: activities.summary(store, y) for y in years}
    chart = Chart(
        "overview-participants", _("Participants per year"), ChartKind.BARS, Unit.COUNT,
        tuple(str(y) for y in years),
        (Series(_("Started"), tuple(summaries[y].started for y in years), PALETTE[0]),
         Series(_("Ended"), tuple(summaries[y].finished for y in years), PALETTE[4]),
         Series(_("Work/studies"), tuple(summaries[y].to_work_or_studies for y in years),
                PALETTE[2])))
    return ParticipantsGlance(year, summaries[year], chart)
