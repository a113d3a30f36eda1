"""Verified copies of an open database with SQLite's online backup API (never a file copy).

A copy is written to `<name>.part`, integrity-checked, fsynced and then renamed, so a
half-written backup never looks like a good one. Automatic rotation and the Backups dialog
come with the data-safety issue; this module gives the one safe way to copy.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from finsam_desktop.domain.errors import DamagedFileError
from finsam_desktop.i18n import _


def backup_dir(db_path: Path) -> Path:
    """The `backups/` folder next to the database file."""
    return db_path.resolve().parent / "backups"


def backup_name(db_path: Path, reason: str, now: dt.datetime) -> Path:
    """`backups/<stem>-YYYYMMDD-HHMMSS-<reason>.sqlite` next to the database."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind `conn` to `target` consistently; return `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(part, isolation_level=None)
        try:
            conn.backup(dest)
            result = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if result != "ok":
            raise DamagedFileError(_("The backup copy failed its integrity check: {result}").format(
                result=result))
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target
