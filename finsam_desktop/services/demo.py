"""A realistic fictional agency for trying the app: `finsam demo DB [--years N] [--seed S]`.

"Samordningsförbundet Mälarsund Väst": Försäkringskassan, Arbetsförmedlingen, one region
and three municipalities (shares by population), a board with one ledamot and one ersättare
per member for every term that overlaps the last N years, a mid-term replacement, and — for
the record — a pre-2022 term in which two municipalities shared a seat (marked, not blocked).
Names are invented. Meetings (demo_meetings), budgets (demo_budget) and activities
(demo_activities) follow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from finsam_desktop.domain.board import (
    Auditor,
    AuditorKind,
    BoardFunction,
    Category,
    Person,
    Seat,
    SeatRole,
    StaffKind,
    StaffRole,
)
from finsam_desktop.domain.charter import current_term_start
from finsam_desktop.domain.organisation import Agency, Member, MemberKind
from finsam_desktop.services import board, organisation
from finsam_desktop.services.demo_activities import build_activities
from finsam_desktop.services.demo_annual import build_annual
from finsam_desktop.services.demo_budget import build_budgets
from finsam_desktop.services.demo_meetings import build_meetings
from finsam_desktop.storage.store import Store

_FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per",
          "Lena", "Mikael", "Åsa", "Björn", "Ingrid", "Göran", "Linnéa", "Örjan", "Elin",
          "Magnus", "Sofia", "Nils", "Helena", "Tomas", "Ida", "Ulf", "Frida", "Jörgen"]
_LAST = ["Andersson", "Berg", "Carlsson", "Dahl", "Ek", "Forsberg", "Holm", "Isaksson",
         "Johansson", "Lindqvist", "Lundgren", "Nyström", "Öberg", "Sandberg", "Strand",
         "Wallin", "Åkesson", "Hedlund", "Sjöberg", "Björk", "Engström", "Nordin"]
_PARTIES = ["S", "M", "C", "V", "KD", "L", "SD", "MP"]

_MEMBERS = [
    ("Försäkringskassan", MemberKind.FK, None, "202100-5521"),
    ("Arbetsförmedlingen", MemberKind.AF, None, "202100-2114"),
    ("Region Mälarsund", MemberKind.REGION, None, ""),
    ("Åsby kommun", MemberKind.MUNICIPALITY, 42_310, ""),
    ("Lindeby kommun", MemberKind.MUNICIPALITY, 18_975, ""),
    ("Storvik kommun", MemberKind.MUNICIPALITY, 9_412, ""),
]


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set()

    def pick(self) -> str:
        while True:
            name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
            if name not in self.used:
                self.used.add(name)
                return name


def build_demo(store: Store, *, years: int = 8, seed: int = 1) -> None:
    """Fill an empty (freshly created) database with the demo agency (one transaction)."""
    with store.user_action():
        _build(store, years=years, seed=seed)


def _build(store: Store, *, years: int, seed: int) -> None:
    rng = random.Random(seed)
    names = _Names(rng)
    organisation.save_agency(store, Agency(
        name="Samordningsförbundet Mälarsund Väst", org_number="222000-1891", seat="Åsby",
        notice_place="https://www.malarsundvast.example/anslagstavla",
        minutes_kept_at="Förbundets kansli, Storgatan 12, Åsby"))
    charter = organisation.get_charter(store)
    members = [organisation.add_member(store, Member(0, n, k, population=p, org_number=o))[0]
               for n, k, p, o in _MEMBERS]
    _set_shares(store, members)
    today = store.today()
    length = charter.term_length_years
    start = current_term_start(charter, today)
    first_year = today.year - max(1, years)
    starts = []
    while start.year + length > first_year:
        starts.insert(0, start)
        start = start.replace(year=start.year - length)
    for term_start in starts:
        _board_for_term(store, members, term_start, length, names, rng)
    _staff(store, names, starts[0])
    _auditors(store, members, names, starts[-1])
    organisation.save_charter(store, dataclasses.replace(
        organisation.get_charter(store), qualified_majority="budget=2/3",
        contribution_months="1, 7",
        split_key_note="Kommunernas andel fördelas efter folkmängd den 1 november året före."))
    build_meetings(store, years=min(years, 3), rng=rng)
    build_budgets(store, years=years, rng=rng)
    build_activities(store, rng=rng)
    build_annual(store)


def _set_shares(store: Store, members: list[Member]) -> None:
    shares = {MemberKind.FK: 500_000, MemberKind.REGION: 250_000}
    for member in members:
        if member.kind in shares:
            organisation.update_member(store, Member(**{**_fields(member),
                                                        "share_ppm": shares[member.kind]}))
    organisation.apply_population_split(store)


def _fields(member: Member) -> dict[str, object]:
    return {f: getattr(member, f) for f in member.__slots__}  # type: ignore[attr-defined]


def _person(store: Store, name: str, member: Member, rng: random.Random) -> Person:
    employee = member.kind in (MemberKind.FK, MemberKind.AF)
    title = rng.choice(["Enhetschef", "Verksamhetsområdeschef", "Sektionschef"]) if employee \
        else rng.choice(["Kommunfullmäktigeledamot", "Regionfullmäktigeledamot"
                         if member.kind is MemberKind.REGION else "Kommunfullmäktigeledamot"])
    email = name.lower().replace(" ", ".").translate(str.maketrans("åäöé", "aaoe")) \
        + "@example.se"
    return board.add_person(store, Person(0, name, title=title, email=email,
                                          political_party="" if employee
                                          else rng.choice(_PARTIES)))[0]


def _board_for_term(store: Store, members: list[Member], start: dt.date, length: int,
                    names: _Names, rng: random.Random) -> None:
    end = start.replace(year=start.year + length) - dt.timedelta(days=1)
    shared = start < dt.date(2022, 1, 1)  # before Nationella rådet's 2022 clarification
    municipalities = [m for m in members if m.kind is MemberKind.MUNICIPALITY]
    functions = {MemberKind.REGION: BoardFunction.CHAIR}
    vice = municipalities[0].id
    for member in members:
        if shared and member is municipalities[-1]:
            continue  # its seat is shared with the previous municipality (history only)
        category = Category.EMPLOYEE if member.kind in (MemberKind.FK, MemberKind.AF) \
            else Category.ELECTED
        function = functions.get(member.kind, BoardFunction.VICE_CHAIR_1
                                 if member.id == vice else BoardFunction.NONE)
        for role in (SeatRole.MEMBER, SeatRole.DEPUTY):
            person = _person(store, names.pick(), member, rng)
            seat = Seat(0, person.id, member.id, member.id, role, category, start, end,
                        function if role is SeatRole.MEMBER else BoardFunction.NONE,
                        1 if role is SeatRole.DEPUTY else None)
            if role is SeatRole.MEMBER and member is municipalities[1] and not shared:
                _replaced_mid_term(store, seat, member, names, rng)
            else:
                board.add_seat(store, seat, allow_incomplete=True)


def _replaced_mid_term(store: Store, seat: Seat, member: Member, names: _Names,
                       rng: random.Random) -> None:
    """The ledamot leaves after 18 months; the fullmäktige appoints a successor."""
    assert seat.term_to is not None
    change = seat.term_from.replace(year=seat.term_from.year + 1, month=10, day=1)
    board.add_seat(store, Seat(**{**_seat_fields(seat), "term_to": change - dt.timedelta(days=1),
                                  "note": "Entledigad på egen begäran"}), allow_incomplete=True)
    successor = _person(store, names.pick(), member, rng)
    board.add_seat(store, Seat(**{**_seat_fields(seat), "person_id": successor.id,
                                  "term_from": change}), allow_incomplete=True)


def _seat_fields(seat: Seat) -> dict[str, object]:
    return {f: getattr(seat, f) for f in seat.__slots__}  # type: ignore[attr-defined]


def _auditors(store: Store, members: list[Member], names: _Names, since: dt.date) -> None:
    """One auditor per member for the current term: Försäkringskassan's authorised auditor
    audits for the state (also for Arbetsförmedlingen); the others are elected. One
    municipality changed auditor in the middle of last year."""
    switch = dt.date(store.today().year - 1, 6, 1)
    changed = switch <= since  # no change to show when the term began after it
    for member in members:
        if member.kind is MemberKind.AF:
            continue
        authorised = member.kind is MemberKind.FK
        person = board.add_person(store, Person(0, names.pick(), title="Revisor"))[0]
        kind = AuditorKind.AUTHORISED if authorised else AuditorKind.ELECTED
        firm = "Revisionsbyrån Norrsken AB" if authorised else ""
        first = Auditor(0, person.id, member.id, kind, firm, since, None)
        if member.kind is MemberKind.MUNICIPALITY and not changed:
            changed = True
            board.add_auditor(store, dataclasses.replace(
                first, to_date=switch - dt.timedelta(days=1)))
            successor = board.add_person(store, Person(0, names.pick(), title="Revisor"))[0]
            first = dataclasses.replace(first, person_id=successor.id, from_date=switch)
        board.add_auditor(store, first)


def _staff(store: Store, names: _Names, since: dt.date) -> None:
    for kind, title in ((StaffKind.DIRECTOR, "Förbundschef"),
                        (StaffKind.SECRETARY, "Styrelsesekreterare"),
                        (StaffKind.FINANCE, "Ekonom"),
                        (StaffKind.COORDINATOR, "Processledare")):
        person = board.add_person(store, Person(0, names.pick(), title=title))[0]
        board.add_staff(store, StaffRole(0, person.id, kind, title, since, None))
