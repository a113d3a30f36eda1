"""The Mappings and obstacles tab (agency-wide): target-group mappings (kartläggningar) and
obstacles found between the parties, with the activities that address them. Added and
edited in a dialog (never blocking; a refusal keeps it open with the reason), removed after
asking; Edit ▸ Undo takes any of it back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.activities import FINDING_LABELS, Activity, Finding, FindingKind
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import activities
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.activities.common import hint, privacy_hint, privacy_text
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_activities import RemoveFinding, SaveFinding
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel, fill_enum_combo, select_data
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record

IdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FindingRow:
    """A finding with the names of the activities addressing it."""

    finding: Finding
    activity_ids: tuple[int, ...]
    activity_names: tuple[str, ...]


COLUMNS = [
    Column(N_("Kind"), lambda r: _(FINDING_LABELS[r.finding.kind])),
    Column(N_("Title"), lambda r: r.finding.title,
           tooltip=lambda r: r.finding.description or None),
    Column(N_("Date"), lambda r: format_date(r.finding.found_on)),
    Column(N_("Source"), lambda r: r.finding.source),
    Column(N_("Addressed by"), lambda r: ", ".join(r.activity_names),
           tooltip=lambda r: "\n".join(r.activity_names) or None),
]

Submit = Callable[[Finding, list[int]], None]


class FindingDialog(QDialog):
    """A mapping or obstacle and the activities addressing it; `submit(finding, ids)`."""

    def __init__(self, finding: Finding | None, linked: Sequence[int],
                 all_activities: Sequence[Activity], submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._finding = finding or Finding(0, FindingKind.MAPPING, "")
        self._submit = submit
        self.setWindowTitle(_("Edit mapping or obstacle") if finding else
                            _("New mapping or obstacle"))
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, FINDING_LABELS)
        select_data(self.kind, self._finding.kind.value)
        self.title = QLineEdit(self._finding.title, self)
        self.found = DateField(self)
        self.found.set_date(self._finding.found_on)
        self.source = QLineEdit(self._finding.source, self)
        self.source.setPlaceholderText(_("who mapped it, report reference"))
        self.description = QPlainTextEdit(self._finding.description, self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.activities = QListWidget(self)
        self.activities.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        chosen = set(linked)
        for activity in all_activities:
            item = QListWidgetItem(activity.name, self.activities)
            item.setData(IdRole, activity.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if activity.id in chosen
                               else Qt.CheckState.Unchecked)
        self.activities.setFixedHeight(min(max(len(all_activities), 3), 8)
                                       * (self.fontMetrics().height() + 6) + 6)
        privacy = privacy_hint(self)
        privacy.setText(privacy_text())
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(privacy)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Date"), self.found)
        form.addRow(_("Source"), self.source)
        form.addRow(_("Description"), self.description)
        form.addRow(_("Addressed by"), self.activities)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def set_checked(self, activity_id: int, checked: bool) -> None:
        """Tick or untick an activity as the user would."""
        for row in range(self.activities.count()):
            item = self.activities.item(row)
            if item.data(IdRole) == activity_id:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def edited(self) -> tuple[Finding, list[int]]:
        """The finding as typed and the ticked activities."""
        ids = [int(self.activities.item(r).data(IdRole)) for r in range(self.activities.count())
               if self.activities.item(r).checkState() == Qt.CheckState.Checked]
        finding = dataclasses.replace(
            self._finding, kind=FindingKind(self.kind.currentData()),
            title=self.title.text().strip(), found_on=self.found.date(),
            source=self.source.text().strip(),
            description=self.description.toPlainText().strip())
        return finding, ids

    def accept(self) -> None:
        try:
            self._submit(*self.edited())
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()


class FindingsTab(QWidget):
    """The list of mappings and obstacles with Add, Edit and Remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: FindingDialog | None = None
        self.intro = hint(self)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=4)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.intro.setText(_("Mappings of the target groups and obstacles found between the "
                             "parties, for the whole agency, and the activities that address "
                             "them."))
        self.add_button.setText(_("New…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.model.retranslate()

    def refresh(self) -> None:
        """Re-read the findings."""
        store = self._ctx.require_store()
        names = {a.id: a.name for a in activities.list_activities(store)}
        selected = selected_record(self.view)
        rows = [FindingRow(f, tuple(ids), tuple(names[i] for i in ids if i in names))
                for f, ids in activities.list_findings(store)]
        self.model.set_rows(rows)
        fit_columns(self.view)
        if selected is not None:
            self.select(selected.finding.id)
        self._update_buttons()

    def select(self, finding_id: int) -> None:
        """Select the row of a finding."""
        for row, record in enumerate(self.model.rows()):
            if record.finding.id == finding_id:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = selected_record(self.view) is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _open(self, row: FindingRow | None) -> FindingDialog:
        store = self._ctx.require_store()

        def submit(finding: Finding, ids: list[int]) -> None:
            from finsam_desktop.ui import undo

            command = SaveFinding(self._ctx, finding, ids)
            undo.run(self._ctx, command)
            self.select(command.finding.id)

        self.dialog = FindingDialog(row.finding if row else None,
                                    row.activity_ids if row else (),
                                    activities.list_activities(store), submit, self)
        self.dialog.open()
        return self.dialog

    def add(self) -> FindingDialog:
        """Open the dialog for a new mapping or obstacle."""
        return self._open(None)

    def edit(self) -> FindingDialog | None:
        """Open the dialog for the selected one."""
        row = selected_record(self.view)
        return self._open(row) if row is not None else None

    def remove(self) -> bool:
        """Remove the selected one after asking."""
        row = selected_record(self.view)
        if row is None or not dialogs.ask_yes_no(
                self, _("Remove"), _("Remove “{title}”? Edit ▸ Undo brings it back.").format(
                    title=row.finding.title)):
            return False
        return run_or_show(self._ctx, self, RemoveFinding(self._ctx, row.finding),
                           _("It could not be removed"))
