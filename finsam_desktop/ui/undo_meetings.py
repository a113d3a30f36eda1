"""Undoable edits of meetings and minutes (see `ui.undo` for the pattern).

Re-created records keep their ids, so later commands on the stack still match. Jäv is
tracked by (paragraph, person) rather than by id. Not undoable, on purpose: starting the
minutes (it numbers the paragraphs), choosing signers, sealing and posting; the panel asks
first where that matters and clears the stack after sealing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import (
    Attachment,
    Ballot,
    Choice,
    Item,
    Meeting,
    Vote,
)
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, minutes, signing
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand, _Add, _Remove, _Update

# Meetings -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Agenda:
    """Everything `remove_meeting` deletes, to put back on undo."""

    meeting: Meeting
    items: list[Item]
    attachments: list[Attachment]


def _capture(ctx: AppContext, meeting_id: int) -> _Agenda:
    store = ctx.require_store()
    items = meetings.list_items(store, meeting_id)
    return _Agenda(meetings.get_meeting(store, meeting_id), items,
                   [a for i in items for a in meetings.list_attachments(store, i.id)])


def _restore(ctx: AppContext, agenda: _Agenda) -> Changes:
    store = ctx.require_store()
    changes = meetings.plan_meeting(store, agenda.meeting, standard_items=False)[1]
    for item in sorted(agenda.items, key=lambda i: i.position):
        changes = changes | meetings.add_item(store, item)[1]
    for attachment in agenda.attachments:
        changes = changes | meetings.add_attachment(store, attachment)[1]
    return changes


class PlanMeeting(ServiceCommand):
    """Plan a meeting with the standard items; undo removes it, redo restores the same ids."""

    def __init__(self, ctx: AppContext, meeting: Meeting) -> None:
        super().__init__(ctx, _("Plan meeting {date}").format(date=meeting.date.isoformat()))
        self._meeting = meeting
        self._agenda: _Agenda | None = None

    @property
    def meeting(self) -> Meeting:
        """The planned meeting (with its id once executed)."""
        return self._meeting

    def _forward(self, *, first: bool) -> Changes:
        if self._agenda is not None:
            return _restore(self._ctx, self._agenda)
        self._meeting, changes = meetings.plan_meeting(self._ctx.require_store(), self._meeting)
        return changes

    def _backward(self) -> Changes:
        self._agenda = _capture(self._ctx, self._meeting.id)
        return meetings.remove_meeting(self._ctx.require_store(), self._meeting.id)


class RemoveMeeting(ServiceCommand):
    """Remove a planned meeting and its agenda; undo puts both back."""

    def __init__(self, ctx: AppContext, meeting_id: int, date: dt.date) -> None:
        super().__init__(ctx, _("Remove meeting {date}").format(date=date.isoformat()))
        self._id = meeting_id
        self._agenda: _Agenda | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._agenda = _capture(self._ctx, self._id)
        return meetings.remove_meeting(self._ctx.require_store(), self._id)

    def _backward(self) -> Changes:
        assert self._agenda is not None
        return _restore(self._ctx, self._agenda)


class UpdateMeeting(_Update):
    """Change a meeting's date, times, place or signing details."""

    update = staticmethod(meetings.update_meeting)


class Summon(ServiceCommand):
    """Record the day the summons went out; `late` tells if it was later than the charter."""

    def __init__(self, ctx: AppContext, meeting_id: int, on: dt.date) -> None:
        super().__init__(ctx, _("Send summons"))
        self._id, self._on = meeting_id, on
        self._before: Meeting | None = None
        self.late = False

    def _forward(self, *, first: bool) -> Changes:
        self._before = meetings.get_meeting(self._ctx.require_store(), self._id)
        self.late, changes = meetings.summon(self._ctx.require_store(), self._id, self._on)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return meetings.update_meeting(self._ctx.require_store(), self._before)[1]


# Items and attachments ----------------------------------------------------------------------

class AddItem(_Add):
    """Add an agenda item (a paragraph once the minutes are started)."""

    add, remove = staticmethod(meetings.add_item), staticmethod(meetings.remove_item)


class UpdateItem(_Update):
    """Edit an item's text or what was minuted in it."""

    update = staticmethod(meetings.update_item)


class RemoveItem(ServiceCommand):
    """Remove an item; undo puts it back with its attachments, motions and statements."""

    def __init__(self, ctx: AppContext, item: Item) -> None:
        super().__init__(ctx, _("Remove item “{title}”").format(title=item.title))
        self._item = item
        self._saved: dict[str, list[Any]] = {}

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        self._saved = {
            "attachments": meetings.list_attachments(store, self._item.id),
            "motions": minutes.list_motions(store, self._item.id),
            "statements": minutes.list_statements(store, self._item.id),
            "jav": minutes.jav_of_item(store, self._item.id),
            "votes": minutes.list_votes(store, self._item.id),
        }
        self._item, changes = meetings.remove_item(store, self._item.id)
        return changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        changes = meetings.add_item(store, self._item)[1]
        restorers = [
            *(lambda a=a: meetings.add_attachment(store, a) for a in self._saved["attachments"]),
            *(lambda m=m: minutes.add_motion(store, m) for m in self._saved["motions"]),
            *(lambda j=j: minutes.declare_jav(store, j.item_id, j.person_id)
              for j in self._saved["jav"]),
            *(lambda s=s: minutes.add_statement(store, s) for s in self._saved["statements"]),
            *(lambda v=v, b=b: minutes.record_vote(store, v, _ballots(b))
              for v, b in self._saved["votes"]),
        ]
        for restore in restorers:
            try:
                changes = changes | restore()[1]
            except FinsamError:  # e.g. attendance changed meanwhile: keep what still fits
                continue
        return changes


def _ballots(ballots: list[Ballot]) -> dict[int, Choice]:
    return {b.person_id: b.choice for b in ballots}


class MoveItem(ServiceCommand):
    """Move an item to another position; undo moves it back."""

    def __init__(self, ctx: AppContext, item: Item, position: int) -> None:
        super().__init__(ctx, _("Move item “{title}”").format(title=item.title))
        self._id, self._to, self._from = item.id, position, item.position

    def _forward(self, *, first: bool) -> Changes:
        self._from, changes = meetings.move_item(self._ctx.require_store(), self._id, self._to)
        return changes

    def _backward(self) -> Changes:
        return meetings.move_item(self._ctx.require_store(), self._id, self._from)[1]


class AddAttachment(_Add):
    """Attach a document to an item by file reference."""

    add = staticmethod(meetings.add_attachment)
    remove = staticmethod(meetings.remove_attachment)


class RemoveAttachment(_Remove):
    """Remove an attachment reference."""

    add = staticmethod(meetings.add_attachment)
    remove = staticmethod(meetings.remove_attachment)


# Attendance -------------------------------------------------------------------------------

class UpdateAttendee(_Update):
    """Change someone's presence, remote participation or the paragraphs they missed."""

    update = staticmethod(minutes.update_attendee)


class AddOther(ServiceCommand):
    """Record someone else present; redo re-creates them with the same id."""

    def __init__(self, ctx: AppContext, meeting_id: int, name: str, title: str) -> None:
        super().__init__(ctx, _("Add {name}").format(name=name))
        self._meeting_id, self._name, self._title = meeting_id, name, title
        self._id = 0

    def _forward(self, *, first: bool) -> Changes:
        added, changes = minutes.add_other(self._ctx.require_store(), self._meeting_id,
                                           self._name, self._title, self._id)
        self._id = added.id
        return changes

    def _backward(self) -> Changes:
        return minutes.remove_attendee(self._ctx.require_store(), self._id)[1]


class RemoveOther(ServiceCommand):
    """Remove someone listed among others present; undo adds them back."""

    def __init__(self, ctx: AppContext, attendee_id: int, name: str) -> None:
        super().__init__(ctx, _("Remove {name}").format(name=name))
        self._id = attendee_id
        self._removed: Any = None

    def _forward(self, *, first: bool) -> Changes:
        self._removed, changes = minutes.remove_attendee(self._ctx.require_store(), self._id)
        return changes

    def _backward(self) -> Changes:
        r = self._removed
        return minutes.add_other(self._ctx.require_store(), r.meeting_id, r.name, r.detail,
                                 r.id)[1]


# Paragraph contents -------------------------------------------------------------------------

class SetJav(ServiceCommand):
    """Declare (on=True) or withdraw a person's jäv on a paragraph."""

    def __init__(self, ctx: AppContext, item_id: int, person_id: int, name: str,
                 on: bool) -> None:
        text = _("Jäv: {name}") if on else _("Withdraw jäv: {name}")
        super().__init__(ctx, text.format(name=name))
        self._item_id, self._person_id, self._on = item_id, person_id, on

    def _set(self, on: bool) -> Changes:
        store = self._ctx.require_store()
        if on:
            return minutes.declare_jav(store, self._item_id, self._person_id)[1]
        jav = next(j for j in minutes.jav_of_item(store, self._item_id)
                   if j.person_id == self._person_id)
        return minutes.withdraw_jav(store, jav.id)[1]

    def _forward(self, *, first: bool) -> Changes:
        return self._set(self._on)

    def _backward(self) -> Changes:
        return self._set(not self._on)


class AddMotion(_Add):
    """Record a motion (yrkande)."""

    add, remove = staticmethod(minutes.add_motion), staticmethod(minutes.remove_motion)


class UpdateMotion(_Update):
    """Change a motion (text, seconding, withdrawn)."""

    update = staticmethod(minutes.update_motion)


class RemoveMotion(_Remove):
    """Delete a motion entered by mistake."""

    add, remove = staticmethod(minutes.add_motion), staticmethod(minutes.remove_motion)


class RecordVote(ServiceCommand):
    """Record a vote with its ballots; undo removes it, redo records it again (same id)."""

    def __init__(self, ctx: AppContext, vote: Vote, ballots: dict[int, Choice]) -> None:
        super().__init__(ctx, _("Vote"))
        self._vote, self._ballots = vote, ballots

    @property
    def vote(self) -> Vote:
        """The vote as recorded (counts, tie break, id)."""
        return self._vote

    def _forward(self, *, first: bool) -> Changes:
        self._vote, changes = minutes.record_vote(self._ctx.require_store(), self._vote,
                                                  self._ballots)
        return changes

    def _backward(self) -> Changes:
        return minutes.remove_vote(self._ctx.require_store(), self._vote.id)[1]


class RemoveVote(ServiceCommand):
    """Delete a vote; undo records it again with the same ballots."""

    def __init__(self, ctx: AppContext, vote: Vote, ballots: list[Ballot]) -> None:
        super().__init__(ctx, _("Remove vote"))
        self._vote, self._ballots = vote, _ballots(ballots)

    def _forward(self, *, first: bool) -> Changes:
        return minutes.remove_vote(self._ctx.require_store(), self._vote.id)[1]

    def _backward(self) -> Changes:
        return minutes.record_vote(self._ctx.require_store(), self._vote, self._ballots)[1]


class AddStatement(_Add):
    """Record a reservation or protocol note."""

    add, remove = staticmethod(minutes.add_statement), staticmethod(minutes.remove_statement)


class UpdateStatement(_Update):
    """Change a reservation's or note's text or the day the written reason arrived."""

    update = staticmethod(minutes.update_statement)


class RemoveStatement(_Remove):
    """Delete a reservation or note."""

    add, remove = staticmethod(minutes.add_statement), staticmethod(minutes.remove_statement)


# Signing ------------------------------------------------------------------------------------

class RecordSignature(ServiceCommand):
    """Record (or clear) the day a signer signed."""

    def __init__(self, ctx: AppContext, signer_id: int, name: str,
                 signed_on: dt.date | None) -> None:
        super().__init__(ctx, _("Signature of {name}").format(name=name))
        self._id, self._on = signer_id, signed_on
        self._before: dt.date | None = None

    def _forward(self, *, first: bool) -> Changes:
        before, changes = signing.record_signature(self._ctx.require_store(), self._id, self._on)
        self._before = before.signed_on
        return changes

    def _backward(self) -> Changes:
        return signing.record_signature(self._ctx.require_store(), self._id, self._before)[1]


class AddCorrection(ServiceCommand):
    """Add a paragraph correcting a sealed one; undo removes it, redo restores the same id."""

    def __init__(self, ctx: AppContext, meeting_id: int, corrected_id: int, text: str) -> None:
        super().__init__(ctx, _("Add correction"))
        self._args = (meeting_id, corrected_id, text)
        self._item: Item | None = None

    @property
    def item(self) -> Item | None:
        """The correcting paragraph once added."""
        return self._item

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if self._item is not None:
            return meetings.add_item(store, self._item)[1]
        self._item, changes = signing.add_correction(store, *self._args)
        return changes

    def _backward(self) -> Changes:
        assert self._item is not None
        self._item, changes = meetings.remove_item(self._ctx.require_store(), self._item.id)
        return changes
