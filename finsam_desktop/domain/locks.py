"""Who has a file open for writing, and how that is told to a colleague.

A writer keeps one lock row inside the database (user, computer, process, since when, and a
heartbeat renewed every minute), so it travels with the file to other computers, shares and
sync folders where operating-system locks do not. A lock whose heartbeat is older than
`STALE_AFTER` is *stale*: its program has probably crashed or lost the network, and the lock
may be taken over after the user confirms. A fresh lock is never taken over: the colleague
can only open the file read-only.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from finsam_desktop.i18n import _

HEARTBEAT_EVERY = dt.timedelta(minutes=1)
STALE_AFTER = dt.timedelta(minutes=5)


class LockState(enum.Enum):
    """What a lock row found in a file means for someone who wants to write."""

    ALIVE = "alive"
    """Its writer is working: open read-only only."""
    STALE = "stale"
    """No heartbeat for `STALE_AFTER` (or an unknown writer): take over after confirming."""
    GONE = "gone"
    """Provably no writer: its process on this computer has ended, or the row came along
    with a copy of the file. Taken over without asking."""


@dataclass(frozen=True, slots=True)
class LockHolder:
    """One writer's lock: the row in the file, or what a lock file next to it says."""

    user_name: str
    host: str
    pid: int
    app_version: str = ""
    opened_at: dt.datetime | None = None
    heartbeat: dt.datetime | None = None
    token: str = ""
    path: str = ""
    file_id: str = ""

    def silent_for(self, now: dt.datetime) -> dt.timedelta | None:
        """How long since the last heartbeat (None: unknown)."""
        return None if self.heartbeat is None else now - self.heartbeat


def heartbeat_state(holder: LockHolder, now: dt.datetime) -> LockState:
    """ALIVE while the heartbeat is recent; STALE when it is old (or further in the future
    than clocks plausibly disagree, so a wrong clock cannot hold a file forever)."""
    silent = holder.silent_for(now)
    if silent is None or abs(silent) > STALE_AFTER:
        return LockState.STALE
    return LockState.ALIVE


def _when(moment: dt.datetime | None, now: dt.datetime) -> str:
    """"14:09" today, "2026-11-20 14:09" on another day (local time)."""
    if moment is None:
        return _("an unknown time")
    local, today = moment.astimezone(), now.astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def holder_name(holder: LockHolder) -> str:
    """The user's name, or the program when only a lock file is known."""
    return holder.user_name or _("another user")


def who_has_it(holder: LockHolder, now: dt.datetime) -> str:
    """"The file is open by Anna (computer LAPTOP-1) since 14:09." """
    return _("The file is open by {user} (computer {host}) since {when}.").format(
        user=holder_name(holder), host=holder.host or "?", when=_when(holder.opened_at, now))


def locked_message(holder: LockHolder, state: LockState, now: dt.datetime) -> str:
    """The whole message for someone who wants to open a locked file."""
    text = who_has_it(holder, now) + " " + _("You can open it read-only.")
    if state is LockState.STALE:
        text += "\n\n"
        silent = holder.silent_for(now)
        if silent is not None and silent > STALE_AFTER:
            text += _("Their program has not shown any sign of life for {minutes} "
                      "minutes.").format(minutes=int(silent.total_seconds() // 60)) + " "
        text += _("If you know that the program at {user} has crashed, you can take over "
                  "the lock – unsaved changes at {user} are then lost.").format(
                      user=holder_name(holder))
    return text
