"""Signing & notice: signers, signatures, seal problems, sealing (irreversible: asked first,
undo history cleared), the read-only minutes afterwards, posting and its appeal dates, PDF
exports in a worker thread, corrections, and the live language switch."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from finsam_desktop.domain.meetings import ItemKind, MeetingStatus, Outcome
from finsam_desktop.services import meetings, signing
from finsam_desktop.ui import translation
from tests.ui.meeting_steps import activate, ok, plan_meeting, set_outcome, start_minutes

pytestmark = pytest.mark.gui


def _decide_everything(panel) -> None:
    """Record an outcome on every paragraph through the editor (Ctrl+Down between them)."""
    tab = panel.minutes_tab
    tab.view.selectRow(0)
    for _row in range(tab.model.rowCount()):
        item = tab.current_item()
        set_outcome(panel, Outcome.DECIDED if item.kind is ItemKind.DECISION else Outcome.NOTED)
        tab.step(+1)


def _choose_signers(panel) -> None:
    box = panel.signing_tab.signers
    box.secretary.setCurrentIndex(box.secretary.findText("Karin Chef"))
    box.adjuster1.setCurrentIndex(box.adjuster1.findText("Ledamot Region Test"))
    box.save_button.click()
    assert not box.error.isVisible(), box.error.text()


def _sign_all(panel, day: str = "2026-11-27") -> None:
    box = panel.signing_tab.signers
    for signer_id in list(box.date_fields):
        field = panel.signing_tab.signers.date_fields[signer_id]
        field.setText(day)
        field.editingFinished.emit()


@pytest.fixture
def held(meetings_panel, modals, full_ctx):
    plan_meeting(meetings_panel)
    start_minutes(meetings_panel, modals)
    activate(meetings_panel)
    full_ctx.store.clock = _clock("2026-11-28")
    meetings_panel.show_tab("minutes")
    _decide_everything(meetings_panel)
    meetings_panel.show_tab("signing")
    return meetings_panel


def _clock(day: str):
    import datetime as dt

    from tests.factories import fixed_clock

    return fixed_clock(dt.date.fromisoformat(day))


def test_sign_and_seal_then_read_only(held, full_ctx, modals):
    tab = held.signing_tab
    assert "Choose the secretary" in " ".join(tab.problems.messages())
    assert tab.signers.chair.currentText() == "Ledamot Försäkringskassan"  # the board's chair
    _choose_signers(held)
    assert [s.name for s in signing.list_signers(full_ctx.store, held.current_meeting().id)
            ] == ["Karin Chef", "Ledamot Försäkringskassan", "Ledamot Region Test"]
    assert any("has not signed" in m for m in tab.problems.messages())
    assert not tab.seal_button.isEnabled()
    _sign_all(held)
    assert tab.problems.messages() == [] and tab.seal_button.isEnabled()
    modals.answers.append(False)
    tab.seal_button.click()
    assert "cannot be undone" in modals.questions[-1]
    assert not meetings.is_sealed(full_ctx.store, held.current_meeting().id)
    assert full_ctx.undo_stack.count() > 0
    modals.answers.append(True)
    tab.seal_button.click()
    assert meetings.is_sealed(full_ctx.store, held.current_meeting().id)
    assert full_ctx.undo_stack.count() == 0
    from finsam_desktop.services import backups  # a verified backup was made before sealing

    assert [b.reason for b in backups.list_backups(full_ctx.store.path)] == ["before-seal"]
    seal = signing.get_seal(full_ctx.store, held.current_meeting().id)
    assert seal.chain_hash[:16] in tab.seal_info.text()
    assert "Signed" in held.header.text()
    # The minutes are read-only now, with a banner; typing says why.
    held.show_tab("minutes")
    activate(held)
    editor = held.minutes_tab.editor
    assert editor.banner.isVisible() and "sealed" in editor.banner.text()
    assert editor.decision.isReadOnly() and not editor.outcome.isEnabled()
    before = editor.decision.toPlainText()
    editor.decision.setFocus()
    QTest.keyClick(editor.decision, Qt.Key.Key_X)
    assert editor.decision.toPlainText() == before
    assert modals.infos and "can no longer be changed" in modals.infos[-1]
    QTest.keyClick(editor.decision, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert editor.motions.dialog is None  # no motion dialog on sealed minutes
    assert not held.agenda_tab.add_button.isEnabled()


def test_post_shows_the_appeal_dates(held, full_ctx, modals):
    _choose_signers(held)
    _sign_all(held)
    modals.answers.append(True)
    held.signing_tab.seal_button.click()
    tab = held.signing_tab
    assert tab.post_box.isEnabled()
    tab.posted_on.setText("2026-11-26")
    tab.post_button.click()
    assert "signed" in tab.post_error.text()  # before the signatures: refused
    tab.posted_on.setText("2026-11-28")
    tab.post_button.click()
    assert not tab.post_error.isVisible()
    info = signing.posting_info(full_ctx.store, held.current_meeting().id)
    assert tab.post_values[1].text() == info.last_appeal_day.isoformat() == "2026-12-19"
    assert tab.post_values[2].text() == "2026-12-20"
    assert held.meeting_list.model.rows()[0].status is MeetingStatus.POSTED


def test_export_runs_in_a_worker_and_the_window_stays_responsive(held, modals, monkeypatch,
                                                                 tmp_path, qtbot):
    from finsam_desktop.reports import minutes_pdf

    release = threading.Event()
    threads: list[str] = []

    def slow_render(data, out: Path, *, variant: str = "signed") -> Path:
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        out.write_bytes(b"%PDF-1.4 stub " + variant.encode())
        return out

    monkeypatch.setattr(minutes_pdf, "render_minutes", slow_render)
    tab = held.signing_tab
    modals.paths.append(str(tmp_path / "protokoll"))
    tab.web_button.click()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] != threading.main_thread().name
    assert tab.busy.bar.isVisible() and not tab.minutes_button.isEnabled()
    held.show_tab("minutes")  # the window keeps working while the PDF is written
    assert held.tabs.currentWidget() is held.minutes_tab
    release.set()
    qtbot.waitUntil(lambda: "Saved" in tab.busy.label.text())
    out = tmp_path / "protokoll.pdf"
    assert out.read_bytes() == b"%PDF-1.4 stub web"
    assert str(out) in tab.busy.label.text() and not tab.busy.bar.isVisible()
    assert str(tmp_path / "protokoll.html") in tab.busy.label.text()  # the HTML beside it
    assert tab.minutes_button.isEnabled() and modals.errors == []


def test_export_failure_is_shown(held, modals, monkeypatch, tmp_path, qtbot):
    from finsam_desktop.reports import minutes_pdf

    def broken(data, number, out, *, certifier=""):
        raise ValueError("no font")

    monkeypatch.setattr(minutes_pdf, "render_extract", broken)
    tab = held.signing_tab
    tab.extract_number.setCurrentIndex(3)
    modals.paths.append(str(tmp_path / "utdrag.pdf"))
    tab.extract_button.click()
    qtbot.waitUntil(lambda: bool(modals.errors))
    assert "no font" in modals.errors[-1]
    qtbot.waitUntil(tab.extract_button.isEnabled)


def test_real_summons_and_minutes_pdfs(held, modals, tmp_path, qtbot):
    pytest.importorskip("reportlab")
    modals.paths.append(str(tmp_path / "kallelse.pdf"))
    held.agenda_tab.export_button.click()
    qtbot.waitUntil(lambda: "Saved" in held.agenda_tab.busy.label.text(), timeout=20_000)
    modals.paths.append(str(tmp_path / "protokoll.pdf"))
    held.signing_tab.minutes_button.click()
    qtbot.waitUntil(lambda: "Saved" in held.signing_tab.busy.label.text(), timeout=20_000)
    assert modals.errors == []
    for name in ("kallelse.pdf", "protokoll.pdf"):
        assert (tmp_path / name).read_bytes()[:5] == b"%PDF-"


def test_correction_of_a_sealed_paragraph(held, full_ctx, modals):
    _choose_signers(held)
    _sign_all(held)
    modals.answers.append(True)
    held.signing_tab.seal_button.click()
    first = held.current_meeting()
    plan_meeting(held, "2026-12-10")
    start_minutes(held, modals)
    assert held.current_meeting().id != first.id
    dialog = held.signing_tab.open_correction_dialog()
    assert dialog.meeting.count() == 1
    dialog.paragraph.setCurrentIndex(3)
    dialog.text.setPlainText("Rätt datum är den 25 november.")
    ok(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    items = meetings.list_items(full_ctx.store, held.current_meeting().id)
    assert items[-1].title == "Correction of § 4 (2026-11-25)"
    assert items[-1].background == "Rätt datum är den 25 november."
    full_ctx.undo_stack.undo()
    assert len(meetings.list_items(full_ctx.store, held.current_meeting().id)) == \
        len(items) - 1


def test_language_switch_retranslates_the_tabs(meetings_panel):
    titles = [meetings_panel.tabs.tabText(i) for i in range(4)]
    assert titles == ["Summons && agenda", "Attendance", "Minutes", "Signing && notice"]
    translation.set_language("sv")
    assert [meetings_panel.tabs.tabText(i) for i in range(4)] == [
        "Kallelse och dagordning", "Närvaro", "Sammanträdesprotokoll",
        "Justering och anslag"]
    assert meetings_panel.meeting_list.plan_button.text() == "Planera sammanträde…"
    translation.set_language("en")
    assert meetings_panel.tabs.tabText(2) == "Minutes"
