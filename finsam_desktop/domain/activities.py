"""Activities (insatser), mappings and obstacles, aggregated participant figures.

Rules (DOMAIN.md 4, 5, 8.5, 8.7):
- An activity has a direction (individual-targeted or structural), a follow-up method and
  an ESF flag that are fixed once it is created, as in the national follow-up system
  (Uppföljning Finsam); an activity with both kinds of content is two activities.
- At least two of the four parties take part (Försäkringskassan, Arbetsförmedlingen, a
  region, the municipalities): two municipalities alone are one party. The lead
  organisation (huvudman) is one of the participating members.
- Status moves forward through the lifecycle; "granted" needs the board's decision (§).
- Participants are counts only, never people: started and finished by gender and age band,
  occupation and income source before and after, reasons for ending. Free text is refused
  when it looks like a Swedish personal identity number. Printed outputs suppress counts
  below a threshold (default 5).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from finsam_desktop.domain.budget import Focus
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import Member, MemberKind
from finsam_desktop.domain.values import check_no_personal_data as check_no_personal_data
from finsam_desktop.domain.values import (
    looks_like_personal_number as looks_like_personal_number,
)
from finsam_desktop.i18n import N_, _


class FollowUpMethod(StrEnum):
    """How participants are followed up nationally (Uppföljningsmetod)."""

    INDIVIDUAL = "individual"  # individnivå
    COUNT = "count"  # antal


METHOD_LABELS = {FollowUpMethod.INDIVIDUAL: N_("Individual level"),
                 FollowUpMethod.COUNT: N_("Count only")}


class Status(StrEnum):
    """The lifecycle of an activity, in order."""

    IDEA = "idea"
    APPLICATION = "application"
    PREPARED = "prepared"
    PROPOSAL = "proposal"
    GRANTED = "granted"
    REJECTED = "rejected"
    AGREEMENT = "agreement"
    ONGOING = "ongoing"
    FINISHED = "finished"
    FINAL_REPORT = "final_report"


STATUS_ORDER = tuple(Status)
STATUS_LABELS = {
    Status.IDEA: N_("Idea"),
    Status.APPLICATION: N_("Application received"),
    Status.PREPARED: N_("Prepared"),
    Status.PROPOSAL: N_("Proposal to the board"),
    Status.GRANTED: N_("Granted"),
    Status.REJECTED: N_("Rejected"),
    Status.AGREEMENT: N_("Agreement signed"),
    Status.ONGOING: N_("Ongoing"),
    Status.FINISHED: N_("Finished"),
    Status.FINAL_REPORT: N_("Final report"),
}
_BEFORE_DECISION = (Status.IDEA, Status.APPLICATION, Status.PREPARED, Status.PROPOSAL)


def next_statuses(current: Status) -> list[Status]:
    """Where an activity can go from `current` (forward only; rejected ends it)."""
    if current is Status.REJECTED or current is Status.FINAL_REPORT:
        return []
    if current in _BEFORE_DECISION:
        later = [s for s in _BEFORE_DECISION if STATUS_ORDER.index(s) > STATUS_ORDER.index(
            current)]
        return [*later, Status.GRANTED, Status.REJECTED]
    order = [Status.GRANTED, Status.AGREEMENT, Status.ONGOING, Status.FINISHED,
             Status.FINAL_REPORT]
    return order[order.index(current) + 1:]


@dataclass(frozen=True, slots=True)
class Activity:
    """An activity (insats) the agency finances or considers financing."""

    id: int
    name: str
    focus: Focus  # fixed after creation
    followup_method: FollowUpMethod = FollowUpMethod.INDIVIDUAL  # fixed
    esf: bool = False  # fixed
    precise_direction: str = ""  # preciserad inriktning
    lead_member_id: int | None = None  # huvudman
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    target_group: str = ""
    goals: str = ""
    background: str = ""
    description: str = ""
    steering_group: str = ""
    agreement: str = ""  # reference to the agreement (avtal)
    interim_report_on: dt.date | None = None
    final_report_on: dt.date | None = None
    status: Status = Status.IDEA
    granted_item_id: int | None = None  # the § that granted or rejected it
    granted_amount_ore: int | None = None
    note: str = ""

    def runs_in(self, year: int) -> bool:
        """True when the activity's period overlaps `year` (an open period counts)."""
        starts = self.start_on is None or self.start_on.year <= year
        return starts and (self.end_on is None or self.end_on.year >= year)


FIXED_FIELDS = ("focus", "followup_method", "esf")
FREE_TEXT_FIELDS = ("name", "precise_direction", "target_group", "goals", "background",
                    "description", "steering_group", "agreement", "note")

PARTY_GROUPS = {MemberKind.FK: "fk", MemberKind.AF: "af", MemberKind.REGION: "region",
                MemberKind.MUNICIPALITY: "municipal"}


def party_problems(lead_member_id: int | None, participants: Sequence[Member]) -> list[str]:
    """The party rules: at least two of the four parties, the lead among them."""
    problems = []
    groups = {PARTY_GROUPS[m.kind] for m in participants}
    if len(groups) < 2:
        problems.append(_("At least two of the four parties (Försäkringskassan, "
                          "Arbetsförmedlingen, the region, the municipalities) must take part; "
                          "two municipalities count as one party."))
    if lead_member_id is None:
        problems.append(_("Choose the lead organisation (huvudman)."))
    elif lead_member_id not in {m.id for m in participants}:
        problems.append(_("The lead organisation must be one of the participating members."))
    return problems


# The personal-number guard lives in `values` (every free text passes it); it is re-exported
# here, where the activities issue introduced it (see the imports above).

# ---------------------------------------------------------------- mappings and obstacles


class FindingKind(StrEnum):
    """A target-group mapping (kartläggning) or an obstacle between the parties."""

    MAPPING = "mapping"
    OBSTACLE = "obstacle"


FINDING_LABELS = {FindingKind.MAPPING: N_("Mapping"), FindingKind.OBSTACLE: N_("Obstacle")}


@dataclass(frozen=True, slots=True)
class Finding:
    """A mapping or an identified obstacle, which activities can address."""

    id: int
    kind: FindingKind
    title: str
    description: str = ""
    found_on: dt.date | None = None
    source: str = ""  # who mapped it, report reference
    note: str = ""


# ---------------------------------------------------------------- participants


class Measure(StrEnum):
    """What a participant count counts."""

    STARTED_GENDER = "started_gender"
    STARTED_AGE = "started_age"
    FINISHED_GENDER = "finished_gender"
    FINISHED_AGE = "finished_age"
    OCCUPATION_BEFORE = "occupation_before"
    OCCUPATION_AFTER = "occupation_after"
    INCOME_BEFORE = "income_before"
    INCOME_AFTER = "income_after"
    END_REASON = "end_reason"


MEASURE_LABELS = {
    Measure.STARTED_GENDER: N_("Started, by gender"),
    Measure.STARTED_AGE: N_("Started, by age"),
    Measure.FINISHED_GENDER: N_("Finished, by gender"),
    Measure.FINISHED_AGE: N_("Finished, by age"),
    Measure.OCCUPATION_BEFORE: N_("Occupation before"),
    Measure.OCCUPATION_AFTER: N_("Occupation after"),
    Measure.INCOME_BEFORE: N_("Income source before"),
    Measure.INCOME_AFTER: N_("Income source after"),
    Measure.END_REASON: N_("Reason for ending"),
}

GENDERS = {"women": N_("Women"), "men": N_("Men"), "other": N_("Other or not stated")}
OCCUPATIONS = {"work": N_("Work"), "studies": N_("Studies"), "jobseeking": N_("Job-seeking"),
               "other": N_("Other")}
INCOME_SOURCES = {
    "salary": N_("Salary"),
    "sickness": N_("Sickness benefit"),
    "activity_comp": N_("Sickness or activity compensation"),
    "unemployment": N_("Unemployment or activity support"),
    "social_assistance": N_("Social assistance"),
    "student_aid": N_("Student aid"),
    "none_other": N_("Other or none"),
}
END_REASONS = {
    "work": N_("Work"),
    "studies": N_("Studies"),
    "other_activity": N_("Other activity or measure"),
    "completed": N_("Completed as planned"),
    "illness": N_("Illness"),
    "own_wish": N_("Own wish"),
    "moved": N_("Moved"),
    "other": N_("Other"),
    "registration_error": N_("Registration error"),
}
DEFAULT_AGE_BANDS = "16-19, 20-29, 30-39, 40-49, 50-64"


def parse_age_bands(text: str) -> dict[str, str]:
    """"16-19, 20-29, …" → {"16-19": "16–19", …}; raises ValidationError if malformed."""
    bands: dict[str, str] = {}
    previous_end = -1
    for part in (p.strip() for p in text.split(",")):
        match = re.fullmatch(r"(\d{1,2})\s*[-–]\s*(\d{1,2})", part)
        if not match:
            raise ValidationError(_("Age bands are written like “16-19, 20-29”; “{part}” is "
                                    "not.").format(part=part))
        low, high = int(match.group(1)), int(match.group(2))
        if low > high or low <= previous_end:
            raise ValidationError(_("Age bands must rise without overlapping: “{part}”.")
                                  .format(part=part))
        previous_end = high
        bands[f"{low}-{high}"] = f"{low}–{high}"
    return bands


def categories(measure: Measure, age_bands: dict[str, str]) -> dict[str, str]:
    """The categories a measure is counted in (code → label)."""
    if measure in (Measure.STARTED_GENDER, Measure.FINISHED_GENDER):
        return GENDERS
    if measure in (Measure.STARTED_AGE, Measure.FINISHED_AGE):
        return age_bands
    if measure in (Measure.OCCUPATION_BEFORE, Measure.OCCUPATION_AFTER):
        return OCCUPATIONS
    if measure in (Measure.INCOME_BEFORE, Measure.INCOME_AFTER):
        return INCOME_SOURCES
    return END_REASONS


PERIODS = ("year", "H1", "H2", "T1", "T2", "T3", "Q1", "Q2", "Q3", "Q4")


@dataclass(frozen=True, slots=True)
class Count:
    """One aggregated count: how many participants of an activity in a period fall in a
    category of a measure."""

    activity_id: int
    year: int
    period: str  # "year", "H1", "H2", "T1"–"T3", "Q1"–"Q4"
    measure: Measure
    category: str
    count: int


@dataclass(frozen=True, slots=True)
class ParticipantSummary:
    """An activity's (or the agency's) participant figures for a year."""

    year: int
    started: int
    finished: int
    started_by_gender: dict[str, int]
    started_by_age: dict[str, int]
    occupation_before: dict[str, int]
    occupation_after: dict[str, int]
    income_before: dict[str, int]
    income_after: dict[str, int]
    end_reasons: dict[str, int]

    @property
    def to_work_or_studies(self) -> int:
        """Finished participants in work or studies afterwards."""
        return self.occupation_after.get("work", 0) + self.occupation_after.get("studies", 0)

    @property
    def work_or_studies_share_ppm(self) -> int | None:
        """Share of finished participants in work or studies afterwards (ppm)."""
        return round(self.to_work_or_studies * 1_000_000 / self.finished) \
            if self.finished else None


def summarise(year: int, counts: Iterable[Count]) -> ParticipantSummary:
    """Add up a year's counts (all periods) by measure and category."""
    by: dict[Measure, dict[str, int]] = {m: {} for m in Measure}
    for c in counts:
        if c.year == year:
            by[c.measure][c.category] = by[c.measure].get(c.category, 0) + c.count
    started = sum(by[Measure.STARTED_GENDER].values()) or sum(by[Measure.STARTED_AGE].values())
    finished = sum(by[Measure.FINISHED_GENDER].values()) or \
        sum(by[Measure.FINISHED_AGE].values())
    return ParticipantSummary(
        year, started, finished, by[Measure.STARTED_GENDER], by[Measure.STARTED_AGE],
        by[Measure.OCCUPATION_BEFORE], by[Measure.OCCUPATION_AFTER], by[Measure.INCOME_BEFORE],
        by[Measure.INCOME_AFTER], by[Measure.END_REASON])


def consistency_notes(summary: ParticipantSummary) -> list[str]:
    """Totals that should agree but do not (shown as notes; the counts may be partial)."""
    notes = []
    pairs = ((summary.started_by_gender, summary.started_by_age, _("started")),
             (summary.occupation_after, summary.end_reasons, ""))
    gender, age, word = pairs[0]
    if gender and age and sum(gender.values()) != sum(age.values()):
        notes.append(_("{year}: {a} {what} by gender but {b} by age.").format(
            year=summary.year, a=sum(gender.values()), b=sum(age.values()), what=word))
    if summary.occupation_after and summary.finished and \
            sum(summary.occupation_after.values()) != summary.finished:
        notes.append(_("{year}: occupation after is given for {a} of {b} finished "
                       "participants.").format(year=summary.year,
                                               a=sum(summary.occupation_after.values()),
                                               b=summary.finished))
    return notes


def suppress(count: int, threshold: int) -> str | int:
    """A count for print: below the threshold (but above 0) it becomes "<N"."""
    return f"<{threshold}" if 0 < count < threshold else count


@dataclass(frozen=True, slots=True)
class CostPerParticipant:
    """Cost per participant with its definition (not a national standard)."""

    cost_ore: int
    participants: int
    definition: str

    @property
    def per_participant_ore(self) -> int | None:
        """Cost ÷ participants, rounded to the öre (None without participants)."""
        if not self.participants:
            return None
        return (self.cost_ore + self.participants // 2) // self.participants


COST_DEFINITION = N_("Actual cost of the activity in the year (its budget lines) divided by "
                     "the participants who started in the year.")
