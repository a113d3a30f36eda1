"""Activities panel exports: the year's catalogue written as PDF or XLSX in a worker (the
renderers come from the reports package), a cancelled dialog starting nothing, and "All
years" not exportable (a catalogue is of one year)."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from finsam_desktop.domain.activities import Activity, Count, Measure
from finsam_desktop.domain.budget import Focus
from finsam_desktop.services import activities, organisation

pytestmark = pytest.mark.gui
YEAR = 2026


def open_panel(ctx, qtbot):  # type: ignore[no-untyped-def]
    from finsam_desktop.ui.panels.activities.panel import ActivitiesPanel

    panel = ActivitiesPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 860)
    with qtbot.waitExposed(panel):
        panel.show()
    return panel


@pytest.mark.parametrize(("suffix", "magic", "module"), [
    (".pdf", b"%PDF", "activities_pdf"), (".xlsx", b"PK", "activities_xlsx")])
def test_the_catalogue_is_written_in_a_worker(full_ctx, qtbot, modals, tmp_path, suffix,
                                              magic, module):
    if importlib.util.find_spec(f"finsam_desktop.reports.{module}") is None:
        pytest.skip(f"reports/{module}.py is not there yet")
    store = full_ctx.require_store()
    by_name = {m.name: m.id for m in organisation.list_members(store)}
    activity = activities.add_activity(store, Activity(
        0, "Steg till arbete", Focus.INDIVIDUAL, lead_member_id=by_name["Aby kommun"],
        start_on=dt.date(2026, 1, 1)), [by_name["Aby kommun"], by_name["Försäkringskassan"]])[0]
    activities.set_counts(store, [Count(activity.id, YEAR, "year", Measure.STARTED_GENDER,
                                        "women", 12)])
    panel = open_panel(full_ctx, qtbot)
    out = tmp_path / "katalog"  # the suffix is added
    modals.paths = [str(out)]
    button = panel.export_pdf_button if suffix == ".pdf" else panel.export_xlsx_button
    button.click()
    assert panel.runner.is_busy() and not button.isEnabled()
    qtbot.waitUntil(lambda: not panel.runner.is_busy(), timeout=60_000)
    assert modals.errors == []
    written = out.with_name("katalog" + suffix)
    assert written.read_bytes()[:len(magic)] == magic
    assert str(written) in panel.busy.label.text() and button.isEnabled()
    modals.paths = [None]
    assert not panel.export(suffix), "cancelled: nothing starts"


def test_all_years_cannot_be_exported_and_an_empty_year_says_why(full_ctx, qtbot, modals,
                                                                  tmp_path):
    store = full_ctx.require_store()
    by_name = {m.name: m.id for m in organisation.list_members(store)}
    activities.add_activity(store, Activity(
        0, "Kompetensdagar", Focus.STRUCTURAL, lead_member_id=by_name["Region Test"],
        start_on=dt.date(2024, 1, 1), end_on=dt.date(2024, 12, 31)),
        [by_name["Region Test"], by_name["Arbetsförmedlingen"]])
    panel = open_panel(full_ctx, qtbot)
    assert panel.year_combo.currentData() == YEAR and panel.model.rowCount() == 0
    assert not panel.export_pdf_button.isEnabled(), "no activity runs in the year"
    panel.show_year(None)
    assert panel.model.rowCount() == 1
    assert not panel.export_pdf_button.isEnabled()
    assert "Choose a year" in panel.export_pdf_button.toolTip()
    assert not panel.export(".pdf")
