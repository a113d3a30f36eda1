"""Helpers to set up read-only record tables consistently."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from finsam_desktop.ui.models.record_table import RecordTableModel


def make_table(model: RecordTableModel, parent: QWidget | None = None,
               stretch_column: int | None = None) -> QTableView:
    """A row-selecting, single-selection table view on `model`."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_column is None)
    view._stretch_column = stretch_column  # type: ignore[attr-defined]
    return view


def fit_columns(view: QTableView) -> None:
    """Size columns to their contents once rows are loaded (small lists only)."""
    view.resizeColumnsToContents()
    stretch = getattr(view, "_stretch_column", None)
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def selected_record(view: QTableView) -> Any:
    """The record of the selected row, or None."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    model = view.model()
    assert isinstance(model, RecordTableModel)
    return model.record(rows[0].row())


def fit_height(view: QTableView, max_rows: int = 12) -> None:
    """Make a short table only as tall as its rows (up to `max_rows`), so no empty band."""
    rows = min(max(view.model().rowCount(), 1), max_rows)
    height = (view.horizontalHeader().sizeHint().height()
              + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)
    view.setMaximumHeight(height)
