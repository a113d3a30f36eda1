"""The lock file next to an open database (`<file>.lock`, Qt's QLockFile).

Qt writes the process id, the program and the computer into the lock file and sees by
itself when a process on this computer has ended (the lock is then stale and taken at
once). For a lock from another computer Qt cannot tell, so the lock row inside the database
decides: its heartbeat shows whether that program is still working (`domain.locks`). As Qt
recommends for documents kept open: `setStaleLockTime(0)` and `tryLock(0)`, and the user is
told who has the file instead of waiting.

The command line makes no lock file: it relies on the lock row and SQLite's own locking.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from finsam_desktop.domain.errors import FileLockedError, StorageError
from finsam_desktop.domain.locks import LockHolder, LockState
from finsam_desktop.i18n import _
from finsam_desktop.services import file_access


def lock_path(db_path: Path) -> Path:
    """`agency.finsam` → `agency.finsam.lock` (in the same folder)."""
    return db_path.with_name(db_path.name + ".lock")


class FileLock:
    """One program's claim on one database file, for as long as it has it open."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = QLockFile(str(lock_path(db_path)))
        self._lock.setStaleLockTime(0)

    def try_lock(self) -> bool:
        """Take the lock now if no running program has it (a dead one's is taken over)."""
        return bool(self._lock.tryLock(0))

    def failed_because_held(self) -> bool:
        """After a failed `try_lock`: True if another program holds it (not, e.g., a folder
        where no file may be written, where the lock row alone has to do)."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def holder(self) -> LockHolder | None:
        """Who holds the lock file: process id, computer, program and since when (no user
        name: that is in the lock row)."""
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 4:  # (ok, pid, host, app) in some versions
            if not info[0]:
                return None
            info = info[1:]
        if not isinstance(info, tuple) or len(info) != 3:
            return None
        pid, host, app = info
        try:  # the lock file is written when the lock is taken
            since = dt.datetime.fromtimestamp(lock_path(self.db_path).stat().st_mtime, dt.UTC)
        except OSError:
            since = None
        return LockHolder(user_name="", host=str(host), pid=int(pid), app_version=str(app),
                          opened_at=since)

    def remove_stale(self) -> bool:
        """Remove a lock file the user agreed is abandoned, then take it."""
        self._lock.removeStaleLockFile()
        return self.try_lock()

    def unlock(self) -> None:
        """Give the lock file back (removes it)."""
        if self._lock.isLocked():
            self._lock.unlock()

    def acquire(self, *, take_over: bool, now: dt.datetime,
                passphrase: str | None = None) -> bool:
        """Take the lock file, or raise FileLockedError saying who has the file.

        A holder on this computer is running (Qt checked): read-only only. A holder on
        another computer is judged by the lock row's heartbeat; a stale one is taken over
        when `take_over` says the user confirmed. False: no lock file can be made here
        (the lock row still protects the file)."""
        if self.try_lock():
            return True
        if not self.failed_because_held():
            return False
        from_file = self.holder()
        row = file_access.lock_holder(self.db_path, passphrase)
        holder = row or from_file or LockHolder("", "", 0)
        if from_file is not None and from_file.host == QSysInfo.machineHostName():
            state = LockState.ALIVE
        else:
            state = file_access.remote_lock_state(row, now)
        if state is LockState.ALIVE or not take_over:
            raise FileLockedError(file_access.message(holder, state, now), holder,
                                  can_take_over=state is LockState.STALE)
        if not self.remove_stale():
            raise StorageError(_("The lock on “{path}” could not be taken over; close the file "
                                 "in the other program first.").format(path=self.db_path))
        return True
