"""Dialog to add or edit a board seat: who, for which member, appointed by whom, role,
category, function, substitute order and term. A new name registers a new person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from finsam_desktop.domain.board import (
    CATEGORY_LABELS,
    FUNCTION_LABELS,
    ROLE_LABELS,
    BoardFunction,
    Category,
    Person,
    Seat,
    SeatRole,
)
from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.organisation import EMPLOYEE_KINDS, Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data
from finsam_desktop.ui.widgets.person_picker import PersonPicker

SeatSubmit = Callable[[Seat, str | None], None]
"""Saves the seat; the second argument is the name of a person to register first."""

class SeatDialog(QDialog):
    """Fields of one seat; `submit(seat, new_person_name)` saves or raises FinsamError."""

    def __init__(self, seat: Seat | None, *, people: list[Person], members: list[Member],
                 default_from: dt.date, submit: SeatSubmit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self._submit = submit
        self._members = {m.id: m for m in members}
        self.person = PersonPicker(people, self)
        self.member = self._member_combo(members)
        self.appointed_by = self._member_combo(members)
        self.role = QComboBox(self)
        fill_enum_combo(self.role, ROLE_LABELS)
        self.category = QComboBox(self)
        fill_enum_combo(self.category, CATEGORY_LABELS)
        self.function = QComboBox(self)
        fill_enum_combo(self.function, FUNCTION_LABELS)
        self.order = QSpinBox(self)
        self.order.setRange(0, 20)
        self.order.setSpecialValueText("—")
        self.term_from = DateField(self)
        self.term_to = DateField(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._layout()
        self._connect()
        self._show(seat, default_from)

    def _member_combo(self, members: list[Member]) -> QComboBox:
        combo = QComboBox(self)
        for member in members:
            combo.addItem(member.name, member.id)
        return combo

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(_("Person"), self.person)
        form.addRow(_("Sits for member"), self.member)
        form.addRow(_("Appointed by"), self.appointed_by)
        form.addRow(_("Role"), self.role)
        form.addRow(_("Category"), self.category)
        form.addRow(_("Function"), self.function)
        form.addRow(_("Substitute order"), self.order)
        form.addRow(_("Term from"), self.term_from)
        form.addRow(_("Term to"), self.term_to)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(_("Edit seat") if self._seat else _("Add seat"))
        self.order.setToolTip(_("Deputies: the order in which they are called (1 first)."))
        self.term_to.setToolTip(_("Leave empty while the term runs on."))
        self.setMinimumWidth(460)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.member.currentIndexChanged.connect(self._member_changed)
        self.role.currentIndexChanged.connect(self._role_changed)

    def _show(self, seat: Seat | None, default_from: dt.date) -> None:
        if seat is None:
            self.term_from.set_date(default_from)
            self._member_changed()
            self._role_changed()
            return
        self.person.select_person(seat.person_id)
        select_data(self.member, seat.member_id)
        select_data(self.appointed_by, seat.appointed_by_id)
        select_data(self.role, seat.role)
        select_data(self.category, seat.category)
        select_data(self.function, seat.function)
        self.order.setValue(seat.substitute_order or 0)
        self.term_from.set_date(seat.term_from)
        self.term_to.set_date(seat.term_to)

    def _member_changed(self) -> None:
        """Appointed by and category follow the member (they rarely differ)."""
        member = self._members.get(self.member.currentData())
        if member is None:
            return
        select_data(self.appointed_by, member.id)
        employee = member.kind in EMPLOYEE_KINDS
        select_data(self.category, Category.EMPLOYEE if employee else Category.ELECTED)

    def _role_changed(self) -> None:
        deputy = self.role.currentData() == SeatRole.DEPUTY
        if deputy:
            select_data(self.function, BoardFunction.NONE)
        self.function.setEnabled(not deputy)
        self.order.setEnabled(deputy)

    def seat(self, person_id: int) -> Seat:
        """The seat as typed, for `person_id`; raises ValidationError for unreadable values."""
        term_from = self.term_from.date()
        if term_from is None:
            raise ValidationError(_("Enter the first day of the term."))
        if self.member.currentData() is None:
            raise ValidationError(_("Add the member organisations first."))
        deputy = self.role.currentData() == SeatRole.DEPUTY
        return Seat(
            id=self._seat.id if self._seat else 0, person_id=person_id,
            member_id=int(self.member.currentData()),
            appointed_by_id=int(self.appointed_by.currentData()),
            role=SeatRole(self.role.currentData()), category=Category(self.category.currentData()),
            term_from=term_from, term_to=self.term_to.date(),
            function=BoardFunction(self.function.currentData()),
            substitute_order=(self.order.value() or None) if deputy else None,
            note=self._seat.note if self._seat else "",
        )

    def accept(self) -> None:
        try:
            person_id, name = self.person.choice()
            self._submit(self.seat(person_id or 0), None if person_id else name)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()  # let the wrapped message show in full
            return
        super().accept()
