"""Disk full and I/O errors during a save (RELIABILITY.md tests 6 and 7): a subprocess may
only grow files to a limit just above the database's size, at many limits, while it saves a
long text. Each save is either stored whole or refused with a message for the user (never a
traceback); afterwards the file passes integrity_check and holds the old text or the new,
nothing in between, and a save without the limit works again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import annual, organisation
from finsam_desktop.storage.store import open_store
from tests.reliability import figures
from tests.reliability.full_disk import TEXT

ROOT = Path(__file__).resolve().parents[2]
STEPS = figures.runs(quick=12, long=60)


def _outlook(path: Path) -> str:
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = raw.execute("SELECT body FROM annual_texts WHERE year = 2026 AND "
                          "section = 'outlook'").fetchone()
    finally:
        raw.close()
    return row[0] if row else ""


def test_a_full_disk_refuses_the_save_with_a_message_and_loses_nothing(tmp_path):
    outcomes = {"saved": 0, "refused": 0}
    for step in range(STEPS):
        path = tmp_path / f"agency{step}.finsam"
        store = open_store(path, create=True)
        organisation.create_agency(store, Agency(name="Samordningsförbundet Full"))
        annual.set_text(store, 2026, "outlook", "Gammal text")
        store.close()
        limit = path.stat().st_size + step * 40_960  # from no room at all to room enough
        child = subprocess.run(
            [sys.executable, "-m", "tests.reliability.full_disk", str(path), str(limit)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.returncode == 0, child.stderr[-2000:]
        said = child.stdout.strip()
        assert said == "saved" or said.startswith("refused: "), said
        if said != "saved":
            assert "Traceback" not in said and len(said) > 20, said
        stored = _outlook(path)
        assert stored == ("Gammal text" if said != "saved" else TEXT.strip()), said
        outcomes["saved" if said == "saved" else "refused"] += 1
        figures.add("disk_full_saves")
        again = open_store(path)  # the file is usable again once there is room
        annual.set_text(again, 2026, "outlook", "Ny text")
        again.close()
        assert _outlook(path) == "Ny text"
    assert outcomes["refused"] and outcomes["saved"], outcomes
