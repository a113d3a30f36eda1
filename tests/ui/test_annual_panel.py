"""Annual report panel: statement figures typed with the sums and last year's column
following, an unbalanced balance sheet warned about, a bad amount refused and kept, texts
kept across a year switch, the signing date listing the ledamöter sitting on it, adoption
by a §, a member's discharge refused without a date and recorded with one, undo, the
language, and the panel in the main window with its § link."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from finsam_desktop.domain.annual import Discharge, MemberCycle, Note, Statement
from finsam_desktop.domain.board import SeatRole
from finsam_desktop.services import annual, board, meetings, minutes, organisation
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs, translation
from finsam_desktop.ui.panels.annual.cycle_strip import ADOPTED, DEADLINE, DISCHARGE, SENT
from finsam_desktop.ui.panels.annual.members_tab import DECIDED_ON, REFERENCE
from finsam_desktop.ui.panels.annual.members_tab import DISCHARGE as DISCHARGE_COLUMN
from finsam_desktop.ui.panels.annual.panel import default_year
from finsam_desktop.ui.panels.annual.statements_tab import LAST, NOTE, THIS
from finsam_desktop.ui.panels.budget.grid import GridView
from finsam_desktop.ui.widgets.fields import select_data
from tests.factories import seat
from tests.meeting_factories import plan

pytestmark = pytest.mark.gui

K = 100  # öre per krona
YEAR = 2026  # TODAY is 2026-11-22: after 1 July, so this year's report is shown


@pytest.fixture(autouse=True)
def choices(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[object, str]]]:
    """`dialogs.ask_choice` picks the first offer (and records what was offered)."""
    offered: list[list[tuple[object, str]]] = []

    def pick(_parent, _title, _label, options):  # type: ignore[no-untyped-def]
        offered.append(list(options))
        return options[0][0] if options else None

    monkeypatch.setattr(dialogs, "ask_choice", pick)
    return offered


def open_panel(ctx, qtbot):  # type: ignore[no-untyped-def]
    from finsam_desktop.ui.panels.annual.panel import AnnualPanel

    panel = AnnualPanel(ctx)
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


def store_of(panel) -> Store:  # type: ignore[no-untyped-def]
    return panel._ctx.require_store()


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


def grid(panel, statement: Statement) -> GridView:  # type: ignore[no-untyped-def]
    panel.show_tab("statements")
    return panel.statements_tab.grids[statement]


def cell(view: GridView, code: str, column: int) -> str:
    model = view.grid()
    row = model.row_of(code)
    assert row >= 0, f"no line {code}"
    return model.text(row, column)


def enter(view: GridView, qtbot, code: str, text: str, column: int = THIS) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, view, view.grid().row_of(code), column, text)


def type_in_field(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


# Notes ------------------------------------------------------------------------------------


def test_notes_written_renumbered_removed_and_undone(panel, qtbot, modals):
    store = store_of(panel)
    annual.set_line(store, YEAR, Statement.INCOME, "operating_income", 100 * K, "2")
    panel.refresh()
    panel.show_tab("notes")
    tab = panel.notes_tab
    assert "refers to note 2, which has not been written" in tab.problems.text()
    dialog = tab.open_editor(None)
    assert dialog.number.value() == 2, "the first free number is offered"
    QTest.keyClicks(dialog.title, "Medlemsbidrag")
    dialog.body.setFocus()
    QTest.keyClicks(dialog.body, "Medlemsbidrag <FK> & region")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    assert annual.notes(store, YEAR) == [Note(YEAR, 2, "Medlemsbidrag",
                                              "Medlemsbidrag <FK> & region")]
    assert tab.problems.isHidden() and tab.model.rowCount() == 1
    dialog = tab.open_editor(None)
    assert dialog.number.value() == 3
    dialog.number.setValue(2)  # taken: refused, the dialog stays with what was typed
    QTest.keyClicks(dialog.title, "Kostnader")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "already exists" in dialog.error.text()
    assert dialog.title.text() == "Kostnader"
    dialog.reject()
    tab.view.selectRow(0)
    dialog = tab.open_editor(tab.model.rows()[0])
    dialog.number.setValue(3)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert [n.number for n in annual.notes(store, YEAR)] == [3]
    assert "refers to note 2" in tab.problems.text(), "the reference now points nowhere"
    panel._ctx.undo_stack.undo()
    assert [n.number for n in annual.notes(store, YEAR)] == [2]
    tab.view.selectRow(0)
    modals.answers.append(True)
    tab.remove_selected()
    assert annual.notes(store, YEAR) == [] and tab.model.rowCount() == 0
    panel._ctx.undo_stack.undo()
    assert annual.notes(store, YEAR)[0].body == "Medlemsbidrag <FK> & region"


# Year and strip ---------------------------------------------------------------------------


def test_the_report_year_is_last_year_until_july_then_this_year():
    assert default_year(dt.date(2027, 6, 30)) == 2026
    assert default_year(dt.date(2027, 7, 1)) == 2027


def test_the_strip_counts_down_to_31_march(panel):
    assert panel.shown_year() == YEAR
    assert panel.strip.captions[DEADLINE].text() == "Deadline 31 March 2027"
    assert panel.strip.value_text(DEADLINE) == "129 days left"  # 2026-11-22 → 2027-03-31
    select_data(panel.year_combo, 2024)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert panel.strip.value_text(DEADLINE) == "passed 601 days ago"
    assert "b00020" in panel.strip.values[DEADLINE].styleSheet(), "passed: in red"


# Statements -------------------------------------------------------------------------------


def test_typed_figures_give_the_sums_beside_last_years_figures(panel, qtbot):
    store = store_of(panel)
    for code, kr in (("operating_income", 9_000_000), ("operating_costs", 8_700_000),
                     ("financial_income", 12_000)):
        annual.set_line(store, YEAR - 1, Statement.INCOME, code, kr * K)
    panel.refresh()
    view = grid(panel, Statement.INCOME)
    assert view.grid().headers()[2:] == ["Actual 2026", "Actual 2025"]
    assert cell(view, "result", LAST) == "312,000"
    enter(view, qtbot, "operating_income", "10400000")
    enter(view, qtbot, "operating_costs", "10 900 000")
    enter(view, qtbot, "financial_costs", "1000.50")
    assert cell(view, "net_operating_costs", THIS) == "\u2212500,000"
    assert cell(view, "result", THIS) == "\u2212501,000.50"
    font = view.grid().index(view.grid().row_of("result"), THIS).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold(), "a sum is bold"
    assert cell(view, "operating_costs", LAST) == "8,700,000", "last year's figure beside"
    rows = {r.code: r for r in annual.statement(store, YEAR, Statement.INCOME)}
    assert rows["operating_costs"].this_year == 10_900_000 * K
    assert rows["financial_costs"].this_year == 1_000_50
    model = view.grid()
    for code, column in (("operating_costs", LAST), ("result", THIS)):
        flags = model.flags(model.index(model.row_of(code), column))
        assert not flags & Qt.ItemFlag.ItemIsEditable, f"{code} {column} is not typed"


def test_a_note_reference_belongs_to_a_figure(panel, qtbot):
    view = grid(panel, Statement.INCOME)
    enter(view, qtbot, "depreciation", "3", column=NOTE)
    assert "Enter the amount first" in panel.statements_tab.message.text()
    assert cell(view, "depreciation", NOTE) == "3", "the refused note stays in its cell"
    enter(view, qtbot, "depreciation", "25000")
    enter(view, qtbot, "depreciation", "3", column=NOTE)
    assert annual.statement(store_of(panel), YEAR, Statement.INCOME)[2].note_ref == "3"
    assert cell(view, "depreciation", NOTE) == "3" and cell(view, "depreciation", THIS) \
        == "25,000"


def test_an_unbalanced_balance_sheet_is_warned_about(panel, qtbot):
    view = grid(panel, Statement.BALANCE)
    for code, text in (("receivables", "100000"), ("cash", "2000000"),
                       ("equity_opening", "1800000"), ("equity_result", "250000"),
                       ("current_liabilities", "40000")):
        enter(view, qtbot, code, text)
    assert cell(view, "total_assets", THIS) == "2,100,000"
    assert cell(view, "total_equity_liabilities", THIS) == "2,090,000"
    problems = panel.strip.shown_problems()
    assert len(problems) == 1 and "total assets (2,100,000\u00a0kr) differ" in problems[0]
    enter(view, qtbot, "current_liabilities", "50000")
    assert panel.strip.shown_problems() == []


def test_a_bad_amount_is_refused_and_kept(panel, qtbot):
    view = grid(panel, Statement.INCOME)
    enter(view, qtbot, "operating_income", "lots")
    assert cell(view, "operating_income", THIS) == "lots"
    assert "“lots” is not an amount" in panel.statements_tab.message.text()
    assert annual.statement(store_of(panel), YEAR, Statement.INCOME)[0].this_year is None
    enter(view, qtbot, "operating_income", "500")
    assert cell(view, "operating_income", THIS) == "500"
    assert panel.statements_tab.message.text() == ""


def test_undo_and_redo_a_figure(panel, qtbot):
    view = grid(panel, Statement.CASH_FLOW)
    enter(view, qtbot, "cf_cash_opening", "700000")
    enter(view, qtbot, "cf_result", "-50000")
    assert cell(view, "cf_cash_closing", THIS) == "650,000"
    stack = panel._ctx.undo_stack
    stack.undo()
    assert cell(view, "cf_cash_closing", THIS) == "700,000"
    assert cell(view, "cf_result", THIS) == ""
    stack.redo()
    assert cell(view, "cf_result", THIS) == "\u221250,000"
    view.select_cell(view.grid().row_of("cf_cash_opening"), THIS)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert cell(view, "cf_cash_opening", THIS) == ""
    assert cell(view, "cf_cash_closing", THIS) == "\u221250,000"
    stack.undo()
    assert cell(view, "cf_cash_opening", THIS) == "700,000"


# Texts ------------------------------------------------------------------------------------


def test_a_section_is_saved_and_found_again_after_switching_year(panel, qtbot):
    store = store_of(panel)
    panel.show_tab("texts")
    tab = panel.texts_tab
    foreword = tab.editors["foreword"]
    foreword.setFocus()
    qtbot.waitUntil(foreword.hasFocus)
    QTest.keyClicks(foreword, "A year of working together")
    tab.editors["outlook"].setFocus()
    qtbot.waitUntil(lambda: annual.texts(store, YEAR)["foreword"]
                    == "A year of working together")
    outlook = tab.editors["outlook"]
    outlook.insertPlainText("Fler unga vuxna i arbete.\n\nNästa år: två nya insatser.")
    select_data(panel.year_combo, YEAR - 1)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert annual.texts(store, YEAR)["outlook"] == ("Fler unga vuxna i arbete.\n\n"
                                                     "Nästa år: två nya insatser.")
    assert outlook.text() == "" and foreword.text() == "", "2025 has no texts"
    select_data(panel.year_combo, YEAR)
    panel.year_combo.activated.emit(panel.year_combo.currentIndex())
    assert foreword.text() == "A year of working together"
    assert outlook.text().startswith("Fler unga vuxna")
    panel._ctx.undo_stack.undo()
    assert outlook.text() == "" and annual.texts(store, YEAR)["outlook"] == ""


# Signing and audit ------------------------------------------------------------------------


def test_the_signatories_are_the_ledamoter_sitting_on_the_signing_date(panel, qtbot):
    store = store_of(panel)
    members = {m.name: m for m in organisation.list_members(store)}
    leaving = next(s for s in board.list_seats(store)
                   if s.member_id == members["Aby kommun"].id and s.role is SeatRole.MEMBER)
    board.update_seat(store, dataclasses.replace(leaving, term_to=dt.date(2027, 1, 31)),
                      allow_incomplete=True)
    seat(store, members["Aby kommun"], SeatRole.MEMBER, "Ny Ledamot",
         term_from=dt.date(2027, 2, 1))
    panel.show_tab("signing")
    tab = panel.signing_tab
    assert tab.shown_signatories() == []
    assert "Enter the signing date" in tab.signatories_hint.text()
    type_in_field(qtbot, tab.signing_date, "2026-12-30")
    assert "signed after the year has ended" in tab.message.text()
    assert tab.signing_date.text() == "2026-12-30", "the refused date stays to be fixed"
    assert annual.get_report(store, YEAR).signing_date is None
    type_in_field(qtbot, tab.signing_date, "2027-03-10")
    assert annual.get_report(store, YEAR).signing_date == dt.date(2027, 3, 10)
    names = tab.shown_signatories()
    assert "Ny Ledamot" in names and "Ledamot Aby kommun" not in names
    assert len(names) == 5 and not any(n.startswith("Ersättare") for n in names)
    type_in_field(qtbot, tab.signing_place, "Orebro")
    assert annual.get_report(store, YEAR).signing_place == "Orebro"
    assert panel.strip.value_text(DEADLINE) == "signed in time"
    type_in_field(qtbot, tab.audit_date, "2027-04-02")
    assert annual.status(store, YEAR).audit_received


def adoption_meeting(store: Store) -> tuple[int, int]:
    """A 2027 meeting deciding on a budget matter and the annual report (in that order)."""
    meeting = plan(store, dt.date(2027, 3, 12), "Budgetuppföljning", "Årsredovisning 2026")
    minutes.start_minutes(store, meeting.id)
    item = next(i for i in meetings.list_items(store, meeting.id)
                if i.title == "Årsredovisning 2026")
    return meeting.id, item.id


def test_the_report_is_adopted_by_a_paragraph(panel, choices, qtbot):
    store = store_of(panel)
    meeting_id, item_id = adoption_meeting(store)
    panel.show_tab("signing")
    tab = panel.signing_tab
    assert panel.strip.value_text(ADOPTED) == "not yet"
    tab.adopt_button.click()
    assert choices[-1][0][0] == item_id, "the annual report's § is offered first"
    assert any("Budgetuppföljning" in label for _id, label in choices[-1])
    assert annual.get_report(store, YEAR).adopted_item_id == item_id
    reference = panel.strip.value_text(ADOPTED)
    assert reference.startswith("§ ") and reference.endswith("2027-03-12")
    with qtbot.waitSignal(panel.sig_open_paragraph) as opened:
        panel.strip.values[ADOPTED].linkActivated.emit(f"item:{item_id}")
    assert opened.args == [meeting_id, item_id]
    panel._ctx.undo_stack.undo()
    assert annual.get_report(store, YEAR).adopted_item_id is None
    assert panel.strip.value_text(ADOPTED) == "not yet"


def test_without_a_decision_there_is_nothing_to_adopt_by(panel, modals, choices):
    panel.signing_tab.adopt_button.click()
    assert choices == [] and "no numbered decision paragraph" in modals.errors[-1]


# Members ----------------------------------------------------------------------------------


def choose_discharge(qtbot, panel, member_id: int, value: Discharge) -> None:  # type: ignore[no-untyped-def]
    """Click the decision cell and pick `value` from its list with the keyboard."""
    view = panel.members_tab.view
    index = view.grid().index(view.grid().row_of(member_id), DISCHARGE_COLUMN)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox), "one click opens the list"
    target = combo.findData(value.value)
    combo.setFocus()
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target
                       else Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_a_discharge_needs_its_date_and_is_counted(panel, qtbot):
    store = store_of(panel)
    fk = next(m for m in organisation.list_members(store) if m.name == "Försäkringskassan")
    panel.show_tab("members")
    tab = panel.members_tab
    assert panel.strip.value_text(DISCHARGE) == "0 granted · 0 not granted · 5 pending"
    choose_discharge(qtbot, panel, fk.id, Discharge.GRANTED)
    assert "Enter the date of the member's decision" in tab.message.text()
    assert tab.discharge_text(fk.id) == "Granted", "the refused choice stays in its cell"
    assert annual.cycles(store, YEAR)[0].discharge is Discharge.PENDING
    assert panel.strip.value_text(DISCHARGE).startswith("0 granted")
    row = tab.model.row_of(fk.id)
    type_into(qtbot, tab.view, row, DECIDED_ON, "2027-04-20")
    saved = next(c for c in annual.cycles(store, YEAR) if c.member_id == fk.id)
    assert (saved.discharge, saved.decided_on) == (Discharge.GRANTED, dt.date(2027, 4, 20))
    assert tab.model.pending() == {} and tab.message.text() == ""
    assert panel.strip.value_text(DISCHARGE) == "1 granted · 0 not granted · 4 pending"
    type_into(qtbot, tab.view, row, REFERENCE, "Beslut 2027-04-20 dnr 123")
    assert next(c for c in annual.cycles(store, YEAR)
                if c.member_id == fk.id).reference == "Beslut 2027-04-20 dnr 123"
    panel._ctx.undo_stack.undo()
    panel._ctx.undo_stack.undo()
    assert panel.strip.value_text(DISCHARGE).startswith("0 granted")
    assert tab.discharge_text(fk.id) == "Pending"


def test_sent_reports_are_counted_and_a_bad_date_is_kept(panel, qtbot):
    store = store_of(panel)
    members = organisation.list_members(store)
    annual.save_cycle(store, MemberCycle(YEAR, members[1].id, dt.date(2027, 3, 20)))
    panel.refresh()
    assert panel.strip.value_text(SENT) == "1 of 5"
    panel.show_tab("members")
    tab = panel.members_tab
    row = tab.model.row_of(members[0].id)
    type_into(qtbot, tab.view, row, 1, "2027-13-01")
    assert "not a date" in tab.message.text()
    assert tab.model.text(row, 1) == "2027-13-01"
    type_into(qtbot, tab.view, row, 1, "2027-03-21")
    assert panel.strip.value_text(SENT) == "2 of 5"


# Language, window -------------------------------------------------------------------------


def test_the_panel_follows_the_language(panel):
    translation.set_language("sv")
    assert panel.tabs.tabText(0) == "Texter"
    assert panel.members_tab.model.headers()[0] == "Medlem"
    assert panel.strip.captions[DEADLINE].text() != "Deadline 31 March 2027"
    assert "2027" in panel.strip.captions[DEADLINE].text()
    translation.set_language("en")
    assert panel.tabs.tabText(1) == "Statements"
    headers = panel.statements_tab.grids[Statement.INCOME].grid().headers()
    assert headers[:2] == ["Line item", "Note no."]


def test_the_panel_is_in_the_navigation_and_opens_the_paragraph(full_file, ui_settings,
                                                                qtbot, choices):
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow
    from finsam_desktop.ui.navigation import PANEL_KEYS
    from finsam_desktop.ui.opening import open_file

    assert PANEL_KEYS.index("annual") == PANEL_KEYS.index("evaluations") + 1
    assert PANEL_KEYS.index("organisation") == PANEL_KEYS.index("annual") + 1
    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.set_store(open_file(str(full_file)))
    store = ctx.require_store()
    meeting_id, item_id = adoption_meeting(store)
    window.nav.setCurrentItem(window.nav.item_for("annual"))
    panel = window.panels["annual"]
    assert window.current_panel_key() == "annual"
    assert window.nav.currentItem().text() == "Annual report"
    panel.signing_tab.adopt_button.click()
    panel.signing_tab.adopted.linkActivated.emit(f"item:{item_id}")
    assert window.current_panel_key() == "meetings"
    meetings_panel = window.panels["meetings"]
    assert meetings_panel.meeting_list.selected_id() == meeting_id
    assert meetings_panel.minutes_tab.current_item().id == item_id
    ctx.replace_store(None)


def test_the_grid_models_pass_the_model_tester(panel, qtmodeltester):
    for view in panel.statements_tab.grids.values():
        qtmodeltester.check(view.grid(), force_py=True)
    qtmodeltester.check(panel.members_tab.model, force_py=True)


def test_the_report_is_recorded_as_sent_to_all_in_one_step(panel, modals):
    store = store_of(panel)
    first = organisation.list_members(store)[0]
    annual.save_cycle(store, MemberCycle(YEAR, first.id, dt.date(2027, 3, 18)))
    panel.refresh()
    panel.show_tab("members")
    modals.texts.append("2027-03-20")
    panel.members_tab.report_all_button.click()
    sent = {c.member_id: c.report_sent_on for c in annual.cycles(store, YEAR)}
    assert sent[first.id] == dt.date(2027, 3, 18), "a date already recorded is kept"
    assert sorted(set(sent.values())) == [dt.date(2027, 3, 18), dt.date(2027, 3, 20)]
    assert panel.strip.value_text(SENT) == "5 of 5"
    panel._ctx.undo_stack.undo()
    assert panel.strip.value_text(SENT) == "1 of 5", "one undo step for all of them"


def test_the_panel_opens_on_last_year_while_discharges_are_pending():
    from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle
    from finsam_desktop.services import annual as annual_service
    from finsam_desktop.ui.panels.annual.panel import opening_year
    from tests.factories import add_members, new_store

    store = new_store(dt.date(2026, 11, 22))
    members = add_members(store)
    assert opening_year(store) == 2026  # nothing recorded for 2025
    annual_service.save_report(store, AnnualReport(2025, dt.date(2026, 2, 14)))
    assert opening_year(store) == 2025  # every member still to decide
    for member in members.values():
        annual_service.save_cycle(store, MemberCycle(2025, member.id,
                                                     discharge=Discharge.GRANTED,
                                                     decided_on=dt.date(2026, 5, 1)))
    assert opening_year(store) == 2026


def test_annual_and_interim_reports_are_written_in_a_worker(panel, modals, tmp_path, qtbot):
    from pypdf import PdfReader

    from finsam_desktop.services import budget as budget_service

    store = store_of(panel)
    year = panel.shown_year()
    modals.paths = [str(tmp_path / "ar.pdf")]
    panel.export_annual_button.click()
    assert modals.errors and "no budget" in modals.errors[-1]  # said, nothing started
    assert not panel.runner.is_busy()
    budget_service.create_year(store, year, contributions_ore=9_000_000_00,
                               opening_equity_ore=1_000_000_00)
    panel.export_annual_button.click()
    assert panel.runner.is_busy() and not panel.export_annual_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=60_000)
    text = PdfReader(tmp_path / "ar.pdf").pages[0].extract_text()
    assert f"Annual report {year}" in text
    assert str(tmp_path / "ar.pdf") in panel.busy.label.text()
    modals.texts = ["31 juli"]
    assert not panel.export_interim()
    assert "is not a date" in modals.errors[-1] or "date" in modals.errors[-1]
    modals.texts = [f"{year}-08-31"]
    modals.paths = [str(tmp_path / "dr.pdf")]
    assert panel.export_interim()
    qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=60_000)
    assert f"Interim report {year}-08-31" in PdfReader(tmp_path / "dr.pdf").pages[0] \
        .extract_text()
