"""Minutes tab: the paragraph list (§, title, outcome, a red mark without quorum) beside the
paragraph editor. Keyboard: Ctrl+Down/Ctrl+Up next/previous paragraph, Ctrl+N new
paragraph, Ctrl+M motion, Ctrl+Shift+V vote, Ctrl+R reservation or note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.meetings import Item, Meeting, Outcome
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import meetings, minutes
from finsam_desktop.ui import undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.paragraph_editor import ParagraphEditor
from finsam_desktop.ui.widgets.tables import make_table, selected_record

SHORT_OUTCOMES = {Outcome.NONE: "", Outcome.DECIDED: N_("Decided"),
                  Outcome.REFERRED_BACK: N_("Referred back"), Outcome.NOTED: N_("Noted")}
NEW_PARAGRAPH = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_N)


@dataclass(frozen=True)
class ParagraphRow:
    """A paragraph with its number and whether the board has a quorum on it."""

    item: Item
    number: int | None
    quorum: bool


COLUMNS = [
    Column(N_("§"), lambda r: str(r.number or ""), numeric=True),
    Column(N_("Title"), lambda r: r.item.title),
    Column(N_("Outcome"), lambda r: _(SHORT_OUTCOMES[r.item.outcome])
           if r.item.outcome.value else ""),
    Column("●", lambda r: "" if r.quorum else "●",  # no quorum: a red mark
           tooltip=lambda r: "" if r.quorum else _("No quorum on this paragraph")),
]


class ParagraphModel(RecordTableModel):
    """The paragraph list; paragraphs without quorum are marked red."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and not self.record(index.row()).quorum):
            return QColor("#b00020")
        return super().data(index, role)


class MinutesTab(QWidget):
    """Paragraphs on the left, the editor of the selected one on the right."""

    sig_start_requested = Signal()
    """Emitted when the user asks to start the minutes from this tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meeting: Meeting | None = None
        self._sealed = False
        self.model = ParagraphModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=1)
        self.editor = ParagraphEditor(ctx, self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.editor)
        self.scroll.setWidgetResizable(True)
        self.keys_label = QLabel(self)
        self.keys_label.setWordWrap(True)
        self.keys_label.setStyleSheet("color: #555555;")
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.start_button = QPushButton(self)
        self._build()
        self._connect()

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.keys_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 800])
        start = QHBoxLayout()
        start.addWidget(self.placeholder, 1)
        start.addWidget(self.start_button)
        self.start_row = QWidget(self)
        self.start_row.setLayout(start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor.banner)  # always in sight, not scrolled away
        layout.addWidget(self.start_row)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.start_button.clicked.connect(self.sig_start_requested)
        shortcuts = (("Ctrl+Down", lambda: self.step(+1)), ("Ctrl+Up", lambda: self.step(-1)),
                     ("Ctrl+M", self.add_motion), ("Ctrl+Shift+V", self.open_vote),
                     ("Ctrl+R", self.add_statement))
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def translate_ui(self) -> None:
        """Set every text."""
        self.editor.translate_ui()
        self.model.retranslate()
        self.keys_label.setText(_("Ctrl+Down/Up: next/previous §\nCtrl+N: new §\n"
                                  "Ctrl+M: motion\nCtrl+Shift+V: vote\n"
                                  "Ctrl+R: reservation or note"))
        self.placeholder.setText(_("The minutes have not been started. Starting them numbers "
                                   "the paragraphs and fills in the attendance."))
        self.start_button.setText(_("Start minutes"))

    # ShortcutOverride: Ctrl+N means "new paragraph" here, not File ▸ New.
    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.keyCombination() == NEW_PARAGRAPH):
            event.accept()
            self.new_paragraph()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.keyCombination() == NEW_PARAGRAPH:
            event.accept()  # handled on ShortcutOverride
            return
        super().keyPressEvent(event)

    # Loading ----------------------------------------------------------------------------

    def set_meeting(self, meeting: Meeting | None, sealed: bool) -> None:
        """Show the paragraphs of `meeting`."""
        if self._meeting is not None and (meeting is None or meeting.id != self._meeting.id):
            self.editor.save()
        self._meeting, self._sealed = meeting, sealed
        self.refresh()

    def refresh(self) -> None:
        """Re-read paragraphs and the editor; keep the selected paragraph."""
        meeting = self._meeting
        held = meeting is not None and meeting.held
        self.start_row.setVisible(meeting is not None and not held)
        self.splitter.setVisible(held)
        keep = self.current_item()
        rows = []
        if meeting is not None and held:
            store = self._ctx.require_store()
            for item in meetings.list_items(store, meeting.id):
                rows.append(ParagraphRow(item, meetings.number_of(meeting, item),
                                         minutes.serving_for_item(store, item).has_quorum))
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ids = [r.item.id for r in rows]
        if keep is not None and keep.id in ids:
            self.view.selectRow(ids.index(keep.id))
        elif ids:
            self.view.selectRow(0)
        self._show_current()

    def current_item(self) -> Item | None:
        """The paragraph being edited."""
        row = selected_record(self.view)
        return row.item if row is not None else None

    def _selection_changed(self) -> None:
        before = self.editor.item
        self._show_current()
        current = self.current_item()
        if current is not None and (before is None or before.id != current.id) \
                and not self.editor.isAncestorOf(self.focusWidget()):
            self.scroll.verticalScrollBar().setValue(0)

    def _show_current(self) -> None:
        self.editor.set_item(self._meeting, self.current_item(), self._sealed)

    def select_paragraph(self, item_id: int) -> None:
        """Select the paragraph with `item_id`."""
        ids = [r.item.id for r in self.model.rows()]
        if item_id in ids:
            self.view.selectRow(ids.index(item_id))

    # Keyboard actions -------------------------------------------------------------------

    def step(self, delta: int) -> None:
        """Save the paragraph and go to the next (+1) or previous (-1); keep the field."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        target = rows[0].row() + delta
        if not 0 <= target < self.model.rowCount():
            return
        focus = self.focusWidget()
        self.editor.save()
        self.view.selectRow(target)
        if focus is not None and self.editor.isAncestorOf(focus):
            focus.setFocus()
        else:
            self.editor.title.setFocus()

    def new_paragraph(self) -> None:
        """Add a paragraph after the current one and put the cursor in its title."""
        if self._meeting is None or not self._meeting.held:
            return
        if self._sealed:
            self.editor.refuse_sealed_edit()
            return
        self.editor.save()
        current = self.current_item()
        position = current.position + 1 if current is not None else 0
        command = undo_meetings.AddItem(
            self._ctx, Item(0, self._meeting.id, position, _("New paragraph")),
            text=_("New paragraph"))
        if run_or_show(self._ctx, self, command, _("No new paragraph")):
            self.select_paragraph(command.record.id)
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def add_motion(self) -> None:
        """Ctrl+M: save the paragraph and open the motion dialog."""
        if self._guard():
            self.editor.motions.add()

    def open_vote(self) -> None:
        """Ctrl+Shift+V: save the paragraph and open the vote dialog."""
        if self._guard():
            self.editor.votes.open_vote()

    def add_statement(self) -> None:
        """Ctrl+R: save the paragraph and open the reservation/note dialog."""
        if self._guard():
            self.editor.statements.add()

    def _guard(self) -> bool:
        if self.current_item() is None:
            return False
        if self._sealed:
            self.editor.refuse_sealed_edit()
            return False
        return self.editor.save()

