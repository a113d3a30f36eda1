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


SEARCH_SQL = """
    SELECT i.id, i.meeting_id, m.date, m.first_number, i.position, i.title,
           highlight(search_index, 0, char(2), char(3)),
           snippet(search_index, 1, char(2), char(3), '…', 16), search_index.rank
    FROM search_index JOIN items i ON i.id = search_index.rowid
    JOIN meetings m ON m.id = i.meeting_id
    WHERE search_index MATCH :q ORDER BY {order} LIMIT :n
"""
RANKED_UP_TO = 2_000
"""Above this many matches, hits come newest first instead of best first: ranking means
scoring every match (a word in half of 100 000 paragraphs: ~0.1–0.25 s per keystroke),
while the newest 100 come straight from the index (< 3 ms), and a word that common ranks
almost every paragraph alike anyway."""
_COUNT_SQL = "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH :q " \
             "LIMIT :cap)"


def search(db: Database, query: str, limit: int) -> list[RawHit]:
    """Items matching an FTS5 `query` (already made safe): best first, or the most recently
    recorded first when more than `RANKED_UP_TO` paragraphs match."""
    many = db.execute(_COUNT_SQL, {"q": query, "cap": RANKED_UP_TO + 1}).fetchone()[0] \
        > RANKED_UP_TO
    order = "search_index.rowid DESC" if many else "search_index.rank"
    rows = db.execute(SEARCH_SQL.format(order=order), {"q": query, "n": limit}).fetchall()
    return [RawHit(*row) for row in rows]
