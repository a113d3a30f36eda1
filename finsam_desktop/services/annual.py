"""The annual report cycle: texts, statements entered from the accounts, signing, the
audit report, dispatch to the members and their discharge decisions.

Every write validates, runs in one user action, is audited, and returns what it replaced
plus `Changes`. The PDF itself (and the interim report) are built from this data and from
the budget, activity and evaluation services.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain import annual as rules
from finsam_desktop.domain.annual import (
    AnnualReport,
    CycleStatus,
    MemberCycle,
    Note,
    Statement,
    StatementRow,
)
from finsam_desktop.domain.board import SeatRole
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.values import check_date, check_money, check_text
from finsam_desktop.i18n import _
from finsam_desktop.services import board, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

TABLES = ("annual_reports", "annual_texts", "statement_lines", "annual_notes", "member_cycles")


def _changes() -> Changes:
    return Changes.of(*TABLES)


def _check_year(year: int) -> int:
    if not isinstance(year, int) or not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    return year


def get_report(store: Store, year: int) -> AnnualReport:
    """The year's report record (an empty one if never saved)."""
    _check_year(year)
    return store.annual.report(year) or AnnualReport(year)


def _ensure(store: Store, year: int) -> None:
    if store.annual.report(year) is None:
        store.annual.save_report(AnnualReport(year))


def save_report(store: Store, report: AnnualReport) -> tuple[AnnualReport, Changes]:
    """Set the signing date and place, the adopting §, the audit report."""
    _check_year(report.year)
    for day in (report.signing_date, report.audit_report_on):
        if day is not None:
            check_date(day)
    if report.signing_date is not None and report.signing_date.year <= report.year:
        raise ValidationError(_("The annual report for {year} is signed after the year has "
                                "ended.").format(year=report.year))
    clean = dataclasses.replace(
        report, signing_place=check_text(report.signing_place, field=_("Place"),
                                         max_length=200),
        audit_report_ref=check_text(report.audit_report_ref, field=_("Audit report"),
                                    max_length=500),
        note=check_text(report.note, field=_("Note"), max_length=10_000))
    with store.user_action():
        if clean.adopted_item_id is not None:
            item = store.meetings.items.get(clean.adopted_item_id)
            meeting = store.meetings.meetings.get(item.meeting_id)
            if item.kind is not ItemKind.DECISION or number_of(meeting, item) is None:
                raise ValidationError(_("Choose a numbered decision paragraph (§)."))
        before = get_report(store, report.year)
        store.annual.save_report(clean)
        store.audit.log("annual.saved", "annual_reports", report.year, before=before,
                        after=clean)
    return before, _changes()


def texts(store: Store, year: int) -> dict[str, str]:
    """Section → text ('' for sections not written)."""
    stored = store.annual.texts(year)
    return {s: stored.get(s, "") for s in rules.TEXT_SECTIONS}


def set_text(store: Store, year: int, section: str, body: str) -> tuple[str, Changes]:
    """Write a section of the annual report (plain text, paragraphs by blank lines)."""
    _check_year(year)
    if section not in rules.TEXT_SECTIONS:
        raise ValidationError(_("Unknown section."))
    clean = check_text(body, field=_(rules.TEXT_LABELS[section]), max_length=200_000)
    with store.user_action():
        _ensure(store, year)
        before = store.annual.texts(year).get(section, "")
        store.annual.set_text(year, section, clean)
        store.audit.log("annual.text_set", "annual_texts", year, before={section: before},
                        after={section: clean})
    return before, _changes()


# ---------------------------------------------------------------- statements


def set_line(store: Store, year: int, statement: Statement, code: str,
             amount_ore: int | None, note_ref: str = "") -> tuple[tuple[int, str] | None,
                                                                   Changes]:
    """Enter (or with None clear) one figure of a statement; sums are computed, never
    entered. Returns the previous (öre, note reference)."""
    _check_year(year)
    if code not in rules.entered_codes(statement):
        raise ValidationError(_("“{code}” is not a line that is entered in the {statement}.")
                              .format(code=code,
                                      statement=_(rules.STATEMENT_LABELS[statement]).lower()))
    if amount_ore is not None:
        check_money(amount_ore)
    note = check_text(note_ref, field=_("Note"), max_length=20)
    with store.user_action():
        before = store.annual.lines(year, statement.value).get(code)
        store.annual.set_line(year, statement.value, code, amount_ore, note)
        store.audit.log("annual.line_set", "statement_lines", year,
                        before={"statement": statement.value, "code": code, "value": before},
                        after={"statement": statement.value, "code": code,
                               "amount_ore": amount_ore, "note": note})
    return before, _changes()


def statement(store: Store, year: int, which: Statement) -> list[StatementRow]:
    """A statement as printed: note | this year | last year."""
    now = store.annual.lines(year, which.value)
    before = store.annual.lines(year - 1, which.value)
    values_now = rules.compute(which, {k: v[0] for k, v in now.items()})
    values_before = rules.compute(which, {k: v[0] for k, v in before.items()})
    return [StatementRow(s.code, _(s.label), s.heading, bool(s.sum_of),
                         now.get(s.code, (0, ""))[1], values_now[s.code],
                         values_before[s.code]) for s in rules.TEMPLATES[which]]


def statement_problems(store: Store, year: int) -> list[str]:
    """Inconsistencies between the entered statements of a year, and note references to
    notes that have not been written."""
    values = {s: rules.compute(s, {k: v[0] for k, v in store.annual.lines(year, s.value)
                                   .items()}) for s in Statement}
    return [*rules.statement_problems(year, values[Statement.INCOME], values[Statement.BALANCE],
                                      values[Statement.CASH_FLOW]),
            *note_problems(store, year)]


def note_problems(store: Store, year: int) -> list[str]:
    """Statement lines of the year that refer to a note that has not been written."""
    references = {_(rules.spec_of(s, code).label): ref for s in Statement
                  for code, (_amount, ref) in store.annual.lines(year, s.value).items()
                  if ref.strip()}
    return rules.note_problems(year, references, {n.number for n in store.annual.notes(year)})


# ---------------------------------------------------------------- notes


def notes(store: Store, year: int) -> list[Note]:
    """The year's notes after note 1, in number order."""
    return store.annual.notes(_check_year(year))


def save_note(store: Store, note: Note, *, replaces: int | None = None
              ) -> tuple[Note | None, Changes]:
    """Write a new note (`replaces` None; its number must be free) or change the note
    numbered `replaces`, possibly renumbering it. Returns the note as it was (None if new)."""
    _check_year(note.year)
    if not isinstance(note.number, int) or not rules.FIRST_NOTE <= note.number <= rules.LAST_NOTE:
        raise ValidationError(_("A note's number is between {first} and {last} (note 1 is the "
                                "accounting principles).").format(first=rules.FIRST_NOTE,
                                                                  last=rules.LAST_NOTE))
    title = check_text(note.title, field=_("Title"), max_length=200).strip()
    if not title:
        raise ValidationError(_("Give the note a title, e.g. “Member contributions”."))
    clean = dataclasses.replace(note, title=title,
                                body=check_text(note.body, field=_("Text"), max_length=200_000))
    with store.user_action():
        existing = {n.number: n for n in store.annual.notes(note.year)}
        old = replaces if replaces is not None else note.number
        if note.number in existing and (replaces is None or note.number != replaces):
            raise ValidationError(_("Note {number} already exists.").format(
                number=note.number))
        if replaces is not None and replaces not in existing:
            raise ValidationError(_("The note no longer exists (it may have been removed)."))
        before = existing.get(old)
        _ensure(store, note.year)
        if before is not None and old != note.number:
            store.annual.remove_note(note.year, old)
        store.annual.save_note(clean)
        store.audit.log("annual.note_saved", "annual_notes", note.year, before=before,
                        after=clean)
    return before, _changes()


def remove_note(store: Store, year: int, number: int) -> tuple[Note, Changes]:
    """Delete a note; returns it."""
    with store.user_action():
        before = next((n for n in store.annual.notes(year) if n.number == number), None)
        if before is None:
            raise ValidationError(_("The note no longer exists (it may have been removed)."))
        store.annual.remove_note(year, number)
        store.audit.log("annual.note_removed", "annual_notes", year, before=before)
    return before, _changes()


# ---------------------------------------------------------------- signing and the cycle


@dataclass(frozen=True, slots=True)
class Signatory:
    """A ledamot who signs the annual report."""

    name: str
    member: str
    function: str


def signatories(store: Store, day: dt.date) -> list[Signatory]:
    """Every ledamot (not ersättare) sitting on the signing date — they sign, even those
    who were not on the board during the year (finsam.se, DOMAIN.md 3.3)."""
    from finsam_desktop.domain.board import FUNCTION_LABELS, BoardFunction

    rows = []
    for view in board.board_on(store, day):
        if view.seat.role is not SeatRole.MEMBER:
            continue
        function = _(FUNCTION_LABELS[view.seat.function]) \
            if view.seat.function is not BoardFunction.NONE else _("Board member")
        rows.append(Signatory(view.person, view.member.name, function))
    return rows


def cycles(store: Store, year: int) -> list[MemberCycle]:
    """Each current member's record for the year (pending ones filled in)."""
    stored = {c.member_id: c for c in store.annual.cycles(year)}
    members = organisation.current_members(store, rules.deadline(year))
    return [stored.get(m.id, MemberCycle(year, m.id)) for m in members]


def save_cycle(store: Store, cycle: MemberCycle) -> tuple[MemberCycle, Changes]:
    """Record what was sent to a member and its discharge decision."""
    _check_year(cycle.year)
    for day in (cycle.report_sent_on, cycle.audit_sent_on, cycle.decided_on):
        if day is not None:
            check_date(day)
    if cycle.discharge is not rules.Discharge.PENDING and cycle.decided_on is None:
        raise ValidationError(_("Enter the date of the member's decision on discharge."))
    if cycle.discharge is rules.Discharge.PENDING and cycle.decided_on is not None:
        raise ValidationError(_("A pending decision has no date yet."))
    clean = dataclasses.replace(
        cycle, reference=check_text(cycle.reference, field=_("Reference"), max_length=300),
        note=check_text(cycle.note, field=_("Note"), max_length=10_000))
    with store.user_action():
        store.organisation.members.get(cycle.member_id)
        _ensure(store, cycle.year)
        before = next((c for c in store.annual.cycles(cycle.year)
                       if c.member_id == cycle.member_id), MemberCycle(cycle.year,
                                                                      cycle.member_id))
        store.annual.save_cycle(clean)
        store.audit.log("annual.cycle_saved", "member_cycles", cycle.member_id, before=before,
                        after=clean)
    return before, _changes()


def status(store: Store, year: int) -> CycleStatus:
    """Countdown to 31 March, signing, adoption, audit, dispatch and discharges."""
    rows = cycles(store, year)
    return rules.cycle_status(get_report(store, year), rows, len(rows), store.today())
