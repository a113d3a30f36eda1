"""Budget rules: contributions to the öre, forecast, deviation, payments, equity, warnings."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsam_desktop.domain import budget as rules
from finsam_desktop.domain.allocation import largest_remainder
from finsam_desktop.domain.budget import (
    Area,
    Basis,
    BudgetLine,
    EquityYear,
    Focus,
    Payment,
    PaymentStatus,
)
from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import Member, MemberKind, Party

SETTINGS = CharterSettings()


def _members(municipal_weights):
    """FK, AF, a region and municipalities whose 25 % is split by `municipal_weights`."""
    shares = largest_remainder(250_000, municipal_weights)
    members = [Member(1, "FK", MemberKind.FK, 500_000), Member(2, "AF", MemberKind.AF, 0),
               Member(3, "Region", MemberKind.REGION, 250_000)]
    members += [Member(10 + i, f"Kommun {i}", MemberKind.MUNICIPALITY, s)
                for i, s in enumerate(shares)]
    return members


@settings(max_examples=300)
@given(st.integers(0, 10**13),
       st.lists(st.integers(1, 10**6), min_size=1, max_size=12))
def test_contribution_parts_add_up_to_the_total_for_any_total_and_split_key(total, weights):
    members = _members(weights)
    split = rules.split_contribution(total, members, SETTINGS)
    assert sum(split.values()) == total  # no öre lost or made up
    assert split[2] == 0  # Arbetsförmedlingen's share is paid by Försäkringskassan
    by_party = {party: sum(split[m.id] for m in members if m.party is party) for party in Party}
    # each party carries exactly its statutory share, rounded once (largest remainder)
    assert [by_party[Party.STATE], by_party[Party.REGION], by_party[Party.MUNICIPAL]] == \
        largest_remainder(total, [500_000, 250_000, 250_000])
    municipal = [m for m in members if m.kind is MemberKind.MUNICIPALITY]
    for m in municipal:  # and within the party each member is within one öre of its quota
        exact = by_party[Party.MUNICIPAL] * m.share_ppm / 250_000
        assert exact - 1 < split[m.id] < exact + 1


def test_ten_million_split_by_population_key_gives_whole_kronor_that_add_up():
    members = _members([42_310, 18_975, 9_412])
    split = rules.split_contribution(10_000_000_00, members, SETTINGS)
    assert split[1] == 5_000_000_00 and split[3] == 2_500_000_00
    assert sum(split[m] for m in (10, 11, 12)) == 2_500_000_00


def test_odd_ore_go_to_the_largest_remainders_and_none_are_lost():
    split = rules.split_contribution(5, _members([1, 1]), SETTINGS)  # quotas 2.5, 1.25, 1.25
    assert split[1] == 3 and split[3] == 1 and split[10] + split[11] == 1


def test_shares_that_do_not_add_up_refuse_to_split():
    members = _members([1, 1])
    members[-1] = Member(11, "Kommun 1", MemberKind.MUNICIPALITY, 1)
    with pytest.raises(ValidationError, match="municipalities shares add up"):
        rules.split_contribution(100, members, SETTINGS)


def _line(line_id=1, area=Area.ACTIVITIES, focus=Focus.INDIVIDUAL, name="Insats"):
    return BudgetLine(line_id, 2026, area, name, focus)


def test_forecast_is_actual_to_date_plus_the_remaining_plan():
    months = {m: 80_000_00 for m in range(1, 5)}
    row = rules.line_follow_up(_line(), 1_200_000_00, months, through_month=4)
    assert row.actual_ore == 320_000_00
    assert row.budget_to_date_ore == 400_000_00
    assert row.forecast_ore == 320_000_00 + 800_000_00
    assert row.deviation_ore == 80_000_00  # costs below budget are favourable
    assert row.deviation_ppm == 66_667
    assert row.actual_deviation_ore == 80_000_00


def test_an_entered_forecast_replaces_the_computed_one_and_income_deviates_the_other_way():
    income = _line(area=Area.OTHER_INCOME, focus=Focus.NONE)
    row = rules.line_follow_up(income, 100_000_00, {1: 10}, 1, forecast_ore=90_000_00)
    assert row.forecast_entered and row.forecast_ore == 90_000_00
    assert row.deviation_ore == -10_000_00  # less income than budgeted is unfavourable


def test_months_after_the_reported_month_do_not_count_yet():
    row = rules.line_follow_up(_line(), 1_200, {1: 100, 2: 100, 3: 5_000}, through_month=2)
    assert row.actual_ore == 200 and row.forecast_ore == 200 + 1_000


@given(st.integers(0, 10**12), st.integers(0, 12))
def test_remaining_plan_is_never_more_than_the_budget(budget, month):
    left = rules.remaining_plan(budget, month)
    assert 0 <= left <= budget
    assert rules.remaining_plan(budget, 0) == budget and rules.remaining_plan(budget, 12) == 0


def test_a_budget_due_in_given_months_counts_to_date_by_instalments():
    assert rules.remaining_plan(1_000, 6, (1, 7)) == 500  # the July half is still to come
    assert rules.remaining_plan(1_000, 7, (1, 7)) == 0
    assert rules.remaining_plan(1_000, 0, (1, 7)) == 1_000
    assert rules.remaining_plan(900, 5, (3, 6, 9)) == 600
    row = rules.line_follow_up(_line(), 1_000, {1: 500}, through_month=4, due_months=(1, 7))
    assert row.budget_to_date_ore == 500 and row.actual_ore == 500


@given(st.integers(0, 10**12), st.integers(0, 12),
       st.sets(st.integers(1, 12), min_size=1).map(sorted))
def test_instalments_never_plan_more_than_the_budget(budget, month, due):
    left = rules.remaining_plan(budget, month, due)
    assert 0 <= left <= budget
    assert rules.remaining_plan(budget, 12, due) == 0


def test_follow_up_totals_and_result():
    lines = [_line(1, Area.CONTRIBUTIONS, Focus.NONE, "Bidrag"),
             _line(2, Area.ADMINISTRATION, Focus.NONE, "Kansli"),
             _line(3), _line(4, focus=Focus.STRUCTURAL, name="Struktur")]
    report = rules.follow_up(2026, lines, {1: 1_000, 2: 300, 3: 500, 4: 300},
                             {2: {1: 30}, 3: {1: 50, 2: 50}}, {})
    assert report.through_month == 2
    assert report.income.budget_ore == 1_000 and report.costs.budget_ore == 1_100
    assert report.budget_result_ore == -100
    assert [a.area for a in report.areas] == [Area.CONTRIBUTIONS, Area.ADMINISTRATION,
                                              Area.ACTIVITIES]
    activities = report.areas[-1]
    assert activities.budget_ore == 800 and activities.actual_ore == 100


def _payments(amounts):
    return [Payment(i, 2026, member_id, dt.date(2026, 1, 31), amount)
            for i, (member_id, amount) in enumerate(amounts.items())]


def test_payments_as_the_shares_are_not_flagged_and_awaited_ones_are_not_yet():
    members = _members([1, 1])
    expected = rules.split_contribution(1_000, members, SETTINGS)
    rows = rules.received_contributions(expected, members, _payments({1: 500, 3: 250}))
    status = {r.member.id: r.status for r in rows}
    assert status[1] is PaymentStatus.AS_SHARES and status[10] is PaymentStatus.AWAITED
    assert not any(r.flagged for r in rows)


def test_overpayment_is_flagged_with_kronor_and_percentage_points():
    members = _members([1, 1])
    expected = rules.split_contribution(1_000_000, members, SETTINGS)
    rows = {r.member.id: r for r in rules.received_contributions(
        expected, members, _payments({3: 260_000}))}
    assert rows[3].flagged and rows[3].deviation_ore == 10_000
    assert rows[3].deviation_ppm == 10_000  # 1 percentage point of the total


def test_underpayment_is_flagged_once_the_others_have_paid_or_the_year_is_over():
    members = _members([1, 1])
    expected = rules.split_contribution(1_000, members, SETTINGS)
    partial = {1: 500, 3: 100}
    rows = {r.member.id: r for r in rules.received_contributions(
        expected, members, _payments(partial))}
    assert rows[3].status is PaymentStatus.PARTLY
    closed = {r.member.id: r for r in rules.received_contributions(
        expected, members, _payments(partial), year_closed=True)}
    assert closed[3].flagged
    everyone_else = {1: 500, 3: 200, 10: 125, 11: 125}
    rows = {r.member.id: r for r in rules.received_contributions(
        expected, members, _payments(everyone_else))}
    assert rows[3].flagged and rows[3].deviation_ore == -50


def test_equity_chains_through_consecutive_years_from_the_entered_opening():
    chain = rules.equity_years([(2025, 3_000, -500, 10_000, Basis.ACTUAL),
                                (2026, None, 200, 10_000, Basis.FORECAST),
                                (2028, None, 0, 10_000, Basis.BUDGET)])
    assert [(e.opening_ore, e.closing_ore) for e in chain] == [(3_000, 2_500), (2_500, 2_700),
                                                               (None, None)]
    assert chain[1].closing_share_ppm == 270_000


def test_warnings_deficit_not_covered_and_equity_above_threshold():
    deficit = EquityYear(2027, 100_000_00, -300_000_00, -200_000_00, 1_000_000_00,
                         Basis.BUDGET)
    codes = [w.code for w in rules.equity_warnings(deficit, SETTINGS)]
    assert codes == ["deficit_uncovered"]
    assert rules.equity_warnings(deficit, SETTINGS)[0].severe
    rich = EquityYear(2026, 400_000_00, -100_000_00, 300_000_00, 1_000_000_00, Basis.FORECAST)
    warning = rules.equity_warnings(rich, SETTINGS)[0]
    assert warning.code == "equity_above_threshold"
    assert "30" in warning.text and "20" in warning.text and "state" in warning.text
    covered = EquityYear(2026, 400_000_00, -100_000_00, 300_000_00, 2_000_000_00, Basis.BUDGET)
    assert rules.equity_warnings(covered, SETTINGS) == []
    unknown = EquityYear(2026, None, 0, None, 100, Basis.BUDGET)
    assert [w.code for w in rules.equity_warnings(unknown, SETTINGS)] == ["equity_unknown"]


def test_key_figures_administration_and_focus_shares():
    figures = rules.key_figures(
        {Area.BOARD: 100, Area.ADMINISTRATION: 300, Area.AUDIT: 100, Area.ACTIVITIES: 1_500},
        {Focus.INDIVIDUAL: 1_200, Focus.STRUCTURAL: 300}, None, SETTINGS)
    assert figures.admin_share_ppm == 250_000
    assert figures.individual_share_ppm == 800_000 and figures.structural_share_ppm == 200_000
    assert figures.threshold_ppm == 200_000
    empty = rules.key_figures({}, {}, None, SETTINGS)
    assert empty.admin_share_ppm is None


def test_period_labels_for_months_and_tertials():
    assert rules.period_label(4, rules.Periods.TERTIAL) == "T1"
    assert rules.period_months(rules.Periods.TERTIAL) == (4, 8, 12)
    assert rules.period_label(1, rules.Periods.MONTH) == "Jan"
