"""A realistic activity catalogue built through the real services, for the export tests.

Samordningsförbundet Test (FK, AF, a region, two municipalities), year 2026 (the clock says
2026-11-22): two individual-targeted and two structural activities running in 2026 and one
that ended in 2023, granted by § at a meeting in November 2025; budget lines linked to the
activities with actuals through October; aggregated participant counts with some below
the small-count threshold (5); an evaluation; two goals with indicators. One activity has
a name and texts that look like markup, Swedish and Sámi letters and a 100 000-character
description.
"""

from __future__ import annotations

import datetime as dt

from finsam_desktop.domain.activities import Activity, Count, Measure, Status
from finsam_desktop.domain.budget import Area, BudgetLine, Focus
from finsam_desktop.domain.evaluations import (
    Evaluation,
    EvaluationKind,
    Goal,
    Indicator,
    IndicatorValue,
)
from finsam_desktop.reports.data import ActivityCatalogue
from finsam_desktop.services import activities, activity_report, budget, evaluations, minutes
from finsam_desktop.storage.store import Store
from tests.factories import add_members, new_store
from tests.meeting_factories import plan

YEAR = 2026
KR = 100  # öre per krona

STEG = "Steg till arbete"
HOSTILE = "Insats <b>Steg&Väg</b> – Åre/Öland"
TRAINING = "Kompetensutveckling för handläggare"
FORUM = "Samverkansforum Đurić & Łukasz"
OLD = "Gamla ungdomsinsatsen"

HOSTILE_GOALS = "Mål 1: <i>fler</i> i arbete & studier.\nMål 2: <script>x</script> ska synas."
HOSTILE_TARGET = "Unga vuxna 19–29 år; Sámi: Ŋilla Čáhppes; <font size=40>stor</font>"
DESCRIPTION_LIMIT = 20_000  # what the service accepts (services.activities._clean)


def long_text(length: int) -> str:
    """Paragraphs of Swedish text with markup-looking bits, exactly `length` characters,
    ending in "SLUT"."""
    text = "\n\n".join(
        f"Stycke {i}: Insatsen erbjuder stöd <b>utan</b> & med samordning, steg för steg "
        f"mot arbete eller studier för fler än {i} personer. " * 6 for i in range(1, 2000))
    return text[:length - 5] + " SLUT"


HUGE_DESCRIPTION = long_text(DESCRIPTION_LIMIT)

# (measure, category, count) per activity; counts 1–4 are printed as "<5"
STEG_COUNTS = [
    (Measure.STARTED_GENDER, "women", 14), (Measure.STARTED_GENDER, "men", 9),
    (Measure.STARTED_GENDER, "other", 2),
    (Measure.STARTED_AGE, "16-19", 3), (Measure.STARTED_AGE, "20-29", 8),
    (Measure.STARTED_AGE, "30-39", 7), (Measure.STARTED_AGE, "40-49", 4),
    (Measure.STARTED_AGE, "50-64", 3),
    (Measure.FINISHED_GENDER, "women", 9), (Measure.FINISHED_GENDER, "men", 8),
    (Measure.OCCUPATION_BEFORE, "jobseeking", 6), (Measure.OCCUPATION_BEFORE, "other", 19),
    (Measure.OCCUPATION_AFTER, "work", 6), (Measure.OCCUPATION_AFTER, "studies", 5),
    (Measure.OCCUPATION_AFTER, "jobseeking", 4), (Measure.OCCUPATION_AFTER, "other", 2),
    (Measure.INCOME_BEFORE, "sickness", 6), (Measure.INCOME_BEFORE, "social_assistance", 12),
    (Measure.INCOME_BEFORE, "unemployment", 7),
    (Measure.INCOME_AFTER, "salary", 6), (Measure.INCOME_AFTER, "student_aid", 5),
    (Measure.INCOME_AFTER, "social_assistance", 4), (Measure.INCOME_AFTER, "none_other", 2),
    (Measure.END_REASON, "work", 6), (Measure.END_REASON, "studies", 5),
    (Measure.END_REASON, "own_wish", 3), (Measure.END_REASON, "moved", 2),
    (Measure.END_REASON, "completed", 1),
]
HOSTILE_COUNTS = [
    (Measure.STARTED_GENDER, "women", 3), (Measure.STARTED_GENDER, "men", 4),
    (Measure.STARTED_AGE, "20-29", 7),
]
TRAINING_COUNTS = [
    (Measure.STARTED_GENDER, "women", 21), (Measure.STARTED_GENDER, "men", 6),
]
STEG_EARLIER = [(2025, Measure.STARTED_GENDER, "women", 10),
                (2025, Measure.STARTED_GENDER, "men", 8),
                (2025, Measure.FINISHED_GENDER, "women", 4),
                (2025, Measure.FINISHED_GENDER, "men", 6)]

# name, focus, budget 2026 in kr, actual per month Jan–Oct in kr
MONEY = [(STEG, Focus.INDIVIDUAL, 1_650_000, 130_000),
         (HOSTILE, Focus.INDIVIDUAL, 1_100_000, 95_250),
         (TRAINING, Focus.STRUCTURAL, 420_000, 30_000)]

FINDINGS = ("Samverkan mellan handläggarna har stärkts; deltagarna beskriver <kontinuitet> "
            "& ett bättre bemötande.")


def build(*, threshold: int | None = None) -> tuple[Store, dict]:
    """The store and what was put in (members, activity ids)."""
    store = new_store(dt.date(2026, 11, 22))
    members = add_members(store)
    if threshold is not None:
        import dataclasses

        from finsam_desktop.services import organisation

        charter = organisation.get_charter(store)
        organisation.save_charter(store, dataclasses.replace(
            charter, small_count_threshold=threshold))
    meeting = plan(store, dt.date(2025, 11, 20), f"Beviljande av {STEG}",
                   "Beviljande av insatser 2026", "Kompetensutveckling 2026")
    minutes.start_minutes(store, meeting.id)
    choices = activities.decision_choices(store)
    granting = next(i for i, label in choices if "Beviljande av insatser" in label)
    steg_decision = next(i for i, label in choices if STEG in label)
    m = members
    ids = {}
    ids[STEG] = activities.add_activity(store, Activity(
        0, STEG, Focus.INDIVIDUAL, esf=True, precise_direction="Arbetslivsinriktad "
        "rehabilitering", lead_member_id=m["a"].id, start_on=dt.date(2025, 1, 1),
        end_on=dt.date(2027, 12, 31),
        target_group="Personer 20–64 år som står långt från arbetsmarknaden.",
        goals="Minst 40 % av deltagarna går vidare till arbete eller studier.",
        description="Individuellt stöd av en coach från kommunen med handläggare från "
                    "Försäkringskassan och Arbetsförmedlingen.\n\nInsatsen pågår i Aby.",
        status=Status.ONGOING, granted_item_id=steg_decision,
        granted_amount_ore=4_950_000 * KR), [m["fk"].id, m["af"].id, m["a"].id])[0].id
    ids[HOSTILE] = activities.add_activity(store, Activity(
        0, HOSTILE, Focus.INDIVIDUAL, lead_member_id=m["region"].id,
        start_on=dt.date(2026, 2, 1), end_on=None, target_group=HOSTILE_TARGET,
        goals=HOSTILE_GOALS, description=HUGE_DESCRIPTION, status=Status.GRANTED,
        granted_item_id=granting, granted_amount_ore=1_100_000 * KR + 50),
        [m["region"].id, m["af"].id, m["b"].id])[0].id
    ids[TRAINING] = activities.add_activity(store, Activity(
        0, TRAINING, Focus.STRUCTURAL, lead_member_id=m["fk"].id,
        precise_direction="Kompetensutveckling", start_on=dt.date(2026, 1, 1),
        end_on=dt.date(2026, 12, 31), target_group="Handläggare hos parterna.",
        goals="Gemensam kunskap om parternas uppdrag.", status=Status.ONGOING,
        granted_item_id=granting, granted_amount_ore=420_000 * KR),
        [m["fk"].id, m["region"].id, m["b"].id])[0].id
    ids[FORUM] = activities.add_activity(store, Activity(
        0, FORUM, Focus.STRUCTURAL, lead_member_id=m["b"].id, start_on=dt.date(2024, 3, 1),
        end_on=dt.date(2026, 6, 30), description="Ett forum för chefer hos parterna.",
        status=Status.FINISHED, granted_item_id=granting),
        [m["b"].id, m["fk"].id])[0].id
    ids[OLD] = activities.add_activity(store, Activity(
        0, OLD, Focus.INDIVIDUAL, lead_member_id=m["a"].id, start_on=dt.date(2021, 1, 1),
        end_on=dt.date(2023, 12, 31)), [m["a"].id, m["af"].id])[0].id

    counts = [Count(ids[name], YEAR, "year", measure, category, n)
              for name, rows in ((STEG, STEG_COUNTS), (HOSTILE, HOSTILE_COUNTS),
                                 (TRAINING, TRAINING_COUNTS))
              for measure, category, n in rows]
    counts += [Count(ids[STEG], year, "year", measure, category, n)
               for year, measure, category, n in STEG_EARLIER]
    activities.set_counts(store, counts, source="test")

    budget.create_year(store, YEAR, contributions_ore=4_000_000 * KR)
    for name, focus, amount, monthly in MONEY:
        line = budget.add_line(store, BudgetLine(0, YEAR, Area.ACTIVITIES, name, focus),
                               [amount * KR, amount * KR, 0])[0]
        activities.link_budget_line(store, line.id, ids[name])
        budget.set_actuals(store, YEAR, [(line.id, month, monthly * KR)
                                         for month in range(1, 11)])

    evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.PROCESS, "Processutvärdering av Steg till arbete",
        activity_id=ids[STEG], evaluator="FoU Väst & Co", started_on=dt.date(2026, 1, 15),
        finished_on=dt.date(2026, 6, 30), findings=FINDINGS))
    evaluations.save_goal(store, Goal(0, "Fler går vidare till arbete eller studier"))
    evaluations.save_goal(store, Goal(0, "Stärkt samverkan mellan parterna"))
    goals = {g.title: g.id for g in evaluations.list_goals(store)}
    evaluations.save_indicator(store, Indicator(
        0, "Andel till arbete eller studier", goal_id=goals[
            "Fler går vidare till arbete eller studier"], baseline_milli=30_000,
        baseline_year=2024, target_milli=40_000))
    evaluations.save_indicator(store, Indicator(
        0, "Gemensamma utbildningsdagar", goal_id=goals["Stärkt samverkan mellan parterna"],
        baseline_milli=2_000, baseline_year=2024, target_milli=6_000))
    indicators = {i.name: i.id for i in evaluations.list_indicators(store)}
    evaluations.set_value(store, indicators["Andel till arbete eller studier"], YEAR,
                          IndicatorValue(0, YEAR, 36_400))
    evaluations.set_value(store, indicators["Gemensamma utbildningsdagar"], YEAR,
                          IndicatorValue(0, YEAR, 7_000))
    return store, {"members": members, "ids": ids}


def catalogue(**kw) -> ActivityCatalogue:
    """The gathered catalogue of the realistic data."""
    store, _ = build(**kw)
    return activity_report.gather(store, YEAR)
