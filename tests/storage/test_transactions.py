"""Connection discipline: one transaction per user action, pinned pragmas, append-only audit."""

import ast
import sqlite3
from pathlib import Path

import pytest

from finsam_desktop.domain.organisation import Member, MemberKind
from finsam_desktop.services.maintenance import create_database
from tests.factories import new_store

PACKAGE = Path(__file__).resolve().parents[2] / "finsam_desktop"


def test_a_failing_user_action_stores_nothing():
    store = new_store()
    audit_before = store.audit.count()
    with pytest.raises(RuntimeError), store.user_action():
        store.organisation.members.insert(Member(0, "A kommun", MemberKind.MUNICIPALITY))
        store.audit.log("member.added", "members", 1)
        store.organisation.members.insert(Member(0, "B kommun", MemberKind.MUNICIPALITY))
        raise RuntimeError("power cut")
    assert store.organisation.members.all() == []
    assert store.audit.count() == audit_before
    assert not store.conn.in_transaction
    with store.user_action():  # the connection is still usable
        store.organisation.members.insert(Member(0, "C kommun", MemberKind.MUNICIPALITY))
    assert len(store.organisation.members.all()) == 1


def test_nested_actions_are_savepoints_inside_one_transaction():
    store = new_store()
    with store.user_action():
        store.organisation.members.insert(Member(0, "A kommun", MemberKind.MUNICIPALITY))
        with pytest.raises(ValueError), store.user_action():
            store.organisation.members.insert(Member(0, "B kommun", MemberKind.MUNICIPALITY))
            raise ValueError
    assert [m.name for m in store.organisation.members.all()] == ["A kommun"]


def test_safety_pragmas_are_pinned(tmp_path):
    store = create_database(tmp_path / "a.sqlite", "Förbundet")
    pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "delete"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("trusted_schema") == 0
    assert pragma("secure_delete") == 1
    assert store.conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    with pytest.raises(sqlite3.DatabaseError):
        store.conn.execute("PRAGMA writable_schema = ON")
        store.conn.execute("UPDATE sqlite_schema SET sql = '' WHERE name = 'members'")
    store.close()


def test_the_audit_log_is_append_only():
    store = new_store()
    assert store.audit.count() == 1
    for sql in ("UPDATE audit_log SET user_name = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute(sql)
    with pytest.raises(sqlite3.IntegrityError):
        store.db["audit_log"].delete_where()
    assert store.audit.count() == 1


def test_money_and_shares_columns_refuse_non_integers():
    store = new_store()
    with pytest.raises(sqlite3.DatabaseError):
        store.conn.execute("INSERT INTO members (name, kind, share_ppm) "
                           "VALUES ('X', 'region', 0.5)")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO members (name, kind) VALUES ('Y', 'church')")


def _calls(tree, attr):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute) and n.func.attr == attr]


def test_no_implicit_commit_paths_in_app_code():
    """executescript only in migrations; connections only through storage.connection."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name != "migrations.py":
            assert not _calls(tree, "executescript"), path
        if path.name not in ("connection.py", "backup.py"):
            assert not [c for c in _calls(tree, "connect")
                        if getattr(c.func.value, "id", "") == "sqlite3"], path
        assert not _calls(tree, "commit") or "ui" in path.relative_to(PACKAGE).parts, path
