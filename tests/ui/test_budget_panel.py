"""Budget panel: a year created from the empty panel, amounts typed into the plan grid with
the contribution split and totals following, a bad amount refused without losing it, an
activity line that needs a focus, adoption against a decision § (read-only) and revision,
actuals typed and pasted from Excel (all or nothing), forecasts, payments flagged when off
the shares, undo, warnings, texts kept across a year switch, language switch and exports."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLineEdit

from finsam_desktop.domain.budget import Area, BudgetLine, Focus, Payment, Periods
from finsam_desktop.services import budget, minutes, organisation
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs, translation
from finsam_desktop.ui.panels.budget.grid import RED, GridView
from finsam_desktop.ui.widgets.fields import select_data
from tests.meeting_factories import plan

pytestmark = pytest.mark.gui

K = 100  # öre per krona
YEAR = 2026  # TODAY is 2026-11-22: the year being followed up


@pytest.fixture(autouse=True)
def choices(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[object, str]]]:
    """`dialogs.ask_choice` picks the first offer (and records what was offered)."""
    offered: list[list[tuple[object, str]]] = []

    def pick(_parent, _title, _label, options):  # type: ignore[no-untyped-def]
        offered.append(list(options))
        return options[0][0] if options else None

    monkeypatch.setattr(dialogs, "ask_choice", pick)
    return offered


def make_year(store: Store, year: int = YEAR, total: int = 1_000_000,
              opening: int | None = 100_000) -> int:
    """A proposal with the default lines; returns its version id."""
    version, _changes = budget.create_year(store, year, contributions_ore=total * K,
                                           opening_equity_ore=None if opening is None
                                           else opening * K)
    return version.id


def line_id(store: Store, area: Area, year: int = YEAR) -> int:
    return next(li.id for li in budget.view(store, year).lines if li.area is area)


def open_panel(ctx, qtbot):  # type: ignore[no-untyped-def]
    from finsam_desktop.ui.panels.budget.panel import BudgetPanel

    panel = BudgetPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1300, 860)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


@pytest.fixture
def panel(full_ctx, qtbot):  # type: ignore[no-untyped-def]
    """The panel on a 2026 proposal: contributions 1 000 000 kr, opening equity 100 000 kr."""
    make_year(full_ctx.require_store())
    return open_panel(full_ctx, qtbot)


def row_of(model, key) -> int:  # type: ignore[no-untyped-def]
    row = model.row_of(key)
    assert row >= 0, f"no row {key}"
    return row


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


def paste(view: GridView, row: int, column: int, text: str) -> None:
    QApplication.clipboard().setText(text)
    view.setFocus()
    view.select_cell(row, column)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def plan_text(panel, key, column: int) -> str:  # type: ignore[no-untyped-def]
    model = panel.plan_tab.model
    return model.text(row_of(model, key), column)


def split_text(panel, member_name: str, column: int) -> str:  # type: ignore[no-untyped-def]
    model = panel.plan_tab.split_model
    row = next(i for i, r in enumerate(model.rows()) if r.cells[0] == member_name)
    return model.text(row, column)


# Years ------------------------------------------------------------------------------------


def test_a_new_year_is_made_from_the_empty_panel(full_ctx, qtbot):
    panel = open_panel(full_ctx, qtbot)
    assert panel.pages.currentIndex() == 0, "no budget yet: the empty page"
    assert not panel.export_pdf_button.isEnabled()
    dialog = panel.empty_button.click() or panel.year_dialog
    assert dialog is not None and dialog.year.value() == YEAR
    dialog.contributions.setText("2 000 000")
    dialog.opening.setText("lots")
    ok(dialog)
    assert dialog.isVisible() and "lots" in dialog.error.text(), "a bad amount keeps it open"
    assert budget.years(full_ctx.require_store()) == []
    dialog.opening.setText("300 000")
    ok(dialog)
    assert not dialog.isVisible()
    assert panel.pages.currentIndex() == 1 and panel.year_combo.currentData() == YEAR
    assert panel.version_combo.currentText().startswith("Proposal")
    assert plan_text(panel, ("total", "income"), 3) == "2,000,000"
    assert split_text(panel, "Försäkringskassan", 2) == "1,000,000"
    assert split_text(panel, "Bby kommun", 2) == "200,000"
    assert panel.plan_tab.opening.text() == "300,000"
    assert budget.get_year(full_ctx.require_store(), YEAR).opening_equity_ore == 300_000 * K


def test_copy_to_next_year_shows_the_new_year(panel, modals):
    store = panel._ctx.require_store()
    budget.set_amount(store, panel.shown_version(), line_id(store, Area.CONTRIBUTIONS), 1,
                      1_100_000 * K)
    panel.refresh()
    panel.copy_button.click()
    assert budget.years(store) == [YEAR, YEAR + 1]
    assert panel.year_combo.currentData() == YEAR + 1
    assert plan_text(panel, ("total", "income"), 3) == "1,100,000", "plan year 1 moved up"
    select_data(panel.year_combo, YEAR)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert panel.year_combo.currentData() == YEAR
    panel.copy_button.click()
    assert modals.errors and "already a budget" in modals.errors[-1]


# The plan ---------------------------------------------------------------------------------


def test_typing_an_amount_updates_totals_result_and_the_split(panel, qtbot):
    store = panel._ctx.require_store()
    contributions = line_id(store, Area.CONTRIBUTIONS)
    view = panel.plan_tab.view
    type_into(qtbot, view, row_of(panel.plan_tab.model, ("line", contributions)), 3,
              "1 234 567.50")
    assert budget.view(store, YEAR).amounts[contributions][0] == 123_456_750
    assert plan_text(panel, ("line", contributions), 3) == "1,234,567.50"
    assert plan_text(panel, ("total", "income"), 3) == "1,234,567.50"
    assert split_text(panel, "Försäkringskassan", 2) == "617,283.75"
    admin = line_id(store, Area.ADMINISTRATION)
    type_into(qtbot, view, row_of(panel.plan_tab.model, ("line", admin)), 4, "300 000")
    assert budget.view(store, YEAR).amounts[admin] == [0, 300_000 * K, 0]
    assert plan_text(panel, ("total", "costs"), 4) == "300,000"
    assert plan_text(panel, ("total", "result"), 4) == "\u2212300,000"
    model = panel.plan_tab.model
    result = model.index(row_of(model, ("total", "result")), 4)
    assert result.data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert not view.isRowHidden(row_of(model, ("equity",))), "a deficit: use of equity shown"
    assert plan_text(panel, ("equity",), 4) == "300,000"
    assert plan_text(panel, ("equity",), 3) == ""
    assert view.currentIndex().row() > row_of(model, ("line", admin)), "Enter moves down"


def test_a_bad_amount_is_refused_shown_and_kept(panel, qtbot):
    store = panel._ctx.require_store()
    board = line_id(store, Area.BOARD)
    model = panel.plan_tab.model
    type_into(qtbot, panel.plan_tab.view, row_of(model, ("line", board)), 3, "12x00")
    assert "12x00" in panel.plan_tab.message.text() and "not an amount" in \
        panel.plan_tab.message.text()
    index = model.index(row_of(model, ("line", board)), 3)
    assert index.data() == "12x00", "what was typed stays in the cell"
    assert "not an amount" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.EditRole) == "12x00", "the editor reopens with it"
    assert budget.view(store, YEAR).amounts.get(board, [0, 0, 0])[0] == 0
    type_into(qtbot, panel.plan_tab.view, row_of(model, ("line", board)), 3, "-5")
    assert "negative" in panel.plan_tab.message.text()
    type_into(qtbot, panel.plan_tab.view, row_of(model, ("line", board)), 3, "150 000")
    assert index.data() == "150,000" and not model.pending()
    assert panel.plan_tab.message.text() == ""
    assert budget.view(store, YEAR).amounts[board][0] == 150_000 * K


def test_undo_and_redo_an_amount(panel, qtbot):
    store = panel._ctx.require_store()
    audit = line_id(store, Area.AUDIT)
    model = panel.plan_tab.model
    type_into(qtbot, panel.plan_tab.view, row_of(model, ("line", audit)), 3, "80000")
    type_into(qtbot, panel.plan_tab.view, row_of(model, ("line", audit)), 3, "90000")
    assert plan_text(panel, ("line", audit), 3) == "90,000"
    panel._ctx.undo_stack.undo()
    assert plan_text(panel, ("line", audit), 3) == "80,000"
    assert budget.view(store, YEAR).amounts[audit][0] == 80_000 * K
    panel._ctx.undo_stack.undo()
    assert plan_text(panel, ("line", audit), 3) == "0"
    panel._ctx.undo_stack.redo()
    assert plan_text(panel, ("line", audit), 3) == "80,000"


def test_delete_sets_the_selected_amounts_to_zero_in_one_undo_step(panel):
    store = panel._ctx.require_store()
    board, admin = line_id(store, Area.BOARD), line_id(store, Area.ADMINISTRATION)
    for line in (board, admin):
        budget.set_amount(store, panel.shown_version(), line, 0, 50_000 * K)
    panel.refresh()
    view, model = panel.plan_tab.view, panel.plan_tab.model
    view.setFocus()
    view.select_cell(row_of(model, ("line", board)), 3)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    amounts = budget.view(store, YEAR).amounts
    assert amounts.get(board, [0])[0] == amounts.get(admin, [0])[0] == 0
    assert plan_text(panel, ("line", board), 3) == plan_text(panel, ("line", admin), 3) == "0"
    panel._ctx.undo_stack.undo()
    amounts = budget.view(store, YEAR).amounts
    assert amounts[board][0] == amounts[admin][0] == 50_000 * K


def test_an_activity_line_needs_a_focus_and_can_be_removed_and_restored(panel, modals):
    store = panel._ctx.require_store()
    tab = panel.plan_tab
    dialog = tab.add_line()
    assert dialog is not None and dialog.area.currentData() == Area.ACTIVITIES
    assert dialog.focus.isEnabled()
    dialog.name.setText("Steg för steg")
    dialog.amounts[0].setText("400 000")
    ok(dialog)
    assert dialog.isVisible() and "focus" in dialog.error.text()
    assert [li.name for li in budget.view(store, YEAR).lines if li.area is Area.ACTIVITIES] == []
    select_data(dialog.focus, Focus.STRUCTURAL)
    ok(dialog)
    assert not dialog.isVisible()
    line = next(li for li in budget.view(store, YEAR).lines if li.name == "Steg för steg")
    assert line.focus is Focus.STRUCTURAL
    assert plan_text(panel, ("line", line.id), 2) == "Structural"
    assert plan_text(panel, ("line", line.id), 3) == "400,000"
    assert tab.selected_line() == line, "the cursor goes to the new line"
    assert panel.figures.values[1].text() == "0\u00a0% / 100\u00a0%"
    assert panel.figures.values[0].text() == "0\u00a0%"
    dialog = tab.edit_line()
    select_data(dialog.focus, Focus.INDIVIDUAL)
    dialog.name.setText("Steg till arbete")
    ok(dialog)
    assert plan_text(panel, ("line", line.id), 0) == "Steg till arbete"
    assert panel.figures.values[1].text() == "100\u00a0% / 0\u00a0%"
    modals.answers = [True]
    assert tab.remove_line()
    assert tab.model.row_of(("line", line.id)) == -1
    panel._ctx.undo_stack.undo()
    assert plan_text(panel, ("line", line.id), 3) == "400,000", "undo restores its amounts"
    assert budget.view(store, YEAR).amounts[line.id][0] == 400_000 * K


def test_opening_equity_and_periods_are_saved(panel, qtbot):
    store = panel._ctx.require_store()
    tab = panel.plan_tab
    tab.opening.setFocus()
    tab.opening.setText("250 000")
    tab.view.setFocus()
    qtbot.waitUntil(lambda: budget.get_year(store, YEAR).opening_equity_ore == 250_000 * K)
    assert panel.figures.values[2].text().startswith("250,000")
    select_data(tab.periods, Periods.TERTIAL)
    tab.periods.activated.emit(tab.periods.currentIndex())
    assert budget.get_year(store, YEAR).periods is Periods.TERTIAL
    assert panel.followup_tab.actuals_model.headers() == ["Line", "Total", "T1", "T2", "T3"]
    panel._ctx.undo_stack.undo()
    assert panel.followup_tab.actuals_model.headers()[2:4] == ["Jan", "Feb"]


# Adoption and revision --------------------------------------------------------------------


def numbered_decision(store: Store) -> None:
    meeting = plan(store, dt.date(YEAR - 1, 11, 20), "Verksamhetsplan med budget 2026")
    minutes.start_minutes(store, meeting.id)


def test_adopt_against_a_decision_locks_the_grid_and_revise_unlocks(panel, modals, choices,
                                                                    qtbot):
    store = panel._ctx.require_store()
    panel.adopt()
    assert modals.errors and "numbered decision" in modals.errors[-1], "no § to adopt by"
    numbered_decision(store)
    panel.adopt_button.click()
    assert choices[-1] and "Verksamhetsplan med budget 2026" in choices[-1][0][1]
    assert panel.version_combo.currentText().startswith("Adopted §")
    assert panel.plan_tab.banner.isVisible() and "Revise" in panel.plan_tab.banner.text()
    model = panel.plan_tab.model
    board = model.index(row_of(model, ("line", line_id(store, Area.BOARD))), 3)
    assert not model.flags(board) & Qt.ItemFlag.ItemIsEditable
    assert "revised version" in board.data(Qt.ItemDataRole.ToolTipRole)
    assert not panel.plan_tab.add_button.isEnabled()
    assert not panel.adopt_button.isEnabled() and panel.revise_button.isEnabled()
    panel.plan_tab.view.setFocus()
    panel.plan_tab.view.select_cell(board.row(), 3)
    QTest.keyClick(panel.plan_tab.view, "5")
    assert panel.plan_tab.view.state() != QAbstractItemView.State.EditingState
    panel.revise_button.click()
    assert panel.version_combo.count() == 2
    assert panel.version_combo.currentText().startswith("Revised")
    assert not panel.plan_tab.banner.isVisible()
    assert model.flags(model.index(board.row(), 3)) & Qt.ItemFlag.ItemIsEditable
    type_into(qtbot, panel.plan_tab.view, board.row(), 3, "70000")
    adopted, revised = budget.versions(store, YEAR)
    assert budget.view(store, YEAR, revised.id).amounts[line_id(store, Area.BOARD)][0] \
        == 70_000 * K
    assert budget.view(store, YEAR, adopted.id).amounts.get(
        line_id(store, Area.BOARD), [0])[0] == 0, "the adopted version never changes"
    assert "Adopted" in panel.followup_tab.basis.text(), "follow-up uses the adopted one"
    panel.version_combo.setCurrentIndex(0)
    panel.version_combo.activated.emit(0)
    assert panel.plan_tab.banner.isVisible()


def test_undo_takes_an_adoption_back(panel):
    store = panel._ctx.require_store()
    numbered_decision(store)
    assert panel.adopt()
    assert budget.versions(store, YEAR)[0].locked
    panel._ctx.undo_stack.undo()
    assert not budget.versions(store, YEAR)[0].locked
    assert panel.version_combo.currentText().startswith("Proposal")
    assert panel.plan_tab.add_button.isEnabled()


def test_an_unadopted_version_can_be_removed(panel, modals):
    store = panel._ctx.require_store()
    numbered_decision(store)
    panel.adopt()
    panel.revise()
    assert panel.remove_version_button.isEnabled()
    modals.answers = [True]
    panel.remove_version_button.click()
    assert len(budget.versions(store, YEAR)) == 1
    assert panel.version_combo.count() == 1 and panel.plan_tab.banner.isVisible()


# Follow-up --------------------------------------------------------------------------------


def summary_row(panel, key):  # type: ignore[no-untyped-def]
    model = panel.followup_tab.summary_model
    return model.row(row_of(model, key))


def test_a_typed_actual_changes_forecast_and_deviation(panel, qtbot):
    store = panel._ctx.require_store()
    board = line_id(store, Area.BOARD)
    budget.set_amount(store, panel.shown_version(), board, 0, 120_000 * K)
    panel.refresh()
    panel.show_tab("followup")
    tab = panel.followup_tab
    assert summary_row(panel, ("line", board)).cells[1:4] == ["120,000", "0", "120,000"]
    grid = tab.actuals
    type_into(qtbot, grid, row_of(tab.actuals_model, ("line", board)), 4, "60 000")  # Mar
    assert budget.follow_up(store, YEAR).lines[1].months[2] == 60_000 * K
    row = summary_row(panel, ("line", board))
    # Actual 60 000 through March + 9/12 of 120 000 = 150 000: 30 000 over budget.
    assert row.cells[1:6] == ["120,000", "60,000", "150,000", "\u221230,000", "\u221225\u00a0%"]
    model = tab.summary_model
    deviation = model.index(row_of(model, ("line", board)), 4)
    assert deviation.data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert "through Mar" in tab.basis.text()
    total = tab.actuals_model.row(row_of(tab.actuals_model, ("total", "costs")))
    assert total.cells[4] == "60,000" and total.cells[1] == "60,000"
    type_into(qtbot, tab.summary, row_of(model, ("line", board)), 3, "100 000")
    row = summary_row(panel, ("line", board))
    assert row.cells[3:5] == ["100,000", "+20,000"] and 3 in row.marked
    font = model.index(row_of(model, ("line", board)), 3).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold() and font.italic()
    tab.summary.setFocus()
    tab.summary.select_cell(row_of(model, ("line", board)), 3)
    QTest.keyClick(tab.summary, Qt.Key.Key_Delete)
    row = summary_row(panel, ("line", board))
    assert row.cells[3] == "150,000" and not row.marked, "back to the automatic forecast"
    tab.per_area.setChecked(True)
    assert [r.cells[0] for r in tab.summary_model.rows()][:3] == ["Income",
                                                                  "Member contributions",
                                                                  "Total income"]
    assert summary_row(panel, ("area", Area.BOARD)).cells[2] == "60,000"


def test_a_pasted_block_is_written_whole_or_not_at_all(panel, modals):
    store = panel._ctx.require_store()
    board, admin = line_id(store, Area.BOARD), line_id(store, Area.ADMINISTRATION)
    panel.show_tab("followup")
    tab = panel.followup_tab
    grid, model = tab.actuals, tab.actuals_model
    top = row_of(model, ("line", board))
    assert row_of(model, ("line", admin)) == top + 1
    paste(grid, top, 2, "10 000\t12 500\r\n200 000\t\r\n")
    months = {li.line_id: li.months for li in budget.follow_up(store, YEAR).lines}
    assert months[board][:3] == (10_000 * K, 12_500 * K, 0)
    assert months[admin][:2] == (200_000 * K, 0)
    assert model.row(top).cells[1:4] == ["22,500", "10,000", "12,500"]
    assert "4 cells pasted" in tab.message.text(), "the empty cell cleared Feb"
    before = budget.follow_up(store, YEAR).lines
    paste(grid, top, 2, "1 000\t2 000\n3 000\tabc\n")
    assert modals.errors, "a bad cell is reported"
    assert "row “Administration”, column Feb" in modals.errors[-1]
    assert "abc" in modals.errors[-1]
    assert budget.follow_up(store, YEAR).lines == before, "nothing was written"
    paste(grid, top, 12, "1\t2\t3")
    assert "outside the months" in modals.errors[-1]
    paste(grid, row_of(model, ("line", line_id(store, Area.CONTRIBUTIONS))), 2, "5")
    assert "Contributions tab" in modals.errors[-1]
    assert budget.follow_up(store, YEAR).lines == before
    panel._ctx.undo_stack.undo()  # the first paste
    months = {li.line_id: li.months for li in budget.follow_up(store, YEAR).lines}
    assert months[board][:2] == (0, 0) and months[admin][0] == 0


def test_delete_clears_actuals(panel):
    store = panel._ctx.require_store()
    board = line_id(store, Area.BOARD)
    budget.set_actuals(store, YEAR, [(board, 1, 5_000 * K), (board, 2, 6_000 * K)])
    panel.refresh()
    panel.show_tab("followup")
    grid, model = panel.followup_tab.actuals, panel.followup_tab.actuals_model
    row = row_of(model, ("line", board))
    grid.setFocus()
    grid.select_cell(row, 2)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert budget.follow_up(store, YEAR).lines[1].months[:2] == (0, 0)
    assert model.row(row).cells[1:4] == ["0", "", ""]


# Contributions ----------------------------------------------------------------------------


def test_a_payment_off_the_shares_is_flagged_and_can_be_removed(panel, modals):
    store = panel._ctx.require_store()
    panel.show_tab("contributions")
    tab = panel.contributions_tab
    bby = next(m for m in organisation.list_members(store) if m.name == "Bby kommun")
    dialog = tab.add_payment()
    select_data(dialog.member, bby.id)
    assert dialog.amount.text() == "100,000", "starts with what the member owes"
    dialog.amount.setText("125 000")
    dialog.note.setText("Inkl. extra")
    ok(dialog)
    assert not dialog.isVisible()
    row = tab.model.row(row_of(tab.model, ("member", bby.id)))
    assert row.flagged and row.cells[1:6] == ["100,000", "125,000", "+25,000", "+2.50",
                                              "Deviates from the shares"]
    assert "25,000" in row.tips[-1] and "more than its share" in row.tips[-1]
    assert tab.flags.text().startswith("⚠ Bby kommun has paid")
    codes = [code for code, _severe, _text in panel.figures.shown_warnings()]
    assert "payment_deviates" in codes
    assert [r.cells[1:3] for r in tab.payments_model.rows()] == [["Bby kommun", "125,000"]]
    tab.payments.selectRow(0)
    modals.answers = [True]
    tab.remove_button.click()
    assert budget.payments(store, YEAR) == []
    assert not tab.model.row(row_of(tab.model, ("member", bby.id))).flagged
    panel._ctx.undo_stack.undo()
    assert [p.amount_ore for p in budget.payments(store, YEAR)] == [125_000 * K]
    assert tab.model.row(row_of(tab.model, ("member", bby.id))).flagged


def test_payment_dialog_refuses_a_bad_amount(panel):
    panel.show_tab("contributions")
    dialog = panel.contributions_tab.add_payment()
    dialog.amount.setText("hundra")
    ok(dialog)
    assert dialog.isVisible() and "hundra" in dialog.error.text()
    assert budget.payments(panel._ctx.require_store(), YEAR) == []


def test_payments_show_as_the_contribution_actuals(panel):
    store = panel._ctx.require_store()
    fk = next(m for m in organisation.list_members(store) if m.name == "Försäkringskassan")
    budget.add_payment(store, Payment(0, YEAR, fk.id, dt.date(YEAR, 2, 3), 500_000 * K))
    panel.refresh()
    model = panel.followup_tab.actuals_model
    row = model.row(row_of(model, ("line", line_id(store, Area.CONTRIBUTIONS))))
    assert row.cells[3] == "500,000" and not row.edit, "read-only: payments are its actuals"
    assert "Contributions tab" in row.tips[-1]


# Key figures and warnings -----------------------------------------------------------------


def test_a_deficit_not_covered_by_equity_is_a_severe_warning(full_ctx, qtbot):
    store = full_ctx.require_store()
    make_year(store, total=100_000, opening=10_000)
    panel = open_panel(full_ctx, qtbot)
    assert [c for c, _s, _t in panel.figures.shown_warnings()] == ["equity_above_threshold"]
    admin = line_id(store, Area.ADMINISTRATION)
    type_into(qtbot, panel.plan_tab.view, row_of(panel.plan_tab.model, ("line", admin)), 3,
              "200 000")
    warnings = panel.figures.shown_warnings()
    assert warnings and {(code, severe) for code, severe, _t in warnings} == {
        ("deficit_uncovered", True)}, "above the threshold no more; the deficit is severe"
    assert "90,000" in warnings[0][2], "the gap not covered"
    label = panel.figures.warnings[0]
    assert "b00020" in label.styleSheet() or "8a0012" in label.styleSheet()
    assert plan_text(panel, ("equity",), 3) == "100,000"
    assert panel.figures.values[0].text() == "100\u00a0%"


def test_equity_above_the_threshold_is_explained(full_ctx, qtbot):
    store = full_ctx.require_store()
    make_year(store, total=1_000_000, opening=500_000)
    budget.set_amount(store, budget.versions(store, YEAR)[0].id,
                      line_id(store, Area.ADMINISTRATION), 0, 900_000 * K)
    panel = open_panel(full_ctx, qtbot)
    warnings = panel.figures.shown_warnings()
    assert [(code, severe) for code, severe, _t in warnings] == [
        ("equity_above_threshold", False)]
    assert "threshold of 20" in warnings[0][2] and "Nationella rådet" in warnings[0][2]
    assert panel.figures.values[3].text() == "60\u00a0%"
    assert panel.figures.captions[3].text() == "Equity / contributions (threshold 20\u00a0%)"
    assert panel.figures.captions[2].text() == "Equity at the start → end (forecast)"
    assert panel.figures.values[2].text() == "500,000\u00a0kr → 600,000\u00a0kr"


def test_shares_that_do_not_add_up_replace_the_split(panel):
    store = panel._ctx.require_store()
    bby = next(m for m in organisation.list_members(store) if m.name == "Bby kommun")
    _before, changes = organisation.update_member(store, dataclasses.replace(
        bby, share_ppm=50_000))
    panel._ctx.events.changed.emit(changes)
    assert panel.plan_tab.split_view.isHidden()
    assert not panel.plan_tab.split_problems.isHidden()
    assert "cannot be split" in panel.plan_tab.split_problems.text()
    assert any(severe for _c, severe, _t in panel.figures.shown_warnings())


# Texts, language, refresh -----------------------------------------------------------------


def test_texts_are_saved_on_leaving_and_kept_across_a_year_switch(panel, qtbot):
    store = panel._ctx.require_store()
    make_year(store, YEAR + 1)
    panel.refresh()
    version = panel.shown_version()
    panel.show_tab("texts")
    tab = panel.texts_tab
    goals = tab.editors["goals"]
    goals.setFocus()
    qtbot.waitUntil(goals.hasFocus)
    QTest.keyClicks(goals, "More people in work")
    tab.editors["priorities"].setFocus()
    qtbot.waitUntil(lambda: budget.texts(store, version)["goals"] == "More people in work")
    priorities = tab.editors["priorities"]
    priorities.insertPlainText("Unga vuxna, långtidsarbetslösa")
    select_data(panel.year_combo, YEAR + 1)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert budget.texts(store, version)["priorities"] == "Unga vuxna, långtidsarbetslösa"
    assert priorities.text() == "" and panel.shown_version() != version
    select_data(panel.year_combo, YEAR)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert priorities.text() == "Unga vuxna, långtidsarbetslösa"


def test_a_refresh_never_overwrites_a_text_being_typed(panel):
    tab = panel.texts_tab
    tab.editors["conditions"].insertPlainText("Halfway through a sentence")
    panel._ctx.events.changed.emit(budget.set_amount(
        panel._ctx.require_store(), panel.shown_version(),
        line_id(panel._ctx.require_store(), Area.BOARD), 0, 1_000 * K)[1])
    assert tab.editors["conditions"].text() == "Halfway through a sentence"


def test_the_panel_follows_the_language(panel):
    assert panel.plan_tab.split_model.headers()[:2] == ["Member", "Share"]
    translation.set_language("sv")
    assert panel.plan_tab.split_model.headers()[:2] == ["Medlem", "Andel"]
    assert split_text(panel, "Försäkringskassan", 2) == "500\u00a0000"
    translation.set_language("en")
    assert split_text(panel, "Försäkringskassan", 2) == "500,000"


def test_budget_panel_is_in_the_navigation(full_file, ui_settings, qtbot):
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow

    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(full_file))
    window.nav.setCurrentItem(window.nav.item_for("budget"))
    assert window.current_panel_key() == "budget"
    assert window.panels["budget"].pages.currentIndex() == 0
    ctx.replace_store(None)


# Exports ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "magic"), [(".pdf", b"%PDF"), (".xlsx", b"PK")])
def test_export_writes_the_file_in_a_worker(panel, modals, tmp_path, qtbot, suffix, magic):
    store = panel._ctx.require_store()
    budget.set_amount(store, panel.shown_version(), line_id(store, Area.BOARD), 0, 80_000 * K)
    budget.add_line(store, BudgetLine(0, YEAR, Area.ACTIVITIES, "Steg för steg",
                                      Focus.INDIVIDUAL), [300_000 * K, 0, 0])
    out = tmp_path / "budget"  # the suffix is added
    modals.paths = [str(out)]
    button = panel.export_pdf_button if suffix == ".pdf" else panel.export_xlsx_button
    button.click()
    assert panel.runner.is_busy() and not button.isEnabled()
    qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=30_000)
    assert modals.errors == []
    written = out.with_name("budget" + suffix)
    assert written.read_bytes()[:len(magic)] == magic
    assert str(written) in panel.busy.label.text() and button.isEnabled()
    modals.paths = [None]
    assert not panel.export(suffix), "cancelled: nothing starts"


# More follow-up: tertials, Excel import, copy, the models ------------------------------------


def test_tertials_are_typed_on_their_last_month(panel, qtbot):
    store = panel._ctx.require_store()
    budget.set_year(store, dataclasses.replace(budget.get_year(store, YEAR),
                                               periods=Periods.TERTIAL))
    panel.refresh()
    panel.show_tab("followup")
    tab = panel.followup_tab
    board = line_id(store, Area.BOARD)
    assert tab.actuals_model.headers() == ["Line", "Total", "T1", "T2", "T3"]
    type_into(qtbot, tab.actuals, row_of(tab.actuals_model, ("line", board)), 3, "40000")
    months = next(li.months for li in budget.follow_up(store, YEAR).lines
                  if li.line_id == board)
    assert months[7] == 40_000 * K and sum(months) == 40_000 * K, "T2 is stored on August"
    assert "per tertial" in tab.actuals_label.text()


def test_actuals_are_imported_from_excel_and_undone(panel, modals, tmp_path):
    from openpyxl import Workbook

    store = panel._ctx.require_store()
    board = line_id(store, Area.BOARD)
    book = Workbook()
    sheet = book.active
    sheet.title = "Utfall"
    sheet.append(["År", "Område", "Rad", "Period", "Belopp (kr)"])
    board_name = budget.view(store, YEAR).lines[1].name
    sheet.append([YEAR, "", board_name, "jan", 12_000])
    sheet.append([YEAR, "", board_name, "feb", 13_500.5])
    good = tmp_path / "utfall.xlsx"
    book.save(good)
    sheet.append([YEAR, "", "No such line", "mar", 1])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    panel.show_tab("followup")
    tab = panel.followup_tab
    modals.paths = [str(bad)]
    tab.import_button.click()
    assert modals.errors and "No such line" in modals.errors[-1]
    assert budget.follow_up(store, YEAR).lines[1].months[:2] == (0, 0), "nothing written"
    from finsam_desktop.services import backups

    assert backups.list_backups(store.path) == []  # a refused file needs no backup
    modals.paths = [str(good)]
    tab.import_button.click()
    assert budget.follow_up(store, YEAR).lines[1].months[:2] == (12_000 * K, 1_350_050)
    assert [b.reason for b in backups.list_backups(store.path)] == ["before-import"]
    assert "2 actuals imported from utfall.xlsx" in tab.message.text()
    row = tab.actuals_model.row(row_of(tab.actuals_model, ("line", board)))
    assert row.cells[2:4] == ["12,000", "13,500.50"]
    panel._ctx.undo_stack.undo()
    assert budget.follow_up(store, YEAR).lines[1].months[:2] == (0, 0)


def test_ctrl_c_copies_the_selection_as_excel_rows(panel):
    store = panel._ctx.require_store()
    board = line_id(store, Area.BOARD)
    budget.set_actuals(store, YEAR, [(board, 1, 1_500 * K), (board, 2, 2_500 * K)])
    panel.refresh()
    panel.show_tab("followup")
    grid, model = panel.followup_tab.actuals, panel.followup_tab.actuals_model
    grid.setFocus()
    grid.select_cell(row_of(model, ("line", board)), 2)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "1,500\t2,500"


def test_the_grid_models_pass_the_model_tester(panel, qtmodeltester):
    store = panel._ctx.require_store()
    budget.set_actuals(store, YEAR, [(line_id(store, Area.BOARD), 1, 1_000 * K)])
    panel.refresh()
    for model in (panel.plan_tab.model, panel.plan_tab.split_model,
                  panel.followup_tab.summary_model, panel.followup_tab.actuals_model,
                  panel.contributions_tab.model, panel.contributions_tab.payments_model):
        qtmodeltester.check(model, force_py=True)


def test_closing_the_window_saves_the_text_being_typed(full_file, ui_settings, qtbot):
    from finsam_desktop.storage.store import open_store
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow

    store = open_store(full_file)
    version = make_year(store)
    store.close()
    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_path(str(full_file))
    panel = window.show_panel("budget")
    panel.show_tab("texts")
    editor = panel.texts_tab.editors["goals"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClicks(editor, "Typed just before closing")
    window.close()
    store = open_store(full_file)
    try:
        assert budget.texts(store, version)["goals"] == "Typed just before closing"
    finally:
        store.close()


def test_a_column_the_user_widened_stays_wide_after_an_edit(panel, qtbot):
    store = panel._ctx.require_store()
    view, model = panel.plan_tab.view, panel.plan_tab.model
    view.horizontalHeader().resizeSection(1, 260)
    type_into(qtbot, view, row_of(model, ("line", line_id(store, Area.BOARD))), 3, "1000")
    assert plan_text(panel, ("line", line_id(store, Area.BOARD)), 3) == "1,000"
    assert view.horizontalHeader().sectionSize(1) == 260
