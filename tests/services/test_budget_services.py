"""Budget services: years, versions and adoption, lines, actuals, forecast, payments, import."""

import dataclasses
import datetime as dt
import sqlite3

import pytest
from openpyxl import Workbook

from finsam_desktop.domain.budget import (
    Area,
    BudgetLine,
    BudgetYear,
    Focus,
    Payment,
    Periods,
    VersionKind,
)
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.services import (
    budget,
    budget_import,
    budget_report,
    meetings,
    minutes,
    organisation,
)
from finsam_desktop.storage import exchange
from finsam_desktop.storage.store import memory_store
from tests.factories import add_members, full_board, new_store
from tests.meeting_factories import plan

MSEK = 1_000_000_00


@pytest.fixture
def store():
    s = new_store()
    s.members = add_members(s)
    return s


def _year(store, year=2026, contributions=10 * MSEK, equity=3 * MSEK):
    version = budget.create_year(store, year, contributions_ore=contributions,
                                 opening_equity_ore=equity)[0]
    return version


def _line(store, year, area):
    return next(li for li in budget.view(store, year).lines if li.area is area)


def _decision(store, day=dt.date(2025, 11, 20)):
    full_board(store, store.members)
    meeting = plan(store, day, "Verksamhetsplan och budget 2026")
    minutes.start_minutes(store, meeting.id)
    return next(i for i in meetings.list_items(store, meeting.id)
                if i.title.startswith("Verksamhetsplan"))


def test_a_new_year_has_the_standard_lines_and_contributions_split_by_share(store):
    version = _year(store)
    view = budget.view(store, 2026)
    assert version.kind is VersionKind.PROPOSAL and not version.locked
    assert [li.area for li in view.lines] == [Area.CONTRIBUTIONS, Area.BOARD,
                                              Area.ADMINISTRATION, Area.AUDIT]
    amounts = {c.member.name: c.amounts[0] for c in view.contributions}
    assert amounts == {"Försäkringskassan": 5 * MSEK, "Arbetsförmedlingen": 0,
                       "Region Test": 2_500_000_00, "Aby kommun": 1_500_000_00,
                       "Bby kommun": 1 * MSEK}
    with pytest.raises(ValidationError, match="already a budget"):
        _year(store)


def test_activity_lines_need_a_focus_and_unique_names(store):
    _year(store)
    with pytest.raises(ValidationError, match="individual-targeted or structural"):
        budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Insats"))
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Insats", Focus.STRUCTURAL))
    with pytest.raises(ValidationError, match="already a line"):
        budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "INSATS", Focus.INDIVIDUAL))
    with pytest.raises(ValidationError, match="one contributions line"):
        budget.add_line(store, BudgetLine(0, 2026, Area.CONTRIBUTIONS, "Extra"))
    with pytest.raises(ValidationError, match="cannot be negative"):
        budget.add_line(store, BudgetLine(0, 2026, Area.AUDIT, "Extra revision"), (-1, 0, 0))


def test_adopting_links_the_paragraph_and_locks_the_amounts_even_against_sql(store):
    version = _year(store)
    item = _decision(store)
    budget.adopt(store, version.id, item.id)
    adopted = budget.current_version(store, 2026)
    assert adopted.locked and adopted.kind is VersionKind.ADOPTED
    assert budget.adoption_reference(store, adopted).endswith("2025-11-20")
    assert budget.version_label(store, adopted).startswith("Adopted §")
    line = _line(store, 2026, Area.AUDIT)
    with pytest.raises(ValidationError, match="adopted"):
        budget.set_amount(store, version.id, line.id, 0, 100)
    with pytest.raises(sqlite3.IntegrityError, match="adopted budget version"):
        store.db.execute("UPDATE budget_amounts SET amount_ore = 1 WHERE version_id = ?",
                         [version.id])
    with pytest.raises(ValidationError, match="revised version"):
        budget.add_line(store, BudgetLine(0, 2026, Area.AUDIT, "Mer revision"))


def test_only_numbered_decisions_can_adopt_a_budget(store):
    version = _year(store)
    full_board(store, store.members)
    meeting = plan(store, dt.date(2025, 11, 20), "Budget")
    item = next(i for i in meetings.list_items(store, meeting.id) if i.title == "Budget")
    with pytest.raises(ValidationError, match="numbered decision"):
        budget.adopt(store, version.id, item.id)  # minutes not started: no § number yet
    minutes.start_minutes(store, meeting.id)
    info = next(i for i in meetings.list_items(store, meeting.id)
                if i.kind is not ItemKind.DECISION)
    with pytest.raises(ValidationError, match="numbered decision"):
        budget.adopt(store, version.id, info.id)
    choices = budget.decision_choices(store, 2026)
    assert any(label.endswith(": Budget") for _id, label in choices)


def test_a_revision_starts_from_the_adopted_amounts_and_becomes_current_when_adopted(store):
    version = _year(store)
    budget.adopt(store, version.id, _decision(store).id)
    revised = budget.revise(store, version.id)[0]
    assert budget.working_version(store, 2026) == revised
    assert budget.current_version(store, 2026).id == version.id  # until adopted
    contributions = _line(store, 2026, Area.CONTRIBUTIONS)
    budget.set_amount(store, revised.id, contributions.id, 0, 11 * MSEK)
    assert budget.view(store, 2026, version.id).amounts[contributions.id][0] == 10 * MSEK
    meeting = plan(store, dt.date(2026, 6, 12), "Reviderad budget")
    minutes.start_minutes(store, meeting.id)
    item = next(i for i in meetings.list_items(store, meeting.id)
                if i.title == "Reviderad budget")
    budget.adopt(store, revised.id, item.id)
    assert budget.current_version(store, 2026).id == revised.id
    assert budget.follow_up(store, 2026).income.budget_ore == 11 * MSEK


def test_copy_year_shifts_the_plan_years_and_keeps_texts(store):
    version = _year(store)
    line = budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Steget",
                                             Focus.INDIVIDUAL), (100, 200, 300))[0]
    budget.set_text(store, version.id, "goals", "Fler i arbete.")
    new = budget.copy_year(store, 2026)[0]
    assert new.year == 2027 and new.based_on_id == version.id
    view = budget.view(store, 2027)
    copied = next(li for li in view.lines if li.name == "Steget")
    assert copied.id != line.id and copied.focus is Focus.INDIVIDUAL
    assert view.amounts[copied.id] == [200, 300, 300]
    assert budget.texts(store, new.id)["goals"] == "Fler i arbete."


def test_copy_year_without_plan_years_repeats_the_budget_year(store):
    _year(store)
    budget.copy_year(store, 2026)
    contributions = _line(store, 2027, Area.CONTRIBUTIONS)
    assert budget.view(store, 2027).amounts[contributions.id] == [10 * MSEK] * 3


def test_actuals_forecast_and_tertial_reporting(store):
    _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    version = budget.working_version(store, 2026)
    budget.set_amount(store, version.id, audit.id, 0, 120_000_00)
    assert budget.set_actual(store, audit.id, 1, 10_000_00)[0] is None
    before, _ = budget.set_actuals(store, 2026, [(audit.id, 2, 30_000_00),
                                                 (audit.id, 1, 12_000_00)])
    assert before == {(audit.id, 2): None, (audit.id, 1): 10_000_00}
    row = next(r for r in budget.follow_up(store, 2026).lines if r.line_id == audit.id)
    assert row.actual_ore == 42_000_00 and row.forecast_ore == 42_000_00 + 100_000_00
    budget.set_forecast(store, audit.id, 150_000_00, "Extra granskning")
    row = next(r for r in budget.follow_up(store, 2026).lines if r.line_id == audit.id)
    assert row.forecast_entered and row.deviation_ore == -30_000_00
    with pytest.raises(ValidationError, match="per month"):
        budget.set_year(store, BudgetYear(2026, 3 * MSEK, Periods.TERTIAL))
    budget.set_actuals(store, 2026, [(audit.id, 1, None), (audit.id, 2, None)])
    budget.set_year(store, BudgetYear(2026, 3 * MSEK, Periods.TERTIAL))
    with pytest.raises(ValidationError, match="tertial"):
        budget.set_actual(store, audit.id, 3, 1)
    budget.set_actual(store, audit.id, 4, 40_000_00)
    assert budget.follow_up(store, 2026).through_month == 4


def test_bulk_actuals_write_nothing_when_one_entry_is_bad(store):
    _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    contributions = _line(store, 2026, Area.CONTRIBUTIONS)
    with pytest.raises(ValidationError, match="per member"):
        budget.set_actuals(store, 2026, [(audit.id, 1, 5), (contributions.id, 1, 5)])
    with pytest.raises(ValidationError, match="1–12"):
        budget.set_actuals(store, 2026, [(audit.id, 1, 5), (audit.id, 13, 5)])
    assert store.budget.actuals(2026) == {}


def test_lines_with_actuals_or_in_an_adopted_budget_cannot_be_removed(store):
    version = _year(store)
    line = budget.add_line(store, BudgetLine(0, 2026, Area.OTHER_INCOME, "ESF"),
                           (100, 0, 0))[0]
    budget.set_actual(store, line.id, 1, 50)
    with pytest.raises(ValidationError, match="has actuals"):
        budget.remove_line(store, line.id)
    budget.set_actual(store, line.id, 1, None)
    budget.adopt(store, version.id, _decision(store).id)
    with pytest.raises(ValidationError, match="adopted budget"):
        budget.remove_line(store, line.id)
    with pytest.raises(ValidationError, match="contributions line"):
        budget.remove_line(store, _line(store, 2026, Area.CONTRIBUTIONS).id)


def test_removed_line_can_be_restored_for_undo(store):
    version = _year(store)
    line = budget.add_line(store, BudgetLine(0, 2026, Area.OTHER_INCOME, "Ränta"),
                           (5, 6, 7))[0]
    removed, _ = budget.remove_line(store, line.id)
    assert all(li.id != line.id for li in budget.view(store, 2026).lines)
    budget.restore_line(store, removed, version.id, (5, 6, 7))
    assert budget.view(store, 2026).amounts[line.id] == [5, 6, 7]


def test_payments_off_the_shares_are_recorded_and_flagged_and_feed_the_actuals(store):
    _year(store)
    m = store.members
    for key, amount in (("fk", 5 * MSEK), ("region", 2_500_000_00), ("a", 1_500_000_00),
                        ("b", 1_100_000_00)):
        budget.add_payment(store, Payment(0, 2026, m[key].id, dt.date(2026, 2, 1), amount))
    rows = {r.member.name: r for r in budget.received(store, 2026)}
    assert rows["Bby kommun"].flagged and rows["Bby kommun"].deviation_ore == 100_000_00
    assert rows["Bby kommun"].deviation_ppm == 10_000  # 1 percentage point of 10 MSEK
    assert not rows["Aby kommun"].flagged
    warnings = budget.warnings(store, 2026)
    assert any(w.code == "payment_deviates" and "Bby kommun" in w.text for w in warnings)
    income = budget.follow_up(store, 2026).areas[0]
    assert income.area is Area.CONTRIBUTIONS and income.actual_ore == 10_100_000_00
    assert income.forecast_ore == 10_100_000_00
    contribution_row = next(r for r in budget.follow_up(store, 2026).lines
                            if r.area is Area.CONTRIBUTIONS)
    assert not contribution_row.forecast_entered  # computed from what members owe


def test_without_actuals_a_deficit_is_warned_once(store):
    _year(store, equity=1 * MSEK)
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Stor insats",
                                      Focus.INDIVIDUAL), (12 * MSEK, 0, 0))
    this_year = [w for w in budget.warnings(store, 2026)
                 if w.code == "deficit_uncovered" and "2026" in w.text]
    assert len(this_year) == 1


def test_without_payments_the_contributions_forecast_is_what_members_owe(store):
    _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    budget.set_actual(store, audit.id, 9, 100)
    income = budget.follow_up(store, 2026).areas[0]
    assert income.area is Area.CONTRIBUTIONS
    assert income.forecast_ore == 10 * MSEK and income.deviation_ore == 0


def test_contributions_to_date_follow_the_charters_due_months(store):
    _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    budget.set_actual(store, audit.id, 8, 100)
    evenly = budget.follow_up(store, 2026, 8).areas[0]
    assert evenly.budget_to_date_ore == round(10 * MSEK * 8 / 12)
    organisation.save_charter(store, dataclasses.replace(
        organisation.get_charter(store), contribution_months="1, 7"))
    assert budget.follow_up(store, 2026, 6).areas[0].budget_to_date_ore == 5 * MSEK
    assert budget.follow_up(store, 2026, 8).areas[0].budget_to_date_ore == 10 * MSEK
    with pytest.raises(ValidationError, match="numbers 1–12"):
        organisation.save_charter(store, dataclasses.replace(
            organisation.get_charter(store), contribution_months="jan, jul"))


def test_routine_items_are_not_offered_to_adopt_a_budget(store):
    _year(store)
    _decision(store)
    labels = [label for _id, label in budget.decision_choices(store, 2026)]
    assert any("Verksamhetsplan och budget 2026" in label for label in labels)
    assert not any("Approval of the agenda" in label or "Godkännande av dagordning" in label
                   for label in labels)


def test_deficit_beyond_equity_is_a_severe_warning_also_in_plan_years(store):
    version = _year(store, equity=1 * MSEK)
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Stor insats",
                                      Focus.INDIVIDUAL), (10_500_000_00, 12 * MSEK, 0))
    contributions = _line(store, 2026, Area.CONTRIBUTIONS)
    budget.set_amount(store, version.id, contributions.id, 1, 10 * MSEK)
    warnings = budget.warnings(store, 2026)
    uncovered = [w for w in warnings if w.code == "deficit_uncovered"]
    assert uncovered and all(w.severe for w in uncovered)
    assert any("2027" in w.text for w in uncovered)
    chain = {e.year: e for e in budget.equity(store)}
    assert chain[2026].opening_ore == 1 * MSEK
    assert chain[2027].opening_ore == chain[2026].closing_ore


def test_key_figures_of_the_demo_like_budget(store):
    version = _year(store)
    view = budget.view(store, 2026)
    by_area = {li.area: li for li in view.lines}
    budget.set_amount(store, version.id, by_area[Area.ADMINISTRATION].id, 0, 2 * MSEK)
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "A", Focus.INDIVIDUAL),
                    (6 * MSEK, 0, 0))
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "B", Focus.STRUCTURAL),
                    (2 * MSEK, 0, 0))
    figures = budget.key_figures(store, 2026)
    assert figures.admin_share_ppm == 200_000
    assert figures.individual_share_ppm == 750_000
    assert figures.threshold_ppm == 200_000


def test_charts_carry_the_same_figures_as_the_follow_up(store):
    version = _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    budget.set_amount(store, version.id, audit.id, 0, 120_000_00)
    budget.set_actual(store, audit.id, 1, 10_000_00)
    charts = {c.key: c for c in budget_report.charts(store, 2026)}
    assert set(charts) == {"areas", "cumulative", "equity", "contributions"}
    areas = charts["areas"]
    audit_index = areas.categories.index("Audit")
    assert areas.series[0].values[audit_index] == 120_000_00
    assert areas.series[1].values[audit_index] == 10_000_00
    cumulative = charts["cumulative"].series[1].values
    assert cumulative[0] == 10_000_00 and cumulative[1] is None


def _xlsx(path, rows, headers=("År", "Område", "Rad", "Period", "Belopp (kr)")):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Utfall"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_import_actuals_from_the_documented_layout(store, tmp_path):
    _year(store)
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Steg till arbete",
                                      Focus.INDIVIDUAL))
    path = _xlsx(tmp_path / "utfall.xlsx", [
        (2026, "", "Audit", "jan", 12000.5),
        (2026, "Activities", "steg till arbete", 2, "210 000"),
        (2026, "insatser", "Steg till arbete", "Mars", "198 500,50"),  # Swedish, in English UI
        (None, None, None, None, None)])
    plan, _ = budget_import.import_actuals(store, path)
    assert plan.count == 3
    actuals = store.budget.actuals(2026)
    audit = _line(store, 2026, Area.AUDIT)
    assert actuals[audit.id] == {1: 1_200_050}
    assert sorted(v for line in actuals.values() for v in line.values()) == \
        [1_200_050, 19_850_050, 21_000_000]


def test_a_bad_file_reports_every_row_and_writes_nothing(store, tmp_path):
    _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    path = _xlsx(tmp_path / "bad.xlsx", [
        (2026, "", "Audit", 1, 100),
        (2026, "", "Nope", 1, 100),
        (2031, "", "Audit", 1, 100),
        (2026, "", "Audit", 13, 100),
        (2026, "", "Audit", 2, 1.234),
        (2026, "", "Audit", 3, None),
        (2026, "", "Member contributions", 3, 5),
        (2026, "", "Audit", "jan", 5)])
    with pytest.raises(ValidationError) as info:
        budget_import.import_actuals(store, path)
    problems = info.value.problems
    assert problems[0].startswith("Nothing was imported")
    for row in range(3, 10):
        assert any(p.startswith(f"Row {row}:") for p in problems), row
    assert "also on row 2" in problems[-1]
    assert audit.id not in store.budget.actuals(2026)


def test_import_refuses_wrong_headers_and_files_that_are_not_workbooks(store, tmp_path):
    _year(store)
    with pytest.raises(ValidationError) as info:
        budget_import.import_actuals(store, _xlsx(tmp_path / "h.xlsx", [(2026, "", "Audit", 1,
                                                                        1)],
                                                  headers=("Year", "Line", "Amount")))
    assert "Row 1 must hold the headers" in str(info.value)
    text = tmp_path / "text.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(ValidationError, match="not an Excel workbook"):
        budget_import.import_actuals(store, text)
    with pytest.raises(ValidationError, match="does not exist"):
        budget_import.import_actuals(store, tmp_path / "missing.xlsx")
    empty = _xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(ValidationError, match="no rows"):
        budget_import.import_actuals(store, empty)


def test_dump_and_load_keep_adopted_budgets_locked(store):
    version = _year(store)
    budget.add_line(store, BudgetLine(0, 2026, Area.ACTIVITIES, "Insats", Focus.STRUCTURAL),
                    (1, 2, 3))
    budget.adopt(store, version.id, _decision(store).id)
    budget.add_payment(store, Payment(0, 2026, store.members["fk"].id, dt.date(2026, 1, 5), 7))
    document = exchange.dump(store.db, store.schema_names())
    copy = memory_store()
    with copy.user_action():
        exchange.validate(copy.db, document)
        exchange.insert_all(copy.db, document)
    assert exchange.to_json(exchange.dump(copy.db, copy.schema_names())) == \
        exchange.to_json(document)
    assert budget.current_version(copy, 2026).locked
    with pytest.raises(sqlite3.IntegrityError):
        copy.db.execute("DELETE FROM budget_amounts")


def test_every_budget_write_is_audited(store):
    version = _year(store)
    audit = _line(store, 2026, Area.AUDIT)
    budget.set_amount(store, version.id, audit.id, 0, 99)
    entry = store.db.execute("SELECT action, before_json, after_json FROM audit_log "
                             "ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "budget.amount_set" and '"amount_ore": 99' in entry[2]


def test_set_year_keeps_opening_equity_and_note(store):
    _year(store)
    before, _ = budget.set_year(store, dataclasses.replace(budget.get_year(store, 2026),
                                                           opening_equity_ore=None, note="x"))
    assert before.opening_equity_ore == 3 * MSEK
    assert budget.equity(store)[0].opening_ore is None
    assert any(w.code == "equity_unknown" for w in budget.warnings(store, 2026))


def test_check_names_a_removed_budget_lock(tmp_path):
    from finsam_desktop.services.maintenance import check_database, create_database
    from tests.factories import fixed_clock

    path = tmp_path / "b.sqlite"
    store = create_database(path, "Förbundet", clock=fixed_clock())
    add_members(store)
    budget.create_year(store, 2026, contributions_ore=100)
    store.close()
    assert check_database(path).healthy
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER budget_amounts_locked_update")
    conn.commit()
    conn.close()
    assert any("adopted budgets" in p and "budget_amounts_locked_update" in p
               for p in check_database(path).problems)
