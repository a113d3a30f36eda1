"""Builders for test data through the real services (no hand-written SQL)."""

from __future__ import annotations

import datetime as dt

from finsam_desktop.domain.board import Category, Person, Seat, SeatRole
from finsam_desktop.domain.organisation import Agency, Member, MemberKind
from finsam_desktop.services import board, organisation
from finsam_desktop.storage.store import Store, memory_store

TODAY = dt.date(2026, 11, 22)
TERM_FROM = dt.date(2023, 4, 1)
TERM_TO = dt.date(2027, 3, 31)


def fixed_clock(day: dt.date = TODAY):
    """A clock that always says noon on `day` (local time)."""
    moment = dt.datetime(day.year, day.month, day.day, 12, 0).astimezone()
    return lambda: moment


def new_store(day: dt.date = TODAY) -> Store:
    """A migrated in-memory store with an agency and a frozen clock."""
    store = memory_store(clock=fixed_clock(day))
    organisation.create_agency(store, Agency(name="Samordningsförbundet Test"))
    return store


def add_members(store: Store) -> dict[str, Member]:
    """FK, AF, one region and two municipalities with valid shares."""
    specs = [("fk", "Försäkringskassan", MemberKind.FK, 500_000, None),
             ("af", "Arbetsförmedlingen", MemberKind.AF, 0, None),
             ("region", "Region Test", MemberKind.REGION, 250_000, None),
             ("a", "Aby kommun", MemberKind.MUNICIPALITY, 150_000, 30_000),
             ("b", "Bby kommun", MemberKind.MUNICIPALITY, 100_000, 20_000)]
    return {key: organisation.add_member(store, Member(0, name, kind, share, population=pop))[0]
            for key, name, kind, share, pop in specs}


def seat(store: Store, member: Member, role: SeatRole, name: str, **over) -> Seat:
    """Add a person and give them a seat for `member` (defaults: the current term)."""
    person = board.add_person(store, Person(0, name))[0]
    category = Category.EMPLOYEE if member.kind in (MemberKind.FK, MemberKind.AF) \
        else Category.ELECTED
    values = dict(id=0, person_id=person.id, member_id=member.id, appointed_by_id=member.id,
                  role=role, category=category, term_from=TERM_FROM, term_to=TERM_TO,
                  substitute_order=1 if role is SeatRole.DEPUTY else None)
    values.update(over)
    allow = values.pop("allow_incomplete", True)
    return board.add_seat(store, Seat(**values), allow_incomplete=allow)[0]


def full_board(store: Store, members: dict[str, Member]) -> dict[str, Seat]:
    """One ledamot and one ersättare for every member."""
    seats = {}
    for key, member in members.items():
        seats[key] = seat(store, member, SeatRole.MEMBER, f"Ledamot {member.name}")
        seats[key + "_dep"] = seat(store, member, SeatRole.DEPUTY, f"Ersättare {member.name}")
    return seats
