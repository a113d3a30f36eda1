"""The Delegation tab: the delegation order (delegationsordning) above, the log of decisions
taken under it below; logged decisions go to the next meeting by themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.decisions import Delegation, DelegationDecision
from finsam_desktop.formatting import format_date, format_money
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import delegation, meetings
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.decisions.delegation_dialogs import (
    DelegationDialog,
    LogDecisionDialog,
)
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_decisions import (
    AddDelegation,
    LogDelegationDecision,
    RemoveDelegation,
    RemoveDelegationDecision,
    UpdateDelegation,
)
from finsam_desktop.ui.widgets.tables import (
    fit_columns,
    fit_height,
    make_table,
    selected_record,
)


def _valid(line: Delegation) -> str:
    if line.valid_from is not None and line.valid_to is not None:
        return f"{format_date(line.valid_from)} – {format_date(line.valid_to)}"
    if line.valid_from is not None:
        return _("from {date}").format(date=format_date(line.valid_from))
    if line.valid_to is not None:
        return _("until {date}").format(date=format_date(line.valid_to))
    return ""


def _money(ore: int | None) -> str:
    return "" if ore is None else format_money(ore)


ORDER_COLUMNS = [
    Column(N_("Delegate"), lambda d: d.delegate),
    Column(N_("Matter type"), lambda d: d.matter_type, tooltip=lambda d: d.note),
    Column(N_("Amount limit"), lambda d: _money(d.amount_limit_ore), numeric=True),
    Column(N_("Reported to the board"), lambda d: _("Yes") if d.report_to_board else _("No")),
    Column(N_("Valid"), _valid),
]


class LogRow:
    """A logged decision with what the log shows about it."""

    __slots__ = ("decision", "matter_type", "reported_in")

    def __init__(self, decision: DelegationDecision, matter_type: str, reported_in: str) -> None:
        self.decision, self.matter_type, self.reported_in = decision, matter_type, reported_in


LOG_COLUMNS = [
    Column(N_("Date"), lambda r: format_date(r.decision.decided_on)),
    Column(N_("Decided by"), lambda r: r.decision.decided_by, tooltip=lambda r: r.matter_type),
    Column(N_("Matter"), lambda r: r.decision.matter),
    Column(N_("Dnr"), lambda r: r.decision.dnr),
    Column(N_("Amount"), lambda r: _money(r.decision.amount_ore), numeric=True),
    Column(N_("Reported in"), lambda r: r.reported_in),
]


def reported_in_texts(ctx: AppContext, decisions: list[DelegationDecision]) -> dict[int, str]:
    """item id → "§ n (date)" (or "agenda item n (date)" before numbering) for the items the
    decisions are reported in; only meetings from the first decision on are read."""
    wanted = {d.reported_item_id for d in decisions if d.reported_item_id is not None}
    if not wanted:
        return {}
    store = ctx.require_store()
    first = min(d.decided_on for d in decisions if d.reported_item_id is not None)
    texts: dict[int, str] = {}
    for year in [y for y in meetings.years(store) if y >= first.year]:
        for summary in meetings.list_meetings(store, year):
            meeting = summary.meeting
            if meeting.date < first:
                continue
            for item in meetings.list_items(store, meeting.id):
                if item.id in wanted:
                    number = meetings.number_of(meeting, item)
                    label = (f"§ {number}" if number is not None else
                             _("agenda item {n}").format(n=item.position + 1))
                    texts[item.id] = f"{label} ({format_date(meeting.date)})"
    return texts


def _line_text(line: Delegation | None) -> str:
    return f"{line.delegate}: {line.matter_type}" if line is not None else ""


class DelegationTab(QWidget):
    """Delegation order and decision log, each with its buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.order_title, self.log_title = QLabel(self), QLabel(self)
        for title in (self.order_title, self.log_title):
            title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.order_model = RecordTableModel(ORDER_COLUMNS, self)
        self.order_view = make_table(self.order_model, self, stretch_column=1)
        self.log_model = RecordTableModel(LOG_COLUMNS, self)
        self.log_view = make_table(self.log_model, self, stretch_column=2)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.remove_button = QPushButton(self)
        self.log_button, self.remove_log_button = QPushButton(self), QPushButton(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        self.dialog: DelegationDialog | LogDecisionDialog | None = None
        top = self._section(self.order_title, self.order_view,
                            (self.add_button, self.edit_button, self.remove_button))
        bottom = self._section(self.log_title, self.log_view,
                               (self.log_button, self.remove_log_button), self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 400])
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.add_button.clicked.connect(lambda: self.open_delegation_dialog(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.order_view.doubleClicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self.remove_selected_delegation)
        self.log_button.clicked.connect(self.open_log_dialog)
        self.remove_log_button.clicked.connect(self.remove_selected_decision)
        self.order_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.log_view.selectionModel().selectionChanged.connect(self._update_buttons)

    def _section(self, title: QLabel, view: QWidget, buttons: tuple[QPushButton, ...],
                 hint: QLabel | None = None) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(view, 1 if hint is not None else 0)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        if hint is not None:
            row.addWidget(hint, 1)
        else:
            row.addStretch(1)
        layout.addLayout(row)
        if hint is None:
            layout.addStretch(1)
        return box

    def translate_ui(self) -> None:
        """Set every text."""
        self.order_title.setText(_("Delegation order"))
        self.log_title.setText(_("Delegation decisions"))
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.log_button.setText(_("Log decision…"))
        self.remove_log_button.setText(_("Remove"))
        self.hint.setText(_("Logged decisions that are reported to the board go by themselves "
                            "to the next planned meeting, under “Report of delegated "
                            "decisions”."))
        self.order_model.retranslate()
        self.log_model.retranslate()

    def refresh(self) -> None:
        """Re-read the order and the log; keep the selections."""
        store = self._ctx.require_store()
        order = delegation.list_delegations(store)
        keep = selected_record(self.order_view)
        self.order_model.set_rows(order)
        fit_columns(self.order_view)
        fit_height(self.order_view, max_rows=10)
        if keep is not None:
            ids = [d.id for d in order]
            if keep.id in ids:
                self.order_view.selectRow(ids.index(keep.id))
        log = delegation.list_decisions(store)
        lines = {d.id: d for d in order}
        texts = reported_in_texts(self._ctx, log)

        def reported(decision: DelegationDecision) -> str:
            if decision.reported_item_id is not None:
                return texts.get(decision.reported_item_id, "")
            line = lines.get(decision.delegation_id)
            if line is not None and not line.report_to_board:
                return _("not reported to the board")
            return _("waiting for the next planned meeting")

        self.log_model.set_rows([
            LogRow(d, _line_text(lines.get(d.delegation_id)), reported(d))
            for d in reversed(log)])  # newest first
        fit_columns(self.log_view)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_line = selected_record(self.order_view) is not None
        self.edit_button.setEnabled(has_line)
        self.remove_button.setEnabled(has_line)
        self.remove_log_button.setEnabled(selected_record(self.log_view) is not None)
        self.log_button.setEnabled(self.order_model.rowCount() > 0)
        self.log_button.setToolTip("" if self.order_model.rowCount() else
                                   _("Add the delegation order's lines first."))

    def open_delegation_dialog(self, line: Delegation | None) -> DelegationDialog:
        """Open the dialog for a new (None) or existing line (non-blocking)."""
        def submit(record: Delegation) -> None:
            command = (UpdateDelegation(self._ctx, record) if line is not None
                       else AddDelegation(self._ctx, record))
            undo.run(self._ctx, command)

        self.dialog = DelegationDialog(line, submit, self)
        self.dialog.open()
        return self.dialog

    def _edit_selected(self) -> None:
        line = selected_record(self.order_view)
        if line is not None:
            self.open_delegation_dialog(line)

    def remove_selected_delegation(self) -> None:
        """Remove the selected line after asking."""
        line = selected_record(self.order_view)
        if line is None or not dialogs.ask_yes_no(self, _("Remove delegation"), _(
                "Remove “{matter}” ({delegate}) from the delegation order?").format(
                    matter=line.matter_type, delegate=line.delegate)):
            return
        run_or_show(self._ctx, self, RemoveDelegation(self._ctx, line),
                    _("Could not remove the delegation"))

    def open_log_dialog(self) -> LogDecisionDialog:
        """Open the dialog to log a decision taken under delegation (non-blocking)."""
        store = self._ctx.require_store()

        def submit(record: DelegationDecision) -> None:
            undo.run(self._ctx, LogDelegationDecision(self._ctx, record))

        self.dialog = LogDecisionDialog(delegation.list_delegations(store), store.today(),
                                        submit, self)
        selected = selected_record(self.order_view)
        if selected is not None:
            self.dialog.delegation.setCurrentIndex(self.dialog.delegation.findData(selected.id))
        self.dialog.open()
        return self.dialog

    def remove_selected_decision(self) -> None:
        """Remove the selected logged decision after asking."""
        row = selected_record(self.log_view)
        if row is None or not dialogs.ask_yes_no(self, _("Remove delegation decision"), _(
                "Remove the logged decision “{matter}” of {date}?").format(
                    matter=row.decision.matter, date=format_date(row.decision.decided_on))):
            return
        run_or_show(self._ctx, self, RemoveDelegationDecision(self._ctx, row.decision),
                    _("Could not remove the decision"))
