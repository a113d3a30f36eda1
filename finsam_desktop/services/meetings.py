"""Meeting plan, summons and agenda (use cases).

Every write checks that the meeting's minutes are not sealed (the database refuses it too),
runs in one transaction with its audit entry and returns `Changes`. § numbers: a meeting's
items are numbered from `first_number`, set when its minutes are started, continuing the
numbering period (calendar year, term or meeting) set in the charter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.charter import Numbering, current_term_start
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Attachment, Item, ItemKind, Meeting, MeetingStatus
from finsam_desktop.domain.minutes_rules import status_of, summons_is_late
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import organisation
from finsam_desktop.storage import search_repo
from finsam_desktop.storage.mapping import TableMapper
from finsam_desktop.storage.store import Store

MEETING_TABLES = ("meetings", "items")

# DOMAIN.md 8.3: standard opening and closing items, pre-filled and editable.
STANDARD_OPENING = (
    (N_("Opening of the meeting"), ItemKind.INFORMATION),
    (N_("Roll call and quorum"), ItemKind.INFORMATION),
    (N_("Election of adjusters and time and place for signing"), ItemKind.DECISION),
    (N_("Approval of the agenda"), ItemKind.DECISION),
    (N_("Previous minutes"), ItemKind.REPORTED),
    (N_("Report of delegated decisions"), ItemKind.REPORTED),
    (N_("Financial report and forecast"), ItemKind.INFORMATION),
    (N_("The director's report"), ItemKind.INFORMATION),
)
STANDARD_CLOSING = (
    (N_("Announcements"), ItemKind.INFORMATION),
    (N_("Other matters"), ItemKind.INFORMATION),
    (N_("Closing of the meeting"), ItemKind.INFORMATION),
)


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting with what the lists show about it."""

    meeting: Meeting
    status: MeetingStatus
    item_count: int
    first_number: int | None
    last_number: int | None


def remove_record[T](store: Store, mapper: TableMapper[T], record_id: int,
                     action: str) -> tuple[T, Changes]:
    """Delete one row of a meeting's minutes (refused once sealed); returns it for undo."""
    with store.user_action():
        before = mapper.get(record_id)
        require_unsealed(store, before.meeting_id)  # type: ignore[attr-defined]
        mapper.delete(record_id)
        store.audit.log(action, mapper.table, record_id, before=before)
    return before, Changes.of(mapper.table, ids=[record_id])


def is_sealed(store: Store, meeting_id: int) -> bool:
    """True once the minutes are signed and sealed."""
    return store.meetings.seal_of(meeting_id) is not None


def require_unsealed(store: Store, meeting_id: int) -> Meeting:
    """The meeting, or ValidationError if its minutes are sealed."""
    meeting = store.meetings.meetings.get(meeting_id)
    if is_sealed(store, meeting_id):
        raise ValidationError(_("The minutes of {date} are signed and sealed; they cannot be "
                                "changed. Record a correction in a later meeting instead.")
                              .format(date=meeting.date.isoformat()))
    return meeting


def status(store: Store, meeting: Meeting, *, appeal_days: int | None = None) -> MeetingStatus:
    """The meeting's status, derived from what has been recorded."""
    posting = store.meetings.posting_of(meeting.id)
    days = organisation.get_charter(store).appeal_period_days if appeal_days is None \
        else appeal_days
    return status_of(summoned=meeting.summoned_on is not None, held=meeting.held,
                     sealed=is_sealed(store, meeting.id),
                     posted_on=posting.posted_on if posting else None,
                     appeal_days=days, today=store.today())


def list_meetings(store: Store, year: int | None = None) -> list[MeetingSummary]:
    """Meetings of a year (all when None) with status and § range."""
    result = []
    counts = store.meetings.item_counts()
    days = organisation.get_charter(store).appeal_period_days
    for meeting in store.meetings.in_year(year):
        count = counts.get(meeting.id, 0)
        first = meeting.first_number
        last = first + count - 1 if first is not None and count else None
        result.append(MeetingSummary(meeting, status(store, meeting, appeal_days=days), count,
                                     first, last))
    return result


def years(store: Store) -> list[int]:
    """Years with meetings."""
    return store.meetings.years()


def get_meeting(store: Store, meeting_id: int) -> Meeting:
    """One meeting."""
    return store.meetings.meetings.get(meeting_id)


def list_items(store: Store, meeting_id: int) -> list[Item]:
    """The meeting's agenda items / paragraphs in order."""
    return store.meetings.items_of(meeting_id)


def number_of(meeting: Meeting, item: Item) -> int | None:
    """The § number of an item (None before the minutes are started)."""
    return None if meeting.first_number is None else meeting.first_number + item.position - 1


def _clean_meeting(meeting: Meeting) -> Meeting:
    check_date(meeting.date)
    if meeting.summoned_on is not None:
        check_date(meeting.summoned_on)
    for value in (meeting.start_time, meeting.end_time):
        if value and not _valid_time(value):
            raise ValidationError(_("“{text}” is not a time; write it as HH:MM, e.g. 09:00.")
                                  .format(text=value))
    if meeting.start_time and meeting.end_time and meeting.end_time < meeting.start_time:
        raise ValidationError(_("The meeting cannot end before it starts."))
    return dataclasses.replace(
        meeting,
        place=check_text(meeting.place, field=_("Place"), max_length=300),
        remote_link=check_text(meeting.remote_link, field=_("Remote link"), max_length=500),
        signing_time_place=check_text(meeting.signing_time_place,
                                      field=_("Time and place of signing"), max_length=300),
        note=check_text(meeting.note, field=_("Note"), max_length=2000),
    )


def _valid_time(text: str) -> bool:
    try:
        dt.time.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 5


def plan_meeting(store: Store, meeting: Meeting, *,
                 standard_items: bool = True) -> tuple[Meeting, Changes]:
    """Add a meeting to the plan, with the standard opening and closing items by default."""
    clean = _clean_meeting(dataclasses.replace(meeting, held=False, first_number=None))
    with store.user_action():
        new_id = store.meetings.meetings.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        if standard_items:
            for position, (title, kind) in enumerate((*STANDARD_OPENING, *STANDARD_CLOSING), 1):
                item_id = store.meetings.items.insert(Item(0, new_id, position, _(title), kind))
                if title == "Report of delegated decisions":
                    store.decisions.set_role(item_id, "delegation_report")
                search_repo.reindex(store.db, [item_id])
        store.audit.log("meeting.planned", "meetings", new_id, after=added)
        if standard_items:
            from finsam_desktop.services import delegation

            delegation.hand_over_pending(store)
    return added, Changes.of(*MEETING_TABLES, ids=[new_id])


def update_meeting(store: Store, meeting: Meeting) -> tuple[Meeting, Changes]:
    """Change date, time, place or signing details; returns the meeting as it was."""
    with store.user_action():
        before = require_unsealed(store, meeting.id)
        clean = _clean_meeting(dataclasses.replace(meeting, held=before.held,
                                                   first_number=before.first_number))
        if before.first_number is not None and clean.date.year != before.date.year:
            raise ValidationError(_("The minutes are numbered within {year}; the date cannot "
                                    "move to another year.").format(year=before.date.year))
        store.meetings.meetings.update(clean)
        store.audit.log("meeting.updated", "meetings", meeting.id, before=before, after=clean)
    return before, Changes.of("meetings", ids=[meeting.id])


def remove_meeting(store: Store, meeting_id: int) -> Changes:
    """Delete a planned meeting and its agenda (not once minutes have been started)."""
    with store.user_action():
        meeting = require_unsealed(store, meeting_id)
        if meeting.held:
            raise ValidationError(_("Minutes have been started for this meeting; it cannot be "
                                    "removed."))
        item_ids = [i.id for i in store.meetings.items_of(meeting_id)]
        for item_id in item_ids:
            store.decisions.unlink_item(item_id)
        for table in ("attachments", "items"):
            store.meetings.delete_where(table, "meeting_id = :m", m=meeting_id)
        search_repo.reindex(store.db, item_ids)
        store.meetings.meetings.delete(meeting_id)
        store.audit.log("meeting.removed", "meetings", meeting_id, before=meeting)
    return Changes.of(*MEETING_TABLES, "attachments", ids=[meeting_id])


def summon(store: Store, meeting_id: int, on: dt.date) -> tuple[bool, Changes]:
    """Record that the summons went out on `on`; True if later than the lead time."""
    check_date(on)
    with store.user_action():
        before = require_unsealed(store, meeting_id)
        after = dataclasses.replace(before, summoned_on=on)
        store.meetings.meetings.update(after)
        store.audit.log("meeting.summoned", "meetings", meeting_id, before=before, after=after)
    lead = organisation.get_charter(store).summons_lead_days
    return summons_is_late(before.date, on, lead), Changes.of("meetings", ids=[meeting_id])


def summons_late(store: Store, meeting: Meeting, on: dt.date | None = None) -> bool:
    """True if a summons sent on `on` (default: today) is later than the lead time."""
    lead = organisation.get_charter(store).summons_lead_days
    return summons_is_late(meeting.date, on or store.today(), lead)


# Agenda items -------------------------------------------------------------------------------

def _clean_item(item: Item) -> Item:
    return dataclasses.replace(
        item,
        title=check_text(item.title, field=_("Title"), required=True, max_length=500),
        dnr=check_text(item.dnr, field=_("Reg. no. (Dnr)"), max_length=100),
        proposal=check_text(item.proposal, field=_("Proposed decision"), max_length=200_000),
        background=check_text(item.background, field=_("Background"), max_length=500_000),
        decision=check_text(item.decision, field=_("Decision"), max_length=200_000),
        order_of_putting=check_text(item.order_of_putting, field=_("Order of putting"),
                                    max_length=20_000),
        notify=check_text(item.notify, field=_("Notify"), max_length=2000),
        matter_type=check_text(item.matter_type, field=_("Matter type"), required=True,
                               max_length=100).lower(),
    )


def _check_numbering_room(store: Store, meeting: Meeting) -> None:
    """Adding an item to numbered minutes shifts § numbers: refuse if later minutes use them."""
    if meeting.first_number is None:
        return
    start, end = numbering_period(store, meeting)
    later = store.meetings.numbered_after(meeting, start, end)
    if later:
        raise ValidationError(_("Paragraph numbers after this meeting are already used by the "
                                "minutes of {date}; add the item to that meeting instead.")
                              .format(date=later[0].date.isoformat()))


def add_item(store: Store, item: Item) -> tuple[Item, Changes]:
    """Add an agenda item at `item.position` (0 = last); later items move down."""
    clean = _clean_item(item)
    with store.user_action():
        meeting = require_unsealed(store, item.meeting_id)
        _check_numbering_room(store, meeting)
        count = len(store.meetings.items_of(meeting.id))
        position = clean.position if 1 <= clean.position <= count else count + 1
        if position <= count:
            store.meetings.shift_positions(meeting.id, position, +1)
        new_id = store.meetings.items.insert(dataclasses.replace(clean, position=position))
        added = dataclasses.replace(clean, id=new_id, position=position)
        search_repo.reindex(store.db, [new_id])
        store.audit.log("item.added", "items", new_id, after=added)
    return added, Changes.of("items", ids=[new_id])


def update_item(store: Store, item: Item) -> tuple[Item, Changes]:
    """Change an item's text or minutes; returns it as it was (position is kept)."""
    from finsam_desktop.services import minutes

    with store.user_action():
        before = store.meetings.items.get(item.id)
        require_unsealed(store, before.meeting_id)
        clean = _clean_item(dataclasses.replace(item, meeting_id=before.meeting_id,
                                                position=before.position))
        minutes.check_outcome(store, clean)
        store.meetings.items.update(clean)
        search_repo.reindex(store.db, [item.id])
        store.audit.log("item.updated", "items", item.id, before=before, after=clean)
    return before, Changes.of("items", ids=[item.id])


def remove_item(store: Store, item_id: int) -> tuple[Item, Changes]:
    """Delete an item and what was minuted in it; later items move up."""
    with store.user_action():
        before = store.meetings.items.get(item_id)
        meeting = require_unsealed(store, before.meeting_id)
        _check_numbering_room(store, meeting)
        _delete_item_rows(store, item_id)
        store.decisions.unlink_item(item_id)
        store.meetings.items.delete(item_id)
        search_repo.reindex(store.db, [item_id])
        store.meetings.shift_positions(meeting.id, before.position + 1, -1)
        store.audit.log("item.removed", "items", item_id, before=before)
    return before, Changes.of("items", "motions", "votes", "statements", "jav", ids=[item_id])


def _delete_item_rows(store: Store, item_id: int) -> None:
    repo = store.meetings
    repo.delete_where("ballots", "vote_id IN (SELECT id FROM votes WHERE item_id = :i)", i=item_id)
    for table in ("votes", "motions", "statements", "jav", "attachments"):
        repo.delete_where(table, "item_id = :i", i=item_id)


def move_item(store: Store, item_id: int, position: int) -> tuple[int, Changes]:
    """Move an item to `position`; returns its old position (for undo)."""
    with store.user_action():
        item = store.meetings.items.get(item_id)
        require_unsealed(store, item.meeting_id)
        count = len(store.meetings.items_of(item.meeting_id))
        target = max(1, min(position, count))
        if target != item.position:
            store.meetings.items.update(dataclasses.replace(item, position=count + 100_001))
            store.meetings.shift_positions(item.meeting_id, item.position + 1, -1)
            store.meetings.shift_positions(item.meeting_id, target, +1)
            moved = store.meetings.items.get(item_id)
            store.meetings.items.update(dataclasses.replace(moved, position=target))
            store.audit.log("item.moved", "items", item_id, before={"position": item.position},
                            after={"position": target})
    return item.position, Changes.of("items", ids=[item_id])


def add_attachment(store: Store, attachment: Attachment) -> tuple[Attachment, Changes]:
    """Attach a document to an item by file reference."""
    title = check_text(attachment.title, field=_("Title"), required=True, max_length=300)
    ref = check_text(attachment.file_ref, field=_("File"), max_length=1000)
    with store.user_action():
        item = store.meetings.items.get(attachment.item_id)
        require_unsealed(store, item.meeting_id)
        clean = dataclasses.replace(attachment, meeting_id=item.meeting_id, title=title,
                                    file_ref=ref)
        new_id = store.meetings.attachments.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("attachment.added", "attachments", new_id, after=added)
    return added, Changes.of("attachments", ids=[new_id])


def remove_attachment(store: Store, attachment_id: int) -> tuple[Attachment, Changes]:
    """Remove an attachment reference."""
    return remove_record(store, store.meetings.attachments, attachment_id, "attachment.removed")


def list_attachments(store: Store, item_id: int) -> list[Attachment]:
    """Attachments of an item."""
    return store.meetings.attachments_of(item_id)


def numbering_period(store: Store, meeting: Meeting) -> tuple[str, str]:
    """[start, end) dates of the numbering period the meeting belongs to."""
    charter = organisation.get_charter(store)
    if charter.paragraph_numbering is Numbering.MEETING:
        day = meeting.date.isoformat()
        return day, day
    if charter.paragraph_numbering is Numbering.TERM:
        start = current_term_start(charter, meeting.date)
        end = start.replace(year=start.year + charter.term_length_years)
        return start.isoformat(), end.isoformat()
    return f"{meeting.date.year:04d}-01-01", f"{meeting.date.year + 1:04d}-01-01"


def numbered_decisions(store: Store, years: range | None = None) -> list[tuple[int, str]]:
    """Numbered decision paragraphs (not the routine opening and closing items) of meetings
    in `years` (default: all), latest first, as (item id, "§ 12 2025-11-20: title") — the
    choices when a budget, an activity or an annual report is linked to its decision."""
    from finsam_desktop.i18n import translate_to

    routine = {translate_to(language, title).casefold() for language in ("sv", "en")
               for title, _kind in (*STANDARD_OPENING, *STANDARD_CLOSING)}
    found = store.meetings.meetings.all() if years is None else \
        [m for year in years for m in store.meetings.in_year(year)]
    choices = []
    for meeting in sorted(found, key=lambda m: m.date, reverse=True):
        for item in store.meetings.items_of(meeting.id):
            number = number_of(meeting, item)
            if item.kind is ItemKind.DECISION and number is not None \
                    and item.title.casefold() not in routine:
                choices.append((item.id, _("§ {number} {date}: {title}").format(
                    number=number, date=meeting.date.isoformat(), title=item.title)))
    return choices
