"""Demo budgets: three years of a mid-sized agency (about 10–12 MSEK a year).

Each year is copied from the one before and adjusted; the budget adopted at a November
meeting is linked to its §; past years have twelve months of actuals and contributions
paid as the shares say; the current year has actuals up to last month, a municipality that
paid last year's amount (flagged) and an entered forecast; next year is a proposal.
"""

from __future__ import annotations

import datetime as dt
import random

from finsam_desktop.domain.budget import Area, BudgetLine, Focus, Payment
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.services import budget, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

_OTHER = [("Ränteintäkter", 40_000)]
_COSTS = [
    (Area.BOARD, "Styrelsearvoden och möten", Focus.NONE, 420_000),
    (Area.ADMINISTRATION, "Kansli: personal och lokaler", Focus.NONE, 1_850_000),
    (Area.ADMINISTRATION, "Kommunikation och utbildning", Focus.NONE, 180_000),
    (Area.AUDIT, "Revision", Focus.NONE, 140_000),
    (Area.ACTIVITIES, "Steg till arbete", Focus.INDIVIDUAL, 2_400_000),
    (Area.ACTIVITIES, "Unga vuxna i fokus", Focus.INDIVIDUAL, 1_900_000),
    (Area.ACTIVITIES, "Hälsa och arbete", Focus.INDIVIDUAL, 1_300_000),
    (Area.ACTIVITIES, "Språkstegen", Focus.INDIVIDUAL, 950_000),
    (Area.ACTIVITIES, "Samverkansteam Åsby", Focus.STRUCTURAL, 700_000),
    (Area.ACTIVITIES, "Kompetensutveckling för personal hos parterna", Focus.STRUCTURAL,
     450_000),
    (Area.ACTIVITIES, "Kartläggning: unga utanför arbete och studier", Focus.STRUCTURAL,
     300_000),
]
_TEXTS = {
    "conditions": (
        "Samordningsförbundet Mälarsund Väst bildades enligt lagen (2003:1210) om finansiell "
        "samordning av rehabiliteringsinsatser. Medlemmar är Försäkringskassan, "
        "Arbetsförmedlingen, Region Mälarsund samt Åsby, Lindeby och Storviks kommuner.\n\n"
        "Staten bidrar med hälften av medlen, regionen med en fjärdedel och kommunerna "
        "tillsammans med en fjärdedel, fördelad efter folkmängd."),
    "goals": (
        "Fler personer i behov av samordnade insatser ska nå arbete eller studier.\n\n"
        "Parterna ska ha en gemensam bild av målgruppernas behov och av hindren i "
        "samverkan."),
    "priorities": (
        "Individinriktade insatser: Steg till arbete, Unga vuxna i fokus, Hälsa och arbete "
        "och Språkstegen.\n\n"
        "Strukturövergripande insatser: Samverkansteam Åsby, kompetensutveckling för "
        "personal hos parterna och en kartläggning av unga utanför arbete och studier."),
    "governance": (
        "Styrelsen sammanträder fem gånger per år. Förbundschefen leder kansliet och "
        "beredningsgruppen med chefer från parterna."),
    "financial_comment": (
        "Budgeten innebär att en del av det egna kapitalet tas i anspråk, så att kapitalet "
        "närmar sig den nivå Nationella rådet rekommenderar."),
}


def build_budgets(store: Store, *, years: int, rng: random.Random) -> None:
    """Budgets for the years the demo has meetings for (the last two at most, each adopted
    at the November meeting before it) and a proposal for next year."""
    today = store.today()
    first = today.year - max(0, min(years, 3) - 2)
    contributions_kr = rng.randint(95, 105) * 100_000
    budget.create_year(store, first, contributions_ore=contributions_kr * 100,
                       opening_equity_ore=rng.randint(28, 36) * 100_000_00)
    version = budget.current_version(store, first)
    _fill_first(store, first, version.id, rng)
    for year in range(first, today.year + 2):
        if year > first:
            version = budget.copy_year(store, year - 1)[0]
            _adjust(store, year, version.id, rng)
        _adopt(store, year, version.id)
        if year <= today.year:
            _actuals(store, year, today, rng)
            _payments(store, year, today)


def _fill_first(store: Store, year: int, version_id: int, rng: random.Random) -> None:
    view = budget.view(store, year, version_id)
    defaults = {line.area: line for line in view.lines}
    contributions = defaults[Area.CONTRIBUTIONS]
    total = view.amounts.get(contributions.id, [0, 0, 0])[0]
    budget.set_amount(store, version_id, contributions.id, 1, total * 102 // 100)
    budget.set_amount(store, version_id, contributions.id, 2, total * 104 // 100)
    for name, kr in _OTHER:
        budget.add_line(store, BudgetLine(0, year, Area.OTHER_INCOME, name),
                        _three(kr), version_id=version_id)
    used: set[Area] = set()
    for area, name, focus, kr in _COSTS:
        kr = kr * rng.randint(90, 110) // 100
        if area in (Area.BOARD, Area.ADMINISTRATION, Area.AUDIT) and area not in used:
            used.add(area)
            line = defaults[area]
            budget.update_line(store, BudgetLine(line.id, year, area, name,
                                                 position=line.position))
            for plan_year, amount in enumerate(_three(kr)):
                budget.set_amount(store, version_id, line.id, plan_year, amount)
            continue
        budget.add_line(store, BudgetLine(0, year, area, name, focus), _three(kr),
                        version_id=version_id)
    for section, body in _TEXTS.items():
        budget.set_text(store, version_id, section, body)


def _three(kr: int) -> tuple[int, int, int]:
    """Budget year and two plan years, growing 2 % a year, in öre (whole thousands)."""
    return tuple(kr * 102**i // 100**i // 1000 * 1000 * 100  # type: ignore[return-value]
                 for i in range(3))


def _adjust(store: Store, year: int, version_id: int, rng: random.Random) -> None:
    view = budget.view(store, year, version_id)
    for line in view.lines:
        amounts = view.amounts.get(line.id, [0, 0, 0])
        if line.area is Area.ACTIVITIES and amounts[0]:
            kr = amounts[0] // 100 * rng.randint(92, 108) // 100
            budget.set_amount(store, version_id, line.id, 0, kr // 1000 * 1000 * 100)
        budget.set_amount(store, version_id, line.id, 2, amounts[1] * 102 // 100 // 100_000
                          * 100_000)


def _adopt(store: Store, year: int, version_id: int) -> None:
    """Link the version to "Verksamhetsplan och budget {year}" if that § is minuted."""
    for meeting in store.meetings.in_year(year - 1):
        for item in store.meetings.items_of(meeting.id):
            if item.kind is ItemKind.DECISION and item.title.startswith(
                    f"Verksamhetsplan och budget {year} ") and number_of(meeting, item):
                budget.adopt(store, version_id, item.id)
                return


def _actuals(store: Store, year: int, today: dt.date, rng: random.Random) -> None:
    last = 12 if year < today.year else today.month - 1
    view = budget.view(store, year, budget.current_version(store, year).id)
    entries = []
    for line in view.lines:
        if line.area is Area.CONTRIBUTIONS:
            continue
        yearly = view.amounts.get(line.id, [0, 0, 0])[0]
        level = rng.randint(82, 104)
        for month in range(1, last + 1):
            season = 55 if month == 7 else 115 if month in (3, 10) else 100
            entries.append((line.id, month, yearly * level * season // 120_000 // 100 * 100))
    budget.set_actuals(store, year, entries, source="demo")
    if year == today.year:
        activity = next(line for line in view.lines if line.area is Area.ACTIVITIES)
        planned = view.amounts.get(activity.id, [0, 0, 0])[0]
        budget.set_forecast(store, activity.id, planned * 96 // 100 // 100_000 * 100_000,
                            "Två deltagarplatser vakanta under hösten.")


def _payments(store: Store, year: int, today: dt.date) -> None:
    expected = {c.member.id: c.amounts[0] for c in budget.contributions(store, year)}
    members = organisation.current_members(store, dt.date(year, 1, 1))
    late_payer = [m for m in members if m.kind.value == "municipality"][-1]
    for member in members:
        amount = expected.get(member.id, 0)
        if not amount:
            continue
        first_half = amount // 2
        if year == today.year and member.id == late_payer.id:
            previous = {c.member.id: c.amounts[0] for c in budget.contributions(store, year - 1)} \
                if year - 1 in budget.years(store) else {}
            paid = previous.get(member.id, amount)
            budget.add_payment(store, Payment(0, year, member.id, dt.date(year, 1, 31), paid,
                                              "Betalt enligt föregående års belopp"))
            continue
        budget.add_payment(store, Payment(0, year, member.id, dt.date(year, 1, 31), first_half))
        if year < today.year or today.month > 7:
            budget.add_payment(store, Payment(0, year, member.id, dt.date(year, 7, 31),
                                              amount - first_half))
