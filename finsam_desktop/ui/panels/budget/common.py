"""Formatting and parsing shared by the budget tabs, and the panel's message styles."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from finsam_desktop.domain.values import parse_money
from finsam_desktop.formatting import format_money, format_number
from finsam_desktop.i18n import current_language
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, SEALED_STYLE, WARNING_STYLE

__all__ = [
    "BANNER_STYLE",
    "ERROR_STYLE",
    "OK_STYLE",
    "SEALED_STYLE",
    "WARNING_STYLE",
    "MessageLabel",
    "amount",
    "amount_or_blank",
    "editor_text",
    "kronor_or_blank",
    "parse_amount",
    "parse_optional",
    "percent",
    "points",
    "signed_amount",
    "signed_share",
]

ERROR_STYLE = "color: #b00020; font-weight: bold;"
BANNER_STYLE = ("background: #eef3e6; color: #2f4a17; border: 1px solid #b9cc9c; "
                "padding: 6px;")
MINUS = "\u2212"


def amount(ore: int) -> str:
    """An amount in a table: "1 234 567" (öre only when there are any), no unit."""
    return _amount(ore, current_language())


@lru_cache(maxsize=4096)
def _amount(ore: int, _language: str) -> str:
    # Babel takes ~0.1 ms a number and a refresh shows hundreds: remember them per language.
    return format_money(ore, unit=False).replace("-", MINUS)


def amount_or_blank(ore: int) -> str:
    """An amount, or nothing for 0 (months without an actual)."""
    return amount(ore) if ore else ""


def kronor_or_blank(ore: int) -> str:
    """An amount rounded to whole kronor (for sums shown in narrow columns; the exact
    figure goes in the tooltip), nothing for 0."""
    return amount(round(ore, -2)) if ore else ""


def signed_amount(ore: int) -> str:
    """A deviation: "+12 000", "−5 000", "0"."""
    return ("+" if ore > 0 else "") + amount(ore)


def percent(ppm: int | None) -> str:
    """A computed share for reading, to one decimal: "31,4 %", "20 %", "—" for none.
    (Statutory shares keep every decimal: `format_share`.)"""
    if ppm is None:
        return "—"
    value = _tenths(ppm)
    decimals = 0 if value == value.to_integral_value() else 1
    return f"{format_number(value, decimals)}\u00a0%".replace("-", MINUS)


def signed_share(ppm: int | None) -> str:
    """A deviation in per cent: "+4,5 %", "−12 %", "0 %", "—" when there is no budget."""
    if ppm is None:
        return "—"
    return ("+" if _tenths(ppm) > 0 else "") + percent(ppm)


def _tenths(ppm: int) -> Decimal:
    value = (Decimal(ppm) / 10_000).quantize(Decimal("0.1"))
    return value if value else Decimal(0)  # no "−0"


def points(ppm: int) -> str:
    """Percentage points with at most two decimals: "+1,25", "−0,5", "0"."""
    value = (Decimal(ppm) / 10_000).quantize(Decimal("0.01"))
    decimals = 0 if value == value.to_integral_value() else 2
    text = format_number(value, decimals).replace("-", MINUS)
    return ("+" if ppm > 0 else "") + text


def editor_text(ore: int | None) -> str:
    """What an editor starts with: the plain amount (no unit), '' for none."""
    return "" if ore is None else format_money(ore, unit=False)


def parse_amount(text: str) -> int:
    """A typed amount in öre (ValidationError with a readable message if it is none)."""
    return parse_money(text.replace(MINUS, "-"))


def parse_optional(text: str) -> int | None:
    """A typed amount, None when left empty."""
    return parse_amount(text) if text.strip() else None


class MessageLabel(QLabel):
    """One line under a table saying what just happened (or what was refused)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def say(self, text: str, style: str = OK_STYLE) -> None:
        """Show `text` in `style`."""
        self.setStyleSheet(style)
        self.setText(text)

    def refuse(self, text: str) -> None:
        """Show a refusal in red."""
        self.say(text, ERROR_STYLE)

    def clear_message(self) -> None:
        """Show nothing."""
        self.setText("")
