"""The main window: a thin host for the navigation, the panels (created lazily), the menus
and the status bar. It opens and creates files; all editing happens in the panels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from finsam_desktop import __version__, paths
from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import (
    FileLockedError,
    FileMissingError,
    FinsamError,
    PassphraseNeededError,
)
from finsam_desktop.domain.locks import LockHolder, holder_name, who_has_it
from finsam_desktop.i18n import _, current_language
from finsam_desktop.logs import log
from finsam_desktop.services import maintenance, organisation
from finsam_desktop.ui import (
    backups_dialog,
    dialogs,
    in_use,
    location_banner,
    opening,
    translation,
)
from finsam_desktop.ui.autobackup import AutoBackup
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.empty_state import EmptyState
from finsam_desktop.ui.menus import Menus
from finsam_desktop.ui.navigation import PANELS, Navigation
from finsam_desktop.ui.page_check import PageCheck
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.search.dock import SearchDock

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

APP_NAME = "FINSAM Desktop"
PASSPHRASE_TRIES = 3
"""How many times a passphrase is asked for before opening gives up (the user may cancel
at any time)."""


class MainWindow(QMainWindow):
    """Navigation on the left, the current panel on the right, the open file below."""

    def __init__(self, ctx: AppContext, *, remember: bool = True) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.ctx = ctx
        self._remember = remember
        self.panels: dict[str, Panel] = {}
        self.nav = Navigation(self)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self.stack)
        self.stack.addWidget(self.empty)
        self.menus = Menus(self, ctx)
        self.search = SearchDock(ctx, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search)
        self.search.hide()
        self.file_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.file_label, 1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.location_banner = location_banner.install(self)
        self.autobackup = AutoBackup(ctx, self)
        self.page_check = PageCheck(self)
        self.lock_watch = in_use.LockWatch(self)
        self._connect()
        self._restore_window()
        self.translate_ui()
        self._show_store_state()

    def _connect(self) -> None:
        m = self.menus
        m.new.triggered.connect(self.new_file)
        m.open.triggered.connect(self.open_file)
        m.save_copy.triggered.connect(self.save_copy)
        m.backups.triggered.connect(self.show_backups)
        m.quit.triggered.connect(self.close)
        m.about.triggered.connect(self._about)
        m.find.triggered.connect(self.show_search)
        self.search.sig_open_paragraph.connect(self.open_paragraph)
        m.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.languages.triggered.connect(lambda action: self.set_language(str(action.data())))
        self.empty.new_button.clicked.connect(self.new_file)
        self.empty.open_button.clicked.connect(self.open_file)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.ctx.events.changed.connect(self._on_changed)
        self.lock_watch.changed.connect(self._update_title)
        self.lock_watch.banner.sig_reopen.connect(self.reopen_for_editing)
        # A bound method (not a lambda), so a closed window's connection goes with it.
        self.ctx.events.language_changed.connect(self._language_changed)

    def _language_changed(self, _code: str) -> None:
        self.translate_ui()

    def translate_ui(self) -> None:
        """Set every text of the window itself (panels translate themselves)."""
        self.menus.translate_ui()
        self.menus.check_language(current_language())
        self.nav.translate_ui()
        self.empty.translate_ui()
        self.search.translate_ui()
        self._update_title()

    # Files ------------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        """Show `store` (None: no file open); the previous file is closed, its undo dropped."""
        self._commit_focused_field()
        previous = self.ctx.store
        self.autobackup.switch(store)
        for panel in self.panels.values():
            self.stack.removeWidget(panel)
            panel.deleteLater()
        self.panels.clear()
        self.ctx.replace_store(store)
        self.lock_watch.switch(store)
        if store is not previous:
            self.page_check.switch(store)
        self.search.clear()
        if store is not None and store.path is not None and self._remember:
            self.ctx.settings.add_recent_file(str(store.path))
        self._show_store_state()

    def _show_store_state(self) -> None:
        has_store = self.ctx.store is not None
        self.nav.setEnabled(has_store)
        self.menus.save_copy.setEnabled(has_store)
        self.menus.backups.setEnabled(has_store)
        self.location_banner.show_for(self.ctx.store)
        self.menus.find.setEnabled(has_store)
        if not has_store:
            self.search.hide()
        if has_store:
            self.show_panel("overview")
        else:
            self.nav.setCurrentRow(-1)
            self.stack.setCurrentWidget(self.empty)
        self._update_title()

    def open_path(self, path: str, *, read_only: bool = False, take_over: bool = False,
                  passphrase: str | None = None, _tries: int = 0) -> bool:
        """Open the database at `path`; a problem is shown as a message. True if opened.

        Someone else's file is offered read-only (or, if their lock is stale, to take over
        after confirming). A file that may be encrypted gets its passphrase asked for (a
        wrong one: asked again, with the reason, up to PASSPHRASE_TRIES times). Opening the
        file already open reads it anew (after it was replaced, or to edit a file that was
        open read-only), with the passphrase it was opened with; if this window holds its
        lock, it is closed first, so the lock is free for the new opening."""
        current = self.ctx.store
        if (current is not None and current.path is not None
                and _same_file(current.path, path)):
            passphrase = passphrase or current.passphrase
            if current.holds_lock:
                self.set_store(None)
        try:
            store = opening.open_file(path, read_only=read_only, take_over=take_over,
                                      passphrase=passphrase)
        except FileLockedError as error:
            log.info("%s is in use: %s", path, error)
            return self._open_in_use(path, error, passphrase)
        except PassphraseNeededError as error:
            log.info("%s needs a passphrase (try %d)", path, _tries + 1)  # never the phrase
            if _tries >= PASSPHRASE_TRIES:
                dialogs.show_error(self, _("The file could not be opened"), str(error))
                return False
            typed = dialogs.ask_passphrase(self, _("Passphrase"), str(error))
            if typed is None:
                return False
            return self.open_path(path, read_only=read_only, take_over=take_over,
                                  passphrase=typed, _tries=_tries + 1)
        except FinsamError as error:
            if isinstance(error, FileMissingError):
                self.ctx.settings.remove_recent_file(path)
            dialogs.show_error(self, _("The file could not be opened"), str(error))
            log.warning("could not open %s: %s", path, error)
            return False
        log.info("opened %s%s", path, " read-only" if read_only else "")
        self.set_store(store)
        return True

    def _open_in_use(self, path: str, error: FileLockedError,
                     passphrase: str | None = None) -> bool:
        """Ask what to do with a file someone else has open, and do it."""
        choice = in_use.ask_locked(self, str(error), error.can_take_over)
        if choice == in_use.READ_ONLY:
            if not self.open_path(path, read_only=True, passphrase=passphrase):
                return False
            store = self.ctx.require_store()
            store.set_read_only(who_has_it(error.holder, store.clock())
                                if isinstance(error.holder, LockHolder) else "")
            return True
        if choice == in_use.TAKE_OVER and in_use.confirm_take_over(
                self, holder_name(error.holder) if isinstance(error.holder, LockHolder)
                else "?"):
            return self.open_path(path, take_over=True, passphrase=passphrase)
        return False

    def reopen_for_editing(self) -> None:
        """The read-only banner's button: open the same file again, for writing if it is
        free now (otherwise the user is asked again)."""
        store = self.ctx.store
        if store is not None and store.path is not None:
            self.open_path(str(store.path))

    def open_file(self) -> None:
        """Ask for a database file (starting where the last one was, else in the user's data
        folder) and open it."""
        path = dialogs.ask_open_path(self, _("Open agency file"), directory=self._file_folder())
        if path:
            self.open_path(path)

    def _file_folder(self) -> str:
        """Where file dialogs start: the most recent file's folder, else the data folder."""
        for recent in self.ctx.settings.recent_files():
            if Path(recent).parent.is_dir():
                return str(Path(recent).parent)
        folder = paths.user_data_dir()
        return str(folder) if folder.is_dir() else ""

    def new_file(self) -> None:
        """Ask where to create a new database (suggested: the user's data folder, never the
        installation), the agency's name and whether to encrypt it, then open it."""
        suggested = str(paths.default_database_path())
        path = dialogs.ask_save_path(self, _("New agency file"), suggested)
        if not path:
            return
        answer = dialogs.ask_new_agency(self, "Samordningsförbundet ")
        if answer is None:
            return
        try:
            store = opening.create_file(path, answer.name, answer.passphrase)
        except FinsamError as error:
            dialogs.show_error(self, _("The file could not be created"), str(error))
            return
        log.info("created %s", store.path)
        self.set_store(store)
        self.show_panel("organisation")

    def save_copy(self) -> None:
        """Write a consistent copy of the open database to a file the user chooses."""
        store = self.ctx.store
        if store is None:
            return
        stem = store.path.stem if store.path else "copy"
        path = dialogs.ask_save_path(self, _("Save a copy"), f"{stem}-copy.finsam")
        if not path:
            return
        try:
            target = maintenance.save_copy(store, opening.with_suffix(path))
        except (FinsamError, OSError) as error:
            dialogs.show_error(self, _("The copy could not be saved"), str(error))
            return
        self.statusBar().showMessage(_("Copy saved to {path}").format(path=target), 8000)

    def show_backups(self) -> None:
        """File → Backups…: list, make and restore verified backups of the open file."""
        if self.ctx.store is not None:
            backups_dialog.show_backups(self)

    def _fill_recent_menu(self) -> None:
        menu = self.menus.recent_menu
        menu.clear()
        files = self.ctx.settings.recent_files()
        for path in files:
            menu.addAction(path).triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not files:
            menu.addAction(_("No recent files")).setEnabled(False)

    # Panels -----------------------------------------------------------------------------

    def show_panel(self, key: str) -> Panel | None:
        """Show panel `key`, creating it on first use; None if not built or no file open."""
        entry = next((e for e in PANELS if e.key == key), None)
        if entry is None or entry.factory is None or self.ctx.store is None:
            return None
        panel = self.panels.get(key)
        if panel is None:
            panel = entry.factory(self.ctx)
            self.panels[key] = panel
            opener = getattr(panel, "sig_open_paragraph", None)
            if opener is not None:  # e.g. the decision register
                opener.connect(self.open_paragraph)
            budget_opener = getattr(panel, "sig_open_budget", None)
            if budget_opener is not None:  # e.g. an activity's budget lines
                budget_opener.connect(self.open_budget_year)
            target_opener = getattr(panel, "sig_open_target", None)
            if target_opener is not None:  # the overview's actions and governance year
                target_opener.connect(self.open_target)
            self.stack.addWidget(panel)
        self.stack.setCurrentWidget(panel)
        item = self.nav.item_for(key)
        if self.nav.currentItem() is not item:
            self.nav.setCurrentItem(item)
        return panel

    def open_paragraph(self, meeting_id: int, item_id: int) -> None:
        """Show a meeting's paragraph (or agenda item) in the Meetings panel."""
        panel = self.show_panel("meetings")
        show = getattr(panel, "show_paragraph", None)
        if show is None:
            return
        try:
            show(meeting_id, item_id)
        except FinsamError as error:  # e.g. removed since the search
            dialogs.show_error(self, _("The paragraph could not be shown"), str(error))

    def open_budget_year(self, year: int) -> None:
        """Show `year` in the Budget panel."""
        panel = self.show_panel("budget")
        show = getattr(panel, "show_year", None)
        if show is None:
            return
        try:
            show(year)
        except FinsamError as error:  # e.g. the year was removed meanwhile
            dialogs.show_error(self, _("The budget could not be shown"), str(error))

    def open_target(self, target: object) -> None:
        """Show the panel, tab and record an overview item names (`Target`)."""
        from finsam_desktop.ui.panels.overview.targets import open_target

        open_target(self, target)

    def show_search(self) -> None:
        """Ctrl+F: show the search box with the cursor in it."""
        if self.ctx.store is not None:
            self.search.focus_query()

    def current_panel_key(self) -> str | None:
        """The key of the panel on show, None for the "no file open" page."""
        current = self.stack.currentWidget()
        return next((k for k, p in self.panels.items() if p is current), None)

    def _nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        key = self.nav.key_of(item)
        if key is not None:
            self.show_panel(key)

    # Language, title, events ------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the whole UI to `code` now and remember the choice."""
        self.ctx.settings.set_language(code)
        translation.set_language(code)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("agency"):
            self._update_title()

    def _update_title(self) -> None:
        store = self.ctx.store
        if store is None:
            self.setWindowTitle(APP_NAME)
            self.file_label.setText(_("No file open"))
            return
        name = organisation.get_agency(store).name
        if store.read_only:
            name = _("{name} (read-only)").format(name=name or APP_NAME)
        self.setWindowTitle(f"{name} – {APP_NAME}" if name else APP_NAME)
        self.file_label.setText(str(store.path) if store.path else _("(in memory)"))

    def _about(self) -> None:
        dialogs.show_info(self, _("About FINSAM Desktop"), _(
            "FINSAM Desktop {version}\n\nBoard, members and decisions of a Swedish "
            "coordination agency (samordningsförbund), kept in one file.").format(
                version=__version__))

    def _restore_window(self) -> None:
        geometry = self.ctx.settings.geometry() if self._remember else None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self.ctx.settings.window_state() if self._remember else None
        if state is not None:
            self.restoreState(state)

    def _commit_focused_field(self) -> None:
        """Let the field being typed in save itself (fields save when left) while the file
        is still open: closing the window or the file must not lose what was typed."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_focused_field()
        self.autobackup.switch(None)
        if self._remember:
            self.ctx.settings.save_window(self.saveGeometry(), self.saveState())
            self.ctx.settings.sync()
        self.ctx.replace_store(None)
        super().closeEvent(event)


def _same_file(open_path: Path, path: str) -> bool:
    """True if `path` names the file already open."""
    try:
        return open_path.resolve() == Path(path).resolve()
    except OSError:
        return False
