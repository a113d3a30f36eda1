"""Automatic, verified backups of the open agency file: make, list, rotate and restore.

Every backup goes through SQLite's online backup API (`storage.backup`, never a file copy),
is integrity-checked before it is kept, and is followed by rotation (`ROTATION`). Backups
are made when a file is opened, every few minutes while it is being changed and when it is
closed (the desktop app, `ui.autobackup`), before every import, before a restore, before
minutes are sealed and before a schema upgrade (`storage.store`).

Restoring copies the chosen backup *into* the open file with the backup API, through the
store's own connection: the current state is backed up first, the copy is one SQLite
transaction (a crash leaves the old content), and the open `Store` stays valid — same file,
same inode, same lock — so nothing is closed or renamed under the running program.

The backups of an encrypted file are encrypted with its passphrase, and are checked and
restored with it (the open store's passphrase, or `passphrase` where no store is open yet).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import (
    DamagedFileError,
    FileMissingError,
    NotAFinsamFileError,
    StorageError,
    ValidationError,
)
from finsam_desktop.i18n import N_, _
from finsam_desktop.storage import backup as files
from finsam_desktop.storage.backup import BackupFile, Rotation
from finsam_desktop.storage.connection import APPLICATION_ID, connect, looks_like_sqlite
from finsam_desktop.storage.store import (
    Store,
    cipher_problems,
    needs_passphrase,
    open_store,
    wrong_passphrase_error,
)

ROTATION = Rotation(recent=10, daily=14, weekly=8, monthly=12)
"""Kept: the 10 newest backups, then one a day for 14 days, one a week for 8 weeks and one
a month for 12 months (some 40 files at most)."""

REASONS: dict[str, str] = {
    "open": N_("Opened"),
    "auto": N_("While working"),
    "close": N_("Closed"),
    "manual": N_("Backed up by hand"),
    "before-import": N_("Before an import"),
    "before-restore": N_("Before a restore"),
    "before-seal": N_("Before sealing minutes"),
    "before-upgrade": N_("Before an upgrade"),
}
"""Why a backup was made (the last part of its name), and how the Backups dialog says it."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the Backups dialog and the CLI show it."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        """The reason in the current language."""
        return _(REASONS[self.reason]) if self.reason in REASONS else self.reason

    @property
    def local_time(self) -> dt.datetime:
        """When the backup was taken, in this computer's time zone."""
        return self.taken_at.astimezone()


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup of the state before it, and what changed (all)."""

    safety_backup: Path
    changes: Changes


def backup_folder(db_path: Path) -> Path:
    """Where the backups of `db_path` are kept (see `storage.backup.backup_dir`)."""
    return files.backup_dir(db_path)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of `db_path`, newest first."""
    return [_info(b) for b in files.list_backup_files(db_path)]


def _info(backup: BackupFile) -> BackupInfo:
    return BackupInfo(backup.path, backup.taken_at, backup.reason, backup.size)


def make_backup(store: Store, reason: str, *, now: dt.datetime | None = None,
                rotate: bool = True) -> Path | None:
    """Write a verified backup of the open file, then rotate; None for an in-memory store.

    Raises (nothing is kept) when the copy fails its integrity check or the disk is full."""
    if store.path is None:
        return None
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason: {reason}")
    moment = store.clock() if now is None else now
    target = _write(store, files.backup_name(store.path, reason, moment))
    if rotate:  # an old backup that cannot be deleted now is deleted next time
        with contextlib.suppress(OSError):
            files.rotate(store.path, moment, ROTATION, protect=[target])
    return target


def _write(store: Store, target: Path) -> Path:
    """`write_backup` with disk and SQLite failures said in words (nothing is kept)."""
    try:
        return files.write_backup(store.conn, target)
    except (OSError, sqlite3.Error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StorageError(_("The backup could not be written to “{folder}”: {error}. The "
                             "file itself is unchanged.").format(folder=target.parent,
                                                                 error=detail)) from None


def backup_to(store: Store, folder: Path) -> Path:
    """Write a verified backup of the open file into `folder` (created if missing); no
    rotation there: the folder is the user's."""
    if store.path is None:
        raise StorageError(_("Only a file can be backed up."))
    if folder.exists() and not folder.is_dir():
        raise ValidationError(_("“{path}” is a file; give a folder for the backup.").format(
            path=folder))
    target = files.backup_name(store.path, "manual", store.clock(), folder=folder)
    return _write(store, target)


def backup_before_import(store: Store) -> Path | None:
    """The safety backup every import makes before it writes (None for an in-memory store)."""
    return make_backup(store, "before-import")


def has_current_backup(store: Store) -> bool:
    """True when the newest backup holds what the file holds now (no need to back up again on
    opening): the same schema version and write counter, which every saved user action
    increments. Opening itself writes the lock row, so the file's time says nothing."""
    if store.path is None:
        return True
    newest = files.list_backup_files(store.path)[:1]
    if not newest:
        return False
    try:
        theirs = connect(newest[0].path, read_only=True, passphrase=store.passphrase
                         if needs_passphrase(newest[0].path) else None)
    except (sqlite3.Error, ValueError):
        return False
    try:
        mark = _version_mark(theirs)
    finally:
        theirs.close()
    ours = _version_mark(store.conn)
    if mark is None or ours is None:  # before schema 0009: nothing writes the file on opening
        try:
            return newest[0].path.stat().st_mtime > store.path.stat().st_mtime
        except OSError:
            return False
    return mark == ours


def _version_mark(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(schema version, write counter); None before the counter existed (schema 0009)."""
    try:
        row = conn.execute("SELECT value FROM write_counter WHERE id = 1").fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    return (int(version), int(row[0])) if row else None


def check_backup(backup: Path, store: Store | None = None, *,
                 target: Path | None = None, passphrase: str | None = None) -> None:
    """Raise a readable error unless `backup` is an intact FINSAM database that this version
    can open, not the file to restore (`target`, default the store's) and, given `store`, a
    backup of the same agency. An encrypted backup is read with `passphrase` (default: the
    store's); a wrong one raises `WrongPassphraseError`."""
    backup = Path(backup)
    if not backup.exists():
        raise FileMissingError(_("The backup “{path}” does not exist.").format(path=backup))
    target = store.path if target is None and store is not None else target
    if target is not None and target.exists() and backup.resolve() == target.resolve():
        raise ValidationError(_("Choose a backup, not the open file itself."))
    if passphrase is None and store is not None:
        passphrase = store.passphrase
    encrypted = passphrase is not None and needs_passphrase(backup)
    if backup.is_dir() or backup.stat().st_size == 0 or not (
            encrypted or looks_like_sqlite(backup)):
        raise NotAFinsamFileError(_("“{path}” is not a FINSAM Desktop backup.").format(
            path=backup))
    _check_pages(backup, passphrase if encrypted else None)
    copy = open_store(backup, read_only=True, passphrase=passphrase if encrypted else None)
    try:
        if not copy.organisation.has_agency():
            raise NotAFinsamFileError(_("“{path}” is not a FINSAM Desktop backup (it has no "
                                        "agency).").format(path=backup))
        if store is not None:
            _check_same_agency(copy, store, backup)
    finally:
        copy.close()


def _check_pages(backup: Path, passphrase: str | None = None) -> None:
    """Identity and a full integrity check of every page, on a read-only connection."""
    try:
        conn = connect(backup, read_only=True, passphrase=passphrase)
    except sqlite3.Error as exc:
        if passphrase is not None and getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise wrong_passphrase_error(backup) from None
        raise NotAFinsamFileError(_("“{path}” cannot be read as a backup: {error}.").format(
            path=backup, error=exc)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAFinsamFileError(_("“{path}” is not a FINSAM Desktop backup.").format(
                path=backup))
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows == ["ok"]:
            rows = cipher_problems(conn) or rows
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a garbled header
        rows = [str(exc)]
    finally:
        conn.close()
    if rows != ["ok"]:
        raise DamagedFileError(_("The backup “{path}” is damaged ({detail}) and cannot be "
                                 "restored; choose another backup.").format(
            path=backup, detail="; ".join(rows[:3])))


def _check_same_agency(copy: Store, store: Store, backup: Path) -> None:
    theirs, ours = copy.organisation.agency(), store.organisation.agency()
    a, b = (re.sub(r"\D", "", n) for n in (theirs.org_number, ours.org_number))
    if a and b and a != b:
        raise ValidationError(_("“{path}” is a backup of another agency ({name}, {number}); "
                                "it cannot replace {current}.").format(
            path=backup, name=theirs.name, number=theirs.org_number, current=ours.name))


def restore_backup(store: Store, backup: Path) -> Restored:
    """Replace the open file's content with `backup`'s, after backing up the current state.

    The backup is checked first (intact, ours, same agency, not newer); the current state is
    saved as a `before-restore` backup; then the content is copied into the open file with
    the backup API, checked again, brought up to this version's schema and the restore is
    written to the audit log. If the check after copying fails, the saved state is put back.
    """
    if store.read_only:
        raise StorageError(_("The file is open read-only; it cannot be restored."))
    if store.path is None:
        raise StorageError(_("Only a file can be restored from a backup."))
    backup = Path(backup)
    check_backup(backup, store)
    moment = store.clock()
    safety = make_backup(store, "before-restore", now=moment, rotate=False)
    assert safety is not None  # store.path is set
    files.copy_into(store.conn, backup)
    problems = _integrity_rows(store.conn)
    if problems != ["ok"]:
        files.copy_into(store.conn, safety)
        raise DamagedFileError(_("The restored file failed its integrity check ({detail}); "
                                 "the previous state was put back.").format(
            detail="; ".join(problems[:3])))
    _upgrade(store)
    adopt = getattr(store, "content_replaced", None)
    if adopt is not None:  # the store re-reads what it keeps about the file (lock, counter)
        adopt()
    with store.user_action():
        store.audit.log("file.restored", "file", None,
                        after={"backup": backup.name, "safety_backup": safety.name})
    with contextlib.suppress(OSError):
        files.rotate(store.path, moment, ROTATION, protect=[safety, backup])
    return Restored(safety, Changes.of(*_tables(store)))


def _integrity_rows(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]


def _upgrade(store: Store) -> None:
    """A backup from before an upgrade gets the migrations it lacks (as opening would)."""
    from finsam_desktop.storage.migrations import migrations

    if migrations.pending(store.db):
        migrations.apply(store.db)


def _tables(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()]
