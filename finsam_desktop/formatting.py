"""Numbers, money, shares and dates for people: one module for screens and PDFs alike.

Formats follow CLDR (via Babel) for the current language: Swedish "1 234 567,50 kr" with
no-break spaces and "fredag 7 mars 2025"; English "SEK 1,234,567.50" style digits. Dates in
tables and documents are ISO (2026-04-01), as Swedish public bodies write them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from finsam_desktop.i18n import current_language

_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def _locale() -> str:
    return _LOCALES.get(current_language(), "sv_SE")


def format_number(value: int | Decimal, decimals: int = 0) -> str:
    """Group digits the local way: 1 234 567 (sv) or 1,234,567 (en)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(), decimal_quantization=True)


def format_money(ore: int, *, decimals: bool | None = None, unit: bool = True) -> str:
    """Öre as kronor: "1 234 567 kr", or "1 234 567,50 kr" when öre are present or asked for."""
    show_ore = (ore % 100 != 0) if decimals is None else decimals
    text = format_number(Decimal(ore) / 100, 2 if show_ore else 0)
    return f"{text}\u00a0kr" if unit else text


def format_share(ppm: int) -> str:
    """Parts per million as a percentage with only the decimals needed: "25 %", "11,4216 %"."""
    value = Decimal(ppm) / 10_000
    decimals = 0
    while decimals < 4 and value != round(value, decimals):
        decimals += 1
    return f"{format_number(value, decimals)}\u00a0%"


def format_percent(ppm: int, decimals: int = 1) -> str:
    """Parts per million as a rounded percentage for key figures: "24,1 %"."""
    value = round(Decimal(ppm) / 10_000, decimals)
    return f"{format_number(value if value else abs(value), decimals)}\u00a0%"


def format_share_plain(ppm: int) -> str:
    """Parts per million as an editable number without the % sign: "11,42"."""
    return format_share(ppm).removesuffix("\u00a0%").replace("\u00a0", "")


def format_date(day: dt.date | None, *, long: bool = False) -> str:
    """ISO date for tables ("2026-04-01"); long form for letters ("1 april 2026")."""
    if day is None:
        return ""
    if not long:
        return day.isoformat()
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="long", locale=_locale())


def format_day_month(day: dt.date) -> str:
    """Day and short month for texts within a year: "27 nov" (sv), "27 Nov" (en)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="d MMM", locale=_locale()).rstrip(".")


def format_weekday_date(day: dt.date) -> str:
    """Weekday and long date for what is coming up: "fredag 27 november 2026"."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="EEEE d MMMM y", locale=_locale())
