"""Staff tab: the office (kansli) roles over time, with add, edit, end and remove."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.board import STAFF_LABELS, Person, StaffRole
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import board
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.organisation.person_dialog import PersonDialog, PersonEditing
from finsam_desktop.ui.panels.organisation.person_strip import PersonStrip, person_tooltip
from finsam_desktop.ui.panels.organisation.staff_dialog import StaffDialog
from finsam_desktop.ui.widgets.end_dialog import EndDialog
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


@dataclass(frozen=True)
class StaffRow:
    """A staff role with the person's name and details (None: unknown)."""

    role: StaffRole
    name: str
    details: Person | None = None


def _tooltip(row: StaffRow) -> str:
    return person_tooltip(row.details) if row.details else ""


COLUMNS = [
    Column(N_("Name"), lambda r: r.name, tooltip=_tooltip),
    Column(N_("Role"), lambda r: _(STAFF_LABELS[r.role.kind])),
    Column(N_("Title"), lambda r: r.role.title),
    Column(N_("From"), lambda r: format_date(r.role.from_date)),
    Column(N_("To"), lambda r: format_date(r.role.to_date)),
]


class StaffTab(QWidget):
    """List and edit staff roles."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=2)
        self.dialog: StaffDialog | EndDialog | PersonDialog | None = None
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
        self.show_ended.setText(_("Show ended roles"))
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Edit…"))
        self.end_button.setText(_("End…"))
        self.remove_button.setText(_("Remove"))
        self.person_strip.translate_ui()
        self.model.retranslate()

    def refresh(self) -> None:
        """Re-read staff roles (current ones unless ended are asked for)."""
        store = self._ctx.require_store()
        today = store.today()
        people = {p.id: p for p in board.list_people(store)}
        rows = [StaffRow(r, people[r.person_id].name if r.person_id in people else "?",
                         people.get(r.person_id)) for r in board.list_staff(store)
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

    def open_editor(self, role: StaffRole | None) -> StaffDialog:
        """Open the staff dialog (non-blocking); OK saves through undo commands."""
        people = board.list_people(self._ctx.require_store())
        self.dialog = StaffDialog(role, people, self._save, self)
        self.dialog.open()
        return self.dialog

    def _save(self, role: StaffRole, new_person: str | None) -> None:
        person_command = None
        if new_person:
            person_command = undo.AddPerson(self._ctx, Person(0, new_person))
            person_command.execute()
            role = dataclasses.replace(role, person_id=person_command.record.id)
        command = (undo.UpdateStaff(self._ctx, role, text=_("Edit staff role")) if role.id
                   else undo.AddStaff(self._ctx, role, text=_("Add staff role")))
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
            undo.run(self._ctx, undo.UpdateStaff(self._ctx, after, text=_("End staff role")))
        self.dialog = EndDialog(_("End role"), _("{name} leaves the role.").format(name=row.name),
                                self._ctx.require_store().today(), submit, self)
        self.dialog.open()
        return self.dialog

    def _remove_selected(self) -> None:
        row = selected_record(self.view)
        if row is None or not dialogs.ask_yes_no(
                self, _("Remove staff role"),
                _("Remove {name}'s role? To record that someone left, use End… instead.")
                .format(name=row.name)):
            return
        try:
            undo.run(self._ctx, undo.RemoveStaff(self._ctx, row.role.id,
                                                 text=_("Remove staff role")))
        except FinsamError as error:
            dialogs.show_error(self, _("Could not remove the role"), str(error))


def _ended(role: StaffRole, today: dt.date) -> bool:
    return role.to_date is not None and role.to_date < today
