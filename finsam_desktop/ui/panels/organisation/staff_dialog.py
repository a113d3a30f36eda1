"""Dialogs to add or edit a staff role (förbundschef, secretary, …) or an auditor; a new name
registers a new person. Both are a person and a period around fields of their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from finsam_desktop.domain.board import (
    AUDITOR_LABELS,
    STAFF_LABELS,
    Auditor,
    AuditorKind,
    Person,
    StaffKind,
    StaffRole,
)
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, fill_enum_combo, select_data
from finsam_desktop.ui.widgets.form_dialog import FormDialog
from finsam_desktop.ui.widgets.person_picker import PersonPicker

RoleSubmit = Callable[[Any, str | None], None]
"""Saves the role; the second argument is the name of a person to register first."""
StaffSubmit = RoleSubmit
AuditorSubmit = RoleSubmit


class _PeriodDialog(FormDialog):
    """A person picker first, the subclass's fields, then From and To; OK builds the record
    with `_record(person_id)` and submits it with the name of a person to register, if any."""

    def __init__(self, people: list[Person], submit: RoleSubmit,
                 parent: QWidget | None) -> None:
        super().__init__(parent, min_width=420)
        self._submit = submit
        self.person = PersonPicker(people, self)
        self.from_date = DateField(self)
        self.to_date = DateField(self)
        self.form.addRow(_("Person"), self.person)

    def _add_period(self, record: Any) -> None:
        """The From and To rows, the error line and the buttons; show `record` if given."""
        self.form.addRow(_("From"), self.from_date)
        self.form.addRow(_("To"), self.to_date)
        self._finish()
        if record is not None:
            self.person.select_person(record.person_id)
            self.from_date.set_date(record.from_date)
            self.to_date.set_date(record.to_date)

    def _record(self, person_id: int) -> Any:
        raise NotImplementedError(type(self).__name__ + " must build its record")

    def _save(self) -> None:
        person_id, name = self.person.choice()
        self._submit(self._record(person_id or 0), None if person_id else name)


class StaffDialog(_PeriodDialog):
    """Fields of one staff role; `submit(role, new_person_name)` saves or raises FinsamError."""

    def __init__(self, role: StaffRole | None, people: list[Person], submit: StaffSubmit,
                 parent: QWidget | None = None) -> None:
        super().__init__(people, submit, parent)
        self._role = role
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, STAFF_LABELS)
        self.title = QLineEdit(self)
        self.form.addRow(_("Role"), self.kind)
        self.form.addRow(_("Title"), self.title)
        self._add_period(role)
        self.setWindowTitle(_("Edit staff role") if role else _("Add staff role"))
        if role is not None:
            select_data(self.kind, role.kind)
            self.title.setText(role.title)

    def _record(self, person_id: int) -> StaffRole:
        return StaffRole(id=self._role.id if self._role else 0, person_id=person_id,
                         kind=StaffKind(self.kind.currentData()), title=self.title.text(),
                         from_date=self.from_date.date(), to_date=self.to_date.date())


class AuditorDialog(_PeriodDialog):
    """Fields of one auditor's assignment; `submit(auditor, new_person_name)` saves or raises."""

    def __init__(self, auditor: Auditor | None, people: list[Person], members: list[Member],
                 submit: AuditorSubmit, parent: QWidget | None = None) -> None:
        super().__init__(people, submit, parent)
        self._auditor = auditor
        self.member = QComboBox(self)
        for member in members:
            self.member.addItem(member.name, member.id)
        self.member.addItem(_("Appointed jointly"), None)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, AUDITOR_LABELS)
        self.firm = QLineEdit(self)
        self.form.addRow(_("Appointed by"), self.member)
        self.form.addRow(_("Kind"), self.kind)
        self.form.addRow(_("Audit firm"), self.firm)
        self._add_period(auditor)
        self.setWindowTitle(_("Edit auditor") if auditor else _("Add auditor"))
        if auditor is not None:
            if auditor.member_id is None:
                self.member.setCurrentIndex(self.member.count() - 1)
            else:
                select_data(self.member, auditor.member_id)
            select_data(self.kind, auditor.kind)
            self.firm.setText(auditor.firm)

    def _record(self, person_id: int) -> Auditor:
        return Auditor(id=self._auditor.id if self._auditor else 0, person_id=person_id,
                       member_id=self.member.currentData(),
                       kind=AuditorKind(self.kind.currentData()), firm=self.firm.text(),
                       from_date=self.from_date.date(), to_date=self.to_date.date())
