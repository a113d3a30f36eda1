"""Verified copies of an open database with SQLite's online backup API (never a file copy).

A copy is written to `<name>.part`, integrity-checked, fsynced and then renamed, so a
half-written backup never looks like a good one; a copy that fails its check is removed.

Where backups live: `backups/` next to the database while it lies on this computer's own
disk. A file on a network share or in a synced folder (see `storage.location`) gets its
backups in the user's own data folder instead (`<data folder>/backups/<name>-<hash>/`):
there they survive a dropped connection or a sync client replacing the file, and they are
not uploaded again every ten minutes.

An encrypted (SQLCipher) file is backed up into an encrypted copy with the same passphrase
(SQLCipher's backup API needs both sides keyed alike), so no backup or saved copy ever holds
the data in the clear; restoring reads such a copy with the open file's passphrase.

Backup names are `<stem>-YYYYMMDD-HHMMSS-<reason>.sqlite` with the time in UTC, so they
sort by time; rotation (`to_keep`) keeps the most recent ones plus one a day, a week and a
month, the way Anki thins its backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from finsam_desktop.domain.errors import DamagedFileError
from finsam_desktop.i18n import _
from finsam_desktop.storage.location import Location, classify

SUFFIX = ".sqlite"
PART_SUFFIX = ".part"
PART_MAX_AGE_SECONDS = 600
"""A `.part` file older than this is a leftover of a crash, not a backup being written."""

_STAMP = "%Y%m%d-%H%M%S"


def backup_dir(db_path: Path, location: Location | None = None) -> Path:
    """The folder for the backups of `db_path`: `backups/` beside a local file, a folder of
    its own in the user's data folder for a file on a share or in a synced folder."""
    db = db_path.resolve()
    place = classify(db) if location is None else location
    if place.risky:
        from finsam_desktop.paths import user_data_dir

        digest = hashlib.sha256(str(db).encode("utf-8")).hexdigest()[:8]
        return user_data_dir() / "backups" / f"{db.stem}-{digest}"
    return db.parent / "backups"


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def backup_name(db_path: Path, reason: str, now: dt.datetime, *,
                folder: Path | None = None) -> Path:
    """`<folder>/<stem>-YYYYMMDD-HHMMSS-<reason>.sqlite` (UTC), not yet taken: a second
    backup for the same second and reason gets `-2`, `-3`, …"""
    folder = backup_dir(db_path) if folder is None else folder
    base = f"{db_path.stem}-{_utc(now).strftime(_STAMP)}-{reason}"
    target = folder / f"{base}{SUFFIX}"
    number = 2
    while target.exists():
        target = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    return target


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind `conn` to `target` consistently; return `target`.

    The copy of an encrypted file is encrypted with the same passphrase."""
    from finsam_desktop.storage.connection import connect, passphrase_of

    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + PART_SUFFIX)
    part.unlink(missing_ok=True)
    passphrase = passphrase_of(conn)
    try:
        dest = (sqlite3.connect(part, isolation_level=None) if passphrase is None
                else connect(part, create=True, passphrase=passphrase))
        try:
            conn.backup(dest, sleep=0.05)  # retry soon when another program is saving
            _release_writer(dest)
            result = verify(dest)
        finally:
            dest.close()
        if result != "ok":
            raise DamagedFileError(_("The backup copy failed its integrity check: {result}").format(
                result=result))
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
        _fsync_folder(target.parent)
    finally:
        part.unlink(missing_ok=True)
    return target


def _release_writer(copy: sqlite3.Connection) -> None:
    """A copy is nobody's open file: drop the writer's lock row it carried along, so that on
    another computer a fresh backup does not look open by its writer for five minutes."""
    with contextlib.suppress(sqlite3.OperationalError):  # before schema 0009: no lock row
        copy.execute("DELETE FROM writer_lock")


def verify(conn: sqlite3.Connection) -> str:
    """SQLite's full `integrity_check` of a copy (and SQLCipher's check of every page of an
    encrypted one): "ok", else what is wrong."""
    from finsam_desktop.storage.connection import is_encrypted

    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"] and is_encrypted(conn):
        rows = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = rows or ["ok"]
    return "ok" if rows == ["ok"] else "; ".join(rows[:5])


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def copy_into(conn: sqlite3.Connection, source: Path) -> None:
    """Replace the whole database behind `conn` with `source`'s, in one SQLite transaction.

    The backup API writes through `conn` itself, so the file keeps its name, inode, lock and
    open connection (nothing is closed or renamed under the running program), and a crash
    half-way leaves the old content behind the rollback journal. The source of an encrypted
    file is read with the file's own passphrase."""
    from finsam_desktop.storage.connection import connect, passphrase_of

    src = connect(source, read_only=True, passphrase=passphrase_of(conn))
    try:
        src.backup(conn)
    finally:
        src.close()


# Listing and rotation -------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    """One backup: its file, when it was taken (UTC), why, and its size in bytes."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def _pattern(stem: str, suffix: str = SUFFIX) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})-([a-z]+(?:-[a-z]+)*)"
                      rf"(?:-(\d+))?{re.escape(suffix)}$")


def list_backup_files(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The backups of `db_path` in its backup folder, newest first (other files ignored)."""
    folder = backup_dir(db_path) if folder is None else folder
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path.stem)
    found: list[tuple[dt.datetime, int, int, BackupFile]] = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
            stat = entry.stat()
        except (ValueError, OSError):
            continue
        found.append((taken, stat.st_mtime_ns, int(match[3] or 1),
                      BackupFile(entry, taken, match[2], stat.st_size)))
    found.sort(key=lambda row: row[:3], reverse=True)  # within a second: the last written first
    return [row[3] for row in found]


@dataclass(frozen=True)
class Rotation:
    """How many backups are kept: the `recent` newest, then the newest of each day for
    `daily` days, of each week for `weekly` weeks and of each month for `monthly` months."""

    recent: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


def _month_number(day: dt.date) -> int:
    return day.year * 12 + day.month


def to_keep(backups: Sequence[BackupFile], now: dt.datetime, rotation: Rotation) -> set[Path]:
    """The backups rotation keeps (`backups` newest first; days are local days).

    The newest backup of a day, week or month keeps its place as time passes, so what is
    kept only ever thins out; the newest backup of all is always kept."""
    today = now.astimezone().date()
    this_monday = today - dt.timedelta(days=today.weekday())
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[dt.date] = set()
    months: set[int] = set()
    for index, backup in enumerate(backups):
        day = backup.taken_at.astimezone().date()
        monday = day - dt.timedelta(days=day.weekday())
        month = _month_number(day)
        if (index < max(1, rotation.recent)
                or ((today - day).days < rotation.daily and day not in days)
                or ((this_monday - monday).days // 7 < rotation.weekly and monday not in weeks)
                or (_month_number(today) - month < rotation.monthly and month not in months)):
            keep.add(backup.path)
            days.add(day)
            weeks.add(monday)
            months.add(month)
    return keep


def rotate(db_path: Path, now: dt.datetime, rotation: Rotation, *, folder: Path | None = None,
           protect: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups of `db_path` that rotation does not keep (never one in `protect`)
    and leftover `.part` files of crashed backups; return what was deleted."""
    folder = backup_dir(db_path) if folder is None else folder
    backups = list_backup_files(db_path, folder)
    keep = {p.resolve() for p in to_keep(backups, now, rotation)}
    keep |= {Path(p).resolve() for p in protect}
    removed = []
    for backup in backups:
        if backup.path.resolve() not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed + remove_leftover_parts(db_path, folder)


def remove_leftover_parts(db_path: Path, folder: Path) -> list[Path]:
    """Delete `.part` files of `db_path`'s backups left by a crash (older than ten minutes,
    so a backup being written by another program is left alone)."""
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path.stem, SUFFIX + PART_SUFFIX)
    limit = time.time() - PART_MAX_AGE_SECONDS
    removed = []
    for entry in folder.iterdir():
        try:
            stale = pattern.match(entry.name) is not None and entry.stat().st_mtime < limit
        except OSError:
            continue
        if stale:
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed
