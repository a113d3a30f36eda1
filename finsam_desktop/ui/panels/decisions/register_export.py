"""Export the decision register of the chosen year as PDF, XLSX or CSV, in a worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services import decision_exports
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.export import ExportRunner


def register_filter() -> str:
    """File-dialog filter for the register's formats."""
    return (_("PDF documents") + " (*.pdf);;" + _("Excel workbooks") + " (*.xlsx);;"
            + _("CSV files (semicolon)") + " (*.csv)")


def export_register(ctx: AppContext, runner: ExportRunner, parent: QWidget,
                    year: int | None) -> bool:
    """Ask for a file and write the year's register to it; False if nothing started."""
    if year is None:
        dialogs.show_error(parent, _("Choose a year"), _(
            "The register is exported one year at a time: choose a year in the filter."))
        return False
    if runner.is_busy():
        return False
    path = dialogs.ask_save_path(parent, _("Export decision register"),
                                 f"beslut-{year}.pdf", register_filter())
    if not path:
        return False
    out = Path(path)
    if out.suffix.lower() not in decision_exports.SUFFIXES:
        out = out.with_suffix(".pdf")
    try:
        job = decision_exports.register_job(ctx.require_store(), year, out)
    except FinsamError as error:
        dialogs.show_error(parent, _("The register could not be exported"), str(error))
        return False
    runner.start(job, out)
    return True
