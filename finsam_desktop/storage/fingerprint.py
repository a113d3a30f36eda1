"""The schema fingerprint: does a file hold exactly the tables, indexes, views and triggers
FINSAM Desktop's migrations create, and nothing else?

`trusted_schema=OFF` keeps a planted view or trigger from calling application functions,
but a planted *trigger* still runs ordinary SQL on every save (it could copy data elsewhere
in the file or change what is saved). So each file's `sqlite_schema` (type, name, table,
SQL with whitespace normalised) is compared with what the migrations it lists produce in a
fresh in-memory database, built once per process and set of migrations.

Two kinds of objects are compared by type and name only, because their SQL text is written
by a library rather than by our migrations and may differ between versions: the shadow
tables of the full-text index (FTS5) and sqlite-utils' `_sqlite_migrations` table with its
index. Statistics tables that `ANALYZE` creates are accepted in their standard form.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass, field

from finsam_desktop.i18n import _

SchemaObject = tuple[str, str, str, str]  # type, name, tbl_name, normalised SQL

_LIBRARY_TABLES = ("_sqlite_migrations",)
_STAT_TABLES = {
    "sqlite_stat1": "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    "sqlite_stat4": "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}


@dataclass
class SchemaDifferences:
    """What a file has that the migrations do not create, what it lacks, what differs."""

    extra: list[SchemaObject] = field(default_factory=list)
    missing: list[SchemaObject] = field(default_factory=list)
    changed: list[SchemaObject] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.extra or self.missing or self.changed)

    def descriptions(self) -> list[str]:
        """One phrase per difference, e.g. "an extra trigger “x” on table “members”"."""
        return ([_describe("extra", o) for o in self.extra]
                + [_describe("missing", o) for o in self.missing]
                + [_describe("changed", o) for o in self.changed])


def _phrases() -> dict[tuple[str, str], str]:
    """Whole phrases (a kind and its adjective agree in Swedish: "ett extra index")."""
    return {
        ("extra", "table"): _("an extra table “{name}”"),
        ("extra", "index"): _("an extra index “{name}”"),
        ("extra", "view"): _("an extra view “{name}”"),
        ("extra", "trigger"): _("an extra trigger “{name}”"),
        ("missing", "table"): _("a missing table “{name}”"),
        ("missing", "index"): _("a missing index “{name}”"),
        ("missing", "view"): _("a missing view “{name}”"),
        ("missing", "trigger"): _("a missing trigger “{name}”"),
        ("changed", "table"): _("a changed table “{name}”"),
        ("changed", "index"): _("a changed index “{name}”"),
        ("changed", "view"): _("a changed view “{name}”"),
        ("changed", "trigger"): _("a changed trigger “{name}”"),
    }


def _describe(difference: str, obj: SchemaObject) -> str:
    kind, name, table, _sql = obj
    template = _phrases().get((difference, kind), _("an unknown object “{name}”"))
    text = template.format(name=name)
    if kind in ("index", "trigger") and table and table != name:
        text += " " + _("on table “{table}”").format(table=table)
    return text


def _normalise(sql: str | None) -> str:
    return " ".join((sql or "").split())


def file_objects(conn: sqlite3.Connection) -> set[SchemaObject]:
    """Every schema object of the file behind `conn`."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return {(str(t), str(n), str(tb), _normalise(s)) for t, n, tb, s in rows}


@functools.cache
def expected_objects(applied: tuple[str, ...]) -> frozenset[SchemaObject]:
    """The objects the migrations `applied` (a prefix of the known ones) create."""
    from finsam_desktop.storage.connection import connect
    from finsam_desktop.storage.migrations import ScriptDatabase, known_names, migrations

    conn = connect(":memory:")
    try:
        names = known_names()
        stop = names[len(applied)] if len(applied) < len(names) else None
        if applied:
            migrations.apply(ScriptDatabase(conn), stop_before=stop)
        return frozenset(file_objects(conn))
    finally:
        conn.close()


def _library_owned(obj: SchemaObject, virtual_tables: set[str]) -> bool:
    kind, name, table, _sql = obj
    if table in _LIBRARY_TABLES and kind in ("table", "index"):
        return True
    return kind == "table" and any(name.startswith(v + "_") for v in virtual_tables)


def compare(conn: sqlite3.Connection, applied: list[str]) -> SchemaDifferences:
    """The differences between the file's schema and the one `applied` migrations create.

    `applied` must be a prefix of the known migrations (a newer file is refused before)."""
    expected = expected_objects(tuple(applied))
    found = {o for o in file_objects(conn) if _STAT_TABLES.get(o[1]) != o[3]}
    virtual = {o[1] for o in expected if o[0] == "table" and o[3].startswith("CREATE VIRTUAL")}
    by_key = {o[:3]: o for o in expected}
    found_keys = {o[:3]: o for o in found}
    diff = SchemaDifferences()
    for key, obj in sorted(found_keys.items()):
        wanted = by_key.get(key)
        if wanted is None:
            diff.extra.append(obj)
        elif wanted != obj and not _library_owned(wanted, virtual):
            diff.changed.append(obj)
    diff.missing = [o for k, o in sorted(by_key.items()) if k not in found_keys]
    return diff
