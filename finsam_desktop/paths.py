"""Where things live: bundled resources and per-user folders (no Qt).

Per-user folders come from platformdirs, so they follow each system's rules and never lie
inside the installation (which may be read-only, and is replaced on every update):

- databases, with their `backups/` beside them: `%LOCALAPPDATA%\\FINSAM\\FINSAM Desktop`
  (Windows), `~/Library/Application Support/FINSAM Desktop` (macOS),
  `~/.local/share/FINSAM Desktop` (Linux);
- log files: `%LOCALAPPDATA%\\FINSAM\\FINSAM Desktop\\Logs` (Windows),
  `~/Library/Logs/FINSAM Desktop` (macOS), `~/.local/state/FINSAM Desktop/log` (Linux).

Per-user settings (window, recent files, language) are Qt's QSettings for organisation
"FINSAM", application "FINSAM Desktop" (`ui/settings.py`): the registry key
`HKCU\\Software\\FINSAM\\FINSAM Desktop` on Windows, a .plist in `~/Library/Preferences`
on macOS and `~/.config/FINSAM/FINSAM Desktop.conf` on Linux.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "FINSAM Desktop"
APP_AUTHOR = "FINSAM"
DEFAULT_DATABASE = "samordningsforbund.finsam"


def resources_dir() -> Path:
    """The `resources/` folder in a source checkout, a frozen bundle or an installed wheel."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parents[1] / "resources"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. resource("locale", "sv", ...)."""
    return resources_dir().joinpath(*parts)


def is_frozen() -> bool:
    """True in an installed bundle (PyInstaller), False when run from source or a wheel."""
    return bool(getattr(sys, "frozen", False))


def user_data_dir() -> Path:
    """Per-user folder for new databases (never inside the installation); not created here."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def user_log_dir() -> Path:
    """Per-user folder for the application's log files; not created here."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    """Where a new agency file is suggested: in the user's data folder (its backups go to
    `backups/` beside it, see storage.backup)."""
    return user_data_dir() / DEFAULT_DATABASE
