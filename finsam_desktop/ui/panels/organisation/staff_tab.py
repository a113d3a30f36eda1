"""Staff and auditors tabs: the office (kansli) roles and the auditors (revisorer) over time,
with add, edit, end and remove. `RoleTab` holds what the two share."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.board import AUDITOR_LABELS, STAFF_LABELS, Auditor, Person, StaffRole
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import board, organisation
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.organisation.person_dialog import PersonDialog, PersonEditing
from finsam_desktop.ui.panels.organisation.person_strip import PersonStrip, person_tooltip
from finsam_desktop.ui.panels.organisation.staff_dialog import AuditorDialog, StaffDialog
from finsam_desktop.ui.widgets.end_dialog import EndDialog
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


@dataclass(frozen=True)
class RoleRow:
    """A staff role or an auditor's assignment with the person's name and details (None:
    unknown) and, for auditors, the member that appointed them."""

    role: Any  # StaffRole | Auditor
    name: str
    details: Person | None = None
    member: str = ""


StaffRow = RoleRow


def _tooltip(row: RoleRow) -> str:
    return person_tooltip(row.details) if row.details else ""


COLUMNS = [
    Column(N_("Name"), lambda r: r.name, tooltip=_tooltip),
    Column(N_("Role"), lambda r: _(STAFF_LABELS[r.role.kind])),
    Column(N_("Title"), lambda r: r.role.title),
    Column(N_("From"), lambda r: format_date(r.role.from_date)),
    Column(N_("To"), lambda r: format_date(r.role.to_date)),
]

AUDITOR_COLUMNS = [
    Column(N_("Name"), lambda r: r.name, tooltip=_tooltip),
    Column(N_("Appointed by"), lambda r: r.member),
    Column(N_("Kind"), lambda r: _(AUDITOR_LABELS[r.role.kind])),
    Column(N_("Audit firm"), lambda r: r.role.firm),
    Column(N_("From"), lambda r: format_date(r.role.from_date)),
    Column(N_("To"), lambda r: format_date(r.role.to_date)),
]


class RoleTab(QWidget):
    """List and edit roles held over a period by people in the register."""

    columns: ClassVar[list[Column]] = COLUMNS
    stretch_column: ClassVar[int] = 2
    add_command: ClassVar[type] = undo.AddStaff
    update_command: ClassVar[type] = undo.UpdateStaff
    remove_command: ClassVar[type] = undo.RemoveStaff
    texts: ClassVar[dict[str, str]] = {
        "show_ended": N_("Show ended roles"), "edit": N_("Edit staff role"),
        "add": N_("Add staff role"), "end": N_("End staff role"), "end_title": N_("End role"),
        "leaves": N_("{name} leaves the role."), "remove": N_("Remove staff role"),
        "remove_question": N_("Remove {name}'s role? To record that someone left, use End… "
                              "instead."),
        "remove_failed": N_("Could not remove the role"),
    }

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RecordTableModel(self.columns, self)
        self.view = make_table(self.model, self, stretch_column=self.stretch_column)
        self.dialog: QWidget | None = None
        self.people = PersonEditing(ctx, self)
        self.show_ended = QCheckBox(self)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.end_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.person_strip = PersonStrip(self)
        self.person_button = self.person_strip.button
        top = QHBoxLayout()
        top.addWidget(self.show_ended)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.person_strip)
        self._connect()

    def _connect(self) -> None:
        self.show_ended.toggled.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_selected)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.remove_button.clicked.connect(self._remove_selected)
        self.person_button.clicked.connect(self.open_person_editor)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.show_ended.setText(_(self.texts["show_ended"]))
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Edit…"))
        self.end_button.setText(_("End…"))
        self.remove_button.setText(_("Remove"))
        self.person_strip.translate_ui()
        self.model.retranslate()

    def records(self) -> list[Any]:
        """Every role ever held."""
        return list(board.list_staff(self._ctx.require_store()))

    def make_row(self, role: Any, people: dict[int, Person]) -> RoleRow:
        """The row showing `role`."""
        person = people.get(role.person_id)
        return RoleRow(role, person.name if person else "?", person)

    def refresh(self) -> None:
        """Re-read the roles (current ones unless ended are asked for)."""
        store = self._ctx.require_store()
        today = store.today()
        people = {p.id: p for p in board.list_people(store)}
        rows = [self.make_row(r, people) for r in self.records()
                if self.show_ended.isChecked() or not _ended(r, today)]
        before = selected_record(self.view)
        self.model.set_rows(rows)
        if before is not None:  # keep the row selected, e.g. after editing the person
            ids = [row.role.id for row in rows]
            if before.role.id in ids:
                self.view.selectRow(ids.index(before.role.id))
        fit_columns(self.view)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = selected_record(self.view)
        for button in (self.edit_button, self.end_button, self.remove_button):
            button.setEnabled(row is not None)
        self.person_strip.show_person(row.details if row is not None else None)

    def make_dialog(self, role: Any, people: list[Person],
                    submit: Callable[[Any, str | None], None]) -> QWidget:
        """The dialog that edits one role."""
        return StaffDialog(role, people, submit, self)

    def open_editor(self, role: Any) -> Any:
        """Open the role's dialog (non-blocking); OK saves through undo commands."""
        people = board.list_people(self._ctx.require_store())
        dialog = self.make_dialog(role, people, self._save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, role: Any, new_person: str | None) -> None:
        person_command = None
        if new_person:
            person_command = undo.AddPerson(self._ctx, Person(0, new_person))
            person_command.execute()
            role = dataclasses.replace(role, person_id=person_command.record.id)
        command = (self.update_command(self._ctx, role, text=_(self.texts["edit"])) if role.id
                   else self.add_command(self._ctx, role, text=_(self.texts["add"])))
        try:
            command.execute()
        except FinsamError:
            if person_command is not None:
                person_command.undo()
            raise
        stack = self._ctx.undo_stack
        stack.beginMacro(command.text())
        for done in (person_command, command):
            if done is not None:
                stack.push(done)
        stack.endMacro()

    def _edit_selected(self) -> None:
        row = selected_record(self.view)
        if row is not None:
            self.open_editor(row.role)

    def open_person_editor(self) -> PersonDialog | None:
        """Edit the details of the selected role's holder (non-blocking)."""
        row = selected_record(self.view)
        if row is None:
            return None
        dialog = self.people.open(row.role.person_id)
        if dialog is not None:
            self.dialog = dialog
        return dialog

    def open_end_dialog(self) -> EndDialog | None:
        """Ask for the last day of the selected role."""
        row = selected_record(self.view)
        if row is None:
            return None
        def submit(day: dt.date) -> None:
            after = dataclasses.replace(row.role, to_date=day)
            undo.run(self._ctx, self.update_command(self._ctx, after, text=_(self.texts["end"])))
        self.dialog = EndDialog(_(self.texts["end_title"]),
                                _(self.texts["leaves"]).format(name=row.name),
                                self._ctx.require_store().today(), submit, self)
        self.dialog.open()
        return self.dialog

    def _remove_selected(self) -> None:
        row = selected_record(self.view)
        if row is None or not dialogs.ask_yes_no(
                self, _(self.texts["remove"]),
                _(self.texts["remove_question"]).format(name=row.name)):
            return
        try:
            undo.run(self._ctx, self.remove_command(self._ctx, row.role.id,
                                                    text=_(self.texts["remove"])))
        except FinsamError as error:
            dialogs.show_error(self, _(self.texts["remove_failed"]), str(error))


class StaffTab(RoleTab):
    """List and edit staff roles."""


class AuditorsTab(RoleTab):
    """List and edit the auditors: one per member (or joint ones), with their periods."""

    columns = AUDITOR_COLUMNS
    stretch_column = 3
    add_command, update_command = undo.AddAuditor, undo.UpdateAuditor
    remove_command = undo.RemoveAuditor
    texts: ClassVar[dict[str, str]] = {
        "show_ended": N_("Show earlier auditors"), "edit": N_("Edit auditor"),
        "add": N_("Add auditor"), "end": N_("End auditor's assignment"),
        "end_title": N_("End assignment"), "leaves": N_("{name} stops auditing the agency."),
        "remove": N_("Remove auditor"),
        "remove_question": N_("Remove {name} as auditor? To record that the assignment "
                              "ended, use End… instead."),
        "remove_failed": N_("Could not remove the auditor"),
    }

    _member_names: ClassVar[dict[int, str]] = {}

    def records(self) -> list[Any]:
        store = self._ctx.require_store()
        self._member_names = {m.id: m.name for m in organisation.list_members(store)}
        return list(board.list_auditors(store))

    def make_row(self, role: Any, people: dict[int, Person]) -> RoleRow:
        person = people.get(role.person_id)
        member = (self._member_names.get(role.member_id, "?") if role.member_id is not None
                  else _("Appointed jointly"))
        return RoleRow(role, person.name if person else "?", person, member)

    def make_dialog(self, role: Any, people: list[Person],
                    submit: Callable[[Any, str | None], None]) -> QWidget:
        members = organisation.list_members(self._ctx.require_store())
        return AuditorDialog(role, people, members, submit, self)


def _ended(role: StaffRole | Auditor, today: dt.date) -> bool:
    return role.to_date is not None and role.to_date < today
