"""Dialogs of the delegation tab: a line of the delegation order, and a logged decision.

Both are non-blocking (`open()`); OK calls `submit(record)`, which runs the undo command or
raises FinsamError, shown in the dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from finsam_desktop.domain.decisions import Delegation, DelegationDecision
from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.values import parse_money
from finsam_desktop.formatting import format_money
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel


def parse_optional_money(text: str) -> int | None:
    """An amount typed in kronor, None when empty."""
    return parse_money(text) if text.strip() else None


def money_text(ore: int | None) -> str:
    """Kronor for an amount field (empty for None)."""
    return "" if ore is None else format_money(ore, unit=False)


class _Dialog(QDialog):
    """OK/Cancel, an error line, and `submit` called on OK."""

    def __init__(self, submit: Callable[[object], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.setMinimumWidth(480)

    def _finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def record(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._submit(self.record())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()


class DelegationDialog(_Dialog):
    """A line of the delegation order (new when `delegation` is None)."""

    def __init__(self, delegation: Delegation | None, submit: Callable[[Delegation], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self._id = delegation.id if delegation else 0
        self._person = delegation.delegate_person_id if delegation else None
        self.delegate = QLineEdit(self)
        self.delegate.setPlaceholderText(_("e.g. Förbundschef"))
        self.matter_type = QLineEdit(self)
        self.matter_type.setPlaceholderText(_("e.g. purchases outside framework agreements"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(_("empty: no limit"))
        self.report = QCheckBox(_("Reported to the board"), self)
        self.report.setChecked(True)
        self.valid_from = DateField(self)
        self.valid_to = DateField(self)
        self.note = QLineEdit(self)
        dates = QHBoxLayout()
        dates.addWidget(self.valid_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.valid_to)
        dates.addStretch(1)
        self.form.addRow(_("Delegate"), self.delegate)
        self.form.addRow(_("Matter type"), self.matter_type)
        self.form.addRow(_("Amount limit (kr)"), self.amount)
        self.form.addRow("", self.report)
        self.form.addRow(_("Valid"), dates)
        self.form.addRow(_("Note"), self.note)
        self._finish_layout()
        if delegation is not None:
            self.delegate.setText(delegation.delegate)
            self.matter_type.setText(delegation.matter_type)
            self.amount.setText(money_text(delegation.amount_limit_ore))
            self.report.setChecked(delegation.report_to_board)
            self.valid_from.set_date(delegation.valid_from)
            self.valid_to.set_date(delegation.valid_to)
            self.note.setText(delegation.note)
        self.setWindowTitle(_("Edit delegation") if delegation else _("New delegation"))

    def record(self) -> Delegation:
        """The line as typed; raises ValidationError for unreadable values."""
        return Delegation(self._id, self.delegate.text().strip(),
                          self.matter_type.text().strip(),
                          parse_optional_money(self.amount.text()), self.report.isChecked(),
                          self._person, self.valid_from.date(), self.valid_to.date(),
                          self.note.text().strip())


class LogDecisionDialog(_Dialog):
    """A decision taken under one of the delegation order's lines."""

    def __init__(self, delegations: list[Delegation], today: dt.date,
                 submit: Callable[[DelegationDecision], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.delegation = QComboBox(self)
        for line in delegations:
            limit = "" if line.amount_limit_ore is None else " (" + _("up to {amount}").format(
                amount=format_money(line.amount_limit_ore)) + ")"
            self.delegation.addItem(f"{line.delegate}: {line.matter_type}{limit}", line.id)
        self.delegation.currentIndexChanged.connect(self._delegation_changed)
        self._delegates = {line.id: line.delegate for line in delegations}
        self.decided_on = DateField(self)
        self.decided_on.set_date(today)
        self.decided_by = QLineEdit(self)
        self.matter = QLineEdit(self)
        self.dnr = QLineEdit(self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(_("empty: no amount"))
        hint = QLabel(_("The decision is listed by itself under “Report of delegated "
                        "decisions” at the next meeting that has not been held."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        self.form.addRow(_("Delegation"), self.delegation)
        self.form.addRow(_("Decided on"), self.decided_on)
        self.form.addRow(_("Decided by"), self.decided_by)
        self.form.addRow(_("Matter"), self.matter)
        self.form.addRow(_("Reg. no. (Dnr)"), self.dnr)
        self.form.addRow(_("Amount (kr)"), self.amount)
        self.form.addRow(hint)
        self._finish_layout()
        self._delegation_changed()
        self.setWindowTitle(_("Log delegation decision"))

    def _delegation_changed(self) -> None:
        if not self.decided_by.isModified():
            self.decided_by.setText(self._delegates.get(self.delegation.currentData(), ""))

    def record(self) -> DelegationDecision:
        """The decision as typed; raises ValidationError for unreadable values."""
        delegation_id = self.delegation.currentData()
        if delegation_id is None:
            raise ValidationError(_("Add the delegation order's lines first."))
        day = self.decided_on.date()
        if day is None:
            raise ValidationError(_("Enter the date of the decision."))
        return DelegationDecision(0, int(delegation_id), day, self.decided_by.text().strip(),
                                  self.matter.text().strip(), self.dnr.text().strip(),
                                  parse_optional_money(self.amount.text()))
