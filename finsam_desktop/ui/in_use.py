"""A file someone else has open: the question on opening, the read-only banner and the
heartbeat that keeps this window's own lock alive.

`ask_locked` is a module function so tests can replace it (a real modal dialog would hang a
headless run); `lock_box` builds that dialog without showing it (screenshots).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.locks import HEARTBEAT_EVERY
from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.services import file_access
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.translation import language_signal

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

READ_ONLY = "read_only"
TAKE_OVER = "take_over"


def lock_box(parent: QWidget | None, message: str, can_take_over: bool) -> QMessageBox:
    """The question, with *Open read-only*, *Take over the lock…* (only for a stale lock)
    and *Cancel*. Never "open anyway": writing always needs the lock."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("The file is in use"), message,
                      QMessageBox.StandardButton.NoButton, parent)
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName(READ_ONLY)
    if can_take_over:
        take = box.addButton(_("Take over the lock…"), QMessageBox.ButtonRole.DestructiveRole)
        take.setObjectName(TAKE_OVER)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    return box


def ask_locked(parent: QWidget | None, message: str, can_take_over: bool) -> str | None:
    """Ask what to do with a file someone else has open: READ_ONLY, TAKE_OVER or None."""
    box = lock_box(parent, message, can_take_over)
    box.exec()
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    return name if name in (READ_ONLY, TAKE_OVER) else None


def confirm_take_over(parent: QWidget | None, user: str) -> bool:
    """The second question before a lock is taken over."""
    return dialogs.ask_yes_no(parent, _("Take over the lock"), _(
        "Take over the lock only if you know that the program at {user} has crashed or lost "
        "its connection. Changes {user} has not saved are lost, and that program can no "
        "longer save to the file. Take over the lock?").format(user=user))


_STYLE = """
QFrame#ReadOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0b000; }
QFrame#ReadOnlyBanner QLabel { color: #3b2f00; background: transparent; }
"""


class ReadOnlyBanner(QFrame):
    """A strip above the panels while the file is open read-only, saying why."""

    sig_reopen = Signal()
    """The user wants to try opening the file for editing again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadOnlyBanner")
        self.setStyleSheet(_STYLE)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.reopen = QPushButton(self)
        self.reopen.clicked.connect(self.sig_reopen)
        row = QHBoxLayout(self)
        row.addWidget(icon)
        row.addWidget(self.title)
        row.addWidget(self.text, 1)
        row.addWidget(self.reopen)
        self.reason = ""
        language_signal().changed.connect(self._language_changed)
        self.translate_ui()
        self.setVisible(False)

    def show_for(self, store: Store | None) -> None:
        """Visible (with the store's reason) while `store` is read-only."""
        read_only = store is not None and store.read_only
        self.reason = store.read_only_reason if store is not None and read_only else ""
        self.translate_ui()
        self.setVisible(read_only)

    def _language_changed(self, _code: str) -> None:
        self.translate_ui()

    def translate_ui(self) -> None:
        """Set the texts in the current language."""
        self.title.setText(_("Read-only:"))
        self.text.setText(" ".join(filter(None, [
            _("changes to this file cannot be saved."), self.reason])))
        self.reopen.setText(_("Open for editing"))


def install_banner(window: QMainWindow) -> ReadOnlyBanner:
    """Put a (hidden) read-only banner above the window's central widget and return it."""
    central = window.takeCentralWidget()
    container = QWidget(window)
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = ReadOnlyBanner(container)
    layout.addWidget(banner)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(container)
    return banner


class LockWatch(QObject):
    """Keeps the window's lock alive (a heartbeat every minute) and shows when the open file
    is read-only: opened so, or because the lock was taken over, the file replaced or
    someone else saved (the store then refuses every save)."""

    changed = Signal()
    """The open file became read-only (the window updates its title)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = None
        self.banner = install_banner(window)
        self.timer = QTimer(self)
        self.timer.setInterval(int(HEARTBEAT_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.beat)

    def switch(self, store: Store | None) -> None:
        """The window shows `store` from now on (None: no file)."""
        if store is not self._store and store is not None:
            store.on_access_changed(lambda s=store: self._access_changed(s))
        self._store = store
        if store is not None and store.holds_lock and not store.read_only:
            self.timer.start()
        else:
            self.timer.stop()
        self.banner.show_for(store)

    def _access_changed(self, store: Store) -> None:
        if store is self._store:
            self.timer.stop()
            self.banner.show_for(store)
            self.changed.emit()

    def beat(self) -> None:
        """Renew the lock; tell the user once if the file has just become read-only."""
        store = self._store
        if store is None or file_access.heartbeat(store):
            return
        log.warning("%s became read-only: %s", store.path, store.read_only_reason)
        dialogs.show_error(self._window, _("The file is now read-only"), " ".join([
            store.read_only_reason, _("Nothing you saved before is lost. Copy what you are "
                                      "typing now, then open the file again.")]))
