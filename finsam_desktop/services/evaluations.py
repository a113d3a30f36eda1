"""Goals, indicators with baseline and target, their yearly values, goal fulfilment and
evaluation records."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import NamedTuple

from finsam_desktop.domain import evaluations as rules
from finsam_desktop.domain.activities import check_no_personal_data
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import (
    Evaluation,
    Fulfilment,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorValue,
)
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import _
from finsam_desktop.storage.store import Store

TABLES = ("goals", "indicators", "indicator_values", "evaluations")


def _changes() -> Changes:
    return Changes.of(*TABLES)


class Saved[R](NamedTuple):
    """What a save service did: the record it replaced (None for a new one), the record
    as saved (with its id, also for a new one) and what changed."""

    before: R | None
    record: R
    changes: Changes


def _text(value: str, label: str, *, required: bool = False, limit: int = 20_000) -> str:
    return check_no_personal_data(check_text(value, field=label, required=required,
                                             max_length=limit), field=label)


# ---------------------------------------------------------------- goals


def list_goals(store: Store) -> list[Goal]:
    """The agency's goals in order."""
    return store.activities.goals.all()


def save_goal(store: Store, goal: Goal) -> Saved[Goal]:
    """Add (id 0) or change a goal; returns the previous goal (None for a new one) and the
    goal as saved."""
    clean = dataclasses.replace(goal, title=_text(goal.title, _("Goal"), required=True,
                                                  limit=300),
                                description=_text(goal.description, _("Description")))
    for year in (clean.from_year, clean.to_year):
        if year is not None and not 2000 <= year <= 2099:
            raise ValidationError(_("The year must be between 2000 and 2099."))
    with store.user_action():
        before = store.activities.goals.get(goal.id) if goal.id else None
        if before is None:
            goal_id = store.activities.goals.insert(clean)
        else:
            store.activities.goals.update(clean)
            goal_id = clean.id
        store.audit.log("goal.saved", "goals", goal_id, before=before, after=clean)
        saved = store.activities.goals.get(goal_id)
    return Saved(before, saved, _changes())


def remove_goal(store: Store, goal_id: int) -> tuple[Goal, Changes]:
    """Remove a goal no indicator measures."""
    with store.user_action():
        goal = store.activities.goals.get(goal_id)
        if any(i.goal_id == goal_id for i in store.activities.indicators.all()):
            raise ValidationError(_("Indicators measure this goal; move or remove them "
                                    "first."))
        store.activities.goals.delete(goal_id)
        store.audit.log("goal.removed", "goals", goal_id, before=goal)
    return goal, _changes()


# ---------------------------------------------------------------- indicators


def list_indicators(store: Store, activity_id: int | None = None) -> list[Indicator]:
    """Every indicator, or those of one activity."""
    found = store.activities.indicators.all()
    return [i for i in found if activity_id is None or i.activity_id == activity_id]


def _clean_indicator(indicator: Indicator) -> Indicator:
    clean = dataclasses.replace(
        indicator, name=_text(indicator.name, _("Indicator"), required=True, limit=300),
        definition=_text(indicator.definition, _("Definition")),
        question=check_text(indicator.question, field=_("Question"), max_length=2_000))
    if clean.source is IndicatorSource.NNS:
        if clean.respondent_group not in rules.RESPONDENT_GROUPS or not clean.respondent_group:
            raise ValidationError(_("Choose the respondent group of the NNS indicator."))
        if not clean.question.strip():
            raise ValidationError(_("Enter the NNS question exactly as worded in the "
                                    "survey."))
    elif clean.respondent_group:
        clean = dataclasses.replace(clean, respondent_group="")
    if clean.baseline_year is not None and not 2000 <= clean.baseline_year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    return clean


def save_indicator(store: Store, indicator: Indicator) -> Saved[Indicator]:
    """Add (id 0) or change an indicator; an NNS question's wording is never changed.
    Returns the previous indicator (None for a new one) and the indicator as saved."""
    clean = _clean_indicator(indicator)
    with store.user_action():
        if clean.goal_id is not None:
            store.activities.goals.get(clean.goal_id)
        if clean.activity_id is not None:
            store.activities.activities.get(clean.activity_id)
        before = store.activities.indicators.get(clean.id) if clean.id else None
        if before is not None and before.source is IndicatorSource.NNS and (
                before.question != clean.question or clean.source is not before.source):
            raise ValidationError(_("The wording of an NNS question is never edited, so that "
                                    "results stay comparable between agencies."))
        if before is None:
            indicator_id = store.activities.indicators.insert(clean)
        else:
            store.activities.indicators.update(clean)
            indicator_id = clean.id
        store.audit.log("indicator.saved", "indicators", indicator_id, before=before,
                        after=clean)
        saved = store.activities.indicators.get(indicator_id)
    return Saved(before, saved, _changes())


def remove_indicator(store: Store, indicator_id: int) -> tuple[Indicator, Changes]:
    """Remove an indicator without values."""
    with store.user_action():
        indicator = store.activities.indicators.get(indicator_id)
        if store.activities.values(indicator_id):
            raise ValidationError(_("The indicator has values and cannot be removed."))
        store.activities.indicators.delete(indicator_id)
        store.audit.log("indicator.removed", "indicators", indicator_id, before=indicator)
    return indicator, _changes()


def values(store: Store, indicator_id: int) -> list[IndicatorValue]:
    """An indicator's values by year."""
    return store.activities.values(indicator_id)


def set_value(store: Store, indicator_id: int, year: int,
              value: IndicatorValue | None) -> tuple[IndicatorValue | None, Changes]:
    """Enter (or with None remove) an indicator's actual value for a year."""
    if not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    if value is not None:
        value = dataclasses.replace(value, indicator_id=indicator_id, year=year,
                                    note=_text(value.note, _("Note"), limit=2_000))
        if value.respondents is not None and value.respondents < 0:
            raise ValidationError(_("The number of respondents cannot be negative."))
    with store.user_action():
        store.activities.indicators.get(indicator_id)
        before = next((v for v in store.activities.values(indicator_id) if v.year == year),
                      None)
        store.activities.set_value(indicator_id, year, value)
        store.audit.log("indicator.value_set", "indicator_values", indicator_id,
                        before=before, after=value)
    return before, _changes()


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """An indicator with its latest value and how far it has come."""

    indicator: Indicator
    latest_year: int | None
    latest_milli: int | None
    fulfilment: Fulfilment
    series: tuple[IndicatorValue, ...]


@dataclass(frozen=True, slots=True)
class GoalStatus:
    """A goal with its indicators and the overall fulfilment."""

    goal: Goal | None  # None: indicators not tied to a goal
    indicators: tuple[IndicatorStatus, ...]
    fulfilment: Fulfilment


def indicator_status(store: Store, indicator: Indicator,
                     year: int | None = None) -> IndicatorStatus:
    """The latest value (up to `year`) and the fulfilment of an indicator."""
    series = tuple(v for v in store.activities.values(indicator.id)
                   if year is None or v.year <= year)
    latest = series[-1] if series else None
    return IndicatorStatus(indicator, latest.year if latest else None,
                           latest.value_milli if latest else None,
                           rules.indicator_fulfilment(indicator, latest.value_milli
                                                      if latest else None), series)


def goal_fulfilment(store: Store, year: int | None = None) -> list[GoalStatus]:
    """Goals → indicators → fulfilment, for the annual report's appendix."""
    indicators = store.activities.indicators.all()
    out = []
    for goal in [*list_goals(store), None]:
        mine = [indicator_status(store, i, year) for i in indicators
                if i.goal_id == (goal.id if goal else None)]
        if goal is None and not mine:
            continue
        out.append(GoalStatus(goal, tuple(mine),
                              rules.goal_fulfilment([s.fulfilment for s in mine])))
    return out


# ---------------------------------------------------------------- evaluations


def list_evaluations(store: Store, activity_id: int | None = None) -> list[Evaluation]:
    """Evaluations, or those of one activity."""
    found = store.activities.evaluations.all()
    return [e for e in found if activity_id is None or e.activity_id == activity_id]


def save_evaluation(store: Store, evaluation: Evaluation) -> Saved[Evaluation]:
    """Add (id 0) or change an evaluation record; returns the previous record (None for a
    new one) and the record as saved."""
    clean = dataclasses.replace(
        evaluation, title=_text(evaluation.title, _("Title"), required=True, limit=300),
        evaluator=_text(evaluation.evaluator, _("Evaluator"), limit=300),
        findings=_text(evaluation.findings, _("Findings")),
        recommendations=_text(evaluation.recommendations, _("Recommendations")),
        file_ref=check_text(evaluation.file_ref, field=_("Report file"), max_length=1_000))
    for day in (clean.started_on, clean.finished_on):
        if day is not None:
            check_date(day)
    if clean.started_on and clean.finished_on and clean.finished_on < clean.started_on:
        raise ValidationError(_("The evaluation cannot finish before it starts."))
    with store.user_action():
        if clean.activity_id is not None:
            store.activities.activities.get(clean.activity_id)
        before = store.activities.evaluations.get(clean.id) if clean.id else None
        if before is None:
            evaluation_id = store.activities.evaluations.insert(clean)
        else:
            store.activities.evaluations.update(clean)
            evaluation_id = clean.id
        store.audit.log("evaluation.saved", "evaluations", evaluation_id, before=before,
                        after=clean)
        saved = store.activities.evaluations.get(evaluation_id)
    return Saved(before, saved, _changes())


def remove_evaluation(store: Store, evaluation_id: int) -> tuple[Evaluation, Changes]:
    """Remove an evaluation record."""
    with store.user_action():
        evaluation = store.activities.evaluations.get(evaluation_id)
        store.activities.evaluations.delete(evaluation_id)
        store.audit.log("evaluation.removed", "evaluations", evaluation_id, before=evaluation)
    return evaluation, _changes()


def restore(store: Store, table: str, record: object) -> Changes:
    """Put back a removed goal, indicator or evaluation with its id (undo)."""
    mapper = {"goals": store.activities.goals, "indicators": store.activities.indicators,
              "evaluations": store.activities.evaluations}[table]
    with store.user_action():
        mapper.insert(record)  # type: ignore[arg-type]
        store.audit.log(f"{table}.restored", table, getattr(record, "id", None), after=record)
    return _changes()
