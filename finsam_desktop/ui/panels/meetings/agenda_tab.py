"""Summons & agenda tab: the meeting's fields, the agenda (add, edit, remove, move with
Alt+Up/Alt+Down) and the summons PDF."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import ITEM_KIND_LABELS, Attachment, Item, ItemKind, Meeting
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import exports, meetings
from finsam_desktop.ui import calendar_files, dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.meetings.common import BusyLine, run_or_show
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.panels.meetings.item_dialog import ItemDialog
from finsam_desktop.ui.panels.meetings.meeting_form import MeetingForm
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


@dataclass(frozen=True)
class AgendaRow:
    """An item with its § number (or position before numbering) and attachment count."""

    item: Item
    number: str
    attachments: int


COLUMNS = [
    Column(N_("No./§"), lambda r: r.number, numeric=True),
    Column(N_("Kind"), lambda r: _(ITEM_KIND_LABELS[r.item.kind])),
    Column(N_("Title"), lambda r: r.item.title, tooltip=lambda r: r.item.proposal),
    Column(N_("Dnr"), lambda r: r.item.dnr),
    Column(N_("Attachments"), lambda r: str(r.attachments or ""), numeric=True),
]


class AgendaTab(QWidget):
    """The meeting form above the agenda table and its buttons."""

    def __init__(self, ctx: AppContext, runner: ExportRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._meeting: Meeting | None = None
        self._sealed = False
        self.form = MeetingForm(ctx, self)
        self.agenda_label = QLabel(self)
        self.agenda_label.setStyleSheet("font-weight: bold;")
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=2)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.export_button = QPushButton(self)
        self.invite_button = QPushButton(self)
        self.busy = BusyLine(self)
        self.dialog: ItemDialog | None = None
        self._build()
        self._connect()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button,
                       self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.agenda_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self.open_item_dialog(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.activated.connect(lambda s=step: self.move_selected(s))
        self.export_button.clicked.connect(self.export_summons)
        self.invite_button.clicked.connect(self.save_invitation)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.busy.follow(self._runner, self._update_buttons)

    def translate_ui(self) -> None:
        """Set every text."""
        self.form.translate_ui()
        self.agenda_label.setText(_("Agenda"))
        self.add_button.setText(_("Add item…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setText(_("Move up"))
        self.up_button.setToolTip("Alt+Up")
        self.down_button.setText(_("Move down"))
        self.down_button.setToolTip("Alt+Down")
        self.export_button.setText(_("Export summons PDF…"))
        self.invite_button.setText(_("Calendar invitation…"))
        self.invite_button.setToolTip(_("Save the meeting as a calendar file (.ics) with the "
                                        "place, the remote link and the agenda, to send or "
                                        "open in Outlook."))
        self.model.retranslate()

    def set_meeting(self, meeting: Meeting | None, sealed: bool) -> None:
        """Show `meeting` (None: nothing selected)."""
        self._meeting, self._sealed = meeting, sealed
        self.form.set_meeting(meeting, sealed=sealed)
        self.refresh_items()

    def refresh_items(self) -> None:
        """Re-read the agenda; keep the selected item."""
        before = selected_record(self.view)
        rows = []
        if self._meeting is not None:
            store = self._ctx.require_store()
            for item in meetings.list_items(store, self._meeting.id):
                number = meetings.number_of(self._meeting, item)
                rows.append(AgendaRow(item, f"§ {number}" if number else str(item.position),
                                      len(meetings.list_attachments(store, item.id))))
        self.model.set_rows(rows)
        fit_columns(self.view)
        if before is not None:
            self.select_item(before.item.id)
        self._update_buttons()

    def select_item(self, item_id: int) -> None:
        """Select the item with `item_id` if listed."""
        ids = [r.item.id for r in self.model.rows()]
        if item_id in ids:
            self.view.selectRow(ids.index(item_id))

    def _update_buttons(self) -> None:
        row = selected_record(self.view)
        editable = self._meeting is not None and not self._sealed
        self.add_button.setEnabled(editable)
        for button in (self.edit_button, self.remove_button, self.up_button,
                       self.down_button):
            button.setEnabled(editable and row is not None)
        self.export_button.setEnabled(self._meeting is not None and not self._runner.is_busy())
        self.invite_button.setEnabled(self._meeting is not None)

    # Items ------------------------------------------------------------------------------

    def open_item_dialog(self, item: Item | None) -> ItemDialog | None:
        """Open the item dialog (non-blocking); OK saves the item and its attachments."""
        if self._meeting is None:
            return None
        store = self._ctx.require_store()
        if item is None:
            item = Item(0, self._meeting.id, 0, "", ItemKind.DECISION)
            attachments: list[Attachment] = []
        else:
            attachments = meetings.list_attachments(store, item.id)
        self.dialog = ItemDialog(item, attachments, self._save_item, self)
        self.dialog.open()
        return self.dialog

    def _edit_selected(self) -> None:
        row = selected_record(self.view)
        if row is not None and not self._sealed:
            self.open_item_dialog(row.item)

    def _save_item(self, item: Item, added: list[Attachment], removed: list[int]) -> None:
        done: list[undo.ServiceCommand] = []
        try:
            if item.id:
                current = next(i for i in meetings.list_items(self._ctx.require_store(),
                                                              item.meeting_id)
                               if i.id == item.id)
                if dataclasses.replace(current, title=item.title, kind=item.kind,
                                       dnr=item.dnr, proposal=item.proposal) != current:
                    command: undo.ServiceCommand = undo_meetings.UpdateItem(
                        self._ctx, dataclasses.replace(current, title=item.title,
                                                       kind=item.kind, dnr=item.dnr,
                                                       proposal=item.proposal),
                        text=_("Edit item “{title}”").format(title=item.title))
                    command.execute()
                    done.append(command)
                item_id = item.id
            else:
                add = undo_meetings.AddItem(self._ctx, item, text=_("Add item “{title}”").format(
                    title=item.title))
                add.execute()
                done.append(add)
                item_id = add.record.id
            for attachment in added:
                attach = undo_meetings.AddAttachment(
                    self._ctx, dataclasses.replace(attachment, item_id=item_id),
                    text=_("Attach {title}").format(title=attachment.title))
                attach.execute()
                done.append(attach)
            for attachment_id in removed:
                detach = undo_meetings.RemoveAttachment(self._ctx, attachment_id)
                detach.execute()
                done.append(detach)
        except FinsamError:
            for command in reversed(done):
                command.undo()
            raise
        self._push(done)
        self.select_item(item_id)

    def _push(self, commands: list[undo.ServiceCommand]) -> None:
        stack = self._ctx.undo_stack
        if len(commands) == 1:
            stack.push(commands[0])
        elif commands:
            stack.beginMacro(commands[0].text())
            for command in commands:
                stack.push(command)
            stack.endMacro()

    def remove_selected(self) -> None:
        """Remove the selected item after asking."""
        row = selected_record(self.view)
        if row is None:
            return
        if not dialogs.ask_yes_no(self, _("Remove item"), _(
                "Remove “{title}” from the agenda, with what has been minuted in it?").format(
                    title=row.item.title)):
            return
        run_or_show(self._ctx, self, undo_meetings.RemoveItem(self._ctx, row.item),
                    _("Could not remove the item"))

    def move_selected(self, step: int) -> None:
        """Move the selected item one place up (-1) or down (+1)."""
        row = selected_record(self.view)
        if row is None or self._sealed:
            return
        target = row.item.position + step
        if not 1 <= target <= self.model.rowCount():
            return
        if run_or_show(self._ctx, self, undo_meetings.MoveItem(self._ctx, row.item, target),
                       _("Could not move the item")):
            self.select_item(row.item.id)

    # Export -----------------------------------------------------------------------------

    def save_invitation(self) -> None:
        """Save the meeting's calendar invitation (.ics): place, remote link, agenda."""
        if self._meeting is None:
            return
        path = calendar_files.save_invitation(self, self._ctx.require_store(), self._meeting)
        if path is not None:
            self.busy.show_saved(str(path))

    def export_summons(self) -> None:
        """Write the summons with the agenda to a PDF (in the background)."""
        if self._meeting is None:
            return
        meeting_id, day = self._meeting.id, self._meeting.date
        self.busy.export(
            lambda: exports.notice_job(self._ctx.require_store(), meeting_id),
            _("Summons {date}.pdf").format(date=day.isoformat()))

