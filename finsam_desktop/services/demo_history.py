"""Twenty years of an agency for benchmarks: the demo plus bulk history before it.

`build_history_demo(store, AGENCY_20Y)` builds the normal demo for 20 years (board terms,
the last three years' signed meetings, budgets, activities, the annual report) and then adds,
in one transaction with executemany (storage.bulk), everything before the demo's own years:

- meetings (numbered, held) with decision and information paragraphs, varied Swedish text,
  a "Verksamhetsplan och budget YEAR" paragraph in each year's last meeting and follow-ups;
- a budget for every earlier year: the standard lines, one line per activity running that
  year (linked to it), amounts for the budget year and two plan years, twelve months of
  actuals, the members' contributions paid in two halves as the shares say, the version
  adopted by that year's budget paragraph;
- activities (individual and structural) with parties, the granting paragraph and amount,
  and — for individual ones — participant counts per quarter in every category of every
  measure (the participant-period rows), consistent within each quarter.

Sizes are given by a `HistorySize` (totals including the demo's own rows, approximately).
The data passes `finsam check` and the services read it like hand-entered data; it exists to
measure the panels, the search, the exports and the dump. Takes a few seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from finsam_desktop.domain import activities as rules
from finsam_desktop.domain.allocation import largest_remainder
from finsam_desktop.services import activities, budget, decisions, organisation
from finsam_desktop.services.demo_large import _TITLES, _WORDS, _text
from finsam_desktop.storage import bulk
from finsam_desktop.storage.store import Store


@dataclass(frozen=True)
class HistorySize:
    """Approximate totals of the agency after the history is added (demo rows included)."""

    years: int = 20
    meetings: int = 200
    paragraphs: int = 5_000
    activities: int = 400
    participant_rows: int = 200_000


AGENCY_20Y = HistorySize()
TINY = HistorySize(years=5, meetings=20, paragraphs=400, activities=24, participant_rows=3_000)

_QUARTERS = ("Q1", "Q2", "Q3", "Q4")
_KINDS = ("Arbetsträning", "Stöd till arbete", "Hälsosteg", "Jobbcoachning", "Språkstöd",
          "Vägen vidare", "Unga i arbete", "Samverkansteam", "Kompetenslyft", "Kartläggning")
_PLACES = ("Åsby", "Lindeby", "Storvik", "Mälarsund")
_STANDARD = (("board", "Styrelsearvoden och möten", 420_000),
             ("administration", "Kansli: personal och lokaler", 1_850_000),
             ("administration", "Kommunikation och utbildning", 180_000),
             ("audit", "Revision", 140_000))


def build_history_demo(store: Store, size: HistorySize = AGENCY_20Y, *,
                       seed: int = 1) -> dict[str, int]:
    """The demo for `size.years` years plus the bulk history; returns the row counts."""
    from finsam_desktop.services.demo import build_demo

    build_demo(store, years=size.years, seed=seed)
    add_agency_history(store, size, seed=seed)
    return row_counts(store)


def row_counts(store: Store) -> dict[str, int]:
    """Rows of the tables the benchmarks talk about."""
    tables = ("meetings", "items", "activities", "participant_counts", "budget_years",
              "budget_lines", "budget_actuals", "followups")
    return {t: int(store.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0])
            for t in tables}


def add_agency_history(store: Store, size: HistorySize = AGENCY_20Y, *, seed: int = 1) -> None:
    """Add the years before the demo's own meetings and budgets (see the module doc)."""
    rng = random.Random(seed * 7919 + 17)
    today = store.today()
    first_year = today.year - size.years + 1
    have = row_counts(store)
    meeting_years = _years_before(store.db, "SELECT min(substr(date, 1, 4)) FROM meetings",
                                  first_year, today)
    budget_years = _years_before(store.db, "SELECT min(year) FROM budget_years", first_year,
                                 today)
    with store.user_action():
        writer = _Writer(store, rng)
        writer.meetings(meeting_years, max(0, size.meetings - have["meetings"]),
                        max(0, size.paragraphs - have["items"]), budget_years)
        created = writer.activities(budget_years, max(0, size.activities - have["activities"]),
                                    max(0, size.participant_rows - have["participant_counts"]))
        writer.budgets(budget_years, created)
    decisions.reindex_all(store)


def _years_before(db, sql: str, first_year: int, today: dt.date) -> list[int]:  # type: ignore[no-untyped-def]
    found = db.execute(sql).fetchone()[0]
    end = int(found) if found else today.year
    return list(range(first_year, end))


@dataclass
class _Activity:
    id: int
    name: str
    individual: bool
    start: dt.date
    end: dt.date
    yearly_kr: int


class _Writer:
    def __init__(self, store: Store, rng: random.Random) -> None:
        self.store, self.db, self.rng = store, store.db, rng
        self.decision_items: list[tuple[dt.date, int]] = []  # (meeting date, item id)
        self.budget_items: dict[int, int] = {}  # budget year → adopting item id
        self.members = [m.id for m in organisation.list_members(store)]

    # meetings -----------------------------------------------------------------------------
    def meetings(self, years: list[int], count: int, paragraphs: int,
                 budget_years: list[int]) -> None:
        if not years or not count:
            return
        per_year = [count // len(years) + (1 if i < count % len(years) else 0)
                    for i in range(len(years))]
        total = sum(per_year)
        meeting_id = bulk.next_id(self.db, "meetings")
        item_id = bulk.next_id(self.db, "items")
        meetings, items, followups = [], [], []
        done = 0
        for year, in_year in zip(years, per_year, strict=True):
            number = 1
            for index in range(in_year):
                day = dt.date(year, 1, 20) + dt.timedelta(days=index * 330 // max(1, in_year))
                size = paragraphs * (done + 1) // total - paragraphs * done // total
                done += 1
                meetings.append((meeting_id, day.isoformat(), "ordinary", 1, number,
                                 "Förbundets kansli", "09:00", "12:00"))
                last = index == in_year - 1
                for position in range(1, max(size, 1) + 1):
                    budget_year = year + 1 if last else year
                    if position == 1 and ((last and budget_year in budget_years)
                                          or (index == 0 and year == years[0])):
                        title = f"Verksamhetsplan och budget {budget_year} med plan för " \
                                f"{budget_year + 1}–{budget_year + 2}"
                        kind = "decision"
                        if budget_year not in self.budget_items:
                            self.budget_items[budget_year] = item_id
                    else:
                        kind = "decision" if self.rng.random() < 0.6 else "information"
                        title = self.rng.choice(_TITLES).format(
                            w=" ".join(self.rng.sample(_WORDS, 2)))
                    items.append((item_id, meeting_id, position, title, kind,
                                  f"{year}/{number + position - 1:03d}", _text(self.rng, 40),
                                  _text(self.rng, 15),
                                  "decided" if kind == "decision" else "noted"))
                    if kind == "decision":
                        self.decision_items.append((day, item_id))
                        if self.rng.random() < 0.25:
                            status = self.rng.choice(("reported_back", "carried_out",
                                                      "in_progress"))
                            followups.append((item_id, self.rng.choice(("Insatser", "Ekonomi",
                                                                        "Styrning")),
                                              "Förbundschef",
                                              (day + dt.timedelta(days=120)).isoformat(),
                                              status))
                    item_id += 1
                number += max(size, 1)
                meeting_id += 1
        bulk.insert_rows(self.db, "meetings", ("id", "date", "kind", "held", "first_number",
                                               "place", "start_time", "end_time"), meetings)
        bulk.insert_rows(self.db, "items", ("id", "meeting_id", "position", "title", "kind",
                                            "dnr", "background", "decision", "outcome"), items)
        bulk.insert_rows(self.db, "followups", ("item_id", "category", "responsible", "due_on",
                                                "status"), followups)

    def _granting_item(self, start: dt.date) -> int | None:
        before = [item for day, item in self.decision_items if day <= start]
        if before:
            return before[-1 - self.rng.randrange(min(len(before), 20))]
        return self.decision_items[0][1] if self.decision_items else None

    # activities ---------------------------------------------------------------------------
    def activities(self, years: list[int], count: int, rows: int) -> list[_Activity]:
        if not years or not count:
            return []
        bands = activities.age_bands(self.store)
        categories = {m: list(rules.categories(m, bands)) for m in rules.Measure}
        per_year = len(_QUARTERS) * sum(len(c) for c in categories.values())
        individual = max(1, count * 4 // 5)
        needed = round(rows / per_year)  # activity-years with counts
        spans = [1] * individual
        for index in range(max(0, needed - individual)):
            spans[index % individual] += 1
        self.rng.shuffle(spans)
        spans = [min(s, len(years)) for s in spans]
        spans += [self.rng.randint(1, min(3, len(years))) for _ in range(count - individual)]
        created: list[_Activity] = []
        activity_id = bulk.next_id(self.db, "activities")
        acts, parties, counts = [], [], []
        for index, span in enumerate(spans):
            is_individual = index < individual
            first = years[0] + self.rng.randrange(len(years) - span + 1)
            start = dt.date(first, self.rng.choice((1, 1, 3, 8)), 1)
            end = dt.date(first + span - 1, 12, 31)
            name = f"{self.rng.choice(_KINDS)} {self.rng.choice(_PLACES)} {index + 1}"
            lead = self.rng.choice(self.members)
            others = self.rng.sample([m for m in self.members if m != lead],
                                     k=min(len(self.members) - 1, self.rng.randint(1, 3)))
            item = self._granting_item(start)
            yearly_kr = self.rng.randint(8, 30) * 10_000
            acts.append((activity_id, name, "individual" if is_individual else "structural",
                         "individual" if is_individual else "count", 0,
                         "Arbetslivsinriktad rehabilitering" if is_individual
                         else "Samverkansstruktur", lead, start.isoformat(), end.isoformat(),
                         "Personer 16–64 år i behov av samordnat stöd." if is_individual
                         else "Personal hos parterna.", _text(self.rng, 12),
                         _text(self.rng, 30), "final_report" if item else "proposal", item,
                         yearly_kr * span * 100 if item else None))
            parties += [(activity_id, m) for m in sorted({lead, *others})]
            if is_individual:
                for year in range(start.year, end.year + 1):
                    counts += self._counts(activity_id, year, categories)
            created.append(_Activity(activity_id, name, is_individual, start, end, yearly_kr))
            activity_id += 1
        bulk.insert_rows(self.db, "activities", (
            "id", "name", "focus", "followup_method", "esf", "precise_direction",
            "lead_member_id", "start_on", "end_on", "target_group", "goals", "description",
            "status", "granted_item_id", "granted_amount_ore"), acts)
        bulk.insert_rows(self.db, "activity_parties", ("activity_id", "member_id"), parties)
        bulk.insert_rows(self.db, "participant_counts", (
            "activity_id", "year", "period", "measure", "category", "count"), counts)
        return created

    def _counts(self, activity_id: int, year: int,
                categories: dict[rules.Measure, list[str]]) -> list[tuple]:
        rows: list[tuple] = []
        for quarter in _QUARTERS:
            started = self.rng.randint(2, 12)
            finished = started * self.rng.randint(50, 90) // 100
            for measure, names in categories.items():
                total = started if measure.value.startswith("started") else finished
                weights = [self.rng.randint(1, 10) for _ in names]
                for category, value in zip(names, largest_remainder(total, weights),
                                           strict=True):
                    rows.append((activity_id, year, quarter, measure.value, category, value))
        return rows

    # budgets ------------------------------------------------------------------------------
    def budgets(self, years: list[int], created: list[_Activity]) -> None:
        if not years:
            return
        version_id = bulk.next_id(self.db, "budget_versions")
        line_id = bulk.next_id(self.db, "budget_lines")
        year_rows, versions, lines, amounts, actuals, adoptions = [], [], [], [], [], []
        for year in years:
            year_rows.append((year, 3_000_000_00 if year == years[0] else None))
            versions.append((version_id, year, "adopted", f"{year - 1}-11-20",
                             version_id - 1 if year != years[0] else None))
            running = [a for a in created if a.start.year <= year <= a.end.year]
            costs = [(area, name, "", None, kr * self.rng.randint(90, 110) // 100)
                     for area, name, kr in _STANDARD]
            costs += [("activities", a.name, "individual" if a.individual else "structural",
                       a.id, a.yearly_kr) for a in running]
            income = sum(kr for *_x, kr in costs)
            entries = [("contributions", "Medlemsbidrag", "", None, income - 40_000),
                       ("other_income", "Ränteintäkter", "", None, 40_000), *costs]
            for position, (area, name, focus, activity_id, kr) in enumerate(entries):
                lines.append((line_id, year, area, name, focus, activity_id, position))
                for plan_year in range(3):
                    amounts.append((version_id, line_id, plan_year,
                                    kr * 102**plan_year // 100**plan_year // 1000 * 100_000))
                if area != "contributions":
                    level = self.rng.randint(85, 105)
                    for month in range(1, 13):
                        actuals.append((line_id, month, kr * level // 100 // 12 * 100))
                line_id += 1
            if year in self.budget_items:
                adoptions.append((version_id, self.budget_items[year]))
            version_id += 1
        bulk.insert_rows(self.db, "budget_years", ("year", "opening_equity_ore"), year_rows)
        bulk.insert_rows(self.db, "budget_versions", ("id", "year", "kind", "created_on",
                                                      "based_on_id"), versions)
        bulk.insert_rows(self.db, "budget_lines", ("id", "year", "area", "name", "focus",
                                                   "activity_id", "position"), lines)
        bulk.insert_rows(self.db, "budget_amounts", ("version_id", "line_id", "plan_year",
                                                     "amount_ore"), amounts)
        bulk.insert_rows(self.db, "budget_actuals", ("line_id", "month", "amount_ore"), actuals)
        bulk.insert_rows(self.db, "budget_adoptions", ("version_id", "item_id"), adoptions)
        payments = []
        for year in years:
            for contribution in budget.contributions(self.store, year):
                amount = contribution.amounts[0]
                if amount:
                    half = amount // 2
                    payments += [(year, contribution.member.id, f"{year}-01-31", half),
                                 (year, contribution.member.id, f"{year}-07-31", amount - half)]
        bulk.insert_rows(self.db, "contribution_payments", ("year", "member_id", "received_on",
                                                            "amount_ore"), payments)
