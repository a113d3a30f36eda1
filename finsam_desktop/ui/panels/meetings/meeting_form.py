"""The meeting's own fields, edited in place (each commits when left, through an undo
command), and the summons: the day it went out and a warning when that was late."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import KIND_LABELS, Meeting, MeetingKind
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, WARNING_STYLE
from finsam_desktop.ui.panels.meetings.plan_dialog import time_field
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data


class MeetingForm(QGroupBox):
    """Date, kind, times, place, remote link, time and place of signing; summons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meeting: Meeting | None = None
        self._pending = False
        self.date = DateField(self)
        self.kind = QComboBox(self)
        self.start_time = time_field(self)
        self.end_time = time_field(self)
        self.place = QLineEdit(self)
        self.remote_link = QLineEdit(self)
        self.signing = QLineEdit(self)
        self.summoned_on = DateField(self)
        self.summon_button = QPushButton(self)
        self.summons_state = QLabel(self)
        self.summons_state.setWordWrap(True)
        self.error = ErrorLabel(self)
        self._labels = [QLabel(self) for _i in range(6)]
        self._build()
        for edit in (self.date, self.start_time, self.end_time, self.place, self.remote_link,
                     self.signing):
            edit.editingFinished.connect(self.save_fields)
        self.kind.currentIndexChanged.connect(self.save_fields)
        self.summon_button.clicked.connect(self.send_summons)

    def _build(self) -> None:
        line1 = QHBoxLayout()
        line1.addWidget(self.date)
        line1.addWidget(self.kind)
        line1.addSpacing(12)
        line1.addWidget(self._labels[0])
        line1.addWidget(self.start_time)
        line1.addWidget(QLabel("–", self))
        line1.addWidget(self.end_time)
        line1.addStretch(1)
        summons = QHBoxLayout()
        summons.addWidget(self.summoned_on)
        summons.addWidget(self.summon_button)
        summons.addWidget(self.summons_state, 1)
        self._form = QFormLayout(self)
        self._form.addRow(self._labels[1], line1)
        self._form.addRow(self._labels[2], self.place)
        self._form.addRow(self._labels[3], self.remote_link)
        self._form.addRow(self._labels[4], self.signing)
        self._form.addRow(self._labels[5], summons)
        self._form.addRow(self.error)
        self.setTabOrder(self.date, self.kind)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Meeting"))
        fill_enum_combo(self.kind, KIND_LABELS)
        for label, text in zip(self._labels, (_("Time"), _("Date"), _("Place"),
                                              _("Remote link"),
                                              _("Signing (time and place)"),
                                              _("Summons sent on")), strict=True):
            label.setText(text)
        self.signing.setPlaceholderText(_("e.g. the agency office, 20 March 2026"))
        self.remote_link.setPlaceholderText(_("optional: link for remote participants"))
        self.summon_button.setText(_("Send summons"))
        self.summon_button.setToolTip(_("Record that the summons with the agenda went out on "
                                        "the date to the left (today unless you change it)."))
        self.summoned_on.setToolTip(_("The day the summons went out"))

    def set_meeting(self, meeting: Meeting | None, *, sealed: bool = False) -> None:
        """Show `meeting` (unless a refused value is waiting to be fixed)."""
        same = (meeting is not None and self._meeting is not None
                and meeting.id == self._meeting.id)
        if self._pending and same:
            return
        self._pending = False
        self.error.show_message("")
        self._meeting = meeting
        if meeting is None:
            return
        self.date.set_date(meeting.date)
        self.kind.blockSignals(True)
        select_data(self.kind, meeting.kind)
        self.kind.blockSignals(False)
        for edit, value in ((self.start_time, meeting.start_time),
                            (self.end_time, meeting.end_time), (self.place, meeting.place),
                            (self.remote_link, meeting.remote_link),
                            (self.signing, meeting.signing_time_place)):
            if edit.text() != value:
                edit.setText(value)
        today = self._ctx.require_store().today()
        self.summoned_on.set_date(meeting.summoned_on or today)
        self._show_summons_state(meeting)
        for widget in (self.date, self.start_time, self.end_time, self.place,
                       self.remote_link, self.signing, self.summoned_on):
            widget.setReadOnly(sealed)
        self.kind.setEnabled(not sealed)
        self.summon_button.setEnabled(not sealed)

    def _show_summons_state(self, meeting: Meeting) -> None:
        store = self._ctx.require_store()
        if meeting.summoned_on is None:
            self.summons_state.setStyleSheet("")
            self.summons_state.setText(_("Not sent yet."))
            self.summon_button.setText(_("Send summons"))
            return
        self.summon_button.setText(_("Change date"))
        if meetings.summons_late(store, meeting, meeting.summoned_on):
            self.summons_state.setStyleSheet(WARNING_STYLE)
            self.summons_state.setText(late_text(store, meeting))
        else:
            self.summons_state.setStyleSheet(OK_STYLE)
            self.summons_state.setText(_("Sent on {date}.").format(
                date=format_date(meeting.summoned_on)))

    def typed(self) -> Meeting:
        """The meeting as typed; raises ValidationError for an unreadable date."""
        assert self._meeting is not None
        day = self.date.date() or self._meeting.date
        return dataclasses.replace(
            self._meeting, date=day, kind=MeetingKind(self.kind.currentData()),
            start_time=self.start_time.text().strip(), end_time=self.end_time.text().strip(),
            place=self.place.text().strip(), remote_link=self.remote_link.text().strip(),
            signing_time_place=self.signing.text().strip())

    def save_fields(self) -> None:
        """Save the meeting if a field changed; a refusal stays in the form in red."""
        if self._meeting is None or self.date.isReadOnly():
            return
        try:
            typed = self.typed()
            current = meetings.get_meeting(self._ctx.require_store(), self._meeting.id)
            if typed == current:
                self._pending = False
                self.error.show_message("")
                return
            undo.run(self._ctx, undo_meetings.UpdateMeeting(self._ctx, typed,
                                                            text=_("Edit meeting")))
        except FinsamError as error:
            self._pending = True
            self.error.show_message(str(error))
            return
        self._pending = False
        self.error.show_message("")

    def send_summons(self) -> None:
        """Record the summons date; warn when it is later than the charter allows."""
        if self._meeting is None:
            return
        try:
            day = self.summoned_on.date() or self._ctx.require_store().today()
            command = undo_meetings.Summon(self._ctx, self._meeting.id, day)
            undo.run(self._ctx, command)
        except FinsamError as error:
            dialogs.show_error(self, _("The summons could not be recorded"), str(error))
            return
        if command.late:
            meeting = meetings.get_meeting(self._ctx.require_store(), self._meeting.id)
            dialogs.show_info(self, _("Summons late"), late_text(self._ctx.require_store(),
                                                                 meeting))


def late_text(store, meeting: Meeting) -> str:  # type: ignore[no-untyped-def]
    """The warning for a late summons."""
    lead = organisation.get_charter(store).summons_lead_days
    sent = meeting.summoned_on or store.today()
    return _("Sent on {date}, {days} days before the meeting: later than the {lead} days the "
             "charter asks for. Note it in the minutes (“the meeting was lawfully "
             "called”).").format(date=format_date(sent), days=(meeting.date - sent).days,
                                 lead=lead)
