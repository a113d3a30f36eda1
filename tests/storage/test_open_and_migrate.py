"""Opening files: migrations from empty, backups before upgrading, refusing what is not ours."""

import hashlib
import sqlite3

import pytest

from finsam_desktop.domain.errors import (
    DamagedFileError,
    FileMissingError,
    NewerFileError,
    NotAFinsamFileError,
)
from finsam_desktop.services.maintenance import create_database
from finsam_desktop.storage.connection import APPLICATION_ID
from finsam_desktop.storage.migrations import known_names, migrations
from finsam_desktop.storage.store import open_store


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_gets_every_migration_and_our_header(tmp_path):
    path = tmp_path / "a.sqlite"
    store = create_database(path, "Förbundet")
    assert store.schema_names() == known_names()
    assert store.user_version() == len(known_names())
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    store.close()
    assert not (tmp_path / "backups").exists()  # nothing to protect in a brand-new file


def test_opening_a_missing_file_does_not_create_it(tmp_path):
    with pytest.raises(FileMissingError):
        open_store(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


@pytest.mark.parametrize("content", [b"hello, this is text", b"%PDF-1.7\n" + b"\0" * 200])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotAFinsamFileError):
        open_store(path)
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAFinsamFileError, match="not one written by FINSAM"):
        open_store(path)
    assert digest(path) == before


def test_an_empty_file_is_refused_for_opening(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(NotAFinsamFileError, match="empty"):
        open_store(path)


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    create_database(path, "Förbundet").close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('finsam', '0999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerFileError, match="newer version"):
        open_store(path)
    assert digest(path) == before


def test_a_higher_user_version_is_also_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    create_database(path, "Förbundet").close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerFileError):
        open_store(path)


def test_a_damaged_file_is_reported(tmp_path):
    path = tmp_path / "damaged.sqlite"
    store = create_database(path, "Förbundet")
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:4096 * 3] = b"\xff" * 8192  # garble pages 2 and 3 (table b-trees)
    path.write_bytes(bytes(data))
    with pytest.raises((DamagedFileError, NotAFinsamFileError)):
        open_store(path)


@pytest.fixture
def extra_migration():
    """Register a temporary migration 0002, as a later release would."""
    calls = []

    def register(fail=False):
        @migrations(name="0002_test_only")
        def _m(db):
            calls.append(1)
            db["members"].add_column("test_column", str)
            if fail:
                raise RuntimeError("injected failure")
        return calls

    yield register
    migrations._migrations[:] = [m for m in migrations._migrations if m.name != "0002_test_only"]


def test_upgrading_an_existing_file_backs_it_up_first(tmp_path, extra_migration):
    path = tmp_path / "old.sqlite"
    create_database(path, "Förbundet").close()
    released = known_names()
    extra_migration()
    store = open_store(path)
    assert "0002_test_only" in store.schema_names()
    store.close()
    backups = list((tmp_path / "backups").glob("old-*-before-upgrade.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert names == released
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, extra_migration):
    path = tmp_path / "old.sqlite"
    create_database(path, "Förbundet").close()
    conn = sqlite3.connect(path)
    before = list(conn.iterdump())
    conn.close()
    extra_migration(fail=True)
    with pytest.raises(RuntimeError, match="injected"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert list(conn.iterdump()) == before
    conn.close()
