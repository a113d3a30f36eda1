"""PDF exports of meeting documents as jobs: gather the data now, render later anywhere.

`*_job(store, …)` reads everything from the database on the caller's thread and returns an
`ExportJob` whose `run(out)` only renders (ReportLab, no database): the GUI runs it in a
worker thread so long exports never freeze the window, the CLI runs it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.services import reporting
from finsam_desktop.storage.store import Store

VARIANTS = ("signed", "web")


def _nothing_else(out: Path) -> tuple[Path, ...]:
    return ()


@dataclass(frozen=True)
class ExportJob:
    """A document ready to render: `run(out)` writes the PDF and returns its path.

    `companions(out)` names the other files `run(out)` writes beside it (the web minutes'
    accessible HTML twin)."""

    title: str
    render: Callable[[Path], Path]
    companions: Callable[[Path], tuple[Path, ...]] = field(default=_nothing_else)

    def run(self, out: Path) -> Path:
        """Render the document to `out` (safe to call from a worker thread)."""
        out.parent.mkdir(parents=True, exist_ok=True)
        return self.render(out)


def html_twin(out: Path) -> Path:
    """Where the HTML version of the PDF `out` goes: same name, .html."""
    out = Path(out)
    return out.with_name(out.name + ".html") if out.suffix.lower() == ".html" \
        else out.with_suffix(".html")


def notice_job(store: Store, meeting_id: int) -> ExportJob:
    """The summons with agenda."""
    data = reporting.notice_report(store, meeting_id)

    def render(out: Path) -> Path:
        from finsam_desktop.reports.notice_pdf import render_notice

        return render_notice(data, out)

    return ExportJob(_("Summons {date}").format(date=data.meeting.date.isoformat()), render)


def minutes_job(store: Store, meeting_id: int, variant: str = "signed") -> ExportJob:
    """The protocol: "signed" (with signature lines) or "web" (for publication); the web
    variant also writes an accessible HTML version beside the PDF (`html_twin`)."""
    if variant not in VARIANTS:
        raise ValidationError(_("Unknown variant “{v}”.").format(v=variant))
    data = reporting.minutes_report(store, meeting_id)
    if not data.paragraphs:
        raise ValidationError(_("The meeting has no paragraphs yet."))

    def render(out: Path) -> Path:
        from finsam_desktop.reports.minutes_pdf import render_minutes

        pdf = render_minutes(data, out, variant=variant)
        if variant == "web":
            from finsam_desktop.reports.minutes_html import render_minutes_html

            render_minutes_html(data, html_twin(out))
        return pdf

    def companions(out: Path) -> tuple[Path, ...]:
        return (html_twin(out),) if variant == "web" else ()

    return ExportJob(_("Minutes {date}").format(date=data.meeting.date.isoformat()), render,
                     companions)


def extract_job(store: Store, meeting_id: int, number: int, certifier: str = "") -> ExportJob:
    """A certified extract of one paragraph (protokollsutdrag); the secretary certifies it
    unless someone else is named."""
    data = reporting.minutes_report(store, meeting_id)
    certifier = certifier or next((s.name for s in data.signers if s.role == "secretary"), "")
    numbers = [p.number for p in data.paragraphs]
    if number not in numbers:
        span = f"{numbers[0]}–{numbers[-1]}" if numbers else "—"
        raise ValidationError(_("§ {n} is not in the minutes of {date} (§ {span}).").format(
            n=number, date=data.meeting.date.isoformat(), span=span))

    def render(out: Path) -> Path:
        from finsam_desktop.reports.minutes_pdf import render_extract

        return render_extract(data, number, out, certifier=certifier)

    return ExportJob(_("Extract § {n}").format(n=number), render)
