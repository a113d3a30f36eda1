"""Opening and creating database files, through `services.maintenance`.

Opening for writing first takes the lock file next to the database (`ui.file_lock`), then
the lock row inside it (`storage.store`); the lock file is given back when the store closes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop.services import maintenance
from finsam_desktop.ui.file_lock import FileLock

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

SUFFIX = ".finsam"


def open_file(path: str | Path, *, read_only: bool = False, take_over: bool = False,
              passphrase: str | None = None) -> Store:
    """Open an existing agency database; raises a FinsamError with a readable message
    (FileLockedError when someone else has it open: read-only or taking over is offered;
    PassphraseNeededError when it may be encrypted: the passphrase is asked for).

    `take_over`: the user confirmed that the holder of a stale lock has crashed.
    `passphrase`: of an encrypted file (ignored for a plain one)."""
    path = Path(path)
    if read_only or not path.is_file():  # a missing file: the usual message, no lock file
        return maintenance.open_database(path, read_only=read_only, check_pages_now=False,
                                         passphrase=passphrase)
    lock = FileLock(path)
    locked = lock.acquire(take_over=take_over, now=dt.datetime.now(dt.UTC),
                          passphrase=passphrase)
    try:
        # SQLite's page check runs after the window is shown (ui.page_check)
        store = maintenance.open_database(path, take_over=take_over, check_pages_now=False,
                                          passphrase=passphrase)
    except BaseException:
        if locked:
            lock.unlock()
        raise
    if locked:
        store.on_close(lock.unlock)
    return store


def create_file(path: str | Path, agency_name: str, passphrase: str | None = None) -> Store:
    """Create a new agency database at `path` with the agency's name and default charter
    (and hold its lock file like any file open for writing); encrypted with `passphrase`
    if one is given."""
    store = maintenance.create_database(with_suffix(path), agency_name, passphrase=passphrase)
    lock = FileLock(with_suffix(path))
    if lock.try_lock():
        store.on_close(lock.unlock)
    return store


def with_suffix(path: str | Path) -> Path:
    """`path` with the default suffix added when it has none."""
    target = Path(path)
    return target if target.suffix else target.with_suffix(SUFFIX)
