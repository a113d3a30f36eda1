"""The user's data folder in the main window: New suggests a file there, Open starts where the
last file was (else there), and a file handed over by the system (macOS Finder) opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from finsam_desktop import paths
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.file_open import FileOpenFilter
from finsam_desktop.ui.mainwindow import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data" / "FINSAM Desktop"
    monkeypatch.setattr(paths, "user_data_dir", lambda: folder)
    return folder


@pytest.fixture
def window(ui_settings, qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    ctx.replace_store(None)
    win.close()
    win.deleteLater()  # gone, not just hidden: later tests look for *the* main window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_new_file_is_suggested_in_the_users_data_folder(window, data_dir, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_path",
                        lambda _parent, _title, suggested="", *_a: asked.append(suggested))
    window.menus.new.trigger()
    assert asked == [str(data_dir / "samordningsforbund.finsam")]


def test_the_save_dialog_creates_the_missing_data_folder(data_dir, tmp_path):
    suggested = str(data_dir / "samordningsforbund.finsam")
    assert dialogs.prepare_suggestion(suggested) == suggested and data_dir.is_dir()
    assert dialogs.prepare_suggestion("copy.finsam") == "copy.finsam"
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert dialogs.prepare_suggestion(str(blocker / "x" / "new.finsam")) == "new.finsam"


def test_open_starts_in_the_last_files_folder_else_the_data_folder(window, data_dir,
                                                                    full_file, monkeypatch):
    starts: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_path",
                        lambda *_a, directory="", **_k: starts.append(directory))
    window.open_file()  # no recent file, no data folder yet: the dialog's own default
    data_dir.mkdir(parents=True)
    window.open_file()  # the data folder
    assert window.open_path(str(full_file))
    window.open_file()  # where the last file is
    assert starts == ["", str(data_dir), str(full_file.parent)]


def test_a_file_handed_over_by_the_system_opens(window, full_file, qapp):
    handler = FileOpenFilter(window)
    qapp.installEventFilter(handler)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(full_file)))
    finally:
        qapp.removeEventFilter(handler)
    assert window.ctx.store is not None and window.ctx.store.path == full_file
