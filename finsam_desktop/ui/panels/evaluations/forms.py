"""The Evaluations panel's dialogs: a goal, an indicator, an evaluation.

Like the other panels' dialogs they are opened with `open()` (never blocking) and save
through a `submit` callback; a refusal (a bad number, a personal identity number in a text,
a reworded NNS question) keeps the dialog open with the service's reason shown, so what the
user typed is never lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.evaluations import (
    EVALUATION_LABELS,
    RESPONDENT_GROUPS,
    SOURCE_LABELS,
    UNIT_LABELS,
    Evaluation,
    EvaluationKind,
    Goal,
    Indicator,
    IndicatorSource,
    Unit,
    format_value,
    parse_value,
)
from finsam_desktop.i18n import _
from finsam_desktop.ui.panels.evaluations.common import privacy_hint
from finsam_desktop.ui.widgets.fields import DateField, select_data
from finsam_desktop.ui.widgets.form_dialog import FormDialog

HINT_STYLE = "color: #555555;"
Choices = Sequence[tuple[int, str]]


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A grey, wrapping explanation under a field."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def text_box(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    """A multi-line plain text field `lines` high; Tab moves on."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class YearEdit(QLineEdit):
    """A year typed as four digits; empty means none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("YYYY"))
        self.setMaximumWidth(80)

    def set_year(self, year: int | None) -> None:
        """Show `year` (or nothing)."""
        self.setText("" if year is None else str(year))

    def year(self) -> int | None:
        """The typed year, None if empty; ValidationError if it is not a year."""
        text = self.text().strip()
        if not text:
            return None
        if not text.isdigit() or len(text) != 4:
            raise ValidationError(_("“{text}” is not a year.").format(text=text))
        return int(text)


def optional_value(text: str) -> int | None:
    """A typed value in thousandths, None when left empty."""
    return parse_value(text) if text.strip() else None


class _FormDialog(FormDialog):
    """The panel's dialogs: a form 640 pixels wide at least."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, 640)


class GoalDialog(_FormDialog):
    """Add or edit a goal of the activity plan: title, description, the years it covers.
    `submit(goal)`."""

    def __init__(self, goal: Goal, submit: Callable[[Goal], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal, self._submit = goal, submit
        self.title = QLineEdit(self)
        self.description = text_box(self)
        self.from_year = YearEdit(self)
        self.to_year = YearEdit(self)
        years = QHBoxLayout()
        years.addWidget(self.from_year)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.to_year)
        years.addStretch(1)
        self.setWindowTitle(_("Add goal") if not goal.id else _("Edit goal"))
        self.form.addRow(_("Goal"), self.title)
        self.form.addRow(_("Description"), self.description)
        self.form.addRow(_("Years"), years)
        self.form.addRow(hint_label(_("A goal of the activity plan, e.g. “More participants "
                                      "go on to work or studies”. Indicators added under "
                                      "it measure how far it has come."), self))
        self._finish()
        self.title.setText(goal.title)
        self.description.setPlainText(goal.description)
        self.from_year.set_year(goal.from_year)
        self.to_year.set_year(goal.to_year)

    def goal(self) -> Goal:
        """The goal as typed."""
        first, last = self.from_year.year(), self.to_year.year()
        if first is not None and last is not None and last < first:
            raise ValidationError(_("The goal cannot end before it starts."))
        return dataclasses.replace(self._goal, title=self.title.text(),
                                   description=self.description.toPlainText(),
                                   from_year=first, to_year=last)

    def _save(self) -> None:
        self._submit(self.goal())


class IndicatorDialog(_FormDialog):
    """Add or edit an indicator. An NNS indicator's question is typed exactly as worded in
    the survey when it is created and is read-only afterwards (the service refuses a new
    wording too). `submit(indicator)`."""

    def __init__(self, indicator: Indicator, goals: Choices, activities: Choices,
                 submit: Callable[[Indicator], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._indicator, self._submit = indicator, submit
        self._fixed_question = bool(indicator.id) and indicator.source is IndicatorSource.NNS
        self.name = QLineEdit(self)
        self.definition = text_box(self, 2)
        self.unit = QComboBox(self)
        for unit in Unit:
            self.unit.addItem(_(UNIT_LABELS[unit]), unit)
        self.source = QComboBox(self)
        for source in IndicatorSource:
            self.source.addItem(_(SOURCE_LABELS[source]), source)
        self.group = QComboBox(self)
        for key, label in RESPONDENT_GROUPS.items():
            self.group.addItem(_("Choose…") if not key else _(label), key)
        self.question = text_box(self, 3)
        self.question_hint = hint_label("", self)
        self.goal = QComboBox(self)
        self.goal.addItem(_("No goal"), None)
        for goal_id, title in goals:
            self.goal.addItem(title, goal_id)
        self.activity = QComboBox(self)
        self.activity.addItem(_("The agency (all activities)"), None)
        for activity_id, name in activities:
            self.activity.addItem(name, activity_id)
        self.baseline = QLineEdit(self)
        self.baseline_year = YearEdit(self)
        self.target = QLineEdit(self)
        self.higher = QCheckBox(_("Higher is better"), self)
        for field in (self.baseline, self.target):
            field.setMaximumWidth(120)
            field.setPlaceholderText(_("e.g. 62,5"))
        baseline = QHBoxLayout()
        baseline.addWidget(self.baseline)
        baseline.addWidget(QLabel(_("in"), self))
        baseline.addWidget(self.baseline_year)
        baseline.addStretch(1)
        target = QHBoxLayout()
        target.addWidget(self.target)
        target.addWidget(self.higher)
        target.addStretch(1)
        self.setWindowTitle(_("Add indicator") if not indicator.id else _("Edit indicator"))
        self.form.addRow(_("Name"), self.name)
        self.form.addRow(_("Definition"), self.definition)
        self.form.addRow(_("Unit"), self.unit)
        self.form.addRow(_("Source"), self.source)
        self.form.addRow(_("Respondent group"), self.group)
        self.form.addRow(_("NNS question"), self.question)
        self.form.addRow("", self.question_hint)
        self.form.addRow(_("Goal"), self.goal)
        self.form.addRow(_("Applies to"), self.activity)
        self.form.addRow(_("Baseline"), baseline)
        self.form.addRow(_("Target"), target)
        self.form.addRow(hint_label(privacy_hint(), self))
        self._finish()
        self._fill(indicator)
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()

    def _fill(self, indicator: Indicator) -> None:
        self.name.setText(indicator.name)
        self.definition.setPlainText(indicator.definition)
        select_data(self.unit, indicator.unit)
        select_data(self.source, indicator.source)
        select_data(self.group, indicator.respondent_group)
        self.question.setPlainText(indicator.question)
        select_data(self.goal, indicator.goal_id)
        select_data(self.activity, indicator.activity_id)
        self.baseline.setText(format_value(indicator.baseline_milli))
        self.baseline_year.set_year(indicator.baseline_year)
        self.target.setText(format_value(indicator.target_milli))
        self.higher.setChecked(indicator.higher_is_better)
        never = _("NNS questions are never reworded: the national results stay comparable "
                  "between agencies only when every agency asks exactly the same question.")
        if self._fixed_question:
            self.question.setReadOnly(True)
            self.question.setToolTip(never)
            self.question.setStyleSheet("QPlainTextEdit { background: #f3f1ec; }")
            self.source.setEnabled(False)
            self.source.setToolTip(never)
            self.question_hint.setText(never)
        else:
            self.question_hint.setText(_("Type the question exactly as worded in the NNS "
                                         "survey: it cannot be changed afterwards."))

    def _source_changed(self) -> None:
        nns = self.source.currentData() == IndicatorSource.NNS
        for widget in (self.group, self.question, self.question_hint):
            self.form.setRowVisible(widget, nns)
        self.adjustSize()

    def is_question_fixed(self) -> bool:
        """True when the question is shown read-only (an NNS indicator already saved)."""
        return self._fixed_question

    def indicator(self) -> Indicator:
        """The indicator as typed (ValidationError for a bad number or year)."""
        source = IndicatorSource(self.source.currentData())
        nns = source is IndicatorSource.NNS
        return dataclasses.replace(
            self._indicator, name=self.name.text(),
            definition=self.definition.toPlainText(), unit=Unit(self.unit.currentData()),
            source=source, respondent_group=str(self.group.currentData() or "") if nns else "",
            question=self.question.toPlainText() if nns or self._indicator.question else "",
            goal_id=self.goal.currentData(), activity_id=self.activity.currentData(),
            baseline_milli=optional_value(self.baseline.text()),
            baseline_year=self.baseline_year.year(),
            target_milli=optional_value(self.target.text()),
            higher_is_better=self.higher.isChecked())

    def _save(self) -> None:
        self._submit(self.indicator())


class EvaluationDialog(_FormDialog):
    """Add or edit an evaluation: kind, title, activity, evaluator, dates, findings,
    recommendations and where the report is. `submit(evaluation)`; `browse()` asks for the
    report file and `open_report(reference)` opens what the field names."""

    def __init__(self, evaluation: Evaluation, activities: Choices,
                 submit: Callable[[Evaluation], None],
                 browse: Callable[[], str | None], open_report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evaluation, self._submit = evaluation, submit
        self._browse, self._open = browse, open_report
        self.kind = QComboBox(self)
        for kind, label in EVALUATION_LABELS.items():
            self.kind.addItem(_(label), kind)
        self.title = QLineEdit(self)
        self.activity = QComboBox(self)
        self.activity.addItem(_("The agency"), None)
        for activity_id, name in activities:
            self.activity.addItem(name, activity_id)
        self.evaluator = QLineEdit(self)
        self.evaluator.setPlaceholderText(_("e.g. the agency's staff, FoU, an external "
                                            "evaluator"))
        self.started = DateField(self)
        self.finished = DateField(self)
        dates = QHBoxLayout()
        dates.addWidget(self.started)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.finished)
        dates.addStretch(1)
        self.findings = text_box(self, 4)
        self.recommendations = text_box(self, 3)
        for box in (self.findings, self.recommendations):
            box.setPlaceholderText(privacy_hint())
        self.file_ref = QLineEdit(self)
        self.file_ref.setPlaceholderText(_("a file path or a web address"))
        self.browse_button = QPushButton(_("Browse…"), self)
        self.open_button = QPushButton(_("Open"), self)
        report = QHBoxLayout()
        report.addWidget(self.file_ref, 1)
        report.addWidget(self.browse_button)
        report.addWidget(self.open_button)
        self.setWindowTitle(_("Add evaluation") if not evaluation.id
                            else _("Edit evaluation"))
        self.form.addRow(_("Kind"), self.kind)
        self.form.addRow(_("Title"), self.title)
        self.form.addRow(_("Evaluates"), self.activity)
        self.form.addRow(_("Evaluator"), self.evaluator)
        self.form.addRow(_("Started – finished"), dates)
        self.form.addRow(_("Findings"), self.findings)
        self.form.addRow(_("Recommendations"), self.recommendations)
        self.form.addRow(hint_label(privacy_hint(), self))
        self.form.addRow(_("Report"), report)
        self._finish()
        select_data(self.kind, evaluation.kind)
        self.title.setText(evaluation.title)
        select_data(self.activity, evaluation.activity_id)
        self.evaluator.setText(evaluation.evaluator)
        self.started.set_date(evaluation.started_on)
        self.finished.set_date(evaluation.finished_on)
        self.findings.setPlainText(evaluation.findings)
        self.recommendations.setPlainText(evaluation.recommendations)
        self.file_ref.setText(evaluation.file_ref)
        self.browse_button.clicked.connect(self._browse_clicked)
        self.open_button.clicked.connect(lambda: self._open(self.file_ref.text()))
        self.file_ref.textChanged.connect(self._update_open)
        self._update_open()

    def _update_open(self) -> None:
        self.open_button.setEnabled(bool(self.file_ref.text().strip()))

    def _browse_clicked(self) -> None:
        path = self._browse()
        if path:
            self.file_ref.setText(path)

    def evaluation(self) -> Evaluation:
        """The evaluation as typed (ValidationError for a bad date)."""
        return dataclasses.replace(
            self._evaluation, kind=EvaluationKind(self.kind.currentData()),
            title=self.title.text(), activity_id=self.activity.currentData(),
            evaluator=self.evaluator.text(), started_on=self.started.date(),
            finished_on=self.finished.date(), findings=self.findings.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            file_ref=self.file_ref.text().strip())

    def _save(self) -> None:
        self._submit(self.evaluation())
