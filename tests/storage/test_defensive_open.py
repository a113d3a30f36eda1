"""Opening defensively (RELIABILITY.md tests 18 and 20): newer, foreign, empty and random
files and files with planted schema objects are refused with their own message, and the
file is never modified — for opening to write and to read alike."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from finsam_desktop.domain.errors import (
    DamagedFileError,
    NewerFileError,
    NotAFinsamFileError,
    PassphraseNeededError,
    UnexpectedSchemaError,
)
from finsam_desktop.services.maintenance import check_database, create_database
from finsam_desktop.storage import fingerprint
from finsam_desktop.storage.connection import APPLICATION_ID
from finsam_desktop.storage.migrations import known_names
from finsam_desktop.storage.store import open_store


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ours(path):
    create_database(path, "Förbundet").close()
    return path


def _sql(path, *statements):
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def newer(path):
    _ours(path)
    _sql(path, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
               "VALUES ('finsam', '0999_from_the_future', '2030-01-01')")


def higher_user_version(path):
    _ours(path)
    _sql(path, "PRAGMA user_version = 99")


def foreign(path):
    _sql(path, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hej')")


def foreign_in_wal_mode(path):
    """Setting our journal mode on it would rewrite its header: it must not happen."""
    _sql(path, "PRAGMA journal_mode = WAL", "CREATE TABLE notes (body TEXT)")


def foreign_with_our_id_but_other_tables(path):
    _sql(path, f"PRAGMA application_id = {APPLICATION_ID}", "CREATE TABLE notes (body TEXT)")


def empty(path):
    path.touch()


def random_bytes(path):
    path.write_bytes(os.urandom(8192))


def sqlite_header_then_garbage(path):
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))


def truncated(path):
    _ours(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def planted_trigger(path):
    _ours(path)
    _sql(path, "CREATE TRIGGER spy AFTER INSERT ON people BEGIN "
               "UPDATE agency SET seat = NEW.name; END")


def planted_view(path):
    _ours(path)
    _sql(path, "CREATE VIEW members_v AS SELECT * FROM members")


def planted_table_and_index(path):
    _ours(path)
    _sql(path, "CREATE TABLE extra (x)", "CREATE INDEX extra_x ON extra (x)")


def changed_table(path):
    """A column added by hand: the table's SQL no longer matches."""
    _ours(path)
    _sql(path, "ALTER TABLE people ADD COLUMN secret TEXT")


def dropped_protection(path):
    _ours(path)
    _sql(path, "DROP TRIGGER audit_log_no_delete")


CASES = [
    (newer, NewerFileError, "newer version"),
    (higher_user_version, NewerFileError, "newer version"),
    (foreign, NotAFinsamFileError, "not one written by FINSAM"),
    (foreign_in_wal_mode, NotAFinsamFileError, "not one written by FINSAM"),
    (foreign_with_our_id_but_other_tables, UnexpectedSchemaError, "extra table “notes”"),
    (empty, NotAFinsamFileError, "empty file"),
    (random_bytes, PassphraseNeededError, "not an SQLite file"),
    (sqlite_header_then_garbage, (NotAFinsamFileError, DamagedFileError), ""),
    (truncated, DamagedFileError, "damaged"),
    (planted_trigger, UnexpectedSchemaError, "extra trigger “spy” on table “people”"),
    (planted_view, UnexpectedSchemaError, "extra view “members_v”"),
    (planted_table_and_index, UnexpectedSchemaError, "extra index “extra_x” on table “extra”"),
    (changed_table, UnexpectedSchemaError, "changed table “people”"),
    (dropped_protection, UnexpectedSchemaError, "missing trigger “audit_log_no_delete”"),
]


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
@pytest.mark.parametrize(("make", "error", "words"), CASES, ids=[c[0].__name__ for c in CASES])
def test_refused_with_its_own_message_and_left_untouched(tmp_path, make, error, words,
                                                         read_only):
    """RELIABILITY 18 and 20 (planted objects found by the schema fingerprint)."""
    path = tmp_path / "hostile.finsam"
    make(path)
    before = digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(error) as refused:
        open_store(path, read_only=read_only)
    assert words in str(refused.value)
    assert str(path) in str(refused.value) or isinstance(refused.value, DamagedFileError)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no journal, no backup


def test_a_planted_trigger_would_run_on_every_save_so_it_is_refused(tmp_path):
    """Why the fingerprint is needed: trusted_schema=OFF does not stop a trigger that uses
    only ordinary SQL."""
    path = planted_trigger_file(tmp_path)
    store = open_store(path, verify_schema=False)  # what opening would be without it
    from finsam_desktop.domain.board import Person
    from finsam_desktop.services import board

    board.add_person(store, Person(0, "Smygande Spion"))
    assert store.organisation.agency().seat == "Smygande Spion"  # the trigger ran
    store.close()


def planted_trigger_file(tmp_path):
    path = tmp_path / "trigger.finsam"
    planted_trigger(path)
    return path


def test_a_view_calling_an_app_function_is_blocked_by_trusted_schema(tmp_path):
    """RELIABILITY 20: even with the fingerprint skipped, a planted view cannot call a
    function the application registered."""
    path = _ours(tmp_path / "view.finsam")
    _sql(path, "CREATE VIEW leak AS SELECT name FROM members WHERE app_fn(name)")
    with pytest.raises(UnexpectedSchemaError, match="extra view “leak”"):
        open_store(path, read_only=True)
    store = open_store(path, read_only=True, verify_schema=False)
    called = []
    store.conn.create_function("app_fn", 1, lambda v: called.append(v) or 1)
    assert store.conn.execute("SELECT app_fn('direct')").fetchone() == (1,)  # app code may
    with pytest.raises(sqlite3.OperationalError, match="unsafe use of app_fn"):
        store.conn.execute("SELECT * FROM leak").fetchall()
    assert called == ["direct"]
    store.close()


def test_check_reports_the_fingerprint_and_every_fact(tmp_path):
    path = _ours(tmp_path / "ok.finsam")
    report = check_database(path)
    facts = dict(report.facts)
    assert report.healthy
    assert facts["Application id"] == "0x46534D44 (FINSAM Desktop)"
    assert facts["Schema version"] == f"{len(known_names())} ({known_names()[-1]})"
    assert facts["Schema fingerprint"] == "matches the schema version"
    assert facts["Integrity check"] == facts["Foreign keys"] == "ok"
    assert facts["Seal chain"] == "no signed minutes yet"
    assert facts["Open for writing"] == "no one"
    planted_file = tmp_path / "planted.finsam"
    planted_trigger(planted_file)
    before = digest(planted_file)
    report = check_database(planted_file)
    assert not report.healthy
    assert dict(report.facts)["Schema fingerprint"] == "differs (see the problems)"
    assert any("extra trigger “spy”" in p for p in report.problems)
    assert digest(planted_file) == before


def test_the_expected_schema_follows_the_migrations_applied(tmp_path):
    """An older file (fewer migrations) is compared with what those migrations create."""
    names = known_names()
    older = fingerprint.expected_objects(tuple(names[:3]))
    full = fingerprint.expected_objects(tuple(names))
    assert older < full
    assert ("table", "writer_lock", "writer_lock") in {o[:3] for o in full - older}


def test_fresh_files_match_their_fingerprint(tmp_path):
    store = open_store(_ours(tmp_path / "fresh.finsam"))
    assert not fingerprint.compare(store.conn, store.schema_names())
    store.close()
