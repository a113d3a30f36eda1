"""Undoable annual report edits: a statement figure or its note reference, a note, a section's text,
the report record (signing, adoption, audit report) and a member's dispatch and discharge
record (see `ui.undo` for the pattern).

Every command calls the annual report services only; undo writes back what the service said
it replaced.
"""

from __future__ import annotations

from finsam_desktop.domain.annual import (
    STATEMENT_LABELS,
    TEXT_LABELS,
    AnnualReport,
    MemberCycle,
    Note,
    Statement,
    spec_of,
)
from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.services import annual
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand


class SetLine(ServiceCommand):
    """One entered figure of a statement with its note reference (None clears the line)."""

    def __init__(self, ctx: AppContext, year: int, statement: Statement, code: str,
                 amount_ore: int | None, note_ref: str = "") -> None:
        super().__init__(ctx, _("Enter {line} ({statement} {year})").format(
            line=_(spec_of(statement, code).label),
            statement=_(STATEMENT_LABELS[statement]).lower(), year=year))
        self._year, self._statement, self._code = year, statement, code
        self._after = (amount_ore, note_ref)
        self._before: tuple[int, str] | None = None

    def _forward(self, *, first: bool) -> Changes:
        amount, note = self._after
        self._before, changes = annual.set_line(self._ctx.require_store(), self._year,
                                                self._statement, self._code, amount, note)
        return changes

    def _backward(self) -> Changes:
        amount, note = self._before if self._before is not None else (None, "")
        return annual.set_line(self._ctx.require_store(), self._year, self._statement,
                               self._code, amount, note)[1]


class SetText(ServiceCommand):
    """A narrative section of the year's annual report."""

    def __init__(self, ctx: AppContext, year: int, section: str, body: str) -> None:
        super().__init__(ctx, _("Write {section} ({year})").format(
            section=_(TEXT_LABELS[section]), year=year))
        self._year, self._section, self._after = year, section, body
        self._before = ""

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = annual.set_text(self._ctx.require_store(), self._year,
                                                self._section, self._after)
        return changes

    def _backward(self) -> Changes:
        return annual.set_text(self._ctx.require_store(), self._year, self._section,
                               self._before)[1]


class SaveReport(ServiceCommand):
    """The report record: signing date and place, the adopting §, the audit report."""

    def __init__(self, ctx: AppContext, after: AnnualReport, text: str = "") -> None:
        super().__init__(ctx, text or _("Edit annual report {year}").format(year=after.year))
        self._after = after
        self._before: AnnualReport | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = annual.save_report(self._ctx.require_store(), self._after)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return annual.save_report(self._ctx.require_store(), self._before)[1]


class SaveCycle(ServiceCommand):
    """What was sent to one member and its discharge decision."""

    def __init__(self, ctx: AppContext, after: MemberCycle, member_name: str) -> None:
        super().__init__(ctx, _("Edit the annual report record of {member}").format(
            member=member_name))
        self._after = after
        self._before: MemberCycle | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = annual.save_cycle(self._ctx.require_store(), self._after)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return annual.save_cycle(self._ctx.require_store(), self._before)[1]


class SaveNote(ServiceCommand):
    """A note to the statements, new or edited (possibly renumbered)."""

    def __init__(self, ctx: AppContext, after: Note, old_number: int | None) -> None:
        super().__init__(ctx, _("Write note {number} ({year})").format(number=after.number,
                                                                      year=after.year))
        self._after, self._old = after, old_number
        self._before: Note | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = annual.save_note(self._ctx.require_store(), self._after,
                                                 replaces=self._old)
        return changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        if self._before is None:
            return annual.remove_note(store, self._after.year, self._after.number)[1]
        return annual.save_note(store, self._before, replaces=self._after.number)[1]


class RemoveNote(ServiceCommand):
    """Delete a note (undo writes it back)."""

    def __init__(self, ctx: AppContext, note: Note) -> None:
        super().__init__(ctx, _("Remove note {number} ({year})").format(number=note.number,
                                                                       year=note.year))
        self._note = note

    def _forward(self, *, first: bool) -> Changes:
        return annual.remove_note(self._ctx.require_store(), self._note.year,
                                  self._note.number)[1]

    def _backward(self) -> Changes:
        return annual.save_note(self._ctx.require_store(), self._note)[1]
