"""Search and register speed over a large agency (100 000 paragraphs by default).

Builds `finsam demo DB --years 20 --scale large` in a temporary folder (or uses --db), then
times full-text searches and register queries, 5 runs each, and prints the median and worst.

    .venv/bin/python benchmarks/search.py [--db big.sqlite]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "rare word": "dubblerar",
    "common word": "styrelsen",
    "two words": "insats budget",
    "phrase": '"eget kapital"',
    "prefix": "rehab*",
    "far (not får)": "far",
}


def _time(call, runs: int = 5) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(call())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, max(times) * 1000, size


def main() -> None:
    """Print timings for searches and register queries."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "big.sqlite"
        if not db.exists():
            subprocess.run([sys.executable, "-m", "finsam_desktop.cli", "demo", str(db),
                            "--years", "20", "--scale", "large"], check=True, capture_output=True)
        from finsam_desktop.services import decisions
        from finsam_desktop.services.maintenance import open_database

        store = open_database(db, read_only=True)
        count = store.db.execute("SELECT count(*) FROM items").fetchone()[0]
        print(f"{count} paragraphs in {db.stat().st_size / 1e6:.0f} MB")
        for label, query in QUERIES.items():
            median, worst, hits = _time(lambda q=query: decisions.search(store, q, limit=100))
            print(f"search {label:16s} {median:7.1f} ms median, {worst:7.1f} ms worst, "
                  f"{hits} hits (top 100)")
        year = decisions.list_decisions(store, limit=1)[0].year
        for label, call in (
            ("register, all", lambda: decisions.list_decisions(store, with_text=False)),
            ("register, all with texts", lambda: decisions.list_decisions(store)),
            ("register, one year", lambda: decisions.list_decisions(store, year=year)),
            ("register, sorted by title", lambda: decisions.list_decisions(
                store, sort="title", with_text=False)),
            ("register, overdue only", lambda: decisions.list_decisions(store, overdue=True)),
        ):
            median, worst, rows = _time(call)
            print(f"{label:27s} {median:7.1f} ms median, {worst:7.1f} ms worst, {rows} rows")
        store.close()


if __name__ == "__main__":
    main()
