"""Attendance tab (närvaro): start the minutes, then mark who is present, remote or away for
some paragraphs; the quorum line and the "serving for" column follow every change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import Attendee, AttendeeRole, Meeting
from finsam_desktop.domain.minutes_rules import Serving
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, minutes
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import RecordRole
from finsam_desktop.ui.panels.meetings.attendance_model import (
    NOT_PRESENT,
    PRESENCE,
    SERVING,
    AttendanceModel,
    AttendanceRow,
    PresenceDelegate,
)
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, WARNING_STYLE, run_or_show
from finsam_desktop.ui.widgets.fields import ErrorLabel


def quorum_text(serving: Serving) -> str:
    """"Quorum: 5 of 5 members serving (more than half needed)" or the missing quorum."""
    if serving.has_quorum:
        return _("Quorum: {n} of {size} members serving (more than half needed)").format(
            n=len(serving.voters), size=serving.board_size)
    return _("No quorum: {n} of {size} members serving; more than half are needed").format(
        n=len(serving.voters), size=serving.board_size)


def serving_notes(serving: Serving, names: dict[int, str],
                  members: list[Attendee] | None = None) -> dict[int, str]:
    """Person id → "Serving", "Serving for NN", and for absent members who replaces them."""
    notes = {}
    replaced = {}
    for voter in serving.voters:
        if voter.serving_for is None:
            notes[voter.person_id] = _("Serving")
        else:
            notes[voter.person_id] = _("Serving for {name}").format(
                name=names.get(voter.serving_for, "?"))
            replaced[voter.serving_for] = voter.name
    for member in members or []:
        if member.person_id is None or member.person_id in notes:
            continue
        if member.person_id in replaced:
            notes[member.person_id] = _("Replaced by {name}").format(
                name=replaced[member.person_id])
        else:
            notes[member.person_id] = _("Not replaced")
    return notes


class AttendanceTab(QWidget):
    """Start-minutes button, the attendance table, others present and the quorum line."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meeting: Meeting | None = None
        self._sealed = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.start_button = QPushButton(self)
        self.quorum = QLabel(self)
        self.model = AttendanceModel(self._submit, self)
        self.view = QTableView(self)
        self.error = ErrorLabel(self)
        self.other_name = QLineEdit(self)
        self.other_title = QLineEdit(self)
        self.add_other_button = QPushButton(self)
        self.remove_other_button = QPushButton(self)
        self._build()
        self.start_button.clicked.connect(self.start_minutes)
        self.add_other_button.clicked.connect(self.add_other)
        self.other_title.returnPressed.connect(self.add_other)
        self.remove_other_button.clicked.connect(self.remove_other)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setItemDelegateForColumn(PRESENCE, PresenceDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        self.quorum.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.start_button)
        others = QHBoxLayout()
        others.addWidget(self.other_name, 2)
        others.addWidget(self.other_title, 2)
        others.addWidget(self.add_other_button)
        others.addWidget(self.remove_other_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quorum)
        layout.addWidget(view, 1)
        layout.addWidget(self.error)
        layout.addLayout(others)

    def translate_ui(self) -> None:
        """Set every text."""
        self.start_button.setText(_("Start minutes"))
        self.other_name.setPlaceholderText(_("Someone else present: name"))
        self.other_title.setPlaceholderText(_("Title, e.g. coordinator, invited speaker"))
        self.add_other_button.setText(_("Add"))
        self.remove_other_button.setText(_("Remove"))
        self.remove_other_button.setToolTip(_("Remove the selected person among others "
                                              "present (board members are marked absent)."))
        self.model.retranslate()
        self._show_intro()

    def _show_intro(self) -> None:
        held = self._meeting is not None and self._meeting.held
        if held:
            self.intro.setText(_("Double-click (or F2) to change presence or the paragraphs "
                                 "someone was away for (e.g. 91–97); Space ticks remote. "
                                 "Deputies step in for absent members of the same member "
                                 "organisation by themselves."))
        else:
            self.intro.setText(_("“Start minutes” numbers the paragraphs, continuing the "
                                 "year's numbering, and lists the board and the office: "
                                 "members as present, deputies as absent. Then mark who "
                                 "actually came."))
        self.start_button.setVisible(not held and self._meeting is not None)

    def set_meeting(self, meeting: Meeting | None, sealed: bool) -> None:
        """Show `meeting`'s attendance."""
        self._meeting, self._sealed = meeting, sealed
        self.error.show_message("")
        self.refresh()

    def refresh(self) -> None:
        """Re-read attendance and serving."""
        self._show_intro()
        meeting = self._meeting
        self.model.read_only = self._sealed
        if meeting is None or not meeting.held:
            self.model.set_rows([])
            self.quorum.setText("")
            self._update_buttons()
            return
        store = self._ctx.require_store()
        attendees = minutes.list_attendance(store, meeting.id)
        names = {a.person_id: a.name for a in attendees if a.person_id is not None}
        serving = minutes.serving_for_meeting(store, meeting.id)
        notes = serving_notes(serving, names, [a for a in attendees
                                               if a.role is AttendeeRole.MEMBER])
        self.model.set_rows([AttendanceRow(a, notes.get(a.person_id or 0, ""))
                             for a in attendees])
        self.quorum.setText(quorum_text(serving))
        self.quorum.setStyleSheet("font-weight: bold; " + (
            OK_STYLE if serving.has_quorum else WARNING_STYLE))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(SERVING, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def _update_buttons(self) -> None:
        held = self._meeting is not None and self._meeting.held
        editable = held and not self._sealed
        for widget in (self.other_name, self.other_title, self.add_other_button):
            widget.setEnabled(editable)
        selected = self.selected()
        self.remove_other_button.setEnabled(editable and selected is not None
                                            and selected.role is AttendeeRole.OTHER)

    def selected(self) -> Attendee | None:
        """The selected attendee."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def start_minutes(self) -> None:
        """Number the paragraphs and fill in the attendance, after explaining."""
        if self._meeting is None:
            return
        store = self._ctx.require_store()
        count = len(meetings.list_items(store, self._meeting.id))
        if not dialogs.ask_yes_no(self, _("Start minutes"), _(
                "Starting the minutes numbers the {n} agenda items as paragraphs (§), "
                "continuing this year's numbering, and lists the board and the office as "
                "attendees. The numbering cannot be undone; items can still be added. "
                "Start now?").format(n=count)):
            return
        try:
            self._ctx.events.changed.emit(minutes.start_minutes(store, self._meeting.id))
        except FinsamError as error:
            dialogs.show_error(self, _("The minutes could not be started"), str(error))

    def _submit(self, attendee: Attendee) -> bool:
        """Store one edited attendee; a refusal is shown under the table."""
        try:
            undo.run(self._ctx, undo_meetings.UpdateAttendee(
                self._ctx, attendee, text=_("Attendance: {name}").format(name=attendee.name)))
        except FinsamError as error:
            self.error.show_message(str(error))
            return False
        self.error.show_message("")
        return True

    def add_other(self) -> None:
        """Add the typed person among others present."""
        if self._meeting is None:
            return
        name, title = self.other_name.text().strip(), self.other_title.text().strip()
        if not name:
            self.error.show_message(_("Type the name of the person present."))
            self.other_name.setFocus()
            return
        try:
            undo.run(self._ctx, undo_meetings.AddOther(self._ctx, self._meeting.id, name, title))
        except FinsamError as error:
            self.error.show_message(str(error))
            return
        self.error.show_message("")
        self.other_name.clear()
        self.other_title.clear()
        self.other_name.setFocus()

    def remove_other(self) -> None:
        """Remove the selected person among others present."""
        attendee = self.selected()
        if attendee is None or attendee.role is not AttendeeRole.OTHER:
            return
        run_or_show(self._ctx, self, undo_meetings.RemoveOther(self._ctx, attendee.id,
                                                               attendee.name),
                    _("Could not remove"))

    def edit_not_present(self, row: int) -> None:
        """Start editing the "not present for §" cell of `row` (keyboard users: F2)."""
        index = self.model.index(row, NOT_PRESENT)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
