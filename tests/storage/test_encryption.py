"""RELIABILITY 28 (`test_encryption_at_rest`): an encrypted (SQLCipher) agency file is
unreadable without its passphrase, says so clearly with a wrong one and stays untouched,
opens with the right one, and its backups and copies are encrypted as well."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from finsam_desktop.domain.errors import (
    NotAFinsamFileError,
    PassphraseNeededError,
    ValidationError,
    WrongPassphraseError,
)
from finsam_desktop.services import backups, organisation
from finsam_desktop.services.maintenance import check_database, create_database, open_database
from finsam_desktop.storage.connection import SQLITE_HEADER, connect
from finsam_desktop.storage.store import check_pages, open_store

PASSPHRASE = "rätt 'lösen' fras"  # quotes and non-ASCII must work
NAME = "Samordningsförbundet Hemligstad"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory):
    """An encrypted agency file made by the app's factory, closed (built once: every
    SQLCipher key derivation takes a fifth of a second)."""
    path = tmp_path_factory.mktemp("enc") / "hemlig.finsam"
    store = create_database(path, NAME, passphrase=PASSPHRASE)
    assert store.encrypted
    store.close()
    return path


def assert_encrypted_file(path):
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_HEADER)
    assert NAME.encode("utf-8") not in raw and b"Hemligstad" not in raw
    assert b"CREATE TABLE" not in raw  # not even the schema is readable
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()
    conn.close()


def test_encryption_at_rest(encrypted):
    """RELIABILITY 28: no SQLite header, no plaintext, plain sqlite3 cannot read it, the right
    passphrase opens it with the data there and SQLCipher's page check empty."""
    assert_encrypted_file(encrypted)
    store = open_database(encrypted, read_only=True, passphrase=PASSPHRASE)
    try:
        assert organisation.get_agency(store).name == NAME
        assert store.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert store.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        store.close()
    assert check_pages(encrypted, PASSPHRASE) == "ok"


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_without_a_passphrase_the_user_is_told_it_may_be_encrypted(encrypted, read_only):
    before = digest(encrypted)
    with pytest.raises(PassphraseNeededError, match="encrypted") as refused:
        open_store(encrypted, read_only=read_only)
    assert isinstance(refused.value, NotAFinsamFileError)
    assert str(encrypted) in str(refused.value)
    assert digest(encrypted) == before


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_a_wrong_passphrase_is_said_plainly_and_the_file_is_untouched(encrypted, read_only,
                                                                       capfd):
    before = digest(encrypted)
    siblings = sorted(p.name for p in encrypted.parent.iterdir())
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase") as refused:
        open_database(encrypted, read_only=read_only, passphrase="rätt lösen fras")
    assert "has not been changed" in str(refused.value)
    assert digest(encrypted) == before
    assert sorted(p.name for p in encrypted.parent.iterdir()) == siblings  # no journal
    assert "ERROR CORE" not in capfd.readouterr().err  # SQLCipher's log is silenced


def test_a_plain_file_ignores_a_passphrase(tmp_path):
    path = tmp_path / "plain.finsam"
    create_database(path, NAME).close()
    assert path.read_bytes().startswith(SQLITE_HEADER)
    store = open_database(path, passphrase=PASSPHRASE)
    assert not store.encrypted
    store.close()


def test_random_bytes_with_a_passphrase_are_a_wrong_passphrase(tmp_path):
    path = tmp_path / "noise.finsam"
    path.write_bytes(bytes(range(256)) * 64)
    before = digest(path)
    with pytest.raises(WrongPassphraseError):
        open_store(path, passphrase=PASSPHRASE)
    assert digest(path) == before


def test_a_short_passphrase_is_refused_and_no_file_is_made(tmp_path):
    path = tmp_path / "short.finsam"
    with pytest.raises(ValidationError, match="at least 8 characters"):
        create_database(path, NAME, passphrase="kort")
    assert not path.exists()


def test_backups_copies_and_restores_stay_encrypted(encrypted, tmp_path):
    """An automatic backup and a saved copy are encrypted with the same passphrase, checked
    with it, and restorable; the restored file is still encrypted."""
    path = tmp_path / encrypted.name
    path.write_bytes(encrypted.read_bytes())
    store = open_database(path, passphrase=PASSPHRASE)
    try:
        backup = backups.make_backup(store, "open")
        assert backup is not None
        assert_encrypted_file(backup)
        assert backups.has_current_backup(store)
        copy = store.save_copy(tmp_path / "kopia.finsam")
        assert_encrypted_file(copy)
        organisation.save_agency(store, organisation.get_agency(store).__class__(name="Ändrat"))
        restored = backups.restore_backup(store, backup)
        assert_encrypted_file(restored.safety_backup)
        assert organisation.get_agency(store).name == NAME
    finally:
        store.close()
    assert_encrypted_file(path)
    report = check_database(path, PASSPHRASE)
    assert report.healthy, report.problems
    assert dict(report.facts)["Encryption"] == "SQLCipher, opened with a passphrase"
    reopened = open_database(copy, read_only=True, passphrase=PASSPHRASE)
    assert organisation.get_agency(reopened).name == NAME
    reopened.close()


def test_an_encrypted_backup_with_a_wrong_passphrase_is_refused(encrypted):
    with pytest.raises(WrongPassphraseError):
        backups.check_backup(encrypted, passphrase="en helt annan fras")
    backups.check_backup(encrypted, passphrase=PASSPHRASE)


def test_sqlcipher_errors_arrive_as_sqlite3_errors(encrypted):
    """sqlcipher3 has exception classes of its own; the app (and sqlite-utils) catch
    sqlite3's, so an encrypted connection raises those."""
    conn = connect(encrypted, read_only=True, passphrase=PASSPHRASE)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("SELECT * FROM no_such_table")
        assert raised.value.sqlite_errorname == "SQLITE_ERROR"
        assert conn.execute("SELECT count(*) FROM agency").fetchone() == (1,)
        assert [row for row in conn.execute("SELECT name FROM agency")] == [(NAME,)]
    finally:
        conn.close()
