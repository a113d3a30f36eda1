"""Activity rules: parties, lifecycle, personal-number guard, counts, suppression, goals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop.domain import activities as rules
from finsam_desktop.domain import evaluations as ev
from finsam_desktop.domain.activities import Count, Measure, Status
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import Member, MemberKind

FK = Member(1, "FK", MemberKind.FK)
AF = Member(2, "AF", MemberKind.AF)
REGION = Member(3, "Region", MemberKind.REGION)
KOMMUN_A = Member(4, "A kommun", MemberKind.MUNICIPALITY)
KOMMUN_B = Member(5, "B kommun", MemberKind.MUNICIPALITY)


def test_two_municipalities_are_one_party_and_the_lead_must_take_part():
    assert rules.party_problems(4, [KOMMUN_A, KOMMUN_B])
    assert rules.party_problems(4, [KOMMUN_A, FK]) == []
    assert rules.party_problems(4, [FK, AF]) == [
        "The lead organisation must be one of the participating members."]
    assert rules.party_problems(None, [FK, REGION]) == ["Choose the lead organisation "
                                                        "(huvudman)."]
    assert rules.party_problems(2, [AF, FK]) == []  # FK and AF are two of the four parties


@pytest.mark.parametrize("text", ["19850412-1234", "850412-1234", "850412+1234",
                                  "Deltagare 198504121234 avslutad", "19121212-1212",
                                  "121212-1212", "8112189876", "811278-9876"])
def test_personal_identity_numbers_are_recognised(text):
    assert rules.looks_like_personal_number(text)
    with pytest.raises(ValidationError, match="personal identity number"):
        rules.check_no_personal_data(text, field="Description")


@pytest.mark.parametrize("text", ["Dnr 2026/0123", "222000-1891", "0701234567",
                                  "070-123 45 67", "2026-04-12", "Budget 1 234 567 kr",
                                  "8504121235", "19851312-1234", "12 deltagare, 5 kvinnor"])
def test_ordinary_numbers_are_not_taken_for_personal_numbers(text):
    assert not rules.looks_like_personal_number(text)


def test_lifecycle_moves_forward_and_rejection_ends_it():
    assert rules.next_statuses(Status.IDEA)[:3] == [Status.APPLICATION, Status.PREPARED,
                                                    Status.PROPOSAL]
    assert Status.GRANTED in rules.next_statuses(Status.PROPOSAL)
    assert Status.REJECTED in rules.next_statuses(Status.APPLICATION)
    assert rules.next_statuses(Status.GRANTED) == [Status.AGREEMENT, Status.ONGOING,
                                                   Status.FINISHED, Status.FINAL_REPORT]
    assert rules.next_statuses(Status.REJECTED) == []
    assert Status.IDEA not in rules.next_statuses(Status.ONGOING)


def _count(measure, category, n, year=2026, period="year", activity=1):
    return Count(activity, year, period, measure, category, n)


def test_summary_adds_periods_and_computes_the_share_to_work_or_studies():
    counts = [_count(Measure.STARTED_GENDER, "women", 6, period="H1"),
              _count(Measure.STARTED_GENDER, "women", 4, period="H2"),
              _count(Measure.STARTED_GENDER, "men", 10),
              _count(Measure.FINISHED_GENDER, "women", 8),
              _count(Measure.OCCUPATION_AFTER, "work", 3),
              _count(Measure.OCCUPATION_AFTER, "studies", 1),
              _count(Measure.OCCUPATION_AFTER, "jobseeking", 4),
              _count(Measure.STARTED_GENDER, "men", 99, year=2025)]
    summary = rules.summarise(2026, counts)
    assert summary.started == 20 and summary.finished == 8
    assert summary.started_by_gender == {"women": 10, "men": 10}
    assert summary.to_work_or_studies == 4 and summary.work_or_studies_share_ppm == 500_000
    assert rules.summarise(2024, counts).work_or_studies_share_ppm is None


def test_consistency_notes_name_totals_that_disagree():
    summary = rules.summarise(2026, [_count(Measure.STARTED_GENDER, "women", 10),
                                     _count(Measure.STARTED_AGE, "20-29", 7),
                                     _count(Measure.FINISHED_GENDER, "men", 5),
                                     _count(Measure.OCCUPATION_AFTER, "work", 2)])
    notes = rules.consistency_notes(summary)
    assert any("10" in n and "7" in n for n in notes)
    assert any("2 of 5" in n for n in notes)


@given(st.integers(0, 10_000), st.integers(1, 20))
def test_suppression_hides_exactly_the_small_nonzero_counts(count, threshold):
    shown = rules.suppress(count, threshold)
    if 0 < count < threshold:
        assert shown == f"<{threshold}"
    else:
        assert shown == count


def test_age_bands_are_configurable_but_must_rise():
    assert list(rules.parse_age_bands("16-24, 25-64")) == ["16-24", "25-64"]
    with pytest.raises(ValidationError):
        rules.parse_age_bands("16-29, 25-64")
    with pytest.raises(ValidationError):
        rules.parse_age_bands("16 to 29")


def test_cost_per_participant_rounds_to_the_ore_and_needs_participants():
    assert rules.CostPerParticipant(100_000_00, 3, "").per_participant_ore == 3_333_333
    assert rules.CostPerParticipant(100, 0, "").per_participant_ore is None


def test_indicator_and_goal_fulfilment():
    up = ev.Indicator(1, "Andel i arbete", baseline_milli=30_000, target_milli=40_000)
    assert ev.indicator_fulfilment(up, 41_000) is ev.Fulfilment.MET
    assert ev.indicator_fulfilment(up, 35_000) is ev.Fulfilment.PROGRESS
    assert ev.indicator_fulfilment(up, 29_000) is ev.Fulfilment.NOT_MET
    assert ev.indicator_fulfilment(up, None) is ev.Fulfilment.NO_DATA
    down = ev.Indicator(2, "Väntetid", baseline_milli=60_000, target_milli=30_000,
                        higher_is_better=False)
    assert ev.indicator_fulfilment(down, 25_000) is ev.Fulfilment.MET
    assert ev.goal_fulfilment([ev.Fulfilment.MET, ev.Fulfilment.NO_DATA]) is ev.Fulfilment.MET
    assert ev.goal_fulfilment([ev.Fulfilment.MET, ev.Fulfilment.NOT_MET]) is \
        ev.Fulfilment.PROGRESS
    assert ev.goal_fulfilment([]) is ev.Fulfilment.NO_DATA


def test_indicator_values_parse_exactly():
    assert ev.parse_value("62,5") == 62_500 and ev.parse_value("62.5 %") == 62_500
    assert ev.parse_value("14") == 14_000
    with pytest.raises(ValidationError):
        ev.parse_value("1,2345")
    with pytest.raises(ValidationError):
        ev.parse_value("mycket")
