"""Board tab: who sits on the board on a chosen date (or the whole history), with add, edit,
end-term and remove, and the composition problems of that date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.board import (
    CATEGORY_LABELS,
    FUNCTION_LABELS,
    ROLE_LABELS,
    BoardFunction,
    Person,
    Seat,
    SeatRole,
)
from finsam_desktop.domain.charter import current_term_start
from finsam_desktop.domain.organisation import Member
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import board, organisation
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.organisation.person_dialog import PersonDialog, PersonEditing
from finsam_desktop.ui.panels.organisation.person_strip import PersonStrip, person_tooltip
from finsam_desktop.ui.panels.organisation.seat_actions import SeatActions
from finsam_desktop.ui.panels.organisation.seat_dialog import SeatDialog
from finsam_desktop.ui.widgets.end_dialog import EndDialog
from finsam_desktop.ui.widgets.problem_list import ProblemList
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


@dataclass(frozen=True)
class BoardRow:
    """A seat with the names to show it and the seat holder's details (None: unknown)."""

    seat: Seat
    person: str
    member: Member
    details: Person | None


def _function(view: BoardRow) -> str:
    function = view.seat.function
    return "" if function is BoardFunction.NONE else _(FUNCTION_LABELS[function])


def _tooltip(row: BoardRow) -> str:
    return person_tooltip(row.details) if row.details else ""


COLUMNS = [
    Column(N_("Member"), lambda v: v.member.name),
    Column(N_("Role"), lambda v: _(ROLE_LABELS[v.seat.role])),
    # Contact details: tooltip and the line under the table (as two more columns the names no
    # longer fit in a 1200 px window).
    Column(N_("Name"), lambda v: v.person, tooltip=_tooltip),
    Column(N_("Function"), _function),
    Column(N_("Order"), lambda v: str(v.seat.substitute_order or ""), numeric=True),
    Column(N_("Category"), lambda v: _(CATEGORY_LABELS[v.seat.category])),
    Column(N_("Term from"), lambda v: format_date(v.seat.term_from)),
    Column(N_("Term to"), lambda v: format_date(v.seat.term_to)),
]


class BoardTab(QWidget):
    """The board on a date, its history, and the seat editors."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actions = SeatActions(ctx, self)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=2)
        self.dialog: SeatDialog | EndDialog | PersonDialog | None = None
        self.people = PersonEditing(ctx, self)
        self.date_label = QLabel(self)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.today_button = QPushButton(self)
        self.history = QCheckBox(self)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.end_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.person_strip = PersonStrip(self)
        self.person_button = self.person_strip.button
        self.empty_label = QLabel(self)
        self.problems_label = QLabel(self)
        self.problems_label.setStyleSheet("font-weight: bold;")
        self.problems = ProblemList(self)
        self._build_ui()
        self._connect()
        self.date.setDate(_qdate(ctx.require_store().today()))

    def _build_ui(self) -> None:
        top = QHBoxLayout()
        for widget in (self.date_label, self.date, self.today_button, self.history):
            top.addWidget(widget)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.person_strip)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)

    def _connect(self) -> None:
        self.date.dateChanged.connect(self.refresh)
        self.today_button.clicked.connect(
            lambda: self.date.setDate(_qdate(self._ctx.require_store().today())))
        self.history.toggled.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_selected)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.remove_button.clicked.connect(self._remove_selected)
        self.person_button.clicked.connect(self.open_person_editor)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.date_label.setText(_("Board on date"))
        self.today_button.setText(_("Today"))
        self.history.setText(_("Show whole history"))
        self.add_button.setText(_("Add seat…"))
        self.edit_button.setText(_("Edit…"))
        self.end_button.setText(_("End term…"))
        self.end_button.setToolTip(_("The person leaves the board: set the last day of the term."))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Delete a seat entered by mistake."))
        self.person_strip.translate_ui()
        self.model.retranslate()

    def chosen_day(self) -> dt.date:
        """The date whose board is shown."""
        return self.date.date().toPython()  # type: ignore[no-any-return]

    def refresh(self) -> None:
        """Re-read seats and problems for the chosen date (or the whole history)."""
        store = self._ctx.require_store()
        day, today = self.chosen_day(), store.today()
        self.date.setEnabled(not self.history.isChecked())
        people = {p.id: p for p in board.list_people(store)}
        views = self._all_seats(people) if self.history.isChecked() else board.board_on(store, day)
        before = selected_record(self.view)
        self.model.set_rows([BoardRow(v.seat, v.person, v.member, people.get(v.seat.person_id))
                             for v in views])
        if before is not None:  # keep the row selected, e.g. after editing the person
            ids = [row.seat.id for row in self.model.rows()]
            if before.seat.id in ids:
                self.view.selectRow(ids.index(before.seat.id))
        fit_columns(self.view)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.empty_label.setText(_("Nobody holds a seat on {date}. Use “Add seat…” to enter the "
                                   "board.").format(date=format_date(day)))
        if day < today:
            caption = _("Problems on {date} (history: marked, not blocked)")
        else:
            caption = _("Problems on {date}")
        self.problems_label.setText(caption.format(date=format_date(day)))
        self.problems.set_empty_text(_("The board is complete and follows the rules."))
        self.problems.set_messages([p.message for p in board.board_problems(store, day)])
        self._update_buttons()

    def _all_seats(self, people: dict[int, Person]) -> list[board.SeatView]:
        store = self._ctx.require_store()
        members = {m.id: (i, m) for i, m in enumerate(organisation.list_members(store))}
        views = [board.SeatView(s, people[s.person_id].name if s.person_id in people else "?",
                                members[s.member_id][1])
                 for s in board.list_seats(store)]
        return sorted(views, key=lambda v: (
            v.seat.term_from, members[v.seat.member_id][0], v.seat.role is not SeatRole.MEMBER,
            v.seat.substitute_order or 0, v.person))

    def _update_buttons(self) -> None:
        row = selected_record(self.view)
        for button in (self.edit_button, self.end_button, self.remove_button):
            button.setEnabled(row is not None)
        self.person_strip.show_person(row.details if row is not None else None)

    def open_editor(self, seat: Seat | None) -> SeatDialog:
        """Open the seat dialog (non-blocking); OK saves through undo commands."""
        store = self._ctx.require_store()
        self.dialog = SeatDialog(
            seat, people=board.list_people(store), members=organisation.list_members(store),
            default_from=current_term_start(organisation.get_charter(store), store.today()),
            submit=self.actions.save_seat, parent=self)
        self.dialog.open()
        return self.dialog

    def _edit_selected(self) -> None:
        view = selected_record(self.view)
        if view is not None:
            self.open_editor(view.seat)

    def open_end_dialog(self) -> EndDialog | None:
        """Ask for the last day of the selected seat's term."""
        view = selected_record(self.view)
        if view is None:
            return None

        def submit(day: dt.date) -> None:
            self.actions.update_seat(dataclasses.replace(view.seat, term_to=day))

        self.dialog = EndDialog(
            _("End term"), _("{name} leaves the board for {member}.").format(
                name=view.person, member=view.member.name),
            self._ctx.require_store().today(), submit, self)
        self.dialog.open()
        return self.dialog

    def open_person_editor(self) -> PersonDialog | None:
        """Edit the details of the selected seat's holder (non-blocking)."""
        view = selected_record(self.view)
        if view is None:
            return None
        dialog = self.people.open(view.seat.person_id)
        if dialog is not None:
            self.dialog = dialog
        return dialog

    def _remove_selected(self) -> None:
        view = selected_record(self.view)
        if view is not None:
            self.actions.remove_seat(view.seat.id, view.person)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
