"""Participant counts for print: small counts suppressed, and totals that cannot give them away.

The activity catalogue (PDF and XLSX) is a public document (DOMAIN.md 8.7): no count from
1 to threshold − 1 may be read from it. The rule, applied the same way in both outputs:

1. **Small counts.** Every count from 1 to threshold − 1 is printed as "<5" (threshold 5;
   `domain.activities.suppress`). Zero is a fact, not a person: a category with no
   participants is left out of the tables (so every category not listed is 0).
2. **Totals stay, differences go.** Each measure (started by gender, by age, occupation
   before, …) prints its total (itself "<5" when small). When the total and the counts
   printed in full would let a reader work a suppressed count out by subtraction — one
   suppressed category, or several that can only be 1 each or threshold − 1 each — the
   smallest category printed in full is hidden too, printed as "..", until no suppressed
   count follows. When no category is left to hide, the total is printed as "..".
3. **One total, one fate.** Within an activity, a total that has to be hidden is hidden
   wherever the same number would be printed (started by gender and by age share the
   number started, the reasons for ending share the number finished), and a measure whose
   total is hidden keeps at least one category hidden so the total cannot be added up.
4. **Shares.** The share in work or studies after the activity is printed only when the
   counts it is made of — finished, in work, in studies — are all printed in full;
   the cost per participant only when the participants it is divided by are.
5. **Charts** draw no bar for a count from 1 to threshold − 1 (the reports say so).

What it protects against: a reader who knows what the marks mean ("<5" is 1–4, ".." is a
count printed in full elsewhere in such tables, so at least 5) cannot work a suppressed
count out of one activity's tables: every "<5" could still be at least two numbers.

Not covered, said plainly:
- The agency's own totals (key figures) against the sum of its activities'. With exactly
  one activity whose number of participants is suppressed, the key figure minus the other
  activities' numbers gives it away. Agencies with activities that small should leave
  them out of the printed catalogue or raise the threshold in the charter.
- A reader who knows exactly how this rule chooses what to hide can learn more from the
  pattern: a total printed as ".." only happens at an edge (for instance 5 and 1).
- A threshold of 2 protects nothing ("<2" can only be 1).

This module is plain Python (no reportlab), so the PDF and the workbook share it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from finsam_desktop.domain.activities import (
    END_REASONS,
    GENDERS,
    INCOME_SOURCES,
    MEASURE_LABELS,
    OCCUPATIONS,
    Measure,
    ParticipantSummary,
    suppress,
)
from finsam_desktop.i18n import _

HIDDEN = ".."  # a count (or total) hidden so that a suppressed count cannot be worked out
Shown = int | str  # a count as printed: the number, "<5" or ".."


@dataclass(frozen=True, slots=True)
class Protected:
    """One measure's counts as printed, with its total."""

    cells: dict[str, Shown]  # category code → printed value (categories with 0 left out)
    total: Shown
    raw_total: int

    @property
    def marks(self) -> set[str]:
        """Which marks the measure uses: "<" (suppressed) and/or ".." (hidden)."""
        values = [*self.cells.values(), self.total]
        found = set()
        if any(isinstance(v, str) and v.startswith("<") for v in values):
            found.add("<")
        if HIDDEN in values:
            found.add(HIDDEN)
        return found


def protect(counts: Mapping[str, int], threshold: int, *,
            hide_total: bool = False) -> Protected:
    """The counts of one measure as printed under rules 1–3 of the module docstring."""
    t = threshold
    values = {k: v for k, v in counts.items() if v}
    total = sum(values.values())
    primary = {k for k, v in values.items() if v < t}
    secondary: set[str] = set()
    total_hidden = hide_total
    if t > 2:  # below that "<2" can only mean 1: there is nothing left to protect
        while True:
            if total_hidden:
                needed = not primary and not secondary and total > 0
            else:
                needed = bool(primary) and _determined(values, primary, secondary, total, t)
            if not needed:
                break
            visible = [k for k, v in values.items() if k not in primary | secondary]
            if visible:
                secondary.add(min(visible, key=lambda k: (values[k], k)))
            elif not total_hidden:
                total_hidden = True
            else:
                break
    cells: dict[str, Shown] = {k: HIDDEN if k in secondary else suppress(v, t)
                               for k, v in values.items()}
    return Protected(cells, HIDDEN if total_hidden else suppress(total, t), total)


def _determined(values: Mapping[str, int], primary: set[str], secondary: set[str],
                total: int, t: int) -> bool:
    """Whether a reader who knows the rule can pin down a suppressed count: each
    suppressed count lies in 1…t−1, each hidden one is at least t, and together they
    make up the printed total less the counts printed in full."""
    visible = sum(v for k, v in values.items() if k not in primary and k not in secondary)
    low_total, high_total = (total, total) if total >= t else (1, t - 1)
    ranges = {k: (1, t - 1) for k in primary}
    ranges.update({k: (t, float("inf")) for k in secondary})
    low_sum = sum(lo for lo, _hi in ranges.values())
    high_sum = sum(hi for _lo, hi in ranges.values())
    for k in primary:
        lo, hi = ranges[k]
        least = max(lo, low_total - visible - (high_sum - hi))
        most = min(hi, high_total - visible - (low_sum - lo))
        if least >= most:
            return True
    return False


def is_exact(value: Shown) -> bool:
    """A count printed as its number."""
    return isinstance(value, int)


# ---------------------------------------------------------------- an activity's tables


@dataclass(frozen=True, slots=True)
class Block:
    """One table of participant figures: a measure, or a before/after pair of measures.
    `rows` hold (category label, printed value per column); categories with no
    participants in any column are left out."""

    title: str
    columns: tuple[str, ...]
    measures: tuple[Measure, ...]  # one per column
    rows: tuple[tuple[str, tuple[Shown, ...]], ...]
    totals: tuple[Shown, ...]


@dataclass(frozen=True, slots=True)
class Figures:
    """An activity's (or the agency's) participant figures as printed."""

    started: Shown
    finished: Shown
    share_ppm: int | None  # in work or studies after; None: no data
    share_withheld: bool  # rule 4: the share would rest on suppressed counts
    blocks: tuple[Block, ...]
    by_gender: Protected  # started by gender (the key figures show it)
    marks: set[str] = field(default_factory=set)


def _order(categories: Mapping[str, str], found: Mapping[str, int]) -> list[tuple[str, str]]:
    """(code, label) in the categories' order, unknown codes last under their code."""
    known = [(code, _(label)) for code, label in categories.items()]
    extra = sorted(set(found) - set(categories))
    return known + [(code, code) for code in extra]


def figures(summary: ParticipantSummary, threshold: int,
            age_bands: Mapping[str, str]) -> Figures:
    """The participant tables of one summary, protected (rules 1–4)."""
    bands = {code: label for code, label in age_bands.items()}
    plan = [  # title, column captions, measures, their counts, categories
        (_(MEASURE_LABELS[Measure.STARTED_GENDER]), (_("Number"),), (Measure.STARTED_GENDER,),
         (summary.started_by_gender,), GENDERS),
        (_(MEASURE_LABELS[Measure.STARTED_AGE]), (_("Number"),), (Measure.STARTED_AGE,),
         (summary.started_by_age,), bands),
        (_("Occupation"), (_("Before"), _("After")),
         (Measure.OCCUPATION_BEFORE, Measure.OCCUPATION_AFTER),
         (summary.occupation_before, summary.occupation_after), OCCUPATIONS),
        (_("Income source"), (_("Before"), _("After")),
         (Measure.INCOME_BEFORE, Measure.INCOME_AFTER),
         (summary.income_before, summary.income_after), INCOME_SOURCES),
        (_(MEASURE_LABELS[Measure.END_REASON]), (_("Number"),), (Measure.END_REASON,),
         (summary.end_reasons,), END_REASONS),
    ]
    measures = [counts for *_head, columns, _cats in plan for counts in columns]

    def protect_all(hidden: set[int]) -> list[Protected]:
        return [protect(counts, threshold, hide_total=sum(counts.values()) in hidden)
                for counts in measures]

    protected = protect_all(set())
    hidden = {p.raw_total for p in protected if p.total == HIDDEN}
    if hidden:  # rule 3: the same number hidden everywhere it would be printed
        protected = protect_all(hidden)

    def headline(count: int) -> Shown:
        return HIDDEN if count in hidden and count else suppress(count, threshold)

    blocks = []
    position = 0
    for title, captions, kinds, columns, categories in plan:
        mine = protected[position:position + len(columns)]
        position += len(columns)
        found = {code for counts in columns for code, n in counts.items() if n}
        if not found:
            continue
        rows = tuple((label, tuple(p.cells.get(code, 0) for p in mine))
                     for code, label in _order(categories, {c: 1 for c in found})
                     if code in found)
        blocks.append(Block(title, captions, kinds, rows, tuple(p.total for p in mine)))
    marks = set().union(*(p.marks for p in protected))
    started, finished = headline(summary.started), headline(summary.finished)
    marks |= {m for m in (started, finished) if m == HIDDEN}
    after = protected[3]  # occupation after
    share = summary.work_or_studies_share_ppm if summary.occupation_after else None
    withheld = share is not None and not (
        is_exact(finished) and all(is_exact(after.cells.get(k, 0))
                                   for k in ("work", "studies")))
    return Figures(started, finished, None if withheld else share, withheld, tuple(blocks),
                   protected[0], marks)


def chart_values(values: tuple[int | None, ...], threshold: int) -> tuple[int | None, ...]:
    """A count series for a chart: no bar (None) for a count from 1 to threshold − 1."""
    return tuple(None if v is not None and 0 < v < threshold else v for v in values)
