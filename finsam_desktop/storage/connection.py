"""Open SQLite connections with the safety settings pinned (RELIABILITY.md, section 1).

Connections use `isolation_level=None`, so Python never opens or commits a transaction
behind our back: `Store.user_action()` issues `BEGIN IMMEDIATE` and `COMMIT` itself, and
sqlite-utils calls made inside it nest as savepoints. The rollback journal (not WAL) is
used because users keep files on network shares and synced folders.

Encrypted files (SQLCipher, optional): `connect(..., passphrase=…)` opens the file with the
`sqlcipher3` module, imported only then, so start-up stays light. Its connections raise
`sqlcipher3`'s own exception classes; `_CipherConnection` turns them into the `sqlite3`
ones, so every `except sqlite3.…` (ours and sqlite-utils') works unchanged. `sqlcipher3`
has no `setconfig()`, so SQLite's defensive mode is not available on an encrypted file;
the pinned pragmas (`trusted_schema=OFF`, `cell_size_check`, …), the header, application
id and schema fingerprint checks still apply, and the file cannot be changed without the
passphrase (SQLCipher authenticates every page).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast
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
    path: Path | str, *, read_only: bool = False, create: bool = False,
    passphrase: str | None = None,
) -> sqlite3.Connection:
    """A connection to `path` with pinned pragmas and SQLite's defensive mode on.

    With `passphrase`, the file is an encrypted (SQLCipher) one: a wrong passphrase raises
    `sqlite3.DatabaseError` with `sqlite_errorname` "SQLITE_NOTADB" here, before anything
    else is read. Nothing here writes to the file: the journal mode, which is stored in the
    file, is pinned by `pin_journal_mode` only after the file has been recognised as ours."""
    if passphrase is not None:
        return _connect_encrypted(path, passphrase, read_only=read_only, create=create)
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        conn = sqlite3.connect(_uri(path, read_only, create), uri=True, isolation_level=None)
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


def _uri(path: Path | str, read_only: bool, create: bool) -> str:
    mode = "ro" if read_only else ("rwc" if create else "rw")
    return f"file:{quote(str(Path(path).resolve()))}?mode={mode}"


# Encrypted files (SQLCipher) ----------------------------------------------------------------

_T = TypeVar("_T")


def _as_sqlite3(exc: Exception) -> sqlite3.Error:
    """The `sqlite3` exception matching a `sqlcipher3` one (same class name, message and
    SQLite error code and name)."""
    kind = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        kind = sqlite3.DatabaseError
    mapped = kind(*exc.args)
    for attribute in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attribute):
            setattr(mapped, attribute, getattr(exc, attribute))
    return mapped


def _cipher_classes() -> tuple[type, type, type[Exception]]:
    """`(connection class, cursor class, sqlcipher3.Error)`, built on first use."""
    global _CLASSES
    if _CLASSES is not None:
        return _CLASSES
    import sqlcipher3

    error: type[Exception] = sqlcipher3.Error

    def call(fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        try:
            return fn(*args, **kwargs)
        except error as exc:
            raise _as_sqlite3(exc) from exc

    class Cursor(sqlcipher3.Cursor):  # type: ignore[misc, name-defined]
        def execute(self, *args: Any) -> Any:
            return call(super().execute, *args)

        def executemany(self, *args: Any) -> Any:
            return call(super().executemany, *args)

        def fetchone(self) -> Any:
            return call(super().fetchone)

        def fetchmany(self, *args: Any) -> Any:
            return call(super().fetchmany, *args)

        def fetchall(self) -> Any:
            return call(super().fetchall)

        def __iter__(self) -> Iterator[Any]:
            return self

        def __next__(self) -> Any:
            return call(super().__next__)

    class Connection(sqlcipher3.Connection):  # type: ignore[misc, name-defined]
        """A `sqlcipher3` connection raising `sqlite3`'s exceptions; `passphrase` is kept
        in memory only, so backups of the file can be encrypted with it."""

        passphrase: str | None = None

        def cursor(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("factory", Cursor)
            return call(super().cursor, *args, **kwargs)

        def execute(self, *args: Any) -> Any:
            return self.cursor().execute(*args)

        def executemany(self, *args: Any) -> Any:
            return self.cursor().executemany(*args)

        def backup(self, *args: Any, **kwargs: Any) -> None:
            call(super().backup, *args, **kwargs)

        def create_function(self, *args: Any, **kwargs: Any) -> None:
            call(super().create_function, *args, **kwargs)

    _CLASSES = (Connection, Cursor, error)
    return _CLASSES


_CLASSES: tuple[type, type, type[Exception]] | None = None


def _connect_encrypted(path: Path | str, passphrase: str, *, read_only: bool,
                       create: bool) -> sqlite3.Connection:
    """An SQLCipher connection to `path`, keyed with `passphrase` (its own key derivation:
    PBKDF2-HMAC-SHA512, SQLCipher 4's defaults, so other SQLCipher tools can open the file
    with the same passphrase). The key is checked by reading the schema at once."""
    if not passphrase or "\x00" in passphrase:
        raise ValueError("a passphrase must be a non-empty text without NUL characters")
    import sqlcipher3

    connection_class, _cursor, error = _cipher_classes()
    target = ":memory:" if str(path) == ":memory:" else _uri(path, read_only, create)
    try:
        raw = sqlcipher3.connect(target, uri=target != ":memory:", isolation_level=None,
                                 factory=connection_class)
    except error as exc:
        raise _as_sqlite3(exc) from exc
    conn = cast(Any, raw)
    try:
        # SQLCipher writes "ERROR CORE …" lines to stderr for a wrong key: the user gets
        # a message from us instead.
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
        conn.set_key(passphrase)  # sqlite3_key(): no SQL quoting of the passphrase
        conn.passphrase = passphrase
        conn.text_factory = _decode_text
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()  # a wrong key fails here
        for pragma in _PRAGMAS + (() if read_only else _WRITE_PRAGMAS):
            conn.execute(pragma).fetchall()
    except (sqlite3.Error, error, UnicodeDecodeError) as exc:
        conn.close()
        if isinstance(exc, error):
            raise _as_sqlite3(exc) from exc
        raise
    return cast(sqlite3.Connection, conn)


def passphrase_of(conn: object) -> str | None:
    """The passphrase an encrypted connection was opened with; None for a plain file."""
    return cast(str | None, getattr(conn, "passphrase", None))


def is_encrypted(conn: object) -> bool:
    """True for a connection to an encrypted (SQLCipher) file."""
    return passphrase_of(conn) is not None


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
