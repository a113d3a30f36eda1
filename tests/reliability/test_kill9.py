"""kill -9 during saves (RELIABILITY.md test 3): a subprocess saves through the app's real
save path in a loop and prints each id after its commit; it is killed at a random moment.
Afterwards the file passes integrity_check, opens without a prompt, holds every acknowledged
record, and no transaction is torn (each person has exactly its one audit-log row)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import organisation
from finsam_desktop.storage.store import open_store
from tests.reliability import figures

ROOT = Path(__file__).resolve().parents[2]
RUNS = figures.runs(quick=8, long=200)


def _verify(path: Path, acknowledged: list[int]) -> set[int]:
    """Integrity and no torn transaction; returns the acknowledged ids that are missing."""
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        people = {row[0] for row in raw.execute("SELECT id FROM people")}
        audited = [row[0] for row in raw.execute(
            "SELECT entity_id FROM audit_log WHERE action = 'person.added'")]
    finally:
        raw.close()
    assert sorted(audited) == sorted(people), "a torn transaction: person without audit row"
    return set(acknowledged) - people


def _new_file(path: Path) -> None:
    store = open_store(path, create=True)
    organisation.create_agency(store, Agency(name="Samordningsförbundet Kill"))
    store.close()


def _kill_while_saving(path: Path, rng: random.Random, *, early: bool = False) -> list[int]:
    """Start the saver, let it save for a random while, SIGKILL it; the acknowledged ids."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.saver", str(path),
         *(["--early"] if early else [])], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    time.sleep(rng.uniform(0.02, 0.4))
    child.send_signal(signal.SIGKILL)
    output, _errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return [int(line) for line in output.split()]


@pytest.mark.timeout(1800)  # the long run (FINSAM_LONG=1) kills 200 savers
def test_kill9_during_save_loses_nothing_committed(tmp_path):
    rng = random.Random(20261122)
    path = tmp_path / "agency.finsam"
    _new_file(path)
    acknowledged: list[int] = []
    for _run in range(RUNS):
        acknowledged += _kill_while_saving(path, rng)
        figures.add("kills")
        missing = _verify(path, acknowledged)
        assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
        figures.add("commit_checks", len(acknowledged))  # all so far, after every kill
        store = open_store(path)  # opens without a prompt, and can be written again
        store.close()
    assert len(acknowledged) > RUNS, "the saver hardly saved: the test would prove nothing"
    figures.add("commits_verified", len(acknowledged))


def test_the_harness_sees_a_writer_that_acknowledges_too_early(tmp_path):
    """Negative control: the same harness against a saver that reports an id before its
    commit finds acknowledged ids missing after a kill (so it can see a loss)."""
    rng = random.Random(7)
    path = tmp_path / "early.finsam"
    _new_file(path)
    lost: set[int] = set()
    for _run in range(5):
        lost |= _verify(path, _kill_while_saving(path, rng, early=True))
        if lost:
            break
    assert lost, "the harness did not notice ids acknowledged before their commit"
