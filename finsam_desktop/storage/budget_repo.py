"""Budget years, versions, lines, amounts, actuals, forecasts, payments and texts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlite_utils import Database

from finsam_desktop.domain.budget import BudgetLine, BudgetVersion, BudgetYear, Payment
from finsam_desktop.domain.errors import NotFoundError
from finsam_desktop.i18n import _
from finsam_desktop.storage.mapping import TableMapper, from_row, to_row

_VERSION_SQL = ("SELECT v.*, a.item_id AS adopted_item_id FROM budget_versions v "
                "LEFT JOIN budget_adoptions a ON a.version_id = v.id")


class BudgetRepo:
    """Reads and writes the budget tables (never commits)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.lines = TableMapper(db, "budget_lines", BudgetLine, order_by="year, position, id")
        self.payments = TableMapper(db, "contribution_payments", Payment,
                                    order_by="year, received_on, id")

    # years ------------------------------------------------------------------------------
    def years(self) -> list[int]:
        """Every budget year, ascending."""
        return [r[0] for r in self.db.execute("SELECT year FROM budget_years ORDER BY year")]

    def year(self, year: int) -> BudgetYear:
        """One budget year, or NotFoundError."""
        rows = list(self.db.query("SELECT * FROM budget_years WHERE year = ?", [year]))
        if not rows:
            raise NotFoundError(_("There is no budget for {year}.").format(year=year))
        return from_row(BudgetYear, rows[0])

    def save_year(self, budget_year: BudgetYear) -> None:
        """Insert or overwrite a budget year."""
        self.db["budget_years"].upsert(to_row(budget_year), pk="year")

    # versions ---------------------------------------------------------------------------
    def versions(self, year: int) -> list[BudgetVersion]:
        """The year's versions, oldest first."""
        rows = self.db.query(_VERSION_SQL + " WHERE v.year = ? ORDER BY v.id", [year])
        return [from_row(BudgetVersion, r) for r in rows]

    def version(self, version_id: int) -> BudgetVersion:
        """One version, or NotFoundError."""
        rows = list(self.db.query(_VERSION_SQL + " WHERE v.id = ?", [version_id]))
        if not rows:
            raise NotFoundError(_("The budget version no longer exists."))
        return from_row(BudgetVersion, rows[0])

    def insert_version(self, version: BudgetVersion) -> int:
        """Store a new version (its adoption separately); returns the id."""
        row = to_row(version)
        row.pop("adopted_item_id")
        if not row.get("id"):
            row.pop("id")
        return int(self.db["budget_versions"].insert(row).last_pk)  # type: ignore[union-attr]

    def delete_version(self, version_id: int) -> None:
        """Remove an unadopted version with its amounts and texts."""
        for table in ("budget_amounts", "budget_texts"):
            self.db.execute(f"DELETE FROM {table} WHERE version_id = ?", [version_id])
        self.db.execute("DELETE FROM budget_versions WHERE id = ?", [version_id])

    def set_kind(self, version_id: int, kind: str) -> None:
        """Change how a version is labelled (proposal → adopted)."""
        self.db.execute("UPDATE budget_versions SET kind = ? WHERE id = ?", [kind, version_id])

    def adopt(self, version_id: int, item_id: int | None) -> None:
        """Link a version to the § that adopted it (None: remove the link)."""
        self.db.execute("DELETE FROM budget_adoptions WHERE version_id = ?", [version_id])
        if item_id is not None:
            self.db.execute("INSERT INTO budget_adoptions (version_id, item_id) VALUES (?, ?)",
                            [version_id, item_id])

    # lines and amounts ------------------------------------------------------------------
    def lines_of(self, year: int) -> list[BudgetLine]:
        """The year's lines in budget order (income first, then costs)."""
        rows = self.db.query(
            "SELECT * FROM budget_lines WHERE year = ? ORDER BY " + _AREA_ORDER
            + ", position, id", [year])
        return [from_row(BudgetLine, r) for r in rows]

    def amounts(self, version_id: int) -> dict[int, list[int]]:
        """Line id → [budget year, plan year 1, plan year 2] in öre."""
        result: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for line_id, plan_year, amount in self.db.execute(
                "SELECT line_id, plan_year, amount_ore FROM budget_amounts WHERE version_id = ?",
                [version_id]):
            result[line_id][plan_year] = amount
        return dict(result)

    def set_amount(self, version_id: int, line_id: int, plan_year: int, amount_ore: int) -> None:
        """Write one amount (0 removes it)."""
        self.db.execute("DELETE FROM budget_amounts WHERE version_id = ? AND line_id = ? "
                        "AND plan_year = ?", [version_id, line_id, plan_year])
        if amount_ore:
            self.db.execute("INSERT INTO budget_amounts VALUES (?, ?, ?, ?)",
                            [version_id, line_id, plan_year, amount_ore])

    def line_in_use(self, line_id: int) -> bool:
        """True when actuals or a forecast are recorded on the line."""
        sql = ("SELECT EXISTS (SELECT 1 FROM budget_actuals WHERE line_id = :id) "
               "OR EXISTS (SELECT 1 FROM budget_forecasts WHERE line_id = :id)")
        return bool(self.db.execute(sql, {"id": line_id}).fetchone()[0])

    def delete_line(self, line_id: int) -> None:
        """Remove a line and its amounts in unadopted versions (the trigger guards the rest)."""
        self.db.execute("DELETE FROM budget_amounts WHERE line_id = ?", [line_id])
        self.db.execute("DELETE FROM budget_lines WHERE id = ?", [line_id])

    # actuals and forecasts --------------------------------------------------------------
    def actuals(self, year: int) -> dict[int, dict[int, int]]:
        """Line id → {month: öre} for the year's lines."""
        result: dict[int, dict[int, int]] = defaultdict(dict)
        for line_id, month, amount in self.db.execute(
                "SELECT a.line_id, a.month, a.amount_ore FROM budget_actuals a "
                "JOIN budget_lines l ON l.id = a.line_id WHERE l.year = ?", [year]):
            result[line_id][month] = amount
        return dict(result)

    def set_actual(self, line_id: int, month: int, amount_ore: int | None) -> None:
        """Write one month's actual (None removes it)."""
        self.db.execute("DELETE FROM budget_actuals WHERE line_id = ? AND month = ?",
                        [line_id, month])
        if amount_ore is not None:
            self.db.execute("INSERT INTO budget_actuals VALUES (?, ?, ?)",
                            [line_id, month, amount_ore])

    def forecasts(self, year: int) -> dict[int, tuple[int, str]]:
        """Line id → (forecast öre, note) entered for the year's lines."""
        rows = self.db.execute(
            "SELECT f.line_id, f.amount_ore, f.note FROM budget_forecasts f "
            "JOIN budget_lines l ON l.id = f.line_id WHERE l.year = ?", [year])
        return {line_id: (amount, note) for line_id, amount, note in rows}

    def set_forecast(self, line_id: int, amount_ore: int | None, note: str = "") -> None:
        """Enter a forecast for a line (None: back to actual + remaining plan)."""
        self.db.execute("DELETE FROM budget_forecasts WHERE line_id = ?", [line_id])
        if amount_ore is not None:
            self.db.execute("INSERT INTO budget_forecasts VALUES (?, ?, ?)",
                            [line_id, amount_ore, note])

    # payments ---------------------------------------------------------------------------
    def payments_of(self, year: int) -> list[Payment]:
        """Contributions received for the year."""
        rows = self.db.query("SELECT * FROM contribution_payments WHERE year = ? "
                             "ORDER BY received_on, id", [year])
        return [from_row(Payment, r) for r in rows]

    def member_paid(self, member_id: int) -> bool:
        """True when payments from the member are recorded."""
        return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM contribution_payments WHERE "
                                    "member_id = ?)", [member_id]).fetchone()[0])

    # texts ------------------------------------------------------------------------------
    def texts(self, version_id: int) -> dict[str, str]:
        """Section → narrative text of a version."""
        rows = self.db.execute("SELECT section, body FROM budget_texts WHERE version_id = ?",
                               [version_id])
        return dict(rows.fetchall())

    def set_text(self, version_id: int, section: str, body: str) -> None:
        """Write one narrative section."""
        self.db["budget_texts"].upsert({"version_id": version_id, "section": section,
                                        "body": body}, pk=("version_id", "section"))

    def copy_texts(self, source_id: int, target_id: int) -> None:
        """Give a new version the narrative texts of another."""
        self.db.execute("INSERT INTO budget_texts (version_id, section, body) "
                        "SELECT ?, section, body FROM budget_texts WHERE version_id = ?",
                        [target_id, source_id])

    def adopting_items(self) -> Iterable[tuple[int, int]]:
        """(version id, item id) of every adoption."""
        return self.db.execute("SELECT version_id, item_id FROM budget_adoptions").fetchall()


_AREA_ORDER = ("CASE area WHEN 'contributions' THEN 0 WHEN 'other_income' THEN 1 "
               "WHEN 'board' THEN 2 WHEN 'administration' THEN 3 WHEN 'audit' THEN 4 ELSE 5 END")
