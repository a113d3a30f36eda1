"""The filter bar over the decision register: year, meeting, category, status, responsible,
"only overdue", and the live count. Every change emits `changed`; the panel re-queries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from finsam_desktop.domain.decisions import CATEGORIES, STATUS_LABELS, FollowUpStatus
from finsam_desktop.formatting import format_date, format_number
from finsam_desktop.i18n import _
from finsam_desktop.services import decisions, meetings
from finsam_desktop.ui.context import AppContext

ALL = None


def category_choices(used: list[str]) -> list[str]:
    """The suggested categories first, then others already in use (stored values)."""
    return list(CATEGORIES) + sorted(c for c in used if c not in CATEGORIES)


def _refill(combo: QComboBox, entries: list[tuple[str, Any]]) -> None:
    """Replace the items, keeping the selected data when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


class FilterBar(QWidget):
    """Filters of the register; `filters()` gives the keyword arguments for the service."""

    changed = Signal()
    """Emitted when the user changes any filter."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year_label, self.meeting_label = QLabel(self), QLabel(self)
        self.category_label, self.status_label = QLabel(self), QLabel(self)
        self.responsible_label = QLabel(self)
        self.year = QComboBox(self)
        self.meeting = QComboBox(self)
        self.meeting.setMinimumContentsLength(16)
        self.category = QComboBox(self)
        self.category.setMinimumContentsLength(14)
        self.status = QComboBox(self)
        self.responsible = QLineEdit(self)
        self.responsible.setClearButtonEnabled(True)
        self.overdue = QCheckBox(self)
        self.count = QLabel(self)
        self.count.setStyleSheet("font-weight: bold;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        pairs = ((self.year_label, self.year), (self.meeting_label, self.meeting),
                 (self.category_label, self.category), (self.status_label, self.status),
                 (self.responsible_label, self.responsible))
        for column, (label, field) in enumerate(pairs):
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(self.overdue, 1, len(pairs))
        grid.addWidget(self.count, 0, len(pairs), 1, 2)
        grid.setColumnStretch(len(pairs) + 1, 1)
        self.year.currentIndexChanged.connect(self._year_changed)
        for combo in (self.meeting, self.category, self.status):
            combo.currentIndexChanged.connect(self.changed)
        self.responsible.editingFinished.connect(self._responsible_finished)
        self.overdue.toggled.connect(self.changed)
        self._last_responsible = ""

    def translate_ui(self) -> None:
        """Set every text (and refill the combos in the new language)."""
        self.year_label.setText(_("Year"))
        self.meeting_label.setText(_("Meeting"))
        self.category_label.setText(_("Category"))
        self.status_label.setText(_("Status"))
        self.responsible_label.setText(_("Responsible"))
        self.responsible.setPlaceholderText(_("name or part of it"))
        self.overdue.setText(_("Only overdue"))
        self.overdue.setToolTip(_("Decisions past their due date that are not carried out."))
        _refill(self.status, [(_("All statuses"), ALL)]
                + [(_(label), status.value) for status, label in STATUS_LABELS.items()])

    def refresh(self) -> None:
        """Re-read years, meetings and categories; keep the choices."""
        store = self._ctx.require_store()
        years = sorted(set(meetings.years(store)), reverse=True)
        first_fill = self.year.count() == 0
        _refill(self.year, [(_("All years"), ALL)] + [(str(y), y) for y in years])
        if first_fill and years:
            # Open on the latest year: instant even with 20 years and 100 000 paragraphs;
            # "All years" is one click away.
            self.year.blockSignals(True)
            self.year.setCurrentIndex(1)
            self.year.blockSignals(False)
        self._fill_meetings()
        _refill(self.category, [(_("All categories"), ALL)]
                + [(_(c), c) for c in category_choices(decisions.categories(store))])

    def _fill_meetings(self) -> None:
        year = self.year.currentData()
        entries: list[tuple[str, Any]] = [(_("All meetings"), ALL)]
        if year is not None:
            entries += [(format_date(s.meeting.date), s.meeting.id)
                        for s in meetings.list_meetings(self._ctx.require_store(), year)
                        if s.first_number is not None]
        _refill(self.meeting, entries)
        self.meeting.setEnabled(year is not None)
        self.meeting.setToolTip("" if year is not None else _("Choose a year first."))

    def _year_changed(self) -> None:
        self._fill_meetings()
        self.changed.emit()

    def _responsible_finished(self) -> None:
        if self.responsible.text().strip() != self._last_responsible:
            self._last_responsible = self.responsible.text().strip()
            self.changed.emit()

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for `services.decisions.list_decisions`."""
        status = self.status.currentData()
        return {"year": self.year.currentData(), "meeting_id": self.meeting.currentData(),
                "category": self.category.currentData(),
                "status": FollowUpStatus(status) if status else None,
                "responsible": self.responsible.text().strip() or None,
                "overdue": self.overdue.isChecked()}

    def show_count(self, shown: int, overdue: int) -> None:
        """"1 234 decisions, 5 overdue"."""
        text = (_("1 decision") if shown == 1 else
                _("{n} decisions").format(n=format_number(shown)))
        if overdue:
            text += ", " + _("{n} overdue").format(n=format_number(overdue))
        self.count.setText(text)
        self.count.setStyleSheet("font-weight: bold;" + (" color: #9b0016;" if overdue else ""))
