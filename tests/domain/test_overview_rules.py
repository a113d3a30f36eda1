"""The overview's action rules: each against prepared facts, with nothing due, something
due and something late; deadlines follow the charter settings; many of a kind are summed up."""

from __future__ import annotations

import dataclasses
import datetime as dt

from finsam_desktop.domain import overview as rules
from finsam_desktop.domain.activities import Activity, Status
from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle
from finsam_desktop.domain.budget import Focus
from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.decisions import DecisionRow, DelegationDecision, FollowUpStatus
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.domain.overview import Kind, Severity, Target

TODAY = dt.date(2026, 11, 22)
CHARTER = CharterSettings()  # summons 7 days, signing 14, notice 2, appeal 21


def facts(day: dt.date, **over) -> rules.MeetingFacts:
    meeting_fields = {k: over.pop(k) for k in ("held", "summoned_on") if k in over}
    return rules.MeetingFacts(Meeting(over.pop("id", 1), day, **meeting_fields), **over)


# ------------------------------------------------------------------ meetings


def test_summons_nothing_due_far_ahead_or_already_sent():
    far = facts(TODAY + dt.timedelta(days=40))
    sent = facts(TODAY + dt.timedelta(days=5), summoned_on=TODAY - dt.timedelta(days=2))
    held = facts(TODAY - dt.timedelta(days=3), held=True)
    assert rules.summons_actions([far, sent, held], CHARTER, TODAY) == []


def test_summons_due_within_the_lead_time_window_then_late():
    soon = facts(TODAY + dt.timedelta(days=10), id=7)
    [item] = rules.summons_actions([soon], CHARTER, TODAY)
    assert item.severity is Severity.DUE and item.kind is Kind.SUMMONS
    assert item.due == TODAY + dt.timedelta(days=3)  # 10 days ahead − 7 days lead time
    assert item.target == Target("meetings", "agenda", 2026, 7)
    assert "2026-12-02" in item.text and "2026-11-25" in item.text
    late = facts(TODAY + dt.timedelta(days=5))
    [item] = rules.summons_actions([late], CHARTER, TODAY)
    assert item.severity is Severity.LATE and "was due by 2026-11-20" in item.text


def test_summons_lead_time_comes_from_the_charter():
    meeting = facts(TODAY + dt.timedelta(days=10))
    longer = dataclasses.replace(CHARTER, summons_lead_days=12)
    [item] = rules.summons_actions([meeting], longer, TODAY)
    assert item.severity is Severity.LATE and item.due == TODAY - dt.timedelta(days=2)


def test_signing_due_then_late_after_the_charters_deadline():
    assert rules.signing_actions([facts(TODAY, held=False)], CHARTER, TODAY) == []
    signed = facts(TODAY - dt.timedelta(days=30), held=True, sealed=True)
    assert rules.signing_actions([signed], CHARTER, TODAY) == []
    fresh = facts(TODAY - dt.timedelta(days=3), held=True, id=4)
    [item] = rules.signing_actions([fresh], CHARTER, TODAY)
    assert (item.severity, item.due) == (Severity.DUE, dt.date(2026, 12, 3))
    assert item.target == Target("meetings", "signing", 2026, 4)
    old = facts(TODAY - dt.timedelta(days=15), held=True)
    [item] = rules.signing_actions([old], CHARTER, TODAY)
    assert item.severity is Severity.LATE and "deadline was 2026-11-21" in item.text
    patient = dataclasses.replace(CHARTER, signing_deadline_days=20)
    assert rules.signing_actions([old], patient, TODAY)[0].severity is Severity.DUE


def test_notice_to_post_after_signing():
    posted = facts(TODAY - dt.timedelta(days=20), held=True, sealed=True,
                   signed_on=TODAY - dt.timedelta(days=10), posted=True)
    unsigned = facts(TODAY - dt.timedelta(days=2), held=True)
    assert rules.notice_actions([posted, unsigned], CHARTER, TODAY) == []
    just = facts(TODAY - dt.timedelta(days=8), held=True, sealed=True, signed_on=TODAY)
    [item] = rules.notice_actions([just], CHARTER, TODAY)
    assert (item.severity, item.due) == (Severity.DUE, TODAY + dt.timedelta(days=2))
    late = facts(TODAY - dt.timedelta(days=20), held=True, sealed=True,
                 signed_on=TODAY - dt.timedelta(days=5))
    [item] = rules.notice_actions([late], CHARTER, TODAY)
    assert item.severity is Severity.LATE and item.kind is Kind.NOTICE


def test_many_unsigned_minutes_become_one_line_that_opens_the_oldest():
    old = [facts(dt.date(2010, month, 10), held=True, id=month) for month in range(1, 9)]
    [item] = rules.signing_actions(old, CHARTER, TODAY)
    assert item.severity is Severity.LATE and "8 meetings" in item.text
    assert item.due == dt.date(2010, 1, 24) and item.target.record_id == 1


# ------------------------------------------------------------------ decisions


def row(item_id: int, due: dt.date | None, overdue: bool) -> DecisionRow:
    return DecisionRow(item_id, 3, 2026, item_id, dt.date(2026, 9, 26), f"Beslut {item_id}",
                       "", "decided", "", "", FollowUpStatus.IN_PROGRESS, "", due, "", None,
                       True, overdue)


def test_followup_overdue_one_line_each_or_summed_up():
    assert rules.followup_actions([row(1, TODAY + dt.timedelta(days=3), False)], TODAY) == []
    [item] = rules.followup_actions([row(5, dt.date(2026, 10, 26), True)], TODAY)
    assert item.severity is Severity.LATE and "§ 5" in item.text and "Beslut 5" in item.text
    assert item.target == Target("decisions", "decisions", 2026, 5, overdue_only=True)
    many = [row(i, dt.date(2026, 10, i), True) for i in range(1, 8)]
    [item] = rules.followup_actions(many, TODAY)
    assert "7 decisions" in item.text and item.due == dt.date(2026, 10, 1)
    assert item.target == Target("decisions", "decisions", overdue_only=True)


def test_delegation_decisions_waiting_for_the_board():
    assert rules.delegation_actions([], {}, None, TODAY) == []
    coming = Meeting(9, TODAY + dt.timedelta(days=5))
    loose = DelegationDecision(1, 1, TODAY, "Förbundschef", "Avtal")
    on_agenda = DelegationDecision(2, 1, TODAY, "Förbundschef", "Inköp", reported_item_id=40)
    items = rules.delegation_actions([loose, on_agenda], {2: (coming, 40)}, coming, TODAY)
    todo, info = items
    assert todo.severity is Severity.DUE and todo.due == coming.date
    assert "1 delegation decision is on no meeting's agenda" in todo.text
    assert todo.target == Target("decisions", "delegation")
    assert info.severity is Severity.INFO and "will be reported" in info.text
    assert info.target == Target("meetings", "agenda", 2026, 9, 40)


# ------------------------------------------------------------------ activities


def activity(status: Status, **dates) -> Activity:
    return Activity(3, "Steg till arbete", Focus.INDIVIDUAL, status=status, **dates)


def test_activity_reports_due_late_or_not_yet():
    assert rules.activity_report_actions([
        activity(Status.ONGOING, final_report_on=TODAY + dt.timedelta(days=90)),
        activity(Status.FINAL_REPORT, final_report_on=TODAY - dt.timedelta(days=5)),
        activity(Status.IDEA, final_report_on=TODAY)], TODAY) == []
    [item] = rules.activity_report_actions(
        [activity(Status.FINISHED, final_report_on=TODAY + dt.timedelta(days=10))], TODAY)
    assert item.severity is Severity.DUE and "final report" in item.text
    assert item.target == Target("activities", "details", None, 3)
    [item] = rules.activity_report_actions(
        [activity(Status.FINISHED, final_report_on=TODAY - dt.timedelta(days=1))], TODAY)
    assert item.severity is Severity.LATE and "overdue" in item.text
    [item] = rules.activity_report_actions(
        [activity(Status.ONGOING, interim_report_on=TODAY - dt.timedelta(days=10))], TODAY)
    assert item.severity is Severity.DUE and "check that it has arrived" in item.text


# ------------------------------------------------------------------ annual cycle


def test_annual_report_countdown_and_lateness():
    before = dt.date(2026, 1, 10)  # more than 60 days before 31 March
    assert rules.annual_actions(AnnualReport(2025), [], {}, CHARTER, before) == []
    [item] = rules.annual_actions(AnnualReport(2025), [], {}, CHARTER, dt.date(2026, 3, 1))
    assert item.kind is Kind.ANNUAL_REPORT and item.severity is Severity.DUE
    assert item.due == dt.date(2026, 3, 31) and item.target == Target("annual", "signing", 2025)
    [item] = rules.annual_actions(AnnualReport(2025), [], {}, CHARTER, dt.date(2026, 4, 2))
    assert item.severity is Severity.LATE


def test_audit_report_and_discharges_by_the_charters_days():
    report = AnnualReport(2025, dt.date(2026, 3, 14), "Åsby", adopted_item_id=5)
    cycles = [MemberCycle(2025, 1, report_sent_on=dt.date(2026, 4, 20)),
              MemberCycle(2025, 2, dt.date(2026, 4, 20), discharge=Discharge.GRANTED,
                          decided_on=dt.date(2026, 5, 2))]
    names = {1: "Åsby kommun", 2: "Region Mälarsund"}
    items = rules.annual_actions(report, cycles, names, CHARTER, dt.date(2026, 5, 10))
    assert [(i.kind, i.severity) for i in items] == [(Kind.AUDIT_REPORT, Severity.LATE),
                                                     (Kind.DISCHARGE, Severity.DUE)]
    assert items[0].due == dt.date(2026, 4, 30)
    assert "Åsby kommun decides on discharge for 2025 by 2026-06-30" in items[1].text
    assert items[1].target == Target("annual", "members", 2025)
    later = dataclasses.replace(CHARTER, discharge_by="09-30", audit_report_by="05-31")
    items = rules.annual_actions(report, cycles, names, later, dt.date(2026, 8, 15))
    assert [(i.kind, i.severity) for i in items] == [(Kind.AUDIT_REPORT, Severity.LATE),
                                                     (Kind.DISCHARGE, Severity.DUE)]
    done = dataclasses.replace(report, audit_report_on=dt.date(2026, 4, 2))
    items = rules.annual_actions(done, cycles, names, CHARTER, dt.date(2026, 7, 1))
    assert [(i.kind, i.severity) for i in items] == [(Kind.DISCHARGE, Severity.LATE)]


def test_no_discharge_before_there_is_anything_to_decide():
    cycles = [MemberCycle(2025, 1)]
    assert rules.annual_actions(AnnualReport(2025), cycles, {}, CHARTER,
                                dt.date(2026, 1, 5)) == []


# ------------------------------------------------------------------ budget and organisation


def test_budget_adoption_by_the_charters_day():
    assert rules.budget_actions(2027, False, True, CHARTER, dt.date(2026, 9, 1)) == []
    assert rules.budget_actions(2027, True, True, CHARTER, TODAY) == []
    [item] = rules.budget_actions(2027, False, True, CHARTER, TODAY)
    assert item.severity is Severity.DUE and item.due == dt.date(2026, 11, 30)
    assert item.target == Target("budget", "plan", 2027)
    october = dataclasses.replace(CHARTER, budget_adopted_by="10-31")
    [item] = rules.budget_actions(2027, False, False, october, TODAY)
    assert item.severity is Severity.LATE and item.target.year == 2026  # no 2027 budget yet


def test_problems_and_the_order_late_first():
    items = rules.problem_actions(["Shares do not add up."], "members")
    assert items[0].target == Target("organisation", "members") and items[0].due is None
    late = rules.ActionItem(Kind.NOTICE, "b", TODAY, Severity.LATE, Target("meetings"))
    info = rules.ActionItem(Kind.DELEGATION, "a", TODAY, Severity.INFO, Target("meetings"))
    assert rules.sorted_actions([info, *items, late]) == [late, items[0], info]
