"""Meetings end to end through the services: numbering, minutes, votes, sealing, posting."""

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest

from finsam_desktop.domain.charter import Numbering
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import (
    AttendeeRole,
    Choice,
    Item,
    ItemKind,
    MeetingStatus,
    Outcome,
    Presence,
    Statement,
    StatementKind,
    Vote,
    VoteKind,
)
from finsam_desktop.services import meetings, minutes, organisation, signing
from finsam_desktop.services.maintenance import check_database, dump_database, load_database
from finsam_desktop.storage.migrations import SEALED_TABLES
from tests.factories import add_members, fixed_clock, full_board, new_store
from tests.meeting_factories import decide_all, held_and_sealed, plan, sign

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def store():
    s = new_store()
    full_board(s, add_members(s))
    return s


def test_a_planned_meeting_has_the_standard_items(store):
    meeting = plan(store, DAY, "Ansökan om medel")
    titles = [i.title for i in meetings.list_items(store, meeting.id)]
    assert titles[0] == "Opening of the meeting" and titles[-1] == "Closing of the meeting"
    assert "Ansökan om medel" in titles
    assert meetings.list_meetings(store, 2026)[0].status is MeetingStatus.PLANNED


def test_items_can_be_inserted_and_moved_keeping_positions_dense(store):
    meeting = plan(store, DAY)
    item, _ = meetings.add_item(store, Item(0, meeting.id, 2, "Nytt ärende"))
    assert [i.position for i in meetings.list_items(store, meeting.id)] == list(range(1, 13))
    meetings.move_item(store, item.id, 12)
    items = meetings.list_items(store, meeting.id)
    assert items[-1].title == "Nytt ärende"
    meetings.remove_item(store, items[0].id)
    assert [i.position for i in meetings.list_items(store, meeting.id)] == list(range(1, 12))


def test_paragraphs_number_on_through_the_year_and_restart_next_year(store):
    first = held_and_sealed(store, dt.date(2026, 2, 1), "A")
    second = plan(store, dt.date(2026, 4, 1), "B")
    minutes.start_minutes(store, second.id)
    count = len(meetings.list_items(store, first.id))
    assert meetings.get_meeting(store, second.id).first_number == count + 1
    next_year = plan(store, dt.date(2027, 2, 1))
    minutes.start_minutes(store, next_year.id)
    assert meetings.get_meeting(store, next_year.id).first_number == 1


def test_per_meeting_numbering_restarts_each_meeting(store):
    organisation.save_charter(store, dataclasses.replace(
        organisation.get_charter(store), paragraph_numbering=Numbering.MEETING))
    held_and_sealed(store, dt.date(2026, 2, 1))
    later = plan(store, dt.date(2026, 4, 1))
    minutes.start_minutes(store, later.id)
    assert meetings.get_meeting(store, later.id).first_number == 1


def test_numbers_already_used_by_a_later_meeting_are_protected(store):
    early, late = plan(store, dt.date(2026, 2, 1)), plan(store, dt.date(2026, 4, 1))
    minutes.start_minutes(store, early.id)
    minutes.start_minutes(store, late.id)
    with pytest.raises(ValidationError, match="already used"):
        meetings.add_item(store, Item(0, early.id, 0, "Sent ärende"))


def test_the_summons_warns_when_late(store):
    meeting = plan(store, DAY)
    late, _ = meetings.summon(store, meeting.id, DAY - dt.timedelta(days=3))
    assert late
    on_time, _ = meetings.summon(store, meeting.id, DAY - dt.timedelta(days=10))
    assert not on_time


def _started(store, *matters):
    meeting = plan(store, DAY, *matters)
    minutes.start_minutes(store, meeting.id)
    return meeting, minutes.list_attendance(store, meeting.id)


def test_starting_minutes_lists_the_board_with_deputies_absent(store):
    _, attendees = _started(store)
    roles = {(a.role, a.presence) for a in attendees}
    assert roles == {(AttendeeRole.MEMBER, Presence.PRESENT),
                     (AttendeeRole.DEPUTY, Presence.ABSENT)}


def test_no_decision_without_quorum(store):
    meeting, attendees = _started(store, "Beslut")
    for a in attendees[:3]:
        minutes.update_attendee(store, dataclasses.replace(a, presence=Presence.ABSENT))
    item = meetings.list_items(store, meeting.id)[8]
    with pytest.raises(ValidationError, match="No quorum"):
        meetings.update_item(store, dataclasses.replace(item, outcome=Outcome.DECIDED))
    with pytest.raises(ValidationError, match="quorum"):
        minutes.record_vote(store, Vote(0, meeting.id, item.id, VoteKind.CLOSED, "a", "b", 1))


def test_an_open_vote_counts_ballots_of_serving_voters_only(store):
    meeting, attendees = _started(store, "Beslut")
    item = meetings.list_items(store, meeting.id)[8]
    voters = [v.person_id for v in minutes.serving_for_item(store, item).voters]
    ballots = {p: Choice.YES for p in voters[:3]} | {p: Choice.NO for p in voters[3:]}
    vote, _ = minutes.record_vote(store, Vote(0, meeting.id, item.id, VoteKind.OPEN,
                                              "bifall", "avslag"), ballots)
    assert (vote.yes, vote.no) == (3, 2) and minutes.vote_winner(store, vote) == "yes"
    deputy = next(a.person_id for a in attendees if a.role is AttendeeRole.DEPUTY)
    with pytest.raises(ValidationError, match="serving"):
        minutes.record_vote(store, Vote(0, meeting.id, item.id, VoteKind.OPEN, "a", "b"),
                            {deputy: Choice.YES})


def test_a_tie_needs_the_casting_vote(store):
    meeting, _ = _started(store, "Beslut")
    item = meetings.list_items(store, meeting.id)[8]
    tie = Vote(0, meeting.id, item.id, VoteKind.CLOSED, "ja", "nej", 2, 2, 1)
    with pytest.raises(ValidationError, match="tied"):
        minutes.record_vote(store, tie)
    vote, _ = minutes.record_vote(store, dataclasses.replace(tie, tie_winner="no"))
    assert vote.tie_break.value == "casting_vote" and minutes.vote_winner(store, vote) == "no"


def test_jav_lets_a_deputy_serve_and_only_participants_reserve(store):
    meeting, attendees = _started(store, "Beslut")
    item = meetings.list_items(store, meeting.id)[8]
    member = attendees[0]
    deputy = next(a for a in attendees if a.role is AttendeeRole.DEPUTY
                  and a.member_id == member.member_id)
    minutes.update_attendee(store, dataclasses.replace(deputy, presence=Presence.PRESENT))
    minutes.declare_jav(store, item.id, member.person_id)
    serving = minutes.serving_for_item(store, item)
    assert member.person_id not in serving.person_ids()
    assert any(v.person_id == deputy.person_id for v in serving.voters)
    with pytest.raises(ValidationError, match="took part"):
        minutes.add_statement(store, Statement(0, meeting.id, item.id,
                                               StatementKind.RESERVATION, member.person_id, ""))
    reservation, _ = minutes.add_statement(store, Statement(
        0, meeting.id, item.id, StatementKind.RESERVATION, deputy.person_id, "", "Skäl"))
    assert reservation.name == deputy.name


def test_sealing_needs_signatures_and_decisions(store):
    meeting, _ = _started(store, "Beslut")
    problems = signing.seal_problems(store, meeting.id)
    assert any("no decision" in p for p in problems)
    assert any("secretary" in p for p in problems)
    decide_all(store, meeting.id)
    sign(store, meeting.id, DAY + dt.timedelta(days=3))
    assert signing.seal_problems(store, meeting.id) == []
    signing.seal(store, meeting.id)
    assert meetings.list_meetings(store, 2026)[0].status is MeetingStatus.SIGNED


def _sealed(store):
    return held_and_sealed(store, DAY, "Beslut")


def test_sealed_minutes_refuse_changes_through_the_services(store):
    meeting = _sealed(store)
    item = meetings.list_items(store, meeting.id)[8]
    for attempt in (
        lambda: meetings.update_item(store, dataclasses.replace(item, decision="Ändrat")),
        lambda: meetings.add_item(store, Item(0, meeting.id, 0, "Tillägg")),
        lambda: meetings.remove_item(store, item.id),
        lambda: meetings.update_meeting(store, dataclasses.replace(meeting, place="X")),
        lambda: minutes.start_minutes(store, meeting.id),
    ):
        with pytest.raises(ValidationError, match="sealed"):
            attempt()


def _rich_sealed(store):
    """A sealed meeting with rows in every sealed table."""
    from finsam_desktop.domain.meetings import Attachment, Motion

    meeting, attendees = _started(store, "Beslut")
    item = meetings.list_items(store, meeting.id)[8]
    meetings.add_attachment(store, Attachment(0, meeting.id, item.id, "Ansökan", "ans.pdf"))
    minutes.add_motion(store, Motion(0, meeting.id, item.id, 0, "Avslag", attendees[1].person_id))
    voters = [v.person_id for v in minutes.serving_for_item(store, item).voters]
    minutes.record_vote(store, Vote(0, meeting.id, item.id, VoteKind.OPEN, "ja", "nej"),
                        {p: Choice.YES for p in voters})
    minutes.add_statement(store, Statement(0, meeting.id, item.id, StatementKind.NOTE,
                                           attendees[0].person_id, "", "Anteckning"))
    other = meetings.list_items(store, meeting.id)[9]
    minutes.declare_jav(store, other.id, attendees[2].person_id)
    decide_all(store, meeting.id)
    sign(store, meeting.id, DAY + dt.timedelta(days=3))
    signing.seal(store, meeting.id)
    return meeting


@pytest.mark.parametrize("table", ["meetings", *SEALED_TABLES])
def test_sealed_rows_refuse_update_and_delete_in_sql(store, table):
    meeting = _rich_sealed(store)
    key = "id" if table == "meetings" else "meeting_id"
    rows = store.conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = ?",
                              [meeting.id]).fetchone()[0]
    assert rows > 0
    with pytest.raises(sqlite3.IntegrityError, match="sealed"):
        store.conn.execute(f"UPDATE {table} SET id = id WHERE {key} = ?", [meeting.id])
    with pytest.raises(sqlite3.IntegrityError, match="sealed"):
        store.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", [meeting.id])
    assert store.conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = ?",
                              [meeting.id]).fetchone()[0] == rows


def test_sealed_minutes_refuse_new_rows_in_sql(store):
    meeting = _sealed(store)
    item_id = meetings.list_items(store, meeting.id)[8].id
    with pytest.raises(sqlite3.IntegrityError, match="sealed"):
        store.conn.execute("INSERT INTO motions (meeting_id, item_id, position, text) "
                           "VALUES (?, ?, 9, 'inskjutet')", [meeting.id, item_id])
    with pytest.raises(sqlite3.IntegrityError, match="permanent"):
        store.conn.execute("DELETE FROM seals")


def test_tampering_with_triggers_dropped_is_detected_and_named(tmp_path):
    from finsam_desktop.services.maintenance import create_database

    path = tmp_path / "t.sqlite"
    store = create_database(path, "Förbundet", clock=fixed_clock())
    full_board(store, add_members(store))
    held_and_sealed(store, dt.date(2026, 2, 3), "A")
    held_and_sealed(store, dt.date(2026, 4, 7), "B")
    store.close()
    assert check_database(path).healthy
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER items_sealed_update")
    conn.execute("UPDATE items SET decision = 'Styrelsen avslår.' WHERE meeting_id = 2 "
                 "AND position = 9")
    conn.commit()
    conn.close()
    report = check_database(path)
    assert not report.healthy
    assert any("2026-04-07" in p and "changed after signing" in p for p in report.problems)
    assert not any("2026-02-03" in p for p in report.problems)
    assert any("items_sealed_update" in p for p in report.problems)


def test_a_removed_protocol_breaks_the_chain(tmp_path):
    from finsam_desktop.services.maintenance import create_database

    path = tmp_path / "t.sqlite"
    store = create_database(path, "Förbundet", clock=fixed_clock())
    full_board(store, add_members(store))
    for month in (2, 4, 6):
        held_and_sealed(store, dt.date(2026, month, 3), "A")
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER seals_no_delete")
    conn.execute("DELETE FROM seals WHERE seq = 2")
    conn.commit()
    conn.close()
    assert any("2026-06-03" in p for p in check_database(path).problems)


def test_posting_gives_the_appeal_period_and_legal_force(store):
    meeting = _sealed(store)
    signed = DAY + dt.timedelta(days=5)
    with pytest.raises(ValidationError, match="before the minutes were signed"):
        signing.post(store, meeting.id, signed - dt.timedelta(days=1))
    signing.post(store, meeting.id, signed + dt.timedelta(days=1))
    info = signing.posting_info(store, meeting.id)
    assert info.last_appeal_day == signed + dt.timedelta(days=22)
    assert info.final_from == info.last_appeal_day + dt.timedelta(days=1)


def test_a_correction_is_a_new_paragraph_referring_to_the_sealed_one(store):
    first = _sealed(store)
    target = meetings.list_items(store, first.id)[8]
    later = plan(store, DAY + dt.timedelta(days=40))
    item, _ = signing.add_correction(store, later.id, target.id, "Rätt belopp är 600 000 kr.")
    assert item.corrects_id == target.id and "§ 9" in item.title
    from finsam_desktop.services.reporting import minutes_report

    minutes.start_minutes(store, later.id)
    block = next(p for p in minutes_report(store, later.id).paragraphs if p.corrects)
    assert block.corrects == f"§ 9 ({DAY.isoformat()})"


def test_minutes_round_trip_through_the_exchange_format(tmp_path):
    from finsam_desktop.services.maintenance import create_database

    store = create_database(tmp_path / "a.sqlite", "Förbundet", clock=fixed_clock())
    full_board(store, add_members(store))
    held_and_sealed(store, DAY, "A")
    signing.post(store, 1, DAY + dt.timedelta(days=6))
    text = dump_database(store)
    assert {"meetings", "items", "seals", "postings"} <= set(json.loads(text)["tables"])
    copy = load_database(tmp_path / "b.sqlite", text, clock=fixed_clock())
    assert dump_database(copy) == text
    assert signing.verify_seals(copy) == []
    copy.close()
    store.close()


def test_information_items_cannot_be_reserved_against(store):
    meeting, attendees = _started(store)
    info = next(i for i in meetings.list_items(store, meeting.id)
                if i.kind is ItemKind.INFORMATION)
    with pytest.raises(ValidationError, match="decisions"):
        minutes.add_statement(store, Statement(0, meeting.id, info.id,
                                               StatementKind.RESERVATION,
                                               attendees[0].person_id, ""))


def test_editing_the_board_after_sealing_does_not_change_the_protocol(store):
    from finsam_desktop.domain.board import BoardFunction
    from finsam_desktop.services import board
    from finsam_desktop.services.reporting import minutes_report

    meeting, attendees = _started(store, "Beslut")
    member = attendees[0]
    deputy = next(a for a in attendees if a.role is AttendeeRole.DEPUTY
                  and a.member_id == member.member_id)
    minutes.update_attendee(store, dataclasses.replace(member, presence=Presence.APOLOGIES))
    minutes.update_attendee(store, dataclasses.replace(deputy, presence=Presence.PRESENT))
    decide_all(store, meeting.id)
    sign(store, meeting.id, DAY + dt.timedelta(days=3))
    signing.seal(store, meeting.id)
    before = minutes_report(store, meeting.id)
    seats = {s.person_id: s for s in board.list_seats(store)}
    board.update_seat(store, dataclasses.replace(seats[deputy.person_id],
                                                 term_to=DAY - dt.timedelta(days=1)),
                      allow_incomplete=True)
    board.update_seat(store, dataclasses.replace(seats[attendees[1].person_id],
                                                 function=BoardFunction.CHAIR))
    board.update_person(store, dataclasses.replace(store.board.people.get(member.person_id),
                                                   name="Nytt Namn"))
    after = minutes_report(store, meeting.id)
    assert after.decision_makers == before.decision_makers
    assert after.absent == before.absent
    assert any("tjg ers" in " ".join(line.notes) or "serving deputy" in " ".join(line.notes)
               for line in after.decision_makers)
    assert signing.verify_seals(store) == []


def test_people_and_seats_in_minutes_cannot_be_removed(store):
    from finsam_desktop.services import board

    _, attendees = _started(store)
    seat_id = attendees[0].seat_id
    with pytest.raises(ValidationError, match="minutes"):
        board.remove_seat(store, seat_id, allow_incomplete=True)
    staff_person = next(a.person_id for a in attendees if a.role is AttendeeRole.OTHER) \
        if any(a.role is AttendeeRole.OTHER for a in attendees) else attendees[0].person_id
    with pytest.raises(ValidationError, match="minutes"):
        board.remove_person(store, staff_person)


def test_check_notes_minutes_past_the_signing_deadline(tmp_path):
    from finsam_desktop.services.maintenance import create_database

    path = tmp_path / "late.sqlite"
    store = create_database(path, "Förbundet", clock=fixed_clock())
    full_board(store, add_members(store))
    meeting = plan(store, dt.date(2026, 10, 1))
    minutes.start_minutes(store, meeting.id)
    store.close()
    report = check_database(path)
    assert report.healthy
    assert any("2026-10-01" in n and "2026-10-15" in n for n in report.notes)


def test_a_later_column_does_not_break_existing_seals(store):
    """Migrations after 0002 may add columns to sealed tables; old seals must still verify."""
    from finsam_desktop.storage.sealing import SEALED_COLUMNS

    _sealed(store)
    assert signing.verify_seals(store) == []
    store.conn.execute("ALTER TABLE items ADD COLUMN later_column TEXT NOT NULL DEFAULT 'x'")
    assert signing.verify_seals(store) == []
    for table in ("meetings", *SEALED_TABLES):
        actual = [r[1] for r in store.conn.execute(f"PRAGMA table_info([{table}])")]
        assert set(SEALED_COLUMNS[table]) <= set(actual)
    missing = {t: set(r[1] for r in store.conn.execute(f"PRAGMA table_info([{t}])"))
               - set(SEALED_COLUMNS[t]) for t in ("meetings", *SEALED_TABLES)}
    assert missing == {t: ({"later_column"} if t == "items" else set()) for t in missing}
