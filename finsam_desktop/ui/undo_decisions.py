"""Undoable edits of the decision register: follow-up, the report-back item, the delegation
order and the delegation log (see `ui.undo` for the pattern).

A logged delegation decision is re-logged with its id on redo (or on undoing its removal),
so the service hands it over to the next meeting's delegation item again.
"""

from __future__ import annotations

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.decisions import Delegation, DelegationDecision, FollowUp
from finsam_desktop.domain.meetings import Item
from finsam_desktop.i18n import _
from finsam_desktop.services import decisions, delegation, meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand, _Add, _Remove, _Update


class SaveFollowUp(ServiceCommand):
    """Change a decision's follow-up; undo writes back what it was."""

    def __init__(self, ctx: AppContext, after: FollowUp) -> None:
        super().__init__(ctx, _("Edit decision follow-up"))
        self._after = after
        self._before: FollowUp | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = decisions.save_followup(self._ctx.require_store(), self._after)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return decisions.save_followup(self._ctx.require_store(), self._before)[1]


class AddReportBack(ServiceCommand):
    """Put "Report back on decisions" on a meeting's agenda; undo removes that item (the
    decisions it listed are waiting again), redo makes it anew."""

    def __init__(self, ctx: AppContext, meeting_id: int) -> None:
        super().__init__(ctx, _("Add report back on decisions"))
        self._meeting_id = meeting_id
        self.item: Item | None = None

    def _forward(self, *, first: bool) -> Changes:
        self.item, changes = decisions.add_report_back_item(self._ctx.require_store(),
                                                            self._meeting_id)
        return changes

    def _backward(self) -> Changes:
        assert self.item is not None
        return meetings.remove_item(self._ctx.require_store(), self.item.id)[1] | Changes.of(
            "followups")


def _delegation_text(verb: str, record: Delegation) -> str:
    return verb.format(name=f"{record.delegate}: {record.matter_type}")


class AddDelegation(_Add):
    """Add a line to the delegation order."""

    add = staticmethod(delegation.add_delegation)
    remove = staticmethod(delegation.remove_delegation)

    def __init__(self, ctx: AppContext, record: Delegation) -> None:
        super().__init__(ctx, record, text=_delegation_text(_("Add delegation {name}"), record))


class UpdateDelegation(_Update):
    """Change a line of the delegation order."""

    update = staticmethod(delegation.update_delegation)

    def __init__(self, ctx: AppContext, after: Delegation) -> None:
        super().__init__(ctx, after, text=_delegation_text(_("Edit delegation {name}"), after))


class RemoveDelegation(_Remove):
    """Remove a line of the delegation order no decision was taken under."""

    add = staticmethod(delegation.add_delegation)
    remove = staticmethod(delegation.remove_delegation)

    def __init__(self, ctx: AppContext, record: Delegation) -> None:
        super().__init__(ctx, record.id,
                         text=_delegation_text(_("Remove delegation {name}"), record))


class LogDelegationDecision(_Add):
    """Log a decision taken under delegation (it goes to the next meeting by itself)."""

    add = staticmethod(delegation.log_decision)
    remove = staticmethod(delegation.remove_decision)

    def __init__(self, ctx: AppContext, record: DelegationDecision) -> None:
        super().__init__(ctx, record, text=_("Log delegation decision"))


class RemoveDelegationDecision(_Remove):
    """Delete a logged delegation decision entered by mistake."""

    add = staticmethod(delegation.log_decision)
    remove = staticmethod(delegation.remove_decision)

    def __init__(self, ctx: AppContext, record: DelegationDecision) -> None:
        super().__init__(ctx, record.id, text=_("Remove delegation decision"))
