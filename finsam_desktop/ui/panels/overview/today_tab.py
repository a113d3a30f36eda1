"""The overview's first tab: the next meeting with its summons and agenda, what needs
doing (late first; a click opens the place where it is handled) and the year at a glance
(`charts.Glance`, loaded after the tab is on show)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.meetings import STATUS_LABELS
from finsam_desktop.domain.overview import SEVERITY_LABELS, ActionItem, Severity, Target
from finsam_desktop.formatting import format_date, format_weekday_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services.overview import NextMeeting
from finsam_desktop.ui import calendar_files
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.overview.charts import Glance
from finsam_desktop.ui.widgets.tables import fit_columns, make_table

COLOURS = {Severity.LATE: ("#fde3e3", "#9b0016"), Severity.DUE: ("#fff3d1", "#6b4a00"),
           Severity.INFO: ("#e7eff9", "#234a74")}
CARD_STYLE = "#Card { background: #ffffff; }"
HEADING_STYLE = "font-weight: bold; font-size: 11pt;"
OK_STYLE = "color: #2e6b30;"
SOON_STYLE = "color: #8a5a00; font-weight: bold;"
LATE_STYLE = "color: #9b0016; font-weight: bold;"

ACTION_COLUMNS = [
    Column(N_("Status"), lambda a: _(SEVERITY_LABELS[a.severity])),
    Column(N_("Date"), lambda a: format_date(a.due)),
    Column(N_("What"), lambda a: a.text, tooltip=lambda a: a.text),
]


class ActionModel(RecordTableModel):
    """Action items, the status cell coloured by severity."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and index.row() < self.rowCount():
            item: ActionItem = self.record(index.row())
            background, foreground = COLOURS[item.severity]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(background)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(foreground)
        return super().data(index, role)


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout, QLabel]:
    card = QFrame(parent)
    card.setObjectName("Card")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setStyleSheet(CARD_STYLE)
    heading = QLabel(card)
    heading.setStyleSheet(HEADING_STYLE)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.addWidget(heading)
    return card, layout, heading


class NextMeetingCard(QWidget):
    """Date, time and place of the next meeting, its summons, the agenda size."""

    sig_open_target = Signal(object)
    """A `Target` to show."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._next: NextMeeting | None = None
        self.card, layout, self.heading = _card(self)
        self.date_label = QLabel(self.card)
        self.date_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.date_label.setWordWrap(True)
        self.when_label = QLabel(self.card)
        self.place_label = QLabel(self.card)
        self.place_label.setWordWrap(True)
        self.remote_label = QLabel(self.card)
        self.remote_label.setWordWrap(True)
        self.remote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summons_label = QLabel(self.card)
        self.summons_label.setWordWrap(True)
        self.agenda_label = QLabel(self.card)
        self.open_button = QPushButton(self.card)
        self.invite_button = QPushButton(self.card)
        for label in (self.date_label, self.when_label, self.place_label, self.remote_label,
                      self.summons_label, self.agenda_label):
            layout.addWidget(label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.invite_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)
        self.open_button.clicked.connect(self.open_meeting)
        self.invite_button.clicked.connect(self.save_invitation)

    def translate_ui(self) -> None:
        """Set every fixed text."""
        self.heading.setText(_("Next meeting"))
        self.invite_button.setText(_("Calendar invitation…"))
        self.invite_button.setToolTip(_("Save the meeting as a calendar file (.ics) with the "
                                        "place, the remote link and the agenda, to send or "
                                        "open in Outlook."))
        self.show_next(self._next)

    def show_next(self, upcoming: NextMeeting | None) -> None:
        """Show the coming meeting (None: none planned)."""
        self._next = upcoming
        self.invite_button.setVisible(upcoming is not None)
        for label in (self.when_label, self.place_label, self.remote_label,
                      self.summons_label, self.agenda_label):
            label.setVisible(upcoming is not None)
        if upcoming is None:
            self.date_label.setText(_("No meeting planned"))
            self.date_label.setStyleSheet("font-size: 12pt; color: #555555;")
            self.open_button.setText(_("Plan a meeting"))
            return
        meeting = upcoming.meeting
        self.date_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.date_label.setText(format_weekday_date(meeting.date))
        days = upcoming.days_to_go
        when = (_("today") if days == 0 else _("tomorrow") if days == 1 else
                _("in {days} days").format(days=days))
        time = f"{meeting.start_time}–{meeting.end_time}".rstrip("–")
        self.when_label.setText("  ·  ".join(p for p in (when, time, _(STATUS_LABELS[
            upcoming.status])) if p))
        self.place_label.setText(meeting.place or _("No place given yet."))
        self.remote_label.setText(_("Remote: {link}").format(link=meeting.remote_link))
        self.remote_label.setVisible(bool(meeting.remote_link))
        self.summons_label.setText(self._summons_text(upcoming))
        self.agenda_label.setText(_("1 item on the agenda") if upcoming.items == 1 else
                                  _("{n} items on the agenda").format(n=upcoming.items))
        self.open_button.setText(_("Open the meeting"))

    def _summons_text(self, upcoming: NextMeeting) -> str:
        meeting = upcoming.meeting
        if meeting.summoned_on is not None:
            if upcoming.summons_late:
                self.summons_label.setStyleSheet(SOON_STYLE)
                return _("Summons sent {date}, later than the charter's lead time.").format(
                    date=format_date(meeting.summoned_on))
            self.summons_label.setStyleSheet(OK_STYLE)
            return _("Summons sent {date}.").format(date=format_date(meeting.summoned_on))
        self.summons_label.setStyleSheet(LATE_STYLE if upcoming.summons_late else SOON_STYLE)
        if upcoming.summons_late:
            return _("Summons not sent: it was due by {date}.").format(
                date=format_date(upcoming.summons_due))
        return _("Summons not sent yet: due by {date}.").format(
            date=format_date(upcoming.summons_due))

    def open_meeting(self) -> None:
        """Show the meeting's summons and agenda (or the Meetings panel to plan one)."""
        upcoming = self._next
        if upcoming is None:
            self.sig_open_target.emit(Target("meetings"))
            return
        meeting = upcoming.meeting
        self.sig_open_target.emit(Target("meetings", "agenda", meeting.date.year, meeting.id))

    def save_invitation(self) -> None:
        """Save the meeting's invitation as .ics."""
        if self._next is not None:
            calendar_files.save_invitation(self, self._ctx.require_store(), self._next.meeting)


class TodayTab(QWidget):
    """Next meeting and actions above, the year at a glance below."""

    sig_open_target = Signal(object)
    """A `Target` to show (an action, the meeting, a box's link)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.next_card = NextMeetingCard(ctx, self)
        self.actions_card, actions_layout, self.actions_heading = _card(self)
        self.model = ActionModel(ACTION_COLUMNS, self)
        self.view: QTableView = make_table(self.model, self.actions_card, stretch_column=2)
        self.view.setSortingEnabled(False)
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 7)
        self.view.setWordWrap(True)  # a long line takes two rows rather than being cut
        # A short list (many of a kind are summed up in one line): rows fit their text.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.empty = QLabel(self.actions_card)
        self.empty.setStyleSheet(OK_STYLE)
        self.hint = QLabel(self.actions_card)
        self.hint.setStyleSheet("color: #666666;")
        actions_layout.addWidget(self.view, 1)
        actions_layout.addWidget(self.empty)
        actions_layout.addWidget(self.hint)
        self.glance = Glance(ctx, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.next_card, 0, 0)
        grid.addWidget(self.actions_card, 0, 1)
        grid.addWidget(self.glance, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)  # the charts take the room the cards leave
        self.view.clicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)
        self.next_card.sig_open_target.connect(self.sig_open_target)
        self.glance.sig_open_target.connect(self.sig_open_target)

    def translate_ui(self) -> None:
        """Set every text."""
        self.next_card.translate_ui()
        self.glance.translate_ui()
        self.model.retranslate()
        self.empty.setText(_("Nothing is due or late."))
        self.hint.setText(_("Click a line to open the place where it is handled."))
        self._heading()

    def refresh(self) -> None:
        """Re-read the next meeting and the actions; the figures follow after a moment."""
        from finsam_desktop.services import overview

        store = self._ctx.require_store()
        self.next_card.show_next(overview.next_meeting(store))
        self.model.set_rows(overview.actions(store))
        fit_columns(self.view)
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.hint.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._heading()
        self.glance.request(store.today().year)

    def _heading(self) -> None:
        rows = self.model.rows()
        late = sum(1 for r in rows if r.severity is Severity.LATE)
        due = sum(1 for r in rows if r.severity is Severity.DUE)
        self.actions_heading.setText(_("What needs doing: {late} late, {due} to do").format(
            late=late, due=due))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_action(index.row())

    def open_action(self, row: int) -> None:
        """Open where action `row` is handled."""
        self.sig_open_target.emit(self.model.record(row).target)
