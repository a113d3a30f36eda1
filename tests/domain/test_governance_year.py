"""The governance year (årshjul): a meeting's summons, signing, notice and appeal end; the
interim reports the charter asks for; last year's annual report, audit and discharges; next
year's budget — actual days where recorded, the charter's deadlines where not."""

from __future__ import annotations

import dataclasses
import datetime as dt

from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle
from finsam_desktop.domain.charter import (
    CharterSettings,
    day_in,
    parse_month_days,
    validate_charter,
)
from finsam_desktop.domain.governance_year import (
    CycleFacts,
    EventKind,
    EventState,
    by_month,
    governance_year,
    meeting_events,
)
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.domain.overview import MeetingFacts, Target

TODAY = dt.date(2026, 11, 22)
CHARTER = CharterSettings()


def kinds(events):
    return [(e.day, e.kind, e.state) for e in events]


def test_a_coming_meeting_has_its_deadlines_ahead():
    meeting = Meeting(5, dt.date(2026, 12, 10), start_time="09:00")
    events = meeting_events(MeetingFacts(meeting), CHARTER, TODAY)
    assert kinds(events) == [
        (dt.date(2026, 12, 3), EventKind.SUMMONS, EventState.AHEAD),
        (dt.date(2026, 12, 10), EventKind.MEETING, EventState.AHEAD),
        (dt.date(2026, 12, 24), EventKind.SIGNING, EventState.AHEAD),
        (dt.date(2026, 12, 26), EventKind.NOTICE, EventState.AHEAD),
        (dt.date(2027, 1, 16), EventKind.APPEAL_END, EventState.AHEAD)]
    assert events[1].target == Target("meetings", "agenda", 2026, 5)
    assert events[2].target == Target("meetings", "signing", 2026, 5)
    assert len({e.key for e in events}) == 5


def test_a_finished_meeting_shows_the_recorded_days():
    meeting = Meeting(5, dt.date(2026, 9, 26), summoned_on=dt.date(2026, 9, 22), held=True)
    facts = MeetingFacts(meeting, 12, True, dt.date(2026, 10, 4), dt.date(2026, 10, 5), True)
    events = meeting_events(facts, CHARTER, TODAY)
    assert kinds(events) == [
        (dt.date(2026, 9, 22), EventKind.SUMMONS, EventState.DONE),
        (dt.date(2026, 9, 26), EventKind.MEETING, EventState.DONE),
        (dt.date(2026, 10, 4), EventKind.SIGNING, EventState.DONE),
        (dt.date(2026, 10, 5), EventKind.NOTICE, EventState.DONE),
        (dt.date(2026, 10, 26), EventKind.APPEAL_END, EventState.PASSED)]
    assert "late" in events[0].text  # 4 days before, the charter asks for 7


def test_unsigned_minutes_past_the_deadline_are_late():
    meeting = Meeting(5, dt.date(2026, 10, 20), held=True)
    events = meeting_events(MeetingFacts(meeting), CHARTER, TODAY)
    signing = next(e for e in events if e.kind is EventKind.SIGNING)
    assert (signing.day, signing.state) == (dt.date(2026, 11, 3), EventState.LATE)


def test_interim_reports_only_when_the_charter_asks_for_them():
    assert not [e for e in governance_year(2026, [], CHARTER, None, None, False, TODAY)
                if e.kind is EventKind.INTERIM_REPORT]
    tertial = dataclasses.replace(CHARTER, interim_report_dates="08-31; 04-30")
    interim = [e for e in governance_year(2026, [], tertial, None, None, False, TODAY)
               if e.kind is EventKind.INTERIM_REPORT]
    assert [(e.day, e.state) for e in interim] == [(dt.date(2026, 4, 30), EventState.PASSED),
                                                   (dt.date(2026, 8, 31), EventState.PASSED)]


def test_annual_cycle_and_budget_on_the_charters_days():
    report = AnnualReport(2025, dt.date(2026, 3, 14), "Åsby", 77,
                          audit_report_on=dt.date(2026, 4, 2))
    cycles = (MemberCycle(2025, 1, dt.date(2026, 4, 5), discharge=Discharge.GRANTED,
                          decided_on=dt.date(2026, 5, 20)),
              MemberCycle(2025, 2, dt.date(2026, 4, 5)))
    cycle = CycleFacts(report, dt.date(2026, 3, 14), cycles, {1: "Åsby kommun", 2: "Region"})
    settings = dataclasses.replace(CHARTER, budget_adopted_by="10-31", discharge_by="06-15")
    events = governance_year(2026, [], settings, cycle, None, True, TODAY)
    assert kinds(events) == [
        (dt.date(2026, 3, 14), EventKind.ANNUAL_REPORT, EventState.DONE),
        (dt.date(2026, 4, 2), EventKind.AUDIT_REPORT, EventState.DONE),
        (dt.date(2026, 5, 20), EventKind.DISCHARGE, EventState.DONE),
        (dt.date(2026, 6, 15), EventKind.DISCHARGE, EventState.LATE),
        (dt.date(2026, 10, 31), EventKind.BUDGET, EventState.LATE)]
    assert events[2].text == "Åsby kommun: discharge for 2025 granted"
    assert "Region" in events[3].text
    assert events[4].target == Target("budget", "plan", 2027)
    adopted = governance_year(2026, [], settings, cycle, dt.date(2026, 11, 27), True, TODAY)
    assert (adopted[-1].day, adopted[-1].state) == (dt.date(2026, 11, 27), EventState.DONE)


def test_nothing_recorded_for_last_year_still_shows_its_deadlines():
    events = governance_year(2026, [], CHARTER, None, None, False, TODAY)
    assert kinds(events) == [
        (dt.date(2026, 3, 31), EventKind.ANNUAL_REPORT, EventState.PASSED),
        (dt.date(2026, 4, 30), EventKind.AUDIT_REPORT, EventState.PASSED),
        (dt.date(2026, 11, 30), EventKind.BUDGET, EventState.AHEAD)]
    assert events[-1].target == Target("budget", "plan", 2026)  # no 2027 budget yet


def test_only_the_years_events_and_a_december_meeting_reaching_into_january():
    december = MeetingFacts(Meeting(1, dt.date(2025, 12, 12), held=True), 10, True,
                            dt.date(2025, 12, 18), dt.date(2025, 12, 19), True)
    events = governance_year(2026, [december], CHARTER, None, None, False, TODAY)
    appeal = [e for e in events if e.kind is EventKind.APPEAL_END]
    assert [e.day for e in appeal] == [dt.date(2026, 1, 9)]
    assert all(e.day.year == 2026 for e in events)
    months = by_month(events)
    assert list(months) == list(range(1, 13)) and months[1] == appeal


def test_charter_days_are_validated_and_leap_days_fall_back():
    assert validate_charter(CHARTER) == []
    assert validate_charter(dataclasses.replace(CHARTER, budget_adopted_by="11-31"))
    assert validate_charter(dataclasses.replace(CHARTER, discharge_by="juni"))
    assert validate_charter(dataclasses.replace(CHARTER, interim_report_dates="04-30, 13-01"))
    assert parse_month_days(" 08-31,04-30 ") == ("04-30", "08-31")
    assert parse_month_days("") == ()
    assert day_in(2027, "02-29") == dt.date(2027, 2, 28)
    assert day_in(2028, "02-29") == dt.date(2028, 2, 29)
    stored = dataclasses.replace(CHARTER, interim_report_dates="04-30, 08-31")
    assert CharterSettings.from_texts(stored.to_texts()) == stored
