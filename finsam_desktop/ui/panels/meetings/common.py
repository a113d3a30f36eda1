"""Small pieces shared by the meeting tabs: a text box that commits when left, a busy line
for exports, and helpers to run undo commands with the refusal shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from finsam_desktop.services.exports import ExportJob
    from finsam_desktop.ui.panels.meetings.export import ExportRunner

SEALED_STYLE = ("background: #fdf3d8; color: #5c4400; border: 1px solid #e0c36a; "
                "padding: 6px; font-weight: bold;")
WARNING_STYLE = "color: #9a5b00; font-weight: bold;"
OK_STYLE = "color: #2e6b30;"


class CommitTextEdit(QPlainTextEdit):
    """Multi-line plain text that emits `committed` when focus leaves it (like
    `QLineEdit.editingFinished`); Tab moves on instead of typing a tab character."""

    committed = Signal()
    """Emitted when the user leaves the field."""

    edit_refused = Signal()
    """Emitted when the user types into it while it is read-only."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        # Room for `lines` lines; longer texts scroll inside (the editor stays compact).
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def set_text(self, text: str) -> None:
        """Show `text` unless it is already shown (keeps the cursor while typing)."""
        if self.toPlainText() != text:
            self.setPlainText(text)

    def text(self) -> str:
        """The text as typed."""
        return self.toPlainText()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.isReadOnly():
            self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly() and is_editing_key(event):
            self.edit_refused.emit()
        super().keyPressEvent(event)


def is_editing_key(event: QKeyEvent) -> bool:
    """True for a key that would change text (typing, Backspace, Delete, Enter)."""
    if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return,
                       Qt.Key.Key_Enter):
        return True
    return bool(event.text()) and event.text().isprintable() and not (
        event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def run_or_show(ctx: AppContext, parent: QWidget, command: undo.ServiceCommand,
                title: str) -> bool:
    """Run an undo command; a refusal is shown as a message. True if it worked."""
    try:
        undo.run(ctx, command)
    except FinsamError as error:
        dialogs.show_error(parent, title, str(error))
        return False
    return True


class BusyLine(QWidget):
    """"Writing PDF…" with a busy bar while an export runs, then the saved file's path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.bar.setVisible(False)

    def set_busy(self, busy: bool) -> None:
        """Show the busy bar (or hide it)."""
        self.bar.setVisible(busy)
        if busy:
            self.label.setStyleSheet("")
            self.label.setText(_("Writing the PDF… you can go on working."))

    def show_saved(self, path: str) -> None:
        """Say where the PDF was saved."""
        self.label.setStyleSheet(OK_STYLE)
        self.label.setText(_("Saved: {path}").format(path=path))

    def clear(self) -> None:
        """Hide any message."""
        self.label.setText("")

    def follow(self, runner: ExportRunner, after: Callable[[], None]) -> None:
        """Show the exports this line starts on `runner` (the panel's tabs share one runner,
        so each line reacts only to its own); call `after` whenever the runner's state moves."""
        self._runner, self._mine, self._after = runner, False, after
        runner.busy_changed.connect(self._busy_changed)
        runner.sig_export_finished.connect(self._finished)
        runner.sig_export_failed.connect(self._failed)

    def export(self, make_job: Callable[[], ExportJob], suggested: str) -> bool:
        """Start an export on the followed runner; True if it started."""
        self._mine = True
        self._mine = self._runner.export(make_job, suggested)
        return self._mine

    def _busy_changed(self, busy: bool) -> None:
        if self._mine:
            self.set_busy(busy)
        self._after()

    def _finished(self, path: str) -> None:
        if self._mine:
            self._mine = False
            self.show_saved(path)

    def _failed(self, _message: str) -> None:
        if self._mine:
            self._mine = False
            self.clear()
