"""The activity register (insatser), mappings and obstacles, and participant figures.

Every write validates (the party rules, fixed fields, no personal identity numbers in
text), runs in one user action, is audited, and returns what it replaced plus `Changes`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from finsam_desktop.domain import activities as rules
from finsam_desktop.domain.activities import (
    Activity,
    CostPerParticipant,
    Count,
    Finding,
    ParticipantSummary,
    Status,
)
from finsam_desktop.domain.budget import Area
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.values import check_date, check_money, check_text
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

TABLES = ("activities", "activity_parties", "findings", "finding_activities",
          "participant_counts")

_FIELD_LABELS = {
    "name": "Name", "precise_direction": "Precise direction", "target_group": "Target group",
    "goals": "Goals", "background": "Background", "description": "Description",
    "steering_group": "Steering group", "agreement": "Agreement", "note": "Note",
}


def _changes(*extra: str) -> Changes:
    return Changes.of(*TABLES, *extra)


# ---------------------------------------------------------------- register


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """An activity as the register lists it."""

    activity: Activity
    lead: str
    parties: tuple[str, ...]
    decision: str  # "§ 12, 2025-11-20" or ''
    budget_ore: int  # this year's budget (current version) over its lines
    actual_ore: int
    started: int  # participants started this year


def list_activities(store: Store, year: int | None = None) -> list[Activity]:
    """Every activity, or those whose period overlaps `year`."""
    found = store.activities.activities.all()
    return [a for a in found if year is None or a.runs_in(year)]


def get(store: Store, activity_id: int) -> Activity:
    """One activity (NotFoundError if removed)."""
    return store.activities.activities.get(activity_id)


def parties(store: Store, activity_id: int) -> list[int]:
    """Member ids taking part."""
    return store.activities.parties(activity_id)


def decision_reference(store: Store, item_id: int | None) -> str:
    """"§ 12, 2025-11-20" for a decision paragraph ('' for none)."""
    if item_id is None:
        return ""
    item = store.meetings.items.get(item_id)
    meeting = store.meetings.meetings.get(item.meeting_id)
    return _("§ {number}, {date}").format(number=number_of(meeting, item) or "?",
                                          date=meeting.date.isoformat())


def register(store: Store, year: int) -> list[ActivityRow]:
    """The register for a year: lead, parties, decision, budget, actual, participants."""
    members = {m.id: m for m in organisation.list_members(store)}
    all_parties = store.activities.all_parties()
    money = finances_by_activity(store, year)
    counts: dict[int, list[Count]] = {}
    for c in store.activities.counts(year=year):
        counts.setdefault(c.activity_id, []).append(c)
    rows = []
    for activity in list_activities(store, year):
        lead = members.get(activity.lead_member_id) if activity.lead_member_id else None
        budget, actual = money.get(activity.id, (0, 0))
        rows.append(ActivityRow(
            activity, lead.name if lead else "",
            tuple(members[m].name for m in all_parties.get(activity.id, []) if m in members),
            decision_reference(store, activity.granted_item_id), budget, actual,
            rules.summarise(year, counts.get(activity.id, [])).started))
    return rows


def _clean(store: Store, activity: Activity) -> Activity:
    values = {}
    for name in rules.FREE_TEXT_FIELDS:
        label = _(_FIELD_LABELS[name])
        text = check_text(getattr(activity, name), field=label, required=name == "name",
                          max_length=200 if name == "name" else 20_000)
        values[name] = rules.check_no_personal_data(text, field=label)
    for name in ("start_on", "end_on", "interim_report_on", "final_report_on"):
        day = getattr(activity, name)
        if day is not None:
            check_date(day)
    if activity.start_on and activity.end_on and activity.end_on < activity.start_on:
        raise ValidationError(_("The activity cannot end before it starts."))
    if activity.granted_amount_ore is not None:
        check_money(activity.granted_amount_ore)
        if activity.granted_amount_ore < 0:
            raise ValidationError(_("The granted amount cannot be negative."))
    if activity.focus not in (rules.Focus.INDIVIDUAL, rules.Focus.STRUCTURAL):
        raise ValidationError(_("Choose whether the activity is individual-targeted or "
                                "structural."))
    return dataclasses.replace(activity, **values)


def _check_decision(store: Store, activity: Activity) -> None:
    if activity.status in (Status.GRANTED, Status.AGREEMENT, Status.ONGOING, Status.FINISHED,
                           Status.FINAL_REPORT, Status.REJECTED) \
            and activity.granted_item_id is None:
        raise ValidationError(_("Link the board's decision (§) before the activity is marked "
                                "granted or rejected."))
    if activity.granted_item_id is not None:
        item = store.meetings.items.get(activity.granted_item_id)
        meeting = store.meetings.meetings.get(item.meeting_id)
        if item.kind is not ItemKind.DECISION or number_of(meeting, item) is None:
            raise ValidationError(_("Choose a numbered decision paragraph (§)."))


def _check_parties(store: Store, activity: Activity, member_ids: Sequence[int]) -> None:
    members = {m.id: m for m in organisation.list_members(store)}
    unknown = [m for m in member_ids if m not in members]
    if unknown:
        raise ValidationError(_("A participating member no longer exists."))
    problems = rules.party_problems(activity.lead_member_id, [members[m] for m in member_ids])
    if problems:
        raise ValidationError(problems)


def _unique_name(store: Store, activity: Activity) -> None:
    for other in store.activities.activities.all():
        if other.id != activity.id and other.name.casefold() == activity.name.casefold():
            raise ValidationError(_("There is already an activity called “{name}”; the "
                                    "national follow-up needs distinct names.").format(
                name=activity.name))


def add_activity(store: Store, activity: Activity,
                 member_ids: Sequence[int]) -> tuple[Activity, Changes]:
    """Register an activity with its participating members."""
    clean = _clean(store, activity)
    with store.user_action():
        _unique_name(store, clean)
        _check_parties(store, clean, member_ids)
        _check_decision(store, clean)
        activity_id = store.activities.activities.insert(clean)
        store.activities.set_parties(activity_id, member_ids)
        added = store.activities.activities.get(activity_id)
        store.audit.log("activity.added", "activities", activity_id,
                        after={"activity": added, "parties": list(member_ids)})
    return added, _changes()


def update_activity(store: Store, activity: Activity, member_ids: Sequence[int] | None = None,
                    *, allow_backward: bool = False) -> tuple[tuple[Activity, list[int]],
                                                              Changes]:
    """Change an activity (not its direction, follow-up method or ESF flag); returns the
    activity and parties before. Status only moves forward unless `allow_backward` (undo)."""
    clean = _clean(store, activity)
    with store.user_action():
        before = store.activities.activities.get(activity.id)
        before_parties = store.activities.parties(activity.id)
        for name in rules.FIXED_FIELDS:
            if getattr(before, name) != getattr(clean, name):
                raise ValidationError(_("The direction, follow-up method and ESF flag are "
                                        "fixed once an activity is registered (as in "
                                        "Uppföljning Finsam). Register a new activity "
                                        "instead."))
        if clean.status is not before.status and not allow_backward \
                and clean.status not in rules.next_statuses(before.status):
            raise ValidationError(_("“{old}” cannot become “{new}”: the status moves forward "
                                    "through the lifecycle.").format(
                old=_(rules.STATUS_LABELS[before.status]),
                new=_(rules.STATUS_LABELS[clean.status])))
        _unique_name(store, clean)
        members = before_parties if member_ids is None else list(member_ids)
        _check_parties(store, clean, members)
        _check_decision(store, clean)
        store.activities.activities.update(clean)
        store.activities.set_parties(clean.id, members)
        store.audit.log("activity.updated", "activities", clean.id,
                        before={"activity": before, "parties": before_parties},
                        after={"activity": clean, "parties": members})
    return (before, before_parties), _changes()


def set_status(store: Store, activity_id: int, status: Status,
               item_id: int | None = None) -> tuple[tuple[Activity, list[int]], Changes]:
    """Move an activity on in its lifecycle; granting or rejecting links the decision §."""
    activity = get(store, activity_id)
    changed = dataclasses.replace(activity, status=status,
                                  granted_item_id=item_id if item_id is not None
                                  else activity.granted_item_id)
    return update_activity(store, changed)


def remove_activity(store: Store, activity_id: int) -> tuple[tuple[Activity, list[int]],
                                                             Changes]:
    """Remove an activity registered by mistake (one with records is kept)."""
    with store.user_action():
        activity = store.activities.activities.get(activity_id)
        used = store.activities.activity_in_use(activity_id)
        if used:
            raise ValidationError(_("“{name}” has participants, indicators, evaluations or "
                                    "budget lines and cannot be removed.").format(
                name=activity.name))
        members = store.activities.parties(activity_id)
        store.activities.set_parties(activity_id, [])
        store.activities.activities.delete(activity_id)
        store.audit.log("activity.removed", "activities", activity_id,
                        before={"activity": activity, "parties": members})
    return (activity, members), _changes()


def restore_activity(store: Store, activity: Activity, member_ids: Sequence[int]) -> Changes:
    """Put back a removed activity with its id (undo of `remove_activity`)."""
    with store.user_action():
        store.activities.activities.insert(activity)
        store.activities.set_parties(activity.id, member_ids)
        store.audit.log("activity.restored", "activities", activity.id, after=activity)
    return _changes()


def decision_choices(store: Store) -> list[tuple[int, str]]:
    """Numbered decision paragraphs, latest first (to link the granting decision)."""
    return meetings.numbered_decisions(store)


# ---------------------------------------------------------------- budget link


def link_budget_line(store: Store, line_id: int,
                     activity_id: int | None) -> tuple[int | None, Changes]:
    """Point a budget activity line at an activity (None: unlink); returns the previous."""
    with store.user_action():
        line = store.budget.lines.get(line_id)
        if line.area is not Area.ACTIVITIES:
            raise ValidationError(_("Only activity lines of the budget belong to an activity."))
        if activity_id is not None:
            activity = store.activities.activities.get(activity_id)
            if activity.focus.value != line.focus.value:
                raise ValidationError(_("The budget line is {line} but the activity is "
                                        "{activity}.").format(
                    line=_(rules_focus_label(line.focus)).lower(),
                    activity=_(rules_focus_label(activity.focus)).lower()))
        before = line.activity_id
        store.budget.lines.update(dataclasses.replace(line, activity_id=activity_id))
        store.audit.log("activity.budget_line_linked", "budget_lines", line_id,
                        before={"activity_id": before}, after={"activity_id": activity_id})
    return before, _changes("budget_lines")


def rules_focus_label(focus: rules.Focus) -> str:
    """The label of a direction."""
    from finsam_desktop.domain.budget import FOCUS_LABELS

    return FOCUS_LABELS[focus]


def budget_lines_of(store: Store, activity_id: int) -> list[tuple[int, int, str]]:
    """(line id, year, name) of the budget lines linked to the activity."""
    return [(r[0], r[1], r[2]) for r in store.db.execute(
        "SELECT id, year, name FROM budget_lines WHERE activity_id = ? ORDER BY year, id",
        [activity_id])]


def finances_by_activity(store: Store, year: int) -> dict[int, tuple[int, int]]:
    """Activity id → (budget, actual) of its linked lines in `year` (current version)."""
    from finsam_desktop.services import budget

    if year not in store.budget.years():
        return {}
    report = budget.follow_up(store, year)
    lines = {li.id: li for li in store.budget.lines_of(year)}
    result: dict[int, tuple[int, int]] = {}
    for row in report.lines:
        line = lines.get(row.line_id or 0)
        if line is None or line.activity_id is None:
            continue
        b, a = result.get(line.activity_id, (0, 0))
        result[line.activity_id] = (b + row.budget_ore, a + row.actual_ore)
    return result


@dataclass(frozen=True, slots=True)
class YearFigures:
    """An activity's money and participants in one year."""

    year: int
    budget_ore: int
    actual_ore: int
    participants: ParticipantSummary
    cost: CostPerParticipant


def figures(store: Store, activity_id: int) -> list[YearFigures]:
    """Per year (of its budget lines or participant counts): budget, actual, participants,
    cost per participant."""
    years = {y for _id, y, _name in budget_lines_of(store, activity_id)}
    counts = store.activities.counts(activity_id=activity_id)
    years |= {c.year for c in counts}
    out = []
    for year in sorted(years):
        budget_ore, actual_ore = finances_by_activity(store, year).get(activity_id, (0, 0))
        summary = rules.summarise(year, counts)
        out.append(YearFigures(year, budget_ore, actual_ore, summary, CostPerParticipant(
            actual_ore, summary.started, _(rules.COST_DEFINITION))))
    return out


# ---------------------------------------------------------------- participants


def age_bands(store: Store) -> dict[str, str]:
    """The configured age bands (code → label)."""
    return rules.parse_age_bands(organisation.get_charter(store).age_bands)


def counts(store: Store, activity_id: int | None = None,
           year: int | None = None) -> list[Count]:
    """Stored participant counts."""
    return store.activities.counts(activity_id, year)


def year_totals(store: Store, activity_id: int | None = None) -> list[Count]:
    """Participant counts added up per year, measure and category (over every period and,
    without `activity_id`, every activity): enough for `summarise` and the charts."""
    return store.activities.year_totals(activity_id)


def _check_count(store: Store, count: Count, bands: dict[str, str]) -> Count:
    if count.period not in rules.PERIODS:
        raise ValidationError(_("“{period}” is not a period (year, H1–H2, T1–T3, Q1–Q4).")
                              .format(period=count.period))
    if not 2000 <= count.year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    allowed = rules.categories(count.measure, bands)
    if count.category not in allowed:
        raise ValidationError(_("“{category}” is not a category of “{measure}” ({allowed}).")
                              .format(category=count.category,
                                      measure=_(rules.MEASURE_LABELS[count.measure]),
                                      allowed=", ".join(allowed)))
    if isinstance(count.count, bool) or not isinstance(count.count, int) \
            or not 0 <= count.count <= 1_000_000:
        raise ValidationError(_("A count is a whole number from 0 to 1 000 000."))
    return count


def set_counts(store: Store, entries: Iterable[Count], *,
               source: str = "") -> tuple[list[Count], Changes]:
    """Write participant counts (typed or imported), all or nothing; returns the previous
    counts of the same cells (count 0 where there was none), for undo."""
    entries = list(entries)
    bands = age_bands(store)
    for entry in entries:
        _check_count(store, entry, bands)
    with store.user_action():
        before = []
        known = {a.id for a in store.activities.activities.all()}
        for entry in entries:
            if entry.activity_id not in known:
                raise ValidationError(_("The activity no longer exists."))
            old = [c for c in store.activities.counts(entry.activity_id, entry.year)
                   if (c.period, c.measure, c.category) == (entry.period, entry.measure,
                                                            entry.category)]
            before.append(old[0] if old else dataclasses.replace(entry, count=0))
            store.activities.set_count(entry)
        store.audit.log("participants.set", "participant_counts", None,
                        after={"cells": len(entries), "source": source})
    return before, _changes()


def summary(store: Store, year: int, activity_id: int | None = None) -> ParticipantSummary:
    """Participant figures of a year for one activity or all."""
    return rules.summarise(year, store.activities.counts(activity_id, year))


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The agency's activity figures for a year (as the annual report presents them)."""

    year: int
    activities: int
    individual: int
    structural: int
    participants: ParticipantSummary
    cost: CostPerParticipant
    by_activity: tuple[tuple[str, int, int | None], ...]  # name, started, work/studies ppm


def key_figures(store: Store, year: int) -> KeyFigures:
    """Activities running in the year, participants, share to work or studies, and the
    cost per participant of the individual-targeted activities."""
    running = list_activities(store, year)
    money = finances_by_activity(store, year)
    all_counts = store.activities.counts(year=year)
    individual_ids = {a.id for a in running if a.focus is rules.Focus.INDIVIDUAL}
    cost = sum(money.get(i, (0, 0))[1] for i in individual_ids)
    total = rules.summarise(year, all_counts)
    by_id: dict[int, list[Count]] = {}
    for c in all_counts:
        by_id.setdefault(c.activity_id, []).append(c)
    by_activity = []
    for activity in running:
        one = rules.summarise(year, by_id.get(activity.id, []))
        if one.started or one.finished:
            by_activity.append((activity.name, one.started, one.work_or_studies_share_ppm))
    started_individual = rules.summarise(
        year, [c for c in all_counts if c.activity_id in individual_ids]).started
    return KeyFigures(
        year, len(running), len(individual_ids), len(running) - len(individual_ids), total,
        CostPerParticipant(cost, started_individual, _(rules.COST_DEFINITION)),
        tuple(by_activity))


# ---------------------------------------------------------------- findings


def list_findings(store: Store) -> list[tuple[Finding, list[int]]]:
    """Mappings and obstacles with the ids of the activities addressing them."""
    links: dict[int, list[int]] = {}
    for finding_id, activity_id in store.activities.finding_links():
        links.setdefault(finding_id, []).append(activity_id)
    return [(f, links.get(f.id, [])) for f in store.activities.findings.all()]


def _clean_finding(finding: Finding) -> Finding:
    values = {}
    for name, label, required, limit in (("title", _("Title"), True, 200),
                                         ("description", _("Description"), False, 20_000),
                                         ("source", _("Source"), False, 500),
                                         ("note", _("Note"), False, 10_000)):
        text = check_text(getattr(finding, name), field=label, required=required,
                          max_length=limit)
        values[name] = rules.check_no_personal_data(text, field=label)
    if finding.found_on is not None:
        check_date(finding.found_on)
    return dataclasses.replace(finding, **values)


class SavedFinding(NamedTuple):
    """What `save_finding` did: the finding and its activities before (None for a new one),
    the finding as saved (with its id, also for a new one) and what changed."""

    before: tuple[Finding, list[int]] | None
    record: Finding
    changes: Changes


def save_finding(store: Store, finding: Finding,
                 activity_ids: Sequence[int]) -> SavedFinding:
    """Add (id 0) or update a mapping/obstacle and the activities addressing it; returns
    what was there before (None for a new one) and the finding as saved."""
    clean = _clean_finding(finding)
    with store.user_action():
        known = {a.id for a in store.activities.activities.all()}
        if any(a not in known for a in activity_ids):
            raise ValidationError(_("The activity no longer exists."))
        before = None
        if clean.id:
            old = store.activities.findings.get(clean.id)
            links = [a for f, a in store.activities.finding_links() if f == clean.id]
            before = (old, links)
            store.activities.findings.update(clean)
            finding_id = clean.id
        else:
            finding_id = store.activities.findings.insert(clean)
        store.activities.set_finding_links(finding_id, activity_ids)
        store.audit.log("finding.saved", "findings", finding_id, before=before,
                        after={"finding": clean, "activities": list(activity_ids)})
        saved = store.activities.findings.get(finding_id)
    return SavedFinding(before, saved, _changes())


def remove_finding(store: Store, finding_id: int) -> tuple[tuple[Finding, list[int]], Changes]:
    """Remove a mapping/obstacle and its links."""
    with store.user_action():
        finding = store.activities.findings.get(finding_id)
        links = [a for f, a in store.activities.finding_links() if f == finding_id]
        store.activities.set_finding_links(finding_id, [])
        store.activities.findings.delete(finding_id)
        store.audit.log("finding.removed", "findings", finding_id, before=finding)
    return (finding, links), _changes()


def restore_finding(store: Store, finding: Finding, activity_ids: Sequence[int]) -> Changes:
    """Put back a removed finding with its id (undo)."""
    with store.user_action():
        store.activities.findings.insert(finding)
        store.activities.set_finding_links(finding.id, activity_ids)
        store.audit.log("finding.restored", "findings", finding.id, after=finding)
    return _changes()


def years(store: Store) -> list[int]:
    """Years worth offering in the registers: budget years, count years, activity periods."""
    found = set(store.budget.years()) | set(store.activities.years_with_counts())
    for a in store.activities.activities.all():
        for day in (a.start_on, a.end_on):
            if day is not None:
                found.add(day.year)
    found.add(store.today().year)
    return sorted(found)

