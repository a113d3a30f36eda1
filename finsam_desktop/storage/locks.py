"""The writer's lock row and the write counter inside the database (schema 0009).

`writer_lock` holds at most one row: who has the file open for writing, where, since when,
and a heartbeat. `write_counter` holds one number that every saved user action increments;
a Store remembers the value it last saw, so a save after someone else's is refused instead
of overwriting it (optimistic concurrency). Both are runtime state of one file: they are not
part of the exchange format.

Every function here runs inside the caller's transaction (`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import sys
from pathlib import Path

from finsam_desktop.domain.locks import LockHolder, LockState, heartbeat_state

LOCK_TABLE = "writer_lock"
COUNTER_TABLE = "write_counter"


def this_host() -> str:
    """This computer's name as other computers see it in the lock row."""
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def file_id(path: Path) -> str:
    """"dev:inode" of the file ("" when the file system gives no inode numbers)."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}" if st.st_ino else ""


def pid_alive(pid: int) -> bool:
    """True if process `pid` runs on this computer (a zombie counts as ended).

    Never `os.kill(pid, 0)` on Windows: there any signal terminates the process."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return False
    try:  # Linux: a killed child not yet waited for is a zombie, not a writer
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def has_lock_table(conn: sqlite3.Connection) -> bool:
    """True once migration 0009 has run."""
    return conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                        (LOCK_TABLE,)).fetchone() is not None


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _moment(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def read_holder(conn: sqlite3.Connection) -> LockHolder | None:
    """The lock row, None if no one has the file open for writing (or no lock table)."""
    if not has_lock_table(conn):
        return None
    row = conn.execute(
        f"SELECT user_name, host, pid, app_version, opened_at, heartbeat, token, path, file_id "
        f"FROM {LOCK_TABLE} WHERE id = 1").fetchone()
    if row is None:
        return None
    user, host, pid, version, opened, beat, token, path, fid = row
    return LockHolder(user, host, int(pid), version, _moment(opened), _moment(beat), token,
                      path, fid)


def is_copy(holder: LockHolder, path: Path) -> bool:
    """True if the row was written on this computer for another file: it came along when the
    file was copied (Save a copy, a backup) and says nothing about this one."""
    if holder.host != this_host():
        return False
    current = file_id(path)
    if holder.file_id and current:
        return holder.file_id != current
    return os.path.normcase(holder.path) != os.path.normcase(str(path.resolve()))


def judge(holder: LockHolder, now: dt.datetime, path: Path) -> LockState:
    """What the lock row `holder` found in the file at `path` means.

    On this computer we can tell more than a heartbeat can: a row whose process has ended
    is GONE (a crash), and so is a row written for another file (a copy)."""
    if holder.host == this_host() and (is_copy(holder, path) or not pid_alive(holder.pid)):
        return LockState.GONE
    return heartbeat_state(holder, now)


def write_holder(conn: sqlite3.Connection, holder: LockHolder) -> None:
    """Make `holder` the writer (replacing any row)."""
    assert holder.opened_at is not None and holder.heartbeat is not None
    conn.execute(
        f"INSERT OR REPLACE INTO {LOCK_TABLE} (id, token, user_name, host, pid, app_version, "
        f"opened_at, heartbeat, path, file_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (holder.token, holder.user_name, holder.host, holder.pid, holder.app_version,
         _stamp(holder.opened_at), _stamp(holder.heartbeat), holder.path, holder.file_id))


def beat(conn: sqlite3.Connection, token: str, now: dt.datetime) -> bool:
    """Renew our heartbeat; False if the row is no longer ours (someone took over)."""
    cursor = conn.execute(f"UPDATE {LOCK_TABLE} SET heartbeat = ? WHERE id = 1 AND token = ?",
                          (_stamp(now), token))
    return cursor.rowcount == 1


def holds(conn: sqlite3.Connection, token: str) -> bool:
    """True while the lock row is ours."""
    return conn.execute(f"SELECT 1 FROM {LOCK_TABLE} WHERE id = 1 AND token = ?",
                        (token,)).fetchone() is not None


def release(conn: sqlite3.Connection, token: str) -> None:
    """Remove our lock row (someone else's is left alone)."""
    conn.execute(f"DELETE FROM {LOCK_TABLE} WHERE id = 1 AND token = ?", (token,))


def write_count(conn: sqlite3.Connection) -> int | None:
    """The write counter (None before schema 0009)."""
    try:
        row = conn.execute(f"SELECT value FROM {COUNTER_TABLE} WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # no such table: an older file opened read-only
        return None
    return int(row[0]) if row else 0


def bump(conn: sqlite3.Connection) -> int:
    """Count one more saved user action; returns the new value."""
    row = conn.execute(f"UPDATE {COUNTER_TABLE} SET value = value + 1 WHERE id = 1 "
                       f"RETURNING value").fetchone()
    return int(row[0])
