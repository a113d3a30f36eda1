"""Files handed to the running app by the system: on macOS a double-clicked `.finsam` file
arrives as a QFileOpenEvent (not as a command-line argument, as on Windows and Linux)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from finsam_desktop.ui.mainwindow import MainWindow


class FileOpenFilter(QObject):
    """An application event filter that opens each QFileOpenEvent's file in `window`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._window.open_path(path)
                return True
        return super().eventFilter(watched, event)
