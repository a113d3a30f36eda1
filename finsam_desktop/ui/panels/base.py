"""`Panel`: the base of every page in the main window (refresh on Changes, live retranslate)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.changes import Changes
from finsam_desktop.ui.context import AppContext


class Panel(QWidget):
    """A page: builds itself, refreshes when its tables change, re-translates on switch."""

    tables: tuple[str, ...] = ()
    """The tables whose Changes make this panel refresh."""

    refresh_when_shown = False
    """True: Changes while the panel is hidden mark it stale, and it re-reads once when it is
    shown again (for panels whose refresh is costly: budget, activities, evaluations, annual
    report) instead of after every edit elsewhere."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stale = False
        ctx.events.changed.connect(self._on_changed)
        ctx.events.language_changed.connect(self._on_language_changed)

    def refresh(self) -> None:
        """Re-read everything shown from the services."""

    def translate_ui(self) -> None:
        """Set every user-visible text in the current language."""

    def finish_deferred(self) -> None:
        """Do at once what the panel loads only after it is on screen (the overview's
        charts): for screenshots and tests."""

    def is_live(self) -> bool:
        """False once the window let go of the database this panel was built for."""
        return self._ctx.store is not None

    def _on_changed(self, changes: Changes) -> None:
        if not self.is_live() or not changes.touches(*self.tables):
            return
        if self.refresh_when_shown and not self.isVisible():
            self._stale = True
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.is_live():
            self._stale = False
            self.refresh()

    def _on_language_changed(self, _code: str) -> None:
        self.translate_ui()
        if self.is_live():
            self.refresh()
