"""Who has a file open, for the open dialog and the lock file next to the database.

The lock row itself is kept by `storage.store` (taken on opening for writing, renewed by
`Store.heartbeat()`, given back on closing); this module answers the questions the desktop
app asks before and while it has a file open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from finsam_desktop.domain.locks import LockHolder, LockState, heartbeat_state, locked_message
from finsam_desktop.storage import locks
from finsam_desktop.storage.store import Store, open_store


def lock_holder(path: Path, passphrase: str | None = None) -> LockHolder | None:
    """The lock row of the file at `path` (read without changing the file), None if no one
    has it open for writing. Raises the usual errors for a file that cannot be opened (an
    encrypted one needs its `passphrase`)."""
    store = open_store(path, read_only=True, passphrase=passphrase)
    try:
        return store.lock_holder()
    finally:
        store.close()


def this_host() -> str:
    """This computer's name, as written into lock rows."""
    return locks.this_host()


def remote_lock_state(holder: LockHolder | None, now: dt.datetime) -> LockState:
    """The state of a lock held on *another* computer, judged by its heartbeat alone (no
    row at all: STALE, since a working writer always keeps one)."""
    return LockState.STALE if holder is None else heartbeat_state(holder, now)


def message(holder: LockHolder, state: LockState, now: dt.datetime) -> str:
    """What to tell someone who wants to open a file `holder` has open."""
    return locked_message(holder, state, now)


def heartbeat(store: Store) -> bool:
    """Renew the open file's lock (every minute); False when it has just become read-only
    because the lock was taken over or the file replaced (`store.read_only_reason`)."""
    return store.heartbeat()
