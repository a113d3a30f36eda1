"""Demo follow-ups and delegation: the register a förbundschef keeps between meetings.

A delegation order modelled on Söderåsens samordningsförbund (2015); decisions under it
between meetings (they reach the next agenda by themselves); follow-ups for funding and
budget decisions — most carried out and reported back, one overdue.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import random

from finsam_desktop.domain.decisions import Delegation, DelegationDecision, FollowUpStatus
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.services import decisions, delegation, meetings
from finsam_desktop.storage.store import Store

PRICE_BASE_AMOUNT_ORE = 5_880_000  # prisbasbelopp 2025: 58 800 kr
_ORDER = (
    ("Förbundschef", "Avrop inom ramavtal", 3 * PRICE_BASE_AMOUNT_ORE),
    ("Förbundschef", "Inköp utanför ramavtal", PRICE_BASE_AMOUNT_ORE),
    ("Förbundschef", "Yttrande över remisser", None),
    ("Förbundschef", "Avslag på begäran om allmän handling", None),
    ("Ordförande", "Brådskande ärenden som inte kan avvaktas", None),
)
_MATTERS = ("Avrop av utvärderingstjänst, {a}", "Inköp av utbildningsdag för beredningsgruppen",
            "Yttrande över regional remiss om psykisk hälsa", "Konferensdag med parterna")


def build_delegation_order(store: Store) -> list[Delegation]:
    """The delegation order of the demo agency."""
    return [delegation.add_delegation(store, Delegation(0, who, matter, limit,
                                                        valid_from=dt.date(2015, 4, 1)))[0]
            for who, matter, limit in _ORDER]


def before_meeting(store: Store, meeting: Meeting, order: list[Delegation],
                   rng: random.Random, previous: dt.date | None) -> None:
    """Log the delegation decisions taken since the last meeting, and put carried-out
    decisions on the agenda to be reported back."""
    start = previous or meeting.date - dt.timedelta(days=60)
    director = _director(store)
    for _ in range(rng.randint(1, 2)):
        day = start + dt.timedelta(days=rng.randint(1, max(1, (meeting.date - start).days - 1)))
        day = min(day, store.today())
        line = rng.choice(order[:4])
        amount = rng.randint(2, 15) * 500_000 if line.amount_limit_ore else None
        if amount and line.amount_limit_ore and amount > line.amount_limit_ore:
            amount = line.amount_limit_ore
        delegation.log_decision(store, DelegationDecision(
            0, line.id, day, f"{line.delegate} {director}", rng.choice(_MATTERS).format(
                a=meeting.date.year), dnr=f"{day.year}/{rng.randint(60, 99)}", amount_ore=amount))
    with contextlib.suppress(ValidationError):  # nothing carried out since the last report
        decisions.add_report_back_item(store, meeting.id)


def _director(store: Store) -> str:
    from finsam_desktop.domain.board import StaffKind

    role = next(r for r in store.board.staff.all() if r.kind is StaffKind.DIRECTOR)
    return store.board.people.get(role.person_id).name


def after_meeting(store: Store, meeting: Meeting, today: dt.date, rng: random.Random,
                  *, latest: bool = False) -> None:
    """Follow-ups for the meeting's funding and budget decisions; in the latest signed
    meeting the first one is overdue (its due date passed while still in progress)."""
    director = _director(store)
    for index, item in enumerate(meetings.list_items(store, meeting.id)):
        if not item.dnr or item.title.startswith("Rättelse"):
            continue
        days = 30 if latest and index == 8 else rng.choice((60, 90, 120))
        due = meeting.date + dt.timedelta(days=days)
        if due < today - dt.timedelta(days=30):
            status = FollowUpStatus.CARRIED_OUT
        elif due < today:
            status = FollowUpStatus.IN_PROGRESS  # overdue: shown in red
        else:
            status = rng.choice((FollowUpStatus.NOT_STARTED, FollowUpStatus.IN_PROGRESS))
        category = "Insatser" if item.title.startswith("Ansökan") else "Budget och ekonomi"
        followup = dataclasses.replace(decisions.get_followup(store, item.id), category=category,
                                       responsible=f"Förbundschef {director}", due_on=due,
                                       status=status)
        decisions.save_followup(store, followup)
