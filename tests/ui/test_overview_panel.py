"""Overview panel: profile, members with board counts, chair, staff and things to fix;
it refreshes when a service change is announced."""

from __future__ import annotations

import dataclasses

import pytest

from finsam_desktop.services import organisation
from finsam_desktop.ui import undo
from finsam_desktop.ui.panels.overview.panel import OverviewPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def overview(full_ctx, qtbot):
    panel = OverviewPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_overview_shows_the_agency(overview):
    assert overview.name_label.text() == "Samordningsförbundet Test"
    assert "222000-0018" in overview.facts_label.text()
    model = overview.member_view.model()
    assert model.rowCount() == 5
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["Försäkringskassan", "Försäkringskassan", "State", "50\u00a0%", "1", "1"]
    assert "Chair: Ledamot Försäkringskassan" in overview.board_label.text()
    assert overview.staff_view.model().index(0, 0).data() == "Karin Chef"
    assert overview.problems.messages() == []


def test_overview_lists_things_to_fix_after_a_change(overview, full_ctx):
    aby = next(m for m in organisation.list_members(full_ctx.store) if m.name == "Aby kommun")
    undo.run(full_ctx, undo.UpdateMember(full_ctx, dataclasses.replace(aby, share_ppm=50_000)))
    assert any("15" in m and "25" in m for m in overview.problems.messages())
    assert overview.member_view.model().index(3, 3).data() == "5\u00a0%"


def test_model_passes_qt_model_tester(overview, qtmodeltester):
    qtmodeltester.check(overview.member_view.model())
    qtmodeltester.check(overview.staff_view.model())
