"""The follow-up of the selected decision: category, responsible, due date, status, where it
was reported back, note. Each change is saved at once through an undo command."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.decisions import STATUS_LABELS, DecisionRow, FollowUp, FollowUpStatus
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import board, decisions
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.decisions.filters import category_choices
from finsam_desktop.ui.panels.meetings.common import CommitTextEdit
from finsam_desktop.ui.undo_decisions import SaveFollowUp
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data


class FollowUpForm(QWidget):
    """Edits one decision's follow-up; empty and disabled while nothing is selected."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._row: DecisionRow | None = None
        self._followup: FollowUp | None = None
        self._loading = False
        self._saving = False
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision_text = QLabel(self)
        self.decision_text.setWordWrap(True)
        self.decision_text.setStyleSheet("color: #444444;")
        self.decision_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.responsible = QLineEdit(self)
        self._people = QCompleter([], self)
        self._people.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._people.setFilterMode(Qt.MatchFlag.MatchContains)
        self.responsible.setCompleter(self._people)
        self.due = DateField(self)
        self.status = QComboBox(self)
        self.reported = QLineEdit(self)
        self.reported.setReadOnly(True)
        self.clear_reported = QPushButton(self)
        self.note = CommitTextEdit(self, lines=2)
        self.overdue = QLabel(self)
        self.overdue.setStyleSheet("color: #9b0016; font-weight: bold;")
        self.final = QLabel(self)
        self.error = ErrorLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        reported_row = QHBoxLayout()
        reported_row.addWidget(self.reported, 1)
        reported_row.addWidget(self.clear_reported)
        self.labels = [QLabel(self) for _i in range(6)]
        # Two columns below the register: who/when/status left, report and note right.
        left, right = QFormLayout(), QFormLayout()
        for label, field in zip(self.labels[:4], (self.category, self.responsible, self.due,
                                                  self.status), strict=True):
            left.addRow(label, field)
        right.addRow(self.labels[4], reported_row)
        right.addRow(self.labels[5], self.note)
        right.addRow(self.overdue)
        right.addRow(self.final)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.decision_text)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.category.activated.connect(self.save)
        self.category.lineEdit().editingFinished.connect(self.save)
        self.responsible.editingFinished.connect(self.save)
        self.due.editingFinished.connect(self.save)
        self.status.activated.connect(self.save)
        self.note.committed.connect(self.save)
        self.clear_reported.clicked.connect(self._clear_reported)
        self.set_decision(None)

    def translate_ui(self) -> None:
        """Set every text."""
        for label, text in zip(self.labels, (_("Category"), _("Responsible"), _("Due"),
                                             _("Status"), _("Reported back in"), _("Note")),
                               strict=True):
            label.setText(text)
        fill_enum_combo(self.status, STATUS_LABELS)
        self.responsible.setPlaceholderText(_("who carries it out"))
        self.due.setToolTip(_("Leave empty if there is no deadline."))
        self.reported.setPlaceholderText(_("not reported back yet"))
        self.clear_reported.setText(_("Clear"))
        self.clear_reported.setToolTip(_("Forget where it was reported back (e.g. set by "
                                         "mistake)."))
        self.hint.setText(_("Changes are saved at once; Edit ▸ Undo takes them back. The "
                            "follow-up stays editable after the minutes are signed."))
        if self._ctx.store is not None:
            self._show()

    def refresh_people(self) -> None:
        """Offer the names of registered people when typing a responsible."""
        names = sorted({p.name for p in board.list_people(self._ctx.require_store())})
        self._people.model().setStringList(names)  # type: ignore[attr-defined]

    def set_decision(self, row: DecisionRow | None) -> None:
        """Show the follow-up of `row` (None: nothing selected)."""
        self._row = row
        self._followup = (decisions.get_followup(self._ctx.require_store(), row.item_id)
                          if row is not None and self._ctx.store is not None else None)
        self.error.show_message("")
        self._show()

    def current(self) -> FollowUp | None:
        """The follow-up shown, as last saved."""
        return self._followup

    def _show(self) -> None:
        row, followup = self._row, self._followup
        self._loading = True
        for widget in (self.category, self.responsible, self.due, self.status, self.note,
                       self.clear_reported):
            widget.setEnabled(followup is not None)
        if row is None or followup is None:
            self.heading.setText(_("Select a decision in the list to follow it up."))
            self.decision_text.setText("")
            for edit in (self.responsible, self.due, self.reported):
                edit.clear()
            self.category.setEditText("")
            self.note.set_text("")
            self.overdue.setText("")
            self.final.setText("")
            self._loading = False
            return
        self.heading.setText(_("§ {number} ({date}) {title}").format(
            number=row.number, date=format_date(row.meeting_date), title=row.title))
        decision = row.decision.strip()
        self.decision_text.setText(decision if len(decision) < 400 else decision[:400] + "…")
        self._fill_categories(followup.category)
        self.responsible.setText(followup.responsible)
        self.due.set_date(followup.due_on)
        select_data(self.status, followup.status.value)
        self.reported.setText(row.reported_in if followup.reported_item_id else "")
        self.clear_reported.setEnabled(followup.reported_item_id is not None)
        self.note.set_text(followup.note)
        self.overdue.setText(_("Overdue since {date}").format(date=format_date(row.due_on))
                             if row.overdue and row.due_on else "")
        self.final.setText(_("Final (laga kraft) from {date}").format(
            date=format_date(row.final_from)) if row.final_from else
            _("Not final yet: the minutes are not posted on the notice board."))
        self._loading = False

    def _fill_categories(self, stored: str) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        for value in category_choices(decisions.categories(self._ctx.require_store())):
            self.category.addItem(_(value), value)
        index = self.category.findData(stored)
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setEditText(stored)
        self.category.blockSignals(False)

    def _category_value(self) -> str:
        text = self.category.currentText().strip()
        index = self.category.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.category.itemData(index)) if index >= 0 else text

    def edited(self) -> FollowUp | None:
        """The follow-up as typed; raises ValidationError for an unreadable date."""
        if self._followup is None:
            return None
        responsible = self.responsible.text().strip()
        person = next((p.id for p in board.list_people(self._ctx.require_store())
                       if p.name.casefold() == responsible.casefold()), None)
        return dataclasses.replace(
            self._followup, category=self._category_value(), responsible=responsible,
            responsible_person_id=person, due_on=self.due.date(),
            status=FollowUpStatus(self.status.currentData()), note=self.note.text().strip())

    def save(self) -> bool:
        """Save what is typed if it differs; a refusal is shown under the fields."""
        if self._loading or self._saving or self._followup is None:
            return True
        try:
            after = self.edited()
            if after is None or after == self._followup:
                return True
            self._saving = True  # the refresh this causes must not save again
            undo.run(self._ctx, SaveFollowUp(self._ctx, after))
        except FinsamError as error:
            self.error.show_message(str(error))
            return False
        finally:
            self._saving = False
        self.error.show_message("")
        self._followup = after
        return True

    def _clear_reported(self) -> None:
        if self._followup is None or self._followup.reported_item_id is None:
            return
        status = self._followup.status
        if status is FollowUpStatus.REPORTED_BACK:
            status = FollowUpStatus.CARRIED_OUT
        after = dataclasses.replace(self._followup, reported_item_id=None, status=status)
        try:
            undo.run(self._ctx, SaveFollowUp(self._ctx, after))
        except FinsamError as error:
            self.error.show_message(str(error))
            return
        self._followup = after
