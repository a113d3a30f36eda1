"""Agency profile, charter settings and member organisations."""

from __future__ import annotations

from sqlite_utils import Database

from finsam_desktop.domain.charter import CharterSettings
from finsam_desktop.domain.organisation import Agency, Member
from finsam_desktop.storage.mapping import TableMapper, from_row, to_row


class OrganisationRepo:
    """Reads and writes the agency, its settings and its members (never commits)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.members = TableMapper(db, "members", Member, order_by=_MEMBER_ORDER)

    def agency(self) -> Agency:
        """The agency profile (the single row of `agency`)."""
        row = next(self.db.query("SELECT * FROM agency WHERE id = 1"))
        return from_row(Agency, row)

    def has_agency(self) -> bool:
        """True once the agency profile has been written."""
        return self.db.execute("SELECT count(*) FROM agency").fetchone()[0] == 1

    def save_agency(self, agency: Agency) -> None:
        """Write the agency profile."""
        self.db["agency"].upsert({"id": 1, **to_row(agency)}, pk="id")

    def charter(self) -> CharterSettings:
        """The charter settings, defaults filled in for keys never stored."""
        texts = {r["key"]: r["value"] for r in self.db.query("SELECT key, value FROM settings")}
        return CharterSettings.from_texts(texts)

    def save_charter(self, settings: CharterSettings) -> None:
        """Write every charter setting."""
        rows = [{"key": k, "value": v} for k, v in settings.to_texts().items()]
        self.db["settings"].upsert_all(rows, pk="key")

    def seat_count(self, member_id: int) -> int:
        """How many seats (any period) refer to the member."""
        sql = "SELECT count(*) FROM seats WHERE member_id = :id OR appointed_by_id = :id"
        return int(self.db.execute(sql, {"id": member_id}).fetchone()[0])


# Statutory order: state, region(s), municipalities; then by name.
_MEMBER_ORDER = (
    "CASE kind WHEN 'forsakringskassan' THEN 0 WHEN 'arbetsformedlingen' THEN 1 "
    "WHEN 'region' THEN 2 ELSE 3 END, name COLLATE NOCASE"
)
