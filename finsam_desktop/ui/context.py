"""`AppContext`: what every panel and dialog needs, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from finsam_desktop.ui.events import EventHub
from finsam_desktop.ui.settings import UiSettings

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store


@dataclass
class AppContext:
    """The open database, the change hub, the undo stack and the user's UI settings."""

    store: Store | None
    events: EventHub
    undo_stack: QUndoStack
    settings: UiSettings

    @classmethod
    def create(cls, store: Store | None, settings: UiSettings | None = None) -> AppContext:
        """A fresh context around `store` (None: no file open)."""
        return cls(store, EventHub(), QUndoStack(), settings or UiSettings())

    def require_store(self) -> Store:
        """The open store; panels only exist while a file is open."""
        if self.store is None:
            raise RuntimeError("no database is open")
        return self.store

    def replace_store(self, store: Store | None) -> None:
        """Switch to another database: close the old one and forget its undo history."""
        old, self.store = self.store, store
        self.undo_stack.clear()
        if old is not None and old is not store:
            old.close()
