"""Dialog to edit a person's details (name, title, contact details, party letters); a refused
value keeps the dialog open with the reason shown, so what the user typed is never lost.
`PersonEditing` opens it from the board and staff tabs and saves through an undo command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpacerItem,
    QWidget,
)

from finsam_desktop.domain.board import Person
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import board
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.widgets.fields import ErrorLabel


class PersonDialog(QDialog):
    """Fields of one person; `submit(person)` saves them or raises FinsamError."""

    def __init__(self, person: Person, submit: Callable[[Person], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self._submit = submit
        self.name = QLineEdit(self)
        self.title = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.party = QLineEdit(self)
        self.privacy = QLabel(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show(person)
        self.setMinimumWidth(460)

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.privacy)
        form.addItem(QSpacerItem(0, 6))
        form.addRow(_("Name"), self.name)
        form.addRow(_("Title"), self.title)
        form.addRow(_("E-mail"), self.email)
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("Party letters"), self.party)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(_("Person details"))
        self.title.setPlaceholderText(_("e.g. municipal commissioner, unit manager"))
        self.email.setPlaceholderText(_("name@example.se"))
        self.party.setPlaceholderText(_("e.g. S, M, C (elected politicians only)"))
        self.party.setMaxLength(20)
        self.privacy.setText(_("Only board members, deputies and staff are registered here — "
                               "never participants."))
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("font-style: italic;")

    def _show(self, person: Person) -> None:
        self.name.setText(person.name)
        self.title.setText(person.title)
        self.email.setText(person.email)
        self.phone.setText(person.phone)
        self.party.setText(person.political_party)

    def person(self) -> Person:
        """The person as typed (the service strips and checks the values)."""
        return Person(id=self._person.id, name=self.name.text(), title=self.title.text(),
                      email=self.email.text(), phone=self.phone.text(),
                      political_party=self.party.text())

    def accept(self) -> None:
        try:
            self._submit(self.person())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()  # let the wrapped message show in full
            return
        super().accept()


class PersonEditing:
    """Opens the person dialog for a tab; OK saves through the UpdatePerson undo command."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self._ctx = ctx
        self._parent = parent

    def open(self, person_id: int) -> PersonDialog | None:
        """Open the (non-blocking) dialog for the person with `person_id`, as stored now."""
        person = next((p for p in board.list_people(self._ctx.require_store())
                       if p.id == person_id), None)
        if person is None:  # removed meanwhile (e.g. by undo)
            dialogs.show_error(self._parent, _("Person details"),
                               _("This person is no longer registered."))
            return None
        dialog = PersonDialog(person, self._save, self._parent)
        dialog.open()
        return dialog

    def _save(self, person: Person) -> None:
        undo.run(self._ctx, undo.UpdatePerson(
            self._ctx, person, text=_("Edit details of {name}").format(name=person.name.strip())))
