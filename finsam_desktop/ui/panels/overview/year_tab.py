"""The governance year (årshjul): twelve month cards with the year's meetings and deadlines
— done in grey with a tick, late in red, ahead in black — a click on a line opens where it is
handled, and the year can be saved as a calendar file for Outlook."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.governance_year import (
    MONTHS,
    STATE_LABELS,
    EventKind,
    EventState,
    YearEvent,
    by_month,
)
from finsam_desktop.i18n import _
from finsam_desktop.ui import calendar_files
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.widgets.fields import select_data

COLUMNS = 4
STATE_COLOURS = {EventState.DONE: "#5f6b5f", EventState.LATE: "#b00020",
                 EventState.AHEAD: "#1a1a1a", EventState.PASSED: "#7a7a7a"}
STATE_MARKS = {EventState.DONE: "✓", EventState.LATE: "!", EventState.AHEAD: "•",
               EventState.PASSED: "·"}
YEARS_AROUND = 2  # years offered before and after the meetings on record


def event_line(event: YearEvent) -> str:
    """"27  ✓ Board meeting 09:00–12:00": the day, the state's mark, what happens."""
    text = event.text
    meeting = event.meeting
    if event.kind is EventKind.MEETING and meeting is not None and meeting.start_time:
        text += f" {meeting.start_time}–{meeting.end_time}".rstrip("–")
    return f"{event.day.day}  {STATE_MARKS[event.state]} {text}"


def event_tooltip(event: YearEvent) -> str:
    """The full line with its date, state and (for a meeting) place."""
    lines = [f"{event.day.isoformat()}: {event.text}", _(STATE_LABELS[event.state]).capitalize()]
    if event.kind is EventKind.MEETING and event.meeting is not None and event.meeting.place:
        lines.append(event.meeting.place)
    lines.append(_("Click to open where it is handled."))
    return "\n".join(lines)


class EventLine(QLabel):
    """One event: a line that wraps (the card grows with it) and opens when clicked, or
    with Enter or Space once it has the keyboard focus (Tab moves between lines)."""

    sig_clicked = Signal(object)
    """The `YearEvent` shown."""

    def __init__(self, event: YearEvent, parent: QWidget | None = None) -> None:
        super().__init__(event_line(event), parent)
        self.year_event = event
        self.setWordWrap(True)
        self.setToolTip(event_tooltip(event))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bold = event.kind is EventKind.MEETING or event.state is EventState.LATE
        weight = "bold" if bold else "normal"
        self.setStyleSheet(
            f"QLabel {{ color: {STATE_COLOURS[event.state]}; font-weight: {weight}; "
            "padding: 1px 2px; } QLabel:hover, QLabel:focus { background: #eef3fa; }")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.sig_clicked.emit(self.year_event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_clicked.emit(self.year_event)
            return
        super().keyPressEvent(event)


class MonthCard(QFrame):
    """One month: its name and its events, one line each (wrapped when long)."""

    sig_event_clicked = Signal(object)
    """A `YearEvent` was clicked."""

    def __init__(self, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = month
        self.lines: list[EventLine] = []
        self.setObjectName("MonthCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 10.5pt;")
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #888888;")
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def show_events(self, year: int, events: Sequence[YearEvent], current: bool) -> None:
        """Show the month's `events`; `current` marks this month as the one we are in."""
        self.title.setText(f"{_(MONTHS[self.month - 1])} {year}")
        background, border = (("#fffdf3", "2px solid #d9b44a") if current
                              else ("#ffffff", "1px solid #d6d6d6"))
        self.setStyleSheet(f"#MonthCard {{ background: {background}; border: {border}; }}")
        for line in self.lines:
            self.body.removeWidget(line)
            line.deleteLater()
        self.lines = []
        for event in events:
            line = EventLine(event, self)
            line.sig_clicked.connect(self.sig_event_clicked)
            self.body.addWidget(line)
            self.lines.append(line)
        self.empty.setVisible(not events)
        self.empty.setText(_("Nothing on record."))

    def events(self) -> list[YearEvent]:
        """The events shown, in order."""
        return [line.year_event for line in self.lines]


class YearTab(QWidget):
    """Year chooser and calendar export above, twelve month cards below."""

    sig_open_target = Signal(object)
    """A `Target` to show (a clicked event)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year = ctx.require_store().today().year
        self._events: list[YearEvent] = []
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(80)
        self.legend = QLabel(self)
        self.legend.setStyleSheet("color: #555555;")
        self.export_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #2e6b30;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cards = [MonthCard(month, self) for month in range(1, 13)]
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, card in enumerate(self.cards):
            grid.addWidget(card, index // COLUMNS, index % COLUMNS)
            card.sig_event_clicked.connect(self._event_clicked)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        header = QHBoxLayout()
        header.addWidget(self.year_label)
        header.addWidget(self.year_combo)
        header.addSpacing(12)
        header.addWidget(self.legend, 1)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.message.setVisible(False)
        self.year_combo.activated.connect(self._year_chosen)
        self.export_button.clicked.connect(self.export_calendar)

    def translate_ui(self) -> None:
        """Set every fixed text."""
        self.year_label.setText(_("Year"))
        self.legend.setText(_("✓ done   ! late   • ahead   · passed. Deadlines follow the "
                              "charter settings (Organisation panel)."))
        self.export_button.setText(_("Export calendar…"))
        self.export_button.setToolTip(_("Save the year's meetings and deadlines as a "
                                        "calendar file (.ics) to import into Outlook or "
                                        "another calendar program."))

    def shown_year(self) -> int:
        """The year on show."""
        return self._year

    def show_year(self, year: int) -> None:
        """Show the governance year `year`."""
        self._year = year
        self.refresh()

    def refresh(self) -> None:
        """Re-read the year's events."""
        from finsam_desktop.services import meetings, overview

        store = self._ctx.require_store()
        today = store.today()
        known = meetings.years(store) or [today.year]
        years = list(range(max(max(known), today.year) + YEARS_AROUND,
                           min(min(known), today.year) - 1, -1))
        years = [y for y in years if 2000 <= y <= 2099]
        if [self.year_combo.itemData(i) for i in range(self.year_combo.count())] != years:
            self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for year in years:
                self.year_combo.addItem(str(year), year)
            self.year_combo.blockSignals(False)
        select_data(self.year_combo, self._year)
        self._events = overview.year_events(store, self._year)
        months = by_month(self._events)
        for card in self.cards:
            current = (self._year, card.month) == (today.year, today.month)
            card.show_events(self._year, months[card.month], current)

    def events(self) -> list[YearEvent]:
        """Every event shown."""
        return list(self._events)

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None and year != self._year:
            self.show_year(int(year))

    def _event_clicked(self, event: YearEvent) -> None:
        self.sig_open_target.emit(event.target)

    def export_calendar(self) -> None:
        """Save the year on show as an .ics file."""
        path = calendar_files.save_year_calendar(self, self._ctx.require_store(), self._year)
        if path is not None:
            self.message.setText(_("Saved: {path}").format(path=path))
            self.message.setVisible(True)

