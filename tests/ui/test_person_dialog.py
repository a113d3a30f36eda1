"""Person details driven like a user: select a row in the board or staff tab, click
"Edit person…", change the details, OK; a refused value keeps the dialog and the input;
undo restores the old details."""

from __future__ import annotations

import dataclasses

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop.services import board
from finsam_desktop.ui.panels.organisation.panel import OrganisationPanel
from finsam_desktop.ui.panels.organisation.person_dialog import PersonDialog

pytestmark = pytest.mark.gui

NAME = "Ledamot Aby kommun"


@pytest.fixture
def panel(full_ctx, qtbot):
    panel = OrganisationPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_tab("board")
    return panel


def _person(ctx, name: str):
    return next(p for p in board.list_people(ctx.store) if p.name == name)


def _select(tab, name: str) -> None:
    names = [getattr(row, "person", None) or getattr(row, "name", None)
             for row in tab.model.rows()]
    tab.view.selectRow(names.index(name))


def _open(tab, name: str) -> PersonDialog:
    _select(tab, name)
    assert tab.person_button.isEnabled()
    tab.person_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    return dialog


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_button_is_enabled_only_with_a_selected_row(panel):
    tab = panel.board_tab
    assert not tab.person_button.isEnabled()
    assert "Select a row" in tab.person_strip.label.text()
    _select(tab, NAME)
    assert tab.person_button.isEnabled()
    assert NAME in tab.person_strip.label.text()


def test_edit_email_and_party_of_a_seat_holder_then_undo(panel, full_ctx):
    tab = panel.board_tab
    before = _person(full_ctx, NAME)
    dialog = _open(tab, NAME)
    assert dialog.name.text() == NAME
    assert "never participants" in dialog.privacy.text() and dialog.privacy.isVisible()
    dialog.email.setText("anna.ek@aby.se")
    dialog.party.setText("S")
    _ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    after = _person(full_ctx, NAME)
    assert (after.email, after.political_party) == ("anna.ek@aby.se", "S")
    assert after == dataclasses.replace(before, email="anna.ek@aby.se", political_party="S")
    # the row stays selected and the line under the table shows the new details
    assert tab.person_button.isEnabled()
    assert "anna.ek@aby.se" in tab.person_strip.label.text()
    row = [r.person for r in tab.model.rows()].index(NAME)
    tooltip = tab.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "anna.ek@aby.se" in tooltip and "Party: S" in tooltip
    assert full_ctx.undo_stack.count() == 1
    full_ctx.undo_stack.undo()
    assert _person(full_ctx, NAME) == before
    assert "anna.ek@aby.se" not in tab.person_strip.label.text()
    full_ctx.undo_stack.redo()
    assert _person(full_ctx, NAME).email == "anna.ek@aby.se"


def test_empty_name_is_refused_and_the_input_is_kept(panel, full_ctx):
    tab = panel.board_tab
    before = board.list_people(full_ctx.store)
    dialog = _open(tab, NAME)
    dialog.name.setText("  ")
    dialog.email.setText("anna.ek@aby.se")
    dialog.phone.setText("070-123 45 67")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "Name must be filled in" in dialog.error.text()
    assert (dialog.name.text(), dialog.email.text(), dialog.phone.text()) == (
        "  ", "anna.ek@aby.se", "070-123 45 67")
    assert board.list_people(full_ctx.store) == before
    assert full_ctx.undo_stack.count() == 0
    dialog.name.setText("Anna Ek")  # corrected: now it saves
    _ok(dialog)
    assert not dialog.isVisible()
    assert _person(full_ctx, "Anna Ek").phone == "070-123 45 67"
    assert "Anna Ek" in [r.person for r in tab.model.rows()]


def test_cancel_changes_nothing(panel, full_ctx):
    tab = panel.board_tab
    before = board.list_people(full_ctx.store)
    dialog = _open(tab, NAME)
    dialog.email.setText("x@y.se")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert board.list_people(full_ctx.store) == before
    assert full_ctx.undo_stack.count() == 0


def test_edit_a_staff_member_with_swedish_letters(panel, full_ctx):
    panel.show_tab("staff")
    tab = panel.staff_tab
    dialog = _open(tab, "Karin Chef")
    dialog.name.setText("Karin Åström")
    dialog.title.setText("Förbundschef")
    dialog.phone.setText("019-12 34 56")
    _ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    person = _person(full_ctx, "Karin Åström")
    assert (person.title, person.phone) == ("Förbundschef", "019-12 34 56")
    assert [r.name for r in tab.model.rows()] == ["Karin Åström"]
    assert "019-12 34 56" in tab.person_strip.label.text()
    full_ctx.undo_stack.undo()
    assert [r.name for r in tab.model.rows()] == ["Karin Chef"]


def test_markup_in_details_is_shown_as_text(panel, full_ctx):
    tab = panel.board_tab
    dialog = _open(tab, NAME)
    dialog.title.setText("Chef <IFO> & ordförande")
    _ok(dialog)
    assert "Chef &lt;IFO&gt; &amp; ordförande" in tab.person_strip.label.text()


def test_a_person_removed_meanwhile_is_reported(panel, modals):
    assert panel.board_tab.people.open(999_999) is None
    assert modals.errors == ["This person is no longer registered."]


def test_button_and_hint_follow_the_language(panel):
    from finsam_desktop.ui import translation

    translation.set_language("sv")
    tab = panel.board_tab
    assert tab.person_button.text() == "Ändra person…"
    assert "Markera en rad" in tab.person_strip.label.text()
    dialog = _open(tab, NAME)
    assert "aldrig deltagare" in dialog.privacy.text()
