"""The vote dialog (omröstning): an open roll-call with one row per serving voter (keys J/Y,
N and A set the current row's choice and move on), or a closed ballot with counts. A tie
asks, in the dialog, for the chair's casting vote or the result of the lot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.meetings import LOT_MATTERS, Choice, Vote, VoteKind
from finsam_desktop.domain.minutes_rules import ServingVoter
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui.widgets.fields import ErrorLabel

CHOICE_LABELS = {Choice.YES: N_("Yes (ja)"), Choice.NO: N_("No (nej)"),
                 Choice.ABSTAIN: N_("Abstains (avstår)")}
KEYS = {Qt.Key.Key_J: Choice.YES, Qt.Key.Key_Y: Choice.YES, Qt.Key.Key_N: Choice.NO,
        Qt.Key.Key_A: Choice.ABSTAIN}
VoteSubmit = Callable[[Vote, dict[int, Choice]], None]


class RollCallModel(QAbstractTableModel):
    """Voter, whom a deputy serves for, and the choice so far."""

    HEADERS = (N_("Voter"), N_("Serving for"), N_("Vote"))

    def __init__(self, voters: list[ServingVoter], names: dict[int, str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.voters = voters
        self._names = names
        self.choices: dict[int, Choice] = {}

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.voters)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.HEADERS[section])
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        voter = self.voters[index.row()]
        if index.column() == 0:
            return voter.name
        if index.column() == 1:
            return self._names.get(voter.serving_for, "") if voter.serving_for else ""
        choice = self.choices.get(voter.person_id)
        return _(CHOICE_LABELS[choice]) if choice else "—"

    def set_choice(self, row: int, choice: Choice) -> None:
        """Record `choice` for the voter in `row`."""
        self.choices[self.voters[row].person_id] = choice
        self.dataChanged.emit(self.index(row, 2), self.index(row, 2))

    def counts(self) -> tuple[int, int, int]:
        """(yes, no, abstain) so far."""
        values = list(self.choices.values())
        return (values.count(Choice.YES), values.count(Choice.NO),
                values.count(Choice.ABSTAIN))


class VoteDialog(QDialog):
    """Records one vote; `submit(vote, ballots)` saves it or raises FinsamError."""

    def __init__(self, vote: Vote, voters: list[ServingVoter], names: dict[int, str],
                 matter_type: str, submit: VoteSubmit, parent: QWidget | None = None, *,
                 majority_note: str = "") -> None:
        super().__init__(parent)
        self._vote = vote
        self._submit = submit
        self._lot = matter_type in LOT_MATTERS
        self.kind = QComboBox(self)
        self.kind.addItem(_("Open vote (roll-call)"), VoteKind.OPEN)
        self.kind.addItem(_("Closed ballot (e.g. elections)"), VoteKind.CLOSED)
        self.yes_label = QLineEdit(vote.yes_label, self)
        self.no_label = QLineEdit(vote.no_label, self)
        self.model = RollCallModel(voters, names, self)
        self.table = QTableView(self)
        self.choice_buttons = {c: QPushButton(_(CHOICE_LABELS[c]), self) for c in Choice}
        self.yes_count, self.no_count, self.abstain_count = (QSpinBox(self) for _i in range(3))
        self.pages = QStackedWidget(self)
        self.counts = QLabel(self)
        self.majority = QLabel(majority_note, self)
        self.majority.setWordWrap(True)
        self.majority.setVisible(bool(majority_note))
        self.tie_label = QLabel(self)
        self.tie = QComboBox(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._build(len(voters))
        self._connect()
        self._update_counts()

    def _build(self, voters: int) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.installEventFilter(self)
        if voters:
            table.selectRow(0)
        open_page = QWidget(self)
        open_layout = QVBoxLayout(open_page)
        open_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(_("Call each name: press J (or Y) for yes, N for no, A for abstains; the "
                        "next name is selected."), open_page)
        hint.setWordWrap(True)
        open_layout.addWidget(hint)
        open_layout.addWidget(table)
        row = QHBoxLayout()
        for button in self.choice_buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        open_layout.addLayout(row)
        closed_page = QWidget(self)
        closed = QFormLayout(closed_page)
        for spin, label in ((self.yes_count, _("Yes")), (self.no_count, _("No")),
                            (self.abstain_count, _("Abstains / blank"))):
            spin.setRange(0, max(voters, 0))
            closed.addRow(label, spin)
        self.pages.addWidget(open_page)
        self.pages.addWidget(closed_page)
        self.tie.addItem(_("Yes side wins"), "yes")
        self.tie.addItem(_("No side wins"), "no")
        self.tie_label.setText(_("Result of the lot") if self._lot
                               else _("The chair's casting vote"))
        self.tie_label.setWordWrap(True)
        tie = QHBoxLayout()
        tie.addWidget(self.tie_label)
        tie.addWidget(self.tie, 1)
        self.tie_row = QWidget(self)
        self.tie_row.setLayout(tie)
        self.tie_row.setVisible(False)
        form = QFormLayout(self)
        form.addRow(_("Kind of vote"), self.kind)
        form.addRow(_("Yes means"), self.yes_label)
        form.addRow(_("No means"), self.no_label)
        form.addRow(self.pages)
        form.addRow(self.counts)
        form.addRow(self.majority)
        form.addRow(self.tie_row)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(_("Vote"))
        self.setMinimumSize(560, 480)
        self.setTabOrder(self.kind, self.yes_label)
        self.setTabOrder(self.yes_label, self.no_label)
        self.setTabOrder(self.no_label, self.table)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for choice, button in self.choice_buttons.items():
            button.clicked.connect(lambda _c=False, ch=choice: self.set_current(ch))
        for spin in (self.yes_count, self.no_count, self.abstain_count):
            spin.valueChanged.connect(self._update_counts)

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(0 if self.kind.currentData() == VoteKind.OPEN else 1)
        self._update_counts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            choice = KEYS.get(Qt.Key(event.key()))
            if choice is not None and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.set_current(choice)
                return True
        return super().eventFilter(watched, event)

    def set_current(self, choice: Choice) -> None:
        """Set the selected voter's choice and select the next voter."""
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        if not self.model.voters:
            return
        self.model.set_choice(row, choice)
        self.table.selectRow(min(row + 1, self.model.rowCount() - 1))
        self._update_counts()

    def is_open(self) -> bool:
        """True for a roll-call vote."""
        return self.kind.currentData() == VoteKind.OPEN

    def tally(self) -> tuple[int, int, int]:
        """(yes, no, abstain) as entered."""
        if self.is_open():
            return self.model.counts()
        return self.yes_count.value(), self.no_count.value(), self.abstain_count.value()

    def _update_counts(self) -> None:
        yes, no, abstain = self.tally()
        text = _("Yes {yes} · No {no} · Abstains {abstain}").format(yes=yes, no=no,
                                                                    abstain=abstain)
        missing = len(self.model.voters) - len(self.model.choices)
        if self.is_open() and missing:
            text += " · " + _("{n} not yet called").format(n=missing)
        self.counts.setText(text)

    def vote(self) -> Vote:
        """The vote as entered; raises ValidationError when a roll-call is incomplete."""
        yes, no, abstain = self.tally()
        if self.is_open() and len(self.model.choices) < len(self.model.voters):
            raise ValidationError(_("Record a choice for every voter (J, N or A)."))
        tie_winner = str(self.tie.currentData()) if self.tie_row.isVisible() else ""
        return Vote(0, self._vote.meeting_id, self._vote.item_id,
                    VoteKind(self.kind.currentData()), self.yes_label.text().strip(),
                    self.no_label.text().strip(), yes, no, abstain, tie_winner=tie_winner)

    def accept(self) -> None:
        try:
            vote = self.vote()
            self._submit(vote, dict(self.model.choices) if self.is_open() else {})
        except FinsamError as error:
            yes, no, _abstain = self.tally()
            if yes == no and not self.tie_row.isVisible():
                self.tie_row.setVisible(True)
                self.tie.setFocus()
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
