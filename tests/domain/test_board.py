"""Board composition rules (Finsamlagen 10 and 12 §§, DOMAIN.md 8.2)."""

import dataclasses
import datetime as dt

from finsam_desktop.domain.board import (
    BoardFunction,
    Category,
    Seat,
    SeatRole,
    change_verdict,
    composition_problems,
)
from finsam_desktop.domain.organisation import Member, MemberKind

FK = Member(1, "Försäkringskassan", MemberKind.FK, 500_000)
KOMMUN = Member(2, "A kommun", MemberKind.MUNICIPALITY, 250_000)
OTHER = Member(3, "B kommun", MemberKind.MUNICIPALITY, 0)
MEMBERS = [FK, KOMMUN]
TODAY = dt.date(2026, 11, 22)
START, END = dt.date(2023, 4, 1), dt.date(2027, 3, 31)
NAMES = {i: f"Person {i}" for i in range(1, 20)}


def seat(sid, person, member, role=SeatRole.MEMBER, **over):
    category = Category.EMPLOYEE if member is FK else Category.ELECTED
    base = Seat(sid, person, member.id, member.id, role, category, START, END,
                substitute_order=1 if role is SeatRole.DEPUTY else None)
    return dataclasses.replace(base, **over)


COMPLETE = [seat(1, 1, FK), seat(2, 2, FK, SeatRole.DEPUTY),
            seat(3, 3, KOMMUN, function=BoardFunction.CHAIR), seat(4, 4, KOMMUN, SeatRole.DEPUTY)]


def verdict(after, before=COMPLETE, members=MEMBERS):
    return change_verdict(before=before, after=after, members=members, names=NAMES, today=TODAY)


def test_a_complete_board_has_no_problems():
    assert composition_problems(TODAY, MEMBERS, COMPLETE, NAMES) == []


def test_the_board_on_a_date_is_who_held_a_seat_that_day():
    problems = composition_problems(dt.date(2030, 1, 1), MEMBERS, COMPLETE, NAMES)
    assert {p.key[0] for p in problems} == {"no_member", "no_deputy"}


def test_sitting_for_a_member_that_did_not_appoint_you_is_blocked():
    cross = seat(5, 5, KOMMUN, appointed_by_id=OTHER.id)
    result = verdict([*COMPLETE, cross], members=[*MEMBERS, OTHER])
    assert any("appointed by B kommun" in m for m in result.blocking)


def test_municipalities_send_politicians_and_fk_sends_employees():
    wrong = seat(5, 5, KOMMUN, category=Category.EMPLOYEE)
    assert verdict([*COMPLETE, wrong]).blocking


def test_one_chair_and_one_seat_per_person():
    second_chair = seat(5, 5, FK, function=BoardFunction.CHAIR)
    assert any("one chair" in m for m in verdict([*COMPLETE, second_chair]).blocking)
    twice = seat(6, 1, KOMMUN)
    assert any("more than one seat" in m for m in verdict([*COMPLETE, twice]).blocking)


def test_making_a_complete_board_incomplete_needs_confirmation():
    result = verdict([s for s in COMPLETE if s.id != 4])
    assert result.blocking == []
    assert any("no deputy" in m for m in result.incomplete)


def test_adding_to_an_incomplete_board_goes_through():
    result = verdict([seat(1, 1, FK)], before=[])
    assert result.blocking == [] and result.incomplete == []


def test_unequal_numbers_are_flagged():
    extra = seat(5, 5, KOMMUN)
    problems = composition_problems(TODAY, MEMBERS, [*COMPLETE, extra], NAMES)
    assert any("2 members but 1 deputies" in p.message for p in problems)
    assert verdict([*COMPLETE, extra]).incomplete


def test_history_is_marked_but_not_blocked():
    """Before 2022 municipalities sometimes shared a seat: entered for the record."""
    old = dt.date(2015, 4, 1), dt.date(2019, 3, 31)
    shared = seat(7, 7, KOMMUN, appointed_by_id=OTHER.id, term_from=old[0], term_to=old[1])
    result = verdict([*COMPLETE, shared], members=[*MEMBERS, OTHER])
    assert result.blocking == [] and result.incomplete == []
    marked = composition_problems(dt.date(2016, 1, 1), [*MEMBERS, OTHER], [shared], NAMES)
    assert any(p.kind == "rule" for p in marked)


def test_a_future_composition_is_checked_too():
    future = seat(8, 8, KOMMUN, SeatRole.DEPUTY, term_from=dt.date(2027, 4, 1), term_to=None,
                  function=BoardFunction.CHAIR)
    assert verdict([*COMPLETE, future]).blocking
