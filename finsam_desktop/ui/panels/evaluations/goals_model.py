"""`GoalTreeModel`: goals with their indicators under them, for a chosen year.

Two levels only: a goal row (or "Indicators without a goal") and its indicators. Each
indicator shows where it applies, its source, baseline, target, latest value up to the year
and its fulfilment, coloured; a goal shows its overall fulfilment. Texts are computed when
Qt asks, through `_()`, so a language switch only needs `retranslate()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from finsam_desktop.domain.evaluations import Fulfilment, Indicator, IndicatorSource
from finsam_desktop.i18n import N_, _
from finsam_desktop.services.evaluations import GoalStatus, IndicatorStatus
from finsam_desktop.ui.panels.evaluations.common import (
    FULFILMENT_COLOURS,
    fulfilment_text,
    source_text,
    target_text,
    value_text,
    with_year,
)

Index = QModelIndex | QPersistentModelIndex
GOAL = 0  # internal id of a goal row; an indicator row carries its goal's row + 1

HEADERS = (N_("Goal / indicator"), N_("Applies to"), N_("Source"), N_("Baseline"),
           N_("Target"), N_("Latest value"), N_("Fulfilment"))
NAME, APPLIES, SOURCE, BASELINE, TARGET, LATEST, FULFILMENT = range(len(HEADERS))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class GoalTreeModel(QAbstractItemModel):
    """Goals → indicators with baseline, target, latest value and fulfilment."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._goals: list[GoalStatus] = []
        self._activities: dict[int, str] = {}

    # filling ----------------------------------------------------------------------------

    def set_statuses(self, goals: Sequence[GoalStatus], activities: dict[int, str]) -> None:
        """Show `goals` (from `evaluations.goal_fulfilment`); `activities` names them."""
        self.beginResetModel()
        self._goals = list(goals)
        self._activities = dict(activities)
        self.endResetModel()

    def retranslate(self) -> None:
        """Re-read headers and texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        self.layoutChanged.emit()

    def goals(self) -> list[GoalStatus]:
        """The goals shown, in order."""
        return list(self._goals)

    def record(self, index: Index) -> GoalStatus | IndicatorStatus | None:
        """The goal or indicator status behind a row."""
        if not index.isValid():
            return None
        if index.internalId() == GOAL:
            return self._goals[index.row()] if index.row() < len(self._goals) else None
        goal = self._goals[index.internalId() - 1]
        return goal.indicators[index.row()]

    def find(self, kind: str, record_id: int | None) -> QModelIndex:
        """The index of goal (`kind` "goal", id None: no goal) or indicator `record_id`."""
        for row, status in enumerate(self._goals):
            goal_id = status.goal.id if status.goal else None
            if kind == "goal" and goal_id == record_id:
                return self.index(row, 0)
            for child, item in enumerate(status.indicators):
                if kind == "indicator" and item.indicator.id == record_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def text(self, index: Index) -> str:
        """What a cell shows."""
        return str(self.data(index) or "")

    # Qt model ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GOAL)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == GOAL:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GOAL)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._goals)
        if parent.internalId() == GOAL and parent.column() == 0 \
                and parent.row() < len(self._goals):
            return len(self._goals[parent.row()].indicators)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == LATEST:
            return _("The latest value entered up to and including the chosen year.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index)
        if record is None:
            return None
        if isinstance(record, GoalStatus):
            return self._goal_data(record, index.column(), role)
        return self._indicator_data(record, index.column(), role)

    def _goal_data(self, status: GoalStatus, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return status.goal.title if status.goal else _("Indicators without a goal")
            if column == FULFILMENT:
                return fulfilment_text(status.fulfilment)
            if column == LATEST and status.indicators:
                met = sum(1 for s in status.indicators if s.fulfilment is Fulfilment.MET)
                return _("{met} of {count} met").format(met=met, count=len(status.indicators))
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME and status.goal:
            goal = status.goal
            parts = [goal.title]
            if goal.from_year or goal.to_year:
                parts.append(f"{goal.from_year or ''}–{goal.to_year or ''}")
            if goal.description:
                parts.append(goal.description)
            return "\n".join(parts)
        return self._fulfilment_style(status.fulfilment, column, role)

    def _indicator_data(self, status: IndicatorStatus, column: int, role: int) -> Any:
        indicator = status.indicator
        if role == Qt.ItemDataRole.DisplayRole:
            return self._indicator_text(status, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._indicator_tip(indicator, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (BASELINE, TARGET, LATEST):
            return RIGHT
        return self._fulfilment_style(status.fulfilment, column, role)

    def _indicator_text(self, status: IndicatorStatus, column: int) -> str:
        indicator = status.indicator
        if column == NAME:
            return indicator.name
        if column == APPLIES:
            if indicator.activity_id is None:
                return _("The agency")
            return self._activities.get(indicator.activity_id, "?")
        if column == SOURCE:
            return source_text(indicator)
        if column == BASELINE:
            return with_year(value_text(indicator.baseline_milli, indicator.unit),
                             indicator.baseline_year)
        if column == TARGET:
            return target_text(indicator)
        if column == LATEST:
            return with_year(value_text(status.latest_milli, indicator.unit),
                             status.latest_year)
        return fulfilment_text(status.fulfilment)

    @staticmethod
    def _indicator_tip(indicator: Indicator, column: int) -> str | None:
        if column == NAME:
            parts = [indicator.name]
            if indicator.definition:
                parts.append(indicator.definition)
            if indicator.source is IndicatorSource.NNS and indicator.question:
                parts.append(_("Question: “{question}”").format(question=indicator.question))
            return "\n".join(parts)
        if column == TARGET and indicator.target_milli is not None:
            return _("Higher is better") if indicator.higher_is_better \
                else _("Lower is better")
        if column == SOURCE and indicator.source is IndicatorSource.NNS:
            return _("NNS indicator (Indikatorer för finansiell samordning): the question is "
                     "never reworded.")
        return None

    @staticmethod
    def _fulfilment_style(fulfilment: Any, column: int, role: int) -> Any:
        if column != FULFILMENT:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(FULFILMENT_COLOURS[fulfilment][0])
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(FULFILMENT_COLOURS[fulfilment][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        return None
