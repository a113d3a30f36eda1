"""Bad input everywhere (issue 8, item 6): every kind of text a user can type — NUL and
control characters, a lone surrogate from a broken copy and paste, something shaped like a
personal identity number, far too much — and dates and amounts out of range, given to the
services behind each editor. Each is refused with a ValidationError whose message names the
field (never another exception, never a traceback), and nothing is written: the audit log
and the data are as before. Hostile markup itself (`<b>`, `&`) is valid text and is kept
verbatim (the PDF tests prove it prints verbatim)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from finsam_desktop.domain.activities import Activity
from finsam_desktop.domain.annual import Note
from finsam_desktop.domain.board import Person
from finsam_desktop.domain.budget import Area, BudgetLine, Focus
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import Evaluation, EvaluationKind
from finsam_desktop.domain.meetings import Item, Meeting
from finsam_desktop.domain.values import check_date, check_money, parse_date, parse_money
from finsam_desktop.services import (
    activities,
    annual,
    board,
    budget,
    evaluations,
    meetings,
    organisation,
)
from finsam_desktop.storage import exchange
from tests.factories import add_members, new_store
from tests.reliability import figures

BAD_TEXTS = {
    "nul": "Styrelsen\x00beslutar",
    "control": "Budget\x07 2027",
    "surrogate": "Bidrag \ud83d till insatsen",
    "personal number": "Deltagare 19850412-1234 började i mars",
    "personal number, short": "Deltagaren 850412-1234",
    "huge": "Å" * 300_000,
}
GOOD_HOSTILE = "Vi <b>samverkar</b> & R&D <bilaga 3> ÅÄÖ 😀 \u202e"


@pytest.fixture
def store():
    s = new_store()
    s.members = add_members(s)
    budget.create_year(s, 2026, contributions_ore=10_000_000_00)
    return s


def _editors(store):  # type: ignore[no-untyped-def]
    """(field, save(text)) for a text field behind each kind of editor."""
    meeting, _ = meetings.plan_meeting(store, Meeting(0, dt.date(2026, 12, 10),
                                                      start_time="09:00", place="Kansliet"))
    item, _ = meetings.add_item(store, Item(0, meeting.id, 9, "Budget 2027"))
    parties = [store.members["fk"].id, store.members["region"].id]
    activity = activities.add_activity(
        store, Activity(0, "Steg till arbete", Focus.INDIVIDUAL, lead_member_id=parties[0]),
        parties)[0]
    return [
        ("agency name", lambda t: organisation.save_agency(
            store, dataclasses.replace(organisation.get_agency(store), name=t))),
        ("person name", lambda t: board.add_person(store, Person(0, t))),
        ("meeting place", lambda t: meetings.update_meeting(
            store, dataclasses.replace(meetings.get_meeting(store, meeting.id), place=t))),
        ("paragraph decision", lambda t: meetings.update_item(
            store, dataclasses.replace(item, decision=t))),
        ("budget line", lambda t: budget.add_line(
            store, BudgetLine(0, 2026, Area.ADMINISTRATION, t, Focus.NONE))),
        ("activity description", lambda t: activities.update_activity(
            store, dataclasses.replace(activities.get(store, activity.id), description=t))),
        ("evaluation findings", lambda t: evaluations.save_evaluation(
            store, Evaluation(0, EvaluationKind.PROCESS, "Processutvärdering",
                              findings=t))),
        ("annual report text", lambda t: annual.set_text(store, 2026, "outlook", t)),
        ("annual report note", lambda t: annual.save_note(store, Note(2026, 2, "Intäkter", t))),
    ]


def _state(store) -> str:  # type: ignore[no-untyped-def]
    return exchange.to_json(exchange.dump(store.db, store.schema_names()))


def test_every_editor_refuses_bad_text_with_a_message_and_writes_nothing(store):
    editors = _editors(store)
    for field, save in editors:
        before = _state(store)
        for kind, text in BAD_TEXTS.items():
            with pytest.raises(ValidationError) as refused:
                save(text)
            assert str(refused.value).strip(), (field, kind)
            assert "Traceback" not in str(refused.value)
            figures.add("bad_inputs")
        assert _state(store) == before, f"{field}: a refused edit changed the file"
        save(GOOD_HOSTILE)  # markup-like text is fine, and kept verbatim
        assert GOOD_HOSTILE in _state(store) or GOOD_HOSTILE.encode(
            "unicode_escape").decode() in _state(store) or field == "budget line"


def test_the_messages_say_what_is_wrong(store):
    save = dict(_editors(store))["person name"]
    expected = {"nul": "control characters", "control": "control characters",
                "surrogate": "broken character", "personal number": "personal identity",
                "personal number, short": "personal identity", "huge": "too long"}
    for kind, fragment in expected.items():
        with pytest.raises(ValidationError, match=fragment):
            save(BAD_TEXTS[kind])


def test_a_phone_field_takes_any_digits_other_fields_refuse_a_personal_number(store):
    person, _ = board.add_person(store, Person(0, "Anna", phone="070-123 45 67"))
    assert person.phone == "070-123 45 67"
    board.add_person(store, Person(0, "Cecilia", phone="850412-1234"))  # digits in a phone
    with pytest.raises(ValidationError, match="personal identity"):
        board.add_person(store, Person(0, "Bo", title="Handläggare 850412-1234"))


@pytest.mark.parametrize("text", ["1999-12-31", "2100-01-01", "0000-01-01", "2026-02-30",
                                  "31/12/2026", "", "2026-13-01", "99999-01-01"])
def test_dates_out_of_range_or_malformed_are_refused(text):
    with pytest.raises(ValidationError):
        check_date(parse_date(text))
    figures.add("bad_inputs")


@pytest.mark.parametrize("text", ["1e9", "NaN", "inf", "12,345,678,901,234,567",
                                  "100000000000000", "kr", "--5", "0x10", "1 2 3 e"])
def test_amounts_out_of_range_or_malformed_are_refused(text):
    with pytest.raises(ValidationError):
        check_money(parse_money(text))
    figures.add("bad_inputs")


def test_a_person_with_contact_details_can_be_anonymised_in_place(store):
    """Privacy: removing a person's contact details keeps the name (signed minutes need
    it) and leaves nothing of the details behind in the file (secure_delete)."""
    person, _ = board.add_person(store, Person(0, "Åsa Öberg", title="Ledamot",
                                               email="asa.oberg@example.se",
                                               phone="070-111 22 33"))
    board.update_person(store, dataclasses.replace(person, email="", phone=""))
    kept = board.list_people(store)[-1]
    assert (kept.name, kept.email, kept.phone) == ("Åsa Öberg", "", "")
    assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
