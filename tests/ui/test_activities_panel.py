"""Activities panel: a new activity refused for two municipalities and accepted with
Försäkringskassan, its fixed fields read-only afterwards, a personal identity number refused
with the text kept, the lifecycle to granted against a decision § (refused without one) with
the § as a link to the minutes, a budget line linked with its budget and actual, participant
counts typed and pasted (all or nothing) with the summary and share to work or studies, a
mapping linked to an activity, undo, filters, removal, charts, language switch."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLabel, QLineEdit

from finsam_desktop.domain.activities import Activity, Count, Measure, Status
from finsam_desktop.domain.budget import Area, BudgetLine, Focus
from finsam_desktop.domain.organisation import Member
from finsam_desktop.services import activities, budget, meetings, minutes, organisation
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs, translation
from finsam_desktop.ui.panels.budget.grid import GridView
from finsam_desktop.ui.widgets.fields import select_data
from tests.meeting_factories import plan

pytestmark = pytest.mark.gui

K = 100  # öre per krona
YEAR = 2026  # TODAY is 2026-11-22


class Offers(list):
    """What `dialogs.ask_choice` was offered; `cancel` makes it answer Cancel."""

    cancel = False


@pytest.fixture(autouse=True)
def choices(monkeypatch: pytest.MonkeyPatch) -> Offers:
    """`dialogs.ask_choice` picks the first offer (and records what was offered)."""
    offered = Offers()

    def pick(_parent, _title, _label, options):  # type: ignore[no-untyped-def]
        offered.append(list(options))
        if offered.cancel:
            return None
        return options[0][0] if options else None

    monkeypatch.setattr(dialogs, "ask_choice", pick)
    return offered


def members(store: Store) -> dict[str, Member]:
    by_name = {m.name: m for m in organisation.list_members(store)}
    return {"fk": by_name["Försäkringskassan"], "af": by_name["Arbetsförmedlingen"],
            "region": by_name["Region Test"], "a": by_name["Aby kommun"],
            "b": by_name["Bby kommun"]}


def add_activity(store: Store, name: str = "Steg till arbete", focus: Focus = Focus.INDIVIDUAL,
                 parties: tuple[str, ...] = ("a", "fk"), **over) -> Activity:  # type: ignore[no-untyped-def]
    m = members(store)
    values = dict(lead_member_id=m[parties[0]].id, start_on=dt.date(2026, 1, 1),
                  end_on=dt.date(2027, 12, 31))
    values.update(over)
    return activities.add_activity(store, Activity(0, name, focus, **values),
                                   [m[p].id for p in parties])[0]


def decision(store: Store, title: str = "Ansökan Steg till arbete") -> tuple[int, int]:
    """A meeting with minutes started: (meeting id, item id) of a numbered decision §."""
    meeting = plan(store, dt.date(2026, 3, 12), title)
    minutes.start_minutes(store, meeting.id)
    item = next(i for i in meetings.list_items(store, meeting.id) if i.title == title)
    return meeting.id, item.id


def open_panel(ctx, qtbot):  # type: ignore[no-untyped-def]
    from finsam_desktop.ui.panels.activities.panel import ActivitiesPanel

    panel = ActivitiesPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 860)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


@pytest.fixture
def panel(full_ctx, qtbot):  # type: ignore[no-untyped-def]
    """The panel with one activity, "Steg till arbete" (Aby kommun and FK, 2026–2027)."""
    add_activity(full_ctx.require_store())
    return open_panel(full_ctx, qtbot)


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def names(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.activity.name for r in panel.model.rows()]


def leave(qtbot, field, then) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor in `field`, then move it to `then` (the field commits when left)."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    then.setFocus()
    qtbot.waitUntil(then.hasFocus)


# Register and creation --------------------------------------------------------------------


def test_a_new_activity_needs_two_parties_and_keeps_its_fixed_fields(full_ctx, qtbot):
    store = full_ctx.require_store()
    m = members(store)
    panel = open_panel(full_ctx, qtbot)
    assert names(panel) == [] and "No activities" in panel.count_label.text()
    dialog = panel.new_button.click() or panel.new_dialog
    assert dialog is not None and dialog.isVisible()
    assert "At least two of the four parties" in dialog.parties.rule.text()
    assert "#555555" in dialog.parties.rule.styleSheet(), "grey until the user chooses"
    dialog.name.setText("Språkstegen")
    select_data(dialog.focus, Focus.STRUCTURAL.value)
    dialog.focus.activated.emit(dialog.focus.currentIndex())
    assert dialog.method.currentText() == "Count only", "structural: count only suggested"
    select_data(dialog.focus, Focus.INDIVIDUAL.value)
    dialog.focus.activated.emit(dialog.focus.currentIndex())
    assert dialog.method.currentText() == "Individual level"
    dialog.esf.setChecked(True)
    dialog.parties.choose_lead(m["a"].id)
    assert "Aby kommun" in [dialog.parties.list.item(r).text()
                            for r in range(dialog.parties.list.count())
                            if dialog.parties.list.item(r).checkState() == Qt.CheckState.Checked
                            ], "the lead is ticked for the user"
    dialog.parties.set_checked(m["b"].id, True)
    assert "two municipalities count as one party" in dialog.parties.rule.text(), \
        "the rule is shown live"
    assert "#9b0016" in dialog.parties.rule.styleSheet()
    ok(dialog)
    assert dialog.isVisible() and "two municipalities count as one party" in \
        dialog.error.text()
    assert activities.list_activities(store) == []
    dialog.parties.set_checked(m["fk"].id, True)
    assert "At least two parties take part" in dialog.parties.rule.text()
    dialog.start.setText("2026-02-01")
    ok(dialog)
    assert not dialog.isVisible()
    [saved] = activities.list_activities(store)
    assert (saved.name, saved.focus, saved.esf, saved.lead_member_id, saved.start_on) == (
        "Språkstegen", Focus.INDIVIDUAL, True, m["a"].id, dt.date(2026, 2, 1))
    assert sorted(activities.parties(store, saved.id)) == sorted(
        [m["a"].id, m["b"].id, m["fk"].id])
    assert names(panel) == ["Språkstegen"] and panel.selected() == saved
    details = panel.details_tab
    assert details.name.text() == "Språkstegen"
    # Direction, method and ESF are shown, never edited, and say why.
    for label, text in ((details.focus, "Individual-targeted"),
                        (details.method, "Individual level"), (details.esf, "ESF: yes")):
        assert isinstance(label, QLabel) and label.text() == text
        assert "Uppföljning Finsam" in label.toolTip()
    assert not any(isinstance(w, QLineEdit) and w.text() == "Individual-targeted"
                   for w in details.findChildren(QLineEdit))
    assert panel.status_box.status.text() == "Idea"


def test_a_name_already_used_is_refused_in_the_dialog(panel):
    dialog = panel.new_activity()
    dialog.name.setText("steg till ARBETE")
    select_data(dialog.focus, Focus.INDIVIDUAL.value)
    m = members(panel._ctx.require_store())
    dialog.parties.choose_lead(m["region"].id)
    dialog.parties.set_checked(m["af"].id, True)
    ok(dialog)
    assert dialog.isVisible() and "distinct names" in dialog.error.text()
    dialog.reject()


def test_filters_by_year_status_and_direction(full_ctx, qtbot, qtmodeltester):
    store = full_ctx.require_store()
    add_activity(store, "Steg till arbete")
    add_activity(store, "Kompetensdagar", Focus.STRUCTURAL, ("region", "af"),
                 start_on=dt.date(2024, 1, 1), end_on=dt.date(2025, 6, 30))
    panel = open_panel(full_ctx, qtbot)
    assert panel.year_combo.currentData() == YEAR
    assert names(panel) == ["Steg till arbete"], "only activities running in the year"
    panel.show_year(2025)
    assert names(panel) == ["Kompetensdagar"]
    panel.show_year(None)
    assert names(panel) == ["Kompetensdagar", "Steg till arbete"]
    assert panel.model.headerData(5, Qt.Orientation.Horizontal) == "Budget all years (kr)"
    qtmodeltester.check(panel.model)
    select_data(panel.focus_filter, Focus.STRUCTURAL.value)
    panel.focus_filter.activated.emit(panel.focus_filter.currentIndex())
    assert names(panel) == ["Kompetensdagar"]
    assert "1 of 2 activities shown" in panel.count_label.text()
    select_data(panel.status_filter, Status.ONGOING.value)
    panel.status_filter.activated.emit(panel.status_filter.currentIndex())
    assert names(panel) == [] and panel.selected() is None
    assert not panel.details_tab._body.isEnabled()


# Details ----------------------------------------------------------------------------------


def test_typed_details_are_saved_when_left_and_undo_takes_them_back(panel, qtbot):
    store = panel._ctx.require_store()
    details = panel.details_tab
    details.name.setFocus()
    qtbot.waitUntil(details.name.hasFocus)
    details.name.setText("Steg till arbete Aby")
    details.steering.setFocus()
    qtbot.waitUntil(lambda: activities.list_activities(store)[0].name == "Steg till arbete Aby")
    goals = details.texts["goals"]
    goals.setFocus()
    qtbot.waitUntil(goals.hasFocus)
    goals.setPlainText("Hälften i arbete eller studier efter ett år")
    details.granted.setFocus()
    qtbot.waitUntil(details.granted.hasFocus)
    details.granted.setText("450 000")
    details.agreement.setFocus()
    qtbot.waitUntil(lambda: activities.list_activities(store)[0].granted_amount_ore
                    == 450_000 * K)
    saved = activities.list_activities(store)[0]
    assert saved.goals == "Hälften i arbete eller studier efter ett år"
    assert names(panel) == ["Steg till arbete Aby"], "the register follows"
    assert panel.status_box.heading.text() == "Steg till arbete Aby"
    panel._ctx.undo_stack.undo()  # the amount
    panel._ctx.undo_stack.undo()  # the goals
    panel._ctx.undo_stack.undo()  # the name
    saved = activities.list_activities(store)[0]
    assert (saved.name, saved.goals, saved.granted_amount_ore) == ("Steg till arbete", "", None)
    assert details.name.text() == "Steg till arbete" and details.granted.text() == ""
    panel._ctx.undo_stack.redo()
    assert activities.list_activities(store)[0].name == "Steg till arbete Aby"


def test_a_personal_number_is_refused_shown_and_the_text_kept(panel, qtbot):
    store = panel._ctx.require_store()
    details = panel.details_tab
    assert "Do not write personal data about participants" in details.privacy.text()
    assert details.privacy.isVisible()
    description = details.texts["description"]
    typed = "Deltagaren 19850312-1234 behöver stöd"
    description.setFocus()
    qtbot.waitUntil(description.hasFocus)
    description.setPlainText(typed)
    details.steering.setFocus()
    qtbot.waitUntil(lambda: details.error.text() != "")
    assert "personal identity number" in details.error.text()
    assert details.error.isVisible()
    assert description.text() == typed, "what was typed stays to be fixed"
    assert activities.list_activities(store)[0].description == ""
    panel.refresh()  # something else changed meanwhile: the text still stays
    assert description.text() == typed
    description.setFocus()
    qtbot.waitUntil(description.hasFocus)
    description.setPlainText("Deltagare som behöver stöd från flera parter")
    details.steering.setFocus()
    qtbot.waitUntil(lambda: activities.list_activities(store)[0].description
                    == "Deltagare som behöver stöd från flera parter")
    assert details.error.text() == ""


def test_parties_are_saved_only_when_they_meet_the_rule(panel, qtbot):
    store = panel._ctx.require_store()
    m = members(store)
    activity = activities.list_activities(store)[0]
    parties = panel.details_tab.parties
    parties.set_checked(m["fk"].id, False)
    assert "At least two of the four parties" in parties.rule.text(), "Aby kommun alone"
    assert "not saved until the parties meet the rule" in panel.details_tab.error.text()
    assert sorted(activities.parties(store, activity.id)) == sorted([m["a"].id, m["fk"].id])
    parties.set_checked(m["region"].id, True)
    assert sorted(activities.parties(store, activity.id)) == sorted([m["a"].id,
                                                                     m["region"].id])
    assert panel.details_tab.error.text() == ""
    parties.choose_lead(m["region"].id)
    assert activities.get(store, activity.id).lead_member_id == m["region"].id
    assert panel.model.rows()[0].lead == "Region Test"


# Lifecycle --------------------------------------------------------------------------------


def test_granting_needs_the_decision_and_links_it(panel, qtbot, modals, choices, full_ctx):
    store = full_ctx.require_store()
    box = panel.status_box
    assert [box.next_status.itemText(i) for i in range(box.next_status.count())] == [
        "Application received", "Prepared", "Proposal to the board", "Granted", "Rejected"]
    select_data(box.next_status, Status.GRANTED.value)
    box.move_button.click()
    assert modals.errors and "no numbered decision paragraph" in modals.errors[-1]
    assert activities.list_activities(store)[0].status is Status.IDEA
    meeting_id, item_id = decision(store)
    panel.refresh()
    choices.cancel = True
    select_data(box.next_status, Status.GRANTED.value)
    box.move_button.click()
    assert activities.list_activities(store)[0].status is Status.IDEA, "no § chosen: no move"
    choices.cancel = False
    select_data(box.next_status, Status.GRANTED.value)
    box.move_button.click()
    assert choices[-1][0][0] == item_id, "the paragraph naming the activity is offered first"
    saved = activities.list_activities(store)[0]
    assert (saved.status, saved.granted_item_id) == (Status.GRANTED, item_id)
    assert box.status.text() == "Granted"
    assert "§ 9, 2026-03-12" in box.decision.text()
    assert [box.next_status.itemText(i) for i in range(box.next_status.count())] == [
        "Agreement signed", "Ongoing", "Finished", "Final report"]
    assert panel.model.rows()[0].decision == "§ 9, 2026-03-12"
    with qtbot.waitSignal(panel.sig_open_paragraph) as opened:
        box.decision.linkActivated.emit(f"item:{item_id}")
    assert opened.args == [meeting_id, item_id]
    select_data(box.next_status, Status.ONGOING.value)
    box.move_button.click()
    assert activities.list_activities(store)[0].status is Status.ONGOING
    panel._ctx.undo_stack.undo()
    panel._ctx.undo_stack.undo()
    saved = activities.list_activities(store)[0]
    assert (saved.status, saved.granted_item_id) == (Status.IDEA, None), "undo goes back"
    assert box.status.text() == "Idea" and box.decision.text() == ""


def test_the_decision_link_opens_the_paragraph_in_the_meetings_panel(full_file, ui_settings,
                                                                      qtbot, choices):
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow
    from finsam_desktop.ui.opening import open_file

    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.set_store(open_file(str(full_file)))
    store = ctx.require_store()
    meeting_id, item_id = decision(store)
    activity = add_activity(store)
    activities.set_status(store, activity.id, Status.GRANTED, item_id)
    panel = window.show_panel("activities")
    assert panel is not None and window.nav.currentItem().text() == "Activities"
    panel.status_box.decision.linkActivated.emit(f"item:{item_id}")
    assert window.current_panel_key() == "meetings"
    meetings_panel = window.panels["meetings"]
    assert meetings_panel.meeting_list.selected_id() == meeting_id
    assert meetings_panel.minutes_tab.isVisible()
    assert meetings_panel.minutes_tab.current_item().id == item_id
    ctx.replace_store(None)


# Money ------------------------------------------------------------------------------------


def budget_with_lines(store: Store) -> dict[str, BudgetLine]:
    version, _changes = budget.create_year(store, YEAR, contributions_ore=2_000_000 * K)
    lines = {}
    for key, name, focus, amount in (("steg", "Steg till arbete", Focus.INDIVIDUAL, 400_000),
                                     ("konf", "Konferens", Focus.STRUCTURAL, 50_000)):
        lines[key] = budget.add_line(store, BudgetLine(0, YEAR, Area.ACTIVITIES, name, focus),
                                     [amount * K, 0, 0], version_id=version.id)[0]
    budget.set_actuals(store, YEAR, [(lines["steg"].id, 1, 30_000 * K),
                                     (lines["steg"].id, 2, 45_000 * K)])
    return lines


def test_a_budget_line_is_linked_with_its_budget_and_actual(panel, choices, modals, qtbot):
    store = panel._ctx.require_store()
    lines = budget_with_lines(store)
    panel.refresh()
    panel.show_tab("money")
    tab = panel.money_tab
    assert tab.empty.isVisible() and "No budget line is linked" in tab.empty.text()
    tab.link_button.click()
    assert choices[-1] == [(lines["steg"].id, "2026: Steg till arbete")], \
        "only unlinked lines of the same direction"
    [row] = tab.model.rows()
    assert (row.year, row.name, row.budget_ore, row.actual_ore) == (
        YEAR, "Steg till arbete", 400_000 * K, 75_000 * K)
    assert tab.model.index(0, 2).data() == "400,000"
    assert tab.model.index(0, 3).data() == "75,000"
    assert not tab.empty.isVisible()
    register = panel.model.rows()[0]
    assert (register.budget_ore, register.actual_ore) == (400_000 * K, 75_000 * K)
    assert "No granted amount" in tab.granted.text()
    activity = activities.list_activities(store)[0]
    activities.update_activity(store, dataclasses.replace(activity,
                                                          granted_amount_ore=300_000 * K))
    panel.refresh()
    assert "the linked budget lines hold 400,000\u00a0kr" in tab.granted.text()
    assert "100,000\u00a0kr more" in tab.granted.text()
    tab.link_button.click()
    assert modals.errors and "linked already" in modals.errors[-1]
    tab.view.selectRow(0)
    with qtbot.waitSignal(panel.sig_open_budget) as opened:
        tab.open_button.click()
    assert opened.args == [YEAR]
    tab.unlink_button.click()
    assert tab.model.rows() == [] and activities.budget_lines_of(store, row.line_id) == []
    panel._ctx.undo_stack.undo()
    assert [r.name for r in tab.model.rows()] == ["Steg till arbete"]


def test_a_budget_line_opens_its_year_in_the_budget_panel(full_file, ui_settings, qtbot,
                                                          choices):
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow
    from finsam_desktop.ui.opening import open_file

    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.set_store(open_file(str(full_file)))
    store = ctx.require_store()
    budget.create_year(store, 2025, contributions_ore=1_000_000 * K)
    budget_with_lines(store)
    activity = add_activity(store)
    activities.link_budget_line(store, budget_with_lines_id(store), activity.id)
    panel = window.show_panel("activities")
    panel.money_tab.sig_open_budget.emit(YEAR)
    assert window.current_panel_key() == "budget"
    assert window.panels["budget"].year_combo.currentData() == YEAR
    window.show_panel("activities")
    panel.money_tab.sig_open_budget.emit(2025)
    assert window.panels["budget"].year_combo.currentData() == 2025
    ctx.replace_store(None)


def budget_with_lines_id(store: Store) -> int:
    return next(li.id for li in budget.view(store, YEAR).lines if li.name == "Steg till arbete")


# Participants -----------------------------------------------------------------------------


def type_into(qtbot, view: GridView, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor on a cell and type like a user (ASCII only), then Enter."""
    view.setFocus()
    view.select_cell(row, column)
    QTest.keyClick(view, text[0])  # typing starts the editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open an editor"
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def row_of(grid, title: str, code: str) -> int:  # type: ignore[no-untyped-def]
    row = grid.model.row_of(("cell", title, code))
    assert row >= 0
    return row


def stored(store: Store, activity_id: int, period: str = "year") -> dict[tuple[str, str], int]:
    return {(c.measure.value, c.category): c.count
            for c in activities.counts(store, activity_id, YEAR) if c.period == period}


def test_typed_counts_give_the_summary_and_share_to_work_or_studies(panel, qtbot):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    panel.show_tab("participants")
    tab = panel.participants_tab
    assert tab.year.currentData() == YEAR and tab.period.currentData() == "year"
    started = tab.grids["start_finish"]
    outcome = tab.grids["before_after"]
    assert started.model.text(row_of(started, "Age", "16-19"), 0) == "16–19", \
        "the configured age bands"
    for code, column, value in (("women", 1, "6"), ("men", 1, "4"), ("women", 2, "3"),
                                ("men", 2, "2")):
        type_into(qtbot, started.view, row_of(started, "Gender", code), column, value)
    for code, value in (("work", "2"), ("studies", "1"), ("jobseeking", "2")):
        type_into(qtbot, outcome.view, row_of(outcome, "Occupation", code), 2, value)
    assert stored(store, activity.id) == {
        ("started_gender", "women"): 6, ("started_gender", "men"): 4,
        ("finished_gender", "women"): 3, ("finished_gender", "men"): 2,
        ("occupation_after", "work"): 2, ("occupation_after", "studies"): 1,
        ("occupation_after", "jobseeking"): 2}
    total = started.model.row_of(("total", "Gender"))
    assert started.model.text(total, 1) == "10" and started.model.text(total, 2) == "5"
    assert "10 started, 5 finished" in tab.summary.text()
    assert "3 of 5 finished went on to work or studies (60\u00a0%)" in tab.summary.text()
    assert "divided by the participants who started" in tab.definition.text()
    assert "no actual cost" in tab.cost.text()
    assert panel.model.rows()[0].started == 10, "the register follows"
    # A count by age that disagrees with the count by gender is noted, not refused.
    type_into(qtbot, started.view, row_of(started, "Age", "20-29"), 1, "7")
    assert "10 started by gender but 7 by age" in tab.notes.text()
    panel._ctx.undo_stack.undo()
    assert ("started_age", "20-29") not in stored(store, activity.id)
    assert tab.notes.text() == ""


def test_the_cost_per_participant_uses_the_linked_lines(panel, qtbot):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    budget_with_lines(store)
    activities.link_budget_line(store, budget_with_lines_id(store), activity.id)
    activities.set_counts(store, [Count(activity.id, YEAR, "H1", Measure.STARTED_GENDER,
                                        "women", 15)])
    panel.refresh()
    panel.show_tab("participants")
    tab = panel.participants_tab
    assert "Cost per participant: 5,000" in tab.cost.text(), "75 000 kr ÷ 15 started"
    assert "15 started" in tab.summary.text()
    assert tab.grids["start_finish"].model.text(
        row_of(tab.grids["start_finish"], "Gender", "women"), 1) == "", \
        "the whole-year grid shows what was entered for the whole year"
    tab.choose(YEAR, "H1")
    assert tab.grids["start_finish"].model.text(
        row_of(tab.grids["start_finish"], "Gender", "women"), 1) == "15"


def test_a_bad_count_is_refused_and_nothing_is_written(panel, qtbot):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    panel.show_tab("participants")
    tab = panel.participants_tab
    grid = tab.grids["start_finish"]
    row = row_of(grid, "Gender", "women")
    type_into(qtbot, grid.view, row, 1, "7x")
    assert "not a number of participants" in tab.message.text()
    assert grid.model.text(row, 1) == "7x", "what was typed stays in the cell"
    assert "not a number" in grid.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert stored(store, activity.id) == {}
    type_into(qtbot, grid.view, row, 1, "-3")
    assert grid.model.text(row, 1) == "-3" and stored(store, activity.id) == {}
    type_into(qtbot, grid.view, row, 1, "7")
    assert stored(store, activity.id) == {("started_gender", "women"): 7}
    assert grid.model.text(row, 1) == "7" and tab.message.text() == ""


def test_a_pasted_block_is_written_whole_or_not_at_all(panel, qtbot, modals):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    panel.show_tab("participants")
    tab = panel.participants_tab
    grid = tab.grids["start_finish"]
    women = row_of(grid, "Gender", "women")
    assert not tab.paste(grid, women, 1, "5\t3\n4\tx\n")
    assert modals.errors and "row “Men”, column Finished" in modals.errors[-1]
    assert stored(store, activity.id) == {}
    assert not tab.paste(grid, women, 1, "1\n2\n3\n4\n")
    assert "a heading or a total" in modals.errors[-1], "the block ran into the total row"
    assert stored(store, activity.id) == {}
    QApplication.clipboard().setText("5\t3\r\n4\t2\r\n1\t\r\n")
    grid.view.setFocus()
    grid.view.select_cell(women, 1)
    QTest.keyClick(grid.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, activity.id) == {
        ("started_gender", "women"): 5, ("finished_gender", "women"): 3,
        ("started_gender", "men"): 4, ("finished_gender", "men"): 2,
        ("started_gender", "other"): 1}
    assert "6 cells pasted" in tab.message.text()
    assert "10 started, 5 finished" in tab.summary.text()
    grid.view.setFocus()
    grid.view.select_cell(women, 1)
    QTest.keyClick(grid.view, Qt.Key.Key_Delete)
    assert ("started_gender", "women") not in stored(store, activity.id)
    panel._ctx.undo_stack.undo()  # the Delete
    panel._ctx.undo_stack.undo()  # the paste, in one step
    assert stored(store, activity.id) == {}


# Mappings and obstacles ---------------------------------------------------------------------


def test_a_finding_is_linked_to_an_activity_and_undone(panel, modals):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    panel.show_tab("findings")
    tab = panel.findings_tab
    dialog = tab.add_button.click() or tab.dialog
    assert dialog is not None and dialog.isVisible()
    select_data(dialog.kind, "obstacle")
    dialog.title.setText("Glapp mellan sjukskrivning och arbetsmarknadsinsatser")
    dialog.found.setText("2026-03-01")
    dialog.description.setPlainText("Ring 070-123 45 67, personnr 19850312-1234")
    dialog.set_checked(activity.id, True)
    ok(dialog)
    assert dialog.isVisible() and "personal identity number" in dialog.error.text()
    assert activities.list_findings(store) == []
    dialog.description.setPlainText("Övergången mellan parterna saknar en ansvarig.")
    ok(dialog)
    assert not dialog.isVisible()
    [(finding, linked)] = activities.list_findings(store)
    assert finding.kind.value == "obstacle" and linked == [activity.id]
    assert tab.model.rowCount() == 1 and tab.model.index(0, 0).data() == "Obstacle"
    assert tab.model.index(0, 4).data() == "Steg till arbete"
    tab.view.selectRow(0)
    dialog = tab.edit()
    assert dialog is not None and dialog.title.text() == finding.title
    dialog.title.setText("Glapp vid övergångar")
    dialog.set_checked(activity.id, False)
    ok(dialog)
    [(finding, linked)] = activities.list_findings(store)
    assert finding.title == "Glapp vid övergångar" and linked == []
    panel._ctx.undo_stack.undo()
    [(finding, linked)] = activities.list_findings(store)
    assert finding.title.startswith("Glapp mellan") and linked == [activity.id]
    modals.answers = [True]
    tab.view.selectRow(0)
    tab.remove_button.click()
    assert activities.list_findings(store) == []
    panel._ctx.undo_stack.undo()
    assert [f.id for f, _l in activities.list_findings(store)] == [finding.id]
    panel._ctx.undo_stack.undo()  # the edit
    panel._ctx.undo_stack.undo()  # the addition
    assert activities.list_findings(store) == [] and tab.model.rows() == []
    panel._ctx.undo_stack.redo()
    assert [f.id for f, _l in activities.list_findings(store)] == [finding.id]


# Removal ----------------------------------------------------------------------------------


def test_remove_asks_and_keeps_an_activity_with_records(panel, modals):
    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    activities.set_counts(store, [Count(activity.id, YEAR, "year", Measure.STARTED_GENDER,
                                        "men", 3)])
    modals.answers = [True]
    panel.remove_button.click()
    assert "registered by mistake" in modals.questions[-1]
    assert modals.errors and "cannot be removed" in modals.errors[-1]
    assert activities.list_activities(store) == [activity]
    other = add_activity(store, "Felregistrerad", parties=("fk", "b"))
    panel.refresh()
    panel.select(other.id)
    modals.answers = [False]
    panel.remove_button.click()
    assert len(activities.list_activities(store)) == 2, "not removed without a yes"
    modals.answers = [True]
    panel.remove_button.click()
    assert names(panel) == ["Steg till arbete"]
    panel._ctx.undo_stack.undo()
    assert names(panel) == ["Felregistrerad", "Steg till arbete"]
    assert sorted(activities.parties(store, other.id)) == sorted(
        [members(store)["fk"].id, members(store)["b"].id])


# Charts, language -------------------------------------------------------------------------


def test_the_charts_tab_draws_the_selected_activity_or_all(panel, qtbot):
    import pyqtgraph as pg

    store = panel._ctx.require_store()
    activity = activities.list_activities(store)[0]
    other = add_activity(store, "Unga vuxna", parties=("region", "af"))
    activities.set_counts(store, [
        Count(activity.id, YEAR, "year", Measure.STARTED_GENDER, "women", 8),
        Count(activity.id, YEAR, "year", Measure.FINISHED_GENDER, "women", 4),
        Count(activity.id, YEAR, "year", Measure.OCCUPATION_AFTER, "work", 3),
        Count(other.id, YEAR, "year", Measure.STARTED_GENDER, "men", 5)])
    panel.refresh()
    tab = panel.charts_tab
    assert tab.widgets == [], "nothing drawn before the tab is shown"
    panel.show_tab("charts")
    qtbot.waitUntil(lambda: len(tab.widgets) == 2)
    participants, outcomes = tab.widgets
    assert participants.chart.title == "Participants per year, Steg till arbete"
    bars = [i for i in participants.items if isinstance(i, pg.BarGraphItem)]
    assert list(bars[0].opts["height"]) == [8.0] and list(bars[1].opts["height"]) == [4.0]
    after = [i for i in outcomes.items if isinstance(i, pg.BarGraphItem)][1]
    assert after.opts["height"][0] == 3.0, "three in work after"
    tab.everything.setChecked(True)
    qtbot.waitUntil(lambda: tab.widgets and "all activities" in tab.widgets[0].chart.title)
    bars = [i for i in tab.widgets[0].items if isinstance(i, pg.BarGraphItem)]
    assert list(bars[0].opts["height"]) == [13.0]


def test_the_panel_follows_a_language_switch(panel):
    translation.set_language("sv")
    assert panel.tabs.tabText(0) == "Insatser"
    assert panel.model.index(0, 1).data() == "Individinriktad"
    translation.set_language("en")
    assert panel.tabs.tabText(0) == "Activities"
    assert panel.model.index(0, 1).data() == "Individual-targeted"


def test_an_activity_ending_before_it_starts_is_refused(panel, qtbot):
    store = panel._ctx.require_store()
    details = panel.details_tab
    details.end.setFocus()
    qtbot.waitUntil(details.end.hasFocus)
    details.end.setText("2025-12-31")
    details.steering.setFocus()
    qtbot.waitUntil(lambda: "cannot end before it starts" in details.error.text())
    assert activities.list_activities(store)[0].end_on == dt.date(2027, 12, 31)
    assert details.end.text() == "2025-12-31"
    details.end.setText("2028-06-30")
    details.end.editingFinished.emit()
    assert activities.list_activities(store)[0].end_on == dt.date(2028, 6, 30)



PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from finsam_desktop.ui import translation
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.opening import open_file
translation.set_language("en")
ctx = AppContext.create(None)
window = MainWindow(ctx, remember=False)
window.show()
window.set_store(open_file(sys.argv[1]))
panel = window.show_panel("activities")
for tab in ("details", "money", "participants"):
    panel.show_tab(tab)
    app.processEvents()
print("BEFORE", [m for m in ("pyqtgraph", "reportlab", "numpy") if m in sys.modules])
panel.show_tab("charts")
app.processEvents()
print("AFTER", "pyqtgraph" in sys.modules, len(panel.charts_tab.widgets))
window.close()
"""


def test_pyqtgraph_is_imported_only_when_the_charts_tab_is_shown(full_file, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from finsam_desktop.storage.store import open_store

    store = open_store(full_file)
    add_activity(store)
    store.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", PROBE, str(full_file)], env=env, cwd=root,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "BEFORE []" in result.stdout, result.stdout
    assert "AFTER True 2" in result.stdout, result.stdout
