"""Board use cases: seats, history, blocking and confirming rules."""

import dataclasses
import datetime as dt

import pytest

from finsam_desktop.domain.board import (
    Auditor,
    AuditorKind,
    BoardFunction,
    Category,
    Person,
    SeatRole,
    StaffKind,
    StaffRole,
)
from finsam_desktop.domain.errors import IncompleteBoardError, NotFoundError, ValidationError
from finsam_desktop.services import board
from tests.factories import TERM_TO, add_members, full_board, new_store, seat


def test_who_sat_on_the_board_on_a_date_is_a_query():
    store = new_store()
    members = add_members(store)
    seats = full_board(store, members)
    board.update_seat(
        store, dataclasses.replace(seats["a"], term_to=dt.date(2024, 9, 30)), allow_incomplete=True
    )
    seat(store, members["a"], SeatRole.MEMBER, "Efterträdare", term_from=dt.date(2024, 10, 1))
    names_then = {v.person for v in board.board_on(store, dt.date(2024, 6, 1))}
    names_now = {v.person for v in board.board_on(store, dt.date(2025, 6, 1))}
    assert "Ledamot Aby kommun" in names_then and "Efterträdare" not in names_then
    assert "Efterträdare" in names_now and "Ledamot Aby kommun" not in names_now
    assert board.board_problems(store, dt.date(2025, 6, 1)) == []


def test_cross_representation_is_blocked_for_a_current_seat():
    store = new_store()
    members = add_members(store)
    with pytest.raises(ValidationError, match="appointed by"):
        seat(store, members["a"], SeatRole.MEMBER, "Anna", appointed_by_id=members["b"].id)
    assert board.list_seats(store) == []


def test_a_historical_shared_seat_is_kept_and_marked():
    store = new_store()
    members = add_members(store)
    old = seat(
        store,
        members["a"],
        SeatRole.MEMBER,
        "Delad",
        appointed_by_id=members["b"].id,
        term_from=dt.date(2015, 4, 1),
        term_to=dt.date(2019, 3, 31),
    )
    assert old.id in {s.id for s in board.list_seats(store)}
    problems = board.board_problems(store, dt.date(2016, 1, 1))
    assert any(p.kind == "rule" and "appointed by" in p.message for p in problems)


def test_ending_the_last_deputy_needs_confirmation():
    store = new_store()
    members = add_members(store)
    seats = full_board(store, members)
    ended = dataclasses.replace(seats["b_dep"], term_to=dt.date(2026, 12, 31))
    with pytest.raises(IncompleteBoardError, match="no deputy"):
        board.update_seat(store, ended)
    assert board.list_seats(store)[-1].term_to == TERM_TO  # nothing saved
    board.update_seat(store, ended, allow_incomplete=True)
    assert store.board.seats.get(seats["b_dep"].id).term_to == dt.date(2026, 12, 31)


def test_a_second_chair_and_a_deputy_chair_are_refused():
    store = new_store()
    members = add_members(store)
    seats = full_board(store, members)
    board.update_seat(store, dataclasses.replace(seats["region"], function=BoardFunction.CHAIR))
    with pytest.raises(ValidationError, match="one chair"):
        board.update_seat(store, dataclasses.replace(seats["a"], function=BoardFunction.CHAIR))
    with pytest.raises(ValidationError, match="Only a member"):
        board.update_seat(
            store, dataclasses.replace(seats["a_dep"], function=BoardFunction.VICE_CHAIR_1)
        )


def test_wrong_category_and_impossible_terms_are_refused():
    store = new_store()
    members = add_members(store)
    with pytest.raises(ValidationError, match="employee"):
        seat(store, members["fk"], SeatRole.MEMBER, "Politiker", category=Category.ELECTED)
    with pytest.raises(ValidationError, match="end before"):
        seat(store, members["a"], SeatRole.MEMBER, "Bakvänd", term_to=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="2000"):
        seat(store, members["a"], SeatRole.MEMBER, "Gammal", term_from=dt.date(1990, 1, 1))


def test_people_with_seats_cannot_be_removed():
    store = new_store()
    members = add_members(store)
    s = seat(store, members["a"], SeatRole.MEMBER, "Anna")
    with pytest.raises(ValidationError, match="end the seats"):
        board.remove_person(store, s.person_id)
    board.remove_seat(store, s.id)
    removed, changes = board.remove_person(store, s.person_id)
    assert removed.name == "Anna" and changes.touches("people")


def test_staff_roles_have_periods():
    store = new_store()
    person, _ = board.add_person(store, Person(0, "Sekreteraren"))
    role, _ = board.add_staff(
        store, StaffRole(0, person.id, StaffKind.SECRETARY, "Sekreterare", dt.date(2020, 1, 1))
    )
    assert role.is_active_on(dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        board.update_staff(store, dataclasses.replace(role, to_date=dt.date(2019, 1, 1)))
    board.update_staff(store, dataclasses.replace(role, to_date=dt.date(2025, 12, 31)))
    assert not board.list_staff(store)[0].is_active_on(dt.date(2026, 1, 1))


def test_auditors_per_member_with_periods_and_validation():
    store = new_store()
    members = add_members(store)
    person, _ = board.add_person(store, Person(0, "Revisorn"))
    auditor, changes = board.add_auditor(store, Auditor(
        0, person.id, members["a"].id, AuditorKind.ELECTED, "", dt.date(2023, 1, 1),
        dt.date(2024, 6, 30)))
    assert changes.touches("auditors")
    with pytest.raises(ValidationError, match="end before it starts"):
        board.update_auditor(store, dataclasses.replace(auditor, to_date=dt.date(2022, 1, 1)))
    with pytest.raises(NotFoundError):  # a member that does not exist
        board.add_auditor(store, dataclasses.replace(auditor, id=0, member_id=999))
    assert [a.id for a in board.auditors_during(store, dt.date(2024, 1, 1),
                                                dt.date(2024, 12, 31))] == [auditor.id]
    assert board.auditors_during(store, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == []
    with pytest.raises(ValidationError, match="cannot be removed"):  # the person is referred to
        board.remove_person(store, person.id)
    board.remove_auditor(store, auditor.id)
    assert board.list_auditors(store) == []
    assert [r["action"] for r in store.db.query(
        "SELECT action FROM audit_log WHERE entity = 'auditors' ORDER BY id")] == [
        "auditor.added", "auditor.removed"]
