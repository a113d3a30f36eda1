"""What is due, what is late: the overview's rules, as pure functions over plain facts.

Each rule looks at one kind of record (meetings, decision follow-up, delegation decisions,
activities, the annual report cycle, the budget, the organisation) and returns
`ActionItem`s: a kind, a text, a due date, a severity and a `Target` — the panel, tab and
record where the matter is handled. Deadlines come from the data and the charter settings
(DOMAIN.md 1.7, 1.8, 2.1, 3.3, 8.6, 8.8), never from dates written in the code; how far
ahead the overview looks is the only thing fixed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.domain.activities import Activity, Status
from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle, deadline
from finsam_desktop.domain.charter import CharterSettings, day_in
from finsam_desktop.domain.decisions import DecisionRow, DelegationDecision
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.domain.minutes_rules import posting_dates
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _

# How far ahead (days) the overview starts to remind; a matter further off is not shown.
SUMMONS_AHEAD_DAYS = 14
REPORT_AHEAD_DAYS = 30
INTERIM_SHOWN_AFTER_DAYS = 30  # an activity's interim report is shown this long after its day
BUDGET_AHEAD_DAYS = 60
ANNUAL_AHEAD_DAYS = 60
AUDIT_AHEAD_DAYS = 30
DISCHARGE_AHEAD_DAYS = 60
COLLAPSE_AFTER = 5  # more items of one kind than this become one summary line


class Severity(StrEnum):
    """Late (a deadline passed), due (a deadline ahead) or for information."""

    LATE = "late"
    DUE = "due"
    INFO = "info"


SEVERITY_LABELS = {Severity.LATE: N_("Late"), Severity.DUE: N_("To do"),
                   Severity.INFO: N_("For information")}
SEVERITY_ORDER = {Severity.LATE: 0, Severity.DUE: 1, Severity.INFO: 2}


class Kind(StrEnum):
    """What an action item is about."""

    SUMMONS = "summons"
    SIGNING = "signing"
    NOTICE = "notice"
    FOLLOW_UP = "follow_up"
    DELEGATION = "delegation"
    ACTIVITY_REPORT = "activity_report"
    ANNUAL_REPORT = "annual_report"
    AUDIT_REPORT = "audit_report"
    DISCHARGE = "discharge"
    BUDGET = "budget"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Target:
    """Where a matter is handled: a panel (navigation key), optionally its tab, a year and
    a record. `record_id` is a meeting id (meetings), a decision's item id (decisions) or an
    activity id (activities); `item_id` a paragraph of that meeting; `overdue_only` asks the
    decision register for the overdue decisions only."""

    panel: str
    tab: str = ""
    year: int | None = None
    record_id: int | None = None
    item_id: int | None = None
    overdue_only: bool = False


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One thing the förbundschef or the secretary should do or know."""

    kind: Kind
    text: str
    due: dt.date | None
    severity: Severity
    target: Target


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """A meeting with what the rules need about its minutes."""

    meeting: Meeting
    items: int = 0
    sealed: bool = False
    signed_on: dt.date | None = None  # the last signature (once sealed)
    posted_on: dt.date | None = None  # the notice of the signed minutes (when read)
    posted: bool = False  # the notice is posted


def sort_key(item: ActionItem) -> tuple[int, dt.date, str]:
    """Late first, then to do, then information; earliest date first within each."""
    return (SEVERITY_ORDER[item.severity], item.due or dt.date.max, item.text)


def sorted_actions(items: Iterable[ActionItem]) -> list[ActionItem]:
    """`items` in the order the overview lists them."""
    return sorted(items, key=sort_key)


def _when(due: dt.date, today: dt.date, ahead: int) -> Severity | None:
    """LATE past `due`, DUE within `ahead` days of it, None (not shown yet) before."""
    if today > due:
        return Severity.LATE
    return Severity.DUE if (due - today).days <= ahead else None


# -------------------------------------------------------------------------- meetings


def summons_due(meeting: Meeting, settings: CharterSettings) -> dt.date:
    """The last day the summons can go out (the charter's lead time before the meeting)."""
    return meeting.date - dt.timedelta(days=settings.summons_lead_days)


def signing_due(meeting: Meeting, settings: CharterSettings) -> dt.date:
    """The last day to sign the minutes (justering)."""
    return meeting.date + dt.timedelta(days=settings.signing_deadline_days)


def notice_due(facts: MeetingFacts, settings: CharterSettings) -> dt.date:
    """The last day to post the notice: after the signing, or after the signing deadline
    while the minutes are unsigned."""
    signed = facts.signed_on or signing_due(facts.meeting, settings)
    return signed + dt.timedelta(days=settings.notice_lag_days)


def appeal_ends(posted_on: dt.date, settings: CharterSettings) -> dt.date:
    """The last day to appeal the decisions of minutes whose notice was posted on
    `posted_on` (the same rule as the notice block of the minutes)."""
    return posting_dates(posted_on, settings.appeal_period_days)[1]


def summons_actions(meetings: Sequence[MeetingFacts], settings: CharterSettings,
                    today: dt.date) -> list[ActionItem]:
    """Meetings not yet held and not summoned whose summons deadline is near or past."""
    found = []
    for facts in meetings:
        meeting = facts.meeting
        if meeting.held or meeting.summoned_on is not None or meeting.date < today:
            continue
        due = summons_due(meeting, settings)
        severity = _when(due, today, SUMMONS_AHEAD_DAYS)
        if severity is None:
            continue
        text = (_("Send the summons for the meeting on {date}: it was due by {deadline}.")
                if severity is Severity.LATE else
                _("Send the summons for the meeting on {date} by {deadline}."))
        found.append(ActionItem(Kind.SUMMONS, text.format(
            date=format_date(meeting.date), deadline=format_date(due)), due, severity,
            Target("meetings", "agenda", meeting.date.year, meeting.id)))
    return _collapse(found, lambda n, first: _(
        "The summonses of {n} meetings are not sent; the first was due {due}.").format(
            n=n, due=format_date(first)))


def signing_actions(meetings: Sequence[MeetingFacts], settings: CharterSettings,
                    today: dt.date) -> list[ActionItem]:
    """Held meetings whose minutes are not signed: late past the signing deadline."""
    found = []
    for facts in meetings:
        meeting = facts.meeting
        if not meeting.held or facts.sealed:
            continue
        due = signing_due(meeting, settings)
        late = today > due
        text = (_("Sign the minutes of {date}: the deadline was {deadline}.") if late else
                _("Sign the minutes of {date} by {deadline}."))
        found.append(ActionItem(Kind.SIGNING, text.format(
            date=format_date(meeting.date), deadline=format_date(due)), due,
            Severity.LATE if late else Severity.DUE,
            Target("meetings", "signing", meeting.date.year, meeting.id)))
    return _collapse(found, lambda n, first: _(
        "The minutes of {n} meetings are not signed; the first was due {due}.").format(
            n=n, due=format_date(first)))


def notice_actions(meetings: Sequence[MeetingFacts], settings: CharterSettings,
                   today: dt.date) -> list[ActionItem]:
    """Signed minutes whose notice is not posted: late past the charter's posting lag."""
    found = []
    for facts in meetings:
        if not facts.sealed or facts.posted:
            continue
        meeting = facts.meeting
        due = notice_due(facts, settings)
        late = today > due
        text = (_("Post the notice of the signed minutes of {date}: it was due by "
                  "{deadline}.") if late else
                _("Post the notice of the signed minutes of {date} by {deadline}."))
        found.append(ActionItem(Kind.NOTICE, text.format(
            date=format_date(meeting.date), deadline=format_date(due)), due,
            Severity.LATE if late else Severity.DUE,
            Target("meetings", "signing", meeting.date.year, meeting.id)))
    return _collapse(found, lambda n, first: _(
        "The notices of {n} signed minutes are not posted; the first was due {due}.").format(
            n=n, due=format_date(first)))


# -------------------------------------------------------------------------- decisions


def followup_actions(rows: Sequence[DecisionRow], today: dt.date) -> list[ActionItem]:
    """Decisions past their follow-up date and not carried out; many become one line."""
    overdue = [r for r in rows if r.overdue and r.due_on is not None]
    found = [ActionItem(Kind.FOLLOW_UP, _(
        "Decision § {number} ({date}) “{title}” is overdue for follow-up (due {due}).").format(
            number=r.number, date=format_date(r.meeting_date), title=r.title,
            due=format_date(r.due_on)), r.due_on, Severity.LATE,
        Target("decisions", "decisions", r.year, r.item_id, overdue_only=True))
        for r in overdue]
    return _collapse(found, lambda n, first: _(
        "{n} decisions are overdue for follow-up; the oldest was due {due}.").format(
            n=n, due=format_date(first)), Target("decisions", "decisions", overdue_only=True))


def delegation_actions(waiting: Sequence[DelegationDecision],
                       reported_at: dict[int, tuple[Meeting, int]],
                       next_meeting: Meeting | None, today: dt.date) -> list[ActionItem]:
    """Delegation decisions not yet reported to the board: those on no agenda yet (to do
    before the next meeting), and those on a coming meeting's agenda (for information).
    `reported_at` maps a decision id to (meeting, item id) of the agenda it is on."""
    found = []
    loose = [d for d in waiting if d.id not in reported_at]
    if loose:
        n = len(loose)
        text = (_("1 delegation decision is on no meeting's agenda yet: add “Report of "
                  "delegated decisions” to the next meeting.") if n == 1 else
                _("{n} delegation decisions are on no meeting's agenda yet: add “Report of "
                  "delegated decisions” to the next meeting.").format(n=n))
        found.append(ActionItem(Kind.DELEGATION, text,
                                next_meeting.date if next_meeting is not None else None,
                                Severity.DUE, Target("decisions", "delegation")))
    by_meeting: dict[int, tuple[Meeting, int, int]] = {}
    for decision in waiting:
        if decision.id in reported_at:
            meeting, item_id = reported_at[decision.id]
            _meeting, _item, count = by_meeting.get(meeting.id, (meeting, item_id, 0))
            by_meeting[meeting.id] = (meeting, item_id, count + 1)
    for meeting, item_id, n in by_meeting.values():
        if meeting.date < today:
            continue
        text = (_("1 delegation decision will be reported at the meeting on {date}.")
                if n == 1 else
                _("{n} delegation decisions will be reported at the meeting on {date}.")
                ).format(n=n, date=format_date(meeting.date))
        found.append(ActionItem(Kind.DELEGATION, text, meeting.date, Severity.INFO,
                                Target("meetings", "agenda", meeting.date.year, meeting.id,
                                       item_id)))
    return found


# -------------------------------------------------------------------------- activities

_REPORTING = (Status.GRANTED, Status.AGREEMENT, Status.ONGOING, Status.FINISHED)


def activity_report_actions(activities: Sequence[Activity], today: dt.date) -> list[ActionItem]:
    """Final reports due soon or overdue (until the activity reaches "Final report"), and
    interim reports due soon or lately (the register records no receipt of those)."""
    found = []
    for activity in activities:
        if activity.status not in _REPORTING:
            continue
        target = Target("activities", "details", None, activity.id)
        final = activity.final_report_on
        if final is not None:
            severity = _when(final, today, REPORT_AHEAD_DAYS)
            if severity is not None:
                text = (_("The final report of “{name}” is overdue (due {due}).")
                        if severity is Severity.LATE else
                        _("The final report of “{name}” is due {due}."))
                found.append(ActionItem(Kind.ACTIVITY_REPORT, text.format(
                    name=activity.name, due=format_date(final)), final, severity, target))
        interim = activity.interim_report_on
        if interim is not None and activity.status is not Status.FINISHED \
                and -INTERIM_SHOWN_AFTER_DAYS <= (interim - today).days <= REPORT_AHEAD_DAYS:
            text = (_("The interim report of “{name}” was due {due}: check that it has "
                      "arrived.") if interim < today else
                    _("The interim report of “{name}” is due {due}."))
            found.append(ActionItem(Kind.ACTIVITY_REPORT, text.format(
                name=activity.name, due=format_date(interim)), interim, Severity.DUE, target))
    return _collapse(found, lambda n, due: _(
        "{n} activity reports are due or overdue; the first on {due}.").format(
            n=n, due=format_date(due)))


# -------------------------------------------------------------------------- annual cycle


def annual_actions(report: AnnualReport, cycles: Sequence[MemberCycle],
                   member_names: dict[int, str], settings: CharterSettings,
                   today: dt.date) -> list[ActionItem]:
    """The annual report of `report.year`: adopted by 31 March, the audit report expected
    by the charter's day, and each member's discharge decision by the charter's day."""
    year = report.year
    found = []
    target = Target("annual", "signing", year)
    if report.adopted_item_id is None:
        due = deadline(year)
        severity = _when(due, today, ANNUAL_AHEAD_DAYS)
        if severity is not None:
            text = (_("The annual report {year} was due by {deadline} and is not adopted "
                      "yet.") if severity is Severity.LATE else
                    _("Draw up and adopt the annual report {year} by {deadline}."))
            found.append(ActionItem(Kind.ANNUAL_REPORT, text.format(
                year=year, deadline=format_date(due)), due, severity, target))
    if report.audit_report_on is None and report.adopted_item_id is not None:
        due = day_in(year + 1, settings.audit_report_by)
        severity = _when(due, today, AUDIT_AHEAD_DAYS)
        if severity is not None:
            text = (_("The audit report for {year} was expected by {deadline}.")
                    if severity is Severity.LATE else
                    _("The audit report for {year} is expected by {deadline}."))
            found.append(ActionItem(Kind.AUDIT_REPORT, text.format(
                year=year, deadline=format_date(due)), due, severity, target))
    due = day_in(year + 1, settings.discharge_by)
    for cycle in cycles:
        if cycle.discharge is not Discharge.PENDING:
            continue
        if cycle.report_sent_on is None and report.adopted_item_id is None:
            continue  # nothing to decide on yet
        severity = _when(due, today, DISCHARGE_AHEAD_DAYS)
        if severity is None:
            continue
        name = member_names.get(cycle.member_id, "?")
        text = (_("{member} has not decided on discharge for {year} (expected by "
                  "{deadline}).") if severity is Severity.LATE else
                _("{member} decides on discharge for {year} by {deadline}."))
        found.append(ActionItem(Kind.DISCHARGE, text.format(
            member=name, year=year, deadline=format_date(due)), due, severity,
            Target("annual", "members", year)))
    return found


# -------------------------------------------------------------------------- budget


def budget_actions(next_year: int, adopted: bool, has_budget: bool,
                   settings: CharterSettings, today: dt.date) -> list[ActionItem]:
    """Next year's budget, to be adopted by the charter's day of this year."""
    if adopted:
        return []
    due = day_in(next_year - 1, settings.budget_adopted_by)
    severity = _when(due, today, BUDGET_AHEAD_DAYS)
    if severity is None:
        return []
    text = (_("The budget for {year} was to be adopted by {deadline}.")
            if severity is Severity.LATE else
            _("Adopt the budget for {year} by {deadline}."))
    return [ActionItem(Kind.BUDGET, text.format(year=next_year, deadline=format_date(due)),
                       due, severity,
                       Target("budget", "plan", next_year if has_budget else next_year - 1))]


# -------------------------------------------------------------------------- organisation


def problem_actions(messages: Sequence[str], tab: str) -> list[ActionItem]:
    """Problems of the organisation or the board (no deadline: to fix now)."""
    return [ActionItem(Kind.ORGANISATION, message, None, Severity.DUE,
                       Target("organisation", tab)) for message in messages]


def _collapse(items: list[ActionItem], summary: Callable[[int, dt.date], str],
              target: Target | None = None) -> list[ActionItem]:
    """`items`, or one summary line when there are more than COLLAPSE_AFTER: it opens
    `target`, or by default where the earliest item opens."""
    if len(items) <= COLLAPSE_AFTER:
        return items
    first = min((i for i in items if i.due is not None), key=lambda i: i.due)  # type: ignore[arg-type,return-value]
    severity = min((i.severity for i in items), key=SEVERITY_ORDER.__getitem__)
    return [ActionItem(first.kind, summary(len(items), first.due),  # type: ignore[arg-type]
                       first.due, severity, target or first.target)]
