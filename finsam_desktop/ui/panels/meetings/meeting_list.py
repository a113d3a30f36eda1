"""The left side of the meetings panel: a year, that year's meetings (date, kind, status,
§ range), and planning or removing a meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.meetings import KIND_LABELS, STATUS_LABELS, Meeting, MeetingStatus
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import meetings
from finsam_desktop.services.meetings import MeetingSummary
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.plan_dialog import PlanDialog
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


def paragraph_range(summary: MeetingSummary) -> str:
    """"§ 84–100", or "" before the minutes are numbered."""
    if summary.first_number is None or summary.last_number is None:
        return ""
    if summary.first_number == summary.last_number:
        return f"§ {summary.first_number}"
    return f"§ {summary.first_number}–{summary.last_number}"


COLUMNS = [
    Column(N_("Date"), lambda s: format_date(s.meeting.date)),
    Column(N_("Kind"), lambda s: _(KIND_LABELS[s.meeting.kind])),
    Column(N_("Status"), lambda s: _(STATUS_LABELS[s.status])),
    Column(N_("Paragraphs"), paragraph_range),
]


class MeetingList(QWidget):
    """Year selector, meeting list and the plan/remove buttons."""

    sig_meeting_selected = Signal(int)
    """Emitted with the meeting id when the user selects a meeting (0: none)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year_label = QLabel(self)
        self.year = QComboBox(self)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.dialog: PlanDialog | None = None
        self._selected_id = 0
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.year.currentIndexChanged.connect(self._year_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.plan_button.clicked.connect(self.open_plan_dialog)
        self.remove_button.clicked.connect(self.remove_selected)

    def translate_ui(self) -> None:
        """Set every text."""
        self.year_label.setText(_("Year"))
        self.plan_button.setText(_("Plan meeting…"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove a planned meeting (not once the minutes are "
                                        "started)."))
        self.empty_label.setText(_("No meetings this year. Use “Plan meeting…” to add the "
                                   "year's meetings."))
        self.model.retranslate()

    def selected_id(self) -> int:
        """The selected meeting's id (0: none)."""
        return self._selected_id

    def selected_year(self) -> int:
        """The year shown."""
        data = self.year.currentData()
        return int(data) if data is not None else self._ctx.require_store().today().year

    def refresh(self) -> None:
        """Re-read the years and the meetings; keep the selection."""
        store = self._ctx.require_store()
        years = set(meetings.years(store)) | {store.today().year}
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(years, reverse=True):
            self.year.addItem(str(year), year)
        index = self.year.findData(current if current in years else store.today().year)
        self.year.setCurrentIndex(max(0, index))
        self.year.blockSignals(False)
        self._load_rows()

    def _load_rows(self) -> None:
        keep = self._selected_id
        self.model.set_rows(meetings.list_meetings(self._ctx.require_store(),
                                                   self.selected_year()))
        fit_columns(self.view)
        header = self.view.horizontalHeader()
        width = sum(max(self.view.sizeHintForColumn(c), header.sectionSizeHint(c))
                    for c in range(self.model.columnCount()))
        self.view.setMinimumWidth(width + 2 * self.view.frameWidth()
                                  + self.view.verticalScrollBar().sizeHint().width())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        ids = [s.meeting.id for s in self.model.rows()]
        if keep in ids:
            self.view.selectRow(ids.index(keep))
        elif ids and not keep:
            self.view.selectRow(self._default_row())
        else:
            self._set_selected(0)
        self._update_buttons()

    def _default_row(self) -> int:
        """The next meeting from today, else the last of the year."""
        today = self._ctx.require_store().today()
        rows = self.model.rows()
        return next((i for i, s in enumerate(rows) if s.meeting.date >= today), len(rows) - 1)

    def select_meeting(self, meeting: Meeting) -> None:
        """Show the meeting's year and select it."""
        self._selected_id = meeting.id
        index = self.year.findData(meeting.date.year)
        if index < 0:
            self.refresh()
            index = self.year.findData(meeting.date.year)
        if index != self.year.currentIndex():
            self.year.setCurrentIndex(index)  # reloads rows and selects the meeting
        else:
            self._load_rows()
        self.sig_meeting_selected.emit(meeting.id)

    def _year_changed(self) -> None:
        self._selected_id = 0
        self._load_rows()

    def _selection_changed(self) -> None:
        summary = selected_record(self.view)
        self._set_selected(summary.meeting.id if summary else 0)
        self._update_buttons()

    def _set_selected(self, meeting_id: int) -> None:
        if meeting_id != self._selected_id:
            self._selected_id = meeting_id
            self.sig_meeting_selected.emit(meeting_id)

    def _update_buttons(self) -> None:
        summary = selected_record(self.view)
        self.remove_button.setEnabled(summary is not None
                                      and summary.status in (MeetingStatus.PLANNED,
                                                             MeetingStatus.SUMMONED))

    def open_plan_dialog(self) -> PlanDialog:
        """Open the plan dialog (non-blocking); OK plans the meeting and selects it."""
        def submit(meeting: Meeting) -> None:
            command = undo_meetings.PlanMeeting(self._ctx, meeting)
            undo.run(self._ctx, command)
            self.select_meeting(command.meeting)

        self.dialog = PlanDialog(self._ctx.require_store().today(), submit, self)
        self.dialog.open()
        return self.dialog

    def remove_selected(self) -> None:
        """Remove the selected planned meeting after asking."""
        summary = selected_record(self.view)
        if summary is None:
            return
        meeting = summary.meeting
        if not dialogs.ask_yes_no(self, _("Remove meeting"), _(
                "Remove the meeting of {date} and its agenda ({n} items)?").format(
                    date=format_date(meeting.date), n=summary.item_count)):
            return
        if run_or_show(self._ctx, self,
                       undo_meetings.RemoveMeeting(self._ctx, meeting.id, meeting.date),
                       _("Could not remove the meeting")):
            self._selected_id = 0
            self._load_rows()
