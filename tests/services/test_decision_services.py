"""Decision register, follow-up, delegation hand-over and Swedish full-text search."""

import contextlib
import dataclasses
import datetime as dt

import pytest

from finsam_desktop.domain.decisions import Delegation, DelegationDecision, FollowUpStatus
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Item, ItemKind, Motion, Outcome
from finsam_desktop.services import decisions, delegation, meetings, minutes, signing
from tests.factories import TODAY, add_members, full_board, new_store
from tests.meeting_factories import held_and_sealed, plan

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def store():
    s = new_store()
    full_board(s, add_members(s))
    return s


def _decision(store, meeting_id, title, position=9):
    item, _ = meetings.add_item(store, Item(0, meeting_id, position, title, ItemKind.DECISION))
    return item


def _minuted(store, day, *entries):
    """A held meeting with decision items (title, decision text)."""
    meeting = plan(store, day)
    for offset, (title, _text) in enumerate(entries):
        meetings.add_item(store, Item(0, meeting.id, 9 + offset, title, ItemKind.DECISION))
    minutes.start_minutes(store, meeting.id)
    for item in meetings.list_items(store, meeting.id):
        text = dict(entries).get(item.title, "Noterat.")
        outcome = Outcome.DECIDED if item.kind is ItemKind.DECISION else Outcome.NOTED
        meetings.update_item(store, dataclasses.replace(item, decision=text, outcome=outcome))
    return meeting


def _find(store, title):
    return next(r for r in decisions.list_decisions(store) if r.title == title)


def test_search_keeps_swedish_letters_apart(store):
    _minuted(
        store,
        DAY,
        ("Far och son", "Styrelsen noterar."),
        ("Ansökan", "Styrelsen får besked senare."),
    )
    assert [h.title for h in decisions.search(store, "far")] == ["Far och son"]
    assert [h.title for h in decisions.search(store, "får")] == ["Ansökan"]
    assert [h.title for h in decisions.search(store, "FÅR")] == ["Ansökan"]


def test_phrases_prefixes_and_all_words(store):
    _minuted(
        store,
        DAY,
        ("Steg till arbete", "Insatsen Steg till arbete beviljas."),
        ("Arbete till steg", "Ordningen är omvänd: arbete till steg."),
    )
    assert {h.title for h in decisions.search(store, '"steg till arbete"')} == {"Steg till arbete"}
    assert len(decisions.search(store, "steg arbete")) == 2
    assert {h.title for h in decisions.search(store, "bevilj*")} == {"Steg till arbete"}
    assert decisions.search(store, "bevilj") == []


def test_search_covers_motions_and_reservations_and_marks_matches(store):
    meeting = _minuted(store, DAY, ("Ärende", "Bifall."))
    item = next(i for i in meetings.list_items(store, meeting.id) if i.title == "Ärende")
    minutes.add_motion(store, Motion(0, meeting.id, item.id, 0, "Avslag på grund av kostnadsläget"))
    hits = decisions.search(store, "kostnadsläget")
    assert [h.title for h in hits] == ["Ärende"]
    assert f"{decisions.MARK_START}kostnadsläget{decisions.MARK_END}" in hits[0].snippet
    assert hits[0].number == meetings.number_of(meetings.get_meeting(store, meeting.id), item)


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "(", "a:b", "NEAR(x y)", "R&D <b>"])
def test_any_typed_query_is_safe(store, query):
    _minuted(store, DAY, ("R och D", "AND or NOT."))
    with contextlib.suppress(ValidationError):  # nothing searchable: a message, not SQL errors
        decisions.search(store, query)


def test_the_index_follows_edits_and_removals(store):
    meeting = plan(store, DAY)
    item = _decision(store, meeting.id, "Gammal rubrik")
    assert decisions.search(store, "gammal")
    meetings.update_item(store, dataclasses.replace(item, title="Ny rubrik"))
    assert not decisions.search(store, "gammal") and decisions.search(store, "rubrik")
    meetings.remove_item(store, item.id)
    assert not decisions.search(store, "rubrik")


def test_the_register_lists_decisions_with_legal_force(store):
    sealed = held_and_sealed(store, DAY, "Beviljat projekt")
    signing.post(store, sealed.id, DAY + dt.timedelta(days=6))
    row = _find(store, "Beviljat projekt")
    assert row.sealed and row.final_from == DAY + dt.timedelta(days=6 + 22)
    assert row.number == meetings.number_of(sealed, meetings.list_items(store, sealed.id)[8])
    assert all(r.outcome in ("decided", "referred_back") for r in decisions.list_decisions(store))
    assert decisions.list_decisions(store, year=2025) == []


def test_follow_up_states_overdue_and_filters(store):
    held_and_sealed(store, DAY, "Projekt A", "Projekt B")
    a, b = _find(store, "Projekt A"), _find(store, "Projekt B")
    decisions.save_followup(
        store,
        dataclasses.replace(
            decisions.get_followup(store, a.item_id),
            responsible="Förbundschefen",
            due_on=TODAY - dt.timedelta(days=1),
            status=FollowUpStatus.IN_PROGRESS,
            category="Insatser",
        ),
    )
    assert _find(store, "Projekt A").overdue and not _find(store, "Projekt B").overdue
    assert [r.title for r in decisions.list_decisions(store, overdue=True)] == ["Projekt A"]
    assert [r.title for r in decisions.list_decisions(store, category="Insatser")] == ["Projekt A"]
    before, _ = decisions.save_followup(
        store,
        dataclasses.replace(
            decisions.get_followup(store, a.item_id), status=FollowUpStatus.CARRIED_OUT
        ),
    )
    assert before.status is FollowUpStatus.IN_PROGRESS
    assert not _find(store, "Projekt A").overdue
    titles = [r.title for r in decisions.list_decisions(store, sort="title", descending=True)]
    assert titles.index("Projekt B") < titles.index("Projekt A")
    assert decisions.get_followup(store, b.item_id).status is FollowUpStatus.NOT_STARTED


def test_follow_ups_stay_editable_after_sealing(store):
    held_and_sealed(store, DAY, "Projekt")
    row = _find(store, "Projekt")
    decisions.save_followup(
        store,
        dataclasses.replace(
            decisions.get_followup(store, row.item_id), status=FollowUpStatus.CARRIED_OUT
        ),
    )
    assert signing.verify_seals(store) == []


def test_report_back_item_lists_carried_out_decisions_once(store):
    held_and_sealed(store, DAY, "Projekt")
    row = _find(store, "Projekt")
    decisions.save_followup(
        store,
        dataclasses.replace(
            decisions.get_followup(store, row.item_id),
            status=FollowUpStatus.CARRIED_OUT,
            responsible="Förbundschefen",
        ),
    )
    upcoming = plan(store, DAY + dt.timedelta(days=60))
    item, _ = decisions.add_report_back_item(store, upcoming.id)
    assert "Projekt" in item.background and "Förbundschefen" in item.background
    assert decisions.get_followup(store, row.item_id).reported_item_id == item.id
    with pytest.raises(ValidationError):
        decisions.add_report_back_item(store, upcoming.id)
    assert _find(store, "Projekt").reported_in == f"agenda item {item.position} ({upcoming.date})"
    minutes.start_minutes(store, upcoming.id)
    number = meetings.number_of(meetings.get_meeting(store, upcoming.id), item)
    assert _find(store, "Projekt").reported_in == f"§ {number} ({upcoming.date})"


def test_delegation_decisions_reach_the_next_agenda_by_themselves(store):
    line, _ = delegation.add_delegation(
        store, Delegation(0, "Förbundschef", "Inköp", amount_limit_ore=5_880_000)
    )
    upcoming = plan(store, DAY + dt.timedelta(days=30))
    logged, _ = delegation.log_decision(
        store,
        DelegationDecision(
            0, line.id, DAY, "Förbundschef", "Inköp av utbildning", "2026/7", 1_200_000
        ),
    )
    item_id = delegation.delegation_item(store, upcoming.id)
    assert logged.reported_item_id == item_id
    report = store.meetings.items.get(item_id)
    assert report.meeting_id == upcoming.id
    assert "Inköp av utbildning" in report.background and "12,000" in report.background
    later = plan(store, DAY + dt.timedelta(days=90))
    assert delegation.delegation_item(store, later.id) != item_id
    delegation.remove_decision(store, logged.id)
    assert "Inköp av utbildning" not in store.meetings.items.get(item_id).background


def test_delegation_limits_and_removal_rules(store):
    line, _ = delegation.add_delegation(
        store, Delegation(0, "Förbundschef", "Avrop", amount_limit_ore=100_00)
    )
    with pytest.raises(ValidationError, match="above"):
        delegation.log_decision(
            store, DelegationDecision(0, line.id, DAY, "FC", "Avrop", amount_ore=200_00)
        )
    delegation.log_decision(
        store, DelegationDecision(0, line.id, DAY, "FC", "Avrop", amount_ore=50_00)
    )
    with pytest.raises(ValidationError, match="ended"):
        delegation.remove_delegation(store, line.id)
    with pytest.raises(ValidationError):
        delegation.add_delegation(store, Delegation(0, "", "x"))


def test_very_common_words_come_newest_first_instead_of_ranked(store, monkeypatch):
    from finsam_desktop.storage import search_repo

    _minuted(store, DAY, ("Budget budget budget", "Budget."), ("Ny budget", "Beslut."),
             ("Annat", "Inget."))
    ranked = [h.title for h in decisions.search(store, "budget")]
    assert ranked[0] == "Budget budget budget" and len(ranked) == 2
    monkeypatch.setattr(search_repo, "RANKED_UP_TO", 1)
    newest = [h.item_id for h in decisions.search(store, "budget")]
    assert newest == sorted(newest, reverse=True) and len(newest) == 2
    assert [h.item_id for h in decisions.search(store, "budget", limit=1)] == newest[:1]
