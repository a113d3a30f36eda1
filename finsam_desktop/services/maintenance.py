"""Creating, checking, dumping and loading whole agency databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from finsam_desktop.domain.board import Problem
from finsam_desktop.domain.errors import (
    ExchangeFormatError,
    NotAFinsamFileError,
    StorageError,
    ValidationError,
)
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.i18n import _
from finsam_desktop.services import board, organisation
from finsam_desktop.storage import exchange, location
from finsam_desktop.storage.location import LOCAL, Location
from finsam_desktop.storage.migrations import known_names
from finsam_desktop.storage.store import Store, open_store


def _refuse_existing(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError(_("“{path}” already exists; choose a new file name.").format(
            path=path))


MIN_PASSPHRASE_LENGTH = 8


def passphrase_problems(passphrase: str, confirmation: str | None = None) -> list[str]:
    """Why `passphrase` cannot encrypt a new file (empty list: it can): too short, a NUL
    character, or (given `confirmation`) the two entries differ."""
    problems = []
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        problems.append(_("The passphrase must have at least {n} characters.").format(
            n=MIN_PASSPHRASE_LENGTH))
    if "\x00" in passphrase:
        problems.append(_("The passphrase contains a character that cannot be used."))
    if confirmation is not None and confirmation != passphrase:
        problems.append(_("The two passphrases differ; type the same passphrase twice."))
    return problems


def create_database(path: Path, name: str, *, passphrase: str | None = None,
                    **store_options: object) -> Store:
    """Create a new agency database at `path` (which must not hold data yet); with
    `passphrase`, an encrypted (SQLCipher) one that opens only with that passphrase."""
    if passphrase is not None and passphrase_problems(passphrase):
        raise ValidationError(passphrase_problems(passphrase))
    _refuse_existing(path)
    store = open_store(path, create=True, passphrase=passphrase,
                       **store_options)  # type: ignore[arg-type]
    try:
        organisation.create_agency(store, Agency(name=name))
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store


def open_database(path: Path, *, read_only: bool = False, **store_options: object) -> Store:
    """Open an existing agency database; a file without its agency profile is refused."""
    store = open_store(path, read_only=read_only, **store_options)  # type: ignore[arg-type]
    if not store.organisation.has_agency():
        store.close()
        raise NotAFinsamFileError(_("“{path}” has no agency profile; the file was not created "
                                    "completely. Create the agency again.").format(path=path))
    return store


def save_copy(store: Store, target: Path) -> Path:
    """Write a verified, consistent copy of the open database to `target`."""
    if store.path is not None and target.resolve() == store.path.resolve():
        raise ValidationError(_("Choose another file: a copy cannot replace the open file."))
    return store.save_copy(target)


@dataclass
class CheckReport:
    """Result of `check_database`: file problems make it unhealthy; notes are advice."""

    schema: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    """(label, value): application id, schema version and fingerprint, integrity, foreign
    keys, the seal chain, the write counter and who has the file open for writing."""
    location: Location = LOCAL

    @property
    def healthy(self) -> bool:
        """True when the file itself is sound."""
        return not self.problems


def check_database(path: Path, passphrase: str | None = None) -> CheckReport:
    """Integrity, foreign keys and schema version of a file (opened read-only), and where
    it lies (local disk, network share or synced folder: a note, not a problem). An
    encrypted file needs `passphrase`; its pages' authentication codes are checked too."""
    store = open_database(path, read_only=True, verify_schema=False, passphrase=passphrase)
    report = CheckReport(schema=store.schema_names(), location=location.classify(path))
    if report.location.risky:
        report.notes.append(location.describe(report.location) + " "
                            + location.advice(report.location))
    try:
        schema = _fingerprint_problems(store)
        pages, keys = _page_problems(store.conn), _key_problems(store.conn)
        seals = _seal_problems(store) if "0002_meetings" in report.schema else []
        report.problems += schema + pages + keys + seals
        report.facts = _facts(store, report.schema, (schema, pages, keys, seals))
        missing = [n for n in known_names() if n not in report.schema]
        if missing:
            report.notes.append(_("The file will be upgraded when opened for writing "
                                  "({names}).").format(names=", ".join(missing)))
        else:
            report.notes += organisation.problems(store)
            report.notes += [p.message for p in _board_problems(store)]
            report.notes += _overdue_minutes(store)
    finally:
        store.close()
    return report


def _fingerprint_problems(store: Store) -> list[str]:
    from finsam_desktop.storage import fingerprint

    differences = fingerprint.compare(store.conn, store.schema_names())
    return [_("The file's structure differs from what FINSAM Desktop creates: {difference}. "
              "It was changed with another program.").format(difference=d)
            for d in differences.descriptions()]


def _facts(store: Store, schema: list[str],
           found: tuple[list[str], ...]) -> list[tuple[str, str]]:
    """What `finsam check` lists about the file besides its problems."""
    from finsam_desktop.domain.locks import who_has_it
    from finsam_desktop.storage import locks, sealing
    from finsam_desktop.storage.connection import APPLICATION_ID

    conn, (differences, pages, keys, seals) = store.conn, found
    version = store.user_version()
    sealed = len(sealing.seals(store.db)) if "0002_meetings" in schema else 0
    count = locks.write_count(conn)
    holder = locks.read_holder(conn)
    return [
        (_("Application id"), f"0x{APPLICATION_ID:08X} (FINSAM Desktop)"),
        (_("Encryption"), _("SQLCipher, opened with a passphrase") if store.encrypted
         else _("none (protect the disk with BitLocker or FileVault)")),
        (_("Schema version"), f"{version} ({schema[-1] if schema else '—'})"),
        (_("Schema fingerprint"), _("matches the schema version") if not differences
         else _("differs (see the problems)")),
        (_("Integrity check"), _("ok") if not pages else _("{n} problems").format(n=len(pages))),
        (_("Foreign keys"), _("ok") if not keys
         else _("{n} broken references").format(n=len(keys))),
        (_("Seal chain"), _("no signed minutes yet") if not sealed
         else (_("{n} signed minutes, chain intact").format(n=sealed) if not seals
               else _("{n} signed minutes, {m} problems").format(n=sealed, m=len(seals)))),
        (_("Saved changes"), "—" if count is None else str(count)),
        (_("Open for writing"), _("no one") if holder is None
         else who_has_it(holder, store.clock())),
    ]


def _page_problems(conn: sqlite3.Connection) -> list[str]:
    from finsam_desktop.storage.store import cipher_problems

    return [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()
            if r[0] != "ok"] + cipher_problems(conn)


def _key_problems(conn: sqlite3.Connection) -> list[str]:
    return [_("Table “{table}” row {rowid} refers to a missing row in “{parent}”.").format(
        table=table, rowid=rowid, parent=parent)
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()]


def _seal_problems(store: Store) -> list[str]:
    from finsam_desktop.services import signing
    from finsam_desktop.storage.migrations import BUDGET_LOCK_TRIGGERS, seal_trigger_names

    present = {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger'").fetchall()}
    missing = [name for name in seal_trigger_names() if name not in present]
    problems = [_("The protection of signed minutes has been removed (trigger {name} is "
                  "missing).").format(name=name) for name in missing]
    if "0004_budget" in store.schema_names():
        problems += [_("The protection of adopted budgets has been removed (trigger {name} is "
                       "missing).").format(name=name)
                     for name in BUDGET_LOCK_TRIGGERS if name not in present]
    return problems + [_("The signed minutes of {date} ({paragraphs}): {reason}.").format(
        date=p.date.isoformat(), paragraphs=p.paragraphs, reason=p.reason)
        for p in signing.verify_seals(store)]


def _overdue_minutes(store: Store) -> list[str]:
    from finsam_desktop.services import meetings, signing

    days = organisation.get_charter(store).signing_deadline_days
    return [_("The minutes of {date} are not signed yet; the deadline was {deadline}.").format(
        date=s.meeting.date.isoformat(),
        deadline=(s.meeting.date + dt.timedelta(days=days)).isoformat())
        for s in meetings.list_meetings(store) if signing.signing_overdue(store, s.meeting.id)]


def _board_problems(store: Store) -> list[Problem]:
    return board.board_problems(store, store.today())


def dump_database(store: Store) -> str:
    """The whole database as exchange-format JSON text."""
    return exchange.to_json(exchange.dump(store.db, store.schema_names()))


def load_database(path: Path, text: str, **store_options: object) -> Store:
    """Create a new database at `path` from exchange JSON; nothing is left behind on error."""
    document = exchange.parse(text)
    unknown = [n for n in document["schema"] if n not in known_names()]
    if unknown:
        raise ExchangeFormatError(_("The file was written by a newer version of FINSAM "
                                    "Desktop (schema {names}).").format(names=", ".join(
                                        str(n) for n in unknown)))
    _refuse_existing(path)
    store = open_store(path, create=True, **store_options)  # type: ignore[arg-type]
    try:
        exchange.validate(store.db, document)
        with store.user_action():
            exchange.insert_all(store.db, document)
            from finsam_desktop.storage import search_repo

            search_repo.rebuild(store.db)
            if not list(store.db.query("SELECT 1 FROM agency")):
                raise ExchangeFormatError(_("The file has no agency (table “agency” is empty)."))
    except (ExchangeFormatError, StorageError):
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store
