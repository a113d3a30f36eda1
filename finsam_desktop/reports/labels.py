"""Translated words for the codes in the report data (kinds, roles, vote choices) and the
small phrases several documents share. All fixed text passes through `_()` (English source
strings, Swedish from the catalogue)."""

from __future__ import annotations

from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.reports.data import MeetingInfo


def item_kind(kind: str) -> str:
    """Beslutsärende / Informationsärende / Anmälningsärende."""
    return {"decision": _("Decision item"), "information": _("Information item"),
            "reported": _("Reported item")}.get(kind, kind)


def signer_role(role: str) -> str:
    """Sekreterare / Ordförande / Justerare."""
    return {"secretary": _("Secretary"), "chair": _("Chair"),
            "adjuster": _("Adjuster")}.get(role, role)


def summoned_role(role: str) -> str:
    """Ledamot / Ersättare."""
    return {"member": _("Member of the board"), "deputy": _("Deputy")}.get(role, role)


def meeting_kind(kind: str) -> str:
    """Ordinarie / extra sammanträde."""
    return {"ordinary": _("Ordinary meeting"), "extra": _("Extra meeting")}.get(kind, kind)


def time_span(meeting: MeetingInfo) -> str:
    """"kl. 09.00–12.00", "kl. 09.00" or ""."""
    if meeting.start_time and meeting.end_time:
        return _("at {start}–{end}").format(start=meeting.start_time, end=meeting.end_time)
    if meeting.start_time:
        return _("at {start}").format(start=meeting.start_time)
    return ""


def place_and_time(meeting: MeetingInfo) -> str:
    """"Kommunhuset, Askersund, 2026-11-20 kl. 09.00–12.00"."""
    when = " ".join(p for p in (format_date(meeting.date), time_span(meeting)) if p)
    return ", ".join(p for p in (meeting.place, when) if p)


def paragraph_range(first: int | None, last: int | None) -> str:
    """"§ 84–108", "§ 84" or "" (with a no-break space after §)."""
    if first is None or last is None:
        return ""
    return f"§\u00a0{first}" if first == last else f"§\u00a0{first}–{last}"
