"""The agency and its member organisations, with the statutory party shares.

Under Finsamlagen 5 § the state pays half (Försäkringskassan, also for Arbetsförmedlingen),
the region(s) a quarter and the municipalities a quarter, split between them by agreement.
The shares used here come from `CharterSettings`, so they are data, not constants.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.domain.allocation import largest_remainder
from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import N_, _


class MemberKind(StrEnum):
    """The four kinds of member organisation named in Finsamlagen 3 §."""

    FK = "forsakringskassan"
    AF = "arbetsformedlingen"
    REGION = "region"
    MUNICIPALITY = "municipality"


class Party(StrEnum):
    """The three financing parties: the state (FK + AF), the regions, the municipalities."""

    STATE = "state"
    REGION = "region"
    MUNICIPAL = "municipal"


PARTY_OF: dict[MemberKind, Party] = {
    MemberKind.FK: Party.STATE,
    MemberKind.AF: Party.STATE,
    MemberKind.REGION: Party.REGION,
    MemberKind.MUNICIPALITY: Party.MUNICIPAL,
}
KIND_LABELS = {
    MemberKind.FK: N_("Försäkringskassan"),
    MemberKind.AF: N_("Arbetsförmedlingen"),
    MemberKind.REGION: N_("Region"),
    MemberKind.MUNICIPALITY: N_("Municipality"),
}
PARTY_LABELS = {
    Party.STATE: N_("State"),
    Party.REGION: N_("Region"),
    Party.MUNICIPAL: N_("Municipalities"),
}
# Members whose representatives are employees (tjänstepersoner); the others send politicians.
EMPLOYEE_KINDS = frozenset({MemberKind.FK, MemberKind.AF})


@dataclass(frozen=True, slots=True)
class Agency:
    """The coordination agency's profile (förbundets uppgifter)."""

    name: str
    org_number: str = ""
    seat: str = ""  # säte
    notice_place: str = ""  # anslagsplats, e.g. the URL of the digital notice board
    minutes_kept_at: str = ""  # förvaringsplats för protokoll


@dataclass(frozen=True, slots=True)
class Member:
    """A member organisation (förbundsmedlem) and its share of the total contribution."""

    id: int
    name: str
    kind: MemberKind
    share_ppm: int = 0  # parts per million of the total contribution
    population: int | None = None  # for the population split key
    org_number: str = ""
    joined_on: dt.date | None = None
    left_on: dt.date | None = None

    @property
    def party(self) -> Party:
        """The financing party this member belongs to."""
        return PARTY_OF[self.kind]

    def is_member_on(self, day: dt.date) -> bool:
        """True if the organisation is a member on `day`."""
        started = self.joined_on is None or self.joined_on <= day
        return started and (self.left_on is None or day <= self.left_on)


_ORG_NUMBER = re.compile(r"^(\d{6})-?(\d{4})$")


def normalise_org_number(text: str) -> str:
    """Return "NNNNNN-NNNN" for a valid Swedish organisation number ('' stays ''), else raise."""
    value = text.strip()
    if not value:
        return ""
    match = _ORG_NUMBER.match(value)
    if not match or not _luhn_ok(match.group(1) + match.group(2)):
        raise ValidationError(
            _("“{text}” is not a valid organisation number (NNNNNN-NNNN).").format(text=text)
        )
    return f"{match.group(1)}-{match.group(2)}"


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def party_targets(settings: CharterSettings, members: list[Member]) -> dict[Party, int]:
    """The ppm each party must carry; without a region the municipalities carry its quarter."""
    has_region = any(m.kind is MemberKind.REGION for m in members)
    targets = {
        Party.STATE: settings.state_share_ppm,
        Party.REGION: settings.region_share_ppm,
        Party.MUNICIPAL: settings.municipal_share_ppm,
    }
    if settings.municipality_outside_region and not has_region:
        targets[Party.MUNICIPAL] += targets[Party.REGION]
        targets[Party.REGION] = 0
    return targets


def membership_problems(settings: CharterSettings, members: list[Member]) -> list[str]:
    """Missing or duplicated parties (Finsamlagen 3 §), as user messages."""
    kinds = [m.kind for m in members]
    problems = []
    for kind in (MemberKind.FK, MemberKind.AF):
        if kinds.count(kind) == 0:
            problems.append(_("{kind} must be a member.").format(kind=_(KIND_LABELS[kind])))
        elif kinds.count(kind) > 1:
            problems.append(
                _("{kind} can only be a member once.").format(kind=_(KIND_LABELS[kind]))
            )
    if MemberKind.REGION not in kinds and not settings.municipality_outside_region:
        problems.append(_("At least one region must be a member."))
    if MemberKind.MUNICIPALITY not in kinds:
        problems.append(_("At least one municipality must be a member."))
    return problems


def share_problems(settings: CharterSettings, members: list[Member]) -> list[str]:
    """Shares that do not add up to the statutory party shares, as user messages."""
    from finsam_desktop.formatting import format_share

    problems = []
    targets = party_targets(settings, members)
    for member in members:
        if member.kind is MemberKind.AF and member.share_ppm != 0:
            problems.append(
                _("Arbetsförmedlingen's share is paid by Försäkringskassan and must be 0 %.")
            )
    for party, target in targets.items():
        payers = [m for m in members if m.party is party and m.kind is not MemberKind.AF]
        if not payers:
            continue
        total = sum(m.share_ppm for m in payers)
        if total != target:
            problems.append(
                _("The {party} shares add up to {actual}, not {target}.").format(
                    party=_(PARTY_LABELS[party]).lower(),
                    actual=format_share(total),
                    target=format_share(target),
                )
            )
    return problems


def organisation_problems(settings: CharterSettings, members: list[Member]) -> list[str]:
    """All membership and share problems of the members active today."""
    return membership_problems(settings, members) + share_problems(settings, members)


def split_by_population(settings: CharterSettings, members: list[Member]) -> dict[int, int]:
    """New ppm shares for the municipalities in proportion to population (largest remainder)."""
    municipalities = [m for m in members if m.kind is MemberKind.MUNICIPALITY]
    missing = [m.name for m in municipalities if not m.population]
    if missing:
        raise ValidationError(
            _("Enter the population of: {names}.").format(names=", ".join(missing))
        )
    target = party_targets(settings, members)[Party.MUNICIPAL]
    parts = largest_remainder(target, [m.population or 0 for m in municipalities])
    return {m.id: part for m, part in zip(municipalities, parts, strict=True)}
