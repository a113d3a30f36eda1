"""The left-hand navigation: one entry per panel; panels not built yet are shown disabled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from finsam_desktop.i18n import N_, _
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.base import Panel


def _overview(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.overview.panel import OverviewPanel

    return OverviewPanel(ctx)


def _meetings(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.meetings.panel import MeetingsPanel

    return MeetingsPanel(ctx)


def _decisions(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.decisions.panel import DecisionsPanel

    return DecisionsPanel(ctx)


def _budget(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.budget.panel import BudgetPanel

    return BudgetPanel(ctx)


def _evaluations(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.evaluations.panel import EvaluationsPanel

    return EvaluationsPanel(ctx)


def _activities(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.activities.panel import ActivitiesPanel

    return ActivitiesPanel(ctx)


def _annual(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.annual.panel import AnnualPanel

    return AnnualPanel(ctx)


def _organisation(ctx: AppContext) -> Panel:
    from finsam_desktop.ui.panels.organisation.panel import OrganisationPanel

    return OrganisationPanel(ctx)


@dataclass(frozen=True)
class PanelEntry:
    """A navigation entry: key, untranslated label and the factory (None: not built yet)."""

    key: str
    label: str
    factory: Callable[[AppContext], Panel] | None


PANELS = [
    PanelEntry("overview", N_("Overview"), _overview),
    PanelEntry("meetings", N_("Meetings"), _meetings),
    PanelEntry("decisions", N_("Decisions"), _decisions),
    PanelEntry("budget", N_("Budget"), _budget),
    PanelEntry("activities", N_("Activities"), _activities),
    PanelEntry("evaluations", N_("Evaluations"), _evaluations),
    PanelEntry("annual", N_("Annual report"), _annual),
    PanelEntry("organisation", N_("Organisation"), _organisation),
]
PANEL_KEYS = [entry.key for entry in PANELS]
KeyRole = Qt.ItemDataRole.UserRole + 1


class Navigation(QListWidget):
    """The panel list; `currentItemChanged` tells the window which panel to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for entry in PANELS:
            item = QListWidgetItem(self)
            item.setData(KeyRole, entry.key)
            if entry.factory is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                              & ~Qt.ItemFlag.ItemIsSelectable)
        self.setFixedWidth(180)
        self.setSpacing(2)
        self.setIconSize(QSize(0, 0))
        self.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px; }")

    def translate_ui(self) -> None:
        """Set labels and the "later version" tooltips."""
        for row, entry in enumerate(PANELS):
            item = self.item(row)
            item.setText(_(entry.label))
            if entry.factory is None:
                item.setToolTip(_("Comes in a later version of FINSAM Desktop."))

    def item_for(self, key: str) -> QListWidgetItem:
        """The entry for panel `key`."""
        return self.item(PANEL_KEYS.index(key))

    def is_available(self, key: str) -> bool:
        """True when panel `key` is built."""
        return PANELS[PANEL_KEYS.index(key)].factory is not None

    def key_of(self, item: QListWidgetItem | None) -> str | None:
        """The panel key of `item`."""
        return None if item is None else str(item.data(KeyRole))
