"""`SectionTexts`: the narrative sections of a document (the budget plan's, the annual
report's) as plain-text editors, each saved when the field is left or with Save. A field
the user is changing is never overwritten by a refresh, and the panel saves every changed
field before it shows another year or version, so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.meetings.common import CommitTextEdit

HINT_STYLE = "color: #555555;"

Write = Callable[[Any, str, str], None]
"""Saves (document key, section, text) through the services; raises FinsamError."""


class SectionTexts(QWidget):
    """One plain-text editor per section, in the order of the printed document, under a
    heading and (where given) a hint; `key` identifies the document shown (a version id, a
    year)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, *, sections: Sequence[str],
                 labels: Mapping[str, str], write: Write, intro: Callable[[], str],
                 hints: Mapping[str, str] | None = None, lines: int = 5) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._key: Any = None
        self._sections, self._section_labels, self._hint_texts = sections, labels, hints or {}
        self._write, self._intro = write, intro
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.editors: dict[str, CommitTextEdit] = {}
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        for section in sections:
            label = QLabel(body)
            label.setStyleSheet("font-weight: bold;")
            editor = CommitTextEdit(body, lines=lines)
            editor.committed.connect(lambda s=section: self.save_section(s))
            self.labels[section], self.editors[section] = label, editor
            body_layout.addWidget(label)
            if section in self._hint_texts:
                hint = QLabel(body)
                hint.setWordWrap(True)
                hint.setStyleSheet(HINT_STYLE)
                self.hints[section] = hint
                body_layout.addWidget(hint)
            body_layout.addWidget(editor)
            body_layout.addSpacing(6)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.save_button = QPushButton(self)
        self.message = MessageLabel(self)
        self.save_button.clicked.connect(self.save_all)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def translate_ui(self) -> None:
        """Set every text."""
        for section, label in self.labels.items():
            label.setText(_(self._section_labels[section]))
        for section, hint in self.hints.items():
            hint.setText(_(self._hint_texts[section]))
        self.save_button.setText(_("Save texts"))
        self.intro.setText(self._intro())

    def show_texts(self, key: Any, texts: dict[str, str]) -> None:
        """Show the texts of document `key`; a field being changed keeps what was typed."""
        same = key == self._key
        self._key = key
        for section, editor in self.editors.items():
            if same and self.is_dirty(section):
                continue
            editor.set_text(texts.get(section, ""))
            editor.document().setModified(False)

    def is_dirty(self, section: str) -> bool:
        """True when the field was changed since it was last saved or shown."""
        return self.editors[section].document().isModified()

    def save_section(self, section: str) -> bool:
        """Save one section if it changed; False if the service refused it."""
        if self._key is None or not self.is_dirty(section) or self._ctx.store is None:
            return True
        editor = self.editors[section]
        try:
            self._write(self._key, section, editor.text())
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        editor.document().setModified(False)
        self.message.say(_("Saved: {section}").format(
            section=_(self._section_labels[section])))
        return True

    def save_all(self) -> bool:
        """Save every changed section; False if one was refused (it stays on screen)."""
        return all([self.save_section(section) for section in self._sections])
