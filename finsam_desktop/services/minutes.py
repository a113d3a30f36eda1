"""Minuting a meeting (use cases): attendance, jäv, motions, votes, decisions, statements.

Who serves on a paragraph is derived (`domain.minutes_rules.serving_on`) from the board on
the meeting date, the attendance and the jäv recorded; a decision cannot be recorded on a
paragraph without a quorum, a reservation only by someone who took part in the decision.
"""

from __future__ import annotations

import dataclasses

from finsam_desktop.domain.board import SeatRole, StaffKind
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import (
    Attendee,
    AttendeeRole,
    Ballot,
    Choice,
    Item,
    ItemKind,
    Jav,
    Meeting,
    Motion,
    Outcome,
    Presence,
    Statement,
    StatementKind,
    Vote,
    VoteKind,
)
from finsam_desktop.domain.minutes_rules import (
    Serving,
    decide_vote,
    parse_majority_rules,
    parse_numbers,
    required_majority,
    serving_on,
)
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.storage import search_repo
from finsam_desktop.storage.store import Store


def start_minutes(store: Store, meeting_id: int) -> Changes:
    """Mark the meeting held: number its items and list the board and office as attendees."""
    with store.user_action():
        meeting = meetings.require_unsealed(store, meeting_id)
        if meeting.held:
            return Changes()
        start, end = meetings.numbering_period(store, meeting)
        later = store.meetings.numbered_after(meeting, start, end)
        if later:
            raise ValidationError(_("The minutes of the later meeting on {date} are already "
                                    "numbered; start the minutes in date order.").format(
                                        date=later[0].date.isoformat()))
        last = store.meetings.last_number_between(start, end, exclude=meeting_id)
        after = dataclasses.replace(meeting, held=True, first_number=(last or 0) + 1)
        store.meetings.meetings.update(after)
        _prefill_attendance(store, after)
        store.audit.log("minutes.started", "meetings", meeting_id, before=meeting, after=after)
    return Changes.of("meetings", "items", "attendance", ids=[meeting_id])


def _prefill_attendance(store: Store, meeting: Meeting) -> None:
    known = {a.person_id for a in store.meetings.attendance_of(meeting.id)}
    names = store.board.names()
    members = {m.id: m.name for m in store.organisation.members.all()}
    for seat in store.board.seats_on(meeting.date):
        if seat.person_id in known:
            continue
        role = AttendeeRole.MEMBER if seat.role is SeatRole.MEMBER else AttendeeRole.DEPUTY
        presence = Presence.PRESENT if role is AttendeeRole.MEMBER else Presence.ABSENT
        store.meetings.attendance.insert(Attendee(
            0, meeting.id, role, names[seat.person_id], seat.person_id, seat.id,
            seat.member_id, members.get(seat.member_id, ""), presence,
            function=seat.function.value if seat.function.value != "none" else ""))
        known.add(seat.person_id)
    for role in store.board.staff.all():
        if role.is_active_on(meeting.date) and role.person_id not in known and role.kind in (
                StaffKind.DIRECTOR, StaffKind.SECRETARY):
            person = store.board.people.get(role.person_id)
            store.meetings.attendance.insert(Attendee(
                0, meeting.id, AttendeeRole.OTHER, person.name, person.id,
                detail=role.title or person.title))
            known.add(role.person_id)


def list_attendance(store: Store, meeting_id: int) -> list[Attendee]:
    """Ledamöter, ersättare and others recorded at the meeting, in that order."""
    order = {AttendeeRole.MEMBER: 0, AttendeeRole.DEPUTY: 1, AttendeeRole.OTHER: 2}
    rows = store.meetings.attendance_of(meeting_id)
    return sorted(rows, key=lambda a: (order[a.role], a.member_id or 0, a.id))


def update_attendee(store: Store, attendee: Attendee) -> tuple[Attendee, Changes]:
    """Change presence, remote participation or the paragraphs someone missed."""
    parse_numbers(attendee.not_present)  # refuses malformed ranges
    with store.user_action():
        before = store.meetings.attendance.get(attendee.id)
        meetings.require_unsealed(store, before.meeting_id)
        clean = dataclasses.replace(
            before, presence=attendee.presence, remote=attendee.remote,
            not_present=attendee.not_present.strip(),
            name=check_text(attendee.name, field=_("Name"), required=True, max_length=200),
            detail=check_text(attendee.detail, field=_("Title"), max_length=200))
        store.meetings.attendance.update(clean)
        store.audit.log("attendance.updated", "attendance", attendee.id, before=before,
                        after=clean)
    return before, Changes.of("attendance", ids=[attendee.id])


def add_other(store: Store, meeting_id: int, name: str, title: str = "",
              attendee_id: int = 0) -> tuple[Attendee, Changes]:
    """Record someone else present (an official, an invited speaker)."""
    clean_name = check_text(name, field=_("Name"), required=True, max_length=200)
    with store.user_action():
        meetings.require_unsealed(store, meeting_id)
        attendee = Attendee(attendee_id, meeting_id, AttendeeRole.OTHER, clean_name,
                            detail=check_text(title, field=_("Title"), max_length=200))
        new_id = store.meetings.attendance.insert(attendee)
        added = dataclasses.replace(attendee, id=new_id)
        store.audit.log("attendance.added", "attendance", new_id, after=added)
    return added, Changes.of("attendance", ids=[new_id])


def remove_attendee(store: Store, attendee_id: int) -> tuple[Attendee, Changes]:
    """Remove someone listed among others present (board members are marked absent instead)."""
    with store.user_action():
        before = store.meetings.attendance.get(attendee_id)
        meetings.require_unsealed(store, before.meeting_id)
        if before.role is not AttendeeRole.OTHER:
            raise ValidationError(_("Board members stay on the list; mark them absent instead."))
        store.meetings.attendance.delete(attendee_id)
        store.audit.log("attendance.removed", "attendance", attendee_id, before=before)
    return before, Changes.of("attendance", ids=[attendee_id])


# Serving and quorum -------------------------------------------------------------------------

def serving_for_item(store: Store, item: Item) -> Serving:
    """Who serves on the paragraph and whether there is a quorum."""
    meeting = store.meetings.meetings.get(item.meeting_id)
    jav = {j.person_id for j in store.meetings.jav_of_meeting(meeting.id) if j.item_id == item.id}
    return serving_on(meetings.number_of(meeting, item), store.board.seats_on(meeting.date),
                      store.meetings.attendance_of(meeting.id), jav, store.board.names())


def serving_for_meeting(store: Store, meeting_id: int) -> Serving:
    """Who serves at the start of the meeting (ignoring absences from single paragraphs)."""
    meeting = store.meetings.meetings.get(meeting_id)
    return serving_on(None, store.board.seats_on(meeting.date),
                      store.meetings.attendance_of(meeting_id), set(), store.board.names())


def check_outcome(store: Store, item: Item) -> None:
    """Refuse recording a decision on a paragraph without a quorum."""
    meeting = store.meetings.meetings.get(item.meeting_id)
    if item.outcome in (Outcome.DECIDED, Outcome.REFERRED_BACK):
        if not meeting.held:
            raise ValidationError(_("Start the minutes before recording decisions."))
        serving = serving_for_item(store, item)
        if not serving.has_quorum:
            raise ValidationError(_(
                "No quorum on this paragraph: {n} of {size} members serve, more than half are "
                "needed. The decision cannot be recorded.").format(
                    n=len(serving.voters), size=serving.board_size))


# Jäv ----------------------------------------------------------------------------------------

def declare_jav(store: Store, item_id: int, person_id: int) -> tuple[Jav, Changes]:
    """Record that a person declared jäv on a paragraph (they leave vote and quorum)."""
    with store.user_action():
        item = store.meetings.items.get(item_id)
        meetings.require_unsealed(store, item.meeting_id)
        attendees = {a.person_id: a for a in store.meetings.attendance_of(item.meeting_id)}
        if person_id not in attendees or attendees[person_id].role is AttendeeRole.OTHER:
            raise ValidationError(_("Only a board member or deputy at the meeting can declare "
                                    "jäv."))
        jav = Jav(0, item.meeting_id, item_id, person_id, attendees[person_id].name)
        new_id = store.meetings.jav.insert(jav)
        added = dataclasses.replace(jav, id=new_id)
        store.audit.log("jav.declared", "jav", new_id, after=added)
    return added, Changes.of("jav", ids=[new_id])


def withdraw_jav(store: Store, jav_id: int) -> tuple[Jav, Changes]:
    """Remove a jäv recorded by mistake."""
    return meetings.remove_record(store, store.meetings.jav, jav_id, "jav.withdrawn")


def jav_of_item(store: Store, item_id: int) -> list[Jav]:
    """Jäv declared on one paragraph."""
    item = store.meetings.items.get(item_id)
    return [j for j in store.meetings.jav_of_meeting(item.meeting_id) if j.item_id == item_id]


# Motions ------------------------------------------------------------------------------------

def add_motion(store: Store, motion: Motion) -> tuple[Motion, Changes]:
    """Record a motion (yrkande); `mover_id` None means the proposal in the agenda."""
    text = check_text(motion.text, field=_("Motion"), required=True, max_length=100_000)
    with store.user_action():
        item = store.meetings.items.get(motion.item_id)
        meetings.require_unsealed(store, item.meeting_id)
        mover = store.board.people.get(motion.mover_id).name if motion.mover_id else ""
        position = motion.position or len(store.meetings.motions_of(item.id)) + 1
        clean = dataclasses.replace(motion, meeting_id=item.meeting_id, text=text,
                                    mover_name=mover, position=position,
                                    seconded_by=check_text(motion.seconded_by,
                                                           field=_("Seconded by"),
                                                           max_length=500))
        new_id = store.meetings.motions.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        search_repo.reindex(store.db, [item.id])
        store.audit.log("motion.added", "motions", new_id, after=added)
    return added, Changes.of("motions", ids=[new_id])


def update_motion(store: Store, motion: Motion) -> tuple[Motion, Changes]:
    """Change a motion's text, seconding or withdrawal."""
    with store.user_action():
        before = store.meetings.motions.get(motion.id)
        meetings.require_unsealed(store, before.meeting_id)
        clean = dataclasses.replace(
            before, text=check_text(motion.text, field=_("Motion"), required=True,
                                    max_length=100_000),
            seconded_by=check_text(motion.seconded_by, field=_("Seconded by"), max_length=500),
            withdrawn=motion.withdrawn)
        store.meetings.motions.update(clean)
        search_repo.reindex(store.db, [before.item_id])
        store.audit.log("motion.updated", "motions", motion.id, before=before, after=clean)
    return before, Changes.of("motions", ids=[motion.id])


def remove_motion(store: Store, motion_id: int) -> tuple[Motion, Changes]:
    """Delete a motion entered by mistake."""
    with store.user_action():
        result = meetings.remove_record(store, store.meetings.motions, motion_id,
                                        "motion.removed")
        search_repo.reindex(store.db, [result[0].item_id])
    return result


def list_motions(store: Store, item_id: int) -> list[Motion]:
    """Motions of a paragraph in order."""
    return store.meetings.motions_of(item_id)


# Votes --------------------------------------------------------------------------------------

def record_vote(store: Store, vote: Vote,
                ballots: dict[int, Choice] | None = None) -> tuple[Vote, Changes]:
    """Record a vote: open with a ballot per serving voter, or closed with counts.

    The result follows the charter's majority rule for the paragraph's matter type; a tie
    needs `vote.tie_winner` (the chair's casting vote, or the lot in elections/staff).
    """
    with store.user_action():
        item = store.meetings.items.get(vote.item_id)
        meetings.require_unsealed(store, item.meeting_id)
        serving = serving_for_item(store, item)
        if not serving.has_quorum:
            raise ValidationError(_("No quorum on this paragraph; a vote cannot be held."))
        clean = _count_vote(store, item, vote, ballots or {}, serving)
        new_id = store.meetings.votes.insert(clean)
        voters = {v.person_id: v.name for v in serving.voters}
        for person_id, choice in (ballots or {}).items():
            store.meetings.ballots.insert(Ballot(0, item.meeting_id, new_id, person_id,
                                                 voters[person_id], choice))
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("vote.recorded", "votes", new_id, after=added)
    return added, Changes.of("votes", "ballots", ids=[new_id])


def _count_vote(store: Store, item: Item, vote: Vote, ballots: dict[int, Choice],
                serving: Serving) -> Vote:
    labels = dict(yes_label=check_text(vote.yes_label, field=_("Yes means"), required=True,
                                       max_length=1000),
                  no_label=check_text(vote.no_label, field=_("No means"), required=True,
                                      max_length=1000))
    if vote.kind is VoteKind.OPEN:
        unknown = set(ballots) - serving.person_ids()
        if unknown:
            raise ValidationError(_("Only members serving on the paragraph can vote."))
        counts = {c: sum(1 for b in ballots.values() if b is c) for c in Choice}
        yes, no, abstain = counts[Choice.YES], counts[Choice.NO], counts[Choice.ABSTAIN]
    else:
        yes, no, abstain = vote.yes, vote.no, vote.abstain
    if yes + no + abstain > len(serving.voters) or min(yes, no, abstain) < 0:
        raise ValidationError(_("More votes than members serving ({n}).").format(
            n=len(serving.voters)))
    rules = parse_majority_rules(organisation.get_charter(store).qualified_majority)
    outcome = decide_vote(yes=yes, no=no, voters=len(serving.voters),
                          majority=required_majority(item.matter_type, rules),
                          matter_type=item.matter_type, tie_winner=vote.tie_winner)
    return dataclasses.replace(vote, meeting_id=item.meeting_id, yes=yes, no=no,
                               abstain=abstain, tie_break=outcome.tie_break,
                               tie_winner=outcome.winner if outcome.tie else "", **labels)


def vote_winner(store: Store, vote: Vote) -> str:
    """"yes" or "no": the side that won the vote."""
    item = store.meetings.items.get(vote.item_id)
    if vote.tie_winner:
        return vote.tie_winner
    rules = parse_majority_rules(organisation.get_charter(store).qualified_majority)
    serving = len(serving_for_item(store, item).voters)
    return decide_vote(yes=vote.yes, no=vote.no, voters=serving,
                       majority=required_majority(item.matter_type, rules),
                       matter_type=item.matter_type, tie_winner="yes").winner


def remove_vote(store: Store, vote_id: int) -> tuple[Vote, Changes]:
    """Delete a vote and its ballots."""
    with store.user_action():
        before = store.meetings.votes.get(vote_id)
        meetings.require_unsealed(store, before.meeting_id)
        store.meetings.delete_where("ballots", "vote_id = :v", v=vote_id)
        store.meetings.votes.delete(vote_id)
        store.audit.log("vote.removed", "votes", vote_id, before=before)
    return before, Changes.of("votes", "ballots", ids=[vote_id])


def list_votes(store: Store, item_id: int) -> list[tuple[Vote, list[Ballot]]]:
    """Votes of a paragraph with their ballots."""
    return [(v, store.meetings.ballots_of(v.id)) for v in store.meetings.votes_of(item_id)]


# Reservations and protocol notes ------------------------------------------------------------

def add_statement(store: Store, statement: Statement) -> tuple[Statement, Changes]:
    """Record a reservation (only by someone who took part in the decision) or a note."""
    text = check_text(statement.text, field=_("Text"), max_length=100_000)
    if statement.received_on is not None:
        check_date(statement.received_on)
    with store.user_action():
        item = store.meetings.items.get(statement.item_id)
        meetings.require_unsealed(store, item.meeting_id)
        name = _statement_author(store, item, statement)
        clean = dataclasses.replace(statement, meeting_id=item.meeting_id, name=name, text=text)
        new_id = store.meetings.statements.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        search_repo.reindex(store.db, [item.id])
        store.audit.log(f"{statement.kind.value}.added", "statements", new_id, after=added)
    return added, Changes.of("statements", ids=[new_id])


def _statement_author(store: Store, item: Item, statement: Statement) -> str:
    if statement.kind is StatementKind.RESERVATION:
        if item.kind is not ItemKind.DECISION:
            raise ValidationError(_("Reservations can only be made against decisions."))
        voters = {v.person_id: v.name for v in serving_for_item(store, item).voters}
        if statement.person_id not in voters:
            raise ValidationError(_("Only someone who took part in the decision can reserve "
                                    "against it."))
        return voters[statement.person_id]
    attendees = {a.person_id: a.name for a in store.meetings.attendance_of(item.meeting_id)
                 if a.presence is Presence.PRESENT}
    if statement.person_id not in attendees:
        raise ValidationError(_("Only someone present can add a protocol note."))
    return attendees[statement.person_id]


def update_statement(store: Store, statement: Statement) -> tuple[Statement, Changes]:
    """Change the text (e.g. the written reason that arrives before signing)."""
    with store.user_action():
        before = store.meetings.statements.get(statement.id)
        meetings.require_unsealed(store, before.meeting_id)
        if statement.received_on is not None:
            check_date(statement.received_on)
        clean = dataclasses.replace(before, text=check_text(statement.text, field=_("Text"),
                                                            max_length=100_000),
                                    received_on=statement.received_on)
        store.meetings.statements.update(clean)
        search_repo.reindex(store.db, [before.item_id])
        store.audit.log("statement.updated", "statements", statement.id, before=before,
                        after=clean)
    return before, Changes.of("statements", ids=[statement.id])


def remove_statement(store: Store, statement_id: int) -> tuple[Statement, Changes]:
    """Delete a reservation or note."""
    with store.user_action():
        result = meetings.remove_record(store, store.meetings.statements, statement_id,
                                        "statement.removed")
        search_repo.reindex(store.db, [result[0].item_id])
    return result


def list_statements(store: Store, item_id: int) -> list[Statement]:
    """Reservations and notes of a paragraph."""
    return store.meetings.statements_of(item_id)
