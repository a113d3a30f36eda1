"""Meetings, agenda items/paragraphs and everything minuted in them."""

from __future__ import annotations

from sqlite_utils import Database

from finsam_desktop.domain.meetings import (
    Attachment,
    Attendee,
    Ballot,
    Item,
    Jav,
    Meeting,
    Motion,
    Posting,
    Seal,
    ServingRow,
    Signer,
    Statement,
    Vote,
)
from finsam_desktop.storage.mapping import TableMapper, from_row


class MeetingsRepo:
    """Reads and writes meeting records (never commits)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.meetings = TableMapper(db, "meetings", Meeting, order_by="date, start_time, id")
        self.items = TableMapper(db, "items", Item, order_by="meeting_id, position")
        self.attachments = TableMapper(db, "attachments", Attachment)
        self.attendance = TableMapper(db, "attendance", Attendee)
        self.jav = TableMapper(db, "jav", Jav)
        self.motions = TableMapper(db, "motions", Motion, order_by="item_id, position, id")
        self.votes = TableMapper(db, "votes", Vote)
        self.ballots = TableMapper(db, "ballots", Ballot)
        self.statements = TableMapper(db, "statements", Statement)
        self.signers = TableMapper(db, "signers", Signer)
        self.serving = TableMapper(db, "serving", ServingRow)

    def _where[T](self, mapper: TableMapper[T], where: str, **params: object) -> list[T]:
        sql = f"SELECT * FROM [{mapper.table}] WHERE {where} ORDER BY {mapper.order_by}"
        return [from_row(mapper.cls, r) for r in self.db.query(sql, params)]

    def in_year(self, year: int | None) -> list[Meeting]:
        """Meetings of a calendar year (all when None), by date."""
        if year is None:
            return self.meetings.all()
        return self._where(self.meetings, "substr(date, 1, 4) = :y", y=f"{year:04d}")

    def years(self) -> list[int]:
        """Calendar years that have meetings."""
        rows = self.db.execute("SELECT DISTINCT substr(date, 1, 4) FROM meetings ORDER BY 1")
        return [int(r[0]) for r in rows.fetchall()]

    def items_of(self, meeting_id: int) -> list[Item]:
        """Agenda items / paragraphs of a meeting, in order."""
        return self._where(self.items, "meeting_id = :m", m=meeting_id)

    def item_counts(self) -> dict[int, int]:
        """Meeting id → number of items."""
        rows = self.db.execute("SELECT meeting_id, count(*) FROM items GROUP BY meeting_id")
        return {m: n for m, n in rows.fetchall()}

    def attachments_of(self, item_id: int) -> list[Attachment]:
        """Attachments of one item."""
        return self._where(self.attachments, "item_id = :i", i=item_id)

    def attendance_of(self, meeting_id: int) -> list[Attendee]:
        """Everyone recorded at a meeting."""
        return self._where(self.attendance, "meeting_id = :m", m=meeting_id)

    def jav_of_meeting(self, meeting_id: int) -> list[Jav]:
        """Declared jäv at a meeting."""
        return self._where(self.jav, "meeting_id = :m", m=meeting_id)

    def motions_of(self, item_id: int) -> list[Motion]:
        """Motions of one paragraph in order."""
        return self._where(self.motions, "item_id = :i", i=item_id)

    def votes_of(self, item_id: int) -> list[Vote]:
        """Votes of one paragraph."""
        return self._where(self.votes, "item_id = :i", i=item_id)

    def ballots_of(self, vote_id: int) -> list[Ballot]:
        """Ballots of one open vote."""
        return self._where(self.ballots, "vote_id = :v", v=vote_id)

    def statements_of(self, item_id: int) -> list[Statement]:
        """Reservations and protocol notes of one paragraph."""
        return self._where(self.statements, "item_id = :i", i=item_id)

    def signers_of(self, meeting_id: int) -> list[Signer]:
        """Who signs the minutes."""
        return self._where(self.signers, "meeting_id = :m", m=meeting_id)

    def serving_of(self, meeting_id: int) -> list[ServingRow]:
        """The frozen serving lists of a sealed meeting."""
        return self._where(self.serving, "meeting_id = :m", m=meeting_id)

    def seal_of(self, meeting_id: int) -> Seal | None:
        """The seal of a signed meeting, or None."""
        rows = list(self.db.query("SELECT * FROM seals WHERE meeting_id = ?", [meeting_id]))
        return from_row(Seal, rows[0]) if rows else None

    def sealed_ids(self) -> set[int]:
        """Ids of all sealed meetings."""
        return {r[0] for r in self.db.execute("SELECT meeting_id FROM seals").fetchall()}

    def posting_of(self, meeting_id: int) -> Posting | None:
        """The notice of a posted protocol, or None."""
        rows = list(self.db.query("SELECT * FROM postings WHERE meeting_id = ?", [meeting_id]))
        return from_row(Posting, rows[0]) if rows else None

    def save_posting(self, posting: Posting) -> None:
        """Write the posting of a protocol."""
        from finsam_desktop.storage.mapping import to_row

        self.db["postings"].upsert(to_row(posting), pk="meeting_id")

    def last_number_between(self, start: str, end: str, exclude: int) -> int | None:
        """Highest § number used by other meetings dated in [start, end)."""
        sql = (
            "SELECT max(m.first_number + (SELECT count(*) FROM items i WHERE i.meeting_id = m.id)"
            " - 1) FROM meetings m WHERE m.first_number IS NOT NULL AND m.id != :x "
            "AND m.date >= :a AND m.date < :b"
        )
        value = self.db.execute(sql, {"x": exclude, "a": start, "b": end}).fetchone()[0]
        return None if value is None else int(value)

    def numbered_after(self, meeting: Meeting, start: str, end: str) -> list[Meeting]:
        """Meetings later in the same numbering period that already have § numbers."""
        where = ("first_number IS NOT NULL AND id != :x AND date >= :a AND date < :b "
                 "AND (date > :d OR (date = :d AND id > :x))")
        return self._where(self.meetings, where, x=meeting.id, a=start, b=end,
                           d=meeting.date.isoformat())

    def shift_positions(self, meeting_id: int, from_position: int, delta: int) -> None:
        """Move items at or after `from_position` by `delta` (two steps keep UNIQUE happy)."""
        params = {"m": meeting_id, "p": from_position}
        self.db.execute("UPDATE items SET position = position + 100000 "
                        "WHERE meeting_id = :m AND position >= :p", params)
        self.db.execute(f"UPDATE items SET position = position - 100000 + ({int(delta)}) "
                        "WHERE meeting_id = :m AND position >= 100000", params)

    def delete_where(self, table: str, where: str, **params: object) -> None:
        """Delete rows of one of the meeting tables."""
        self.db.execute(f"DELETE FROM [{table}] WHERE {where}", params)
