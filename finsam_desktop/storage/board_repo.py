"""People, board seats, staff roles and auditors."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from finsam_desktop.domain.board import Auditor, Person, Seat, StaffRole
from finsam_desktop.storage.mapping import TableMapper, from_row


class BoardRepo:
    """Reads and writes people, seats and staff (never commits)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.people = TableMapper(db, "people", Person, order_by="name COLLATE NOCASE, id")
        self.seats = TableMapper(db, "seats", Seat, order_by="term_from, id")
        self.staff = TableMapper(db, "staff", StaffRole, order_by="from_date, id")
        self.auditors = TableMapper(db, "auditors", Auditor,
                                    order_by="coalesce(member_id, 1e9), from_date, id")

    def seats_on(self, day: dt.date) -> list[Seat]:
        """The board sitting on `day`: "who sat on the board on date D" as one query."""
        sql = (
            "SELECT * FROM seats WHERE term_from <= :d AND (term_to IS NULL OR term_to >= :d) "
            "ORDER BY member_id, role, coalesce(substitute_order, 999), id"
        )
        return [from_row(Seat, r) for r in self.db.query(sql, {"d": day.isoformat()})]

    def names(self) -> dict[int, str]:
        """Person id → name, for messages and lists."""
        return {r["id"]: r["name"] for r in self.db.query("SELECT id, name FROM people")}

    def references_to_person(self, person_id: int) -> int:
        """Seats, staff and auditor roles and minutes that refer to the person."""
        sql = " + ".join(
            f"(SELECT count(*) FROM {table} WHERE {column} = :p)"
            for table, column in (
                ("seats", "person_id"),
                ("staff", "person_id"),
                ("auditors", "person_id"),
                ("attendance", "person_id"),
                ("signers", "person_id"),
                ("motions", "mover_id"),
                ("statements", "person_id"),
                ("jav", "person_id"),
                ("ballots", "person_id"),
                ("serving", "person_id"),
            )
        )
        return int(self.db.execute(f"SELECT {sql}", {"p": person_id}).fetchone()[0])

    def minutes_using_seat(self, seat_id: int) -> int:
        """How many meetings' attendance lists refer to the seat."""
        sql = "SELECT count(*) FROM attendance WHERE seat_id = :s"
        return int(self.db.execute(sql, {"s": seat_id}).fetchone()[0])
