"""The main window's menus and actions (texts set in `translate_ui`, handlers wired by the
window)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from finsam_desktop.i18n import LANGUAGES, _
from finsam_desktop.ui.context import AppContext


class Menus:
    """File, Edit, Settings and Help menus of one main window."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.edit_menu = QMenu(window)
        self.settings_menu = QMenu(window)
        self.help_menu = QMenu(window)
        for menu in (self.file_menu, self.edit_menu, self.settings_menu, self.help_menu):
            bar.addMenu(menu)
        self.new = self._action(window, QKeySequence.StandardKey.New)
        self.open = self._action(window, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(window)
        self.save_copy = self._action(window, QKeySequence.StandardKey.SaveAs)
        self.backups = QAction(window)
        self.quit = self._action(window, QKeySequence.StandardKey.Quit)
        self.file_menu.addActions([self.new, self.open])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addActions([self.save_copy, self.backups])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.undo = ctx.undo_stack.createUndoAction(window)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = ctx.undo_stack.createRedoAction(window)
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.find = self._action(window, QKeySequence.StandardKey.Find)
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)
        self.language_menu = QMenu(window)
        self.languages = QActionGroup(window)
        for code, name in LANGUAGES.items():
            action = QAction(name, window, checkable=True)
            action.setData(code)
            self.languages.addAction(action)
            self.language_menu.addAction(action)
        self.settings_menu.addMenu(self.language_menu)
        self.about = QAction(window)
        self.help_menu.addAction(self.about)

    @staticmethod
    def _action(window: QMainWindow, shortcut: QKeySequence.StandardKey) -> QAction:
        action = QAction(window)
        action.setShortcut(shortcut)
        return action

    def check_language(self, code: str) -> None:
        """Tick the language in use."""
        for action in self.languages.actions():
            action.setChecked(action.data() == code)

    def translate_ui(self) -> None:
        """Set every menu and action text."""
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.settings_menu.setTitle(_("&Settings"))
        self.help_menu.setTitle(_("&Help"))
        self.new.setText(_("&New…"))
        self.open.setText(_("&Open…"))
        self.recent_menu.setTitle(_("Open &recent"))
        self.save_copy.setText(_("Save a &copy…"))
        self.backups.setText(_("&Backups…"))
        self.quit.setText(_("&Quit"))
        self.find.setText(_("&Search the minutes…"))
        self.language_menu.setTitle(_("&Language"))
        self.about.setText(_("&About FINSAM Desktop"))
