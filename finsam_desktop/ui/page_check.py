"""SQLite's page check (`quick_check`) of the file just opened, in a worker thread after the
window is shown, so that a 20-year file opens at once. A damaged file is then switched to
read-only with a message that says what to do; nothing is written to it.

The header, application id, schema version and schema fingerprint were checked before the
file was opened (`storage.store.open_store`); the automatic backups check every copy in full.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.storage.store import Store, check_pages
from finsam_desktop.ui import dialogs


class _Worker(QThread):
    done = Signal(str)

    def __init__(self, path: Path, passphrase: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._passphrase = passphrase

    def run(self) -> None:
        try:
            result = check_pages(self._path, self._passphrase)
        except Exception as error:  # the file vanished or cannot be read
            result = str(error)
        self.done.emit(result)


class PageCheck(QObject):
    """Checks each file the window shows, once, in the background."""

    checked = Signal(str)
    """The result ("ok" or what is damaged), after the store was handled."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = None
        self._worker: _Worker | None = None

    def switch(self, store: Store | None) -> None:
        """Check `store`'s file (None: nothing to check)."""
        self._store = store
        if store is None or store.path is None:
            return
        worker = _Worker(store.path, store.passphrase, self)
        worker.done.connect(lambda result, s=store: self._finished(s, result))
        worker.finished.connect(worker.deleteLater)
        self._worker = worker
        worker.start()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for a check under way (tests, closing)."""
        worker = self._worker
        if worker is None:
            return True
        try:
            return worker.wait(msecs)
        except RuntimeError:  # already deleted: it has finished
            return True

    def _finished(self, store: Store, result: str) -> None:
        if store is self._store and result != "ok":
            log.error("page check of %s failed: %s", store.path, result)
            reason = _("The file is damaged ({detail}).").format(detail=result)
            store.set_read_only(reason)
            dialogs.show_error(self._window, _("The file is damaged"), _(
                "“{path}” is damaged ({detail}). It is open read-only so that nothing more "
                "is written to it. Restore the latest backup (File → Backups…) or a copy you "
                "trust.").format(path=store.path, detail=result))
        self.checked.emit(result)
