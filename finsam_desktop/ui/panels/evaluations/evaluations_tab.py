"""The Evaluations tab: every evaluation of the activities or of the agency (kind, title,
what it evaluates, evaluator, finished, report), filtered by activity and kind; findings and
recommendations of the selected one below; add, edit and remove in a dialog; the report
opened with the system's program."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.evaluations import EVALUATION_LABELS, Evaluation, EvaluationKind
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import activities, evaluations
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.budget.common import MessageLabel
from finsam_desktop.ui.panels.evaluations.common import (
    is_web_address,
    privacy_hint,
    report_location,
    report_name,
)
from finsam_desktop.ui.panels.evaluations.forms import EvaluationDialog
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_evaluations import RemoveEvaluation, SaveEvaluation
from finsam_desktop.ui.widgets.fields import select_data
from finsam_desktop.ui.widgets.tables import make_table, selected_record

ALL = "all"
AGENCY = "agency"
HINT_STYLE = "color: #555555;"


class EvaluationsTab(QWidget):
    """Filters, the list, the selected evaluation's findings, and the actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._names: dict[int, str] = {}
        self._all: list[Evaluation] = []
        self.dialog: EvaluationDialog | None = None
        self.activity_label = QLabel(self)
        self.activity_filter = QComboBox(self)
        self.activity_filter.setMinimumWidth(220)
        self.kind_label = QLabel(self)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setMinimumWidth(200)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.model = RecordTableModel(self._columns(), self)
        self.table = make_table(self.model, self, stretch_column=1)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.message = MessageLabel(self)
        self._build()
        self.activity_filter.activated.connect(lambda _i: self._apply_filter())
        self.kind_filter.activated.connect(lambda _i: self._apply_filter())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _columns(self) -> list[Column]:
        return [
            Column(N_("Kind"), lambda e: _(EVALUATION_LABELS[e.kind])),
            Column(N_("Title"), lambda e: e.title, tooltip=lambda e: e.title),
            Column(N_("Evaluates"), self._scope),
            Column(N_("Evaluator"), lambda e: e.evaluator),
            Column(N_("Finished"), lambda e: format_date(e.finished_on) if e.finished_on
                   else _("ongoing")),
            Column(N_("Report"), lambda e: report_name(e.file_ref),
                   tooltip=lambda e: e.file_ref),
        ]

    def _scope(self, evaluation: Evaluation) -> str:
        if evaluation.activity_id is None:
            return _("The agency")
        return self._names.get(evaluation.activity_id, "?")

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.activity_label)
        bar.addWidget(self.activity_filter)
        bar.addSpacing(12)
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_filter)
        bar.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button,
                       self.open_button):
            bar.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def translate_ui(self) -> None:
        """Set every text in the current language."""
        self.activity_label.setText(_("Evaluates"))
        self.kind_label.setText(_("Kind"))
        self.add_button.setText(_("Add evaluation…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.open_button.setText(_("Open report"))
        self.open_button.setToolTip(_("Open the report file or web page with the program "
                                      "your computer uses for it."))
        self.hint.setText(privacy_hint())
        self.model.retranslate()
        if self._ctx.store is not None:
            self._fill_filters()
        self._show_details()

    # refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the evaluations and activities; keep the filters and the selection."""
        store = self._ctx.require_store()
        self._names = {a.id: a.name for a in activities.list_activities(store)}
        self._all = evaluations.list_evaluations(store)
        self._fill_filters()
        self._apply_filter()

    def _fill_filters(self) -> None:
        current = self.activity_filter.currentData() or ALL
        self.activity_filter.blockSignals(True)
        self.activity_filter.clear()
        self.activity_filter.addItem(_("Everything"), ALL)
        self.activity_filter.addItem(_("The agency"), AGENCY)
        for activity_id, name in self._names.items():
            self.activity_filter.addItem(name, activity_id)
        self.activity_filter.setCurrentIndex(max(0, self.activity_filter.findData(current)))
        self.activity_filter.blockSignals(False)
        kind = self.kind_filter.currentData() or ALL
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(_("All kinds"), ALL)
        for value, label in EVALUATION_LABELS.items():
            self.kind_filter.addItem(_(label), value)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))
        self.kind_filter.blockSignals(False)

    def set_filter(self, activity: int | str = ALL, kind: EvaluationKind | str = ALL) -> None:
        """Show the evaluations of one activity (an id, AGENCY or ALL) and kind."""
        select_data(self.activity_filter, activity)
        select_data(self.kind_filter, kind)
        self._apply_filter()

    def _apply_filter(self) -> None:
        activity, kind = self.activity_filter.currentData(), self.kind_filter.currentData()
        keep = selected_record(self.table)
        shown = [e for e in self._all
                 if (activity in (None, ALL) or (activity == AGENCY and e.activity_id is None)
                     or e.activity_id == activity)
                 and (kind in (None, ALL) or e.kind == kind)]
        self.model.set_rows(shown)
        self._fit_columns()
        if keep is not None:
            self.select(keep.id)
        self._show_details()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column, limit in ((0, 220), (2, 220), (3, 180), (5, 240)):
            if self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # selection --------------------------------------------------------------------------

    def shown(self) -> list[Evaluation]:
        """The evaluations listed (after the filters)."""
        return self.model.rows()

    def select(self, evaluation_id: int) -> bool:
        """Select evaluation `evaluation_id` if listed."""
        for row, evaluation in enumerate(self.model.rows()):
            if evaluation.id == evaluation_id:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> Evaluation | None:
        """The evaluation selected."""
        return selected_record(self.table)

    def _selection_changed(self, *_args: object) -> None:
        self.message.clear_message()
        self._show_details()

    def _show_details(self) -> None:
        evaluation = self.selected()
        self.edit_button.setEnabled(evaluation is not None)
        self.remove_button.setEnabled(evaluation is not None)
        self.open_button.setEnabled(evaluation is not None and bool(evaluation.file_ref))
        if evaluation is None:
            prompt = _("Choose an evaluation to read its findings and recommendations.")
            self.details.setHtml(f"<p style='color:#666666'>{escape(prompt)}</p>")
            return
        parts = [f"<h3>{escape(evaluation.title)}</h3>"]
        period = " – ".join(format_date(d) for d in (evaluation.started_on,
                                                     evaluation.finished_on) if d)
        facts = [_(EVALUATION_LABELS[evaluation.kind]), self._scope(evaluation),
                 evaluation.evaluator, period]
        parts.append(f"<p>{escape(' · '.join(f for f in facts if f))}</p>")
        for heading, text in ((_("Findings"), evaluation.findings),
                              (_("Recommendations"), evaluation.recommendations)):
            if text.strip():
                body = escape(text).replace("\n", "<br/>")
                parts.append(f"<p><b>{escape(heading)}</b><br/>{body}</p>")
        if evaluation.file_ref:
            parts.append(f"<p><b>{escape(_('Report'))}</b><br/>"
                         f"{escape(evaluation.file_ref)}</p>")
        self.details.setHtml("".join(parts))

    # actions ----------------------------------------------------------------------------

    def _activity_choices(self) -> list[tuple[int, str]]:
        return list(self._names.items())

    def add(self) -> EvaluationDialog:
        """Open the dialog for a new evaluation (of the activity filtered on, if any)."""
        activity = self.activity_filter.currentData()
        kind = self.kind_filter.currentData()
        return self._open(Evaluation(
            0, EvaluationKind(kind) if kind not in (None, ALL) else EvaluationKind.OUTCOME, "",
            activity_id=activity if isinstance(activity, int) else None))

    def edit_selected(self) -> EvaluationDialog | None:
        """Open the selected evaluation in the dialog."""
        evaluation = self.selected()
        return None if evaluation is None else self._open(evaluation)

    def _open(self, evaluation: Evaluation) -> EvaluationDialog:
        def submit(record: Evaluation) -> None:
            command = SaveEvaluation(self._ctx, record)
            undo.run(self._ctx, command)
            if not self.select(command.record.id):  # filtered out: show everything
                self.set_filter()
                self.select(command.record.id)

        self.dialog = EvaluationDialog(evaluation, self._activity_choices(), submit,
                                       self._browse, self.open_report, self)
        self.dialog.open()
        return self.dialog

    def _browse(self) -> str | None:
        return dialogs.ask_open_path(self.dialog or self, _("Choose the report file"),
                                     dialogs.any_file_filter())

    def remove_selected(self) -> bool:
        """Remove the selected evaluation (undo brings it back)."""
        evaluation = self.selected()
        if evaluation is None:
            return False
        if not run_or_show(self._ctx, self, RemoveEvaluation(self._ctx, evaluation),
                           _("The evaluation could not be removed")):
            return False
        self.message.say(_("“{name}” removed. Undo (Ctrl+Z) brings it back.").format(
            name=evaluation.title))
        return True

    def open_selected(self) -> bool:
        """Open the selected evaluation's report."""
        evaluation = self.selected()
        return evaluation is not None and self.open_report(evaluation.file_ref)

    def open_report(self, reference: str) -> bool:
        """Open a report reference (a relative path is looked for next to the agency file);
        a message says why when it cannot be opened."""
        store = self._ctx.store
        target = report_location(reference, store.path if store is not None else None)
        if not target:
            return False
        if dialogs.open_document(target):
            return True
        if is_web_address(target):
            message = _("“{target}” could not be opened in the web browser.")
        else:
            message = _("The report “{target}” was not found. Check the path, or that the "
                        "folder is reachable from this computer.")
        dialogs.show_error(self, _("The report could not be opened"),
                           message.format(target=target))
        return False
