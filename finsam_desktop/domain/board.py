"""People, board seats (ledamot/ersättare) and staff, with the composition rules.

Rules (Finsamlagen 10 and 12 §§, DOMAIN.md 1.5 and 8.2), checked for one date:
- every member has at least one ledamot and one ersättare, and as many ersättare as
  ledamöter ("incomplete" problems: a board is entered one person at a time);
- nobody sits for a member that did not appoint them; FK/AF send employees, regions and
  municipalities send elected politicians; one chair, at most two vice chairs, functions
  only for ledamöter; one seat per person at a time ("rule" problems).
`change_verdict` decides what a change may do: a new rule problem on a current or future
date blocks it; making a complete current or future board incomplete needs confirming;
problems on past dates (history entered for the record) are only marked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.domain.organisation import EMPLOYEE_KINDS, KIND_LABELS, Member
from finsam_desktop.i18n import N_, _


class SeatRole(StrEnum):
    """Ledamot (votes) or ersättare (serves for an absent ledamot of the same member)."""

    MEMBER = "member"
    DEPUTY = "deputy"


class BoardFunction(StrEnum):
    """Function on the board; only a ledamot can hold one."""

    NONE = "none"
    CHAIR = "chair"
    VICE_CHAIR_1 = "vice_chair_1"
    VICE_CHAIR_2 = "vice_chair_2"


class Category(StrEnum):
    """Politician elected by a fullmäktige, or employee of FK/AF."""

    ELECTED = "elected"
    EMPLOYEE = "employee"


class StaffKind(StrEnum):
    """Roles in the agency's office (kansli)."""

    DIRECTOR = "director"  # förbundschef
    SECRETARY = "secretary"
    FINANCE = "finance"  # ekonom
    COORDINATOR = "coordinator"  # samordnare
    OTHER = "other"


class AuditorKind(StrEnum):
    """How an auditor came to audit the agency (DOMAIN.md 1.8): elected by a kommun's or
    region's fullmäktige, or an authorised auditor procured by Försäkringskassan for the state."""

    ELECTED = "elected"  # förtroendevald revisor
    AUTHORISED = "authorised"  # auktoriserad revisor


ROLE_LABELS = {SeatRole.MEMBER: N_("Member (ledamot)"), SeatRole.DEPUTY: N_("Deputy (ersättare)")}
FUNCTION_LABELS = {
    BoardFunction.NONE: N_("—"),
    BoardFunction.CHAIR: N_("Chair"),
    BoardFunction.VICE_CHAIR_1: N_("1st vice chair"),
    BoardFunction.VICE_CHAIR_2: N_("2nd vice chair"),
}
CATEGORY_LABELS = {Category.ELECTED: N_("Elected politician"), Category.EMPLOYEE: N_("Employee")}
STAFF_LABELS = {
    StaffKind.DIRECTOR: N_("Director (förbundschef)"),
    StaffKind.SECRETARY: N_("Board secretary"),
    StaffKind.FINANCE: N_("Finance officer"),
    StaffKind.COORDINATOR: N_("Coordinator"),
    StaffKind.OTHER: N_("Other"),
}

AUDITOR_LABELS = {
    AuditorKind.ELECTED: N_("Elected auditor"),
    AuditorKind.AUTHORISED: N_("Authorised auditor"),
}


@dataclass(frozen=True, slots=True)
class Person:
    """A board member, deputy or staff member (no participant is ever a Person)."""

    id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    political_party: str = ""  # party letters, e.g. "S", "M" (optional)


@dataclass(frozen=True, slots=True)
class Seat:
    """One person's seat on the board for one member over one term (history is kept)."""

    id: int
    person_id: int
    member_id: int
    appointed_by_id: int
    role: SeatRole
    category: Category
    term_from: dt.date
    term_to: dt.date | None = None
    function: BoardFunction = BoardFunction.NONE
    substitute_order: int | None = None  # deputies: 1 is called first
    note: str = ""

    def is_active_on(self, day: dt.date) -> bool:
        """True if the seat is held on `day`."""
        return self.term_from <= day and (self.term_to is None or day <= self.term_to)

    def is_historical(self, today: dt.date) -> bool:
        """True if the whole term lies before `today`."""
        return self.term_to is not None and self.term_to < today


@dataclass(frozen=True, slots=True)
class StaffRole:
    """A person's role in the office over a period."""

    id: int
    person_id: int
    kind: StaffKind
    title: str = ""
    from_date: dt.date | None = None
    to_date: dt.date | None = None

    def is_active_on(self, day: dt.date) -> bool:
        """True if the role is held on `day`."""
        started = self.from_date is None or self.from_date <= day
        return started and (self.to_date is None or day <= self.to_date)


@dataclass(frozen=True, slots=True)
class Auditor:
    """An auditor (revisor) appointed by a member, or jointly by several (member_id None),
    over a period; `firm` is the audit firm of an authorised auditor."""

    id: int
    person_id: int
    member_id: int | None
    kind: AuditorKind
    firm: str = ""
    from_date: dt.date | None = None
    to_date: dt.date | None = None

    def is_active_on(self, day: dt.date) -> bool:
        """True if the auditor serves on `day`."""
        started = self.from_date is None or self.from_date <= day
        return started and (self.to_date is None or day <= self.to_date)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """True if the auditor served on some day from `first` to `last`."""
        started = self.from_date is None or self.from_date <= last
        return started and (self.to_date is None or first <= self.to_date)


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule on one date; `key` identifies it across before/after comparisons."""

    kind: str  # "rule" or "incomplete"
    key: tuple[object, ...]
    message: str


def check_seat(seat: Seat) -> list[str]:
    """Problems of a single seat regardless of the rest of the board."""
    problems = []
    if seat.term_to is not None and seat.term_to < seat.term_from:
        problems.append(_("The term cannot end before it starts."))
    if seat.role is SeatRole.DEPUTY and seat.function is not BoardFunction.NONE:
        problems.append(_("Only a member (ledamot) can be chair or vice chair."))
    if seat.substitute_order is not None and seat.substitute_order < 1:
        problems.append(_("The substitute order starts at 1."))
    return problems


def composition_problems(
    day: dt.date, members: list[Member], seats: Iterable[Seat], names: dict[int, str]
) -> list[Problem]:
    """Every rule the board sitting on `day` breaks."""
    active = [s for s in seats if s.is_active_on(day)]
    by_id = {m.id: m for m in members}
    problems = _seat_rule_problems(active, by_id, names, day)
    problems += _function_problems(active)
    problems += _completeness_problems(day, members, active)
    return problems


def _seat_rule_problems(
    active: list[Seat], by_id: dict[int, Member], names: dict[int, str], day: dt.date
) -> list[Problem]:
    problems = []
    for seat in active:
        name = names.get(seat.person_id, "?")
        member = by_id.get(seat.member_id)
        if member is None:
            continue
        if seat.appointed_by_id != seat.member_id:
            appointer = by_id.get(seat.appointed_by_id)
            problems.append(Problem("rule", ("appointed", seat.person_id), _(
                "{name} sits for {member} but was appointed by {other}; a representative "
                "may only sit for the member that appointed them."
            ).format(name=name, member=member.name, other=appointer.name if appointer else "?")))
        if not member.is_member_on(day):
            problems.append(Problem("rule", ("not_member", seat.id), _(
                "{name} sits for {member}, which is not a member on {date}."
            ).format(name=name, member=member.name, date=day.isoformat())))
        expected = Category.EMPLOYEE if member.kind in EMPLOYEE_KINDS else Category.ELECTED
        if seat.category is not expected:
            problems.append(Problem("rule", ("category", seat.person_id), _(
                "{name}: {kind} is represented by {category}."
            ).format(name=name, kind=_(KIND_LABELS[member.kind]),
                     category=_(CATEGORY_LABELS[expected]).lower())))
    for person_id, count in Counter(s.person_id for s in active).items():
        if count > 1:
            problems.append(Problem("rule", ("two_seats", person_id), _(
                "{name} holds more than one seat at the same time."
            ).format(name=names.get(person_id, "?"))))
    return problems


def _function_problems(active: list[Seat]) -> list[Problem]:
    problems = []
    functions = Counter(s.function for s in active)
    if functions[BoardFunction.CHAIR] > 1:
        problems.append(Problem("rule", ("chairs",), _("The board can have only one chair.")))
    for vice in (BoardFunction.VICE_CHAIR_1, BoardFunction.VICE_CHAIR_2):
        if functions[vice] > 1:
            problems.append(Problem("rule", ("vice", vice), _(
                "Only one person can be {function}."
            ).format(function=_(FUNCTION_LABELS[vice]).lower())))
    for seat in active:
        if seat.role is SeatRole.DEPUTY and seat.function is not BoardFunction.NONE:
            problems.append(Problem("rule", ("deputy_function", seat.id), _(
                "Only a member (ledamot) can be chair or vice chair."
            )))
    orders = Counter(
        (s.member_id, s.substitute_order) for s in active
        if s.role is SeatRole.DEPUTY and s.substitute_order is not None
    )
    for (member_id, order), count in orders.items():
        if count > 1:
            problems.append(Problem("rule", ("order", member_id, order), _(
                "Two deputies of the same member have substitute order {n}."
            ).format(n=order)))
    return problems


def _completeness_problems(
    day: dt.date, members: list[Member], active: list[Seat]
) -> list[Problem]:
    problems = []
    for member in members:
        if not member.is_member_on(day):
            continue
        seats = [s for s in active if s.member_id == member.id]
        n_members = sum(1 for s in seats if s.role is SeatRole.MEMBER)
        n_deputies = len(seats) - n_members
        if n_members == 0:
            problems.append(Problem("incomplete", ("no_member", member.id), _(
                "{member} has no member (ledamot) on the board."
            ).format(member=member.name)))
        if n_deputies == 0:
            problems.append(Problem("incomplete", ("no_deputy", member.id), _(
                "{member} has no deputy (ersättare) on the board."
            ).format(member=member.name)))
        if n_members and n_deputies and n_members != n_deputies:
            problems.append(Problem("incomplete", ("unequal", member.id), _(
                "{member} has {m} members but {d} deputies; the numbers must be equal."
            ).format(member=member.name, m=n_members, d=n_deputies)))
    return problems


def checkpoints(seats: Iterable[Seat], today: dt.date) -> list[dt.date]:
    """Today and every later date on which the board's composition changes."""
    days = {today}
    for seat in seats:
        days.add(seat.term_from)
        if seat.term_to is not None:
            days.add(seat.term_to + dt.timedelta(days=1))
    return sorted(d for d in days if d >= today)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a change to the board does to current and future compositions."""

    blocking: list[str]  # new rule problems: the change is refused
    incomplete: list[str]  # a complete board becomes incomplete: ask before saving


def change_verdict(
    *, before: list[Seat], after: list[Seat], members: list[Member],
    names: dict[int, str], today: dt.date,
) -> Verdict:
    """Compare the board before and after a change on every current or future checkpoint."""
    blocking: dict[tuple[object, ...], str] = {}
    incomplete: dict[tuple[object, ...], str] = {}
    for day in checkpoints([*before, *after], today):
        old = composition_problems(day, members, before, names)
        new = composition_problems(day, members, after, names)
        old_keys = {p.key for p in old}
        old_incomplete_members = {p.key[1] for p in old if p.kind == "incomplete"}
        for problem in new:
            if problem.key in old_keys:
                continue
            if problem.kind == "rule":
                blocking.setdefault(problem.key, problem.message)
            elif problem.key[1] not in old_incomplete_members:
                incomplete.setdefault(problem.key, f"{day.isoformat()}: {problem.message}")
    return Verdict(list(blocking.values()), list(incomplete.values()))
