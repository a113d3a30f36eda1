"""The values of one indicator by year, typed like a spreadsheet (the budget panel's
`GridView`): value, respondents (NNS) and note per year. Each typed value is saved at once
through an undo command; a value that is not a number stays in its cell, red, with the
reason, and nothing typed is lost.

The years shown run from the baseline year (or two years back) to this year, and include
every year that has a value.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import (
    Indicator,
    IndicatorSource,
    IndicatorValue,
    format_value,
    parse_value,
)
from finsam_desktop.i18n import _
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.grid import GridModel, GridRow, GridView, RowKind
from finsam_desktop.ui.panels.evaluations.common import unit_caption, value_text
from finsam_desktop.ui.undo_evaluations import SetValue

YEAR, VALUE, RESPONDENTS, NOTE = range(4)


def years_shown(indicator: Indicator, values: Sequence[IndicatorValue], this_year: int,
                ) -> list[int]:
    """The baseline year (or two years back) to this year, plus any year with a value."""
    have = [v.year for v in values]
    first = min([*have, indicator.baseline_year if indicator.baseline_year is not None
                 else this_year - 2, this_year])
    last = max([*have, this_year])
    return list(range(first, last + 1))


def parse_respondents(text: str) -> int | None:
    """A typed number of respondents, None when empty."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValidationError(_("“{text}” is not a whole number.").format(text=text))
    return int(cleaned)


class ValuesGrid(GridView):
    """Year | value | respondents | note for the indicator followed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(GridModel(None, numeric_from=1, text_columns=(NOTE,)), parent)
        self.grid().setParent(self)
        self._ctx = ctx
        self.indicator: Indicator | None = None
        self._values: dict[int, IndicatorValue] = {}
        self.grid().commit = self._commit
        self.clear_requested.connect(self._clear)
        self.paste_requested.connect(self._paste)

    def show_values(self, indicator: Indicator | None, values: Sequence[IndicatorValue],
                    this_year: int) -> None:
        """Show `indicator`'s values (None: an empty grid)."""
        if indicator is None or self.indicator is None or indicator.id != self.indicator.id:
            self.grid().clear_pending()
        self.indicator = indicator
        self._values = {v.year: v for v in values}
        if indicator is None:
            self.grid().set_table(self._headers(None), [])
            return
        rows = []
        for year in years_shown(indicator, values, this_year):
            value = self._values.get(year)
            rows.append(self._row(indicator, year, value))
        self.grid().set_table(self._headers(indicator), rows, {
            VALUE: _("Type the value, e.g. 62,5; Delete removes it."),
            RESPONDENTS: _("How many answered the survey behind the result."),
        })
        self.setColumnHidden(RESPONDENTS, indicator.source is not IndicatorSource.NNS)
        self.set_widths([70, 110, 100, 200], stretch=NOTE)

    @staticmethod
    def _headers(indicator: Indicator | None) -> list[str]:
        value = _("Value") if indicator is None else _("Value ({unit})").format(
            unit=unit_caption(indicator.unit))
        return [_("Year"), value, _("Respondents"), _("Note")]

    @staticmethod
    def _row(indicator: Indicator, year: int, value: IndicatorValue | None) -> GridRow:
        respondents = "" if value is None or value.respondents is None \
            else str(value.respondents)
        cells = [str(year), value_text(value.value_milli if value else None, indicator.unit),
                 respondents, value.note if value else ""]
        row = GridRow(year, RowKind.LINE, cells,
                      edit={VALUE: format_value(value.value_milli) if value else "",
                            RESPONDENTS: respondents, NOTE: value.note if value else ""})
        if year == indicator.baseline_year:
            row.tips[-1] = _("Baseline year (baseline {value})").format(
                value=value_text(indicator.baseline_milli, indicator.unit) or "—")
        return row

    # editing ----------------------------------------------------------------------------

    def _commit(self, row: GridRow, column: int, text: str) -> None:
        indicator = self.indicator
        if indicator is None:
            return
        year = int(row.key)
        before = self._values.get(year)
        if column == VALUE:
            if not text.strip():
                value = None
            else:
                milli = parse_value(text)
                value = IndicatorValue(indicator.id, year, milli,
                                       before.respondents if before else None,
                                       before.note if before else "")
        else:
            if before is None:
                raise ValidationError(_("Enter the {year} value first.").format(year=year))
            if column == RESPONDENTS:
                value = IndicatorValue(indicator.id, year, before.value_milli,
                                       parse_respondents(text), before.note)
            else:
                value = IndicatorValue(indicator.id, year, before.value_milli,
                                       before.respondents, text)
        undo.run(self._ctx, SetValue(self._ctx, indicator, year, value))

    def _clear(self, cells: list[tuple[int, int]]) -> None:
        """Delete: remove the values (or respondents, notes) of the selected cells."""
        model = self.grid()
        for row_number, column in cells:
            if column in (VALUE, RESPONDENTS, NOTE):
                row = model.row(row_number)
                if row.edit.get(column, "") or (row.key, column) in model.pending():
                    model.setData(model.index(row_number, column), "")

    def _paste(self, row_number: int, column: int, text: str) -> None:
        """Ctrl+V: one value per line down the column, from the current cell."""
        model = self.grid()
        lines = [line.split("\t")[0] for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        for offset, line in enumerate(lines):
            if row_number + offset >= model.rowCount():
                break
            model.setData(model.index(row_number + offset, column), line)
