"""Dialog to add or edit a member organisation; a refused value keeps the dialog open with
the reason shown, so what the user typed is never lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.organisation import KIND_LABELS, Member, MemberKind
from finsam_desktop.domain.values import parse_percent
from finsam_desktop.formatting import format_share_plain
from finsam_desktop.i18n import _
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data


class MemberDialog(QDialog):
    """Fields of one member; `submit(member)` saves it or raises FinsamError."""

    def __init__(self, member: Member | None, submit: Callable[[Member], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._member = member or Member(0, "", MemberKind.MUNICIPALITY)
        self._submit = submit
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, KIND_LABELS)
        self.share = QLineEdit(self)
        self.population = QLineEdit(self)
        self.org_number = QLineEdit(self)
        self.joined = DateField(self)
        self.left = DateField(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._show(self._member)
        self.setMinimumWidth(460)

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Share (%)"), self.share)
        form.addRow(_("Population"), self.population)
        form.addRow(_("Organisation number"), self.org_number)
        form.addRow(_("Member since"), self.joined)
        form.addRow(_("Left on"), self.left)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(_("Edit member") if self._member.id else _("Add member"))
        self.org_number.setPlaceholderText("NNNNNN-NNNN")

    def _show(self, member: Member) -> None:
        self.name.setText(member.name)
        select_data(self.kind, member.kind)
        self.share.setText(format_share_plain(member.share_ppm))
        self.population.setText("" if member.population is None else str(member.population))
        self.org_number.setText(member.org_number)
        self.joined.set_date(member.joined_on)
        self.left.set_date(member.left_on)
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_af = self.kind.currentData() == MemberKind.AF
        self.share.setEnabled(not is_af)
        self.share.setToolTip(_("Included in Försäkringskassan's share") if is_af else "")
        if is_af:
            self.share.setText("0")

    def member(self) -> Member:
        """The member as typed; raises ValidationError for unreadable values."""
        return Member(
            id=self._member.id, name=self.name.text(), kind=MemberKind(self.kind.currentData()),
            share_ppm=parse_percent(self.share.text() or "0"),
            population=_parse_population(self.population.text()),
            org_number=self.org_number.text(), joined_on=self.joined.date(),
            left_on=self.left.date(),
        )

    def accept(self) -> None:
        try:
            self._submit(self.member())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()  # let the wrapped message show in full
            return
        super().accept()


def _parse_population(text: str) -> int | None:
    cleaned = "".join(ch for ch in text if not ch.isspace())
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValidationError(_("“{text}” is not a whole number of inhabitants.").format(text=text))
    return int(cleaned)
