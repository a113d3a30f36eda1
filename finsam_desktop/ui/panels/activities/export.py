"""Export the activity catalogue of a year (activities, decisions, parties, money,
participants with small counts suppressed, evaluations, key figures, charts) as PDF or
XLSX: the data is gathered on the GUI thread, rendered in a worker (`ExportRunner`), and a
busy line says what is going on and where the file went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.common import BusyLine
from finsam_desktop.ui.panels.meetings.export import ExportRunner


class ExportLine(BusyLine):
    """A busy line for the catalogue exports."""

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if busy:
            self.label.setText(_("Writing the activity catalogue… you can go on working."))

    def start(self, runner: ExportRunner, job: ExportJob, out: Path) -> None:
        """Run `job` on the followed runner and show its progress here."""
        self._mine = True
        runner.start(job, out)


def export_catalogue(ctx: AppContext, runner: ExportRunner, line: ExportLine,
                     parent: QWidget, year: int, suffix: str) -> bool:
    """Ask for a file and write the year's catalogue to it (".pdf" or ".xlsx"); False if
    nothing started."""
    from finsam_desktop.services import activity_report

    if runner.is_busy():
        return False
    title = _("Export the activity catalogue {year} as PDF") if suffix == ".pdf" \
        else _("Export the activity catalogue {year} as Excel")
    path = dialogs.ask_save_path(parent, title.format(year=year),
                                 _("activities-{year}").format(year=year) + suffix,
                                 dialogs.export_filter(suffix))
    if not path:
        return False
    out = Path(path)
    if out.suffix.lower() != suffix:
        out = out.with_name(out.name + suffix)
    try:
        job = activity_report.catalogue_job(ctx.require_store(), year, out)
    except FinsamError as error:
        dialogs.show_error(parent, _("The catalogue could not be exported"), str(error))
        return False
    line.start(runner, job, out)
    return True
