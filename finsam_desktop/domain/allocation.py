"""Split an integer total in proportion to weights so the parts add up exactly.

Largest remainder method (Hamilton): every part gets the floor of its exact quota; the
units left over go one each to the parts with the largest fractional remainders, ties to
the earlier part. Used for öre of member contributions and ppm of municipal shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Distribute `total` (≥ 0) over non-negative integer `weights`; parts sum to `total`."""
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("total and weights must be non-negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        if total == 0:
            return [0] * len(weights)
        raise ValueError("cannot distribute a positive total over zero weights")
    quotas = [Fraction(total * w, weight_sum) for w in weights]
    parts = [int(q) for q in quotas]
    left = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts
