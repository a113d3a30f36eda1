"""FINSAM Desktop benchmarks: every figure next to its baseline, measured in the same run.

    .venv/bin/python benchmarks/run.py             # full run (a few minutes), `make bench`
    .venv/bin/python benchmarks/run.py --quick     # tiny agency, a few runs: proves it works

Builds two agencies in a temporary folder (or --workdir):

- the 20-year agency (services.demo_history, AGENCY_20Y): about 200 meetings, 5 000
  paragraphs, 400 activities, budgets and actuals for every year, 200 000 participant-period
  rows (participant counts per activity, quarter, measure and category);
- the stress variant (`finsam demo --years 20 --scale large`): 100 000 paragraphs.

Then measures, each figure the median of several runs, and prints it next to a baseline
measured in the same run on the same machine:

- start-up to the main window shown on the 20-year agency (fresh process each run) vs a
  bare PySide6 window process;
- first paint of each panel and a switch to it (20-year agency) vs a plain page of
  widgets / a switch between two labels in a bare QStackedWidget;
- full-text search (typical, phrase, prefix) vs the same FTS5 SQL on a raw sqlite3
  connection, on both agencies;
- the decision register at 100 000 paragraphs: first paint, sort and filter vs a plain
  QAbstractTableModel sorting or filtering its own Python list;
- minutes PDF (25 paragraphs), decision register PDF and annual report PDF (gather from the
  database + render + PDF/A): seconds and pages per second vs plain ReportLab Platypus
  building the same number of pages of headings, paragraphs and tables in the same font;
- dump and load of the whole 20-year database (exchange JSON) vs raw sqlite3 + json;
- peak memory (max RSS) with the 20-year agency open and every panel visited vs the bare
  PySide6 window process.

Results go to --out (default benchmarks/results.json). Goals from issue 10 are shown beside
the figures they concern; nothing is asserted (timings on shared machines are noisy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import _BARE, _FINSAM, PEAK_RSS, _run  # noqa: E402  (benchmarks/startup.py)

GOALS = {
    "startup": "≤ 1.5× bare window",
    "panel_switch": "< 100 ms",
    "search_typical": "< 20 ms",
    "minutes_pdf": "< 0.3 s",
    "annual_pdf": "< 3 s",
    "peak_memory": "< 250 MB",
}
PANELS = ("overview", "organisation", "meetings", "decisions", "budget", "activities",
          "evaluations", "annual")
QUERIES = {  # label → what a user types
    "typical: one word": "rehabilitering",
    "typical: two words": "insats budget",
    "typical: rare word": "dubblerar",
    "phrase": '"eget kapital"',
    "prefix": "samverk*",
}


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(call: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median seconds of `runs` calls (after one warm-up call) and the last result."""
    result = call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return median(times), result


class Results:
    """Figures in order, each with its baseline; printed as a table and written as JSON."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, group: str, name: str, value: float, unit: str, baseline: float | None,
            baseline_name: str, *, goal: str = "", met: bool | None = None,
            extra: dict[str, object] | None = None) -> None:
        row = {"group": group, "name": name, "value": round(value, 4), "unit": unit,
               "baseline": None if baseline is None else round(baseline, 4),
               "baseline_name": baseline_name,
               "ratio": round(value / baseline, 2) if baseline else None,
               "goal": goal, "met": met, **(extra or {})}
        self.rows.append(row)
        print(_line(row), flush=True)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "pages/s":
        return f"{value:.0f} pages/s"
    return f"{value:g} {unit}"


def _line(row: dict[str, object]) -> str:
    goal = ""
    if row["goal"]:
        goal = f"  [{row['goal']}: {'met' if row['met'] else 'NOT met'}]"
    ratio = f" ({row['ratio']}×)" if row["ratio"] is not None else ""
    return (f"  {row['name']:<46} {_fmt(row['value'], str(row['unit'])):>11}   "  # type: ignore[arg-type]
            f"vs {_fmt(row['baseline'], str(row['unit'])):>11} {row['baseline_name']}"  # type: ignore[arg-type]
            f"{ratio}{goal}")


# ------------------------------------------------------------------------ databases


def build_databases(work: Path, quick: bool) -> dict[str, object]:
    """The 20-year agency and the stress variant; returns their paths, sizes and times."""
    from finsam_desktop.services import demo_history, demo_large
    from finsam_desktop.services.demo import build_demo
    from finsam_desktop.services.maintenance import create_database

    name = "Samordningsförbundet Mälarsund Väst"
    agency, stress = work / "agency-20y.sqlite", work / "stress-100k.sqlite"
    for path in (agency, stress):
        path.unlink(missing_ok=True)
    size = demo_history.TINY if quick else demo_history.AGENCY_20Y
    start = time.perf_counter()
    store = create_database(agency, name)
    counts = demo_history.build_history_demo(store, size)
    store.close()
    agency_seconds = time.perf_counter() - start
    start = time.perf_counter()
    store = create_database(stress, name)
    if quick:
        build_demo(store, years=2)
        paragraphs = demo_large.add_history(store, years=2, seed=1, meetings_per_year=4,
                                            items_per_meeting=50)
    else:
        build_demo(store, years=20)
        paragraphs = demo_large.add_history(store, years=20, seed=1)
    total = int(store.db.execute("SELECT count(*) FROM items").fetchone()[0])
    store.close()
    stress_seconds = time.perf_counter() - start
    print(f"20-year agency: {counts} — built in {agency_seconds:.1f} s, "
          f"{agency.stat().st_size / 1e6:.1f} MB")
    print(f"stress variant: {total} paragraphs ({paragraphs} added) — built in "
          f"{stress_seconds:.1f} s, {stress.stat().st_size / 1e6:.1f} MB")
    return {"agency": str(agency), "stress": str(stress), "agency_rows": counts,
            "agency_build_s": round(agency_seconds, 2), "stress_paragraphs": total,
            "stress_build_s": round(stress_seconds, 2),
            "agency_mb": round(agency.stat().st_size / 1e6, 1),
            "stress_mb": round(stress.stat().st_size / 1e6, 1)}


def _child_env(work: Path) -> dict[str, str]:
    """Offscreen, own settings; bytecode caches allowed (as in an installed app)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(work / "cfg"),
           "HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# ------------------------------------------------------------------------ start-up


def bench_startup(results: Results, agency: Path, work: Path, runs: int) -> float:
    """Start-up vs a bare window; returns the bare window's peak memory (MB)."""
    env = _child_env(work)
    measured = {}
    for name, code, args in (("bare", _BARE, ()), ("finsam", _FINSAM, (str(agency),))):
        _run(code, *args, env=env)  # warm the file cache
        measured[name] = [_run(code, *args, env=env) for _ in range(runs)]
    bare = median([r["seconds"] for r in measured["bare"]])
    finsam = median([r["seconds"] for r in measured["finsam"]])
    bare_rss = median([r["max_rss_mb"] for r in measured["bare"]])
    modules = measured["finsam"][0]["modules"]
    results.add("startup", "start-up to main window (20-year agency)", finsam, "s", bare,
                "bare PySide6 window", goal=GOALS["startup"], met=finsam <= 1.5 * bare,
                extra={"heavy_modules_loaded": modules,
                       "max_rss_mb": median([r["max_rss_mb"] for r in measured["finsam"]])})
    return bare_rss


# ------------------------------------------------------------------------ panels (child)

_PANELS_CHILD = PEAK_RSS + r"""
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit, QMainWindow,
                               QStackedWidget, QTableView, QTabWidget, QVBoxLayout, QWidget)
from PySide6.QtGui import QStandardItemModel

db, rounds, ini = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = QApplication([])

def settle(window):
    app.processEvents()
    window.repaint()
    app.processEvents()

def clock(call, window):
    start = time.perf_counter()
    call()
    settle(window)
    return time.perf_counter() - start

# Baselines: a bare QStackedWidget window of the same size
bare = QMainWindow(); stack = QStackedWidget(); bare.setCentralWidget(stack)
pages = [QLabel(f"Sida {i}") for i in range(2)]
for page in pages:
    stack.addWidget(page)
bare.resize(1280, 800); bare.show(); settle(bare)

def plain_page():
    page = QWidget(); layout = QVBoxLayout(page); tabs = QTabWidget(); layout.addWidget(tabs)
    for t in range(3):
        tab = QWidget(); form = QFormLayout(tab)
        for f in range(8):
            form.addRow(f"Fält {f}", QLineEdit(f"värde {f}"))
        view = QTableView(); model = QStandardItemModel(20, 6, view); view.setModel(model)
        form.addRow(view); tabs.addTab(tab, f"Flik {t}")
    stack.addWidget(page); stack.setCurrentWidget(page)

baseline_first = [clock(plain_page, bare) for _ in range(3)]
baseline_switch = []
for i in range(rounds * 4):
    baseline_switch.append(clock(lambda i=i: stack.setCurrentWidget(pages[i % 2]), bare))
bare.close()

from finsam_desktop.ui import opening, translation
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.mainwindow import MainWindow
from finsam_desktop.ui.settings import UiSettings

settings = UiSettings(QSettings(ini, QSettings.Format.IniFormat))
translation.set_language(settings.language())
ctx = AppContext.create(None, settings)
window = MainWindow(ctx, remember=False)
window.resize(1280, 800); window.show(); settle(window)
start = time.perf_counter()
store = opening.open_file(db)
opened = time.perf_counter() - start
first = {"overview": clock(lambda: window.set_store(store), window)}
order = json.loads(sys.argv[4])
for key in order[1:]:
    first[key] = clock(lambda key=key: window.show_panel(key), window)
switch = {key: [] for key in order}
for _ in range(rounds):
    for key in order:
        switch[key].append(clock(lambda key=key: window.show_panel(key), window))
print(json.dumps({"open_s": opened, "first": first,
                  "switch": {k: statistics.median(v) for k, v in switch.items()},
                  "baseline_first": statistics.median(baseline_first),
                  "baseline_switch": statistics.median(baseline_switch),
                  "max_rss_mb": peak_rss_mb(),
                  "modules": sorted(m for m in ("numpy", "pyqtgraph", "reportlab")
                                    if m in sys.modules)}))
window.close()
"""


def _child(code: str, *args: str, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_panels(results: Results, agency: Path, work: Path, runs: int, rounds: int,
                 bare_rss: float) -> None:
    env = _child_env(work)
    ini = str(work / "panels.ini")
    measured = [_child(_PANELS_CHILD, str(agency), str(rounds), ini, json.dumps(PANELS),
                       env=env) for _ in range(runs)]
    base_first = median([m["baseline_first"] for m in measured])
    base_switch = median([m["baseline_switch"] for m in measured])
    results.add("panels", "open the 20-year file (store only)",
                median([m["open_s"] for m in measured]), "s", None, "")
    for key in PANELS:
        value = median([m["first"][key] for m in measured])
        results.add("panels", f"first paint: {key}", value, "s", base_first,
                    "plain page (3 tabs of fields + table)")
    for key in PANELS:
        value = median([m["switch"][key] for m in measured])
        results.add("panels", f"switch to: {key}", value, "s", base_switch,
                    "bare QStackedWidget switch", goal=GOALS["panel_switch"], met=value < 0.1)
    rss = median([m["max_rss_mb"] for m in measured])
    results.add("memory", "peak RSS, 20-year agency, every panel visited", rss, "MB", bare_rss,
                "bare PySide6 window process", goal=GOALS["peak_memory"], met=rss < 250,
                extra={"modules_after_panels": measured[0]["modules"]})


# ------------------------------------------------------------------------ decisions (child)

_DECISIONS_CHILD = r"""
import datetime as dt, json, random, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView

db, runs, ini = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = QApplication([])

def settle(widget):
    app.processEvents(); widget.repaint(); app.processEvents()

def clock(call, widget):
    start = time.perf_counter(); call(); settle(widget); return time.perf_counter() - start

from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.opening import open_file
from finsam_desktop.ui.panels.decisions.panel import DecisionsPanel
from finsam_desktop.ui.settings import UiSettings
from finsam_desktop.ui.widgets.fields import select_data

settings = UiSettings(QSettings(ini, QSettings.Format.IniFormat))
ctx = AppContext.create(open_file(db), settings)
start = time.perf_counter()
panel = DecisionsPanel(ctx)
panel.resize(1280, 800); panel.show(); settle(panel)
first = time.perf_counter() - start
tab = panel.decisions_tab
latest = tab.model.rowCount()
years = [tab.filters.year.itemData(i) for i in range(1, tab.filters.year.count())]
all_years, sorts, filters = [], [], []
for i in range(runs):  # the panel opens on the latest year; "All years" is one click away
    all_years.append(clock(lambda: select_data(tab.filters.year, None), panel))
    rows = tab.model.rowCount()
    select_data(tab.filters.year, years[0]); settle(panel)
select_data(tab.filters.year, None); settle(panel)
for i in range(runs):
    sorts.append(clock(lambda: tab.sort_by(3, descending=bool(i % 2)), panel))
tab.sort_by(0)
settle(panel)
for i in range(runs):
    year = years[(i * 7) % len(years)]
    filters.append(clock(lambda: select_data(tab.filters.year, year), panel))
    filtered = tab.model.rowCount()
    select_data(tab.filters.year, None); settle(panel)
ctx.replace_store(None)
panel.close()

class Plain(QAbstractTableModel):
    def __init__(self, data):
        super().__init__(); self.data_ = data
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.data_)
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.data_[index.row()][index.column()])
        return None
    def sort_by(self, column, descending):
        self.layoutAboutToBeChanged.emit()
        self.data_.sort(key=lambda r: r[column], reverse=descending)
        self.layoutChanged.emit()
    def replace(self, data):
        self.beginResetModel(); self.data_ = data; self.endResetModel()

rng = random.Random(1)
words = ["ansökan", "insats", "medel", "styrelsen", "budget", "uppföljning", "samverkan"]
data = [(2006 + i * 20 // rows, i % 5000 + 1, dt.date(2006, 1, 1) + dt.timedelta(days=i // 14),
         " ".join(rng.sample(words, 3)), f"{i % 900}/{i % 500}", "Insatser", "Pågår",
         "Förbundschef") for i in range(rows)]
all_rows = list(data)
start = time.perf_counter()
model = Plain(data); view = QTableView(); view.setModel(model)
view.resize(1280, 800); view.show(); settle(view)
base_first = time.perf_counter() - start
base_sorts = [clock(lambda i=i: model.sort_by(3, bool(i % 2)), view) for i in range(runs)]
base_filters = []
for i in range(runs):
    year = 2006 + (i * 7) % 20
    base_filters.append(clock(lambda: model.replace([r for r in all_rows if r[0] == year]), view))
    model.replace(all_rows)
print(json.dumps({"rows": rows, "latest": latest, "filtered": filtered, "first": first,
                  "all_years": statistics.median(all_years),
                  "sort": statistics.median(sorts), "filter": statistics.median(filters),
                  "base_first": base_first, "base_sort": statistics.median(base_sorts),
                  "base_filter": statistics.median(base_filters)}))
"""


def bench_decisions(results: Results, stress: Path, work: Path, runs: int) -> None:
    env = _child_env(work)
    m = _child(_DECISIONS_CHILD, str(stress), str(runs), str(work / "decisions.ini"), env=env)
    rows = f"{m['rows']:,}".replace(",", " ")
    results.add("decisions", f"register first paint (latest year, {m['latest']} rows)",
                m["first"], "s", None, "")
    results.add("decisions", f"register: All years ({rows} decisions)", m["all_years"], "s",
                m["base_first"], "plain model + view filled with as many rows")
    results.add("decisions", f"register sort by title ({rows} rows)", m["sort"], "s",
                m["base_sort"], "plain model sorting its own list")
    results.add("decisions", f"register filter to one year (→ {m['filtered']} rows)",
                m["filter"], "s", m["base_filter"], "plain model filtering its own list")


# ------------------------------------------------------------------------ search


def bench_search(results: Results, db: Path, label: str, runs: int) -> None:
    from finsam_desktop.domain.decisions import fts_query
    from finsam_desktop.services import decisions
    from finsam_desktop.services.maintenance import open_database
    from finsam_desktop.storage import search_repo

    store = open_database(db, read_only=True)
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ranked = search_repo.SEARCH_SQL.format(order="search_index.rank")
    try:
        for name, text in QUERIES.items():
            fts = fts_query(text)
            value, hits = timed(lambda t=text: decisions.search(store, t, limit=100), runs)
            base, _rows = timed(lambda q=fts: raw.execute(ranked, {"q": q, "n": 100})
                                .fetchall(), runs)
            typical = name.startswith("typical")
            results.add("search", f"search {label}: {name} ({len(hits)} hits)", value, "s",  # type: ignore[arg-type]
                        base, "FTS5 best-first SQL, raw sqlite3",
                        goal=GOALS["search_typical"] if typical else "",
                        met=value < 0.02 if typical else None)
    finally:
        raw.close()
        store.close()


# ------------------------------------------------------------------------ PDFs


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _platypus(out: Path, sections: int) -> None:
    """Plain Platypus: headings, two paragraphs and a 10-row table per section, DejaVu."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from finsam_desktop.reports.fonts import BOLD, FAMILY, register_fonts
    from finsam_desktop.services.demo_large import _WORDS

    register_fonts()
    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading2"]
    body.fontName, head.fontName = FAMILY, BOLD
    story: list[object] = []
    for s in range(sections):
        words = [_WORDS[(s * 7 + i * 3) % len(_WORDS)] for i in range(60)]
        story += [Paragraph(f"§ {s + 1} {' '.join(words[:5])}", head),
                  Paragraph(" ".join(words), body), Paragraph(" ".join(words[:30]), body)]
        table = Table([[f"{s}.{r}", words[r], words[r + 10], f"{r * 1234} kr"]
                       for r in range(10)])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY),
                                   ("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
        story += [table, Spacer(1, 6)]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def _platypus_for(pages: int, work: Path, runs: int) -> tuple[float, int]:
    """Median seconds of plain Platypus writing about `pages` pages; the pages it wrote."""
    probe = work / "platypus-probe.pdf"
    _platypus(probe, 20)
    per_page = 20 / _pages(probe)
    sections = max(1, round(pages * per_page))
    out = work / "platypus.pdf"
    seconds, _none = timed(lambda: _platypus(out, sections), runs)
    return seconds, _pages(out)


def bench_pdfs(results: Results, agency: Path, stress: Path, work: Path, runs: int) -> None:
    from finsam_desktop.services import annual_report, decision_exports, exports
    from finsam_desktop.services.maintenance import open_database

    store = open_database(agency, read_only=True)
    try:
        meeting_id = store.db.execute(
            "SELECT meeting_id FROM items GROUP BY meeting_id HAVING count(*) = 25 "
            "ORDER BY meeting_id LIMIT 1").fetchone()
        if meeting_id is None:  # tiny agencies: the meeting with the most paragraphs
            meeting_id = store.db.execute(
                "SELECT meeting_id FROM items GROUP BY meeting_id ORDER BY count(*) DESC "
                "LIMIT 1").fetchone()
        paragraphs = store.db.execute("SELECT count(*) FROM items WHERE meeting_id = ?",
                                      meeting_id).fetchone()[0]
        annual_year = int(store.db.execute("SELECT max(year) FROM annual_reports")
                          .fetchone()[0])
        busy_year = int(store.db.execute(
            "SELECT year FROM participant_counts GROUP BY year ORDER BY count(*) DESC "
            "LIMIT 1").fetchone()[0])
        register_year = int(store.db.execute(
            "SELECT substr(m.date, 1, 4) FROM items i JOIN meetings m ON m.id = i.meeting_id "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0])
        documents = [
            ("minutes_pdf", f"minutes PDF ({paragraphs} paragraphs)",
             lambda out: exports.minutes_job(store, meeting_id[0]), GOALS["minutes_pdf"], 0.3),
            ("register_pdf", f"decision register PDF {register_year}",
             lambda out: decision_exports.register_job(store, register_year, out), "", None),
            ("annual_pdf", f"annual report PDF {annual_year} (demo year)",
             lambda out: annual_report.annual_job(store, annual_year, out), GOALS["annual_pdf"],
             3.0),
        ]
        if busy_year != annual_year:
            documents.append((
                "annual_pdf", f"annual report PDF {busy_year} (most activities)",
                lambda out: annual_report.annual_job(store, busy_year, out),
                GOALS["annual_pdf"], 3.0))
        for key, name, make, goal, limit in documents:
            out = work / f"{key}.pdf"

            def export(make=make, out=out) -> tuple[float, float]:  # type: ignore[no-untyped-def]
                start = time.perf_counter()
                job = make(out)
                gathered = time.perf_counter()
                job.run(out)
                return gathered - start, time.perf_counter() - gathered

            export()  # warm-up (imports, fonts)
            splits = [export() for _ in range(runs)]
            total = median([g + r for g, r in splits])
            pages = _pages(out)
            base, base_pages = _platypus_for(pages, work, runs)
            results.add("pdf", f"{name}: {pages} pages", total, "s", base,
                        f"plain Platypus, {base_pages} pages", goal=goal,
                        met=None if limit is None else total < limit,
                        extra={"pages": pages, "gather_s": round(median([g for g, _ in splits]),
                                                                 4),
                               "render_s": round(median([r for _, r in splits]), 4)})
            results.add("pdf", f"{name}: pages per second", pages / total, "pages/s",
                        base_pages / base, "plain Platypus")
    finally:
        store.close()
    # The same through the command line (a fresh process, imports included), once
    out = work / "cli-annual.pdf"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "finsam_desktop.cli", "export", "annual-report",
                    str(agency), "--year", str(annual_year), "-o", str(out)], check=True,
                   capture_output=True, env=_child_env(work))
    cli = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import reportlab.platypus, pikepdf"], check=True,
                   env=_child_env(work))
    bare = time.perf_counter() - start
    results.add("pdf", f"`finsam export annual-report --year {annual_year}` (process)", cli,
                "s", bare, "python importing reportlab + pikepdf")


# ------------------------------------------------------------------------ dump / load


def bench_exchange(results: Results, agency: Path, work: Path, runs: int) -> None:
    from finsam_desktop.services.maintenance import dump_database, load_database, open_database

    store = open_database(agency, read_only=True)
    try:
        dump_s, text = timed(lambda: dump_database(store), runs)
    finally:
        store.close()
    target = work / "loaded.sqlite"

    def load() -> None:
        target.unlink(missing_ok=True)
        load_database(target, text).close()  # type: ignore[arg-type]

    load_s, _none = timed(load, runs)
    raw = sqlite3.connect(f"file:{agency}?mode=ro", uri=True)
    tables = [r[0] for r in raw.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name")]
    schema = [r[0] for r in raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'")]

    def raw_dump() -> str:
        return json.dumps({t: raw.execute(f"SELECT * FROM [{t}]").fetchall() for t in tables},
                          ensure_ascii=False)

    base_dump, raw_text = timed(raw_dump, runs)
    copy = work / "raw-loaded.sqlite"

    def raw_load() -> None:
        copy.unlink(missing_ok=True)
        conn = sqlite3.connect(copy)
        data = json.loads(raw_text)  # type: ignore[arg-type]
        with conn:
            for statement in schema:
                conn.execute(statement)
            for table, rows in data.items():
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    conn.executemany(f"INSERT INTO [{table}] VALUES ({marks})", rows)
        conn.close()

    base_load, _none = timed(raw_load, runs)
    raw.close()
    mb = len(text.encode()) / 1e6  # type: ignore[union-attr]
    results.add("exchange", f"dump whole 20-year database ({mb:.0f} MB JSON)", dump_s, "s",
                base_dump, "raw sqlite3 SELECT * + json.dumps")
    results.add("exchange", "load it into a new database", load_s, "s", base_load,
                "json.loads + executemany, one transaction")


# ------------------------------------------------------------------------ main


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    import reportlab

    import PySide6

    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "pyside6": PySide6.__version__, "sqlite": sqlite3.sqlite_version,
            "reportlab": reportlab.Version, "os": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in load],
            "date": dt.datetime.now().isoformat(timespec="seconds")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny agency and few runs (seconds; for the test suite)")
    parser.add_argument("--runs", type=int, help="runs per figure (default 7, quick 2)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--workdir", type=Path, help="keep the databases and PDFs here")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 7)
    results = Results()
    info = machine()
    print(f"FINSAM Desktop benchmarks{' (quick)' if args.quick else ''} — {info['cpu']}, "
          f"{info['cores']} cores, Python {info['python']}, PySide6 {info['pyside6']}, "
          f"SQLite {info['sqlite']}; load {info['load_average_at_start']}")
    temp = None
    if args.workdir:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    else:
        temp = tempfile.mkdtemp(prefix="finsam-bench-")
        work = Path(temp)
    started = time.perf_counter()
    try:
        data = build_databases(work, args.quick)
        agency, stress = Path(str(data["agency"])), Path(str(data["stress"]))
        print("\nStart-up")
        bare_rss = bench_startup(results, agency, work, runs)
        print("\nPanels (20-year agency) and memory")
        bench_panels(results, agency, work, 1 if args.quick else 3, 2 if args.quick else 5,
                     bare_rss)
        print("\nSearch")
        search_runs = 3 if args.quick else 21
        bench_search(results, agency, "20 years", search_runs)
        bench_search(results, stress, "100k", search_runs)
        print("\nDecision register at the stress size")
        bench_decisions(results, stress, work, 3 if args.quick else 7)
        print("\nPDF exports (20-year agency)")
        bench_pdfs(results, agency, stress, work, 1 if args.quick else 5)
        print("\nDump and load (20-year agency)")
        bench_exchange(results, agency, work, 1 if args.quick else 3)
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    goals = [r for r in results.rows if r["goal"]]
    missed = [r for r in goals if not r["met"]]
    elapsed = time.perf_counter() - started
    print(f"\n{len(goals) - len(missed)} of {len(goals)} goal figures met"
          + (": not met — " + "; ".join(str(r["name"]) for r in missed) if missed else "")
          + f". Total {elapsed:.0f} s.")
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    document = {"machine": info, "quick": args.quick, "runs": runs,
                "databases": {k: v for k, v in data.items() if k not in ("agency", "stress")},
                "seconds": round(elapsed, 1), "goals": GOALS, "figures": results.rows,
                "benchmark_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                / 1024}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"Results written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
