"""The demo agency, and dump → load → dump giving identical JSON; bad files refused."""

import json

import pytest

from finsam_desktop.domain.errors import ExchangeFormatError, ValidationError
from finsam_desktop.services import board, organisation
from finsam_desktop.services.demo import build_demo
from finsam_desktop.services.maintenance import (
    check_database,
    create_database,
    dump_database,
    load_database,
)
from tests.factories import fixed_clock


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = create_database(path, "Demo", clock=fixed_clock())
    build_demo(store, years=8, seed=1)
    yield store
    store.close()


def test_the_demo_is_a_valid_agency_with_history(demo):
    assert organisation.problems(demo) == []
    assert board.board_problems(demo, demo.today()) == []
    today = board.board_on(demo, demo.today())
    assert len(today) == 12  # six members × (ledamot + ersättare)
    assert {m.kind.value for m in organisation.list_members(demo)} == {
        "forsakringskassan", "arbetsformedlingen", "region", "municipality"}
    terms = {s.term_from.year for s in board.list_seats(demo)}
    assert {2015, 2019, 2023} <= terms
    assert board.list_staff(demo)
    assert check_database(demo.path).healthy


def test_the_demo_is_reproducible_from_its_seed(tmp_path):
    texts = []
    for name in ("a", "b"):
        store = create_database(tmp_path / f"{name}.sqlite", "Demo", clock=fixed_clock())
        build_demo(store, years=8, seed=7)
        texts.append(json.loads(dump_database(store))["tables"]["people"])
        store.close()
    assert texts[0] == texts[1]


def test_dump_load_dump_is_identical(demo, tmp_path):
    first = dump_database(demo)
    loaded = load_database(tmp_path / "copy.sqlite", first)
    second = dump_database(loaded)
    loaded.close()
    assert second == first
    assert json.loads(first)["format_version"] == 1


def _document(demo):
    return json.loads(dump_database(demo))


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["tables"]["members"][0].update(share_ppm="50 %"), "expected a whole number"),
    (lambda d: d["tables"]["members"][0].update(name=None), "value is required"),
    (lambda d: d["tables"]["members"][0].update(colour="red"), "unknown column"),
    (lambda d: d["tables"].update(secrets=[]), "Unknown table"),
    (lambda d: d.update(format_version=99), "version 99"),
    (lambda d: d.update(schema=["0001_organisation", "0099_future"]), "newer version"),
    (lambda d: d["tables"]["seats"][0].update(person_id=99999), "FOREIGN KEY"),
    (lambda d: d["tables"]["members"][0].update(kind="church"), "CHECK constraint"),
    (lambda d: d["tables"].update(agency=[]), "no agency"),
    (lambda d: d["tables"]["members"][0].update(share_ppm=True), "whole number"),
])
def test_invalid_exchange_files_are_refused_and_leave_no_file(demo, tmp_path, mutate, message):
    document = _document(demo)
    mutate(document)
    target = tmp_path / "bad.sqlite"
    with pytest.raises(ExchangeFormatError, match=message):
        load_database(target, json.dumps(document))
    assert not target.exists()


@pytest.mark.parametrize("text", ["", "{", "[]", '{"format": "other"}', "null"])
def test_files_that_are_not_exchange_json_are_refused(tmp_path, text):
    with pytest.raises(ExchangeFormatError):
        load_database(tmp_path / "x.sqlite", text)


def test_a_row_without_a_defaulted_column_loads_with_the_default(demo, tmp_path):
    """Dumps from an older schema lack newer columns; their defaults apply."""
    document = _document(demo)
    del document["tables"]["people"][0]["phone"]
    loaded = load_database(tmp_path / "old.sqlite", json.dumps(document))
    assert board.list_people(loaded)
    loaded.close()


def test_load_refuses_to_overwrite_an_existing_database(demo, tmp_path):
    with pytest.raises(ValidationError, match="already exists"):
        load_database(demo.path, dump_database(demo))


def test_a_file_without_its_agency_profile_is_refused(tmp_path):
    """A crash between creating the file and writing the agency must not crash the app later."""
    from finsam_desktop.domain.errors import NotAFinsamFileError
    from finsam_desktop.services.maintenance import open_database
    from finsam_desktop.storage.store import open_store

    open_store(tmp_path / "half.sqlite", create=True).close()
    with pytest.raises(NotAFinsamFileError, match="not created completely"):
        open_database(tmp_path / "half.sqlite")


def test_a_copy_cannot_replace_the_open_file(demo, tmp_path):
    from finsam_desktop.services.maintenance import open_database, save_copy

    with pytest.raises(ValidationError, match="cannot replace"):
        save_copy(demo, demo.path)
    copy = save_copy(demo, tmp_path / "copy.sqlite")
    reopened = open_database(copy)
    assert dump_database(reopened) == dump_database(demo)
    reopened.close()


def test_the_demo_has_realistic_minutes(demo):
    from finsam_desktop.domain.meetings import MeetingStatus, StatementKind
    from finsam_desktop.services import meetings, minutes, signing

    summaries = meetings.list_meetings(demo)
    assert len({s.meeting.date.year for s in summaries}) == 3
    assert sum(s.status is MeetingStatus.FINAL for s in summaries) >= 10
    assert summaries[-1].status in (MeetingStatus.PLANNED, MeetingStatus.SUMMONED)
    items = [i for s in summaries for i in meetings.list_items(demo, s.meeting.id)]
    assert any(minutes.list_votes(demo, i.id) for i in items)
    kinds = {st.kind for i in items for st in minutes.list_statements(demo, i.id)}
    assert kinds == {StatementKind.RESERVATION, StatementKind.NOTE}
    assert any(minutes.jav_of_item(demo, i.id) for i in items)
    assert any(i.corrects_id for i in items)
    assert signing.verify_seals(demo) == []


def test_a_refused_row_in_the_middle_of_a_table_is_named(demo, tmp_path):
    """Rows go in by the thousand; the one SQLite refuses is still the one reported."""
    document = _document(demo)
    document["tables"]["seats"][2]["person_id"] = 99999
    with pytest.raises(ExchangeFormatError, match=r"“seats”, (rad|row) 3: FOREIGN KEY"):
        load_database(tmp_path / "bad.sqlite", json.dumps(document))
    assert not (tmp_path / "bad.sqlite").exists()
