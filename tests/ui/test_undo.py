"""Undo commands: push → undo → redo restores the database (checked through services) and
every step emits Changes; re-created records keep their ids."""

from __future__ import annotations

import dataclasses

import pytest

from finsam_desktop.domain.board import SeatRole
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import Agency, Member, MemberKind
from finsam_desktop.services import board, organisation
from finsam_desktop.ui import undo

pytestmark = pytest.mark.gui


def _ids(members: list[Member]) -> list[int]:
    return [m.id for m in members]


def test_add_member_undo_redo_keeps_id(ctx, qtbot):
    command = undo.AddMember(ctx, Member(0, "Lindesbergs kommun", MemberKind.MUNICIPALITY))
    with qtbot.waitSignal(ctx.events.changed):
        undo.run(ctx, command)
    added = organisation.list_members(ctx.store)
    assert [m.name for m in added] == ["Lindesbergs kommun"]
    with qtbot.waitSignal(ctx.events.changed):
        ctx.undo_stack.undo()
    assert organisation.list_members(ctx.store) == []
    ctx.undo_stack.redo()
    assert _ids(organisation.list_members(ctx.store)) == _ids(added)


def test_refused_command_is_not_pushed(ctx):
    with pytest.raises(ValidationError):
        undo.run(ctx, undo.AddMember(ctx, Member(0, "", MemberKind.REGION)))
    assert ctx.undo_stack.count() == 0


def test_remove_member_undo_recreates_the_same_record(full_ctx):
    store = full_ctx.store
    lonely = organisation.add_member(store, Member(0, "Cby kommun", MemberKind.MUNICIPALITY))[0]
    undo.run(full_ctx, undo.RemoveMember(full_ctx, lonely.id))
    assert lonely.id not in _ids(organisation.list_members(store))
    full_ctx.undo_stack.undo()
    assert lonely in organisation.list_members(store)
    assert "Cby kommun" in full_ctx.undo_stack.text(0)


def test_seat_remove_undo_and_redo(full_ctx):
    store = full_ctx.store
    seats_before = board.list_seats(store)
    deputy = next(s for s in seats_before if s.role is SeatRole.DEPUTY)
    undo.run(full_ctx, undo.RemoveSeat(full_ctx, deputy.id, allow_incomplete=True))
    assert deputy not in board.list_seats(store)
    full_ctx.undo_stack.undo()
    assert board.list_seats(store) == seats_before
    full_ctx.undo_stack.redo()  # redo needs no second confirmation
    assert deputy not in board.list_seats(store)


def test_update_agency_and_charter_undo(ctx):
    before = organisation.get_agency(ctx.store)
    after = dataclasses.replace(before, seat="Lindesberg")
    undo.run(ctx, undo.SaveAgency(ctx, after, text="profile"))
    charter = organisation.get_charter(ctx.store)
    undo.run(ctx, undo.SaveCharter(ctx, dataclasses.replace(charter, appeal_period_days=30),
                                   text="charter"))
    assert organisation.get_charter(ctx.store).appeal_period_days == 30
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert organisation.get_agency(ctx.store) == before
    assert organisation.get_charter(ctx.store) == charter
    ctx.undo_stack.redo()
    assert organisation.get_agency(ctx.store) == Agency(**{**dataclasses.asdict(after)})


def test_failed_undo_is_reported_not_raised(full_ctx, modals):
    store = full_ctx.store
    member = organisation.add_member(store, Member(0, "Cby kommun", MemberKind.MUNICIPALITY))[0]
    renamed = dataclasses.replace(member, name="Cby")
    undo.run(full_ctx, undo.UpdateMember(full_ctx, renamed))
    organisation.remove_member(store, member.id)  # someone else removed it meanwhile
    full_ctx.undo_stack.undo()
    assert modals.errors
