"""The Texts tab: the narrative sections of "Verksamhetsplan med budget" for the version on
show (`SectionTexts`: saved when a field is left, nothing typed is lost)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.budget import TEXT_SECTION_LABELS, TEXT_SECTIONS
from finsam_desktop.i18n import _
from finsam_desktop.services import budget
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.widgets.section_texts import SectionTexts


class TextsTab(SectionTexts):
    """One plain-text editor per section of the plan."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        def write(version_id: int, section: str, text: str) -> None:
            _before, changes = budget.set_text(ctx.require_store(), version_id,
                                               section, text)
            ctx.events.changed.emit(changes)

        super().__init__(
            ctx, parent, sections=TEXT_SECTIONS, labels=TEXT_SECTION_LABELS, write=write,
            lines=6, intro=lambda: _(
                "The plan's narrative, printed with the budget. Each text is saved when you "
                "leave the field; the texts belong to the version on show and can be written "
                "also after it is adopted."))
