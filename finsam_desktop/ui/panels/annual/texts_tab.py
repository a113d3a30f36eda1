"""The Texts tab: the narrative sections of the year's annual report, each saved (through an
undo command) when the field is left or with Save. A field being changed is never
overwritten by a refresh, and the panel saves every changed field before it shows another
year, so nothing typed is lost. Sections whose figures come from the data say so: the text
is what the figures do not tell."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.annual import TEXT_LABELS, TEXT_SECTIONS
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.meetings.common import CommitTextEdit
from finsam_desktop.ui.undo_annual import SetText

HINT_STYLE = "color: #555555;"

# What the printed report adds to a section from the app's data (DOMAIN.md 8.6).
DATA_HINTS = {
    "about": N_("The printed report adds from the data: the members and their shares, the "
                "board per member, the meetings held, the auditors and the staff."),
    "goals": N_("The printed report adds from the data: each goal with its fulfilment (the "
                "indicators in an appendix)."),
    "activities": N_("The printed report adds from the data: the activities with budget, "
                     "actual and participants, and charts."),
    "evaluation": N_("The printed report adds from the data: the evaluations finished in the "
                     "year with their findings."),
    "sound_management": N_("The printed report adds from the data: the key figures, budget "
                           "against actual, and the equity against the charter's "
                           "threshold."),
    "financial": N_("The printed report adds from the data: the result against the budget, "
                    "charts, the equity year by year and the warnings. The statements are "
                    "entered in the tab Statements."),
    "accounting_principles": N_("Printed as note 1 after the statements."),
}


class TextsTab(QWidget):
    """One plain-text editor per section, in the order of the printed report."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.editors: dict[str, CommitTextEdit] = {}
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        for section in TEXT_SECTIONS:
            label = QLabel(body)
            label.setStyleSheet("font-weight: bold;")
            editor = CommitTextEdit(body, lines=5)
            editor.committed.connect(lambda s=section: self.save_section(s))
            self.labels[section], self.editors[section] = label, editor
            body_layout.addWidget(label)
            if section in DATA_HINTS:
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
            label.setText(_(TEXT_LABELS[section]))
        for section, hint in self.hints.items():
            hint.setText(_(DATA_HINTS[section]))
        self.save_button.setText(_("Save texts"))
        self.intro.setText(_("The annual report's own words, printed as written: plain text, "
                             "a blank line starts a new paragraph. Each text is saved when you "
                             "leave the field."))

    def show_texts(self, year: int, texts: dict[str, str]) -> None:
        """Show the texts of `year`; a field being changed keeps what was typed."""
        same = year == self._year
        self._year = year
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
        if self._year is None or not self.is_dirty(section) or self._ctx.store is None:
            return True
        editor = self.editors[section]
        try:
            undo.run(self._ctx, SetText(self._ctx, self._year, section, editor.text()))
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        editor.document().setModified(False)
        self.message.say(_("Saved: {section}").format(section=_(TEXT_LABELS[section])))
        return True

    def save_all(self) -> bool:
        """Save every changed section; False if one was refused (it stays on screen)."""
        return all([self.save_section(section) for section in TEXT_SECTIONS])
