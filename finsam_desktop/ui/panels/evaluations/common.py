"""Texts and colours shared by the Evaluations panel's tabs: values with their unit,
fulfilment colours, where a report file is, and the privacy hint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor

from finsam_desktop.domain.evaluations import (
    FULFILMENT_LABELS,
    RESPONDENT_GROUPS,
    SOURCE_LABELS,
    Fulfilment,
    Indicator,
    IndicatorSource,
    Unit,
    format_value,
)
from finsam_desktop.i18n import _

MINUS = "\u2212"
NBSP = "\u00a0"

# Text and background per fulfilment: green, amber, red, grey (readable in print too).
FULFILMENT_COLOURS = {
    Fulfilment.MET: (QColor("#1e5e22"), QColor("#dcefd9")),
    Fulfilment.PROGRESS: (QColor("#7a4a00"), QColor("#fff0c2")),
    Fulfilment.NOT_MET: (QColor("#9b0019"), QColor("#fbdde1")),
    Fulfilment.NO_DATA: (QColor("#5a5a5a"), QColor("#eeeeee")),
}


def privacy_hint() -> str:
    """The reminder on every free-text field about participants."""
    return _("Do not write personal data about participants (names, personal identity "
             "numbers): only aggregated figures and general findings.")


def value_text(milli: int | None, unit: Unit) -> str:
    """A value as shown: "62,5 %", "14", "7,5"; '' for none."""
    if milli is None:
        return ""
    text = format_value(milli).replace("-", MINUS)
    return f"{text}{NBSP}%" if unit is Unit.PERCENT else text


def target_text(indicator: Indicator) -> str:
    """"≥ 80 %" (higher is better) or "≤ 10" (lower is better); '' without a target."""
    if indicator.target_milli is None:
        return ""
    sign = "≥" if indicator.higher_is_better else "≤"
    return f"{sign}{NBSP}{value_text(indicator.target_milli, indicator.unit)}"


def with_year(text: str, year: int | None) -> str:
    """"62,5 % (2025)"; the text alone without a year."""
    if not text:
        return ""
    return f"{text} ({year})" if year is not None else text


def source_text(indicator: Indicator) -> str:
    """"Own indicator" or "NNS: Board members"."""
    if indicator.source is IndicatorSource.NNS:
        group = _(RESPONDENT_GROUPS.get(indicator.respondent_group, "—"))
        return _("NNS: {group}").format(group=group)
    return _(SOURCE_LABELS[IndicatorSource.OWN])


def fulfilment_text(fulfilment: Fulfilment) -> str:
    """"Met", "Partly met", "Not met", "No data" in the current language."""
    return _(FULFILMENT_LABELS[fulfilment])


def unit_caption(unit: Unit) -> str:
    """The unit as a column header part: "%", "number", "score"."""
    from finsam_desktop.domain.evaluations import UNIT_LABELS

    return _(UNIT_LABELS[unit])


def is_web_address(reference: str) -> bool:
    """True for "https://…" and the like (opened by the browser, never looked up on disk)."""
    text = reference.strip().lower()
    return "://" in text or text.startswith("mailto:")


def report_location(reference: str, database: Path | None) -> str:
    """Where a report reference points: a web address as it is, a relative path next to the
    agency file (the usual place for an "Utvärderingar" folder), an absolute path as it is."""
    text = reference.strip()
    if not text or is_web_address(text):
        return text
    path = Path(text).expanduser()
    if not path.is_absolute() and database is not None:
        path = database.parent / path
    return str(path)


def report_name(reference: str) -> str:
    """The short name a list shows for a report: the file name ("rapport.pdf"), the last
    part of a web address, or the reference itself when it has no parts."""
    text = reference.strip().rstrip("/\\")
    tail = text.replace("\\", "/").rsplit("/", 1)[-1]
    return tail or text
