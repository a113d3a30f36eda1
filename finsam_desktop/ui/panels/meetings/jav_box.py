"""The jäv box of the paragraph editor: tick who steps aside; the serving line shows who
steps in for them and whether the board still has a quorum."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from finsam_desktop.domain.meetings import Attendee, Item, Meeting
from finsam_desktop.i18n import _
from finsam_desktop.services import minutes
from finsam_desktop.ui import undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.attendance_tab import quorum_text
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, WARNING_STYLE, run_or_show
from finsam_desktop.ui.panels.meetings.paragraph_sections import (
    DataRole,
    SectionBox,
    board_attendees,
)


class JavBox(SectionBox):
    """Tick who declared jäv; the serving line shows who steps in."""

    visible_rows = 12
    lines_per_row = 1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.serving = QLabel(self)
        self.serving.setWordWrap(True)
        self.layout().insertWidget(1, self.serving)
        self.list.itemChanged.connect(self._toggled)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Jäv (conflict of interest) — tick who steps aside"))

    def load(self, meeting: Meeting, item: Item, sealed: bool) -> None:
        super().load(meeting, item, sealed)
        jav = {j.person_id for j in minutes.jav_of_item(self._store(), item.id)}
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            entry = self.list.item(row)
            attendee: Attendee = entry.data(DataRole)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            entry.setFlags(flags if sealed else flags | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if attendee.person_id in jav
                                else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        serving = minutes.serving_for_item(self._store(), item)
        names = {a.person_id: a.name for a in minutes.list_attendance(self._store(), meeting.id)}
        voters = [v.name if v.serving_for is None else _("{name} (for {absent})").format(
            name=v.name, absent=names.get(v.serving_for, "?")) for v in serving.voters]
        self.serving.setText(quorum_text(serving) + "\n" + _("Serving: {names}").format(
            names=", ".join(voters) or "—"))
        self.serving.setStyleSheet(OK_STYLE if serving.has_quorum else WARNING_STYLE)

    def entries(self) -> list[tuple[str, object]]:
        assert self.meeting is not None
        return [(f"{a.name} ({a.detail})" if a.detail else a.name, a)
                for a in board_attendees(self._ctx, self.meeting.id)]

    def set_jav(self, person_id: int, on: bool) -> bool:
        """Declare or withdraw jäv for `person_id` on this paragraph."""
        assert self.item is not None
        name = next((a.name for a in board_attendees(self._ctx, self.item.meeting_id)
                     if a.person_id == person_id), "")
        return run_or_show(self._ctx, self, undo_meetings.SetJav(
            self._ctx, self.item.id, person_id, name, on), _("Jäv not recorded"))

    def _toggled(self, entry: QListWidgetItem) -> None:
        attendee: Attendee = entry.data(DataRole)
        on = entry.checkState() == Qt.CheckState.Checked
        if attendee.person_id is not None and not self.set_jav(attendee.person_id, on):
            self.list.blockSignals(True)
            entry.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
            self.list.blockSignals(False)
