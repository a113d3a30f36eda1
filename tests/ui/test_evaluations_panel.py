"""Evaluations panel: a goal and an indicator added through their dialogs, values typed in
the grid moving the fulfilment (partly met, met, not met by year), a bad value refused
without losing it, the NNS question read-only after creation (and the service's refusal
shown when forced), evaluations added, filtered, edited and removed with undo, a personal
identity number refused with the text kept, reports opened through `dialogs`, refresh on
changes made elsewhere, and the language switch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLineEdit

from finsam_desktop.domain.activities import Activity, Focus
from finsam_desktop.domain.evaluations import (
    Evaluation,
    EvaluationKind,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorValue,
    Unit,
)
from finsam_desktop.services import activities, evaluations, organisation
from finsam_desktop.storage.store import Store, open_store
from finsam_desktop.ui import dialogs, translation
from finsam_desktop.ui.panels.budget.grid import GridView
from finsam_desktop.ui.panels.evaluations import goals_model as cols
from finsam_desktop.ui.panels.evaluations.values_grid import NOTE, RESPONDENTS, VALUE
from finsam_desktop.ui.widgets.fields import select_data

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`dialogs.open_document` records what it was asked to open (and opens nothing)."""
    targets: list[str] = []

    def record(target: str) -> bool:
        targets.append(target)
        return target.startswith("https://")

    monkeypatch.setattr(dialogs, "open_document", record)
    return targets


def add_activity(store: Store, name: str = "Steg till arbete") -> Activity:
    members = {m.name: m.id for m in organisation.list_members(store)}
    return activities.add_activity(
        store, Activity(0, name, Focus.INDIVIDUAL, lead_member_id=members["Försäkringskassan"]),
        [members["Försäkringskassan"], members["Aby kommun"]])[0]


def add_indicator(store: Store, indicator: Indicator) -> Indicator:
    return evaluations.save_indicator(store, indicator).record


def open_panel(ctx, qtbot):  # type: ignore[no-untyped-def]
    from finsam_desktop.ui.panels.evaluations.panel import EvaluationsPanel

    panel = EvaluationsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


@pytest.fixture
def panel(full_ctx, qtbot):  # type: ignore[no-untyped-def]
    return open_panel(full_ctx, qtbot)


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def type_into(qtbot, view: GridView, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor on a cell and type like a user (ASCII only), then Enter."""
    view.window().activateWindow()  # a dialog closed just before may still be active
    qtbot.waitUntil(view.window().isActiveWindow)
    view.setFocus()
    view.select_cell(row, column)
    QTest.keyClick(view, text[0])  # typing starts the editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open an editor"
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def year_row(view: GridView, year: int) -> int:
    row = view.grid().row_of(year)
    assert row >= 0, f"no row for {year}"
    return row


def tree_text(panel, kind: str, record_id: int | None, column: int) -> str:  # type: ignore[no-untyped-def]
    model = panel.goals_tab.model
    index = model.find(kind, record_id)
    assert index.isValid(), f"{kind} {record_id} not shown"
    return model.text(model.index(index.row(), column, index.parent()))


def fulfilment(panel, kind: str, record_id: int | None) -> str:  # type: ignore[no-untyped-def]
    return tree_text(panel, kind, record_id, cols.FULFILMENT)


# Goals and indicators ---------------------------------------------------------------------

def test_a_goal_and_an_indicator_from_their_dialogs_then_typed_values_move_fulfilment(
        panel, full_ctx, qtbot):
    store = full_ctx.require_store()
    tab = panel.goals_tab
    assert tab.empty_hint.isVisible() and not tab.edit_button.isEnabled()
    tab.add_goal_button.click()
    dialog = tab.dialog
    dialog.title.setText("Fler går vidare till arbete eller studier")
    dialog.from_year.setText("2025")
    dialog.to_year.setText("2027")
    ok(dialog)
    assert not dialog.isVisible()
    goal = evaluations.list_goals(store)[0]
    assert (goal.title, goal.from_year, goal.to_year) == (
        "Fler går vidare till arbete eller studier", 2025, 2027)
    assert tab.selected().goal == goal and not tab.empty_hint.isVisible()

    tab.add_indicator_button.click()
    dialog = tab.dialog
    assert dialog.goal.currentData() == goal.id, "the selected goal is preselected"
    assert not dialog.question.isVisible(), "no NNS question for an own indicator"
    dialog.name.setText("Andel till arbete eller studier")
    select_data(dialog.unit, Unit.PERCENT)
    dialog.baseline.setText("30")
    dialog.baseline_year.setText("2024")
    dialog.target.setText("40")
    ok(dialog)
    assert not dialog.isVisible()
    indicator = evaluations.list_indicators(store)[0]
    assert (indicator.goal_id, indicator.baseline_milli, indicator.target_milli) == (
        goal.id, 30_000, 40_000)
    assert tab.selected_indicator() == indicator
    assert tree_text(panel, "indicator", indicator.id, cols.BASELINE) == "30\u00a0% (2024)"
    assert tree_text(panel, "indicator", indicator.id, cols.TARGET) == "≥\u00a040\u00a0%"
    assert fulfilment(panel, "indicator", indicator.id) == "No data"

    grid = tab.values
    assert [r.key for r in grid.grid().rows()] == [2024, 2025, 2026], "baseline year to now"
    assert grid.isColumnHidden(RESPONDENTS), "respondents only for NNS indicators"
    type_into(qtbot, grid, year_row(grid, 2025), VALUE, "35,5")
    assert evaluations.values(store, indicator.id) == [
        IndicatorValue(indicator.id, 2025, 35_500)]
    assert fulfilment(panel, "indicator", indicator.id) == "Partly met"
    assert fulfilment(panel, "goal", goal.id) == "Partly met"
    assert tree_text(panel, "indicator", indicator.id, cols.LATEST) == "35.5\u00a0% (2025)"
    type_into(qtbot, grid, year_row(grid, 2026), VALUE, "41")
    assert fulfilment(panel, "indicator", indicator.id) == "Met"
    assert fulfilment(panel, "goal", goal.id) == "Met"
    assert tree_text(panel, "goal", goal.id, cols.LATEST) == "1 of 1 met"
    type_into(qtbot, grid, year_row(grid, 2026), NOTE, "Preliminary")
    assert evaluations.values(store, indicator.id)[-1].note == "Preliminary"
    assert tab.selected_indicator() == indicator, "the selection survives each save"

    full_ctx.undo_stack.undo()  # the note
    full_ctx.undo_stack.undo()  # the 2026 value
    assert fulfilment(panel, "indicator", indicator.id) == "Partly met"
    assert grid.grid().text(year_row(grid, 2026), VALUE) == ""
    full_ctx.undo_stack.redo()
    assert fulfilment(panel, "indicator", indicator.id) == "Met"


def test_a_value_that_is_not_a_number_is_refused_and_stays_to_be_fixed(full_ctx, qtbot):
    store = full_ctx.require_store()
    indicator = add_indicator(store, Indicator(0, "Antal deltagare", unit=Unit.COUNT,
                                               target_milli=150_000))
    panel = open_panel(full_ctx, qtbot)
    tab = panel.goals_tab
    assert tab.selected_indicator() == indicator, "opens on the first indicator"
    grid = tab.values
    row = year_row(grid, 2026)
    type_into(qtbot, grid, row, VALUE, "12a")
    assert evaluations.values(store, indicator.id) == []
    assert grid.grid().text(row, VALUE) == "12a", "what was typed is kept"
    assert "not a number" in tab.message.text()
    assert "not a number" in grid.grid().data(grid.grid().index(row, VALUE),
                                              Qt.ItemDataRole.ToolTipRole)
    type_into(qtbot, grid, row, NOTE, "x")
    assert "Enter the 2026 value first" in tab.message.text()
    type_into(qtbot, grid, row, VALUE, "1.2345")
    assert "three decimals" in tab.message.text()
    type_into(qtbot, grid, row, VALUE, "140")
    assert evaluations.values(store, indicator.id)[0].value_milli == 140_000
    assert list(grid.grid().pending()) == [(2026, NOTE)], "the refused note is still shown"
    type_into(qtbot, grid, row, NOTE, "ok")
    assert evaluations.values(store, indicator.id)[0].note == "ok"
    assert grid.grid().pending() == {} and tab.message.text() == ""
    assert fulfilment(panel, "indicator", indicator.id) == "Not met", "below target"
    assert grid.grid().text(row, VALUE) == "140"


def test_the_year_chosen_decides_which_value_counts(full_ctx, qtbot, qtmodeltester):
    store = full_ctx.require_store()
    evaluations.save_goal(store, Goal(0, "Fler i arbete"))
    goal = evaluations.list_goals(store)[0]
    indicator = add_indicator(store, Indicator(0, "Andel i arbete", goal_id=goal.id,
                                               baseline_milli=30_000, baseline_year=2023,
                                               target_milli=40_000))
    for year, value in ((2024, 42_000), (2026, 25_000)):
        evaluations.set_value(store, indicator.id, year,
                              IndicatorValue(indicator.id, year, value))
    panel = open_panel(full_ctx, qtbot)
    tab = panel.goals_tab
    assert tab.year() == 2026
    assert [tab.year_combo.itemData(i) for i in range(tab.year_combo.count())] == [
        2023, 2024, 2026]
    assert fulfilment(panel, "indicator", indicator.id) == "Not met"
    assert tree_text(panel, "indicator", indicator.id, cols.LATEST) == "25\u00a0% (2026)"
    model = cols.GoalTreeModel()  # the same rows in a model the panel's teardown leaves alone
    model.set_statuses(tab.model.goals(), {})
    qtmodeltester.check(model, force_py=True)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2024))
    tab.year_combo.activated.emit(tab.year_combo.currentIndex())
    assert fulfilment(panel, "indicator", indicator.id) == "Met"
    assert fulfilment(panel, "goal", goal.id) == "Met"
    assert tree_text(panel, "indicator", indicator.id, cols.LATEST) == "42\u00a0% (2024)"
    assert tab.selected_indicator() == indicator
    lower = dataclasses.replace(indicator, higher_is_better=False, target_milli=26_000)
    full_ctx.events.changed.emit(evaluations.save_indicator(store, lower).changes)
    assert tab.year() == 2024, "the year chosen is kept across a refresh"
    assert fulfilment(panel, "indicator", indicator.id) == "Not met"
    assert tree_text(panel, "indicator", indicator.id, cols.TARGET) == "≤\u00a026\u00a0%"


def test_the_nns_question_is_typed_once_then_read_only(panel, full_ctx):
    store = full_ctx.require_store()
    tab = panel.goals_tab
    dialog = tab.add_indicator()
    dialog.name.setText("Samverkan ger bättre stöd")
    select_data(dialog.source, IndicatorSource.NNS)
    assert dialog.question.isVisibleTo(dialog) and not dialog.question.isReadOnly()
    select_data(dialog.unit, Unit.SCORE)
    ok(dialog)
    assert "respondent group" in dialog.error.text() and dialog.isVisible()
    select_data(dialog.group, "board")
    ok(dialog)
    assert "exactly as worded" in dialog.error.text()
    question = "I vilken utsträckning bidrar förbundet till att parterna samverkar?"
    dialog.question.setPlainText(question)
    ok(dialog)
    assert not dialog.isVisible()
    indicator = evaluations.list_indicators(store)[0]
    assert (indicator.source, indicator.respondent_group, indicator.question) == (
        IndicatorSource.NNS, "board", question)
    assert tree_text(panel, "indicator", indicator.id, cols.SOURCE) == "NNS: Board members"
    assert question in tab.indicator_details.text()
    assert not tab.values.isColumnHidden(RESPONDENTS)

    dialog = tab.edit_selected()
    assert dialog.is_question_fixed() and dialog.question.isReadOnly()
    assert "never reworded" in dialog.question.toolTip()
    assert not dialog.source.isEnabled()
    dialog.definition.setPlainText("Enkät till styrelsen.")
    ok(dialog)
    assert not dialog.isVisible(), "the rest of an NNS indicator can be edited"
    assert evaluations.list_indicators(store)[0].definition == "Enkät till styrelsen."

    dialog = tab.edit_selected()
    dialog.question.setReadOnly(False)  # forced: the service still refuses
    dialog.question.setPlainText("Reworded question?")
    ok(dialog)
    assert dialog.isVisible() and "never edited" in dialog.error.text()
    assert dialog.question.toPlainText() == "Reworded question?"
    assert evaluations.list_indicators(store)[0].question == question
    dialog.reject()


def test_removing_a_goal_or_indicator_in_use_is_refused_then_undo_restores(panel, full_ctx,
                                                                          modals):
    store = full_ctx.require_store()
    evaluations.save_goal(store, Goal(0, "Samverkan"))
    goal = evaluations.list_goals(store)[0]
    indicator = add_indicator(store, Indicator(0, "Bedömning", unit=Unit.SCORE,
                                               goal_id=goal.id, target_milli=7_500))
    _before, changes = evaluations.set_value(store, indicator.id, 2025,
                                             IndicatorValue(indicator.id, 2025, 7_000))
    full_ctx.events.changed.emit(changes)
    tab = panel.goals_tab
    assert tab.select("goal", goal.id)
    assert not tab.remove_selected()
    assert "move or remove them first" in modals.errors[-1]
    tab.select("indicator", indicator.id)
    tab.values.setFocus()
    tab.values.select_cell(year_row(tab.values, 2025), VALUE)
    QTest.keyClick(tab.values, Qt.Key.Key_Delete)
    assert evaluations.values(store, indicator.id) == []
    tab.remove_button.click()
    assert evaluations.list_indicators(store) == []
    assert "removed" in tab.message.text()
    assert tab.select("goal", goal.id)
    tab.remove_button.click()
    assert evaluations.list_goals(store) == []
    assert tab.empty_hint.isVisible()
    for _ in range(3):
        full_ctx.undo_stack.undo()
    assert evaluations.list_goals(store) == [goal]
    assert evaluations.list_indicators(store) == [indicator]
    assert evaluations.values(store, indicator.id)[0].value_milli == 7_000
    assert fulfilment(panel, "indicator", indicator.id) == "Not met"


def test_editing_an_indicator_and_undoing_an_add(panel, full_ctx):
    store = full_ctx.require_store()
    activity = add_activity(store)
    full_ctx.events.changed.emit(evaluations.save_goal(store, Goal(0, "Mål")).changes)
    tab = panel.goals_tab
    dialog = tab.add_indicator()
    assert [dialog.activity.itemText(i) for i in range(dialog.activity.count())] == [
        "The agency (all activities)", "Steg till arbete"]
    dialog.name.setText("Antal deltagare")
    select_data(dialog.unit, Unit.COUNT)
    select_data(dialog.activity, activity.id)
    dialog.baseline.setText("1 200")
    dialog.baseline_year.setText("20x5")
    ok(dialog)
    assert "not a year" in dialog.error.text() and dialog.isVisible()
    dialog.baseline_year.setText("2025")
    ok(dialog)
    indicator = evaluations.list_indicators(store)[0]
    assert (indicator.activity_id, indicator.baseline_milli) == (activity.id, 1_200_000)
    assert tree_text(panel, "indicator", indicator.id, cols.APPLIES) == "Steg till arbete"
    assert tree_text(panel, "indicator", indicator.id, cols.BASELINE) == "1,200 (2025)"
    dialog = tab.edit_selected()
    assert dialog.baseline.text() == "1,200" and dialog.activity.currentData() == activity.id
    dialog.name.setText("Antal påbörjade deltagare")
    select_data(dialog.activity, None)
    ok(dialog)
    assert tree_text(panel, "indicator", indicator.id, cols.APPLIES) == "The agency"
    assert tree_text(panel, "indicator", indicator.id, cols.NAME) == "Antal påbörjade deltagare"
    full_ctx.undo_stack.undo()
    assert tree_text(panel, "indicator", indicator.id, cols.NAME) == "Antal deltagare"
    full_ctx.undo_stack.undo()
    assert evaluations.list_indicators(store) == []
    full_ctx.undo_stack.redo()
    assert evaluations.list_indicators(store) == [indicator], "redo: the same id back"


# Chart ------------------------------------------------------------------------------------

def test_the_chart_draws_the_selected_indicator_against_its_target(full_ctx, qtbot):
    store = full_ctx.require_store()
    share = add_indicator(store, Indicator(0, "A andel", baseline_milli=30_000,
                                           baseline_year=2023, target_milli=40_000))
    score = add_indicator(store, Indicator(0, "B betyg", unit=Unit.SCORE,
                                           target_milli=7_500))
    count = add_indicator(store, Indicator(0, "C antal", unit=Unit.COUNT,
                                           target_milli=150_000))
    for indicator, values in ((share, (33_500, 36_000)), (score, (6_900, 7_250)),
                              (count, (120_000, 140_000))):
        for year, value in zip((2024, 2025), values, strict=True):
            evaluations.set_value(store, indicator.id, year,
                                  IndicatorValue(indicator.id, year, value))
    panel = open_panel(full_ctx, qtbot)
    chart = panel.goals_tab.chart
    assert panel.goals_tab.selected_indicator() == share
    qtbot.waitUntil(lambda: chart.widget is not None)
    line, target = chart.widget.items[:2]
    assert chart.widget.chart.categories == ("2023", "2024", "2025")
    assert list(line.yData) == [30.0, 33.5, 36.0], "per cent, the baseline first"
    assert list(target.yData) == [40.0, 40.0, 40.0]
    assert target.opts["pen"].style() == Qt.PenStyle.DashLine
    assert "2024: 33.5\u00a0%" in line.toolTip()

    panel.goals_tab.select("indicator", score.id)
    qtbot.waitUntil(lambda: chart.widget is not None and chart.chart.title == "B betyg")
    line = chart.widget.items[0]
    assert list(line.yData) == [pytest.approx(6.9), pytest.approx(7.25)], "decimals kept"
    assert chart.widget.getPlotItem().getAxis("left").labelText == "value"
    assert "2025: 7.25" in line.toolTip()

    panel.goals_tab.select("indicator", count.id)
    qtbot.waitUntil(lambda: chart.widget is not None and chart.chart.title == "C antal")
    line, target = chart.widget.items[:2]
    assert list(line.yData) == [120.0, 140.0] and list(target.yData) == [150.0, 150.0]
    assert "2025: 140" in line.toolTip()

    _before, changes = evaluations.set_value(store, count.id, 2026,
                                             IndicatorValue(count.id, 2026, 155_000))
    full_ctx.events.changed.emit(changes)
    qtbot.waitUntil(lambda: chart.widget is not None
                    and chart.widget.chart.categories[-1] == "2026")
    assert list(chart.widget.items[0].yData) == [120.0, 140.0, 155.0]


def test_the_chart_shows_each_indicator_in_its_own_unit_in_swedish(full_ctx, qtbot):
    """The chart is drawn as the service describes it: a score with its decimals, a count
    as a whole number, a percentage in per cent; the tooltips read the chart's values."""
    store = full_ctx.require_store()
    score = add_indicator(store, Indicator(0, "Betyg", unit=Unit.SCORE, target_milli=7_000))
    count = add_indicator(store, Indicator(0, "Antal", unit=Unit.COUNT, target_milli=150_000))
    share = add_indicator(store, Indicator(0, "Andel", target_milli=40_000))
    for indicator, value in ((score, 6_800), (count, 137_000), (share, 36_900)):
        evaluations.set_value(store, indicator.id, 2025,
                              IndicatorValue(indicator.id, 2025, value))
    translation.set_language("sv")
    panel = open_panel(full_ctx, qtbot)
    chart = panel.goals_tab.chart
    shown = {}
    for indicator in (score, count, share):
        panel.goals_tab.select("indicator", indicator.id)
        qtbot.waitUntil(lambda name=indicator.name: chart.widget is not None
                        and chart.chart.title == name)
        line = chart.widget.items[0]
        shown[indicator.name] = (list(line.yData), line.toolTip(),
                                 chart.widget.getPlotItem().getAxis("left").labelText)
    values, tip, axis = shown["Betyg"]
    assert values == [pytest.approx(6.8)] and axis == "värde"
    assert "2025: 6,8" in tip and "6800" not in tip and "2025: 7" not in tip
    values, tip, axis = shown["Antal"]
    assert values == [137.0] and axis == "antal"
    assert tip.endswith("2025: 137")
    values, tip, axis = shown["Andel"]
    assert values == [pytest.approx(36.9)] and axis == "procent"
    assert "2025: 36,9\u00a0%" in tip


# Evaluations ------------------------------------------------------------------------------

def test_an_evaluation_added_filtered_edited_and_removed_with_undo(panel, full_ctx):
    store = full_ctx.require_store()
    activity = add_activity(store)
    other = add_activity(store, "Jobbspåret")
    changes = evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.NNS, "NNS-indikatorer", None, "Kansliet")).changes
    full_ctx.events.changed.emit(changes)
    panel.show_tab("evaluations")
    tab = panel.evaluations_tab
    assert [e.title for e in tab.shown()] == ["NNS-indikatorer"]
    tab.set_filter(activity.id)
    tab.add_button.click()
    dialog = tab.dialog
    assert dialog.activity.currentData() == activity.id, "the filtered activity is offered"
    select_data(dialog.kind, EvaluationKind.PROCESS)
    dialog.title.setText("Processutvärdering av Steg")
    dialog.evaluator.setText("FoU Mälarsund")
    dialog.started.setText("2025-09-01")
    dialog.finished.setText("2025-08-01")
    ok(dialog)
    assert "cannot finish before it starts" in dialog.error.text() and dialog.isVisible()
    dialog.finished.setText("2026-04-30")
    dialog.findings.setPlainText("Väntetiden har halverats.")
    dialog.recommendations.setPlainText("Fortsätt.")
    dialog.file_ref.setText("https://example.org/steg.pdf")
    ok(dialog)
    assert not dialog.isVisible()
    added = next(e for e in evaluations.list_evaluations(store) if e.activity_id)
    assert (added.kind, added.title, added.started_on, added.finished_on, added.file_ref) == (
        EvaluationKind.PROCESS, "Processutvärdering av Steg", dt.date(2025, 9, 1),
        dt.date(2026, 4, 30), "https://example.org/steg.pdf")
    assert tab.shown() == [added] and tab.selected() == added
    row = [tab.model.data(tab.model.index(0, c)) for c in range(6)]
    assert row == ["Process evaluation", "Processutvärdering av Steg", "Steg till arbete",
                   "FoU Mälarsund", "2026-04-30", "steg.pdf"]
    assert tab.model.data(tab.model.index(0, 5), Qt.ItemDataRole.ToolTipRole) == \
        "https://example.org/steg.pdf", "the list shows the file name, the tooltip all of it"
    assert "Väntetiden har halverats." in tab.details.toPlainText()

    tab.set_filter("agency")
    assert [e.title for e in tab.shown()] == ["NNS-indikatorer"]
    tab.set_filter(other.id)
    assert tab.shown() == []
    tab.set_filter("all", EvaluationKind.PROCESS)
    assert tab.shown() == [added]
    tab.set_filter()

    tab.select(added.id)
    dialog = tab.edit_selected()
    dialog.title.setText("Processutvärdering av Steg till arbete")
    ok(dialog)
    assert tab.selected().title == "Processutvärdering av Steg till arbete"
    full_ctx.undo_stack.undo()
    assert {e.title for e in tab.shown()} == {"Processutvärdering av Steg", "NNS-indikatorer"}

    tab.select(added.id)
    tab.remove_button.click()
    assert [e.title for e in tab.shown()] == ["NNS-indikatorer"]
    assert "removed" in tab.message.text()
    full_ctx.undo_stack.undo()
    assert added in evaluations.list_evaluations(store), "back with its id"
    full_ctx.undo_stack.redo()
    assert added not in evaluations.list_evaluations(store)


def test_a_personal_identity_number_is_refused_and_the_text_kept(panel, full_ctx):
    store = full_ctx.require_store()
    panel.show_tab("evaluations")
    tab = panel.evaluations_tab
    dialog = tab.add()
    assert "personal data" in dialog.findings.placeholderText()
    dialog.title.setText("Uppföljning")
    findings = "Deltagaren 19850312-1234 har fått arbete."
    dialog.findings.setPlainText(findings)
    ok(dialog)
    assert dialog.isVisible()
    assert "personal identity number" in dialog.error.text()
    assert dialog.findings.toPlainText() == findings
    assert evaluations.list_evaluations(store) == []
    dialog.findings.setPlainText("En deltagare har fått arbete.")
    ok(dialog)
    assert not dialog.isVisible() and len(evaluations.list_evaluations(store)) == 1
    assert len(tab.shown()) == 1


def test_the_report_opens_through_dialogs(panel, full_ctx, opened, modals, tmp_path):
    store = full_ctx.require_store()
    report = tmp_path / "Utvärderingar" / "rapport.pdf"
    for title, ref in (("Webb", "https://example.org/r.pdf"),
                       ("Fil", "Utvärderingar/rapport.pdf"), ("Saknas", "borta.pdf"),
                       ("Ingen", "")):
        evaluations.save_evaluation(store, Evaluation(0, EvaluationKind.OUTCOME, title,
                                                      file_ref=ref))
    panel.refresh()
    panel.show_tab("evaluations")
    tab = panel.evaluations_tab
    ids = {e.title: e.id for e in tab.shown()}
    tab.select(ids["Webb"])
    tab.open_button.click()
    assert opened == ["https://example.org/r.pdf"] and modals.errors == []
    tab.select(ids["Fil"])
    assert not tab.open_selected()
    assert opened[-1] == str(report), "a relative path is looked for beside the agency file"
    assert "was not found" in modals.errors[-1]
    tab.select(ids["Ingen"])
    assert not tab.open_button.isEnabled()
    tab.select(ids["Saknas"])
    dialog = tab.edit_selected()
    modals.paths = [str(report)]
    dialog.browse_button.click()
    assert dialog.file_ref.text() == str(report)
    dialog.open_button.click()
    assert opened[-1] == str(report)
    dialog.file_ref.setText("")
    assert not dialog.open_button.isEnabled()
    dialog.reject()


# Refresh and language ---------------------------------------------------------------------

def test_changes_elsewhere_refresh_names_and_the_language_switch_retranslates(panel,
                                                                             full_ctx):
    store = full_ctx.require_store()
    activity = add_activity(store)
    evaluations.save_evaluation(store, Evaluation(0, EvaluationKind.ONGOING, "Löpande",
                                                  activity.id))
    indicator = add_indicator(store, Indicator(0, "Antal", unit=Unit.COUNT,
                                               activity_id=activity.id))
    _before, changes = activities.update_activity(
        store, dataclasses.replace(activity, name="Steg till arbete 2.0"))
    full_ctx.events.changed.emit(changes)
    assert tree_text(panel, "indicator", indicator.id, cols.APPLIES) == "Steg till arbete 2.0"
    tab = panel.evaluations_tab
    assert tab.model.data(tab.model.index(0, 2)) == "Steg till arbete 2.0"
    share = add_indicator(store, Indicator(0, "Andel", target_milli=40_000))
    evaluations.set_value(store, share.id, 2025, IndicatorValue(share.id, 2025, 35_000))
    panel.refresh()
    goals = panel.goals_tab
    goals.select("indicator", share.id)
    assert goals.chart.widget.getPlotItem().getAxis("left").labelText == "per cent"
    translation.set_language("sv")
    assert panel.tabs.tabText(1) == "Utvärderingar"
    assert tab.model.data(tab.model.index(0, 2)) == "Steg till arbete 2.0"
    assert goals.selected_indicator() == share, "the selection survives the switch"
    assert goals.values.grid().headers()[0] == "År"
    assert goals.chart.widget.getPlotItem().getAxis("left").labelText == "procent"
    translation.set_language("en")
    assert panel.tabs.tabText(0) == "Goals and indicators"
    assert panel.goals_tab.model.headerData(0, Qt.Orientation.Horizontal) == \
        "Goal / indicator"


PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from finsam_desktop.domain.evaluations import Indicator
from finsam_desktop.services import evaluations
from finsam_desktop.ui import translation
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.opening import open_file
translation.set_language("en")
window = MainWindow(AppContext.create(None), remember=False)
window.show()
window.set_store(open_file(sys.argv[1]))
panel = window.show_panel("evaluations")
app.processEvents()
print("GOALS ONLY", [m for m in ("pyqtgraph", "numpy") if m in sys.modules])
store = window.ctx.require_store()
saved = evaluations.save_indicator(store, Indicator(0, "Andel", target_milli=1))
window.ctx.events.changed.emit(saved.changes)
panel.goals_tab.select("indicator", saved.record.id)
app.processEvents()
print("INDICATOR", "pyqtgraph" in sys.modules, panel.goals_tab.chart.widget is not None)
window.close()
"""


def test_pyqtgraph_is_imported_only_when_an_indicator_chart_is_shown(full_file, tmp_path):
    store = open_store(full_file)
    evaluations.save_goal(store, Goal(0, "Fler i arbete"))
    store.close()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE, str(full_file)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "GOALS ONLY []" in result.stdout, result.stdout
    assert "INDICATOR True True" in result.stdout, result.stdout
