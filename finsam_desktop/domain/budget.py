"""The joint budget: lines, versions, contributions by share, actuals, forecast and equity.

Rules (DOMAIN.md 1.2, 3 and 8.4):
- A budget year carries two plan years; every line of a year has an amount for the budget
  year (plan_year 0) and the two plan years (1, 2) in each version of that year's budget.
- Versions: a proposal, adopted by a board decision (§), later revised (a new version that
  the board adopts in turn). An adopted version never changes.
- Member contributions are computed from the total: first the total is split between the
  three parties by their statutory shares, then each party's part between its members by
  their shares, both by the largest-remainder method, so the parts add up to the total
  to the öre and every party carries exactly its share (rounded once, at party level).
- Actuals are entered per month (or per tertial, stored on its last month: 4, 8, 12).
  Forecast = actual to date + the remaining plan (the budget spread evenly over the
  months not yet reported), unless the user has entered a forecast for the line.
- Deviation is the effect on the result: income above budget and costs below budget are
  positive (favourable), the other way round negative.

All money is int öre; percentages are int ppm (parts per million), as elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from finsam_desktop.domain.allocation import largest_remainder
from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import (
    Member,
    MemberKind,
    Party,
    party_targets,
    share_problems,
)
from finsam_desktop.i18n import N_, _

MONTHS = 12
PLAN_YEARS = 3  # the budget year and two plan years
TERTIAL_MONTHS = (4, 8, 12)


class Area(StrEnum):
    """Where a budget line belongs (finsam.se "Ekonomiadministration")."""

    CONTRIBUTIONS = "contributions"  # medlemsbidrag: one line per year, split by shares
    OTHER_INCOME = "other_income"  # ESF grants, interest, …
    BOARD = "board"  # styrelse
    ADMINISTRATION = "administration"  # kansli
    AUDIT = "audit"  # revision
    ACTIVITIES = "activities"  # insatser, each individual-targeted or structural


INCOME_AREAS = (Area.CONTRIBUTIONS, Area.OTHER_INCOME)
COST_AREAS = (Area.BOARD, Area.ADMINISTRATION, Area.AUDIT, Area.ACTIVITIES)
ADMIN_AREAS = (Area.BOARD, Area.ADMINISTRATION, Area.AUDIT)

AREA_LABELS = {
    Area.CONTRIBUTIONS: N_("Member contributions"),
    Area.OTHER_INCOME: N_("Other income"),
    Area.BOARD: N_("Board"),
    Area.ADMINISTRATION: N_("Administration"),
    Area.AUDIT: N_("Audit"),
    Area.ACTIVITIES: N_("Activities"),
}


class Focus(StrEnum):
    """Direction of an activity line, as in the national follow-up system."""

    NONE = ""
    INDIVIDUAL = "individual"  # individinriktad
    STRUCTURAL = "structural"  # strukturövergripande


FOCUS_LABELS = {
    Focus.NONE: N_("—"),
    Focus.INDIVIDUAL: N_("Individual-targeted"),
    Focus.STRUCTURAL: N_("Structural"),
}


class VersionKind(StrEnum):
    """How a budget version came about."""

    PROPOSAL = "proposal"
    ADOPTED = "adopted"
    REVISED = "revised"


VERSION_LABELS = {
    VersionKind.PROPOSAL: N_("Proposal"),
    VersionKind.ADOPTED: N_("Adopted"),
    VersionKind.REVISED: N_("Revised"),
}


class Periods(StrEnum):
    """How often actuals come in."""

    MONTH = "month"
    TERTIAL = "tertial"


PERIOD_LABELS = {Periods.MONTH: N_("Per month"), Periods.TERTIAL: N_("Per tertial")}


class Basis(StrEnum):
    """What a year's result in the equity view is based on."""

    BUDGET = "budget"
    FORECAST = "forecast"
    ACTUAL = "actual"


BASIS_LABELS = {Basis.BUDGET: N_("budget"), Basis.FORECAST: N_("forecast"),
                Basis.ACTUAL: N_("actual")}

# Narrative sections of "Verksamhetsplan med budget" (Sjuhärad VP 2018, DOMAIN.md 3.2).
TEXT_SECTIONS = ("conditions", "goals", "priorities", "governance", "financial_comment")
TEXT_SECTION_LABELS = {
    "conditions": N_("Basic conditions"),
    "goals": N_("Goals"),
    "priorities": N_("Priority activities"),
    "governance": N_("Governance and administration"),
    "financial_comment": N_("Comments on the budget"),
}


@dataclass(frozen=True, slots=True)
class BudgetYear:
    """A budget year: its opening equity (when not carried from the year before)."""

    year: int
    opening_equity_ore: int | None = None  # None: the previous year's closing equity
    periods: Periods = Periods.MONTH
    note: str = ""


@dataclass(frozen=True, slots=True)
class BudgetVersion:
    """One version of a year's budget; `adopted_item_id` is the § that adopted it."""

    id: int
    year: int
    kind: VersionKind
    created_on: dt.date
    based_on_id: int | None = None
    note: str = ""
    adopted_item_id: int | None = None  # from budget_adoptions; set = locked

    @property
    def locked(self) -> bool:
        """An adopted version never changes; revise it instead."""
        return self.adopted_item_id is not None


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """A line of a year's budget (shared by the year's versions)."""

    id: int
    year: int
    area: Area
    name: str
    focus: Focus = Focus.NONE
    activity_id: int | None = None  # the activity (insats) it finances, once registered
    position: int = 0
    note: str = ""

    @property
    def is_income(self) -> bool:
        """True for contribution and other-income lines."""
        return self.area in INCOME_AREAS


@dataclass(frozen=True, slots=True)
class Payment:
    """A contribution actually received from a member."""

    id: int
    year: int
    member_id: int
    received_on: dt.date
    amount_ore: int
    note: str = ""


# ---------------------------------------------------------------- contributions


@dataclass(frozen=True, slots=True)
class MemberContribution:
    """A member's share and its contribution for the budget year and the plan years."""

    member: Member
    share_ppm: int
    amounts: tuple[int, ...]  # one per plan year


def split_contribution(total_ore: int, members: Sequence[Member],
                       settings: CharterSettings) -> dict[int, int]:
    """Each paying member's part of `total_ore` (member id → öre); parts add up exactly.

    Two steps, both largest remainder: the total over the parties by their statutory
    shares, then each party's part over its members by their shares. Arbetsförmedlingen
    (whose share Försäkringskassan pays) gets 0."""
    if total_ore < 0:
        raise ValidationError(_("The total contribution cannot be negative."))
    problems = share_problems(settings, list(members))
    if problems:
        raise ValidationError(problems)
    targets = party_targets(settings, list(members))
    parties = [p for p in (Party.STATE, Party.REGION, Party.MUNICIPAL)
               if any(m.party is p and m.kind is not MemberKind.AF for m in members)]
    party_parts = largest_remainder(total_ore, [targets[p] for p in parties])
    result = {m.id: 0 for m in members}
    for party, part in zip(parties, party_parts, strict=True):
        payers = [m for m in members if m.party is party and m.kind is not MemberKind.AF]
        for member, amount in zip(payers, largest_remainder(part, [m.share_ppm for m in payers]),
                                  strict=True):
            result[member.id] = amount
    return result


def contributions(totals: Sequence[int], members: Sequence[Member],
                  settings: CharterSettings) -> list[MemberContribution]:
    """Every member's contribution for each of `totals` (budget year, plan years)."""
    splits = [split_contribution(t, members, settings) for t in totals]
    return [MemberContribution(m, m.share_ppm, tuple(s[m.id] for s in splits))
            for m in members]


class PaymentStatus(StrEnum):
    """How a member's received contributions compare with its share."""

    AWAITED = "awaited"  # nothing received yet
    AS_SHARES = "as_shares"  # exactly the budgeted contribution
    PARTLY = "partly"  # less than budgeted so far (the year is not over)
    DEVIATES = "deviates"  # more than budgeted, or not the budgeted amount after the year


PAYMENT_LABELS = {
    PaymentStatus.AWAITED: N_("Not received"),
    PaymentStatus.AS_SHARES: N_("As the shares"),
    PaymentStatus.PARTLY: N_("Partly received"),
    PaymentStatus.DEVIATES: N_("Deviates from the shares"),
}


@dataclass(frozen=True, slots=True)
class ReceivedContribution:
    """A member's budgeted and received contribution, and how far they differ."""

    member: Member
    expected_ore: int
    received_ore: int
    deviation_ore: int  # received − expected
    deviation_ppm: int  # deviation as a share of the total contribution (10 000 = 1 pp)
    status: PaymentStatus

    @property
    def flagged(self) -> bool:
        """True when the payments do not follow the shares (never accepted silently)."""
        return self.status is PaymentStatus.DEVIATES


def received_contributions(expected: dict[int, int], members: Sequence[Member],
                           payments: Iterable[Payment], *,
                           year_closed: bool = False) -> list[ReceivedContribution]:
    """Compare payments with the budgeted split. The deviation in percentage points is the
    difference as a share of the total budgeted contribution. A member is flagged when it
    has paid more than its contribution, or less while every other member has paid in full
    or the year is over. Less, while others are still paying, is "partly received"."""
    received = {m.id: 0 for m in members}
    for p in payments:
        received[p.member_id] = received.get(p.member_id, 0) + p.amount_ore
    total_expected = sum(expected.values())
    rows = []
    for m in members:
        got, want = received.get(m.id, 0), expected.get(m.id, 0)
        deviation = got - want
        deviation_ppm = round(deviation * 1_000_000 / total_expected) if total_expected else 0
        if deviation == 0:
            status = PaymentStatus.AS_SHARES
        elif got > want or year_closed or (got and _others_paid(m.id, received, expected)):
            status = PaymentStatus.DEVIATES
        elif got == 0:
            status = PaymentStatus.AWAITED
        else:
            status = PaymentStatus.PARTLY
        rows.append(ReceivedContribution(m, want, got, deviation, deviation_ppm, status))
    return rows


def _others_paid(member_id: int, received: dict[int, int], expected: dict[int, int]) -> bool:
    others = [k for k, want in expected.items() if want and k != member_id]
    return bool(others) and all(received.get(k, 0) >= expected[k] for k in others)


# ---------------------------------------------------------------- follow-up


@dataclass(frozen=True, slots=True)
class LineFollowUp:
    """Budget, actual to date, forecast and deviation of one line (or one area's total)."""

    label: str
    area: Area | None
    line_id: int | None
    is_income: bool
    budget_ore: int
    budget_to_date_ore: int
    actual_ore: int
    forecast_ore: int
    forecast_entered: bool = False
    focus: Focus = Focus.NONE
    months: tuple[int, ...] = ()  # actuals per month 1..12 (lines only)

    @property
    def deviation_ore(self) -> int:
        """Forecast against budget, as the effect on the result (+ = favourable)."""
        diff = self.forecast_ore - self.budget_ore
        return diff if self.is_income else -diff

    @property
    def deviation_ppm(self) -> int | None:
        """The deviation as a share of the budget (None when the budget is 0)."""
        if not self.budget_ore:
            return None
        return round(self.deviation_ore * 1_000_000 / self.budget_ore)

    @property
    def actual_deviation_ore(self) -> int:
        """Actual to date against the budget for the same months (+ = favourable)."""
        diff = self.actual_ore - self.budget_to_date_ore
        return diff if self.is_income else -diff


def remaining_plan(budget_ore: int, through_month: int, due_months: Sequence[int] = ()) -> int:
    """The part of an annual budget planned for the months after `through_month`: spread
    evenly, or in equal parts in `due_months` (the members' contributions, e.g. 1 and 7)."""
    if not 0 <= through_month <= MONTHS:
        raise ValueError("month out of range")
    if not budget_ore:
        return 0
    if due_months:
        later = sum(1 for m in due_months if m > through_month)
        return round(budget_ore * later / len(due_months))
    return round(budget_ore * (MONTHS - through_month) / MONTHS)


def line_follow_up(line: BudgetLine, budget_ore: int, months: dict[int, int],
                   through_month: int, forecast_ore: int | None = None,
                   derived_forecast_ore: int | None = None,
                   due_months: Sequence[int] = ()) -> LineFollowUp:
    """Follow-up of one line reported through `through_month` (0 = nothing reported).
    `forecast_ore` is a forecast the user entered; `derived_forecast_ore` one computed by
    another rule than actual + remaining plan (the contributions: what the members owe);
    `due_months` the months the budget falls due in equal parts (empty: evenly)."""
    actual = sum(amount for month, amount in months.items() if month <= through_month)
    entered = forecast_ore is not None
    if entered:
        forecast = forecast_ore
    elif derived_forecast_ore is not None:
        forecast = derived_forecast_ore
    else:
        forecast = actual + remaining_plan(budget_ore, through_month, due_months)
    return LineFollowUp(
        label=line.name, area=line.area, line_id=line.id, is_income=line.is_income,
        budget_ore=budget_ore,
        budget_to_date_ore=budget_ore - remaining_plan(budget_ore, through_month, due_months),
        actual_ore=actual, forecast_ore=forecast, forecast_entered=entered, focus=line.focus,
        months=tuple(months.get(m, 0) for m in range(1, MONTHS + 1)))


def total_of(label: str, area: Area | None, rows: Sequence[LineFollowUp],
             is_income: bool) -> LineFollowUp:
    """A total row over `rows` (all income or all costs)."""
    return LineFollowUp(
        label=label, area=area, line_id=None, is_income=is_income,
        budget_ore=sum(r.budget_ore for r in rows),
        budget_to_date_ore=sum(r.budget_to_date_ore for r in rows),
        actual_ore=sum(r.actual_ore for r in rows),
        forecast_ore=sum(r.forecast_ore for r in rows),
        months=tuple(sum(r.months[i] for r in rows if r.months) for i in range(MONTHS)))


@dataclass(frozen=True, slots=True)
class FollowUpReport:
    """A year's follow-up: per line, per area, totals and the result."""

    year: int
    through_month: int
    lines: tuple[LineFollowUp, ...]
    areas: tuple[LineFollowUp, ...]
    income: LineFollowUp
    costs: LineFollowUp

    @property
    def budget_result_ore(self) -> int:
        """Budgeted income − costs."""
        return self.income.budget_ore - self.costs.budget_ore

    @property
    def actual_result_ore(self) -> int:
        """Income − costs actually booked to date."""
        return self.income.actual_ore - self.costs.actual_ore

    @property
    def forecast_result_ore(self) -> int:
        """Forecast income − forecast costs for the full year."""
        return self.income.forecast_ore - self.costs.forecast_ore


def follow_up(year: int, lines: Sequence[BudgetLine], budget: dict[int, int],
              actuals: dict[int, dict[int, int]], forecasts: dict[int, int],
              through_month: int | None = None,
              derived: dict[int, int] | None = None,
              due: dict[int, tuple[int, ...]] | None = None) -> FollowUpReport:
    """Build the follow-up. `budget`: line id → budget-year öre; `actuals`: line id →
    {month: öre}; `forecasts`: line id → öre entered by the user; `due`: line id → the
    months its budget falls due (else spread evenly). Without `through_month` the latest
    month with any actual is used."""
    if through_month is None:
        through_month = max((m for months in actuals.values() for m, v in months.items()
                             if v), default=0)
    derived, due = derived or {}, due or {}
    rows = [line_follow_up(line, budget.get(line.id, 0), actuals.get(line.id, {}),
                           through_month, forecasts.get(line.id), derived.get(line.id),
                           due.get(line.id, ()))
            for line in lines]
    areas = []
    for area in (*INCOME_AREAS, *COST_AREAS):
        members = [r for r in rows if r.area is area]
        if members:
            areas.append(total_of(_(AREA_LABELS[area]), area, members, area in INCOME_AREAS))
    income = total_of(_("Total income"), None, [r for r in rows if r.is_income], True)
    costs = total_of(_("Total costs"), None, [r for r in rows if not r.is_income], False)
    return FollowUpReport(year, through_month, tuple(rows), tuple(areas), income, costs)


# ---------------------------------------------------------------- key figures, equity


@dataclass(frozen=True, slots=True)
class EquityYear:
    """Equity at the start and end of a year, and what the end figure rests on."""

    year: int
    opening_ore: int | None
    result_ore: int
    closing_ore: int | None
    contributions_ore: int
    basis: Basis

    @property
    def closing_share_ppm(self) -> int | None:
        """Closing equity as a share of the year's contributions."""
        if self.closing_ore is None or not self.contributions_ore:
            return None
        return round(self.closing_ore * 1_000_000 / self.contributions_ore)


def equity_years(years: Sequence[tuple[int, int | None, int, int, Basis]]) -> list[EquityYear]:
    """Chain equity through consecutive years: (year, opening entered or None, result,
    contributions, basis). A year without an entered opening equity starts from the
    previous year's closing; the first year without one stays unknown."""
    out: list[EquityYear] = []
    previous: EquityYear | None = None
    for year, entered, result, contributions_ore, basis in years:
        if entered is not None:
            opening: int | None = entered
        elif previous is not None and previous.year == year - 1:
            opening = previous.closing_ore
        else:
            opening = None
        closing = None if opening is None else opening + result
        previous = EquityYear(year, opening, result, closing, contributions_ore, basis)
        out.append(previous)
    return out


@dataclass(frozen=True, slots=True)
class Warning_:
    """A warning shown with the budget, its severity and its explanation."""

    code: str
    text: str
    severe: bool = False


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """Shares that the board and the national follow-up look at (all in ppm)."""

    admin_share_ppm: int | None  # (board + administration + audit) / total costs
    individual_share_ppm: int | None  # of activity costs
    structural_share_ppm: int | None
    equity_share_ppm: int | None  # closing equity / the year's contributions
    threshold_ppm: int
    warnings: tuple[Warning_, ...] = field(default=())


def share(part: int, whole: int) -> int | None:
    """`part` of `whole` in ppm, None when `whole` is 0."""
    return round(part * 1_000_000 / whole) if whole else None


def key_figures(costs_by_area: dict[Area, int], activity_by_focus: dict[Focus, int],
                equity: EquityYear | None, settings: CharterSettings) -> KeyFigures:
    """Administration share, individual/structural split and the equity share."""
    total_costs = sum(costs_by_area.get(a, 0) for a in COST_AREAS)
    admin = sum(costs_by_area.get(a, 0) for a in ADMIN_AREAS)
    activities = activity_by_focus.get(Focus.INDIVIDUAL, 0) \
        + activity_by_focus.get(Focus.STRUCTURAL, 0)
    return KeyFigures(
        admin_share_ppm=share(admin, total_costs),
        individual_share_ppm=share(activity_by_focus.get(Focus.INDIVIDUAL, 0), activities),
        structural_share_ppm=share(activity_by_focus.get(Focus.STRUCTURAL, 0), activities),
        equity_share_ppm=equity.closing_share_ppm if equity else None,
        threshold_ppm=settings.equity_threshold_percent * 10_000)


def equity_warnings(equity: EquityYear, settings: CharterSettings) -> list[Warning_]:
    """Unknown opening equity, a deficit not covered by equity, equity above the threshold."""
    from finsam_desktop.formatting import format_money, format_percent

    warnings = []
    basis = _(BASIS_LABELS[equity.basis])
    if equity.opening_ore is None:
        warnings.append(Warning_("equity_unknown", _(
            "The equity at the start of {year} is not known. Enter it (from the last annual "
            "report) so the budget can be checked against it.").format(year=equity.year)))
        return warnings
    if equity.result_ore < 0 and equity.closing_ore is not None and equity.closing_ore < 0:
        warnings.append(Warning_("deficit_uncovered", _(
            "The {basis} for {year} shows a deficit of {deficit} but the equity at the start "
            "of the year is only {equity}: {gap} is not covered. Costs must be reduced or "
            "income found (balance principle).").format(
            basis=basis, year=equity.year, deficit=format_money(-equity.result_ore),
            equity=format_money(equity.opening_ore), gap=format_money(-equity.closing_ore)),
            severe=True))
    threshold = settings.equity_threshold_percent * 10_000
    equity_share = equity.closing_share_ppm
    if equity_share is not None and equity_share > threshold:
        warnings.append(Warning_("equity_above_threshold", _(
            "By the {basis}, equity at the end of {year} is {equity} = {share} of the year's "
            "contributions, above the threshold of {threshold}. Under Nationella rådet's "
            "recommendation (2013-10-02) equity above a reasonable level can reduce the "
            "state's allocation in later years; plan how the money will be used.").format(
            basis=basis, year=equity.year, equity=format_money(equity.closing_ore or 0),
            share=format_percent(equity_share), threshold=format_percent(threshold, 0))))
    return warnings


@dataclass(frozen=True, slots=True)
class BudgetView:
    """A version of a year's budget as the panel and the exports show it."""

    year: BudgetYear
    version: BudgetVersion
    versions: tuple[BudgetVersion, ...]
    adopted_ref: str
    lines: tuple[BudgetLine, ...]
    amounts: dict[int, list[int]]  # line id → [budget year, plan 1, plan 2]
    contributions: tuple[MemberContribution, ...]
    contribution_problems: tuple[str, ...]

    def total(self, income: bool, plan_year: int = 0) -> int:
        """Total income (or costs) for a plan year."""
        return sum(self.amounts.get(li.id, [0, 0, 0])[plan_year] for li in self.lines
                   if li.is_income == income)

    def result(self, plan_year: int = 0) -> int:
        """Income − costs for a plan year (negative = use of equity)."""
        return self.total(True, plan_year) - self.total(False, plan_year)


def month_label(month: int) -> str:
    """"jan", "feb", … in the current language (short month name)."""
    return _(MONTH_NAMES[month - 1])


MONTH_NAMES = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
               N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def period_label(month: int, periods: Periods) -> str:
    """"Jan" … "Dec" per month, "T1" … "T3" per tertial (stored on months 4, 8, 12)."""
    if periods is Periods.TERTIAL:
        return f"T{TERTIAL_MONTHS.index(month) + 1}" if month in TERTIAL_MONTHS else ""
    return month_label(month)


def period_months(periods: Periods) -> tuple[int, ...]:
    """The months actuals are entered on: 1–12, or 4, 8, 12 for tertials."""
    return TERTIAL_MONTHS if periods is Periods.TERTIAL else tuple(range(1, MONTHS + 1))


# The documented XLSX layout for actuals (README "Importing actuals"): a sheet named
# "Utfall" (else the first sheet), one header row, then one row per line and period.
ACTUALS_SHEET = "Utfall"
ACTUALS_HEADERS = ("År", "Område", "Rad", "Period", "Belopp (kr)")
ACTUALS_HEADERS_EN = ("Year", "Area", "Line", "Period", "Amount (SEK)")
