"""Build meetings through the real services for tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from finsam_desktop.domain.meetings import AttendeeRole, Item, ItemKind, Meeting, Outcome
from finsam_desktop.services import meetings, minutes, signing
from finsam_desktop.storage.store import Store


def plan(store: Store, day: dt.date, *matters: str) -> Meeting:
    """A planned meeting with the standard items plus one decision item per title."""
    meeting, _ = meetings.plan_meeting(store, Meeting(0, day, start_time="09:00", place="Kansliet"))
    for position, title in enumerate(matters, 9):
        meetings.add_item(
            store,
            Item(0, meeting.id, position, title, ItemKind.DECISION, dnr=f"{day.year}/{position}"),
        )
    return meeting


def decide_all(store: Store, meeting_id: int) -> None:
    """Record an outcome on every item."""
    for item in meetings.list_items(store, meeting_id):
        outcome = Outcome.DECIDED if item.kind is ItemKind.DECISION else Outcome.NOTED
        meetings.update_item(
            store,
            dataclasses.replace(
                item, outcome=outcome, decision="Styrelsen beslutar enligt förslaget."
            ),
        )


def sign(store: Store, meeting_id: int, on: dt.date) -> None:
    """Choose signers among those present and record their signatures."""
    people = minutes.list_attendance(store, meeting_id)
    board = [a.person_id for a in people if a.role is AttendeeRole.MEMBER]
    other = (
        next(a.person_id for a in people if a.role is AttendeeRole.OTHER)
        if any(a.role is AttendeeRole.OTHER for a in people)
        else board[-1]
    )
    signing.set_signers(
        store, meeting_id, secretary_id=other, chair_id=board[0], adjuster_ids=[board[1]]
    )
    for signer in signing.list_signers(store, meeting_id):
        signing.record_signature(store, signer.id, on)


def held_and_sealed(store: Store, day: dt.date, *matters: str) -> Meeting:
    """A meeting minuted, signed and sealed."""
    meeting = plan(store, day, *matters)
    minutes.start_minutes(store, meeting.id)
    decide_all(store, meeting.id)
    sign(store, meeting.id, day + dt.timedelta(days=5))
    signing.seal(store, meeting.id)
    return meetings.get_meeting(store, meeting.id)
