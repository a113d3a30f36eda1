"""Calendar files (iCalendar, .ics) for Outlook and other calendar programs.

`year_job()` writes the governance year: every meeting (at its time, in Europe/Stockholm)
and every deadline of the year (all-day), as `services.overview.year_events()` lists them.
`invitation_job()` writes one meeting's invitation: time, place, the remote link and the
agenda in the description. Both gather the data on the caller's thread and return an
`ExportJob`; `calendar_bytes()` is the writer (the icalendar library, imported only when a
calendar is written). The time zone goes into the file as a VTIMEZONE built from the time
zone database, so Outlook shows the meetings at the Swedish time; each event keeps a stable
UID, so importing a newer file updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.governance_year import STATE_LABELS, EventKind, YearEvent
from finsam_desktop.domain.meetings import Item, Meeting
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation, overview
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store

TIME_ZONE = "Europe/Stockholm"
DEFAULT_HOURS = 3  # a meeting with a start time but no end time
PRODID = "-//FINSAM Desktop//Årshjul//SV"
SUFFIX = ".ics"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event as written: all-day when `start` is a date, at a time when it is a
    datetime (local Swedish time)."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    description: str = ""
    location: str = ""
    url: str = ""
    category: str = ""


def check_suffix(out: Path) -> None:
    """ValidationError unless `out` is an .ics file."""
    if out.suffix.lower() != SUFFIX:
        raise ValidationError(_("A calendar is written as an .ics file; “{name}” has another "
                                "ending.").format(name=out.name))


def _uid_domain(store: Store) -> str:
    """What makes the agency's UIDs its own: the organisation number, else its name."""
    agency = organisation.get_agency(store)
    base = agency.org_number or agency.name or "agency"
    return re.sub(r"[^0-9a-z]+", "-", base.casefold()).strip("-") + ".finsam-desktop"


def _local(day: dt.date, hhmm: str) -> dt.datetime:
    from zoneinfo import ZoneInfo

    hours, minutes = (int(part) for part in hhmm.split(":"))
    return dt.datetime(day.year, day.month, day.day, hours, minutes,
                       tzinfo=ZoneInfo(TIME_ZONE))


def meeting_times(meeting: Meeting) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """(start, end) of a meeting: at its times in Swedish time, or the whole day."""
    if not meeting.start_time:
        return meeting.date, meeting.date + dt.timedelta(days=1)
    start = _local(meeting.date, meeting.start_time)
    end = _local(meeting.date, meeting.end_time) if meeting.end_time else \
        start + dt.timedelta(hours=DEFAULT_HOURS)
    return start, max(end, start + dt.timedelta(minutes=15))


def agenda_text(meeting: Meeting, items: Sequence[Item]) -> str:
    """"Agenda" and one numbered line per item (§ numbers once the minutes are started)."""
    lines = [_("Agenda")]
    for item in items:
        number = meetings.number_of(meeting, item)
        lines.append(f"§ {number} {item.title}" if number else f"{item.position}. {item.title}")
    return "\n".join(lines)


def meeting_description(agency: str, meeting: Meeting, items: Sequence[Item]) -> str:
    """What the invitation says: the body, the time, the place, the remote link and the
    agenda."""
    when = format_date(meeting.date, long=True)
    if meeting.start_time:
        when += f" {meeting.start_time}–{meeting.end_time}".rstrip("–")
    lines = [_("Board meeting of {agency}").format(agency=agency),
             _("Time: {when}").format(when=when)]
    if meeting.place:
        lines.append(_("Place: {place}").format(place=meeting.place))
    if meeting.remote_link:
        lines.append(_("Join remotely: {link}").format(link=meeting.remote_link))
    if items:
        lines += ["", agenda_text(meeting, items)]
    return "\n".join(lines)


def meeting_entry(store: Store, meeting: Meeting, uid: str) -> CalendarEntry:
    """A meeting as a calendar event."""
    agency = organisation.get_agency(store).name
    items = meetings.list_items(store, meeting.id)
    start, end = meeting_times(meeting)
    return CalendarEntry(uid, _("Board meeting – {agency}").format(agency=agency), start, end,
                         meeting_description(agency, meeting, items), meeting.place,
                         meeting.remote_link, _("Board meeting"))


def _event_entry(store: Store, event: YearEvent, domain: str) -> CalendarEntry:
    uid = f"{event.key}@{domain}"
    if event.kind is EventKind.MEETING and event.meeting is not None:
        return meeting_entry(store, event.meeting, uid)
    agency = organisation.get_agency(store).name
    description = "\n".join([event.text, _("Status: {state}").format(
        state=_(STATE_LABELS[event.state])), agency])
    return CalendarEntry(uid, event.text, event.day, event.day + dt.timedelta(days=1),
                         description, category=_("Deadline"))


def year_entries(store: Store, year: int) -> list[CalendarEntry]:
    """The governance year `year` as calendar entries."""
    domain = _uid_domain(store)
    return [_event_entry(store, event, domain) for event in overview.year_events(store, year)]


def year_job(store: Store, year: int, out: Path | None = None) -> ExportJob:
    """The meeting plan and the deadlines of `year` as an .ics file."""
    if out is not None:
        check_suffix(out)
    entries = year_entries(store, year)
    name = _("Governance year {year} – {agency}").format(
        year=year, agency=organisation.get_agency(store).name)
    stamp = store.clock()

    def render(target: Path) -> Path:
        check_suffix(target)
        target.write_bytes(calendar_bytes(entries, name=name, stamp=stamp))
        return target

    return ExportJob(_("Calendar {year}").format(year=year), render)


def invitation_job(store: Store, meeting_id: int) -> ExportJob:
    """One meeting's invitation as an .ics file (place, remote link, agenda)."""
    meeting = meetings.get_meeting(store, meeting_id)
    entry = meeting_entry(store, meeting, f"meeting-{meeting.id}@{_uid_domain(store)}")
    stamp = store.clock()

    def render(target: Path) -> Path:
        check_suffix(target)
        target.write_bytes(calendar_bytes([entry], name=entry.summary, stamp=stamp))
        return target

    return ExportJob(_("Invitation {date}").format(date=meeting.date.isoformat()), render)


def calendar_bytes(entries: Sequence[CalendarEntry], *, name: str,
                   stamp: dt.datetime) -> bytes:
    """An iCalendar file (RFC 5545) with every entry and the VTIMEZONE they need."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    stamp_utc = stamp.astimezone(dt.UTC)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp_utc)
        event.add("summary", entry.summary)
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end)
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        if entry.url:
            event.add("url", entry.url)
        if entry.category:
            event.add("categories", [entry.category])
        if not isinstance(entry.start, dt.datetime):
            event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        calendar.add_component(event)
    days = [_day(e.start) for e in entries] + [_day(e.end) for e in entries]
    if days:  # the time zone's rules for the span of the events (a few lines, not decades)
        calendar.add_missing_timezones(first_date=min(days) - dt.timedelta(days=366),
                                       last_date=max(days) + dt.timedelta(days=366))
    return calendar.to_ical()


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
