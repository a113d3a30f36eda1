"""Exports of the decision register for a year: PDF, XLSX or CSV (by the file's suffix)."""

from __future__ import annotations

from pathlib import Path

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.services import decisions, reporting
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.storage.store import Store

SUFFIXES = (".pdf", ".xlsx", ".csv")


def register_job(store: Store, year: int, out: Path) -> ExportJob:
    """The year's decisions, rendered to `out`'s format when the job runs."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(_("Choose a file ending in .pdf, .xlsx or .csv."))
    if not 2000 <= year <= 2099:
        raise ValidationError(_("The year must be between 2000 and 2099."))
    rows = decisions.list_decisions(store, year=year)
    agency = reporting.agency_info(store)

    def render(path: Path) -> Path:
        if suffix == ".pdf":
            from finsam_desktop.reports.decision_register_pdf import render_decision_register

            return render_decision_register(rows, path, agency=agency, year=year)
        from finsam_desktop.reports import spreadsheets

        writer = spreadsheets.write_decisions_xlsx if suffix == ".xlsx" \
            else spreadsheets.write_decisions_csv
        return writer(rows, path, year=year)

    return ExportJob(_("Decision register {year}").format(year=year), render)
