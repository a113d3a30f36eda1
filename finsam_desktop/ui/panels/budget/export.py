"""Export the budget (plan, follow-up, contributions, equity, texts, charts) as PDF or XLSX:
the data is gathered on the GUI thread, rendered in a worker (`ExportRunner`), and a busy
line says what is going on and where the file went."""

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
    """A busy line for the budget's exports (a PDF or a workbook)."""

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if busy:
            self.label.setText(_("Writing the budget file… you can go on working."))

    def start(self, runner: ExportRunner, job: ExportJob, out: Path) -> None:
        """Run `job` on the followed runner and show its progress here."""
        self._mine = True
        runner.start(job, out)


def export_budget(ctx: AppContext, runner: ExportRunner, line: ExportLine, parent: QWidget,
                  year: int, version_id: int | None, suffix: str) -> bool:
    """Ask for a file and write the year's budget to it (".pdf" or ".xlsx"); False if
    nothing started."""
    from finsam_desktop.services import budget_report

    if runner.is_busy():
        return False
    title = _("Export budget {year} as PDF") if suffix == ".pdf" \
        else _("Export budget {year} as Excel")
    path = dialogs.ask_save_path(parent, title.format(year=year), f"budget-{year}{suffix}",
                                 dialogs.export_filter(suffix))
    if not path:
        return False
    out = Path(path)
    if out.suffix.lower() != suffix:
        out = out.with_name(out.name + suffix)
    try:
        job = budget_report.budget_job(ctx.require_store(), year, out, version_id)
    except FinsamError as error:
        dialogs.show_error(parent, _("The budget could not be exported"), str(error))
        return False
    line.start(runner, job, out)
    return True
