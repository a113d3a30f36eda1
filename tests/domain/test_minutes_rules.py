"""Meeting rules: who serves, quorum, majorities and ties, dates (DOMAIN.md 1.6, 2, 8.3)."""

import datetime as dt
from fractions import Fraction

import pytest

from finsam_desktop.domain.board import Category, Seat, SeatRole
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Attendee, AttendeeRole, MeetingStatus, Presence, TieBreak
from finsam_desktop.domain.minutes_rules import (
    decide_vote,
    format_numbers,
    parse_majority_rules,
    parse_numbers,
    posting_dates,
    serving_on,
    signing_is_late,
    status_of,
    summons_is_late,
)

D = dt.date(2026, 1, 1)


def seat(sid, person, member, role=SeatRole.MEMBER, order=None):
    return Seat(sid, person, member, member, role, Category.ELECTED, D, None,
                substitute_order=order)


# Members 1 and 2, each with one ledamot and two ersättare (orders 1 and 2).
SEATS = [seat(1, 11, 1), seat(2, 12, 1, SeatRole.DEPUTY, 1), seat(3, 13, 1, SeatRole.DEPUTY, 2),
         seat(4, 21, 2), seat(5, 22, 2, SeatRole.DEPUTY, 1), seat(6, 23, 2, SeatRole.DEPUTY, 2),
         seat(7, 31, 3), seat(8, 32, 3, SeatRole.DEPUTY, 1)]
NAMES = {p: f"P{p}" for p in (11, 12, 13, 21, 22, 23, 31, 32)}


def present(*people, away=None):
    away = away or {}
    return [Attendee(i, 1, AttendeeRole.MEMBER, NAMES[p], p, presence=Presence.PRESENT,
                     not_present=away.get(p, "")) for i, p in enumerate(people, 1)]


def test_ranges_parse_and_format_both_ways():
    assert parse_numbers("91-97, 99") == {91, 92, 93, 94, 95, 96, 97, 99}
    assert parse_numbers("§ 5–6") == {5, 6}
    assert format_numbers({91, 92, 93, 99}) == "91–93, 99"
    for bad in ("abc", "9-3", "1-99999"):
        with pytest.raises(ValidationError):
            parse_numbers(bad)


def test_all_members_present_serve_themselves():
    serving = serving_on(1, SEATS, present(11, 21, 31, 12), set(), NAMES)
    assert [v.person_id for v in serving.voters] == [11, 21, 31]
    assert serving.has_quorum and serving.board_size == 3


def test_an_absent_member_is_replaced_by_a_deputy_of_the_same_member_in_order():
    serving = serving_on(1, SEATS, present(21, 31, 13, 12, 22), set(), NAMES)
    deputy = next(v for v in serving.voters if v.serving_for == 11)
    assert deputy.person_id == 12  # substitute order 1 before 2
    assert 22 not in serving.person_ids()  # member 2's deputy cannot serve for member 1


def test_no_deputy_of_the_same_member_means_an_empty_seat():
    serving = serving_on(1, SEATS, present(21, 31, 22, 23), set(), NAMES)
    assert len(serving.voters) == 2 and serving.has_quorum  # 2 of 3 is more than half


def test_quorum_needs_more_than_half():
    assert not serving_on(1, SEATS, present(21), set(), NAMES).has_quorum
    even = [s for s in SEATS if s.member_id != 3]
    assert not serving_on(1, even, present(11), set(), NAMES).has_quorum  # 1 of 2 is half


def test_jav_removes_a_member_and_a_deputy_steps_in():
    serving = serving_on(4, SEATS, present(11, 21, 31, 12), {11}, NAMES)
    assert 11 not in serving.person_ids()
    assert any(v.person_id == 12 and v.serving_for == 11 for v in serving.voters)


def test_absence_from_some_paragraphs_counts_only_there():
    attendees = present(11, 21, 31, 12, away={11: "91-97"})
    assert any(v.serving_for == 11 for v in serving_on(92, SEATS, attendees, set(), NAMES).voters)
    assert 11 in serving_on(98, SEATS, attendees, set(), NAMES).person_ids()


def test_simple_majority_and_ties():
    assert decide_vote(yes=3, no=2, voters=5, majority=None, matter_type="general").winner == "yes"
    with pytest.raises(ValidationError, match="tied"):
        decide_vote(yes=2, no=2, voters=5, majority=None, matter_type="general")
    casting = decide_vote(yes=2, no=2, voters=5, majority=None, matter_type="general",
                          tie_winner="no")
    assert (casting.winner, casting.tie_break) == ("no", TieBreak.CASTING_VOTE)
    lot = decide_vote(yes=2, no=2, voters=5, majority=None, matter_type="election",
                      tie_winner="yes")
    assert lot.tie_break is TieBreak.LOT


def test_qualified_majority_counts_voters_serving():
    two_thirds = Fraction(2, 3)
    assert decide_vote(yes=4, no=1, voters=6, majority=two_thirds,
                       matter_type="budget").winner == "yes"
    assert decide_vote(yes=3, no=0, voters=6, majority=two_thirds,
                       matter_type="budget").winner == "no"  # 3 of 6 serving is not 2/3


def test_majority_rules_from_the_charter():
    assert parse_majority_rules("budget=2/3; Verksamhetsplan = 3/4") == {
        "budget": Fraction(2, 3), "verksamhetsplan": Fraction(3, 4)}
    for bad in ("budget=1/2", "budget", "budget=x", "konsensus=1"):
        with pytest.raises(ValidationError):
            parse_majority_rules(bad)


def test_status_follows_what_happened():
    base = dict(appeal_days=21, today=dt.date(2026, 6, 1))
    assert status_of(summoned=False, held=False, sealed=False, posted_on=None,
                     **base) is MeetingStatus.PLANNED
    assert status_of(summoned=True, held=True, sealed=True, posted_on=dt.date(2026, 5, 20),
                     **base) is MeetingStatus.POSTED
    assert status_of(summoned=True, held=True, sealed=True, posted_on=dt.date(2026, 5, 1),
                     **base) is MeetingStatus.FINAL


def test_notice_and_deadline_dates():
    take_down, last = posting_dates(dt.date(2026, 3, 2), 21)
    assert take_down == last == dt.date(2026, 3, 23)
    assert summons_is_late(dt.date(2026, 3, 10), dt.date(2026, 3, 5), 7)
    assert not summons_is_late(dt.date(2026, 3, 10), dt.date(2026, 3, 3), 7)
    assert signing_is_late(dt.date(2026, 3, 1), dt.date(2026, 3, 16), 14)
