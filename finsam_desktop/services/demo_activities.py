"""Demo activities: a dozen insatser, individual and structural, over several years.

Each activity has its parties and lead, a status along the lifecycle, the granting §
where the demo minutes have one, the budget lines of its name linked to it, participant
counts per year (aggregated only), and — for some — evaluations. Goals with own and NNS
indicators, and a few mappings and obstacles, complete the picture.
"""

from __future__ import annotations

import datetime as dt
import random

from finsam_desktop.domain.activities import (
    Activity,
    Count,
    Finding,
    FindingKind,
    FollowUpMethod,
    Measure,
    Status,
)
from finsam_desktop.domain.budget import Area, Focus
from finsam_desktop.domain.evaluations import (
    Evaluation,
    EvaluationKind,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorValue,
    Unit,
)
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.organisation import MemberKind
from finsam_desktop.services import activities, budget, evaluations, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

IND, STR = Focus.INDIVIDUAL, Focus.STRUCTURAL
# name, focus, lead kind, other parties, first year offset, length (years), size, direction
_ACTIVITIES = [
    ("Steg till arbete", IND, "municipality", ("fk", "af"), -3, 5, 40,
     "Arbetslivsinriktad rehabilitering"),
    ("Unga vuxna i fokus", IND, "municipality", ("af", "region"), -2, 4, 30, "Unga vuxna"),
    ("Hälsa och arbete", IND, "region", ("fk", "municipality"), -2, 3, 25, "Psykisk ohälsa"),
    ("Språkstegen", IND, "municipality", ("af",), -1, 3, 20, "Utrikes födda"),
    ("Jobbspåret Storvik", IND, "municipality", ("af", "fk"), -4, 3, 18,
     "Arbetslivsinriktad rehabilitering"),
    ("Aktivitetshuset Lindeby", IND, "municipality", ("region", "fk"), -1, 2, 22,
     "Psykisk ohälsa"),
    ("IPS – individanpassat stöd till arbete", IND, "region", ("af", "municipality"), 0, 3, 15,
     "Psykisk ohälsa"),
    ("Samverkansteam Åsby", STR, "municipality", ("fk", "af", "region"), -3, 5, 0,
     "Samverkansstruktur"),
    ("Kompetensutveckling för personal hos parterna", STR, "fk", ("municipality", "region"),
     -2, 3, 0, "Kompetensutveckling"),
    ("Kartläggning: unga utanför arbete och studier", STR, "municipality", ("af",), -1, 1, 0,
     "Kartläggning"),
    ("Gemensam konferens Finsamdagen", STR, "region", ("fk", "af", "municipality"), 0, 1, 0,
     "Kompetensutveckling"),
    ("Digital vägledning – en väg in", STR, "af", ("municipality", "fk"), 1, 2, 0,
     "Samverkansstruktur"),
]


def build_activities(store: Store, *, rng: random.Random) -> None:
    """The demo's activities, participants, goals, indicators and evaluations."""
    today = store.today()
    members = organisation.current_members(store, today)
    by_kind: dict[str, list] = {}
    for m in members:
        key = {MemberKind.FK: "fk", MemberKind.AF: "af", MemberKind.REGION: "region",
               MemberKind.MUNICIPALITY: "municipality"}[m.kind]
        by_kind.setdefault(key, []).append(m)
    decisions = _decision_items(store)
    created = []
    report_soon = True  # the first ongoing activity's interim report is due in 12 days
    for index, (name, focus, lead_kind, others, offset, length, size, direction) in \
            enumerate(_ACTIVITIES):
        lead = by_kind[lead_kind][index % len(by_kind[lead_kind])]
        party_ids = {lead.id} | {by_kind[k][0].id for k in others}
        start = dt.date(today.year + offset, 1 if index % 2 else 8, 1)
        end = dt.date(start.year + length - 1, 6, 30) if index % 2 \
            else dt.date(start.year + length - 1, 12, 31)
        status = _status(today, start, end)
        interim = min(dt.date(min(end.year, today.year), 8, 31), end)
        if report_soon and status is Status.ONGOING and today + dt.timedelta(days=12) < end:
            interim, report_soon = today + dt.timedelta(days=12), False  # on the overview
        item_id = decisions.get(name) or decisions.get(f"budget {start.year}") \
            or decisions.get("budget")
        if item_id is None and status not in (Status.IDEA, Status.APPLICATION, Status.PREPARED,
                                              Status.PROPOSAL):
            status = Status.PROPOSAL
        activity = activities.add_activity(store, Activity(
            0, name, focus, FollowUpMethod.INDIVIDUAL if focus is IND else FollowUpMethod.COUNT,
            esf=index == 0, precise_direction=direction, lead_member_id=lead.id,
            start_on=start, end_on=end,
            target_group="Personer 16–64 år som behöver samordnat stöd från flera parter för att "
                         "närma sig arbete eller studier." if focus is IND else
                         "Personal och chefer hos parterna.",
            goals="Minst 40 % av deltagarna ska ha arbete eller studier efter insatsen."
            if focus is IND else "Gemensam bild av målgruppen och kortare väntan mellan parterna.",
            description=f"{name} drivs av {lead.name} tillsammans med de övriga parterna.",
            steering_group="Chefer från de medverkande parterna",
            agreement=f"Överenskommelse {start.year}-{index + 1:02d}" if item_id else "",
            interim_report_on=interim,
            final_report_on=end + dt.timedelta(days=60),
            status=status, granted_item_id=item_id if status not in _EARLY else None,
            granted_amount_ore=(size * 45_000_00 or 300_000_00) if item_id else None),
            sorted(party_ids))[0]
        created.append((activity, size))
    _link_budget_lines(store, created)
    _granted_amounts(store, created)
    _participants(store, created, today, rng)
    _findings(store, created)
    _goals(store, created, today, rng)
    _evaluations(store, created, today)


_EARLY = (Status.IDEA, Status.APPLICATION, Status.PREPARED, Status.PROPOSAL)


def _status(today: dt.date, start: dt.date, end: dt.date) -> Status:
    if start > today + dt.timedelta(days=120):
        return Status.APPLICATION
    if start > today:
        return Status.AGREEMENT
    if end >= today:
        return Status.ONGOING
    if end + dt.timedelta(days=60) < today:
        return Status.FINAL_REPORT
    return Status.FINISHED


def _decision_items(store: Store) -> dict[str, int]:
    """"Ansökan om medel: NAME" paragraphs of the demo minutes by activity name; the budget
    paragraphs as "budget YEAR" (activities granted within the budget decision) and the
    first of them as "budget"."""
    found: dict[str, int] = {}
    for meeting in sorted(store.meetings.meetings.all(), key=lambda m: m.date):
        for item in store.meetings.items_of(meeting.id):
            if item.kind is not ItemKind.DECISION or number_of(meeting, item) is None:
                continue
            if item.title.startswith("Ansökan om medel: "):
                found.setdefault(item.title.removeprefix("Ansökan om medel: "), item.id)
            elif item.title.startswith("Verksamhetsplan och budget "):
                found.setdefault(f"budget {item.title.split()[3]}", item.id)
                found.setdefault("budget", item.id)
    return found


def _link_budget_lines(store: Store, created: list) -> None:
    names = {a.name: a for a, _size in created}
    for year in budget.years(store):
        for line in store.budget.lines_of(year):
            activity = names.get(line.name)
            if line.area is Area.ACTIVITIES and activity is not None \
                    and activity.focus.value == line.focus.value:
                activities.link_budget_line(store, line.id, activity.id)


def _granted_amounts(store: Store, created: list) -> None:
    """The granted amount covers the whole period: the linked budget lines, scaled to the
    activity's years, rounded up to 100 000 kr."""
    import dataclasses

    for activity, _size in created:
        current = activities.get(store, activity.id)
        lines = activities.figures(store, activity.id)
        budgeted = [f.budget_ore for f in lines if f.budget_ore]
        if current.granted_amount_ore is None or not budgeted:
            continue
        years = current.end_on.year - current.start_on.year + 1
        step = 100_000_00
        total = sum(budgeted) * years // len(budgeted)
        activities.update_activity(store, dataclasses.replace(
            current, granted_amount_ore=(total + step - 1) // step * step))


def _participants(store: Store, created: list, today: dt.date, rng: random.Random) -> None:
    bands = list(activities.age_bands(store))
    entries: list[Count] = []
    for activity, size in created:
        if not size:
            continue
        for year in range(activity.start_on.year, min(activity.end_on.year, today.year) + 1):
            started = max(3, size + rng.randint(-6, 6))
            if year == today.year:
                started = started * today.month // 12
            women = started * rng.randint(45, 65) // 100
            men = started - women - (1 if started > 20 else 0)
            split = {"women": women, "men": men, "other": started - women - men}
            ages = _spread(started, [8, 30, 25, 20, 17], rng)
            finished = started * rng.randint(55, 80) // 100
            after = _spread(finished, [30, 12, 33, 25], rng)
            before = _spread(finished, [5, 5, 40, 50], rng)
            reasons = {"work": after[0], "studies": after[1],
                       "completed": finished - after[0] - after[1]}
            income_before = _spread(finished, [5, 25, 20, 20, 25, 0, 5], rng)
            income_after = _spread(finished, [30, 15, 15, 12, 15, 8, 5], rng)
            rows = [(Measure.STARTED_GENDER, split),
                    (Measure.STARTED_AGE, dict(zip(bands, ages, strict=True))),
                    (Measure.FINISHED_GENDER, {"women": finished * women // max(started, 1),
                                               "men": finished - finished * women
                                               // max(started, 1)}),
                    (Measure.OCCUPATION_BEFORE, dict(zip(("work", "studies", "jobseeking",
                                                          "other"), before, strict=True))),
                    (Measure.OCCUPATION_AFTER, dict(zip(("work", "studies", "jobseeking",
                                                         "other"), after, strict=True))),
                    (Measure.INCOME_BEFORE, dict(zip(_INCOME, income_before, strict=True))),
                    (Measure.INCOME_AFTER, dict(zip(_INCOME, income_after, strict=True))),
                    (Measure.END_REASON, reasons)]
            for measure, values in rows:
                for category, count in values.items():
                    if count:
                        entries.append(Count(activity.id, year, "year", measure, category,
                                             count))
    activities.set_counts(store, entries, source="demo")


_INCOME = ("salary", "sickness", "activity_comp", "unemployment", "social_assistance",
           "student_aid", "none_other")


def _spread(total: int, weights: list[int], rng: random.Random) -> list[int]:
    from finsam_desktop.domain.allocation import largest_remainder

    jittered = [max(0, w + rng.randint(-3, 3)) if w else 0 for w in weights]
    return largest_remainder(total, jittered) if sum(jittered) else [0] * len(weights)


def _findings(store: Store, created: list) -> None:
    ids = {a.name: a.id for a, _size in created}
    activities.save_finding(store, Finding(
        0, FindingKind.MAPPING, "Unga 16–29 år utanför arbete och studier",
        "Kartläggningen visar omkring 600 unga i förbundets kommuner som varken arbetar eller "
        "studerar; hälften har inte fullföljt gymnasiet.", dt.date(store.today().year - 1, 5, 15),
        "Kartläggning av kansliet med parternas statistik"),
        [ids["Unga vuxna i fokus"], ids["Kartläggning: unga utanför arbete och studier"]])
    activities.save_finding(store, Finding(
        0, FindingKind.OBSTACLE, "Glapp mellan sjukskrivning och arbetsmarknadsinsatser",
        "Personer som får avslag på sjukpenning hamnar mellan Försäkringskassan och "
        "Arbetsförmedlingen i flera månader.", dt.date(store.today().year - 2, 10, 1),
        "Beredningsgruppen"),
        [ids["Steg till arbete"], ids["Samverkansteam Åsby"]])
    activities.save_finding(store, Finding(
        0, FindingKind.OBSTACLE, "Olika sekretessregler försvårar gemensam planering",
        "Parterna kan inte dela uppgifter utan samtycke; samtycke hämtas för sent.",
        dt.date(store.today().year - 1, 3, 1), "Samverkansteamet"),
        [ids["Samverkansteam Åsby"], ids["Kompetensutveckling för personal hos parterna"]])


def _goals(store: Store, created: list, today: dt.date, rng: random.Random) -> None:
    first = today.year - 3
    evaluations.save_goal(store, Goal(0, "Fler deltagare går vidare till arbete eller studier",
                                      "Andelen som har arbete eller studier efter avslutad "
                                      "insats ska öka.", first, today.year + 1, 1))
    evaluations.save_goal(store, Goal(0, "Samverkan mellan parterna fungerar bättre",
                                      "Parternas personal och chefer upplever att samverkan "
                                      "ger resultat.", first, today.year + 1, 2))
    goals = evaluations.list_goals(store)
    ids = {a.name: a.id for a, _size in created}
    own = Indicator(0, "Andel till arbete eller studier", "Andel av avslutade deltagare som "
                    "har arbete eller studier direkt efter insatsen.", Unit.PERCENT,
                    goal_id=goals[0].id, baseline_milli=31_000, baseline_year=first,
                    target_milli=40_000)
    count = Indicator(0, "Antal deltagare i individinriktade insatser", "Påbörjade deltagare "
                      "under året.", Unit.COUNT, goal_id=goals[0].id, baseline_milli=120_000,
                      baseline_year=first, target_milli=150_000)
    nns = Indicator(0, "Samverkan ger bättre stöd (styrelsen)", "NNS-indikator, enkät till "
                    "styrelseledamöter.", Unit.SCORE, IndicatorSource.NNS, "board",
                    "I vilken utsträckning bidrar samordningsförbundet till att parterna "
                    "samverkar kring individer med behov av samordnade insatser?",
                    goal_id=goals[1].id, baseline_milli=6_800, baseline_year=first,
                    target_milli=7_500)
    staff = Indicator(0, "Insatspersonalens bedömning av samverkan", "NNS-indikator, enkät "
                      "till insatspersonal.", Unit.SCORE, IndicatorSource.NNS, "staff",
                      "Hur väl fungerar samverkan med de andra parterna i insatsen?",
                      goal_id=goals[1].id, activity_id=ids["Samverkansteam Åsby"],
                      baseline_milli=6_200, baseline_year=first, target_milli=7_000)
    for indicator, start, step in ((own, 31_000, 2_600), (count, 118_000, 9_000),
                                   (nns, 6_900, 180), (staff, 6_100, 350)):
        evaluations.save_indicator(store, indicator)
        saved = next(i for i in evaluations.list_indicators(store) if i.name == indicator.name)
        for offset, year in enumerate(range(first, today.year)):
            value = start + step * offset + rng.randint(-step // 3, step // 3)
            quantum = 1000 if indicator.unit is Unit.COUNT else 100  # whole counts, 0,1 else
            value = (value + quantum // 2) // quantum * quantum
            respondents = rng.randint(9, 14) if indicator.source is IndicatorSource.NNS \
                else None
            evaluations.set_value(store, saved.id, year, IndicatorValue(
                saved.id, year, value, respondents))


def _evaluations(store: Store, created: list, today: dt.date) -> None:
    ids = {a.name: a for a, _size in created}
    steg = ids["Steg till arbete"]
    evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.PROCESS, "Processutvärdering av Steg till arbete", steg.id,
        "FoU Mälarsund", dt.date(today.year - 2, 9, 1), dt.date(today.year - 1, 4, 30),
        "Samverkan i teamet fungerar väl; väntetiden till första möte har halverats. "
        "Deltagarna upplever att de blir lyssnade på.",
        "Fortsätt med gemensamma ärendedragningar och inför uppföljning efter sex månader.",
        "https://www.malarsundvast.example/rapporter/steg-till-arbete-process.pdf"))
    evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.SOCIOECONOMIC, "Samhällsekonomisk analys av Jobbspåret Storvik",
        ids["Jobbspåret Storvik"].id, "Extern utvärderare", dt.date(today.year - 1, 1, 15),
        dt.date(today.year - 1, 11, 30),
        "Insatsen beräknas återbetala sig inom tre år, främst genom minskat försörjningsstöd.",
        "Sprid arbetssättet till övriga kommuner.", "Utvärderingar/Jobbspåret_NyttoSam.pdf"))
    evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.ONGOING, "Löpande uppföljning av Unga vuxna i fokus",
        ids["Unga vuxna i fokus"].id, "Förbundets kansli", dt.date(today.year, 1, 1), None,
        "Deltagarantalet följer planen; andelen kvinnor är lägre än väntat.", "", ""))
    evaluations.save_evaluation(store, Evaluation(
        0, EvaluationKind.NNS, "NNS-indikatorer för förbundet", None, "Förbundets kansli",
        dt.date(today.year - 1, 10, 1), dt.date(today.year - 1, 12, 15),
        "Styrelsen och insatspersonalen ger samverkan högre betyg än året innan.", "", ""))
