"""Form fields that parse through the domain's rules: optional dates, error labels, combos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from finsam_desktop.domain.values import parse_date
from finsam_desktop.i18n import _


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD; empty means "no date" unless required."""

    def __init__(self, parent: QWidget | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setMaximumWidth(140)
        self._label = label

    def set_date(self, day: dt.date | None) -> None:
        """Show `day` (or nothing)."""
        self.setText(day.isoformat() if day else "")

    def date(self) -> dt.date | None:
        """The typed date, None if empty; raises ValidationError if not a date."""
        text = self.text().strip()
        return parse_date(text) if text else None


class ErrorLabel(QLabel):
    """A red, word-wrapping line for a validation message; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        """Show `text`, or hide when empty."""
        self.setText(text)
        self.setVisible(bool(text))


def fill_enum_combo(combo: QComboBox, labels: Mapping[Any, str]) -> None:
    """(Re)fill `combo` with translated labels, the enum value as item data; keeps selection."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, label in labels.items():
        combo.addItem(_(label), value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> None:
    """Select the item whose data is `value` (no change if absent)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
