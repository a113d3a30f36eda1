"""`Changes`: what one service call modified, so the UI refreshes only what it must."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """Tables (and row ids) a service call wrote; the contract between services and the UI."""

    tables: frozenset[str] = frozenset()
    ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, *tables: str, ids: tuple[int, ...] | list[int] = ()) -> Changes:
        """Shorthand: `Changes.of("members", ids=[3])`."""
        return cls(frozenset(tables), frozenset(ids))

    def touches(self, *tables: str) -> bool:
        """True when any of `tables` was written."""
        return not self.tables.isdisjoint(tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids | other.ids)
