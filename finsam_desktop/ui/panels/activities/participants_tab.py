"""The Participants tab: aggregated counts for the selected activity (never people).

Choose the year and period; three grids take the counts: started and finished by gender and
age band, occupation and income source before and after, and reasons for ending. A count is
typed into a cell, or a block is pasted from Excel (Ctrl+V: every cell is checked first, one
bad cell and nothing is written); Delete clears. A refused value stays red in its cell with
the reason. Below: the year's summary (all periods), the share who went on to work or
studies, the cost per participant with its definition, and totals that do not agree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.activities import (
    END_REASONS,
    GENDERS,
    INCOME_SOURCES,
    OCCUPATIONS,
    PERIODS,
    Activity,
    CostPerParticipant,
    Count,
    Measure,
    ParticipantSummary,
    consistency_notes,
    summarise,
)
from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.formatting import format_money, format_number
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import activities
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.common import hint
from finsam_desktop.ui.panels.budget.common import WARNING_STYLE, MessageLabel, percent
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.undo_activities import SetCounts
from finsam_desktop.ui.widgets.fields import select_data

PERIOD_LABELS = {
    "year": N_("Whole year"), "H1": N_("First half (H1)"), "H2": N_("Second half (H2)"),
    "T1": N_("Tertial 1 (Jan–Apr)"), "T2": N_("Tertial 2 (May–Aug)"),
    "T3": N_("Tertial 3 (Sep–Dec)"), "Q1": N_("Quarter 1"), "Q2": N_("Quarter 2"),
    "Q3": N_("Quarter 3"), "Q4": N_("Quarter 4"),
}


@dataclass(frozen=True)
class Section:
    """A block of rows: a title, the categories, and the measure counted in each column."""

    title: str  # N_()
    columns: dict[int, Measure]  # grid column → measure
    categories: dict[str, str]  # code → label (N_ or literal age band)
    translate: bool = True


@dataclass(frozen=True)
class GridSpec:
    """One grid: its column headers and its sections."""

    key: str
    headers: tuple[str, ...]  # N_()
    sections: tuple[Section, ...]


def grid_specs(age_bands: dict[str, str]) -> list[GridSpec]:
    """Started/finished by gender and age; occupation and income before/after; reasons."""
    return [
        GridSpec("start_finish", (N_("Category"), N_("Started"), N_("Finished")), (
            Section(N_("Gender"), {1: Measure.STARTED_GENDER, 2: Measure.FINISHED_GENDER},
                    GENDERS),
            Section(N_("Age"), {1: Measure.STARTED_AGE, 2: Measure.FINISHED_AGE}, age_bands,
                    translate=False))),
        GridSpec("before_after", (N_("Category"), N_("Before"), N_("After")), (
            Section(N_("Occupation"), {1: Measure.OCCUPATION_BEFORE,
                                       2: Measure.OCCUPATION_AFTER}, OCCUPATIONS),
            Section(N_("Income source"), {1: Measure.INCOME_BEFORE, 2: Measure.INCOME_AFTER},
                    INCOME_SOURCES))),
        GridSpec("end_reasons", (N_("Reason for ending"), N_("Finished")), (
            Section(N_("Finished participants"), {1: Measure.END_REASON}, END_REASONS),)),
    ]


def count_text(value: int) -> str:
    """A count in a cell: blank for none."""
    return format_number(value) if value else ""


def parse_count(text: str) -> int:
    """A typed count: a whole number from 0 (blank is 0); ValidationError otherwise."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not cleaned:
        return 0
    if not cleaned.isdigit():
        raise ValidationError(_("“{text}” is not a number of participants: write a whole "
                                "number, 0 or more.").format(text=text.strip()))
    value = int(cleaned)
    if value > 1_000_000:
        raise ValidationError(_("A count is a whole number from 0 to 1 000 000."))
    return value


def grid_rows(spec: GridSpec, values: dict[tuple[Measure, str], int]) -> list[GridRow]:
    """Section headings, one editable row per category, a total per section."""
    width = len(spec.headers)
    rows = []
    for section in spec.sections:
        rows.append(GridRow(("section", section.title), RowKind.SECTION,
                            [_(section.title), *[""] * (width - 1)]))
        totals = dict.fromkeys(section.columns, 0)
        for code, label in section.categories.items():
            cells = [_(label) if section.translate else label]
            edit = {}
            for column, measure in section.columns.items():
                value = values.get((measure, code), 0)
                totals[column] += value
                cells.append(count_text(value))
                edit[column] = str(value) if value else ""
            rows.append(GridRow(("cell", section.title, code), RowKind.LINE, cells, edit=edit,
                                payload=(section, code)))
        rows.append(GridRow(("total", section.title), RowKind.TOTAL,
                            [_("Total"), *(format_number(totals[c]) for c in sorted(totals))]))
    return rows


class CountsGrid(QWidget):
    """A heading and one grid of counts."""

    def __init__(self, spec: GridSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.model = GridModel(self, numeric_from=1)
        self.view = GridView(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def show_values(self, values: dict[tuple[Measure, str], int]) -> None:
        """Fill the grid."""
        headers = [_(h) for h in self.spec.headers]
        self.model.set_table(headers, grid_rows(self.spec, values))
        metrics = self.view.fontMetrics()
        figures = [max(64, metrics.horizontalAdvance(h) + 24) for h in headers[1:]]
        self.view.set_widths([170, *figures], stretch=0)


class ParticipantsTab(QWidget):
    """Counts of one activity for a year and period, and the year's summary."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._activity: Activity | None = None
        self._year: int | None = None
        self._period = "year"
        self.year_label = QLabel(self)
        self.year = QComboBox(self)
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        self.how = hint(self)
        self.grids: dict[str, CountsGrid] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.cost = QLabel(self)
        self.cost.setWordWrap(True)
        self.definition = hint(self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(WARNING_STYLE)
        self.message = MessageLabel(self)
        self._age_bands: dict[str, str] = {}
        self._grid_row = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addSpacing(12)
        top.addWidget(self.how, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._grid_row, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.cost)
        layout.addWidget(self.definition)
        layout.addWidget(self.notes)
        self.year.activated.connect(self._year_chosen)
        self.period.activated.connect(self._period_chosen)

    def _make_grids(self, age_bands: dict[str, str]) -> None:
        if self.grids and age_bands == self._age_bands:
            return
        self._age_bands = dict(age_bands)
        for grid in self.grids.values():
            self._grid_row.removeWidget(grid)
            grid.deleteLater()
        self.grids = {}
        for spec in grid_specs(age_bands):
            grid = CountsGrid(spec, self)
            grid.model.commit = self._commit
            grid.model.refused.connect(self.message.refuse)
            grid.model.accepted.connect(self.message.clear_message)
            grid.view.paste_requested.connect(
                lambda top, left, text, g=grid: self.paste(g, top, left, text))
            grid.view.clear_requested.connect(lambda cells, g=grid: self.clear(g, cells))
            self._grid_row.addWidget(grid, 5 if spec.key == "end_reasons" else 6)
            self.grids[spec.key] = grid
        self._translate_grids()

    def translate_ui(self) -> None:
        """Set every text."""
        self.year_label.setText(_("Year"))
        self.period_label.setText(_("Period"))
        self.period.clear()
        for code in PERIODS:
            self.period.addItem(_(PERIOD_LABELS[code]), code)
        select_data(self.period, self._period)
        self.how.setText(_("Counts only, never people. Type a number, or paste a block "
                           "copied from Excel with Ctrl+V; Delete clears."))
        self._translate_grids()

    def _translate_grids(self) -> None:
        titles = {"start_finish": _("Started and finished"),
                  "before_after": _("Before and after (finished participants)"),
                  "end_reasons": _("Reasons for ending")}
        for key, grid in self.grids.items():
            grid.title.setText(titles[key])

    # showing ----------------------------------------------------------------------------

    def set_activity(self, activity: Activity | None, year: int | None) -> None:
        """Show the counts of `activity` (None: nothing selected), in `year` if given."""
        if activity is None or self._activity is None or activity.id != self._activity.id:
            for grid in self.grids.values():
                grid.model.clear_pending()
            self.message.clear_message()
            if year is not None:
                self._year = year
        self._activity = activity
        self.setEnabled(activity is not None)
        self.refresh()

    def years(self) -> list[int]:
        """Years to offer: the activity's period (within the register's years) and any year
        with counts."""
        store = self._ctx.require_store()
        known = activities.years(store)
        a = self._activity
        if a is None:
            return known
        counted = {c.year for c in activities.counts(store, a.id)}
        running = {y for y in known if a.runs_in(y)}
        return sorted(running | counted) or known

    def refresh(self) -> None:
        """Re-read the counts shown."""
        store = self._ctx.require_store()
        self._make_grids(activities.age_bands(store))
        years = self.years()
        if self._year not in years:
            today = store.today().year
            self._year = today if today in years else (years[-1] if years else today)
        self.year.clear()
        for y in years:
            self.year.addItem(str(y), y)
        select_data(self.year, self._year)
        a = self._activity
        counts = activities.counts(store, a.id, self._year) if a is not None else []
        values = {(c.measure, c.category): c.count for c in counts if c.period == self._period}
        for grid in self.grids.values():
            grid.show_values(values)
        self._show_summary(summarise(self._year or 0, counts) if a is not None else None)

    def _show_summary(self, summary: ParticipantSummary | None) -> None:
        a = self._activity
        if a is None or summary is None:
            for label in (self.summary, self.cost, self.definition, self.notes):
                label.setText("")
            return
        share = summary.work_or_studies_share_ppm
        text = _("{year}, all periods: {started} started, {finished} finished.").format(
            year=summary.year, started=format_number(summary.started),
            finished=format_number(summary.finished))
        if share is not None:
            text += " " + _("{n} of {finished} finished went on to work or studies "
                            "({share}).").format(n=format_number(summary.to_work_or_studies),
                                                 finished=format_number(summary.finished),
                                                 share=percent(share))
        self.summary.setText(text)
        cost = self._cost(summary)
        per = cost.per_participant_ore
        if per is None:
            text = _("Cost per participant: — (no participant started in {year}).").format(
                year=summary.year)
        elif not cost.cost_ore:
            text = _("Cost per participant: — (no actual cost on the activity's budget lines "
                     "in {year}; link them in the Money tab).").format(year=summary.year)
        else:
            text = _("Cost per participant: {per} ({cost} ÷ {n} started).").format(
                per=format_money(round(per, -2)), cost=format_money(cost.cost_ore),
                n=format_number(cost.participants))
        self.cost.setText(text)
        self.definition.setText(cost.definition)
        notes = consistency_notes(summary)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _cost(self, summary: ParticipantSummary) -> CostPerParticipant:
        assert self._activity is not None
        for figures in activities.figures(self._ctx.require_store(), self._activity.id):
            if figures.year == summary.year:
                return figures.cost
        from finsam_desktop.domain.activities import COST_DEFINITION

        return CostPerParticipant(0, summary.started, _(COST_DEFINITION))

    def _year_chosen(self, _index: int) -> None:
        year = self.year.currentData()
        if year is not None and year != self._year:
            self._year = int(year)
            for grid in self.grids.values():
                grid.model.clear_pending()
            self.refresh()

    def _period_chosen(self, _index: int) -> None:
        period = self.period.currentData()
        if period is not None and period != self._period:
            self._period = str(period)
            for grid in self.grids.values():
                grid.model.clear_pending()
            self.refresh()

    def choose(self, year: int, period: str = "year") -> None:
        """Show `year` and `period` as if chosen by the user."""
        self._year, self._period = year, period
        select_data(self.period, period)
        for grid in self.grids.values():
            grid.model.clear_pending()
        self.refresh()

    # editing ----------------------------------------------------------------------------

    def _count(self, row: GridRow, column: int, value: int) -> Count:
        assert self._activity is not None and self._year is not None
        section, code = row.payload
        return Count(self._activity.id, self._year, self._period, section.columns[column],
                     code, value)

    def _commit(self, row: GridRow, column: int, text: str) -> None:
        undo.run(self._ctx, SetCounts(self._ctx, [self._count(row, column, parse_count(text))],
                                      "typed"))

    def paste(self, grid: CountsGrid, top: int, left: int, text: str) -> bool:
        """Paste a tab-separated block with its top-left cell at (top, left): every cell is
        checked first; one bad cell and nothing is written. True if pasted."""
        try:
            entries = self._entries(grid, top, left, text)
            if not entries:
                return False
            undo.run(self._ctx, SetCounts(self._ctx, entries, "paste",
                                          _("Paste {count} counts").format(count=len(entries))))
        except FinsamError as error:
            dialogs.show_error(self, _("Nothing was pasted"), str(error))
            self.message.refuse(_("Nothing was pasted: {reason}").format(reason=error))
            return False
        self.message.say(_("{count} cells pasted.").format(count=len(entries)))
        return True

    def _entries(self, grid: CountsGrid, top: int, left: int, text: str) -> list[Count]:
        block = [line.split("\t") for line in text.replace("\r\n", "\n").replace(
            "\r", "\n").split("\n")]
        while block and block[-1] == [""]:  # Excel ends the block with a line break
            block.pop()
        model = grid.model
        entries = []
        for r, cells in enumerate(block):
            for c, cell in enumerate(cells):
                row_number, column = top + r, left + c
                where = self._where(grid, row_number, column)
                if row_number >= model.rowCount() or column >= model.columnCount():
                    raise ValidationError(_("The block does not fit: {where} is outside the "
                                            "grid.").format(where=where))
                row = model.row(row_number)
                if column not in row.edit:
                    raise ValidationError(_("{where} is not a count that can be entered "
                                            "(a heading or a total).").format(where=where))
                try:
                    value = parse_count(cell)
                except ValidationError as error:
                    raise ValidationError(f"{where}: {error}") from None
                entries.append(self._count(row, column, value))
        return entries

    @staticmethod
    def _where(grid: CountsGrid, row: int, column: int) -> str:
        model = grid.model
        name = model.row(row).cells[0] if row < model.rowCount() else str(row + 1)
        headers = model.headers()
        header = headers[column] if 0 <= column < len(headers) else str(column + 1)
        return _("row “{row}”, column {column}").format(row=name, column=header)

    def clear(self, grid: CountsGrid, cells: list[tuple[int, int]]) -> bool:
        """Delete: set the selected counts to 0 (one undo step). True if cleared."""
        entries = []
        for row_number, column in cells:
            row = grid.model.row(row_number)
            if row.edit.get(column):
                entries.append(self._count(row, column, 0))
        if not entries:
            return False
        try:
            undo.run(self._ctx, SetCounts(self._ctx, entries, "clear"))
        except FinsamError as error:
            self.message.refuse(str(error))
            return False
        return True
