"""Steps shared by the meetings-panel tests: each drives the panel like a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop.domain.meetings import Outcome, Presence
from finsam_desktop.ui.panels.meetings.attendance_model import PRESENCE
from finsam_desktop.ui.widgets.fields import select_data

MEETING_DAY = "2026-11-25"  # three days after TODAY: a summons today is late (7 days)


def activate(widget) -> None:
    """Make `widget`'s window the active one again (offscreen does not after a dialog)."""
    window = widget.window()
    window.activateWindow()
    for _attempt in range(200):
        if window.isActiveWindow():
            return
        QTest.qWait(10)
    raise AssertionError("the window did not become active")


def ok(dialog) -> None:
    """Press OK in a dialog that has a `buttons` box (or call accept); if it closed, its
    parent window becomes active again, as on a desktop."""
    buttons = getattr(dialog, "buttons", None)
    if isinstance(buttons, QDialogButtonBox):
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    else:
        dialog.accept()
    if not dialog.isVisible() and dialog.parentWidget() is not None:
        activate(dialog.parentWidget())


def plan_meeting(panel, day: str = MEETING_DAY) -> None:
    """Plan a meeting through the dialog."""
    dialog = panel.meeting_list.open_plan_dialog()
    dialog.date.setText(day)
    dialog.start_time.setText("09:00")
    dialog.end_time.setText("12:00")
    dialog.place.setText("Förbundets kansli, Örebro")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()


def start_minutes(panel, modals) -> None:
    """Start the minutes, answering the explanation with yes."""
    modals.answers.append(True)
    panel.attendance_tab.start_button.click()
    assert panel.current_meeting().held


def attendance_row(panel, name: str) -> int:
    """Row of `name` in the attendance table."""
    return [r.attendee.name for r in panel.attendance_tab.model.rows()].index(name)


def set_presence(panel, name: str, presence: Presence) -> None:
    """Change someone's presence as the presence combo does."""
    model = panel.attendance_tab.model
    assert model.setData(model.index(attendance_row(panel, name), PRESENCE), presence,
                         Qt.ItemDataRole.EditRole)


def select_paragraph(panel, title: str) -> None:
    """Select the paragraph titled `title` in the minutes tab."""
    tab = panel.minutes_tab
    titles = [r.item.title for r in tab.model.rows()]
    tab.view.selectRow(titles.index(title))


def set_outcome(panel, outcome: Outcome) -> None:
    """Choose an outcome in the paragraph editor."""
    select_data(panel.minutes_tab.editor.outcome, outcome)
