"""The budget panel's dialogs: a new budget year, a budget line, a payment received.

Like the other panels' dialogs they are opened with `open()` (never blocking) and save
through a `submit` callback; a refusal keeps the dialog open with the reason shown, so
what the user typed is never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from finsam_desktop.domain.budget import (
    AREA_LABELS,
    FOCUS_LABELS,
    Area,
    BudgetLine,
    Focus,
    Payment,
    ReceivedContribution,
)
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.budget.common import editor_text, parse_amount, parse_optional
from finsam_desktop.ui.widgets.fields import DateField, select_data
from finsam_desktop.ui.widgets.form_dialog import FormDialog

HINT_STYLE = "color: #555555;"


def money_field(parent: QWidget, placeholder: str = "0") -> QLineEdit:
    """A right-aligned amount in kronor."""
    from PySide6.QtCore import Qt

    edit = QLineEdit(parent)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(180)
    return edit


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class _FormDialog(FormDialog):
    """The panel's dialogs: a form 480 pixels wide at least."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, 480)


class YearDialog(_FormDialog):
    """A new budget year: the year, the total member contribution, the opening equity.
    `submit(year, contributions_ore, opening_ore or None)`."""

    def __init__(self, default_year: int, submit: Callable[[int, int, int | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2099)
        self.year.setValue(default_year)
        self.contributions = money_field(self)
        self.opening = money_field(self, _("carried from the year before"))
        self.opening.setMaximumWidth(260)
        self.setWindowTitle(_("New budget year"))
        self.form.addRow(_("Budget year"), self.year)
        self.form.addRow(_("Total member contribution (kr)"), self.contributions)
        self.form.addRow(_("Equity at the start of the year (kr)"), self.opening)
        self.form.addRow(_hint(_(
            "The total contribution is split between the members by their shares. Leave the "
            "opening equity empty to carry the previous year's closing equity; enter it from "
            "the last annual report for the first year."), self))
        self._finish()

    def _save(self) -> None:
        total = parse_optional(self.contributions.text()) or 0
        opening = parse_optional(self.opening.text())
        self._submit(self.year.value(), total, opening)


class LineDialog(_FormDialog):
    """Add or edit a budget line; activity lines need a focus. New lines take amounts for
    the budget year and the two plan years. `submit(line, amounts)`."""

    def __init__(self, line: BudgetLine, submit: Callable[[BudgetLine, list[int]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line = line
        self._submit = submit
        self.name = QLineEdit(self)
        self.area = QComboBox(self)
        for area in (Area.OTHER_INCOME, Area.BOARD, Area.ADMINISTRATION, Area.AUDIT,
                     Area.ACTIVITIES):
            self.area.addItem(_(AREA_LABELS[area]), area)
        self.focus = QComboBox(self)
        self.focus.addItem(_("Choose…"), Focus.NONE)
        for focus in (Focus.INDIVIDUAL, Focus.STRUCTURAL):
            self.focus.addItem(_(FOCUS_LABELS[focus]), focus)
        self.focus_hint = _hint(_("Activities are either individual-targeted (insatser för "
                                  "enskilda) or structural (strukturövergripande), as in the "
                                  "national follow-up (SUS)."), self)
        self.amounts = [money_field(self) for _ in range(3)]
        self.note = QLineEdit(self)
        is_new = not line.id
        self.setWindowTitle(_("Add budget line") if is_new else _("Edit budget line"))
        self.form.addRow(_("Name"), self.name)
        self.form.addRow(_("Area"), self.area)
        self.form.addRow(_("Focus"), self.focus)
        self.form.addRow(self.focus_hint)
        if is_new:
            for offset, field in enumerate(self.amounts):
                label = (_("Budget {year} (kr)") if offset == 0 else _("Plan {year} (kr)"))
                self.form.addRow(label.format(year=line.year + offset), field)
        self.form.addRow(_("Note"), self.note)
        self._finish()
        self.name.setText(line.name)
        select_data(self.area, line.area)
        select_data(self.focus, line.focus)
        self.note.setText(line.note)
        self.area.setEnabled(is_new)  # a line never moves to another area
        if line.area is Area.CONTRIBUTIONS:
            self.area.insertItem(0, _(AREA_LABELS[Area.CONTRIBUTIONS]), Area.CONTRIBUTIONS)
            self.area.setCurrentIndex(0)
        self.area.currentIndexChanged.connect(self._area_changed)
        self._area_changed()

    def _area_changed(self) -> None:
        is_activity = self.area.currentData() == Area.ACTIVITIES
        self.focus.setEnabled(is_activity)
        self.focus_hint.setVisible(is_activity)
        if not is_activity:
            select_data(self.focus, Focus.NONE)

    def line(self) -> BudgetLine:
        """The line as typed."""
        return BudgetLine(self._line.id, self._line.year, Area(self.area.currentData()),
                          self.name.text(), Focus(self.focus.currentData()),
                          self._line.activity_id, self._line.position, self.note.text())

    def _save(self) -> None:
        line = self.line()
        if line.area is Area.ACTIVITIES and line.focus is Focus.NONE:
            raise ValidationError(_("Choose the focus of the activity: individual-targeted or "
                                    "structural."))
        amounts = [parse_optional(f.text()) or 0 for f in self.amounts]
        self._submit(line, amounts)


class PaymentDialog(_FormDialog):
    """A contribution received: member, date, amount, note. The amount starts as what the
    member still owes. `submit(payment)`."""

    def __init__(self, year: int, day: dt.date, members: Sequence[Member],
                 received: Sequence[ReceivedContribution],
                 submit: Callable[[Payment], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year = year
        self._submit = submit
        self._owed = {r.member.id: max(r.expected_ore - r.received_ore, 0) for r in received}
        self.member = QComboBox(self)
        for member in members:
            self.member.addItem(member.name, member.id)
        self.date = DateField(self)
        self.date.set_date(day)
        self.amount = money_field(self)
        self.note = QLineEdit(self)
        self.setWindowTitle(_("Record a payment received"))
        self.form.addRow(_("Member"), self.member)
        self.form.addRow(_("Received on"), self.date)
        self.form.addRow(_("Amount (kr)"), self.amount)
        self.form.addRow(_("Note"), self.note)
        self.form.addRow(_hint(_("Record what was actually paid, also when it differs from "
                                 "the member's share: a deviation is flagged for the board, "
                                 "never corrected silently."), self))
        self._finish()
        self._suggested = ""
        owing = next((i for i in range(self.member.count())
                      if self._owed.get(self.member.itemData(i), 0) > 0), 0)
        self.member.setCurrentIndex(owing)  # the first member who still owes
        self.member.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def _suggest(self) -> None:
        """Fill in what the chosen member still owes, unless the user typed an amount."""
        if self.amount.text() not in ("", self._suggested):
            return
        owed = self._owed.get(self.member.currentData(), 0)
        self._suggested = editor_text(owed) if owed else ""
        self.amount.setText(self._suggested)

    def payment(self) -> Payment:
        """The payment as typed."""
        day = self.date.date()
        if day is None:
            raise ValidationError(_("Enter the date the payment was received."))
        if self.member.currentData() is None:
            raise ValidationError(_("Choose the member who paid."))
        return Payment(0, self._year, int(self.member.currentData()), day,
                       parse_amount(self.amount.text()), self.note.text())

    def _save(self) -> None:
        self._submit(self.payment())
