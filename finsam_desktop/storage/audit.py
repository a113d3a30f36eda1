"""The append-only audit log: when, which user, what, before and after (as JSON).

Triggers in the schema refuse UPDATE and DELETE on `audit_log`, so entries cannot be
rewritten through the app, sqlite-utils or plain SQL on a normal connection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from finsam_desktop.storage.mapping import to_row


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One logged change."""

    id: int
    at: str
    user_name: str
    action: str
    entity: str
    entity_id: int | None
    before_json: str | None
    after_json: str | None


def _as_json(value: Any) -> str | None:
    if value is None:
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = to_row(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class AuditRepo:
    """Writes and reads the audit log."""

    def __init__(self, db: Database, user_name: str, clock: Any) -> None:
        self.db, self.user_name, self.clock = db, user_name, clock

    def log(self, action: str, entity: str, entity_id: int | None,
            before: Any = None, after: Any = None) -> None:
        """Append one entry stamped with the current UTC time and user name."""
        now: dt.datetime = self.clock()
        self.db["audit_log"].insert({
            "at": now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            "user_name": self.user_name,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before_json": _as_json(before),
            "after_json": _as_json(after),
        })

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        """The newest entries first."""
        rows = self.db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
        return [AuditEntry(**r) for r in rows]

    def count(self) -> int:
        """Number of entries."""
        return int(self.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
