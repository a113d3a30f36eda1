"""Who signs the minutes (secretary, chair, one or two adjusters) and the day each signed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.board import BoardFunction, StaffKind
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import (
    SIGNER_LABELS,
    AttendeeRole,
    Meeting,
    Presence,
    Signer,
    SignerRole,
)
from finsam_desktop.i18n import _
from finsam_desktop.services import board, minutes, signing
from finsam_desktop.ui import undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel


class SignersBox(QGroupBox):
    """Choose the signers; record each signature's date (committed when left)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meeting: Meeting | None = None
        self._sealed = False
        self.secretary = QComboBox(self)
        self.chair = QComboBox(self)
        self.adjuster1 = QComboBox(self)
        self.adjuster2 = QComboBox(self)
        self.save_button = QPushButton(self)
        self.error = ErrorLabel(self)
        self.signed_label = QLabel(self)
        self.signed_label.setStyleSheet("font-weight: bold;")
        self.grid = QGridLayout()
        self.date_fields: dict[int, DateField] = {}
        self._labels = [QLabel(self) for _i in range(4)]
        form = QFormLayout()
        for label, combo in zip(self._labels, (self.secretary, self.chair, self.adjuster1,
                                               self.adjuster2), strict=True):
            combo.setMinimumWidth(240)
            form.addRow(label, combo)
        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addStretch(1)
        form.addRow("", save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.signed_label)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        self.save_button.clicked.connect(self.save_signers)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Who signs (justering)"))
        for label, text in zip(self._labels, (_("Secretary"), _("Chair"),
                                              _("Adjuster (justerare)"),
                                              _("Second adjuster")), strict=True):
            label.setText(text)
        self.save_button.setText(_("Save signers"))
        self.signed_label.setText(_("Signed on (YYYY-MM-DD; leave the field to save)"))

    def set_meeting(self, meeting: Meeting | None, sealed: bool) -> None:
        """Show who signs `meeting`."""
        self._meeting, self._sealed = meeting, sealed
        self.error.show_message("")
        self.refresh()

    def refresh(self) -> None:
        """Re-read candidates and signers."""
        meeting = self._meeting
        held = meeting is not None and meeting.held
        self.setEnabled(held)
        if meeting is None or not held:
            self._fill_dates([])
            return
        store = self._ctx.require_store()
        signers = signing.list_signers(store, meeting.id)
        board_people, staff_people = self._candidates(meeting)
        chosen: dict[SignerRole, list[int | None]] = {s.role: [] for s in signers}
        for signer in signers:
            chosen[signer.role].append(signer.person_id)
        chair_default = self._chair_of(meeting)
        self._fill(self.secretary, staff_people, chosen.get(SignerRole.SECRETARY, [None])[0])
        self._fill(self.chair, board_people,
                   chosen.get(SignerRole.CHAIR, [chair_default])[0])
        adjusters = [*chosen.get(SignerRole.ADJUSTER, []), None, None]
        self._fill(self.adjuster1, board_people, adjusters[0])
        self._fill(self.adjuster2, board_people, adjusters[1], optional=True)
        for widget in (self.secretary, self.chair, self.adjuster1, self.adjuster2,
                       self.save_button):
            widget.setEnabled(not self._sealed)
        self._fill_dates(signers)

    def _candidates(self, meeting: Meeting) -> tuple[list[tuple[int, str]],
                                                     list[tuple[int, str]]]:
        store = self._ctx.require_store()
        attendees = minutes.list_attendance(store, meeting.id)
        board_people = [(a.person_id, a.name) for a in attendees
                        if a.role is not AttendeeRole.OTHER and a.presence is Presence.PRESENT
                        and a.person_id is not None]
        names = {p.id: p.name for p in board.list_people(store)}
        staff = [(r.person_id, names.get(r.person_id, "?")) for r in board.list_staff(store)
                 if r.is_active_on(meeting.date)
                 and r.kind in (StaffKind.SECRETARY, StaffKind.DIRECTOR)]
        staff.sort(key=lambda p: p[1])
        others = [(a.person_id, a.name) for a in attendees
                  if a.role is AttendeeRole.OTHER and a.person_id is not None]
        seen: set[int] = set()
        staff_people = [p for p in staff + others + board_people
                        if not (p[0] in seen or seen.add(p[0]))]  # type: ignore[func-returns-value]
        return board_people, staff_people

    def _chair_of(self, meeting: Meeting) -> int | None:
        for view in board.board_on(self._ctx.require_store(), meeting.date):
            if view.seat.function is BoardFunction.CHAIR:
                return view.seat.person_id
        return None

    @staticmethod
    def _fill(combo: QComboBox, people: list[tuple[int, str]], current: int | None,
              optional: bool = False) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("— none —") if optional else _("— choose —"), None)
        for person_id, name in people:
            combo.addItem(name, person_id)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _fill_dates(self, signers: list[Signer]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.date_fields = {}
        self.signed_label.setVisible(bool(signers))
        for row, signer in enumerate(signers):
            field = DateField(self)
            field.setMinimumWidth(110)
            field.set_date(signer.signed_on)
            field.setReadOnly(self._sealed)
            field.editingFinished.connect(lambda s=signer, f=field: self._sign(s, f))
            today = QPushButton(_("Today"), self)
            today.setEnabled(not self._sealed)
            today.clicked.connect(lambda _c=False, s=signer, f=field: self._sign_today(s, f))
            self.grid.addWidget(QLabel(_(SIGNER_LABELS[signer.role]), self), row, 0)
            self.grid.addWidget(QLabel(signer.name, self), row, 1)
            self.grid.addWidget(field, row, 2)
            self.grid.addWidget(today, row, 3)
            self.date_fields[signer.id] = field
        self.grid.setColumnStretch(1, 1)

    def save_signers(self) -> bool:
        """Store the chosen signers (not undoable; choose again to change)."""
        if self._meeting is None:
            return False
        adjusters = [a for a in (self.adjuster1.currentData(), self.adjuster2.currentData())
                     if a is not None]
        secretary, chair = self.secretary.currentData(), self.chair.currentData()
        if secretary is None or chair is None or not adjusters:
            self.error.show_message(_("Choose the secretary, the chair and at least one "
                                      "adjuster."))
            return False
        try:
            changes = signing.set_signers(self._ctx.require_store(), self._meeting.id,
                                          secretary_id=int(secretary), chair_id=int(chair),
                                          adjuster_ids=[int(a) for a in adjusters])
        except FinsamError as error:
            self.error.show_message(str(error))
            return False
        self.error.show_message("")
        self._ctx.events.changed.emit(changes)
        return True

    def _sign_today(self, signer: Signer, field: DateField) -> None:
        field.set_date(self._ctx.require_store().today())
        self._sign(signer, field)

    def _sign(self, signer: Signer, field: DateField) -> None:
        if self._sealed:
            return
        try:
            day = field.date()
            if day == signer.signed_on:
                return
            undo.run(self._ctx, undo_meetings.RecordSignature(self._ctx, signer.id, signer.name,
                                                              day))
        except FinsamError as error:
            self.error.show_message(str(error))
            return
        self.error.show_message("")

