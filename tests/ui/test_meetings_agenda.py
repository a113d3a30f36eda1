"""Meetings panel, before and at the meeting: plan, agenda items with attachments, the
summons (late warning), removal, starting the minutes and attendance with serving deputies."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from finsam_desktop.domain.meetings import MeetingStatus, Presence
from finsam_desktop.services import meetings, minutes
from finsam_desktop.ui.panels.meetings.attendance_model import NOT_PRESENT, REMOTE
from tests.ui.meeting_steps import (
    MEETING_DAY,
    attendance_row,
    ok,
    plan_meeting,
    set_presence,
    start_minutes,
)

pytestmark = pytest.mark.gui


def test_plan_meeting_lists_it_with_the_standard_agenda(meetings_panel, full_ctx):
    plan_meeting(meetings_panel)
    summary = meetings_panel.meeting_list.model.rows()[0]
    assert summary.meeting.date.isoformat() == MEETING_DAY
    assert summary.status is MeetingStatus.PLANNED
    assert meetings_panel.meeting_list.selected_id() == summary.meeting.id
    titles = [r.item.title for r in meetings_panel.agenda_tab.model.rows()]
    assert titles[0] == "Opening of the meeting" and titles[-1] == "Closing of the meeting"
    assert meetings_panel.agenda_tab.form.place.text() == "Förbundets kansli, Örebro"
    full_ctx.undo_stack.undo()
    assert meetings_panel.meeting_list.model.rowCount() == 0
    full_ctx.undo_stack.redo()
    assert [s.meeting.id for s in meetings_panel.meeting_list.model.rows()] == [
        summary.meeting.id]
    assert len(meetings_panel.agenda_tab.model.rows()) == len(titles)


def test_bad_time_is_refused_in_the_plan_dialog(meetings_panel):
    dialog = meetings_panel.meeting_list.open_plan_dialog()
    dialog.start_time.setText("9")
    ok(dialog)
    assert dialog.isVisible() and "HH:MM" in dialog.error.text()
    dialog.reject()


def test_add_item_with_attachments_edit_and_move(meetings_panel, full_ctx, modals):
    plan_meeting(meetings_panel)
    tab = meetings_panel.agenda_tab
    tab.view.selectRow(0)
    dialog = tab.open_item_dialog(None)
    dialog.title.setText("Ansökan om medel: Steg för steg")
    dialog.dnr.setText("2026/14")
    dialog.proposal.setPlainText("Styrelsen beviljar 250 000 kr.")
    dialog.attach_title.setText("Ansökan")
    dialog.attach_path.setText("/delad/ansökan.pdf")
    dialog.attach_button.click()
    modals.paths.append("/delad/Budget 2027.xlsx")
    dialog.file_button.click()
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    row = tab.model.rows()[-1]
    assert row.item.title == "Ansökan om medel: Steg för steg" and row.item.dnr == "2026/14"
    assert row.attachments == 2
    assert [a.title for a in meetings.list_attachments(full_ctx.store, row.item.id)] == [
        "Ansökan", "Budget 2027"]
    full_ctx.undo_stack.undo()  # one step: the item and both attachments
    assert "Ansökan om medel: Steg för steg" not in [r.item.title for r in tab.model.rows()]
    full_ctx.undo_stack.redo()
    tab.select_item(row.item.id)
    count = tab.model.rowCount()
    QTest.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    moved = next(r for r in tab.model.rows() if r.item.id == row.item.id)
    assert moved.item.position == count - 1
    tab.move_selected(-1)
    assert next(r for r in tab.model.rows() if r.item.id == row.item.id).item.position == \
        count - 2
    full_ctx.undo_stack.undo()
    assert next(r for r in tab.model.rows() if r.item.id == row.item.id).item.position == \
        count - 1


def test_meeting_fields_commit_when_left_and_undo(meetings_panel, full_ctx):
    plan_meeting(meetings_panel)
    form = meetings_panel.agenda_tab.form
    form.signing.setText("Kansliet, 2 december 2026")
    form.signing.editingFinished.emit()
    meeting = meetings.get_meeting(full_ctx.store, meetings_panel.current_meeting().id)
    assert meeting.signing_time_place == "Kansliet, 2 december 2026"
    form.end_time.setText("08:00")
    form.end_time.editingFinished.emit()
    assert "end before it starts" in form.error.text()
    assert form.end_time.text() == "08:00"  # kept for fixing
    form.end_time.setText("12:30")
    form.end_time.editingFinished.emit()
    assert not form.error.isVisible()
    full_ctx.undo_stack.undo()
    assert meetings_panel.agenda_tab.form.end_time.text() == "12:00"


def test_send_summons_late_warns(meetings_panel, full_ctx, modals):
    plan_meeting(meetings_panel)
    form = meetings_panel.agenda_tab.form
    assert form.summoned_on.text() == "2026-11-22"  # today by default
    form.summon_button.click()
    assert modals.infos and "later than the 7 days" in modals.infos[-1]
    assert "later than" in form.summons_state.text()
    assert meetings_panel.meeting_list.model.rows()[0].status is MeetingStatus.SUMMONED
    full_ctx.undo_stack.undo()
    assert meetings_panel.meeting_list.model.rows()[0].status is MeetingStatus.PLANNED


def test_summons_in_time_does_not_warn(meetings_panel, modals):
    plan_meeting(meetings_panel, "2026-12-10")
    meetings_panel.agenda_tab.form.summon_button.click()
    assert modals.infos == []
    assert "Sent on" in meetings_panel.agenda_tab.form.summons_state.text()


def test_remove_planned_meeting_asks(meetings_panel, modals):
    plan_meeting(meetings_panel)
    modals.answers.append(False)
    meetings_panel.meeting_list.remove_button.click()
    assert meetings_panel.meeting_list.model.rowCount() == 1
    modals.answers.append(True)
    meetings_panel.meeting_list.remove_button.click()
    assert meetings_panel.meeting_list.model.rowCount() == 0
    assert meetings_panel.current_meeting() is None and meetings_panel.empty.isVisible()


def test_start_minutes_numbers_and_absent_member_gets_deputy(meetings_panel, full_ctx,
                                                              modals):
    plan_meeting(meetings_panel)
    meetings_panel.show_tab("attendance")
    tab = meetings_panel.attendance_tab
    assert tab.start_button.isVisible()
    start_minutes(meetings_panel, modals)
    assert "numbers" in modals.questions[-1]
    assert not tab.start_button.isVisible()
    assert meetings_panel.agenda_tab.model.rows()[0].number == "§ 1"
    assert tab.quorum.text() == "Quorum: 5 of 5 members serving (more than half needed)"
    set_presence(meetings_panel, "Ledamot Aby kommun", Presence.APOLOGIES)
    assert tab.quorum.text().startswith("Quorum: 4 of 5")
    set_presence(meetings_panel, "Ersättare Aby kommun", Presence.PRESENT)
    serving = tab.model.rows()[attendance_row(meetings_panel, "Ersättare Aby kommun")].serving
    assert serving == "Serving for Ledamot Aby kommun"
    assert tab.quorum.text().startswith("Quorum: 5 of 5")
    model = tab.model
    row = attendance_row(meetings_panel, "Ledamot Bby kommun")
    assert model.setData(model.index(row, REMOTE), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(model.index(row, NOT_PRESENT), "nio", Qt.ItemDataRole.EditRole)
    assert "not a list of paragraph numbers" in tab.error.text()
    assert model.setData(model.index(row, NOT_PRESENT), "9-11", Qt.ItemDataRole.EditRole)
    attendee = next(a for a in minutes.list_attendance(full_ctx.store,
                                                       meetings_panel.current_meeting().id)
                    if a.name == "Ledamot Bby kommun")
    assert attendee.remote and attendee.not_present == "9-11"
    full_ctx.undo_stack.undo()
    assert model.rows()[row].attendee.not_present == ""


def test_presence_combo_editor_commits(meetings_panel, modals, qtbot):
    plan_meeting(meetings_panel)
    start_minutes(meetings_panel, modals)
    meetings_panel.show_tab("attendance")
    tab = meetings_panel.attendance_tab
    row = attendance_row(meetings_panel, "Ledamot Region Test")
    index = tab.model.index(row, 3)
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.indexWidget(index) or tab.view.focusWidget()
    editor.setCurrentIndex(editor.findData(Presence.ABSENT))
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rows()[row].attendee.presence is Presence.ABSENT)
    assert tab.quorum.text().startswith("Quorum: 4 of 5")


def test_others_present_added_and_removed(meetings_panel, modals):
    plan_meeting(meetings_panel)
    start_minutes(meetings_panel, modals)
    tab = meetings_panel.attendance_tab
    tab.other_name.setText("Åsa Öberg")
    tab.other_title.setText("Samordnare")
    tab.add_other_button.click()
    names = [r.attendee.name for r in tab.model.rows()]
    assert names[-1] == "Åsa Öberg" and "Karin Chef" in names
    tab.view.selectRow(len(names) - 1)
    tab.remove_other_button.click()
    assert "Åsa Öberg" not in [r.attendee.name for r in tab.model.rows()]
