"""Automatic verified backups (RELIABILITY tests 8, 9 and 10): rotation with fake dates, a
backup while another connection commits, restore round trip with a safety backup, no file
copy anywhere, and the backups taken before imports and before sealing."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from finsam_desktop.domain.errors import (
    DamagedFileError,
    FileMissingError,
    NewerFileError,
    NotAFinsamFileError,
    StorageError,
    ValidationError,
)
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import backups, maintenance, organisation, participants_import
from finsam_desktop.storage import backup as files
from finsam_desktop.storage.backup import Rotation
from finsam_desktop.storage.connection import connect
from finsam_desktop.storage.location import Kind, Location
from finsam_desktop.storage.store import open_store
from tests.factories import add_members, fixed_clock, full_board

PACKAGE = Path(__file__).resolve().parents[2] / "finsam_desktop"


def local(*args: int) -> dt.datetime:
    """A moment in this computer's time zone (the days rotation counts are local days)."""
    return dt.datetime(*args).astimezone()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "agency.finsam", create=True, clock=fixed_clock())
    organisation.create_agency(s, Agency(name="Samordningsförbundet Test",
                                         org_number="222000-0018"))
    yield s
    s.close()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


# Rotation ---------------------------------------------------------------------------------

SCHEDULE = [  # when each backup was taken, oldest first (local time); "now" is the last one
    local(2024, 12, 31, 12), local(2025, 1, 15, 12), local(2025, 2, 10, 12),
    local(2025, 2, 20, 12), local(2025, 3, 2, 12), local(2025, 3, 5, 12),
    local(2025, 3, 9, 12), local(2025, 3, 10, 12), local(2025, 3, 11, 8),
    local(2025, 3, 11, 18), local(2025, 3, 12, 9), local(2025, 3, 12, 10),
    local(2025, 3, 12, 11),
]


def test_rotation_keeps_recent_daily_weekly_monthly_with_fake_dates(store, monkeypatch):
    # 2 newest, one a day for 3 days, one a week for 2 weeks, one a month for 2 months.
    monkeypatch.setattr(backups, "ROTATION", Rotation(recent=2, daily=3, weekly=2, monthly=2))
    folder = backups.backup_folder(store.path)
    folder.mkdir(parents=True)
    crashed = folder / "agency-20250301-120000-auto.sqlite.part"
    crashed.write_bytes(b"half a backup")
    os.utime(crashed, (time.time() - 3600, time.time() - 3600))
    mine = {"other-20240101-120000-auto.sqlite", "agency-notes.txt", "agency.sqlite"}
    for name in mine:  # another database's backup and files of the user's: never touched
        (folder / name).write_text("x")
    written = {}
    for moment in SCHEDULE:  # rotation runs after every backup, as in the app
        written[moment] = backups.make_backup(store, "auto", now=moment).name
    kept = {moment for moment in SCHEDULE if (folder / written[moment]).exists()}
    assert kept == {
        local(2025, 3, 12, 11), local(2025, 3, 12, 10),  # the 2 most recent
        local(2025, 3, 11, 18),  # newest of yesterday (today's day is already kept)
        local(2025, 3, 10, 12),  # the day before
        local(2025, 3, 9, 12),   # newest of last week
        local(2025, 2, 20, 12),  # newest of February
    }
    listed = backups.list_backups(store.path)
    assert [b.path.name for b in listed] == [written[m] for m in sorted(kept, reverse=True)]
    assert all(b.reason == "auto" and b.size > 0 for b in listed)
    assert listed[0].local_time == local(2025, 3, 12, 11)
    for backup in listed:
        assert integrity(backup.path) == "ok"
    assert not list(folder.glob("*.part"))
    assert mine <= set(names(folder))


def test_rotation_only_thins_out_and_always_keeps_the_newest():
    """Two backups a day for 400 days with the real limits: rotating what is left gives the
    same result as rotating every backup ever made (nothing wanted was deleted earlier), the
    newest is always kept, and every recent day, week and month keeps one backup."""
    start = local(2024, 1, 1, 9)
    everything: list[files.BackupFile] = []
    alive: list[files.BackupFile] = []
    rotation = backups.ROTATION
    for step in range(800):
        moment = start + dt.timedelta(hours=12 * step)
        backup = files.BackupFile(Path(f"{step}"), moment.astimezone(dt.UTC), "auto", 1)
        everything.insert(0, backup)
        alive.insert(0, backup)
        keep = files.to_keep(alive, moment, rotation)
        if step % 5 == 0:
            assert keep == files.to_keep(everything, moment, rotation)
        assert backup.path in keep
        alive = [b for b in alive if b.path in keep]
    assert len(alive) <= rotation.recent + rotation.daily + rotation.weekly + rotation.monthly
    today = moment.date()
    days = {b.taken_at.astimezone().date() for b in alive}
    assert all(today - dt.timedelta(days=n) in days for n in range(rotation.daily))
    mondays = {d - dt.timedelta(days=d.weekday()) for d in days}
    this_monday = today - dt.timedelta(days=today.weekday())
    assert all(this_monday - dt.timedelta(weeks=n) in mondays for n in range(rotation.weekly))
    months = {(d.year, d.month) for d in days}
    assert len(months) == rotation.monthly
    assert len(alive) == 34


def test_a_backup_that_fails_its_check_is_never_kept(store, monkeypatch):
    good = backups.make_backup(store, "manual")
    monkeypatch.setattr(files, "verify", lambda _conn: "*** in database main ***\nPage 4 never "
                        "used")
    with pytest.raises(DamagedFileError, match="integrity check"):
        backups.make_backup(store, "auto", now=local(2030, 1, 1, 12))
    assert names(good.parent) == [good.name]


def test_two_backups_in_the_same_second_both_survive(store):
    first = backups.make_backup(store, "manual")
    second = backups.make_backup(store, "manual")
    assert first != second and second.name.endswith("-manual-2.sqlite")
    assert {b.path for b in backups.list_backups(store.path)} == {first, second}


def test_an_in_memory_store_is_not_backed_up():
    from tests.factories import new_store

    assert backups.make_backup(new_store(), "before-import") is None


def test_opening_needs_no_new_backup_while_the_newest_is_current(store):
    assert not backups.has_current_backup(store)
    backups.make_backup(store, "open")
    assert backups.has_current_backup(store)
    organisation.save_agency(store, Agency(name="Nytt namn", org_number="222000-0018"))
    assert not backups.has_current_backup(store)


def test_backups_of_a_file_on_a_share_or_synced_folder_go_to_the_data_folder(
        store, tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setattr("finsam_desktop.paths.user_data_dir", lambda: data)
    monkeypatch.setattr(files, "classify", lambda _p: Location(Kind.SYNCED, "OneDrive"))
    path = backups.make_backup(store, "manual")
    assert path.parent.parent == data / "backups"
    assert path.parent.name.startswith("agency-") and len(path.parent.name) == len("agency-") + 8
    assert backups.list_backups(store.path)[0].path == path
    assert not (tmp_path / "backups").exists()


def test_backup_to_a_chosen_folder_is_not_rotated(store, tmp_path):
    target = tmp_path / "usb" / "FINSAM"
    path = backups.backup_to(store, target)
    assert path.parent == target and integrity(path) == "ok"
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ValidationError, match="give a folder"):
        backups.backup_to(store, tmp_path / "a-file")


# RELIABILITY test 8 -----------------------------------------------------------------------

def test_online_backup_consistent_verified_rotated(store, monkeypatch):
    """12 backups while another connection commits pairs of rows; rotation keeps 5."""
    monkeypatch.setattr(backups, "ROTATION", Rotation(recent=5, daily=0, weekly=0, monthly=0))
    stop = threading.Event()
    commits = [0]
    errors: list[BaseException] = []

    def writer():
        conn = connect(store.path)
        try:
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                n = commits[0]
                conn.execute("INSERT INTO members (name, kind) VALUES (?, 'municipality')",
                             (f"Kommun {n}a",))
                conn.execute("INSERT INTO members (name, kind) VALUES (?, 'municipality')",
                             (f"Kommun {n}b",))
                conn.execute("COMMIT")
                commits[0] += 1
                time.sleep(0.001)  # a user's next save; without a pause readers starve
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    made = []
    try:
        while commits[0] < 3:
            time.sleep(0.005)
        for minute in range(12):
            made.append(backups.make_backup(store, "auto", now=local(2025, 5, 1, 10, minute)))
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert commits[0] > 3
    folder = made[0].parent
    assert names(folder) == sorted(p.name for p in made[-5:])
    counts = [count(p, "members") for p in made[-5:]]
    assert all(c % 2 == 0 for c in counts)  # never half of a transaction
    assert counts == sorted(counts) and counts[-1] <= 2 * commits[0]
    assert all(integrity(p) == "ok" for p in made[-5:])


# RELIABILITY test 9 -----------------------------------------------------------------------

def test_restore_roundtrip(store):
    add_members(store)
    backup = backups.make_backup(store, "manual")
    expected = maintenance.dump_database(open_store(backup, read_only=True))
    inode = store.path.stat().st_ino
    organisation.save_agency(store, Agency(name="Ändrat namn", org_number="222000-0018"))
    changed = maintenance.dump_database(store)
    assert changed != expected
    restored = backups.restore_backup(store, backup)
    assert _without_restore(maintenance.dump_database(store)) == _without_restore(expected)
    assert organisation.get_agency(store).name == "Samordningsförbundet Test"
    # The safety backup holds the state before the restore.
    assert restored.safety_backup.name.endswith("-before-restore.sqlite")
    safety = open_store(restored.safety_backup, read_only=True)
    try:
        assert organisation.get_agency(safety).name == "Ändrat namn"
    finally:
        safety.close()
    assert restored.changes.touches("agency", "members", "meetings")
    # The open Store stays valid: same file, the restore in the audit log, saving works.
    assert store.path.stat().st_ino == inode
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit_log")]
    assert actions[-1] == "file.restored"
    organisation.save_agency(store, Agency(name="Efter återställning",
                                             org_number="222000-0018"))
    assert organisation.get_agency(store).name == "Efter återställning"
    assert integrity(store.path) == "ok"
    assert backup.exists()  # the chosen backup is never rotated away by its own restore


def _without_restore(dump: str) -> str:
    """The dump without the audit log (the restore adds its own entry)."""
    import json

    data = json.loads(dump)
    data["tables"].pop("audit_log", None)
    return json.dumps(data, sort_keys=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sqlite_file(path: Path, app_id: int = 0, user_version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


def test_bad_backups_are_refused_and_the_file_is_left_alone(store, tmp_path):
    good = backups.make_backup(store, "manual")
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(good.read_bytes())
    data[4096:4096 * 3] = b"\xff" * 8192
    damaged.write_bytes(bytes(data))
    text = tmp_path / "notes.txt"
    text.write_text("inte en säkerhetskopia", encoding="utf-8")
    newer = tmp_path / "newer.sqlite"
    conn = connect(good)
    backup_conn = sqlite3.connect(newer)
    conn.backup(backup_conn)
    conn.close()
    backup_conn.execute("PRAGMA user_version = 999")
    backup_conn.close()
    other = tmp_path / "other-agency.finsam"
    other_store = maintenance.create_database(other, "Annat förbund")
    organisation.save_agency(other_store, Agency(name="Annat förbund",
                                                   org_number="556000-0001"))
    other_store.close()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    cases = [
        (tmp_path / "missing.sqlite", FileMissingError, "does not exist"),
        (text, NotAFinsamFileError, "not a FINSAM Desktop backup"),
        (empty, NotAFinsamFileError, "not a FINSAM Desktop backup"),
        (tmp_path, NotAFinsamFileError, "not a FINSAM Desktop backup"),
        (_sqlite_file(tmp_path / "foreign.sqlite"), NotAFinsamFileError, "not a FINSAM"),
        (damaged, (DamagedFileError, NotAFinsamFileError), "damaged|not a"),
        (newer, NewerFileError, "newer version"),
        (other, ValidationError, "another agency"),
        (store.path, ValidationError, "not the open file itself"),
    ]
    before = digest(store.path)
    listed = names(good.parent)
    for path, error, words in cases:
        with pytest.raises(error, match=words):
            backups.restore_backup(store, path)
        assert digest(store.path) == before, path
        assert names(good.parent) == listed, path  # no safety backup for a refused restore


def test_a_read_only_store_cannot_be_restored(store, tmp_path):
    good = backups.make_backup(store, "manual")
    copy = tmp_path / "copy.finsam"
    maintenance.save_copy(store, copy)
    reader = open_store(copy, read_only=True)
    try:
        with pytest.raises(StorageError, match="read-only"):
            backups.restore_backup(reader, good)
    finally:
        reader.close()


def test_a_failing_check_after_the_copy_puts_the_previous_state_back(store, monkeypatch):
    backup = backups.make_backup(store, "manual")
    organisation.save_agency(store, Agency(name="Nuvarande", org_number="222000-0018"))
    real = files.copy_into
    calls = []

    def copy_then_damage(conn, source):
        calls.append(source)
        real(conn, source)

    monkeypatch.setattr(files, "copy_into", copy_then_damage)
    monkeypatch.setattr(backups, "_integrity_rows", lambda _conn: ["row 3 missing from index"])
    with pytest.raises(DamagedFileError, match="previous state was put back"):
        backups.restore_backup(store, backup)
    assert len(calls) == 2 and calls[1].name.endswith("-before-restore.sqlite")
    assert organisation.get_agency(store).name == "Nuvarande"


# RELIABILITY test 10 ----------------------------------------------------------------------

def test_naive_copy_is_never_used_static():
    """No app module copies files: no shutil, no os.link/sendfile, no copyfile calls."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                if any(m.split(".")[0] == "shutil" for m in modules):
                    offenders.append(f"{path.name}: imports shutil")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("copyfile", "copy2", "copyfileobj", "link", "sendfile",
                                       "copy_file_range"):
                offenders.append(f"{path.name}:{node.lineno}: {node.func.attr}")
    assert offenders == []


def test_naive_copy_is_never_used_behaviour(store, tmp_path, monkeypatch):
    """Every backup path works with file copying switched off, and a backup of a live WAL
    database holds the committed rows a copy of the main file lacks."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("a file copy was used")

    for name in ("copy", "copy2", "copyfile", "copyfileobj"):
        monkeypatch.setattr(shutil, name, refuse)
    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "sendfile", refuse, raising=False)
    add_members(store)
    made = backups.make_backup(store, "manual")
    backups.backup_to(store, tmp_path / "elsewhere")
    maintenance.save_copy(store, tmp_path / "copy.finsam")
    backups.restore_backup(store, made)
    monkeypatch.undo()
    # A live database in WAL mode: committed rows sit in the -wal file until a checkpoint.
    live = tmp_path / "wal.sqlite"
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1), (2), (3)")
    ours = files.write_backup(conn, tmp_path / "ours.sqlite")
    naive = tmp_path / "naive.sqlite"
    naive.write_bytes(live.read_bytes())  # what a file copy of the open database gets
    conn.close()
    assert count(ours, "t") == 3 and integrity(ours) == "ok"
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        count(naive, "t")


# Before imports and before sealing ---------------------------------------------------------

def test_a_backup_is_made_before_an_import_and_not_for_a_refused_file(store, tmp_path):
    from finsam_desktop.domain.activities import Activity, Focus
    from finsam_desktop.services import activities

    members = add_members(store)
    activities.add_activity(store, Activity(0, "Steget", Focus.INDIVIDUAL,
                                            lead_member_id=members["a"].id,
                                            start_on=dt.date(2026, 1, 1),
                                            end_on=dt.date(2027, 12, 31)),
                            [members["a"].id, members["fk"].id])
    folder = backups.backup_folder(store.path)
    bad = tmp_path / "bad.csv"
    bad.write_text("Insats;År;Period;Mått;Kategori;Antal\nFinns inte;2026;year;started_gender;"
                   "women;1\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        participants_import.import_participants(store, bad)
    assert names(folder) == []
    good = tmp_path / "good.csv"
    good.write_text("Insats;År;Period;Mått;Kategori;Antal\nSteget;2026;year;started_gender;"
                    "women;12\n", encoding="utf-8")
    participants_import.import_participants(store, good)
    [backup] = backups.list_backups(store.path)
    assert backup.reason == "before-import" and backup.reason_text == "Before an import"
    assert count(backup.path, "participant_counts") == 0
    assert count(store.path, "participant_counts") == 1


def test_a_backup_is_made_before_sealing(store):
    from tests.meeting_factories import held_and_sealed

    full_board(store, add_members(store))
    held_and_sealed(store, dt.date(2026, 2, 1), "Beslut")
    [backup] = backups.list_backups(store.path)
    assert backup.reason == "before-seal"
    assert count(backup.path, "seals") == 0 and count(store.path, "seals") == 1


def test_a_backup_carries_no_writers_lock(tmp_path):
    """A copy opened on another computer must not look open by the writer it was made from."""
    from finsam_desktop.storage.backup import write_backup
    from finsam_desktop.storage.store import open_store

    path = tmp_path / "agency.finsam"
    store = open_store(path, create=True)
    store.close()
    store = open_store(path)  # a writer: its lock row is in the file
    assert store.conn.execute("SELECT count(*) FROM writer_lock").fetchone()[0] == 1
    copy = write_backup(store.conn, tmp_path / "copy.sqlite")
    store.close()
    raw = sqlite3.connect(copy)
    try:
        assert raw.execute("SELECT count(*) FROM writer_lock").fetchone()[0] == 0
    finally:
        raw.close()
