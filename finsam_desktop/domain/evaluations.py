"""Goals, indicators with targets, and evaluations (DOMAIN.md 4.2–4.4, 8.5).

Indicator values are decimals stored as integer thousandths (`value_milli`), so 62.5 %
is 62 500 and a count of 14 is 14 000: exact, and sortable in SQL. National NNS indicator
results are stored as aggregated results per year and respondent group; their question
wording is kept exactly as it was entered (never edited afterwards).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import N_, _

MILLI = 1000


class IndicatorSource(StrEnum):
    """The agency's own indicator, or a national NNS indicator."""

    OWN = "own"
    NNS = "nns"


SOURCE_LABELS = {IndicatorSource.OWN: N_("Own indicator"),
                 IndicatorSource.NNS: N_("NNS indicator")}

# NNS respondent groups (Indikatorer för finansiell samordning).
RESPONDENT_GROUPS = {
    "": N_("—"),
    "participants_ongoing": N_("Participants, ongoing"),
    "participants_finished": N_("Participants, finished"),
    "staff": N_("Activity staff"),
    "board": N_("Board members"),
    "managers": N_("Managers in the partner organisations"),
    "referrers": N_("Referrers"),
}


class Unit(StrEnum):
    """How an indicator is measured."""

    PERCENT = "percent"
    COUNT = "count"
    SCORE = "score"  # e.g. an average on a 1–10 scale


UNIT_LABELS = {Unit.PERCENT: N_("%"), Unit.COUNT: N_("number"), Unit.SCORE: N_("score")}


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal of the agency (in the activity plan) that indicators measure."""

    id: int
    title: str
    description: str = ""
    from_year: int | None = None
    to_year: int | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class Indicator:
    """What is measured, from where, against which baseline and target."""

    id: int
    name: str
    definition: str = ""
    unit: Unit = Unit.PERCENT
    source: IndicatorSource = IndicatorSource.OWN
    respondent_group: str = ""  # NNS only
    question: str = ""  # NNS: the question wording, never edited after creation
    goal_id: int | None = None
    activity_id: int | None = None  # None: an agency-wide indicator
    baseline_milli: int | None = None
    baseline_year: int | None = None
    target_milli: int | None = None
    higher_is_better: bool = True


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """An indicator's actual value for a year."""

    indicator_id: int
    year: int
    value_milli: int
    respondents: int | None = None  # NNS: number of answers behind the result
    note: str = ""


class Fulfilment(StrEnum):
    """How far an indicator (or a goal) has come."""

    MET = "met"
    PROGRESS = "progress"  # better than the baseline, target not reached
    NOT_MET = "not_met"
    NO_DATA = "no_data"


FULFILMENT_LABELS = {Fulfilment.MET: N_("Met"), Fulfilment.PROGRESS: N_("Partly met"),
                     Fulfilment.NOT_MET: N_("Not met"), Fulfilment.NO_DATA: N_("No data")}


def indicator_fulfilment(indicator: Indicator, latest: int | None) -> Fulfilment:
    """Compare the latest value with the target (and the baseline)."""
    if latest is None or indicator.target_milli is None:
        return Fulfilment.NO_DATA
    sign = 1 if indicator.higher_is_better else -1
    if sign * (latest - indicator.target_milli) >= 0:
        return Fulfilment.MET
    if indicator.baseline_milli is not None and sign * (latest - indicator.baseline_milli) > 0:
        return Fulfilment.PROGRESS
    return Fulfilment.NOT_MET


def goal_fulfilment(results: Sequence[Fulfilment]) -> Fulfilment:
    """A goal is met when all its measured indicators are, not met when none has moved."""
    measured = [r for r in results if r is not Fulfilment.NO_DATA]
    if not measured:
        return Fulfilment.NO_DATA
    if all(r is Fulfilment.MET for r in measured):
        return Fulfilment.MET
    if any(r in (Fulfilment.MET, Fulfilment.PROGRESS) for r in measured):
        return Fulfilment.PROGRESS
    return Fulfilment.NOT_MET


def parse_value(text: str) -> int:
    """"62,5" or "62.5" or "14" → thousandths; raises ValidationError."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("%", "") \
        .replace(",", ".").replace("\u2212", "-")
    try:
        value = Decimal(cleaned) * MILLI
    except InvalidOperation:
        raise ValidationError(_("“{text}” is not a number.").format(text=text)) from None
    if not value.is_finite() or value != value.to_integral_value() or abs(value) > 10**15:
        raise ValidationError(_("“{text}” is not a number with at most three decimals.")
                              .format(text=text))
    return int(value)


def format_value(milli: int | None) -> str:
    """Thousandths as a number with only the decimals needed ("62,5")."""
    if milli is None:
        return ""
    from finsam_desktop.formatting import format_number

    value = Decimal(milli) / MILLI
    decimals = 0
    while decimals < 3 and value != round(value, decimals):
        decimals += 1
    return format_number(value, decimals)


class EvaluationKind(StrEnum):
    """Kinds of evaluation (DOMAIN.md 4.3)."""

    ONGOING = "ongoing"
    PROCESS = "process"
    OUTCOME = "outcome"
    SOCIOECONOMIC = "socioeconomic"
    NNS = "nns"


EVALUATION_LABELS = {
    EvaluationKind.ONGOING: N_("Ongoing follow-up"),
    EvaluationKind.PROCESS: N_("Process evaluation"),
    EvaluationKind.OUTCOME: N_("Outcome or effect evaluation"),
    EvaluationKind.SOCIOECONOMIC: N_("Socio-economic evaluation"),
    EvaluationKind.NNS: N_("NNS indicators"),
}


@dataclass(frozen=True, slots=True)
class Evaluation:
    """An evaluation of an activity (or of the agency when `activity_id` is None)."""

    id: int
    kind: EvaluationKind
    title: str
    activity_id: int | None = None
    evaluator: str = ""
    started_on: dt.date | None = None
    finished_on: dt.date | None = None
    findings: str = ""
    recommendations: str = ""
    file_ref: str = ""  # where the report is kept (path or URL)
