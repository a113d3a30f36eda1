"""Editable attendance table: presence (combo), remote (check box) and the paragraphs
someone missed are edited in place; each edit goes to `submit(attendee)` (an undo command)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from finsam_desktop.domain.meetings import PRESENCE_LABELS, Attendee, AttendeeRole, Presence
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui.models.record_table import RecordRole

Index = QModelIndex | QPersistentModelIndex

ROLE_LABELS = {AttendeeRole.MEMBER: N_("Member (ledamot)"),
               AttendeeRole.DEPUTY: N_("Deputy (ersättare)"),
               AttendeeRole.OTHER: N_("Other")}
HEADERS = [N_("Name"), N_("Role"), N_("Member / title"), N_("Presence"), N_("Remote"),
           N_("Not present for §"), N_("Serving")]
NAME, ROLE, DETAIL, PRESENCE, REMOTE, NOT_PRESENT, SERVING = range(7)


@dataclass(frozen=True)
class AttendanceRow:
    """An attendee and what the serving rules say about them."""

    attendee: Attendee
    serving: str  # "Serving", "Serving for NN" or ""


class AttendanceModel(QAbstractTableModel):
    """Rows of `AttendanceRow`; editable cells call `submit` and return its answer."""

    def __init__(self, submit: Callable[[Attendee], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._rows: list[AttendanceRow] = []
        self.read_only = False

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        """Replace every row; the same people in the same order only repaint (safe while a
        cell's edit is being committed)."""
        same = [r.attendee.id for r in rows] == [r.attendee.id for r in self._rows]
        if same and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AttendanceRow]:
        """The rows shown."""
        return list(self._rows)

    def retranslate(self) -> None:
        """Re-read headers and texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return _(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        attendee = self._rows[index.row()].attendee
        if index.column() == REMOTE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (PRESENCE, NOT_PRESENT) or (
                index.column() in (NAME, DETAIL) and attendee.role is AttendeeRole.OTHER):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        a, column = row.attendee, index.column()
        if role == RecordRole:
            return a
        if role == Qt.ItemDataRole.CheckStateRole and column == REMOTE:
            return Qt.CheckState.Checked if a.remote else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            return {PRESENCE: a.presence, NOT_PRESENT: a.not_present, NAME: a.name,
                    DETAIL: a.detail}.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return {NAME: a.name, ROLE: _(ROLE_LABELS[a.role]), DETAIL: a.detail,
                    PRESENCE: _(PRESENCE_LABELS[a.presence]), REMOTE: "",
                    NOT_PRESENT: a.not_present, SERVING: row.serving}[column]
        if role == Qt.ItemDataRole.ForegroundRole and a.presence is not Presence.PRESENT:
            return QColor("#777777")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        a, column = self._rows[index.row()].attendee, index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == REMOTE:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._submit(dataclasses.replace(a, remote=checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == PRESENCE:
            changed = dataclasses.replace(a, presence=Presence(value))
        elif column == NOT_PRESENT:
            changed = dataclasses.replace(a, not_present=str(value).strip())
        elif column == NAME:
            changed = dataclasses.replace(a, name=str(value).strip())
        elif column == DETAIL:
            changed = dataclasses.replace(a, detail=str(value).strip())
        else:
            return False
        return changed == a or self._submit(changed)


class PresenceDelegate(QStyledItemDelegate):
    """A combo box of present / absent / apologies for the presence column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in PRESENCE_LABELS.items():
            combo.addItem(_(label), value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
