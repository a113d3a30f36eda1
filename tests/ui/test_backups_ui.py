"""Backups in the desktop app: automatic backups (open, while changed, close), the Backups
dialog used like a user (back up now, restore after a confirmation, open the folder), and
the warning for a file on a network drive or in a synced folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QUndoCommand

from finsam_desktop.domain.errors import StorageError
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import backups, organisation
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.autobackup import INTERVAL_MINUTES
from finsam_desktop.ui.backups_dialog import BackupsDialog, size_text
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from tests.ui.conftest import _new_file, populate

pytestmark = pytest.mark.gui


@pytest.fixture
def window(ui_settings, qtbot):
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx, remember=False)
    win.autobackup.open_delay_ms = 0  # the backup on open at once (see the test of the delay)
    qtbot.addWidget(win)
    win.show()
    yield win
    ctx.replace_store(None)


def reasons(path: Path) -> list[str]:
    return [b.reason for b in backups.list_backups(path)]


def rename(window: MainWindow, name: str) -> None:
    """A change as a panel makes it: a service call, then its Changes on the event hub."""
    store = window.ctx.require_store()
    _agency, changes = organisation.save_agency(
        store, Agency(name=name, org_number="222000-0018", seat="Örebro"))
    window.ctx.events.changed.emit(changes)


def open_dialog(window: MainWindow) -> BackupsDialog:
    window.menus.backups.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_backups_on_open_while_changed_and_on_close(window, full_file):
    assert window.open_path(str(full_file))
    assert reasons(full_file) == ["open"]
    timer = window.autobackup.timer
    assert timer.isActive() and timer.interval() == INTERVAL_MINUTES * 60_000
    window.autobackup.tick()  # nothing saved since: no new backup
    assert reasons(full_file) == ["open"]
    rename(window, "Samordningsförbundet Ändrat")
    window.autobackup.tick()
    assert reasons(full_file) == ["auto", "open"]  # newest first
    window.autobackup.tick()
    assert len(reasons(full_file)) == 2
    rename(window, "Samordningsförbundet Igen")
    window.close()
    assert reasons(full_file) == ["close", "auto", "open"]
    assert not timer.isActive()


def test_the_backup_on_open_waits_until_the_window_is_shown(window, full_file, qtbot):
    window.autobackup.open_delay_ms = 200
    assert window.open_path(str(full_file))
    assert reasons(full_file) == []  # the window and the overview first
    qtbot.waitUntil(lambda: reasons(full_file) == ["open"], timeout=5_000)


def test_a_damaged_file_found_after_opening_turns_read_only_with_a_message(
        window, full_file, modals, qtbot, monkeypatch):
    from finsam_desktop.ui import page_check

    monkeypatch.setattr(page_check, "check_pages", lambda _path: "page 7: btreeInitPage error")
    with qtbot.waitSignal(window.page_check.checked, timeout=10_000):
        assert window.open_path(str(full_file))
    assert window.ctx.store.read_only
    assert any("damaged" in e and "Backups" in e for e in modals.errors), modals.errors


def test_reopening_an_unchanged_file_needs_no_new_backup(window, full_file):
    window.open_path(str(full_file))
    window.set_store(None)
    window.open_path(str(full_file))
    assert reasons(full_file) == ["open"]


def test_a_failed_automatic_backup_is_said_in_the_status_bar_not_in_a_dialog(
        window, full_file, modals, monkeypatch):
    def fail(*_args, **_kwargs):
        raise StorageError("The disk is full.")

    monkeypatch.setattr(backups, "make_backup", fail)
    window.open_path(str(full_file))
    assert "The disk is full." in window.statusBar().currentMessage()
    assert modals.errors == [] and window.current_panel_key() == "overview"


def test_backups_dialog_back_up_now_and_restore_with_confirmation(window, full_file, modals):
    window.open_path(str(full_file))
    title = window.windowTitle()
    window.show_panel("organisation")
    dialog = open_dialog(window)
    assert dialog.table.topLevelItemCount() == 1
    assert dialog.table.topLevelItem(0).text(1) == "Opened"
    assert str(backups.backup_folder(full_file)) in dialog.folder_label.text()
    assert f"every {INTERVAL_MINUTES} minutes" in dialog.intro.text()
    dialog.backup_button.click()
    assert dialog.table.topLevelItemCount() == 2
    assert dialog.table.topLevelItem(0).text(1) == "Backed up by hand"
    assert "Backup written" in dialog.status.text()
    rename(window, "Samordningsförbundet Fel")
    assert window.windowTitle().startswith("Samordningsförbundet Fel")
    window.ctx.undo_stack.push(QUndoCommand("an edit"))  # the restore clears the history
    # Answer no: nothing happens.
    modals.answers.append(False)
    dialog.restore_button.click()
    assert "backed up first" in modals.questions[-1]
    assert window.windowTitle().startswith("Samordningsförbundet Fel")
    # Answer yes: the chosen backup comes back, the state before it is kept.
    old_panel = window.panels["organisation"]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    modals.answers.append(True)
    dialog.restore_button.click()
    assert modals.errors == []
    assert window.windowTitle() == title
    assert window.ctx.undo_stack.count() == 0
    assert "organisation" not in window.panels or window.panels["organisation"] is not old_panel
    assert window.current_panel_key() == "overview"  # every panel is built anew
    assert [dialog.table.topLevelItem(i).text(1) for i in range(3)] == [
        "Before a restore", "Backed up by hand", "Opened"]
    assert "before-restore" in dialog.status.text()
    [safety] = [b for b in backups.list_backups(full_file) if b.reason == "before-restore"]
    from finsam_desktop.storage.store import open_store

    before = open_store(safety.path, read_only=True)
    try:
        assert organisation.get_agency(before).name == "Samordningsförbundet Fel"
    finally:
        before.close()
    # The window goes on working with the restored file.
    rename(window, "Samordningsförbundet Nytt")
    assert window.windowTitle().startswith("Samordningsförbundet Nytt")


def test_open_folder_shows_the_backup_folder(window, full_file, monkeypatch):
    opened = []
    monkeypatch.setattr(dialogs, "open_document", lambda target: opened.append(target) or True)
    window.open_path(str(full_file))
    dialog = open_dialog(window)
    dialog.folder_button.click()
    assert opened == [str(backups.backup_folder(full_file))]


def test_restore_of_a_damaged_backup_is_refused_in_words(window, full_file, modals):
    window.open_path(str(full_file))
    dialog = open_dialog(window)
    path = backups.list_backups(full_file)[0].path
    data = bytearray(path.read_bytes())
    data[4096:4096 * 3] = b"\xff" * 8192
    path.write_bytes(bytes(data))
    modals.answers.append(True)
    dialog.restore_button.click()
    assert modals.errors and "damaged" in modals.errors[-1]
    assert reasons(full_file) == ["open"]  # nothing was backed up or restored


def test_size_text():
    assert size_text(10) == "1\u00a0kB"
    assert size_text(84 * 1024) == "84\u00a0kB"
    assert size_text(1_468_006) == "1.4\u00a0MB"


# The warning for a file in a risky place ---------------------------------------------------

def test_a_file_in_a_synced_folder_shows_a_warning_and_backs_up_locally(
        window, tmp_path, monkeypatch, modals, qtbot):
    data = tmp_path / "data"
    monkeypatch.setattr("finsam_desktop.paths.user_data_dir", lambda: data)
    synced = tmp_path / "Dropbox" / "Kansliet" / "förbund.finsam"
    synced.parent.mkdir(parents=True)
    store = _new_file(synced)
    populate(store)
    store.close()
    banner = window.location_banner
    assert banner.isHidden()
    window.open_path(str(synced))
    assert banner.isVisible()
    assert banner.title.text() == "The file is in a synced folder"
    text = banner.text.text()
    assert "synced by Dropbox" in text and "own disk" in text and "two computers" in text
    assert modals.errors == [] and modals.infos == [] and modals.questions == []  # no modal
    [backup] = backups.list_backups(synced)
    assert backup.path.is_relative_to(data) and not (synced.parent / "backups").exists()
    dialog = open_dialog(window)
    assert "kept on this computer" in dialog.folder_label.text()
    dialog.close()
    banner.hide_button.click()
    assert banner.isHidden()


def test_a_local_file_shows_no_warning(window, full_file):
    window.open_path(str(full_file))
    assert window.location_banner.isHidden()


def test_the_warning_for_a_network_drive(window, full_file, monkeypatch):
    from finsam_desktop.storage import location

    monkeypatch.setattr(location, "classify",
                        lambda _p: location.Location(location.Kind.NETWORK, "cifs //nas/kansli"))
    window.open_path(str(full_file))
    banner = window.location_banner
    assert banner.isVisible() and banner.title.text() == "The file is on a network drive"
    assert "network drive (cifs //nas/kansli)" in banner.text.text()
    assert "connection drops" in banner.text.text()
