"""Assemble the plain report data for the meeting documents (the PDFs never query).

Attendance lines are derived per paragraph: a deputy who served is listed among the
decision makers as "tjg ers för NN" (with the paragraphs when not all of them), a member
away for some paragraphs gets "ej § 91–97", remote participants "på distans".
"""

from __future__ import annotations

from collections import defaultdict

from finsam_desktop.domain.board import BoardFunction, SeatRole
from finsam_desktop.domain.meetings import (
    Attendee,
    AttendeeRole,
    Item,
    Meeting,
    Presence,
    StatementKind,
)
from finsam_desktop.domain.minutes_rules import format_numbers, is_present_on
from finsam_desktop.i18n import _
from finsam_desktop.reports import data as rd
from finsam_desktop.services import meetings, minutes, organisation, signing
from finsam_desktop.storage.store import Store


def agency_info(store: Store) -> rd.AgencyInfo:
    """Letterhead data of the agency."""
    agency = organisation.get_agency(store)
    return rd.AgencyInfo(agency.name, agency.org_number, agency.seat, agency.notice_place,
                         agency.minutes_kept_at)


def meeting_info(meeting: Meeting) -> rd.MeetingInfo:
    """When and where."""
    return rd.MeetingInfo(meeting.id, meeting.kind.value, meeting.date, meeting.start_time,
                          meeting.end_time, meeting.place, meeting.remote_link, _("The board"))


def notice_report(store: Store, meeting_id: int) -> rd.NoticeReport:
    """Summons with agenda (kallelse med föredragningslista)."""
    meeting = meetings.get_meeting(store, meeting_id)
    agenda = tuple(
        rd.AgendaEntry(item.position, item.title, item.kind.value, item.dnr, item.proposal,
                       tuple(a.title + (f" ({a.file_ref})" if a.file_ref else "")
                             for a in meetings.list_attachments(store, item.id)))
        for item in meetings.list_items(store, meeting_id))
    names = store.board.names()
    member_names = {m.id: m.name for m in store.organisation.members.all()}
    seats = store.board.seats_on(meeting.date)
    invited = tuple(rd.InvitedPerson(names[s.person_id], member_names.get(s.member_id, ""),
                                     s.role.value)
                    for s in sorted(seats, key=lambda s: (s.role != SeatRole.MEMBER, s.member_id)))
    chair = next((s for s in seats if s.function is BoardFunction.CHAIR), None)
    return rd.NoticeReport(agency_info(store), meeting_info(meeting), meeting.summoned_on,
                           agenda, invited, names[chair.person_id] if chair else "",
                           _("Chair") if chair else "")


def minutes_report(store: Store, meeting_id: int) -> rd.MinutesReport:
    """The whole protocol of a meeting as plain data."""
    meeting = meetings.get_meeting(store, meeting_id)
    items = meetings.list_items(store, meeting_id)
    attendees = minutes.list_attendance(store, meeting_id)
    served = _served(store, items)
    blocks = tuple(_paragraph(store, meeting, item, attendees) for item in items)
    decision, deputies, others, absent = _attendance_lines(store, meeting, attendees, served,
                                                           items)
    seal = signing.get_seal(store, meeting_id)
    posting = signing.posting_info(store, meeting_id)
    return rd.MinutesReport(
        agency=agency_info(store), meeting=meeting_info(meeting), decision_makers=decision,
        deputies_present=deputies, others_present=others, absent=absent, paragraphs=blocks,
        signers=tuple(rd.SignerLine(s.role.value, s.name, s.signed_on)
                      for s in signing.list_signers(store, meeting_id)),
        signing_time_place=meeting.signing_time_place,
        posting=rd.PostingInfo(posting.posted_on, posting.take_down_earliest,
                               posting.last_appeal_day) if posting else None,
        sealed=seal is not None, seal_hash=seal.chain_hash if seal else "",
        generated_on=store.today())


def _served(store: Store, items: list[Item]) -> dict[int, dict[int | None, set[int]]]:
    """person id → {person served for (None = own seat): {§ numbers}}; frozen once sealed."""
    result: dict[int, dict[int | None, set[int]]] = defaultdict(lambda: defaultdict(set))
    if not items:
        return result
    meeting = meetings.get_meeting(store, items[0].meeting_id)
    frozen = store.meetings.serving_of(meeting.id)
    if frozen:
        numbers = {i.id: meetings.number_of(meeting, i) for i in items}
        for row in frozen:
            result[row.person_id][row.serving_for_id].add(numbers[row.item_id] or 0)
        return result
    for item in items:
        number = meetings.number_of(meeting, item)
        if number is None:
            continue
        for voter in minutes.serving_for_item(store, item).voters:
            result[voter.person_id][voter.serving_for].add(number)
    return result


def _attendance_lines(store: Store, meeting: Meeting, attendees: list[Attendee],
                      served: dict[int, dict[int | None, set[int]]], items: list[Item]):  # type: ignore[no-untyped-def]
    all_numbers = {meetings.number_of(meeting, i) for i in items} - {None}
    names = {row.serving_for_id: row.serving_for_name
             for row in store.meetings.serving_of(meeting.id) if row.serving_for_id}
    names = names or store.board.names()
    decision, deputies, others, absent = [], [], [], []
    for a in attendees:
        if a.presence is not Presence.PRESENT:
            note = _("apologies") if a.presence is Presence.APOLOGIES else _("absent")
            if a.role is not AttendeeRole.OTHER:
                absent.append(rd.AttendeeLine(a.name, a.detail, (note,)))
            continue
        notes = _presence_notes(a, all_numbers)
        if a.role is AttendeeRole.OTHER:
            others.append(rd.AttendeeLine(a.name, a.detail, notes))
            continue
        own = served.get(a.person_id or 0, {})
        if a.role is AttendeeRole.MEMBER:
            label = _function_label(BoardFunction(a.function or "none"))
            decision.append(rd.AttendeeLine(a.name, a.detail, (*label, *notes)))
        elif own:
            serving_notes = tuple(_serving_note(names.get(for_id or 0, ""), numbers, all_numbers)
                                  for for_id, numbers in own.items())
            decision.append(rd.AttendeeLine(a.name, a.detail, (*serving_notes, *notes)))
        else:
            deputies.append(rd.AttendeeLine(a.name, a.detail, notes))
    return tuple(decision), tuple(deputies), tuple(others), tuple(absent)


def _function_label(function: BoardFunction) -> tuple[str, ...]:
    labels = {BoardFunction.CHAIR: _("chair"), BoardFunction.VICE_CHAIR_1: _("1st vice chair"),
              BoardFunction.VICE_CHAIR_2: _("2nd vice chair")}
    return (labels[function],) if function in labels else ()


def _serving_note(name: str, numbers: set[int], all_numbers: set[int]) -> str:
    if numbers >= all_numbers:
        return _("serving deputy for {name}").format(name=name)
    return _("serving deputy for {name}, § {numbers}").format(
        name=name, numbers=format_numbers(numbers))


def _presence_notes(attendee: Attendee, all_numbers: set[int]) -> tuple[str, ...]:
    notes = []
    away = {n for n in all_numbers if not is_present_on(attendee, n)}
    if away:
        notes.append(_("not § {numbers}").format(numbers=format_numbers(away)))
    if attendee.remote:
        notes.append(_("remote"))
    return tuple(notes)


def _paragraph(store: Store, meeting: Meeting, item: Item,
               attendees: list[Attendee]) -> rd.ParagraphBlock:
    number = meetings.number_of(meeting, item) or item.position
    statements = minutes.list_statements(store, item.id)
    return rd.ParagraphBlock(
        number=number, title=item.title, kind=item.kind.value, dnr=item.dnr,
        background=item.background, proposal=item.proposal,
        motions=tuple(rd.MotionLine(m.mover_name, m.text,
                                    tuple(x.strip() for x in m.seconded_by.split(",")
                                          if x.strip()), m.withdrawn)
                      for m in minutes.list_motions(store, item.id)),
        order_of_putting=item.order_of_putting,
        votes=tuple(_vote_block(store, vote, ballots)
                    for vote, ballots in minutes.list_votes(store, item.id)),
        decision=item.decision, outcome=item.outcome.value,
        jav=tuple(j.name for j in minutes.jav_of_item(store, item.id)),
        reservations=tuple(rd.StatementLine(s.name, s.text) for s in statements
                           if s.kind is StatementKind.RESERVATION),
        notes=tuple(rd.StatementLine(s.name, s.text) for s in statements
                    if s.kind is StatementKind.NOTE),
        absent=tuple(a.name for a in attendees if a.presence is Presence.PRESENT
                     and not is_present_on(a, number)),
        immediate=item.immediate, corrects=_corrects(store, item), notify=item.notify,
        appeal_instruction=item.appeal_instruction)


def _vote_block(store: Store, vote, ballots) -> rd.VoteBlock:  # type: ignore[no-untyped-def]
    from finsam_desktop.domain.minutes_rules import parse_majority_rules

    item = store.meetings.items.get(vote.item_id)
    rules = parse_majority_rules(organisation.get_charter(store).qualified_majority)
    fraction = rules.get(item.matter_type)
    return rd.VoteBlock(vote.kind.value, vote.yes_label, vote.no_label, vote.yes, vote.no,
                        vote.abstain, tuple(rd.BallotLine(b.name, b.choice.value) for b in ballots),
                        str(fraction) if fraction else "simple", vote.tie_break.value,
                        minutes.vote_winner(store, vote))


def _corrects(store: Store, item: Item) -> str:
    if item.corrects_id is None:
        return ""
    corrected = store.meetings.items.get(item.corrects_id)
    earlier = meetings.get_meeting(store, corrected.meeting_id)
    return f"§ {meetings.number_of(earlier, corrected)} ({earlier.date.isoformat()})"
