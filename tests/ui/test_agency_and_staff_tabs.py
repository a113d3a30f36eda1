"""Agency tab (profile and charter commit on leaving a field; refused values stay visible
with the reason) and staff tab (add a role for a new person, end it)."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop.domain.board import StaffKind
from finsam_desktop.domain.charter import Numbering
from finsam_desktop.services import board, organisation
from finsam_desktop.ui.panels.organisation.panel import OrganisationPanel
from finsam_desktop.ui.widgets.fields import select_data

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(ctx, qtbot):
    panel = OrganisationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _type(edit, text: str) -> None:
    edit.setText(text)
    edit.editingFinished.emit()


def test_profile_field_saves_on_leaving_and_undoes(panel, ctx):
    profile = panel.agency_tab.profile
    _type(profile.edits["notice_place"], "https://example.se/anslagstavla")
    assert organisation.get_agency(ctx.store).notice_place == "https://example.se/anslagstavla"
    ctx.undo_stack.undo()
    assert organisation.get_agency(ctx.store).notice_place == ""
    assert profile.edits["notice_place"].text() == ""


def test_invalid_org_number_is_kept_with_the_reason(panel, ctx):
    profile = panel.agency_tab.profile
    _type(profile.edits["org_number"], "123")
    assert profile.error.isVisible() and "123" in profile.error.text()
    assert profile.edits["org_number"].text() == "123"  # nothing lost silently
    assert organisation.get_agency(ctx.store).org_number == "222000-0018"
    _type(profile.edits["org_number"], "2220000018")
    assert not profile.error.isVisible()
    assert profile.edits["org_number"].text() == "222000-0018"


def test_party_shares_save_once_they_add_up(panel, ctx):
    charter = panel.agency_tab.charter
    _type(charter.editors["state_share_ppm"], "40")
    assert "100 %" in charter.error.text()
    assert organisation.get_charter(ctx.store).state_share_ppm == 500_000
    _type(charter.editors["region_share_ppm"], "35")
    assert not charter.error.isVisible()
    saved = organisation.get_charter(ctx.store)
    assert (saved.state_share_ppm, saved.region_share_ppm) == (400_000, 350_000)


def test_combo_and_checkbox_commit_at_once(panel, ctx):
    charter = panel.agency_tab.charter
    combo = charter.editors["paragraph_numbering"]
    select_data(combo, Numbering.MEETING)
    combo.activated.emit(combo.currentIndex())
    charter.editors["municipality_outside_region"].click()
    saved = organisation.get_charter(ctx.store)
    assert saved.paragraph_numbering is Numbering.MEETING and saved.municipality_outside_region
    assert ctx.undo_stack.count() == 2


def test_add_staff_role_for_a_new_person_and_end_it(panel, ctx, qtbot):
    tab = panel.staff_tab
    dialog = tab.open_editor(None)
    dialog.person.lineEdit().setText("Åsa Öberg")
    select_data(dialog.kind, StaffKind.SECRETARY)
    dialog.title.setText("Nämndsekreterare")
    dialog.from_date.setText("2024-01-01")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    [role] = board.list_staff(ctx.store)
    assert role.kind is StaffKind.SECRETARY and tab.model.rowCount() == 1
    tab.view.selectRow(0)
    end = tab.open_end_dialog()
    end.date.setText("2026-01-31")
    end.accept()
    assert board.list_staff(ctx.store)[0].to_date == dt.date(2026, 1, 31)
    assert tab.model.rowCount() == 0  # ended roles are hidden unless asked for
    tab.show_ended.setChecked(True)
    assert tab.model.rowCount() == 1
