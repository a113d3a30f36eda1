"""`Store`: one open agency database with its repositories, and the rules for opening one.

Opening a file checks, in order: it exists; it is an SQLite file; it carries FINSAM's
application id; it passes `quick_check`; it lists no migration newer than this build.
Pending migrations run after a verified backup copy. Every user action is one
`BEGIN IMMEDIATE` transaction (`user_action()`); nested calls become savepoints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from finsam_desktop.domain.errors import (
    DamagedFileError,
    FileMissingError,
    NewerFileError,
    NotAFinsamFileError,
    StorageError,
)
from finsam_desktop.i18n import _
from finsam_desktop.storage.activities_repo import ActivitiesRepo
from finsam_desktop.storage.annual_repo import AnnualRepo
from finsam_desktop.storage.audit import AuditRepo
from finsam_desktop.storage.backup import backup_name, write_backup
from finsam_desktop.storage.board_repo import BoardRepo
from finsam_desktop.storage.budget_repo import BudgetRepo
from finsam_desktop.storage.connection import APPLICATION_ID, connect, looks_like_sqlite
from finsam_desktop.storage.decisions_repo import DecisionsRepo
from finsam_desktop.storage.meetings_repo import MeetingsRepo
from finsam_desktop.storage.migrations import known_names, migrations
from finsam_desktop.storage.organisation_repo import OrganisationRepo

Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_user_name() -> str:
    """The name written into the audit log: FINSAM_USER, else the login name."""
    try:
        return os.environ.get("FINSAM_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Store:
    """An open agency database: repositories, transactions and the audit log."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        clock: Clock = _now,
        user_name: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.conn = conn
        self.db = Database(conn)
        self.path = path
        self.clock = clock
        self.read_only = read_only
        self.organisation = OrganisationRepo(self.db)
        self.board = BoardRepo(self.db)
        self.meetings = MeetingsRepo(self.db)
        self.decisions = DecisionsRepo(self.db)
        self.budget = BudgetRepo(self.db)
        self.activities = ActivitiesRepo(self.db)
        self.annual = AnnualRepo(self.db)
        self.audit = AuditRepo(self.db, user_name or default_user_name(), clock)

    def today(self) -> dt.date:
        """The local date according to the store's clock."""
        return self.clock().astimezone().date()

    @contextlib.contextmanager
    def user_action(self) -> Iterator[Database]:
        """One user action: all of it is stored or none of it (BEGIN IMMEDIATE … COMMIT)."""
        if self.read_only:
            raise StorageError(_("The file is open read-only; changes cannot be saved."))
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_names(self) -> list[str]:
        """Names of the migrations applied to this file."""
        return [m.name for m in migrations.applied(self.db)]

    def user_version(self) -> int:
        """`PRAGMA user_version`: the number of the last migration applied."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def save_copy(self, target: Path) -> Path:
        """Write a verified, consistent copy of the database to `target`."""
        return write_backup(self.conn, target)

    def close(self) -> None:
        """Close the connection (any open transaction is rolled back by SQLite)."""
        self.conn.close()


def _fail(conn: sqlite3.Connection, error: StorageError) -> None:
    conn.close()
    raise error


def _check_identity(conn: sqlite3.Connection, path: Path) -> bool:
    """True if the file is an empty database; raise if it is not ours or damaged."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        _fail(
            conn,
            NotAFinsamFileError(
                _("“{path}” is not a database file ({error}).").format(path=path, error=exc)
            ),
        )
    if app_id == 0 and tables == 0:
        return True
    if app_id != APPLICATION_ID:
        _fail(
            conn,
            NotAFinsamFileError(
                _("“{path}” is an SQLite database, but not one written by FINSAM Desktop.").format(
                    path=path
                )
            ),
        )
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        _fail(
            conn,
            DamagedFileError(
                _("“{path}” is damaged ({detail}). Restore it from a backup.").format(
                    path=path, detail=result
                )
            ),
        )
    return False


def _check_not_newer(store: Store) -> None:
    unknown = [n for n in store.schema_names() if n not in known_names()]
    if unknown or store.user_version() > len(known_names()):
        store.close()
        raise NewerFileError(
            _(
                "“{path}” was saved by a newer version of FINSAM Desktop. Install the newer "
                "version to open it; this version leaves the file untouched."
            ).format(path=store.path)
        )


def _migrate(store: Store, *, backup: bool) -> None:
    pending = migrations.pending(store.db)
    if not pending:
        return
    if backup and store.path is not None:
        write_backup(store.conn, backup_name(store.path, "before-upgrade", store.clock()))
    migrations.apply(store.db)


def open_store(
    path: Path | str,
    *,
    create: bool = False,
    read_only: bool = False,
    clock: Clock = _now,
    user_name: str | None = None,
) -> Store:
    """Open (or with `create`, create) an agency database and bring its schema up to date."""
    path = Path(path)
    if not path.exists() and not create:
        raise FileMissingError(_("The file “{path}” does not exist.").format(path=path))
    if path.exists():
        if path.is_dir():
            raise NotAFinsamFileError(_("“{path}” is a folder, not a file.").format(path=path))
        if not looks_like_sqlite(path):
            raise NotAFinsamFileError(
                _("“{path}” is not a FINSAM Desktop database (it is not an SQLite file).").format(
                    path=path
                )
            )
    try:
        conn = connect(path, read_only=read_only, create=create)
    except sqlite3.Error as exc:
        raise StorageError(
            _(
                "“{path}” cannot be opened: {error}. Check that the folder exists "
                "and that you may write there."
            ).format(path=path, error=exc)
        ) from None
    is_empty = _check_identity(conn, path)
    if is_empty and not create:
        _fail(
            conn,
            NotAFinsamFileError(
                _("“{path}” is an empty file, not an agency database.").format(path=path)
            ),
        )
    store = Store(conn, path, clock=clock, user_name=user_name, read_only=read_only)
    _check_not_newer(store)
    if not read_only:
        _migrate(store, backup=not is_empty)
    return store


def memory_store(*, clock: Clock = _now, user_name: str = "test") -> Store:
    """A migrated in-memory store (tests and previews)."""
    store = Store(connect(":memory:"), None, clock=clock, user_name=user_name)
    migrations.apply(store.db)
    return store
