"""`DecisionsModel`: the decision register as a table model for 100 000 rows.

Rows are `DecisionRow`s straight from `services.decisions.list_decisions`; texts are made
when Qt asks for a visible cell, so filling the model costs one list assignment. Sorting is
the service's job (SQL ORDER BY): a header click re-queries. The two columns SQL cannot
order by (reported back in, final from) are sorted in the model's own list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from finsam_desktop.domain.decisions import STATUS_LABELS, DecisionRow
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
OVERDUE_TEXT = QColor("#9b0016")
OVERDUE_BACKGROUND = QColor("#fde8ea")


@dataclass(frozen=True)
class DecisionColumn:
    """Header (N_), cell text, the service's sort key (None: sorted here by `local_key`)."""

    header: str
    display: Callable[[DecisionRow], str]
    sort: str | None
    local_key: Callable[[DecisionRow], Any] | None = None
    numeric: bool = False
    width: int = 90


def _date(day: dt.date | None) -> str:
    return format_date(day) if day else ""


COLUMNS = [
    DecisionColumn(N_("Year"), lambda r: str(r.year), "date", numeric=True, width=48),
    DecisionColumn(N_("§"), lambda r: str(r.number), "number", numeric=True, width=44),
    DecisionColumn(N_("Meeting"), lambda r: _date(r.meeting_date), "date", width=95),
    DecisionColumn(N_("Title"), lambda r: r.title, "title", width=290),
    DecisionColumn(N_("Dnr"), lambda r: r.dnr, "dnr", width=80),
    DecisionColumn(N_("Category"), lambda r: _(r.category) if r.category else "", "category",
                   width=130),
    DecisionColumn(N_("Status"), lambda r: _(STATUS_LABELS[r.status]), "status", width=110),
    DecisionColumn(N_("Responsible"), lambda r: r.responsible, "responsible", width=150),
    DecisionColumn(N_("Due"), lambda r: _date(r.due_on), "due", width=95),
    DecisionColumn(N_("Reported back in"), lambda r: r.reported_in, None,
                   local_key=lambda r: r.reported_in, width=140),
    DecisionColumn(N_("Final from"), lambda r: _date(r.final_from), None,
                   local_key=lambda r: r.final_from or dt.date.max, width=95),
]


class DecisionsModel(QAbstractTableModel):
    """Read-only rows of the register; overdue rows in red with a tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DecisionRow] = []

    def set_rows(self, rows: Sequence[DecisionRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DecisionRow]:
        """The rows shown, in order (a copy)."""
        return list(self._rows)

    def row_of(self, item_id: int) -> int:
        """The row showing decision `item_id`, -1 if not shown."""
        return next((i for i, r in enumerate(self._rows) if r.item_id == item_id), -1)

    def record(self, row: int) -> DecisionRow:
        """The decision in `row`."""
        return self._rows[row]

    def sort_locally(self, column: int, descending: bool) -> None:
        """Order by a column SQL cannot sort (the own list + layoutChanged: fast)."""
        key = COLUMNS[column].local_key
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=descending)
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        """Re-read headers and texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        return None

    @staticmethod
    def _tooltip(row: DecisionRow, column: DecisionColumn) -> str | None:
        if row.overdue and row.due_on is not None:
            return _("Overdue since {date}").format(date=format_date(row.due_on))
        if column.header == COLUMNS[3].header:
            return row.title
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Click to sort by this column; click again to reverse.")
        return None
