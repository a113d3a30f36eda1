"""Calendar files (iCalendar, .ics) for Outlook and other calendar programs.

`year_job()` writes the governance year: every meeting (at its time, in Europe/Stockholm)
and every deadline of the year (all-day), as `services.overview.year_events()` lists them.
`invitation_job()` writes one meeting's invitation: time, place, the remote link and the
agenda in the description. Both gather the data on the caller's thread and return an
`ExportJob`; `calendar_bytes()` is the writer (the icalendar library, imported only when a
calendar is written). The time zone goes into the file as a VTIMEZONE built from the time
zone rules (the form Outlook reads, checked against the time zone database), so Outlook
shows the meetings at the Swedish time; each event keeps a stable UID, so importing a newer
file updates the events instead of doubling them.
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


# Europe/Stockholm as a rule (EU summer time: the last Sunday of March to the last Sunday of
# October), the form Outlook reads; a zone listing single change days (RDATE) is misread by
# some Outlook versions, putting summer meetings an hour off. Used only when the time zone
# database agrees with it for every time in the file; otherwise the zone is built from the
# database instead (see `_time_zone`).
STOCKHOLM_RULES = """BEGIN:VTIMEZONE
TZID:Europe/Stockholm
X-LIC-LOCATION:Europe/Stockholm
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def summer_rule_offset(local: dt.datetime) -> dt.timedelta:
    """The UTC offset STOCKHOLM_RULES gives a local (naive) time."""
    begins = dt.datetime.combine(_last_sunday(local.year, 3), dt.time(2))
    ends = dt.datetime.combine(_last_sunday(local.year, 10), dt.time(3))
    return dt.timedelta(hours=2 if begins <= local < ends else 1)


def rules_hold(moments: Sequence[dt.datetime]) -> bool:
    """True when the time zone database gives every one of `moments` the offset the
    written rule does (so the file's zone and the app's times agree)."""
    return all(m.utcoffset() == summer_rule_offset(m.replace(tzinfo=None)) for m in moments)


def calendar_bytes(entries: Sequence[CalendarEntry], *, name: str,
                   stamp: dt.datetime) -> bytes:
    """An iCalendar file (RFC 5545) with every entry and the VTIMEZONE they need."""
    from icalendar import Calendar, Event, Timezone

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    moments = [m for e in entries for m in (e.start, e.end) if isinstance(m, dt.datetime)]
    by_rule = bool(moments) and rules_hold(moments)
    if by_rule:  # before the events, where calendar programs look for it
        calendar.add_component(Timezone.from_ical(STOCKHOLM_RULES.replace("\n", "\r\n")))
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
    if moments and not by_rule:  # the rules changed: the zone from the time zone database
        days = [m.date() for m in moments]
        calendar.add_missing_timezones(first_date=min(days) - dt.timedelta(days=366),
                                       last_date=max(days) + dt.timedelta(days=366))
    return calendar.to_ical()

