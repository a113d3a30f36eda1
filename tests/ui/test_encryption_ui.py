"""The desktop app and encrypted files: File → New can encrypt the file; opening one asks
for the passphrase (masked), asks again after a wrong one with the reason, gives up after
a few tries or when cancelled; the window keeps the file encrypted (RELIABILITY 28)."""

from __future__ import annotations

import hashlib

import pytest

from finsam_desktop.services.maintenance import create_database
from finsam_desktop.storage.connection import SQLITE_HEADER
from finsam_desktop.ui import mainwindow
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.passphrase_dialogs import NewFileDialog

pytestmark = pytest.mark.gui

PASSPHRASE = "vår hemliga fras"


@pytest.fixture
def window(ui_settings, qtbot):
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.page_check.wait()
    ctx.replace_store(None)


@pytest.fixture(scope="module")
def encrypted_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("enc-ui") / "Hemligt.finsam"
    create_database(path, "Samordningsförbundet Hemligt", passphrase=PASSPHRASE).close()
    return path


@pytest.fixture
def encrypted(encrypted_file, tmp_path):
    """A fresh copy for each test (opening for writing writes the lock row)."""
    path = tmp_path / encrypted_file.name
    path.write_bytes(encrypted_file.read_bytes())
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_can_be_encrypted(window, tmp_path, modals):
    modals.paths = [str(tmp_path / "krypterad")]
    modals.texts = ["Samordningsförbundet Krypterat"]
    modals.passphrases = [PASSPHRASE]
    window.menus.new.trigger()
    path = tmp_path / "krypterad.finsam"
    assert window.ctx.require_store().encrypted
    assert window.windowTitle().startswith("Samordningsförbundet Krypterat")
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert b"Krypterat" not in path.read_bytes()
    assert window.page_check.wait()
    assert not window.ctx.require_store().read_only  # the page check passed with the key


def test_opening_asks_for_the_passphrase_and_again_after_a_wrong_one(window, encrypted,
                                                                      modals):
    before = digest(encrypted)
    modals.passphrases = ["fel fras, tyvärr", PASSPHRASE]
    assert window.open_path(str(encrypted))
    first, second = modals.passphrase_prompts
    assert "encrypted" in first and "Hemligt.finsam" in first
    assert "Wrong passphrase" in second and "has not been changed" in second
    assert not modals.errors
    store = window.ctx.require_store()
    assert store.encrypted and store.holds_lock
    assert window.windowTitle().startswith("Samordningsförbundet Hemligt")
    window.ctx.replace_store(None)
    assert digest(encrypted) != before  # opened for writing: the lock row was written


def test_cancelling_the_passphrase_opens_nothing_and_changes_nothing(window, encrypted,
                                                                     modals):
    before = digest(encrypted)
    modals.passphrases = [None]
    assert not window.open_path(str(encrypted))
    assert window.stack.currentWidget() is window.empty
    assert not modals.errors
    assert digest(encrypted) == before
    assert not (encrypted.parent / (encrypted.name + ".lock")).exists()


def test_after_a_few_wrong_passphrases_the_reason_is_shown(window, encrypted, modals):
    before = digest(encrypted)
    modals.passphrases = ["fel fras nummer 1", "fel fras nummer 2", "fel fras nummer 3"]
    assert not window.open_path(str(encrypted))
    assert len(modals.passphrase_prompts) == mainwindow.PASSPHRASE_TRIES
    [error] = modals.errors
    assert "Wrong passphrase" in error
    assert digest(encrypted) == before


def test_reopening_the_open_file_uses_its_passphrase(window, encrypted, modals):
    modals.passphrases = [PASSPHRASE]
    assert window.open_path(str(encrypted))
    window.page_check.wait()
    assert window.open_path(str(encrypted))  # e.g. the read-only banner's "open again"
    assert len(modals.passphrase_prompts) == 1
    assert window.ctx.require_store().encrypted


def test_the_new_file_dialog_checks_the_passphrase(qtbot):
    dialog = NewFileDialog(None, "Samordningsförbundet Ny")
    qtbot.addWidget(dialog)
    assert not dialog.passphrase.isEnabled()
    dialog.accept()
    assert dialog.result_value is not None and dialog.result_value.passphrase is None
    dialog.result_value = None
    dialog.encrypt.setChecked(True)
    assert dialog.passphrase.isEnabled()
    dialog.passphrase.setText("kort")
    dialog.confirmation.setText("kort")
    dialog.accept()
    assert dialog.result_value is None
    assert "at least 8 characters" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE + "x")
    dialog.accept()
    assert dialog.result_value is None and "differ" in dialog.error.text()
    dialog.confirmation.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result_value is not None
    assert dialog.result_value.passphrase == PASSPHRASE
    assert PASSPHRASE not in repr(dialog.result_value)


def test_the_passphrase_prompt_masks_what_is_typed(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from finsam_desktop.ui.passphrase_dialogs import PassphraseDialog

    dialog = PassphraseDialog(None, "Passphrase", "Wrong passphrase, or … try again.")
    qtbot.addWidget(dialog)
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.message.wordWrap() and "Wrong passphrase" in dialog.message.text()
