"""The Decisions tab: filters, the register (re-queried on every filter or sort change) and
below it the follow-up of the selected decision; the report-back action and the register export."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.decisions import DecisionRow
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import decisions, meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.decisions.decisions_model import COLUMNS, DecisionsModel
from finsam_desktop.ui.panels.decisions.filters import FilterBar
from finsam_desktop.ui.panels.decisions.followup_form import FollowUpForm
from finsam_desktop.ui.panels.decisions.register_export import export_register
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, WARNING_STYLE, run_or_show
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.undo_decisions import AddReportBack


def make_register_view(model: DecisionsModel, parent: QWidget) -> QTableView:
    """A table for 100 000 rows: uniform row height, fixed column widths, no content sizing."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    for column, spec in enumerate(COLUMNS):
        header.resizeSection(column, spec.width)
    header.setStretchLastSection(True)
    return view


class DecisionsTab(QWidget):
    """Filter bar above, the register in the middle, the follow-up form below."""

    sig_open_paragraph = Signal(int, int)
    """Emitted with (meeting id, item id) to show a decision in the meetings panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sort, self._descending, self._local_column = "number", False, -1
        self._reloading = False
        self.filters = FilterBar(ctx, self)
        self.model = DecisionsModel(self)
        self.view = make_register_view(self.model, self)
        self.form = FollowUpForm(ctx, self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(150)
        self.open_button = QPushButton(self)
        self.report_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.runner = ExportRunner(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555555;")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([600, 190])
        self.splitter.setChildrenCollapsible(False)
        self.actions = QHBoxLayout()
        self.actions.addWidget(self.open_button)
        self.actions.addWidget(self.report_button)
        self.actions.addWidget(self.message, 1)
        self.actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self.actions)
        self.filters.changed.connect(self.reload)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._open_index)
        self.view.doubleClicked.connect(self._open_index)
        self.open_button.clicked.connect(self.open_selected)
        self.report_button.clicked.connect(self.add_report_back)
        self.export_button.clicked.connect(self.export_register)
        self.runner.busy_changed.connect(lambda busy: self.export_button.setEnabled(not busy))
        self.runner.sig_export_finished.connect(
            lambda path: self._show(OK_STYLE, _("Saved: {path}").format(path=path)))

    def translate_ui(self) -> None:
        """Set every text."""
        self.filters.translate_ui()
        self.form.translate_ui()
        self.model.retranslate()
        self.open_button.setText(_("Open in meeting"))
        self.open_button.setToolTip(_("Show the paragraph in the Meetings panel (Enter or "
                                      "double-click in the list)."))
        self.report_button.setText(_("Add “Report back on decisions” to the next meeting"))
        self.report_button.setToolTip(_("Lists every decision carried out but not yet "
                                        "reported back, as an item on the next meeting's "
                                        "agenda."))
        self.export_button.setText(_("Export register…"))
        self.export_button.setToolTip(_("The chosen year's decisions as PDF, Excel or CSV."))
        self.empty.setText(_("No decisions match the filters. Decisions appear here once the "
                             "minutes of a meeting record them."))

    def export_register(self) -> bool:
        """Write the chosen year's register (PDF/XLSX/CSV) in a worker thread."""
        return export_register(self._ctx, self.runner, self, self.filters.year.currentData())

    def _show(self, style: str, text: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def refresh(self) -> None:
        """Re-read filters, the register and the selected follow-up."""
        self.filters.refresh()
        self.form.refresh_people()
        self.reload()

    # Register ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the register with the filters and sort order; keep the selected decision."""
        keep = self.selected()
        self._reloading = True
        try:
            self._requery(keep)
        finally:
            self._reloading = False
        self._update_buttons()

    def _requery(self, keep: DecisionRow | None) -> None:
        store = self._ctx.require_store()
        rows = decisions.list_decisions(store, sort=self._sort, descending=self._descending,
                                        with_text=False, **self.filters.filters())
        self.model.set_rows(rows)
        if self._local_column >= 0:
            self.model.sort_locally(self._local_column, self._descending)
        self.filters.show_count(len(rows), sum(1 for r in rows if r.overdue))
        self.empty.setVisible(not rows)
        row = self.model.row_of(keep.item_id) if keep is not None else -1
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self.form.set_decision(self.model.record(row) if row >= 0 else None)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        spec = COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._local_column = -1 if spec.sort is not None else column
        self._sort = spec.sort or "number"
        self.reload()

    def sort_by(self, column: int, descending: bool = False) -> None:
        """Sort as a header click would."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)

    def selected(self) -> DecisionRow | None:
        """The decision selected in the list."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_decision(self, item_id: int) -> bool:
        """Select decision `item_id` if it is listed."""
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def _selection_changed(self) -> None:
        if self._reloading:
            return
        self._update_buttons()
        if not self.form.save():  # a refused edit stays on screen to be fixed
            return
        self.form.set_decision(self.selected())

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.record(index.row())
            self.sig_open_paragraph.emit(row.meeting_id, row.item_id)

    def open_selected(self) -> None:
        """Show the selected decision in its meeting."""
        row = self.selected()
        if row is not None:
            self.sig_open_paragraph.emit(row.meeting_id, row.item_id)

    # Report back ------------------------------------------------------------------------

    def next_meeting(self) -> Meeting | None:
        """The first meeting not yet held on or after today."""
        store = self._ctx.require_store()
        today = store.today()
        for year in (today.year, today.year + 1):
            for summary in meetings.list_meetings(store, year):
                meeting = summary.meeting
                if not meeting.held and meeting.date >= today:
                    return meeting
        return None

    def add_report_back(self) -> None:
        """Put the report-back item on the next meeting's agenda and say where it went."""
        meeting = self.next_meeting()
        if meeting is None:
            self._say(_("There is no planned meeting to report back at. Plan the next meeting "
                        "in the Meetings panel first."), WARNING_STYLE)
            return
        command = AddReportBack(self._ctx, meeting.id)
        if run_or_show(self._ctx, self, command, _("No report-back item added")):
            self._say(_("Added “{title}” to the agenda of the meeting on {date}.").format(
                title=command.item.title if command.item else "",
                date=format_date(meeting.date, long=True)), OK_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

