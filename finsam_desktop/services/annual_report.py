"""Everything the annual report (and the interim report) print, gathered in one read.

`gather()` builds `reports.data.AnnualReportData` from the annual cycle, the organisation,
the board, the meetings, the budget (operating statement, equity, key figures), the
activities (catalogue with participants) and the evaluations (goal fulfilment); the PDF
writer renders it without touching the database. `interim()` does the same for a period of
the year (delårsrapport): the follow-up through the given date, texts and statements left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from finsam_desktop.domain.annual import TEXT_LABELS, TEXT_SECTIONS, Statement
from finsam_desktop.domain.board import (
    AUDITOR_LABELS,
    FUNCTION_LABELS,
    ROLE_LABELS,
    BoardFunction,
)
from finsam_desktop.domain.budget import FollowUpReport
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.organisation import KIND_LABELS
from finsam_desktop.formatting import format_share
from finsam_desktop.i18n import _
from finsam_desktop.reports.data import ActivityCatalogue, AnnualReportData, BoardLine
from finsam_desktop.services import (
    activities,
    activity_report,
    annual,
    board,
    budget,
    budget_report,
    evaluations,
    organisation,
    reporting,
)
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store


def _check(store: Store, year: int) -> None:
    if not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    if year not in budget.years(store):
        raise ValidationError(_("There is no budget for {year}; the annual report's operating "
                                "statement needs it.").format(year=year))


def _board(store: Store, year: int) -> tuple[BoardLine, ...]:
    """Everyone who held a seat at any time during the year, member by member."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    members = {m.id: m for m in organisation.list_members(store)}
    names = {p.id: p.name for p in board.list_people(store)}
    order = {m.id: i for i, m in enumerate(organisation.list_members(store))}
    lines = []
    for seat in board.list_seats(store):
        if seat.term_from > end or (seat.term_to is not None and seat.term_to < start):
            continue
        member = members.get(seat.member_id)
        if member is None:
            continue
        function = _(FUNCTION_LABELS[seat.function]) \
            if seat.function is not BoardFunction.NONE else ""
        period = "" if seat.term_from <= start and (seat.term_to is None or seat.term_to >= end) \
            else _("{start}–{end}").format(start=max(seat.term_from, start).isoformat(),
                                          end=min(seat.term_to or end, end).isoformat())
        lines.append((order[member.id], seat.role.value != "member", seat.substitute_order or 0,
                      BoardLine(member.name, _(ROLE_LABELS[seat.role]),
                                names.get(seat.person_id, "?"), function, period)))
    return tuple(line for *_key, line in sorted(lines, key=lambda x: (*x[:3], x[3].name)))


def _auditors(store: Store, year: int, until: dt.date | None
              ) -> tuple[tuple[str, str, str, str, str], ...]:
    """The auditors who served during the period, member by member, joint ones last."""
    start, end = dt.date(year, 1, 1), until or dt.date(year, 12, 31)
    members = {m.id: m.name for m in organisation.list_members(store)}
    order = {m_id: i for i, m_id in enumerate(members)}
    names = {p.id: p.name for p in board.list_people(store)}
    lines = []
    for auditor in board.auditors_during(store, start, end):
        appointed = (members.get(auditor.member_id, "?") if auditor.member_id is not None
                     else _("Appointed jointly"))
        whole = ((auditor.from_date is None or auditor.from_date <= start)
                 and (auditor.to_date is None or auditor.to_date >= end))
        period = "" if whole else _("{start}–{end}").format(
            start=max(auditor.from_date or start, start).isoformat(),
            end=min(auditor.to_date or end, end).isoformat())
        key = order.get(auditor.member_id, len(order))
        lines.append((key, auditor.id, (appointed, names.get(auditor.person_id, "?"),
                                        _(AUDITOR_LABELS[auditor.kind]), auditor.firm, period)))
    return tuple(line for *_key, line in sorted(lines, key=lambda x: x[:2]))


def _money_to_date(store: Store, year: int, catalogue: ActivityCatalogue,
                   follow_up: FollowUpReport) -> ActivityCatalogue:
    """The catalogue with each activity's budget and actual for the months the interim
    report covers (its budget lines' budget to date and actual to date)."""
    activity_of = {line.id: line.activity_id for line in store.budget.lines_of(year)}
    budget_to_date: dict[int, int] = {}
    actual_to_date: dict[int, int] = {}
    for row in follow_up.lines:
        activity_id = activity_of.get(row.line_id or 0)
        if activity_id is not None:
            budget_to_date[activity_id] = budget_to_date.get(activity_id, 0) + \
                row.budget_to_date_ore
            actual_to_date[activity_id] = actual_to_date.get(activity_id, 0) + row.actual_ore
    rows = activities.register(store, year)  # the catalogue's entries, in the same order
    entries = tuple(dataclasses.replace(entry, budget_ore=budget_to_date.get(r.activity.id, 0),
                                        actual_ore=actual_to_date.get(r.activity.id, 0))
                    for r, entry in zip(rows, catalogue.entries, strict=True))
    return dataclasses.replace(catalogue, entries=entries)


def gather(store: Store, year: int, *, until: dt.date | None = None) -> AnnualReportData:
    """The annual report for `year` (or, with `until`, the interim report up to that day)."""
    _check(store, year)
    if until is not None and (until.year != year or (until.month == 12 and until.day == 31)):
        raise ValidationError(_("An interim report covers part of {year}: choose a day in "
                                "{year} before 31 December.").format(year=year))
    through = until.month if until is not None else 12
    report = annual.get_report(store, year)
    members = organisation.current_members(store, dt.date(year, 12, 31))
    meetings = tuple(m.date for m in store.meetings.in_year(year)
                     if m.held and (until is None or m.date <= until))
    staff_names = {p.id: p.name for p in board.list_people(store)}
    staff = tuple((role.title, staff_names.get(role.person_id, "?"))
                  for role in board.list_staff(store)
                  if (role.from_date is None or role.from_date <= dt.date(year, 12, 31))
                  and (role.to_date is None or role.to_date >= dt.date(year, 1, 1)))
    try:
        catalogue = activity_report.gather(store, year)
    except ValidationError:
        catalogue = None
    follow_up = budget.follow_up(store, year, through)
    chain = budget.equity(store)  # 21 years of follow-ups on a 20-year agency: once
    if until is not None and catalogue is not None:
        catalogue = _money_to_date(store, year, catalogue, follow_up)
    signing = report.signing_date
    texts = annual.texts(store, year) if until is None else {s: "" for s in TEXT_SECTIONS}
    statements = {} if until is not None else {
        s.value: tuple(annual.statement(store, year, s)) for s in Statement}
    charts = (budget_report.area_chart(follow_up), budget_report.cumulative_chart(follow_up))
    if catalogue is not None:
        charts += catalogue.charts
    return AnnualReportData(
        agency=reporting.agency_info(store), year=year, until=until,
        texts=texts, text_labels={s: _(TEXT_LABELS[s]) for s in TEXT_SECTIONS},
        members=tuple((m.name, _(KIND_LABELS[m.kind]), format_share(m.share_ppm))
                      for m in members),
        board=_board(store, year), meetings=meetings, staff=staff,
        auditors=_auditors(store, year, until),
        follow_up=follow_up, equity=tuple(chain),
        figures=budget.key_figures(store, year, chain), statements=statements,
        statement_problems=tuple(annual.statement_problems(store, year)) if until is None
        else (),
        notes=() if until is not None else tuple(
            (n.number, n.title, n.body) for n in annual.notes(store, year)),
        catalogue=catalogue, goals=catalogue.goals if catalogue else (),
        evaluations=tuple(
            (e.title, e.evaluator, e.finished_on.isoformat() if e.finished_on else "",
             e.findings) for e in evaluations.list_evaluations(store)
            if e.finished_on is not None and e.finished_on.year == year),
        signatories=tuple((s.name, s.member, s.function) for s in annual.signatories(
            store, signing)) if signing is not None and until is None else (),
        signing_date=signing if until is None else None,
        signing_place=report.signing_place if until is None else "",
        adopted_ref=annual_reference(store, report.adopted_item_id) if until is None else "",
        charts=charts)


def annual_reference(store: Store, item_id: int | None) -> str:
    """"§ 12, 2026-02-14" for the adopting paragraph ('' for none)."""
    from finsam_desktop.services.activities import decision_reference

    return decision_reference(store, item_id)


def annual_job(store: Store, year: int, out: Path) -> ExportJob:
    """The annual report of `year` as PDF."""
    return _report_job(store, year, None, out)


def interim_job(store: Store, year: int, until: dt.date, out: Path) -> ExportJob:
    """The interim report of `year` up to `until` as PDF."""
    return _report_job(store, year, until, out)


def _report_job(store: Store, year: int, until: dt.date | None, out: Path) -> ExportJob:
    if out.suffix.lower() != ".pdf":
        raise ValidationError(_("Choose a file ending in .pdf."))
    data = gather(store, year, until=until)

    def render(path: Path) -> Path:
        from finsam_desktop.reports.annual_pdf import render_annual_report

        return render_annual_report(data, path)

    return ExportJob(data.title, render)
