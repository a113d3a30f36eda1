"""File → Backups…: the open file's backups (when, why, how big), "Back up now", "Restore…"
(after a confirmation that says the current state is backed up first) and "Open folder"."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_number
from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.services import backups
from finsam_desktop.storage.location import classify
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.autobackup import INTERVAL_MINUTES

if TYPE_CHECKING:
    from finsam_desktop.services.backups import BackupInfo
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.mainwindow import MainWindow


def size_text(size: int) -> str:
    """Bytes for people: "84 kB", "1,4 MB" (sv) / "1.4 MB" (en)."""
    if size < 1024 * 1024:
        return f"{format_number(max(1, round(size / 1024)))}\u00a0kB"
    return f"{format_number(Decimal(size) / (1024 * 1024), 1)}\u00a0MB"


def when_text(info: BackupInfo) -> str:
    """When a backup was taken, in local time: "2026-04-01 14:05:09"."""
    return info.local_time.strftime("%Y-%m-%d %H:%M:%S")


class BackupsDialog(QDialog):
    """Lists, makes and restores the open file's backups."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 on_restored: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self._ctx = ctx
        self._on_restored = on_restored
        self.backups: list[BackupInfo] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTreeWidget(self)
        self.table.setColumnCount(3)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_args: self.restore_selected())
        self.resize(720, 460)
        self.translate_ui()
        self.refresh()

    # Texts and list ---------------------------------------------------------------------

    def translate_ui(self) -> None:
        """Set every text in the current language."""
        rotation = backups.ROTATION
        self.setWindowTitle(_("Backups"))
        self.intro.setText(_(
            "FINSAM Desktop backs up this file by itself: when it is opened, every {minutes} "
            "minutes while you work, when it is closed, and before imports, restores and "
            "sealing minutes. Each backup is checked before it is kept. Kept: the {recent} "
            "latest, then one a day for {daily} days, one a week for {weekly} weeks and one a "
            "month for {monthly} months.").format(
                minutes=INTERVAL_MINUTES, recent=rotation.recent, daily=rotation.daily,
                weekly=rotation.weekly, monthly=rotation.monthly))
        self.table.setHeaderLabels([_("Taken"), _("Reason"), _("Size")])
        self.table.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
        self.backup_button.setText(_("Back up now"))
        self.restore_button.setText(_("Restore…"))
        self.folder_button.setText(_("Open folder"))
        self._show_folder()

    def _path(self) -> Path | None:
        store = self._ctx.store
        return store.path if store is not None else None

    def _show_folder(self) -> None:
        path = self._path()
        if path is None:
            self.folder_label.clear()
            return
        text = _("Folder: {path}").format(path=backups.backup_folder(path))
        if classify(path).risky:
            text += "\n" + _("The backups are kept on this computer, not beside the file, "
                             "because the file is on a network drive or in a synced folder.")
        self.folder_label.setText(text)

    def refresh(self) -> None:
        """List the backups again, newest first (the newest selected)."""
        path = self._path()
        self.backups = backups.list_backups(path) if path is not None else []
        self.table.clear()
        for info in self.backups:
            item = QTreeWidgetItem([when_text(info), info.reason_text, size_text(info.size)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            self.table.addTopLevelItem(item)
        if self.backups:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.status.setText("" if self.backups else _("No backups yet."))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        """The backup chosen in the list."""
        item = self.table.currentItem()
        if item is None:
            return None
        index = self.table.indexOfTopLevelItem(item)
        return self.backups[index] if 0 <= index < len(self.backups) else None

    def _update_buttons(self) -> None:
        store = self._ctx.store
        has_file = store is not None and store.path is not None
        self.backup_button.setEnabled(has_file)
        self.folder_button.setEnabled(has_file)
        self.restore_button.setEnabled(has_file and store is not None and not store.read_only
                                       and self.selected() is not None)

    # Actions ----------------------------------------------------------------------------

    def back_up_now(self) -> Path | None:
        """Write a verified backup now; the path written, None if it failed."""
        store = self._ctx.require_store()
        try:
            path = backups.make_backup(store, "manual")
        except FinsamError as error:
            dialogs.show_error(self, _("The backup could not be made"), str(error))
            return None
        log.info("backup (manual) written: %s", path)
        self.refresh()
        if path is not None:
            self.status.setText(_("Backup written: {name}").format(name=path.name))
        return path

    def restore_selected(self) -> bool:
        """Restore the chosen backup after a confirmation; True if restored."""
        info = self.selected()
        store = self._ctx.store
        if info is None or store is None or store.read_only:
            return False
        if not dialogs.ask_yes_no(self, _("Restore a backup"), _(
                "Restore the backup of {when} ({reason})?\n\nThe file's current state is "
                "backed up first, so you can go back to it from this list. Undo history is "
                "cleared.").format(when=when_text(info), reason=info.reason_text)):
            return False
        try:
            restored = backups.restore_backup(store, info.path)
        except FinsamError as error:
            dialogs.show_error(self, _("The backup could not be restored"), str(error))
            self.refresh()
            return False
        log.info("restored %s from %s (state before: %s)", store.path, info.path,
                 restored.safety_backup)
        if self._on_restored is not None:
            self._on_restored()  # the window shows the file anew: every panel re-reads it
        else:
            self._ctx.undo_stack.clear()
            self._ctx.events.changed.emit(restored.changes)
        self.refresh()
        self.status.setText(_("Restored the backup of {when}. The state before it was saved as "
                              "“{name}”.").format(when=when_text(info),
                                                  name=restored.safety_backup.name))
        return True

    def open_folder(self) -> bool:
        """Show the backup folder in the system's file manager."""
        path = self._path()
        if path is None:
            return False
        folder = backups.backup_folder(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            dialogs.show_error(self, _("The folder could not be opened"), str(error))
            return False
        if not dialogs.open_document(str(folder)):
            dialogs.show_error(self, _("The folder could not be opened"), str(folder))
            return False
        return True


def show_backups(window: MainWindow) -> BackupsDialog:
    """Open the Backups dialog over `window` (window-modal, without blocking the caller);
    after a restore the window shows the file anew."""
    dialog = BackupsDialog(window.ctx, window,
                           on_restored=lambda: window.set_store(window.ctx.store))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
