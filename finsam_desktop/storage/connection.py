"""Open SQLite connections with the safety settings pinned (RELIABILITY.md, section 1).

Connections use `isolation_level=None`, so Python never opens or commits a transaction
behind our back: `Store.user_action()` issues `BEGIN IMMEDIATE` and `COMMIT` itself, and
sqlite-utils calls made inside it nest as savepoints. The rollback journal (not WAL) is
used because users keep files on network shares and synced folders.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
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
_WRITE_PRAGMAS = ("PRAGMA synchronous = FULL",)


def _decode_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def connect(
    path: Path | str, *, read_only: bool = False, create: bool = False
) -> sqlite3.Connection:
    """A connection to `path` with pinned pragmas and SQLite's defensive mode on.

    Nothing here writes to the file: the journal mode, which is stored in the file, is
    pinned by `pin_journal_mode` only after the file has been recognised as ours."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        mode = "ro" if read_only else ("rwc" if create else "rw")
        uri = f"file:{quote(str(Path(path).resolve()))}?mode={mode}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    # Text damaged on disk (invalid UTF-8 in a cell) is shown with U+FFFD instead of
    # stopping every screen that reads the row; `finsam check` reports such cells.
    conn.text_factory = _decode_text
    try:
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
        for pragma in _PRAGMAS + (() if read_only else _WRITE_PRAGMAS):
            conn.execute(pragma).fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        conn.close()
        raise
    return conn


def pin_journal_mode(conn: sqlite3.Connection) -> None:
    """Use the rollback journal (`DELETE`), never WAL: safe on shares and when a user copies
    only the database file. Changes a WAL file's header, so only for files known as ours."""
    conn.execute("PRAGMA journal_mode = DELETE").fetchall()


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of an SQLite file say, read without SQLite."""

    application_id: int
    user_version: int
    wal: bool


def read_header(path: Path) -> Header | None:
    """The header of an SQLite file; None if the file is shorter than one."""
    with path.open("rb") as handle:
        head = handle.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return None
    return Header(application_id=int.from_bytes(head[68:72], "big"),
                  user_version=int.from_bytes(head[60:64], "big"),
                  wal=head[18] == 2 or head[19] == 2)


def looks_like_sqlite(path: Path) -> bool:
    """True if the file is empty or starts with SQLite's header."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)
