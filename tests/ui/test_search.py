"""Global search: Ctrl+F in the main window, a query, Enter, the hits with the match in bold,
Enter on a hit opens the Meetings panel at that paragraph; Swedish letters are kept apart."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from finsam_desktop.services.decisions import MARK_END, MARK_START
from finsam_desktop.storage.store import open_store
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.search.hits import marked_html
from tests.factories import fixed_clock
from tests.ui.test_decisions_panel import build_register

pytestmark = pytest.mark.gui


@pytest.fixture
def window(full_file, ui_settings, qtbot):
    store = open_store(full_file, clock=fixed_clock())
    ids = build_register(store)
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.set_store(store)
    with qtbot.waitExposed(win):
        win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.ids = ids
    yield win
    ctx.replace_store(None)


def search_for(window, qtbot, text: str | None = None, typed: str | None = None):
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dock = window.search
    qtbot.waitUntil(lambda: dock.isVisible() and dock.query.hasFocus())
    if typed is not None:
        QTest.keyClicks(dock.query, typed)  # ASCII only (keyClicks aborts on å/ä/ö)
    else:
        dock.query.setText(text or "")
    QTest.keyClick(dock.query, Qt.Key.Key_Return)
    return dock


def test_ctrl_f_search_shows_bold_hits_and_enter_opens_the_paragraph(window, qtbot):
    dock = search_for(window, qtbot, typed="budget")
    hits = dock.model.hits()
    assert [h.item_id for h in hits] == [window.ids["Budget 2026"]]
    html = dock.model.data(dock.model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "<b>Budget</b> 2026" in html and "§ 9" in html
    assert dock.status.text() == "1 hit"
    assert dock.results.hasFocus()
    QTest.keyClick(dock.results, Qt.Key.Key_Return)
    assert window.current_panel_key() == "meetings"
    meetings_panel = window.panels["meetings"]
    assert meetings_panel.current_meeting().id == hits[0].meeting_id
    assert meetings_panel.minutes_tab.current_item().id == window.ids["Budget 2026"]


def test_swedish_words_are_not_folded(window, qtbot):
    dock = search_for(window, qtbot, text="får")
    assert [h.title for h in dock.model.hits()] == ["Styrelsen får besluta om lokaler"]
    assert "<b>får</b>" in dock.model.data(dock.model.index(0), Qt.ItemDataRole.DisplayRole)
    dock = search_for(window, qtbot, typed="far")
    assert all("får" not in h.title for h in dock.model.hits())


def test_empty_or_unusable_queries_say_so(window, qtbot, modals):
    dock = search_for(window, qtbot, text="")
    assert dock.status.text() and dock.model.rowCount() == 0
    dock = search_for(window, qtbot, text='" * ( OR')
    assert dock.status.text() and dock.model.rowCount() == 0
    dock = search_for(window, qtbot, typed="zebrafink")
    assert dock.status.text().startswith("No hits")
    assert not modals.errors


def test_user_text_is_escaped_and_only_markers_become_bold():
    text = f"<i>{MARK_START}a&b{MARK_END}</i> {MARK_START}open"
    assert marked_html(text) == "&lt;i&gt;<b>a&amp;b</b>&lt;/i&gt; <b>open</b>"


def test_a_decision_opens_from_the_register_in_its_meeting(window, qtbot):
    window.nav.setCurrentItem(window.nav.item_for("decisions"))
    panel = window.panels["decisions"]
    tab = panel.decisions_tab
    item_id = window.ids["Verksamhetsplan 2027"]
    tab.select_decision(item_id)
    tab.open_button.click()
    assert window.current_panel_key() == "meetings"
    assert window.panels["meetings"].minutes_tab.current_item().id == item_id
