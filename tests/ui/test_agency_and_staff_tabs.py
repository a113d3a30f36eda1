"""Agency tab (profile and charter commit on leaving a field; refused values stay visible
with the reason), staff tab (add a role for a new person, end it) and auditors tab (per
member or joint)."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop.domain.board import AuditorKind, StaffKind
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


def test_register_an_auditor_per_member_and_a_joint_one(full_ctx, qtbot):
    ctx = full_ctx
    panel = OrganisationPanel(ctx)
    qtbot.addWidget(panel)
    tab = panel.auditors_tab
    member = organisation.list_members(ctx.store)[0]
    dialog = tab.open_editor(None)
    dialog.person.lineEdit().setText("Örjan Ek")
    select_data(dialog.member, member.id)
    select_data(dialog.kind, AuditorKind.AUTHORISED)
    dialog.firm.setText("Revision & Granskning AB")
    dialog.from_date.setText("2023-01-01")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    dialog = tab.open_editor(None)
    dialog.person.lineEdit().setText("Sara Lind")
    dialog.member.setCurrentIndex(dialog.member.count() - 1)  # appointed jointly
    dialog.from_date.setText("2024-01-01")
    dialog.to_date.setText("2023-12-31")  # before it starts: refused, nothing lost
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "end before it starts" in dialog.error.text()
    dialog.to_date.setText("")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    first, joint = board.list_auditors(ctx.store)
    assert (first.member_id, first.kind, first.firm) == (
        member.id, AuditorKind.AUTHORISED, "Revision & Granskning AB")
    assert joint.member_id is None and joint.kind is AuditorKind.ELECTED
    shown = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    assert shown == [member.name, "Appointed jointly"]
    edit = tab.open_editor(joint)  # the joint choice is shown again when editing
    assert edit.member.currentData() is None and edit.person.currentText() == "Sara Lind"
    edit.reject()
    ctx.undo_stack.undo()
    assert len(board.list_auditors(ctx.store)) == 1 and tab.model.rowCount() == 1
