"""Minuting a paragraph in the minutes tab: motions, a roll-call vote typed with J/N, a tie
and the chair's casting vote, jäv with a deputy stepping in, a reservation, the decision;
the refusal without quorum; undo and redo of a paragraph edit."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from finsam_desktop.domain.meetings import Outcome, Presence, StatementKind, TieBreak
from finsam_desktop.services import meetings, minutes
from finsam_desktop.ui.widgets.fields import select_data
from tests.ui.meeting_steps import (
    activate,
    ok,
    plan_meeting,
    select_paragraph,
    set_outcome,
    set_presence,
    start_minutes,
)

pytestmark = pytest.mark.gui

APPROVAL = "Approval of the agenda"


@pytest.fixture
def minuting(meetings_panel, modals):
    plan_meeting(meetings_panel)
    start_minutes(meetings_panel, modals)
    activate(meetings_panel)
    meetings_panel.show_tab("minutes")
    select_paragraph(meetings_panel, APPROVAL)
    return meetings_panel


def _item(panel, full_ctx):
    tab = panel.minutes_tab
    return next(i for i in meetings.list_items(full_ctx.store, panel.current_meeting().id)
                if i.id == tab.current_item().id)


def test_text_fields_commit_on_leaving_and_undo_redo(minuting, full_ctx):
    editor = minuting.minutes_tab.editor
    editor.decision.setFocus()
    editor.decision.setPlainText("Styrelsen godkänner dagordningen.")
    editor.outcome.setFocus()  # leaving the field stores it
    assert _item(minuting, full_ctx).decision == "Styrelsen godkänner dagordningen."
    assert full_ctx.undo_stack.undoText() == "Edit § 4"
    full_ctx.undo_stack.undo()
    assert _item(minuting, full_ctx).decision == ""
    assert editor.decision.toPlainText() == ""
    full_ctx.undo_stack.redo()
    assert editor.decision.toPlainText() == "Styrelsen godkänner dagordningen."


def test_motion_vote_by_keyboard_reservation_and_decision(minuting, full_ctx, qtbot):
    tab = minuting.minutes_tab
    editor = tab.editor
    editor.title.setFocus()
    QTest.keyClick(editor.title, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.motions.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.mover.setCurrentIndex(dialog.mover.findText("Ledamot Region Test"))
    dialog.text.setPlainText("Avslag på förslaget")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Ledamot Region Test: Avslag på förslaget" in editor.motions.list.item(0).text()
    QTest.keyClick(editor.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    vote = editor.votes.dialog
    assert vote is not None and vote.isVisible()
    assert vote.yes_label.text() == "The proposal"
    assert vote.no_label.text() == "Ledamot Region Test's motion"  # the first motion
    vote.yes_label.setText("Bifall till förslaget")
    vote.no_label.setText("Avslag")
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_N, Qt.Key.Key_N):
        QTest.keyClick(vote.table, key)
    assert vote.counts.text().startswith("Yes 3 · No 2 · Abstains 0")
    ok(vote)
    assert not vote.isVisible(), vote.error.text()
    assert "Result: Bifall till förslaget" in editor.votes.list.item(0).text()
    (recorded, ballots), = minutes.list_votes(full_ctx.store, tab.current_item().id)
    assert (recorded.yes, recorded.no) == (3, 2) and len(ballots) == 5
    no_voter = next(b.name for b in ballots if b.choice.value == "no")
    QTest.keyClick(editor.title, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    statement = editor.statements.dialog
    select_data(statement.kind, StatementKind.RESERVATION)
    statement.person.setCurrentIndex(statement.person.findText(no_voter))
    ok(statement)  # the written reason comes later
    assert not statement.isVisible(), statement.error.text()
    assert "written reason to come" in editor.statements.list.item(0).text()
    editor.decision.setPlainText("Styrelsen godkänner dagordningen.")
    set_outcome(minuting, Outcome.DECIDED)
    item = _item(minuting, full_ctx)
    assert item.outcome is Outcome.DECIDED and item.decision.startswith("Styrelsen")
    assert tab.model.rows()[3].item.outcome is Outcome.DECIDED


def test_tie_asks_for_the_casting_vote(minuting, full_ctx):
    editor = minuting.minutes_tab.editor
    vote = editor.votes.open_vote()
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_A):
        QTest.keyClick(vote.table, key)
    ok(vote)
    assert vote.isVisible() and vote.tie_row.isVisible()
    assert "casting vote" in vote.error.text() and "casting vote" in vote.tie_label.text()
    vote.tie.setCurrentIndex(vote.tie.findData("no"))
    ok(vote)
    assert not vote.isVisible(), vote.error.text()
    (recorded, _ballots), = minutes.list_votes(full_ctx.store, _item(minuting, full_ctx).id)
    assert recorded.tie_break is TieBreak.CASTING_VOTE and recorded.tie_winner == "no"
    assert "casting vote" in editor.votes.list.item(0).text()


def test_jav_lets_the_deputy_serve(minuting, full_ctx):
    minuting.show_tab("attendance")
    set_presence(minuting, "Ersättare Bby kommun", Presence.PRESENT)
    minuting.show_tab("minutes")
    select_paragraph(minuting, APPROVAL)
    jav = minuting.minutes_tab.editor.jav
    row = [jav.list.item(i).text() for i in range(jav.list.count())].index(
        "Ledamot Bby kommun (Bby kommun)")
    jav.list.item(row).setCheckState(Qt.CheckState.Checked)
    assert "Ersättare Bby kommun (for Ledamot Bby kommun)" in jav.serving.text()
    assert [j.name for j in minutes.jav_of_item(full_ctx.store, _item(minuting, full_ctx).id)
            ] == ["Ledamot Bby kommun"]
    full_ctx.undo_stack.undo()
    assert "Ersättare Bby kommun" not in jav.serving.text()
    full_ctx.undo_stack.redo()
    assert "Ersättare Bby kommun (for Ledamot Bby kommun)" in jav.serving.text()


def test_decision_without_quorum_is_refused_and_shown(minuting, full_ctx, modals):
    minuting.show_tab("attendance")
    for member in ("Ledamot Försäkringskassan", "Ledamot Arbetsförmedlingen",
                   "Ledamot Region Test"):
        set_presence(minuting, member, Presence.ABSENT)
    assert minuting.attendance_tab.quorum.text().startswith("No quorum: 2 of 5")
    minuting.show_tab("minutes")
    select_paragraph(minuting, APPROVAL)
    tab = minuting.minutes_tab
    assert tab.model.data(tab.model.index(3, 3)) == "●"  # marked in the list
    set_outcome(minuting, Outcome.DECIDED)
    assert modals.errors and "No quorum" in modals.errors[-1]
    assert tab.editor.outcome.currentData() == Outcome.NONE
    assert _item(minuting, full_ctx).outcome is Outcome.NONE
    assert tab.editor.votes.open_vote() is None  # no vote without quorum either
    assert "No quorum" in modals.errors[-1]


def test_new_paragraph_with_ctrl_n_and_navigation(minuting, full_ctx):
    tab = minuting.minutes_tab
    editor = tab.editor
    count = tab.model.rowCount()
    editor.background.setFocus()
    QTest.keyClick(editor.background, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == count + 1
    assert tab.current_item().title == "New paragraph"
    assert tab.current_item().position == 5  # right after § 4
    assert editor.title.hasFocus()
    editor.title.setText("Extra ärende: Lokalfrågan")
    QTest.keyClick(editor.title, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert tab.current_item().position == 6
    titles = [i.title for i in meetings.list_items(full_ctx.store,
                                                   minuting.current_meeting().id)]
    assert titles[4] == "Extra ärende: Lokalfrågan"
    QTest.keyClick(editor.title, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert tab.current_item().title == "Extra ärende: Lokalfrågan"
