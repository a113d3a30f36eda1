"""The annual report (årsredovisning) cycle: texts, financial statements, signing, dispatch
and each member's discharge (DOMAIN.md 1.8, 3.3–3.5, 8.6).

The app is not a ledger: the income statement, balance sheet and cash-flow statement are
totals entered (or imported) from the accounts, line by line, for each year; the report
shows this year beside last year. The operating statement (budget | actual | deviation) comes
from the budget module. The board draws up the report within three months of the year's end
(31 March); every ledamot sitting on the signing date signs; each member decides on
discharge (ansvarsfrihet) separately.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.i18n import N_, _

# Narrative sections, in the order of DOMAIN.md 8.6 (the management report's headings).
TEXT_SECTIONS = ("foreword", "about", "year_in_brief", "goals", "activities", "evaluation",
                 "sound_management", "financial", "outlook", "accounting_principles")
TEXT_LABELS = {
    "foreword": N_("Chair's foreword"),
    "about": N_("About the agency"),
    "year_in_brief": N_("The year in brief"),
    "goals": N_("Goal fulfilment"),
    "activities": N_("Activities"),
    "evaluation": N_("Follow-up and evaluation"),
    "sound_management": N_("Sound financial management"),
    "financial": N_("Financial account"),
    "outlook": N_("Outlook"),
    "accounting_principles": N_("Accounting principles"),
}


class Statement(StrEnum):
    """The three statements entered from the accounts."""

    INCOME = "income"  # resultaträkning
    BALANCE = "balance"  # balansräkning
    CASH_FLOW = "cash_flow"  # kassaflödesanalys


STATEMENT_LABELS = {Statement.INCOME: N_("Income statement"),
                    Statement.BALANCE: N_("Balance sheet"),
                    Statement.CASH_FLOW: N_("Cash-flow statement")}


@dataclass(frozen=True, slots=True)
class LineSpec:
    """A line of a statement template: a figure entered, or a sum of other lines."""

    code: str
    label: str
    sum_of: tuple[str, ...] = ()  # codes added up (a leading "-" subtracts)
    heading: bool = False  # a caption without a figure


def _spec(code: str, label: str, *sum_of: str, heading: bool = False) -> LineSpec:
    return LineSpec(code, label, tuple(sum_of), heading)


# The usual layout of a Swedish municipal federation's statements (LKBR); costs are entered
# as positive amounts and subtracted by the sums.
TEMPLATES: dict[Statement, tuple[LineSpec, ...]] = {
    Statement.INCOME: (
        _spec("operating_income", N_("Operating income")),
        _spec("operating_costs", N_("Operating costs")),
        _spec("depreciation", N_("Depreciation")),
        _spec("net_operating_costs", N_("Net operating costs"), "operating_income",
              "-operating_costs", "-depreciation"),
        _spec("financial_income", N_("Financial income")),
        _spec("financial_costs", N_("Financial costs")),
        _spec("result", N_("Result for the year"), "net_operating_costs", "financial_income",
              "-financial_costs"),
    ),
    Statement.BALANCE: (
        _spec("assets_heading", N_("Assets"), heading=True),
        _spec("receivables", N_("Current receivables")),
        _spec("cash", N_("Cash and bank")),
        _spec("total_assets", N_("Total assets"), "receivables", "cash"),
        _spec("equity_heading", N_("Equity, provisions and liabilities"), heading=True),
        _spec("equity_opening", N_("Equity at the start of the year")),
        _spec("equity_result", N_("Result for the year")),
        _spec("equity", N_("Total equity"), "equity_opening", "equity_result"),
        _spec("current_liabilities", N_("Current liabilities")),
        _spec("total_equity_liabilities", N_("Total equity and liabilities"), "equity",
              "current_liabilities"),
    ),
    Statement.CASH_FLOW: (
        _spec("cf_result", N_("Result for the year")),
        _spec("cf_adjustments", N_("Adjustments for items not affecting cash")),
        _spec("cf_receivables", N_("Decrease (+) / increase (−) in receivables")),
        _spec("cf_liabilities", N_("Increase (+) / decrease (−) in liabilities")),
        _spec("cf_operating", N_("Cash flow from operations"), "cf_result", "cf_adjustments",
              "cf_receivables", "cf_liabilities"),
        _spec("cf_cash_opening", N_("Cash at the start of the year")),
        _spec("cf_cash_closing", N_("Cash at the end of the year"), "cf_cash_opening",
              "cf_operating"),
    ),
}


def spec_of(statement: Statement, code: str) -> LineSpec:
    """The template line `code` of a statement (KeyError if unknown)."""
    for spec in TEMPLATES[statement]:
        if spec.code == code:
            return spec
    raise KeyError(code)


def entered_codes(statement: Statement) -> list[str]:
    """The codes a user enters (not sums, not headings)."""
    return [s.code for s in TEMPLATES[statement] if not s.sum_of and not s.heading]


def compute(statement: Statement, entered: dict[str, int]) -> dict[str, int | None]:
    """Every line's figure: entered ones as given, sums from them (None when nothing the
    sum rests on was entered)."""
    values: dict[str, int | None] = {}
    for spec in TEMPLATES[statement]:
        if spec.heading:
            values[spec.code] = None
        elif not spec.sum_of:
            values[spec.code] = entered.get(spec.code)
        else:
            parts = [(values.get(c.lstrip("-")), c.startswith("-")) for c in spec.sum_of]
            if all(v is None for v, _neg in parts):
                values[spec.code] = None
            else:
                values[spec.code] = sum((-(v or 0) if neg else (v or 0)) for v, neg in parts)
    return values


def statement_problems(year: int, income: dict[str, int | None], balance: dict[str, int | None],
                       cash_flow: dict[str, int | None]) -> list[str]:
    """Checks a reader (and the auditors) would make: the balance sheet balances, the result
    is the same in all three statements, cash at the end equals cash in the balance sheet."""
    from finsam_desktop.formatting import format_money

    problems = []

    def differ(a: int | None, b: int | None) -> bool:
        return a is not None and b is not None and a != b

    if differ(balance.get("total_assets"), balance.get("total_equity_liabilities")):
        problems.append(_("{year}: total assets ({a}) differ from total equity and liabilities "
                          "({b}).").format(year=year, a=format_money(balance["total_assets"]
                                                                     or 0),
                                           b=format_money(balance["total_equity_liabilities"]
                                                          or 0)))
    for other, label in ((balance.get("equity_result"), _("the balance sheet")),
                         (cash_flow.get("cf_result"), _("the cash-flow statement"))):
        if differ(income.get("result"), other):
            problems.append(_("{year}: the result in the income statement ({a}) differs from "
                              "{where} ({b}).").format(year=year,
                                                       a=format_money(income["result"] or 0),
                                                       where=label, b=format_money(other or 0)))
    if differ(cash_flow.get("cf_cash_closing"), balance.get("cash")):
        problems.append(_("{year}: cash at the end of the year in the cash-flow statement ({a}) "
                          "differs from cash and bank in the balance sheet ({b}).").format(
            year=year, a=format_money(cash_flow["cf_cash_closing"] or 0),
            b=format_money(balance["cash"] or 0)))
    return problems


@dataclass(frozen=True, slots=True)
class StatementRow:
    """A line of a statement with this year's and last year's figure."""

    code: str
    label: str
    heading: bool
    is_sum: bool
    note_ref: str
    this_year: int | None
    last_year: int | None


@dataclass(frozen=True, slots=True)
class Note:
    """A note to the statements (not 2, 3, …): a title and plain text. Note 1 is the
    accounting principles, one of the report's text sections."""

    year: int
    number: int
    title: str
    body: str = ""


FIRST_NOTE = 2  # note 1 is the accounting principles
LAST_NOTE = 99


def note_problems(year: int, references: dict[str, str], written: set[int]) -> list[str]:
    """Statement lines (label → note reference) whose reference is not a note of the year."""
    problems = []
    for label, ref in references.items():
        numbers = [part.strip() for part in ref.replace(",", " ").split()]
        for number in numbers:
            if number == "1" or (number.isdigit() and int(number) in written):
                continue
            problems.append(_("{year}: “{line}” refers to note {note}, which has not been "
                              "written.").format(year=year, line=label, note=number))
    return problems


# ---------------------------------------------------------------- the cycle


def deadline(year: int) -> dt.date:
    """The board draws up the annual report for `year` by 31 March of the next year."""
    return dt.date(year + 1, 3, 31)


def days_left(year: int, today: dt.date) -> int:
    """Days until the deadline (negative when it has passed)."""
    return (deadline(year) - today).days


class Discharge(StrEnum):
    """A member's decision on discharge from liability (ansvarsfrihet)."""

    PENDING = "pending"
    GRANTED = "granted"
    NOT_GRANTED = "not_granted"


DISCHARGE_LABELS = {Discharge.PENDING: N_("Pending"), Discharge.GRANTED: N_("Granted"),
                    Discharge.NOT_GRANTED: N_("Not granted")}


@dataclass(frozen=True, slots=True)
class AnnualReport:
    """A year's annual report: when and where it is signed, the adopting §, the audit."""

    year: int
    signing_date: dt.date | None = None
    signing_place: str = ""
    adopted_item_id: int | None = None  # the board's § adopting the report
    audit_report_on: dt.date | None = None  # revisionsberättelse received
    audit_report_ref: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class MemberCycle:
    """One member's copy of the cycle: what was sent and what it decided."""

    year: int
    member_id: int
    report_sent_on: dt.date | None = None  # annual report sent
    audit_sent_on: dt.date | None = None  # audit report sent
    discharge: Discharge = Discharge.PENDING
    decided_on: dt.date | None = None
    reference: str = ""  # the member's decision (e.g. "KF 2027-04-24 § 45")
    note: str = ""


@dataclass(frozen=True, slots=True)
class CycleStatus:
    """Where the year's annual report stands, for the overview and the panel."""

    year: int
    deadline: dt.date
    days_left: int
    signed: bool
    adopted: bool
    audit_received: bool
    sent_to: int
    members: int
    discharged: int
    refused: int

    @property
    def pending_discharges(self) -> int:
        """Members that have not decided yet."""
        return self.members - self.discharged - self.refused


def cycle_status(report: AnnualReport, cycles: Sequence[MemberCycle], member_count: int,
                 today: dt.date) -> CycleStatus:
    """Summarise a year's cycle."""
    return CycleStatus(
        report.year, deadline(report.year), days_left(report.year, today),
        report.signing_date is not None, report.adopted_item_id is not None,
        report.audit_report_on is not None,
        sum(1 for c in cycles if c.report_sent_on is not None), member_count,
        sum(1 for c in cycles if c.discharge is Discharge.GRANTED),
        sum(1 for c in cycles if c.discharge is Discharge.NOT_GRANTED))
