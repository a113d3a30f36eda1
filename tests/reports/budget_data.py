"""A realistic budget built through the real services, for the budget export tests.

Samordningsförbundet Test (FK, AF, a region, two municipalities), budget 2026 with plan
years 2027–2028, adopted by § at a meeting in November 2025, followed up through October
2026 (the clock says 2026-11-22): lines in every area, activities of both focus, actuals,
an entered forecast, contributions received (one municipality paid too much), and the
narrative texts with markup-looking, Swedish, odd-Unicode and one huge text.
"""

from __future__ import annotations

import datetime as dt

from finsam_desktop.domain.budget import Area, BudgetLine, Focus, Payment
from finsam_desktop.reports.data import BudgetReport
from finsam_desktop.services import budget, budget_report, minutes
from finsam_desktop.storage.store import Store
from tests.factories import add_members, new_store
from tests.meeting_factories import plan

YEAR = 2026
KR = 100  # öre per krona
CONTRIBUTIONS = (4_000_000 * KR, 4_100_000 * KR, 4_200_000 * KR)
OPENING_EQUITY = 1_650_000 * KR

HOSTILE_NAME = "Insats <b>Steg&Väg</b> – Åre/Öland"
# name, area, focus, (budget, plan 1, plan 2) in kr, actual per month in kr (Jan–Oct)
LINES = [
    ("ESF-medel <Q&A>", Area.OTHER_INCOME, Focus.NONE, (300_000, 150_000, 0), 25_000),
    ("Ränteintäkter", Area.OTHER_INCOME, Focus.NONE, (12_000, 10_000, 10_000), 1_000),
    ("Arvoden och ersättningar", Area.BOARD, Focus.NONE, (180_000, 185_000, 190_000), 14_500),
    ("Kansli: förbundschef och ekonom", Area.ADMINISTRATION, Focus.NONE,
     (820_000, 845_000, 870_000), 70_100),
    ("Revision", Area.AUDIT, Focus.NONE, (95_000, 97_000, 100_000), 0),
    ("Arbetsintegrerande insats Sydväst", Area.ACTIVITIES, Focus.INDIVIDUAL,
     (1_650_000, 1_700_000, 1_700_000), 140_000),
    (HOSTILE_NAME, Area.ACTIVITIES, Focus.INDIVIDUAL, (1_100_000, 1_100_000, 900_000), 95_250),
    ("Kompetensutveckling för handläggare", Area.ACTIVITIES, Focus.STRUCTURAL,
     (420_000, 450_000, 450_000), 30_000),
    ("Samverkansforum Đurić & Łukasz", Area.ACTIVITIES, Focus.STRUCTURAL,
     (260_000, 260_000, 260_000), 21_333),
]
DEFAULT_NAMES = {Area.BOARD: "Styrelse", Area.ADMINISTRATION: "Kansli", Area.AUDIT: "Revision"}
THROUGH_MONTH = 10

HUGE_TEXT = "\n\n".join(
    f"Stycke {i}: Förbundet arbetar med samverkan kring individer i behov av samordnade "
    f"rehabiliteringsinsatser, <b>utan</b> & med {i} deltagare. " * 8
    for i in range(1, 600))[:200_000]
TEXTS = {
    "conditions": "Förbundet bildades 2009 enligt <b>Finsamlagen</b> & förbundsordningen.\n\n"
                  "Medlemmar: Försäkringskassan, Arbetsförmedlingen, Region Test, Aby och Bby.",
    "goals": "Mål 1: <i>fler</i> i arbete & studier.\nMål 2: ökad samverkan <script>x</script>."
             "\n\nSámi: Ŋilla Čáhppes; Hungarian: Őrség; emoji 😀.",
    "priorities": HUGE_TEXT,
    "governance": "",
    "financial_comment": "Budgeten visar ett underskott som täcks av eget kapital; "
                         "<font size=40>stor</font> ska inte bli stor.",
}
TEXT_SAMPLES = ["Förbundet bildades 2009 enligt <b>Finsamlagen</b> & förbundsordningen.",
                "Mål 1: <i>fler</i> i arbete & studier.",
                "ökad samverkan <script>x</script>.",
                "Ŋilla Čáhppes; Hungarian: Őrség",
                "<font size=40>stor</font> ska inte bli stor."]


def build(*, adopt: bool = True, texts: dict[str, str] | None = None) -> tuple[Store, dict]:
    """The store and what was put in (members, line ids)."""
    store = new_store(dt.date(2026, 11, 22))
    members = add_members(store)
    version, _ = budget.create_year(store, YEAR, contributions_ore=CONTRIBUTIONS[0],
                                    opening_equity_ore=OPENING_EQUITY)
    lines = {line.area: line for line in budget.view(store, YEAR).lines}
    contributions_line = lines[Area.CONTRIBUTIONS]
    for plan_year in (1, 2):
        budget.set_amount(store, version.id, contributions_line.id, plan_year,
                          CONTRIBUTIONS[plan_year])
    ids = {}
    for name, area, focus, amounts, monthly in LINES:
        default = next((li for li in budget.view(store, YEAR).lines
                        if li.area is area and li.name == DEFAULT_NAMES.get(area)), None)
        if default is not None:
            budget.update_line(store, BudgetLine(default.id, YEAR, area, name,
                                                 position=default.position))
            line_id = default.id
            for plan_year, amount in enumerate(amounts):
                budget.set_amount(store, version.id, line_id, plan_year, amount * KR)
        else:
            line_id = budget.add_line(store, BudgetLine(0, YEAR, area, name, focus),
                                      [a * KR for a in amounts])[0].id
        ids[name] = line_id
        if monthly:
            budget.set_actuals(store, YEAR, [(line_id, m, monthly * KR + m * 37)
                                             for m in range(1, THROUGH_MONTH + 1)])
    budget.set_forecast(store, ids["Revision"], 95_000 * KR, "Fakturan kommer i december")
    for key, text in (TEXTS if texts is None else texts).items():
        budget.set_text(store, version.id, key, text)
    view = budget.view(store, YEAR)
    expected = {c.member.id: c.amounts[0] for c in view.contributions}
    for key in ("fk", "region", "a"):
        member = members[key]
        budget.add_payment(store, Payment(0, YEAR, member.id, dt.date(2026, 2, 15),
                                          expected[member.id] // 2))
    # Bby kommun pays its whole year, and 25 000 kr too much, in one go
    budget.add_payment(store, Payment(0, YEAR, members["b"].id, dt.date(2026, 3, 1),
                                      expected[members["b"].id] + 25_000 * KR))
    if adopt:
        meeting = plan(store, dt.date(2025, 11, 20), "Verksamhetsplan med budget 2026")
        minutes.start_minutes(store, meeting.id)
        item_id = next(i for i, label in budget.decision_choices(store, YEAR)
                       if "Verksamhetsplan" in label)
        budget.adopt(store, version.id, item_id)
    return store, {"members": members, "lines": ids, "version": version}


def report(**kw) -> BudgetReport:
    """The gathered report of the realistic budget."""
    store, _ = build(**kw)
    return budget_report.gather(store, YEAR)
