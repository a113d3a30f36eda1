"""`finsam check` reports the fingerprint, ids, integrity, keys, seals and the lock;
`finsam import` respects another user's lock (and takes over a stale one on request)."""

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys

from finsam_desktop.cli import main
from finsam_desktop.domain.locks import LockHolder
from finsam_desktop.storage import locks
from finsam_desktop.storage.store import open_store


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "finsam_desktop.cli", "--lang", "en",
                           *map(str, args)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    return proc


def new_file(tmp_path):
    db = tmp_path / "agency.finsam"
    assert main(["init", str(db), "--name", "Förbundet"]) == 0
    return db


def plant_lock(db, minutes_ago):
    now = dt.datetime.now(dt.UTC)
    conn = sqlite3.connect(db, isolation_level=None)
    locks.write_holder(conn, LockHolder("Anna", "LAPTOP-1", 4711, "0.1.0", now,
                                        now - dt.timedelta(minutes=minutes_ago), "t", "", ""))
    conn.close()


def test_check_lists_every_fact(tmp_path):
    db = new_file(tmp_path)
    plant_lock(db, 1)
    proc = run("check", db)
    assert proc.returncode == 0, proc.stderr
    for line in ("Application id: 0x46534D44 (FINSAM Desktop)",
                 "Schema fingerprint: matches the schema version", "Integrity check: ok",
                 "Foreign keys: ok", "Seal chain: no signed minutes yet",
                 "Open for writing: The file is open by Anna (computer LAPTOP-1) since"):
        assert line in proc.stdout


def test_check_reports_a_planted_trigger_without_changing_the_file(tmp_path):
    db = new_file(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER spy AFTER INSERT ON people BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    proc = run("check", db)
    assert proc.returncode == 1
    assert "Schema fingerprint: differs" in proc.stdout
    assert "an extra trigger “spy” on table “people”" in proc.stderr
    opened = run("list", "members", db)
    assert opened.returncode == 2 and "changed with another program" in opened.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_import_waits_for_a_colleague_and_takes_over_a_stale_lock_on_request(tmp_path):
    db = new_file(tmp_path)
    plant_lock(db, 1)
    proc = run("import", "participants", db, tmp_path / "counts.csv")
    assert proc.returncode == 2
    assert "open by Anna (computer LAPTOP-1)" in proc.stderr
    plant_lock(db, 30)
    proc = run("import", "participants", db, tmp_path / "counts.csv")
    assert proc.returncode == 2 and "take over the lock" in proc.stderr
    proc = run("import", "participants", db, tmp_path / "counts.csv", "--take-over")
    assert proc.returncode == 2 and "counts.csv" in proc.stderr  # past the lock: no file
    store = open_store(db, read_only=True)
    assert any(e.action == "lock.taken_over" for e in store.audit.recent(5))
    assert store.lock_holder() is None  # given back when the command ended
    store.close()
