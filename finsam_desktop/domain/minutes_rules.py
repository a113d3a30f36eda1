"""Rules of a board meeting, pure and testable (Finsamlagen, KL practice, DOMAIN.md 1.6, 2, 8.3).

- Who serves on a paragraph is derived, never typed: every ledamot present for that § and
  without jäv serves; for each ledamot who is absent, away for that §, or jävig, the
  ersättare of the *same member* serve in substitute order (present, not jäviga, not
  already serving).
- Quorum: more than half of the ledamöter sitting on the board serve on the paragraph.
- Majority: simple (more yes than no among votes cast) or, for matter types the charter
  names, a qualified fraction counted on the voters serving. A simple-majority tie is
  decided by the chair's casting vote, or by lot in elections and staff matters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from finsam_desktop.domain.board import Seat, SeatRole
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import (
    LOT_MATTERS,
    Attendee,
    AttendeeRole,
    MeetingStatus,
    Presence,
    TieBreak,
)
from finsam_desktop.i18n import _

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def parse_numbers(text: str) -> set[int]:
    """Parse "91-97, 99" (also with – or "§") into a set of § numbers; raise if malformed."""
    numbers: set[int] = set()
    for part in text.replace("§", "").split(","):
        if not part.strip():
            continue
        match = _RANGE.match(part)
        if not match:
            raise ValidationError(_("“{text}” is not a list of paragraph numbers such as "
                                    "91–97, 99.").format(text=text))
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if high < low or high - low > 10_000:
            raise ValidationError(_("“{text}” is not a valid range of paragraphs.").format(
                text=part.strip()))
        numbers.update(range(low, high + 1))
    return numbers


def format_numbers(numbers: set[int]) -> str:
    """{91, 92, …, 97, 99} → "91–97, 99"."""
    runs: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in runs)


def is_present_on(attendee: Attendee, number: int | None) -> bool:
    """True if the attendee is at the meeting and not away for paragraph `number`."""
    if attendee.presence is not Presence.PRESENT:
        return False
    return number is None or number not in parse_numbers(attendee.not_present)


@dataclass(frozen=True, slots=True)
class ServingVoter:
    """A person who takes part in the decision on a paragraph."""

    person_id: int
    name: str
    member_id: int
    serving_for: int | None = None  # the absent ledamot's person id, for a deputy


@dataclass(frozen=True, slots=True)
class Serving:
    """Who serves on one paragraph, and whether the board has a quorum."""

    voters: tuple[ServingVoter, ...]
    board_size: int  # number of ledamöter sitting on the board

    @property
    def has_quorum(self) -> bool:
        """More than half of the ledamöter serve."""
        return len(self.voters) * 2 > self.board_size

    def person_ids(self) -> set[int]:
        """Ids of everyone serving."""
        return {v.person_id for v in self.voters}


def serving_on(number: int | None, seats: list[Seat], attendees: list[Attendee],
               jav: set[int], names: dict[int, str]) -> Serving:
    """Who serves on paragraph `number` (None: the meeting as a whole, ignoring §-absences)."""
    present = {a.person_id for a in attendees
               if a.person_id is not None and a.role is not AttendeeRole.OTHER
               and is_present_on(a, number) and a.person_id not in jav}
    members = [s for s in seats if s.role is SeatRole.MEMBER]
    voters: list[ServingVoter] = []
    used: set[int] = set()
    for seat in sorted(members, key=lambda s: (s.member_id, s.id)):
        if seat.person_id in present:
            voters.append(ServingVoter(seat.person_id, names.get(seat.person_id, ""),
                                       seat.member_id))
            continue
        deputy = _next_deputy(seat, seats, present, used)
        if deputy is not None:
            used.add(deputy.person_id)
            voters.append(ServingVoter(deputy.person_id, names.get(deputy.person_id, ""),
                                       seat.member_id, serving_for=seat.person_id))
    return Serving(tuple(voters), len(members))


def _next_deputy(seat: Seat, seats: list[Seat], present: set[int], used: set[int]) -> Seat | None:
    deputies = sorted((s for s in seats if s.role is SeatRole.DEPUTY
                       and s.member_id == seat.member_id),
                      key=lambda s: (s.substitute_order or 999, s.id))
    for deputy in deputies:
        if deputy.person_id in present and deputy.person_id not in used:
            return deputy
    return None


def required_majority(matter_type: str, rules: dict[str, Fraction]) -> Fraction | None:
    """The qualified fraction the charter sets for this matter type, or None (simple)."""
    return rules.get(matter_type)


def parse_majority_rules(text: str) -> dict[str, Fraction]:
    """Parse the charter's "budget=2/3; verksamhetsplan=2/3" into {matter type: fraction}."""
    rules: dict[str, Fraction] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        try:
            fraction = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            fraction = Fraction(0)
        if not sep or not name.strip() or not Fraction(1, 2) < fraction <= 1:
            raise ValidationError(_("“{text}” is not a qualified-majority rule such as "
                                    "budget=2/3.").format(text=part.strip()))
        if name.strip().lower() in ("consensus", "konsensus", "enhällighet"):
            raise ValidationError(_("A consensus requirement is not allowed (Finsamlagen)."))
        rules[name.strip().lower()] = fraction
    return rules


@dataclass(frozen=True, slots=True)
class VoteOutcome:
    """The result of a vote: which side won and how."""

    winner: str  # "yes" or "no"
    tie: bool
    tie_break: TieBreak


def decide_vote(*, yes: int, no: int, voters: int, majority: Fraction | None,
                matter_type: str, tie_winner: str = "") -> VoteOutcome:
    """Apply the majority rule; a tie needs `tie_winner` (the chair's vote, or the lot)."""
    if majority is not None:
        return VoteOutcome("yes" if yes >= majority * voters else "no", False, TieBreak.NONE)
    if yes != no:
        return VoteOutcome("yes" if yes > no else "no", False, TieBreak.NONE)
    method = TieBreak.LOT if matter_type in LOT_MATTERS else TieBreak.CASTING_VOTE
    if tie_winner not in ("yes", "no"):
        raise ValidationError(_("The vote is tied: record the chair's casting vote, or the "
                                "result of the lot in elections and staff matters."))
    return VoteOutcome(tie_winner, True, method)


def paragraph_numbers_start(previous_last: int | None) -> int:
    """The first § number after the last one used in the same numbering period."""
    return (previous_last or 0) + 1


def posting_dates(posted_on: dt.date, appeal_days: int) -> tuple[dt.date, dt.date]:
    """(earliest take-down, last day to appeal) for a notice posted on `posted_on`."""
    last = posted_on + dt.timedelta(days=appeal_days)
    return last, last


def final_from(posted_on: dt.date, appeal_days: int) -> dt.date:
    """Decisions become final (laga kraft) the day after the appeal period ends."""
    return posting_dates(posted_on, appeal_days)[1] + dt.timedelta(days=1)


def status_of(*, summoned: bool, held: bool, sealed: bool, posted_on: dt.date | None,
              appeal_days: int, today: dt.date) -> MeetingStatus:
    """The meeting's status, derived from what has happened."""
    if posted_on is not None and sealed:
        final = final_from(posted_on, appeal_days) <= today
        return MeetingStatus.FINAL if final else MeetingStatus.POSTED
    if sealed:
        return MeetingStatus.SIGNED
    if held:
        return MeetingStatus.HELD
    return MeetingStatus.SUMMONED if summoned else MeetingStatus.PLANNED


def summons_is_late(meeting_date: dt.date, summoned_on: dt.date, lead_days: int) -> bool:
    """True when the summons went out later than the charter's lead time."""
    return (meeting_date - summoned_on).days < lead_days


def signing_is_late(meeting_date: dt.date, today: dt.date, deadline_days: int) -> bool:
    """True when unsigned minutes are past the signing deadline."""
    return (today - meeting_date).days > deadline_days
