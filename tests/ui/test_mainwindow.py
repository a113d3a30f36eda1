"""Main window: opens a fixture file, shows every built panel, keeps unbuilt ones disabled,
creates/opens/copies files through (patched) dialogs, switches language live."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from finsam_desktop import i18n
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import organisation
from finsam_desktop.ui import mainwindow, navigation, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.navigation import PANELS, PanelEntry
from finsam_desktop.ui.opening import open_file

pytestmark = pytest.mark.gui


@pytest.fixture
def window(ui_settings, qtbot):
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    ctx.replace_store(None)


def test_opens_a_file_and_every_built_panel_shows(window, full_file):
    assert window.open_path(str(full_file))
    assert window.windowTitle() == "Samordningsförbundet Test – FINSAM Desktop"
    assert window.file_label.text() == str(full_file)
    for entry in PANELS:
        if entry.factory is None:
            continue
        window.nav.setCurrentItem(window.nav.item_for(entry.key))
        assert window.current_panel_key() == entry.key
        assert window.stack.currentWidget().isVisible()


def test_unbuilt_panels_are_disabled_and_say_so(ui_settings, qtbot, full_file, monkeypatch):
    # Every panel is built by now: an entry without a factory stands for one still to come.
    index = next(i for i, e in enumerate(PANELS) if e.key == "evaluations")
    monkeypatch.setattr(navigation, "PANELS", list(PANELS))
    monkeypatch.setattr(mainwindow, "PANELS", navigation.PANELS)
    navigation.PANELS[index] = PanelEntry("evaluations", PANELS[index].label, None)
    ctx = AppContext.create(None, ui_settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_path(str(full_file))
    unbuilt = [e.key for e in navigation.PANELS if e.factory is None]
    assert unbuilt == ["evaluations"]
    item = window.nav.item_for("evaluations")
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "later version" in item.toolTip()
    assert window.show_panel("evaluations") is None
    assert window.nav.item_for("activities").flags() & Qt.ItemFlag.ItemIsEnabled
    ctx.replace_store(None)


def test_no_file_state_offers_new_and_open(window, full_file, modals):
    assert window.stack.currentWidget() is window.empty
    assert not window.nav.isEnabled()
    modals.paths = [str(full_file)]
    window.empty.open_button.click()
    assert window.current_panel_key() == "overview"


def test_new_file_asks_path_and_name(window, tmp_path, modals):
    modals.paths = [str(tmp_path / "nytt")]
    modals.texts = ["Samordningsförbundet Nytt"]
    window.menus.new.trigger()
    assert (tmp_path / "nytt.finsam").exists()
    assert window.windowTitle().startswith("Samordningsförbundet Nytt")
    assert window.current_panel_key() == "organisation"
    assert window.ctx.settings.recent_files() == [str(tmp_path / "nytt.finsam")]


def test_unusable_file_is_a_message_not_a_traceback(window, tmp_path, modals):
    bad = tmp_path / "bad.finsam"
    bad.write_bytes(b"")
    assert not window.open_path(str(bad))
    assert len(modals.errors) == 1 and "bad.finsam" in modals.errors[0]
    assert window.stack.currentWidget() is window.empty


def test_a_file_that_is_no_sqlite_file_may_be_encrypted(window, tmp_path, modals):
    """Text (or an encrypted file) looks the same from outside: the passphrase is asked for,
    with the reason; cancelling leaves the window as it was."""
    bad = tmp_path / "bad.finsam"
    bad.write_bytes(b"just text, not a database at all" * 10)
    modals.passphrases = [None]
    assert not window.open_path(str(bad))
    [prompt] = modals.passphrase_prompts
    assert "bad.finsam" in prompt and "encrypted" in prompt
    assert not modals.errors
    assert window.stack.currentWidget() is window.empty


def test_missing_recent_file_is_forgotten(window, tmp_path, modals):
    missing = str(tmp_path / "gone.finsam")
    window.ctx.settings.add_recent_file(missing)
    assert not window.open_path(missing)
    assert "does not exist" in modals.errors[0]
    assert missing not in window.ctx.settings.recent_files()


def test_save_a_copy(window, full_file, tmp_path, modals):
    window.open_path(str(full_file))
    modals.paths = [str(tmp_path / "kopia.finsam")]
    window.menus.save_copy.trigger()
    copy = open_file(tmp_path / "kopia.finsam")
    try:
        assert organisation.get_agency(copy).name == "Samordningsförbundet Test"
    finally:
        copy.close()


def test_opening_another_file_clears_undo_and_title_follows_name(window, full_file, tmp_path):
    window.open_path(str(full_file))
    ctx = window.ctx
    undo.run(ctx, undo.SaveAgency(ctx, Agency(name="Nytt namn"), text="rename"))
    assert window.windowTitle() == "Nytt namn – FINSAM Desktop"
    assert ctx.undo_stack.count() == 1 and window.menus.undo.isEnabled()
    other = tmp_path / "other.finsam"
    other.write_bytes(full_file.read_bytes())
    window.open_path(str(other))
    assert ctx.undo_stack.count() == 0


def test_language_switches_live_and_persists(window, full_file, monkeypatch):
    window.open_path(str(full_file))
    overview_item = window.nav.item_for("overview")
    panel = window.show_panel("organisation")
    catalogue = {"Overview": "Översikt", "Board": "Styrelse", "Board on date": "Styrelsen den"}
    monkeypatch.setattr(i18n, "_load_catalog", lambda _lang: catalogue)
    window.set_language("sv")
    assert i18n.current_language() == "sv"
    assert overview_item.text() == "Översikt"
    assert panel.tabs.tabText(2) == "Styrelse"
    assert panel.board_tab.date_label.text() == "Styrelsen den"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    assert window.ctx.settings.language() == "sv"
    assert [a.isChecked() for a in window.menus.languages.actions()] == [True, False]
    window.set_language("en")
    assert overview_item.text() == "Overview" and panel.tabs.tabText(2) == "Board"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_geometry_and_recent_files_are_remembered(window, full_file):
    window.open_path(str(full_file))
    window.close()
    assert window.ctx.settings.geometry() is not None
    assert window.ctx.settings.recent_files()[0] == str(full_file)


def test_about_box(window, modals):
    window.menus.about.trigger()
    assert "FINSAM Desktop" in modals.infos[0]


def test_undo_actions_are_in_the_edit_menu(window):
    assert window.menus.undo in window.menus.edit_menu.actions()
    assert window.menus.undo.shortcut().toString() != ""
