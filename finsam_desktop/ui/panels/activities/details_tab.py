"""The Details tab: everything about the selected activity that is typed. Direction,
follow-up method and ESF are shown read-only (fixed at registration, as in Uppföljning
Finsam). Each change is saved at once through an undo command when a field is left; a
refusal (a personal identity number, a bad date, the party rule) is shown under the fields
and what was typed stays, so nothing is lost."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.activities import Activity
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.common import (
    FIXED_STYLE,
    focus_label,
    hint,
    method_label,
    privacy_hint,
    privacy_text,
    yes_no,
)
from finsam_desktop.ui.panels.activities.new_dialog import directions_combo, fill_directions
from finsam_desktop.ui.panels.activities.parties import PartiesBox
from finsam_desktop.ui.panels.budget.common import editor_text, parse_optional
from finsam_desktop.ui.panels.budget.forms import money_field
from finsam_desktop.ui.panels.meetings.common import CommitTextEdit
from finsam_desktop.ui.undo_activities import UpdateActivity
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel

TEXTS = ("target_group", "goals", "background", "description", "note")


class DetailsTab(QWidget):
    """Edits one activity; empty and disabled while none is selected."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._activity: Activity | None = None
        self._members: list[int] = []
        self._loading = False
        self._saving = False
        self._refused = False  # the last save was refused: keep what is typed
        self._make_widgets()
        self._build()
        self._connect()
        self.set_activity(None, [], [], [])

    def _make_widgets(self) -> None:
        body = self._body = QWidget(self)
        self.name = QLineEdit(body)
        self.focus = QLabel(body)
        self.method = QLabel(body)
        self.esf = QLabel(body)
        for label in (self.focus, self.method, self.esf):
            label.setStyleSheet(FIXED_STYLE)
        self.precise = directions_combo(body)
        self.parties = PartiesBox(body)
        self.start = DateField(body)
        self.end = DateField(body)
        self.granted = money_field(body)
        self.interim = DateField(body)
        self.final = DateField(body)
        self.steering = QLineEdit(body)
        self.agreement = QLineEdit(body)
        self.texts = {name: CommitTextEdit(body, lines=3 if name in ("goals", "description")
                                           else 2) for name in TEXTS}
        self.privacy = privacy_hint(body)
        self.error = ErrorLabel(body)
        self.saved_hint = hint(body)
        self.labels: dict[str, QLabel] = {}

    def _label(self, key: str) -> QLabel:
        label = QLabel(self._body)
        self.labels[key] = label
        return label

    def _build(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–", self._body))
        period.addWidget(self.end)
        period.addStretch(1)
        reports = QHBoxLayout()
        reports.addWidget(self.interim)
        reports.addWidget(self._label("final_report"))
        reports.addWidget(self.final)
        reports.addStretch(1)
        fixed = QHBoxLayout()
        for label in (self.focus, self.method, self.esf):
            fixed.addWidget(label)
        fixed.addStretch(1)
        left = QFormLayout()
        left.addRow(self._label("name"), self.name)
        left.addRow(self._label("fixed"), fixed)
        left.addRow(self._label("precise"), self.precise)
        left.addRow(self._label("parties"), self.parties)
        left.addRow(self._label("period"), period)
        left.addRow(self._label("granted"), self.granted)
        left.addRow(self._label("interim"), reports)
        left.addRow(self._label("steering"), self.steering)
        left.addRow(self._label("agreement"), self.agreement)
        right = QFormLayout()
        right.addRow(self.privacy)
        for name in TEXTS:
            right.addRow(self._label(name), self.texts[name])
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addSpacing(12)
        columns.addLayout(right, 6)
        body_layout = QVBoxLayout(self._body)
        body_layout.setContentsMargins(6, 6, 6, 6)
        body_layout.addLayout(columns)
        body_layout.addWidget(self.error)
        body_layout.addWidget(self.saved_hint)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _connect(self) -> None:
        for edit in (self.name, self.start, self.end, self.granted, self.interim, self.final,
                     self.steering, self.agreement):
            edit.editingFinished.connect(self.save)
        for text in self.texts.values():
            text.committed.connect(self.save)
        self.precise.activated.connect(self.save)
        self.precise.lineEdit().editingFinished.connect(self.save)
        self.parties.edited.connect(self.save)

    def translate_ui(self) -> None:
        """Set every text."""
        texts = {"name": _("Name"), "fixed": _("Registered as"),
                 "precise": _("Precise direction"), "parties": _("Lead and participants"),
                 "period": _("Period"), "granted": _("Granted amount (kr)"),
                 "interim": _("Interim report"), "final_report": _("final report"),
                 "steering": _("Steering group"), "agreement": _("Agreement"),
                 "target_group": _("Target group"), "goals": _("Goals"),
                 "background": _("Background and problem"), "description": _("Description"),
                 "note": _("Note")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        fixed_tip = _("Fixed when the activity was registered, as in Uppföljning Finsam. To "
                      "change it, register a new activity.")
        self.focus.setToolTip(_("Direction.") + " " + fixed_tip)
        self.method.setToolTip(_("Follow-up method.") + " " + fixed_tip)
        self.esf.setToolTip(_("ESF financing.") + " " + fixed_tip)
        self.precise.setToolTip(_("A sub-category of the direction. Suggestions come from the "
                                  "charter settings (Organisation panel); any text is "
                                  "allowed."))
        self.precise.lineEdit().setPlaceholderText(_("e.g. early coordinated support"))
        self.steering.setPlaceholderText(_("e.g. the heads of unit of the parties"))
        self.agreement.setPlaceholderText(_("reference to the signed agreement"))
        self.granted.setPlaceholderText(_("not granted yet"))
        self.privacy.setText(privacy_text())
        self.saved_hint.setText(_("Changes are saved when you leave a field; Edit ▸ Undo takes "
                                  "them back."))
        self.parties.translate_ui()
        self._show_fixed()

    # showing ----------------------------------------------------------------------------

    def set_activity(self, activity: Activity | None, member_ids: Sequence[int],
                     members: Sequence[Member], directions: Sequence[str]) -> None:
        """Show `activity` (None: nothing selected) with its participating members, the
        members to choose from and the suggested precise directions."""
        same = (activity is not None and self._activity is not None
                and activity.id == self._activity.id)
        keep_typed = same and self._refused
        if not same:
            self._refused = False
            self.error.show_message("")
        self._activity, self._members = activity, list(member_ids)
        self._loading = True
        enabled = activity is not None
        self._body.setEnabled(enabled)
        self.parties.set_members(members)
        if not keep_typed:
            self._fill(activity, directions)
        self._show_fixed()
        self._loading = False

    def _fill(self, activity: Activity | None, directions: Sequence[str]) -> None:
        a = activity or Activity(0, "", focus=None)  # type: ignore[arg-type]
        self.name.setText(a.name)
        fill_directions(self.precise, directions, a.precise_direction)
        self.parties.set_value(a.lead_member_id, self._members if activity else [])
        self.start.set_date(a.start_on)
        self.end.set_date(a.end_on)
        self.granted.setText(editor_text(a.granted_amount_ore))
        self.interim.set_date(a.interim_report_on)
        self.final.set_date(a.final_report_on)
        self.steering.setText(a.steering_group)
        self.agreement.setText(a.agreement)
        for name, edit in self.texts.items():
            edit.set_text(getattr(a, name))

    def _show_fixed(self) -> None:
        a = self._activity
        if a is None:
            for label in (self.focus, self.method, self.esf):
                label.setText("")
            return
        self.focus.setText(focus_label(a.focus))
        self.method.setText(method_label(a.followup_method))
        self.esf.setText(_("ESF: {answer}").format(answer=yes_no(a.esf).lower()))

    def current(self) -> Activity | None:
        """The activity shown, as last saved."""
        return self._activity

    # saving -----------------------------------------------------------------------------

    def edited(self) -> tuple[Activity, list[int] | None]:
        """The activity as typed and its members (None while the ticked parties break the
        rule: they are not saved until they meet it). ValidationError for a bad date or
        amount."""
        assert self._activity is not None
        lead, members = self.parties.value()
        parties_ok = not self.parties.problems()
        texts = {name: edit.text().strip() for name, edit in self.texts.items()}
        after = dataclasses.replace(
            self._activity, name=self.name.text().strip(),
            precise_direction=self.precise.currentText().strip(),
            lead_member_id=lead if parties_ok else self._activity.lead_member_id,
            start_on=self.start.date(), end_on=self.end.date(),
            granted_amount_ore=parse_optional(self.granted.text()),
            interim_report_on=self.interim.date(), final_report_on=self.final.date(),
            steering_group=self.steering.text().strip(), agreement=self.agreement.text().strip(),
            **texts)
        return after, (members if parties_ok else None)

    def save(self) -> bool:
        """Save what is typed if it differs; a refusal is shown under the fields and the
        text stays. True unless refused."""
        if self._loading or self._saving or self._activity is None:
            return True
        try:
            after, members = self.edited()
            same_members = members is None or sorted(members) == sorted(self._members)
            if after == self._activity and same_members:
                self._done(members is not None)
                return True
            self._saving = True  # the refresh this causes must not save again
            undo.run(self._ctx, UpdateActivity(self._ctx, after,
                                               None if same_members else members))
        except FinsamError as error:
            self._refused = True
            self.error.show_message(str(error))
            return False
        finally:
            self._saving = False
        self._activity = after
        if members is not None:
            self._members = list(members)
        self._done(members is not None)
        return True

    def _done(self, parties_saved: bool) -> None:
        self._refused = not parties_saved
        self.error.show_message("" if parties_saved else _(
            "The participants are not saved until the parties meet the rule above."))
