"""A whole meeting typed from the keyboard, as a secretary on deadline does it: plan, start
the minutes, mark an apology, walk the paragraphs with Ctrl+Down, a motion (Ctrl+M), a
roll-call vote (Ctrl+Shift+V, then J/N), a reservation (Ctrl+R), decisions, and Undo."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from finsam_desktop.domain.meetings import ItemKind, Outcome, Presence
from finsam_desktop.services import meetings, minutes
from tests.ui.meeting_steps import activate, attendance_row

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def _focus() -> object:
    return QApplication.focusWidget()


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(_focus(), key, modifiers)


def _type(text: str) -> None:
    QTest.keyClicks(_focus(), text)  # ASCII only (see NOTES.md)


def test_a_whole_meeting_from_the_keyboard(meetings_panel, full_ctx, modals, qtbot):
    panel = meetings_panel
    # Plan: the button takes Space; the dialog starts in the date field.
    panel.meeting_list.plan_button.setFocus()
    _key(Qt.Key.Key_Space)
    dialog = panel.meeting_list.dialog
    assert dialog is not None and dialog.isVisible()
    activate(dialog)
    dialog.date.setFocus()
    dialog.date.selectAll()
    _type("2026-11-25")
    _key(Qt.Key.Key_Tab)  # kind
    _key(Qt.Key.Key_Tab)
    _type("09:00")
    _key(Qt.Key.Key_Tab)
    _type("12:00")
    _key(Qt.Key.Key_Tab)
    _type("Kansliet")
    _key(Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error.text()
    meeting = panel.current_meeting()
    assert meeting.place == "Kansliet" and meeting.start_time == "09:00"
    activate(panel)
    # Start the minutes from the attendance tab.
    panel.show_tab("attendance")
    panel.attendance_tab.start_button.setFocus()
    modals.answers.append(True)
    _key(Qt.Key.Key_Space)
    assert panel.current_meeting().held
    # Ledamot Aby sends apologies: F2 on the presence cell, Down, Enter.
    view = panel.attendance_tab.view
    row = attendance_row(panel, "Ledamot Aby kommun")
    view.setFocus()
    view.setCurrentIndex(panel.attendance_tab.model.index(row, 3))
    _key(Qt.Key.Key_F2)
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Return)  # the view commits the editor's value on the next event loop
    qtbot.waitUntil(lambda: panel.attendance_tab.model.rows()[row].attendee.presence
                    is Presence.APOLOGIES)
    # Minutes: the title field, then Ctrl+Down to § 4 (approval of the agenda).
    panel.show_tab("minutes")
    tab = panel.minutes_tab
    editor = tab.editor
    tab.view.selectRow(0)
    editor.title.setFocus()
    for _step in range(3):
        _key(Qt.Key.Key_Down, CTRL)
    assert tab.current_item().title == "Approval of the agenda"
    assert editor.title.hasFocus()
    # A motion: Ctrl+M, choose the mover by typing, Tab to the text, Tab, Enter.
    _key(Qt.Key.Key_M, CTRL)
    motion = editor.motions.dialog
    activate(motion)
    motion.mover.setFocus()
    for _step in range(motion.mover.findText("Ledamot Region Test")):
        _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Tab)
    _type("Avslag")
    _key(Qt.Key.Key_Tab)
    _key(Qt.Key.Key_Return)
    assert not motion.isVisible(), motion.error.text()
    activate(panel)
    item_id = tab.current_item().id
    assert [(m.mover_name, m.text) for m in minutes.list_motions(full_ctx.store, item_id)] == [
        ("Ledamot Region Test", "Avslag")]
    # A roll-call vote: Ctrl+Shift+V, J J J N, Enter (the serving deputy is not present,
    # so four voters).
    editor.title.setFocus()
    _key(Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    vote = editor.votes.dialog
    activate(vote)
    vote.table.setFocus()
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_N):
        _key(key)
    _key(Qt.Key.Key_Return)
    assert not vote.isVisible(), vote.error.text()
    activate(panel)
    (recorded, _ballots), = minutes.list_votes(full_ctx.store, item_id)
    assert (recorded.yes, recorded.no) == (3, 1)
    # A reservation by the one who voted no: Ctrl+R, Tab to the person, type, Enter.
    editor.title.setFocus()
    _key(Qt.Key.Key_R, CTRL)
    reservation = editor.statements.dialog
    activate(reservation)
    reservation.person.setFocus()
    no_voter = next(b.name for b in _ballots if b.choice.value == "no")
    for _step in range(reservation.person.findText(no_voter)):
        _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Tab)  # the written reason comes later: leave the text empty
    _key(Qt.Key.Key_Tab)
    assert reservation.received.hasFocus()
    _key(Qt.Key.Key_Return)
    assert not reservation.isVisible(), reservation.error.text()
    activate(panel)
    assert [s.name for s in minutes.list_statements(full_ctx.store, item_id)] == [no_voter]
    # The decision text, then the outcome by its first letter; Tab commits.
    editor.decision.setFocus()
    _type("Dagordningen godkanns.")
    editor.outcome.setFocus()
    _key(Qt.Key.Key_D)
    editor.outcome.setFocus()
    stored = next(i for i in meetings.list_items(full_ctx.store, meeting.id) if i.id == item_id)
    assert stored.decision == "Dagordningen godkanns." and stored.outcome is Outcome.DECIDED
    # Undo (Ctrl+Z through the stack) takes back the outcome, redo puts it back.
    full_ctx.undo_stack.undo()
    stored = next(i for i in meetings.list_items(full_ctx.store, meeting.id) if i.id == item_id)
    assert stored.outcome is Outcome.NONE and editor.outcome.currentData() == Outcome.NONE
    full_ctx.undo_stack.redo()
    assert editor.outcome.currentData() == Outcome.DECIDED
    # Ctrl+N adds a paragraph after this one and puts the cursor in its title.
    _key(Qt.Key.Key_N, CTRL)
    assert tab.current_item().title == "New paragraph" and editor.title.hasFocus()
    _type("Extra: lokaler")
    _key(Qt.Key.Key_Down, CTRL)
    titles = [i.title for i in meetings.list_items(full_ctx.store, meeting.id)]
    assert titles[4] == "Extra: lokaler"
    decisions = [i for i in meetings.list_items(full_ctx.store, meeting.id)
                 if i.kind is ItemKind.DECISION]
    assert any(i.outcome is Outcome.DECIDED for i in decisions)
