"""The annual report tables: the report, its texts, statement lines, notes and member cycles."""

from __future__ import annotations

from sqlite_utils import Database

from finsam_desktop.domain.annual import AnnualReport, MemberCycle, Note
from finsam_desktop.storage.mapping import from_row, to_row


class AnnualRepo:
    """Reads and writes the annual report tables (never commits)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def report(self, year: int) -> AnnualReport | None:
        """The year's report record, or None when none was started."""
        rows = list(self.db.query("SELECT * FROM annual_reports WHERE year = ?", [year]))
        return from_row(AnnualReport, rows[0]) if rows else None

    def save_report(self, report: AnnualReport) -> None:
        """Insert or overwrite the year's report record."""
        self.db["annual_reports"].upsert(to_row(report), pk="year")

    def years(self) -> list[int]:
        """Years with a report record."""
        return [r[0] for r in self.db.execute("SELECT year FROM annual_reports ORDER BY year")]

    def texts(self, year: int) -> dict[str, str]:
        """Section → text of the year's report."""
        return dict(self.db.execute("SELECT section, body FROM annual_texts WHERE year = ?",
                                    [year]).fetchall())

    def set_text(self, year: int, section: str, body: str) -> None:
        """Write one section."""
        self.db["annual_texts"].upsert({"year": year, "section": section, "body": body},
                                       pk=("year", "section"))

    def lines(self, year: int, statement: str) -> dict[str, tuple[int, str]]:
        """Code → (öre, note reference) entered for a statement of a year."""
        rows = self.db.execute("SELECT code, amount_ore, note_ref FROM statement_lines "
                               "WHERE year = ? AND statement = ?", [year, statement])
        return {code: (amount, note) for code, amount, note in rows}

    def set_line(self, year: int, statement: str, code: str, amount_ore: int | None,
                 note_ref: str = "") -> None:
        """Write one entered figure (None removes it)."""
        self.db.execute("DELETE FROM statement_lines WHERE year = ? AND statement = ? AND "
                        "code = ?", [year, statement, code])
        if amount_ore is not None:
            self.db.execute("INSERT INTO statement_lines VALUES (?, ?, ?, ?, ?)",
                            [year, statement, code, amount_ore, note_ref])

    def cycles(self, year: int) -> list[MemberCycle]:
        """Each member's dispatch and discharge record for the year."""
        rows = self.db.query("SELECT * FROM member_cycles WHERE year = ? ORDER BY member_id",
                             [year])
        return [from_row(MemberCycle, r) for r in rows]

    def save_cycle(self, cycle: MemberCycle) -> None:
        """Insert or overwrite a member's record."""
        self.db["member_cycles"].upsert(to_row(cycle), pk=("year", "member_id"))

    def notes(self, year: int) -> list[Note]:
        """The year's notes (2, 3, …) in number order."""
        rows = self.db.query("SELECT * FROM annual_notes WHERE year = ? ORDER BY number", [year])
        return [from_row(Note, r) for r in rows]

    def save_note(self, note: Note) -> None:
        """Insert or overwrite a note."""
        self.db["annual_notes"].upsert(to_row(note), pk=("year", "number"))

    def remove_note(self, year: int, number: int) -> None:
        """Delete a note."""
        self.db.execute("DELETE FROM annual_notes WHERE year = ? AND number = ?", [year, number])
