"""Demo meetings: five board meetings a year with realistic agendas and minutes.

Past meetings are minuted, signed, sealed and posted; a recent one is held but not yet
signed; later ones this year are planned (the next one summoned). Along the way: a deputy
serving for an absent ledamot, a jäv, a roll-call vote with a reservation, a budget
decision under a qualified majority, a protocol note and a correction of an earlier §.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from finsam_desktop.domain.board import BoardFunction, StaffKind
from finsam_desktop.domain.meetings import (
    AttendeeRole,
    Choice,
    Item,
    ItemKind,
    Meeting,
    Motion,
    Outcome,
    Presence,
    Statement,
    StatementKind,
    Vote,
    VoteKind,
)
from finsam_desktop.services import demo_decisions, meetings, minutes, signing
from finsam_desktop.storage.store import Store

_DATES = ((2, 14), (4, 25), (6, 12), (9, 26), (11, 27))
_ACTIVITIES = ["Steg till arbete", "Unga vuxna i fokus", "Hälsa och arbete", "Språkstegen",
               "Samverkansteam Åsby", "Aktivitetshuset Lindeby", "Jobbspåret Storvik"]


def build_meetings(store: Store, *, years: int, rng: random.Random) -> None:
    """Add `years` calendar years of meetings (the current year included)."""
    today = store.today()
    previous: list[tuple[int, int]] = []  # (meeting id, item id) of sealed decisions
    dates = [dt.date(year, month, day) for year in range(today.year - years + 1, today.year + 1)
             for month, day in _DATES]
    order = demo_decisions.build_delegation_order(store)
    last: dt.date | None = None
    for index, day in enumerate(dates):
        meeting = _plan(store, day, rng, index)
        if day < today:
            demo_decisions.before_meeting(store, meeting, order, rng, last)
        if day + dt.timedelta(days=10) < today:
            _minute(store, meeting, rng, index, previous)
            _sign_and_post(store, meeting, rng)
            latest = index + 1 < len(dates) and dates[index + 1] + dt.timedelta(days=10) >= today
            demo_decisions.after_meeting(store, meeting, today, rng, latest=latest)
        elif day < today:
            _minute(store, meeting, rng, index, previous)
        elif (day - today).days <= 14:
            demo_decisions.before_meeting(store, meeting, order, rng, last)
            meetings.summon(store, meeting.id, day - dt.timedelta(days=8))
        last = day


def _plan(store: Store, day: dt.date, rng: random.Random, index: int) -> Meeting:
    place = rng.choice(["Förbundets kansli, Storgatan 12, Åsby", "Lindeby kommunhus, sal Ekon",
                        "Storviks folkets hus"])
    meeting, _ = meetings.plan_meeting(store, Meeting(
        0, day, start_time="09:00", end_time="12:00", place=place,
        remote_link="https://möte.example/styrelsen" if index % 3 == 0 else "",
        signing_time_place=f"Förbundets kansli, {(day + dt.timedelta(days=7)).isoformat()}"))
    for offset, (title, kind, dnr, proposal, matter) in enumerate(_matters(day, rng)):
        meetings.add_item(store, Item(0, meeting.id, 9 + offset, title, kind, dnr, proposal,
                                      matter_type=matter))
    return meeting


def _matters(day: dt.date, rng: random.Random) -> list[tuple[str, ItemKind, str, str, str]]:
    year, activity = day.year, rng.choice(_ACTIVITIES)
    dnr = f"{year}/{rng.randint(3, 60):02d}"
    amount = f"{rng.randint(4, 18) * 100_000:,}".replace(",", " ")
    items = [(f"Ansökan om medel: {activity}", ItemKind.DECISION, dnr,
              f"Styrelsen beviljar {amount} kr till insatsen {activity} för {year + 1}.",
              "general")]
    if day.month == 2:
        items.append((f"Årsredovisning {year - 1}", ItemKind.DECISION, f"{year}/02",
                      f"Styrelsen fastställer årsredovisningen för {year - 1}.", "general"))
    if day.month == 9:
        items.append((f"Delårsrapport per den 31 augusti {year}", ItemKind.DECISION,
                      f"{year}/41", "Styrelsen godkänner delårsrapporten.", "general"))
    if day.month == 11:
        items.append((f"Verksamhetsplan och budget {year + 1} med plan {year + 2}–{year + 3}",
                      ItemKind.DECISION, f"{year}/52",
                      "Styrelsen fastställer verksamhetsplan och budget.", "budget"))
    items.append(("Information om sjukskrivningsstatistik", ItemKind.INFORMATION, "", "",
                  "general"))
    return items


def _minute(store: Store, meeting: Meeting, rng: random.Random, index: int,
            previous: list[tuple[int, int]]) -> None:
    minutes.start_minutes(store, meeting.id)
    attendees = minutes.list_attendance(store, meeting.id)
    _absences(store, attendees, rng)
    if previous and index % 5 == 3:
        signing.add_correction(store, meeting.id, previous[-1][1],
                               "I paragrafen ska beloppet vara 600 000 kr, inte 60 000 kr.")
    for item in meetings.list_items(store, meeting.id):
        _minute_item(store, item, rng, index)
        if item.kind is ItemKind.DECISION and item.dnr:
            previous.append((meeting.id, item.id))


def _absences(store: Store, attendees: list, rng: random.Random) -> None:  # type: ignore[type-arg]
    members = [a for a in attendees if a.role is AttendeeRole.MEMBER]
    away = rng.choice(members)
    minutes.update_attendee(store, dataclasses.replace(away, presence=Presence.APOLOGIES))
    for deputy in (a for a in attendees if a.role is AttendeeRole.DEPUTY):
        if deputy.member_id == away.member_id or rng.random() < 0.3:
            minutes.update_attendee(store, dataclasses.replace(
                deputy, presence=Presence.PRESENT, remote=rng.random() < 0.2))


def _minute_item(store: Store, item: Item, rng: random.Random, index: int) -> None:
    text = {
        ItemKind.INFORMATION: ("Styrelsen tackar för informationen och lägger den till "
                               "handlingarna.", Outcome.NOTED),
        ItemKind.REPORTED: ("Anmälan läggs till handlingarna.", Outcome.NOTED),
    }
    if item.kind is not ItemKind.DECISION:
        decision, outcome = text[item.kind]
        meetings.update_item(store, dataclasses.replace(item, decision=decision,
                                                        outcome=outcome))
        return
    background = ("Förbundschefen redogör för ärendet. Beredningsgruppen har behandlat "
                  "underlaget och föreslår bifall.") if item.dnr else ""
    if item.title.startswith("Ansökan") and index % 5 == 1:
        _jav(store, item)
    decision = _decision_text(item)
    if item.title.startswith("Ansökan") and index % 5 == 2:
        decision = _vote_with_reservation(store, item, rng) or decision
    meetings.update_item(store, dataclasses.replace(
        item, background=background, decision=decision, outcome=Outcome.DECIDED,
        notify="Projektägaren; ekonomi" if item.dnr else "",
        appeal_instruction=bool(item.dnr), immediate=item.matter_type == "budget"))


def _decision_text(item: Item) -> str:
    if item.title.startswith("Val av justerare"):
        return "Styrelsen väljer justerare enligt förslag."
    if item.title.startswith("Godkännande"):
        return "Dagordningen godkänns."
    if not item.proposal:
        return "Styrelsen beslutar i enlighet med förslaget."
    verbs = {"beviljar": "bevilja", "fastställer": "fastställa", "godkänner": "godkänna"}
    words = item.proposal.rstrip(".").split(" ")
    return "Styrelsen beslutar att " + " ".join([verbs.get(words[1], words[1]), *words[2:]]) + "."


def _jav(store: Store, item: Item) -> None:
    serving = minutes.serving_for_item(store, item)
    municipal = [v for v in serving.voters if v.serving_for is None][-1]
    minutes.declare_jav(store, item.id, municipal.person_id)


def _vote_with_reservation(store: Store, item: Item, rng: random.Random) -> str:
    voters = minutes.serving_for_item(store, item).voters
    opponent = voters[-1]
    minutes.add_motion(store, Motion(0, item.meeting_id, item.id, 0,
                                     "Ärendet ska avslås.", opponent.person_id))
    ballots = {v.person_id: Choice.NO if v is opponent or (i == 1) else Choice.YES
               for i, v in enumerate(voters)}
    minutes.record_vote(store, Vote(0, item.meeting_id, item.id, VoteKind.OPEN,
                                    "bifall till förslaget", "avslag"), ballots)
    minutes.add_statement(store, Statement(0, item.meeting_id, item.id,
                                           StatementKind.RESERVATION, opponent.person_id, "",
                                           "Insatsen dubblerar befintligt stöd."))
    minutes.add_statement(store, Statement(0, item.meeting_id, item.id, StatementKind.NOTE,
                                           voters[0].person_id, "",
                                           "Insatsen ska följas upp särskilt i delårsrapporten."))
    return ""


def _sign_and_post(store: Store, meeting: Meeting, rng: random.Random) -> None:
    attendees = [a for a in minutes.list_attendance(store, meeting.id)
                 if a.presence is Presence.PRESENT]
    seats = {s.person_id: s for s in store.board.seats_on(meeting.date)}
    chair = next((a.person_id for a in attendees if a.person_id in seats
                  and seats[a.person_id].function is BoardFunction.CHAIR), None)
    members = [a.person_id for a in attendees if a.role is AttendeeRole.MEMBER]
    chair = chair or members[0]
    adjuster = rng.choice([p for p in members if p != chair])
    secretary = next(r.person_id for r in store.board.staff.all()
                     if r.kind is StaffKind.SECRETARY)
    signing.set_signers(store, meeting.id, secretary_id=secretary, chair_id=chair,
                        adjuster_ids=[adjuster])
    signed = meeting.date + dt.timedelta(days=rng.randint(3, 8))
    for signer in signing.list_signers(store, meeting.id):
        signing.record_signature(store, signer.id, signed)
    signing.seal(store, meeting.id, backup=False)
    signing.post(store, meeting.id, signed + dt.timedelta(days=1))



