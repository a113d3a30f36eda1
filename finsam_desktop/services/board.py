"""People, board seats, staff and auditors (use cases), with the composition rules enforced.

A change to seats is judged by `domain.board.change_verdict` on every current or future
date the board changes: new rule problems are refused (ValidationError); making a complete
board incomplete is refused with IncompleteBoardError unless the caller confirms with
`allow_incomplete=True`. Seats entirely in the past are history and are only marked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain.board import (
    Auditor,
    Person,
    Problem,
    Seat,
    StaffRole,
    change_verdict,
    check_seat,
    composition_problems,
)
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import IncompleteBoardError, ValidationError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import _
from finsam_desktop.storage.mapping import TableMapper
from finsam_desktop.storage.store import Store

SEATS = "seats"


@dataclass(frozen=True, slots=True)
class SeatView:
    """A seat with the names needed to show it."""

    seat: Seat
    person: str
    member: Member


def list_people(store: Store) -> list[Person]:
    """Everyone registered, by name."""
    return store.board.people.all()


def list_seats(store: Store) -> list[Seat]:
    """Every seat ever held (the board's history)."""
    return store.board.seats.all()


def list_staff(store: Store) -> list[StaffRole]:
    """Every staff role ever held."""
    return store.board.staff.all()


def list_auditors(store: Store) -> list[Auditor]:
    """Every auditor ever appointed, member by member (joint auditors last)."""
    return store.board.auditors.all()


def auditors_during(store: Store, first: dt.date, last: dt.date) -> list[Auditor]:
    """The auditors who served on some day of the period."""
    return [a for a in store.board.auditors.all() if a.overlaps(first, last)]


def board_on(store: Store, day: dt.date) -> list[SeatView]:
    """The board sitting on `day`, in member order, ledamöter before ersättare."""
    members = {m.id: (i, m) for i, m in enumerate(store.organisation.members.all())}
    names = store.board.names()
    views = [
        SeatView(s, names[s.person_id], members[s.member_id][1]) for s in store.board.seats_on(day)
    ]
    return sorted(
        views,
        key=lambda v: (
            members[v.seat.member_id][0],
            v.seat.role != "member",
            v.seat.substitute_order or 0,
            v.person,
        ),
    )


def board_problems(store: Store, day: dt.date) -> list[Problem]:
    """Every rule the board sitting on `day` breaks."""
    return composition_problems(
        day, store.organisation.members.all(), store.board.seats.all(), store.board.names()
    )


# People -------------------------------------------------------------------------------------


def _clean_person(person: Person) -> Person:
    return dataclasses.replace(
        person,
        name=check_text(person.name, field=_("Name"), required=True, max_length=200),
        title=check_text(person.title, field=_("Title"), max_length=200),
        email=check_text(person.email, field=_("E-mail"), max_length=200),
        phone=check_text(person.phone, field=_("Phone"), max_length=50, numbers_ok=True),
        political_party=check_text(person.political_party, field=_("Party letters"), max_length=20),
    )


def add_person(store: Store, person: Person) -> tuple[Person, Changes]:
    """Register a person (id 0 = new id; a known id re-creates a removed one)."""
    clean = _clean_person(person)
    with store.user_action():
        new_id = store.board.people.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("person.added", "people", new_id, after=added)
    return added, Changes.of("people", ids=[new_id])


def update_person(store: Store, person: Person) -> tuple[Person, Changes]:
    """Change a person's details; returns them as they were before."""
    clean = _clean_person(person)
    with store.user_action():
        before = store.board.people.get(person.id)
        store.board.people.update(clean)
        store.audit.log("person.updated", "people", person.id, before=before, after=clean)
    return before, Changes.of("people", SEATS, "staff", ids=[person.id])


def remove_person(store: Store, person_id: int) -> tuple[Person, Changes]:
    """Remove a person who holds no seat or staff role; returns the removed person."""
    with store.user_action():
        before = store.board.people.get(person_id)
        if store.board.references_to_person(person_id):
            raise ValidationError(
                _(
                    "{name} has board seats, staff roles or appears in minutes and cannot be "
                "removed; end the seats and roles instead."
                ).format(name=before.name)
            )
        store.board.people.delete(person_id)
        store.audit.log("person.removed", "people", person_id, before=before)
    return before, Changes.of("people", ids=[person_id])


# Seats --------------------------------------------------------------------------------------


def _judge(store: Store, after: list[Seat], allow_incomplete: bool) -> None:
    verdict = change_verdict(
        before=store.board.seats.all(),
        after=after,
        members=store.organisation.members.all(),
        names=store.board.names(),
        today=store.today(),
    )
    if verdict.blocking:
        raise ValidationError(verdict.blocking)
    if verdict.incomplete and not allow_incomplete:
        raise IncompleteBoardError(verdict.incomplete)


def _clean_seat(store: Store, seat: Seat) -> Seat:
    problems = check_seat(seat)
    if problems:
        raise ValidationError(problems)
    check_date(seat.term_from)
    if seat.term_to is not None:
        check_date(seat.term_to)
    store.board.people.get(seat.person_id)
    store.organisation.members.get(seat.member_id)
    store.organisation.members.get(seat.appointed_by_id)
    return dataclasses.replace(seat, note=check_text(seat.note, field=_("Note"), max_length=1000))


def add_seat(store: Store, seat: Seat, *, allow_incomplete: bool = False) -> tuple[Seat, Changes]:
    """Give a person a seat (id 0 = new id; a known id re-creates a removed seat)."""
    clean = _clean_seat(store, seat)
    with store.user_action():
        _judge(store, [*store.board.seats.all(), clean], allow_incomplete)
        new_id = store.board.seats.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("seat.added", SEATS, new_id, before=None, after=added)
    return added, Changes.of(SEATS, ids=[new_id])


def update_seat(
    store: Store, seat: Seat, *, allow_incomplete: bool = False
) -> tuple[Seat, Changes]:
    """Change a seat (e.g. end its term); returns the seat as it was before."""
    clean = _clean_seat(store, seat)
    with store.user_action():
        before = store.board.seats.get(seat.id)
        others = [s for s in store.board.seats.all() if s.id != seat.id]
        _judge(store, [*others, clean], allow_incomplete)
        store.board.seats.update(clean)
        store.audit.log("seat.updated", SEATS, seat.id, before=before, after=clean)
    return before, Changes.of(SEATS, ids=[seat.id])


def remove_seat(
    store: Store, seat_id: int, *, allow_incomplete: bool = False
) -> tuple[Seat, Changes]:
    """Delete a seat entered by mistake; returns it (a real departure ends the term instead)."""
    with store.user_action():
        before = store.board.seats.get(seat_id)
        if store.board.minutes_using_seat(seat_id):
            raise ValidationError(_("The seat appears in meeting minutes and cannot be "
                                    "removed; end the term instead."))
        others = [s for s in store.board.seats.all() if s.id != seat_id]
        _judge(store, others, allow_incomplete)
        store.board.seats.delete(seat_id)
        store.audit.log("seat.removed", SEATS, seat_id, before=before)
    return before, Changes.of(SEATS, ids=[seat_id])


# Staff and auditors: roles held by a person over a period ------------------------------------


def _check_period(store: Store, person_id: int, first: dt.date | None, last: dt.date | None,
                  backwards: str) -> None:
    """The person exists and the period's dates are valid and in order."""
    store.board.people.get(person_id)
    for day in (first, last):
        if day is not None:
            check_date(day)
    if first and last and last < first:
        raise ValidationError(backwards)


def _add_role[R](store: Store, mapper: TableMapper[R], action: str, clean: R
                 ) -> tuple[R, Changes]:
    with store.user_action():
        new_id = mapper.insert(clean)
        added = dataclasses.replace(clean, id=new_id)  # type: ignore[type-var]
        store.audit.log(f"{action}.added", mapper.table, new_id, after=added)
    return added, Changes.of(mapper.table, ids=[new_id])


def _update_role[R](store: Store, mapper: TableMapper[R], action: str, clean: R
                    ) -> tuple[R, Changes]:
    record_id = clean.id  # type: ignore[attr-defined]
    with store.user_action():
        before = mapper.get(record_id)
        mapper.update(clean)
        store.audit.log(f"{action}.updated", mapper.table, record_id, before=before, after=clean)
    return before, Changes.of(mapper.table, ids=[record_id])


def _remove_role[R](store: Store, mapper: TableMapper[R], action: str, record_id: int
                    ) -> tuple[R, Changes]:
    with store.user_action():
        before = mapper.get(record_id)
        mapper.delete(record_id)
        store.audit.log(f"{action}.removed", mapper.table, record_id, before=before)
    return before, Changes.of(mapper.table, ids=[record_id])


def _clean_staff(store: Store, role: StaffRole) -> StaffRole:
    _check_period(store, role.person_id, role.from_date, role.to_date,
                  _("The role cannot end before it starts."))
    return dataclasses.replace(role, title=check_text(role.title, field=_("Title"), max_length=200))


def add_staff(store: Store, role: StaffRole) -> tuple[StaffRole, Changes]:
    """Give a person a staff role (id 0 = new id)."""
    return _add_role(store, store.board.staff, "staff", _clean_staff(store, role))


def update_staff(store: Store, role: StaffRole) -> tuple[StaffRole, Changes]:
    """Change a staff role; returns it as it was before."""
    return _update_role(store, store.board.staff, "staff", _clean_staff(store, role))


def remove_staff(store: Store, role_id: int) -> tuple[StaffRole, Changes]:
    """Delete a staff role; returns it."""
    return _remove_role(store, store.board.staff, "staff", role_id)


def _clean_auditor(store: Store, auditor: Auditor) -> Auditor:
    _check_period(store, auditor.person_id, auditor.from_date, auditor.to_date,
                  _("The assignment cannot end before it starts."))
    if auditor.member_id is not None:
        store.organisation.members.get(auditor.member_id)
    return dataclasses.replace(auditor, firm=check_text(auditor.firm, field=_("Audit firm"),
                                                        max_length=200))


def add_auditor(store: Store, auditor: Auditor) -> tuple[Auditor, Changes]:
    """Register an auditor for a member, or a joint one (id 0 = new id)."""
    return _add_role(store, store.board.auditors, "auditor", _clean_auditor(store, auditor))


def update_auditor(store: Store, auditor: Auditor) -> tuple[Auditor, Changes]:
    """Change an auditor's assignment; returns it as it was before."""
    return _update_role(store, store.board.auditors, "auditor", _clean_auditor(store, auditor))


def remove_auditor(store: Store, auditor_id: int) -> tuple[Auditor, Changes]:
    """Delete an auditor's assignment; returns it."""
    return _remove_role(store, store.board.auditors, "auditor", auditor_id)
