"""Opening an overview item where it is handled: the panel, its tab, the year and the record
a `domain.overview.Target` names (the main window calls `open_target` when the overview's
`sig_open_target` fires), through the panels' own `show_year`, `show_tab`, `select` and
`show_paragraph`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.overview import Target
from finsam_desktop.i18n import _
from finsam_desktop.services import budget, meetings
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.panels.base import Panel


def open_target(window: Any, target: Target) -> Panel | None:
    """Show `target`'s panel, tab and record in `window` (the main window: `show_panel`,
    `ctx`); a record removed meanwhile is a message. Returns the panel shown (None if it
    is not available)."""
    panel = window.show_panel(target.panel)
    if panel is None:
        return None
    show = _SHOW.get(target.panel)
    try:
        if show is not None:
            show(panel, target, window.ctx.require_store())
        elif target.tab:
            panel.show_tab(target.tab)  # type: ignore[attr-defined]
    except FinsamError as error:
        dialogs.show_error(window, _("This could not be shown"), str(error))
    return panel


def _meetings(panel: Any, target: Target, store: Store) -> None:
    if target.record_id is None:
        return
    if target.item_id is not None:
        panel.show_paragraph(target.record_id, target.item_id)
        return
    meeting = meetings.get_meeting(store, target.record_id)
    panel.meeting_list.select_meeting(meeting)
    if target.tab:
        panel.show_tab(target.tab)


def _decisions(panel: Any, target: Target, _store: Store) -> None:
    panel.show_tab(target.tab or "decisions")
    if target.tab == "delegation":
        return
    tab = panel.decisions_tab
    filters = tab.filters
    index = filters.year.findData(target.year) if target.year is not None else 0
    filters.year.setCurrentIndex(max(index, 0))  # 0: all years
    if filters.overdue.isChecked() != target.overdue_only:
        filters.overdue.setChecked(target.overdue_only)  # re-queries the register
    tab.reload()
    if target.record_id is not None:
        tab.select_decision(target.record_id)


def _activities(panel: Any, target: Target, _store: Store) -> None:
    if target.record_id is not None:
        if all(row.activity.id != target.record_id for row in panel.model.rows()):
            panel.show_year(None)  # e.g. finished last year: look in all years
        panel.select(target.record_id)
    if target.tab:
        panel.show_tab(target.tab)


def _budget(panel: Any, target: Target, store: Store) -> None:
    if target.year is not None and target.year in budget.years(store):
        panel.show_year(target.year)
    if target.tab:
        panel.show_tab(target.tab)


def _annual(panel: Any, target: Target, _store: Store) -> None:
    if target.year is not None and not panel.show_year(target.year):
        return  # a refused edit stays on screen to be fixed
    if target.tab:
        panel.show_tab(target.tab)


_SHOW: dict[str, Callable[[Any, Target, Store], None]] = {
    "meetings": _meetings, "decisions": _decisions, "activities": _activities,
    "budget": _budget, "annual": _annual,
}
