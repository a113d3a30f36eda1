"""Saving calendar files (.ics) from the screens: the governance year (the overview) and
one meeting's invitation (the overview's next meeting, the Meetings panel). Writing a
calendar takes milliseconds, so it runs on the GUI thread; problems are shown as messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store
from finsam_desktop.ui import dialogs


def ics_filter() -> str:
    """File-dialog filter for calendar files."""
    return _("Calendar files") + " (*.ics);;" + _("All files") + " (*)"


def save_year_calendar(parent: QWidget, store: Store, year: int) -> Path | None:
    """Ask where, then write the governance year `year` as .ics; the path, or None."""
    from finsam_desktop.services import calendar_export

    return _save(parent, lambda: calendar_export.year_job(store, year),
                 _("governance-year-{year}.ics").format(year=year))


def save_invitation(parent: QWidget, store: Store, meeting: Meeting) -> Path | None:
    """Ask where, then write the meeting's invitation as .ics; the path, or None."""
    from finsam_desktop.services import calendar_export

    return _save(parent, lambda: calendar_export.invitation_job(store, meeting.id),
                 _("board-meeting-{date}.ics").format(date=meeting.date.isoformat()))


def _save(parent: QWidget, make_job: Callable[[], ExportJob], suggested: str) -> Path | None:
    try:
        job = make_job()
    except FinsamError as error:
        dialogs.show_error(parent, _("The calendar could not be made"), str(error))
        return None
    path = dialogs.ask_save_path(parent, job.title, suggested, ics_filter())
    if not path:
        return None
    out = Path(path) if path.lower().endswith(".ics") else Path(path + ".ics")
    try:
        written = job.run(out)
    except (FinsamError, OSError) as error:
        dialogs.show_error(parent, _("The calendar could not be written"),
                           str(getattr(error, "strerror", None) or error))
        return None
    log.info("wrote %s", written)
    return written
