"""Undoable edits of goals, indicators, indicator values and evaluations (see `ui.undo` for
the pattern).

Every command calls `services.evaluations` only. The save services add a record (id 0) or
change one and return what they replaced and the record as saved (`evaluations.Saved`); an
added record is kept as saved, with its new id, so undo removes exactly it and redo puts it
back with the same id (`evaluations.restore`), and later commands on the stack still match.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.evaluations import Evaluation, Goal, Indicator, IndicatorValue
from finsam_desktop.i18n import _
from finsam_desktop.services import evaluations
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store


class _Save(ServiceCommand):
    """Add (id 0) or change a record through a save service."""

    table: str
    save: Callable[[Store, Any], evaluations.Saved[Any]]
    remove: Callable[[Store, int], tuple[Any, Changes]]

    def __init__(self, ctx: AppContext, record: Any, text: str) -> None:
        super().__init__(ctx, text)
        self.record = record
        self._added = not record.id
        self._before: Any = None

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if self._added and not first:  # redo of an add: the same record with the same id
            return evaluations.restore(store, self.table, self.record)
        saved = self.save(store, self.record)
        if self._added:
            self.record = saved.record  # with its new id
        else:
            self._before = saved.before
        return saved.changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        if self._added:
            return self.remove(store, self.record.id)[1]
        return self.save(store, self._before).changes


class _Remove(ServiceCommand):
    """Remove a record; undo puts it back with its id."""

    table: str
    remove: Callable[[Store, int], tuple[Any, Changes]]

    def __init__(self, ctx: AppContext, record: Any, text: str) -> None:
        super().__init__(ctx, text)
        self.record = record

    def _forward(self, *, first: bool) -> Changes:
        self.record, changes = self.remove(self._ctx.require_store(), self.record.id)
        return changes

    def _backward(self) -> Changes:
        return evaluations.restore(self._ctx.require_store(), self.table, self.record)


class SaveGoal(_Save):
    """Add or edit a goal."""

    table = "goals"
    save = staticmethod(evaluations.save_goal)
    remove = staticmethod(evaluations.remove_goal)

    def __init__(self, ctx: AppContext, goal: Goal) -> None:
        text = _("Add goal {title}") if not goal.id else _("Edit goal {title}")
        super().__init__(ctx, goal, text.format(title=goal.title))


class RemoveGoal(_Remove):
    """Remove a goal no indicator measures."""

    table = "goals"
    remove = staticmethod(evaluations.remove_goal)

    def __init__(self, ctx: AppContext, goal: Goal) -> None:
        super().__init__(ctx, goal, _("Remove goal {title}").format(title=goal.title))


class SaveIndicator(_Save):
    """Add or edit an indicator (an NNS question's wording is refused by the service)."""

    table = "indicators"
    save = staticmethod(evaluations.save_indicator)
    remove = staticmethod(evaluations.remove_indicator)

    def __init__(self, ctx: AppContext, indicator: Indicator) -> None:
        text = _("Add indicator {name}") if not indicator.id else _("Edit indicator {name}")
        super().__init__(ctx, indicator, text.format(name=indicator.name))


class RemoveIndicator(_Remove):
    """Remove an indicator without values."""

    table = "indicators"
    remove = staticmethod(evaluations.remove_indicator)

    def __init__(self, ctx: AppContext, indicator: Indicator) -> None:
        super().__init__(ctx, indicator,
                         _("Remove indicator {name}").format(name=indicator.name))


class SetValue(ServiceCommand):
    """An indicator's value for a year (None removes it); undo writes back the old one."""

    def __init__(self, ctx: AppContext, indicator: Indicator, year: int,
                 value: IndicatorValue | None) -> None:
        super().__init__(ctx, _("Enter the {year} value of {name}").format(
            year=year, name=indicator.name))
        self._indicator, self._year, self._after = indicator.id, year, value
        self._before: IndicatorValue | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = evaluations.set_value(self._ctx.require_store(),
                                                      self._indicator, self._year, self._after)
        return changes

    def _backward(self) -> Changes:
        return evaluations.set_value(self._ctx.require_store(), self._indicator, self._year,
                                     self._before)[1]


class SaveEvaluation(_Save):
    """Add or edit an evaluation record."""

    table = "evaluations"
    save = staticmethod(evaluations.save_evaluation)
    remove = staticmethod(evaluations.remove_evaluation)

    def __init__(self, ctx: AppContext, evaluation: Evaluation) -> None:
        text = _("Add evaluation {title}") if not evaluation.id \
            else _("Edit evaluation {title}")
        super().__init__(ctx, evaluation, text.format(title=evaluation.title))


class RemoveEvaluation(_Remove):
    """Remove an evaluation record."""

    table = "evaluations"
    remove = staticmethod(evaluations.remove_evaluation)

    def __init__(self, ctx: AppContext, evaluation: Evaluation) -> None:
        super().__init__(ctx, evaluation,
                         _("Remove evaluation {title}").format(title=evaluation.title))
