"""`GridModel` and `GridView`: the small spreadsheet-like tables of the budget panel.

The tabs build `GridRow`s with every text already formatted (a budget has tens of rows, not
thousands), so the model only shows them: section and total rows in bold, amounts right-
aligned, negative figures red, entered values marked. A cell is editable when its row says
so; what the user types goes to the tab's `commit` callback, which parses it and runs an
undo command. A refused value stays in the cell, red, with the reason as its tooltip, and
`refused` says why: nothing the user typed is lost.

A refresh that keeps the same rows and columns only replaces the texts (`dataChanged`), so
the current cell and an open editor survive the refresh that follows every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

RED = QColor("#b00020")
REFUSED_BACKGROUND = QColor("#fde8ea")
SECTION_BACKGROUND = QColor("#e6ebf2")
TOTAL_BACKGROUND = QColor("#f1f3f5")
MARKED_BACKGROUND = QColor("#fff3c4")
LOCKED_BACKGROUND = QColor("#f3f1ec")
LOCKED_TEXT = QColor("#5a5a5a")
FLAGGED_BACKGROUND = QColor("#fde8ea")
EDITABLE_BACKGROUND = QColor("#ffffff")


class RowKind(Enum):
    """What a row is: a heading, an ordinary (often editable) row, a total, a result."""

    SECTION = "section"
    LINE = "line"
    TOTAL = "total"
    RESULT = "result"


@dataclass
class GridRow:
    """One row: its identity (`key`), kind and texts, and what may be edited."""

    key: Any
    kind: RowKind
    cells: list[str]
    edit: dict[int, str] = field(default_factory=dict)  # editable column → editor text
    red: set[int] = field(default_factory=set)  # columns shown in red (negative)
    marked: set[int] = field(default_factory=set)  # columns entered by hand (highlighted)
    locked: set[int] = field(default_factory=set)  # columns read-only for a reason
    tips: dict[int, str] = field(default_factory=dict)  # column → tooltip (-1: whole row)
    flagged: bool = False  # the whole row needs attention
    payload: Any = None  # the record behind the row (a line, a member, …)


Commit = Callable[[GridRow, int, str], None]


class GridModel(QAbstractTableModel):
    """Rows of pre-formatted texts; editable cells commit through `commit`."""

    refused = Signal(str)
    """Emitted with the reason when a typed value is refused (it stays in the cell)."""

    accepted = Signal()
    """Emitted after a typed value was saved."""

    def __init__(self, parent: Any = None, *, numeric_from: int = 1,
                 text_columns: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self._text_columns = set(text_columns)
        self._headers: list[str] = []
        self._header_tips: dict[int, str] = {}
        self._rows: list[GridRow] = []
        self._numeric_from = numeric_from
        self._pending: dict[tuple[Any, int], tuple[str, str]] = {}
        self.commit: Commit | None = None
        self.locked_tip = ""

    # filling ----------------------------------------------------------------------------

    def set_table(self, headers: Sequence[str], rows: Sequence[GridRow],
                  header_tips: dict[int, str] | None = None) -> None:
        """Show `rows` under `headers`. Same shape as before: texts replaced in place."""
        rows = list(rows)
        same = (len(headers) == len(self._headers)
                and [r.key for r in rows] == [r.key for r in self._rows])
        self._header_tips = dict(header_tips or {})
        if same:
            self._headers, self._rows = list(headers), rows
            if headers:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(headers) - 1))
            return
        self.beginResetModel()
        self._headers, self._rows = list(headers), rows
        keys = {r.key for r in rows}
        self._pending = {k: v for k, v in self._pending.items() if k[0] in keys}
        self.endResetModel()

    def clear_pending(self) -> None:
        """Forget refused values (e.g. another year or version is shown)."""
        self._pending.clear()

    def pending(self) -> dict[tuple[Any, int], tuple[str, str]]:
        """Refused values still shown: (row key, column) → (text, reason)."""
        return dict(self._pending)

    def rows(self) -> list[GridRow]:
        """The rows shown."""
        return list(self._rows)

    def row(self, number: int) -> GridRow:
        """The row at `number`."""
        return self._rows[number]

    def row_of(self, key: Any) -> int:
        """The row number of `key`, -1 if not shown."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return str(self.data(self.index(row, column)) or "")

    def headers(self) -> list[str]:
        """The column headers shown."""
        return list(self._headers)

    # Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.is_numeric(section) else LEFT
        return None

    def is_numeric(self, column: int) -> bool:
        """True for a column of figures (right-aligned)."""
        return column >= self._numeric_from and column not in self._text_columns

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self._rows[index.row()].edit:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if column >= len(row.cells):
            return None
        pending = self._pending.get((row.key, column))
        if role == Qt.ItemDataRole.DisplayRole:
            return pending[0] if pending else row.cells[column]
        if role == Qt.ItemDataRole.EditRole:
            return pending[0] if pending else row.edit.get(column, row.cells[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.is_numeric(column) and row.kind is not RowKind.SECTION \
                else LEFT
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column, pending is not None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column, pending is not None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending:
                return pending[1]
            if column in row.locked and self.locked_tip:
                return row.tips.get(column) or self.locked_tip
            return row.tips.get(column) or row.tips.get(-1) or (
                row.cells[0] if column == 0 and row.kind is RowKind.LINE else None)
        return None

    @staticmethod
    def _font(row: GridRow, column: int) -> QFont | None:
        if row.kind is RowKind.LINE and column not in row.marked:
            return None
        font = QFont()
        font.setBold(row.kind is not RowKind.LINE or column in row.marked)
        if column in row.marked:
            font.setItalic(True)
        return font

    @staticmethod
    def _foreground(row: GridRow, column: int, pending: bool) -> QBrush | None:
        if pending or column in row.red or (row.flagged and column == 0):
            return QBrush(RED)
        if column in row.locked:
            return QBrush(LOCKED_TEXT)
        return None

    @staticmethod
    def _background(row: GridRow, column: int, pending: bool) -> QBrush | None:
        if pending:
            return QBrush(REFUSED_BACKGROUND)
        if row.kind is RowKind.SECTION:
            return QBrush(SECTION_BACKGROUND)
        if row.flagged:
            return QBrush(FLAGGED_BACKGROUND)
        if column in row.marked:
            return QBrush(MARKED_BACKGROUND)
        if column in row.locked:
            return QBrush(LOCKED_BACKGROUND)
        if row.kind in (RowKind.TOTAL, RowKind.RESULT):
            return QBrush(TOTAL_BACKGROUND)
        if column in row.edit:
            return QBrush(EDITABLE_BACKGROUND)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        row, column = self._rows[index.row()], index.column()
        if column not in row.edit:
            return False
        text = str(value if value is not None else "")
        key = (row.key, column)
        if key not in self._pending and text.strip() == row.edit[column].strip():
            return False  # unchanged: nothing to save, nothing to undo
        try:
            self.commit(row, column, text)
        except FinsamError as error:
            self._pending[key] = (text, str(error))
            self.dataChanged.emit(index, index)
            self.refused.emit(str(error))
            return False
        if self._pending.pop(key, None) is not None:
            self.dataChanged.emit(index, index)
        self.accepted.emit()
        return True


class AmountDelegate(QStyledItemDelegate):
    """Editors aligned like the figures they edit (amounts on the right)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None:
                editor.setAlignment(Qt.AlignmentFlag(int(alignment)))
        return editor


class GridView(QTableView):
    """A table that edits like a spreadsheet: typing starts editing, Enter saves and moves
    down, Ctrl+C copies the selection as tab-separated text, Ctrl+V hands the clipboard to
    `paste_requested`, Delete hands the selected cells to `clear_requested`."""

    paste_requested = Signal(int, int, str)
    """(row, column, clipboard text): paste a block with its top-left at that cell."""

    clear_requested = Signal(list)
    """[(row, column), …] of the selected cells to clear."""

    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widths_key: tuple[Any, ...] | None = None
        self.setModel(model)
        self.setItemDelegate(AmountDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setStyleSheet("QTableView { gridline-color: #d9dde3; }")

    def grid(self) -> GridModel:
        """The model."""
        model = self.model()
        assert isinstance(model, GridModel)
        return model

    def set_widths(self, widths: Sequence[int], stretch: int | Sequence[int] | None = None,
                   ) -> None:
        """Column widths in pixels; the `stretch` column(s) share the remaining room. Only
        when the columns changed: widths the user dragged survive the refresh after an edit."""
        header = self.horizontalHeader()
        count = self.grid().columnCount()
        stretched = [stretch] if isinstance(stretch, int) else list(stretch or ())
        key = (count, tuple(widths), tuple(stretched))
        if key == self._widths_key:
            return
        self._widths_key = key
        for column, width in enumerate(widths):
            if column < count and column not in stretched:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        for column in stretched:
            if column < count:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def fit_height(self, max_rows: int = 40) -> None:
        """Only as tall as the visible rows (up to `max_rows`), so no empty band."""
        rows = sum(1 for r in range(self.grid().rowCount()) if not self.isRowHidden(r))
        rows = min(max(rows, 1), max_rows)
        height = (self.horizontalHeader().sizeHint().height()
                  + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
                  + 4)
        self.setMinimumHeight(min(height, 110))
        self.setMaximumHeight(height)

    def select_cell(self, row: int, column: int) -> None:
        """Make (row, column) the current, only selected cell."""
        index = self.grid().index(row, column)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            current = self.currentIndex()
            if current.isValid():
                text = QApplication.clipboard().text()
                self.paste_requested.emit(current.row(), current.column(), text)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QApplication.clipboard().setText(self.selected_text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and self.state() != QAbstractItemView.State.EditingState:
            cells = sorted((i.row(), i.column()) for i in self.selectedIndexes())
            if cells:
                self.clear_requested.emit(cells)
            return
        super().keyPressEvent(event)

    def selected_text(self) -> str:
        """The selected cells as tab-separated rows (what Excel pastes)."""
        indexes = self.selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for row in rows:
            lines.append("\t".join(self.grid().text(row, c).replace("\u00a0", " ")
                                   if (row, c) in chosen else "" for c in columns))
        return "\n".join(lines)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and current.isValid():
            self._move_down(current)

    def _move_down(self, current: QModelIndex) -> None:
        model = self.grid()
        for row in range(current.row() + 1, model.rowCount()):
            if self.isRowHidden(row):
                continue
            if model.flags(model.index(row, current.column())) & Qt.ItemFlag.ItemIsEditable:
                self.select_cell(row, current.column())
                return
