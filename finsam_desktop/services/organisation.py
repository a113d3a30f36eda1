"""Agency profile, charter settings and member organisations (use cases).

Each write validates, runs in one transaction with its audit entry, and returns `Changes`.
Adders accept an object with id 0 (new) or a known id (undo of a removal re-creates the
same record), so the UI's undo stack can move back and forth without losing identity.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.charter import CharterSettings, require_valid
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import (
    Agency,
    Member,
    MemberKind,
    normalise_org_number,
    organisation_problems,
    split_by_population,
)
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import _
from finsam_desktop.storage.store import Store

AGENCY = Changes.of("agency")
SETTINGS = Changes.of("settings")


def get_agency(store: Store) -> Agency:
    """The agency profile."""
    return store.organisation.agency()


def get_charter(store: Store) -> CharterSettings:
    """The charter settings (defaults where never set)."""
    return store.organisation.charter()


def list_members(store: Store) -> list[Member]:
    """All members, state first, then regions, then municipalities."""
    return store.organisation.members.all()


def current_members(store: Store, day: dt.date | None = None) -> list[Member]:
    """Members on `day` (default today)."""
    on = day or store.today()
    return [m for m in list_members(store) if m.is_member_on(on)]


def problems(store: Store) -> list[str]:
    """Missing parties and shares that do not add up, for the members of today."""
    return organisation_problems(get_charter(store), current_members(store))


def _clean_agency(agency: Agency) -> Agency:
    return Agency(
        name=check_text(agency.name, field=_("Name"), required=True, max_length=200),
        org_number=normalise_org_number(agency.org_number),
        seat=check_text(agency.seat, field=_("Seat"), max_length=200),
        notice_place=check_text(agency.notice_place, field=_("Notice board"), max_length=500),
        minutes_kept_at=check_text(agency.minutes_kept_at, field=_("Minutes kept at"),
                                   max_length=500),
    )


def save_agency(store: Store, agency: Agency) -> tuple[Agency, Changes]:
    """Replace the agency profile; returns the profile as it was before."""
    clean = _clean_agency(agency)
    with store.user_action():
        before = store.organisation.agency()
        store.organisation.save_agency(clean)
        store.audit.log("agency.updated", "agency", 1, before=before, after=clean)
    return before, AGENCY


def create_agency(store: Store, agency: Agency) -> Changes:
    """Write the profile and default charter of a new, empty database."""
    clean = _clean_agency(agency)
    with store.user_action():
        store.organisation.save_agency(clean)
        store.organisation.save_charter(CharterSettings())
        store.audit.log("agency.created", "agency", 1, after=clean)
    return AGENCY | SETTINGS


def save_charter(store: Store, settings: CharterSettings) -> tuple[CharterSettings, Changes]:
    """Replace the charter settings; returns the settings as they were before."""
    clean = require_valid(dataclasses.replace(
        settings, split_key_note=check_text(settings.split_key_note, field=_("Split key"),
                                            max_length=1000)))
    with store.user_action():
        before = store.organisation.charter()
        store.organisation.save_charter(clean)
        store.audit.log("settings.updated", "settings", None, before=before, after=clean)
    return before, SETTINGS


def _clean_member(store: Store, member: Member) -> Member:
    name = check_text(member.name, field=_("Name"), required=True, max_length=200)
    others = [m for m in list_members(store) if m.id != member.id]
    if any(m.name.casefold() == name.casefold() for m in others):
        raise ValidationError(_("There is already a member called “{name}”.").format(name=name))
    if member.kind in (MemberKind.FK, MemberKind.AF) and any(m.kind is member.kind for m in others):
        raise ValidationError(_("{name}: there can only be one such member.").format(name=name))
    if member.kind is MemberKind.AF and member.share_ppm:
        raise ValidationError(
            _("Arbetsförmedlingen's share is paid by Försäkringskassan and must be 0 %."))
    if not 0 <= member.share_ppm <= 1_000_000:
        raise ValidationError(_("A share must be between 0 and 100 %."))
    if member.population is not None and not 0 <= member.population <= 20_000_000:
        raise ValidationError(_("The population must be between 0 and 20 000 000."))
    for day in (member.joined_on, member.left_on):
        if day is not None:
            check_date(day)
    if member.joined_on and member.left_on and member.left_on < member.joined_on:
        raise ValidationError(_("A member cannot leave before it joined."))
    return dataclasses.replace(member, name=name,
                               org_number=normalise_org_number(member.org_number))


def add_member(store: Store, member: Member) -> tuple[Member, Changes]:
    """Add a member organisation (id 0 = new id; a known id re-creates a removed one)."""
    clean = _clean_member(store, member)
    with store.user_action():
        new_id = store.organisation.members.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("member.added", "members", new_id, after=added)
    return added, Changes.of("members", ids=[new_id])


def update_member(store: Store, member: Member) -> tuple[Member, Changes]:
    """Change a member; returns the member as it was before."""
    clean = _clean_member(store, member)
    with store.user_action():
        before = store.organisation.members.get(member.id)
        store.organisation.members.update(clean)
        store.audit.log("member.updated", "members", member.id, before=before, after=clean)
    return before, Changes.of("members", ids=[member.id])


def remove_member(store: Store, member_id: int) -> tuple[Member, Changes]:
    """Remove a member with no board seats; returns the removed member (for undo)."""
    with store.user_action():
        before = store.organisation.members.get(member_id)
        if store.organisation.seat_count(member_id):
            raise ValidationError(_(
                "{name} has board seats and cannot be removed; set the date it left instead."
            ).format(name=before.name))
        store.organisation.members.delete(member_id)
        store.audit.log("member.removed", "members", member_id, before=before)
    return before, Changes.of("members", ids=[member_id])


def apply_population_split(store: Store) -> tuple[list[Member], Changes]:
    """Set the municipalities' shares from their populations; returns the members before."""
    members = current_members(store)
    shares = split_by_population(get_charter(store), members)
    before = [m for m in members if m.id in shares]
    with store.user_action():
        for member in before:
            after = dataclasses.replace(member, share_ppm=shares[member.id])
            store.organisation.members.update(after)
            store.audit.log("member.updated", "members", member.id, before=member, after=after)
    return before, Changes.of("members", ids=list(shares))
