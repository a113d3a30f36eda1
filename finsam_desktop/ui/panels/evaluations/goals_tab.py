"""The Goals and indicators tab: goals with their indicators and how far each has come by
a chosen year (the annual report's goal fulfilment appendix), and for the selected
indicator its values by year, typed in a grid, beside a chart against the target."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.evaluations import Goal, Indicator, IndicatorSource
from finsam_desktop.i18n import _
from finsam_desktop.services import activities, evaluations
from finsam_desktop.services.evaluations import GoalStatus, IndicatorStatus
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.evaluations.forms import GoalDialog, IndicatorDialog
from finsam_desktop.ui.panels.evaluations.goals_model import HEADERS, NAME, GoalTreeModel
from finsam_desktop.ui.panels.evaluations.indicator_chart import IndicatorChart
from finsam_desktop.ui.panels.evaluations.values_grid import ValuesGrid
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_evaluations import (
    RemoveGoal,
    RemoveIndicator,
    SaveGoal,
    SaveIndicator,
)
from finsam_desktop.ui.widgets.fields import select_data

HINT_STYLE = "color: #555555;"
TITLE_STYLE = "font-weight: bold;"


class GoalsTab(QWidget):
    """Goals → indicators with fulfilment for a year; values and chart of the selected
    indicator below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self._selected: tuple[str, int | None] | None = None
        self._selecting = False
        self._first = True
        self.dialog: GoalDialog | IndicatorDialog | None = None
        self._make_widgets()
        self._build()
        self._connect()

    # building ---------------------------------------------------------------------------

    def _make_widgets(self) -> None:
        ctx = self._ctx
        self.add_goal_button = QPushButton(self)
        self.add_indicator_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(80)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(HINT_STYLE)
        self.model = GoalTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.indicator_title = QLabel(self)
        self.indicator_title.setStyleSheet(TITLE_STYLE)
        self.indicator_title.setWordWrap(True)
        self.indicator_details = QLabel(self)
        self.indicator_details.setWordWrap(True)
        self.indicator_details.setStyleSheet(HINT_STYLE)
        self.indicator_details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values = ValuesGrid(ctx, self)
        self.chart = IndicatorChart(ctx, self)
        self.message = MessageLabel(self)

    def _build(self) -> None:
        bar = QHBoxLayout()
        for button in (self.add_goal_button, self.add_indicator_button, self.edit_button,
                       self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.year_label)
        bar.addWidget(self.year_combo)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty_hint)
        top_layout.addWidget(self.tree, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        grid_box = QWidget(lower)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.indicator_title)
        grid_layout.addWidget(self.indicator_details)
        grid_layout.addWidget(self.values, 1)
        grid_layout.addWidget(self.message)
        grid_layout.addStretch(0)
        lower.addWidget(grid_box)
        lower.addWidget(self.chart)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([520, 560])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.add_goal_button.clicked.connect(self.add_goal)
        self.add_indicator_button.clicked.connect(self.add_indicator)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.year_combo.activated.connect(self._year_chosen)
        self.tree.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        grid = self.values.grid()
        grid.refused.connect(self.message.refuse)
        grid.accepted.connect(self.message.clear_message)

    def translate_ui(self) -> None:
        """Set every text in the current language."""
        self.add_goal_button.setText(_("Add goal…"))
        self.add_indicator_button.setText(_("Add indicator…"))
        self.add_indicator_button.setToolTip(_("Add an indicator under the selected goal."))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove the selected goal (one without indicators) "
                                        "or indicator (one without values). Undo brings it "
                                        "back."))
        self.year_label.setText(_("Fulfilment in"))
        self.year_combo.setToolTip(_("Each indicator's latest value up to and including this "
                                     "year is compared with its target."))
        self.empty_hint.setText(_("Start with the goals of the activity plan, then add the "
                                  "indicators that measure them: your own (e.g. the share of "
                                  "participants going on to work or studies) or NNS "
                                  "indicators from the national surveys."))
        self.model.retranslate()
        self.chart.translate_ui()  # the texts below the tree follow at the refresh after it

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read goals, indicators and values; keep the year and the selection."""
        store = self._ctx.require_store()
        this_year = store.today().year
        indicators = evaluations.list_indicators(store)
        years = {this_year}
        for indicator in indicators:
            years.update(v.year for v in evaluations.values(store, indicator.id))
            if indicator.baseline_year is not None:
                years.add(indicator.baseline_year)
        if self._year not in years:
            self._year = this_year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in sorted(years):
            self.year_combo.addItem(str(year), year)
        select_data(self.year_combo, self._year)
        self.year_combo.blockSignals(False)
        names = {a.id: a.name for a in activities.list_activities(store)}
        keep = self._selected
        first_time = self._first
        self._first = False
        self.tree.selectionModel().blockSignals(True)
        self.model.set_statuses(evaluations.goal_fulfilment(store, self._year), names)
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(False)
        self._fit_columns()
        self.empty_hint.setVisible(not self.model.goals())
        if keep is None and first_time:  # open on the first indicator: its values show
            keep = next((("indicator", s.indicators[0].indicator.id)
                         for s in self.model.goals() if s.indicators), None)
        if keep is None or not self.select(*keep):
            self._selected = None
            self._show_details()

    def _fit_columns(self) -> None:
        header = self.tree.header()
        for column in range(1, len(HEADERS)):
            self.tree.resizeColumnToContents(column)
            header.resizeSection(column, min(max(header.sectionSize(column), 80), 260))

    def year(self) -> int | None:
        """The year the fulfilment is shown for."""
        return self._year

    def show_year(self, year: int) -> None:
        """Show the fulfilment up to `year`."""
        self._year = year
        self.refresh()

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None and year != self._year:
            self.show_year(int(year))

    # selection --------------------------------------------------------------------------

    def select(self, kind: str, record_id: int | None) -> bool:
        """Select goal or indicator `record_id` ("goal" with None: indicators without a
        goal); True if shown."""
        index = self.model.find(kind, record_id)
        if not index.isValid():
            return False
        self._selected = (kind, record_id)
        self._selecting = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting = False
        self.tree.scrollTo(index)
        self._show_details()
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        record = self.model.record(current)
        if isinstance(record, IndicatorStatus):
            self._selected = ("indicator", record.indicator.id)
        elif isinstance(record, GoalStatus):
            self._selected = ("goal", record.goal.id if record.goal else None)
        else:
            self._selected = None
        self.message.clear_message()
        self._show_details()

    def selected(self) -> GoalStatus | IndicatorStatus | None:
        """The goal or indicator selected."""
        return self.model.record(self.tree.currentIndex())

    def selected_indicator(self) -> Indicator | None:
        """The indicator selected (None for a goal or nothing)."""
        record = self.selected()
        return record.indicator if isinstance(record, IndicatorStatus) else None

    def _show_details(self) -> None:
        record = self.selected()
        indicator = record.indicator if isinstance(record, IndicatorStatus) else None
        goal = record.goal if isinstance(record, GoalStatus) else None
        self.edit_button.setEnabled(indicator is not None or goal is not None)
        self.remove_button.setEnabled(indicator is not None or goal is not None)
        store = self._ctx.store
        shown = indicator is not None and store is not None
        self.values.setVisible(shown)
        self.chart.setVisible(shown)
        if indicator is None or store is None:
            self.indicator_title.setText(_("Values"))
            self.indicator_details.setText(_("Choose an indicator above to type its values "
                                             "by year and see them in a chart against the "
                                             "target."))
            self.indicator_details.setVisible(True)
            self.values.show_values(None, [], 0)
            self.chart.show_indicator(None)
            return
        self.indicator_title.setText(_("Values of {name}").format(name=indicator.name))
        details = [indicator.definition] if indicator.definition else []
        if indicator.source is IndicatorSource.NNS and indicator.question:
            details.append(_("NNS question: “{question}”").format(question=indicator.question))
        self.indicator_details.setText("\n".join(details))
        self.indicator_details.setVisible(bool(details))
        self.values.show_values(indicator, evaluations.values(store, indicator.id),
                                store.today().year)
        self.values.fit_height(max_rows=30)
        self.chart.show_indicator(indicator)

    # actions ----------------------------------------------------------------------------

    def _goal_choices(self) -> list[tuple[int, str]]:
        return [(g.id, g.title) for g in evaluations.list_goals(self._ctx.require_store())]

    def _activity_choices(self) -> list[tuple[int, str]]:
        return [(a.id, a.name) for a in activities.list_activities(self._ctx.require_store())]

    def add_goal(self) -> GoalDialog:
        """Open the dialog for a new goal."""
        goals = evaluations.list_goals(self._ctx.require_store())
        position = max((g.position for g in goals), default=0) + 1
        return self._open_goal(Goal(0, "", position=position))

    def _open_goal(self, goal: Goal) -> GoalDialog:
        def submit(record: Goal) -> None:
            command = SaveGoal(self._ctx, record)
            undo.run(self._ctx, command)
            self.select("goal", command.record.id)

        self.dialog = GoalDialog(goal, submit, self)
        self.dialog.open()
        return self.dialog

    def add_indicator(self) -> IndicatorDialog:
        """Open the dialog for a new indicator under the selected goal."""
        record = self.selected()
        goal_id = None
        if isinstance(record, GoalStatus) and record.goal is not None:
            goal_id = record.goal.id
        elif isinstance(record, IndicatorStatus):
            goal_id = record.indicator.goal_id
        return self._open_indicator(Indicator(0, "", goal_id=goal_id))

    def _open_indicator(self, indicator: Indicator) -> IndicatorDialog:
        def submit(record: Indicator) -> None:
            command = SaveIndicator(self._ctx, record)
            undo.run(self._ctx, command)
            self.select("indicator", command.record.id)

        self.dialog = IndicatorDialog(indicator, self._goal_choices(),
                                      self._activity_choices(), submit, self)
        self.dialog.open()
        return self.dialog

    def edit_selected(self) -> GoalDialog | IndicatorDialog | None:
        """Open the selected goal or indicator in its dialog."""
        record = self.selected()
        if isinstance(record, IndicatorStatus):
            store = self._ctx.require_store()
            current = next((i for i in evaluations.list_indicators(store)
                            if i.id == record.indicator.id), record.indicator)
            return self._open_indicator(current)
        if isinstance(record, GoalStatus) and record.goal is not None:
            return self._open_goal(record.goal)
        return None

    def remove_selected(self) -> bool:
        """Remove the selected goal or indicator (the service refuses one still in use)."""
        record = self.selected()
        if isinstance(record, IndicatorStatus):
            command: undo.ServiceCommand = RemoveIndicator(self._ctx, record.indicator)
            title = _("The indicator could not be removed")
            name = record.indicator.name
        elif isinstance(record, GoalStatus) and record.goal is not None:
            command = RemoveGoal(self._ctx, record.goal)
            title = _("The goal could not be removed")
            name = record.goal.title
        else:
            return False
        if not run_or_show(self._ctx, self, command, title):
            return False
        self.message.say(_("“{name}” removed. Undo (Ctrl+Z) brings it back.").format(
            name=name))
        return True
