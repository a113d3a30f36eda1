"""Plain rows of members and of the board, for the CLI's `list` command and its JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from finsam_desktop.domain.board import CATEGORY_LABELS, FUNCTION_LABELS, ROLE_LABELS, BoardFunction
from finsam_desktop.domain.organisation import KIND_LABELS, PARTY_LABELS
from finsam_desktop.formatting import format_share
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import board as board_service
from finsam_desktop.services import organisation
from finsam_desktop.storage.store import Store


def members(store: Store) -> list[dict[str, Any]]:
    """Every member with kind, party and share (ppm and formatted)."""
    return [
        {
            "id": m.id,
            "name": m.name,
            "kind": m.kind.value,
            "kind_label": _(KIND_LABELS[m.kind]),
            "party": m.party.value,
            "party_label": _(PARTY_LABELS[m.party]),
            "share_ppm": m.share_ppm,
            "share": format_share(m.share_ppm),
            "population": m.population,
            "org_number": m.org_number,
            "joined_on": m.joined_on.isoformat() if m.joined_on else None,
            "left_on": m.left_on.isoformat() if m.left_on else None,
        }
        for m in organisation.list_members(store)
    ]


def board(store: Store, day: dt.date | None = None) -> list[dict[str, Any]]:
    """The board sitting on `day` (default today)."""
    on = day or store.today()
    return [
        {
            "member": v.member.name,
            "role": v.seat.role.value,
            "role_label": _(ROLE_LABELS[v.seat.role]),
            "name": v.person,
            "function": v.seat.function.value,
            "function_label": ""
            if v.seat.function is BoardFunction.NONE
            else _(FUNCTION_LABELS[v.seat.function]),
            "substitute_order": v.seat.substitute_order,
            "category": _(CATEGORY_LABELS[v.seat.category]),
            "term_from": v.seat.term_from.isoformat(),
            "term_to": v.seat.term_to.isoformat() if v.seat.term_to else None,
        }
        for v in board_service.board_on(store, on)
    ]


def meetings(store: Store, year: int | None = None) -> list[dict[str, Any]]:
    """Meetings (of one year) with status and § range."""
    from finsam_desktop.domain.meetings import KIND_LABELS, STATUS_LABELS
    from finsam_desktop.services import meetings as meeting_service
    from finsam_desktop.services import signing

    rows = []
    for summary in meeting_service.list_meetings(store, year):
        m = summary.meeting
        posting = signing.posting_info(store, m.id)
        span = (f"§ {summary.first_number}–{summary.last_number}"
                if summary.first_number and summary.last_number else "")
        rows.append({
            "id": m.id, "date": m.date.isoformat(), "kind": m.kind.value,
            "kind_label": _(KIND_LABELS[m.kind]), "start_time": m.start_time,
            "place": m.place, "status": summary.status.value,
            "status_label": _(STATUS_LABELS[summary.status]),
            "first_paragraph": summary.first_number, "last_paragraph": summary.last_number,
            "paragraphs": span, "items": summary.item_count,
            "posted_on": posting.posted_on.isoformat() if posting else None,
            "last_appeal_day": posting.last_appeal_day.isoformat() if posting else None,
        })
    return rows


def activities(store: Store, year: int | None = None) -> list[dict[str, Any]]:
    """Activities (running in `year`, or all) with direction, status, lead, decision, this
    year's budget and actual, and participants started in the year."""
    from finsam_desktop.domain.activities import METHOD_LABELS, STATUS_LABELS
    from finsam_desktop.domain.budget import FOCUS_LABELS
    from finsam_desktop.formatting import format_money
    from finsam_desktop.services import activities as activity_service

    shown = year or store.today().year
    by_id = {r.activity.id: r for r in activity_service.register(store, shown)}
    members = {m.id: m.name for m in organisation.list_members(store)}
    rows = []
    for a in activity_service.list_activities(store, year):
        row = by_id.get(a.id)
        rows.append({
            "id": a.id, "name": a.name, "focus": a.focus.value,
            "focus_label": _(FOCUS_LABELS[a.focus]),
            "followup_method": a.followup_method.value,
            "followup_method_label": _(METHOD_LABELS[a.followup_method]), "esf": a.esf,
            "status": a.status.value, "status_label": _(STATUS_LABELS[a.status]),
            "precise_direction": a.precise_direction,
            "lead": members.get(a.lead_member_id or 0, ""),
            "parties": [members[m] for m in activity_service.parties(store, a.id)
                        if m in members],
            "start_on": a.start_on.isoformat() if a.start_on else None,
            "end_on": a.end_on.isoformat() if a.end_on else None,
            "decision": activity_service.decision_reference(store, a.granted_item_id),
            "year": shown,
            "budget_ore": row.budget_ore if row else 0,
            "budget": format_money(row.budget_ore if row else 0),
            "actual_ore": row.actual_ore if row else 0,
            "started": row.started if row else 0,
        })
    return rows


_TABLE_COLUMNS = {
    "id": N_("Id"), "date": N_("Date"), "status_label": N_("Status"),
    "paragraphs": N_("Paragraphs"), "place": N_("Place"),
    "name": N_("Name"),
    "kind_label": N_("Kind"),
    "share": N_("Share"),
    "population": N_("Population"),
    "member": N_("Member"),
    "role_label": N_("Role"),
    "function_label": N_("Function"),
    "term_from": N_("From"),
    "term_to": N_("To"),
    "focus_label": N_("Direction"),
    "lead": N_("Lead"),
    "decision": N_("Decision"),
    "budget": N_("Budget"),
    "started": N_("Started"),
}


def as_table(rows: list[dict[str, Any]]) -> str:
    """Rows as an aligned text table of the most useful columns."""
    if not rows:
        return _("(none)")
    keys = [k for k in _TABLE_COLUMNS if k in rows[0]]
    header = [_(_TABLE_COLUMNS[k]) for k in keys]
    cells = [["" if r[k] is None else str(r[k]) for k in keys] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)
