"""Calendar files: the governance year and a meeting's invitation, read back with
icalendar — dates and times, the Europe/Stockholm VTIMEZONE the times refer to, Swedish
letters, and commas and semicolons escaped as RFC 5545 says."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Item, ItemKind
from finsam_desktop.services import calendar_export, meetings
from finsam_desktop.storage.store import memory_store
from tests.factories import add_members, fixed_clock, full_board
from tests.meeting_factories import held_and_sealed, plan

TODAY = dt.date(2026, 11, 22)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
PLACE = "Kansliet, Storgatan 12; sal Ödlan"
TITLE = "Ansökan om medel; Språkstegen, Åsby–Älvdalen"
LINK = "https://möte.example/styrelsen?id=1;a,b"


@pytest.fixture
def store():
    from finsam_desktop.domain.organisation import Agency
    from finsam_desktop.services import organisation

    store = memory_store(clock=fixed_clock(TODAY))
    organisation.create_agency(store, Agency(name="Samordningsförbundet Åsby, Öby; Ärla",
                                             org_number="222000-0018"))
    full_board(store, add_members(store))
    yield store
    store.close()


def coming_meeting(store):
    meeting = plan(store, dt.date(2026, 12, 10))
    meeting = dataclasses.replace(meeting, start_time="13:30", end_time="16:00", place=PLACE,
                                  remote_link=LINK)
    meetings.update_meeting(store, meeting)
    meetings.add_item(store, Item(0, meeting.id, 9, TITLE, ItemKind.DECISION))
    return meetings.get_meeting(store, meeting.id)


def written(job, tmp_path: Path, name: str = "out.ics") -> tuple[bytes, Calendar]:
    path = job.run(tmp_path / name)
    raw = path.read_bytes()
    return raw, Calendar.from_ical(raw)


def test_an_invitation_has_time_zone_place_link_and_agenda(store, tmp_path):
    meeting = coming_meeting(store)
    raw, calendar = written(calendar_export.invitation_job(store, meeting.id), tmp_path)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Stockholm"
    [event] = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime(2026, 12, 10, 13, 30, tzinfo=STOCKHOLM)
    assert end == dt.datetime(2026, 12, 10, 16, 0, tzinfo=STOCKHOLM)
    assert start.utcoffset() == dt.timedelta(hours=1)  # winter time, CET
    assert b"DTSTART;TZID=Europe/Stockholm:20261210T133000" in raw
    assert str(event["LOCATION"]) == PLACE
    assert str(event["URL"]) == LINK
    description = str(event["DESCRIPTION"])
    assert "Samordningsförbundet Åsby, Öby; Ärla" in description
    assert LINK in description and PLACE in description
    assert f"9. {TITLE}" in description and "1. Opening of the meeting" in description
    assert str(event["UID"]) == f"meeting-{meeting.id}@222000-0018.finsam-desktop"
    assert calendar["METHOD"] == "PUBLISH"
    # escaped in the file: "\;" and "\," (RFC 5545 3.3.11), Swedish letters as UTF-8
    unfolded = raw.replace(b"\r\n ", b"")
    assert "LOCATION:Kansliet\\, Storgatan 12\\; sal Ödlan".encode() in unfolded
    assert "Ansökan om medel\\; Språkstegen\\, Åsby–Älvdalen".encode() in unfolded
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded lines


def test_summer_time_and_a_meeting_without_times(store, tmp_path):
    meeting = plan(store, dt.date(2027, 6, 10))
    meetings.update_meeting(store, dataclasses.replace(meeting, start_time="09:00"))
    _raw, calendar = written(calendar_export.invitation_job(store, meeting.id), tmp_path)
    [event] = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=2)  # CEST
    assert event.decoded("DTEND") - start == dt.timedelta(hours=3)  # no end time given
    whole_day = plan(store, dt.date(2027, 9, 2))
    meetings.update_meeting(store, dataclasses.replace(whole_day, start_time=""))
    _raw, calendar = written(calendar_export.invitation_job(store, whole_day.id), tmp_path,
                             "day.ics")
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2027, 9, 2)
    assert event.decoded("DTEND") == dt.date(2027, 9, 3)


def test_the_year_calendar_has_meetings_and_deadlines(store, tmp_path):
    held = held_and_sealed(store, dt.date(2026, 9, 26), "Budget")
    coming = coming_meeting(store)
    raw, calendar = written(calendar_export.year_job(store, 2026), tmp_path)
    assert [str(t["TZID"]) for t in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Stockholm"
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert events[f"meeting-{coming.id}"].decoded("DTSTART") == dt.datetime(
        2026, 12, 10, 13, 30, tzinfo=STOCKHOLM)
    signed = events[f"meeting-{held.id}-signing"]
    assert signed.decoded("DTSTART") == dt.date(2026, 10, 1)  # signed 5 days after
    assert str(signed["TRANSP"]) == "TRANSPARENT"
    assert events[f"meeting-{coming.id}-summons"].decoded("DTSTART") == dt.date(2026, 12, 3)
    assert events["budget-2027"].decoded("DTSTART") == dt.date(2026, 11, 30)
    # a December meeting's appeal period ends next year: not in this year's calendar
    assert f"meeting-{coming.id}-appeal" not in events
    # the same file written again keeps the UIDs (importing it again updates, not doubles)
    again, _calendar = written(calendar_export.year_job(store, 2026), tmp_path, "again.ics")
    uids = [line for line in raw.split(b"\r\n") if line.startswith(b"UID:")]
    assert uids == [line for line in again.split(b"\r\n") if line.startswith(b"UID:")]


def test_bad_file_names_and_years_are_refused(store, tmp_path):
    with pytest.raises(ValidationError, match=r"\.ics"):
        calendar_export.year_job(store, 2026, tmp_path / "x.pdf")
    job = calendar_export.year_job(store, 2026)
    with pytest.raises(ValidationError, match=r"\.ics"):
        job.run(tmp_path / "x.txt")
    with pytest.raises(ValidationError, match="2000 and 2099"):
        calendar_export.year_job(store, 1999)


def test_the_files_time_zone_is_the_rule_outlook_reads_and_gives_swedish_time(store, tmp_path):
    summer = plan(store, dt.date(2027, 6, 10))
    meetings.update_meeting(store, dataclasses.replace(summer, start_time="09:00"))
    raw, calendar = written(calendar_export.invitation_job(store, summer.id), tmp_path)
    assert b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in raw and b"RDATE" not in raw
    zone = calendar.walk("VTIMEZONE")[0].to_tz()  # the zone as a calendar program reads it
    assert zone.utcoffset(dt.datetime(2027, 6, 10, 9)) == dt.timedelta(hours=2)
    assert zone.utcoffset(dt.datetime(2027, 12, 10, 9)) == dt.timedelta(hours=1)
    assert raw.index(b"BEGIN:VTIMEZONE") < raw.index(b"BEGIN:VEVENT")


def test_the_rule_agrees_with_the_time_zone_database_every_year_the_app_takes():
    moments = []
    for year in range(2000, 2100):
        for month, day in ((3, 24), (3, 31), (10, 24), (10, 31), (1, 15), (7, 1)):
            for hour in (1, 4, 12):
                moments.append(dt.datetime(year, month, day, hour, tzinfo=STOCKHOLM))
    assert calendar_export.rules_hold(moments)


def test_if_the_rules_ever_change_the_zone_comes_from_the_database(store, tmp_path,
                                                                  monkeypatch):
    meeting = plan(store, dt.date(2027, 6, 10))
    meetings.update_meeting(store, dataclasses.replace(meeting, start_time="09:00"))
    monkeypatch.setattr(calendar_export, "summer_rule_offset",
                        lambda local: dt.timedelta(hours=1))  # a rule the database contradicts
    raw, calendar = written(calendar_export.invitation_job(store, meeting.id), tmp_path)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Stockholm" and b"RRULE" not in raw
    assert timezone.to_tz().utcoffset(dt.datetime(2027, 6, 10, 9)) == dt.timedelta(hours=2)
