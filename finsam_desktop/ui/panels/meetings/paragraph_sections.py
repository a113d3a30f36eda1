"""The lists inside the paragraph editor: jäv (with who serves), motions, votes and
reservations/notes. Each box opens its dialogs and runs undo commands; Enter edits and
Delete removes the selected entry, so the lists work from the keyboard."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.meetings import (
    Attendee,
    AttendeeRole,
    Item,
    Meeting,
    Motion,
    Presence,
    Statement,
    StatementKind,
)
from finsam_desktop.i18n import _
from finsam_desktop.services import minutes
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.record_dialogs import (
    STATEMENT_LABELS,
    MotionDialog,
    StatementDialog,
)

DataRole = Qt.ItemDataRole.UserRole + 1


class SectionBox(QGroupBox):
    """A titled list with buttons; subclasses fill it for one paragraph."""

    visible_rows = 4
    lines_per_row = 2  # long motions and vote results wrap onto a second line

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.meeting: Meeting | None = None
        self.item: Item | None = None
        self.sealed = False
        self.dialog: QDialog | None = None
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListView::item { padding: 2px 0px; }")  # room for Ö, Å
        self.list.installEventFilter(self)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        layout.addLayout(self.buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())

    def _button(self) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keyboard: shortcuts, Enter, Delete
        self.buttons.addWidget(button)
        return button

    def load(self, meeting: Meeting, item: Item, sealed: bool) -> None:
        """Show the paragraph's entries."""
        self.meeting, self.item, self.sealed = meeting, item, sealed
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for text, data in self.entries():
            entry = QListWidgetItem(text, self.list)
            entry.setData(DataRole, data)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.blockSignals(False)
        rows = max(1, min(self.list.count(), self.visible_rows))
        line = self.list.fontMetrics().lineSpacing()
        self.list.setFixedHeight(rows * (line * self.lines_per_row + 6)
                                 + 2 * self.list.frameWidth() + 4)
        self._update_buttons()

    def entries(self) -> list[tuple[str, object]]:
        """(text, record) per line."""
        return []

    def selected(self) -> object:
        """The record of the current line."""
        entry = self.list.currentItem()
        return entry.data(DataRole) if entry is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and not self.sealed:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected():
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete and self.selected():
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def edit_selected(self) -> None:
        """Open the selected entry."""

    def remove_selected(self) -> None:
        """Delete the selected entry after asking."""

    def _update_buttons(self) -> None:
        """Enable the subclass's buttons for the current selection (none here)."""

    def _store(self):  # type: ignore[no-untyped-def]
        return self._ctx.require_store()


def board_attendees(ctx: AppContext, meeting_id: int) -> list[Attendee]:
    """Members and deputies present at the meeting."""
    return [a for a in minutes.list_attendance(ctx.require_store(), meeting_id)
            if a.role is not AttendeeRole.OTHER and a.presence is Presence.PRESENT
            and a.person_id is not None]


class MotionsBox(SectionBox):
    """Motions (yrkanden) in order, with add, edit, withdraw and remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_button, self.edit_button = self._button(), self._button()
        self.withdraw_button, self.remove_button = self._button(), self._button()
        self.buttons.addStretch(1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdraw_button.clicked.connect(self.toggle_withdrawn)
        self.remove_button.clicked.connect(self.remove_selected)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Motions (yrkanden)"))
        self.add_button.setText(_("Add motion…"))
        self.add_button.setToolTip("Ctrl+M")
        self.edit_button.setText(_("Edit…"))
        self.withdraw_button.setText(_("Withdraw"))
        self.remove_button.setText(_("Remove"))

    def entries(self) -> list[tuple[str, object]]:
        assert self.item is not None
        rows = []
        for motion in minutes.list_motions(self._store(), self.item.id):
            mover = motion.mover_name or _("The proposal")
            text = f"{motion.position}. {mover}: {motion.text}"
            if motion.seconded_by:
                text += " " + _("(seconded by {names})").format(names=motion.seconded_by)
            if motion.withdrawn:
                text += " — " + _("withdrawn")
            rows.append((text, motion))
        return rows

    def _update_buttons(self) -> None:
        selected = self.selected() is not None and not self.sealed
        self.add_button.setEnabled(not self.sealed)
        for button in (self.edit_button, self.withdraw_button, self.remove_button):
            button.setEnabled(selected)
        motion = self.selected()
        if isinstance(motion, Motion):
            self.withdraw_button.setText(_("Reinstate") if motion.withdrawn else _("Withdraw"))

    def _movers(self) -> list[tuple[int, str]]:
        assert self.meeting is not None
        return [(a.person_id, a.name) for a in board_attendees(self._ctx, self.meeting.id)
                if a.person_id is not None]

    def add(self) -> MotionDialog | None:
        """Open the motion dialog for a new motion."""
        if self.item is None:
            return None
        motion = Motion(0, self.item.meeting_id, self.item.id, 0, "")
        return self._open(motion, lambda m: undo.run(self._ctx, undo_meetings.AddMotion(
            self._ctx, m, text=_("Add motion"))))

    def edit_selected(self) -> None:
        motion = self.selected()
        if isinstance(motion, Motion) and not self.sealed:
            self._open(motion, lambda m: undo.run(self._ctx, undo_meetings.UpdateMotion(
                self._ctx, m, text=_("Edit motion"))))

    def _open(self, motion: Motion, submit) -> MotionDialog:  # type: ignore[no-untyped-def]
        dialog = MotionDialog(motion, self._movers(), submit, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_withdrawn(self) -> None:
        """Mark the selected motion withdrawn (or reinstate it)."""
        motion = self.selected()
        if isinstance(motion, Motion):
            changed = dataclasses.replace(motion, withdrawn=not motion.withdrawn)
            run_or_show(self._ctx, self, undo_meetings.UpdateMotion(
                self._ctx, changed, text=_("Withdraw motion")), _("Motion not changed"))

    def remove_selected(self) -> None:
        motion = self.selected()
        if isinstance(motion, Motion) and dialogs.ask_yes_no(
                self, _("Remove motion"), _("Remove this motion? (A motion withdrawn at the "
                                            "meeting is marked withdrawn instead.)")):
            run_or_show(self._ctx, self, undo_meetings.RemoveMotion(
                self._ctx, motion.id, text=_("Remove motion")), _("Motion not removed"))


class StatementsBox(SectionBox):
    """Reservations and protocol notes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_button, self.edit_button = self._button(), self._button()
        self.remove_button = self._button()
        self.buttons.addStretch(1)
        self.add_button.clicked.connect(lambda: self.add(StatementKind.RESERVATION))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Reservations and protocol notes"))
        self.add_button.setText(_("Add…"))
        self.add_button.setToolTip("Ctrl+R")
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))

    def entries(self) -> list[tuple[str, object]]:
        assert self.item is not None
        rows = []
        for s in minutes.list_statements(self._store(), self.item.id):
            text = f"{_(STATEMENT_LABELS[s.kind])} — {s.name}: "
            text += s.text or _("(written reason to come)")
            rows.append((text, s))
        return rows

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self.sealed)
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(not self.sealed and self.selected() is not None)

    def _people(self) -> dict[StatementKind, list[tuple[int, str]]]:
        assert self.item is not None and self.meeting is not None
        store = self._store()
        voters = [(v.person_id, v.name)
                  for v in minutes.serving_for_item(store, self.item).voters]
        present = [(a.person_id, a.name) for a in minutes.list_attendance(store, self.meeting.id)
                   if a.presence is Presence.PRESENT and a.person_id is not None]
        return {StatementKind.RESERVATION: voters, StatementKind.NOTE: present}

    def add(self, kind: StatementKind = StatementKind.RESERVATION) -> StatementDialog | None:
        """Open the dialog for a new reservation or note."""
        if self.item is None:
            return None
        statement = Statement(0, self.item.meeting_id, self.item.id, kind, 0, "")
        dialog = StatementDialog(statement, self._people(), lambda s: undo.run(
            self._ctx, undo_meetings.AddStatement(self._ctx, s, text=_(
                STATEMENT_LABELS[s.kind]))), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        statement = self.selected()
        if isinstance(statement, Statement) and not self.sealed:
            dialog = StatementDialog(statement, self._people(), lambda s: undo.run(
                self._ctx, undo_meetings.UpdateStatement(self._ctx, s, text=_(
                    STATEMENT_LABELS[s.kind]))), self)
            self.dialog = dialog
            dialog.open()

    def remove_selected(self) -> None:
        statement = self.selected()
        if isinstance(statement, Statement) and dialogs.ask_yes_no(
                self, _("Remove"), _("Remove this {kind}?").format(
                    kind=_(STATEMENT_LABELS[statement.kind]).lower())):
            run_or_show(self._ctx, self, undo_meetings.RemoveStatement(
                self._ctx, statement.id, text=_("Remove statement")), _("Not removed"))
