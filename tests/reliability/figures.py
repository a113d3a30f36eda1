"""The data-safety counters (RELIABILITY.md): faults survived, bad inputs tried, commits
verified, hostile files tried and rejected. Tests add to them; the session writes them to
`reliability-figures.json` in the repository root (or $FINSAM_FIGURES) when it ends, and the
README quotes the last long run (`make reliability`)."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import sys
from collections import Counter
from pathlib import Path

COUNTERS: Counter[str] = Counter()
ROOT = Path(__file__).resolve().parents[2]

# How many runs the randomised fault tests make: a quick sample in every run of the suite,
# hundreds with FINSAM_LONG=1 (`make reliability`).
LONG = os.environ.get("FINSAM_LONG") == "1"


def runs(quick: int, long: int) -> int:
    """`quick` in the normal suite, `long` in the long run."""
    return long if LONG else quick


def add(name: str, amount: int = 1) -> None:
    """Count `amount` more of `name`."""
    COUNTERS[name] += amount


def write() -> Path | None:
    """Write the counters (nothing when no reliability test ran)."""
    if not COUNTERS:
        return None
    target = Path(os.environ.get("FINSAM_FIGURES") or ROOT / "reliability-figures.json")
    figures = {
        "long_run": LONG,
        "faults_survived": COUNTERS["kills"] + COUNTERS["disk_full_saves"],
        "bad_inputs_tried": COUNTERS["bad_inputs"] + COUNTERS["hostile_files"],
        # every acknowledged commit, each checked again after every later kill
        "commits_verified": COUNTERS["commits_verified"],
        "details": dict(sorted(COUNTERS.items())),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }
    target.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return target
