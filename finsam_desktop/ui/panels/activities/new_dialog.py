"""A new activity: the fields fixed once it is registered (direction, follow-up method, ESF
as in Uppföljning Finsam), its name, lead and participating members, precise direction and
period. Opened with `open()` (never blocking); a refusal keeps the dialog open with the
reason shown, so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

from finsam_desktop.domain.activities import METHOD_LABELS, Activity, FollowUpMethod
from finsam_desktop.domain.budget import Focus
from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.activities.common import focus_label, hint, privacy_hint, privacy_text
from finsam_desktop.ui.panels.activities.parties import PartiesBox
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel

Submit = Callable[[Activity, list[int]], None]


def suggestions(text: str) -> list[str]:
    """The charter's precise directions ("a; b; c") as a list."""
    return [s.strip() for s in text.split(";") if s.strip()]


def fill_directions(combo: QComboBox, choices: Sequence[str], current: str) -> None:
    """An editable combo with the suggestions, showing `current` (typed text allowed)."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(list(choices))
    combo.setEditText(current)
    combo.blockSignals(False)


def directions_combo(parent: QWidget) -> QComboBox:
    """An editable combo for the precise direction."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class NewActivityDialog(QDialog):
    """Registers an activity through `submit(activity, member ids)` (raises if refused)."""

    def __init__(self, members: Sequence[Member], directions: Sequence[str], submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(_("New activity"))
        self.name = QLineEdit(self)
        self.focus = QComboBox(self)
        self.focus.addItem(_("(choose)"), None)
        for focus in (Focus.INDIVIDUAL, Focus.STRUCTURAL):
            self.focus.addItem(focus_label(focus), focus.value)
        self.method = QComboBox(self)
        for method, label in METHOD_LABELS.items():
            self.method.addItem(_(label), method.value)
        self.esf = QCheckBox(_("Financed by the European Social Fund (ESF)"), self)
        self.precise = directions_combo(self)
        fill_directions(self.precise, directions, "")
        self.parties = PartiesBox(self, calm=True)
        self.parties.set_members(members)
        self.parties.translate_ui()
        self.start = DateField(self)
        self.end = DateField(self)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.end)
        period.addStretch(1)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        fixed = hint(self)
        fixed.setText(_("Direction, follow-up method and ESF financing cannot be changed once "
                        "the activity is registered (as in Uppföljning Finsam). An activity "
                        "with both individual-targeted and structural content is registered as "
                        "two activities with different names."))
        privacy = privacy_hint(self)
        privacy.setText(privacy_text())
        form = QFormLayout(self)
        form.addRow(privacy)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Direction"), self.focus)
        form.addRow(_("Follow-up method"), self.method)
        form.addRow("", self.esf)
        form.addRow(fixed)
        form.addRow(_("Precise direction"), self.precise)
        form.addRow(_("Lead and participants"), self.parties)
        form.addRow(_("Period"), period)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.focus.activated.connect(self._focus_chosen)
        self.setMinimumWidth(560)

    def _focus_chosen(self, _index: int) -> None:
        # Structural activities are usually followed up by count only.
        if self.focus.currentData() == Focus.STRUCTURAL.value:
            self.method.setCurrentIndex(self.method.findData(FollowUpMethod.COUNT.value))
        elif self.focus.currentData() == Focus.INDIVIDUAL.value:
            self.method.setCurrentIndex(self.method.findData(FollowUpMethod.INDIVIDUAL.value))

    def activity(self) -> tuple[Activity, list[int]]:
        """The activity as typed; ValidationError for what cannot be read."""
        problems = []
        if not self.name.text().strip():
            problems.append(_("Give the activity a name."))
        if self.focus.currentData() is None:
            problems.append(_("Choose whether the activity is individual-targeted or "
                              "structural."))
        problems.extend(self.parties.problems())
        self.parties.insist()
        start, end = self.start.date(), self.end.date()
        if problems:
            raise ValidationError(problems)
        lead, members = self.parties.value()
        return Activity(
            0, self.name.text().strip(), Focus(self.focus.currentData()),
            FollowUpMethod(self.method.currentData()), self.esf.isChecked(),
            precise_direction=self.precise.currentText().strip(), lead_member_id=lead,
            start_on=start, end_on=end), members

    def accept(self) -> None:
        try:
            activity, members = self.activity()
            self._submit(activity, members)
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
