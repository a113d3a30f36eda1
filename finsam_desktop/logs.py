"""The desktop app's log file: a small rotating file in the user's log folder (no Qt).

What goes there: start (version, bundle or source, platform), files opened and created, and the
traceback of every unexpected error, so a user can send the file when something went wrong.
Nothing from the agency's data is logged beyond file names.
"""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from finsam_desktop import __version__, paths

LOGGER = "finsam_desktop"
FILE_NAME = "finsam-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

log = logging.getLogger(LOGGER)


def setup_file_logging(folder: Path | None = None) -> Path | None:
    """Log to `folder`/finsam-desktop.log (default: the user's log folder), rotating at 1 MB
    with 3 old files kept. Returns the log file, or None if the folder cannot be written (the
    app then runs without a log rather than not at all). Calling it again changes nothing."""
    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    target = (folder or paths.user_log_dir()) / FILE_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8", delay=True)
    except OSError as error:
        print(f"no log file ({error})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("FINSAM Desktop %s (%s) on %s, Python %s", __version__,
             "bundle" if paths.is_frozen() else "source", platform.platform(),
             platform.python_version())
    return target


def stop_file_logging() -> None:
    """Close and remove the log file handler (tests; the app keeps it until it exits)."""
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
