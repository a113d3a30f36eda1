"""`FormDialog`: a form with OK/Cancel and an error line, whose OK submits through the
service and stays open, keeping what was typed, when the service refuses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.ui.widgets.fields import ErrorLabel


class FormDialog(QDialog):
    """Subclasses add their rows to `form`, call `_finish()`, and submit in `_save()`."""

    def __init__(self, parent: QWidget | None, min_width: int = 480) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(min_width)

    def _finish(self) -> None:
        """Put the error line and the buttons under the rows added so far."""
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _save(self) -> None:
        """Submit the form (every subclass does; Qt's metaclass rules out `abc` here)."""
        raise NotImplementedError(type(self).__name__ + " must submit its form in _save()")

    def accept(self) -> None:
        try:
            self._save()
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
