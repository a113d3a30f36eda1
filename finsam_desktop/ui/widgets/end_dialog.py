"""A small dialog asking for the last day of a term or role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel


class EndDialog(QDialog):
    """Asks for an end date; `submit(day)` saves it or raises FinsamError (shown inline)."""

    def __init__(self, title: str, text: str, default: dt.date,
                 submit: Callable[[dt.date], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.date = DateField(self)
        self.date.set_date(default)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(_("Last day"), self.date)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        try:
            day = self.date.date()
            if day is None:
                raise ValidationError(_("Enter the last day."))
            self._submit(day)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()  # let the wrapped message show in full
            return
        super().accept()
