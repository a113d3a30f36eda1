"""Undoable activity edits: register, edit, move on in the lifecycle, remove, link budget
lines, participant counts (typed, pasted or cleared) and mappings/obstacles (see `ui.undo`
for the pattern).

Every command calls `services.activities` only. Undo writes back what the service said it
replaced (an activity's status may then move backwards: `allow_backward`); a removed
activity or finding comes back with its id, so later commands still match.
"""

from __future__ import annotations

from collections.abc import Sequence

from finsam_desktop.domain.activities import Activity, Count, Finding, Status
from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.services import activities
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand


class AddActivity(ServiceCommand):
    """Register an activity; undo removes it, redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, activity: Activity, member_ids: Sequence[int]) -> None:
        super().__init__(ctx, _("Add activity {name}").format(name=activity.name))
        self.activity = activity
        self._members = list(member_ids)

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if first:
            self.activity, changes = activities.add_activity(store, self.activity,
                                                             self._members)
            return changes
        return activities.restore_activity(store, self.activity, self._members)

    def _backward(self) -> Changes:
        return activities.remove_activity(self._ctx.require_store(), self.activity.id)[1]


class UpdateActivity(ServiceCommand):
    """Change an activity's fields and/or its participating members (None: unchanged)."""

    def __init__(self, ctx: AppContext, after: Activity,
                 member_ids: Sequence[int] | None = None, text: str = "") -> None:
        super().__init__(ctx, text or _("Edit activity {name}").format(name=after.name))
        self._after = after
        self._members = None if member_ids is None else list(member_ids)
        self._before: tuple[Activity, list[int]] | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = activities.update_activity(
            self._ctx.require_store(), self._after, self._members, allow_backward=not first)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        activity, members = self._before
        return activities.update_activity(self._ctx.require_store(), activity, members,
                                          allow_backward=True)[1]


class SetStatus(ServiceCommand):
    """Move an activity on in its lifecycle (granting or rejecting links the decision §);
    undo puts back the status and decision it had."""

    def __init__(self, ctx: AppContext, activity: Activity, status: Status,
                 item_id: int | None = None) -> None:
        from finsam_desktop.domain.activities import STATUS_LABELS

        super().__init__(ctx, _("{name}: {status}").format(
            name=activity.name, status=_(STATUS_LABELS[status])))
        self._id, self._status, self._item = activity.id, status, item_id
        self._before: tuple[Activity, list[int]] | None = None
        self._after: Activity | None = None

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if first:
            self._before, changes = activities.set_status(store, self._id, self._status,
                                                          self._item)
            self._after = activities.get(store, self._id)
            return changes
        assert self._after is not None
        return activities.update_activity(store, self._after, allow_backward=True)[1]

    def _backward(self) -> Changes:
        assert self._before is not None
        activity, members = self._before
        return activities.update_activity(self._ctx.require_store(), activity, members,
                                          allow_backward=True)[1]


class RemoveActivity(ServiceCommand):
    """Remove an activity registered by mistake; undo puts it back with its id."""

    def __init__(self, ctx: AppContext, activity: Activity) -> None:
        super().__init__(ctx, _("Remove activity {name}").format(name=activity.name))
        self._id = activity.id
        self._removed: tuple[Activity, list[int]] | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._removed, changes = activities.remove_activity(self._ctx.require_store(),
                                                            self._id)
        return changes

    def _backward(self) -> Changes:
        assert self._removed is not None
        activity, members = self._removed
        return activities.restore_activity(self._ctx.require_store(), activity, members)


class LinkBudgetLine(ServiceCommand):
    """Point a budget activity line at an activity (None: unlink); undo restores the
    previous link."""

    def __init__(self, ctx: AppContext, line_id: int, activity_id: int | None,
                 text: str = "") -> None:
        super().__init__(ctx, text or (_("Link budget line") if activity_id is not None
                                       else _("Unlink budget line")))
        self._line, self._after = line_id, activity_id
        self._before: int | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = activities.link_budget_line(self._ctx.require_store(),
                                                            self._line, self._after)
        return changes

    def _backward(self) -> Changes:
        return activities.link_budget_line(self._ctx.require_store(), self._line,
                                           self._before)[1]


class SetCounts(ServiceCommand):
    """Participant counts (one typed, a pasted block, or cleared cells): all or nothing;
    undo writes back the counts the cells had."""

    def __init__(self, ctx: AppContext, entries: Sequence[Count], source: str = "",
                 text: str = "") -> None:
        super().__init__(ctx, text or _("Enter participant counts"))
        self._entries, self._source = list(entries), source
        self._before: list[Count] = []

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = activities.set_counts(self._ctx.require_store(), self._entries,
                                                      source=self._source)
        return changes

    def _backward(self) -> Changes:
        return activities.set_counts(self._ctx.require_store(), self._before,
                                     source="undo")[1]


class SaveFinding(ServiceCommand):
    """Add (id 0) or change a mapping/obstacle and the activities addressing it; undo
    removes a new one or writes back the old one."""

    def __init__(self, ctx: AppContext, finding: Finding, activity_ids: Sequence[int]) -> None:
        super().__init__(ctx, _("Save {title}").format(title=finding.title))
        self.finding = finding
        self._activities = list(activity_ids)
        self._before: tuple[Finding, list[int]] | None = None
        self._new = finding.id == 0

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if self._new and not first:  # redo of an addition: back with the same id
            return activities.restore_finding(store, self.finding, self._activities)
        saved = activities.save_finding(store, self.finding, self._activities)
        self._before = saved.before
        if self._new:
            self.finding = saved.record  # with its new id
        return saved.changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        if self._new:
            return activities.remove_finding(store, self.finding.id)[1]
        assert self._before is not None
        finding, links = self._before
        return activities.save_finding(store, finding, links).changes


class RemoveFinding(ServiceCommand):
    """Remove a mapping/obstacle; undo puts it back with its id and links."""

    def __init__(self, ctx: AppContext, finding: Finding) -> None:
        super().__init__(ctx, _("Remove {title}").format(title=finding.title))
        self._id = finding.id
        self._removed: tuple[Finding, list[int]] | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._removed, changes = activities.remove_finding(self._ctx.require_store(), self._id)
        return changes

    def _backward(self) -> Changes:
        assert self._removed is not None
        finding, links = self._removed
        return activities.restore_finding(self._ctx.require_store(), finding, links)
