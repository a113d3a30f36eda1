"""The activity register: rows for a year (or all years summed), filtered by status and
direction, shown through a `RecordTableModel`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from finsam_desktop.domain.activities import Activity, Status
from finsam_desktop.domain.budget import Focus
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import activities
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.activities.common import focus_label, status_label
from finsam_desktop.ui.panels.budget.common import amount

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store


@dataclass(frozen=True)
class RegisterRow:
    """One activity as listed: who, what, decision, money and participants."""

    activity: Activity
    lead: str
    parties: tuple[str, ...]
    decision: str
    budget_ore: int
    actual_ore: int
    started: int


def _blank(ore: int) -> str:
    return amount(ore) if ore else ""


COLUMNS = [
    Column(N_("Name"), lambda r: r.activity.name,
           tooltip=lambda r: "\n".join(t for t in (r.activity.name,
                                                   r.activity.precise_direction) if t)),
    Column(N_("Direction"), lambda r: focus_label(r.activity.focus)),
    Column(N_("Status"), lambda r: status_label(r.activity.status)),
    Column(N_("Lead"), lambda r: r.lead),
    Column(N_("Decision"), lambda r: r.decision),
    Column(N_("Budget (kr)"), lambda r: _blank(r.budget_ore), numeric=True),
    Column(N_("Actual (kr)"), lambda r: _blank(r.actual_ore), numeric=True),
    Column(N_("Started"), lambda r: str(r.started) if r.started else "", numeric=True),
    Column(N_("Parties"), lambda r: ", ".join(r.parties),
           tooltip=lambda r: "\n".join(r.parties) or None),
]


def register_rows(store: Store, year: int | None) -> list[RegisterRow]:
    """The register of `year`, or of every year with budget, actual and participants
    summed over the years (year None)."""
    if year is not None:
        rows = [RegisterRow(r.activity, r.lead, r.parties, r.decision, r.budget_ore,
                            r.actual_ore, r.started) for r in activities.register(store, year)]
    else:
        sums: dict[int, list[int]] = {}
        latest: dict[int, activities.ActivityRow] = {}
        for y in activities.years(store):
            for r in activities.register(store, y):
                total = sums.setdefault(r.activity.id, [0, 0, 0])
                total[0] += r.budget_ore
                total[1] += r.actual_ore
                total[2] += r.started
                latest[r.activity.id] = r
        rows = [RegisterRow(r.activity, r.lead, r.parties, r.decision, *sums[i])
                for i, r in latest.items()]
    return sorted(rows, key=lambda r: r.activity.name.casefold())


def filtered(rows: Sequence[RegisterRow], status: Status | None,
             focus: Focus | None) -> list[RegisterRow]:
    """The rows with `status` and `focus` (None: any)."""
    return [r for r in rows if (status is None or r.activity.status is status)
            and (focus is None or r.activity.focus is focus)]


class RegisterModel(RecordTableModel):
    """The register's rows; the figure columns name the year they are for."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.year: int | None = None

    def set_year(self, year: int | None) -> None:
        """The year the figures are for (None: all years summed)."""
        self.year = year
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 5, 7)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section in (5, 6, 7):
            scope = _("all years") if self.year is None else str(self.year)
            if role == Qt.ItemDataRole.DisplayRole:
                return {5: _("Budget {scope} (kr)"), 6: _("Actual {scope} (kr)"),
                        7: _("Started {scope}")}[section].format(scope=scope)
            if role == Qt.ItemDataRole.ToolTipRole:
                return {5: _("Budget of the activity's budget lines, {scope} (the version "
                             "followed up)."),
                        6: _("Actual to date of the activity's budget lines, {scope}."),
                        7: _("Participants who started, {scope}.")}[section].format(
                    scope=scope)
        return super().headerData(section, orientation, role)
