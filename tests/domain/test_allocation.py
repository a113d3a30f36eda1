"""Largest-remainder allocation: parts always add up to the total exactly."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop.domain.allocation import largest_remainder


@given(st.integers(0, 10**13), st.lists(st.integers(0, 10**7), min_size=1, max_size=30)
       .filter(lambda w: sum(w) > 0))
def test_parts_sum_to_total_and_stay_within_one_of_the_quota(total, weights):
    parts = largest_remainder(total, weights)
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        exact = total * weight / sum(weights)
        assert exact - 1 < part < exact + 1


def test_three_equal_shares_of_one_krona_give_the_extra_ore_to_the_first():
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]


def test_zero_weights_cannot_take_a_positive_total():
    with pytest.raises(ValueError):
        largest_remainder(5, [0, 0])
    assert largest_remainder(0, [0, 0]) == [0, 0]
