"""The Members tab: one row per member for the year's annual report: when the report and the
audit report were sent, the member's decision on discharge (pending / granted / not
granted), its date and reference, and a note. Cells are typed in place (dates as
YYYY-MM-DD, the decision from a list); every edit saves the member's row at once through
an undo command.

A refused value stays in its cell, red, with the reason, and is tried again together with
the next edit of the same row: choosing "Granted" without a date is refused, and typing the
date afterwards saves both. Nothing typed is lost."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.annual import DISCHARGE_LABELS, Discharge, MemberCycle
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.values import parse_date
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.budget.grid import (
    AmountDelegate,
    GridModel,
    GridRow,
    GridView,
    RowKind,
)
from finsam_desktop.ui.undo_annual import SaveCycle

Index = QModelIndex | QPersistentModelIndex
MEMBER, REPORT_SENT, AUDIT_SENT, DISCHARGE, DECIDED_ON, REFERENCE, NOTE = range(7)
DATES = (REPORT_SENT, AUDIT_SENT, DECIDED_ON)
HINT_STYLE = "color: #555555;"


def _date_text(day: Any) -> str:
    return day.isoformat() if day is not None else ""


def apply_cell(cycle: MemberCycle, column: int, text: str) -> MemberCycle:
    """`cycle` with the typed `text` in `column` (ValidationError if it is not valid)."""
    value = text.strip()
    if column in DATES:
        day = parse_date(value) if value else None
        field = {REPORT_SENT: "report_sent_on", AUDIT_SENT: "audit_sent_on",
                 DECIDED_ON: "decided_on"}[column]
        return dataclasses.replace(cycle, **{field: day})
    if column == DISCHARGE:
        return dataclasses.replace(cycle, discharge=Discharge(value or Discharge.PENDING))
    if column == REFERENCE:
        return dataclasses.replace(cycle, reference=value)
    if column == NOTE:
        return dataclasses.replace(cycle, note=value)
    return cycle


class CycleModel(GridModel):
    """The grid model, with the decision shown by its label also while refused, and a way
    to forget a row's refused values once the row is saved."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and index.column() == DISCHARGE and value in set(Discharge):
            return _(DISCHARGE_LABELS[Discharge(value)])
        return value

    def drop_pending(self, key: Any, columns: Sequence[int]) -> None:
        """Forget the refused values of `key`'s row in `columns` (saved with the row)."""
        row = self.row_of(key)
        for column in columns:
            if self._pending.pop((key, column), None) is not None and row >= 0:
                index = self.index(row, column)
                self.dataChanged.emit(index, index)


class DischargeDelegate(AmountDelegate):
    """A list of pending / granted / not granted for the decision column; the choice is
    saved as soon as it is made."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        if index.column() != DISCHARGE:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in DISCHARGE_LABELS.items():
            combo.addItem(_(label), value.value)
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(
                index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class CycleView(GridView):
    """The members' grid: one click on a decision opens its list."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == DISCHARGE \
                and event.button() == Qt.MouseButton.LeftButton:
            self.edit(index)


class MembersTab(QWidget):
    """Dispatch and discharge per member."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self._names: dict[int, str] = {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)
        self.model = CycleModel(None, numeric_from=99)
        self.view = CycleView(self.model, self)
        self.model.setParent(self.view)
        self.view.setItemDelegate(DischargeDelegate(self.view))
        self.model.commit = self._commit
        self.view.clear_requested.connect(self._clear)
        self.message = MessageLabel(self)
        self.model.refused.connect(self.message.refuse)
        self.model.accepted.connect(self.message.clear_message)
        self.report_all_button = QPushButton(self)
        self.audit_all_button = QPushButton(self)
        self.report_all_button.clicked.connect(lambda: self.mark_all_sent(audit=False))
        self.audit_all_button.clicked.connect(lambda: self.mark_all_sent(audit=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_all_button)
        buttons.addWidget(self.audit_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def translate_ui(self) -> None:
        """Set every text."""
        self.intro.setText(_("When the annual report and the audit report were sent to each "
                             "member, and each member's own decision on discharge from "
                             "liability (ansvarsfrihet) for the board. Type dates as "
                             "YYYY-MM-DD; a decision needs its date. Each change is saved at "
                             "once."))
        self.report_all_button.setText(_("Report sent to all…"))
        self.report_all_button.setToolTip(_("Record one date for every member the annual "
                                            "report was not yet recorded as sent to."))
        self.audit_all_button.setText(_("Audit report sent to all…"))
        self.audit_all_button.setToolTip(_("Record one date for every member the audit "
                                           "report was not yet recorded as sent to."))

    def show_cycles(self, year: int, cycles: Sequence[MemberCycle],
                    names: Mapping[int, str]) -> None:
        """Show each member's record for `year`."""
        if year != self._year:
            self.model.clear_pending()
            self.message.clear_message()
        self._year, self._names = year, dict(names)
        rows = [self._row(cycle) for cycle in cycles]
        self.model.set_table(
            [_("Member"), _("Report sent"), _("Audit report sent"), _("Discharge"),
             _("Decided on"), _("Reference"), _("Note")], rows,
            {REPORT_SENT: _("The day the annual report was sent to the member."),
             AUDIT_SENT: _("The day the auditors' report was sent to the member."),
             DISCHARGE: _("The member's decision on discharge from liability "
                          "(ansvarsfrihet); each member decides separately."),
             DECIDED_ON: _("The day of the member's decision."),
             REFERENCE: _("The member's decision, e.g. KF 2027-04-24 § 45.")})
        self.view.set_widths(self._widths(), stretch=REFERENCE)
        self.view.fit_height(max_rows=30)

    def _widths(self) -> list[int]:
        """Room for each header (the languages differ) and for what the cells hold."""
        metrics = self.view.horizontalHeader().fontMetrics()
        least = {MEMBER: 150, REPORT_SENT: 95, AUDIT_SENT: 95, DISCHARGE: 110,
                 DECIDED_ON: 95, REFERENCE: 150, NOTE: 120}
        headers = self.model.headers()
        return [max(least[column], metrics.horizontalAdvance(headers[column]) + 16)
                for column in range(len(headers))]

    def _row(self, cycle: MemberCycle) -> GridRow:
        cells = [self._names.get(cycle.member_id, "?"), _date_text(cycle.report_sent_on),
                 _date_text(cycle.audit_sent_on), _(DISCHARGE_LABELS[cycle.discharge]),
                 _date_text(cycle.decided_on), cycle.reference, cycle.note]
        edit = {column: cells[column] for column in (REPORT_SENT, AUDIT_SENT, DECIDED_ON,
                                                     REFERENCE, NOTE)}
        edit[DISCHARGE] = cycle.discharge.value
        row = GridRow(cycle.member_id, RowKind.LINE, cells, edit=edit, payload=cycle)
        for column in (REFERENCE, NOTE):  # all of a long text, also when the cell cuts it
            if cells[column]:
                row.tips[column] = cells[column]
        if cycle.discharge is Discharge.NOT_GRANTED:
            row.red.add(DISCHARGE)
            row.tips[DISCHARGE] = _("Not granted: the member may dismiss the ledamöter it "
                                    "appointed.")
        return row

    def discharge_text(self, member_id: int) -> str:
        """What the decision cell of a member shows."""
        return self.model.text(self.model.row_of(member_id), DISCHARGE)

    # editing ----------------------------------------------------------------------------

    def _commit(self, row: GridRow, column: int, text: str) -> None:
        cycle: MemberCycle = row.payload
        changed = apply_cell(cycle, column, text)
        merged = []
        for (key, other), (pending_text, _reason) in self.model.pending().items():
            if key != row.key or other == column:
                continue
            try:
                changed = apply_cell(changed, other, pending_text)
            except FinsamError:
                continue  # still not valid: it stays refused
            merged.append(other)
        if changed == cycle:
            self.model.drop_pending(row.key, merged)
            return
        undo.run(self._ctx, SaveCycle(self._ctx, changed, self._names.get(cycle.member_id, "")))
        self.model.drop_pending(row.key, merged)

    def mark_all_sent(self, *, audit: bool) -> bool:
        """Ask for a date and record the report (or the audit report) as sent that day to
        every member without a date yet, in one undo step; True if recorded."""
        field = "audit_sent_on" if audit else "report_sent_on"
        missing = [row.payload for row in self.model.rows()
                   if getattr(row.payload, field) is None]
        if self._year is None:
            return False
        if not missing:
            self.message.say(_("Every member already has a date."))
            return False
        title = _("Audit report sent") if audit else _("Report sent")
        text = dialogs.ask_text(self, title, _("Sent on (YYYY-MM-DD) to {count} members "
                                               "without a date:").format(count=len(missing)),
                                self._ctx.require_store().today().isoformat())
        if text is None:
            return False
        try:
            day = parse_date(text)
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        stack = self._ctx.undo_stack
        stack.beginMacro(title)
        try:
            for cycle in missing:
                undo.run(self._ctx, SaveCycle(self._ctx, dataclasses.replace(cycle, **{field: day}),
                                              self._names.get(cycle.member_id, "")))
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        finally:
            stack.endMacro()
        self.message.say(_("Recorded for {count} members.").format(count=len(missing)))
        return True

    def _clear(self, cells: list[tuple[int, int]]) -> None:
        """Delete: empty the selected dates and texts of one member (decisions stay)."""
        rows = {number for number, _column in cells}
        if len(rows) != 1:
            self.message.refuse(_("Clear the cells of one member at a time."))
            return
        number = rows.pop()
        row = self.model.row(number)
        changed = row.payload
        try:
            for _number, column in cells:
                if column in (*DATES, REFERENCE, NOTE):
                    changed = apply_cell(changed, column, "")
            if changed != row.payload:
                undo.run(self._ctx, SaveCycle(self._ctx, changed,
                                              self._names.get(changed.member_id, "")))
        except FinsamError as error:
            self.message.refuse(str(error))
