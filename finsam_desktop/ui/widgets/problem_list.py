"""A list of problem messages ("things to fix") with a calm empty state."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from finsam_desktop.i18n import _


class ProblemList(QWidget):
    """Shows messages, or a short "nothing to fix" line when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._view = QListView(self)
        self._view.setModel(self._model)
        self._view.setWordWrap(True)
        self._view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self._view.setStyleSheet("QListView { color: #8a1c1c; }")
        self._empty = QLabel(self)
        self._empty.setStyleSheet("color: #2e6b30;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._empty)
        self._empty_text = ""
        self.set_messages([])

    def set_empty_text(self, text: str) -> None:
        """The line shown when there is nothing to fix (already translated)."""
        self._empty_text = text
        self._empty.setText(text or _("Nothing to fix."))

    def set_messages(self, messages: list[str]) -> None:
        """Show `messages` (already translated)."""
        self._model.setStringList(messages)
        self._view.setVisible(bool(messages))
        # Empty: only the one-line note, so the table above gets the room.
        self.setMaximumHeight(16_777_215 if messages else self._empty.sizeHint().height() + 8)
        self._empty.setVisible(not messages)
        self._empty.setText(self._empty_text or _("Nothing to fix."))

    def messages(self) -> list[str]:
        """The messages shown."""
        return self._model.stringList()
