"""Meetings and minutes: the records a secretary keeps, as frozen dataclasses.

A meeting's agenda items become its paragraphs (§): each item is numbered when the minutes
are started (`Meeting.first_number` + position). Names are stored as text alongside person
ids so a sealed protocol never changes when someone's details are edited later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.i18n import N_


class MeetingKind(StrEnum):
    """Ordinary (in the yearly plan) or extra meeting."""

    ORDINARY = "ordinary"
    EXTRA = "extra"


class MeetingStatus(StrEnum):
    """planerat → kallat → genomfört → justerat → anslaget → laga kraft."""

    PLANNED = "planned"
    SUMMONED = "summoned"
    HELD = "held"
    SIGNED = "signed"
    POSTED = "posted"
    FINAL = "final"


class ItemKind(StrEnum):
    """Beslutsärende / informationsärende / anmälningsärende."""

    DECISION = "decision"
    INFORMATION = "information"
    REPORTED = "reported"


class Outcome(StrEnum):
    """What became of a paragraph."""

    NONE = ""
    DECIDED = "decided"
    REFERRED_BACK = "referred_back"  # återremiss
    NOTED = "noted"  # information or report noted (lagt till handlingarna)


class AttendeeRole(StrEnum):
    """Board role at the meeting, or someone else present."""

    MEMBER = "member"
    DEPUTY = "deputy"
    OTHER = "other"


class Presence(StrEnum):
    """Present, absent, or absent with apologies (anmält förhinder)."""

    PRESENT = "present"
    ABSENT = "absent"
    APOLOGIES = "apologies"


class VoteKind(StrEnum):
    """Open roll-call vote or closed (secret) ballot (elections)."""

    OPEN = "open"
    CLOSED = "closed"


class Choice(StrEnum):
    """Ja, nej, avstår."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class TieBreak(StrEnum):
    """How a tie was decided."""

    NONE = "none"
    CASTING_VOTE = "casting_vote"  # the chair's utslagsröst
    LOT = "lot"  # lottning: elections and staff matters


class SignerRole(StrEnum):
    """Who signs the minutes."""

    SECRETARY = "secretary"
    CHAIR = "chair"
    ADJUSTER = "adjuster"  # justerare


class StatementKind(StrEnum):
    """Reservation (formal dissent) or protocol note (protokollsanteckning)."""

    RESERVATION = "reservation"
    NOTE = "note"


# Matter types with their own tie rule; other matter types may carry a qualified majority
# named in the charter (e.g. "budget").
GENERAL_MATTER = "general"
LOT_MATTERS = frozenset({"election", "staff"})

STATUS_LABELS = {
    MeetingStatus.PLANNED: N_("Planned"),
    MeetingStatus.SUMMONED: N_("Summoned"),
    MeetingStatus.HELD: N_("Held"),
    MeetingStatus.SIGNED: N_("Signed"),
    MeetingStatus.POSTED: N_("Posted"),
    MeetingStatus.FINAL: N_("Final"),
}
KIND_LABELS = {MeetingKind.ORDINARY: N_("Ordinary"), MeetingKind.EXTRA: N_("Extra")}
ITEM_KIND_LABELS = {
    ItemKind.DECISION: N_("Decision item"),
    ItemKind.INFORMATION: N_("Information item"),
    ItemKind.REPORTED: N_("Reported matter"),
}
PRESENCE_LABELS = {
    Presence.PRESENT: N_("Present"),
    Presence.ABSENT: N_("Absent"),
    Presence.APOLOGIES: N_("Apologies"),
}
SIGNER_LABELS = {
    SignerRole.SECRETARY: N_("Secretary"),
    SignerRole.CHAIR: N_("Chair"),
    SignerRole.ADJUSTER: N_("Adjuster (justerare)"),
}


@dataclass(frozen=True, slots=True)
class Meeting:
    """A board meeting (sammanträde)."""

    id: int
    date: dt.date
    kind: MeetingKind = MeetingKind.ORDINARY
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    remote_link: str = ""
    summoned_on: dt.date | None = None
    held: bool = False
    first_number: int | None = None  # § number of the first item, set when minuting starts
    signing_time_place: str = ""  # justeringens tid och plats
    note: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """An agenda item and, once numbered, the paragraph (§) minuted for it."""

    id: int
    meeting_id: int
    position: int
    title: str
    kind: ItemKind = ItemKind.DECISION
    dnr: str = ""
    proposal: str = ""  # förslag till beslut (from the summons)
    background: str = ""
    decision: str = ""
    outcome: Outcome = Outcome.NONE
    matter_type: str = GENERAL_MATTER
    order_of_putting: str = ""  # propositionsordning
    immediate: bool = False  # omedelbar justering
    corrects_id: int | None = None  # the paragraph this one corrects (rättelse)
    notify: str = ""  # expediering
    appeal_instruction: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A document attached to an agenda item, by file reference (the file is not stored)."""

    id: int
    meeting_id: int
    item_id: int
    title: str
    file_ref: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person's attendance; `not_present` lists § numbers they missed ("91-97")."""

    id: int
    meeting_id: int
    role: AttendeeRole
    name: str
    person_id: int | None = None
    seat_id: int | None = None
    member_id: int | None = None
    detail: str = ""  # member organisation name, or title for others
    presence: Presence = Presence.PRESENT
    remote: bool = False
    not_present: str = ""
    function: str = ""  # the board function held on the meeting date (BoardFunction value)


@dataclass(frozen=True, slots=True)
class ServingRow:
    """Who served on a paragraph, frozen into the minutes when they are sealed."""

    id: int
    meeting_id: int
    item_id: int
    person_id: int
    name: str
    serving_for_id: int | None = None
    serving_for_name: str = ""


@dataclass(frozen=True, slots=True)
class Jav:
    """A person's declared conflict of interest on one paragraph."""

    id: int
    meeting_id: int
    item_id: int
    person_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Motion:
    """A proposal or motion (yrkande) in a paragraph."""

    id: int
    meeting_id: int
    item_id: int
    position: int
    text: str
    mover_id: int | None = None
    mover_name: str = ""
    seconded_by: str = ""
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class Vote:
    """A vote; open votes have ballots, closed votes only the counts."""

    id: int
    meeting_id: int
    item_id: int
    kind: VoteKind
    yes_label: str
    no_label: str
    yes: int = 0
    no: int = 0
    abstain: int = 0
    tie_break: TieBreak = TieBreak.NONE
    tie_winner: str = ""  # "yes" or "no" when a tie was broken


@dataclass(frozen=True, slots=True)
class Ballot:
    """One voter's choice in an open vote."""

    id: int
    meeting_id: int
    vote_id: int
    person_id: int
    name: str
    choice: Choice


@dataclass(frozen=True, slots=True)
class Statement:
    """A reservation or protocol note by a person on a paragraph."""

    id: int
    meeting_id: int
    item_id: int
    kind: StatementKind
    person_id: int
    name: str
    text: str = ""
    received_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Signer:
    """A person who signs the minutes, and when they did."""

    id: int
    meeting_id: int
    role: SignerRole
    person_id: int
    name: str
    signed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Posting:
    """The notice that the signed minutes are posted (anslag)."""

    meeting_id: int
    posted_on: dt.date
    taken_down_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Seal:
    """A sealed protocol: its content hash chained to the previous seal's."""

    meeting_id: int
    seq: int
    sealed_at: str
    content_hash: str
    prev_hash: str
    chain_hash: str
