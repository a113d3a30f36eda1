"""Dialog to correct a paragraph of earlier, sealed minutes: pick the meeting and the §,
type the correction; it becomes a new paragraph of the meeting being minuted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings
from finsam_desktop.ui.widgets.fields import ErrorLabel

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

CorrectionSubmit = Callable[[int, str], None]
"""Saves the correction of the paragraph with the given item id."""


class CorrectionDialog(QDialog):
    """Earlier sealed meeting, its paragraph, and the text of the correction."""

    def __init__(self, store: Store, current_meeting_id: int, submit: CorrectionSubmit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._submit = store, submit
        self.meeting = QComboBox(self)
        self.paragraph = QComboBox(self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for summary in reversed(meetings.list_meetings(store)):
            if summary.meeting.id != current_meeting_id and meetings.is_sealed(
                    store, summary.meeting.id):
                self.meeting.addItem(f"{format_date(summary.meeting.date)}  "
                                     f"(§ {summary.first_number}–{summary.last_number})",
                                     summary.meeting.id)
        note = QLabel(_("Signed minutes are never changed. The correction becomes a new "
                        "paragraph of this meeting, referring to the corrected one."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_("Signed minutes of"), self.meeting)
        form.addRow(_("Paragraph"), self.paragraph)
        form.addRow(_("Correction"), self.text)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.text.setPlaceholderText(_("e.g. The amount in the decision shall read 250 000 "
                                       "kr, not 25 000 kr."))
        self.meeting.currentIndexChanged.connect(self._fill_paragraphs)
        self._fill_paragraphs()
        if self.meeting.count() == 0:
            self.error.show_message(_("There are no signed and sealed minutes to correct."))
        self.setWindowTitle(_("Add correction of a paragraph"))
        self.setMinimumWidth(560)

    def _fill_paragraphs(self) -> None:
        self.paragraph.clear()
        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            return
        meeting = meetings.get_meeting(self._store, int(meeting_id))
        for item in meetings.list_items(self._store, meeting.id):
            self.paragraph.addItem(f"§ {meetings.number_of(meeting, item)}  {item.title}",
                                   item.id)

    def accept(self) -> None:
        try:
            item_id = self.paragraph.currentData()
            if item_id is None:
                raise ValidationError(_("Choose the paragraph to correct."))
            text = self.text.toPlainText().strip()
            if not text:
                raise ValidationError(_("Type the correction."))
            self._submit(int(item_id), text)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
