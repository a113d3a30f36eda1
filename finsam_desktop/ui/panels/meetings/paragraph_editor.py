"""The paragraph editor: every part of one § as the minutes record it. Text fields commit
when the user leaves them (one undo step each); combos and check boxes commit at once. Once
the minutes are sealed everything is read-only under a banner, and an attempt to type says
why."""

from __future__ import annotations

import dataclasses
import itertools

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import (
    GENERAL_MATTER,
    ITEM_KIND_LABELS,
    Item,
    ItemKind,
    Meeting,
    Outcome,
)
from finsam_desktop.domain.minutes_rules import parse_majority_rules
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.common import SEALED_STYLE, CommitTextEdit, is_editing_key
from finsam_desktop.ui.panels.meetings.jav_box import JavBox
from finsam_desktop.ui.panels.meetings.paragraph_sections import MotionsBox, StatementsBox
from finsam_desktop.ui.panels.meetings.votes_box import VotesBox
from finsam_desktop.ui.widgets.fields import ErrorLabel, fill_enum_combo, select_data

OUTCOME_LABELS = {Outcome.NONE: N_("—"), Outcome.DECIDED: N_("Decided"),
                  Outcome.REFERRED_BACK: N_("Referred back (återremiss)"),
                  Outcome.NOTED: N_("Noted")}
MATTER_LABELS = {GENERAL_MATTER: N_("general"), "election": N_("election"),
                 "staff": N_("staff")}


class ParagraphEditor(QWidget):
    """Fields, lists and flags of one paragraph."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.meeting: Meeting | None = None
        self.item: Item | None = None
        self.number: int | None = None
        self.sealed = False
        self._warned_sealed = False
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(SEALED_STYLE)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.title = QLineEdit(self)
        self.dnr = QLineEdit(self)
        self.kind = QComboBox(self)
        self.matter = QComboBox(self)
        self.matter.setEditable(True)
        self.jav = JavBox(ctx, self)
        self.background = CommitTextEdit(self, lines=5)
        self.proposal = CommitTextEdit(self, lines=3)
        self.motions = MotionsBox(ctx, self)
        self.order = CommitTextEdit(self, lines=2)
        self.votes = VotesBox(ctx, self)
        self.decision = CommitTextEdit(self, lines=5)
        self.outcome = QComboBox(self)
        self.statements = StatementsBox(ctx, self)
        self.immediate = QCheckBox(self)
        self.notify = QLineEdit(self)
        self.appeal = QCheckBox(self)
        self._labels: dict[str, QLabel] = {}
        self._build()
        self._connect()

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        label = QLabel(self)
        label.setBuddy(widget)
        self._labels[key] = label
        form.addRow(label, widget)

    def _build(self) -> None:
        self.dnr.setMaximumWidth(160)
        top = QHBoxLayout()
        top.addWidget(self.dnr)
        top.addWidget(self.kind)
        top.addWidget(self.matter, 1)
        flags = QHBoxLayout()
        flags.addWidget(self.immediate)
        flags.addWidget(self.appeal)
        flags.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "title", self.title)
        label = QLabel(self)
        label.setBuddy(self.dnr)
        self._labels["dnr"] = label
        form.addRow(label, top)
        form.addRow(self.jav)
        self._row(form, "background", self.background)
        self._row(form, "proposal", self.proposal)
        form.addRow(self.motions)
        self._row(form, "order", self.order)
        form.addRow(self.votes)
        self._row(form, "decision", self.decision)
        self._row(form, "outcome", self.outcome)
        form.addRow(self.statements)
        self._row(form, "notify", self.notify)
        form.addRow("", flags)
        layout = QVBoxLayout(self)  # the banner is placed by the minutes tab, above the scroll
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addStretch(1)
        chain = [self.title, self.dnr, self.kind, self.matter, self.jav.list, self.background,
                 self.proposal, self.motions.list, self.order, self.votes.list, self.decision,
                 self.outcome, self.statements.list, self.notify, self.immediate, self.appeal]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        for edit in (self.title, self.dnr, self.notify):
            edit.editingFinished.connect(self.save)
        for edit in (self.background, self.proposal, self.order, self.decision):
            edit.committed.connect(self.save)
            edit.edit_refused.connect(self.refuse_sealed_edit)
        for combo in (self.kind, self.outcome):
            combo.currentIndexChanged.connect(self.save)
        self.matter.activated.connect(self.save)
        self.matter.lineEdit().editingFinished.connect(self.save)
        for box in (self.immediate, self.appeal):
            box.toggled.connect(self.save)
        for edit in (self.title, self.dnr, self.notify):
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit)
                and watched.isReadOnly() and isinstance(event, QKeyEvent)
                and is_editing_key(event)):
            self.refuse_sealed_edit()
        return super().eventFilter(watched, event)

    def translate_ui(self) -> None:
        """Set every text."""
        texts = {"title": _("&Title"), "dnr": _("D&nr, kind, matter"),
                 "background": _("&Background"), "proposal": _("&Proposed decision"),
                 "order": _("Order of &putting"), "decision": _("&Decision"),
                 "outcome": _("O&utcome"), "notify": _("Noti&fy (expediering)")}
        for key, text in texts.items():
            self._labels[key].setText(text)
        fill_enum_combo(self.kind, ITEM_KIND_LABELS)
        fill_enum_combo(self.outcome, OUTCOME_LABELS)
        self.matter.setToolTip(_("Matter type: elections and staff matters are decided by lot "
                                 "on a tie; the charter's qualified-majority types (e.g. "
                                 "budget) need their fraction."))
        self.dnr.setPlaceholderText(_("Dnr"))
        self.order.setPlaceholderText(_("e.g. The chair puts the proposal against the motion "
                                        "and finds the proposal adopted."))
        self.decision.setPlaceholderText(_("The board decides …"))
        self.notify.setPlaceholderText(_("e.g. the project owner, the finance officer"))
        self.immediate.setText(_("Signed immediately (omedelbar justering)"))
        self.appeal.setText(_("Appeal instruction attached"))
        for box in (self.jav, self.motions, self.votes, self.statements):
            box.translate_ui()
        self._show_banner()

    def _fill_matter_types(self) -> None:
        rules = parse_majority_rules(
            organisation.get_charter(self._ctx.require_store()).qualified_majority)
        current = self.matter.currentText()
        self.matter.blockSignals(True)
        self.matter.clear()
        for value, label in MATTER_LABELS.items():
            self.matter.addItem(_(label), value)
        for value in rules:
            self.matter.addItem(value, value)
        self.matter.setEditText(current)
        self.matter.blockSignals(False)

    # Loading ----------------------------------------------------------------------------

    def set_item(self, meeting: Meeting | None, item: Item | None, sealed: bool) -> None:
        """Show `item` of `meeting` (None: nothing to edit)."""
        if item is None or self.item is None or item.id != self.item.id:
            self._warned_sealed = False
        self.meeting, self.item, self.sealed = meeting, item, sealed
        self.setEnabled(item is not None)
        if meeting is None or item is None:
            self.heading.setText("")
            return
        self.number = meetings.number_of(meeting, item)
        self.heading.setText(f"§ {self.number}  {item.title}" if self.number else item.title)
        self.error.show_message("")
        self._fill_matter_types()
        self._load_fields(item)
        for box in (self.jav, self.motions, self.votes, self.statements):
            box.load(meeting, item, sealed)
        self._set_read_only(sealed)
        self._show_banner()

    def _load_fields(self, item: Item) -> None:
        for edit, value in ((self.title, item.title), (self.dnr, item.dnr),
                            (self.notify, item.notify)):
            if edit.text() != value:
                edit.setText(value)
        self.background.set_text(item.background)
        self.proposal.set_text(item.proposal)
        self.order.set_text(item.order_of_putting)
        self.decision.set_text(item.decision)
        for widget in (self.kind, self.outcome, self.matter, self.immediate, self.appeal):
            widget.blockSignals(True)
        select_data(self.kind, item.kind)
        select_data(self.outcome, item.outcome)
        index = self.matter.findData(item.matter_type)
        if index >= 0:
            self.matter.setCurrentIndex(index)
        else:
            self.matter.setEditText(item.matter_type)
        self.immediate.setChecked(item.immediate)
        self.appeal.setChecked(item.appeal_instruction)
        for widget in (self.kind, self.outcome, self.matter, self.immediate, self.appeal):
            widget.blockSignals(False)

    def _set_read_only(self, sealed: bool) -> None:
        for edit in (self.title, self.dnr, self.notify):
            edit.setReadOnly(sealed)
        for text in (self.background, self.proposal, self.order, self.decision):
            text.setReadOnly(sealed)
        for widget in (self.kind, self.outcome, self.matter, self.immediate, self.appeal):
            widget.setEnabled(not sealed)

    def _show_banner(self) -> None:
        self.banner.setVisible(self.sealed)
        if self.sealed and self.meeting is not None:
            self.banner.setText(sealed_message(self.meeting))

    # Saving -----------------------------------------------------------------------------

    def typed(self) -> Item:
        """The paragraph as the fields show it."""
        assert self.item is not None
        text = self.matter.currentText().strip()
        index = self.matter.findText(text)
        matter_text = str(self.matter.itemData(index)) if index >= 0 else text or GENERAL_MATTER
        return dataclasses.replace(
            self.item, title=self.title.text().strip(), dnr=self.dnr.text().strip(),
            kind=ItemKind(self.kind.currentData()), matter_type=matter_text.lower(),
            background=self.background.text(), proposal=self.proposal.text(),
            order_of_putting=self.order.text(), decision=self.decision.text(),
            outcome=Outcome(self.outcome.currentData()), notify=self.notify.text().strip(),
            immediate=self.immediate.isChecked(),
            appeal_instruction=self.appeal.isChecked())

    def save(self) -> bool:
        """Store what changed (one undo step); a refusal is shown. True if nothing is left."""
        if self.item is None or self.sealed:
            return True
        store = self._ctx.require_store()
        try:
            stored = next(i for i in meetings.list_items(store, self.item.meeting_id)
                          if i.id == self.item.id)
        except StopIteration:
            return True
        typed = dataclasses.replace(self.typed(), position=stored.position)
        if typed == stored:
            return True
        try:
            undo.run(self._ctx, undo_meetings.UpdateItem(
                self._ctx, typed, text=_("Edit § {n}").format(n=self.number or "")))
        except FinsamError as error:
            self._refused(stored, typed, error)
            return False
        self.item = typed
        self.error.show_message("")
        return True

    def _refused(self, stored: Item, typed: Item, error: FinsamError) -> None:
        if typed.outcome != stored.outcome:  # e.g. no quorum: the decision stays unrecorded
            self.outcome.blockSignals(True)
            select_data(self.outcome, stored.outcome)
            self.outcome.blockSignals(False)
            dialogs.show_error(self, _("The outcome was not recorded"), str(error))
        self.error.show_message(str(error))

    def refuse_sealed_edit(self) -> None:
        """The user tried to type into sealed minutes: say why nothing happens (once)."""
        if not self.sealed or self.meeting is None:
            return
        self.banner.setStyleSheet(SEALED_STYLE + " border: 2px solid #b00020;")
        if not self._warned_sealed:
            self._warned_sealed = True
            dialogs.show_info(self, _("Sealed minutes"), sealed_message(self.meeting))


def sealed_message(meeting: Meeting) -> str:
    """The banner of sealed minutes."""
    return _("These minutes ({date}) are signed and sealed: they can no longer be changed. To "
             "correct a paragraph, add a correction in a later meeting (Signing & notice ▸ "
             "Add correction of a paragraph…).").format(date=format_date(meeting.date))

