"""Demo annual report: last year's report drawn up, signed, adopted, audited and sent, with
the members' discharge decisions coming in; statements that agree with the budget's actuals.
"""

from __future__ import annotations

import datetime as dt

from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle, Note, Statement
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.organisation import MemberKind
from finsam_desktop.formatting import format_money
from finsam_desktop.services import annual, budget, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

_TEXTS = {
    "foreword": (
        "{year} var ett år då samverkan mellan parterna fördjupades. Fler deltagare än "
        "tidigare gick vidare till arbete eller studier, och styrelsen beslutade om två nya "
        "insatser för unga vuxna.\n\nJag vill tacka alla medarbetare hos parterna som gör "
        "insatserna möjliga."),
    "about": (
        "Samordningsförbundet Mälarsund Väst är ett kommunalförbund enligt lagen (2003:1210) "
        "om finansiell samordning av rehabiliteringsinsatser. Medlemmar är "
        "Försäkringskassan, Arbetsförmedlingen, Region Mälarsund samt Åsby, Lindeby och "
        "Storviks kommuner."),
    "year_in_brief": (
        "Styrelsen sammanträdde fem gånger. Nio insatser pågick under året, varav sex "
        "individinriktade och tre strukturövergripande."),
    "sound_management": (
        "Förbundet har som finansiellt mål att det egna kapitalet ska närma sig 20 procent av "
        "medlemsbidragen. Målet är delvis uppfyllt."),
    "outlook": (
        "Under kommande år prioriteras insatser för unga vuxna och personer med psykisk "
        "ohälsa. Det egna kapitalet planeras att minska genom ett budgeterat underskott."),
    "accounting_principles": (
        "Årsredovisningen är upprättad enligt lagen (2018:597) om kommunal bokföring och "
        "redovisning och rekommendationer från Rådet för kommunal redovisning. Intäkter och "
        "kostnader har periodiserats."),
}


def build_annual(store: Store) -> None:
    """Last year's annual report, if the demo has a budget for last year."""
    year = store.today().year - 1
    if year not in budget.years(store):
        return
    _statements(store, year)
    for section, text in _TEXTS.items():
        annual.set_text(store, year, section, text.format(year=year))
    item = _adopting_item(store, year)
    if item is None:
        return
    meeting = store.meetings.meetings.get(store.meetings.items.get(item).meeting_id)
    audit_on = meeting.date + dt.timedelta(days=30)
    annual.save_report(store, AnnualReport(year, meeting.date, "Åsby", item, audit_on,
                                           f"Revisionsberättelse för {year}, dnr {year + 1}/11"))
    sent = audit_on + dt.timedelta(days=3)
    today = store.today()
    for index, member in enumerate(organisation.current_members(store, dt.date(year + 1, 3, 31))):
        decided = sent + dt.timedelta(days=21 + 14 * index)
        if member.kind is MemberKind.AF or decided > today or index == 4:
            cycle = MemberCycle(year, member.id, sent, sent)
        else:
            body = "Styrelsebeslut" if member.kind is MemberKind.FK else \
                "Regionfullmäktige" if member.kind is MemberKind.REGION else "Kommunfullmäktige"
            cycle = MemberCycle(year, member.id, sent, sent, Discharge.GRANTED, decided,
                                f"{body} {decided.isoformat()} § {20 + index}")
        annual.save_cycle(store, cycle)


def _adopting_item(store: Store, year: int) -> int | None:
    for meeting in store.meetings.in_year(year + 1):
        for item in store.meetings.items_of(meeting.id):
            if item.kind is ItemKind.DECISION and item.title == f"Årsredovisning {year}" \
                    and number_of(meeting, item) is not None:
                return item.id
    return None


def _statements(store: Store, year: int) -> None:
    """Income statement, balance sheet and cash flow for `year` from the budget's actuals,
    and for the year before with a small surplus, so the report has both columns."""
    report = budget.follow_up(store, year)
    opening = budget.get_year(store, year).opening_equity_ore or 0
    financial = sum(r.actual_ore for r in report.lines if r.label == "Ränteintäkter")
    income, costs = report.income.actual_ore - financial, report.costs.actual_ore
    result = income + financial - costs  # = the follow-up's actual result
    receivables, liabilities = 310_000_00, 540_000_00
    closing = opening + result
    cash = closing + liabilities - receivables
    previous_result = 152_000_00
    previous_opening = opening - previous_result
    previous_receivables, previous_liabilities = 280_000_00, 495_000_00
    previous_cash = opening + previous_liabilities - previous_receivables
    figures = {
        year: {
            Statement.INCOME: {"operating_income": income, "operating_costs": costs,
                               "financial_income": financial},
            Statement.BALANCE: {"receivables": receivables, "cash": cash,
                                "equity_opening": opening, "equity_result": result,
                                "current_liabilities": liabilities},
            Statement.CASH_FLOW: {"cf_result": result,
                                  "cf_receivables": previous_receivables - receivables,
                                  "cf_liabilities": liabilities - previous_liabilities,
                                  "cf_cash_opening": previous_cash},
        },
        year - 1: {
            Statement.INCOME: {"operating_income": income - 210_000_00,
                               "operating_costs": costs - 380_000_00 - financial,
                               "financial_income": max(financial - 4_000_00, 0)},
            Statement.BALANCE: {"receivables": previous_receivables, "cash": previous_cash,
                                "equity_opening": previous_opening,
                                "equity_result": previous_result,
                                "current_liabilities": previous_liabilities},
        },
    }
    figures[year - 1][Statement.INCOME]["operating_costs"] = (
        figures[year - 1][Statement.INCOME]["operating_income"]
        + figures[year - 1][Statement.INCOME]["financial_income"] - previous_result)
    refs = {"operating_income": "2", "operating_costs": "3", "receivables": "4",
            "current_liabilities": "5"}
    for which_year, statements in figures.items():
        for statement, lines in statements.items():
            for code, amount in lines.items():
                annual.set_line(store, which_year, statement, code, amount,
                                refs.get(code, "") if which_year == year else "")
    _notes(store, year, report, receivables, liabilities)


def _notes(store: Store, year: int, report, receivables: int, liabilities: int) -> None:
    """Notes 2–5 explaining the income, the costs per area, receivables and liabilities."""
    def kr(ore: int) -> str:
        return format_money(ore)

    income = "\n".join(f"{line.label}: {kr(line.actual_ore)}" for line in report.lines
                       if line.is_income and line.actual_ore)
    costs = "\n".join(f"{area.label}: {kr(area.actual_ore)}" for area in report.areas
                      if not area.is_income and area.actual_ore)
    for number, title, body in (
            (2, "Verksamhetens intäkter",
             f"Medlemsbidragen betalas av parterna enligt förbundsordningens fördelning.\n\n"
             f"{income}"),
            (3, "Verksamhetens kostnader", f"Kostnaderna per område:\n\n{costs}"),
            (4, "Kortfristiga fordringar",
             f"Förutbetalda kostnader och upplupna intäkter: {kr(receivables)}, varav "
             f"momskompensation {kr(receivables // 300_00 * 100_00)}."),
            (5, "Kortfristiga skulder",
             f"Leverantörsskulder och upplupna kostnader för insatser som fakturerats i "
             f"januari {year + 1}: {kr(liabilities)}.")):
        annual.save_note(store, Note(year, number, title, body))
