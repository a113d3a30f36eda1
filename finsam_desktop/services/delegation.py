"""The delegation order (delegationsordning) and the log of decisions taken under it.

A logged decision that must be reported to the board goes by itself to the next meeting
that has not yet been held: its "Report of delegated decisions" item lists it, and the
decision points at that paragraph (DOMAIN.md 1.6, 2.9). The list is written into the
item's background, so it becomes part of the minutes when they are sealed.
"""

from __future__ import annotations

import dataclasses

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.decisions import Delegation, DelegationDecision
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.values import check_date, check_money, check_text
from finsam_desktop.formatting import format_money
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings
from finsam_desktop.storage import search_repo
from finsam_desktop.storage.store import Store

DELEGATION_REPORT = "delegation_report"


def list_delegations(store: Store) -> list[Delegation]:
    """The delegation order."""
    return store.decisions.delegations.all()


def _clean_delegation(delegation: Delegation) -> Delegation:
    if delegation.amount_limit_ore is not None:
        check_money(delegation.amount_limit_ore)
        if delegation.amount_limit_ore < 0:
            raise ValidationError(_("An amount limit cannot be negative."))
    for day in (delegation.valid_from, delegation.valid_to):
        if day is not None:
            check_date(day)
    return dataclasses.replace(
        delegation,
        delegate=check_text(delegation.delegate, field=_("Delegate"), required=True,
                            max_length=200),
        matter_type=check_text(delegation.matter_type, field=_("Matter type"), required=True,
                               max_length=500),
        note=check_text(delegation.note, field=_("Note"), max_length=2000))


def add_delegation(store: Store, delegation: Delegation) -> tuple[Delegation, Changes]:
    """Add a line to the delegation order (id 0 = new)."""
    clean = _clean_delegation(delegation)
    with store.user_action():
        new_id = store.decisions.delegations.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("delegation.added", "delegations", new_id, after=added)
    return added, Changes.of("delegations", ids=[new_id])


def update_delegation(store: Store, delegation: Delegation) -> tuple[Delegation, Changes]:
    """Change a line of the delegation order; returns it as it was."""
    clean = _clean_delegation(delegation)
    with store.user_action():
        before = store.decisions.delegations.get(delegation.id)
        store.decisions.delegations.update(clean)
        store.audit.log("delegation.updated", "delegations", delegation.id, before=before,
                        after=clean)
    return before, Changes.of("delegations", ids=[delegation.id])


def remove_delegation(store: Store, delegation_id: int) -> tuple[Delegation, Changes]:
    """Remove a line that no decision was taken under (otherwise set valid_to)."""
    with store.user_action():
        before = store.decisions.delegations.get(delegation_id)
        if any(d.delegation_id == delegation_id for d in list_decisions(store)):
            raise ValidationError(_("Decisions have been taken under this delegation; set the "
                                    "date it ended instead."))
        store.decisions.delegations.delete(delegation_id)
        store.audit.log("delegation.removed", "delegations", delegation_id, before=before)
    return before, Changes.of("delegations", ids=[delegation_id])


def list_decisions(store: Store) -> list[DelegationDecision]:
    """Every decision taken under delegation, oldest first."""
    return store.decisions.delegation_decisions.all()


def log_decision(store: Store, decision: DelegationDecision) -> tuple[DelegationDecision, Changes]:
    """Record a delegation decision; it goes to the next meeting's agenda by itself."""
    check_date(decision.decided_on)
    if decision.amount_ore is not None:
        check_money(decision.amount_ore)
    clean = dataclasses.replace(
        decision, decided_by=check_text(decision.decided_by, field=_("Decided by"),
                                        required=True, max_length=200),
        matter=check_text(decision.matter, field=_("Matter"), required=True, max_length=2000),
        dnr=check_text(decision.dnr, field=_("Reg. no. (Dnr)"), max_length=100),
        reported_item_id=None)
    with store.user_action():
        delegation = store.decisions.delegations.get(decision.delegation_id)
        if (delegation.amount_limit_ore is not None and clean.amount_ore is not None
                and clean.amount_ore > delegation.amount_limit_ore):
            raise ValidationError(_("{amount} is above the delegation's limit of {limit}.")
                                  .format(amount=format_money(clean.amount_ore),
                                          limit=format_money(delegation.amount_limit_ore)))
        new_id = store.decisions.delegation_decisions.insert(clean)
        added = dataclasses.replace(clean, id=new_id)
        store.audit.log("delegation_decision.logged", "delegation_decisions", new_id,
                        after=added)
        changes = hand_over_pending(store)
    return store.decisions.delegation_decisions.get(new_id), changes | Changes.of(
        "delegation_decisions", ids=[new_id])


def remove_decision(store: Store, decision_id: int) -> tuple[DelegationDecision, Changes]:
    """Delete a logged decision entered by mistake (not once reported in sealed minutes)."""
    with store.user_action():
        before = store.decisions.delegation_decisions.get(decision_id)
        if before.reported_item_id is not None:
            item = store.meetings.items.get(before.reported_item_id)
            meetings.require_unsealed(store, item.meeting_id)
        store.decisions.delegation_decisions.delete(decision_id)
        store.audit.log("delegation_decision.removed", "delegation_decisions", decision_id,
                        before=before)
        if before.reported_item_id is not None:
            _write_report(store, before.reported_item_id)
    return before, Changes.of("delegation_decisions", "items", ids=[decision_id])


def hand_over_pending(store: Store) -> Changes:
    """Attach every unreported decision to the next meeting not yet held that has (or gets)
    a "Report of delegated decisions" item; rewrite that item's list."""
    changed: set[int] = set()
    with store.user_action():
        upcoming = [m for m in store.meetings.meetings.all()
                    if not m.held and not meetings.is_sealed(store, m.id)]
        for meeting in upcoming:
            item_id = delegation_item(store, meeting.id)
            if item_id is None:
                continue
            for decision in store.decisions.pending_delegation_decisions(meeting.date):
                store.decisions.delegation_decisions.update(
                    dataclasses.replace(decision, reported_item_id=item_id))
                changed.add(item_id)
        for item_id in changed:
            _write_report(store, item_id)
    return Changes.of("items", "delegation_decisions", ids=list(changed))


def delegation_item(store: Store, meeting_id: int) -> int | None:
    """The meeting's "Report of delegated decisions" item (found by role, else by title)."""
    item_id = store.decisions.item_with_role(meeting_id, DELEGATION_REPORT)
    if item_id is not None:
        return item_id
    titles = {_("Report of delegated decisions").casefold(),
              "anmälan av delegationsbeslut", "report of delegated decisions"}
    for item in store.meetings.items_of(meeting_id):
        if item.title.casefold() in titles:
            store.decisions.set_role(item.id, DELEGATION_REPORT)
            return item.id
    return None


def _write_report(store: Store, item_id: int) -> None:
    item = store.meetings.items.get(item_id)
    if meetings.is_sealed(store, item.meeting_id):
        return
    lines = [_line(store, d) for d in store.decisions.reported_in(item_id)]
    background = "\n".join(lines) if lines else _("No delegation decisions to report.")
    store.meetings.items.update(dataclasses.replace(item, background=background))
    search_repo.reindex(store.db, [item_id])


def _line(store: Store, decision: DelegationDecision) -> str:
    delegation = store.decisions.delegations.get(decision.delegation_id)
    amount = f", {format_money(decision.amount_ore)}" if decision.amount_ore else ""
    dnr = f" (Dnr {decision.dnr})" if decision.dnr else ""
    return (f"{decision.decided_on.isoformat()} {decision.matter}{dnr}{amount} – "
            f"{decision.decided_by}, {delegation.matter_type}")
