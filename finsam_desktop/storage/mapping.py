"""Map frozen domain dataclasses to table rows and back (dates as ISO text, enums as text).

`TableMapper` gives each repository the plain CRUD it needs; queries beyond that are written
as SQL in the repository next to where they are used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import typing
from typing import Any

from sqlite_utils import Database

from finsam_desktop.domain.errors import NotFoundError
from finsam_desktop.i18n import _


def to_row(obj: Any) -> dict[str, Any]:
    """A dataclass as a dict of SQLite values."""
    return {f.name: _to_sql(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _to_sql(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def from_row[T](cls: type[T], row: dict[str, Any]) -> T:
    """Build `cls` from a row, converting ISO text to dates and text to enums."""
    values = {name: _from_sql(hint, row[name]) for name, hint in _field_hints(cls)
              if name in row}
    return cls(**values)


def _from_sql(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    for candidate in typing.get_args(hint) or (hint,):
        if candidate is type(None):
            continue
        if candidate is dt.date:
            return dt.date.fromisoformat(value)
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate(value)
        if candidate is bool:
            return bool(value)
    return value


class TableMapper[T]:
    """CRUD for one table whose columns are exactly the fields of a dataclass."""

    def __init__(self, db: Database, table: str, cls: type[T], order_by: str = "id") -> None:
        self.db, self.table, self.cls, self.order_by = db, table, cls, order_by

    def all(self) -> list[T]:
        """Every row, in the table's natural order."""
        rows = self.db.query(f"SELECT * FROM [{self.table}] ORDER BY {self.order_by}")
        return [from_row(self.cls, r) for r in rows]

    def all_by_id(self) -> dict[int, T]:
        """Every row keyed by id."""
        return {getattr(r, "id"): r for r in self.all()}  # noqa: B009

    def get(self, record_id: int) -> T:
        """One row by id, or NotFoundError."""
        rows = list(self.db.query(f"SELECT * FROM [{self.table}] WHERE id = ?", [record_id]))
        if not rows:
            raise NotFoundError(_("The record no longer exists (it may have been removed)."))
        return from_row(self.cls, rows[0])

    def insert(self, obj: T) -> int:
        """Insert `obj`; an id of 0 means "assign a new id". Returns the id."""
        row = to_row(obj)
        if not row.get("id"):
            row.pop("id", None)
        return int(self.db[self.table].insert(row).last_pk)  # type: ignore[union-attr]

    def update(self, obj: T) -> None:
        """Overwrite the row with the same id."""
        row = to_row(obj)
        self.db[self.table].update(row.pop("id"), row)  # type: ignore[union-attr]

    def delete(self, record_id: int) -> None:
        """Remove the row."""
        self.db.execute(f"DELETE FROM [{self.table}] WHERE id = ?", [record_id])
