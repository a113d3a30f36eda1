"""The full-text index of paragraphs (SQLite FTS5, Swedish-aware).

One index row per agenda item/paragraph (rowid = item id): the title, and as body its
background, proposal, decision, motions, reservations and protocol notes. The tokenizer
keeps diacritics (`unicode61 remove_diacritics 0`), so "far" does not match "får".
The index is kept by the services that change text (`reindex`), not by triggers: with
`trusted_schema=OFF` (a defence against hostile files) SQLite refuses FTS5 in triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

_DOCUMENT = """
SELECT i.id, i.title,
       i.background || char(10) || i.proposal || char(10) || i.decision || char(10) ||
       coalesce((SELECT group_concat(m.mover_name || ': ' || m.text, char(10))
                 FROM motions m WHERE m.item_id = i.id), '') || char(10) ||
       coalesce((SELECT group_concat(s.name || ': ' || s.text, char(10))
                 FROM statements s WHERE s.item_id = i.id), '')
FROM items i
"""


def reindex(db: Database, item_ids: list[int] | set[int]) -> None:
    """Bring the index rows of these items up to date (removed items drop out)."""
    for item_id in set(item_ids):
        db.execute("DELETE FROM search_index WHERE rowid = ?", [item_id])
        db.execute(f"INSERT INTO search_index (rowid, title, body) {_DOCUMENT} WHERE i.id = ?",
                   [item_id])


def rebuild(db: Database) -> None:
    """Recreate the whole index from the minutes."""
    db.execute("DELETE FROM search_index")
    db.execute(f"INSERT INTO search_index (rowid, title, body) {_DOCUMENT}")


def count(db: Database) -> int:
    """Number of indexed paragraphs."""
    return int(db.execute("SELECT count(*) FROM search_index").fetchone()[0])


@dataclass(frozen=True, slots=True)
class RawHit:
    """One matching item with highlighted snippets ([ and ] around matches)."""

    item_id: int
    meeting_id: int
    meeting_date: str
    first_number: int | None
    position: int
    title: str
    title_marked: str
    snippet: str
    rank: float


def search(db: Database, query: str, limit: int) -> list[RawHit]:
    """Items matching an FTS5 `query` (already made safe), best first."""
    sql = """
        SELECT i.id, i.meeting_id, m.date, m.first_number, i.position, i.title,
               highlight(search_index, 0, char(2), char(3)),
               snippet(search_index, 1, char(2), char(3), '…', 16), search_index.rank
        FROM search_index JOIN items i ON i.id = search_index.rowid
        JOIN meetings m ON m.id = i.meeting_id
        WHERE search_index MATCH :q ORDER BY search_index.rank LIMIT :n
    """
    rows = db.execute(sql, {"q": query, "n": limit}).fetchall()
    return [RawHit(*row) for row in rows]
