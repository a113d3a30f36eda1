"""A line under the board and staff tables: the selected person's title and contact details
(selectable, so an e-mail address can be copied) and the "Edit person…" button."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from finsam_desktop.domain.board import Person
from finsam_desktop.i18n import _


def person_tooltip(person: Person) -> str:
    """The person's details on separate lines, for a table cell's tooltip (escaped rich text:
    Qt would otherwise take a title such as "Chef <IFO>" for markup)."""
    lines = [person.name, person.title, person.email, person.phone]
    if person.political_party:
        lines.append(_("Party: {letters}").format(letters=person.political_party))
    return "<qt>" + "<br>".join(escape(line) for line in lines if line) + "</qt>"


def person_summary(person: Person) -> str:
    """One line of rich text: bold name (party letters), title, e-mail and phone."""
    name = f"<b>{escape(person.name)}</b>"
    if person.political_party:
        name += f" ({escape(person.political_party)})"
    parts = [name, escape(person.title), _unbroken(person.email), _unbroken(person.phone)]
    parts = [part for part in parts if part]
    if not (person.email or person.phone):
        parts.append(f"<i>{escape(_('no e-mail or phone registered'))}</i>")
    return " · ".join(parts)


def _unbroken(text: str) -> str:
    """`text` escaped and kept on one line when the summary wraps (a phone number, an address)."""
    return f'<span style="white-space: nowrap">{escape(text)}</span>' if text else ""


class PersonStrip(QWidget):
    """Shows the selected row's person; `button` opens their details for editing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)  # a long title must not widen the window
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._person: Person | None = None
        self.show_person(None)

    def translate_ui(self) -> None:
        """Set every text."""
        self.button.setText(_("Edit person…"))
        self.button.setToolTip(_("Name, title, contact details and party letters of the "
                                 "selected person."))
        self.show_person(self._person)

    def show_person(self, person: Person | None) -> None:
        """Show `person` (None: nothing selected) and enable the button accordingly."""
        self._person = person
        self.button.setEnabled(person is not None)
        if person is None:
            self.label.setText(f"<i>{escape(_('Select a row to see contact details.'))}</i>")
        else:
            self.label.setText(person_summary(person))
