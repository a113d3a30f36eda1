"""The decision register, its follow-up (beslutsuppföljning) and full-text search.

The register is a query over the minutes (every decided or referred-back decision item of
numbered minutes); follow-up records live beside it and stay editable after signing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.decisions import (
    DecisionRow,
    FollowUp,
    FollowUpStatus,
    fts_query,
)
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import Item, ItemKind
from finsam_desktop.domain.values import check_date, check_text
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.storage import search_repo
from finsam_desktop.storage.store import Store

REPORT_BACK = "report_back"


def list_decisions(store: Store, *, year: int | None = None, meeting_id: int | None = None,
                   category: str | None = None, status: FollowUpStatus | None = None,
                   responsible: str | None = None, overdue: bool = False,
                   sort: str = "number", descending: bool = False,
                   limit: int | None = None, with_text: bool = True) -> list[DecisionRow]:
    """Decisions filtered and sorted in SQL (fast over 100 000 paragraphs); lists that do
    not show the decision texts pass `with_text=False`."""
    filters = {"year": year, "meeting_id": meeting_id, "category": category,
               "status": status.value if status else None, "responsible": responsible,
               "overdue": True if overdue else None}
    return store.decisions.decisions(
        filters=filters, sort=sort, descending=descending, today=store.today(),
        appeal_days=organisation.get_charter(store).appeal_period_days, limit=limit,
        with_text=with_text)


def categories(store: Store) -> list[str]:
    """Categories used so far (for filters and suggestions)."""
    return store.decisions.categories()


def get_followup(store: Store, item_id: int) -> FollowUp:
    """The follow-up of a decision (an empty one if never set)."""
    return store.decisions.followup(item_id) or FollowUp(item_id)


def save_followup(store: Store, followup: FollowUp) -> tuple[FollowUp, Changes]:
    """Set responsible, due date, status, category or report-back §; returns the previous."""
    if followup.due_on is not None:
        check_date(followup.due_on)
    clean = dataclasses.replace(
        followup,
        category=check_text(followup.category, field=_("Category"), max_length=100),
        responsible=check_text(followup.responsible, field=_("Responsible"), max_length=200),
        note=check_text(followup.note, field=_("Note"), max_length=10_000))
    with store.user_action():
        item = store.meetings.items.get(followup.item_id)
        if item.kind is not ItemKind.DECISION:
            raise ValidationError(_("Only decisions are followed up."))
        if clean.reported_item_id is not None:
            store.meetings.items.get(clean.reported_item_id)
        before = get_followup(store, followup.item_id)
        store.decisions.save_followup(clean)
        store.audit.log("followup.saved", "followups", followup.item_id, before=before,
                        after=clean)
    return before, Changes.of("followups", ids=[followup.item_id])


def overdue_count(store: Store) -> int:
    """How many decisions are past their due date and not carried out."""
    return len(list_decisions(store, overdue=True))


def add_report_back_item(store: Store, meeting_id: int) -> tuple[Item, Changes]:
    """Put "Decisions to report back" on a meeting's agenda, listing every decision carried
    out but not yet reported; each follow-up then points at that paragraph."""
    pending = store.decisions.unreported_followups()
    if not pending:
        raise ValidationError(_("No carried-out decision is waiting to be reported back."))
    lines = [_describe(store, f) for f in pending]
    item = Item(0, meeting_id, 0, _("Report back on decisions"), ItemKind.INFORMATION,
                background="\n".join(lines),
                proposal=_("The board notes the report and places it on file."))
    with store.user_action():
        existing = store.decisions.item_with_role(meeting_id, REPORT_BACK)
        if existing is not None:
            raise ValidationError(_("The meeting already has a report-back item."))
        added, changes = meetings.add_item(store, item)
        store.decisions.set_role(added.id, REPORT_BACK)
        for followup in pending:
            store.decisions.save_followup(dataclasses.replace(followup,
                                                              reported_item_id=added.id))
        store.audit.log("followup.report_back", "items", added.id, after={"decisions": [
            f.item_id for f in pending]})
    return added, changes | Changes.of("followups")


def _describe(store: Store, followup: FollowUp) -> str:
    item = store.meetings.items.get(followup.item_id)
    meeting = store.meetings.meetings.get(item.meeting_id)
    responsible = f" – {followup.responsible}" if followup.responsible else ""
    return f"§ {meetings.number_of(meeting, item)} ({meeting.date.isoformat()}) {item.title}" \
           f"{responsible}"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A paragraph that matches a search, with the matches marked."""

    item_id: int
    meeting_id: int
    meeting_date: dt.date
    number: int | None
    title: str
    title_marked: str  # matches between MARK_START and MARK_END
    snippet: str


MARK_START, MARK_END = "\x02", "\x03"


def search(store: Store, text: str, *, limit: int = 100) -> list[SearchHit]:
    """Paragraphs whose title, background, decision, motions or statements contain the
    words typed ("a phrase", prefix*), best matches first (newest first when thousands
    match: see `search_repo.RANKED_UP_TO`)."""
    query = fts_query(text)
    hits = search_repo.search(store.db, query, limit)
    return [SearchHit(h.item_id, h.meeting_id, dt.date.fromisoformat(h.meeting_date),
                      None if h.first_number is None else h.first_number + h.position - 1,
                      h.title, h.title_marked, h.snippet.strip()) for h in hits]


def reindex_all(store: Store) -> None:
    """Rebuild the search index from the minutes (after a load or a bulk import)."""
    with store.user_action():
        search_repo.rebuild(store.db)
