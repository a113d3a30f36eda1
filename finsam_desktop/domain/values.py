"""Parsing and checking user-typed values: money in öre, shares in ppm, dates.

Money is always an `int` of öre (1 kr = 100 öre), parsed through `Decimal`, never float.
Shares of the total contribution are `int` parts per million (500 000 = 50 %), so a
municipal quarter split by population can be stored exactly and summed exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _, current_language

ORE_PER_KRONA = 100
MAX_ORE = 10**13  # 100 000 000 000 kr: far above any agency's budget, well inside int64
PPM = 1_000_000
MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2099, 12, 31)

_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def _clean_number(text: str, language: str | None = None) -> str:
    """Digits with "." as the decimal point. Swedish: "," is the decimal comma (a "." is
    accepted too); English: "," groups thousands and "." is the decimal point."""
    cleaned = _SPACES.sub("", text.strip()).replace("\u2212", "-")
    if (language or current_language()) == "en":
        return cleaned.replace(",", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return cleaned


def parse_money(text: str, *, language: str | None = None) -> int:
    """Parse "1 234,50", "1234.5 kr" or "-200" into öre; raise ValidationError if invalid.
    Separators follow `language` (default: the UI language)."""
    cleaned = _clean_number(re.sub(r"(?i)\s*(kr|sek|:-)\s*$", "", text.strip()), language)
    if not _PLAIN_NUMBER.fullmatch(cleaned):  # no "1e9", "NaN", "0x10"
        raise ValidationError(_("“{text}” is not an amount.").format(text=text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(_("“{text}” is not an amount.").format(text=text)) from None
    if not value.is_finite():
        raise ValidationError(_("“{text}” is not an amount.").format(text=text))
    ore = value * ORE_PER_KRONA
    if ore != ore.to_integral_value():
        raise ValidationError(
            _("Amounts have at most two decimals (öre): “{text}”.").format(text=text)
        )
    return check_money(int(ore))


def check_money(ore: int) -> int:
    """Return `ore` if it is within the supported range, else raise ValidationError."""
    if isinstance(ore, bool) or not isinstance(ore, int):
        raise ValidationError(_("An amount must be a whole number of öre."))
    if abs(ore) > MAX_ORE:
        raise ValidationError(_("The amount is too large (at most 100 000 000 000 kr)."))
    return ore


def parse_percent(text: str) -> int:
    """Parse "11,42" or "11.42 %" into ppm of the total (114 200); 0–100 %, ≤ 4 decimals.

    A percentage never needs a thousands separator, so "," is a decimal comma in any language.
    """
    cleaned = _SPACES.sub("", text.replace("%", "")).replace("\u2212", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(_("“{text}” is not a percentage.").format(text=text)) from None
    if not value.is_finite() or value < 0 or value > 100:
        raise ValidationError(_("A share must be between 0 and 100 %."))
    ppm = value * PPM / 100
    if ppm != ppm.to_integral_value():
        raise ValidationError(_("A share has at most four decimals: “{text}”.").format(text=text))
    return int(ppm)


def parse_date(text: str) -> dt.date:
    """Parse an ISO date (2026-04-01) and check it lies in 2000–2099."""
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _("“{text}” is not a date; write it as YYYY-MM-DD.").format(text=text)
        ) from None
    return check_date(value)


def check_date(value: dt.date) -> dt.date:
    """Return `value` if within 2000–2099, else raise ValidationError."""
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(
            _("The date {date} is outside 2000–2099.").format(date=value.isoformat())
        )
    return value


def check_text(text: str, *, field: str, required: bool = False, max_length: int = 500,
               numbers_ok: bool = False) -> str:
    """Strip `text`, refuse NUL and control characters, characters that cannot be stored
    (lone surrogates), and — unless `numbers_ok` (a phone number) — anything that looks like
    a personal identity number (no personal data about participants is kept), and enforce
    length limits."""
    if not isinstance(text, str):
        raise ValidationError(_("{field} must be text.").format(field=field))
    value = text.strip()
    if required and not value:
        raise ValidationError(_("{field} must be filled in.").format(field=field))
    if len(value) > max_length:
        raise ValidationError(
            _("{field} is too long (at most {n} characters).").format(field=field, n=max_length)
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise ValidationError(_("{field} contains control characters.").format(field=field))
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise ValidationError(_("{field} contains a broken character (half of a character "
                                "pair, e.g. from a damaged copy and paste); retype that part.")
                              .format(field=field))
    if not numbers_ok:
        check_no_personal_data(value, field=field)
    return value


# YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDDNNNN.
_PERSONAL_NUMBER = re.compile(
    r"(?<![\d/])(19|20)?(\d{2})(\d{2})(\d{2})\s?([-+])?\s?(\d{4})(?![\d/])")


def looks_like_personal_number(text: str) -> bool:
    """True when `text` contains something shaped like a Swedish personal identity number
    (or co-ordination number): a valid date part, and — for ten bare digits, which could
    be a phone number — a valid check digit."""
    for match in _PERSONAL_NUMBER.finditer(text):
        century, year, month, day, separator, tail = match.groups()
        month_n, day_n = int(month), int(day)
        if day_n > 60:
            day_n -= 60  # samordningsnummer
        if not (1 <= month_n <= 12 and 1 <= day_n <= 31):
            continue
        if century or separator or _luhn(year + month + day + tail):
            return True
    return False


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def check_no_personal_data(text: str, *, field: str) -> str:
    """Refuse text that looks like a personal identity number (participants' data must
    not be kept by the agency)."""
    if looks_like_personal_number(text):
        raise ValidationError(_("{field}: the text seems to contain a personal identity "
                                "number. Do not write personal data about participants here; "
                                "remove it and save again.").format(field=field))
    return text

