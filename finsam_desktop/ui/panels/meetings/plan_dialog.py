"""Dialog to plan a meeting: date, kind, times, place and remote link; the standard opening
and closing items are added to its agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.meetings import KIND_LABELS, Meeting, MeetingKind
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo


def time_field(parent: QWidget) -> QLineEdit:
    """A short HH:MM field."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText("HH:MM")
    edit.setMaximumWidth(70)
    return edit


class PlanDialog(QDialog):
    """Fields of a new meeting; `submit(meeting)` plans it or raises FinsamError."""

    def __init__(self, default_date: dt.date, submit: Callable[[Meeting], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.date = DateField(self)
        self.date.set_date(default_date)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, KIND_LABELS)
        self.start_time = time_field(self)
        self.end_time = time_field(self)
        self.place = QLineEdit(self)
        self.remote_link = QLineEdit(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.end_time)
        times.addStretch(1)
        note = QLabel(_("The standard items (opening, adjusters, agenda, reports, closing) are "
                        "put on the agenda; you can change them afterwards."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Time"), times)
        form.addRow(_("Place"), self.place)
        form.addRow(_("Remote link"), self.remote_link)
        form.addRow(note)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.place.setPlaceholderText(_("e.g. the agency office, room Hjälmaren"))
        self.remote_link.setPlaceholderText(_("optional: link for remote participants"))
        self.setWindowTitle(_("Plan meeting"))
        self.setMinimumWidth(460)

    def meeting(self) -> Meeting:
        """The meeting as typed; raises ValidationError for unreadable values."""
        day = self.date.date()
        if day is None:
            raise ValidationError(_("Enter the date of the meeting."))
        return Meeting(0, day, MeetingKind(self.kind.currentData()),
                       start_time=self.start_time.text().strip(),
                       end_time=self.end_time.text().strip(), place=self.place.text().strip(),
                       remote_link=self.remote_link.text().strip())

    def accept(self) -> None:
        try:
            self._submit(self.meeting())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
