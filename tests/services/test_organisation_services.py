"""Organisation use cases: each returns Changes, writes the audit log, refuses bad input."""

import dataclasses
import json

import pytest

from finsam_desktop.domain.board import SeatRole
from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.errors import NotFoundError, ValidationError
from finsam_desktop.domain.organisation import Agency, Member, MemberKind
from finsam_desktop.services import organisation
from tests.factories import add_members, new_store, seat


def test_adding_a_member_returns_what_changed_and_is_audited():
    store = new_store()
    member, changes = organisation.add_member(
        store, Member(0, " Åsby kommun ", MemberKind.MUNICIPALITY, 250_000, population=100))
    assert member.id > 0 and member.name == "Åsby kommun"
    assert changes.touches("members") and member.id in changes.ids
    entry = store.audit.recent(1)[0]
    assert (entry.action, entry.entity, entry.entity_id) == ("member.added", "members", member.id)
    assert json.loads(entry.after_json)["name"] == "Åsby kommun"
    assert entry.before_json is None and entry.user_name == "test"


def test_updating_a_member_logs_before_and_after():
    store = new_store()
    members = add_members(store)
    before, _ = organisation.update_member(store, dataclasses.replace(members["a"], population=9))
    assert before.population == 30_000
    entry = store.audit.recent(1)[0]
    assert json.loads(entry.before_json)["population"] == 30_000
    assert json.loads(entry.after_json)["population"] == 9


@pytest.mark.parametrize(("member", "message"), [
    (Member(0, "aby KOMMUN", MemberKind.MUNICIPALITY), "already a member"),
    (Member(0, "Försäkringskassan 2", MemberKind.FK), "only be one"),
    (Member(0, "", MemberKind.REGION), "filled in"),
    (Member(0, "X", MemberKind.REGION, org_number="123"), "organisation number"),
])
def test_invalid_members_are_refused_with_a_message(member, message):
    store = new_store()
    add_members(store)
    count = store.audit.count()
    with pytest.raises(ValidationError, match=message):
        organisation.add_member(store, member)
    assert store.audit.count() == count


def test_arbetsformedlingen_share_must_stay_zero():
    store = new_store()
    members = add_members(store)
    with pytest.raises(ValidationError, match="must be 0"):
        organisation.update_member(store, dataclasses.replace(members["af"], share_ppm=10))


def test_a_member_with_seats_cannot_be_removed_but_one_without_can_and_come_back():
    store = new_store()
    members = add_members(store)
    seat(store, members["a"], SeatRole.MEMBER, "Anna")
    with pytest.raises(ValidationError, match="board seats"):
        organisation.remove_member(store, members["a"].id)
    removed, _ = organisation.remove_member(store, members["b"].id)
    with pytest.raises(NotFoundError):
        store.organisation.members.get(removed.id)
    again, _ = organisation.add_member(store, removed)  # undo re-creates the same id
    assert again == removed


def test_shares_that_do_not_add_up_are_reported():
    store = new_store()
    members = add_members(store)
    assert organisation.problems(store) == []
    organisation.update_member(store, dataclasses.replace(members["b"], share_ppm=90_000))
    assert any("municipalities" in p for p in organisation.problems(store))


def test_population_split_sets_exact_shares():
    store = new_store()
    add_members(store)
    before, changes = organisation.apply_population_split(store)
    shares = {m.name: m.share_ppm for m in organisation.list_members(store)}
    assert shares["Aby kommun"] == 150_000 and shares["Bby kommun"] == 100_000
    assert len(before) == 2 and changes.touches("members")


def test_agency_profile_and_charter_are_validated():
    store = new_store()
    with pytest.raises(ValidationError):
        organisation.save_agency(store, Agency(name="  "))
    organisation.save_agency(store, Agency(name="Förbundet & Co <AB>", org_number="2220001891"))
    assert organisation.get_agency(store).org_number == "222000-1891"
    with pytest.raises(ValidationError):
        organisation.save_charter(store, CharterSettings(summons_lead_days=-1))
    before, changes = organisation.save_charter(store, CharterSettings(summons_lead_days=10))
    assert before.summons_lead_days == 7 and changes.touches("settings")
    assert organisation.get_charter(store).summons_lead_days == 10
