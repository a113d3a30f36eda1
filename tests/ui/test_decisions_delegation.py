"""Decisions panel, delegation tab: add a line of the delegation order through its dialog,
log a decision under it and find it in the next planned meeting's "Report of delegated
decisions" item; the log says where it is reported; undo and removal."""

from __future__ import annotations

import datetime as dt

import pytest

from finsam_desktop.formatting import format_money
from finsam_desktop.services import delegation, meetings
from tests.meeting_factories import plan
from tests.ui.meeting_steps import ok

pytestmark = pytest.mark.gui

NEXT_MEETING = dt.date(2026, 12, 10)


@pytest.fixture
def tab(full_ctx, qtbot):
    from finsam_desktop.ui.panels.decisions.panel import DecisionsPanel

    plan(full_ctx.require_store(), NEXT_MEETING)
    panel = DecisionsPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show_tab("delegation")
    with qtbot.waitExposed(panel):
        panel.show()
    widget = panel.delegation_tab
    widget.panel = panel  # keep the panel (and its Python wrapper) alive
    return widget


def add_line(tab, limit: str = "50 000") -> None:
    dialog = tab.open_delegation_dialog(None)
    dialog.delegate.setText("Förbundschef")
    dialog.matter_type.setText("Inköp utanför ramavtal")
    dialog.amount.setText(limit)
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()


def delegation_item(store):
    meeting = next(s.meeting for s in meetings.list_meetings(store, 2026)
                   if s.meeting.date == NEXT_MEETING)
    return next(i for i in meetings.list_items(store, meeting.id)
                if i.title == "Report of delegated decisions")


def test_add_a_line_and_log_a_decision_that_goes_to_the_next_meeting(tab, full_ctx):
    store = full_ctx.require_store()
    assert not tab.log_button.isEnabled()  # no delegation order yet
    add_line(tab)
    line = delegation.list_delegations(store)[0]
    assert (line.delegate, line.amount_limit_ore, line.report_to_board) == (
        "Förbundschef", 5_000_000, True)
    assert tab.order_model.rowCount() == 1
    assert tab.order_model.data(tab.order_model.index(0, 2)) == format_money(5_000_000)
    tab.order_view.selectRow(0)
    dialog = tab.open_log_dialog()
    assert dialog.decided_by.text() == "Förbundschef"
    dialog.matter.setText("Köp av utbildning i motiverande samtal")
    dialog.dnr.setText("2026/31")
    dialog.amount.setText("12 500")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    logged = delegation.list_decisions(store)
    assert len(logged) == 1 and logged[0].amount_ore == 1_250_000
    item = delegation_item(store)
    assert "Köp av utbildning i motiverande samtal" in item.background
    assert logged[0].reported_item_id == item.id
    reported = tab.log_model.data(tab.log_model.index(0, 5))
    assert reported.startswith("agenda item") and "2026-12-10" in reported
    full_ctx.undo_stack.undo()
    assert delegation.list_decisions(store) == []
    assert "motiverande" not in delegation_item(store).background
    full_ctx.undo_stack.redo()
    assert "motiverande" in delegation_item(store).background
    assert tab.log_model.rowCount() == 1


def test_an_amount_above_the_limit_is_refused_in_the_dialog(tab, full_ctx):
    add_line(tab, limit="10 000")
    dialog = tab.open_log_dialog()
    dialog.matter.setText("Stor beställning")
    dialog.amount.setText("20 000")
    ok(dialog)
    assert dialog.isVisible() and "limit" in dialog.error.text()
    dialog.reject()
    assert delegation.list_decisions(full_ctx.require_store()) == []


def test_edit_and_remove_a_line(tab, full_ctx, modals):
    store = full_ctx.require_store()
    add_line(tab)
    tab.order_view.selectRow(0)
    dialog = tab.open_delegation_dialog(tab.order_model.record(0))
    assert dialog.amount.text() == format_money(5_000_000, unit=False)
    dialog.report.setChecked(False)
    ok(dialog)
    assert not delegation.list_delegations(store)[0].report_to_board
    tab.order_view.selectRow(0)
    modals.answers.append(True)
    tab.remove_selected_delegation()
    assert delegation.list_delegations(store) == []
    full_ctx.undo_stack.undo()
    assert len(delegation.list_delegations(store)) == 1


def test_a_line_with_decisions_cannot_be_removed(tab, full_ctx, modals):
    add_line(tab)
    tab.order_view.selectRow(0)
    dialog = tab.open_log_dialog()
    dialog.matter.setText("Remissvar")
    ok(dialog)
    tab.order_view.selectRow(0)
    modals.answers.append(True)
    tab.remove_selected_delegation()
    assert modals.errors and "ended" in modals.errors[0]
    tab.log_view.selectRow(0)
    modals.answers.append(True)
    tab.remove_selected_decision()
    assert delegation.list_decisions(full_ctx.require_store()) == []
