"""The lead organisation (huvudman) and the participating members of an activity, with the
party rule checked live as the user ticks (at least two of the four parties, the lead
among them)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.activities import party_problems
from finsam_desktop.domain.organisation import Member
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.meetings.common import OK_STYLE

PROBLEM_STYLE = "color: #9b0016;"
CALM_STYLE = "color: #555555;"
IdRole = Qt.ItemDataRole.UserRole + 1


class PartiesBox(QWidget):
    """A lead combo above a checkable member list and a line saying whether the parties
    meet the rule. `edited` fires on every change the user makes."""

    edited = Signal()
    """The user chose another lead or ticked a member."""

    def __init__(self, parent: QWidget | None = None, *, calm: bool = False) -> None:
        super().__init__(parent)
        self._members: list[Member] = []
        self._loading = False
        self._calm = calm  # a new, untouched choice: the rule in grey, not yet in red
        self.lead = QComboBox(self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.lead)
        layout.addWidget(self.list)
        layout.addWidget(self.rule)
        self.lead.activated.connect(self._lead_chosen)
        self.list.itemChanged.connect(self._ticked)

    def set_members(self, members: Sequence[Member]) -> None:
        """Offer `members` (keeps what is chosen where they are still offered)."""
        lead, chosen = self.value()
        self._members = list(members)
        self._loading = True
        self.list.clear()
        for member in self._members:
            item = QListWidgetItem(member.name, self.list)
            item.setData(IdRole, member.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.id in chosen
                               else Qt.CheckState.Unchecked)
        rows = max(3, min(len(self._members), 8))
        row_height = self.list.sizeHintForRow(0) if self._members else \
            self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 4)
        self._loading = False
        self._fill_lead(lead)
        self._show_rule()

    def _fill_lead(self, lead: int | None) -> None:
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem(_("(choose the lead organisation)"), None)
        for member in self._members:
            self.lead.addItem(member.name, member.id)
        index = self.lead.findData(lead) if lead is not None else 0
        self.lead.setCurrentIndex(max(0, index))
        self.lead.blockSignals(False)

    def translate_ui(self) -> None:
        """Set every text."""
        self.lead.setToolTip(_("The lead organisation (huvudman) runs the activity and is one "
                               "of the participating members."))
        self.list.setToolTip(_("Tick the members taking part: at least two of the four "
                               "parties (Försäkringskassan, Arbetsförmedlingen, the region, "
                               "the municipalities)."))
        self._fill_lead(self.value()[0])
        self._show_rule()

    def set_value(self, lead_id: int | None, member_ids: Sequence[int]) -> None:
        """Show the lead and the ticked members."""
        self._loading = True
        chosen = set(member_ids)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(IdRole) in chosen
                               else Qt.CheckState.Unchecked)
        self._loading = False
        self._fill_lead(lead_id)
        self._show_rule()

    def value(self) -> tuple[int | None, list[int]]:
        """(lead member id or None, ids of the ticked members in list order)."""
        lead = self.lead.currentData()
        ids = [int(self.list.item(r).data(IdRole)) for r in range(self.list.count())
               if self.list.item(r).checkState() == Qt.CheckState.Checked]
        return (int(lead) if lead is not None else None), ids

    def insist(self) -> None:
        """Show what breaks the rule in red from now on (e.g. after OK was pressed)."""
        self._calm = False
        self._show_rule()

    def problems(self) -> list[str]:
        """What breaks the party rule now (empty: fine)."""
        lead, ids = self.value()
        members = [m for m in self._members if m.id in ids]
        return party_problems(lead, members)

    def set_checked(self, member_id: int, checked: bool) -> None:
        """Tick or untick a member as the user would (emits `edited`)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(IdRole) == member_id:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def choose_lead(self, member_id: int | None) -> None:
        """Choose the lead as the user would (emits `edited`)."""
        index = self.lead.findData(member_id) if member_id is not None else 0
        self.lead.setCurrentIndex(max(0, index))
        self._lead_chosen(self.lead.currentIndex())

    def _lead_chosen(self, _index: int) -> None:
        self._calm = False
        lead = self.lead.currentData()
        if lead is not None:  # the lead takes part: tick it for the user
            self._loading = True
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(IdRole) == lead:
                    item.setCheckState(Qt.CheckState.Checked)
            self._loading = False
        self._show_rule()
        self.edited.emit()

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._calm = False
        self._show_rule()
        self.edited.emit()

    def _show_rule(self) -> None:
        problems = self.problems()
        if problems:
            self.rule.setStyleSheet(CALM_STYLE if self._calm else PROBLEM_STYLE)
            self.rule.setText("\n".join(problems))
        else:
            self.rule.setStyleSheet(OK_STYLE)
            self.rule.setText(_("At least two parties take part, the lead among them."))
