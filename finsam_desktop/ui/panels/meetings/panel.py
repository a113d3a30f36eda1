"""The meetings panel (Sammanträden): the year's meetings on the left; on the right the
selected meeting in four tabs: summons & agenda, attendance, minutes, signing & notice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.meetings import KIND_LABELS, STATUS_LABELS, Meeting
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.panels.meetings.agenda_tab import AgendaTab
from finsam_desktop.ui.panels.meetings.attendance_tab import AttendanceTab
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.panels.meetings.meeting_list import MeetingList
from finsam_desktop.ui.panels.meetings.minutes_tab import MinutesTab
from finsam_desktop.ui.panels.meetings.signing_tab import SigningTab

MEETING_TABLES = ("meetings", "items", "attachments", "attendance", "jav", "motions", "votes",
                  "ballots", "statements", "signers", "seals", "postings", "people", "seats",
                  "staff", "settings")


class MeetingsPanel(Panel):
    """Meeting list and the tabs of the selected meeting."""

    tables = MEETING_TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = ExportRunner(self)
        self.meeting_list = MeetingList(ctx, self)
        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px;")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)  # long Swedish dates must not widen the window
        self.tabs = QTabWidget(self)
        self.agenda_tab = AgendaTab(ctx, self.runner, self.tabs)
        self.attendance_tab = AttendanceTab(ctx, self.tabs)
        self.minutes_tab = MinutesTab(ctx, self.tabs)
        self.signing_tab = SigningTab(ctx, self.runner, self.tabs)
        self._tabs = {"agenda": self.agenda_tab, "attendance": self.attendance_tab,
                      "minutes": self.minutes_tab, "signing": self.signing_tab}
        for tab in self._tabs.values():
            self.tabs.addTab(tab, "")
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        splitter.addWidget(self.meeting_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 980])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.meeting_list.sig_meeting_selected.connect(self._meeting_selected)
        self.minutes_tab.sig_start_requested.connect(self.attendance_tab.start_minutes)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._meeting: Meeting | None = None
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        titles = [_("Summons && agenda"), _("Attendance"), _("Minutes"),
                  _("Signing && notice")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.meeting_list.translate_ui()
        for tab in self._tabs.values():
            tab.translate_ui()
        self.empty.setText(_("Choose a meeting on the left, or plan one with “Plan "
                             "meeting…”."))
        self._show_header()

    def refresh(self) -> None:
        self.meeting_list.refresh()
        self._load(self.meeting_list.selected_id())

    def _on_changed(self, changes: Changes) -> None:
        if self.is_live() and changes.touches(*self.tables):
            self.refresh()

    def _meeting_selected(self, meeting_id: int) -> None:
        if self.is_live():
            self._load(meeting_id)

    def _load(self, meeting_id: int) -> None:
        store = self._ctx.require_store()
        meeting = meetings.get_meeting(store, meeting_id) if meeting_id else None
        self._meeting = meeting
        sealed = meeting is not None and meetings.is_sealed(store, meeting.id)
        self.tabs.setVisible(meeting is not None)
        self.empty.setVisible(meeting is None)
        for tab in self._tabs.values():
            tab.set_meeting(meeting, sealed)
        self._show_header()
        self._tab_changed(self.tabs.currentIndex())

    def _show_header(self) -> None:
        meeting = self._meeting
        if meeting is None or not self.is_live():
            self.header.setText("")
            return
        status = meetings.status(self._ctx.require_store(), meeting)
        parts = [_("Board meeting {date}").format(date=format_date(meeting.date, long=True)),
                 _(KIND_LABELS[meeting.kind]), _(STATUS_LABELS[status])]
        if meeting.start_time:
            parts.insert(1, f"{meeting.start_time}–{meeting.end_time}".rstrip("–"))
        self.header.setText("  ·  ".join(parts))

    def _tab_changed(self, _index: int) -> None:
        """While minuting, the meeting list steps aside so the paragraph editor has room."""
        minuting = self.tabs.currentWidget() is self.minutes_tab and self._meeting is not None
        self.meeting_list.setVisible(not minuting)

    def current_meeting(self) -> Meeting | None:
        """The meeting shown."""
        return self._meeting

    def show_paragraph(self, meeting_id: int, item_id: int) -> None:
        """Select the meeting and its item: in the minutes once they are started, otherwise
        on the agenda (used by the decision register and the search)."""
        meeting = meetings.get_meeting(self._ctx.require_store(), meeting_id)
        self.meeting_list.select_meeting(meeting)
        if meeting.held:
            self.show_tab("minutes")
            self.minutes_tab.select_paragraph(item_id)
        else:
            self.show_tab("agenda")
            self.agenda_tab.select_item(item_id)

    def show_tab(self, key: str) -> None:
        """Bring tab `key` (agenda, attendance, minutes, signing) to the front."""
        self.tabs.setCurrentWidget(self._tabs[key])
