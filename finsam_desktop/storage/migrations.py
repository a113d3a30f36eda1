"""The schema, as numbered migrations (sqlite-utils `Migrations`, set "finsam").

Rules: migrations are append-only (never edit a released one, add `000N_fix_…`); each runs
in one transaction together with its record in `_sqlite_migrations`; each sets
`PRAGMA user_version` to its number so other tools can see the version. A file listing a
migration this build does not know was written by a newer version and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from finsam_desktop.storage.connection import APPLICATION_ID

migrations = Migrations("finsam")


def _stamp(db: Database, number: int) -> None:
    db.execute(f"PRAGMA user_version = {int(number)}")


@migrations(name="0001_organisation")
def _0001_organisation(db: Database) -> None:
    """Agency profile, charter settings, members, people, board seats, staff, audit log."""
    db.executescript(_SCHEMA_0001)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _stamp(db, 1)


_DATE = "{col} TEXT CHECK ({col} IS NULL OR date({col}) IS {col})"

_SCHEMA_0001 = f"""
CREATE TABLE agency (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    org_number TEXT NOT NULL DEFAULT '',
    seat TEXT NOT NULL DEFAULT '',
    notice_place TEXT NOT NULL DEFAULT '',
    minutes_kept_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL
        CHECK (kind IN ('forsakringskassan', 'arbetsformedlingen', 'region', 'municipality')),
    share_ppm INTEGER NOT NULL DEFAULT 0 CHECK (share_ppm BETWEEN 0 AND 1000000),
    population INTEGER CHECK (population IS NULL OR population >= 0),
    org_number TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="joined_on")},
    {_DATE.format(col="left_on")}
) STRICT;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    political_party TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE seats (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    appointed_by_id INTEGER NOT NULL REFERENCES members(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'deputy')),
    category TEXT NOT NULL CHECK (category IN ('elected', 'employee')),
    term_from TEXT NOT NULL CHECK (date(term_from) IS term_from),
    {_DATE.format(col="term_to")} CHECK (term_to IS NULL OR term_to >= term_from),
    function TEXT NOT NULL DEFAULT 'none'
        CHECK (function IN ('none', 'chair', 'vice_chair_1', 'vice_chair_2')),
    substitute_order INTEGER CHECK (substitute_order IS NULL OR substitute_order >= 1),
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX seats_by_term ON seats (term_from, term_to);
CREATE INDEX seats_by_person ON seats (person_id);
CREATE INDEX seats_by_member ON seats (member_id);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('director', 'secretary', 'finance', 'coordinator', 'other')),
    title TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="from_date")},
    {_DATE.format(col="to_date")}
) STRICT;
CREATE INDEX staff_by_person ON staff (person_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before_json TEXT,
    after_json TEXT
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def known_names() -> list[str]:
    """Names of every migration this build knows, in order."""
    return [m.name for m in migrations._migrations]
