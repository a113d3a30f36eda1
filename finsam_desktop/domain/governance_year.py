"""The governance year (årshjul): the board's meetings and the statutory and charter
deadlines of one calendar year, as dated events.

For each meeting: the summons (sent, or its last day by the charter's lead time), the
meeting, the signing of the minutes, the notice posting and the end of the appeal period —
actual dates where they are recorded, deadlines from the charter where not. For the year's
cycle: interim reports on the charter's days (none unless the charter asks for them), last
year's annual report by 31 March, the audit report and each member's discharge decision by
the charter's days, and next year's budget by the charter's adoption day. Pure functions:
the service gathers the facts, the overview and the calendar export show the events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle
from finsam_desktop.domain.annual import deadline as annual_deadline
from finsam_desktop.domain.charter import CharterSettings, day_in, parse_month_days
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.domain.minutes_rules import summons_is_late
from finsam_desktop.domain.overview import (
    MeetingFacts,
    Target,
    appeal_ends,
    notice_due,
    signing_due,
    summons_due,
)
from finsam_desktop.formatting import format_day_month
from finsam_desktop.i18n import N_, _


class EventKind(StrEnum):
    """What happens on the day."""

    SUMMONS = "summons"
    MEETING = "meeting"
    SIGNING = "signing"
    NOTICE = "notice"
    APPEAL_END = "appeal_end"
    INTERIM_REPORT = "interim_report"
    ANNUAL_REPORT = "annual_report"
    AUDIT_REPORT = "audit_report"
    DISCHARGE = "discharge"
    BUDGET = "budget"


class EventState(StrEnum):
    """Done (recorded), late (a deadline passed without it), ahead, or simply passed (a
    day nothing is recorded for, such as the end of an appeal period)."""

    DONE = "done"
    LATE = "late"
    AHEAD = "ahead"
    PASSED = "passed"


MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))
STATE_LABELS = {EventState.DONE: N_("done"), EventState.LATE: N_("late"),
                EventState.AHEAD: N_("ahead"), EventState.PASSED: N_("passed")}


@dataclass(frozen=True, slots=True)
class YearEvent:
    """One dated event of the governance year."""

    day: dt.date
    kind: EventKind
    text: str
    state: EventState
    target: Target
    meeting: Meeting | None = None  # the meeting an event belongs to (time, place, agenda)
    key: str = ""  # stable identity (calendar UIDs): kind, record and year


@dataclass(frozen=True, slots=True)
class CycleFacts:
    """Last year's annual report cycle as the governance year shows it."""

    report: AnnualReport
    adopted_on: dt.date | None  # the date of the meeting that adopted the report
    cycles: tuple[MemberCycle, ...]
    member_names: dict[int, str]


def _deadline_state(day: dt.date, today: dt.date) -> EventState:
    return EventState.LATE if today > day else EventState.AHEAD


def meeting_events(facts: MeetingFacts, settings: CharterSettings,
                   today: dt.date) -> list[YearEvent]:
    """Summons, meeting, signing, notice and appeal end of one meeting."""
    meeting = facts.meeting
    date = format_day_month(meeting.date)  # the month card gives the year
    year = meeting.date.year
    agenda = Target("meetings", "agenda", year, meeting.id)
    signing = Target("meetings", "signing", year, meeting.id)
    key = f"meeting-{meeting.id}"
    events = []
    if meeting.summoned_on is not None:
        late = summons_is_late(meeting.date, meeting.summoned_on, settings.summons_lead_days)
        text = (_("Summons sent late for the meeting on {date}") if late else
                _("Summons sent for the meeting on {date}")).format(date=date)
        events.append(YearEvent(meeting.summoned_on, EventKind.SUMMONS, text, EventState.DONE,
                                agenda, meeting, f"{key}-summons"))
    elif not meeting.held:
        due = summons_due(meeting, settings)
        events.append(YearEvent(due, EventKind.SUMMONS, _(
            "Last day to send the summons for the meeting on {date}").format(date=date),
            _deadline_state(due, today), agenda, meeting, f"{key}-summons"))
    if meeting.held:
        state = EventState.DONE
    else:
        state = EventState.LATE if meeting.date < today else EventState.AHEAD
    events.append(YearEvent(meeting.date, EventKind.MEETING, _("Board meeting"), state,
                            agenda, meeting, key))
    if facts.signed_on is not None:
        events.append(YearEvent(facts.signed_on, EventKind.SIGNING, _(
            "Minutes of {date} signed").format(date=date), EventState.DONE, signing, meeting,
            f"{key}-signing"))
    elif not facts.sealed:
        due = signing_due(meeting, settings)
        events.append(YearEvent(due, EventKind.SIGNING, _(
            "Last day to sign the minutes of {date}").format(date=date),
            _deadline_state(due, today) if meeting.held or meeting.date < today
            else EventState.AHEAD, signing, meeting, f"{key}-signing"))
    if facts.posted_on is not None:
        events.append(YearEvent(facts.posted_on, EventKind.NOTICE, _(
            "Notice of the minutes of {date} posted").format(date=date), EventState.DONE,
            signing, meeting, f"{key}-notice"))
        ends = appeal_ends(facts.posted_on, settings)
        events.append(YearEvent(ends, EventKind.APPEAL_END, _(
            "Appeal period for the minutes of {date} ends").format(date=date),
            EventState.PASSED if ends < today else EventState.AHEAD, signing, meeting,
            f"{key}-appeal"))
    else:
        due = notice_due(facts, settings)
        events.append(YearEvent(due, EventKind.NOTICE, _(
            "Last day to post the notice of the minutes of {date}").format(date=date),
            _deadline_state(due, today) if facts.sealed or meeting.held or meeting.date < today
            else EventState.AHEAD, signing, meeting, f"{key}-notice"))
        ends = appeal_ends(due, settings)
        events.append(YearEvent(ends, EventKind.APPEAL_END, _(
            "Appeal period for the minutes of {date} ends at the earliest").format(date=date),
            EventState.AHEAD if ends >= today else EventState.PASSED, signing, meeting,
            f"{key}-appeal"))
    return events


def cycle_events(year: int, cycle: CycleFacts | None, settings: CharterSettings,
                 today: dt.date) -> list[YearEvent]:
    """Last year's annual report (by 31 March), the audit report and each member's
    discharge decision, on the days the charter sets for them (`cycle` None: the file has
    nothing of last year, so the days are shown without calling them late)."""
    last = year - 1
    target = Target("annual", "signing", last)
    events = []

    def state(day: dt.date) -> EventState:  # nothing on file for last year: no lateness
        if cycle is None:
            return EventState.PASSED if day < today else EventState.AHEAD
        return _deadline_state(day, today)

    due = annual_deadline(last)
    adopted_on = cycle.adopted_on if cycle is not None else None
    if adopted_on is not None:
        events.append(YearEvent(adopted_on, EventKind.ANNUAL_REPORT, _(
            "Annual report {year} adopted by the board").format(year=last), EventState.DONE,
            target, key=f"annual-{last}"))
    else:
        events.append(YearEvent(due, EventKind.ANNUAL_REPORT, _(
            "Last day to adopt the annual report {year}").format(year=last),
            state(due), target, key=f"annual-{last}"))
    audit_on = cycle.report.audit_report_on if cycle is not None else None
    if audit_on is not None:
        events.append(YearEvent(audit_on, EventKind.AUDIT_REPORT, _(
            "Audit report {year} received").format(year=last), EventState.DONE, target,
            key=f"audit-{last}"))
    else:
        due = day_in(year, settings.audit_report_by)
        events.append(YearEvent(due, EventKind.AUDIT_REPORT, _(
            "Audit report {year} expected").format(year=last), state(due),
            target, key=f"audit-{last}"))
    members = Target("annual", "members", last)
    due = day_in(year, settings.discharge_by)
    for member_cycle in (cycle.cycles if cycle is not None else ()):
        name = cycle.member_names.get(member_cycle.member_id, "?") if cycle else "?"
        key = f"discharge-{last}-{member_cycle.member_id}"
        if member_cycle.discharge is not Discharge.PENDING and member_cycle.decided_on:
            text = (_("{member}: discharge for {year} granted")
                    if member_cycle.discharge is Discharge.GRANTED else
                    _("{member}: discharge for {year} not granted"))
            events.append(YearEvent(member_cycle.decided_on, EventKind.DISCHARGE, text.format(
                member=name, year=last), EventState.DONE, members, key=key))
        else:
            events.append(YearEvent(due, EventKind.DISCHARGE, _(
                "{member}: decision on discharge for {year} expected").format(
                    member=name, year=last), _deadline_state(due, today), members, key=key))
    return events


def interim_events(year: int, settings: CharterSettings, today: dt.date) -> list[YearEvent]:
    """The interim reports the charter asks for (none when it does not)."""
    return [YearEvent(day, EventKind.INTERIM_REPORT, _("Interim report due"),
                      EventState.PASSED if day < today else EventState.AHEAD,
                      Target("annual", "statements", year), key=f"interim-{day.isoformat()}")
            for day in (day_in(year, md) for md in parse_month_days(
                settings.interim_report_dates))]


def budget_event(year: int, adopted_on: dt.date | None, settings: CharterSettings,
                 today: dt.date, has_budget: bool) -> YearEvent:
    """Next year's budget: adopted (on the adopting meeting's day) or its last day."""
    target = Target("budget", "plan", year + 1 if has_budget else year)
    if adopted_on is not None and adopted_on.year == year:
        return YearEvent(adopted_on, EventKind.BUDGET, _(
            "Budget {year} adopted").format(year=year + 1), EventState.DONE, target,
            key=f"budget-{year + 1}")
    due = day_in(year, settings.budget_adopted_by)
    state = EventState.DONE if adopted_on is not None else _deadline_state(due, today)
    return YearEvent(due, EventKind.BUDGET, _("Last day to adopt the budget {year}").format(
        year=year + 1), state, target, key=f"budget-{year + 1}")


def governance_year(year: int, meetings: Sequence[MeetingFacts], settings: CharterSettings,
                    cycle: CycleFacts | None, budget_adopted_on: dt.date | None,
                    has_next_budget: bool, today: dt.date) -> list[YearEvent]:
    """Every event of `year`, by day. `meetings` may include meetings of the years around
    it (a December meeting's appeal period ends in January); only events in `year` stay."""
    events: list[YearEvent] = []
    for facts in meetings:
        events += meeting_events(facts, settings, today)
    events += interim_events(year, settings, today)
    events += cycle_events(year, cycle, settings, today)
    events.append(budget_event(year, budget_adopted_on, settings, today, has_next_budget))
    order = {kind: index for index, kind in enumerate(EventKind)}
    return sorted((e for e in events if e.day.year == year),
                  key=lambda e: (e.day, order[e.kind], e.text))


def by_month(events: Sequence[YearEvent]) -> dict[int, list[YearEvent]]:
    """Events of a year grouped by month (1–12, every month present)."""
    months: dict[int, list[YearEvent]] = {m: [] for m in range(1, 13)}
    for event in events:
        months[event.day.month].append(event)
    return months
