"""Small dialogs of the paragraph editor: a motion (yrkande) and a reservation or protocol
note. Each keeps what was typed and shows the reason when the service refuses."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.meetings import Motion, Statement, StatementKind
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data

STATEMENT_LABELS = {StatementKind.RESERVATION: N_("Reservation"),
                    StatementKind.NOTE: N_("Protocol note")}


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _text_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(90)
    return box


class MotionDialog(QDialog):
    """Who moves what; `submit(motion)` saves it or raises FinsamError."""

    def __init__(self, motion: Motion, movers: list[tuple[int, str]],
                 submit: Callable[[Motion], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._motion, self._submit = motion, submit
        self.mover = QComboBox(self)
        self.mover.addItem(_("The proposal (förslaget)"), None)
        for person_id, name in movers:
            self.mover.addItem(name, person_id)
        self.text = _text_box(self)
        self.seconded = QLineEdit(self)
        self.withdrawn = QCheckBox(_("Withdrawn"), self)
        self.error = ErrorLabel(self)
        form = QFormLayout(self)
        form.addRow(_("Moved by"), self.mover)
        form.addRow(_("Motion"), self.text)
        form.addRow(_("Seconded by"), self.seconded)
        form.addRow("", self.withdrawn)
        form.addRow(self.error)
        self.buttons = _buttons(self)
        form.addRow(self.buttons)
        self.seconded.setPlaceholderText(_("optional: names"))
        self.text.setPlaceholderText(_("e.g. Bifall till förslaget / Avslag / Återremiss för …"))
        if motion.id:
            index = self.mover.findData(motion.mover_id)
            if index < 0 and motion.mover_id:
                self.mover.addItem(motion.mover_name, motion.mover_id)
                index = self.mover.count() - 1
            self.mover.setCurrentIndex(max(0, index))
            self.mover.setEnabled(False)  # the mover of a recorded motion does not change
        self.withdrawn.setVisible(bool(motion.id))
        self.text.setPlainText(motion.text)
        self.seconded.setText(motion.seconded_by)
        self.withdrawn.setChecked(motion.withdrawn)
        self.setWindowTitle(_("Edit motion") if motion.id else _("Add motion"))
        self.setMinimumWidth(520)

    def motion(self) -> Motion:
        """The motion as typed."""
        text = self.text.toPlainText().strip()
        if not text:
            raise ValidationError(_("Type the motion."))
        mover = self.mover.currentData()
        return dataclasses.replace(self._motion, text=text,
                                   mover_id=int(mover) if mover is not None else None,
                                   seconded_by=self.seconded.text().strip(),
                                   withdrawn=self.withdrawn.isChecked())

    def accept(self) -> None:
        try:
            self._submit(self.motion())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()


class StatementDialog(QDialog):
    """A reservation or protocol note; the written reason may be added later."""

    def __init__(self, statement: Statement, people: dict[StatementKind, list[tuple[int, str]]],
                 submit: Callable[[Statement], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statement, self._submit, self._people = statement, submit, people
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, STATEMENT_LABELS)
        select_data(self.kind, statement.kind)
        self.person = QComboBox(self)
        self.text = _text_box(self)
        self.received = DateField(self)
        self.error = ErrorLabel(self)
        form = QFormLayout(self)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("By"), self.person)
        form.addRow(_("Text / written reason"), self.text)
        form.addRow(_("Written reason received"), self.received)
        form.addRow(self.error)
        self.buttons = _buttons(self)
        form.addRow(self.buttons)
        self.text.setPlaceholderText(_("May be left empty now: a reservation's written reason "
                                       "must reach the secretary before the minutes are "
                                       "signed."))
        self.kind.currentIndexChanged.connect(self._fill_people)
        self._fill_people()
        if statement.id:
            self.kind.setEnabled(False)
            self.person.clear()
            self.person.addItem(statement.name, statement.person_id)
            self.person.setEnabled(False)
        self.text.setPlainText(statement.text)
        self.received.set_date(statement.received_on)
        self.setWindowTitle(_("Edit reservation or note") if statement.id
                            else _("Add reservation or note"))
        self.setMinimumWidth(520)

    def _fill_people(self) -> None:
        if self._statement.id:
            return
        current = self.person.currentData()
        self.person.clear()
        for person_id, name in self._people.get(StatementKind(self.kind.currentData()), []):
            self.person.addItem(name, person_id)
        select_data(self.person, current)

    def statement(self) -> Statement:
        """The statement as typed."""
        person = self.person.currentData()
        if person is None:
            raise ValidationError(_("Choose who makes the statement."))
        return dataclasses.replace(self._statement, kind=StatementKind(self.kind.currentData()),
                                   person_id=int(person), text=self.text.toPlainText().strip(),
                                   received_on=self.received.date())

    def accept(self) -> None:
        try:
            self._submit(self.statement())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
