"""`Store`: one open agency database with its repositories, and the rules for opening one.

Opening a file checks, in order: it exists; it is an SQLite file (or, given its passphrase,
an encrypted SQLCipher file); it carries FINSAM's
application id; it passes `quick_check`; it lists no migration newer than this build; its
schema fingerprint matches (`storage.fingerprint`). None of these checks writes to the file.
Opening for writing then takes the lock row (`storage.locks`); pending migrations run after
a verified backup copy. Every user action is one `BEGIN IMMEDIATE` transaction
(`user_action()`); nested calls become savepoints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from finsam_desktop import __version__
from finsam_desktop.domain.errors import (
    DamagedFileError,
    EditConflictError,
    FileLockedError,
    FileMissingError,
    FileReplacedError,
    LockLostError,
    NewerFileError,
    NotAFinsamFileError,
    PassphraseNeededError,
    ReadOnlyError,
    StorageError,
    UnexpectedSchemaError,
    WrongPassphraseError,
)
from finsam_desktop.domain.locks import LockHolder, LockState, holder_name, locked_message
from finsam_desktop.i18n import _
from finsam_desktop.storage import fingerprint, locks
from finsam_desktop.storage.activities_repo import ActivitiesRepo
from finsam_desktop.storage.annual_repo import AnnualRepo
from finsam_desktop.storage.audit import AuditRepo
from finsam_desktop.storage.backup import backup_name, write_backup
from finsam_desktop.storage.board_repo import BoardRepo
from finsam_desktop.storage.budget_repo import BudgetRepo
from finsam_desktop.storage.connection import (
    APPLICATION_ID,
    connect,
    is_encrypted,
    looks_like_sqlite,
    passphrase_of,
    pin_journal_mode,
    read_header,
)
from finsam_desktop.storage.decisions_repo import DecisionsRepo
from finsam_desktop.storage.meetings_repo import MeetingsRepo
from finsam_desktop.storage.migrations import ScriptDatabase, known_names, migrations
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
    """An open agency database: repositories, transactions and the audit log.

    A writable Store of a file holds the file's lock row (`storage.locks`) until it is
    closed, and guards every user action: it refuses to save when the file was replaced
    under it, when another user took the lock over, or when someone else saved since this
    Store last read the write counter. Each refusal also makes the Store read-only (with
    `read_only_reason`), because what it shows is no longer what the file holds."""

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
        self.db: Database = ScriptDatabase(conn)
        self.path = path
        self.clock = clock
        self.read_only = read_only
        self.read_only_reason = ""
        self.organisation = OrganisationRepo(self.db)
        self.board = BoardRepo(self.db)
        self.meetings = MeetingsRepo(self.db)
        self.decisions = DecisionsRepo(self.db)
        self.budget = BudgetRepo(self.db)
        self.activities = ActivitiesRepo(self.db)
        self.annual = AnnualRepo(self.db)
        self.audit = AuditRepo(self.db, user_name or default_user_name(), clock)
        self._lock_token: str | None = None
        self._seen_count: int | None = None
        self._seen_data_version = 0
        self._identity: tuple[int, int] | None = None
        self._listeners: list[Callable[[], None]] = []
        self._close_hooks: list[Callable[[], None]] = []
        self._closed = False

    def today(self) -> dt.date:
        """The local date according to the store's clock."""
        return self.clock().astimezone().date()

    # Access: read-only, lock row, what this Store has seen of the file --------------------

    @property
    def holds_lock(self) -> bool:
        """True while this Store has the file's lock row (a writable file store)."""
        return self._lock_token is not None

    def lock_holder(self) -> LockHolder | None:
        """Who has the file open for writing according to its lock row."""
        return locks.read_holder(self.conn)

    def on_access_changed(self, listener: Callable[[], None]) -> None:
        """Call `listener()` when the Store becomes read-only (the window shows a banner)."""
        self._listeners.append(listener)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Call `hook()` after the connection is closed (e.g. to release a lock file)."""
        self._close_hooks.append(hook)

    def set_read_only(self, reason: str = "") -> None:
        """Refuse every later save, telling `reason` (a sentence) to whoever tries."""
        self.read_only, self.read_only_reason = True, reason
        for listener in list(self._listeners):
            listener()

    def content_replaced(self) -> None:
        """Take the file as it is now as what this Store has seen, keeping its lock.

        For code that rewrote the content through this Store's own connection (restoring a
        backup with the backup API): the restored lock row and write counter are another
        moment's, so the lock row is written again and the counter re-read."""
        if self._lock_token is not None:
            with self._transaction():
                locks.write_holder(self.conn, self._new_holder(self._lock_token))
        self._remember_file()

    def _remember_file(self) -> None:
        self._seen_count = locks.write_count(self.conn)
        self._seen_data_version = self._data_version()
        self._identity = _identity(self.path) if self.path is not None else None

    def _data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _new_holder(self, token: str) -> LockHolder:
        assert self.path is not None
        now = self.clock()
        return LockHolder(self.audit.user_name, locks.this_host(), os.getpid(), __version__,
                          now, now, token, str(self.path.resolve()), locks.file_id(self.path))

    # Transactions ---------------------------------------------------------------------

    @contextlib.contextmanager
    def user_action(self) -> Iterator[Database]:
        """One user action: all of it is stored or none of it (BEGIN IMMEDIATE … COMMIT).

        Refused (nothing written, the caller keeps what the user typed) when the Store is
        read-only, the file was replaced, its lock was taken over or someone else saved."""
        if self.read_only:
            raise ReadOnlyError(" ".join(filter(None, [
                _("The file is open read-only, so this change was not saved; what you typed "
                  "is still there."), self.read_only_reason])))
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        with self._transaction():
            self._check_unchanged()
            yield self.db
            self._check_same_file()
            if self._seen_count is not None:
                self._seen_count = locks.bump(self.conn)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT on the file this Store opened, SQLite errors in words."""
        self._check_same_file()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            mapped = self._in_words(exc)
            if mapped is None:
                raise
            raise mapped from exc
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            mapped = self._in_words(exc) if isinstance(exc, sqlite3.OperationalError) else None
            if mapped is None:
                raise
            raise mapped from exc

    def _in_words(self, exc: sqlite3.OperationalError) -> StorageError | None:
        """The error a user can act on for SQLite's "moved", "busy", "full" and I/O codes."""
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_READONLY_DBMOVED":
            return self._replaced()
        if name.startswith("SQLITE_BUSY"):
            return StorageError(_("The file is busy: another program is saving to it right now. "
                                  "Nothing was saved; what you typed is still there. Try "
                                  "again in a moment."))
        if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
            return StorageError(_("The change could not be saved: the disk is full or the file "
                                  "cannot be written ({error}). Nothing was saved and the file "
                                  "is as it was; what you typed is still there. Free some "
                                  "space, then try again.").format(error=exc))
        return None

    def _check_same_file(self) -> None:
        """Refuse when the file at our path is no longer the one our connection has open."""
        if self.path is None or self._identity is None:
            return
        if _identity(self.path) != self._identity:
            raise self._replaced()

    def _replaced(self) -> FileReplacedError:
        self.set_read_only(_("The file was replaced or moved by another program while it was "
                             "open; open it again."))
        return FileReplacedError(_(
            "The file “{path}” was replaced, moved or deleted by another program (for example "
            "a sync service such as OneDrive or Dropbox) while it was open. Nothing was saved, "
            "so nothing went into the wrong file, and what you typed is still there: copy it, "
            "save a copy of the file if you need this version, then open the file again."
        ).format(path=self.path))

    def _check_unchanged(self) -> None:
        """Inside the transaction: our lock row is still ours and no one else has saved."""
        if self._lock_token is not None and not locks.holds(self.conn, self._lock_token):
            holder = locks.read_holder(self.conn)
            if holder is None:
                reason = _("Someone removed your lock on the file.")
            else:
                reason = _("{user} (computer {host}) took over the file at {when}.").format(
                    user=holder_name(holder), host=holder.host, when=_clock_time(
                        holder.opened_at))
            self.set_read_only(reason)
            raise LockLostError(reason + " " + _(
                "Your change was not saved; what you typed is still there. The file is now "
                "read-only for you: copy what you typed, then open the file again."))
        if (locks.write_count(self.conn) != self._seen_count
                or self._data_version() != self._seen_data_version):
            self.set_read_only(_("Someone else saved changes to the file; open it again to "
                                 "see them."))
            raise EditConflictError(_(
                "Someone else saved changes to the file since you opened it. Your change was "
                "not saved, so nothing of theirs was overwritten, and what you typed is still "
                "there: copy it, then open the file again to see their changes and enter "
                "yours."))

    def heartbeat(self) -> bool:
        """Renew the lock row's heartbeat (the window does it every minute).

        False when the Store has just become read-only: the lock was taken over or the file
        replaced (`read_only_reason` says which). A busy file is simply tried next time."""
        if self._lock_token is None or self.read_only or self.conn.in_transaction:
            return True
        try:
            with self._transaction():
                if not locks.beat(self.conn, self._lock_token, self.clock()):
                    self._check_unchanged()  # raises LockLostError
        except (LockLostError, FileReplacedError):
            return False
        except StorageError:
            return True
        return True

    def schema_names(self) -> list[str]:
        """Names of the migrations applied to this file."""
        return [m.name for m in migrations.applied(self.db)]

    @property
    def encrypted(self) -> bool:
        """True for an encrypted (SQLCipher) file: its backups and copies are encrypted with
        the same passphrase, which is kept in memory only while the file is open."""
        return is_encrypted(self.conn)

    @property
    def passphrase(self) -> str | None:
        """The passphrase the file was opened with (None: not encrypted); never logged."""
        return passphrase_of(self.conn)

    def user_version(self) -> int:
        """`PRAGMA user_version`: the number of the last migration applied."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def save_copy(self, target: Path) -> Path:
        """Write a verified, consistent copy of the database to `target` (encrypted with the
        same passphrase when the file is encrypted)."""
        return write_backup(self.conn, target)

    def close(self) -> None:
        """Give the lock row back and close the connection (an open transaction is rolled
        back by SQLite). Never raises: closing must always work."""
        if self._closed:
            return
        self._closed = True
        token, self._lock_token = self._lock_token, None
        same_file = self.path is not None and _identity(self.path) == self._identity
        if token is not None and not self.read_only and same_file:
            with contextlib.suppress(sqlite3.Error):
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self.conn.execute("BEGIN IMMEDIATE")
                locks.release(self.conn, token)
                self.conn.execute("COMMIT")
        self.conn.close()
        for hook in self._close_hooks:
            hook()


def _identity(path: Path) -> tuple[int, int]:
    """(device, inode) of the file at `path`; (0, 0) when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0)
    return (st.st_dev, st.st_ino)


def _clock_time(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment is not None else "?"


def _fail(conn: sqlite3.Connection, error: StorageError) -> None:
    conn.close()
    raise error


def _unreadable(path: Path, exc: Exception) -> StorageError:
    """A file SQLite cannot read: damaged (SQLITE_CORRUPT) or no database at all."""
    if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
        return DamagedFileError(_("“{path}” is damaged ({detail}). Restore it from a backup.")
                                .format(path=path, detail=exc))
    return NotAFinsamFileError(_("“{path}” is not a database file ({error}).").format(
        path=path, error=exc))


def _cannot_open(path: Path, exc: Exception) -> StorageError:
    return StorageError(_("“{path}” cannot be opened: {error}. Check that the folder exists "
                          "and that you may write there.").format(path=path, error=exc))


def _check_header(path: Path) -> None:
    """Refuse another program's SQLite file by its header alone, before SQLite opens it
    (opening a file in WAL mode would create `-wal` and `-shm` files beside it)."""
    header = read_header(path)
    if header is None:
        return
    if header.application_id not in (0, APPLICATION_ID) or (
            header.application_id == 0 and header.wal):
        raise NotAFinsamFileError(
            _("“{path}” is an SQLite database, but not one written by FINSAM Desktop.").format(
                path=path))


def check_pages(path: Path, passphrase: str | None = None) -> str:
    """SQLite's `quick_check` of the file on a connection of its own (safe in a worker thread
    while the app works): "ok", else what is damaged. An encrypted file (`passphrase`) also
    gets SQLCipher's check of every page's authentication code."""
    conn = connect(path, read_only=True, passphrase=passphrase)
    try:
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        if result == "ok" and passphrase is not None:
            result = "; ".join(cipher_problems(conn)[:5]) or "ok"
        return result
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return str(exc)
    finally:
        conn.close()


def cipher_problems(conn: sqlite3.Connection) -> list[str]:
    """SQLCipher's `cipher_integrity_check`: pages whose authentication code does not match
    (changed without the key, or damaged); empty when all is well or the file is plain."""
    if not is_encrypted(conn):
        return []
    return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


def needs_passphrase(path: Path) -> bool:
    """True when `path` is a non-empty file that does not start like an SQLite file: an
    encrypted file (or no database at all), which only a passphrase can tell."""
    try:
        return path.is_file() and not looks_like_sqlite(path)
    except OSError:
        return False


def _passphrase_needed(path: Path) -> PassphraseNeededError:
    return PassphraseNeededError(_(
        "“{path}” is not an SQLite file: either it is encrypted, and opening it needs its "
        "passphrase, or it is not a FINSAM Desktop database.").format(path=path))


def wrong_passphrase_error(path: Path) -> WrongPassphraseError:
    return WrongPassphraseError(_(
        "Wrong passphrase, or “{path}” is not a FINSAM Desktop file. The file has not been "
        "changed. Check the passphrase (capital and small letters count) and try again."
    ).format(path=path))


def _check_identity(conn: sqlite3.Connection, path: Path, *, pages: bool = True) -> bool:
    """True if the file is an empty database; raise if it is not ours or (with `pages`,
    after SQLite's `quick_check` of every page) damaged."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        _fail(conn, _unreadable(path, exc))
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
    if not pages:
        return False
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
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
    take_over: bool = False,
    verify_schema: bool = True,
    check_pages_now: bool = True,
    passphrase: str | None = None,
) -> Store:
    """Open (or with `create`, create) an agency database and bring its schema up to date.

    Opening for writing takes the file's lock row (`FileLockedError` if someone else works
    in it; `take_over` takes a stale lock after the user confirmed). `verify_schema=False`
    skips the schema fingerprint, for `finsam check`, which reports it instead.
    `check_pages_now=False` leaves SQLite's page check (`quick_check`, about a second on a
    20-year file) to the caller, who runs `check_pages` after the window is shown; the
    header, application id, schema version and fingerprint are always checked here.

    `passphrase` opens an encrypted (SQLCipher) file, and with `create` makes a new file
    encrypted; a plain SQLite file ignores it. A file that does not start like SQLite raises
    `PassphraseNeededError` without a passphrase and `WrongPassphraseError` when the given
    one does not open it; neither changes the file."""
    path = Path(path)
    if not path.exists() and not create:
        raise FileMissingError(_("The file “{path}” does not exist.").format(path=path))
    encrypted = create and passphrase is not None
    if path.exists():
        if path.is_dir():
            raise NotAFinsamFileError(_("“{path}” is a folder, not a file.").format(path=path))
        if not looks_like_sqlite(path):
            if passphrase is None:
                raise _passphrase_needed(path)
            encrypted = True
        else:
            _check_header(path)
            encrypted = encrypted and path.stat().st_size == 0
    try:
        conn = connect(path, read_only=read_only, create=create,
                       passphrase=passphrase if encrypted else None)
    except UnicodeDecodeError:  # a damaged header can make SQLite return undecodable text
        raise DamagedFileError(
            _("“{path}” is damaged (its header cannot be read). Restore it from a backup.")
            .format(path=path)) from None
    except sqlite3.DatabaseError as exc:  # SQLite read the file and does not like it
        if encrypted and getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise wrong_passphrase_error(path) from None
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            raise _unreadable(path, exc) from None
        raise _cannot_open(path, exc) from None
    except sqlite3.Error as exc:
        raise _cannot_open(path, exc) from None
    is_empty = _check_identity(conn, path, pages=check_pages_now)
    if is_empty and not create:
        _fail(
            conn,
            NotAFinsamFileError(
                _("“{path}” is an empty file, not an agency database.").format(path=path)
            ),
        )
    store = Store(conn, path, clock=clock, user_name=user_name, read_only=read_only)
    store._remember_file()
    _check_not_newer(store)
    if verify_schema and not is_empty:
        _check_schema(store)
    if read_only:
        store._remember_file()
        return store
    try:
        pin_journal_mode(conn)
        if locks.has_lock_table(conn):  # before migrating: a colleague may be working
            _claim_lock(store, take_over=take_over)
        _migrate(store, backup=not is_empty)
        if not store.holds_lock:
            _claim_lock(store, take_over=take_over)
        store._remember_file()
    except BaseException:
        store.close()
        raise
    return store


def _check_schema(store: Store) -> None:
    """Refuse a file whose tables, indexes, views or triggers are not exactly ours."""
    differences = fingerprint.compare(store.conn, store.schema_names())
    if not differences:
        return
    store.close()
    found = differences.descriptions()
    listed = "; ".join(found[:5]) + ("; …" if len(found) > 5 else "")
    raise UnexpectedSchemaError(_(
        "“{path}” has been changed with another program: its structure is not the one FINSAM "
        "Desktop creates ({differences}). Such a change can alter what is saved, so the file "
        "was not opened, and it has not been changed. Open a backup copy instead, or let "
        "someone check the file with “finsam check”.").format(path=store.path,
                                                              differences=listed))


def _claim_lock(store: Store, *, take_over: bool) -> None:
    """Write our lock row, unless someone else is working in the file.

    A live writer's lock is never taken: FileLockedError (read-only is offered). A stale
    one is taken over only with `take_over` (the user confirmed); a lock whose process on
    this computer has ended is taken over at once. Every take-over is in the audit log."""
    assert store.path is not None
    now = store.clock()
    with store._transaction():
        holder = locks.read_holder(store.conn)
        if holder is not None:
            state = locks.judge(holder, now, store.path)
            if state is LockState.ALIVE or (state is LockState.STALE and not take_over):
                raise FileLockedError(locked_message(holder, state, now), holder,
                                      can_take_over=state is LockState.STALE)
            if not locks.is_copy(holder, store.path):
                store.audit.log("lock.taken_over", "file", None, before={
                    "user_name": holder.user_name, "host": holder.host, "pid": holder.pid,
                    "opened_at": str(holder.opened_at), "heartbeat": str(holder.heartbeat),
                    "confirmed": take_over})
        token = secrets.token_hex(8)
        locks.write_holder(store.conn, store._new_holder(token))
    store._lock_token = token


def memory_store(*, clock: Clock = _now, user_name: str = "test") -> Store:
    """A migrated in-memory store (tests and previews)."""
    store = Store(connect(":memory:"), None, clock=clock, user_name=user_name)
    migrations.apply(store.db)
    store._remember_file()
    return store
