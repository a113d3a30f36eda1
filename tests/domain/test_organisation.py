"""Members and statutory shares (Finsamlagen 3 and 5 §§)."""

import dataclasses

import pytest

from finsam_desktop.domain.charter import CharterSettings, validate_charter
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import (
    Member,
    MemberKind,
    membership_problems,
    normalise_org_number,
    organisation_problems,
    share_problems,
    split_by_population,
)

FK = Member(1, "Försäkringskassan", MemberKind.FK, 500_000)
AF = Member(2, "Arbetsförmedlingen", MemberKind.AF, 0)
REGION = Member(3, "Region X", MemberKind.REGION, 250_000)
A = Member(4, "A kommun", MemberKind.MUNICIPALITY, 125_000, population=3)
B = Member(5, "B kommun", MemberKind.MUNICIPALITY, 125_000, population=3)
VALID = [FK, AF, REGION, A, B]


def test_a_complete_agency_has_no_problems():
    assert organisation_problems(CharterSettings(), VALID) == []


def test_each_required_party_must_be_present():
    problems = membership_problems(CharterSettings(), [FK, A])
    assert any("Arbetsförmedlingen" in p for p in problems)
    assert any("region" in p.lower() for p in problems)


def test_municipal_shares_must_add_up_to_the_municipal_quarter():
    short = dataclasses.replace(B, share_ppm=124_999)
    problems = share_problems(CharterSettings(), [FK, AF, REGION, A, short])
    assert len(problems) == 1
    assert "24.9999\u00a0%" in problems[0] and "not 25\u00a0%" in problems[0]


def test_arbetsformedlingen_pays_through_forsakringskassan():
    af = dataclasses.replace(AF, share_ppm=10)
    assert any("Arbetsförmedlingen" in p for p in share_problems(CharterSettings(), [af]))


def test_a_municipality_outside_any_region_carries_the_region_quarter():
    gotland = Member(4, "Region Gotland (kommun)", MemberKind.MUNICIPALITY, 500_000)
    settings = CharterSettings(municipality_outside_region=True)
    assert organisation_problems(settings, [FK, AF, gotland]) == []
    assert organisation_problems(CharterSettings(), [FK, AF, gotland])


def test_configured_party_shares_are_used_not_constants():
    settings = CharterSettings(state_share_ppm=400_000, region_share_ppm=300_000,
                               municipal_share_ppm=300_000)
    assert validate_charter(settings) == []
    assert any("40" in p for p in share_problems(settings, VALID))


def test_population_split_adds_up_exactly():
    members = [FK, AF, REGION, dataclasses.replace(A, population=1),
               dataclasses.replace(B, population=2),
               Member(6, "C kommun", MemberKind.MUNICIPALITY, 0, population=4)]
    shares = split_by_population(CharterSettings(), members)
    assert sum(shares.values()) == 250_000
    assert shares == {4: 35_714, 5: 71_429, 6: 142_857}


def test_population_split_needs_every_population():
    with pytest.raises(ValidationError, match="B kommun"):
        split_by_population(CharterSettings(), [A, dataclasses.replace(B, population=None)])


def test_organisation_numbers_are_checked_with_luhn():
    assert normalise_org_number("2220001891") == "222000-1891"
    assert normalise_org_number("") == ""
    with pytest.raises(ValidationError):
        normalise_org_number("222000-1892")


def test_charter_settings_survive_text_storage_and_reject_bad_values():
    settings = CharterSettings(summons_lead_days=5, municipality_outside_region=True)
    assert CharterSettings.from_texts(settings.to_texts()) == settings
    assert validate_charter(CharterSettings(term_start="13-01"))
    assert validate_charter(CharterSettings(signing_deadline_days=0))
    assert validate_charter(CharterSettings(state_share_ppm=600_000))


def test_the_current_term_starts_the_year_after_an_election():
    import datetime as dt

    from finsam_desktop.domain.charter import current_term_start

    settings = CharterSettings()
    assert current_term_start(settings, dt.date(2026, 11, 22)) == dt.date(2023, 4, 1)
    assert current_term_start(settings, dt.date(2027, 4, 1)) == dt.date(2027, 4, 1)
    assert current_term_start(settings, dt.date(2027, 3, 31)) == dt.date(2023, 4, 1)
    january = CharterSettings(term_start="01-01")
    assert current_term_start(january, dt.date(2024, 6, 1)) == dt.date(2023, 1, 1)
    yearly = CharterSettings(term_start="01-01", term_length_years=1)
    assert current_term_start(yearly, dt.date(2026, 3, 1)) == dt.date(2026, 1, 1)
