"""Per-user UI preferences in QSettings: window geometry and state, recent files, language.

Database-wide settings live in the database; only what belongs to this user on this
computer is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from finsam_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES

MAX_RECENT = 8


class UiSettings:
    """Typed access to the QSettings keys the UI uses (each declared once, with its default)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings()

    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        """The main window's saved toolbar/dock state, if any."""
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and state."""
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def recent_files(self) -> list[str]:
        """Recently opened databases, most recent first (at most 8)."""
        value = self._s.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent_file(self, path: str) -> None:
        """Put `path` first in the recent files list."""
        files = [path] + [f for f in self.recent_files() if f != path]
        self._s.setValue("files/recent", files[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        """Forget `path` (e.g. it no longer exists)."""
        self._s.setValue("files/recent", [f for f in self.recent_files() if f != path])

    def language(self) -> str:
        """The chosen language code ("sv" by default)."""
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, code: str) -> None:
        """Remember the chosen language."""
        self._s.setValue("ui/language", code)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()
