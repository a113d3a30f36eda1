"""The benchmark runs end to end at a tiny scale (no timing is asserted), and the history it
builds is data the services accept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from finsam_desktop.domain.activities import summarise
from finsam_desktop.services import activities, annual_report, budget, demo_history
from finsam_desktop.services.maintenance import check_database, create_database

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(300)  # ~25 s on an idle 2-core machine, ~70 s when it is busy
def test_quick_benchmark_prints_every_figure_with_its_baseline(tmp_path):
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick",
                          "--runs", "1", "--out", str(out), "--workdir", str(tmp_path)],
                         capture_output=True, text=True, timeout=280, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    document = json.loads(out.read_text(encoding="utf-8"))
    figures = document["figures"]
    names = [f["name"] for f in figures]
    assert {f["group"] for f in figures} == {"startup", "panels", "memory", "search",
                                             "decisions", "pdf", "exchange"}
    for panel in ("overview", "organisation", "meetings", "decisions", "budget", "activities",
                  "evaluations", "annual"):
        assert f"first paint: {panel}" in names
        assert f"switch to: {panel}" in names
    assert any(n.startswith("search 100k: phrase") for n in names)
    assert any(n.startswith("annual report PDF") for n in names)
    for figure in figures:
        assert figure["value"] > 0, figure
        if figure["baseline_name"]:
            assert figure["baseline"] > 0, figure
            assert figure["baseline_name"] in run.stdout
    assert document["machine"]["cores"] >= 1 and document["machine"]["sqlite"]
    assert "goal figures met" in run.stdout


def test_history_is_data_the_services_read(tmp_path):
    store = create_database(tmp_path / "history.sqlite", "Samordningsförbundet Test")
    try:
        rows = demo_history.build_history_demo(store, demo_history.TINY)
        assert rows["participant_counts"] >= demo_history.TINY.participant_rows * 9 // 10
        assert rows["activities"] == demo_history.TINY.activities
        assert rows["meetings"] == demo_history.TINY.meetings
        years = budget.years(store)
        first = store.today().year - demo_history.TINY.years + 1
        assert years[0] == first and years == list(range(first, years[-1] + 1))
        for year in years[:-2]:  # every closed year has its adopted budget and actuals
            version = budget.current_version(store, year)
            assert version.adopted_item_id is not None
            report = budget.follow_up(store, year)
            assert report.through_month == 12
            assert sum(r.received_ore for r in budget.received(store, year)) > 0
        busy = max(range(first, store.today().year),
                   key=lambda y: len(activities.counts(store, year=y)))
        summary = activities.summary(store, busy)
        assert summary.started > 0 and summary.finished > 0
        assert sum(summary.started_by_gender.values()) == sum(summary.started_by_age.values())
        assert sum(summary.occupation_after.values()) == summary.finished
        totals = summarise(busy, activities.year_totals(store))
        assert totals == summary
        data = annual_report.gather(store, busy)
        assert data.catalogue is not None and len(data.catalogue.entries) > 1
    finally:
        store.close()
    report = check_database(tmp_path / "history.sqlite")
    assert report.healthy, report
