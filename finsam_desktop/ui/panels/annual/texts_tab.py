"""The Texts tab: the narrative sections of the year's annual report, each saved (through an
undo command) when the field is left or with Save. A field being changed is never
overwritten by a refresh, and the panel saves every changed field before it shows another
year, so nothing typed is lost. Sections whose figures come from the data say so: the text
is what the figures do not tell."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.annual import TEXT_LABELS, TEXT_SECTIONS
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.undo_annual import SetText
from finsam_desktop.ui.widgets.section_texts import HINT_STYLE, SectionTexts

__all__ = ["DATA_HINTS", "HINT_STYLE", "TextsTab"]

# What the printed report adds to a section from the app's data (DOMAIN.md 8.6).
DATA_HINTS = {
    "about": N_("The printed report adds from the data: the members and their shares, the "
                "board per member, the meetings held, the auditors and the staff."),
    "goals": N_("The printed report adds from the data: each goal with its fulfilment (the "
                "indicators in an appendix)."),
    "activities": N_("The printed report adds from the data: the activities with budget, "
                     "actual and participants, and charts."),
    "evaluation": N_("The printed report adds from the data: the evaluations finished in the "
                     "year with their findings."),
    "sound_management": N_("The printed report adds from the data: the key figures, budget "
                           "against actual, and the equity against the charter's "
                           "threshold."),
    "financial": N_("The printed report adds from the data: the result against the budget, "
                    "charts, the equity year by year and the warnings. The statements are "
                    "entered in the tab Statements."),
    "accounting_principles": N_("Printed as note 1 after the statements."),
}


class TextsTab(SectionTexts):
    """One plain-text editor per section, in the order of the printed report."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        def write(year: int, section: str, text: str) -> None:
            undo.run(ctx, SetText(ctx, year, section, text))

        super().__init__(
            ctx, parent, sections=TEXT_SECTIONS, labels=TEXT_LABELS, hints=DATA_HINTS,
            write=write, intro=lambda: _(
                "The annual report's own words, printed as written: plain text, a blank line "
                "starts a new paragraph. Each text is saved when you leave the field."))
