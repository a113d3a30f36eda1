"""Activity services: register, parties, fixed fields, lifecycle with §, budget link,
participants with import, findings, goals, indicators, evaluations."""

import dataclasses
import datetime as dt
import sqlite3

import pytest
from openpyxl import Workbook

from finsam_desktop.domain.activities import (
    Activity,
    Count,
    Finding,
    FindingKind,
    Measure,
    Status,
    summarise,
)
from finsam_desktop.domain.budget import Area, BudgetLine, Focus
from finsam_desktop.domain.charts import Unit as ChartUnit
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import (
    Evaluation,
    EvaluationKind,
    Fulfilment,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorValue,
    Unit,
)
from finsam_desktop.services import (
    activities,
    activity_report,
    budget,
    evaluations,
    meetings,
    minutes,
    participants_import,
)
from finsam_desktop.storage import exchange
from finsam_desktop.storage.store import memory_store
from tests.factories import add_members, full_board, new_store
from tests.meeting_factories import plan


@pytest.fixture
def store():
    s = new_store()
    s.members = add_members(s)
    return s


def _activity(store, name="Steget", focus=Focus.INDIVIDUAL, **over):
    m = store.members
    values = dict(lead_member_id=m["a"].id, start_on=dt.date(2026, 1, 1),
                  end_on=dt.date(2027, 12, 31))
    values.update(over)
    return activities.add_activity(store, Activity(0, name, focus, **values),
                                   [m["a"].id, m["fk"].id])[0]


def _decision(store, title="Ansökan Steget"):
    full_board(store, store.members)
    meeting = plan(store, dt.date(2025, 11, 20), title)
    minutes.start_minutes(store, meeting.id)
    return next(i for i in meetings.list_items(store, meeting.id) if i.title == title)


def test_two_municipalities_alone_are_refused_and_the_message_says_why(store):
    m = store.members
    with pytest.raises(ValidationError, match="two municipalities count as one party"):
        activities.add_activity(store, Activity(0, "Kommunsamverkan", Focus.STRUCTURAL,
                                                lead_member_id=m["a"].id),
                                [m["a"].id, m["b"].id])
    assert activities.list_activities(store) == []


def test_names_are_distinct_and_personal_numbers_are_refused(store):
    _activity(store)
    with pytest.raises(ValidationError, match="distinct names"):
        _activity(store, name="STEGET")
    with pytest.raises(ValidationError, match="personal identity number"):
        _activity(store, name="Annan", description="Gäller deltagaren 850412-1234.")


def test_direction_method_and_esf_are_fixed_also_in_the_database(store):
    activity = _activity(store)
    with pytest.raises(ValidationError, match="fixed once an activity is registered"):
        activities.update_activity(store, dataclasses.replace(activity,
                                                              focus=Focus.STRUCTURAL))
    with pytest.raises(ValidationError, match="fixed"):
        activities.update_activity(store, dataclasses.replace(activity, esf=True))
    with pytest.raises(sqlite3.IntegrityError, match="fixed"):
        store.db.execute("UPDATE activities SET esf = 1 WHERE id = ?", [activity.id])
    changed = activities.update_activity(store, dataclasses.replace(activity, goals="Fler i "
                                                                     "arbete"))[0]
    assert changed[0].goals == "" and activities.get(store, activity.id).goals == "Fler i arbete"


def test_lifecycle_needs_the_decision_and_only_moves_forward(store):
    activity = _activity(store)
    activities.set_status(store, activity.id, Status.PROPOSAL)
    with pytest.raises(ValidationError, match="decision"):
        activities.set_status(store, activity.id, Status.GRANTED)
    item = _decision(store)
    activities.set_status(store, activity.id, Status.GRANTED, item.id)
    granted = activities.get(store, activity.id)
    assert granted.status is Status.GRANTED and granted.granted_item_id == item.id
    assert activities.decision_reference(store, item.id).endswith("2025-11-20")
    with pytest.raises(ValidationError, match="moves forward"):
        activities.set_status(store, activity.id, Status.IDEA)
    activities.update_activity(store, dataclasses.replace(granted, status=Status.IDEA,
                                                          granted_item_id=None),
                               allow_backward=True)  # undo
    assert activities.get(store, activity.id).status is Status.IDEA


def test_budget_lines_link_and_give_budget_and_actual_per_year(store):
    activity = _activity(store)
    budget.create_year(store, 2026, contributions_ore=1_000_000_00)
    line = budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Steget",
                                             Focus.INDIVIDUAL), (500_000_00, 0, 0))[0]
    other = budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Struktur",
                                              Focus.STRUCTURAL), (1, 0, 0))[0]
    with pytest.raises(ValidationError, match="structural"):
        activities.link_budget_line(store, other.id, activity.id)
    activities.link_budget_line(store, line.id, activity.id)
    budget.set_actual(store, line.id, 2, 120_000_00)
    activities.set_counts(store, [Count(activity.id, 2026, "year", Measure.STARTED_GENDER,
                                        "women", 4)])
    figures = activities.figures(store, activity.id)
    assert [(f.year, f.budget_ore, f.actual_ore) for f in figures] == [(2026, 500_000_00,
                                                                         120_000_00)]
    assert figures[0].cost.per_participant_ore == 30_000_00
    row = activities.register(store, 2026)[0]
    assert row.budget_ore == 500_000_00 and row.started == 4
    with pytest.raises(ValidationError, match="cannot be removed"):
        activities.remove_activity(store, activity.id)


def test_counts_are_validated_all_or_nothing_and_returned_for_undo(store):
    activity = _activity(store)
    good = Count(activity.id, 2026, "H1", Measure.STARTED_AGE, "20-29", 7)
    with pytest.raises(ValidationError, match="not a category"):
        activities.set_counts(store, [good, Count(activity.id, 2026, "H1",
                                                  Measure.STARTED_AGE, "70-79", 1)])
    with pytest.raises(ValidationError, match="period"):
        activities.set_counts(store, [Count(activity.id, 2026, "H3", Measure.STARTED_AGE,
                                            "20-29", 1)])
    with pytest.raises(ValidationError, match="whole number"):
        activities.set_counts(store, [dataclasses.replace(good, count=-1)])
    assert activities.counts(store) == []
    before, _ = activities.set_counts(store, [good])
    assert before[0].count == 0
    before, _ = activities.set_counts(store, [dataclasses.replace(good, count=9)])
    assert before[0].count == 7 and activities.counts(store)[0].count == 9


def test_key_figures_share_to_work_and_cost_per_participant(store):
    a = _activity(store)
    _activity(store, name="Struktur", focus=Focus.STRUCTURAL)
    activities.set_counts(store, [
        Count(a.id, 2026, "year", Measure.STARTED_GENDER, "women", 6),
        Count(a.id, 2026, "year", Measure.STARTED_GENDER, "men", 4),
        Count(a.id, 2026, "year", Measure.FINISHED_GENDER, "men", 5),
        Count(a.id, 2026, "year", Measure.OCCUPATION_AFTER, "work", 2),
        Count(a.id, 2026, "year", Measure.OCCUPATION_AFTER, "studies", 1)])
    figures = activities.key_figures(store, 2026)
    assert (figures.activities, figures.individual, figures.structural) == (2, 1, 1)
    assert figures.participants.started == 10
    assert figures.participants.work_or_studies_share_ppm == 600_000
    assert "divided by the participants" in figures.cost.definition


def _csv(path, lines):
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_import_participants_from_csv_with_swedish_labels(store, tmp_path):
    activity = _activity(store)
    path = _csv(tmp_path / "d.csv", [
        "Insats;År;Period;Mått;Kategori;Antal",
        "Steget;2026;helår;started_gender;women;12",
        "steget;2026;H1;Started, by age;16–19;3",
        "Steget;2026;year;occupation_after;work;4",
        ";;;;;"])
    plan, _ = participants_import.import_participants(store, path)
    assert len(plan.entries) == 3
    summary = activities.summary(store, 2026, activity.id)
    assert summary.started == 12 and summary.started_by_age == {"16-19": 3}


def test_a_bad_participant_file_reports_each_row_and_writes_nothing(store, tmp_path):
    _activity(store)
    path = _csv(tmp_path / "bad.csv", [
        "Insats,År,Period,Mått,Kategori,Antal",
        "Steget,2026,year,started_gender,women,12",
        "Okänd,2026,year,started_gender,women,1",
        "Steget,1999,year,started_gender,women,1",
        "Steget,2026,H9,started_gender,women,1",
        "Steget,2026,year,height,tall,1",
        "Steget,2026,year,started_gender,aliens,1",
        "Steget,2026,year,started_gender,men,tolv",
        "Steget,2026,year,started_gender,women,5"])
    with pytest.raises(ValidationError) as info:
        participants_import.import_participants(store, path)
    problems = info.value.problems
    for row in range(3, 10):
        assert any(p.startswith(f"Row {row}") for p in problems), row
    assert activities.counts(store) == []


def test_a_participant_file_with_a_personal_number_is_refused_whole(store, tmp_path):
    _activity(store)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Deltagare"
    sheet.append(["Insats", "År", "Period", "Mått", "Kategori", "Antal"])
    sheet.append(["Steget", 2026, "year", "started_gender", "women", 2])
    sheet.append(["Steget 850412-1234", 2026, "year", "started_gender", "men", 1])
    path = tmp_path / "p.xlsx"
    workbook.save(path)
    with pytest.raises(ValidationError, match="personal identity number"):
        participants_import.import_participants(store, path)
    assert activities.counts(store) == []
    (tmp_path / "x.pdf").write_text("%PDF")
    with pytest.raises(ValidationError, match=r"\.csv or \.xlsx"):
        participants_import.import_participants(store, tmp_path / "x.pdf")


def test_findings_link_to_activities_and_refuse_personal_numbers(store):
    activity = _activity(store)
    activities.save_finding(store, Finding(0, FindingKind.OBSTACLE, "Glapp mellan parterna"),
                            [activity.id])
    (finding, links), = activities.list_findings(store)
    assert links == [activity.id] and finding.kind is FindingKind.OBSTACLE
    with pytest.raises(ValidationError, match="personal identity"):
        activities.save_finding(store, Finding(0, FindingKind.MAPPING, "Kartläggning",
                                               "Person 19850412-1234"), [])
    removed, _ = activities.remove_finding(store, finding.id)
    activities.restore_finding(store, *removed)
    assert activities.list_findings(store)[0][1] == [activity.id]


def test_goals_indicators_values_and_fulfilment(store):
    evaluations.save_goal(store, Goal(0, "Fler i arbete"))
    goal = evaluations.list_goals(store)[0]
    evaluations.save_indicator(store, Indicator(0, "Andel till arbete", unit=Unit.PERCENT,
                                                goal_id=goal.id, baseline_milli=30_000,
                                                baseline_year=2024, target_milli=40_000))
    indicator = evaluations.list_indicators(store)[0]
    evaluations.set_value(store, indicator.id, 2025, IndicatorValue(0, 0, 35_000))
    assert evaluations.goal_fulfilment(store)[0].fulfilment is Fulfilment.PROGRESS
    evaluations.set_value(store, indicator.id, 2026, IndicatorValue(0, 0, 42_000))
    assert evaluations.goal_fulfilment(store)[0].fulfilment is Fulfilment.MET
    assert evaluations.goal_fulfilment(store, 2025)[0].fulfilment is Fulfilment.PROGRESS
    chart = activity_report.indicator_chart(store, indicator)
    assert chart.categories == ("2024", "2025", "2026")
    assert chart.series[0].values == (300_000, 350_000, 420_000)  # ppm, as % on the axis
    assert chart.series[1].values == (400_000,) * 3
    with pytest.raises(ValidationError, match="Indicators measure this goal"):
        evaluations.remove_goal(store, goal.id)


def test_indicator_charts_count_in_whole_numbers_and_scores_with_decimals(store):
    def chart(indicator, *values):
        saved = evaluations.save_indicator(store, indicator).record
        for year, value in zip((2025, 2026), values, strict=False):
            evaluations.set_value(store, saved.id, year, IndicatorValue(0, 0, value))
        return activity_report.indicator_chart(store, saved)

    counted = chart(Indicator(0, "Antal", unit=Unit.COUNT, baseline_milli=120_000,
                              baseline_year=2024, target_milli=150_000), 137_000, 140_000)
    assert counted.unit is ChartUnit.COUNT
    assert counted.series[0].values == (120, 137, 140)  # whole numbers, not thousandths
    assert counted.series[1].values == (150,) * 3
    halves = chart(Indicator(0, "Snitt", unit=Unit.COUNT, target_milli=3_000), 2_500)
    assert halves.unit is ChartUnit.DECIMAL and halves.series[0].values == (2_500,)
    assert halves.series[1].values == (3_000,)
    scored = chart(Indicator(0, "Betyg", unit=Unit.SCORE, target_milli=7_000), 6_800, 7_000)
    assert scored.unit is ChartUnit.DECIMAL  # a score even when every value is whole
    assert scored.series[0].values == (6_800, 7_000) and scored.series[1].values == (7_000,) * 2
    share = chart(Indicator(0, "Andel", target_milli=40_000), 36_900)
    assert share.unit is ChartUnit.SHARE and share.series[0].values == (369_000,)


def test_save_services_return_the_record_as_saved(store):
    activity = _activity(store)
    saved = evaluations.save_goal(store, Goal(0, " Fler i arbete "))
    before, goal, changes = saved
    assert before is None and goal.id and goal == evaluations.list_goals(store)[0]
    assert goal.title == "Fler i arbete" and changes.touches("goals")
    edited = evaluations.save_goal(store, dataclasses.replace(goal, title="Fler i studier"))
    assert edited.before == goal and edited.record == dataclasses.replace(
        goal, title="Fler i studier")
    indicator = evaluations.save_indicator(store, Indicator(0, "Andel", goal_id=goal.id))
    assert indicator.before is None and indicator.record == evaluations.list_indicators(store)[0]
    evaluation = evaluations.save_evaluation(store, Evaluation(0, EvaluationKind.PROCESS,
                                                               "Process", activity.id))
    assert evaluation.record == evaluations.list_evaluations(store)[0]
    assert evaluation.record.id and evaluation.changes.touches("evaluations")
    finding = activities.save_finding(store, Finding(0, FindingKind.OBSTACLE, "Glapp"),
                                      [activity.id])
    assert finding.before is None and finding.record.id
    assert activities.list_findings(store) == [(finding.record, [activity.id])]
    again = activities.save_finding(store, dataclasses.replace(finding.record, title="Glappet"),
                                    [])
    assert again.before == (finding.record, [activity.id])
    assert again.record == dataclasses.replace(finding.record, title="Glappet")


def test_nns_questions_are_never_reworded(store):
    with pytest.raises(ValidationError, match="respondent group"):
        evaluations.save_indicator(store, Indicator(0, "NNS", source=IndicatorSource.NNS,
                                                    question="Fråga?"))
    evaluations.save_indicator(store, Indicator(0, "NNS", source=IndicatorSource.NNS,
                                                respondent_group="board",
                                                question="Hur fungerar samverkan?"))
    nns = evaluations.list_indicators(store)[0]
    with pytest.raises(ValidationError, match="never edited"):
        evaluations.save_indicator(store, dataclasses.replace(nns, question="Ny fråga?"))
    evaluations.save_indicator(store, dataclasses.replace(nns, target_milli=7_000))
    with pytest.raises(sqlite3.IntegrityError, match="never edited"):
        store.db.execute("UPDATE indicators SET question = 'x' WHERE id = ?", [nns.id])


def test_evaluations_per_activity(store):
    activity = _activity(store)
    evaluations.save_evaluation(store, Evaluation(0, EvaluationKind.PROCESS, "Process",
                                                  activity.id, "FoU", dt.date(2026, 1, 1),
                                                  dt.date(2026, 6, 1), "Bra samverkan."))
    assert [e.title for e in evaluations.list_evaluations(store, activity.id)] == ["Process"]
    with pytest.raises(ValidationError, match="finish before"):
        evaluations.save_evaluation(store, Evaluation(0, EvaluationKind.OUTCOME, "Effekt",
                                                      activity.id, "", dt.date(2026, 6, 1),
                                                      dt.date(2026, 1, 1)))


def test_catalogue_data_and_charts(store):
    activity = _activity(store)
    activities.set_counts(store, [Count(activity.id, 2026, "year", Measure.STARTED_GENDER,
                                        "women", 3),
                                  Count(activity.id, 2025, "year", Measure.STARTED_GENDER,
                                        "men", 8)])
    catalogue = activity_report.gather(store, 2026)
    assert catalogue.entries[0].name == "Steget" and catalogue.threshold == 5
    assert catalogue.entries[0].participants.started == 3
    charts = {c.key: c for c in activity_report.charts(store, 2026, activity.id)}
    assert charts["participants"].categories == ("2025", "2026")
    assert charts["participants"].series[0].values == (8, 3)
    with pytest.raises(ValidationError, match="No activity runs in 2031"):
        activity_report.gather(store, 2031)


def test_dump_and_load_keep_activities_and_their_guards(store):
    activity = _activity(store)
    activities.set_counts(store, [Count(activity.id, 2026, "year", Measure.STARTED_GENDER,
                                        "women", 3)])
    evaluations.save_indicator(store, Indicator(0, "NNS", source=IndicatorSource.NNS,
                                                respondent_group="staff", question="Fråga?"))
    document = exchange.dump(store.db, store.schema_names())
    copy = memory_store()
    with copy.user_action():
        exchange.validate(copy.db, document)
        exchange.insert_all(copy.db, document)
    assert exchange.to_json(exchange.dump(copy.db, copy.schema_names())) == \
        exchange.to_json(document)
    with pytest.raises(sqlite3.IntegrityError):
        copy.db.execute("UPDATE activities SET focus = 'structural'")


def test_year_totals_add_up_periods_and_activities_like_the_counts(store):
    a = _activity(store)
    b = _activity(store, name="Andra insatsen")
    activities.set_counts(store, [
        Count(a.id, 2025, "Q1", Measure.STARTED_GENDER, "women", 3),
        Count(a.id, 2025, "Q2", Measure.STARTED_GENDER, "women", 2),
        Count(a.id, 2025, "Q2", Measure.OCCUPATION_AFTER, "work", 1),
        Count(b.id, 2025, "year", Measure.STARTED_GENDER, "women", 4),
        Count(b.id, 2026, "H1", Measure.STARTED_GENDER, "men", 5)])
    counts = activities.counts(store)
    assert next(c.measure for c in counts if c.activity_id == a.id) is Measure.STARTED_GENDER
    totals = activities.year_totals(store)
    assert [(c.year, c.measure, c.category, c.count) for c in totals] == [
        (2025, Measure.OCCUPATION_AFTER, "work", 1),
        (2025, Measure.STARTED_GENDER, "women", 9),
        (2026, Measure.STARTED_GENDER, "men", 5)]
    for year in (2025, 2026):
        assert summarise(year, totals) == summarise(year, counts)
    assert summarise(2025, activities.year_totals(store, a.id)).started == 5
    charts = activity_report.charts(store, 2025)
    assert charts[0].series[0].values == (9, 5)
