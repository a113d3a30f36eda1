"""Decisions after the meeting: follow-up (beslutsuppföljning) and delegation.

Follow-up and delegation records are kept outside the sealed minutes: a signed protocol
never changes, while who carries a decision out, by when, and where it was reported back
are managed afterwards (DOMAIN.md 2.9, 8.3).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import N_, _


class FollowUpStatus(StrEnum):
    """Ej påbörjad / pågår / verkställd / återrapporterad."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    CARRIED_OUT = "carried_out"
    REPORTED_BACK = "reported_back"


STATUS_LABELS = {
    FollowUpStatus.NOT_STARTED: N_("Not started"),
    FollowUpStatus.IN_PROGRESS: N_("In progress"),
    FollowUpStatus.CARRIED_OUT: N_("Carried out"),
    FollowUpStatus.REPORTED_BACK: N_("Reported back"),
}
CATEGORIES = (N_("Activities"), N_("Budget and finance"), N_("Operational plan"),
              N_("Organisation"), N_("Delegation"), N_("Other"))
OPEN_STATUSES = frozenset({FollowUpStatus.NOT_STARTED, FollowUpStatus.IN_PROGRESS})


@dataclass(frozen=True, slots=True)
class FollowUp:
    """How a decision is carried out and reported back."""

    item_id: int
    category: str = ""
    responsible: str = ""
    responsible_person_id: int | None = None
    due_on: dt.date | None = None
    status: FollowUpStatus = FollowUpStatus.NOT_STARTED
    reported_item_id: int | None = None  # the later § where it was reported back
    activity_id: int | None = None  # links to later registers (activities, budget lines)
    budget_line_id: int | None = None
    note: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        """Past its due date and not yet carried out."""
        return self.due_on is not None and self.due_on < today and self.status in OPEN_STATUSES


class DecisionRow(NamedTuple):
    """One decision as the register lists it (a named tuple: the register builds 60 000 of
    these for "all years", and a tuple is several times cheaper to make than a dataclass)."""

    item_id: int
    meeting_id: int
    year: int
    number: int
    meeting_date: dt.date
    title: str
    dnr: str
    outcome: str
    decision: str
    category: str
    status: FollowUpStatus
    responsible: str
    due_on: dt.date | None
    reported_in: str  # "§ 12 (2026-04-25)" or ""
    final_from: dt.date | None  # laga kraft
    sealed: bool
    overdue: bool
    activity_id: int | None = None
    budget_line_id: int | None = None


@dataclass(frozen=True, slots=True)
class Delegation:
    """A line of the delegation order (delegationsordning)."""

    id: int
    delegate: str  # e.g. "Förbundschef"
    matter_type: str
    amount_limit_ore: int | None = None
    report_to_board: bool = True
    delegate_person_id: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class DelegationDecision:
    """A decision taken under delegation; reported to the board at its next meeting."""

    id: int
    delegation_id: int
    decided_on: dt.date
    decided_by: str
    matter: str
    dnr: str = ""
    amount_ore: int | None = None
    reported_item_id: int | None = None


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query.

    Words must all occur (AND); "a quoted phrase" must occur as a phrase; a trailing * makes
    a prefix search. Operators and punctuation the user typed are never passed through.
    """
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for piece in _WORD.findall(word):
            parts.append(f'"{piece}"' + ("*" if prefix else ""))
    if not parts:
        raise ValidationError(_("Type at least one word to search for."))
    return " AND ".join(parts)
