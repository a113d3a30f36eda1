"""Seat edits with the board rules' two answers: a refusal (ValidationError, shown to the
user) and "the board becomes incomplete" (IncompleteBoardError: ask, then save anyway)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.board import Person, Seat
from finsam_desktop.domain.errors import FinsamError, IncompleteBoardError
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext


class Declined(FinsamError):
    """The user chose not to save an incomplete board."""


class SeatActions:
    """Runs seat commands for the board tab, asking about incomplete boards."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self._ctx = ctx
        self._parent = parent

    def save_seat(self, seat: Seat, new_person: str | None) -> None:
        """Add or update `seat`, registering `new_person` first if given; raises if refused."""
        self._confirming(lambda allow: self._save(seat, new_person, allow))

    def update_seat(self, seat: Seat) -> None:
        """Update a seat (e.g. end its term); raises if refused."""
        self._confirming(lambda allow: undo.run(
            self._ctx, undo.UpdateSeat(self._ctx, seat, allow_incomplete=allow,
                                       text=_("Edit seat"))))

    def remove_seat(self, seat_id: int, name: str) -> None:
        """Delete a mistaken seat after asking; errors are shown, not raised."""
        if not dialogs.ask_yes_no(self._parent, _("Remove seat"), _(
                "Remove {name}'s seat? Only do this for a seat entered by mistake; when someone "
                "leaves the board, end the term instead.").format(name=name)):
            return
        try:
            self._confirming(lambda allow: undo.run(
                self._ctx, undo.RemoveSeat(self._ctx, seat_id, allow_incomplete=allow,
                                           text=_("Remove seat of {name}").format(name=name))))
        except Declined:
            return
        except FinsamError as error:
            dialogs.show_error(self._parent, _("Could not remove the seat"), str(error))

    def _confirming(self, attempt: Callable[[bool], None]) -> None:
        try:
            attempt(False)
        except IncompleteBoardError as error:
            question = _("{problems}\n\nThe board becomes incomplete. Save anyway?").format(
                problems=str(error))
            if not dialogs.ask_yes_no(self._parent, _("Incomplete board"), question):
                raise Declined(str(error)) from None
            attempt(True)

    def _save(self, seat: Seat, new_person: str | None, allow: bool) -> None:
        person_command = None
        if new_person:
            person_command = undo.AddPerson(self._ctx, Person(0, new_person))
            person_command.execute()
            seat = dataclasses.replace(seat, person_id=person_command.record.id)
        command = (undo.UpdateSeat(self._ctx, seat, allow_incomplete=allow, text=_("Edit seat"))
                   if seat.id else undo.AddSeat(self._ctx, seat, allow_incomplete=allow,
                                                text=_("Add seat")))
        try:
            command.execute()
        except FinsamError:
            if person_command is not None:
                person_command.undo()
            raise
        self._push(person_command, command)

    def _push(self, person_command: undo.ServiceCommand | None,
              command: undo.ServiceCommand) -> None:
        stack = self._ctx.undo_stack
        if person_command is None:
            stack.push(command)
            return
        stack.beginMacro(command.text())
        stack.push(person_command)
        stack.push(command)
        stack.endMacro()
