"""Charter (förbundsordning) settings: local or unconfirmed rules, declared once with defaults.

DOMAIN.md marks these as local or unconfirmed, so they are data in the database, never
constants in code. Each option has one declaration here (key, type, default, limits); the
storage keeps them as text in the `settings` table, the UI builds its form from this list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import N_, _


class Numbering(StrEnum):
    """How § numbers run: on through the calendar year, restarting per meeting, or per term."""

    YEAR = "year"
    MEETING = "meeting"
    TERM = "term"


class SplitKey(StrEnum):
    """How the municipal quarter is split between municipalities."""

    POPULATION = "population"
    AGREED = "agreed"


NUMBERING_LABELS = {
    Numbering.YEAR: N_("Continuous per calendar year"),
    Numbering.MEETING: N_("Restart at each meeting"),
    Numbering.TERM: N_("Continuous per term of office"),
}
SPLIT_KEY_LABELS = {
    SplitKey.POPULATION: N_("By population"),
    SplitKey.AGREED: N_("Agreed percentages"),
}


@dataclass(frozen=True, slots=True)
class CharterSettings:
    """The agency's charter parameters (defaults = FINSAM law and common practice)."""

    paragraph_numbering: Numbering = Numbering.YEAR
    signing_deadline_days: int = 14
    summons_lead_days: int = 7
    notice_lag_days: int = 2
    appeal_period_days: int = 21
    term_start: str = "04-01"  # MM-DD, the year after the general election
    term_length_years: int = 4
    equity_threshold_percent: int = 20  # of the year's contributions (Nationella rådet 2013)
    municipal_split_key: SplitKey = SplitKey.POPULATION
    split_key_note: str = ""
    municipality_outside_region: bool = False  # Gotland: no region member
    state_share_ppm: int = 500_000
    region_share_ppm: int = 250_000
    municipal_share_ppm: int = 250_000
    qualified_majority: str = ""  # "budget=2/3; verksamhetsplan=2/3" (matter type = fraction)
    age_bands: str = "16-19, 20-29, 30-39, 40-49, 50-64"  # participant statistics
    small_count_threshold: int = 5  # counts below it are suppressed in printed outputs
    precise_directions: str = ""  # suggestions for "preciserad inriktning", separated by ;
    contribution_months: str = ""  # months the contributions fall due, e.g. "1, 7" ("": evenly)
    # The governance year (DOMAIN.md 1.7, 1.8, 8.8: local or unconfirmed, so settings):
    budget_adopted_by: str = "11-30"  # MM-DD: next year's budget adopted by the board
    interim_report_dates: str = ""  # MM-DD, …: interim reports due ("": none required)
    audit_report_by: str = "04-30"  # MM-DD of the year after: the auditors' report expected
    discharge_by: str = "06-30"  # MM-DD of the year after: the members decide on discharge

    def to_texts(self) -> dict[str, str]:
        """Every option as text, for the key/value settings table."""
        return {f.name: _to_text(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_texts(cls, texts: dict[str, str]) -> CharterSettings:
        """Build settings from stored text; unknown keys are ignored, missing ones default."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in texts:
                values[f.name] = _from_text(type(getattr(defaults, f.name)), texts[f.name])
        return cls(**values)


# (min, max) for integer options; a value outside is refused with a message.
INT_LIMITS: dict[str, tuple[int, int]] = {
    "signing_deadline_days": (1, 90),
    "summons_lead_days": (0, 60),
    "notice_lag_days": (0, 30),
    "appeal_period_days": (1, 90),
    "term_length_years": (1, 4),
    "equity_threshold_percent": (0, 100),
    "state_share_ppm": (0, 1_000_000),
    "region_share_ppm": (0, 1_000_000),
    "municipal_share_ppm": (0, 1_000_000),
    "small_count_threshold": (1, 20),
}

OPTION_LABELS: dict[str, str] = {
    "paragraph_numbering": N_("Paragraph numbering"),
    "signing_deadline_days": N_("Signing deadline (days after meeting)"),
    "summons_lead_days": N_("Summons lead time (days before meeting)"),
    "notice_lag_days": N_("Notice posted within (days after signing)"),
    "appeal_period_days": N_("Appeal period (days after posting)"),
    "term_start": N_("Term of office starts (MM-DD)"),
    "term_length_years": N_("Term of office (years)"),
    "equity_threshold_percent": N_("Equity threshold (% of contributions)"),
    "municipal_split_key": N_("Split of the municipal share"),
    "split_key_note": N_("Split key as written in the charter"),
    "municipality_outside_region": N_("Municipality outside any region (Gotland)"),
    "state_share_ppm": N_("State share (Försäkringskassan)"),
    "region_share_ppm": N_("Region share"),
    "municipal_share_ppm": N_("Municipal share"),
    "qualified_majority": N_("Qualified majority (matter type = fraction; …)"),
    "age_bands": N_("Age bands for participants (e.g. 16-19, 20-29)"),
    "small_count_threshold": N_("Suppress participant counts below (in print)"),
    "precise_directions": N_("Precise directions of activities (separated by ;)"),
    "contribution_months": N_("Contributions fall due in months (e.g. 1, 7; empty: evenly)"),
    "budget_adopted_by": N_("Next year's budget adopted by (MM-DD)"),
    "interim_report_dates": N_("Interim reports due (MM-DD, e.g. 04-30, 08-31; empty: none)"),
    "audit_report_by": N_("Audit report expected by (MM-DD, the year after)"),
    "discharge_by": N_("Members decide on discharge by (MM-DD, the year after)"),
}
# Days of the year (MM-DD) the governance year is built from.
MONTH_DAY_OPTIONS = ("budget_adopted_by", "audit_report_by", "discharge_by")


def parse_months(text: str) -> tuple[int, ...]:
    """"1, 7" → (1, 7): the months the members' contributions fall due, in equal parts
    (empty: spread evenly over the year). Raises ValidationError on anything else."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    if not all(p.isdigit() and 1 <= int(p) <= 12 for p in parts):
        raise ValidationError(_("Write the months the contributions fall due as numbers 1–12 "
                                "separated by commas, e.g. 1, 7."))
    return tuple(sorted({int(p) for p in parts}))


def parse_month_days(text: str) -> tuple[str, ...]:
    """"04-30, 08-31" → ("04-30", "08-31"): days of the year (interim reports). Raises
    ValidationError on anything that is not a list of MM-DD days."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    if not all(_valid_month_day(p) for p in parts):
        raise ValidationError(_("Write the interim report days as MM-DD separated by commas, "
                                "e.g. 04-30, 08-31."))
    return tuple(sorted(set(parts)))


def day_in(year: int, month_day: str) -> dt.date:
    """The day `month_day` (MM-DD) in `year`; 02-29 falls on 02-28 in other years."""
    month, day = (int(part) for part in month_day.split("-"))
    if (month, day) == (2, 29):
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def _to_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _from_text(kind: type, text: str) -> Any:
    if kind is bool:
        return text == "1"
    if kind is int:
        return int(text)
    return kind(text)


def validate_charter(settings: CharterSettings) -> list[str]:
    """Every rule the settings break, as user messages (empty list = valid)."""
    problems = []
    for name, (low, high) in INT_LIMITS.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            problems.append(
                _("{label} must be between {low} and {high}.").format(
                    label=_(OPTION_LABELS[name]), low=low, high=high
                )
            )
    if not _valid_month_day(settings.term_start):
        problems.append(_("The term start must be a day of the year written MM-DD, e.g. 04-01."))
    from finsam_desktop.domain.minutes_rules import parse_majority_rules

    try:
        parse_majority_rules(settings.qualified_majority)
    except ValidationError as exc:
        problems += exc.problems
    from finsam_desktop.domain.activities import parse_age_bands

    try:
        parse_age_bands(settings.age_bands)
    except ValidationError as exc:
        problems += exc.problems
    try:
        parse_months(settings.contribution_months)
    except ValidationError as exc:
        problems += exc.problems
    for name in MONTH_DAY_OPTIONS:
        if not _valid_month_day(getattr(settings, name)):
            problems.append(_("{label}: write a day of the year as MM-DD, e.g. 11-30.").format(
                label=_(OPTION_LABELS[name])))
    try:
        parse_month_days(settings.interim_report_dates)
    except ValidationError as exc:
        problems += exc.problems
    total = settings.state_share_ppm + settings.region_share_ppm + settings.municipal_share_ppm
    if total != 1_000_000:
        problems.append(_("The party shares must add up to exactly 100 %."))
    return problems


def _valid_month_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(f"2024-{text}")  # leap year: 02-29 is allowed
    except ValueError:
        return False
    return len(text) == 5


# Swedish general elections are held every four years (2022, 2026, …); terms of office in
# the agency start the year after (DOMAIN.md 1.5), so 2023 anchors the cycle.
TERM_ANCHOR_YEAR = 2023


def current_term_start(settings: CharterSettings, today: dt.date) -> dt.date:
    """The first day of the term of office running on `today` (the latest term start ≤ today)."""
    month, day = (int(part) for part in settings.term_start.split("-"))
    year = today.year
    while True:
        start = dt.date(year, month, min(day, 28) if (month, day) == (2, 29) else day)
        if (year - TERM_ANCHOR_YEAR) % settings.term_length_years == 0 and start <= today:
            return start
        year -= 1


def require_valid(settings: CharterSettings) -> CharterSettings:
    """Return `settings` or raise ValidationError listing what is wrong."""
    problems = validate_charter(settings)
    if problems:
        raise ValidationError(problems)
    return settings
