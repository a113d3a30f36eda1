"""Annual report cycle: statements with sums and checks, texts, signatories on the signing
date, dispatch and discharge per member, the countdown to 31 March."""

import dataclasses
import datetime as dt

import pytest

from finsam_desktop.domain import annual as rules
from finsam_desktop.domain.annual import AnnualReport, Discharge, MemberCycle, Note, Statement
from finsam_desktop.domain.board import BoardFunction, SeatRole
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.services import annual, meetings, minutes
from finsam_desktop.storage import exchange
from finsam_desktop.storage.store import memory_store
from tests.factories import add_members, full_board, new_store, seat
from tests.meeting_factories import plan


@pytest.fixture
def store():
    s = new_store(dt.date(2027, 2, 20))
    s.members = add_members(s)
    return s


def _enter(store, year, statement, **figures):
    for code, kr in figures.items():
        annual.set_line(store, year, statement, code, kr * 100)


def test_income_statement_sums_and_last_year_beside_this_year(store):
    _enter(store, 2025, Statement.INCOME, operating_income=10_000_000, operating_costs=9_500_000,
           financial_income=20_000)
    _enter(store, 2026, Statement.INCOME, operating_income=10_400_000, operating_costs=10_900_000,
           depreciation=0, financial_income=15_000, financial_costs=1_000)
    rows = {r.code: r for r in annual.statement(store, 2026, Statement.INCOME)}
    assert rows["net_operating_costs"].this_year == -500_000_00
    assert rows["result"].this_year == -486_000_00
    assert rows["result"].last_year == 520_000_00
    assert rows["result"].is_sum and not rows["operating_costs"].is_sum


def test_sums_cannot_be_entered_and_amounts_are_checked(store):
    with pytest.raises(ValidationError, match="not a line that is entered"):
        annual.set_line(store, 2026, Statement.INCOME, "result", 1)
    with pytest.raises(ValidationError, match="too large"):
        annual.set_line(store, 2026, Statement.INCOME, "operating_income", 10**15)


def test_statement_checks_find_an_unbalanced_sheet_and_different_results(store):
    _enter(store, 2026, Statement.INCOME, operating_income=1_000, operating_costs=1_200)
    _enter(store, 2026, Statement.BALANCE, receivables=100, cash=2_000, equity_opening=2_200,
           equity_result=-200, current_liabilities=100)
    _enter(store, 2026, Statement.CASH_FLOW, cf_result=-200, cf_cash_opening=2_200)
    assert annual.statement_problems(store, 2026) == []
    annual.set_line(store, 2026, Statement.BALANCE, "cash", 1_900_00)
    problems = annual.statement_problems(store, 2026)
    assert any("total assets" in p for p in problems)
    assert any("cash at the end of the year" in p for p in problems)
    annual.set_line(store, 2026, Statement.CASH_FLOW, "cf_result", -100_00)
    assert any("cash-flow statement" in p and "result" in p
               for p in annual.statement_problems(store, 2026))


def test_notes_are_numbered_renumbered_and_references_checked(store):
    annual.set_line(store, 2026, Statement.INCOME, "operating_income", 100_00, "2")
    annual.set_line(store, 2026, Statement.BALANCE, "cash", 50_00, "1, 3")
    problems = annual.note_problems(store, 2026)
    assert problems == ["2026: “Operating income” refers to note 2, which has not been written.",
                        "2026: “Cash and bank” refers to note 3, which has not been written."]
    assert set(problems) <= set(annual.statement_problems(store, 2026))
    text = "Medlemsbidrag <Försäkringskassan> & region\n\nAndra stycket"
    before, changes = annual.save_note(store, Note(2026, 2, " Intäkter ", text))
    assert before is None and changes.touches("annual_notes")
    annual.save_note(store, Note(2026, 4, "Kassa", ""))
    assert [(n.number, n.title, n.body) for n in annual.notes(store, 2026)] == [
        (2, "Intäkter", text), (4, "Kassa", "")]
    assert annual.note_problems(store, 2026) == [
        "2026: “Cash and bank” refers to note 3, which has not been written."]
    with pytest.raises(ValidationError, match="already exists"):
        annual.save_note(store, Note(2026, 2, "Kassa", ""), replaces=4)
    with pytest.raises(ValidationError, match="already exists"):  # a new note, number taken
        annual.save_note(store, Note(2026, 2, "Kassa", ""))
    assert annual.notes(store, 2026)[0].title == "Intäkter"
    before, _ = annual.save_note(store, Note(2026, 3, "Kassa och bank", "x"), replaces=4)
    assert before == Note(2026, 4, "Kassa", "")
    assert [n.number for n in annual.notes(store, 2026)] == [2, 3]
    assert annual.note_problems(store, 2026) == []
    for bad in (Note(2026, 1, "Principer", ""), Note(2026, 100, "x", ""),
                Note(2026, 5, "   ", "")):
        with pytest.raises(ValidationError):
            annual.save_note(store, bad)
    removed, _ = annual.remove_note(store, 2026, 3)
    assert removed.title == "Kassa och bank" and annual.notes(store, 2025) == []
    with pytest.raises(ValidationError, match="no longer exists"):
        annual.remove_note(store, 2026, 3)


def test_texts_are_kept_verbatim_per_section(store):
    hostile = "<b>Ordförande</b> & co\n\nNytt stycke ÅÄÖ"
    assert annual.set_text(store, 2026, "foreword", hostile)[0] == ""
    assert annual.texts(store, 2026)["foreword"] == hostile
    assert annual.texts(store, 2026)["outlook"] == ""
    with pytest.raises(ValidationError, match="Unknown section"):
        annual.set_text(store, 2026, "gossip", "x")


def test_every_ledamot_sitting_on_the_signing_date_signs(store):
    seats = full_board(store, store.members)
    chair = seats["region"]
    store_seat = dataclasses.replace(chair, function=BoardFunction.CHAIR)
    from finsam_desktop.services import board

    board.update_seat(store, store_seat, allow_incomplete=True)
    # the municipality's ledamot leaves on 2027-01-31; a successor signs instead
    leaving = seats["a"]
    board.update_seat(store, dataclasses.replace(leaving, term_to=dt.date(2027, 1, 31)),
                      allow_incomplete=True)
    seat(store, store.members["a"], SeatRole.MEMBER, "Ny Ledamot",
         term_from=dt.date(2027, 2, 1))
    names = [s.name for s in annual.signatories(store, dt.date(2027, 3, 10))]
    assert "Ny Ledamot" in names and "Ledamot Aby kommun" not in names
    assert not any(n.startswith("Ersättare") for n in names)
    assert len(names) == 5  # one ledamot per member
    functions = {s.name: s.function for s in annual.signatories(store, dt.date(2027, 3, 10))}
    assert functions["Ledamot Region Test"] == "Chair"


def test_report_is_signed_after_the_year_and_adopted_by_a_decision(store):
    with pytest.raises(ValidationError, match="after the year has ended"):
        annual.save_report(store, AnnualReport(2026, signing_date=dt.date(2026, 12, 30)))
    full_board(store, store.members)
    meeting = plan(store, dt.date(2027, 3, 12), "Årsredovisning 2026")
    minutes.start_minutes(store, meeting.id)
    item = next(i for i in meetings.list_items(store, meeting.id)
                if i.title == "Årsredovisning 2026")
    annual.save_report(store, AnnualReport(2026, dt.date(2027, 3, 12), "Åsby",
                                           adopted_item_id=item.id))
    status = annual.status(store, 2026)
    assert status.signed and status.adopted and not status.audit_received
    assert status.deadline == dt.date(2027, 3, 31) and status.days_left == 39


def test_dispatch_and_discharge_are_recorded_per_member(store):
    fk = store.members["fk"]
    annual.save_cycle(store, MemberCycle(2026, fk.id, dt.date(2027, 3, 20),
                                         dt.date(2027, 4, 2)))
    with pytest.raises(ValidationError, match="date of the member's decision"):
        annual.save_cycle(store, MemberCycle(2026, fk.id, discharge=Discharge.GRANTED))
    annual.save_cycle(store, MemberCycle(2026, fk.id, dt.date(2027, 3, 20), dt.date(2027, 4, 2),
                                         Discharge.GRANTED, dt.date(2027, 4, 20), "Beslut 123"))
    region = store.members["region"]
    annual.save_cycle(store, MemberCycle(2026, region.id, dt.date(2027, 3, 20),
                                         discharge=Discharge.NOT_GRANTED,
                                         decided_on=dt.date(2027, 5, 2), reference="RF § 9"))
    status = annual.status(store, 2026)
    assert (status.members, status.sent_to, status.discharged, status.refused) == (5, 2, 1, 1)
    assert status.pending_discharges == 3
    rows = {c.member_id: c for c in annual.cycles(store, 2026)}
    assert rows[store.members["b"].id].discharge is Discharge.PENDING


def test_deadline_is_31_march_of_the_next_year():
    assert rules.deadline(2026) == dt.date(2027, 3, 31)
    assert rules.days_left(2026, dt.date(2027, 4, 1)) == -1


def test_annual_tables_dump_and_load(store):
    annual.set_text(store, 2026, "outlook", "Framåt")
    _enter(store, 2026, Statement.BALANCE, cash=5)
    annual.save_note(store, Note(2026, 2, "Likvida medel", "Bank & kassa"))
    annual.save_cycle(store, MemberCycle(2026, store.members["fk"].id, dt.date(2027, 3, 1)))
    document = exchange.dump(store.db, store.schema_names())
    copy = memory_store()
    with copy.user_action():
        exchange.validate(copy.db, document)
        exchange.insert_all(copy.db, document)
    assert exchange.to_json(exchange.dump(copy.db, copy.schema_names())) == \
        exchange.to_json(document)
