"""The overview service on real files: the demo shows something late and something due,
meetings feed the action rules and the governance year, a fresh agency has nothing due,
and the figures at a glance come from the budget and the participant counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from finsam_desktop.domain.governance_year import EventKind, EventState
from finsam_desktop.domain.meetings import MeetingStatus
from finsam_desktop.domain.overview import Kind, Severity, Target
from finsam_desktop.services import meetings, organisation, overview, signing
from finsam_desktop.services.demo import build_demo
from finsam_desktop.services.maintenance import create_database
from finsam_desktop.storage.store import memory_store
from tests.factories import add_members, fixed_clock, full_board
from tests.meeting_factories import held_and_sealed, plan

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("overview") / "demo.sqlite"
    store = create_database(path, "Demo", clock=fixed_clock(TODAY))
    build_demo(store, years=3, seed=1)
    yield store
    store.close()


def agency(day: dt.date = TODAY):
    from finsam_desktop.domain.organisation import Agency

    store = memory_store(clock=fixed_clock(day))
    organisation.create_agency(store, Agency(name="Samordningsförbundet Test"))
    full_board(store, add_members(store))
    return store


def test_the_demo_has_something_late_and_something_due(demo):
    items = overview.actions(demo)
    severities = {i.severity for i in items}
    assert {Severity.LATE, Severity.DUE} <= severities
    kinds = {i.kind for i in items}
    assert {Kind.FOLLOW_UP, Kind.DISCHARGE, Kind.BUDGET, Kind.ACTIVITY_REPORT} <= kinds
    report = next(i for i in items if i.kind is Kind.ACTIVITY_REPORT)
    assert report.severity is Severity.DUE and report.due == TODAY + dt.timedelta(days=12)
    assert items[0].severity is Severity.LATE  # late first
    budget = next(i for i in items if i.kind is Kind.BUDGET)
    assert budget.due == dt.date(2026, 11, 30) and budget.target == Target("budget", "plan", 2027)


def test_the_demos_next_meeting(demo):
    upcoming = overview.next_meeting(demo)
    assert upcoming is not None
    assert upcoming.meeting.date == dt.date(2026, 11, 27) and upcoming.days_to_go == 5
    assert upcoming.status is MeetingStatus.SUMMONED and not upcoming.summons_late
    assert upcoming.items >= 10 and upcoming.summons_due == dt.date(2026, 11, 20)


def test_a_fresh_agency_has_nothing_due():
    store = agency(dt.date(2026, 1, 10))
    assert overview.actions(store) == []
    assert overview.next_meeting(store) is None
    events = overview.year_events(store, 2026)
    assert {e.kind for e in events} == {EventKind.ANNUAL_REPORT, EventKind.AUDIT_REPORT,
                                        EventKind.BUDGET}
    assert all(e.state is not EventState.LATE for e in events)


def test_meetings_feed_the_rules():
    store = agency()
    unposted = held_and_sealed(store, TODAY - dt.timedelta(days=20), "Budget")
    unsigned = plan(store, TODAY - dt.timedelta(days=16), "Insats")
    from finsam_desktop.services import minutes

    minutes.start_minutes(store, unsigned.id)
    coming = plan(store, TODAY + dt.timedelta(days=12), "Verksamhetsplan")
    items = overview.actions(store)
    found = {(i.kind, i.severity, i.target.record_id) for i in items}
    assert (Kind.NOTICE, Severity.LATE, unposted.id) in found  # signed 15 days ago
    assert (Kind.SIGNING, Severity.LATE, unsigned.id) in found  # 16 days > 14
    assert (Kind.SUMMONS, Severity.DUE, coming.id) in found
    signing.post(store, unposted.id, TODAY)
    meetings.summon(store, coming.id, TODAY)
    kinds = {i.kind for i in overview.actions(store)}
    assert Kind.NOTICE not in kinds and Kind.SUMMONS not in kinds and Kind.SIGNING in kinds


def test_the_governance_year_of_a_file(demo):
    events = overview.year_events(demo, 2026)
    meetings_2026 = [e for e in events if e.kind is EventKind.MEETING]
    assert len(meetings_2026) == 5
    assert [e.day for e in events] == sorted(e.day for e in events)
    budget = next(e for e in events if e.kind is EventKind.BUDGET)
    assert budget.day == dt.date(2026, 11, 30) and budget.state is EventState.AHEAD
    discharges = [e for e in events if e.kind is EventKind.DISCHARGE]
    assert len(discharges) == 6 and any(e.state is EventState.LATE for e in discharges)
    later = dataclasses.replace(organisation.get_charter(demo), discharge_by="12-15")
    organisation.save_charter(demo, later)
    try:
        moved = [e for e in overview.year_events(demo, 2026) if e.kind is EventKind.DISCHARGE
                 and e.state is not EventState.DONE]
        assert moved and all(e.day == dt.date(2026, 12, 15) for e in moved)
        assert all(e.state is EventState.AHEAD for e in moved)
    finally:
        organisation.save_charter(demo, dataclasses.replace(later, discharge_by="06-30"))


def test_the_year_at_a_glance(demo):
    glance = overview.budget_glance(demo, 2026)
    assert glance is not None and glance.report.through_month >= 1
    assert glance.chart.categories == ("Income", "Costs")
    assert [s.label for s in glance.chart.series] == ["Budget", "Actual", "Forecast"]
    equity = overview.equity_glance(demo, 2026)
    assert equity is not None and equity.equity is not None and equity.equity.year == 2026
    assert equity.threshold_ppm == 200_000
    assert equity.chart.categories == ("2025", "2026", "2027", "2028")  # the budgets there are
    assert [s.label for s in equity.chart.series] == ["Equity", "Forecast", "Threshold"]
    assert equity.above_threshold == (equity.equity.closing_share_ppm > 200_000)
    assert overview.budget_glance(demo, 2040) is None
    assert overview.equity_glance(demo, 2040) is None
    people = overview.participants_glance(demo, 2026)
    assert people.chart.categories == ("2024", "2025", "2026")
    assert people.summary.started > 0
