"""Members tab: the member organisations with their shares, the editor dialog, the
population split, and the live list of membership and share problems."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.organisation import KIND_LABELS, PARTY_LABELS, Member
from finsam_desktop.formatting import format_date, format_number, format_share
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import organisation
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.organisation.member_dialog import MemberDialog
from finsam_desktop.ui.widgets.problem_list import ProblemList
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


def _population(member: Member) -> str:
    return "" if member.population is None else format_number(member.population)


COLUMNS = [
    Column(N_("Name"), lambda m: m.name),
    Column(N_("Kind"), lambda m: _(KIND_LABELS[m.kind])),
    Column(N_("Financing party"), lambda m: _(PARTY_LABELS[m.party])),
    Column(N_("Share"), lambda m: format_share(m.share_ppm), numeric=True),
    Column(N_("Population"), _population, numeric=True),
    Column(N_("Organisation number"), lambda m: m.org_number),
    Column(N_("Joined"), lambda m: format_date(m.joined_on)),
    Column(N_("Left"), lambda m: format_date(m.left_on)),
]


class MembersTab(QWidget):
    """List, add, edit and remove member organisations."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=0)
        self.dialog: MemberDialog | None = None
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.split_button = QPushButton(self)
        self.problems_label = QLabel(self)
        self.problems_label.setStyleSheet("font-weight: bold;")
        self.problems = ProblemList(self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.split_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.split_button.clicked.connect(self._split)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.split_button.setText(_("Compute shares from population"))
        self.split_button.setToolTip(_("Split the municipal share between the municipalities "
                                       "in proportion to their population."))
        self.problems_label.setText(_("Membership and shares"))
        self.problems.set_empty_text(_("All parties are members and the shares add up."))
        self.model.retranslate()

    def refresh(self) -> None:
        """Re-read members and problems."""
        store = self._ctx.require_store()
        self.model.set_rows(organisation.list_members(store))
        fit_columns(self.view)
        self.problems.set_messages(organisation.problems(store))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = selected_record(self.view) is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def open_editor(self, member: Member | None) -> MemberDialog:
        """Open the member dialog (non-blocking); OK saves through an undo command."""
        self.dialog = MemberDialog(member, self._save, self)
        self.dialog.open()
        return self.dialog

    def _save(self, member: Member) -> None:
        command = (undo.UpdateMember(self._ctx, member) if member.id
                   else undo.AddMember(self._ctx, member))
        undo.run(self._ctx, command)

    def _edit_selected(self) -> None:
        member = selected_record(self.view)
        if member is not None:
            self.open_editor(member)

    def _remove_selected(self) -> None:
        member = selected_record(self.view)
        if member is None or not dialogs.ask_yes_no(
                self, _("Remove member"),
                _("Remove {name} from the members?").format(name=member.name)):
            return
        self._run(undo.RemoveMember(self._ctx, member.id), _("Could not remove the member"))

    def _split(self) -> None:
        self._run(undo.ApplyPopulationSplit(self._ctx), _("Could not compute the shares"))

    def _run(self, command: undo.ServiceCommand, title: str) -> None:
        try:
            undo.run(self._ctx, command)
        except FinsamError as error:
            dialogs.show_error(self, title, str(error))
