"""A file someone else has open (RELIABILITY.md tests 11 and 12 through the desktop app):
the lock file next to the database, the question on opening, read-only with a banner and
refused edits, taking over a stale lock, the heartbeat, and a file replaced while open."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QSysInfo

from finsam_desktop.domain.errors import FileLockedError
from finsam_desktop.domain.locks import LockHolder
from finsam_desktop.services import organisation
from finsam_desktop.storage import locks
from finsam_desktop.storage.store import open_store
from finsam_desktop.ui import in_use, opening
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.file_lock import FileLock, lock_path
from finsam_desktop.ui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from finsam_desktop.ui import opening
store = opening.open_file(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


@pytest.fixture
def window(ui_settings, qtbot):
    ctx = AppContext.create(None, ui_settings)
    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    ctx.replace_store(None)


def plant_lock(path: Path, minutes_ago: float, host: str = "LAPTOP-1") -> None:
    now = dt.datetime.now(dt.UTC)
    conn = sqlite3.connect(path, isolation_level=None)
    locks.write_holder(conn, LockHolder(
        "Anna", host, 4711, "0.1.0", now - dt.timedelta(hours=1),
        now - dt.timedelta(minutes=minutes_ago), "annas-token", r"\\srv\f\a.finsam", "9:9"))
    conn.close()


def test_second_instance_gets_lock_info_and_takes_over_after_a_kill(full_file):
    """RELIABILITY 11: process A holds the file; B is refused with A's user, computer and
    process; after SIGKILL of A (lock file and lock row left behind) B takes over."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(full_file)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "FINSAM_USER": "anna"})
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        probe = FileLock(full_file)
        assert not probe.try_lock() and probe.failed_because_held()
        held = probe.holder()
        assert held is not None
        assert (held.pid, held.host) == (child.pid, QSysInfo.machineHostName())
        with pytest.raises(FileLockedError) as refused:
            opening.open_file(full_file)
        assert not refused.value.can_take_over  # a running program on this computer
        assert refused.value.holder.user_name == "anna"
        assert f"(computer {QSysInfo.machineHostName()})" in str(refused.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    assert lock_path(full_file).exists()  # left behind by the killed process
    store = opening.open_file(full_file)
    assert store.holds_lock and store.lock_holder().pid == os.getpid()
    assert store.audit.recent(1)[0].action == "lock.taken_over"
    store.close()
    assert not lock_path(full_file).exists()  # given back on closing


def test_a_file_open_on_another_computer_opens_read_only_with_a_banner(window, full_file,
                                                                      modals, qtbot):
    """The GUI flow: only read-only is offered; the banner shows; an edit is refused with
    the message and what was typed stays in the field."""
    plant_lock(full_file, minutes_ago=0.5)
    modals.in_use_choices.append(in_use.READ_ONLY)
    assert window.open_path(str(full_file))
    assert "Anna (computer LAPTOP-1) since" in modals.in_use[0]
    assert "take over" not in modals.in_use[0]
    store = window.ctx.require_store()
    assert store.read_only and not lock_path(full_file).exists()
    assert window.lock_watch.banner.isVisible()
    assert "Read-only" in window.lock_watch.banner.title.text()
    assert "Anna (computer LAPTOP-1)" in window.lock_watch.banner.text.text()
    assert "(read-only)" in window.windowTitle()
    profile = window.show_panel("organisation").agency_tab.profile
    profile.edits["seat"].setText("Skrivet ändå")
    profile.edits["seat"].editingFinished.emit()
    assert profile.error.isVisible() and "read-only" in profile.error.text()
    assert profile.edits["seat"].text() == "Skrivet ändå"  # kept for the user to copy
    assert organisation.get_agency(store).seat == "Örebro"
    assert store.lock_holder().user_name == "Anna"  # and Anna's lock is untouched


def test_cancel_leaves_nothing_open(window, full_file, modals):
    plant_lock(full_file, minutes_ago=1)
    modals.in_use_choices.append(None)
    assert not window.open_path(str(full_file))
    assert window.ctx.store is None and not lock_path(full_file).exists()


def test_a_stale_lock_is_taken_over_after_confirming(window, full_file, modals):
    """RELIABILITY 12 in the GUI: the lock file and row of a computer that went away."""
    lock_path(full_file).write_text("4711\nFINSAM Desktop\nLAPTOP-1\n")  # Qt's own format
    plant_lock(full_file, minutes_ago=12)
    modals.in_use_choices.append(in_use.TAKE_OVER)
    modals.answers.append(True)
    assert window.open_path(str(full_file))
    assert "take over the lock" in modals.in_use[0] and "12 minutes" in modals.in_use[0]
    assert "unsaved changes at Anna are then lost" in modals.in_use[0]
    assert "Changes Anna has not saved are lost" in modals.questions[0]
    store = window.ctx.require_store()
    assert store.holds_lock and not store.read_only
    assert not window.lock_watch.banner.isVisible()
    assert window.lock_watch.timer.isActive()  # the heartbeat runs
    assert store.audit.recent(1)[0].action == "lock.taken_over"
    assert lock_path(full_file).read_text().split("\n")[0] == str(os.getpid())


def test_declining_the_confirmation_takes_nothing_over(window, full_file, modals):
    plant_lock(full_file, minutes_ago=12)
    modals.in_use_choices.append(in_use.TAKE_OVER)
    modals.answers.append(False)
    assert not window.open_path(str(full_file))
    reader = open_store(full_file, read_only=True)
    assert reader.lock_holder().user_name == "Anna"
    reader.close()


def test_the_heartbeat_tells_when_someone_took_the_file_over(window, full_file, modals):
    assert window.open_path(str(full_file))
    store = window.ctx.require_store()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    other = open_store(full_file, clock=lambda: later, user_name="Bo", take_over=True)
    window.lock_watch.beat()
    assert modals.errors and "Bo" in modals.errors[0] and "took over the file" in modals.errors[0]
    assert store.read_only and window.lock_watch.banner.isVisible()
    assert "(read-only)" in window.windowTitle()
    assert not window.lock_watch.timer.isActive()
    other.close()


def test_a_file_replaced_while_open_is_said_in_words_and_the_text_stays(
        window, full_file, tmp_path, modals):
    """RELIABILITY 15 in the GUI: a sync client swaps the file; the edit is refused with
    the message, the typed text stays, and the window turns read-only."""
    assert window.open_path(str(full_file))
    replacement = tmp_path / "from-the-cloud.finsam"
    store = open_store(replacement, create=True)
    organisation.create_agency(store, organisation.get_agency(window.ctx.require_store()))
    store.close()
    os.replace(replacement, full_file)
    profile = window.show_panel("organisation").agency_tab.profile
    profile.edits["seat"].setText("Skrivet under bytet")
    profile.edits["seat"].editingFinished.emit()
    assert "replaced, moved or deleted by another program" in profile.error.text()
    assert profile.edits["seat"].text() == "Skrivet under bytet"
    assert window.lock_watch.banner.isVisible()
    window.lock_watch.banner.reopen.click()  # "Open for editing": reads the new file
    assert window.ctx.require_store().holds_lock and not window.lock_watch.banner.isVisible()


def test_opening_the_open_file_again_does_not_lock_out_this_window(window, full_file):
    assert window.open_path(str(full_file))
    assert window.open_path(str(full_file))
    assert window.ctx.require_store().holds_lock


def test_a_refusal_no_form_caught_is_shown_in_words(monkeypatch, modals):
    """The last safety net: a read-only refusal that reaches the event loop is shown as its
    message, not as "Something went wrong" with a traceback."""
    from finsam_desktop.domain.errors import ReadOnlyError
    from finsam_desktop.ui import main as entry

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    entry._install_excepthook()
    error = ReadOnlyError("The file is open read-only, so this change was not saved.")
    sys.excepthook(ReadOnlyError, error, None)
    assert modals.errors == [str(error)]
