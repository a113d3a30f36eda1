"""Time to render a protocol as PDF: 25 and 200 paragraphs, signed variant.

    .venv/bin/python benchmarks/minutes_export.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader

from finsam_desktop.reports.minutes_pdf import render_minutes
from tests.reports import report_data


def measure(count: int, folder: Path) -> None:
    """Render a `count`-paragraph protocol three times and print the best time."""
    data = report_data.minutes(count)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        out = render_minutes(data, folder / f"protokoll-{count}.pdf")
        best = min(best, time.perf_counter() - started)
    pages = len(PdfReader(str(out)).pages)
    print(f"{count:>4} paragraphs: {best:.2f} s, {pages} pages, {out.stat().st_size // 1024} kB")


def main() -> None:
    render_minutes(report_data.minutes(1), Path(tempfile.mkdtemp()) / "warm-up.pdf")
    with tempfile.TemporaryDirectory() as folder:
        for count in (25, 200):
            measure(count, Path(folder))


if __name__ == "__main__":
    main()
