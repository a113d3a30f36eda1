"""Undoable edits: QUndoCommand subclasses that only call services and emit their Changes.

A command is first *executed* by the caller (`run(ctx, command)`), so a ValidationError
reaches the form that caused it and nothing is pushed; only a successful edit lands on the
undo stack (whose `push()` would otherwise run it a second time). Undoing an add removes the
record; undoing a remove re-adds the same object with its id, so later commands still match.
Seat commands pass `allow_incomplete=True` when undoing and redoing: the user already
confirmed the state being restored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import board, organisation
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext


def run(ctx: AppContext, command: ServiceCommand) -> None:
    """Execute `command` now (errors propagate) and, if it worked, put it on the undo stack."""
    command.execute()
    ctx.undo_stack.push(command)


class ServiceCommand(QUndoCommand):
    """Base: subclasses implement `_forward()` and `_backward()`, each returning Changes."""

    checked = False  # seat services judge the board and accept allow_incomplete

    def __init__(self, ctx: AppContext, text: str, allow_incomplete: bool = False) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._allow = allow_incomplete
        self._skip_next_redo = False

    def execute(self) -> None:
        """Apply the edit for the first time; raises the service's error if refused."""
        self._emit(self._forward(first=True))
        self._skip_next_redo = True

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self._guarded(lambda: self._forward(first=False))

    def undo(self) -> None:
        self._guarded(self._backward)

    def _guarded(self, step: Callable[[], Changes]) -> None:
        try:
            self._emit(step())
        except FinsamError as error:  # e.g. the record was changed by another user meanwhile
            dialogs.show_error(None, _("Undo/redo failed"), str(error))

    def _kw(self, first: bool) -> dict[str, bool]:
        """Seat services: ask about an incomplete board only on the first, user-made change."""
        if not self.checked:
            return {}
        return {"allow_incomplete": self._allow or not first}

    def _emit(self, changes: Changes) -> None:
        self._ctx.events.changed.emit(changes)

    def _forward(self, *, first: bool) -> Changes:
        raise NotImplementedError

    def _backward(self) -> Changes:
        raise NotImplementedError


class _Add(ServiceCommand):
    """Add a record; undo removes it by id, redo re-adds it with the same id."""

    add: Callable[..., tuple[Any, Changes]]
    remove: Callable[..., tuple[Any, Changes]]
    def __init__(self, ctx: AppContext, record: Any, *, allow_incomplete: bool = False,
                 text: str = "") -> None:
        super().__init__(ctx, text or _("Add {name}").format(name=_label(record)),
                         allow_incomplete)
        self._record = record

    @property
    def record(self) -> Any:
        """The record as stored (with its id once executed)."""
        return self._record

    def _forward(self, *, first: bool) -> Changes:
        self._record, changes = self.add(self._ctx.require_store(), self._record,
                                         **self._kw(first))
        return changes

    def _backward(self) -> Changes:
        return self.remove(self._ctx.require_store(), self._record.id, **self._kw(False))[1]


class _Update(ServiceCommand):
    """Replace a record (or the profile/charter); undo writes back what the service returned."""

    update: Callable[..., tuple[Any, Changes]]
    def __init__(self, ctx: AppContext, after: Any, *, allow_incomplete: bool = False,
                 text: str = "") -> None:
        super().__init__(ctx, text or _("Edit {name}").format(name=_label(after)),
                         allow_incomplete)
        self._after = after
        self._before: Any = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = self.update(self._ctx.require_store(), self._after,
                                            **self._kw(first))
        return changes

    def _backward(self) -> Changes:
        return self.update(self._ctx.require_store(), self._before, **self._kw(False))[1]


class _Remove(ServiceCommand):
    """Remove a record by id; undo re-adds the returned object with its id."""

    add: Callable[..., tuple[Any, Changes]]
    remove: Callable[..., tuple[Any, Changes]]
    def __init__(self, ctx: AppContext, record_id: int, *, allow_incomplete: bool = False,
                 text: str = "") -> None:
        super().__init__(ctx, text, allow_incomplete)
        self._id = record_id
        self._removed: Any = None

    def _forward(self, *, first: bool) -> Changes:
        self._removed, changes = self.remove(self._ctx.require_store(), self._id,
                                             **self._kw(first))
        if first and not self.text():
            self.setText(_("Remove {name}").format(name=_label(self._removed)))
        return changes

    def _backward(self) -> Changes:
        return self.add(self._ctx.require_store(), self._removed, **self._kw(False))[1]


def _label(record: Any) -> str:
    return str(getattr(record, "name", "") or "")


# Concrete commands ------------------------------------------------------------------------

class AddMember(_Add):
    """Add a member organisation."""

    add, remove = staticmethod(organisation.add_member), staticmethod(organisation.remove_member)


class UpdateMember(_Update):
    """Edit a member organisation."""

    update = staticmethod(organisation.update_member)


class RemoveMember(_Remove):
    """Remove a member organisation (only one without seats)."""

    add, remove = staticmethod(organisation.add_member), staticmethod(organisation.remove_member)


class AddPerson(_Add):
    """Register a person."""

    add, remove = staticmethod(board.add_person), staticmethod(board.remove_person)


class UpdatePerson(_Update):
    """Edit a person's details."""

    update = staticmethod(board.update_person)


class RemovePerson(_Remove):
    """Remove a person who holds nothing."""

    add, remove = staticmethod(board.add_person), staticmethod(board.remove_person)


class AddSeat(_Add):
    """Give a person a seat on the board."""

    add, remove = staticmethod(board.add_seat), staticmethod(board.remove_seat)
    checked = True


class UpdateSeat(_Update):
    """Edit a seat (including ending its term)."""

    update = staticmethod(board.update_seat)
    checked = True


class RemoveSeat(_Remove):
    """Delete a seat entered by mistake."""

    add, remove = staticmethod(board.add_seat), staticmethod(board.remove_seat)
    checked = True


class AddStaff(_Add):
    """Give a person a staff role."""

    add, remove = staticmethod(board.add_staff), staticmethod(board.remove_staff)


class UpdateStaff(_Update):
    """Edit a staff role."""

    update = staticmethod(board.update_staff)


class RemoveStaff(_Remove):
    """Delete a staff role."""

    add, remove = staticmethod(board.add_staff), staticmethod(board.remove_staff)


class AddAuditor(_Add):
    """Register an auditor."""

    add, remove = staticmethod(board.add_auditor), staticmethod(board.remove_auditor)


class UpdateAuditor(_Update):
    """Edit an auditor's assignment (including ending it)."""

    update = staticmethod(board.update_auditor)


class RemoveAuditor(_Remove):
    """Delete an auditor entered by mistake."""

    add, remove = staticmethod(board.add_auditor), staticmethod(board.remove_auditor)


class SaveAgency(_Update):
    """Change the agency profile."""

    update = staticmethod(organisation.save_agency)


class SaveCharter(_Update):
    """Change the charter settings."""

    update = staticmethod(organisation.save_charter)


class ApplyPopulationSplit(ServiceCommand):
    """Set the municipal shares from population; undo restores the previous shares."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, _("Compute shares from population"))
        self._before: list[Any] = []

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = organisation.apply_population_split(self._ctx.require_store())
        return changes

    def _backward(self) -> Changes:
        changes = Changes()
        for member in self._before:
            changes = changes | organisation.update_member(self._ctx.require_store(), member)[1]
        return changes
