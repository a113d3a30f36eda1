"""Decisions panel, register tab: filters and the live count, sorting by a header click,
overdue rows marked, follow-up edited (saved through services, undone with Edit ▸ Undo),
the report-back item put on the next meeting, and opening a decision in its meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from finsam_desktop.domain.decisions import FollowUp, FollowUpStatus
from finsam_desktop.services import decisions, meetings, minutes
from finsam_desktop.storage.store import Store
from finsam_desktop.ui.panels.decisions.decisions_model import COLUMNS, OVERDUE_BACKGROUND
from finsam_desktop.ui.widgets.fields import select_data
from tests.meeting_factories import decide_all, held_and_sealed, plan

pytestmark = pytest.mark.gui

NEXT_MEETING = dt.date(2026, 12, 10)  # after TODAY (2026-11-22), not held


def build_register(store: Store) -> dict[str, int]:
    """Two held meetings (2025 sealed, 2026 minuted) with decisions, one planned meeting;
    one decision overdue, one carried out. Returns item ids by title."""
    held_and_sealed(store, dt.date(2025, 3, 10), "Budget 2026", "Insats Steg för steg")
    spring = plan(store, dt.date(2026, 5, 12), "Verksamhetsplan 2027",
                  "Styrelsen får besluta om lokaler")
    minutes.start_minutes(store, spring.id)
    decide_all(store, spring.id)
    plan(store, NEXT_MEETING)
    ids = {r.title: r.item_id for r in decisions.list_decisions(store)}
    decisions.save_followup(store, FollowUp(ids["Budget 2026"], category="Budget and finance",
                                            responsible="Karin Chef",
                                            due_on=dt.date(2026, 1, 31),
                                            status=FollowUpStatus.IN_PROGRESS))
    decisions.save_followup(store, FollowUp(ids["Insats Steg för steg"], category="Activities",
                                            status=FollowUpStatus.CARRIED_OUT))
    return ids


@pytest.fixture
def panel(full_ctx, qtbot):
    from finsam_desktop.ui.panels.decisions.panel import DecisionsPanel

    ids = build_register(full_ctx.require_store())
    widget = DecisionsPanel(full_ctx)
    widget.ids = ids
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    year = widget.decisions_tab.filters.year
    assert year.currentData() == max(r.year for r in decisions.list_decisions(
        full_ctx.require_store())), "the register opens on the latest year"
    year.setCurrentIndex(0)  # "All years" for the tests below
    return widget


def titles(tab) -> list[str]:
    return [r.title for r in tab.model.rows()]


def test_filters_by_year_and_status_and_the_count_follows(panel):
    tab = panel.decisions_tab
    total = tab.model.rowCount()
    assert total == len(decisions.list_decisions(panel._ctx.require_store()))
    assert tab.filters.count.text() == f"{total} decisions, 1 overdue"
    select_data(tab.filters.year, 2025)
    assert {r.year for r in tab.model.rows()} == {2025}
    assert tab.filters.count.text().startswith(f"{tab.model.rowCount()} decisions")
    assert tab.filters.meeting.count() == 2  # "All meetings" + the meeting of 2025
    select_data(tab.filters.status, FollowUpStatus.CARRIED_OUT.value)
    assert titles(tab) == ["Insats Steg för steg"]
    assert tab.filters.count.text() == "1 decision"
    select_data(tab.filters.year, None)
    select_data(tab.filters.status, None)
    tab.filters.overdue.setChecked(True)
    assert titles(tab) == ["Budget 2026"]
    tab.filters.overdue.setChecked(False)
    tab.filters.responsible.setText("karin")
    tab.filters.responsible.editingFinished.emit()
    assert titles(tab) == ["Budget 2026"]


def test_clicking_a_header_sorts_and_again_reverses(panel, qtbot):
    tab = panel.decisions_tab
    header = tab.view.horizontalHeader()
    title_column = next(i for i, c in enumerate(COLUMNS) if c.sort == "title")
    point = QPoint(header.sectionViewportPosition(title_column) + 10, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    shown = titles(tab)
    assert shown == sorted(shown, key=str.casefold)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert titles(tab) == sorted(shown, key=str.casefold, reverse=True)
    final_column = next(i for i, c in enumerate(COLUMNS) if c.sort is None)
    tab.sort_by(final_column, descending=False)  # sorted in the model, not in SQL
    assert tab.model.rowCount() == len(shown)


def test_an_overdue_row_is_highlighted_with_a_tooltip(panel):
    tab = panel.decisions_tab
    row = tab.model.row_of(panel.ids["Budget 2026"])
    index = tab.model.index(row, 3)
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert "Overdue since 2026-01-31" in tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    other = tab.model.index(tab.model.row_of(panel.ids["Verksamhetsplan 2027"]), 3)
    assert tab.model.data(other, Qt.ItemDataRole.BackgroundRole) is None
    tab.select_decision(panel.ids["Budget 2026"])
    assert "Overdue since" in tab.form.overdue.text()


def test_edit_follow_up_saves_and_undo_takes_it_back(panel, full_ctx):
    store = full_ctx.require_store()
    tab = panel.decisions_tab
    item_id = panel.ids["Verksamhetsplan 2027"]
    assert tab.select_decision(item_id)
    form = tab.form
    form.responsible.setFocus()
    form.responsible.setText("Åsa Öberg")
    form.responsible.editingFinished.emit()
    form.due.setText("2027-02-28")
    form.due.editingFinished.emit()
    select_data(form.status, FollowUpStatus.IN_PROGRESS.value)
    form.status.activated.emit(form.status.currentIndex())
    saved = decisions.get_followup(store, item_id)
    assert (saved.responsible, saved.due_on, saved.status) == (
        "Åsa Öberg", dt.date(2027, 2, 28), FollowUpStatus.IN_PROGRESS)
    row = tab.model.record(tab.model.row_of(item_id))
    assert row.responsible == "Åsa Öberg" and row.status is FollowUpStatus.IN_PROGRESS
    assert tab.selected().item_id == item_id  # the selection survives the re-query
    assert full_ctx.undo_stack.count() == 3
    full_ctx.undo_stack.undo()
    assert decisions.get_followup(store, item_id).status is FollowUpStatus.NOT_STARTED
    full_ctx.undo_stack.undo()
    full_ctx.undo_stack.undo()
    assert decisions.get_followup(store, item_id).responsible == ""
    assert tab.form.responsible.text() == ""


def test_a_bad_due_date_is_shown_not_saved(panel, full_ctx):
    tab = panel.decisions_tab
    tab.select_decision(panel.ids["Verksamhetsplan 2027"])
    tab.form.due.setText("31/2")
    tab.form.due.editingFinished.emit()
    assert tab.form.error.isVisible() and tab.form.error.text()
    assert decisions.get_followup(full_ctx.require_store(),
                                  panel.ids["Verksamhetsplan 2027"]).due_on is None


def test_report_back_goes_to_the_next_meeting(panel, full_ctx, modals):
    store = full_ctx.require_store()
    tab = panel.decisions_tab
    tab.report_button.click()
    assert not modals.errors
    assert "2026" in tab.message.text() and "December" in tab.message.text()
    next_meeting = next(s.meeting for s in meetings.list_meetings(store, 2026)
                        if s.meeting.date == NEXT_MEETING)
    report = [i for i in meetings.list_items(store, next_meeting.id)
              if i.title == "Report back on decisions"]
    assert len(report) == 1 and "Insats Steg för steg" in report[0].background
    assert decisions.get_followup(store, panel.ids["Insats Steg för steg"]).reported_item_id \
        == report[0].id
    tab.report_button.click()  # nothing left to report: said, not raised
    assert modals.errors
    full_ctx.undo_stack.undo()
    assert all(i.title != "Report back on decisions"
               for i in meetings.list_items(store, next_meeting.id))


def test_enter_opens_the_decision_in_the_meetings_panel(panel, full_ctx, qtbot):
    from finsam_desktop.ui.panels.meetings.panel import MeetingsPanel

    opened = []
    panel.sig_open_paragraph.connect(lambda m, i: opened.append((m, i)))
    tab = panel.decisions_tab
    item_id = panel.ids["Verksamhetsplan 2027"]
    tab.select_decision(item_id)
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    row = tab.model.record(tab.model.row_of(item_id))
    assert opened and opened[-1] == (row.meeting_id, item_id)
    meetings_panel = MeetingsPanel(full_ctx)
    qtbot.addWidget(meetings_panel)
    meetings_panel.show_paragraph(row.meeting_id, item_id)
    assert meetings_panel.current_meeting().id == row.meeting_id
    assert meetings_panel.tabs.currentWidget() is meetings_panel.minutes_tab
    assert meetings_panel.minutes_tab.current_item().id == item_id


def test_language_switch_retranslates(panel):
    from finsam_desktop.ui import translation

    translation.set_language("sv")
    assert panel.tabs.tabText(0) != "Decisions" or panel.tabs.tabText(1) != "Delegation"
    translation.set_language("en")
    assert panel.tabs.tabText(0) == "Decisions"


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv"])
def test_export_register_of_the_chosen_year_runs_in_the_worker(panel, modals, qtbot, tmp_path,
                                                               suffix):
    tab = panel.decisions_tab
    year = max(r.year for r in tab.model.rows())
    select_data(tab.filters.year, year)
    target = tmp_path / f"register{suffix}"
    modals.paths.append(str(target))
    assert tab.export_register()
    qtbot.waitUntil(target.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "Saved" in tab.message.text(), timeout=5_000)
    assert modals.errors == []
    if suffix == ".csv":
        text = target.read_text(encoding="utf-8-sig")
        assert all(r.title in text for r in decisions.list_decisions(
            panel._ctx.require_store(), year=year))


def test_export_register_needs_a_year_and_a_known_format(panel, modals, tmp_path, qtbot):
    tab = panel.decisions_tab
    tab.filters.year.setCurrentIndex(0)  # all years
    assert not tab.export_register()
    assert modals.errors and "year" in modals.errors[-1]
    select_data(tab.filters.year, max(r.year for r in tab.model.rows()))
    modals.paths.append(str(tmp_path / "register.docx"))
    assert tab.export_register()  # an unknown suffix becomes .pdf
    qtbot.waitUntil(lambda: not tab.runner.is_busy(), timeout=20_000)
    assert (tmp_path / "register.pdf").exists() and not (tmp_path / "register.docx").exists()
