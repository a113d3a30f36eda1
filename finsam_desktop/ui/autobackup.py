"""Automatic backups while the desktop app runs: when a file is opened, every ten minutes
while it is being changed, and when it is closed (`services.backups` does the work).

"Changed" means a service call committed something (the `EventHub.changed` signal), not
any write to the file: the lock row's heartbeat does not count. A failed automatic backup
never interrupts the user: it is logged and said in the status bar, and tried again at the
next interval.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.services import backups

if TYPE_CHECKING:
    from finsam_desktop.domain.changes import Changes
    from finsam_desktop.storage.store import Store
    from finsam_desktop.ui.context import AppContext

INTERVAL_MINUTES = 10
_OPEN_DELAY_MS = 1_500  # after the window and its first panel have been shown
"""How often a file that has been changed is backed up while it stays open."""


class AutoBackup(QObject):
    """Backs up the window's open file on opening, at intervals while changed, on closing."""

    def __init__(self, ctx: AppContext, window: QMainWindow,
                 interval_ms: int = INTERVAL_MINUTES * 60_000) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = None
        self.dirty = False
        """True when something was saved since the last backup."""
        self.open_delay_ms = _OPEN_DELAY_MS  # 0: back up at once when a file is opened
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        ctx.events.changed.connect(self._on_changed)
        self.switch(ctx.store)

    def switch(self, store: Store | None) -> None:
        """The window shows `store` from now on (None: no file): back up the file being left
        if it changed, then the new one unless its newest backup is already up to date.
        Showing the same store again (a refresh after a restore) changes nothing."""
        if store is self._store:
            return
        if self._store is not None and self.dirty:
            self._backup("close")
        self._store, self.dirty = store, False
        if not self._active():
            self.timer.stop()
            return
        assert store is not None
        # the open backup (a full copy and check) waits until the window has been shown
        if self.open_delay_ms:
            QTimer.singleShot(self.open_delay_ms, lambda s=store: self._backup_opened(s))
        else:
            self._backup_opened(store)
        self.timer.start()

    def _backup_opened(self, store: Store) -> None:
        """Back up the file just opened unless its newest backup is already up to date."""
        if store is self._store and self._active() and not backups.has_current_backup(store):
            self._backup("open")

    def tick(self) -> None:
        """The interval is up: back up if something was saved since the last backup."""
        if self.dirty and self._active() and self._backup("auto"):
            self.dirty = False

    def _active(self) -> bool:
        store = self._store
        return store is not None and store.path is not None and not store.read_only

    def _on_changed(self, _changes: Changes) -> None:
        if self._store is not None:
            self.dirty = True

    def _backup(self, reason: str) -> bool:
        store = self._store
        assert store is not None
        try:
            path = backups.make_backup(store, reason)
        except (FinsamError, OSError, sqlite3.Error) as error:
            log.warning("automatic backup (%s) of %s failed: %s", reason, store.path, error)
            self._window.statusBar().showMessage(
                _("The automatic backup failed: {error}").format(error=error), 15000)
            return False
        log.info("backup (%s) written: %s", reason, path)
        return True
