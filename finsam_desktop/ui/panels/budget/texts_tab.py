"""The Texts tab: the narrative sections of "Verksamhetsplan med budget" for the version on
show, each saved when the field is left (or with Save). A field the user is changing is
never overwritten by a refresh, and the panel saves every changed field before it shows
another year or version, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import TEXT_SECTION_LABELS, TEXT_SECTIONS
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import budget
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.meetings.common import CommitTextEdit


class TextsTab(QWidget):
    """One plain-text editor per section."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._version_id: int | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555555;")
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, CommitTextEdit] = {}
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        for section in TEXT_SECTIONS:
            label = QLabel(body)
            label.setStyleSheet("font-weight: bold;")
            editor = CommitTextEdit(body, lines=6)
            editor.committed.connect(lambda s=section: self.save_section(s))
            self.labels[section], self.editors[section] = label, editor
            body_layout.addWidget(label)
            body_layout.addWidget(editor)
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
            label.setText(_(TEXT_SECTION_LABELS[section]))
        self.save_button.setText(_("Save texts"))
        self.intro.setText(_("The plan's narrative, printed with the budget. Each text is "
                             "saved when you leave the field; the texts belong to the version "
                             "on show and can be written also after it is adopted."))

    def show_texts(self, version_id: int, texts: dict[str, str]) -> None:
        """Show the texts of `version_id`; a field being changed keeps what was typed."""
        same = version_id == self._version_id
        self._version_id = version_id
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
        if self._version_id is None or not self.is_dirty(section) or self._ctx.store is None:
            return True
        editor = self.editors[section]
        try:
            _before, changes = budget.set_text(self._ctx.require_store(), self._version_id,
                                               section, editor.text())
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        editor.document().setModified(False)
        self.message.say(_("Saved: {section}").format(section=_(TEXT_SECTION_LABELS[section])))
        self._ctx.events.changed.emit(changes)
        return True

    def save_all(self) -> bool:
        """Save every changed section; False if one was refused (it stays on screen)."""
        return all([self.save_section(section) for section in TEXT_SECTIONS])
