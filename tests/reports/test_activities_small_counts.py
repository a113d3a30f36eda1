"""The small-count rule of the activity catalogue (reports/small_counts.py): counts 1–4 are
"<5", and no such count can be worked out from what is printed."""

from __future__ import annotations

import itertools

import pytest

from finsam_desktop.domain.activities import ParticipantSummary
from finsam_desktop.reports.small_counts import HIDDEN, chart_values, figures, protect

BANDS = {"16-19": "16–19", "20-29": "20–29"}


def summary(**over) -> ParticipantSummary:
    values = dict(year=2026, started=0, finished=0, started_by_gender={}, started_by_age={},
                  occupation_before={}, occupation_after={}, income_before={},
                  income_after={}, end_reasons={})
    values.update(over)
    values["started"] = sum(values["started_by_gender"].values()) or \
        sum(values["started_by_age"].values())
    values["finished"] = values.get("finished") or sum(values["end_reasons"].values())
    return ParticipantSummary(**values)


@pytest.mark.parametrize(("counts", "cells", "total"), [
    ({"women": 12, "men": 8}, {"women": 12, "men": 8}, 20),
    ({"women": 3, "men": 0}, {"women": "<5"}, "<5"),
    # one small count and a printed total: the next smallest is hidden too
    ({"women": 14, "men": 9, "other": 2}, {"women": 14, "men": HIDDEN, "other": "<5"}, 25),
    # two small counts that could be 3+4 or 4+3: nothing more to hide
    ({"women": 3, "men": 4}, {"women": "<5", "men": "<5"}, 7),
    # 4 + 4 = 8 can only be 4 and 4: the total goes
    ({"women": 4, "men": 4}, {"women": "<5", "men": "<5"}, HIDDEN),
    # 5 and 1 of 6: hiding the 5 is not enough (it is at least 5), the total goes too
    ({"women": 5, "men": 1}, {"women": HIDDEN, "men": "<5"}, HIDDEN),
    ({"a": 3, "b": 8, "c": 7, "d": 4, "e": 3}, {"a": "<5", "b": 8, "c": 7, "d": "<5",
                                                "e": "<5"}, 25),
])
def test_protect(counts, cells, total):
    shown = protect(counts, 5)
    assert shown.cells == cells
    assert shown.total == total


def _consistent(cells: dict, total, k: int, top: int, t: int):
    """Every table of k counts (0…top) a reader who knows the marks could take for the
    printed one: a number is that number, "<t" is 1…t−1, ".." is at least t (it would
    otherwise have been "<t"), a category not listed is 0, the total is as printed."""
    ranges = []
    for i in range(k):
        shown = cells.get(f"c{i}", 0)
        if isinstance(shown, int):
            ranges.append([shown])
        elif shown == HIDDEN:
            ranges.append(range(t, top + 1))
        else:
            ranges.append(range(1, t))
    for candidate in itertools.product(*ranges):
        whole = sum(candidate)
        if total == HIDDEN or (isinstance(total, int) and whole == total) or \
                (isinstance(total, str) and total.startswith("<") and 0 < whole < t):
            yield candidate


@pytest.mark.parametrize(("k", "top", "t"), [(2, 16, 5), (3, 12, 5), (4, 8, 5), (3, 14, 10),
                                             (3, 9, 3)])
def test_no_suppressed_count_can_be_worked_out_from_the_printed_table(k, top, t):
    """Exhaustively: for every table, each "<t" could still be at least two numbers."""
    checked = 0
    for values in itertools.product(range(top + 1), repeat=k):
        shown = protect({f"c{i}": v for i, v in enumerate(values)}, t)
        small = [i for i in range(k) if str(shown.cells.get(f"c{i}", "")).startswith("<")]
        if not small:
            continue
        candidates = list(_consistent(shown.cells, shown.total, k, 2 * top, t))
        assert values in candidates
        for i in small:
            assert len({c[i] for c in candidates}) >= 2, (values, shown)
        checked += 1
    assert checked > 20


def test_a_total_hidden_in_one_table_is_hidden_in_every_table_of_the_activity():
    # started 6 (5 women, 1 man): 6 − 5 would give the man away, so the total 6 is hidden;
    # then in the age table too (and its single band, else it would add up to 6) and as
    # the number started; with 6 hidden everywhere the 5 women can be printed
    shown = figures(summary(started_by_gender={"women": 5, "men": 1},
                            started_by_age={"20-29": 6}), 5, BANDS)
    assert protect({"women": 5, "men": 1}, 5).total == HIDDEN
    gender, age = shown.blocks
    assert [values for _label, values in gender.rows] == [(5,), ("<5",)]
    assert gender.totals == (HIDDEN,) and age.totals == (HIDDEN,)
    assert [values for _label, values in age.rows] == [(HIDDEN,)]
    assert shown.started == HIDDEN and shown.finished == 0
    assert shown.marks == {"<", HIDDEN}


def test_the_share_is_shown_only_when_its_counts_are():
    full = figures(summary(occupation_after={"work": 6, "studies": 5, "other": 6},
                           end_reasons={"work": 6, "studies": 5, "other": 6}), 5, BANDS)
    assert full.share_ppm == round(11 / 17 * 1_000_000) and not full.share_withheld
    small = figures(summary(occupation_after={"work": 9, "studies": 2, "other": 6},
                            end_reasons={"work": 9, "studies": 2, "other": 6}), 5, BANDS)
    assert small.share_ppm is None and small.share_withheld
    none = figures(summary(end_reasons={"work": 9}), 5, BANDS)
    assert none.share_ppm is None and not none.share_withheld  # no occupation figures


def test_chart_values_leave_out_small_counts():
    assert chart_values((0, 1, 4, 5, None, 59), 5) == (0, None, None, 5, None, 59)
