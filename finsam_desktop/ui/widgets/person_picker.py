"""An editable combo box to pick a registered person or type the name of a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from finsam_desktop.domain.board import Person
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _


class PersonPicker(QComboBox):
    """Existing people by name; a name not in the list means "register this new person"."""

    def __init__(self, people: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in people:
            self.addItem(person.name, person.id)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(_("Choose a person or type a new name"))

    def select_person(self, person_id: int) -> None:
        """Show the person with `person_id`."""
        self.setCurrentIndex(self.findData(person_id))

    def choice(self) -> tuple[int | None, str]:
        """(id of an existing person, or None for a new one; the name as typed)."""
        name = self.currentText().strip()
        if not name:
            raise ValidationError(_("Choose a person or type the name of a new one."))
        index = self.currentIndex()
        if index >= 0 and self.itemText(index).strip() == name:
            return int(self.itemData(index)), name
        for row in range(self.count()):
            if self.itemText(row).strip().casefold() == name.casefold():
                return int(self.itemData(row)), name
        return None, name
