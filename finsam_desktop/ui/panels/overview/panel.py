"""The overview: the agency's profile, members with shares and board seats, staff, and what
needs fixing (organisation and board problems of today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from finsam_desktop.domain.board import STAFF_LABELS, BoardFunction, SeatRole, StaffRole
from finsam_desktop.domain.organisation import KIND_LABELS, PARTY_LABELS, Member
from finsam_desktop.formatting import format_date, format_share
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import board, organisation
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.base import Panel
from finsam_desktop.ui.widgets.problem_list import ProblemList
from finsam_desktop.ui.widgets.tables import fit_columns, fit_height, make_table


@dataclass(frozen=True)
class MemberRow:
    """A member with its board seats on a day."""

    member: Member
    members: int
    deputies: int


@dataclass(frozen=True)
class StaffRow:
    """A staff role with the person's name."""

    role: StaffRole
    name: str


MEMBER_COLUMNS = [
    Column(N_("Member"), lambda r: r.member.name),
    Column(N_("Kind"), lambda r: _(KIND_LABELS[r.member.kind])),
    Column(N_("Financing party"), lambda r: _(PARTY_LABELS[r.member.party])),
    Column(N_("Share"), lambda r: format_share(r.member.share_ppm), numeric=True),
    Column(N_("Board members (ledamöter)"), lambda r: str(r.members), numeric=True),
    Column(N_("Deputies (ersättare)"), lambda r: str(r.deputies), numeric=True),
]
STAFF_COLUMNS = [
    Column(N_("Name"), lambda r: r.name),
    Column(N_("Role"), lambda r: _(STAFF_LABELS[r.role.kind])),
    Column(N_("Title"), lambda r: r.role.title),
    Column(N_("Since"), lambda r: format_date(r.role.from_date)),
]


class OverviewPanel(Panel):
    """The agency at a glance."""

    tables = ("agency", "settings", "members", "people", "seats", "staff")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._members = RecordTableModel(MEMBER_COLUMNS, self)
        self._staff = RecordTableModel(STAFF_COLUMNS, self)
        self._build_ui()
        self.translate_ui()
        self.refresh()

    def _build_ui(self) -> None:
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.facts_label = QLabel(self)
        self.board_label = QLabel(self)
        self.member_view = make_table(self._members, self, stretch_column=0)
        self.staff_view = make_table(self._staff, self, stretch_column=2)
        self.problems = ProblemList(self)
        self._member_box = self._boxed(self.member_view, self.board_label)
        self._staff_box = self._boxed(self.staff_view)
        self._problem_box = self._boxed(self.problems)
        grid = QGridLayout()
        grid.addWidget(self._member_box, 0, 0, 1, 2)
        grid.addWidget(self._staff_box, 1, 0)
        grid.addWidget(self._problem_box, 1, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addLayout(grid, 1)

    def _boxed(self, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(self)
        inner = QVBoxLayout(box)
        for widget in widgets:
            inner.addWidget(widget)
        inner.addStretch(1)  # short contents sit at the top, not in the middle
        return box

    def translate_ui(self) -> None:
        self._member_box.setTitle(_("Member organisations"))
        self._staff_box.setTitle(_("Office (kansli)"))
        self._problem_box.setTitle(_("Things to fix"))
        self.problems.set_empty_text(_("Nothing to fix: members, shares and board are in order."))
        self._members.retranslate()
        self._staff.retranslate()

    def refresh(self) -> None:
        store = self._ctx.require_store()
        today = store.today()
        agency = organisation.get_agency(store)
        self.name_label.setText(agency.name)
        self.facts_label.setText(_("Organisation number: {number}   ·   Seat: {seat}").format(
            number=agency.org_number or "—", seat=agency.seat or "—"))
        seats = board.board_on(store, today)
        self._members.set_rows(self._member_rows(organisation.current_members(store), seats))
        self.board_label.setText(self._board_summary(seats))
        self._staff.set_rows(self._staff_rows(today))
        fit_columns(self.member_view)
        fit_columns(self.staff_view)
        fit_height(self.member_view, max_rows=15)
        fit_height(self.staff_view, max_rows=10)
        problems = organisation.problems(store)
        problems += [p.message for p in board.board_problems(store, today)]
        self.problems.set_messages(problems)

    @staticmethod
    def _member_rows(members: list[Member], seats: list[board.SeatView]) -> list[MemberRow]:
        def count(member: Member, role: SeatRole) -> int:
            return sum(1 for v in seats if v.seat.member_id == member.id and v.seat.role is role)
        return [MemberRow(m, count(m, SeatRole.MEMBER), count(m, SeatRole.DEPUTY))
                for m in members]

    @staticmethod
    def _board_summary(seats: list[board.SeatView]) -> str:
        chairs = [v.person for v in seats if v.seat.function is BoardFunction.CHAIR]
        n_members = sum(1 for v in seats if v.seat.role is SeatRole.MEMBER)
        return _("Board today: {members} members (ledamöter), {deputies} deputies (ersättare). "
                 "Chair: {chair}.").format(members=n_members, deputies=len(seats) - n_members,
                                           chair=", ".join(chairs) or _("not chosen"))

    def _staff_rows(self, today: dt.date) -> list[StaffRow]:
        store = self._ctx.require_store()
        names = {p.id: p.name for p in board.list_people(store)}
        return [StaffRow(r, names.get(r.person_id, "?")) for r in board.list_staff(store)
                if r.is_active_on(today)]
