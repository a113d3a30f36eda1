"""Undoable budget edits: amounts, lines, actuals (typed or pasted), forecasts, payments,
adoption, revisions and the year's settings (see `ui.undo` for the pattern).

Every command calls the budget services only. Undo writes back what the service said it
replaced; a removed line or payment comes back with its id, so later commands still match.
"""

from __future__ import annotations

from collections.abc import Sequence

from finsam_desktop.domain.budget import BudgetLine, BudgetVersion, BudgetYear, Payment
from finsam_desktop.domain.changes import Changes
from finsam_desktop.i18n import _
from finsam_desktop.services import budget
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo import ServiceCommand


class SetAmount(ServiceCommand):
    """A line's amount for the budget year or a plan year in one version."""

    def __init__(self, ctx: AppContext, version_id: int, line: BudgetLine, plan_year: int,
                 amount_ore: int) -> None:
        super().__init__(ctx, _("Change the amount of {name}").format(name=line.name))
        self._version, self._line, self._plan = version_id, line.id, plan_year
        self._after = amount_ore
        self._before = 0

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.set_amount(self._ctx.require_store(), self._version,
                                                  self._line, self._plan, self._after)
        return changes

    def _backward(self) -> Changes:
        return budget.set_amount(self._ctx.require_store(), self._version, self._line,
                                 self._plan, self._before)[1]


class AddLine(ServiceCommand):
    """Add a line with its amounts; undo removes it, redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, line: BudgetLine, version_id: int,
                 amounts: Sequence[int] = (0, 0, 0)) -> None:
        super().__init__(ctx, _("Add line {name}").format(name=line.name))
        self.line = line
        self._version = version_id
        self._amounts = list(amounts)

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        if first:
            self.line, changes = budget.add_line(store, self.line, self._amounts,
                                                 version_id=self._version)
            return changes
        return budget.restore_line(store, self.line, self._version, self._amounts)

    def _backward(self) -> Changes:
        return budget.remove_line(self._ctx.require_store(), self.line.id)[1]


class UpdateLine(ServiceCommand):
    """Rename a line or change its focus or note."""

    def __init__(self, ctx: AppContext, after: BudgetLine) -> None:
        super().__init__(ctx, _("Edit line {name}").format(name=after.name))
        self._after = after
        self._before: BudgetLine | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.update_line(self._ctx.require_store(), self._after)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return budget.update_line(self._ctx.require_store(), self._before)[1]


class RemoveLine(ServiceCommand):
    """Remove a line; undo restores it with its amounts in every version that had them
    and can still be edited (the service removes them from all of those)."""

    def __init__(self, ctx: AppContext, line: BudgetLine) -> None:
        super().__init__(ctx, _("Remove line {name}").format(name=line.name))
        self._line = line
        self._amounts: dict[int, list[int]] = {}

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        self._amounts = {}
        for version in budget.versions(store, self._line.year):
            if not version.locked:
                values = budget.view(store, self._line.year, version.id).amounts.get(
                    self._line.id)
                self._amounts[version.id] = list(values or [0, 0, 0])
        self._line, changes = budget.remove_line(store, self._line.id)
        return changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        versions = list(self._amounts.items())
        if not versions:  # no editable version had it: put back the line alone
            return budget.restore_line(store, self._line, budget.current_version(
                store, self._line.year).id, [])
        first_id, first_amounts = versions[0]
        changes = budget.restore_line(store, self._line, first_id, first_amounts)
        for version_id, amounts in versions[1:]:
            for plan_year, amount in enumerate(amounts):
                changes = changes | budget.set_amount(store, version_id, self._line.id,
                                                      plan_year, amount)[1]
        return changes


class SetActual(ServiceCommand):
    """A line's actual for one month (None clears it)."""

    def __init__(self, ctx: AppContext, line: BudgetLine, month: int,
                 amount_ore: int | None) -> None:
        super().__init__(ctx, _("Enter actual for {name}").format(name=line.name))
        self._line, self._month, self._after = line.id, month, amount_ore
        self._before: int | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.set_actual(self._ctx.require_store(), self._line,
                                                  self._month, self._after)
        return changes

    def _backward(self) -> Changes:
        return budget.set_actual(self._ctx.require_store(), self._line, self._month,
                                 self._before)[1]


class SetActuals(ServiceCommand):
    """Many actuals at once (a pasted block): all or nothing; undo restores each cell."""

    def __init__(self, ctx: AppContext, year: int,
                 entries: Sequence[tuple[int, int, int | None]], source: str = "") -> None:
        super().__init__(ctx, _("Paste {count} actuals").format(count=len(entries)))
        self._year, self._entries, self._source = year, list(entries), source
        self._before: dict[tuple[int, int], int | None] = {}

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.set_actuals(self._ctx.require_store(), self._year,
                                                   self._entries, source=self._source)
        return changes

    def _backward(self) -> Changes:
        entries = [(line_id, month, value) for (line_id, month), value in self._before.items()]
        return budget.set_actuals(self._ctx.require_store(), self._year, entries,
                                  source="undo")[1]


class SetForecast(ServiceCommand):
    """A line's full-year forecast (None: back to the automatic forecast)."""

    def __init__(self, ctx: AppContext, line: BudgetLine, amount_ore: int | None,
                 note: str = "") -> None:
        super().__init__(ctx, _("Change the forecast of {name}").format(name=line.name))
        self._line, self._after, self._note = line.id, amount_ore, note
        self._before: tuple[int, str] | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.set_forecast(self._ctx.require_store(), self._line,
                                                    self._after, self._note)
        return changes

    def _backward(self) -> Changes:
        amount, note = self._before if self._before is not None else (None, "")
        return budget.set_forecast(self._ctx.require_store(), self._line, amount, note)[1]


class AddPayment(ServiceCommand):
    """Record a contribution received; undo removes it, redo re-adds it with its id."""

    def __init__(self, ctx: AppContext, payment: Payment) -> None:
        super().__init__(ctx, _("Record payment"))
        self.payment = payment

    def _forward(self, *, first: bool) -> Changes:
        self.payment, changes = budget.add_payment(self._ctx.require_store(), self.payment)
        return changes

    def _backward(self) -> Changes:
        return budget.remove_payment(self._ctx.require_store(), self.payment.id)[1]


class RemovePayment(ServiceCommand):
    """Remove a payment recorded by mistake; undo puts it back with its id."""

    def __init__(self, ctx: AppContext, payment: Payment) -> None:
        super().__init__(ctx, _("Remove payment"))
        self._payment = payment

    def _forward(self, *, first: bool) -> Changes:
        self._payment, changes = budget.remove_payment(self._ctx.require_store(),
                                                       self._payment.id)
        return changes

    def _backward(self) -> Changes:
        return budget.add_payment(self._ctx.require_store(), self._payment)[1]


class Adopt(ServiceCommand):
    """Record the board's adoption of a version by a decision §; undo takes it back."""

    def __init__(self, ctx: AppContext, version_id: int, item_id: int) -> None:
        super().__init__(ctx, _("Adopt budget"))
        self._version_id, self._item = version_id, item_id
        self._before: BudgetVersion | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.adopt(self._ctx.require_store(), self._version_id,
                                             self._item)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return budget.undo_adoption(self._ctx.require_store(), self._before)


class Revise(ServiceCommand):
    """Make a revised (editable) version; undo removes it, redo makes it anew."""

    def __init__(self, ctx: AppContext, version_id: int) -> None:
        super().__init__(ctx, _("Revise budget"))
        self._source = version_id
        self.version: BudgetVersion | None = None

    def _forward(self, *, first: bool) -> Changes:
        self.version, changes = budget.revise(self._ctx.require_store(), self._source)
        return changes

    def _backward(self) -> Changes:
        assert self.version is not None
        return budget.remove_version(self._ctx.require_store(), self.version.id)[1]


class SaveYear(ServiceCommand):
    """Change a year's opening equity or reporting periods."""

    def __init__(self, ctx: AppContext, after: BudgetYear) -> None:
        super().__init__(ctx, _("Edit budget year {year}").format(year=after.year))
        self._after = after
        self._before: BudgetYear | None = None

    def _forward(self, *, first: bool) -> Changes:
        self._before, changes = budget.set_year(self._ctx.require_store(), self._after)
        return changes

    def _backward(self) -> Changes:
        assert self._before is not None
        return budget.set_year(self._ctx.require_store(), self._before)[1]


class ImportActuals(ServiceCommand):
    """Actuals read from a checked XLSX file, per year (see `services.budget_import`); undo
    restores every cell the file replaced."""

    def __init__(self, ctx: AppContext, entries: dict[int, list[tuple[int, int, int]]],
                 source: str) -> None:
        super().__init__(ctx, _("Import actuals from {name}").format(name=source))
        self._entries = {year: list(items) for year, items in entries.items()}
        self._source = source
        self._before: dict[int, dict[tuple[int, int], int | None]] = {}

    def _forward(self, *, first: bool) -> Changes:
        store = self._ctx.require_store()
        changes = Changes()
        for year, items in sorted(self._entries.items()):
            self._before[year], done = budget.set_actuals(store, year, items,
                                                          source=self._source)
            changes |= done
        return changes

    def _backward(self) -> Changes:
        store = self._ctx.require_store()
        changes = Changes()
        for year, before in sorted(self._before.items()):
            entries = [(line_id, month, value) for (line_id, month), value in before.items()]
            changes |= budget.set_actuals(store, year, entries, source="undo")[1]
        return changes
