"""Board tab driven like a user: add a ledamot and an ersättare (new people typed into the
person box), a blocked cross-representation, the incomplete-board question, end of term."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop.domain.board import BoardFunction, Category, SeatRole
from finsam_desktop.services import board
from finsam_desktop.ui.panels.organisation.panel import OrganisationPanel
from finsam_desktop.ui.widgets.fields import select_data
from tests.factories import TERM_FROM, TODAY, add_members

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(ctx, qtbot):
    add_members(ctx.store)
    panel = OrganisationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_tab("board")
    return panel


@pytest.fixture
def full_panel(full_ctx, qtbot):
    panel = OrganisationPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_tab("board")
    return panel


def _member_id(ctx, name: str) -> int:
    from finsam_desktop.services import organisation

    return next(m.id for m in organisation.list_members(ctx.store) if m.name == name)


def _fill_seat(dialog, ctx, *, person: str, member: str, role: SeatRole) -> None:
    dialog.person.lineEdit().setText(person)
    select_data(dialog.member, _member_id(ctx, member))
    select_data(dialog.role, role)


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _select(tab, person: str) -> None:
    tab.view.selectRow([v.person for v in tab.model.rows()].index(person))


def test_add_ledamot_and_ersattare_with_new_people(panel, ctx, qtbot):
    tab = panel.board_tab
    dialog = tab.open_editor(None)
    assert dialog.term_from.text() == TERM_FROM.isoformat()  # default: start of the term
    qtbot.keyClicks(dialog.person.lineEdit(), "Anna Andersson")
    select_data(dialog.member, _member_id(ctx, "Aby kommun"))
    select_data(dialog.function, BoardFunction.CHAIR)
    assert dialog.category.currentData() == Category.ELECTED
    _ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    dialog = tab.open_editor(None)
    _fill_seat(dialog, ctx, person="Björn Berg", member="Aby kommun", role=SeatRole.DEPUTY)
    dialog.order.setValue(1)
    _ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    seats = board.board_on(ctx.store, TODAY)
    assert [(v.person, v.seat.role, v.seat.function) for v in seats] == [
        ("Anna Andersson", SeatRole.MEMBER, BoardFunction.CHAIR),
        ("Björn Berg", SeatRole.DEPUTY, BoardFunction.NONE)]
    assert [v.person for v in tab.model.rows()] == ["Anna Andersson", "Björn Berg"]
    assert not any("Aby kommun" in m for m in tab.problems.messages())
    ctx.undo_stack.undo()  # one step removes the seat and the person it created
    assert [p.name for p in board.list_people(ctx.store)] == ["Anna Andersson"]
    ctx.undo_stack.redo()
    assert [v.person for v in board.board_on(ctx.store, TODAY)] == ["Anna Andersson",
                                                                      "Björn Berg"]


def test_cross_representation_is_blocked_and_nothing_is_kept(full_panel, full_ctx):
    tab = full_panel.board_tab
    people_before = board.list_people(full_ctx.store)
    dialog = tab.open_editor(None)
    _fill_seat(dialog, full_ctx, person="Cecilia Ek", member="Aby kommun", role=SeatRole.MEMBER)
    select_data(dialog.appointed_by, _member_id(full_ctx, "Bby kommun"))
    _ok(dialog)
    assert dialog.isVisible()
    assert "appointed" in dialog.error.text()
    assert board.list_people(full_ctx.store) == people_before  # the new person was undone
    assert full_ctx.undo_stack.count() == 0


def test_incomplete_board_asks_and_saves_only_when_confirmed(full_panel, full_ctx, modals):
    tab = full_panel.board_tab
    _select(tab, "Ersättare Aby kommun")
    modals.answers = [True, False]  # yes, remove; no, do not leave the board incomplete
    tab.remove_button.click()
    assert "incomplete" in modals.questions[-1]
    assert len(board.board_on(full_ctx.store, TODAY)) == 10
    _select(tab, "Ersättare Aby kommun")
    modals.answers = [True, True]
    tab.remove_button.click()
    assert len(board.board_on(full_ctx.store, TODAY)) == 9
    assert any("no deputy" in m for m in tab.problems.messages())
    assert modals.errors == []


def test_end_term_sets_the_last_day(full_panel, full_ctx, modals):
    tab = full_panel.board_tab
    _select(tab, "Ledamot Bby kommun")
    dialog = tab.open_end_dialog()
    dialog.date.setText("2026-12-31")
    modals.answers = [True]
    dialog.accept()
    assert not dialog.isVisible()
    seat = next(v.seat for v in board.board_on(full_ctx.store, TODAY)
                if v.person == "Ledamot Bby kommun")
    assert seat.term_to == dt.date(2026, 12, 31)


def test_past_date_marks_history_and_history_toggle_lists_all(full_panel):
    tab = full_panel.board_tab
    tab.date.setDate(QDate(2022, 6, 1))
    assert "history" in tab.problems_label.text()
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisible()
    tab.history.setChecked(True)
    assert tab.model.rowCount() == 10

