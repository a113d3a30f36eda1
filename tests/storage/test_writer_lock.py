"""One writer at a time (RELIABILITY.md tests 12, 13, 15): the lock row with its heartbeat,
taking over a stale lock (audited), the write counter that refuses a save after someone
else's, and a file replaced under an open connection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
import sys

import pytest

from finsam_desktop.domain.errors import (
    EditConflictError,
    FileLockedError,
    FileReplacedError,
    LockLostError,
    ReadOnlyError,
)
from finsam_desktop.domain.locks import STALE_AFTER, LockHolder
from finsam_desktop.services import organisation
from finsam_desktop.services.maintenance import create_database
from finsam_desktop.storage import locks
from finsam_desktop.storage.connection import connect
from finsam_desktop.storage.store import Store, open_store

NOW = dt.datetime(2026, 11, 22, 13, 9, 44, tzinfo=dt.UTC)


def clock(moment: dt.datetime = NOW):
    return lambda: moment


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def agency_file(tmp_path):
    path = tmp_path / "agency.finsam"
    create_database(path, "Samordningsförbundet Lås", clock=clock()).close()
    return path


def plant_lock(path, *, host="LAPTOP-1", user="Anna", pid=111, beat=NOW, opened=NOW):
    """A lock row as another computer's FINSAM Desktop writes it (or, with this host, as
    another program on this computer writes it)."""
    mine = host == locks.this_host()
    where = (str(path.resolve()), locks.file_id(path)) if mine else (r"\\srv\a.finsam", "1:2")
    conn = sqlite3.connect(path, isolation_level=None)
    locks.write_holder(conn, LockHolder(user, host, pid, "0.1.0", opened, beat, "their-token",
                                        *where))
    conn.close()


def rename_agency(store: Store, name: str) -> None:
    agency = organisation.get_agency(store)
    organisation.save_agency(store, dataclasses.replace(agency, name=name))


def test_a_writer_holds_the_lock_row_and_gives_it_back(agency_file):
    store = open_store(agency_file, clock=clock(), user_name="bo")
    holder = store.lock_holder()
    assert store.holds_lock and holder is not None
    assert (holder.user_name, holder.host, holder.pid) == ("bo", locks.this_host(), os.getpid())
    assert holder.opened_at == holder.heartbeat == NOW
    reader = open_store(agency_file, read_only=True)  # readers neither need nor take it
    assert reader.lock_holder() == holder and not reader.holds_lock
    reader.close()
    store.close()
    check = open_store(agency_file, read_only=True)
    assert check.lock_holder() is None
    check.close()


def test_the_heartbeat_renews_the_lock(agency_file):
    moments = [NOW]
    store = open_store(agency_file, clock=lambda: moments[-1])
    moments.append(NOW + dt.timedelta(minutes=1))
    assert store.heartbeat()
    assert store.lock_holder().heartbeat == NOW + dt.timedelta(minutes=1)
    assert store.lock_holder().opened_at == NOW
    store.close()


def test_a_fresh_lock_from_another_computer_allows_only_read_only(agency_file):
    """RELIABILITY 12, fresh: the colleague is told who, where and since when."""
    plant_lock(agency_file, beat=NOW - dt.timedelta(seconds=30))
    before = digest(agency_file)
    for take_over in (False, True):  # a live lock is never taken over, not even on request
        with pytest.raises(FileLockedError) as refused:
            open_store(agency_file, clock=clock(), take_over=take_over)
        assert not refused.value.can_take_over
        assert refused.value.holder.host == "LAPTOP-1"
        text = str(refused.value)
        assert "Anna" in text and "LAPTOP-1" in text and "read-only" in text
        assert "take over" not in text
    assert digest(agency_file) == before  # refusing wrote nothing
    reader = open_store(agency_file, read_only=True, clock=clock())
    assert reader.read_only and reader.lock_holder().user_name == "Anna"
    reader.close()
    assert digest(agency_file) == before


def test_a_stale_lock_can_be_taken_over_after_confirming_and_is_audited(agency_file):
    """RELIABILITY 12, stale: ten minutes without a heartbeat."""
    plant_lock(agency_file, beat=NOW - dt.timedelta(minutes=10),
               opened=NOW - dt.timedelta(hours=2))
    with pytest.raises(FileLockedError) as refused:
        open_store(agency_file, clock=clock())
    assert refused.value.can_take_over
    assert "10 minutes" in str(refused.value) and "take over the lock" in str(refused.value)
    store = open_store(agency_file, clock=clock(), user_name="bo", take_over=True)
    assert store.lock_holder().user_name == "bo" and store.holds_lock
    entry = store.audit.recent(1)[0]
    assert (entry.action, entry.user_name) == ("lock.taken_over", "bo")
    assert "Anna" in entry.before_json and "LAPTOP-1" in entry.before_json
    rename_agency(store, "Efter övertagandet")  # and it can be written
    store.close()


def test_stale_means_older_than_the_limit(agency_file):
    plant_lock(agency_file, beat=NOW - STALE_AFTER + dt.timedelta(seconds=5))
    with pytest.raises(FileLockedError) as refused:
        open_store(agency_file, clock=clock())
    assert not refused.value.can_take_over


def test_a_lock_left_by_a_crashed_program_on_this_computer_is_taken_over(agency_file):
    """The process has ended: no one to ask; the take-over is still in the audit log."""
    plant_lock(agency_file, host=locks.this_host(), pid=_ended_pid(),
               beat=NOW - dt.timedelta(seconds=10))
    store = open_store(agency_file, clock=clock())
    assert store.holds_lock
    assert store.audit.recent(1)[0].action == "lock.taken_over"
    store.close()


def test_a_lock_row_that_came_with_a_copy_is_ignored(agency_file, tmp_path):
    store = open_store(agency_file, clock=clock())
    copy = store.save_copy(tmp_path / "kopia.finsam")  # carries our (live) lock row
    opened = open_store(copy, clock=clock())
    assert opened.holds_lock
    assert opened.audit.recent(1)[0].action != "lock.taken_over"  # nothing was taken over
    opened.close()
    store.close()


def test_a_second_writer_in_the_same_program_is_refused(agency_file):
    store = open_store(agency_file, clock=clock())
    with pytest.raises(FileLockedError):
        open_store(agency_file, clock=clock())
    store.close()


def test_taking_over_makes_the_first_writer_refuse_to_save(agency_file):
    """RELIABILITY 13 through the lock: the forced second writer saves; the first one's
    save is refused with a message and the second one's text stays."""
    anna = open_store(agency_file, clock=clock(), user_name="anna")
    later = NOW + dt.timedelta(minutes=10)  # Anna's heartbeat looks stale to Bo
    bo = open_store(agency_file, clock=clock(later), user_name="bo", take_over=True)
    rename_agency(bo, "Bos namn")
    with pytest.raises(LockLostError, match="took over the file") as refused:
        rename_agency(anna, "Annas namn")
    assert isinstance(refused.value, EditConflictError)
    assert "what you typed is still there" in str(refused.value)
    assert anna.read_only and "bo" in anna.read_only_reason
    with pytest.raises(ReadOnlyError, match="bo"):
        rename_agency(anna, "Annas namn")
    anna.close()  # does not remove Bo's lock
    assert bo.lock_holder().user_name == "bo"
    assert organisation.get_agency(bo).name == "Bos namn"
    bo.close()


def test_the_heartbeat_notices_a_take_over(agency_file):
    anna = open_store(agency_file, clock=clock(), user_name="anna")
    bo = open_store(agency_file, clock=clock(NOW + dt.timedelta(minutes=6)), user_name="bo",
                    take_over=True)
    assert not anna.heartbeat()  # the window then says so
    assert anna.read_only and "bo" in anna.read_only_reason
    assert bo.heartbeat() and bo.lock_holder().user_name == "bo"
    anna.close()
    bo.close()


def test_a_live_program_on_this_computer_keeps_its_lock(agency_file):
    plant_lock(agency_file, host=locks.this_host(), pid=os.getppid(),
               beat=NOW - dt.timedelta(seconds=10))
    with pytest.raises(FileLockedError) as refused:
        open_store(agency_file, clock=clock())
    assert not refused.value.can_take_over


def test_the_write_counter_refuses_a_save_after_someone_elses(agency_file):
    """RELIABILITY 13 without the lock (two plain connections, as a program that ignores
    the lock row would have): both read the same state, both save; the second is refused."""
    first, second = (_unlocked_store(agency_file) for _ in range(2))
    assert organisation.get_agency(first).name == organisation.get_agency(second).name
    count = locks.write_count(first.conn)
    rename_agency(first, "Första")
    assert locks.write_count(first.conn) == count + 1
    with pytest.raises(EditConflictError, match="Someone else saved changes") as refused:
        rename_agency(second, "Andra")
    assert "nothing of theirs was overwritten" in str(refused.value)
    assert organisation.get_agency(first).name == "Första"
    assert locks.write_count(first.conn) == count + 1  # the refused save wrote nothing
    first.close()
    second.close()


def test_a_write_by_another_program_is_seen_too(agency_file):
    """A program that knows nothing of the write counter (an older version, a database
    tool) still changes SQLite's data version."""
    store = open_store(agency_file, clock=clock())
    raw = sqlite3.connect(agency_file, isolation_level=None)
    raw.execute("UPDATE agency SET seat = 'Ändrat utanför'")
    raw.close()
    with pytest.raises(EditConflictError):
        rename_agency(store, "Mitt namn")
    store.close()


def test_a_read_only_store_refuses_with_its_reason(agency_file):
    store = open_store(agency_file, clock=clock())
    store.set_read_only("Test.")
    with pytest.raises(ReadOnlyError, match=r"read-only.*Test"):
        rename_agency(store, "X")
    store.close()


@pytest.mark.parametrize("how", ["replaced", "moved", "deleted"])
def test_file_replaced_under_an_open_connection(agency_file, tmp_path, how):
    """RELIABILITY 15: a sync client swaps the file; the save is refused in words, and
    neither the old nor the new file gets the change."""
    store = open_store(agency_file, clock=clock())
    other = tmp_path / "från-molnet.finsam"
    create_database(other, "Versionen från molnet", clock=clock()).close()
    if how == "replaced":
        os.replace(other, agency_file)
    elif how == "moved":
        os.replace(agency_file, tmp_path / "flyttad.finsam")
    else:
        agency_file.unlink()
    with pytest.raises(FileReplacedError) as refused:
        rename_agency(store, "Skrivet medan filen byttes")
    text = str(refused.value)
    assert "replaced, moved or deleted by another program" in text
    assert "what you typed is still there" in text and "open the file again" in text
    assert store.read_only
    if how == "replaced":
        fresh = open_store(agency_file, read_only=True)
        assert organisation.get_agency(fresh).name == "Versionen från molnet"
        fresh.close()
    store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be replaced there")
def test_sqlite_own_moved_error_is_said_in_words_too(agency_file, tmp_path):
    """If the file is swapped between our check and SQLite's write, SQLite itself refuses
    (SQLITE_READONLY_DBMOVED); the user gets the same message."""
    store = open_store(agency_file, clock=clock())
    os.replace(agency_file, tmp_path / "flyttad.finsam")
    store._identity = None  # as if the swap happened after our own check
    with pytest.raises(FileReplacedError, match="replaced, moved or deleted"):
        rename_agency(store, "X")
    store.close()


def test_defensive_mode_enabled(agency_file):
    """RELIABILITY 21: the schema cannot be edited through the app's connections."""
    store = open_store(agency_file, clock=clock())
    assert store.conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    with pytest.raises(sqlite3.DatabaseError, match=r"may not be modified|not authorized"):
        store.conn.execute("PRAGMA writable_schema = ON")
        store.conn.execute("UPDATE sqlite_schema SET sql = '' WHERE name = 'members'")
    store.close()


def _unlocked_store(path) -> Store:
    store = Store(connect(path), path)
    store._remember_file()
    return store


def _ended_pid() -> int:
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
