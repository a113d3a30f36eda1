"""The overview panel in the main window: the next meeting, what needs doing (a click opens
the right panel, tab and record), the year at a glance loaded after the panel is shown, the
governance year with its calendar export, and the Meetings panel's calendar invitation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest
from icalendar import Calendar

from PySide6.QtCore import Qt

from finsam_desktop.domain.activities import Activity, Status
from finsam_desktop.domain.budget import Focus
from finsam_desktop.domain.decisions import Delegation, DelegationDecision, FollowUpStatus
from finsam_desktop.domain.governance_year import EventKind
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.overview import Kind, Severity
from finsam_desktop.services import (
    activities,
    budget,
    decisions,
    delegation,
    meetings,
    minutes,
    organisation,
)
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.panels.overview.panel import OverviewPanel
from tests.factories import TODAY
from tests.meeting_factories import held_and_sealed, plan
from tests.ui.conftest import _new_file, populate

pytestmark = pytest.mark.gui


def prepare(store):
    """Last year's meeting; minutes to post, minutes to sign, a meeting to summon; an
    overdue follow-up, a delegation decision, an activity's final report, a budget."""
    last_year = held_and_sealed(store, dt.date(2025, 11, 20), "Ansökan: Steg till arbete")
    granted = next(i for i in meetings.list_items(store, last_year.id)
                   if i.kind is ItemKind.DECISION and i.title.startswith("Ansökan"))
    to_post = held_and_sealed(store, TODAY - dt.timedelta(days=20), "Uppdrag till kansliet")
    to_sign = plan(store, TODAY - dt.timedelta(days=16), "Information")
    minutes.start_minutes(store, to_sign.id)
    coming = plan(store, TODAY + dt.timedelta(days=10), "Verksamhetsplan")
    order = next(i for i in meetings.list_items(store, to_post.id)
                 if i.title == "Uppdrag till kansliet")
    decisions.save_followup(store, dataclasses.replace(
        decisions.get_followup(store, order.id), due_on=TODAY - dt.timedelta(days=5),
        status=FollowUpStatus.IN_PROGRESS, responsible="Karin Chef"))
    line, _ = delegation.add_delegation(store, Delegation(0, "Förbundschef", "Inköp"))
    delegation.log_decision(store, DelegationDecision(0, line.id, TODAY, "Karin Chef",
                                                      "Inköp av utbildning"))
    members = organisation.list_members(store)
    fk = next(m for m in members if m.name == "Försäkringskassan")
    town = next(m for m in members if m.name == "Aby kommun")
    activities.add_activity(store, Activity(
        0, "Steg till arbete", Focus.INDIVIDUAL, lead_member_id=town.id,
        start_on=dt.date(2025, 1, 1), end_on=dt.date(2026, 9, 30), status=Status.FINISHED,
        final_report_on=TODAY + dt.timedelta(days=10), granted_item_id=granted.id),
        [town.id, fk.id])
    budget.create_year(store, 2026, contributions_ore=10_000_000_00)
    return {"last_year": last_year, "to_post": to_post, "to_sign": to_sign, "coming": coming,
            "order": order}


@pytest.fixture
def prepared(tmp_path):
    store = _new_file(tmp_path / "overview.finsam")
    populate(store)
    records = prepare(store)
    yield store, records
    store.close()


@pytest.fixture
def window(prepared, ui_settings, qtbot):
    store, _records = prepared
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.set_store(store)
    with qtbot.waitExposed(win):
        win.show()
    yield win
    ctx.replace_store(None)


def overview_of(window) -> OverviewPanel:
    panel = window.panels["overview"]
    assert isinstance(panel, OverviewPanel)
    return panel


def click_action(qtbot, window, kind: Kind):
    """Click the (first) line of `kind` in the actions list, as a user would; returns it."""
    tab = overview_of(window).today_tab
    window.show_panel("overview")
    overview_of(window).show_tab("today")
    rows = tab.model.rows()
    row = next(i for i, item in enumerate(rows) if item.kind is kind)
    view = tab.view
    rect = view.visualRect(tab.model.index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return rows[row]


def test_the_file_opens_on_the_overview_with_what_is_next_and_late(window, prepared):
    _store, records = prepared
    assert window.current_panel_key() == "overview"
    panel = overview_of(window)
    assert panel.name_label.text() == "Samordningsförbundet Test"
    assert panel.current_tab() == "today"
    card = panel.today_tab.next_card
    assert card.date_label.text() == "Wednesday 2 December 2026"
    assert "in 10 days" in card.when_label.text()
    assert card.summons_label.text() == "Summons not sent yet: due by 2026-11-25."
    assert card.agenda_label.text() == "12 items on the agenda"
    rows = panel.today_tab.model.rows()
    kinds = {item.kind: item.severity for item in rows}
    assert kinds == {Kind.NOTICE: Severity.LATE, Kind.SIGNING: Severity.LATE,
                     Kind.FOLLOW_UP: Severity.LATE, Kind.ANNUAL_REPORT: Severity.LATE,
                     Kind.SUMMONS: Severity.DUE, Kind.ACTIVITY_REPORT: Severity.DUE,
                     Kind.BUDGET: Severity.DUE, Kind.DELEGATION: Severity.INFO}
    assert [r.severity for r in rows] == sorted((r.severity for r in rows),
                                                key=["late", "due", "info"].index)
    assert panel.today_tab.actions_heading.text() == "What needs doing: 5 late, 3 to do"
    model = panel.today_tab.model
    assert model.index(0, 0).data() == "Late"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#fde3e3"
    assert records["to_post"].id in {r.target.record_id for r in rows}


@pytest.mark.parametrize(("kind", "panel", "tab"), [
    (Kind.NOTICE, "meetings", "signing"),
    (Kind.SIGNING, "meetings", "signing"),
    (Kind.SUMMONS, "meetings", "agenda"),
])
def test_a_meeting_line_opens_the_meeting_on_the_right_tab(qtbot, window, prepared, kind,
                                                            panel, tab):
    _store, records = prepared
    clicked = click_action(qtbot, window, kind)
    assert window.current_panel_key() == panel
    meetings_panel = window.panels["meetings"]
    assert meetings_panel.tabs.currentWidget() is meetings_panel._tabs[tab]
    assert meetings_panel.current_meeting().id == clicked.target.record_id
    expected = {Kind.NOTICE: "last_year", Kind.SIGNING: "to_sign", Kind.SUMMONS: "coming"}[kind]
    assert clicked.target.record_id == records[expected].id  # the oldest first


def test_the_follow_up_line_opens_the_overdue_decision(qtbot, window, prepared):
    _store, records = prepared
    click_action(qtbot, window, Kind.FOLLOW_UP)
    assert window.current_panel_key() == "decisions"
    tab = window.panels["decisions"].decisions_tab
    assert window.panels["decisions"].tabs.currentWidget() is tab
    assert tab.filters.overdue.isChecked()
    assert tab.selected().item_id == records["order"].id


def test_other_lines_open_delegation_activity_budget_and_annual_report(qtbot, window):
    click_action(qtbot, window, Kind.DELEGATION)  # on the coming meeting's agenda
    assert window.current_panel_key() == "meetings"
    assert window.panels["meetings"].agenda_tab.view.selectionModel().selectedRows()
    click_action(qtbot, window, Kind.ACTIVITY_REPORT)
    assert window.current_panel_key() == "activities"
    assert window.panels["activities"].selected().name == "Steg till arbete"
    click_action(qtbot, window, Kind.BUDGET)
    assert window.current_panel_key() == "budget"
    budget_panel = window.panels["budget"]
    assert budget_panel.tabs.currentWidget() is budget_panel.plan_tab
    click_action(qtbot, window, Kind.ANNUAL_REPORT)
    assert window.current_panel_key() == "annual"
    annual_panel = window.panels["annual"]
    assert annual_panel.shown_year() == 2025
    assert annual_panel.tabs.currentWidget() is annual_panel.signing_tab


def test_the_overview_follows_changes(window, prepared):
    store, records = prepared
    panel = overview_of(window)
    _meeting, changes = meetings.summon(store, records["coming"].id, TODAY)
    window.ctx.events.changed.emit(changes)
    card = panel.today_tab.next_card
    assert card.summons_label.text() == "Summons sent 2026-11-22."
    assert Kind.SUMMONS not in {r.kind for r in panel.today_tab.model.rows()}


def test_the_charts_load_after_the_panel_is_shown(window, qtbot):
    glance = overview_of(window).today_tab.glance
    qtbot.waitUntil(glance.is_loaded, timeout=10_000)
    assert "pyqtgraph" in sys.modules
    assert all(box.chart is not None for box in glance.boxes())
    assert glance.budget.text.text().startswith("No actuals booked for 2026 yet.")
    assert "Forecast result:" in glance.budget.text.text()
    assert glance.participants.text.text() == "0 started, none finished yet."
    picture = glance.budget.picture
    assert not picture.pixmap().isNull() and picture.pixmap().width() > 200
    assert "Budget\n  Income: " in picture.toolTip() and "Forecast\n" in picture.toolTip()
    assert "Budget" in glance.budget.legend.text() and glance.budget.legend.isVisible()
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: abs(picture.pixmap().width() - picture.width()) <= 8,
                    timeout=5_000)  # drawn anew at the new size once the resizing pauses
    glance.budget.link.linkActivated.emit("#")
    assert window.current_panel_key() == "budget"


def test_a_hidden_overview_loads_nothing_until_shown(prepared, ui_settings, qtbot):
    store, _records = prepared
    panel = OverviewPanel(AppContext.create(store, ui_settings))
    qtbot.addWidget(panel)
    glance = panel.today_tab.glance
    assert not glance.is_loaded() and not glance.timer.isActive()
    assert glance.budget.placeholder.text() == "Loading the figures…"
    panel.finish_deferred()
    assert glance.is_loaded() and glance.equity.chart is not None
    panel._ctx.store = None


def test_the_governance_year_opens_events_and_exports_the_calendar(qtbot, window, prepared,
                                                                   modals, tmp_path):
    _store, records = prepared
    panel = overview_of(window)
    panel.show_tab("year")
    tab = panel.year_tab
    assert tab.shown_year() == 2026 and tab.year_combo.currentData() == 2026
    december = tab.cards[11]
    lines = [line.text() for line in december.lines]
    assert "2  • Board meeting 09:00" in lines
    assert tab.cards[10].title.text() == "November 2026"
    [summons] = [line for line in tab.cards[10].lines
                 if line.year_event.kind is EventKind.SUMMONS]
    assert summons.text() == "25  • Last day to send the summons for the meeting on 2 Dec"
    qtbot.mouseClick(summons, Qt.MouseButton.LeftButton)
    assert window.current_panel_key() == "meetings"
    assert window.panels["meetings"].current_meeting().id == records["coming"].id
    window.show_panel("overview")
    modals.paths = [str(tmp_path / "arshjul")]
    tab.export_button.click()
    written = tmp_path / "arshjul.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(tab.events())
    assert "Saved:" in tab.message.text() and modals.errors == []
    index = tab.year_combo.findData(2025)
    tab.year_combo.setCurrentIndex(index)
    tab.year_combo.activated.emit(index)
    assert tab.shown_year() == 2025
    assert any(e.day == dt.date(2025, 11, 20) for e in tab.events())


def test_calendar_invitations_from_the_overview_and_the_meetings_panel(qtbot, window,
                                                                       prepared, modals,
                                                                       tmp_path):
    _store, records = prepared
    card = overview_of(window).today_tab.next_card
    modals.paths = [str(tmp_path / "invite.ics")]
    card.invite_button.click()
    [event] = Calendar.from_ical((tmp_path / "invite.ics").read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART").date() == records["coming"].date
    card.open_button.click()
    assert window.current_panel_key() == "meetings"
    agenda = window.panels["meetings"].agenda_tab
    assert agenda.invite_button.isEnabled() and agenda.invite_button.text() == \
        "Calendar invitation…"
    modals.paths = [str(tmp_path / "from-meetings")]
    agenda.invite_button.click()
    assert (tmp_path / "from-meetings.ics").exists()
    assert "from-meetings.ics" in agenda.busy.label.text()
    modals.paths = [None]  # cancelled: nothing written, nothing said
    agenda.invite_button.click()
    assert modals.errors == []


def test_a_governance_year_line_opens_with_the_keyboard(qtbot, window, prepared):
    _store, records = prepared
    panel = overview_of(window)
    panel.show_tab("year")
    [line] = [line for line in panel.year_tab.cards[11].lines
              if line.year_event.kind is EventKind.MEETING]
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.current_panel_key() == "meetings"
    assert window.panels["meetings"].current_meeting().id == records["coming"].id
