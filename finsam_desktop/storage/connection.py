"""Open SQLite connections with the safety settings pinned (RELIABILITY.md, section 1).

Connections use `isolation_level=None`, so Python never opens or commits a transaction
behind our back: `Store.user_action()` issues `BEGIN IMMEDIATE` and `COMMIT` itself, and
sqlite-utils calls made inside it nest as savepoints. The rollback journal (not WAL) is
used because users keep files on network shares and synced folders.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

APPLICATION_ID = 0x46534D44  # "FSMD" in the file header: marks a FINSAM Desktop database
SQLITE_HEADER = b"SQLite format 3\x00"

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA trusted_schema = OFF",
    "PRAGMA cell_size_check = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA mmap_size = 0",
    "PRAGMA busy_timeout = 5000",
)
_WRITE_PRAGMAS = ("PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL")


def connect(
    path: Path | str, *, read_only: bool = False, create: bool = False
) -> sqlite3.Connection:
    """A connection to `path` with pinned pragmas and SQLite's defensive mode on."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        mode = "ro" if read_only else ("rwc" if create else "rw")
        uri = f"file:{quote(str(Path(path).resolve()))}?mode={mode}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
        for pragma in _PRAGMAS + (() if read_only else _WRITE_PRAGMAS):
            conn.execute(pragma).fetchall()
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def looks_like_sqlite(path: Path) -> bool:
    """True if the file is empty or starts with SQLite's header."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)
