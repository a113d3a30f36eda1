"""Chart descriptions: the data of a chart, separate from any drawing.

Services build `Chart`s from the database; the screens draw them with pyqtgraph
(`ui/charts.py`) and the PDFs with reportlab.graphics (`reports/charts.py`), so a chart on
screen and on paper always shows the same numbers (NOTES.md: one description, two builders).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChartKind(StrEnum):
    """How the series are drawn."""

    BARS = "bars"  # grouped bars, one group per category
    LINES = "lines"  # one line per series through the categories


class Unit(StrEnum):
    """What the values are."""

    MONEY = "money"  # öre (drawn in kronor or tkr)
    SHARE = "share"  # ppm (drawn in %)
    COUNT = "count"  # plain whole numbers (participants)
    DECIMAL = "decimal"  # thousandths (drawn with up to three decimals: 6800 is 6,8)


# Colour-blind-safe palette (Okabe–Ito), used in order by both builders.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")


@dataclass(frozen=True, slots=True)
class Series:
    """One named series; `None` marks a missing value (not drawn)."""

    label: str
    values: tuple[int | None, ...]
    colour: str = PALETTE[0]
    dashed: bool = False  # e.g. a forecast or a plan rather than an actual


@dataclass(frozen=True, slots=True)
class Chart:
    """A titled chart over categories (x-axis labels)."""

    key: str
    title: str
    kind: ChartKind
    unit: Unit
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    threshold: int | None = None  # a horizontal reference line (same unit)
    threshold_label: str = ""

    def is_empty(self) -> bool:
        """True when no series has a value to draw."""
        return not any(v for s in self.series for v in s.values if v)
