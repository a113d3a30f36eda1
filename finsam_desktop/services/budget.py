"""The joint budget: years and versions, lines and amounts, actuals, forecast, equity.

Every write validates, runs in one user action, is audited and returns what it replaced
(for undo) and `Changes`. The rules themselves live in `domain.budget`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from finsam_desktop.domain import budget as rules
from finsam_desktop.domain.budget import (
    Area,
    Basis,
    BudgetLine,
    BudgetVersion,
    BudgetView,
    BudgetYear,
    EquityYear,
    Focus,
    FollowUpReport,
    KeyFigures,
    MemberContribution,
    Payment,
    Periods,
    ReceivedContribution,
    VersionKind,
    Warning_,
)
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.charter import parse_months
from finsam_desktop.domain.errors import NotFoundError, ValidationError
from finsam_desktop.domain.meetings import ItemKind
from finsam_desktop.domain.organisation import Member, share_problems
from finsam_desktop.domain.values import check_date, check_money, check_text
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings, organisation
from finsam_desktop.services.meetings import number_of
from finsam_desktop.storage.store import Store

TABLES = ("budget_years", "budget_versions", "budget_lines", "budget_amounts",
          "budget_actuals", "budget_forecasts", "contribution_payments", "budget_texts",
          "budget_adoptions")


def _changes() -> Changes:
    return Changes.of(*TABLES)


def _check_year(year: int) -> int:
    if not isinstance(year, int) or not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    return year


# ---------------------------------------------------------------- years and versions


def years(store: Store) -> list[int]:
    """Every year with a budget, ascending."""
    return store.budget.years()


def get_year(store: Store, year: int) -> BudgetYear:
    """A budget year (NotFoundError if none)."""
    return store.budget.year(year)


def versions(store: Store, year: int) -> list[BudgetVersion]:
    """The year's versions, oldest first."""
    return store.budget.versions(year)


def current_version(store: Store, year: int) -> BudgetVersion:
    """The version the year is followed up against: the latest adopted one, else the
    latest version."""
    found = store.budget.versions(year)
    if not found:
        raise NotFoundError(_("There is no budget for {year}.").format(year=year))
    adopted = [v for v in found if v.locked]
    return adopted[-1] if adopted else found[-1]


def working_version(store: Store, year: int) -> BudgetVersion | None:
    """The latest version that can still be edited (None when all are adopted)."""
    found = [v for v in store.budget.versions(year) if not v.locked]
    return found[-1] if found else None


def _default_lines(year: int) -> list[BudgetLine]:
    return [BudgetLine(0, year, Area.CONTRIBUTIONS, _("Member contributions"), position=0),
            BudgetLine(0, year, Area.BOARD, _("Board"), position=1),
            BudgetLine(0, year, Area.ADMINISTRATION, _("Administration"), position=2),
            BudgetLine(0, year, Area.AUDIT, _("Audit"), position=3)]


def create_year(store: Store, year: int, *, contributions_ore: int = 0,
                opening_equity_ore: int | None = None) -> tuple[BudgetVersion, Changes]:
    """Start an empty budget for `year`: a proposal with contributions, board,
    administration and audit lines."""
    _check_year(year)
    check_money(contributions_ore)
    if contributions_ore < 0:
        raise ValidationError(_("The total contribution cannot be negative."))
    if opening_equity_ore is not None:
        check_money(opening_equity_ore)
    with store.user_action():
        if year in store.budget.years():
            raise ValidationError(_("There is already a budget for {year}.").format(year=year))
        store.budget.save_year(BudgetYear(year, opening_equity_ore))
        version_id = store.budget.insert_version(
            BudgetVersion(0, year, VersionKind.PROPOSAL, store.today()))
        for line in _default_lines(year):
            line_id = store.budget.lines.insert(line)
            if line.area is Area.CONTRIBUTIONS and contributions_ore:
                store.budget.set_amount(version_id, line_id, 0, contributions_ore)
        store.audit.log("budget.year_created", "budget_years", year,
                        after={"contributions_ore": contributions_ore})
    return store.budget.version(version_id), _changes()


def copy_year(store: Store, source_year: int,
              target_year: int | None = None) -> tuple[BudgetVersion, Changes]:
    """Start `target_year` (default: the next year) from `source_year`'s current version:
    the same lines; the new budget year takes the old first plan year, the new first plan
    year the old second plan year, and the new second plan year repeats it. A budget
    whose plan years were never filled in is copied from its budget year instead."""
    target = _check_year(source_year + 1 if target_year is None else target_year)
    source = current_version(store, source_year)
    with store.user_action():
        if target in store.budget.years():
            raise ValidationError(_("There is already a budget for {year}.").format(year=target))
        old_year = store.budget.year(source_year)
        store.budget.save_year(BudgetYear(target, None, old_year.periods))
        version_id = store.budget.insert_version(BudgetVersion(
            0, target, VersionKind.PROPOSAL, store.today(), based_on_id=source.id,
            note=_("Copied from the {year} budget.").format(year=source_year)))
        amounts = store.budget.amounts(source.id)
        shift = target - source_year
        plans_filled = any(v[1] or v[2] for v in amounts.values())
        for line in store.budget.lines_of(source_year):
            new_id = store.budget.lines.insert(dataclasses.replace(line, id=0, year=target))
            old = amounts.get(line.id, [0, 0, 0])
            new = [old[min(p + shift, 2)] for p in range(3)] if plans_filled else [old[0]] * 3
            for plan_year, amount in enumerate(new):
                store.budget.set_amount(version_id, new_id, plan_year, amount)
        store.budget.copy_texts(source.id, version_id)
        store.audit.log("budget.year_copied", "budget_years", target,
                        after={"from_year": source_year, "from_version": source.id})
    return store.budget.version(version_id), _changes()


def revise(store: Store, version_id: int) -> tuple[BudgetVersion, Changes]:
    """A new, editable version of the year's budget with the amounts and texts of
    `version_id` (to revise an adopted budget during the year)."""
    source = store.budget.version(version_id)
    with store.user_action():
        new_id = store.budget.insert_version(BudgetVersion(
            0, source.year, VersionKind.REVISED, store.today(), based_on_id=source.id))
        for line_id, values in store.budget.amounts(source.id).items():
            for plan_year, amount in enumerate(values):
                store.budget.set_amount(new_id, line_id, plan_year, amount)
        store.budget.copy_texts(source.id, new_id)
        store.audit.log("budget.revised", "budget_versions", new_id,
                        after={"based_on": source.id})
    return store.budget.version(new_id), _changes()


def remove_version(store: Store, version_id: int) -> tuple[BudgetVersion, Changes]:
    """Remove a version that has not been adopted (not the year's only version)."""
    version = store.budget.version(version_id)
    if version.locked:
        raise ValidationError(_("An adopted budget cannot be removed."))
    with store.user_action():
        if len(store.budget.versions(version.year)) == 1:
            raise ValidationError(_("The year's only budget version cannot be removed."))
        store.db.execute("UPDATE budget_versions SET based_on_id = NULL WHERE based_on_id = ?",
                         [version_id])
        store.budget.delete_version(version_id)
        store.audit.log("budget.version_removed", "budget_versions", version_id,
                        before=version)
    return version, _changes()


def decision_choices(store: Store, year: int) -> list[tuple[int, str]]:
    """Decision paragraphs that can have adopted the year's budget: numbered decisions of
    meetings in the budget year and the year before, latest first, as (item id, label)."""
    return meetings.numbered_decisions(store, range(year - 1, year + 1))


def adoption_reference(store: Store, version: BudgetVersion) -> str:
    """"§ 12, 2025-11-20" for an adopted version ('' if not adopted)."""
    if version.adopted_item_id is None:
        return ""
    item = store.meetings.items.get(version.adopted_item_id)
    meeting = store.meetings.meetings.get(item.meeting_id)
    return _("§ {number}, {date}").format(number=number_of(meeting, item) or "?",
                                          date=meeting.date.isoformat())


def adopt(store: Store, version_id: int, item_id: int) -> tuple[BudgetVersion, Changes]:
    """Record that the board adopted `version_id` by the decision `item_id`; the version
    is locked from then on."""
    version = store.budget.version(version_id)
    if version.locked:
        raise ValidationError(_("This budget version is already adopted."))
    with store.user_action():
        item = store.meetings.items.get(item_id)
        meeting = store.meetings.meetings.get(item.meeting_id)
        if item.kind is not ItemKind.DECISION or number_of(meeting, item) is None:
            raise ValidationError(_("Choose a numbered decision paragraph (§)."))
        store.budget.adopt(version_id, item_id)
        if version.kind is VersionKind.PROPOSAL:
            store.budget.set_kind(version_id, VersionKind.ADOPTED.value)
        store.audit.log("budget.adopted", "budget_versions", version_id,
                        after={"item_id": item_id})
    return version, _changes()


def undo_adoption(store: Store, version: BudgetVersion) -> Changes:
    """Undo an adoption recorded by mistake (restores the version as it was)."""
    with store.user_action():
        store.budget.adopt(version.id, version.adopted_item_id)
        store.budget.set_kind(version.id, version.kind.value)
        store.audit.log("budget.adoption_undone", "budget_versions", version.id,
                        after=version)
    return _changes()


def set_year(store: Store, budget_year: BudgetYear) -> tuple[BudgetYear, Changes]:
    """Set the opening equity, the reporting periods or the note of a year."""
    if budget_year.opening_equity_ore is not None:
        check_money(budget_year.opening_equity_ore)
    clean = dataclasses.replace(budget_year, note=check_text(budget_year.note, field=_("Note"),
                                                             max_length=10_000))
    with store.user_action():
        before = store.budget.year(budget_year.year)
        if clean.periods is Periods.TERTIAL and before.periods is Periods.MONTH:
            months = {m for line in store.budget.actuals(clean.year).values() for m in line}
            if months - set(rules.TERTIAL_MONTHS):
                raise ValidationError(_("Actuals are entered per month this year; remove the "
                                        "monthly figures before switching to tertials."))
        store.budget.save_year(clean)
        store.audit.log("budget.year_saved", "budget_years", clean.year, before=before,
                        after=clean)
    return before, _changes()


# ---------------------------------------------------------------- lines and amounts


def _editable(store: Store, version_id: int) -> BudgetVersion:
    version = store.budget.version(version_id)
    if version.locked:
        raise ValidationError(_("This budget version is adopted and cannot be changed. "
                                "Make a revised version to change it."))
    return version


def _clean_line(line: BudgetLine) -> BudgetLine:
    name = check_text(line.name, field=_("Name"), required=True, max_length=200)
    if line.area is Area.ACTIVITIES and line.focus is Focus.NONE:
        raise ValidationError(_("An activity line must be individual-targeted or structural."))
    focus = line.focus if line.area is Area.ACTIVITIES else Focus.NONE
    return dataclasses.replace(line, name=name, focus=focus,
                               note=check_text(line.note, field=_("Note"), max_length=10_000))


def _unique(store: Store, line: BudgetLine) -> None:
    for other in store.budget.lines_of(line.year):
        if other.id != line.id and other.area is line.area \
                and other.name.casefold() == line.name.casefold():
            raise ValidationError(_("There is already a line “{name}” under {area}.").format(
                name=line.name, area=_(rules.AREA_LABELS[line.area]).lower()))


def add_line(store: Store, line: BudgetLine, amounts: Sequence[int] = (0, 0, 0), *,
             version_id: int | None = None) -> tuple[BudgetLine, Changes]:
    """Add a line to the year with its amounts in the given (else the working) version."""
    clean = _clean_line(line)
    if clean.area is Area.CONTRIBUTIONS:
        raise ValidationError(_("The year has one contributions line; change its amount."))
    for amount in amounts:
        _check_amount(amount)
    with store.user_action():
        version = _version_to_edit(store, clean.year, version_id)
        _unique(store, clean)
        if not clean.position:
            clean = dataclasses.replace(clean, position=len(store.budget.lines_of(clean.year)))
        line_id = store.budget.lines.insert(clean)
        for plan_year, amount in enumerate(amounts):
            store.budget.set_amount(version.id, line_id, plan_year, amount)
        added = store.budget.lines.get(line_id)
        store.audit.log("budget.line_added", "budget_lines", line_id, after=added)
    return added, _changes()


def _version_to_edit(store: Store, year: int, version_id: int | None) -> BudgetVersion:
    if version_id is not None:
        version = _editable(store, version_id)
        if version.year != year:
            raise ValidationError(_("The line and the version belong to different years."))
        return version
    version = working_version(store, year)
    if version is None:
        raise ValidationError(_("Every version of the {year} budget is adopted. Make a revised "
                                "version to change it.").format(year=year))
    return version


def update_line(store: Store, line: BudgetLine) -> tuple[BudgetLine, Changes]:
    """Rename a line, change its focus, activity link or note; returns the previous line."""
    clean = _clean_line(line)
    with store.user_action():
        before = store.budget.lines.get(line.id)
        if before.area is not clean.area or before.year != clean.year:
            raise ValidationError(_("A line cannot move to another area or year; add a new "
                                    "line instead."))
        _unique(store, clean)
        store.budget.lines.update(clean)
        store.audit.log("budget.line_updated", "budget_lines", line.id, before=before,
                        after=clean)
    return before, _changes()


def remove_line(store: Store, line_id: int) -> tuple[BudgetLine, Changes]:
    """Remove a line without actuals that no adopted version uses."""
    line = store.budget.lines.get(line_id)
    if line.area is Area.CONTRIBUTIONS:
        raise ValidationError(_("The contributions line cannot be removed."))
    with store.user_action():
        if store.budget.line_in_use(line_id):
            raise ValidationError(_("“{name}” has actuals or a forecast and cannot be "
                                    "removed.").format(name=line.name))
        for version in store.budget.versions(line.year):
            if version.locked and any(store.budget.amounts(version.id).get(line_id, [])):
                raise ValidationError(_("“{name}” is part of an adopted budget and cannot be "
                                        "removed.").format(name=line.name))
        store.db.execute("DELETE FROM budget_amounts WHERE line_id = ? AND version_id IN "
                         "(SELECT id FROM budget_versions WHERE id NOT IN "
                         "(SELECT version_id FROM budget_adoptions))", [line_id])
        store.budget.lines.delete(line_id)
        store.audit.log("budget.line_removed", "budget_lines", line_id, before=line)
    return line, _changes()


def restore_line(store: Store, line: BudgetLine, version_id: int,
                 amounts: Sequence[int]) -> Changes:
    """Put back a removed line with its id and amounts (undo of `remove_line`)."""
    with store.user_action():
        store.budget.lines.insert(line)
        for plan_year, amount in enumerate(amounts):
            store.budget.set_amount(version_id, line.id, plan_year, amount)
        store.audit.log("budget.line_restored", "budget_lines", line.id, after=line)
    return _changes()


def _check_amount(amount: int) -> int:
    check_money(amount)
    if amount < 0:
        raise ValidationError(_("Budget amounts cannot be negative; enter costs and income "
                                "as positive amounts on their lines."))
    return amount


def set_amount(store: Store, version_id: int, line_id: int, plan_year: int,
               amount_ore: int) -> tuple[int, Changes]:
    """Set a line's amount for the budget year (0) or a plan year (1, 2); returns the
    previous amount."""
    if plan_year not in (0, 1, 2):
        raise ValidationError(_("Choose the budget year or one of the two plan years."))
    _check_amount(amount_ore)
    with store.user_action():
        version = _editable(store, version_id)
        line = store.budget.lines.get(line_id)
        if line.year != version.year:
            raise ValidationError(_("The line and the version belong to different years."))
        before = store.budget.amounts(version_id).get(line_id, [0, 0, 0])[plan_year]
        store.budget.set_amount(version_id, line_id, plan_year, amount_ore)
        store.audit.log("budget.amount_set", "budget_lines", line_id,
                        before={"version": version_id, "plan_year": plan_year,
                                "amount_ore": before},
                        after={"version": version_id, "plan_year": plan_year,
                               "amount_ore": amount_ore})
    return before, _changes()


def set_text(store: Store, version_id: int, section: str, body: str) -> tuple[str, Changes]:
    """Write a narrative section of the plan (kept on adopted versions too: texts are
    the plan's commentary, not the figures the board adopted)."""
    if section not in rules.TEXT_SECTIONS:
        raise ValidationError(_("Unknown section."))
    clean = check_text(body, field=_(rules.TEXT_SECTION_LABELS[section]), max_length=200_000)
    with store.user_action():
        store.budget.version(version_id)
        before = store.budget.texts(version_id).get(section, "")
        store.budget.set_text(version_id, section, clean)
        store.audit.log("budget.text_set", "budget_versions", version_id,
                        before={section: before}, after={section: clean})
    return before, _changes()


def texts(store: Store, version_id: int) -> dict[str, str]:
    """Section → narrative text (missing sections are '')."""
    stored = store.budget.texts(version_id)
    return {s: stored.get(s, "") for s in rules.TEXT_SECTIONS}


# ---------------------------------------------------------------- actuals and forecast


def _actual_line(store: Store, line_id: int) -> BudgetLine:
    line = store.budget.lines.get(line_id)
    if line.area is Area.CONTRIBUTIONS:
        raise ValidationError(_("Contributions received are recorded per member (the "
                                "Contributions tab), not as actuals on the line."))
    return line


def _check_month(store: Store, year: int, month: int) -> None:
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError(_("The month must be 1–12."))
    if store.budget.year(year).periods is Periods.TERTIAL and month not in rules.TERTIAL_MONTHS:
        raise ValidationError(_("Actuals for {year} are entered per tertial (T1–T3).").format(
            year=year))


def set_actual(store: Store, line_id: int, month: int,
               amount_ore: int | None) -> tuple[int | None, Changes]:
    """Enter (or with None clear) a line's actual for a month; returns the previous value."""
    if amount_ore is not None:
        check_money(amount_ore)
    with store.user_action():
        line = _actual_line(store, line_id)
        _check_month(store, line.year, month)
        before = store.budget.actuals(line.year).get(line_id, {}).get(month)
        store.budget.set_actual(line_id, month, amount_ore)
        store.audit.log("budget.actual_set", "budget_lines", line_id,
                        before={"month": month, "amount_ore": before},
                        after={"month": month, "amount_ore": amount_ore})
    return before, _changes()


def set_actuals(store: Store, year: int, entries: Iterable[tuple[int, int, int | None]],
                *, source: str = "") -> tuple[dict[tuple[int, int], int | None], Changes]:
    """Enter many actuals at once (pasted or imported): (line id, month, öre or None).
    All are checked first; nothing is written unless every entry is valid. Returns the
    previous values keyed by (line id, month), for undo."""
    entries = list(entries)
    for _line, _month, amount in entries:
        if amount is not None:
            check_money(amount)
    with store.user_action():
        current = store.budget.actuals(year)
        before: dict[tuple[int, int], int | None] = {}
        for line_id, month, amount in entries:
            line = _actual_line(store, line_id)
            if line.year != year:
                raise ValidationError(_("The line “{name}” is not in the {year} budget.").format(
                    name=line.name, year=year))
            _check_month(store, year, month)
            before.setdefault((line_id, month), current.get(line_id, {}).get(month))
            store.budget.set_actual(line_id, month, amount)
        store.audit.log("budget.actuals_set", "budget_years", year,
                        after={"entries": len(entries), "source": source})
    return before, _changes()


def set_forecast(store: Store, line_id: int, amount_ore: int | None,
                 note: str = "") -> tuple[tuple[int, str] | None, Changes]:
    """Enter a full-year forecast for a line (None: actual to date + remaining plan)."""
    if amount_ore is not None:
        check_money(amount_ore)
    clean = check_text(note, field=_("Note"), max_length=2_000)
    with store.user_action():
        line = store.budget.lines.get(line_id)
        before = store.budget.forecasts(line.year).get(line_id)
        store.budget.set_forecast(line_id, amount_ore, clean)
        store.audit.log("budget.forecast_set", "budget_lines", line_id, before=before,
                        after=None if amount_ore is None else (amount_ore, clean))
    return before, _changes()


# ---------------------------------------------------------------- contributions


def contributions(store: Store, year: int,
                  version_id: int | None = None) -> list[MemberContribution]:
    """Each member's contribution for the budget year and the two plan years, computed
    from the contributions line and the shares (raises ValidationError when the shares
    do not add up)."""
    version = store.budget.version(version_id) if version_id else current_version(store, year)
    totals = contribution_totals(store, version)
    members = organisation.current_members(store, dt.date(year, 1, 1))
    return rules.contributions(totals, members, organisation.get_charter(store))


def contribution_totals(store: Store, version: BudgetVersion) -> list[int]:
    """The contributions line's amounts: budget year and the two plan years."""
    amounts = store.budget.amounts(version.id)
    line = _contributions_line(store, version.year)
    return list(amounts.get(line.id, [0, 0, 0]))


def _contributions_line(store: Store, year: int) -> BudgetLine:
    for line in store.budget.lines_of(year):
        if line.area is Area.CONTRIBUTIONS:
            return line
    raise NotFoundError(_("The {year} budget has no contributions line.").format(year=year))


def payments(store: Store, year: int) -> list[Payment]:
    """Contributions received for the year."""
    return store.budget.payments_of(year)


def add_payment(store: Store, payment: Payment) -> tuple[Payment, Changes]:
    """Record a contribution received from a member (as received, whatever the amount)."""
    check_money(payment.amount_ore)
    check_date(payment.received_on)
    clean = dataclasses.replace(payment, note=check_text(payment.note, field=_("Note"),
                                                         max_length=2_000))
    with store.user_action():
        store.budget.year(payment.year)
        store.organisation.members.get(payment.member_id)
        payment_id = store.budget.payments.insert(clean)
        added = store.budget.payments.get(payment_id)
        store.audit.log("budget.payment_added", "contribution_payments", payment_id,
                        after=added)
    return added, _changes()


def remove_payment(store: Store, payment_id: int) -> tuple[Payment, Changes]:
    """Remove a payment recorded by mistake."""
    with store.user_action():
        payment = store.budget.payments.get(payment_id)
        store.budget.payments.delete(payment_id)
        store.audit.log("budget.payment_removed", "contribution_payments", payment_id,
                        before=payment)
    return payment, _changes()


def received(store: Store, year: int) -> list[ReceivedContribution]:
    """Each member's budgeted and received contribution, flagged when it deviates."""
    members = organisation.current_members(store, dt.date(year, 1, 1))
    paid_ids = {p.member_id for p in store.budget.payments_of(year)}
    members += [m for m in organisation.list_members(store)
                if m.id in paid_ids and m.id not in {x.id for x in members}]
    expected = _expected_split(store, year, members)
    return rules.received_contributions(expected, members, store.budget.payments_of(year),
                                        year_closed=year < store.today().year)


def _expected_split(store: Store, year: int, members: list[Member]) -> dict[int, int]:
    total = contribution_totals(store, current_version(store, year))[0]
    active = [m for m in members if m.is_member_on(dt.date(year, 1, 1))]
    try:
        return rules.split_contribution(total, active, organisation.get_charter(store))
    except ValidationError:
        return {}


# ---------------------------------------------------------------- follow-up and equity


def follow_up(store: Store, year: int, through_month: int | None = None) -> FollowUpReport:
    """Budget | actual to date | forecast | deviation per line, area and in total."""
    version = current_version(store, year)
    lines = store.budget.lines_of(year)
    budget = {line_id: values[0] for line_id, values in store.budget.amounts(version.id).items()}
    actuals = store.budget.actuals(year)
    forecasts = {k: v[0] for k, v in store.budget.forecasts(year).items()}
    contribution = next((line for line in lines if line.area is Area.CONTRIBUTIONS), None)
    derived: dict[int, int] = {}
    if contribution is not None:
        months: dict[int, int] = {}
        pays = store.budget.payments_of(year)
        for p in pays:
            months[p.received_on.month] = months.get(p.received_on.month, 0) + p.amount_ore
        actuals[contribution.id] = months
        rows = received(store, year)
        owed = sum(max(r.expected_ore, r.received_ore) for r in rows)
        paid = sum(p.amount_ore for p in pays)
        total = budget.get(contribution.id, 0)
        # What the members owe (or paid beyond it); without a valid split, the budget.
        derived[contribution.id] = owed if any(r.expected_ore for r in rows) \
            else max(total, paid)
    if through_month is None:
        others = {line_id: m for line_id, m in actuals.items()
                  if contribution is None or line_id != contribution.id}
        through_month = max((m for ms in others.values() for m, v in ms.items() if v),
                            default=0)
        if not others and contribution is not None:
            through_month = max(actuals.get(contribution.id, {}), default=0)
    due: dict[int, tuple[int, ...]] = {}
    if contribution is not None:  # budget to date follows the charter's due months
        due[contribution.id] = parse_months(organisation.get_charter(store).contribution_months)
    return rules.follow_up(year, lines, budget, actuals, forecasts, through_month, derived,
                           due)


def _basis(store: Store, year: int, report: FollowUpReport) -> Basis:
    today = store.today()
    if year > today.year:
        return Basis.BUDGET
    if year < today.year and report.through_month == 12:
        return Basis.ACTUAL
    return Basis.FORECAST


def equity(store: Store) -> list[EquityYear]:
    """Equity through every budget year, then the last year's two plan years: actual for
    closed years, forecast for the current one, budget for the future."""
    chain: list[tuple[int, int | None, int, int, Basis]] = []
    known = store.budget.years()
    for year in known:
        report = follow_up(store, year)
        basis = _basis(store, year, report)
        result = {Basis.BUDGET: report.budget_result_ore,
                  Basis.FORECAST: report.forecast_result_ore,
                  Basis.ACTUAL: report.actual_result_ore}[basis]
        chain.append((year, store.budget.year(year).opening_equity_ore, result,
                      _contributions_budget(report),
                      basis))
    if known:
        last = known[-1]
        version = current_version(store, last)
        amounts = store.budget.amounts(version.id)
        lines = store.budget.lines_of(last)
        for plan_year in (1, 2):
            income = sum(amounts.get(li.id, [0, 0, 0])[plan_year] for li in lines if li.is_income)
            costs = sum(amounts.get(li.id, [0, 0, 0])[plan_year] for li in lines
                        if not li.is_income)
            contributions_ore = sum(amounts.get(li.id, [0, 0, 0])[plan_year] for li in lines
                                    if li.area is Area.CONTRIBUTIONS)
            chain.append((last + plan_year, None, income - costs, contributions_ore,
                          Basis.BUDGET))
    return rules.equity_years(chain)


def _contributions_budget(report: FollowUpReport) -> int:
    return sum(r.budget_ore for r in report.areas if r.area is Area.CONTRIBUTIONS)


def key_figures(store: Store, year: int,
                chain_years: list[EquityYear] | None = None) -> KeyFigures:
    """Administration share, individual/structural split and equity (budget figures), with
    every warning for the year; `chain_years` is `equity(store)` when the caller has it."""
    report = follow_up(store, year)
    costs_by_area = {r.area: r.budget_ore for r in report.areas if r.area is not None}
    by_focus: dict[Focus, int] = {}
    for row in report.lines:
        if row.area is Area.ACTIVITIES:
            by_focus[row.focus] = by_focus.get(row.focus, 0) + row.budget_ore
    chain = equity(store) if chain_years is None else chain_years
    equity_year = next((e for e in chain if e.year == year), None)
    figures = rules.key_figures(costs_by_area, by_focus, equity_year,
                                organisation.get_charter(store))
    return dataclasses.replace(figures, warnings=tuple(warnings(store, year, chain)))


def warnings(store: Store, year: int,
             chain_years: list[EquityYear] | None = None) -> list[Warning_]:
    """Everything the board should look at for the year: equity, deficits (also in the
    plan years), shares that do not add up, contributions received off the shares."""
    settings = organisation.get_charter(store)
    found: list[Warning_] = []
    members = organisation.current_members(store, dt.date(year, 1, 1))
    for problem in share_problems(settings, members):
        found.append(Warning_("shares", problem + " " + _(
            "Member contributions cannot be split until the shares are corrected."),
            severe=True))
    chain = {e.year: e for e in (equity(store) if chain_years is None else chain_years)}
    for offset in (0, 1, 2):
        item = chain.get(year + offset)
        if item is None or (offset and year + offset in store.budget.years()):
            continue
        for warning in rules.equity_warnings(item, settings):
            if offset and warning.code != "deficit_uncovered":
                continue
            found.append(warning)
    this_year = chain.get(year)
    if this_year is not None and this_year.basis is not Basis.BUDGET \
            and this_year.opening_ore is not None:
        report = follow_up(store, year)
        budget_item = dataclasses.replace(
            this_year, basis=Basis.BUDGET, result_ore=report.budget_result_ore,
            closing_ore=this_year.opening_ore + report.budget_result_ore)
        if not any(w.code == "deficit_uncovered" for w in found):
            found += [w for w in rules.equity_warnings(budget_item, settings)
                      if w.code == "deficit_uncovered"]
    from finsam_desktop.formatting import format_money, format_number

    for row in received(store, year):
        if row.flagged:
            found.append(Warning_("payment_deviates", _(
                "{member} has paid {received} against a budgeted {expected} ({deviation}; "
                "{pp} percentage points off its share). Recorded as received; the board "
                "decides how to settle the difference.").format(
                member=row.member.name, received=format_money(row.received_ore),
                expected=format_money(row.expected_ore),
                deviation=("+" if row.deviation_ore > 0 else "") + format_money(
                    row.deviation_ore),
                pp=format_number(Decimal(row.deviation_ppm) / 10_000, 2))))
    return found


def view(store: Store, year: int, version_id: int | None = None) -> BudgetView:
    """The year's budget in `version_id` (default: the working version, else the current)."""
    if version_id is not None:
        version = store.budget.version(version_id)
    else:
        version = working_version(store, year) or current_version(store, year)
    problems: tuple[str, ...] = ()
    try:
        split = tuple(contributions(store, year, version.id))
    except ValidationError as exc:
        split, problems = (), tuple(exc.problems)
    return BudgetView(
        year=store.budget.year(year), version=version,
        versions=tuple(store.budget.versions(year)),
        adopted_ref=adoption_reference(store, version), lines=tuple(store.budget.lines_of(year)),
        amounts=store.budget.amounts(version.id), contributions=split,
        contribution_problems=problems)


def version_label(store: Store, version: BudgetVersion) -> str:
    """"Adopted (§ 12, 2025-11-20)", "Proposal 2025-10-01", …"""
    kind = _(rules.VERSION_LABELS[version.kind])
    if version.locked:
        return _("{kind}, adopted {reference}").format(
            kind=kind, reference=adoption_reference(store, version)) \
            if version.kind is VersionKind.REVISED else \
            _("{kind} {reference}").format(kind=kind, reference=adoption_reference(store, version))
    return _("{kind} {date}").format(kind=kind, date=version.created_on.isoformat())
