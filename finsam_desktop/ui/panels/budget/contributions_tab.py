"""The Contributions tab (medlemsbidrag): what each member should pay by its share, what it
has paid, the deviation in kronor and percentage points and its status (a payment off the
shares flagged with the reason), and the payments received, added and removed here."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.budget import PAYMENT_LABELS, Payment, ReceivedContribution
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.formatting import format_date, format_money
from finsam_desktop.i18n import _
from finsam_desktop.services import organisation
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import (
    ERROR_STYLE,
    MessageLabel,
    amount,
    points,
    signed_amount,
)
from finsam_desktop.ui.panels.budget.forms import PaymentDialog
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.undo_budget import AddPayment, RemovePayment

HINT_STYLE = "color: #555555;"


def received_headers() -> list[str]:
    """Member | Budgeted | Received | Deviation kr | Deviation pp | Status."""
    return [_("Member"), _("Budgeted"), _("Received"), _("Deviation (kr)"),
            _("Deviation (pp)"), _("Status")]


def flag_reason(row: ReceivedContribution) -> str:
    """Why a row is flagged, in words the board can act on."""
    if row.received_ore > row.expected_ore:
        return _("{member} has paid {excess} more than its share of the budgeted contribution. "
                 "Recorded as received; the board decides how to settle the difference.").format(
            member=row.member.name, excess=format_money(row.received_ore - row.expected_ore))
    return _("{member} has paid {missing} less than its share of the budgeted contribution "
             "({received} of {expected}). Recorded as received; the board decides how to settle "
             "the difference.").format(
        member=row.member.name, received=format_money(row.received_ore),
        expected=format_money(row.expected_ore),
        missing=format_money(row.expected_ore - row.received_ore))


def received_rows(rows: Sequence[ReceivedContribution]) -> list[GridRow]:
    """One row per member (flagged ones highlighted with the reason) and the total."""
    out = []
    for item in rows:
        row = GridRow(("member", item.member.id), RowKind.LINE,
                      [item.member.name, amount(item.expected_ore), amount(item.received_ore),
                       signed_amount(item.deviation_ore), points(item.deviation_ppm),
                       _(PAYMENT_LABELS[item.status])], payload=item)
        if item.flagged:
            row.flagged = True
            row.red = {3, 4, 5}
            row.tips[-1] = flag_reason(item)
        out.append(row)
    expected = sum(r.expected_ore for r in rows)
    received = sum(r.received_ore for r in rows)
    out.append(GridRow(("total",), RowKind.TOTAL,
                       [_("Total"), amount(expected), amount(received),
                        signed_amount(received - expected), "", ""]))
    return out


def payment_headers() -> list[str]:
    """Received on | Member | Amount | Note."""
    return [_("Received on"), _("Member"), _("Amount"), _("Note")]


def payment_rows(payments: Sequence[Payment], names: dict[int, str]) -> list[GridRow]:
    """One row per payment, oldest first."""
    return [GridRow(("payment", p.id), RowKind.LINE,
                    [format_date(p.received_on), names.get(p.member_id, "?"),
                     amount(p.amount_ore), p.note], payload=p)
            for p in payments]


class ContributionsTab(QWidget):
    """Received against budgeted per member; the payments with add and remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self._received: list[ReceivedContribution] = []
        self.dialog: PaymentDialog | None = None
        self.model = GridModel(self, numeric_from=1, text_columns=(5,))
        self.view = GridView(self.model, self)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(ERROR_STYLE)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.payments_label = QLabel(self)
        self.payments_label.setStyleSheet("font-weight: bold;")
        self.payments_model = GridModel(self, numeric_from=2, text_columns=(3,))
        self.payments = GridView(self.payments_model, self)
        self.payments.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.payments.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.payments.setSelectionMode(GridView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.message = MessageLabel(self)
        self._build()
        self.add_button.clicked.connect(self.add_payment)
        self.remove_button.clicked.connect(self.remove_payment)
        self.payments.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.flags)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.payments_label)
        layout.addWidget(self.payments, 1)
        layout.addLayout(buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.add_button.setText(_("Record payment…"))
        self.remove_button.setText(_("Remove payment"))
        self.hint.setText(_("Budgeted: the member's share of the total contribution in the "
                            "budget followed up. Deviation (pp): the difference in percentage "
                            "points of the total contribution."))

    def show_contributions(self, year: int, received: Sequence[ReceivedContribution],
                           payments: Sequence[Payment], names: dict[int, str]) -> None:
        """Show the year's contributions and payments."""
        if self._year != year:
            self.message.clear_message()
        self._year = year
        self._received = list(received)
        self.model.set_table(received_headers(), received_rows(received),
                             {4: _("Percentage points of the total contribution")})
        self.view.set_widths([230, 120, 120, 120, 110, 170], stretch=0)
        self.view.fit_height(14)
        flagged = [flag_reason(r) for r in received if r.flagged]
        self.flags.setVisible(bool(flagged))
        self.flags.setText("\n".join(f"⚠ {text}" for text in flagged))
        self.payments_label.setText(_("Payments received for {year}").format(year=year))
        self.payments_model.set_table(payment_headers(), payment_rows(payments, names))
        self.payments.set_widths([110, 230, 120, 200], stretch=3)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._year is not None)
        self.remove_button.setEnabled(self.selected_payment() is not None)

    def selected_payment(self) -> Payment | None:
        """The payment selected in the list."""
        rows = self.payments.selectionModel().selectedRows()
        if not rows:
            return None
        return self.payments_model.row(rows[0].row()).payload

    def add_payment(self) -> PaymentDialog | None:
        """Open the dialog to record a payment received."""
        if self._year is None:
            return None
        store = self._ctx.require_store()
        members: list[Member] = [r.member for r in self._received if r.expected_ore] or \
            organisation.list_members(store)
        today = store.today()
        day = today if today.year == self._year else None

        def submit(payment: Payment) -> None:
            command = AddPayment(self._ctx, payment)
            undo.run(self._ctx, command)
            self.message.say(_("Payment of {amount} kr from {member} recorded.").format(
                amount=amount(command.payment.amount_ore), member=self._name(payment)))

        self.dialog = PaymentDialog(self._year, day or _first_day(self._year), members,
                                    self._received, submit, self)
        self.dialog.open()
        return self.dialog

    def _name(self, payment: Payment) -> str:
        return next((r.member.name for r in self._received if r.member.id == payment.member_id),
                    "")

    def remove_payment(self) -> bool:
        """Remove the selected payment after asking; True if removed."""
        payment = self.selected_payment()
        if payment is None or not dialogs.ask_yes_no(
                self, _("Remove payment"),
                _("Remove the payment of {amount} kr received on {date}? (Edit ▸ Undo puts it "
                  "back.)").format(amount=amount(payment.amount_ore),
                                   date=format_date(payment.received_on))):
            return False
        try:
            undo.run(self._ctx, RemovePayment(self._ctx, payment))
        except FinsamError as error:
            dialogs.show_error(self, _("The payment could not be removed"), str(error))
            return False
        self.message.say(_("Payment removed."))
        return True


def _first_day(year: int):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date(year, 1, 31)
