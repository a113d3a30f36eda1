"""The Signing and audit tab: when and where the board signs the annual report, the board's
decision (§) adopting it, who signs (every ledamot sitting on the signing date), and the
auditors' report. Each field is saved (through an undo command) when it is left; a field
that is refused keeps what was typed, with the reason below."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.annual import AnnualReport
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import budget
from finsam_desktop.services.annual import Signatory
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_annual import SaveReport
from finsam_desktop.ui.widgets.fields import DateField

HINT_STYLE = "color: #555555;"
NAME, MEMBER, FUNCTION = range(3)
# Words that mark the paragraph adopting an annual report (offered first).
REPORT_WORDS = ("årsredovisning", "annual report", "verksamhetsberättelse")


class SigningTab(QWidget):
    """Signing date and place, the adopting §, the signatories and the audit report."""

    sig_open_item = Signal(int)
    """(item id): open the adopting § in the Meetings panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._report: AnnualReport | None = None
        self._refused: set[QLineEdit] = set()
        self.signing_box = QGroupBox(self)
        self.signing_date = DateField(self.signing_box)
        self.signing_place = QLineEdit(self.signing_box)
        self.signing_place.setMaximumWidth(260)
        self.adopted = QLabel(self.signing_box)
        self.adopted.setTextFormat(Qt.TextFormat.RichText)
        self.adopted.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.adopt_button = QPushButton(self.signing_box)
        self.audit_box = QGroupBox(self)
        self.audit_date = DateField(self.audit_box)
        self.audit_ref = QLineEdit(self.audit_box)
        self.message = MessageLabel(self)
        self.signatories_box = QGroupBox(self)
        self.signatories_hint = QLabel(self.signatories_box)
        self.signatories_hint.setWordWrap(True)
        self.signatories_hint.setStyleSheet(HINT_STYLE)
        self.signatories = GridView(GridModel(None, numeric_from=99), self.signatories_box)
        self.signatories.grid().setParent(self.signatories)
        self.signatories.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.signatories.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self._build()
        self.signing_date.editingFinished.connect(self._signing_date_left)
        self.signing_place.editingFinished.connect(self._place_left)
        self.audit_date.editingFinished.connect(self._audit_date_left)
        self.audit_ref.editingFinished.connect(self._audit_ref_left)
        self.adopt_button.clicked.connect(self.choose_decision)
        self.adopted.linkActivated.connect(
            lambda link: self.sig_open_item.emit(int(link.removeprefix("item:"))))

    def _build(self) -> None:
        self.form_labels = [QLabel(self) for _index in range(5)]
        self.signing_form = QFormLayout(self.signing_box)
        self.signing_form.addRow(self.form_labels[0], self.signing_date)
        self.signing_form.addRow(self.form_labels[1], self.signing_place)
        adopted_line = QHBoxLayout()
        adopted_line.addWidget(self.adopted)
        adopted_line.addWidget(self.adopt_button)
        adopted_line.addStretch(1)
        self.signing_form.addRow(self.form_labels[2], adopted_line)
        self.audit_form = QFormLayout(self.audit_box)
        self.audit_form.addRow(self.form_labels[3], self.audit_date)
        self.audit_form.addRow(self.form_labels[4], self.audit_ref)
        left = QVBoxLayout()
        left.addWidget(self.signing_box)
        left.addWidget(self.audit_box)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout(self.signatories_box)
        right.addWidget(self.signatories_hint)
        right.addWidget(self.signatories)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.signatories_box, 1)

    def translate_ui(self) -> None:
        """Set every text."""
        self.signing_box.setTitle(_("Signing the report"))
        self.audit_box.setTitle(_("Audit report"))
        self.signatories_box.setTitle(_("Signatories"))
        for label, text in zip(self.form_labels, (_("Signing date"), _("Place"),
                                                  _("Adopted by"), _("Date received"),
                                                  _("Reference")), strict=True):
            label.setText(text)
        self.signing_date.setToolTip(_("The day the board signs the annual report, at the "
                                       "latest 31 March. Every ledamot sitting on that day "
                                       "signs."))
        self.signing_place.setPlaceholderText(_("e.g. Örebro"))
        self.audit_ref.setPlaceholderText(_("e.g. the auditors' names or a file reference"))
        self.audit_date.setToolTip(_("The day the auditors' report (revisionsberättelse) "
                                     "was received."))
        self.adopt_button.setToolTip(_("Choose the board's decision (§) adopting the annual "
                                       "report, from the minutes. Edit ▸ Undo takes it back."))
        if self._report is not None and self._ctx.store is not None:
            self._show_adopted(self._report, self._adopted_ref)

    # showing ----------------------------------------------------------------------------

    _adopted_ref = ""

    def show_report(self, report: AnnualReport, adopted_ref: str,
                    signatories: Sequence[Signatory] | None) -> None:
        """Show the year's report record; `signatories` is None without a signing date."""
        if self._report is None or report.year != self._report.year:
            self._refused.clear()
            self.message.clear_message()
        self._report, self._adopted_ref = report, adopted_ref
        self._refill()
        self._show_adopted(report, adopted_ref)
        self._show_signatories(report, signatories)

    def _refill(self) -> None:
        report = self._report
        if report is None:
            return
        self._fill(self.signing_date, report.signing_date.isoformat()
                   if report.signing_date else "")
        self._fill(self.signing_place, report.signing_place)
        self._fill(self.audit_date, report.audit_report_on.isoformat()
                   if report.audit_report_on else "")
        self._fill(self.audit_ref, report.audit_report_ref)

    def _fill(self, field: QLineEdit, text: str) -> None:
        """Show the stored value unless the user is typing there or it holds a refusal."""
        if field in self._refused or (field.hasFocus() and field.isModified()):
            return
        if field.text() != text:
            field.setText(text)
        field.setModified(False)

    def _show_adopted(self, report: AnnualReport, reference: str) -> None:
        if report.adopted_item_id is None:
            self.adopted.setText(_("not yet"))
            self.adopt_button.setText(_("Choose the decision (§)…"))
            self.adopted.setToolTip("")
        else:
            self.adopted.setText(f'<a href="item:{report.adopted_item_id}">{reference}</a>')
            self.adopt_button.setText(_("Change…"))
            self.adopted.setToolTip(_("Open the paragraph in the Meetings panel."))

    def _show_signatories(self, report: AnnualReport,
                          signatories: Sequence[Signatory] | None) -> None:
        if report.signing_date is None or signatories is None:
            self.signatories_hint.setText(_("Enter the signing date to see who signs. Every "
                                            "ledamot sitting on the signing date signs, also "
                                            "one who joined the board after the year ended; "
                                            "ersättare do not sign."))
            rows: list[GridRow] = []
        else:
            self.signatories_hint.setText(_("Every ledamot sitting on {date} signs, also one "
                                            "who joined the board after the year ended; "
                                            "ersättare do not sign. The list follows the "
                                            "board register.").format(
                date=report.signing_date.isoformat()))
            rows = [GridRow(i, RowKind.LINE, [s.name, s.member, s.function])
                    for i, s in enumerate(signatories)]
        self.signatories.grid().set_table([_("Name"), _("Member"), _("Function")], rows)
        self.signatories.set_widths([200, 200, 160], stretch=MEMBER)
        self.signatories.fit_height()

    def shown_signatories(self) -> list[str]:
        """The names listed as signing."""
        return [row.cells[NAME] for row in self.signatories.grid().rows()]

    # editing ----------------------------------------------------------------------------

    def _save(self, field: QLineEdit, make: Callable[[AnnualReport], AnnualReport]) -> bool:
        report = self._report
        if report is None or self._ctx.store is None:
            return False
        try:
            changed = make(report)
        except FinsamError as error:
            self._refuse(field, str(error))
            return False
        if changed == report:
            self._accept(field)
            return True
        try:
            undo.run(self._ctx, SaveReport(self._ctx, changed))
        except FinsamError as error:
            self._refuse(field, str(error))
            return False
        self._accept(field)
        self.message.say(_("Saved."))
        return True

    def _refuse(self, field: QLineEdit, reason: str) -> None:
        self._refused.add(field)
        field.setStyleSheet("background: #fde8ea;")
        self.message.refuse(reason)

    def _accept(self, field: QLineEdit) -> None:
        if field in self._refused:
            self._refused.discard(field)
            field.setStyleSheet("")
            self.message.clear_message()
        field.setModified(False)
        self._refill()  # the refresh after the save skipped the field being typed in

    def _signing_date_left(self) -> None:
        self._save(self.signing_date, lambda r: dataclasses.replace(
            r, signing_date=self.signing_date.date()))

    def _place_left(self) -> None:
        self._save(self.signing_place, lambda r: dataclasses.replace(
            r, signing_place=self.signing_place.text().strip()))

    def _audit_date_left(self) -> None:
        self._save(self.audit_date, lambda r: dataclasses.replace(
            r, audit_report_on=self.audit_date.date()))

    def _audit_ref_left(self) -> None:
        self._save(self.audit_ref, lambda r: dataclasses.replace(
            r, audit_report_ref=self.audit_ref.text().strip()))

    def save_all(self) -> bool:
        """Save a field still being typed in (before the year changes); False if refused."""
        fields = ((self.signing_date, self._signing_date_left),
                  (self.signing_place, self._place_left),
                  (self.audit_date, self._audit_date_left),
                  (self.audit_ref, self._audit_ref_left))
        for field, save in fields:
            if field.isModified():
                save()
        return not self._refused

    def choose_decision(self) -> bool:
        """Ask which decision § adopted the report, and record it; True if recorded."""
        report = self._report
        if report is None:
            return False
        store = self._ctx.require_store()
        # Meetings of the report year and the year after: adoption is by 31 March.
        choices = budget.decision_choices(store, report.year + 1)
        if not choices:
            dialogs.show_error(self, _("No decision to adopt the annual report by"), _(
                "There is no numbered decision paragraph (§) in the minutes of {year} or "
                "{next}. Record the board's decision in the minutes of its meeting (Meetings "
                "panel), then choose it here.").format(year=report.year, next=report.year + 1))
            return False
        offered = sorted(choices, key=lambda c: not any(w in c[1].casefold()
                                                        for w in REPORT_WORDS))
        picked = dialogs.ask_choice(
            self, _("Annual report {year}").format(year=report.year),
            _("The decision by which the board adopted the annual report:"), offered)
        if picked is None:
            return False
        item_id = int(picked)  # type: ignore[call-overload]
        if item_id == report.adopted_item_id:
            return False
        return run_or_show(self._ctx, self, SaveReport(
            self._ctx, dataclasses.replace(report, adopted_item_id=item_id),
            _("Adopt annual report {year}").format(year=report.year)),
            _("The decision could not be recorded"))
