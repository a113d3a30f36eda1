"""Dialogs to add or edit a staff role (förbundschef, secretary, …) or an auditor; a new name
registers a new person."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from finsam_desktop.domain.board import (
    AUDITOR_LABELS,
    STAFF_LABELS,
    Auditor,
    AuditorKind,
    Person,
    StaffKind,
    StaffRole,
)
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data
from finsam_desktop.ui.widgets.person_picker import PersonPicker

StaffSubmit = Callable[[StaffRole, str | None], None]
"""Saves the role; the second argument is the name of a person to register first."""


class StaffDialog(QDialog):
    """Fields of one staff role; `submit(role, new_person_name)` saves or raises FinsamError."""

    def __init__(self, role: StaffRole | None, people: list[Person], submit: StaffSubmit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = role
        self._submit = submit
        self.person = PersonPicker(people, self)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, STAFF_LABELS)
        self.title = QLineEdit(self)
        self.from_date = DateField(self)
        self.to_date = DateField(self)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Person"), self.person)
        form.addRow(_("Role"), self.kind)
        form.addRow(_("Title"), self.title)
        form.addRow(_("From"), self.from_date)
        form.addRow(_("To"), self.to_date)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setWindowTitle(_("Edit staff role") if role else _("Add staff role"))
        self.setMinimumWidth(420)
        if role is not None:
            self._show(role)

    def _show(self, role: StaffRole) -> None:
        self.person.select_person(role.person_id)
        select_data(self.kind, role.kind)
        self.title.setText(role.title)
        self.from_date.set_date(role.from_date)
        self.to_date.set_date(role.to_date)

    def accept(self) -> None:
        try:
            person_id, name = self.person.choice()
            role = StaffRole(
                id=self._role.id if self._role else 0, person_id=person_id or 0,
                kind=StaffKind(self.kind.currentData()), title=self.title.text(),
                from_date=self.from_date.date(), to_date=self.to_date.date())
            self._submit(role, None if person_id else name)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()  # let the wrapped message show in full
            return
        super().accept()


AuditorSubmit = Callable[[Auditor, str | None], None]


class AuditorDialog(QDialog):
    """Fields of one auditor's assignment; `submit(auditor, new_person_name)` saves or raises."""

    def __init__(self, auditor: Auditor | None, people: list[Person], members: list[Member],
                 submit: AuditorSubmit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auditor = auditor
        self._submit = submit
        self.person = PersonPicker(people, self)
        self.member = QComboBox(self)
        for member in members:
            self.member.addItem(member.name, member.id)
        self.member.addItem(_("Appointed jointly"), None)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, AUDITOR_LABELS)
        self.firm = QLineEdit(self)
        self.from_date = DateField(self)
        self.to_date = DateField(self)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Person"), self.person)
        form.addRow(_("Appointed by"), self.member)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Audit firm"), self.firm)
        form.addRow(_("From"), self.from_date)
        form.addRow(_("To"), self.to_date)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setWindowTitle(_("Edit auditor") if auditor else _("Add auditor"))
        self.setMinimumWidth(420)
        if auditor is not None:
            self.person.select_person(auditor.person_id)
            if auditor.member_id is None:
                self.member.setCurrentIndex(self.member.count() - 1)
            else:
                select_data(self.member, auditor.member_id)
            select_data(self.kind, auditor.kind)
            self.firm.setText(auditor.firm)
            self.from_date.set_date(auditor.from_date)
            self.to_date.set_date(auditor.to_date)

    def accept(self) -> None:
        try:
            person_id, name = self.person.choice()
            auditor = Auditor(
                id=self._auditor.id if self._auditor else 0, person_id=person_id or 0,
                member_id=self.member.currentData(), kind=AuditorKind(self.kind.currentData()),
                firm=self.firm.text(), from_date=self.from_date.date(),
                to_date=self.to_date.date())
            self._submit(auditor, None if person_id else name)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
